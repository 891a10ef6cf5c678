package taizhang_test

import (
	"math"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"taizhang"
)

// validDate reports whether d is a real calendar day in the years ParseDate reads.
func validDate(d taizhang.Date) bool {
	return d.Year >= 1900 && d.Year <= 9999 && taizhang.MakeDate(d.Year, d.Month, d.Day) == d
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{
		"2021-05-31", "2021/5/31", "2021.5.31", "2021年5月31日", "20210531", "5月31日", "5-31", "5.31",
		"２０２１－０５－３１", " 2021 - 05 - 31 ", "2021-05-31 00:00:00", "2021/5/31 下午8:30",
		"2021年5月31日14时", "44347", "44347.5", "60", "2021-13-01", "2021-02-30", "5/31/2021", "abc",
		"2021年05月31日前", "21-5-31", "9999-12-31", "1900-01-01", "", "前", "12:30", "2021-05-31T00:00:00Z",
		"2021.6.3日", "2021年6月3号", "6.3", "6.3日", "2021。6。3", "2021年6月3日（星期四）", "二〇二一年六月三日", "六月三十日",
		"二〇二一年六月", "日", "号日", "周四", "年月日",
	} {
		f.Add(s, 2021)
		f.Add(s, 0)
	}
	f.Fuzz(func(t *testing.T, s string, year int) {
		d, err := taizhang.ParseDate(s, year)
		if err != nil {
			if !d.IsZero() {
				t.Fatalf("ParseDate(%q) = %v with error %v", s, d, err)
			}
			return
		}
		if !validDate(d) {
			t.Fatalf("ParseDate(%q, %d) = %#v, not a calendar day", s, year, d)
		}
		for _, text := range []string{d.String(), d.Chinese()} {
			if e, err := taizhang.ParseDate(text, 0); err != nil || e != d {
				t.Fatalf("ParseDate(%q) = %v; round trip of %q gives %v, %v", s, d, text, e, err)
			}
		}
	})
}

func FuzzDateFromSerial(f *testing.F) {
	for _, v := range []float64{1, 59, 60, 61, 44347, 44347.5, 0, -1, 2958465, 2958466, 1e300} {
		f.Add(v, false)
		f.Add(v, true)
	}
	f.Fuzz(func(t *testing.T, v float64, date1904 bool) {
		d, err := taizhang.DateFromSerial(v, date1904)
		if err != nil {
			return
		}
		if !validDate(d) {
			t.Fatalf("DateFromSerial(%v, %v) = %#v, not a calendar day", v, date1904, d)
		}
		if !date1904 && d.Serial() != math.Floor(v+1e-9) { // a hair below midnight is midnight
			t.Fatalf("DateFromSerial(%v) = %v whose serial is %v", v, d, d.Serial())
		}
	})
}

func FuzzParsePeriod(f *testing.F) {
	for _, s := range []string{
		"2021年4月上半月", "2021年4月下半月", "4月上半月", "2021-04-1", "2021-04-2", "2021-04-3",
		"２０２１年４月上半月", " 2021 年 4 月 下半月 ", "2021年4月上旬", "2021年4月中旬", "4月下旬", "2021年4月",
		"2021-04", "202104", "202104-1", "2021年4月上半月（4月1日-15日）", "第2021-04-1", "21年4月下半月", "",
		"0000-04-1", "2021年13月上半月", "上半月", "2021年4月份",
	} {
		for sched := range 3 {
			f.Add(s, uint8(sched), 2021)
			f.Add(s, uint8(sched), 0)
		}
	}
	f.Fuzz(func(t *testing.T, s string, sched uint8, year int) {
		sc := taizhang.Schedule(sched % 3)
		p, err := taizhang.ParsePeriod(s, sc, year)
		if err != nil {
			if !p.IsZero() {
				t.Fatalf("ParsePeriod(%q) = %v with error %v", s, p, err)
			}
			return
		}
		if p.Year < 1900 || p.Year > 9999 || p.Month < time.January || p.Month > time.December ||
			p.Index < 1 || p.Index > p.Schedule.PeriodsPerMonth() {
			t.Fatalf("ParsePeriod(%q, %v, %d) = %#v, not a period", s, sc, year, p)
		}
		if !validDate(p.Start()) || !validDate(p.End()) || p.End().Before(p.Start()) {
			t.Fatalf("ParsePeriod(%q) = %v from %v to %v", s, p, p.Start(), p.End())
		}
		for _, text := range []string{p.String(), p.Code()} {
			if q, err := taizhang.ParsePeriod(text, p.Schedule, 0); err != nil || q != p {
				t.Fatalf("ParsePeriod(%q) = %#v; round trip of %q gives %#v, %v", s, p, text, q, err)
			}
		}
	})
}

func FuzzFindPeriod(f *testing.F) {
	for _, s := range []string{"呼市工改专项进展情况（6.1-6.15）", "（2021年6月1日—6月15日）", "6月16日至30日", "2021/6/16~2021/6/30", "包头市_2021年4月上半月"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q, ok := taizhang.FindPeriod(s, taizhang.HalfMonth, 2021)
		if ok && (q.Index < 1 || q.Index > 2 || q.Month < 1 || q.Month > 12) {
			t.Fatalf("FindPeriod(%q) = %+v", s, q)
		}
	})
}

