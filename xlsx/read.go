package xlsx

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"path"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"taizhang"
)

// ReadOptions gives the reader what it needs beyond the file.
type ReadOptions struct {
	Programme *taizhang.Programme
	Period    taizhang.Period    // --period: the last resort for a sheet's period; picks the sheet of a workbook with one per period
	Passwords []string           // tried on an encrypted workbook, before the programme's
	Store     taizhang.TextStore // when set, a long sheet's texts are stowed there as it is read
	// Submitter words findings for the unit about to send the file
	// (validate): another unit's sheet under its name is then an error.
	Submitter bool
	// Table, when set, reads the workbook's table of that period, one of
	// the OtherTables a first read named, as an earlier period's table the
	// workbook keeps (merge reads it when nothing else of the unit's for
	// that period came); the note on the workbook's tables is the first
	// read's.
	Table taizhang.Period
	// AlsoRead are the OtherTables that are read as well (by Table): the
	// note on the workbook's tables says so rather than call them unread.
	AlsoRead []taizhang.Period
}

// stowAfter is how many entries of one sheet stay in memory with their texts
// before the rest are stowed as they are read (when a store is given).
const stowAfter = 2000

// scanRows is how many rows at the top of a sheet are searched for the header.
const scanRows = 30

// ReadSubmission reads one returned progress sheet. It finds the sheet that
// holds the table (of a workbook with one per period, the one of opt.Period or
// of the period in the file name, else the latest, naming the others in a
// finding) and its header row, maps columns by their header text, reads
// the header block (填报单位, 报送期次, 填报日期, 联系人, 联系电话) and one
// entry per row, and identifies unit and period. What it cannot read becomes
// a finding naming the file and cell; the submission is nil only when the file
// holds no readable table. Values are not judged here: taizhang.Check does that.
// The sheet is streamed row by row; only the entries are kept.
func ReadSubmission(src taizhang.Source, data []byte, opt ReadOptions) (*taizhang.Submission, taizhang.Findings) {
	return ReadSubmissionAt(src, bytes.NewReader(data), int64(len(data)), opt)
}

const ledgerSkipped = "这是本程序生成的汇总台账，不是进展情况表，已跳过"

// ReadSubmissionAt is ReadSubmission for a workbook of size bytes read from
// in, typically a file: a workbook is read in place, its parts unzipped as
// they are read, so that a large file is never wholly in memory.
func ReadSubmissionAt(src taizhang.Source, in io.ReaderAt, size int64, opt ReadOptions) (*taizhang.Submission, taizhang.Findings) {
	var fs taizhang.Findings
	fileLevel := taizhang.Place{File: src.Path}
	b, err := openSource(src, in, size, opt)
	if err != nil {
		if IsLedgerAt(in, size) {
			// A ledger of many periods may be larger unzipped than a sheet may be.
			fs.Add(taizhang.ReaderNote, fileLevel, ledgerSkipped)
			return nil, fs
		}
		fs.Add(taizhang.UnreadableFile, fileLevel, "%s", err.Error())
		return nil, fs
	}
	b.store = opt.Store
	r := &reader{b: b, p: opt.Programme, opt: opt, src: src, fs: &fs, date1904: b.date1904}
	sheets := b.sheetNames()
	switch {
	case isLedger(sheets):
		fs.Add(taizhang.ReaderNote, fileLevel, ledgerSkipped)
		return nil, fs
	case isProgramme(sheets):
		fs.Add(taizhang.ReaderNote, fileLevel, "这是方案工作簿，不是进展情况表，已跳过（方案请用 --programme 指定）")
		return nil, fs
	}
	r.readMark(sheets)
	// A workbook may hold one table per period: read the one of the wanted
	// period, else the latest, and say which were not read.
	year := r.yearHint()
	wanted, wantedFrom := r.wantedPeriod(year)
	var best *table
	var tables []*table
	var candidates []string
	empty := 0
	var damaged []damagedSheet
	for _, sh := range sheets {
		if sh == sheetMark {
			continue
		}
		candidates = append(candidates, sh)
		if sh == SheetHelp {
			continue // the template's own instructions: scanning them would cost every returned template a second sheet
		}
		sc, err := r.scanHeader(sh)
		if err == errEmptySheet {
			empty++
		}
		if d, ok := err.(damagedSheet); ok {
			damaged = append(damaged, d)
		}
		if err != nil {
			continue
		}
		t := r.tableOf(sc, year)
		t.hidden = r.b.sheetHidden(sh)
		tables = append(tables, t)
		if best == nil || t.better(best, wanted) {
			if best != nil {
				best.rr.Close()
			}
			best = t
		} else {
			sc.rr.Close()
		}
	}
	if best == nil && len(damaged) > 0 {
		d := damaged[0]
		fs.Add(taizhang.UnreadableFile, taizhang.Place{File: src.Path, Sheet: d.sheet}, "工作表“%s”已损坏（%s），读不到表头；请在 Excel 或 WPS 中打开确认后另存为 .xlsx 重新报送", d.sheet, excelizeError(d.err))
		return nil, fs
	}
	if best == nil && empty == len(candidates) {
		// A blank workbook: 新建 Microsoft Excel 工作表.xlsx, or a sheet saved
		// before it was filled in.
		if unit, err := r.unitOfName(); err == nil {
			fs.Add(taizhang.UnreadableFile, fileLevel, "工作簿是空的，各工作表都没有内容；请%s填好进展情况表后重新报送", unit)
		} else {
			fs.Add(taizhang.UnreadableFile, fileLevel, "工作簿是空的，各工作表都没有内容；如是误放的文件可删除，如是某单位的报送请其填好后重新报送")
		}
		return nil, fs
	}
	if best == nil {
		fs.Add(taizhang.UnreadableFile, fileLevel, "没有找到进展情况表：各工作表的前%d行中都没有“措施编号”“进展状态”“进展情况”等列名，请使用下发的模板填报", scanRows)
		return nil, fs
	}
	defer best.rr.Close()
	if best.byName && best.exact {
		r.namePeriod = best.period
	}
	// Worked examples beside the unit's table are left out and said so.
	var examples []string
	kept := make([]*table, 0, len(tables))
	for _, t := range tables {
		if t != best && exampleSheet(t.sheet) {
			examples = append(examples, "“"+t.sheet+"”")
			continue
		}
		kept = append(kept, t)
	}
	tables = kept
	if len(examples) > 0 {
		fs.Add(taizhang.ReaderNote, taizhang.Place{File: src.Path, Sheet: best.sheet}, "工作表%s是填写示例，未读取；进展情况表在工作表“%s”中，已从该表读取", strings.Join(examples, "、"), best.sheet)
	}
	switch {
	case len(tables) > 1:
		r.manyTables = true
		if opt.Table.IsZero() {
			r.noteTables(tables, best, wanted, wantedFrom)
		}
	case len(examples) == 0 && len(candidates) > 1 && best.sheet != candidates[0]:
		fs.Add(taizhang.ReaderNote, taizhang.Place{File: src.Path, Sheet: best.sheet}, "进展情况表在工作表“%s”中，已从该表读取（工作簿共%d个工作表）", best.sheet, len(candidates))
	}
	s := &taizhang.Submission{Source: src, Sheet: best.sheet, Columns: map[taizhang.Field]string{}}
	for _, t := range tables {
		if t != best && t.exact && !t.period.IsZero() && !slices.Contains(s.OtherTables, t.period) {
			s.OtherTables = append(s.OtherTables, t.period)
		}
	}
	r.s = s
	r.read(best.scan)
	r.identify()
	return s, fs
}

