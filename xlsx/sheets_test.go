package xlsx

import (
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"taizhang"
)

// periodTable is 包头市's progress table under the header block given; its
// 进展情况 cells say which sheet they are in.
func periodTable(block []any, progress string) [][]any {
	rows := [][]any{block, {"措施编号", "节点", "进展状态", "进展情况", "完成时间"}}
	for _, no := range []string{"（一）", "（二）", "三.1", "三.2", "三.3", "（四）", "（六）"} {
		rows = append(rows, []any{no, nil, "推进中", progress})
	}
	return rows
}

// cumulative builds a workbook with one progress table per sheet, named as
// given, each under the header block block(name); 说明 and an empty sheet
// stand beside them.
func cumulative(t *testing.T, names []string, block func(name string) []any) []byte {
	t.Helper()
	sheets := map[string][][]any{
		"说明":     {{"填报要求"}, {"进展状态", "从下拉列表选择"}, {"进展情况", "简要写明本期推进的具体工作"}},
		"Sheet9": nil,
	}
	order := []string{"说明"}
	for _, n := range names {
		sheets[n] = periodTable(block(n), n+"的进展")
		order = append(order, n)
	}
	return workbook(t, sheets, append(order, "Sheet9"), nil)
}

func TestReadOnePeriodOfMany(t *testing.T) {
	unitOnly := func(string) []any { return []any{"填报单位：包头市"} }
	halves := cumulative(t, []string{"4月上半月", "4月下半月", "5月上半月"}, unitOnly)
	cases := []struct {
		name   string
		data   []byte
		cli    string
		sheet  string
		period string
		want   []string
	}{
		{"包头市2021年进展.xlsx", halves, "", "5月上半月", "2021年5月上半月", []string{
			"包头市2021年进展.xlsx 5月上半月 提示 读取说明：工作簿中另有2张进展表未读取：“4月上半月”、“4月下半月”（只读取了期次最近的“5月上半月”，即2021年5月上半月）",
			"包头市2021年进展.xlsx 5月上半月 提示 读取说明：表头没有报送期次，已按工作表名认定为2021年5月上半月",
		}},
		{"包头市2021年进展.xlsx", halves, "2021-04-2", "4月下半月", "2021年4月下半月", []string{
			"包头市2021年进展.xlsx 4月下半月 提示 读取说明：工作簿中另有2张进展表未读取：“4月上半月”、“5月上半月”（只读取了与命令行 --period 指定的期次2021年4月下半月对应的“4月下半月”）",
			"包头市2021年进展.xlsx 4月下半月 提示 读取说明：表头没有报送期次，已按工作表名认定为2021年4月下半月",
		}},
		{"包头市_2021年4月上半月_进展情况表.xlsx", halves, "", "4月上半月", "2021年4月上半月", []string{
			"包头市_2021年4月上半月_进展情况表.xlsx 4月上半月 提示 读取说明：工作簿中另有2张进展表未读取：“4月下半月”、“5月上半月”（只读取了与文件名中的期次2021年4月上半月对应的“4月上半月”）",
		}},
		{"包头市_2021年5月下半月.xlsx", halves, "", "5月上半月", "2021年5月上半月", []string{
			"包头市_2021年5月下半月.xlsx 5月上半月 警告 读取说明：工作簿中另有2张进展表未读取：“4月上半月”、“4月下半月”（只读取了期次最近的“5月上半月”，即2021年5月上半月；工作簿中没有与文件名中的期次2021年5月下半月对应的表，请核对）",
			"包头市_2021年5月下半月.xlsx 5月上半月 警告 期次不符：表中期次为2021年5月上半月，文件名中为2021年5月下半月，以表中为准；如表中填错请改正后重新报送",
		}},
		{"包头市.xlsx", cumulative(t, []string{"第1期", "第2期"}, func(n string) []any {
			return []any{"填报单位：包头市", nil, map[string]string{"第1期": "报送期次：2021年4月上半月", "第2期": "报送期次：2021年4月下半月"}[n]}
		}), "", "第2期", "2021年4月下半月", []string{
			"包头市.xlsx 第2期 提示 读取说明：工作簿中另有1张进展表未读取：“第1期”（只读取了期次最近的“第2期”，即2021年4月下半月）",
		}},
		{"包头市.xlsx", cumulative(t, []string{"第9期", "第十一期", "第10期"}, unitOnly), "2021-04-1", "第十一期", "2021年4月上半月", []string{
			"包头市.xlsx 第十一期 警告 读取说明：工作簿中另有2张进展表未读取：“第9期”、“第10期”（只读取了期次最近的“第十一期”；工作簿中没有与命令行 --period 指定的期次2021年4月上半月对应的表，请核对）",
			"包头市.xlsx 第十一期 提示 读取说明：表头没有报送期次，已按命令行认定为2021年4月上半月",
		}},
		{"包头市.xlsx", cumulative(t, []string{"4.15", "4月30日", "2021-05-15"}, func(string) []any {
			return []any{"填报单位：包头市", nil, "填报日期：2021年5月15日"}
		}), "", "2021-05-15", "2021年5月上半月", []string{
			"包头市.xlsx 2021-05-15 提示 读取说明：工作簿中另有2张进展表未读取：“4.15”、“4月30日”（只读取了期次最近的“2021-05-15”，即2021年5月上半月）",
			"包头市.xlsx 2021-05-15 提示 读取说明：表头没有报送期次，已按工作表名认定为2021年5月上半月",
		}},
		{"包头市_2021年4月上半月.xlsx", cumulative(t, []string{"Sheet1", "Sheet2"}, unitOnly), "", "Sheet1", "2021年4月上半月", []string{
			"包头市_2021年4月上半月.xlsx Sheet1 警告 读取说明：工作簿中另有1张进展表未读取：“Sheet2”（各表都看不出期次，只读取了第一张“Sheet1”）",
		}},
		{"包头市.xlsx", cumulative(t, []string{"进展情况", "进展情况 (2)"}, func(string) []any {
			return []any{"填报单位：包头市", nil, "报送期次：2021年4月下半月"}
		}), "", "进展情况", "2021年4月下半月", []string{
			"包头市.xlsx 进展情况 警告 读取说明：工作簿中另有1张进展表未读取：“进展情况 (2)”（只读取了第一张“进展情况”，即2021年4月下半月；“进展情况 (2)”与之期次相同，请核对是否重复）",
		}},
	}
	p := builtin(t)
	for _, c := range cases {
		var cli taizhang.Period
		if c.cli != "" {
			cli = period(t, c.cli)
		}
		s, fs := ReadSubmission(taizhang.Source{Path: c.name, Name: c.name}, c.data, ReadOptions{Programme: p, Period: cli})
		var lines []string
		for _, f := range fs {
			lines = append(lines, f.Text())
		}
		text := strings.Join(lines, "\n")
		if s == nil {
			t.Errorf("%s %s: nil submission\n%s", c.name, c.cli, text)
			continue
		}
		if s.Sheet != c.sheet || s.Period.String() != c.period || s.Unit != "包头市" {
			t.Errorf("%s %s: sheet %q period %v unit %q; want %q %s 包头市\n%s", c.name, c.cli, s.Sheet, s.Period, s.Unit, c.sheet, c.period, text)
		}
		if len(s.Entries) != 7 || s.Entries[0].Progress != c.sheet+"的进展" || s.Entries[6].Progress != c.sheet+"的进展" {
			t.Errorf("%s %s: entries not from sheet %q: %+v", c.name, c.cli, c.sheet, s.Entries)
		}
		for _, w := range c.want {
			if !strings.Contains(text, w) {
				t.Errorf("%s %s: missing line\n%s\nin\n%s", c.name, c.cli, w, text)
			}
		}
		// Sheets without a table are not named.
		if strings.Contains(text, "说明”") || strings.Contains(text, "Sheet9") || strings.Count(text, "另有") != 1 {
			t.Errorf("%s %s: unexpected note\n%s", c.name, c.cli, text)
		}
	}
}

