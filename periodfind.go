package taizhang

import (
	"regexp"
	"strconv"
	"strings"
)

var periodPatterns = []*regexp.Regexp{
	regexp.MustCompile(`(?:\d{4}年)?\d{1,2}月份?(?:上半月|下半月|上半个月|下半个月|上旬|中旬|下旬)`),
	// 8月(上): in free text only in brackets, for 8月上报 is not 8月上半月.
	regexp.MustCompile(`(?:\d{4}年)?\d{1,2}月\((?:上|中|下)\)`),
	regexp.MustCompile(`\d{4}[-_.]\d{1,2}[-_.][1-3](?:\D|$)`),
}

var monthPattern = regexp.MustCompile(`\d{4}年\d{1,2}月份?`)

// rangePattern finds a span of days such as 6.1-6.15, 2021年6月1日—6月15日,
// 6月16日至30日 or 2021/6/1~2021/6/15 (after Normalize).
var rangePattern = regexp.MustCompile(`(?:(\d{4})[年./-])?(\d{1,2})[月./-](\d{1,2})[日号]?(?:-|~|至|到)(?:(\d{4})[年./-])?(?:(\d{1,2})[月./-])?(\d{1,2})[日号]?`)

// rangePeriod returns the period that holds both ends of a span of days
// matched by rangePattern; ok is false when the ends fall in different
// periods or are not dates.
func rangePeriod(m []string, s Schedule, year int) (Period, bool) {
	num := func(t string, def int) int {
		if t == "" {
			return def
		}
		n, err := strconv.Atoi(t)
		if err != nil {
			return -1
		}
		return n
	}
	y1 := num(m[1], year)
	m1, d1 := num(m[2], 0), num(m[3], 0)
	y2 := num(m[4], y1)
	m2, d2 := num(m[5], m1), num(m[6], 0)
	if y1 <= 0 || y2 <= 0 {
		return Period{}, false
	}
	from, err1 := checkDate(y1, m1, d1)
	to, err2 := checkDate(y2, m2, d2)
	if err1 != nil || err2 != nil || to.Before(from) {
		return Period{}, false
	}
	q := PeriodOf(from, s)
	if !q.Contains(to) {
		return Period{}, false
	}
	return q, true
}

// FindPeriod looks for a period inside free text such as a file name, an
// e-mail subject or a sheet title (包头市_2021年4月上半月_进展情况表,
// 关于报送4月下半月进展情况的函). The year comes from year when the text has
// none. ok is false when the text names no period, or names two different ones.
func FindPeriod(text string, s Schedule, year int) (p Period, ok bool) {
	n := Normalize(text)
	var found []Period
	for _, re := range periodPatterns {
		for _, m := range re.FindAllString(n, -1) {
			m = strings.TrimRight(m, "_.-")
			if len(m) > 0 && (m[len(m)-1] < '0' || m[len(m)-1] > '9') && strings.ContainsAny(m, "-_.") {
				m = m[:len(m)-1]
			}
			if q, err := ParsePeriod(m, s, year); err == nil {
				found = append(found, q)
			}
		}
	}
	if len(found) == 0 {
		for _, m := range rangePattern.FindAllStringSubmatch(n, -1) {
			if q, ok := rangePeriod(m, s, year); ok {
				found = append(found, q)
			}
		}
	}
	if len(found) == 0 && s == Monthly {
		for _, m := range monthPattern.FindAllString(n, -1) {
			if q, err := ParsePeriod(m, s, year); err == nil {
				found = append(found, q)
			}
		}
	}
	if len(found) == 0 {
		return Period{}, false
	}
	for _, q := range found[1:] {
		if q != found[0] {
			return Period{}, false
		}
	}
	return found[0], true
}
