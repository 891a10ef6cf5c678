package taizhang_test

import (
	"testing"

	"taizhang"
)

// A sheet whose period is written in another schedule (下旬 in a half-monthly
// programme) is counted in the programme's period, with a finding.
func TestMergeOtherSchedule(t *testing.T) {
	p := builtin(t)
	q2, _ := taizhang.ParsePeriod("2021-04-2", taizhang.HalfMonth, 0)
	dekad, _ := taizhang.ParsePeriod("2021年4月下旬", taizhang.HalfMonth, 0)
	a := sheet(p, "包头市", q2, "2021-04-28", "推进中")
	b := sheet(p, "赤峰市", dekad, "2021-04-28", "推进中")
	l := taizhang.Merge(p, files(a, b), taizhang.MergeOptions{})
	if l.Period != q2 || len(l.Periods) != 1 {
		t.Fatalf("period %v, periods %v", l.Period, l.Periods)
	}
	state := map[string]string{}
	for _, r := range l.ReceiptsOf(q2) {
		state[r.Unit] = r.State.String()
	}
	if state["赤峰市"] != "按时" || state["包头市"] != "按时" || state["通辽市"] != "未报" || len(state) != 16 {
		t.Errorf("receipts %v", state)
	}
	var got string
	for _, f := range l.Findings {
		if f.Code == taizhang.WrongPeriod {
			got += f.Text() + "\n"
		}
	}
	if want := "赤峰市_2021年4月下旬.xlsx 进展情况!F2 警告 期次不符：表中为2021年4月下旬，本专项工作每半月报送一次，已按2021年4月下半月汇总；请按模板填写期次，如 2021年4月下半月\n"; got != want {
		t.Errorf("findings:\n%swant:\n%s", got, want)
	}
}

// With no period anywhere — none asked for, none in the sheets, none in the
// programme — the run takes the period reported on today, not the zero period.
func TestMergeNoPeriodAnywhere(t *testing.T) {
	p := builtin(t)
	p.FirstPeriod = taizhang.Period{}
	a := sheet(p, "包头市", taizhang.Period{}, "", "推进中")
	l := taizhang.Merge(p, files(a), taizhang.MergeOptions{Today: taizhang.MakeDate(2021, 5, 20)})
	if want, _ := taizhang.ParsePeriod("2021-05-1", taizhang.HalfMonth, 0); l.Period != want {
		t.Errorf("period %v, want %v", l.Period, want)
	}
	if l.AsOf != taizhang.MakeDate(2021, 5, 15) {
		t.Errorf("as of %v", l.AsOf)
	}
}

// Merging leaves the caller's sheets as read: merged again (as the monthly
// report does after the ledger), a sheet of another schedule is moved and
// named again, and an undated sheet is undated again.
func TestMergeLeavesSheetsAsRead(t *testing.T) {
	p := builtin(t)
	q2, _ := taizhang.ParsePeriod("2021-04-2", taizhang.HalfMonth, 0)
	dekad, _ := taizhang.ParsePeriod("2021年4月下旬", taizhang.HalfMonth, 0)
	a := sheet(p, "包头市", q2, "2021-04-28", "推进中")
	b := sheet(p, "赤峰市", dekad, "2021-04-28", "推进中")
	c := sheet(p, "通辽市", taizhang.Period{}, "", "推进中")
	fs := files(a, b, c)
	for i := range 2 {
		l := taizhang.Merge(p, fs, taizhang.MergeOptions{})
		wrong := 0
		for _, f := range l.Findings {
			if f.Code == taizhang.WrongPeriod && f.Unit == "赤峰市" {
				wrong++
			}
		}
		if wrong != 1 {
			t.Errorf("merge %d: %d 期次不符 findings for 赤峰市, want 1", i+1, wrong)
		}
		state := map[string]string{}
		for _, r := range l.ReceiptsOf(q2) {
			state[r.Unit] = r.State.String()
		}
		if state["通辽市"] == "未报" {
			t.Errorf("merge %d: the undated sheet of 通辽市 was not taken for %v", i+1, q2)
		}
	}
	if b.Period != dekad || !c.Period.IsZero() {
		t.Errorf("the caller's sheets changed: 赤峰市 %v, 通辽市 %v", b.Period, c.Period)
	}
}
