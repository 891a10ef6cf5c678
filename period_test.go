package taizhang_test

import (
	"strings"
	"testing"

	"taizhang"
)

func TestParsePeriod(t *testing.T) {
	const (
		H = taizhang.HalfMonth
		D = taizhang.Dekad
		M = taizhang.Monthly
	)
	for _, c := range []struct {
		in         string
		sched      taizhang.Schedule
		year       int
		name, code string
	}{
		{"2021年4月上半月", H, 0, "2021年4月上半月", "2021-04-1"},
		{"2021年4月下半月", H, 0, "2021年4月下半月", "2021-04-2"},
		{"4月上半月", H, 2021, "2021年4月上半月", "2021-04-1"},
		{"4月下半月", H, 2022, "2022年4月下半月", "2022-04-2"},
		{"2021-04-1", H, 0, "2021年4月上半月", "2021-04-1"},
		{"2021-04-2", H, 0, "2021年4月下半月", "2021-04-2"},
		{"2021-4-2", H, 0, "2021年4月下半月", "2021-04-2"},
		{"2021.04.1", H, 0, "2021年4月上半月", "2021-04-1"},
		{"2021/04/2", H, 0, "2021年4月下半月", "2021-04-2"},
		{"202104-1", H, 0, "2021年4月上半月", "2021-04-1"},
		{"第2021-04-1", H, 0, "2021年4月上半月", "2021-04-1"},
		{"２０２１年４月上半月", H, 0, "2021年4月上半月", "2021-04-1"},
		{"２０２１－０４－２", H, 0, "2021年4月下半月", "2021-04-2"},
		{" 2021 年 4 月 上半月 ", H, 0, "2021年4月上半月", "2021-04-1"},
		{"2021年\n4月下半月", H, 0, "2021年4月下半月", "2021-04-2"},
		{"2021年04月份上半月", H, 0, "2021年4月上半月", "2021-04-1"},
		{"2021年4月上半个月", H, 0, "2021年4月上半月", "2021-04-1"},
		{"21年4月下半月", H, 0, "2021年4月下半月", "2021-04-2"},
		{"2021.4上半月", H, 0, "2021年4月上半月", "2021-04-1"},
		{"二〇二一年五月下半月", H, 0, "2021年5月下半月", "2021-05-2"},
		{"二〇二一年十二月上半月", H, 0, "2021年12月上半月", "2021-12-1"},
		{"十一月下半月", H, 2021, "2021年11月下半月", "2021-11-2"},
		{"二〇二一年四月中旬", D, 0, "2021年4月中旬", "2021-04-2"},
		{"2021年4月上半月（4月1日-15日）", H, 0, "2021年4月上半月", "2021-04-1"},
		{"2021年12月下半月", H, 0, "2021年12月下半月", "2021-12-2"},
		// 旬
		{"2021年4月上旬", D, 0, "2021年4月上旬", "2021-04-1"},
		{"2021年8月（上）", H, 0, "2021年8月上半月", "2021-08-1"},
		{"2021年8月(下)", H, 0, "2021年8月下半月", "2021-08-2"},
		{"8月上", H, 2021, "2021年8月上半月", "2021-08-1"},
		{"2021年8月下", H, 0, "2021年8月下半月", "2021-08-2"},
		{"2021年8月（中）", D, 0, "2021年8月中旬", "2021-08-2"},
		{"2021年8月上", D, 0, "2021年8月上旬", "2021-08-1"},
		{"2021年4月中旬", D, 0, "2021年4月中旬", "2021-04-2"},
		{"2021年4月下旬", D, 0, "2021年4月下旬", "2021-04-3"},
		{"4月中旬", D, 2021, "2021年4月中旬", "2021-04-2"},
		{"2021-04-3", D, 0, "2021年4月下旬", "2021-04-3"},
		{"2021-04-2", D, 0, "2021年4月中旬", "2021-04-2"},
		// 月
		{"2021年4月", M, 0, "2021年4月", "2021-04"},
		{"2021年4月份", M, 0, "2021年4月", "2021-04"},
		{"4月", M, 2021, "2021年4月", "2021-04"},
		{"2021-04", M, 0, "2021年4月", "2021-04"},
		{"202104", M, 0, "2021年4月", "2021-04"},
		{"2021-04-1", M, 0, "2021年4月", "2021-04"},
		// A form that names its part of the month wins over the schedule.
		{"2021年4月上旬", H, 0, "2021年4月上旬", "2021-04-1"},
		{"2021年4月下半月", D, 0, "2021年4月下半月", "2021-04-2"},
	} {
		p, err := taizhang.ParsePeriod(c.in, c.sched, c.year)
		if err != nil || p.String() != c.name || p.Code() != c.code {
			t.Errorf("ParsePeriod(%q, %v, %d) = %s %s, %v; want %s %s", c.in, c.sched, c.year, p, p.Code(), err, c.name, c.code)
		}
	}
}

