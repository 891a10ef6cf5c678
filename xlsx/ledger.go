package xlsx

import (
	"archive/zip"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"taizhang"
)

// Sheet names and column headers of the ledger workbook (SPEC §7). Other
// programs read them: do not rename.
const (
	SheetOverview  = "总览"
	SheetReceipts  = "报送情况"
	SheetLedger    = "汇总台账"
	SheetFindings  = "问题清单"
	SheetMeasures  = "措施清单"
	overviewTitleN = 2 // title rows above the overview's header
)

var (
	receiptHeaders = []string{"单位", "期次", "报送状态", "收到时间", "时间来源", "文件", "被替代文件"}
	ledgerHeaders  = []string{"单位", "期次", "措施编号", "整改措施", "节点", "完成时限", "进展状态", "进展情况", "完成时间", "佐证材料", "存在问题", "下一步计划", "标记", "来源"}
	findingHeaders = []string{"级别", "代码", "问题", "单位", "期次", "节点", "位置", "说明"}
	overviewCounts = []string{"应报节点", "已完成", "推进中", "未启动", "逾期未完成", "临期", "未报或有误", "完成率", "报送状态"}
)

// receiptColor is the fill of each 报送状态.
var receiptColor = map[taizhang.ReceiptState]string{taizhang.Missing: colorRed, taizhang.Late: colorYellow, taizhang.OnTime: colorGreen, taizhang.UnknownTime: colorGrey}

// ledgerWriter holds the styles of one ledger workbook.
type ledgerWriter struct {
	f  *excelize.File
	st *styles
	l  *taizhang.Ledger
	// The rows excelize does not write, by sheet part: written as the
	// workbook is (splice.go).
	spliced map[string]func(io.Writer) error
}

// WriteLedger writes the consolidated ledger workbook: 总览, 报送情况,
// 汇总台账, 问题清单 and 措施清单, in that order. The big sheets are
// streamed, so memory does not grow with the number of rows. The workbook is
// dated now (the current time when zero).
func WriteLedger(w io.Writer, l *taizhang.Ledger, now time.Time) error {
	return PrepareLedger().Write(w, l, now)
}

// LedgerBook is a ledger workbook being made ready, in the background, as
// far as it does not depend on the ledger: its sheets and their styles. A
// merge starts it while the returned sheets are still being read, which
// leaves a core idle at times; for a province's sixteen sheets the few
// milliseconds it takes are a tenth of the run.
type LedgerBook struct {
	done    chan struct{} // closed when lw and err are set
	lw      *ledgerWriter
	err     error
	written atomic.Bool
}

// PrepareLedger starts making a ledger workbook ready. A LedgerBook that is
// never written is simply dropped: it holds no file.
func PrepareLedger() *LedgerBook {
	b := &LedgerBook{done: make(chan struct{})}
	go func() {
		b.lw, b.err = newLedgerWriter()
		close(b.done)
	}()
	return b
}

// newLedgerWriter makes the workbook's sheets and styles.
func newLedgerWriter() (*ledgerWriter, error) {
	f := excelize.NewFile()
	lw := &ledgerWriter{f: f, st: newStyles(f), spliced: map[string]func(io.Writer) error{}}
	if err := f.SetSheetName("Sheet1", SheetOverview); err != nil {
		return lw, err
	}
	for _, sh := range []string{SheetReceipts, SheetLedger, SheetFindings, SheetMeasures} {
		if _, err := f.NewSheet(sh); err != nil {
			return lw, err
		}
	}
	// Set before the sheets are streamed: afterwards excelize would decode
	// and re-encode every streamed sheet.
	f.SetActiveSheet(0)
	lw.prepareStyles()
	return lw, nil
}

