package xlsx

import (
	"testing"
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
