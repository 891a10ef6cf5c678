package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"taizhang"
	"taizhang/xlsx"
)

func init() {
	register(command{name: "validate", args: "文件… [--json] [--annotate 文件夹 [--force]]", order: 30,
		short: "报送前检查进展情况表：逐条列出要改的地方（文件、单元格、怎么改）",
		run:   runValidate})
}

func runValidate(e *env, args []string) int {
	fs := e.flags("validate")
	asJSON := fs.Bool("json", false, "以 JSON 输出检查结果")
	annotate := fs.String("annotate", "", "把每个表的副本写到这个`文件夹`，文件名加“_校验批注”，有问题的单元格标红或标黄并加批注（原文件不动）")
	force := fs.Bool("force", false, "批注副本已存在时覆盖它")
	period := fs.String("period", "", "表中和文件名中都没有期次时使用的报送`期次`，如 2021-04-1；工作簿中每期一张表的，读取该期的表")
	asOf := fs.String("as-of", "", "判断逾期、临期的`日期`（默认：该期最后一天）")
	password := fs.String("password", "", "加密工作簿的打开`密码`")
	prog := programmeFlag(fs)
	if done, st := e.parse(fs, args); done {
		return st
	}
	if fs.NArg() == 0 {
		return e.fail("validate", "请给出要检查的文件，如 taizhang validate 包头市_2021年4月上半月_进展情况表.xlsx")
	}
	p, err := e.programme(*prog)
	if err != nil {
		return e.fail("validate", "%v", err)
	}
	o := inputOptions{password: *password, submitter: true}
	year := p.Year()
	if *period != "" {
		if o.period, err = taizhang.ParsePeriod(*period, p.Schedule, year); err != nil {
			return e.fail("validate", "--period：%v", err)
		}
		year = o.period.Year
	}
	var day taizhang.Date
	if *asOf != "" {
		if day, err = taizhang.ParseDate(*asOf, year); err != nil {
			return e.fail("validate", "--as-of：日期%q%v，请写成如 2021-05-31", *asOf, err)
		}
	}
	files, err := e.readInputs(p, fs.Args(), o)
	if err != nil {
		return e.fail("validate", "%v", err)
	}
	var all taizhang.Findings
	for i := range files {
		f := &files[i]
		if s := f.Submission; s != nil {
			f.Findings = append(f.Findings, taizhang.Check(p, s, taizhang.CheckOptions{AsOf: day, Submitter: true})...)
		}
		f.Findings.Sort()
		all = append(all, f.Findings...)
	}
	all.Sort()
	var written, failed []string
	if *annotate != "" {
		if written, failed, err = writeAnnotated(*annotate, files, *prog, *password, *force); err != nil {
			return e.fail("validate", "%v", err)
		}
	}
	// Where the copies went follows the findings; beside JSON, on stderr.
	copies := e.stdout
	if *asJSON {
		if err := writeJSON(e.stdout, files); err != nil {
			return e.fail("validate", "%v", err)
		}
		copies = e.stderr
	} else {
		for _, f := range all {
			fmt.Fprintln(e.stdout, f.Text())
		}
		fmt.Fprintln(e.stdout, validateSummary(files, all))
	}
	for _, w := range written {
		fmt.Fprintf(copies, "已写出标注副本：%s\n", w)
	}
	for _, why := range failed {
		e.fail("validate", "%s", why)
	}
	if len(failed) > 0 {
		return exitFailed
	}
	if all.Count(taizhang.Error) > 0 || noSheet(files) {
		return exitFindings
	}
	return exitOK
}

// noSheet reports whether none of files held a progress table to check
// (only clutter, skipped, was named).
func noSheet(files []taizhang.File) bool {
	for _, f := range files {
		if f.Submission != nil {
			return false
		}
	}
	return true
}

func validateSummary(files []taizhang.File, all taizhang.Findings) string {
	if noSheet(files) && all.Count(taizhang.Error) == 0 {
		return fmt.Sprintf("共 %d 个文件，其中没有进展情况表（都已跳过），没有检查任何内容；请给出要检查的进展情况表。", len(files))
	}
	if len(all) == 0 {
		return fmt.Sprintf("共检查 %d 个文件，未发现问题，可以报送。", len(files))
	}
	s := fmt.Sprintf("共检查 %d 个文件：错误 %d 个，警告 %d 个，提示 %d 个。", len(files), all.Count(taizhang.Error), all.Count(taizhang.Warning), all.Count(taizhang.Info))
	if all.Count(taizhang.Error) > 0 {
		s += "请改正错误后再报送。"
	} else if all.Count(taizhang.Warning) > 0 {
		s += "没有错误，可以报送；警告请核实。"
	} else {
		s += "没有错误，可以报送。"
	}
	return s
}

