package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"

	"taizhang"
	"taizhang/inbox"
	"taizhang/xlsx"
)

// inputOptions says how to read the inputs of a run.
type inputOptions struct {
	period    taizhang.Period    // --period, the last resort for a sheet's period
	password  string             // --password
	progress  bool               // draw a progress bar on stderr
	annotated bool               // pass over validate's annotated copies (…_校验批注.xlsx) whose original is read too
	store     taizhang.TextStore // where the entries' texts are stowed once read; nil keeps them in memory
	submitter bool               // validate: findings are worded for the unit about to send the sheet
	history   bool               // merge, report: read a workbook's earlier periods' tables nothing else gave
}

// batch is what a run collected: the sheets to read, notes about what
// could not be collected, and every file on disk taken as input (e-mails,
// archives and mbox files included), so that no output overwrites one.
type batch struct {
	inputs    []taizhang.Input
	notes     taizhang.Findings
	disk      []string
	sheetless map[string]taizhang.Source // e-mails with attachments but no spreadsheet, by display path
}

// collect expands the paths (files, folders, zips, e-mails) into the sheets
// to read. The error is for a path that does not exist.
func (e *env) collect(paths []string) (*batch, error) {
	b := &batch{sheetless: map[string]taizhang.Source{}}
	var err error
	b.inputs, b.notes, err = inbox.Collect(paths, inbox.Options{Convert: true, Opened: func(p string) { b.disk = append(b.disk, p) }, Sheetless: func(s taizhang.Source) { b.sheetless[s.Path] = s }})
	if err != nil {
		return nil, err
	}
	return b, nil
}

// readInputs collects the paths and reads them (see read).
func (e *env) readInputs(p *taizhang.Programme, paths []string, o inputOptions) ([]taizhang.File, error) {
	b, err := e.collect(paths)
	if err != nil {
		return nil, err
	}
	return e.read(p, b, o), nil
}

// read reads every sheet of b in parallel (one worker per core) and returns
// the files in input order, followed by what could not be collected;
// everything about the content is in the files' findings.
func (e *env) read(p *taizhang.Programme, b *batch, o inputOptions) []taizhang.File {
	inputs, notes := b.inputs, b.notes
	var pws []string
	if o.password != "" {
		pws = append(pws, o.password)
	}
	files := make([]taizhang.File, len(inputs))
	jobs := make(chan int)
	var wg sync.WaitGroup
	bar := e.newProgress(len(inputs), o.progress)
	opt := xlsx.ReadOptions{Programme: p, Period: o.period, Passwords: pws, Store: o.store, Submitter: o.submitter}
	for w := 0; w < min(runtime.NumCPU(), max(len(inputs), 1)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				files[i] = readOne(inputs[i], opt)
				bar.done()
			}
		}()
	}
	for i := range inputs {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	bar.finish()
	if o.history {
		files = readEarlierTables(inputs, files, opt)
	}
	// A note about a collected file (converted from .xls, say) goes with it,
	// naming the sheet's unit and period as the reader's findings do; the
	// rest are files that could not be collected.
	byPath := map[string]int{}
	for i := range files {
		if _, ok := byPath[files[i].Source.Path]; !ok {
			byPath[files[i].Source.Path] = i // not an earlier period's table read again
		}
	}
	for _, n := range notes {
		if i, ok := byPath[n.Place.File]; ok {
			note := taizhang.Findings{n}
			if s := files[i].Submission; s != nil {
				note.Attribute(s.Unit, s.Period)
			}
			files[i].Findings = append(note, files[i].Findings...)
			continue
		}
		if src, ok := b.sheetless[n.Place.File]; ok {
			// The e-mail's sender, subject and date say whose and which
			// period's it is.
			files = append(files, taizhang.File{Source: src, Findings: taizhang.Findings{n}, Sheetless: true})
			continue
		}
		files = append(files, taizhang.File{Source: taizhang.Source{Path: n.Place.File, Name: n.Place.File}, Findings: taizhang.Findings{n}, Unopened: inbox.Unopenable(n.Place.File)})
	}
	markSupporting(p, files)
	if o.annotated {
		noteAnnotated(p, files[:len(inputs)])
	}
	return files
}

