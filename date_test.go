package taizhang_test

import (
	"math"
	"testing"
	"time"

	"taizhang"
)

func TestParseDate(t *testing.T) {
	for _, c := range []struct {
		in   string
		year int
		want string
	}{
		{"2021-05-31", 0, "2021-05-31"},
		{"2021/5/31", 0, "2021-05-31"},
		{"2021.5.31", 0, "2021-05-31"},
		{"2021.05.31.", 0, "2021-05-31"},
		{"2021年5月31日", 0, "2021-05-31"},
		{"2021年05月31日前", 0, "2021-05-31"},
		{"2021年5月31号", 0, "2021-05-31"},
		{"2021年5月31日。", 0, "2021-05-31"},
		{"2021 年 5 月 31 日", 0, "2021-05-31"},
		{"20210531", 0, "2021-05-31"},
		{"21-5-31", 0, "2021-05-31"},
		{"5月31日", 2021, "2021-05-31"},
		{"5月31日", 2022, "2022-05-31"},
		{"5-31", 2021, "2021-05-31"},
		{"5/31", 2021, "2021-05-31"},
		{"5.31", 2021, "2021-05-31"},
		{"12.5", 2021, "2021-12-05"},
		{"２０２１－０５－３１", 0, "2021-05-31"},
		{"２０２１年５月３１日", 0, "2021-05-31"},
		{"５月３１日", 2021, "2021-05-31"},
		{" 2021 - 05 - 31 ", 0, "2021-05-31"},
		{"\u30002021-05-31\n", 0, "2021-05-31"},
		{"2021—05—31", 0, "2021-05-31"},
		{"2021-05-31 00:00:00", 0, "2021-05-31"},
		{"2021-05-31 00:00:00.000", 0, "2021-05-31"},
		{"2021-05-31T08:00:00+08:00", 0, "2021-05-31"},
		{"2021/5/31 8:30", 0, "2021-05-31"},
		{"2021/5/31 下午8:30", 0, "2021-05-31"},
		{"2021年5月31日14:00", 0, "2021-05-31"},
		{"2021年5月31日 14时", 0, "2021-05-31"},
		{"２０２１－０５－３１　００：００：００", 0, "2021-05-31"},
		{"5月31日 8:00", 2021, "2021-05-31"},
		{"44347", 0, "2021-05-31"},
		{"44347.5", 0, "2021-05-31"},
		{"44347.999", 0, "2021-05-31"},
		{"2020-02-29", 0, "2020-02-29"},
		{"1900-01-01", 0, "1900-01-01"},
		{"9999-12-31", 0, "9999-12-31"},
	} {
		d, err := taizhang.ParseDate(c.in, c.year)
		if err != nil || d.String() != c.want {
			t.Errorf("ParseDate(%q, %d) = %v, %v; want %s", c.in, c.year, d, err, c.want)
		}
	}
}

func TestParseDateErrors(t *testing.T) {
	for _, c := range []struct {
		in   string
		year int
		want string
	}{
		{"", 2021, "日期为空"},
		{" \u3000\n", 2021, "日期为空"},
		{"2021-13-01", 2021, "不是有效日期"},
		{"2021-02-30", 2021, "不是有效日期"},
		{"2021-02-29", 2021, "不是有效日期"},
		{"2021-04-31", 2021, "不是有效日期"},
		{"5/31/2021", 2021, "不是有效日期"},
		{"31/5/2021", 2021, "不是有效日期"},
		{"abc", 2021, "不是有效日期"},
		{"已完成", 2021, "不是有效日期"},
		{"2021-5", 2021, "不是有效日期"},
		{"2021年5月", 2021, "不是有效日期"},
		{"2021", 2021, "不是有效日期"},
		{"100", 2021, "不是有效日期"},
		{"13.5", 2021, "不是有效日期"},
		{"0.5", 2021, "不是有效日期"},
		{"-44347", 2021, "不是有效日期"},
		{"4.4347e4", 2021, "不是有效日期"},
		{"20210231", 2021, "不是有效日期"},
		{"1899-12-31", 2021, "不是有效日期"},
		{"0021-05-31", 2021, "不是有效日期"},
		{"31/5/21", 2021, "不是有效日期"},
		{"2021-05-31-01", 2021, "不是有效日期"},
		{"2021/05-31", 2021, "不是有效日期"},
		{"12:30", 2021, "不是有效日期"},
		{"前", 2021, "不是有效日期"},
		{"5月31日", 0, "缺少年份"},
		{"5.31", 0, "缺少年份"},
	} {
		d, err := taizhang.ParseDate(c.in, c.year)
		if err == nil || err.Error() != c.want {
			t.Errorf("ParseDate(%q, %d) = %v, %v; want error %s", c.in, c.year, d, err, c.want)
		}
	}
	if _, err := taizhang.ParseDate("", 0); err != taizhang.ErrNoDate {
		t.Errorf("ParseDate(\"\") error = %v, want ErrNoDate", err)
	}
}