// Write writes the ledger l to w, as WriteLedger does. A LedgerBook is
// written once.
func (b *LedgerBook) Write(w io.Writer, l *taizhang.Ledger, now time.Time) error {
	if b.written.Swap(true) {
		return errors.New("LedgerBook.Write: the workbook was written already")
	}
	<-b.done
	lw := b.lw
	f := lw.f
	defer f.Close()
	if b.err != nil {
		return b.err
	}
	lw.l = l
	// Each sheet is set up in turn (page set-up, chart, stream writer: they
	// change the workbook). Then 总览, 报送情况 and 措施清单 are streamed
	// side by side, each by its own stream writer. The rows of 汇总台账 and
	// 问题清单, the bulk of the workbook, are encoded on every core as the
	// workbook is written out (splice.go).
	steps := []func() (fill func() error, err error){lw.overview, lw.receipts, lw.rows, lw.measures, lw.findings}
	fills := make([]func() error, len(steps))
	for i, step := range steps {
		fill, err := step()
		if err != nil {
			return fmt.Errorf("生成汇总台账：%w", err)
		}
		fills[i] = fill
	}
	errs := make([]error, len(fills))
	var wg sync.WaitGroup
	for i, fill := range fills {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = fill()
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("生成汇总台账：%w", err)
	}
	if lw.st.err != nil {
		return lw.st.err
	}
	p := l.Programme
	if err := stamp(f, now, excelize.DocProperties{Title: p.Name + "汇总台账", Subject: l.Period.String(), Description: fmt.Sprintf("截至 %s", l.AsOf)}); err != nil {
		return err
	}
	// excelize builds the whole package in a buffer before it writes it out;
	// a zip writer of our own sends it straight to w, compressed for speed.
	f.SetZipWriter(func(io.Writer) excelize.ZipWriter {
		zw := zip.NewWriter(w)
		zw.RegisterCompressor(zip.Deflate, fastDeflate)
		return newSplicer(zw, lw.spliced)
	})
	_, err := f.WriteTo(w)
	return err
}

func (lw *ledgerWriter) head() int {
	return lw.st.get("head", &excelize.Style{Font: font(11, true), Fill: fill(colorHeader), Border: thin, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}})
}

func (lw *ledgerWriter) body(color string, center bool) int {
	h := ""
	if center {
		h = "center"
	}
	return lw.st.get("body"+color+h, &excelize.Style{Font: font(10.5, false), Fill: fill(color), Border: thin, Alignment: &excelize.Alignment{Horizontal: h, Vertical: "top", WrapText: true}})
}

func (lw *ledgerWriter) date() int {
	return lw.st.get("date", &excelize.Style{Font: font(10.5, false), Border: thin, CustomNumFmt: ptr("yyyy-mm-dd"), Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "top"}})
}

func (lw *ledgerWriter) datetime() int {
	return lw.st.get("datetime", &excelize.Style{Font: font(10.5, false), Border: thin, CustomNumFmt: ptr("yyyy-mm-dd hh:mm"), Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "top"}})
}

func (lw *ledgerWriter) title() int {
	return lw.st.get("title", &excelize.Style{Font: font(14, true), Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "center"}})
}

func (lw *ledgerWriter) note() int {
	return lw.st.get("note", &excelize.Style{Font: font(10.5, false), Alignment: &excelize.Alignment{Vertical: "center"}})
}

// pct, num, unit and mark are 总览's percentages, counts, unit names and
// coloured state cells.
func (lw *ledgerWriter) pct() int {
	return lw.st.get("pct", &excelize.Style{Font: font(10.5, false), Border: thin, NumFmt: 9, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}})
}

func (lw *ledgerWriter) num() int {
	return lw.st.get("num", &excelize.Style{Font: font(10.5, false), Border: thin, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}})
}

func (lw *ledgerWriter) unit() int {
	return lw.st.get("unit", &excelize.Style{Font: font(10.5, true), Border: thin, Alignment: &excelize.Alignment{Vertical: "center"}})
}

func (lw *ledgerWriter) mark(color string) int {
	return lw.st.get("m"+color, &excelize.Style{Font: font(10.5, false), Fill: fill(color), Border: thin, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}})
}

// prepareStyles creates every style the sheets use, in one order, before
// they are streamed side by side, so that the workbook's style numbers do
// not depend on which sheet got to a style first.
func (lw *ledgerWriter) prepareStyles() {
	lw.head()
	lw.title()
	lw.note()
	lw.date()
	lw.datetime()
	lw.pct()
	lw.num()
	lw.unit()
	lw.body("", false)
	for _, c := range []string{"", colorGreen, colorYellow, colorRed, colorGrey, colorBlue} {
		lw.body(c, true) // states, 报送状态, 级别
	}
	for _, c := range []string{"", colorGreen, colorYellow, colorRed, colorGrey} {
		lw.mark(c) // 总览
	}
}