// readEarlierTables reads, from each workbook of files (those of inputs)
// that holds one table per period, the tables of earlier periods that
// nothing else in the batch gives for its unit: a unit that adds a sheet
// to one workbook each half month sends the earlier halves with the latest,
// and a half it sent no other way would otherwise be 未报. The workbook is
// read again for its own table, so that its note says which tables were
// read; the earlier tables follow the batch's files, with the same source.
func readEarlierTables(inputs []taizhang.Input, files []taizhang.File, opt xlsx.ReadOptions) []taizhang.File {
	type key struct {
		unit   string
		period taizhang.Period
	}
	have := map[key]bool{}
	for _, f := range files {
		if s := f.Submission; s != nil && s.Unit != "" {
			have[key{s.Unit, s.Period}] = true
		}
	}
	for i := range inputs {
		s := files[i].Submission
		if s == nil || s.Unit == "" || len(s.OtherTables) == 0 {
			continue
		}
		var read []taizhang.Period
		for _, q := range s.OtherTables {
			if !q.Before(s.Period) || have[key{s.Unit, q}] {
				continue
			}
			o := opt
			o.Table = q
			f := readOne(inputs[i], o)
			if t := f.Submission; t == nil || t.Unit != s.Unit || t.Period != q {
				continue // not the table the first read named: left as the first read's note says
			}
			have[key{s.Unit, q}] = true
			read = append(read, q)
			files = append(files, f)
		}
		if len(read) == 0 {
			continue
		}
		o := opt
		o.AlsoRead = read
		if f := readOne(inputs[i], o); f.Submission != nil && f.Submission.Period == s.Period && f.Submission.Unit == s.Unit {
			files[i] = f
		}
	}
	return files
}

// annotatedCopy reports whether a file's name is that of a copy written by
// validate --annotate: an .xlsx whose name holds _校验批注 (包头市_校验批注.xlsx,
// 包头市_校验批注2.xlsx, 包头市_校验批注 - 副本.xlsx).
func annotatedCopy(name string) bool {
	_, ok := originalOf(name)
	return ok
}

// originalOf returns the name of the sheet an annotated copy was made from:
// 包头市.xlsx for 包头市_校验批注2.xlsx, 通辽市.xls for 通辽市（xls）_校验批注.xlsx.
func originalOf(name string) (string, bool) {
	base := filepath.Base(name)
	if !strings.EqualFold(filepath.Ext(base), ".xlsx") {
		return "", false
	}
	stem, _, ok := strings.Cut(base, annotatedSuffix)
	if !ok || stem == "" {
		return "", false
	}
	ext := ".xlsx"
	if i := strings.LastIndex(stem, "（"); i > 0 && strings.HasSuffix(stem, "）") {
		if e := stem[i+len("（") : len(stem)-len("）")]; formatExt(e) {
			stem, ext = stem[:i], "."+e
		}
	}
	return stem + ext, true
}

// noteAnnotated passes over each annotated copy among files whose original
// was read too, with a 提示 naming the original; a copy sent without its
// original is the unit's sheet, merged with a 提示 that says so.
func noteAnnotated(p *taizhang.Programme, files []taizhang.File) {
	for i := range files {
		f := &files[i]
		orig, ok := originalOf(f.Source.Name)
		if !ok {
			continue
		}
		// The original: beside the copy if it is there, else anywhere.
		var found *taizhang.File
		for j := range files {
			g := &files[j]
			if j == i || g.Submission == nil || !strings.EqualFold(filepath.Base(g.Source.Name), orig) {
				continue
			}
			if found == nil || g.Source.Container == f.Source.Container && filepath.Dir(g.Source.Path) == filepath.Dir(f.Source.Path) {
				found = g
			}
		}
		place := taizhang.Place{File: f.Source.Path}
		if found != nil {
			// The copy says what the original says, with marks: its
			// findings would be the original's again.
			*f = taizhang.File{Source: f.Source}
			f.Findings.Add(taizhang.ReaderNote, place, "这是 validate --annotate 写出的标注副本，不是单位报送的进展情况表，未计入汇总；已读取原表 %s", found.Source.Path)
			f.Findings.Attribute(found.Submission.Unit, found.Submission.Period)
			continue
		}
		if s := f.Submission; s != nil {
			// Sent on its own, the copy is the unit's sheet: its values
			// are the original's.
			note := taizhang.Findings{}
			note.Add(taizhang.ReaderNote, place, "这是 validate --annotate 写出的标注副本，输入中没有它的原表 %s，已按此副本汇总", orig)
			note.Attribute(s.Unit, s.Period)
			f.Findings = append(note, f.Findings...)
			continue
		}
		f.Findings.Add(taizhang.ReaderNote, place, "这是 validate --annotate 写出的标注副本，输入中没有它的原表 %s，如需汇总请放入原表", orig)
		if u, err := p.MatchUnit(strings.TrimSuffix(orig, filepath.Ext(orig))); err == nil {
			f.Findings.Attribute(u, taizhang.Period{})
		}
	}
}