// openBookWithPasswords opens a workbook, decrypting it with the given
// passwords and then the programme's when it is encrypted.
func openBookWithPasswords(r io.ReaderAt, size int64, opt ReadOptions) (*book, error) {
	// A zip package is read in place; anything else is small or unreadable,
	// and is looked at whole.
	head := make([]byte, min(size, 8))
	if _, err := r.ReadAt(head, 0); err != nil && !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("读取中出错（%v），请确认文件完整后重新报送", err)
	}
	var data []byte
	if sniffWorkbook(head, "") == nil {
		data = head
	} else {
		data = make([]byte, size)
		if _, err := r.ReadAt(data, 0); err != nil && !errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("读取中出错（%v），请确认文件完整后重新报送", err)
		}
	}
	if err := sniffWorkbook(data, ""); !errors.Is(err, errEncrypted) {
		if err != nil {
			return nil, err
		}
		b, err := openBookAt(r, size)
		if err != nil {
			return nil, fmt.Errorf("文件已损坏，无法打开（%s）；请在 Excel 或 WPS 中打开确认后另存为 .xlsx 重新报送", excelizeError(err))
		}
		return b, nil
	}
	var pws []string
	pws = append(pws, opt.Passwords...)
	if opt.Programme != nil {
		pws = append(pws, opt.Programme.Passwords...)
	}
	if len(pws) == 0 {
		return nil, errEncrypted
	}
	for _, pw := range pws {
		// A wrong password decrypts to bytes that are not a zip package.
		plain, err := excelize.Decrypt(data, &excelize.Options{Password: pw})
		if err != nil {
			continue
		}
		if b, err := openBook(plain); err == nil {
			return b, nil
		}
	}
	return nil, errWrongPassword
}

type reader struct {
	b        *book
	p        *taizhang.Programme
	opt      ReadOptions
	src      taizhang.Source
	s        *taizhang.Submission
	fs       *taizhang.Findings
	date1904 bool

	markUnit, markPeriod string
	unitText, periodText string          // as written in the header block
	title                string          // the sheet's title line
	namePeriod           taizhang.Period // the period the sheet's name gives
	manyTables           bool            // the workbook holds several progress tables
	hiddenRows           map[int]bool    // the hidden rows read as entries
	pictures             []string        // cells holding a picture WPS embeds in a cell
	textOnly             map[int]bool    // the rows holding text but no number, node, status or date
	rowFindings          []rowFinding    // findings about an entry's row raised before it was matched
	stowFailed           bool
}

func (r *reader) place(ref string) taizhang.Place {
	return taizhang.Place{File: r.src.Path, Sheet: r.s.Sheet, Cell: ref}
}

// readMark reads the unit and period a template stored in its hidden sheet.
func (r *reader) readMark(sheets []string) {
	if !slices.Contains(sheets, sheetMark) {
		return
	}
	rr, err := r.b.rows(sheetMark)
	if err != nil {
		return
	}
	defer rr.Close()
	for i := 0; i < 10 && rr.Next(); i++ {
		row := rr.Cells()
		switch at(row, 0) {
		case "tag":
			if at(row, 1) != markTag {
				return
			}
		case "unit":
			r.markUnit = at(row, 1)
		case "period":
			r.markPeriod = at(row, 1)
		}
	}
}

// sheetRow is one row of a sheet: its 1-based number and its cells.
type sheetRow struct {
	n        int
	cells    []string
	formulas []int    // columns of formulas without a result
	sources  []string // the text of each of formulas
	errs     []int    // columns of error values (#N/A)
	hidden   bool     // the row is hidden
}

// header is where a sheet's table starts and how its columns map to fields.
type header struct {
	score  int
	first  int // 1-based row of the header (the upper row of a two-row header)
	last   int // 1-based row of the last header row
	cols   map[taizhang.Field]int
	fields map[int]taizhang.Field // the inverse of cols
	names  map[int]string         // header text of every non-empty header column
	top    []sheetRow             // the rows above the header
}

// scan is a sheet whose first rows have been read to find its header; the
// reader goes on from there.
type scan struct {
	sheet string
	h     header
	buf   []sheetRow // the rows read so far
	rr    *rowReader
}

// errEmptySheet is scanHeader's error for a sheet without a single cell.
var errEmptySheet = errors.New("empty sheet")

// damagedSheet is scanHeader's error for a sheet whose XML breaks before its
// header has been read.
type damagedSheet struct {
	sheet string
	err   error
}

func (d damagedSheet) Error() string { return d.sheet + ": " + d.err.Error() }

// unitOfName returns the unit the file's name names.
func (r *reader) unitOfName() (string, error) {
	if r.p == nil {
		return "", taizhang.ErrNoUnit
	}
	return r.p.MatchUnit(fileStem(r.src.Name))
}

// scanHeader reads the first rows of sheet sh and finds its header row. The
// caller closes the returned scan's reader.
func (r *reader) scanHeader(sh string) (*scan, error) {
	rr, err := r.b.rows(sh)
	if err != nil {
		return nil, err
	}
	var buf []sheetRow
	var matched []rowMatch
	for len(buf) < scanRows && rr.Next() {
		row := sheetRow{rr.Row(), slices.Clone(rr.Cells()), slices.Clone(rr.Formulas()), slices.Clone(rr.FormulaSources()), slices.Clone(rr.Errors()), rr.Hidden()}
		buf = append(buf, row)
		matched = append(matched, matchRow(row.cells))
		// Once the row before last is a header with the template's columns,
		// the rows below are data: stop looking (the last one may still
		// complete a two-row header).
		if n := len(matched); n >= 2 && strongHeader(headerOf(matched[n-2:n-1])) {
			break
		}
	}
	if len(buf) == 0 && rr.Err() != nil {
		rr.Close()
		return nil, damagedSheet{sh, rr.Err()}
	}
	if len(buf) == 0 {
		rr.Close()
		return nil, errEmptySheet
	}
	best := header{}
	for i := range buf {
		for span := 1; span <= 2 && i+span <= len(buf); span++ {
			if span == 2 && buf[i+1].n != buf[i].n+1 {
				continue
			}
			h := headerOf(matched[i : i+span])
			if h.score > best.score {
				h.first, h.last, h.top = buf[i].n, buf[i+span-1].n, buf[:i]
				best = h
			}
		}
	}
	if best.score < 3 || !(has(best.cols, taizhang.FieldStatus) || has(best.cols, taizhang.FieldProgress) || has(best.cols, taizhang.FieldCompleted)) {
		rr.Close()
		if err := rr.Err(); err != nil {
			// The sheet breaks before its header: say so, rather than
			// call it empty or not a progress table.
			return nil, damagedSheet{sh, err}
		}
		return nil, errors.New("no header")
	}
	return &scan{sheet: sh, h: best, buf: buf, rr: rr}, nil
}

// strongHeader reports whether a header has the template's essential columns.
func strongHeader(h header) bool {
	return h.score >= 6 && has(h.cols, taizhang.FieldStatus) && has(h.cols, taizhang.FieldProgress) &&
		(has(h.cols, taizhang.FieldNo) || has(h.cols, taizhang.FieldNode))
}

func has(m map[taizhang.Field]int, f taizhang.Field) bool { _, ok := m[f]; return ok }

// rowMatch is a row's cleaned cell texts and the column each names, matched once.
type rowMatch struct {
	texts   []string
	choices []taizhang.HeaderChoice
}

func matchRow(cells []string) rowMatch {
	m := rowMatch{texts: make([]string, len(cells)), choices: make([]taizhang.HeaderChoice, len(cells))}
	for c, v := range cells {
		m.texts[c] = taizhang.Clean(v)
		if m.texts[c] != "" {
			m.choices[c], _ = taizhang.ChooseHeader(m.texts[c])
		}
	}
	return m
}

