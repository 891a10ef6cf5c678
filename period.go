package taizhang

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Schedule is how often units report.
type Schedule int

// The reporting schedules. HalfMonth is the default of SPEC §3.
const (
	HalfMonth Schedule = iota // 上半月 1–15, 下半月 16–end
	Dekad                     // 旬: 上旬 1–10, 中旬 11–20, 下旬 21–end
	Monthly                   // 月
)

// String returns the Chinese name of the schedule: 半月, 旬 or 月.
func (s Schedule) String() string {
	switch s {
	case Dekad:
		return "旬"
	case Monthly:
		return "月"
	}
	return "半月"
}

// PeriodsPerMonth returns how many periods a month has under s.
func (s Schedule) PeriodsPerMonth() int {
	switch s {
	case Dekad:
		return 3
	case Monthly:
		return 1
	}
	return 2
}

// ParseSchedule reads 半月, 旬 or 月 (also 半月报, 每半月, 旬报, 月报, 每月).
func ParseSchedule(s string) (Schedule, error) {
	n := Normalize(s)
	n = strings.TrimPrefix(n, "每")
	n = strings.TrimSuffix(n, "报")
	n = strings.TrimSuffix(n, "一次")
	switch n {
	case "半月", "半个月", "", "halfmonth", "half-month":
		return HalfMonth, nil
	case "旬", "dekad":
		return Dekad, nil
	case "月", "月度", "monthly", "month":
		return Monthly, nil
	}
	return HalfMonth, fmt.Errorf("报送周期%q无法识别，请填写 半月、旬 或 月", Quote(s))
}

// Period is one reporting period, such as 2021年4月上半月.
type Period struct {
	Year     int
	Month    time.Month
	Schedule Schedule
	Index    int // 1-based position within the month
}

// IsZero reports whether p is the zero Period (unknown).
func (p Period) IsZero() bool { return p.Year == 0 }

var halfNames = []string{"上半月", "下半月"}
var dekadNames = []string{"上旬", "中旬", "下旬"}

// String returns the Chinese name, e.g. 2021年4月上半月, or "" for the zero Period.
func (p Period) String() string {
	if p.IsZero() {
		return ""
	}
	return fmt.Sprintf("%d年%d月%s", p.Year, int(p.Month), p.Suffix())
}

// Suffix returns the part of the name after the month: 上半月, 中旬, or "".
func (p Period) Suffix() string {
	switch p.Schedule {
	case HalfMonth:
		if p.Index >= 1 && p.Index <= 2 {
			return halfNames[p.Index-1]
		}
	case Dekad:
		if p.Index >= 1 && p.Index <= 3 {
			return dekadNames[p.Index-1]
		}
	}
	return ""
}

// Code returns the command-line form: 2021-04-1, or 2021-04 for a month.
func (p Period) Code() string {
	if p.IsZero() {
		return ""
	}
	if p.Schedule == Monthly {
		return fmt.Sprintf("%04d-%02d", p.Year, int(p.Month))
	}
	return fmt.Sprintf("%04d-%02d-%d", p.Year, int(p.Month), p.Index)
}

// Start returns the first day of p.
func (p Period) Start() Date {
	switch p.Schedule {
	case HalfMonth:
		if p.Index == 2 {
			return Date{p.Year, p.Month, 16}
		}
	case Dekad:
		return Date{p.Year, p.Month, 1 + 10*(p.Index-1)}
	}
	return Date{p.Year, p.Month, 1}
}

// End returns the last day of p.
func (p Period) End() Date {
	switch p.Schedule {
	case HalfMonth:
		if p.Index == 1 {
			return Date{p.Year, p.Month, 15}
		}
	case Dekad:
		if p.Index < 3 {
			return Date{p.Year, p.Month, 10 * p.Index}
		}
	}
	return LastDayOfMonth(p.Year, p.Month)
}

// Contains reports whether d lies within p.
func (p Period) Contains(d Date) bool { return !d.Before(p.Start()) && !d.After(p.End()) }

// Next returns the period after p.
func (p Period) Next() Period { return PeriodOf(p.End().AddDays(1), p.Schedule) }

// Prev returns the period before p.
func (p Period) Prev() Period { return PeriodOf(p.Start().AddDays(-1), p.Schedule) }

// Compare orders periods by their start day.
func (p Period) Compare(q Period) int { return p.Start().Compare(q.Start()) }

// Before reports whether p starts before q.
func (p Period) Before(q Period) bool { return p.Compare(q) < 0 }

// PeriodOf returns the period of schedule s that contains d.
func PeriodOf(d Date, s Schedule) Period {
	p := Period{Year: d.Year, Month: d.Month, Schedule: s, Index: 1}
	switch s {
	case HalfMonth:
		if d.Day > 15 {
			p.Index = 2
		}
	case Dekad:
		switch {
		case d.Day > 20:
			p.Index = 3
		case d.Day > 10:
			p.Index = 2
		}
	}
	return p
}

