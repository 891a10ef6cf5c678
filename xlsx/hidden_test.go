package xlsx

import (
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestReadHiddenEarlierRows reads a sheet where the unit kept last period's
// rows above this period's and hid them: the rows Excel shows are read, the
// hidden ones left out with a note, rather than the hidden, stale rows being
// read and the shown ones reported as duplicates of rows the unit cannot see.
// A hidden row no shown row repeats is still read.
func TestReadHiddenEarlierRows(t *testing.T) {
	nos := []string{"（一）", "（二）", "三.1", "三.2", "三.3", "（四）", "（六）"}
	rows := [][]any{
		{"填报单位：包头市", nil, "报送期次：2021年5月下半月", nil, "填报日期：2021-05-30"},
		{"措施编号", "进展状态", "进展情况", "完成时间"},
	}
	for _, no := range nos {
		rows = append(rows, []any{no, "推进中", "上期的进展"})
	}
	for _, no := range nos[:6] {
		rows = append(rows, []any{no, "已完成", "本期的进展", "2021-05-20"})
	}
	data := workbook(t, map[string][][]any{"进展情况": rows}, []string{"进展情况"}, func(f *excelize.File) {
		for r := 3; r <= 9; r++ {
			if err := f.SetRowVisible("进展情况", r, false); err != nil {
				t.Fatal(err)
			}
		}
	})
	s, lines := read(t, "包头市.xlsx", data)
	text := strings.Join(lines, "\n")
	if s == nil {
		t.Fatalf("nil submission:\n%s", text)
	}
	var got []string
	for _, e := range s.Entries {
		got = append(got, e.Milestone+" "+e.Progress)
	}
	want := []string{"六 上期的进展", "一 本期的进展", "二 本期的进展", "三.1 本期的进展", "三.2 本期的进展", "三.3 本期的进展", "四 本期的进展"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("entries:\n%s\nwant\n%s\nfindings:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"), text)
	}
	note := "包头市.xlsx 进展情况 提示 读取说明：第3—8行是隐藏的行，其节点在显示的第10—15行中又填写了一遍，已按显示的行读取，隐藏的行未计入"
	if !strings.Contains(text, note) || strings.Contains(text, "已填写过") {
		t.Errorf("findings:\n%s\nwant the line\n%s\nand no duplicate rows", text, note)
	}
}