// table prepares a streamed sheet: widths, print set-up, filter, dimension,
// frozen header; it writes the header row at headerRow and returns the writer.
func (lw *ledgerWriter) table(sh string, headers []string, widths []float64, headerRow, rows int, size int) (*excelize.StreamWriter, error) {
	f := lw.f
	last := cell(len(headers), headerRow+max(rows, 1))
	if err := printSetup(f, sh, size, fmt.Sprintf("$1:$%d", headerRow), cell(1, headerRow)+":"+last); err != nil {
		return nil, err
	}
	if err := f.SetSheetDimension(sh, "A1:"+last); err != nil {
		return nil, err
	}
	sw, err := f.NewStreamWriter(sh)
	if err != nil {
		return nil, err
	}
	for i, wd := range widths {
		if err := sw.SetColWidth(i+1, i+1, wd); err != nil {
			return nil, err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: headerRow, TopLeftCell: cell(1, headerRow+1), ActivePane: "bottomLeft"}); err != nil {
		return nil, err
	}
	hs := lw.head()
	row := make([]any, len(headers))
	for i, h := range headers {
		row[i] = excelize.Cell{StyleID: hs, Value: h}
	}
	if err := sw.SetRow(cell(1, headerRow), row, excelize.RowOpts{Height: 22}); err != nil {
		return nil, err
	}
	return sw, nil
}

// Row heights. A streamed row has no height unless given one, and a reader
// that does not fit rows to wrapped text when it opens a file (LibreOffice
// printing to PDF, for one) prints the lines of a long cell over the rows
// below. fit gives a row whose text wraps the height of its most lines.
const (
	lineHeight = 14.0 // points a line of the 10.5-point body font takes
	maxHeight  = 409  // the most Excel allows a row
)

// fit returns the row options that give row the height its wrapped text
// needs in columns of the given widths; none when one line is enough.
func fit(widths []float64, row []any) []excelize.RowOpts {
	lines := 1
	for i, v := range row {
		if c, ok := v.(excelize.Cell); ok {
			lines = max(lines, cellLines(widths, i, c))
		}
	}
	return rowHeight(lines)
}

// cellsHeight is the height fit gives a row of cells, in points; 0 for
// one line (no height of its own).
func cellsHeight(widths []float64, row []excelize.Cell) float64 {
	lines := 1
	for i, c := range row {
		lines = max(lines, cellLines(widths, i, c))
	}
	if opts := rowHeight(lines); len(opts) > 0 {
		return opts[0].Height
	}
	return 0
}

// cellLines returns how many lines cell c of column i takes.
func cellLines(widths []float64, i int, c excelize.Cell) int {
	s, ok := c.Value.(string)
	if !ok || s == "" || i >= len(widths) {
		return 1
	}
	// A Chinese character is 3 bytes and 2 units wide, a Latin one 1
	// byte and about 1.1 units: a short text without line breaks fits.
	if float64(len(s))*1.1 <= widths[i]-1 && strings.IndexByte(s, '\n') < 0 {
		return 1
	}
	return wrappedLines(s, widths[i])
}

// rowHeight returns the row options for a row of lines lines; none for one.
func rowHeight(lines int) []excelize.RowOpts {
	if lines == 1 {
		return nil
	}
	return []excelize.RowOpts{{Height: min(maxHeight, float64(lines)*lineHeight+4)}}
}

// wrappedLines estimates how many lines text takes in a column of the given
// width (in Excel character units), for templates and for the ledger's
// hundreds of megabytes of text alike, so a byte at a time: a character of
// several bytes counts as wide (two units, as Chinese is), a byte below
// 0x80 as 1.1 (Latin letters and digits are a little wider than half a
// Chinese character).
func wrappedLines(s string, colWidth float64) int {
	avail := colWidth - 1
	n, w := 0, 0.0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\n':
			n += max(1, int(math.Ceil(w/avail)))
			w = 0
		case c < 0x80:
			w += 1.1
		case c >= 0xC0:
			w += 2
		}
	}
	return n + max(1, int(math.Ceil(w/avail)))
}