func FuzzParseStatus(f *testing.F) {
	for _, s := range []string{"未启动", "推进中", "已完成", "已办结", "完成", "正在推进", "进行中", "持续推进", "尚未启动",
		"未开展", "基本完成", " 已 完 成 。", "", "√", "已完成（部分）", "\xff", "已办结", "正在推进", "尚未启动",
		"已完成（已销号）", "已完成√", "完成（提前）", "正在推进中", "推进中（完成80%）", "✓已完成", "已完成）", "（已完成）",
		"推进中，完成80%", "完成80%", "已完成100%", "推进中（已完成）", "已完成((已销号))", "推进中(完成80%", "%", "(())"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		st, err := taizhang.ParseStatus(s)
		if err != nil {
			if st != taizhang.NoStatus || !strings.HasPrefix(err.Error(), "进展状态") {
				t.Fatalf("ParseStatus(%q) = %v, %v", s, st, err)
			}
			return
		}
		if !slices.Contains(taizhang.Statuses, st) {
			t.Fatalf("ParseStatus(%q) = %v, not a status", s, st)
		}
		if again, err := taizhang.ParseStatus(st.String()); err != nil || again != st {
			t.Fatalf("ParseStatus(%q) = %v; its name reads as %v, %v", s, st, again, err)
		}
	})
}

func FuzzMatchUnit(f *testing.F) {
	p := builtin(f)
	for _, s := range []string{"包头市住房和城乡建设局", "自治区住房和城乡建设厅", "自治区发展和改革委员会", "锡盟", "阿盟",
		"呼市", "包头市政务服务局", "包头市、鄂尔多斯市", "北京市", "", "包 头 市", "自治区", "内蒙古自治区自然资源厅", "乌",
		"锡盟-2021年5月上半月进展情况表", "兴安盟_2021年5月下半月_进展情况表 - 副本"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		name, err := p.MatchUnit(s)
		if err != nil {
			if name != "" {
				t.Fatalf("MatchUnit(%q) = %q with error %v", s, name, err)
			}
			return
		}
		if p.Unit(name) == nil {
			t.Fatalf("MatchUnit(%q) = %q, not a unit", s, name)
		}
		if again, err := p.MatchUnit(name); err != nil || again != name {
			t.Fatalf("MatchUnit(%q) = %q, which reads as %q, %v", s, name, again, err)
		}
	})
}

func FuzzMatchMilestone(f *testing.F) {
	p := builtin(f)
	for _, c := range [][3]string{
		{"(三)", "", ""}, {"（三）", "2", ""}, {"三", "", ""}, {"3", "1", ""}, {"三.1", "", ""}, {"3-1", "", ""},
		{"三-1", "", ""}, {"（三）1", "", ""}, {"(三)2", "", ""}, {"三(1)", "", ""}, {"3.1", "", ""},
		{"", "工程审批系统接入蒙速办APP", ""}, {"", "", "加快完善项目储备库与实施库"}, {"", "一网通办", ""},
		{"(七)", "", "深化落实区域评估"}, {"三1全流程", "", ""}, {"(三", ")", "("},
		{"合计", "共7项：已完成4项", ""}, {"3-1", "全流程、全事项网上办理", "进一步优化工程审批管理系统"}, {"6", "", ""},
	} {
		f.Add(c[0], c[1], c[2])
	}
	all := p.Milestones()
	f.Fuzz(func(t *testing.T, no, node, title string) {
		for _, s := range []string{no, node, title} {
			ref, rest, ok := taizhang.ParseMilestoneRef(s)
			if !ok {
				continue
			}
			if ref.Measure < 1 || ref.Measure > 99 || ref.Sub < 0 || ref.Sub > 99 || !utf8.ValidString(rest) {
				t.Fatalf("ParseMilestoneRef(%q) = %+v %q", s, ref, rest)
			}
		}
		for m := 1; m <= 7; m++ {
			if ms := p.MatchMilestoneUnder(m, node, title); ms != nil && ms.Measure != m {
				t.Fatalf("MatchMilestoneUnder(%d, %q, %q) = %s, not a milestone of that measure", m, node, title, ms.ID)
			}
		}
		// A column of one number is one of numbers when that number reads alone.
		_, rest, ok := taizhang.ParseMilestoneRef(no)
		if got := p.NumberColumn([]string{no}, []taizhang.Entry{{Labels: &taizhang.Labels{Node: node, Measure: title}}}); got && (!ok || rest != "") {
			t.Fatalf("NumberColumn(%q) = true, but it reads as %q after the number", no, rest)
		}
		ms, byTitle := p.MatchMilestone(no, node, title)
		if ms == nil {
			if byTitle {
				t.Fatalf("MatchMilestone(%q, %q, %q) = nil by title", no, node, title)
			}
			return
		}
		if !slices.Contains(all, ms) {
			t.Fatalf("MatchMilestone(%q, %q, %q) = %v, not a milestone of the programme", no, node, title, ms)
		}
	})
}

