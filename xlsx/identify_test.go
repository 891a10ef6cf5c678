package xlsx

import (
	"slices"
	"strings"
	"testing"

	"taizhang"
)

// A period written without a year takes the year of 填报日期, unless that
// puts it after the sheet was filled: 12月下半月 filled in January is December
// of the year before.
func TestPeriodWithoutYear(t *testing.T) {
	header := []any{"措施编号", "节点", "进展状态", "进展情况", "完成时间"}
	row := []any{"（一）", "", "推进中", "推进中", ""}
	for _, c := range []struct{ period, filled, want string }{
		{"12月下半月", "填报日期：2022年1月3日", "2021年12月下半月"},
		{"4月上半月", "填报日期：2021年4月14日", "2021年4月上半月"},
		{"2022年12月下半月", "填报日期：2022年1月3日", "2022年12月下半月"}, // written with a year: kept
	} {
		block := []any{"填报单位：包头市", nil, "报送期次：" + c.period, c.filled}
		data := workbook(t, map[string][][]any{"Sheet1": {block, header, row}}, []string{"Sheet1"}, nil)
		s, lines := read(t, "包头市.xlsx", data)
		if s == nil {
			t.Fatalf("%s: nil: %v", c.period, lines)
		}
		if got := s.Period.String(); got != c.want {
			t.Errorf("%s filled %s: period %s, want %s", c.period, c.filled, got, c.want)
		}
	}
}

// A file named for one unit that holds another unit's sheet is read as the
// sheet says, with a warning on the 填报单位 cell: it is usually the wrong attachment.
func TestUnitDisagreesWithFileName(t *testing.T) {
	block := []any{"填报单位：包头市", nil, "报送期次：2021年4月上半月", "填报日期：2021年4月14日"}
	header := []any{"措施编号", "节点", "进展状态", "进展情况", "完成时间"}
	row := []any{"（一）", "", "推进中", "推进中", ""}
	data := workbook(t, map[string][][]any{"Sheet1": {block, header, row}}, []string{"Sheet1"}, nil)
	s, lines := read(t, "乌海市_2021年4月上半月_进展情况表.xlsx", data)
	if s == nil || s.Unit != "包头市" {
		t.Fatalf("unit %v: %v", s, lines)
	}
	want := "乌海市_2021年4月上半月_进展情况表.xlsx Sheet1!A1 警告 单位不符：表中填报单位为包头市，文件名中为乌海市，已按包头市汇总；如发错了文件，请乌海市重新报送本单位的表"
	if !slices.Contains(lines, want) {
		t.Errorf("missing\n%s\nin\n%s", want, strings.Join(lines, "\n"))
	}
	// The same sheet under its own name: no such warning.
	_, lines = read(t, "包头市_2021年4月上半月_进展情况表.xlsx", data)
	for _, l := range lines {
		if strings.Contains(l, "单位不符") {
			t.Errorf("unexpected %s", l)
		}
	}
}

// A 填报单位 that names a district, county or banner of a unit is read as
// the unit's sheet, and said so; the unit's own bureau or government is not
// remarked on.
func TestUnitSubdivision(t *testing.T) {
	header := []any{"措施编号", "节点", "进展状态", "进展情况", "完成时间"}
	row := []any{"（一）", "", "推进中", "推进中", ""}
	for _, c := range []struct{ unit, note string }{
		{"鄂尔多斯市康巴什区", "鄂尔多斯市.xlsx Sheet1!A1 提示 读取说明：填报单位为“鄂尔多斯市康巴什区”，是鄂尔多斯市下辖的康巴什区，已按鄂尔多斯市的表汇总；请核对这是否就是鄂尔多斯市本期报送的表"},
		{"鄂尔多斯市住房和城乡建设局", ""},
		{"鄂尔多斯市人民政府", ""},
	} {
		block := []any{"填报单位：" + c.unit, nil, "报送期次：2021年4月上半月", "填报日期：2021年4月14日"}
		data := workbook(t, map[string][][]any{"Sheet1": {block, header, row}}, []string{"Sheet1"}, nil)
		s, lines := read(t, "鄂尔多斯市.xlsx", data)
		if s == nil || s.Unit != "鄂尔多斯市" {
			t.Fatalf("%s: unit %v: %v", c.unit, s, lines)
		}
		noted := slices.ContainsFunc(lines, func(l string) bool { return strings.Contains(l, "下辖") })
		if c.note != "" && !slices.Contains(lines, c.note) || c.note == "" && noted {
			t.Errorf("%s: want note %q, got\n%s", c.unit, c.note, strings.Join(lines, "\n"))
		}
	}
}