// headerOf maps the columns of one header row, or of a two-row header whose
// upper row groups the lower (合并的“完成情况”上有“进展状态”“完成时间”).
//
// A field goes to the first column with the template's own name for it, else
// to the first column with a synonym; a column whose name may mean two fields
// (完成情况) comes last, and takes the other when the first is taken (进展状态
// or 状态 beside it).
func headerOf(rows []rowMatch) header {
	h := header{cols: map[taizhang.Field]int{}, names: map[int]string{}, fields: map[int]taizhang.Field{}}
	width := 0
	for _, row := range rows {
		width = max(width, len(row.texts))
	}
	choices := make([]taizhang.HeaderChoice, width)
	for c := 0; c < width; c++ {
		var text string
		for i := len(rows) - 1; i >= 0; i-- { // the lower row names the column more precisely
			if c >= len(rows[i].texts) || rows[i].texts[c] == "" {
				continue
			}
			t := rows[i].texts[c]
			if ch := rows[i].choices[c]; ch.Field != taizhang.FieldNone {
				text, choices[c] = t, ch
				break
			}
			if text == "" {
				text = t
			}
		}
		if text != "" {
			h.names[c] = text
		}
	}
	assign := func(c int, f taizhang.Field) {
		if f != taizhang.FieldNone && !has(h.cols, f) && h.fields[c] == taizhang.FieldNone {
			h.cols[f], h.fields[c] = c, f
		}
	}
	for c, ch := range choices {
		if ch.Exact {
			assign(c, ch.Field)
		}
	}
	for c, ch := range choices {
		if ch.Second == taizhang.FieldNone {
			assign(c, ch.Field)
		}
	}
	for c, ch := range choices {
		assign(c, ch.Field)
	}
	for c, ch := range choices {
		assign(c, ch.Second)
	}
	h.score = len(h.cols)
	if len(rows) == 2 {
		// A two-row header must do better than either of its rows alone.
		if h.score <= max(headerOf(rows[:1]).score, headerOf(rows[1:]).score) {
			h.score = 0
		}
	}
	return h
}

// read reads the header block and the entries of the chosen sheet, going on
// from the rows its scan read.
func (r *reader) read(sc *scan) {
	s, h, rr := r.s, sc.h, sc.rr
	// A column headed 序号 or 编号 in a table without 措施编号 holds a count
	// of the rows or the measure numbers: its values decide, once read.
	numCol := -1
	if c, ok := h.cols[taizhang.FieldSeq]; ok && !has(h.cols, taizhang.FieldNo) && taizhang.IsNumberHeader(h.names[c]) && r.p != nil {
		numCol = c
	}
	var numbers []string
	var heads []numberHead
	for c := 0; c <= maxKey(h.names); c++ {
		name, f := h.names[c], h.fields[c]
		if f == taizhang.FieldNone {
			continue
		}
		s.Columns[f] = col(c + 1)
		if taizhang.Normalize(name) != f.String() && c != numCol {
			r.fs.Add(taizhang.ReaderNote, r.place(cell(c+1, h.last)), "列“%s”按“%s”读取", taizhang.Quote(name), f)
		}
	}
	r.checkColumns(h, numCol >= 0)
	r.readBlock(h.top)
	// Named columns the table does not map: their cells are kept as 列名：内容.
	// One named as a column already taken (a second 进展情况) says so.
	var extraCols []int
	for c := 0; c <= maxKey(h.names); c++ {
		name, named := h.names[c]
		if !named || h.fields[c] != taizhang.FieldNone {
			continue
		}
		extraCols = append(extraCols, c)
		// (Not 序号 and 编号, which may be the measure numbers: numberColumn.)
		if ch, ok := taizhang.ChooseHeader(name); ok && ch.Field != taizhang.FieldSeq && has(h.cols, ch.Field) && (ch.Second == taizhang.FieldNone || has(h.cols, ch.Second)) {
			first := h.cols[ch.Field]
			r.fs.Add(taizhang.ReaderNote, r.place(cell(c+1, h.last)), "%s列“%s”和%s列“%s”都是“%s”列，已按%s列读取%s；%s列如填有内容，写在汇总台账“进展情况”的【表中其他内容】中",
				col(c+1), taizhang.Quote(name), col(first+1), taizhang.Quote(h.names[first]), ch.Field, col(first+1), ch.Field, col(c+1))
		}
	}
	buffered := sc.buf
	notes := false  // a 注： or 填表说明 line has ended the table
	lastBlock := -1 // the last row read as the header block repeated
rows:
	for {
		var n int
		var cols []string
		var formulas []int
		var sources []string
		var errs []int
		var hidden bool
		if len(buffered) > 0 {
			n, cols, formulas, sources, errs, hidden = buffered[0].n, buffered[0].cells, buffered[0].formulas, buffered[0].sources, buffered[0].errs, buffered[0].hidden
			buffered = buffered[1:]
		} else if rr.Next() {
			n, cols, formulas, sources, errs, hidden = rr.Row(), rr.Cells(), rr.Formulas(), rr.FormulaSources(), rr.Errors(), rr.Hidden()
		} else {
			break
		}
		cols, formulas = r.cellPictures(n, cols, formulas, sources)
		if n > maxRows {
			r.fs.Add(taizhang.InvalidValue, r.place(""), "工作表超过%d行，其后的行未读取；请删去多余的空行或数据后重新报送", maxRows)
			break
		}
		if n <= h.last {
			continue
		}
		if notes {
			for _, kv := range labelled(cols) {
				r.take(kv, cell(kv.col+1, n))
			}
			continue
		}
		switch c, kind := footerOf(cols, h); kind {
		case footerTotal:
			r.fs.Add(taizhang.ReaderNote, r.place(cell(c+1, n)), "第%d行是合计行（%q），未计入台账", n, taizhang.Quote(rowText(cols)))
			continue
		case footerNotes:
			notes = true
			r.fs.Add(taizhang.ReaderNote, r.place(cell(c+1, n)), "第%d行起是表格下方的说明（%q），未作为填报行读取", n, taizhang.Quote(rowText(cols)))
			continue
		case footerLabels:
			if what := r.blockDiffers(labelled(cols)); what != "" {
				r.anotherTable(n, c, what)
				break rows
			}
			r.footer(n, at(cols, c))
			continue
		}
		if kvs, ok := blockRow(cols, n == lastBlock+1); ok {
			c := slices.IndexFunc(cols, func(v string) bool { return taizhang.Clean(v) != "" })
			if what := r.blockDiffers(kvs); what != "" {
				r.anotherTable(n, c, what)
				break
			}
			for _, kv := range kvs {
				r.take(kv, cell(kv.col+1, n))
			}
			r.fs.Add(taizhang.ReaderNote, r.place(cell(c+1, n)), "第%d行是重复的表头（%s），未计入台账", n, labelNames(kvs))
			lastBlock = n
			continue
		}
		get := func(f taizhang.Field) string {
			if c, ok := h.cols[f]; ok {
				return at(cols, c)
			}
			return ""
		}
		e := taizhang.Entry{
			Labels: taizhang.ShareLabels(taizhang.Labels{No: get(taizhang.FieldNo), Measure: get(taizhang.FieldMeasure), Node: get(taizhang.FieldNode),
				StatusText: get(taizhang.FieldStatus)}),
			Row: n, CompletedText: get(taizhang.FieldCompleted),
			Texts: &taizhang.Texts{Progress: get(taizhang.FieldProgress), Evidence: get(taizhang.FieldEvidence),
				Problems: get(taizhang.FieldProblems), NextSteps: get(taizhang.FieldNext)},
		}
		for _, c := range formulas {
			for f, fc := range h.cols {
				if fc == c && f != taizhang.FieldSeq && f < 16 {
					e.Formulas |= 1 << f
				}
			}
		}
		for _, f := range [...]taizhang.Field{taizhang.FieldStatus, taizhang.FieldCompleted} {
			if c, ok := h.cols[f]; ok && slices.Contains(errs, c) {
				e.SetErrorValue(f)
			}
		}
		var other []string
		for _, c := range extraCols {
			if v := at(cols, c); v != "" {
				e.Extra = append(e.Extra, taizhang.Clean(h.names[c])+"："+v)
			}
		}
		for c, v := range cols {
			if _, named := h.names[c]; !named && taizhang.Clean(v) != "" {
				other = append(other, taizhang.Clean(v))
			}
		}
		empty := e.No == "" && e.Measure == "" && e.Node == "" && e.StatusText == "" && e.CompletedText == "" &&
			e.Progress == "" && e.Evidence == "" && e.Problems == "" && e.NextSteps == ""
		if empty && e.Formulas == 0 {
			if len(other) > 0 || at(cols, h.cols[taizhang.FieldSeq]) != "" && has(h.cols, taizhang.FieldSeq) || len(e.Extra) > 0 {
				text := strings.Join(append(append([]string{}, other...), e.Extra...), " ")
				if text == "" {
					text = at(cols, h.cols[taizhang.FieldSeq])
				}
				r.footer(n, text)
				if numCol >= 0 && at(cols, numCol) != "" {
					heads = append(heads, numberHead{n, at(cols, numCol), len(s.Entries)})
				}
			}
			continue
		}
		if isHeaderRow(cols, h) {
			continue
		}
		e.Extra = append(e.Extra, other...)
		for _, f := range [...]taizhang.Field{taizhang.FieldProgress, taizhang.FieldEvidence, taizhang.FieldProblems, taizhang.FieldNext} {
			if v := taizhang.FormulaError(*entryField(&e, f)); v != "" && slices.Contains(errs, h.cols[f]) {
				ref := cell(h.cols[f]+1, n)
				r.fs.Add(taizhang.InvalidValue, r.place(ref), "%s（%s）是公式，计算结果为错误值 %s；请在 Excel 或 WPS 中改正公式，或直接填写", f, ref, v)
				r.rowFindings = append(r.rowFindings, rowFinding{n, len(*r.fs) - 1})
			}
		}
		if e.No == "" && e.Measure == "" && e.Node == "" && e.StatusText == "" && e.CompletedText == "" && e.Formulas == 0 &&
			len(e.Extra) == 0 && (!has(h.cols, taizhang.FieldSeq) || at(cols, h.cols[taizhang.FieldSeq]) == "") {
			if r.textOnly == nil {
				r.textOnly = map[int]bool{}
			}
			r.textOnly[n] = true
		}
		r.tooLong(n, cols)
		if s.Entries == nil {
			// Sized once from the sheet's <dimension>: growing by copies
			// would, for a sheet of 200,000 rows, briefly need twice the memory.
			s.Entries = make([]taizhang.Entry, 0, min(max(rr.RowsHint(n-1), 1), maxRows))
		}
		s.Entries = append(s.Entries, e)
		if hidden {
			if r.hiddenRows == nil {
				r.hiddenRows = map[int]bool{}
			}
			r.hiddenRows[n] = true
		}
		if numCol >= 0 {
			numbers = append(numbers, at(cols, numCol))
		}
		if n := len(s.Entries); r.opt.Store != nil && n > stowAfter {
			if n == stowAfter+1 {
				for i := range s.Entries[:n-1] {
					r.stow(&s.Entries[i])
				}
			}
			r.stow(&s.Entries[n-1])
		}
	}
	if len(r.pictures) > 0 {
		cells := strings.Join(r.pictures[:min(len(r.pictures), 10)], "、")
		if len(r.pictures) > 10 {
			cells += fmt.Sprintf("等%d个单元格", len(r.pictures))
		}
		r.fs.Add(taizhang.ReaderNote, r.place(r.pictures[0]), "%s 是 WPS 嵌入单元格的图片（DISPIMG），汇总台账中记作“%s”，请在原表中查看图片", cells, pictureText)
	}
	if err := rr.Err(); err != nil {
		r.fs.Add(taizhang.InvalidValue, r.place(cell(1, rr.Row())), "从第%d行起无法读取（%s），该行及以下各行未计入", rr.Row(), excelizeError(err))
	}
	if n := len(s.Entries); n > stowAfter && cap(s.Entries) > n+n/8 {
		s.Entries = slices.Clone(s.Entries) // give back what append reserved
	}
	if numCol >= 0 {
		r.numberColumn(h, numCol, numbers, heads)
	}
	fillMerged(s.Entries, h, rr.Merges())
	if numCol < 0 {
		r.joinContinuations()
	}
	r.matchEntries()
	// Findings raised as the rows were read name their entry's node once matched.
	for _, rf := range r.rowFindings {
		// The entries are in the order of their rows.
		if i, ok := slices.BinarySearchFunc(r.s.Entries, rf.row, func(e taizhang.Entry, row int) int { return e.Row - row }); ok {
			(*r.fs)[rf.finding].Milestone = r.s.Entries[i].Milestone
		}
	}
}

