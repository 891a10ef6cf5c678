package xlsx

import (
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"taizhang"
)

// mailed reads a filled template of unit for period q as an attachment
// called name of an e-mail with the subject sent at the time given
// (China Standard Time, "2006-01-02 15:04").
func mailed(t *testing.T, p *taizhang.Programme, data []byte, name, subject, at string) taizhang.File {
	t.Helper()
	when, err := time.ParseInLocation("2006-01-02 15:04", at, taizhang.CST)
	if err != nil {
		t.Fatal(err)
	}
	src := taizhang.Source{Path: subject + ".eml › " + name, Name: name, Subject: subject, Received: when, Container: subject + ".eml"}
	s, fs := ReadSubmission(src, data, ReadOptions{Programme: p})
	if s == nil {
		t.Fatalf("%s: %v", name, fs)
	}
	return taizhang.File{Source: src, Submission: s, Findings: fs}
}

// receiptRows returns the 报送情况 rows of the written ledger by "单位 期次".
func receiptRows(t *testing.T, f *excelize.File) map[string][]string {
	t.Helper()
	rows, err := f.GetRows(SheetReceipts)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string][]string{}
	for _, r := range rows[1:] {
		for len(r) < len(receiptHeaders) {
			r = append(r, "")
		}
		got[r[0]+" "+r[1]] = r
	}
	return got
}

// Sheets sent again — an unchanged copy of a unit's sheet forwarded with a
// later period's e-mail, its July sheet under an August subject — stay with
// the original in 报送情况 and are named as repeats; a period whose only
// sheet was another period's or another unit's reads 未报（期次不符）or
// 未报（单位不符）whichever period it is; and another unit's sheet sent
// early under a unit's name does not make that unit on time.
func TestLedgerResentAndMismatchedSheets(t *testing.T) {
	p := builtin(t)
	july, aug1 := period(t, "2021-07-2"), period(t, "2021-08-1")
	aug2 := aug1.Next()
	btAug1 := filled(t, p, "包头市", aug1, "2021-08-13", nil)
	alsJuly := filled(t, p, "阿拉善盟", july, "2021-07-29", nil)
	files := []taizhang.File{
		mailed(t, p, btAug1, "包头市_2021年8月上半月_进展情况表.xlsx", "包头市8月上半月进展情况", "2021-08-13 16:20"),
		mailed(t, p, btAug1, "包头市_2021年8月上半月_进展情况表.xlsx", "包头市8月下半月进展情况", "2021-08-31 10:00"),
		mailed(t, p, filled(t, p, "包头市", july, "2021-07-29", nil), "包头市_2021年7月下半月_进展情况表.xlsx", "包头市7月下半月进展情况", "2021-07-29 10:00"),
		mailed(t, p, alsJuly, "阿拉善盟_2021年7月下半月_进展情况表.xlsx", "阿拉善盟7月下半月进展情况", "2021-07-29 11:00"),
		mailed(t, p, alsJuly, "阿拉善盟_2021年7月下半月_进展情况表.xlsx", "阿拉善盟8月上半月进展情况", "2021-08-15 10:00"),
		mailed(t, p, filled(t, p, "阿拉善盟", aug2, "2021-08-30", nil), "乌海市_2021年8月下半月_进展情况表.xlsx", "乌海市8月下半月进展情况", "2021-08-30 09:00"),
		mailed(t, p, filled(t, p, "阿拉善盟", aug2, "2021-09-02", nil), "阿拉善盟_2021年8月下半月_进展情况表.xlsx", "阿拉善盟8月下半月进展情况", "2021-09-02 10:00"),
		mailed(t, p, filled(t, p, "乌海市", aug1, "2021-08-14", nil), "巴彦淖尔市_2021年8月上半月_进展情况表.xlsx", "巴彦淖尔市8月上半月进展情况", "2021-08-14 11:00"),
	}
	l := taizhang.Merge(p, files, taizhang.MergeOptions{Period: aug2, AsOf: taizhang.Date{Year: 2021, Month: 9, Day: 3}})
	got := receiptRows(t, openLedger(t, l))
	// 单位, 期次, 报送状态, 收到时间, 时间来源, 文件, 被替代文件
	for key, want := range map[string][]string{
		"包头市 2021年8月上半月": {"按时", "邮件时间", "包头市8月上半月进展情况.eml › 包头市_2021年8月上半月_进展情况表.xlsx",
			"重复发送：包头市8月下半月进展情况.eml › 包头市_2021年8月上半月_进展情况表.xlsx"},
		"阿拉善盟 2021年7月下半月": {"按时", "邮件时间", "阿拉善盟7月下半月进展情况.eml › 阿拉善盟_2021年7月下半月_进展情况表.xlsx",
			"重复发送：阿拉善盟8月上半月进展情况.eml › 阿拉善盟_2021年7月下半月_进展情况表.xlsx"},
		"阿拉善盟 2021年8月上半月":  {"未报（期次不符）", "", "期次不符：阿拉善盟8月上半月进展情况.eml › 阿拉善盟_2021年7月下半月_进展情况表.xlsx（2021年7月下半月的表）", ""},
		"巴彦淖尔市 2021年8月上半月": {"未报（单位不符）", "", "单位不符：巴彦淖尔市8月上半月进展情况.eml › 巴彦淖尔市_2021年8月上半月_进展情况表.xlsx（乌海市的表）", ""},
		"包头市 2021年8月下半月":   {"未报（期次不符）", "", "期次不符：包头市8月下半月进展情况.eml › 包头市_2021年8月上半月_进展情况表.xlsx（2021年8月上半月的表）", ""},
		"阿拉善盟 2021年8月下半月":  {"迟报2天", "邮件时间", "阿拉善盟8月下半月进展情况.eml › 阿拉善盟_2021年8月下半月_进展情况表.xlsx", "单位不符：乌海市8月下半月进展情况.eml › 乌海市_2021年8月下半月_进展情况表.xlsx"},
	} {
		r, ok := got[key]
		if !ok {
			t.Errorf("%s: no row in 报送情况", key)
			continue
		}
		if g := []string{r[2], r[4], r[5], r[6]}; strings.Join(g, "|") != strings.Join(want, "|") {
			t.Errorf("%s:\n got %q\nwant %q", key, g, want)
		}
	}
	if r := got["阿拉善盟 2021年8月下半月"]; r[3] != "2021-09-02 10:00" {
		t.Errorf("阿拉善盟 2021年8月下半月 收到时间 %q, want 2021-09-02 10:00 (its own e-mail)", r[3])
	}
	text := ""
	for _, f := range l.Findings {
		text += f.Text() + "\n"
	}
	if strings.Contains(text, "重复报送：阿拉善盟") {
		t.Errorf("another unit's sheet named as 阿拉善盟's duplicate:\n%s", text)
	}
	for _, want := range []string{
		"乌海市8月下半月进展情况.eml › 乌海市_2021年8月下半月_进展情况表.xlsx 进展情况!C2 警告 单位不符：表中填报单位为阿拉善盟，文件名中为乌海市；阿拉善盟另报有本单位的表，本表未计入汇总；如发错了文件，请乌海市重新报送本单位的表",
		"阿拉善盟8月下半月进展情况.eml › 阿拉善盟_2021年8月下半月_进展情况表.xlsx 警告 迟报：阿拉善盟2021年8月下半月进展情况表应于 2021-08-31 前报送，2021-09-02 10:00 收到（邮件时间），迟报2天",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("missing\n%s\nin\n%s", want, text)
		}
	}
}