func TestParsePeriodErrors(t *testing.T) {
	const (
		H = taizhang.HalfMonth
		D = taizhang.Dekad
		M = taizhang.Monthly
	)
	for _, c := range []struct {
		in    string
		sched taizhang.Schedule
		year  int
		want  string
	}{
		{"", H, 2021, "期次为空"},
		{"4月上半月", H, 0, `期次"4月上半月"缺少年份，请写成如 2021年4月上半月`},
		{"4月", M, 0, `期次"4月"缺少年份，请写成如 2021年4月上半月`},
		{"2021年4月", H, 0, `期次"2021年4月"缺少上半月或下半月，请写成如 2021年4月上半月`},
		{"2021-04", H, 0, `期次"2021-04"缺少上半月或下半月，请写成如 2021年4月上半月`},
		{"4月", H, 2021, `期次"4月"缺少上半月或下半月，请写成如 2021年4月上半月`},
		{"4月", H, 0, `期次"4月"缺少上半月或下半月，请写成如 4月上半月`},
		{"2021年4月", D, 0, `期次"2021年4月"缺少上旬、中旬或下旬，请写成如 2021年4月上旬`},
		{"2021-04-3", H, 0, `期次"2021-04-3"无法识别，请写成如 2021年4月上半月 或 2021-04-1`},
		{"2021-04-2", M, 0, `期次"2021-04-2"无法识别，请写成如 2021年4月上半月 或 2021-04-1`},
		{"2021-04-0", H, 0, `期次"2021-04-0"无法识别，请写成如 2021年4月上半月 或 2021-04-1`},
		{"2021-13-1", H, 0, `期次"2021-13-1"无法识别，请写成如 2021年4月上半月 或 2021-04-1`},
		{"2021年13月上半月", H, 0, `期次"2021年13月上半月"无法识别，请写成如 2021年4月上半月 或 2021-04-1`},
		{"2021-04-01", H, 0, `期次"2021-04-01"无法识别，请写成如 2021年4月上半月 或 2021-04-1`},
		{"0000-04-1", H, 0, `期次"0000-04-1"无法识别，请写成如 2021年4月上半月 或 2021-04-1`},
		{"上半月", H, 2021, `期次"上半月"无法识别，请写成如 2021年4月上半月 或 2021-04-1`},
		{"下周", H, 2021, `期次"下周"无法识别，请写成如 2021年4月上半月 或 2021-04-1`},
	} {
		p, err := taizhang.ParsePeriod(c.in, c.sched, c.year)
		if err == nil || err.Error() != c.want {
			t.Errorf("ParsePeriod(%q, %v, %d) = %s, %v; want error %s", c.in, c.sched, c.year, p, err, c.want)
		}
	}
}

func TestPeriodDays(t *testing.T) {
	for _, c := range []struct {
		code       string
		sched      taizhang.Schedule
		start, end string
		next, prev string
	}{
		{"2021-04-1", taizhang.HalfMonth, "2021-04-01", "2021-04-15", "2021年4月下半月", "2021年3月下半月"},
		{"2021-04-2", taizhang.HalfMonth, "2021-04-16", "2021-04-30", "2021年5月上半月", "2021年4月上半月"},
		{"2021-02-2", taizhang.HalfMonth, "2021-02-16", "2021-02-28", "2021年3月上半月", "2021年2月上半月"},
		{"2021-12-2", taizhang.HalfMonth, "2021-12-16", "2021-12-31", "2022年1月上半月", "2021年12月上半月"},
		{"2021-01-1", taizhang.HalfMonth, "2021-01-01", "2021-01-15", "2021年1月下半月", "2020年12月下半月"},
		{"2021-04-2", taizhang.Dekad, "2021-04-11", "2021-04-20", "2021年4月下旬", "2021年4月上旬"},
		{"2021-04-3", taizhang.Dekad, "2021-04-21", "2021-04-30", "2021年5月上旬", "2021年4月中旬"},
		{"2024-02", taizhang.Monthly, "2024-02-01", "2024-02-29", "2024年3月", "2024年1月"},
	} {
		p, err := taizhang.ParsePeriod(c.code, c.sched, 0)
		if err != nil {
			t.Fatal(err)
		}
		if got := p.Start().String() + " " + p.End().String() + " " + p.Next().String() + " " + p.Prev().String(); got != c.start+" "+c.end+" "+c.next+" "+c.prev {
			t.Errorf("%s: start end next prev = %s", c.code, got)
		}
		if !p.Contains(p.Start()) || !p.Contains(p.End()) || p.Contains(p.End().AddDays(1)) || p.Contains(p.Start().AddDays(-1)) {
			t.Errorf("%s: Contains is wrong at the edges", c.code)
		}
		if q := taizhang.PeriodOf(p.End(), c.sched); q != p {
			t.Errorf("PeriodOf(%s) = %s, want %s", p.End(), q, p)
		}
	}
}

