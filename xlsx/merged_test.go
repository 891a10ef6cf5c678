package xlsx

import (
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"taizhang"
)

// A 措施编号 cell merged one row too far — (三) of 住房城乡建设厅 spread over
// the row of 六 — does not hide that row: its 节点 names 六 by number and
// title, so the row is read as 六, with no 漏报 or 无法匹配.
func TestMeasureCellMergedTooFar(t *testing.T) {
	p := builtin(t)
	q := period(t, "2021-08-1")
	data := filled(t, p, "自治区住房城乡建设厅", q, "2021-08-14", func(f *excelize.File) {
		for _, r := range []string{"B6:B8", "C6:C8"} {
			a, b, _ := strings.Cut(r, ":")
			if err := f.MergeCell(SheetProgress, a, b); err != nil {
				t.Fatal(err)
			}
		}
	})
	src := taizhang.Source{Path: "住建厅.xlsx", Name: "自治区住房城乡建设厅_2021年8月上半月_进展情况表.xlsx"}
	s, fs := ReadSubmission(src, data, ReadOptions{Programme: p})
	if s == nil {
		t.Fatalf("not read: %v", fs)
	}
	var got []string
	for _, e := range s.Entries {
		got = append(got, e.Milestone)
	}
	if want := "三.1 三.2 三.3 六"; strings.Join(got, " ") != want {
		t.Errorf("rows read as %q, want %q", got, want)
	}
	fs = append(fs, taizhang.Check(p, s, taizhang.CheckOptions{AsOf: taizhang.Date{Year: 2021, Month: 8, Day: 15}})...)
	for _, f := range fs {
		if f.Code == taizhang.MissingEntry || f.Code == taizhang.UnknownEntry {
			t.Errorf("%s", f.Text())
		}
	}
}