// text makes a value safe to write as text: no control characters that XML
// forbids, and no more than Excel's 32,767 characters a cell.
func text(s string) string {
	if plainText(s) {
		return s
	}
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "�")
	}
	clean := strings.Map(func(r rune) rune {
		if r == '\v' { // Word's line break within a paragraph
			return '\n'
		}
		if r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0xFFFE || r == 0xFFFF {
			return -1
		}
		return r
	}, s)
	if units, _ := cellLength(clean); units > maxCell {
		note := fmt.Sprintf("…（原文共%d字，超过 Excel 单元格上限，以下从略，请查看原表）", utf8.RuneCountInString(clean))
		room, _ := cellLength(note)
		room = maxCell - room
		for i, r := range clean {
			if room -= utf16Len(r); room < 0 {
				clean = clean[:i]
				break
			}
		}
		clean += note
	}
	return clean
}

// cellLength returns how much of an Excel cell's 32,767 characters s takes —
// Excel counts in UTF-16 units: a character above U+FFFF (an emoji, a rare
// ideograph such as 𠮷) takes two — and how many such wide characters s has.
func cellLength(s string) (units, wide int) {
	for _, r := range s {
		if utf16Len(r) == 2 {
			wide++
		}
		units++
	}
	return units + wide, wide
}

// plainText reports whether s needs no cleaning: valid UTF-8, no control
// characters but tab and line breaks, no U+FFFE/U+FFFF, within a cell's size.
func plainText(s string) bool {
	if len(s) > maxCell {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c < 0x20 && c != '\t' && c != '\n' && c != '\r':
			return false
		case c == 0xEF && i+2 < len(s) && s[i+1] == 0xBF && (s[i+2] == 0xBE || s[i+2] == 0xBF):
			return false
		}
	}
	return utf8.ValidString(s)
}

// textCell writes s as text in style; "" gives a styled empty cell, with
// no empty string in it.
func textCell(s string, style int) excelize.Cell {
	if s == "" {
		return excelize.Cell{StyleID: style}
	}
	return excelize.Cell{StyleID: style, Value: text(s)}
}

// dateCell writes d as a real date in dateStyle; the zero Date gives the
// fallback text (a date as written that could not be read) in style, or a
// styled empty cell.
func dateCell(d taizhang.Date, fallback string, dateStyle, style int) excelize.Cell {
	if d.IsZero() {
		return textCell(fallback, style)
	}
	return excelize.Cell{StyleID: dateStyle, Value: d.Serial()}
}

// source names an entry's place as a person looks for it: path › sheet!cell,
// or path!cell for a file without sheets (CSV).
func source(p taizhang.Place) string {
	if ref := p.Ref(); ref != "" && p.File != "" && p.Sheet != "" {
		return p.File + " › " + ref
	}
	return p.String()
}

// receiptState returns 报送状态 as 报送情况 and 总览 show it: 迟报3天,
// 未报（无法读取）, 未报（表未填写）, 未报（单位不符）, 未报（期次不符）, 未报（无电子表格）,
// or the state itself.
func receiptState(r *taizhang.Receipt) string {
	if r.State == taizhang.Late {
		return fmt.Sprintf("迟报%d天", r.DaysLate())
	}
	if r.State != taizhang.Missing {
		return r.State.String()
	}
	switch r.Miss() {
	case taizhang.MissUnreadable:
		return "未报（无法读取）"
	case taizhang.MissBlank:
		return "未报（表未填写）"
	case taizhang.MissMismatched:
		code, _ := r.Mismatch(r.Mismatched[0])
		return "未报（" + code.Label() + "）"
	case taizhang.MissSheetless:
		return "未报（无电子表格）"
	}
	return r.State.String()
}

func (lw *ledgerWriter) receipts() (func() error, error) {
	l := lw.l
	widths := []float64{22, 18, 10, 18, 10, 60, 50}
	sw, err := lw.table(SheetReceipts, receiptHeaders, widths, 1, len(l.Receipts), 9)
	if err != nil {
		return nil, err
	}
	return func() error { return lw.fillReceipts(sw, widths) }, nil
}