// Month is a calendar month, the span of a monthly report.
type Month struct {
	Year  int
	Month time.Month
}

// String returns 2021年4月.
func (m Month) String() string { return fmt.Sprintf("%d年%d月", m.Year, int(m.Month)) }

// Code returns 2021-04.
func (m Month) Code() string { return fmt.Sprintf("%04d-%02d", m.Year, int(m.Month)) }

// First returns the first day of m; Last its last day.
func (m Month) First() Date { return Date{m.Year, m.Month, 1} }

// Last returns the last day of m.
func (m Month) Last() Date { return LastDayOfMonth(m.Year, m.Month) }

// Prev returns the month before m; Next the one after.
func (m Month) Prev() Month { d := MakeDate(m.Year, m.Month-1, 1); return Month{d.Year, d.Month} }

// Next returns the month after m.
func (m Month) Next() Month { d := MakeDate(m.Year, m.Month+1, 1); return Month{d.Year, d.Month} }

// MonthOf returns the month a period lies in.
func (p Period) MonthOf() Month { return Month{p.Year, p.Month} }

// Periods returns the periods of schedule s in m, in order.
func (m Month) Periods(s Schedule) []Period {
	ps := make([]Period, s.PeriodsPerMonth())
	for i := range ps {
		ps[i] = Period{m.Year, m.Month, s, i + 1}
	}
	return ps
}

// ParseMonth reads 2021-04, 2021-4, 202104, 2021年4月 or 2021.04.
func ParseMonth(s string) (Month, error) {
	n := strings.TrimSuffix(strings.TrimSuffix(Normalize(s), "份"), "月")
	n = strings.ReplaceAll(n, "年", "-")
	n = strings.NewReplacer("/", "-", ".", "-").Replace(n)
	if len(n) == 6 && allDigits(n) {
		n = n[:4] + "-" + n[4:]
	}
	y, m, ok := strings.Cut(n, "-")
	yi, e1 := strconv.Atoi(y)
	mi, e2 := strconv.Atoi(m)
	if !ok || e1 != nil || e2 != nil || len(y) != 4 || yi < 1900 || mi < 1 || mi > 12 {
		return Month{}, fmt.Errorf("月份%q无法识别，请写成 2021-04 或 2021年4月", Quote(s))
	}
	return Month{yi, time.Month(mi)}, nil
}

// ErrNoPeriod is returned by ParsePeriod for an empty value.
var ErrNoPeriod = errors.New("期次为空")

var errNoYear = errors.New("no year")

// ParsePeriod reads a period as people write it: 2021年4月上半月, 4月下半月
// (year taken from year, 0 when unknown), 二〇二一年四月上半月, 2021-04-1, 2021-04-2, 2021年4月中旬,
// or 2021年4月 for a monthly schedule; a note in brackets after it is ignored.
// A form that names its own schedule (上旬, 上半月) wins over s; a bare index
// such as 2021-04-1 is read in s.
func ParsePeriod(text string, s Schedule, year int) (Period, error) {
	n := trimNote(shortPart(Normalize(text), s))
	n = strings.TrimPrefix(n, "第")
	if n == "" {
		return Period{}, ErrNoPeriod
	}
	bad := fmt.Errorf("期次%q无法识别，请写成如 2021年4月上半月 或 2021-04-1", Quote(text))
	noYear := fmt.Errorf("期次%q缺少年份，请写成如 2021年4月上半月", Quote(text))
	// A suffix that names the part of the month fixes the schedule.
	for _, sfx := range []struct {
		text  string
		sched Schedule
		index int
	}{
		{"上半月", HalfMonth, 1}, {"下半月", HalfMonth, 2}, {"上半个月", HalfMonth, 1}, {"下半个月", HalfMonth, 2},
		{"上旬", Dekad, 1}, {"中旬", Dekad, 2}, {"下旬", Dekad, 3},
	} {
		if strings.HasSuffix(n, sfx.text) {
			n = strings.TrimSuffix(n, sfx.text)
			n = strings.TrimSuffix(strings.TrimSuffix(n, "份"), "月")
			y, m, err := yearMonth(n, year)
			switch {
			case err == errNoYear:
				return Period{}, noYear
			case err != nil:
				return Period{}, bad
			}
			return Period{y, m, sfx.sched, sfx.index}, nil
		}
	}
	// missing says which part of the month a period of month y-m lacks.
	missing := func(y int, m time.Month) error {
		first := Period{y, m, s, 1}.Suffix()
		example := fmt.Sprintf("%d年%d月%s", y, int(m), first)
		if y == 0 {
			example = fmt.Sprintf("%d月%s", int(m), first)
		}
		part := "上半月或下半月"
		if s == Dekad {
			part = "上旬、中旬或下旬"
		}
		return fmt.Errorf("期次%q缺少%s，请写成如 %s", Quote(text), part, example)
	}
	// 2021-04-1, 2021-4-2, 2021.04.1, 2021/04/1, 202104-1
	n = strings.NewReplacer("/", "-", ".", "-", "_", "-").Replace(n)
	if strings.HasSuffix(n, "月") || strings.HasSuffix(n, "月份") {
		y, m, err := yearMonth(strings.TrimSuffix(strings.TrimSuffix(n, "份"), "月"), year)
		switch {
		case err == errNoYear && s != Monthly:
			_, m, err = yearMonth(strings.TrimSuffix(strings.TrimSuffix(n, "份"), "月"), 2000)
			if err != nil {
				return Period{}, bad
			}
			return Period{}, missing(0, m)
		case err == errNoYear:
			return Period{}, noYear
		case err != nil:
			return Period{}, bad
		case s != Monthly:
			return Period{}, missing(y, m)
		}
		return Period{y, m, Monthly, 1}, nil
	}
	parts := strings.Split(n, "-")
	if len(parts) <= 2 && len(parts[0]) == 6 && allDigits(parts[0]) {
		parts = append([]string{parts[0][:4], parts[0][4:]}, parts[1:]...)
	}
	if len(parts) < 2 || len(parts) > 3 || len(parts[0]) != 4 || len(parts[1]) > 2 {
		return Period{}, bad
	}
	for _, x := range parts {
		if !allDigits(x) {
			return Period{}, bad
		}
	}
	y, _ := strconv.Atoi(parts[0])
	m, _ := strconv.Atoi(parts[1])
	if y < 1900 || m < 1 || m > 12 {
		return Period{}, bad
	}
	if len(parts) == 2 {
		if s != Monthly {
			return Period{}, missing(y, time.Month(m))
		}
		return Period{y, time.Month(m), Monthly, 1}, nil
	}
	i, _ := strconv.Atoi(parts[2])
	if len(parts[2]) > 1 || i < 1 || i > s.PeriodsPerMonth() {
		return Period{}, bad
	}
	return Period{y, time.Month(m), s, i}, nil
}

