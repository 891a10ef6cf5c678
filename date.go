package taizhang

import (
	"errors"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// CST is China Standard Time (UTC+8), the zone of every due time.
var CST = time.FixedZone("CST", 8*3600)

// Date is a calendar day without a time of day. The zero Date means "none".
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// DateOf returns the calendar day of t in China Standard Time.
func DateOf(t time.Time) Date {
	y, m, d := t.In(CST).Date()
	return Date{y, m, d}
}

// MakeDate returns the day y-m-d, normalising overflowing days and months.
func MakeDate(y int, m time.Month, d int) Date {
	return DateOf(time.Date(y, m, d, 12, 0, 0, 0, CST))
}

// IsZero reports whether d is the zero Date.
func (d Date) IsZero() bool { return d == Date{} }

// Time returns the start of the day in China Standard Time.
func (d Date) Time() time.Time { return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, CST) }

// AddDays returns the day n days after d.
func (d Date) AddDays(n int) Date { return MakeDate(d.Year, d.Month, d.Day+n) }

// Before reports whether d is strictly before e.
func (d Date) Before(e Date) bool { return d.Compare(e) < 0 }

// After reports whether d is strictly after e.
func (d Date) After(e Date) bool { return d.Compare(e) > 0 }

// Compare returns -1, 0 or +1 as d is before, equal to or after e.
func (d Date) Compare(e Date) int {
	switch {
	case d.Year != e.Year:
		return sign(d.Year - e.Year)
	case d.Month != e.Month:
		return sign(int(d.Month) - int(e.Month))
	default:
		return sign(d.Day - e.Day)
	}
}

// DaysUntil returns the number of days from d to e (negative when e is earlier).
func (d Date) DaysUntil(e Date) int { return e.days() - d.days() }

// days returns the number of days from 1970-01-01 to d.
func (d Date) days() int {
	return int(time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC).Unix() / 86400)
}

func sign(n int) int {
	switch {
	case n < 0:
		return -1
	case n > 0:
		return 1
	}
	return 0
}

// String formats d as 2021-05-31, or "" for the zero Date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
}

// Chinese formats d as 2021年5月31日, or "" for the zero Date.
func (d Date) Chinese() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%d年%d月%d日", d.Year, int(d.Month), d.Day)
}

// LastDayOfMonth returns the last day of the month of d.
func LastDayOfMonth(y int, m time.Month) Date { return MakeDate(y, m+1, 0) }

// Excel serial numbers of the 1900 date system: 1 is 1900-01-01, 60 the
// non-existent 1900-02-29 that Lotus and Excel count.
var excelEpoch = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)

// DateFromSerial converts an Excel serial day number (1900 system, or the 1904
// system when date1904 is set) to a Date. Fractions of a day are ignored.
func DateFromSerial(serial float64, date1904 bool) (Date, error) {
	lowest := 1.0
	if date1904 {
		lowest = 0 // 1904-01-01
	}
	if math.IsNaN(serial) || serial < lowest || serial >= 2958466 { // 9999-12-31 is 2958465
		return Date{}, errors.New("不在有效的日期范围内")
	}
	days := int(math.Floor(serial + 1e-9))
	if date1904 {
		days += 1462
	} else if days < 61 {
		if days == 60 {
			return Date{}, errors.New("1900-02-29 不存在")
		}
		days++ // before the fake leap day the epoch is one day later
	}
	t := excelEpoch.AddDate(0, 0, days)
	if t.Year() > 9999 {
		return Date{}, errors.New("不在有效的日期范围内")
	}
	return Date{t.Year(), t.Month(), t.Day()}, nil
}

// Serial returns the Excel serial day number (1900 system) of d.
func (d Date) Serial() float64 {
	n := d.days() + 25569 // 1970-01-01 is 25569
	if n < 61 {
		n-- // before the fake 1900-02-29
	}
	return float64(n)
}

// ErrNoDate is returned by ParseDate for an empty value.
var ErrNoDate = errors.New("日期为空")