type jsonFinding struct {
	Code      string `json:"code"`
	Severity  string `json:"severity"`
	Label     string `json:"label"`
	Unit      string `json:"unit"`
	Period    string `json:"period"`
	Milestone string `json:"milestone"`
	Sheet     string `json:"sheet"`
	Cell      string `json:"cell"`
	Message   string `json:"message"`
}

type jsonFile struct {
	File     string        `json:"file"`
	Unit     string        `json:"unit"`
	Period   string        `json:"period"`
	Entries  int           `json:"entries"`
	Findings []jsonFinding `json:"findings"`
}

func writeJSON(w io.Writer, files []taizhang.File) error {
	doc := struct {
		Files []jsonFile `json:"files"`
	}{Files: []jsonFile{}}
	for _, f := range files {
		jf := jsonFile{File: f.Source.Path, Findings: []jsonFinding{}}
		if s := f.Submission; s != nil {
			jf.Unit, jf.Period, jf.Entries = s.Unit, s.Period.String(), len(s.Entries)
		}
		for _, x := range f.Findings {
			jf.Findings = append(jf.Findings, jsonFinding{
				Code: string(x.Code), Severity: x.Severity.Key(), Label: x.Code.Label(), Unit: x.Unit, Period: x.Period.String(),
				Milestone: x.Milestone, Sheet: x.Place.Sheet, Cell: x.Place.Cell, Message: x.Message,
			})
		}
		doc.Files = append(doc.Files, jf)
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(doc)
}

// annotatedSuffix ends the name of every annotated copy, so that a copy
// never takes the name of the sheet it was made from.
const annotatedSuffix = "_校验批注"

// formatExt reports whether ext (without its dot) looks like a file format's
// extension (xls, ods, csv), not the tail of a name such as 进展（6.1-6.15）.
func formatExt(ext string) bool {
	if ext == "" || len(ext) > 4 {
		return false
	}
	for _, r := range ext {
		if r < 'a' || r > 'z' {
			return false
		}
	}
	return true
}

// writeAnnotated writes a marked-up copy of each readable sheet into dir,
// named like 包头市_校验批注.xlsx, or 通辽市（xls）_校验批注.xlsx for an .xls,
// never taking the name of an input or of the programme workbook. It
// refuses, before writing any, when a copy would replace a file already
// there, unless force is set. It returns the paths of the copies written and,
// for each copy that could not be, a line saying which and why; one that
// fails does not stop the others.
func writeAnnotated(dir string, files []taizhang.File, programme, password string, force bool) (written, failed []string, err error) {
	type job struct {
		out string
		f   *taizhang.File
	}
	var inputs []string
	for _, f := range files {
		inputs = append(inputs, f.Source.Path)
	}
	if programme != "" {
		inputs = append(inputs, programme)
	}
	var jobs []job
	var outs []string
	used := map[string]bool{}
	for i := range files {
		f := &files[i]
		if f.Submission == nil || f.Load == nil {
			continue
		}
		name := filepath.Base(f.Source.Name)
		ext := filepath.Ext(name)
		stem := strings.TrimSuffix(name, ext)
		// The copy of a sheet in another format says which, beside the
		// copy of an .xlsx of the same name: 通辽市（xls）_校验批注.xlsx.
		if ext := strings.ToLower(strings.TrimPrefix(ext, ".")); ext != "xlsx" && formatExt(ext) {
			stem += "（" + ext + "）"
		}
		stem += annotatedSuffix
		out := filepath.Join(dir, stem+".xlsx")
		for n := 2; used[out] || sameFile(out, inputs); n++ {
			out = filepath.Join(dir, fmt.Sprintf("%s%d.xlsx", stem, n))
		}
		used[out] = true
		jobs = append(jobs, job{out, f})
		outs = append(outs, out)
	}
	if err := refuseExisting(outs, force); err != nil {
		return nil, nil, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, nil, fmt.Errorf("无法创建文件夹 %s：%s", dir, osError(err))
	}
	for _, j := range jobs {
		data, err := j.f.Load()
		if err != nil {
			failed = append(failed, fmt.Sprintf("%s 的标注副本未能写出：无法再次读取该文件（%s）", j.f.Source.Path, osError(err)))
			continue
		}
		// A CSV file is annotated as the workbook Excel would make of it.
		var book bytes.Buffer
		if ok, err := xlsx.WorkbookFromCSV(&book, j.f.Source.Name, data); ok {
			if err != nil {
				continue // its findings say why it could not be read
			}
			data = book.Bytes()
		}
		if err := writeAtomic(j.out, func(w io.Writer) error {
			return xlsx.Annotate(w, data, password, j.f.Submission.Sheet, j.f.Findings)
		}); err != nil {
			failed = append(failed, fmt.Sprintf("%s 的标注副本未能写出：%v", j.f.Source.Path, err))
			continue
		}
		written = append(written, j.out)
	}
	return written, failed, nil
}
