package xlsx

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"taizhang"
)

// filled returns a template for unit and period filled in with status and
// progress on every row, and 填报日期 set to filled.
func filled(t testing.TB, p *taizhang.Programme, unit string, q taizhang.Period, filled string, edit func(f *excelize.File)) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteTemplate(&buf, p, unit, q, written); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	sh := SheetProgress
	must := func(err error) {
		if err != nil {
			t.Fatal(err)
		}
	}
	must(f.SetCellStr(sh, filledCell, filled))
	for i := range p.UnitMilestones(unit) {
		r := firstEntryRow + i
		must(f.SetCellStr(sh, fmt.Sprintf("G%d", r), "推进中"))
		must(f.SetCellStr(sh, fmt.Sprintf("I%d", r), "按计划推进"))
	}
	if edit != nil {
		edit(f)
	}
	var out bytes.Buffer
	if _, err := f.WriteTo(&out); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

func TestWriteLedger(t *testing.T) {
	p := builtin(t)
	q := period(t, "2021-04-1")
	var files []taizhang.File
	for _, u := range []string{"包头市", "呼和浩特市", "自治区政务服务局"} {
		data := filled(t, p, u, q, "2021-04-14", func(f *excelize.File) {
			if u == "包头市" {
				f.SetCellStr(SheetProgress, "I5", "=HYPERLINK(\"http://x\")")
				f.SetCellStr(SheetProgress, "K5", "@SUM(A1)")
				f.SetCellStr(SheetProgress, "G7", "已完成")
				f.SetCellStr(SheetProgress, "H7", "2021-03-20")
			}
		})
		src := taizhang.Source{Path: u + ".xlsx", Name: u + ".xlsx"}
		s, fs := ReadSubmission(src, data, ReadOptions{Programme: p})
		files = append(files, taizhang.File{Source: src, Submission: s, Findings: fs})
	}
	// A cell longer than Excel allows, control characters and invalid UTF-8.
	files[1].Submission.Entries[0].Progress = strings.Repeat("推进", 50_000)
	files[1].Submission.Entries[1].Progress = "第一\x00行\x07\xff\xfe结束\v下一行"
	// Excel counts a character above U+FFFF as two: 20,000 emoji are over.
	files[1].Submission.Entries[2].Progress = strings.Repeat("😀", 20_000)
	l := taizhang.Merge(p, files, taizhang.MergeOptions{})
	f := openLedger(t, l)
	if got, want := f.GetSheetList(), []string{"总览", "报送情况", "汇总台账", "问题清单", "措施清单"}; !slices.Equal(got, want) {
		t.Fatalf("sheets %v, want %v", got, want)
	}
	wantHeaders := map[string][]string{
		"报送情况": receiptHeaders, "汇总台账": ledgerHeaders, "问题清单": findingHeaders, "措施清单": measureHeaders,
	}
	for sh, want := range wantHeaders {
		rows, err := f.GetRows(sh)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(rows[0], want) {
			t.Errorf("%s headers %v, want %v", sh, rows[0], want)
		}
	}
	// Text that looks like a formula stays text.
	rows, _ := f.GetRows(SheetLedger)
	found := 0
	for _, r := range rows {
		for _, c := range r {
			if c == "=HYPERLINK(\"http://x\")" || c == "@SUM(A1)" {
				found++
			}
		}
	}
	if found != 2 {
		t.Errorf("formula-like text found %d times, want 2", found)
	}
	for r := 2; r <= len(rows); r++ {
		for c := 1; c <= len(ledgerHeaders); c++ {
			ref := cell(c, r)
			if fm, _ := f.GetCellFormula(SheetLedger, ref); fm != "" {
				t.Errorf("%s has formula %q", ref, fm)
			}
		}
	}
	var long, ctrl, wide string
	for _, r := range rows {
		if len(r) > 7 && r[0] == "呼和浩特市" && strings.HasPrefix(r[4], "一 ") {
			long = r[7]
		}
		if len(r) > 7 && r[0] == "呼和浩特市" && strings.HasPrefix(r[4], "三.1 ") {
			wide = r[7]
		}
		if len(r) > 7 && r[0] == "呼和浩特市" && strings.HasPrefix(r[4], "二 ") {
			ctrl = r[7]
		}
	}
	if n := len([]rune(long)); n != 32767 || !strings.HasSuffix(long, "…（原文共100000字，超过 Excel 单元格上限，以下从略，请查看原表）") {
		t.Errorf("long cell: %d characters, ends %q", n, string([]rune(long)[max(0, n-40):]))
	}
	note := "…（原文共20000字，超过 Excel 单元格上限，以下从略，请查看原表）"
	if units, _ := cellLength(wide); units > 32767 || wide != strings.Repeat("😀", (32767-len([]rune(note)))/2)+note {
		t.Errorf("cell of 20,000 emoji: %d UTF-16 units, ends %q", units, string([]rune(wide)[max(0, len([]rune(wide))-40):]))
	}
	if ctrl != "第一行�结束\n下一行" {
		t.Errorf("control characters: %q", ctrl)
	}
	// The matrix: 包头市 三.1 done; 乌海市 not reported.
	if v, _ := f.GetCellValue(SheetOverview, "C4"); v != "推进中" {
		t.Errorf("总览!C4 = %q", v)
	}
	if v, _ := f.GetCellValue(SheetOverview, "D4"); v != "逾期未完成" {
		t.Errorf("总览!D4 = %q (三.1 of 呼和浩特市, due 2021-03-31)", v)
	}
	if v, _ := f.GetCellValue(SheetOverview, "A5"); v != "包头市" {
		t.Errorf("总览!A5 = %q", v)
	}
	if v, _ := f.GetCellValue(SheetOverview, "D5"); v != "已完成" {
		t.Errorf("总览!D5 = %q (三.1 of 包头市)", v)
	}
}