// ParseDate reads a date as people type it: 2021-05-31, 2021/5/31, 2021.5.31,
// 2021年5月31日, 20210531, 5月31日, 5-31 or 5.31 (the year taken from year,
// which may be 0 when unknown), or an Excel serial number such as 44347.
// Full-width digits, stray spaces, 日 or 号 after any form (2021.5.31日),
// 。 for a dot, Chinese numerals (二〇二一年五月三十一日) and a day of the week
// are accepted; a time after the date is ignored. The error says what is wrong: 日期为空 (ErrNoDate), 缺少年份 or
// 不是有效日期.
func ParseDate(s string, year int) (Date, error) {
	n := Normalize(stripTime(s))
	if n == "" {
		return Date{}, ErrNoDate
	}
	n = strings.TrimRight(n, "。.，,;；")
	n = weekdayRe.ReplaceAllString(n, "")
	n = strings.TrimSuffix(n, "前")
	// 2021.6.3日 and 6月3号: the day's mark after any form of date.
	n = strings.TrimSuffix(strings.TrimSuffix(n, "号"), "日")
	if n == "" {
		return Date{}, errNotDate
	}
	// 2021。6。3: a full stop typed with a Chinese input method.
	n = strings.ReplaceAll(n, "。", ".")
	n = chineseNumerals(n)
	// 20210531
	if len(n) == 8 && allDigits(n) {
		y, _ := strconv.Atoi(n[:4])
		m, _ := strconv.Atoi(n[4:6])
		d, _ := strconv.Atoi(n[6:])
		return checkDate(y, m, d)
	}
	// Excel serial number, possibly with a fraction; 5.31 is a day of May.
	if f, err := strconv.ParseFloat(n, 64); err == nil && strings.Trim(n, "0123456789.") == "" && strings.Count(n, ".") <= 1 {
		if f >= 20000 && f <= 80000 { // 1954 .. 2119
			return DateFromSerial(f, false)
		}
		if y, m, ok := strings.Cut(n, "."); ok && len(y) == 4 && y >= "1900" && len(m) <= 2 {
			if mo, _ := strconv.Atoi(m); mo >= 1 && mo <= 12 {
				return Date{}, errMonthOnly // 2021.5
			}
		}
		if !strings.Contains(n, ".") || f >= 13 {
			return Date{}, errNotDate
		}
	}
	if m := yearMonthRe.FindStringSubmatch(n); m != nil {
		if mo, _ := strconv.Atoi(m[1]); mo >= 1 && mo <= 12 {
			return Date{}, errMonthOnly
		}
	}
	parts, ok := splitDate(n)
	if !ok {
		return Date{}, errNotDate
	}
	switch len(parts) {
	case 3:
		y := parts[0]
		if len(n) > 2 && allDigits(n[:2]) && !isDigit(n[2]) && n[2] != '/' {
			y += 2000 // 21-5-31; 31/5/21 may be day first
		}
		return checkDate(y, parts[1], parts[2])
	case 2:
		if parts[0] >= 1900 && parts[1] >= 1 && parts[1] <= 12 {
			return Date{}, errMonthOnly // 2021-5
		}
		if year == 0 {
			return Date{}, errors.New("缺少年份")
		}
		return checkDate(year, parts[0], parts[1])
	}
	return Date{}, errNotDate
}

var errNotDate = errors.New("不是有效日期")

// errMonthOnly is ParseDate's error for a year and month without a day.
var errMonthOnly = errors.New("只写到月份，没有写明日期")

// yearMonthRe matches a year and month without a day: 2021年5月, 2021年05月份.
var yearMonthRe = regexp.MustCompile(`^\d{4}年(\d{1,2})月份?$`)

// weekdayRe matches a day of the week after a date: 星期四, （周四）.
var weekdayRe = regexp.MustCompile(`\(?(?:星期|礼拜|周)[一二三四五六日天]\)?$`)

// chineseYearDigits maps the Chinese digits of a year (二〇二一) to Arabic ones.
var chineseYearDigits = map[rune]byte{'〇': '0', '○': '0', 'O': '0', '零': '0', '一': '1', '二': '2', '三': '3', '四': '4', '五': '5', '六': '6', '七': '7', '八': '8', '九': '9'}

// chineseYear returns a year of four Chinese digits (二〇二一) in Arabic ones.
func chineseYear(y string) (string, bool) {
	if utf8.RuneCountInString(y) != 4 {
		return "", false
	}
	var b strings.Builder
	for _, r := range y {
		c, ok := chineseYearDigits[r]
		if !ok {
			return "", false
		}
		b.WriteByte(c)
	}
	return b.String(), true
}