// markSupporting turns the 无法读取 of a file that holds no progress table
// (see xlsx.NoTable) into a 提示 when a progress sheet was read from the
// same e-mail or archive, or for the unit its name names: it came along as
// 佐证材料, and is listed among the sheet's attachments. A file with no
// such sheet beside it keeps its error.
func markSupporting(p *taizhang.Programme, files []taizhang.File) {
	byContainer := map[string]*taizhang.Submission{}
	byUnit := map[string]*taizhang.Submission{}
	for _, f := range files {
		s := f.Submission
		if s == nil {
			continue
		}
		if c := f.Source.Container; c != "" && byContainer[c] == nil {
			byContainer[c] = s
		}
		if s.Unit != "" && byUnit[s.Unit] == nil {
			byUnit[s.Unit] = s
		}
	}
	for i := range files {
		f := &files[i]
		k := slices.IndexFunc(f.Findings, xlsx.NoTable)
		if f.Submission != nil || k < 0 {
			continue
		}
		var sheet *taizhang.Submission
		var where string
		c := f.Source.Container
		if sheet = byContainer[c]; c != "" && sheet != nil {
			where = "同一封邮件中的"
			if strings.HasSuffix(strings.ToLower(c), ".zip") {
				where = "同一压缩包中的"
			}
		} else if u, _ := p.MatchUnit(strings.TrimSuffix(f.Source.Name, filepath.Ext(f.Source.Name))); u != "" && byUnit[u] != nil {
			sheet, where = byUnit[u], u+"的"
		} else {
			continue
		}
		x := taizhang.NewFinding(taizhang.ReaderNote, f.Findings[k].Place, "不是进展情况表（各工作表中都没有“措施编号”“进展状态”“进展情况”等列名），未作为进展情况表读取，按随附材料处理；%s进展情况表 %s 已读取", where, sheet.Source.Name)
		x.Unit, x.Period = sheet.Unit, sheet.Period
		f.Findings[k] = x
		if c == "" || byContainer[c] == nil {
			continue
		}
		label := strings.TrimPrefix(f.Source.Path, c+" › ")
		for j := range files {
			if s := files[j].Submission; s != nil && files[j].Source.Container == c {
				s.Source.Attachments = append(slices.Clone(s.Source.Attachments), label)
				files[j].Source.Attachments = s.Source.Attachments
			}
		}
	}
}

func readOne(in taizhang.Input, opt xlsx.ReadOptions) taizhang.File {
	f := taizhang.File{Source: in.Source, Load: in.Load}
	if in.File != "" {
		// Read in place: a large workbook need not be wholly in memory.
		fh, err := os.Open(in.File)
		if err == nil {
			var st os.FileInfo
			if st, err = fh.Stat(); err == nil {
				f.Submission, f.Findings = xlsx.ReadSubmissionAt(in.Source, fh, st.Size(), opt)
			}
			fh.Close()
		}
		if err != nil {
			f.Findings.Add(taizhang.UnreadableFile, taizhang.Place{File: in.Path}, "%s", osError(err))
			return f
		}
	} else {
		data, err := in.Load()
		if err != nil {
			f.Findings.Add(taizhang.UnreadableFile, taizhang.Place{File: in.Path}, "%s", osError(err))
			return f
		}
		f.Submission, f.Findings = xlsx.ReadSubmission(in.Source, data, opt)
	}
	if s := f.Submission; s != nil && opt.Store != nil {
		for i := range s.Entries {
			if err := s.Entries[i].Stow(opt.Store); err != nil {
				break // the texts stay in memory
			}
		}
	}
	return f
}

// progress draws a bar on stderr for large batches read at a terminal.
type progress struct {
	mu    sync.Mutex
	w     io.Writer
	total int
	n     int
	shown int
}

func (e *env) newProgress(total int, want bool) *progress {
	if !want || total < 50 || !e.isTerminal(e.stderr) {
		return &progress{}
	}
	return &progress{w: e.stderr, total: total}
}

func (b *progress) done() {
	if b.w == nil {
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	b.n++
	pct := b.n * 100 / b.total
	if pct == b.shown && b.n != b.total {
		return
	}
	b.shown = pct
	fill := pct * 30 / 100
	fmt.Fprintf(b.w, "\r读取中 [%s%s] %3d%%  %d/%d", strings.Repeat("█", fill), strings.Repeat("·", 30-fill), pct, b.n, b.total)
}

func (b *progress) finish() {
	if b.w != nil {
		fmt.Fprint(b.w, "\r\033[K")
	}
}