// TestLedgerBlankCells writes a ledger with empty values: an entry without
// 完成时间 or 存在问题, a unit that did not report. Their cells are blank
// (ISBLANK in Excel) yet keep the table's style, and hold no empty string.
func TestLedgerBlankCells(t *testing.T) {
	p := builtin(t)
	q := period(t, "2021-04-1")
	data := filled(t, p, "包头市", q, "2021-04-14", nil)
	src := taizhang.Source{Path: "包头市.xlsx", Name: "包头市.xlsx"}
	s, fs := ReadSubmission(src, data, ReadOptions{Programme: p})
	l := taizhang.Merge(p, []taizhang.File{{Source: src, Submission: s, Findings: fs}}, taizhang.MergeOptions{})
	f := openLedger(t, l)
	defer f.Close()
	// 汇总台账 row 2 is 包头市 一: 完成时间 (I) and 存在问题 (K) are empty.
	// 报送情况 row 2 is 呼和浩特市, not reported: no 收到时间 (D), 时间来源 (E), 文件 (F).
	for _, c := range []struct{ sheet, ref, header string }{
		{SheetLedger, "I2", "完成时间"}, {SheetLedger, "K2", "存在问题"},
		{SheetReceipts, "D2", "收到时间"}, {SheetReceipts, "E2", "时间来源"}, {SheetReceipts, "F2", "文件"},
	} {
		if h, _ := f.GetCellValue(c.sheet, c.ref[:1]+"1"); h != c.header {
			t.Fatalf("%s!%s1 = %q, want %s", c.sheet, c.ref[:1], h, c.header)
		}
		typ, err := f.GetCellType(c.sheet, c.ref)
		if err != nil {
			t.Fatal(err)
		}
		v, _ := f.GetCellValue(c.sheet, c.ref)
		if typ != excelize.CellTypeUnset || v != "" {
			t.Errorf("%s!%s (%s) holds %q of type %v, want a blank cell", c.sheet, c.ref, c.header, v, typ)
		}
		if st, _ := f.GetCellStyle(c.sheet, c.ref); st == 0 {
			t.Errorf("%s!%s (%s) has no style, want the table's border and font", c.sheet, c.ref, c.header)
		}
	}
	// A date is still a real date.
	for _, sh := range []string{SheetLedger, SheetMeasures} {
		if typ, _ := f.GetCellType(sh, "F2"); typ == excelize.CellTypeInlineString || typ == excelize.CellTypeSharedString {
			t.Errorf("%s!F2 (完成时限) is text, want a date", sh)
		}
	}
	for _, sh := range []string{SheetLedger, SheetMeasures} {
		if v, _ := f.GetCellValue(sh, "F2"); v != "2021-05-31" {
			t.Errorf("%s!F2 (完成时限) = %q, want 2021-05-31", sh, v)
		}
	}
}