// chineseNumerals rewrites a date written in Chinese numerals, as official
// documents date them (二〇二一年六月三日, 六月三十日), in Arabic numerals;
// any other text is returned as it is.
func chineseNumerals(n string) string {
	y, rest, hasYear := strings.Cut(n, "年")
	if !hasYear {
		y, rest = "", n
	}
	m, d, ok := strings.Cut(rest, "月")
	if !ok || m == "" || d == "" {
		return n
	}
	var b strings.Builder
	if hasYear {
		digits, ok := chineseYear(y)
		if !ok {
			return n
		}
		b.WriteString(digits + "年")
	}
	mv, ok1 := chineseValue(m)
	dv, ok2 := chineseValue(d)
	if !ok1 || !ok2 {
		return n
	}
	fmt.Fprintf(&b, "%d月%d", mv, dv)
	return b.String()
}

// timeRe matches a date followed by a time of day: "2021-05-31 00:00:00",
// "2021/5/31 8:30", "2021-05-31T08:00", "2021年5月31日14时".
var timeRe = regexp.MustCompile(`^(?:(.*?[0-9])(?:[ T]+|[ ]*(?:上午|下午|AM|PM|am|pm)[ ]*)|(.*?[日号])[ ]*(?:上午|下午|AM|PM|am|pm)?[ ]*)[0-9]{1,2}(?::[0-9]{1,2}(?::[0-9]{1,2}(?:\.[0-9]+)?)?|时(?:[0-9]{1,2}分(?:[0-9]{1,2}秒)?)?|点(?:[0-9]{1,2}分)?)[ ]*(?:AM|PM|am|pm|[+-][0-9]{2}:?[0-9]{2}|Z)?[ ]*$`)

// stripTime removes a time of day after a date, before spaces are dropped.
func stripTime(s string) string {
	if !strings.ContainsAny(s, ":：时点") {
		return s
	}
	var b strings.Builder
	for _, r := range strings.ToValidUTF8(s, "") {
		if unicode.IsSpace(r) {
			r = ' '
		}
		b.WriteRune(fold(r))
	}
	if m := timeRe.FindStringSubmatch(strings.TrimSpace(b.String())); m != nil {
		return m[1] + m[2]
	}
	return s
}

// splitDate splits "2021-5-31", "2021年5月31日", "5月31日" into numbers.
func splitDate(n string) ([]int, bool) {
	var parts []int
	var seps []string
	i := 0
	for i < len(n) {
		j := i
		for j < len(n) && n[j] >= '0' && n[j] <= '9' {
			j++
		}
		if j == i || j-i > 4 {
			return nil, false
		}
		v, _ := strconv.Atoi(n[i:j])
		parts = append(parts, v)
		k := j
		for k < len(n) && (n[k] < '0' || n[k] > '9') {
			k++
		}
		seps = append(seps, n[j:k])
		i = k
	}
	if len(parts) < 2 || len(parts) > 3 {
		return nil, false
	}
	// Separators must be one kind: -, /, ., or 年 月 日.
	chinese := len(parts) == 3 && seps[0] == "年" && seps[1] == "月" && (seps[2] == "日" || seps[2] == "")
	chinese = chinese || len(parts) == 2 && seps[0] == "月" && (seps[1] == "日" || seps[1] == "")
	if chinese {
		return parts, true
	}
	sep := seps[0]
	if sep != "-" && sep != "/" && sep != "." {
		return nil, false
	}
	for _, s := range seps[:len(seps)-1] {
		if s != sep {
			return nil, false
		}
	}
	if last := seps[len(seps)-1]; last != "" && last != sep {
		return nil, false
	}
	if len(parts) == 3 && parts[0] < 1000 && parts[2] >= 1000 { // 5/31/2021
		return nil, false
	}
	return parts, true
}

func checkDate(y, m, d int) (Date, error) {
	if y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31 {
		return Date{}, errNotDate
	}
	if got := MakeDate(y, time.Month(m), d); got.Day != d {
		return Date{}, errNotDate
	}
	return Date{y, time.Month(m), d}, nil
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