// numberColumn reads column c, headed 序号 or 编号, as the measure numbers
// when its values, one per entry, are such, and says how it was read. When
// the column is all a table without 措施编号 and 节点 has to go by, and its
// values are not measure numbers, that is an error that says so.
func (r *reader) numberColumn(h header, c int, numbers []string, heads []numberHead) {
	name, letter := taizhang.Quote(h.names[c]), col(c+1)
	ref := r.place(cell(c+1, h.last))
	alone := !has(h.cols, taizhang.FieldNode) && !has(h.cols, taizhang.FieldMeasure)
	if !r.p.NumberColumn(numbers, r.s.Entries) {
		switch {
		case alone:
			text, counts := examples(numbers, 3, true)
			switch {
			case text == "":
				text = "是空的"
			case counts:
				text = "中的" + text + "是行号，不是方案的措施编号"
			default:
				text = "中的" + text + "不是方案的措施编号"
			}
			r.fs.Add(taizhang.InvalidValue, ref, "缺少“措施编号”和“节点”列，无法对应到方案的节点：%s列“%s”%s；请按模板恢复这两列，或在%s列填写措施编号，如（一）、（三）1",
				letter, name, text, letter)
		case taizhang.Normalize(h.names[c]) != taizhang.FieldSeq.String():
			r.fs.Add(taizhang.ReaderNote, ref, "列“%s”按“%s”读取", name, taizhang.FieldSeq)
		}
		return
	}
	for i := range r.s.Entries {
		l := *r.s.Entries[i].Labels
		l.No = numbers[i]
		r.s.Entries[i].SetLabels(l)
	}
	delete(h.cols, taizhang.FieldSeq)
	h.cols[taizhang.FieldNo], h.fields[c] = c, taizhang.FieldNo
	delete(r.s.Columns, taizhang.FieldSeq)
	r.s.Columns[taizhang.FieldNo] = letter
	text, _ := examples(numbers, 2, false)
	r.fs.Add(taizhang.ReaderNote, ref, "列“%s”按“%s”读取：%s列填的是方案的措施编号（如%s），已据此对应到方案的节点，请核对",
		name, taizhang.FieldNo, letter, text)
	r.placeNumbers(c, numbers, heads)
}

// numberHead is a row of a column read as 措施编号 that is not an entry:
// perhaps the heading of a measure whose milestones are numbered below it.
type numberHead struct {
	row    int
	value  string
	before int // the index of the entry after it
}

// placeNumbers gives the entries numbered under their measure's heading
// (三, then 1, 2, 3), or each with their measure's number, the milestones
// their place tells, and says so; not when their titles name others.
func (r *reader) placeNumbers(c int, numbers []string, heads []numberHead) {
	entries := r.s.Entries
	var values []string
	var index, rows []int // of each value: its entry (-1 for a heading) and row
	for i := 0; i <= len(numbers); i++ {
		for len(heads) > 0 && heads[0].before == i {
			values, index, rows = append(values, heads[0].value), append(index, -1), append(rows, heads[0].row)
			heads = heads[1:]
		}
		if i < len(numbers) {
			values, index, rows = append(values, numbers[i]), append(index, i), append(rows, entries[i].Row)
		}
	}
	entry := make([]bool, len(index))
	for i, e := range index {
		entry[i] = e >= 0
	}
runs:
	for _, run := range r.p.PlaceNumbers(values, entry) {
		first, last := run.Start, run.Start+len(run.IDs)-1
		// Titles that name other milestones win over the place.
		for k, id := range run.IDs {
			e := &entries[index[first+k]]
			if ms, _ := r.p.MatchMilestone("", e.Node, e.Measure); ms != nil && ms.ID != id {
				continue runs
			}
		}
		var written []string
		for k, id := range run.IDs {
			written = append(written, "“"+taizhang.Quote(values[first+k])+"”")
			l := *entries[index[first+k]].Labels
			l.No = id
			entries[index[first+k]].SetLabels(l)
		}
		span := fmt.Sprintf("第%d行", rows[first])
		if last > first {
			span = fmt.Sprintf("第%d—%d行", rows[first], rows[last])
		}
		ids := strings.Join(run.IDs, "、")
		place := r.place(cell(c+1, rows[first]))
		if run.Head != "" {
			r.fs.Add(taizhang.ReaderNote, place, "%s列%s的%s排在第%d行“%s”之下，已按节点 %s 读取，请核对",
				col(c+1), span, strings.Join(written, ""), rows[first-1], taizhang.Quote(run.Head), ids)
		} else {
			r.fs.Add(taizhang.ReaderNote, place, "%s列%s都是%s，已按顺序读作节点 %s，请核对", col(c+1), span, written[0], ids)
		}
	}
}