// trimNote drops a note in brackets at the end of a normalised text:
// 2021年4月上半月(4月1日-15日).
// shortPart writes out the part of the month written short, as 8月上,
// 8月(下) or 8月(中), for the schedule s: 上 is 上半月 or 上旬.
func shortPart(n string, s Schedule) string {
	parts := map[string]string{"上": "上半月", "下": "下半月"}
	if s == Dekad {
		parts = map[string]string{"上": "上旬", "中": "中旬", "下": "下旬"}
	}
	for short, long := range parts {
		for _, form := range []string{"月(" + short + ")", "月" + short} {
			if strings.HasSuffix(n, form) {
				return strings.TrimSuffix(n, form) + "月" + long
			}
		}
	}
	return n
}

func trimNote(n string) string {
	for _, b := range [][2]string{{"(", ")"}, {"【", "】"}, {"[", "]"}, {"〔", "〕"}} {
		if strings.HasSuffix(n, b[1]) {
			if i := strings.LastIndex(n, b[0]); i > 0 {
				return n[:i]
			}
		}
	}
	return n
}

// yearMonth reads "2021年4", "2021-04", "4", or in Chinese numerals
// "二〇二一年四" (year from ctx); errNoYear when no year is written and ctx
// is 0.
func yearMonth(n string, year int) (int, time.Month, error) {
	n = arabicYearMonth(n)
	n = strings.NewReplacer("年", "-", "/", "-", ".", "-").Replace(n)
	y := year
	if a, b, ok := strings.Cut(n, "-"); ok {
		if len(a) == 2 && allDigits(a) {
			a = "20" + a
		}
		if len(a) != 4 || !allDigits(a) {
			return 0, 0, errors.New("bad year")
		}
		y, _ = strconv.Atoi(a)
		n = b
	}
	if !allDigits(n) || len(n) > 2 {
		return 0, 0, errors.New("bad month")
	}
	m, _ := strconv.Atoi(n)
	if m < 1 || m > 12 {
		return 0, 0, errors.New("bad month")
	}
	if y == 0 {
		return 0, 0, errNoYear
	}
	if y < 1900 || y > 9999 {
		return 0, 0, errors.New("bad year")
	}
	return y, time.Month(m), nil
}

// arabicYearMonth rewrites a year and month in Chinese numerals (二〇二一年四,
// 十二) in Arabic ones; any other text is returned as it is.
func arabicYearMonth(n string) string {
	y, m, hasYear := strings.Cut(n, "年")
	if !hasYear {
		y, m = "", n
	}
	if v, ok := chineseValue(m); ok && v <= 12 {
		m = strconv.Itoa(v)
	}
	if digits, ok := chineseYear(y); hasYear && ok {
		y = digits
	}
	if hasYear {
		return y + "年" + m
	}
	return m
}
