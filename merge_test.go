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

// Latest gives each cell as last reported: a unit that missed the run's
// period, left a milestone out or wrote an unreadable status keeps the status
// of its latest earlier sheet, judged against the as-of date, and says which.
func TestLatestCarriesStatusForward(t *testing.T) {
	p := builtin(t)
	q1, _ := taizhang.ParsePeriod("2021-05-1", taizhang.HalfMonth, 0)
	q2 := q1.Next()
	baotouEarly := sheet(p, "包头市", q1.Prev(), "2021-04-30", "已完成")
	baotou := sheet(p, "包头市", q1, "2021-05-15", "推进中") // nothing for q2
	chifeng1 := sheet(p, "赤峰市", q1, "2021-05-15", "已完成")
	chifeng2 := sheet(p, "赤峰市", q2, "2021-05-31", "推进中")
	chifeng2.Entries = chifeng2.Entries[1:] // no row for 一
	l0 := *chifeng2.Entries[0].Labels
	l0.StatusText = "待定" // 二 unreadable
	chifeng2.Entries[0].SetLabels(l0)
	tongliao := sheet(p, "通辽市", q2, "2021-05-31", "推进中")
	l := taizhang.Merge(p, files(baotouEarly, baotou, chifeng1, chifeng2, tongliao), taizhang.MergeOptions{Period: q2, From: q1})
	var got string
	for _, u := range []string{"包头市", "赤峰市", "通辽市", "乌海市"} {
		for _, id := range []string{"一", "二", "三.1"} {
			c, from := l.Latest(u, id)
			got += u + " " + id + " " + c.State.String() + " " + l.Cell(u, id).State.String()
			if !from.IsZero() {
				got += " 据" + from.String()
			}
			got += "\n"
		}
	}
	want := `包头市 一 临期 未报 据2021年5月上半月
包头市 二 推进中 未报 据2021年5月上半月
包头市 三.1 逾期未完成 未报 据2021年5月上半月
赤峰市 一 已完成 漏报 据2021年5月上半月
赤峰市 二 已完成 填写有误 据2021年5月上半月
赤峰市 三.1 逾期未完成 逾期未完成
通辽市 一 临期 临期
通辽市 二 推进中 推进中
通辽市 三.1 逾期未完成 逾期未完成
乌海市 一 未报 未报
乌海市 二 未报 未报
乌海市 三.1 未报 未报
`
	if got != want {
		t.Errorf("latest cells:\n%swant:\n%s", got, want)
	}
	s, ls := l.Summary(), l.LatestSummary()
	// 包头市's 7 cells (三.1 and 四 overdue) and 赤峰市's 2 gaps (both done) are known again.
	if ls.Unknown != s.Unknown-9 || ls.Required != s.Required || ls.Overdue != s.Overdue+2 || ls.Done != s.Done+2 {
		t.Errorf("summary %+v\nlatest  %+v", s, ls)
	}
}