// examples quotes the first n distinct values of a column (“1”“2”“3”), with
// an ellipsis after them when there are more and ellipsis is set; counts
// reports whether they are 1, 2, 3….
func examples(values []string, n int, ellipsis bool) (text string, counts bool) {
	var b strings.Builder
	seen := map[string]bool{}
	counts = true
	for _, v := range values {
		v = taizhang.Quote(v)
		if v == "" || seen[v] {
			continue
		}
		if len(seen) == n {
			if ellipsis {
				b.WriteString("…")
			}
			break
		}
		seen[v] = true
		counts = counts && v == strconv.Itoa(len(seen))
		fmt.Fprintf(&b, "“%s”", v)
	}
	return b.String(), counts
}

// stow moves an entry's texts to the store; a failure is a finding, and the texts stay.
func (r *reader) stow(e *taizhang.Entry) {
	if err := e.Stow(r.opt.Store); err != nil && !r.stowFailed {
		r.stowFailed = true
		r.fs.Add(taizhang.ReaderNote, r.place(""), "无法把长表的内容暂存到临时文件（%v），改为全部留在内存中", err)
	}
}

// fillMerged gives the rows under a cell merged down over them (进展情况
// written once for the three (三) rows, say) the merged cell's value, in the
// columns the table maps.
func fillMerged(entries []taizhang.Entry, h header, merges []mergeRange) {
	if len(merges) == 0 {
		return
	}
	byRow := make(map[int]int, len(entries))
	for i := range entries {
		byRow[entries[i].Row] = i
	}
	for _, m := range merges {
		top, ok := byRow[m.r1]
		if !ok || m.r2 == m.r1 {
			continue
		}
		for f, c := range h.cols {
			if c != m.c1 {
				continue
			}
			if entries[top].Stowed() && textField(f) {
				continue
			}
			v := *entryField(&entries[top], f)
			for r := m.r1 + 1; r <= m.r2; r++ {
				if i, ok := byRow[r]; ok && !(entries[i].Stowed() && textField(f)) {
					if entries[top].ErrorValue(f) && *entryField(&entries[i], f) == "" {
						entries[i].SetErrorValue(f)
					}
					setEntryField(&entries[i], f, v)
				}
			}
		}
	}
}

// joinContinuations appends each row that holds only texts (进展情况, 存在问题
// and the like: no number, node, status or date, not even through a merged
// cell) to the entry in the row above, as a unit writes an entry too long for
// its row over two, and says so.
func (r *reader) joinContinuations() {
	s := r.s
	if len(r.textOnly) == 0 || len(s.Entries) > stowAfter {
		return
	}
	kept := s.Entries[:1]
	last := s.Entries[0].Row // the last row joined into kept's last entry
	for _, e := range s.Entries[1:] {
		prev := &kept[len(kept)-1]
		if !r.textOnly[e.Row] || e.Row != last+1 || e.No != "" || e.Measure != "" || e.Node != "" || e.StatusText != "" ||
			e.Texts == nil || prev.Texts == nil {
			kept = append(kept, e)
			last = e.Row
			continue
		}
		var names []string
		first := ""
		for _, f := range []taizhang.Field{taizhang.FieldProgress, taizhang.FieldEvidence, taizhang.FieldProblems, taizhang.FieldNext} {
			v := *entryField(&e, f)
			if v == "" {
				continue
			}
			if first == "" {
				first = s.CellOf(f, e.Row)
			}
			names = append(names, f.String())
			if p := entryField(prev, f); *p == "" {
				*p = v
			} else {
				*p += "\n" + v
			}
		}
		label := ""
		if n := taizhang.Clean(prev.Node); n != "" {
			label = "，节点 " + taizhang.Quote(n)
		} else if n := taizhang.Clean(prev.No); n != "" {
			label = "，" + n
		}
		r.fs.Add(taizhang.ReaderNote, r.place(first), "第%d行没有措施编号、节点和进展状态，只填了%s，已接在上一行（第%d行%s）之后读取；请把内容合并到第%d行",
			e.Row, strings.Join(names, "、"), prev.Row, label, prev.Row)
		last = e.Row
	}
	clear(s.Entries[len(kept):])
	s.Entries = kept
}

// textField reports whether f is one of the texts an entry may stow.
func textField(f taizhang.Field) bool {
	switch f {
	case taizhang.FieldProgress, taizhang.FieldEvidence, taizhang.FieldProblems, taizhang.FieldNext:
		return true
	}
	return false
}

// setEntryField sets the field f of an entry to v where it is empty; the
// labels of an entry are shared, so a label is set on a copy.
func setEntryField(e *taizhang.Entry, f taizhang.Field, v string) {
	l := *e.Labels
	if p := labelField(&l, f); p != nil {
		if *p == "" {
			*p = v
			e.SetLabels(l)
		}
		return
	}
	if p := entryField(e, f); *p == "" {
		*p = v
	}
}

// labelField returns the field f of labels, or nil when f is not a label.
func labelField(l *taizhang.Labels, f taizhang.Field) *string {
	switch f {
	case taizhang.FieldNo:
		return &l.No
	case taizhang.FieldMeasure:
		return &l.Measure
	case taizhang.FieldNode:
		return &l.Node
	case taizhang.FieldStatus:
		return &l.StatusText
	}
	return nil
}

// entryField returns the field f of an entry, or a dummy for columns not
// kept. A label is a copy: set it with setEntryField.
func entryField(e *taizhang.Entry, f taizhang.Field) *string {
	l := *e.Labels
	if p := labelField(&l, f); p != nil {
		return p
	}
	switch f {
	case taizhang.FieldCompleted:
		return &e.CompletedText
	case taizhang.FieldProgress:
		return &e.Progress
	case taizhang.FieldEvidence:
		return &e.Evidence
	case taizhang.FieldProblems:
		return &e.Problems
	case taizhang.FieldNext:
		return &e.NextSteps
	}
	var none string
	return &none
}

// matchEntries reads 1904-system dates and finds the milestone of each entry.
// A row without a number of its own (no 措施编号, 整改措施 or numbered 节点)
// below rows of one measure is matched by title among that measure's
// milestones only, and stays unmatched when its title names none of them.
func (r *reader) matchEntries() {
	var byTitle []string
	above := 0 // the measure of the last row that carried a number or a measure
	for i := range r.s.Entries {
		e := &r.s.Entries[i]
		if r.date1904 {
			if v, err := strconv.ParseFloat(e.CompletedText, 64); err == nil {
				if d, err := taizhang.DateFromSerial(v, true); err == nil {
					e.Completed = d
				}
			}
		}
		if r.p == nil {
			continue
		}
		refNo, _, okNo := taizhang.ParseMilestoneRef(e.No)
		_, _, okNode := taizhang.ParseMilestoneRef(e.Node)
		own := e.No != "" || e.Measure != "" || okNode
		var ms *taizhang.Milestone
		var title bool
		if own || above == 0 {
			ms, title = r.p.MatchMilestone(e.No, e.Node, e.Measure)
		} else {
			ms, title = r.p.MatchMilestoneUnder(above, e.Node, e.Measure), true
		}
		if own {
			switch {
			case ms != nil:
				above = ms.Measure
			case okNo:
				above = refNo.Measure
			default:
				above = 0
			}
		}
		if ms != nil {
			l := *e.Labels
			l.Milestone = ms.ID
			e.SetLabels(l)
			e.ByTitle = title
			if title {
				byTitle = append(byTitle, fmt.Sprintf("第%d行→%s", e.Row, ms.ID))
			}
		}
	}
	if len(byTitle) > 0 {
		r.fs.Add(taizhang.ReaderNote, r.place(""), "措施编号缺失或无法识别的行已按节点名称对应：%s；请核对", strings.Join(byTitle, "，"))
	}
	r.dropHiddenRepeats()
}

