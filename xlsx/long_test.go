package xlsx

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"taizhang"
)

// A sheet longer than stowAfter rows, with a shared-string table over the
// spill size: texts go to the store as the sheet is read, and come back whole.
func TestLongSheetStowsTexts(t *testing.T) {
	defer func(old uint64) { spillSST = old }(spillSST)
	spillSST = 1000
	p := builtin(t)
	rows := [][]any{{"填报单位：包头市", nil, "报送期次：2021年4月上半月"}, {"措施编号", "节点", "进展状态", "进展情况", "存在问题"}}
	n := stowAfter + 500
	for i := 0; i < n; i++ {
		rows = append(rows, []any{"（一）", "", "推进中", fmt.Sprintf("第%d行的进展：%s", i, strings.Repeat("项目储备库建设", 12)), ""})
	}
	data := workbook(t, map[string][][]any{"Sheet1": rows}, []string{"Sheet1"}, nil)
	st := &taizhang.MemoryStore{}
	s, fs := ReadSubmission(taizhang.Source{Path: "长表.xlsx", Name: "长表.xlsx"}, data, ReadOptions{Programme: p, Store: st})
	if s == nil || len(s.Entries) != n {
		t.Fatalf("read %v entries: %v", s != nil, fs)
	}
	for _, i := range []int{0, stowAfter - 1, stowAfter, n - 1} {
		e := &s.Entries[i]
		if !e.Stowed() {
			t.Errorf("entry %d not stowed", i)
		}
		got, err := e.ReadTexts(st)
		want := fmt.Sprintf("第%d行的进展：%s", i, strings.Repeat("项目储备库建设", 12))
		if err != nil || got.Progress != want {
			t.Errorf("entry %d: %q, %v", i, got.Progress, err)
		}
		if e.Milestone != "一" || e.ProgressBlank() || !e.ProblemsBlank() {
			t.Errorf("entry %d: milestone %q blanks %v %v", i, e.Milestone, e.ProgressBlank(), e.ProblemsBlank())
		}
	}
}

// A cell longer than Excel allows (a file written by another program) is
// read whole, and named: the ledger can keep only its start.
// Excel counts a character above U+FFFF (an emoji, 𠮷) as two.
func TestReadCellTooLongForExcel(t *testing.T) {
	block := []any{"填报单位：包头市", nil, "报送期次：2021年4月上半月", "填报日期：2021年4月14日"}
	header := []any{"措施编号", "节点", "进展状态", "进展情况", "完成时间"}
	rows := [][]any{block, header, {"（一）", "", "推进中", "LONGTEXT", ""}}
	for _, c := range []struct{ long, want string }{
		{strings.Repeat("推进", 20_000), "该格共40000字，超过 Excel 单元格的上限（32767字），汇总台账中只写入前一部分，全文请查看原表"},
		{strings.Repeat("进展", 15_000) + strings.Repeat("𠮷", 3000), "该格共33000字，其中3000个表情符号或生僻字在 Excel 中各占两个字的位置，合计超过 Excel 单元格的上限（32767字），汇总台账中只写入前一部分，全文请查看原表"},
		{strings.Repeat("进展", 15_000) + strings.Repeat("😀", 1000), ""}, // 32,000: within
	} {
		data := workbook(t, map[string][][]any{"Sheet1": rows}, []string{"Sheet1"}, nil)
		data = rewritePart(t, data, "xl/sharedStrings.xml", func(x string) string { return strings.Replace(x, "LONGTEXT", c.long, 1) })
		s, lines := read(t, "包头市.xlsx", data)
		if s == nil || len(s.Entries) != 1 || s.Entries[0].Progress != c.long {
			t.Fatalf("entries %v: %v", s, lines)
		}
		notes := slices.DeleteFunc(slices.Clone(lines), func(l string) bool { return !strings.Contains(l, "单元格的上限") })
		if want := "包头市.xlsx Sheet1!D3 提示 读取说明：" + c.want; c.want == "" && len(notes) > 0 || c.want != "" && !slices.Equal(notes, []string{want}) {
			t.Errorf("notes %q, want %q", notes, c.want)
		}
		// 问题清单's 节点 column names the entry's node.
		_, fs := ReadSubmission(taizhang.Source{Path: "包头市.xlsx", Name: "包头市.xlsx"}, data, ReadOptions{Programme: builtin(t)})
		if i := slices.IndexFunc(fs, func(f taizhang.Finding) bool { return strings.Contains(f.Message, "单元格的上限") }); i >= 0 && fs[i].Milestone != "一" {
			t.Errorf("the note names node %q, want 一", fs[i].Milestone)
		}
	}
}

// A 填报日期 that is a formula the file holds no result of, and that the
// reader cannot work out (TODAY()), is named as such, and merge's
// 报送时间不明 says what to do about it.
func TestFilledDateFormulaWithoutResult(t *testing.T) {
	rows := [][]any{
		{"填报单位：包头市", nil, "报送期次：2021年4月上半月", "填报日期：", nil},
		{"措施编号", "节点", "进展状态", "进展情况", "完成时间"},
		{"（一）", "", "推进中", "已梳理项目", ""},
	}
	data := workbook(t, map[string][][]any{"Sheet1": rows}, []string{"Sheet1"}, func(f *excelize.File) {
		if err := f.SetCellFormula("Sheet1", "E1", "TODAY()"); err != nil {
			t.Fatal(err)
		}
	})
	p := builtin(t)
	src := taizhang.Source{Path: "包头市.xlsx", Name: "包头市.xlsx"}
	s, fs := ReadSubmission(src, data, ReadOptions{Programme: p})
	if s == nil || !s.FilledFormula || s.FilledCell != "E1" {
		t.Fatalf("submission %+v", s)
	}
	l := taizhang.Merge(p, []taizhang.File{{Source: src, Submission: s, Findings: fs}}, taizhang.MergeOptions{})
	var merged []string
	for _, f := range l.Findings {
		merged = append(merged, f.Text())
	}
	for _, want := range []string{
		"包头市.xlsx Sheet1!E1 警告 填写有误：填报日期（E1）是公式，但文件没有保存计算结果，无法读取；请在 Excel 或 WPS 中打开后保存一次再报送",
		"包头市.xlsx Sheet1!E1 提示 报送时间不明：包头市2021年4月上半月进展情况表没有邮件时间也没有填报日期，无法判断是否按时报送；表头的填报日期（E1）是公式，但文件没有保存计算结果，请在 Excel 或 WPS 中打开后保存一次再报送，或直接填写日期",
	} {
		if !slices.Contains(merged, want) {
			t.Errorf("missing\n%s\nin\n%s", want, strings.Join(merged, "\n"))
		}
	}
}