// TestReadOneTableBesideOthers reads a workbook's only progress table with no
// note about the sheets without one; the sheet's name gives the period that
// nothing else gives.
func TestReadOneTableBesideOthers(t *testing.T) {
	data := cumulative(t, []string{"2021年4月上半月"}, func(string) []any { return []any{"填报单位：包头市"} })
	s, lines := read(t, "包头市.xlsx", data)
	if s == nil || s.Sheet != "2021年4月上半月" {
		t.Fatalf("sheet: %v", lines)
	}
	text := strings.Join(lines, "\n")
	if s.Period.String() != "2021年4月上半月" {
		t.Errorf("period %v", s.Period)
	}
	for _, w := range []string{
		"包头市.xlsx 2021年4月上半月 提示 读取说明：进展情况表在工作表“2021年4月上半月”中，已从该表读取（工作簿共3个工作表）",
		"包头市.xlsx 2021年4月上半月 提示 读取说明：表头没有报送期次，已按工作表名认定为2021年4月上半月",
	} {
		if !strings.Contains(text, w) {
			t.Errorf("missing line\n%s\nin\n%s", w, text)
		}
	}
	if strings.Contains(text, "未读取") {
		t.Errorf("unexpected note:\n%s", text)
	}
}

// TestReadFullerTableOfTwo reads, when no sheet names a period, the table
// with more of the template's columns, and names the other.
func TestReadFullerTableOfTwo(t *testing.T) {
	stats := [][]any{{"序号", "项目名称", "完成情况", "进展情况", "完成时间"}, {1, "某园区区域评估", "推进中", "已招标"}}
	data := workbook(t, map[string][][]any{"统计": stats, "进展": periodTable([]any{"填报单位：包头市"}, "进展的进展")}, []string{"统计", "进展"}, nil)
	s, lines := read(t, "包头市_2021年4月上半月.xlsx", data)
	if s == nil || s.Sheet != "进展" || len(s.Entries) != 7 {
		t.Fatalf("sheet: %v", lines)
	}
	text := strings.Join(lines, "\n")
	if w := "包头市_2021年4月上半月.xlsx 进展 提示 读取说明：工作簿中另有1张进展表未读取：“统计”（各表都看不出期次，只读取了列名最全的“进展”）"; !strings.Contains(text, w) {
		t.Errorf("missing line\n%s\nin\n%s", w, text)
	}
}