func (lw *ledgerWriter) fillReceipts(sw *excelize.StreamWriter, widths []float64) error {
	l := lw.l
	for i, r := range l.Receipts {
		color := receiptColor[r.State]
		b := lw.body("", false)
		received := textCell("", b)
		if !r.Received.IsZero() {
			if r.ReceivedFrom == "邮件时间" {
				received = excelize.Cell{StyleID: lw.datetime(), Value: r.Received.In(taizhang.CST)}
			} else {
				received = dateCell(taizhang.DateOf(r.Received), "", lw.date(), b)
			}
		}
		file, replaced := "", ""
		if r.Submission != nil {
			file = r.Submission.Source.Path
			if a := r.Submission.Source.Attachments; len(a) > 0 {
				file += "\n随附：" + strings.Join(a, "、")
			}
		}
		for _, u := range r.Unreadable {
			file = strings.TrimPrefix(file+"\n无法读取："+u, "\n")
		}
		for _, u := range r.Blank {
			file = strings.TrimPrefix(file+"\n未填写："+u, "\n")
		}
		for _, u := range r.Sheetless {
			file = strings.TrimPrefix(file+"\n无电子表格："+u, "\n")
		}
		for _, s := range r.Mismatched {
			code, whose := r.Mismatch(s)
			file = strings.TrimPrefix(file+"\n"+code.Label()+"："+s.Source.Path+"（"+whose+"的表）", "\n")
		}
		var rep []string
		for _, s := range r.Replaced {
			if slices.Contains(r.Repeats, s) {
				rep = append(rep, "重复发送："+s.Source.Path)
				continue
			}
			if slices.Contains(r.Misnamed, s) {
				rep = append(rep, taizhang.WrongUnit.Label()+"："+s.Source.Path)
				continue
			}
			rep = append(rep, s.Source.Path)
		}
		replaced = strings.Join(rep, "\n")
		state := receiptState(&r)
		from := r.ReceivedFrom
		if from != "" && r.First != nil && r.First != r.Submission {
			// The time is the first copy's, listed among the replaced.
			from += "（首次报送）"
		}
		row := []any{textCell(r.Unit, b), textCell(r.Period.String(), b), textCell(state, lw.body(color, true)), received,
			textCell(from, lw.body("", true)), textCell(file, b), textCell(replaced, b)}
		if err := sw.SetRow(cell(1, i+2), row, fit(widths, row)...); err != nil {
			return err
		}
	}
	return sw.Flush()
}

func (lw *ledgerWriter) rows() (func() error, error) {
	widths := []float64{16, 16, 8, 22, 26, 11, 10, 50, 11, 24, 30, 30, 16, 40}
	sw, err := lw.table(SheetLedger, ledgerHeaders, widths, 1, len(lw.l.Rows), 8)
	if err != nil {
		return nil, err
	}
	// The rows themselves, hundreds of megabytes at national scale, are
	// encoded on every core as the workbook is written out (splice.go).
	if err := lw.ledgerRows(widths); err != nil {
		return nil, err
	}
	return sw.Flush, nil
}

// spliceRows has the n rows of sheet below its header row encoded as the
// workbook is written out (splice.go), width cells each; fill gives row i
// its cells and height, and may be called from several goroutines at once.
func (lw *ledgerWriter) spliceRows(sheet string, width, n int, fill func(i int, cells []excelize.Cell) (float64, error)) error {
	part, err := sheetPart(lw.f, sheet)
	if err != nil {
		return err
	}
	lw.spliced[part] = func(w io.Writer) error {
		return streamRows(w, 2, n, width, func(i int, cells []excelize.Cell) (float64, error) {
			h, err := fill(i, cells)
			if err != nil {
				err = fmt.Errorf("生成汇总台账：%w", err)
			}
			return h, err
		})
	}
	return nil
}