// dropHiddenRepeats leaves out the hidden rows whose milestone a shown row
// also reports — an earlier period's rows kept and hidden above this
// period's — and says so: the unit sees, and means, the shown ones.
func (r *reader) dropHiddenRepeats() {
	if len(r.hiddenRows) == 0 {
		return
	}
	shown := map[string]int{}
	for _, e := range r.s.Entries {
		if _, ok := shown[e.Milestone]; e.Milestone != "" && !ok && !r.hiddenRows[e.Row] {
			shown[e.Milestone] = e.Row
		}
	}
	var dropped, kept []int
	entries := r.s.Entries[:0]
	for _, e := range r.s.Entries {
		if row, ok := shown[e.Milestone]; ok && r.hiddenRows[e.Row] {
			dropped, kept = append(dropped, e.Row), append(kept, row)
			continue
		}
		entries = append(entries, e)
	}
	if len(dropped) == 0 {
		return
	}
	clear(r.s.Entries[len(entries):])
	r.s.Entries = entries
	slices.Sort(kept)
	r.fs.Add(taizhang.ReaderNote, r.place(""), "第%s行是隐藏的行，其节点在显示的第%s行中又填写了一遍，已按显示的行读取，隐藏的行未计入", rowRuns(dropped), rowRuns(slices.Compact(kept)))
}

// rowRuns writes ascending row numbers with runs joined: 3—8、12.
func rowRuns(rows []int) string {
	var parts []string
	for i := 0; i < len(rows); {
		j := i
		for j+1 < len(rows) && rows[j+1] == rows[j]+1 {
			j++
		}
		if j > i {
			parts = append(parts, fmt.Sprintf("%d—%d", rows[i], rows[j]))
		} else {
			parts = append(parts, strconv.Itoa(rows[i]))
		}
		i = j + 1
	}
	return strings.Join(parts, "、")
}

// footer handles a row below the table that is not an entry: a 填报人/联系电话
// line is read into the header block; anything else is reported, not dropped.
func (r *reader) footer(row int, text string) {
	kvs := labelled([]string{text})
	for _, kv := range kvs {
		r.take(kv, cell(1, row))
	}
	if len(kvs) == 0 {
		r.fs.Add(taizhang.ReaderNote, r.place(cell(1, row)), "第%d行不是填报行（%q），未计入台账", row, taizhang.Quote(text))
	}
}

type footerKind int

const (
	notFooter    footerKind = iota
	footerTotal             // 合计, 小计, 总计: passed over
	footerNotes             // 注：, 填表说明: the end of the table
	footerLabels            // 填报人：…  联系电话：…: read into the header block
)

// footerOf tells by its first cell a row below the header that is not an
// entry, even when that cell lies in the 措施编号 column: a total, notes, or
// header-block labels. It returns the cell's 0-based column. A first cell in
// a column of status, dates or prose is never taken for one.
func footerOf(cols []string, h header) (int, footerKind) {
	c := slices.IndexFunc(cols, func(v string) bool { return taizhang.Clean(v) != "" })
	if c < 0 {
		return c, notFooter
	}
	for f, fc := range h.cols {
		if fc == c && (textField(f) || f == taizhang.FieldStatus || f == taizhang.FieldCompleted) {
			return c, notFooter
		}
	}
	n := taizhang.Normalize(cols[c])
	word := strings.TrimRight(n, ":")
	switch {
	case word == "合计" || word == "小计" || word == "总计" || word == "共计" || word == "总数":
		return c, footerTotal
	case strings.HasPrefix(n, "填表说明") || strings.HasPrefix(n, "填报说明") || strings.HasPrefix(n, "说明:") ||
		strings.HasPrefix(n, "注:") || strings.HasPrefix(n, "备注:") || strings.HasPrefix(n, "附注") || isNoteNumber(n):
		return c, footerNotes
	}
	if _, _, colon, ok := cutLabel(taizhang.Clean(cols[c])); ok && colon {
		return c, footerLabels
	}
	return c, notFooter
}

// isNoteNumber reports whether n starts a numbered note: 注1, 注①, 注、.
func isNoteNumber(n string) bool {
	rest, ok := strings.CutPrefix(n, "注")
	if !ok || rest == "" {
		return false
	}
	r, _ := utf8.DecodeRuneInString(rest)
	return isDigitRune(r) || r >= '①' && r <= '⑩' || r == '、'
}

func isDigitRune(r rune) bool { return r >= '0' && r <= '9' }

// rowText joins the non-empty cells of a row.
func rowText(cols []string) string {
	var parts []string
	for _, v := range cols {
		if v := taizhang.Clean(v); v != "" {
			parts = append(parts, v)
		}
	}
	return strings.Join(parts, " ")
}

// maxHeaderBytes bounds the text of a header cell, notes in brackets
// included: a longer cell is data, and need not be matched against the names.
const maxHeaderBytes = 240

// isHeaderRow reports whether a row below the header repeats it (a table
// pasted twice, a header repeated for printing): its status or progress cell
// is a header name, and so are two more.
func isHeaderRow(cols []string, h header) bool {
	repeated := false
	for _, f := range []taizhang.Field{taizhang.FieldStatus, taizhang.FieldProgress} {
		if c, ok := h.cols[f]; ok && len(at(cols, c)) <= maxHeaderBytes {
			if g, ok := taizhang.MatchHeader(at(cols, c)); ok && g == f {
				repeated = true
			}
		}
	}
	if !repeated {
		return false
	}
	n := 0
	for _, c := range cols {
		if _, ok := taizhang.MatchHeader(c); ok {
			n++
		}
	}
	return n >= 3
}

// checkColumns reports columns of the template that the sheet lacks; with
// numbered set, a 序号 column may yet stand for 措施编号 (numberColumn decides).
func (r *reader) checkColumns(h header, numbered bool) {
	ref := r.place(cell(1, h.last))
	if !numbered && !has(h.cols, taizhang.FieldNo) && !has(h.cols, taizhang.FieldNode) && !has(h.cols, taizhang.FieldMeasure) {
		r.fs.Add(taizhang.InvalidValue, ref, "缺少“措施编号”和“节点”列，无法对应到方案的节点，请按模板恢复这两列")
	}
	for _, f := range []taizhang.Field{taizhang.FieldStatus, taizhang.FieldProgress} {
		if !has(h.cols, f) {
			r.fs.Add(taizhang.InvalidValue, ref, "缺少“%s”列，请按模板恢复该列并填写", f)
		}
	}
	if !has(h.cols, taizhang.FieldCompleted) {
		f := r.fs.Add(taizhang.InvalidValue, ref, "缺少“完成时间”列，已完成的节点无法核对完成日期，请按模板恢复该列")
		f.Severity = taizhang.Warning
	}
	for _, f := range []taizhang.Field{taizhang.FieldEvidence, taizhang.FieldProblems, taizhang.FieldNext} {
		if !has(h.cols, f) {
			r.fs.Add(taizhang.ReaderNote, ref, "缺少“%s”列", f)
		}
	}
}

type labelKind int