// Checked by its submitter before sending, another unit's sheet under this
// unit's file name is an error: sent, it would leave the unit 未报.
func TestUnitDisagreesWithFileNameForSubmitter(t *testing.T) {
	block := []any{"填报单位：包头市", nil, "报送期次：2021年4月上半月", "填报日期：2021年4月14日"}
	header := []any{"措施编号", "节点", "进展状态", "进展情况", "完成时间"}
	row := []any{"（一）", "", "推进中", "推进中", ""}
	data := workbook(t, map[string][][]any{"Sheet1": {block, header, row}}, []string{"Sheet1"}, nil)
	name := "乌海市_2021年4月上半月_进展情况表.xlsx"
	_, fs := ReadSubmission(taizhang.Source{Path: name, Name: name}, data, ReadOptions{Programme: builtin(t), Submitter: true})
	var lines []string
	for _, f := range fs {
		lines = append(lines, f.Text())
	}
	want := "乌海市_2021年4月上半月_进展情况表.xlsx Sheet1!A1 错误 单位不符：表中填报单位为包头市，文件名中为乌海市；照此报送将计为包头市的表，乌海市仍算未报。" +
		"如是乌海市的表，请改用乌海市的模板填写，或把填报单位改为乌海市；如确是包头市的表，请把文件名中的单位改为包头市"
	if !slices.Contains(lines, want) {
		t.Errorf("missing\n%s\nin\n%s", want, strings.Join(lines, "\n"))
	}
}

// A sheet with no period anywhere gets an example period near its 填报日期,
// not the programme's first one.
func TestUnknownPeriodExample(t *testing.T) {
	block := []any{"填报单位：包头市", nil, nil, "填报日期：2021年6月16日"}
	header := []any{"措施编号", "节点", "进展状态", "进展情况", "完成时间"}
	row := []any{"（一）", "", "推进中", "推进中", ""}
	data := workbook(t, map[string][][]any{"Sheet1": {block, header, row}}, []string{"Sheet1"}, nil)
	_, lines := read(t, "包头市进展情况表.xlsx", data)
	want := "包头市进展情况表.xlsx Sheet1 错误 期次不明：表头和文件名中都没有报送期次；请在表头“报送期次”填写如 2021年6月上半月，或汇总时用 --period 指定"
	if !slices.Contains(lines, want) {
		t.Errorf("missing\n%s\nin\n%s", want, strings.Join(lines, "\n"))
	}
}

// TestWrongPeriodSaidOnce merges a sheet whose 报送期次 (6月下半月) disagrees
// with its file name (6月上半月) and that came in before the run's period was
// due: the reader's word on the file name and the merge's on the run make one
// finding on the 报送期次 cell, not two.
func TestWrongPeriodSaidOnce(t *testing.T) {
	p := builtin(t)
	first, second := period(t, "2021-06-1"), period(t, "2021-06-2")
	var files []taizhang.File
	for _, c := range []struct {
		name, unit string
		q          taizhang.Period
	}{
		{"包头市_2021年6月上半月_进展情况表.xlsx", "包头市", first},
		{"巴彦淖尔市_2021年6月上半月_进展情况表（期次填错）.xlsx", "巴彦淖尔市", second},
	} {
		src := taizhang.Source{Path: c.name, Name: c.name}
		s, fs := ReadSubmission(src, filled(t, p, c.unit, c.q, "2021-06-14", nil), ReadOptions{Programme: p})
		files = append(files, taizhang.File{Source: src, Submission: s, Findings: fs})
	}
	l := taizhang.Merge(p, files, taizhang.MergeOptions{Period: first})
	var got []string
	for _, f := range l.Findings {
		if f.Code == taizhang.WrongPeriod {
			got = append(got, f.Text())
		}
	}
	want := "巴彦淖尔市_2021年6月上半月_进展情况表（期次填错）.xlsx 进展情况!F2 警告 期次不符：表中期次为2021年6月下半月（文件名中为2021年6月上半月），晚于本次汇总的期次2021年6月上半月，却在 2021-06-14 就已报送，未计入汇总；如期次填错请改正后重新报送"
	if strings.Join(got, "\n") != want {
		t.Errorf("期次不符 findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), want)
	}
}