func TestParseMonth(t *testing.T) {
	for _, in := range []string{"2021-04", "2021-4", "202104", "2021年4月", "2021年04月份", "2021.04", "2021/4", "２０２１年４月"} {
		m, err := taizhang.ParseMonth(in)
		if err != nil || m.Code() != "2021-04" || m.String() != "2021年4月" {
			t.Errorf("ParseMonth(%q) = %v, %v", in, m, err)
		}
	}
	for _, in := range []string{"", "2021", "2021-13", "4月", "0000-04", "2021-04-1"} {
		if m, err := taizhang.ParseMonth(in); err == nil {
			t.Errorf("ParseMonth(%q) = %v, want an error", in, m)
		}
	}
	_, err := taizhang.ParseMonth("四月")
	if want := `月份"四月"无法识别，请写成 2021-04 或 2021年4月`; err == nil || err.Error() != want {
		t.Errorf("ParseMonth(四月) error = %v, want %s", err, want)
	}
	m, _ := taizhang.ParseMonth("2021-04")
	ps := m.Periods(taizhang.HalfMonth)
	if len(ps) != 2 || ps[0].String() != "2021年4月上半月" || ps[1].String() != "2021年4月下半月" {
		t.Errorf("Periods = %v", ps)
	}
	if m.Prev().Code() != "2021-03" || m.Next().Code() != "2021-05" || m.Last().String() != "2021-04-30" {
		t.Errorf("Prev/Next/Last = %s %s %s", m.Prev().Code(), m.Next().Code(), m.Last())
	}
}

func TestParseSchedule(t *testing.T) {
	for in, want := range map[string]taizhang.Schedule{
		"": taizhang.HalfMonth, "半月": taizhang.HalfMonth, "每半月": taizhang.HalfMonth, "半月报": taizhang.HalfMonth,
		"每半月一次": taizhang.HalfMonth, "旬": taizhang.Dekad, "旬报": taizhang.Dekad, "月": taizhang.Monthly,
		"每月": taizhang.Monthly, "月报": taizhang.Monthly, "月度": taizhang.Monthly,
	} {
		if got, err := taizhang.ParseSchedule(in); err != nil || got != want {
			t.Errorf("ParseSchedule(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	_, err := taizhang.ParseSchedule("每周")
	if want := `报送周期"每周"无法识别，请填写 半月、旬 或 月`; err == nil || err.Error() != want {
		t.Errorf("ParseSchedule(每周) error = %v, want %s", err, want)
	}
}

func TestFindPeriod(t *testing.T) {
	for _, c := range []struct {
		text string
		want string // "" when no period is found
	}{
		{"包头市_2021年4月上半月_进展情况表", "2021年4月上半月"},
		{"关于报送4月下半月进展情况的函", "2021年4月下半月"},
		{"包头市2021年8月（上）进展情况", "2021年8月上半月"},
		{"关于8月上报进展情况的函", ""}, // 上报 is to report, not 上半月
		{"呼市工改专项进展情况（6.1-6.15）", "2021年6月上半月"},
		{"推进情况表（2021年6月1日—6月15日）", "2021年6月上半月"},
		{"6月16日至30日进展", "2021年6月下半月"},
		{"2021/6/16~2021/6/30", "2021年6月下半月"},
		{"进展（6.1-6.30）", ""},              // a whole month is not one half
		{"进展（6.10-5.1）", ""},              // backwards
		{"第3-1项", ""},                     // a measure number, not days
		{"4月上半月和4月下半月", ""},               // two different periods
		{"进展（2.30-2.31）", ""},             // not dates
		{"4月上半月（4.1-4.15）", "2021年4月上半月"}, // the words win; the span agrees
	} {
		q, ok := taizhang.FindPeriod(c.text, taizhang.HalfMonth, 2021)
		got := ""
		if ok {
			got = q.String()
		}
		if got != c.want {
			t.Errorf("FindPeriod(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}

// A period counts in a month's report once its sheets were due: by the end
// of the due day, due days and grace included.
func TestDuePeriods(t *testing.T) {
	p := builtin(t)
	june := taizhang.Month{Year: 2021, Month: 6}
	for _, tc := range []struct {
		due, grace int
		day        string
		want       string
	}{
		{0, 0, "2021-06-14", ""},
		{0, 0, "2021-06-15", "2021年6月上半月"},
		{0, 0, "2021-06-20", "2021年6月上半月"},
		{0, 0, "2021-06-30", "2021年6月上半月 2021年6月下半月"},
		{3, 0, "2021-06-17", ""},
		{3, 0, "2021-06-18", "2021年6月上半月"},
		{2, 1, "2021-07-02", "2021年6月上半月"},
		{2, 1, "2021-07-03", "2021年6月上半月 2021年6月下半月"},
		{0, 0, "2026-11-29", "2021年6月上半月 2021年6月下半月"},
	} {
		p.DueDays, p.GraceDays = tc.due, tc.grace
		d, _ := taizhang.ParseDate(tc.day, 0)
		var got []string
		for _, q := range p.DuePeriods(june, d) {
			got = append(got, q.String())
		}
		if strings.Join(got, " ") != tc.want {
			t.Errorf("due %d grace %d on %s: %q, want %q", tc.due, tc.grace, tc.day, got, tc.want)
		}
	}
}