const (
	labelUnit labelKind = iota + 1
	labelPeriod
	labelFilled
	labelContact
	labelPhone
	labelOther // 报送截止 and other labels whose values are not read
)

var labels = []struct {
	kind  labelKind
	names []string
}{
	{labelUnit, []string{"填报单位", "报送单位", "单位名称", "填报部门", "报送部门", "单位"}},
	{labelPeriod, []string{"报送期次", "填报期次", "报送期间", "期次", "报送时段", "统计期间", "报告期"}},
	{labelFilled, []string{"填报日期", "报送日期", "填报时间", "报送时间", "填表日期", "日期"}},
	{labelContact, []string{"联系人", "填报人", "经办人", "填表人"}},
	{labelPhone, []string{"联系电话", "联系方式", "电话", "手机"}},
	{labelOther, []string{"报送截止", "截止日期", "截止时间", "报送要求", "审核人", "负责人", "单位负责人", "分管领导", "备注"}},
}

// labelStarts holds the first character of every label's name.
var labelStarts = func() map[rune]bool {
	m := map[rune]bool{}
	for _, l := range labels {
		for _, name := range l.names {
			r, _ := utf8.DecodeRuneInString(name)
			m[r] = true
		}
	}
	return m
}()

// mayStartLabel reports whether v, once its leading blanks are trimmed
// (as taizhang.Clean trims them), may start with a label: its first
// character starts a label's name, or is not valid UTF-8.
func mayStartLabel(v string) bool {
	v = strings.TrimLeftFunc(v, taizhang.IsBlankRune)
	r, _ := utf8.DecodeRuneInString(v)
	return labelStarts[r] || r == utf8.RuneError && v != ""
}

type labelValue struct {
	kind  labelKind
	value string
	col   int    // 0-based column of the value
	at    int    // 0-based column of the label
	name  string // the label as written (填报单位, 单位名称)
}

// labelName returns the label's name that text, a label then perhaps its
// value, starts with.
func labelName(text string) string {
	t := strings.TrimLeft(text, " \u3000")
	best := ""
	for _, l := range labels {
		for _, name := range l.names {
			if strings.HasPrefix(t, name) && len(name) > len(best) {
				best = name
			}
		}
	}
	return best
}

// blockRow reports whether a row below the column header is the header
// block again (填报单位 and 报送期次, as a sheet printed over several pages
// repeats it): two labels or more, one of them the unit or the period.
// Every non-empty cell of such a row is a label or a label's value; the
// row right after one may hold any labels (联系人, 联系电话: the template's
// block takes two rows).
func blockRow(cols []string, afterBlock bool) ([]labelValue, bool) {
	kvs := labelled(cols)
	if len(kvs) == 0 {
		return nil, false
	}
	for c, v := range cols {
		if !slices.ContainsFunc(kvs, func(kv labelValue) bool { return kv.at == c || kv.col == c }) && taizhang.Clean(v) != "" {
			return nil, false
		}
	}
	if afterBlock {
		return kvs, true
	}
	return kvs, len(kvs) >= 2 && slices.ContainsFunc(kvs, func(kv labelValue) bool { return kv.kind == labelUnit || kv.kind == labelPeriod })
}

// anotherTable says that the table ends at row n, where a header block
// (its first cell in column c) names another unit or period (what).
func (r *reader) anotherTable(n, c int, what string) {
	r.fs.Add(taizhang.InvalidValue, r.place(cell(c+1, n)), "第%d行起是另一张表（%s），以下各行未计入本表；请把每个单位、每一期的表分别报送", n, what)
}

// labelNames joins the labels of a header-block row: 填报单位、报送期次、填报日期.
func labelNames(kvs []labelValue) string {
	var names []string
	for _, kv := range kvs {
		names = append(names, kv.name)
	}
	return strings.Join(names, "、")
}

// blockDiffers says what a header block repeated below the table names that
// differs from the sheet's own block — another unit (填报单位为通辽市) or
// period (报送期次为2021年5月上半月) — or "" when it names the same or
// cannot be told apart.
func (r *reader) blockDiffers(kvs []labelValue) string {
	var what []string
	for _, kv := range kvs {
		if kv.value == "" {
			continue
		}
		switch kv.kind {
		case labelUnit:
			if r.p == nil || r.unitText == "" {
				continue
			}
			own, err1 := r.p.MatchUnit(r.unitText)
			other, err2 := r.p.MatchUnit(kv.value)
			if err1 == nil && err2 == nil && own != other {
				what = append(what, fmt.Sprintf("%s为%s，本表为%s", kv.name, other, own))
			}
		case labelPeriod:
			if r.p == nil || r.periodText == "" {
				continue
			}
			own, err1 := taizhang.ParsePeriod(r.periodText, r.p.Schedule, r.p.Year())
			other, err2 := taizhang.ParsePeriod(kv.value, r.p.Schedule, own.Year)
			if err1 == nil && err2 == nil && own != other {
				what = append(what, fmt.Sprintf("%s为%s，本表为%s", kv.name, other, own))
			}
		}
	}
	return strings.Join(what, "；")
}

// labelled finds "label：value" pairs in one row, with the value in the same
// cell or in the next non-empty cell to the right. A cell may hold several
// pairs separated by spaces ("填报人：张三  联系电话：123").
func labelled(row []string) []labelValue { return labelledAt(row, nil) }

// labelledAt is labelled for a row whose cells in columns formulas are
// formulas without a result: such a cell, though empty, is a label's value.
func labelledAt(row []string, formulas []int) []labelValue {
	var out []labelValue
	for c := 0; c < len(row); c++ {
		// Most cells are entries' texts: a look at the first character
		// spares them the cleaning and the search.
		if !mayStartLabel(row[c]) {
			continue
		}
		text := taizhang.Clean(row[c])
		for text != "" {
			kind, rest, _, ok := cutLabel(text)
			if !ok {
				break
			}
			value, next := rest, ""
			for i := 1; i < len(value); i++ {
				if value[i-1] != ' ' && value[i-1] != '\t' && !strings.HasSuffix(value[:i], "\u3000") {
					continue
				}
				if _, _, colon, ok := cutLabel(value[i:]); ok && colon {
					value, next = value[:i], value[i:]
					break
				}
			}
			value = strings.TrimSpace(strings.Trim(value, "\u3000"))
			vc := c
			if value == "" && next == "" {
				vc = c + 1 // the cell to fill in, when all are empty
				for j := c + 1; j < len(row) && j <= c+3; j++ {
					v := taizhang.Clean(row[j])
					if v == "" && slices.Contains(formulas, j) {
						vc = j
						break
					}
					if v == "" {
						continue
					}
					if _, _, _, ok := cutLabel(v); !ok {
						value, vc = v, j
					}
					break
				}
			}
			out = append(out, labelValue{kind: kind, value: value, col: vc, at: c, name: labelName(text)})
			text = strings.TrimSpace(next)
		}
	}
	return out
}

// cutLabel reports whether text starts with a header-block label followed by
// a colon (colon is true) or by nothing, returning the text after it.
func cutLabel(text string) (kind labelKind, rest string, colon, ok bool) {
	t := strings.TrimLeft(text, " \u3000")
	for _, l := range labels {
		for _, name := range l.names {
			after, found := strings.CutPrefix(t, name)
			if !found {
				continue
			}
			after = strings.TrimLeft(after, " \u3000")
			for _, c := range []string{"：", ":"} {
				if v, ok := strings.CutPrefix(after, c); ok {
					return l.kind, v, true, true
				}
			}
			if after == "" {
				return l.kind, "", false, true
			}
		}
	}
	return 0, "", false, false
}

// take keeps a header-block value found at ref, unless one was found before.
func (r *reader) take(kv labelValue, ref string) {
	s := r.s
	switch kv.kind {
	case labelUnit:
		if s.UnitCell == "" {
			r.unitText, s.UnitCell = kv.value, ref
		}
	case labelPeriod:
		if s.PeriodCell == "" {
			r.periodText, s.PeriodCell = kv.value, ref
		}
	case labelFilled:
		if s.FilledCell == "" {
			s.FilledText, s.FilledCell = kv.value, ref
		}
	case labelContact:
		if s.Contact == "" {
			s.Contact = kv.value
		}
	case labelPhone:
		if s.Phone == "" {
			s.Phone = kv.value
		}
	}
}