func TestSheetNamePeriods(t *testing.T) {
	for _, c := range []struct {
		name string
		date string
		ord  int
	}{
		{"4.15", "2021-04-15", 0},
		{"4月30日", "2021-04-30", 0},
		{"2021-05-15", "2021-05-15", 0},
		{"20210531", "2021-05-31", 0},
		{"截至5月15日", "2021-05-15", 0},
		{"第3期", "", 3},
		{"第十二期", "", 12},
		{"第１０期（5月上半月）", "", 10},
		{"Sheet1", "", 0},
		{"2021", "", 0},
		{"进展情况 (2)", "", 0},
	} {
		d, ok := dateIn(c.name, 2021)
		if got := map[bool]string{true: d.String(), false: ""}[ok]; got != c.date {
			t.Errorf("dateIn(%q) = %q; want %q", c.name, got, c.date)
		}
		if got := ordinalIn(c.name); got != c.ord {
			t.Errorf("ordinalIn(%q) = %d; want %d", c.name, got, c.ord)
		}
	}
}

func FuzzSheetNamePeriods(f *testing.F) {
	for _, s := range []string{"4.15", "4月30日", "2021-05-15", "20210531", "第3期", "第十二期", "5月上半月", "Sheet1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		if d, ok := dateIn(name, 2021); ok && d.IsZero() {
			t.Fatalf("dateIn(%q) = zero date", name)
		}
		if n := ordinalIn(name); n < 0 || n > 999 {
			t.Fatalf("ordinalIn(%q) = %d", name, n)
		}
	})
}

// TestReadSkipsExampleSheet reads a workbook whose first sheet is the
// template's worked example (填写示例, 示例, 样表), filled in for a made-up
// unit and the same period: the unit's own sheet after it is read, and a
// note says the example was left out, rather than the example being read
// as the unit's progress with a warning that the two may be duplicates.
func TestReadSkipsExampleSheet(t *testing.T) {
	for _, example := range []string{"填写示例", "示例", "样表（请勿修改）", "填报样例"} {
		data := workbook(t, map[string][][]any{
			example: periodTable([]any{"填报单位：XX市", nil, "报送期次：2021年4月下半月"}, example+"的进展"),
			"进展情况":  periodTable([]any{"填报单位：包头市", nil, "报送期次：2021年4月下半月"}, "进展情况的进展"),
		}, []string{example, "进展情况"}, nil)
		s, lines := read(t, "包头市.xlsx", data)
		text := strings.Join(lines, "\n")
		if s == nil || s.Sheet != "进展情况" || s.Unit != "包头市" || len(s.Entries) != 7 || s.Entries[0].Progress != "进展情况的进展" {
			t.Errorf("%s: read the wrong sheet:\n%s", example, text)
			continue
		}
		want := "包头市.xlsx 进展情况 提示 读取说明：工作表“" + example + "”是填写示例，未读取；进展情况表在工作表“进展情况”中，已从该表读取"
		if !strings.Contains(text, want) || strings.Contains(text, "另有") || strings.Count(text, "“"+example+"”") != 1 {
			t.Errorf("%s: findings\n%s\nwant the line\n%s\nand no other about the example", example, text, want)
		}
	}
}

// TestReadShownSheetOverHidden reads a workbook whose first sheet, hidden,
// holds an older draft of the same period's table: the shown sheet is read,
// and the note names the hidden one as hidden, rather than the draft the
// unit cannot see being read.
func TestReadShownSheetOverHidden(t *testing.T) {
	block := []any{"填报单位：包头市", nil, "报送期次：2021年4月下半月"}
	data := workbook(t, map[string][][]any{
		"Sheet1": periodTable(block, "Sheet1的进展"),
		"进展情况":   periodTable(block, "进展情况的进展"),
	}, []string{"Sheet1", "进展情况"}, func(f *excelize.File) {
		f.SetActiveSheet(1) // the active sheet cannot be hidden
		if err := f.SetSheetVisible("Sheet1", false); err != nil {
			t.Fatal(err)
		}
	})
	s, lines := read(t, "包头市.xlsx", data)
	text := strings.Join(lines, "\n")
	if s == nil || s.Sheet != "进展情况" || len(s.Entries) != 7 || s.Entries[0].Progress != "进展情况的进展" {
		t.Fatalf("read the wrong sheet:\n%s", text)
	}
	want := "包头市.xlsx 进展情况 警告 读取说明：工作簿中另有1张进展表未读取：“Sheet1”（隐藏）（只读取了显示的“进展情况”，即2021年4月下半月；“Sheet1”（隐藏）与之期次相同，请核对是否重复）"
	if !strings.Contains(text, want) {
		t.Errorf("findings:\n%s\nwant the line\n%s", text, want)
	}
}