// FuzzPlaceNumbers gives PlaceNumbers a column of values separated by |, a
// value starting with # being of a row that is not an entry.
func FuzzPlaceNumbers(f *testing.F) {
	p := builtin(f)
	for _, s := range []string{"一|二|#三|1|2|3|四|六", "（三）|（三）|三", "1|2|3|3|3|4|6", "#四|1|六", "（三）|1、|（2）|(3)", "三|2|3", "|||"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		values := strings.Split(s, "|")
		entry := make([]bool, len(values))
		for i, v := range values {
			values[i], entry[i] = strings.CutPrefix(v, "#")
			entry[i] = !entry[i]
		}
		next := 0
		for _, r := range p.PlaceNumbers(values, entry) {
			if r.Start < next || len(r.IDs) == 0 || r.Start+len(r.IDs) > len(values) || r.Head != "" && (r.Start == 0 || values[r.Start-1] != r.Head) {
				t.Fatalf("PlaceNumbers(%q) = %+v", values, r)
			}
			for k, id := range r.IDs {
				if !entry[r.Start+k] || p.Milestone(id) == nil {
					t.Fatalf("PlaceNumbers(%q) places %q at %d", values, id, r.Start+k)
				}
			}
			next = r.Start + len(r.IDs)
		}
	})
}

func FuzzMatchHeader(f *testing.F) {
	for _, s := range []string{"工作进展", "进展情况", "推进情况", "完成时间", "完成日期", "实际完成时间", "状态", "进展状态",
		"完成情况", "完成时间\n（请填日期）", "*进展状态", "ＮＯ．", "措施\n编号", "备注", "", "完成时间——请填日期", "(完成时间)",
		"工作进展情况", "下步打算", "完成节点", "编号", "编号（按方案）", "任务序号"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		field, ok := taizhang.MatchHeader(s)
		if ok != (field != taizhang.FieldNone) || ok && !slices.Contains(taizhang.Fields, field) {
			t.Fatalf("MatchHeader(%q) = %v %v", s, field, ok)
		}
		if f2, ok2 := taizhang.MatchHeader(taizhang.Normalize(s)); f2 != field || ok2 != ok {
			t.Fatalf("MatchHeader(%q) = %v, but of its normal form %v", s, field, f2)
		}
		if taizhang.IsNumberHeader(s) && field != taizhang.FieldSeq {
			t.Fatalf("IsNumberHeader(%q) is true, but it names %v", s, field)
		}
	})
}

func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"２０２１－０５－３１", "（三）１", "完成时间\n（请填日期）", "\u3000推进中\u200b\ufeff", "bad\xffutf8",
		"ＡＰＰ：", "。．", "—–‐―", "｟｠￠￡"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := taizhang.Normalize(s)
		if !utf8.ValidString(n) {
			t.Fatalf("Normalize(%q) = %q, invalid UTF-8", s, n)
		}
		if strings.ContainsFunc(n, unicode.IsSpace) {
			t.Fatalf("Normalize(%q) = %q keeps a space", s, n)
		}
		if again := taizhang.Normalize(n); again != n {
			t.Fatalf("Normalize is not idempotent: %q -> %q -> %q", s, n, again)
		}
		c := taizhang.Clean(s)
		if !utf8.ValidString(c) || taizhang.Clean(c) != c {
			t.Fatalf("Clean(%q) = %q", s, c)
		}
		if q := taizhang.Quote(s); utf8.RuneCountInString(q) > 41 || !utf8.ValidString(q) {
			t.Fatalf("Quote(%q) = %q", s, q)
		}
	})
}

// TestLongCells feeds every parser cells of 100k characters (SPEC §10): each
// answers, and a name before a long note is still read.
func TestLongCells(t *testing.T) {
	p := builtin(t)
	long := []string{strings.Repeat("(", 100000), strings.Repeat("工程审批系统接入", 12500), strings.Repeat("2021-05-31 ", 10000), "\xff" + strings.Repeat("三.1", 30000)}
	for _, s := range long {
		taizhang.ParseDate(s, 2021)
		taizhang.ParsePeriod(s, taizhang.HalfMonth, 2021)
		taizhang.ParseStatus(s)
		taizhang.MatchHeader(s)
		p.MatchUnit(s)
		p.MatchMilestone(s, s, s)
		taizhang.Quote(s)
	}
	if f, ok := taizhang.MatchHeader("完成时间" + strings.Repeat("(", 100000)); !ok || f != taizhang.FieldCompleted {
		t.Errorf("MatchHeader(完成时间(((…) = %v %v", f, ok)
	}
	if ms, _ := p.MatchMilestone("", "工程审批系统接入蒙速办APP"+strings.Repeat("。", 1000), ""); ms == nil || ms.ID != "三.2" {
		t.Errorf("MatchMilestone(long title) = %v", ms)
	}
}
