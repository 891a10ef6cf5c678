package xlsx

import (
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