// ledgerRows has 汇总台账's rows, one an entry, spliced in.
func (lw *ledgerWriter) ledgerRows(widths []float64) error {
	l := lw.l
	p := l.Programme
	b, bc := lw.body("", false), lw.body("", true)
	statusStyle := map[taizhang.Status]int{}
	for st, color := range map[taizhang.Status]string{taizhang.Done: colorGreen, taizhang.InProgress: colorYellow, taizhang.NotStarted: "", taizhang.NoStatus: colorRed} {
		statusStyle[st] = lw.body(color, true)
	}
	dateStyle := lw.date()
	periods := map[taizhang.Period]string{}
	for i := range l.Rows {
		if q := l.Rows[i].Period(); periods[q] == "" {
			periods[q] = q.String()
		}
	}
	fill := func(i int, cells []excelize.Cell) (float64, error) {
		r := &l.Rows[i]
		e := r.Entry
		no, measure, node := e.No, e.Measure, e.Node
		var deadline taizhang.Date
		if ms := r.Milestone; ms != nil {
			m := p.MeasureOf(ms.Measure)
			no, measure, node, deadline = m.Label(), m.Title, ms.ID+" "+ms.Title, ms.Deadline
		}
		status := e.Status.String()
		if e.Status == taizhang.NoStatus {
			status = e.StatusText
		}
		t, err := l.Texts(e)
		if err != nil {
			return 0, fmt.Errorf("读回 %s 的内容：%w", source(r.Place()), err)
		}
		progress := t.Progress
		if len(t.Extra) > 0 {
			progress += "\n【表中其他内容】" + strings.Join(t.Extra, "；")
			progress = strings.TrimPrefix(progress, "\n")
		}
		var marks []string
		for _, c := range r.Marks {
			marks = append(marks, c.Label())
		}
		unit := r.Unit()
		if unit == "" {
			unit = "（单位不明）"
		}
		copy(cells, []excelize.Cell{textCell(unit, b), textCell(periods[r.Period()], b), textCell(no, bc), textCell(measure, b), textCell(node, b),
			dateCell(deadline, "", dateStyle, bc), textCell(status, statusStyle[e.Status]), textCell(progress, b), dateCell(e.Completed, e.CompletedText, dateStyle, bc),
			textCell(t.Evidence, b), textCell(t.Problems, b), textCell(t.NextSteps, b), textCell(strings.Join(marks, "、"), b), textCell(source(r.Place()), b)})
		return cellsHeight(widths, cells), nil
	}
	return lw.spliceRows(SheetLedger, len(ledgerHeaders), len(l.Rows), fill)
}

func (lw *ledgerWriter) findings() (func() error, error) {
	widths := []float64{7, 20, 12, 18, 16, 8, 44, 70}
	l := lw.l
	sw, err := lw.table(SheetFindings, findingHeaders, widths, 1, len(l.Findings), 9)
	if err != nil {
		return nil, err
	}
	b, bc := lw.body("", false), lw.body("", true)
	severityStyle := map[taizhang.Severity]int{taizhang.Error: lw.body(colorRed, true), taizhang.Warning: lw.body(colorYellow, true), taizhang.Info: lw.body(colorBlue, true)}
	fill := func(i int, cells []excelize.Cell) (float64, error) {
		x := &l.Findings[i]
		copy(cells, []excelize.Cell{textCell(x.Severity.String(), severityStyle[x.Severity]), textCell(string(x.Code), b), textCell(x.Code.Label(), b),
			textCell(x.Unit, b), textCell(x.Period.String(), b), textCell(x.Milestone, bc), textCell(source(x.Place), b), textCell(x.Message, b)})
		return cellsHeight(widths, cells), nil
	}
	if err := lw.spliceRows(SheetFindings, len(findingHeaders), len(l.Findings), fill); err != nil {
		return nil, err
	}
	return sw.Flush, nil
}

func (lw *ledgerWriter) measures() (func() error, error) {
	widths := []float64{9, 24, 60, 9, 26, 12, 18, 24, 36, 26, 30}
	sw, err := lw.table(SheetMeasures, measureHeaders, widths, 1, len(lw.l.Programme.Milestones()), 8)
	if err != nil {
		return nil, err
	}
	return func() error { return lw.fillMeasures(sw, widths) }, nil
}