// openLedger writes l's ledger workbook and opens it with excelize.
func openLedger(t *testing.T, l *taizhang.Ledger) *excelize.File {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteLedger(&buf, l, written); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// Rows whose text wraps are as tall as their lines, so that a reader that
// does not fit rows itself (LibreOffice printing to PDF) does not print them
// over the rows below; rows of one line keep the default height.
func TestLedgerRowHeights(t *testing.T) {
	p := builtin(t)
	q := period(t, "2021-04-1")
	data := filled(t, p, "包头市", q, "2021-04-14", nil)
	src := taizhang.Source{Path: "包头市.xlsx", Name: "包头市.xlsx"}
	s, fs := ReadSubmission(src, data, ReadOptions{Programme: p})
	// 进展情况 is 50 wide: 60 Chinese characters take 3 lines; four lines
	// written with line breaks take 4.
	s.Entries[0].Progress = strings.Repeat("推进", 30)
	s.Entries[1].Progress = "一\n二\n三\n四"
	l := taizhang.Merge(p, []taizhang.File{{Source: src, Submission: s, Findings: fs}}, taizhang.MergeOptions{})
	f := openLedger(t, l)
	rows, _ := f.GetRows(SheetLedger)
	heights := map[string]float64{}
	for i, r := range rows {
		if len(r) > 7 {
			h, err := f.GetRowHeight(SheetLedger, i+1)
			if err != nil {
				t.Fatal(err)
			}
			heights[r[7]] = h
		}
	}
	if h := heights[strings.Repeat("推进", 30)]; h != 3*lineHeight+4 {
		t.Errorf("row of 60 characters in 进展情况: height %v, want %v", h, 3*lineHeight+4)
	}
	if h := heights["一\n二\n三\n四"]; h != 4*lineHeight+4 {
		t.Errorf("row of four lines: height %v, want %v", h, 4*lineHeight+4)
	}
	receipts, _ := f.GetRows(SheetReceipts)
	for i, r := range receipts {
		if r[0] == "乌海市" {
			if h, _ := f.GetRowHeight(SheetReceipts, i+1); h != 15 {
				t.Errorf("报送情况 row %d of one line: height %v, want Excel's default 15", i+1, h)
			}
		}
	}
}

// TestLedgerMarksUnmatchedRows merges a sheet without 措施编号 and 节点
// columns, whose rows match no milestone: in 汇总台账 each of its rows says
// 无法匹配 in 标记, as the rows of other findings say theirs.
func TestLedgerMarksUnmatchedRows(t *testing.T) {
	p := builtin(t)
	rows := [][]any{
		{"通辽市工程建设项目审批制度改革专项工作推进情况（2021年4月上半月）"},
		{"序号", "任务名称", "完成情况", "工作进展"},
		{1, "项目储备库建设", "推进中", "已梳理项目86个"},
		{2, "多规合一平台", "推进中", "平台已上线试运行"},
	}
	data := workbook(t, map[string][][]any{"Sheet1": rows}, []string{"Sheet1"}, nil)
	src := taizhang.Source{Path: "通辽市_2021年4月上半月.xlsx", Name: "通辽市_2021年4月上半月.xlsx"}
	s, fs := ReadSubmission(src, data, ReadOptions{Programme: p})
	if s == nil {
		t.Fatalf("nil submission: %v", fs)
	}
	l := taizhang.Merge(p, []taizhang.File{{Source: src, Submission: s, Findings: fs}}, taizhang.MergeOptions{})
	f := openLedger(t, l)
	defer f.Close()
	got, err := f.GetRows(SheetLedger)
	if err != nil {
		t.Fatal(err)
	}
	mark, from := slices.Index(got[0], "标记"), slices.Index(got[0], "来源")
	if mark < 0 || from < 0 {
		t.Fatalf("汇总台账 headers %q", got[0])
	}
	n := 0
	for i, r := range got[1:] {
		if len(r) <= from || !strings.HasPrefix(r[from], "通辽市_2021年4月上半月.xlsx") {
			continue
		}
		n++
		if r[mark] != "无法匹配" {
			t.Errorf("汇总台账 row %d (%s): 标记 %q, want 无法匹配", i+2, r[from], r[mark])
		}
	}
	if n != 2 {
		t.Errorf("汇总台账 has %d rows of 通辽市's sheet, want 2", n)
	}
}

// The sheets are streamed side by side, yet the same ledger makes the same
// workbook: every part (styles included) is the same from one write to the
// next.
func TestLedgerIsDeterministic(t *testing.T) {
	l := filledLedger(t, "2021-04-16", "包头市", "呼和浩特市")
	parts := func() map[string]string {
		var buf bytes.Buffer
		if err := WriteLedger(&buf, l, written); err != nil {
			t.Fatal(err)
		}
		m := map[string]string{}
		for _, zp := range zipParts(t, buf.Bytes()) {
			b := zp.data
			if zp.name == "[Content_Types].xml" {
				// excelize lists the parts in no fixed order: compare the set.
				elems := strings.Split(string(b), "<")
				slices.Sort(elems)
				b = []byte(strings.Join(elems, "<"))
			}
			m[zp.name] = string(b)
		}
		return m
	}
	first := parts()
	for range 5 {
		next := parts()
		if len(next) != len(first) {
			t.Fatalf("%d parts, then %d", len(first), len(next))
		}
		for name, b := range first {
			if next[name] != b {
				t.Fatalf("part %s differs between two writes of the same ledger", name)
			}
		}
	}
}

// A ledger larger unzipped than a sheet may be (several periods of a
// national batch) is still known as a ledger: the command may replace it,
// and the reader skips it rather than calling it unreadable.
func TestLargeLedgerIsKnown(t *testing.T) {
	p := builtin(t)
	q := period(t, "2021-04-1")
	src := taizhang.Source{Path: "包头市.xlsx", Name: "包头市.xlsx"}
	s, fs := ReadSubmission(src, filled(t, p, "包头市", q, "2021-04-14", nil), ReadOptions{Programme: p})
	l := taizhang.Merge(p, []taizhang.File{{Source: src, Submission: s, Findings: fs}}, taizhang.MergeOptions{})
	var buf bytes.Buffer
	if err := WriteLedger(&buf, l, written); err != nil {
		t.Fatal(err)
	}
	defer func(n int64) { unzipLimit = n }(unzipLimit)
	unzipLimit = int64(buf.Len()) // well below the ledger's unzipped size
	if !IsLedgerAt(bytes.NewReader(buf.Bytes()), int64(buf.Len())) {
		t.Error("IsLedgerAt: a ledger over the unzip limit is not known as one")
	}
	sub, got := ReadSubmission(taizhang.Source{Path: "汇总台账.xlsx", Name: "汇总台账.xlsx"}, buf.Bytes(), ReadOptions{Programme: p})
	if sub != nil || len(got) != 1 || got[0].Code != taizhang.ReaderNote || got[0].Message != "这是本程序生成的汇总台账，不是进展情况表，已跳过" {
		t.Errorf("reading the ledger: %v, %q", sub, got)
	}
}