// rowFinding is a finding (its index in the reader's findings) about an
// entry's row, raised before the entry was matched to its milestone.
type rowFinding struct {
	row, finding int
}

// pictureText stands in the ledger for a picture embedded in a cell.
const pictureText = "[图片]"

// cellPictures replaces in cols, the cells of row n, each picture WPS embeds
// in a cell — the formula DISPIMG("ID_…",1), cached as its own text or not at
// all — by pictureText, notes the cell, and returns formulas, the columns of
// formulas without a result, less those pictures, and the cells.
func (r *reader) cellPictures(n int, cols []string, formulas []int, sources []string) ([]string, []int) {
	for c, v := range cols {
		if isPicture(v) {
			cols[c] = pictureText
			r.pictures = append(r.pictures, cell(c+1, n))
		}
	}
	var kept []int
	for i, c := range formulas {
		if i < len(sources) && isPicture(sources[i]) {
			if kept == nil {
				kept = append(make([]int, 0, len(formulas)), formulas[:i]...)
			}
			for len(cols) <= c {
				cols = append(cols, "")
			}
			cols[c] = pictureText
			r.pictures = append(r.pictures, cell(c+1, n))
		} else if kept != nil {
			kept = append(kept, c)
		}
	}
	if kept == nil {
		return cols, formulas
	}
	return cols, kept
}

// isPicture reports whether v, a cell's value or formula, is WPS's
// DISPIMG("ID_…",1).
func isPicture(v string) bool {
	v = strings.TrimPrefix(strings.TrimPrefix(v, "="), "_xlfn.")
	return len(v) > 8 && strings.EqualFold(v[:8], "DISPIMG(")
}

// readBlock reads 填报单位, 报送期次, 填报日期, 联系人 and 联系电话 from the rows above the header.
func (r *reader) readBlock(top []sheetRow) {
	s := r.s
	for _, tr := range top {
		for _, kv := range labelledAt(tr.cells, tr.formulas) {
			ref := cell(kv.col+1, tr.n)
			formula := false
			if i := slices.Index(tr.formulas, kv.col); i >= 0 && kv.value == "" {
				kv.value, formula = r.blockFormula(kv.kind, ref, tr.sources[i])
			}
			r.take(kv, ref)
			if formula && kv.kind == labelFilled && s.FilledCell == ref {
				s.FilledFormula = true
			}
		}
	}
	r.title = titleOf(top)
	if r.date1904 {
		if v, err := strconv.ParseFloat(s.FilledText, 64); err == nil {
			if d, err := taizhang.DateFromSerial(v, true); err == nil {
				s.Filled = d
			}
		}
	}
}

// blockFormula works out the formula src, without a result, of the
// header-block value at ref when it is a date (DATE(2021,7,30)) or a literal,
// saying so; otherwise it says the value cannot be read and formula is true.
func (r *reader) blockFormula(kind labelKind, ref, src string) (value string, formula bool) {
	var name string
	switch kind {
	case labelUnit:
		name = "填报单位"
	case labelPeriod:
		name = "报送期次"
	case labelFilled:
		name = "填报日期"
	default:
		return "", false
	}
	if v, ok := evalFormula(src); ok && taizhang.Normalize(v) != "" {
		r.fs.Add(taizhang.ReaderNote, r.place(ref), "%s（%s）是公式 =%s，文件没有保存计算结果，已按公式读作 %s；请核对，或在 Excel 或 WPS 中打开后保存一次再报送",
			name, ref, taizhang.Quote(src), taizhang.Quote(v))
		return v, false
	}
	f := r.fs.Add(taizhang.InvalidValue, r.place(ref), "%s（%s）是公式，但文件没有保存计算结果，无法读取；请在 Excel 或 WPS 中打开后保存一次再报送", name, ref)
	f.Severity = taizhang.Warning
	return "", true
}

// evalFormula works out a formula (without its =) that is a string literal
// ("2021-07-30") or DATE(y,m,d) of a valid day, as a date 2021-07-30.
func evalFormula(src string) (string, bool) {
	src = strings.TrimSpace(src)
	if len(src) >= 2 && src[0] == '"' && src[len(src)-1] == '"' {
		lit := src[1 : len(src)-1]
		if strings.Contains(strings.ReplaceAll(lit, `""`, ""), `"`) {
			return "", false // "a"&"b"
		}
		return strings.ReplaceAll(lit, `""`, `"`), true
	}
	args, ok := strings.CutPrefix(strings.ToUpper(src), "DATE(")
	if !ok {
		return "", false
	}
	args, ok = strings.CutSuffix(args, ")")
	if !ok {
		return "", false
	}
	parts := strings.Split(args, ",")
	if len(parts) != 3 {
		return "", false
	}
	var n [3]int
	for i, p := range parts {
		v, err := strconv.Atoi(strings.TrimSpace(p))
		if err != nil {
			return "", false
		}
		n[i] = v
	}
	t := time.Date(n[0], time.Month(n[1]), n[2], 0, 0, 0, 0, time.UTC)
	if n[0] < 1900 || n[0] > 9999 || t.Year() != n[0] || int(t.Month()) != n[1] || t.Day() != n[2] {
		return "", false
	}
	return t.Format("2006-01-02"), true
}

// fileStem returns the file name without its extension.
func fileStem(name string) string {
	return strings.TrimSuffix(name, path.Ext(name))
}

// IsLedger reports whether data is a ledger workbook written by WriteLedger.
func IsLedger(data []byte) bool {
	return IsLedgerAt(bytes.NewReader(data), int64(len(data)))
}

// IsLedgerAt is IsLedger for a workbook of size bytes read in place: only
// the zip directory and the workbook part are read, so a ledger of several
// periods, larger unzipped than a sheet may be, is recognised too.
func IsLedgerAt(r io.ReaderAt, size int64) bool {
	b, err := openBookWithin(r, size, math.MaxUint64)
	return err == nil && isLedger(b.sheetNames())
}

// isLedger reports whether a workbook's sheets are those of a ledger written by WriteLedger.
func isLedger(sheets []string) bool {
	n := 0
	for _, s := range sheets {
		switch s {
		case SheetOverview, SheetLedger, SheetFindings, SheetReceipts:
			n++
		}
	}
	return n == 4
}

func maxKey(m map[int]string) int {
	n := -1
	for k := range m {
		n = max(n, k)
	}
	return n
}

// isProgramme reports whether a workbook's sheets are those of a programme workbook.
func isProgramme(sheets []string) bool {
	n := 0
	for _, s := range sheets {
		switch s {
		case sheetMeasures, sheetUnits, sheetSettings:
			n++
		}
	}
	return n == 3
}

// tooLong names the cells of row n longer than an Excel cell may hold: the
// ledger keeps the start of such a text, and says where the rest is.
func (r *reader) tooLong(n int, cols []string) {
	for c, v := range cols {
		if len(v) <= maxCell {
			continue // a character is at least one byte
		}
		switch units, wide := cellLength(v); {
		case units <= maxCell:
			continue
		case wide == 0:
			r.fs.Add(taizhang.ReaderNote, r.place(cell(c+1, n)), "该格共%d字，超过 Excel 单元格的上限（%d字），汇总台账中只写入前一部分，全文请查看原表", units, maxCell)
		default:
			r.fs.Add(taizhang.ReaderNote, r.place(cell(c+1, n)), "该格共%d字，其中%d个表情符号或生僻字在 Excel 中各占两个字的位置，合计超过 Excel 单元格的上限（%d字），汇总台账中只写入前一部分，全文请查看原表", units-wide, wide, maxCell)
		}
		r.rowFindings = append(r.rowFindings, rowFinding{n, len(*r.fs) - 1})
	}
}
