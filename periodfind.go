package taizhang

import (
	"regexp"
	"strings"
)

var periodPatterns = []*regexp.Regexp{
	regexp.MustCompile(`(?:\d{4}年)?\d{1,2}月份?(?:上半月|下半月|上半个月|下半个月|上旬|中旬|下旬)`),
	regexp.MustCompile(`\d{4}[-_.]\d{1,2}[-_.][1-3](?:\D|$)`),
}

var monthPattern = regexp.MustCompile(`\d{4}年\d{1,2}月份?`)

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