func (lw *ledgerWriter) fillMeasures(sw *excelize.StreamWriter, widths []float64) error {
	p := lw.l.Programme
	b, bc, dateStyle := lw.body("", false), lw.body("", true), lw.date()
	r := 2
	for _, m := range p.Measures {
		for _, ms := range m.Milestones {
			row := []any{textCell(m.Label(), bc), textCell(m.Title, b), textCell(m.Text, b), textCell(ms.ID, bc), textCell(ms.Title, b), dateCell(ms.Deadline, "", dateStyle, bc),
				textCell(m.LeadUnit, b), textCell(m.LeadLeader, b), textCell(strings.Join(m.ResponsibleLeaders, "\n"), b), textCell(m.ResponsibleUnits, b), textCell(compactUnits(p, ms.Units), b)}
			if err := sw.SetRow(cell(1, r), row, fit(widths, row)...); err != nil {
				return err
			}
			r++
		}
	}
	return sw.Flush()
}

// overview writes 总览: the unit × milestone matrix of the run's period with
// per-unit counts, and a chart of completion by unit.
func (lw *ledgerWriter) overview() (func() error, error) {
	f, l := lw.f, lw.l
	p := l.Programme
	sh := SheetOverview
	mss := p.Milestones()
	var units []string
	for _, r := range l.ReceiptsOf(l.Period) {
		units = append(units, r.Unit)
	}
	headerRow := overviewTitleN + 1
	ncol := 1 + len(mss) + len(overviewCounts)
	last := cell(ncol, headerRow+max(len(units), 1))
	// Page set-up, filter, dimension and chart go on the sheet before its
	// cells are streamed: the stream writer keeps them.
	if err := printSetup(f, sh, 8, fmt.Sprintf("$1:$%d", headerRow), cell(1, headerRow)+":"+last); err != nil {
		return nil, err
	}
	if err := f.SetSheetDimension(sh, "A1:"+last); err != nil {
		return nil, err
	}
	if len(units) > 0 {
		if err := lw.chart(headerRow, len(units), 2+len(mss)); err != nil {
			return nil, err
		}
	}
	sw, err := f.NewStreamWriter(sh)
	if err != nil {
		return nil, err
	}
	widths := []float64{22}
	for range mss {
		widths = append(widths, 13)
	}
	for range overviewCounts {
		widths = append(widths, 10)
	}
	for i, w := range widths {
		if err := sw.SetColWidth(i+1, i+1, w); err != nil {
			return nil, err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, XSplit: 1, YSplit: headerRow, TopLeftCell: cell(2, headerRow+1), ActivePane: "bottomRight"}); err != nil {
		return nil, err
	}
	return func() error { return lw.fillOverview(sw, headerRow) }, nil
}