func TestDateFromSerial(t *testing.T) {
	for _, c := range []struct {
		serial   float64
		date1904 bool
		want     string
	}{
		{1, false, "1900-01-01"},
		{59, false, "1900-02-28"},
		{61, false, "1900-03-01"},
		{366, false, "1900-12-31"},
		{44347, false, "2021-05-31"},
		{44347.75, false, "2021-05-31"},
		{2958465, false, "9999-12-31"},
		{0, true, "1904-01-01"},
		{1, true, "1904-01-02"},
		{42885, true, "2021-05-31"},
		{2957003, true, "9999-12-31"},
	} {
		d, err := taizhang.DateFromSerial(c.serial, c.date1904)
		if err != nil || d.String() != c.want {
			t.Errorf("DateFromSerial(%v, %v) = %v, %v; want %s", c.serial, c.date1904, d, err, c.want)
		}
		if !c.date1904 && d.Serial() != math.Floor(c.serial) {
			t.Errorf("%s.Serial() = %v, want %v", d, d.Serial(), math.Floor(c.serial))
		}
	}
	for _, c := range []struct {
		serial   float64
		date1904 bool
		want     string
	}{
		{60, false, "1900-02-29 不存在"},
		{0, false, "不在有效的日期范围内"},
		{-1, true, "不在有效的日期范围内"},
		{2958466, false, "不在有效的日期范围内"},
		{2957004, true, "不在有效的日期范围内"},
	} {
		d, err := taizhang.DateFromSerial(c.serial, c.date1904)
		if err == nil || err.Error() != c.want {
			t.Errorf("DateFromSerial(%v, %v) = %v, %v; want error %s", c.serial, c.date1904, d, err, c.want)
		}
	}
}

func TestDate(t *testing.T) {
	d := taizhang.Date{Year: 2021, Month: time.May, Day: 31}
	if got := d.Chinese(); got != "2021年5月31日" {
		t.Errorf("Chinese = %s", got)
	}
	if got := d.Serial(); got != 44347 {
		t.Errorf("Serial = %v", got)
	}
	if got := d.AddDays(1).String(); got != "2021-06-01" {
		t.Errorf("AddDays(1) = %s", got)
	}
	if got := d.DaysUntil(taizhang.Date{Year: 2021, Month: time.March, Day: 31}); got != -61 {
		t.Errorf("DaysUntil = %d", got)
	}
	if got := (taizhang.Date{Year: 1900, Month: 1, Day: 1}).DaysUntil(taizhang.Date{Year: 9999, Month: 12, Day: 31}); got != 2958463 {
		t.Errorf("DaysUntil over 8000 years = %d", got)
	}
	if got := taizhang.LastDayOfMonth(2024, time.February).String(); got != "2024-02-29" {
		t.Errorf("LastDayOfMonth = %s", got)
	}
	utc := time.Date(2021, 5, 31, 17, 0, 0, 0, time.UTC) // 01:00 on 1 June in China
	if got := taizhang.DateOf(utc).String(); got != "2021-06-01" {
		t.Errorf("DateOf = %s", got)
	}
	if (taizhang.Date{}).String() != "" || (taizhang.Date{}).Chinese() != "" {
		t.Errorf("zero Date is not empty")
	}
}