func (lw *ledgerWriter) fillOverview(sw *excelize.StreamWriter, headerRow int) error {
	l := lw.l
	p := l.Programme
	mss := p.Milestones()
	s := l.Summary()
	rows := [][]any{
		{excelize.Cell{StyleID: lw.title(), Value: text(fmt.Sprintf("%s汇总台账（%s，截至 %s）", p.Name, l.Period, l.AsOf))}},
		{excelize.Cell{StyleID: lw.note(), Value: fmt.Sprintf("应报 %d 个单位，已报 %d 个（按时 %d、迟报 %d、时间不明 %d），未报 %d 个；逾期未完成 %d 项；问题：错误 %d、警告 %d、提示 %d。颜色：绿 已完成，黄 推进中/临期，红 逾期未完成/未报，灰 无需填报。",
			s.Expected, s.Received, s.OnTime, s.Late, s.UnknownTime, s.Missing, s.Overdue, s.Errors, s.Warnings, s.Infos)}},
	}
	for i, row := range rows {
		if err := sw.SetRow(cell(1, i+1), row); err != nil {
			return err
		}
	}
	hs := lw.head()
	head := []any{excelize.Cell{StyleID: hs, Value: "单位"}}
	for _, ms := range mss {
		head = append(head, excelize.Cell{StyleID: hs, Value: text(ms.ID + "\n" + shortTitle(ms.Title) + "\n" + ms.Deadline.String())})
	}
	for _, h := range overviewCounts {
		head = append(head, excelize.Cell{StyleID: hs, Value: h})
	}
	if err := sw.SetRow(cell(1, headerRow), head, excelize.RowOpts{Height: 62}); err != nil {
		return err
	}
	pct, num, unitStyle := lw.pct(), lw.num(), lw.unit()
	// Style ids by colour, looked up once: the matrix has a cell per unit
	// and milestone.
	marks := map[string]int{}
	for _, c := range []string{"", colorGreen, colorYellow, colorRed, colorGrey} {
		marks[c] = lw.mark(c)
	}
	mark := func(color string) int { return marks[color] }
	for i, r := range l.ReceiptsOf(l.Period) {
		row := []any{excelize.Cell{StyleID: unitStyle, Value: text(r.Unit)}}
		var required, done, doing, notStarted, overdue, soon, bad int
		for _, ms := range mss {
			c := l.Cell(r.Unit, ms.ID)
			color := ""
			switch c.Category() {
			case taizhang.CatNone:
				color = colorGrey
			case taizhang.CatDone:
				color = colorGreen
				done++
			case taizhang.CatInProgress:
				color = colorYellow
				doing++
			case taizhang.CatNotStarted:
				notStarted++
			case taizhang.CatOverdue:
				color = colorRed
				overdue++
			default: // 未报, 漏报, 填写有误
				color = colorRed
				bad++
			}
			if c.State == taizhang.StateDueSoon {
				color = colorYellow
				soon++
			}
			if c.State != taizhang.NotRequired {
				required++
			}
			row = append(row, excelize.Cell{StyleID: mark(color), Value: c.State.String()})
		}
		for _, v := range []int{required, done, doing, notStarted, overdue, soon, bad} {
			row = append(row, excelize.Cell{StyleID: num, Value: v})
		}
		rate := 0.0
		if required > 0 {
			rate = float64(done) / float64(required)
		}
		row = append(row, excelize.Cell{StyleID: pct, Value: rate}, excelize.Cell{StyleID: mark(receiptColor[r.State]), Value: receiptState(r)})
		if err := sw.SetRow(cell(1, headerRow+1+i), row); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// chart adds a stacked bar chart of each unit's milestones by state below the matrix.
func (lw *ledgerWriter) chart(headerRow, n, base int) error {
	sh := SheetOverview
	first, lastRow := headerRow+1, headerRow+n
	cats := fmt.Sprintf("'%s'!$A$%d:$A$%d", sh, first, lastRow)
	var series []excelize.ChartSeries
	colors := []string{"70AD47", "FFC000", "BFBFBF", "C00000"}
	for i, k := range []int{1, 2, 3, 4} { // 已完成, 推进中, 未启动, 逾期未完成
		c := col(base + k)
		series = append(series, excelize.ChartSeries{
			Name:       fmt.Sprintf("'%s'!$%s$%d", sh, c, headerRow),
			Categories: cats,
			Values:     fmt.Sprintf("'%s'!$%s$%d:$%s$%d", sh, c, first, c, lastRow),
			Fill:       excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{colors[i]}},
		})
	}
	height := uint(max(320, 22*n+120))
	return lw.f.AddChart(sh, cell(1, lastRow+3), &excelize.Chart{
		Type:   excelize.BarStacked,
		Series: series,
		Title:  excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: "各单位节点完成情况", Font: &excelize.Font{Family: fontName, Size: 12, Bold: true}}}},
		Legend: excelize.ChartLegend{Position: "bottom"},
		// Black axis labels: LibreOffice draws the default ones in a grey
		// that is hard to read, and unreadable in print.
		XAxis: excelize.ChartAxis{ReverseOrder: true, Font: excelize.Font{Family: fontName, Size: 9, Color: "000000"}},
		YAxis: excelize.ChartAxis{MajorGridLines: true, Font: excelize.Font{Family: fontName, Size: 9, Color: "000000"}},
		Dimension: excelize.ChartDimension{
			Width: 900, Height: height,
		},
		PlotArea: excelize.ChartPlotArea{ShowVal: true, NumFmt: excelize.ChartNumFmt{CustomNumFmt: "0;;;"}}, // no label on an empty bar
	})
}

// shortTitle cuts a milestone title to fit a matrix header.
func shortTitle(s string) string {
	rs := []rune(s)
	if len(rs) > 12 {
		return string(rs[:11]) + "…"
	}
	return s
}
