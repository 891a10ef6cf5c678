package taizhang_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"taizhang"
)

// sheet returns a submission of unit for period q with every milestone the
// unit reports at status st, filled on day filled.
func sheet(p *taizhang.Programme, unit string, q taizhang.Period, filled string, st string) *taizhang.Submission {
	s := &taizhang.Submission{
		Source: taizhang.Source{Path: unit + "_" + q.String() + ".xlsx", Name: unit + ".xlsx"},
		Sheet:  "进展情况", Unit: unit, Period: q, PeriodCell: "F2", FilledText: filled, FilledCell: "I2",
		Columns: map[taizhang.Field]string{taizhang.FieldNo: "B", taizhang.FieldStatus: "G", taizhang.FieldCompleted: "H", taizhang.FieldProgress: "I", taizhang.FieldProblems: "K"},
	}
	for i, ms := range p.UnitMilestones(unit) {
		e := taizhang.Entry{Labels: &taizhang.Labels{Milestone: ms.ID, StatusText: st}, Row: 5 + i, Texts: &taizhang.Texts{Progress: "推进中"}}
		if st == "已完成" {
			e.CompletedText = "2021-03-30"
		}
		s.Entries = append(s.Entries, e)
	}
	return s
}

func files(subs ...*taizhang.Submission) []taizhang.File {
	var out []taizhang.File
	for _, s := range subs {
		out = append(out, taizhang.File{Source: s.Source, Submission: s})
	}
	return out
}

func TestMergeReceipts(t *testing.T) {
	p := builtin(t)
	q1, _ := taizhang.ParsePeriod("2021-04-1", taizhang.HalfMonth, 0)
	q2 := q1.Next()
	early := sheet(p, "包头市", q2, "2021-04-28", "推进中")
	resub := sheet(p, "包头市", q2, "2021-04-29", "推进中")
	resub.Source.Path = "包头市（修改版）.xlsx"
	late := sheet(p, "赤峰市", q2, "2021-05-03", "推进中")
	mail := sheet(p, "通辽市", q2, "", "推进中")
	mail.Source.Received = time.Date(2021, 4, 30, 23, 59, 0, 0, taizhang.CST)
	mailLate := sheet(p, "乌海市", q2, "2021-04-30", "推进中")
	mailLate.Source.Received = time.Date(2021, 5, 1, 0, 5, 0, 0, taizhang.CST) // the e-mail wins over 填报日期
	unknown := sheet(p, "兴安盟", q2, "", "推进中")
	before := sheet(p, "鄂尔多斯市", q1, "2021-04-15", "已完成")
	back := sheet(p, "鄂尔多斯市", q2, "2021-04-30", "推进中")
	mislabelled := sheet(p, "阿拉善盟", q2.Next(), "2021-04-29", "推进中")
	future := sheet(p, "包头市", q2.Next(), "2021-05-14", "推进中")
	l := taizhang.Merge(p, files(early, resub, late, mail, mailLate, unknown, before, back, mislabelled, future), taizhang.MergeOptions{Period: q2})
	if len(l.Periods) != 2 || l.Periods[0] != q1 {
		t.Fatalf("periods %v", l.Periods)
	}
	state := map[string]string{}
	for _, r := range l.ReceiptsOf(q2) {
		state[r.Unit] = r.State.String()
	}
	for unit, want := range map[string]string{"包头市": "按时", "赤峰市": "迟报", "通辽市": "按时", "乌海市": "迟报", "兴安盟": "时间不明", "鄂尔多斯市": "按时", "阿拉善盟": "未报", "呼和浩特市": "未报"} {
		if state[unit] != want {
			t.Errorf("%s: %s, want %s", unit, state[unit], want)
		}
	}
	var lines []string
	for _, f := range l.Findings {
		lines = append(lines, f.Text())
	}
	text := strings.Join(lines, "\n")
	for _, want := range []string{
		"错误 未报：呼和浩特市未报送2021年4月下半月进展情况表（应于 2021-04-30 前报送）",
		"赤峰市_2021年4月下半月.xlsx 警告 迟报：赤峰市2021年4月下半月进展情况表应于 2021-04-30 前报送，2021-05-03 收到（填报日期），迟报3天",
		"乌海市_2021年4月下半月.xlsx 警告 迟报：乌海市2021年4月下半月进展情况表应于 2021-04-30 前报送，2021-05-01 00:05 收到（邮件时间），迟报1天",
		"包头市_2021年4月下半月.xlsx 提示 重复报送：包头市2021年4月下半月收到多份进展情况表，采用较新的 包头市（修改版）.xlsx，本表未计入汇总",
		"鄂尔多斯市_2021年4月下半月.xlsx 进展情况!G7 警告 前后矛盾：节点 三.1 进展状态由上期（2021年4月上半月）的已完成退回为推进中，请核实",
		"阿拉善盟_2021年5月上半月.xlsx 进展情况!F2 警告 期次不符：表中期次为2021年5月上半月，晚于本次汇总的期次2021年4月下半月，却在 2021-04-29 就已报送，未计入汇总；如期次填错请改正后重新报送",
		"提示 读取说明：另有 1 份期次晚于2021年4月下半月的进展情况表，未计入本次汇总",
		"通辽市_2021年4月下半月.xlsx 进展情况!G10 提示 临期：节点 四 完成时限为 2021-04-30，今天到期",
		"兴安盟_2021年4月下半月.xlsx 进展情况!I2 提示 报送时间不明：兴安盟2021年4月下半月进展情况表没有邮件时间也没有填报日期，无法判断是否按时报送；请在表头填写填报日期",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("missing finding\n%s\nin\n%s", want, text)
		}
	}
	// Severity order, then units in programme order.
	for i := 1; i < len(l.Findings); i++ {
		if l.Findings[i].Severity > l.Findings[i-1].Severity {
			t.Fatalf("findings not sorted by severity at %d:\n%s", i, text)
		}
	}
	if c := l.Cell("呼和浩特市", "一"); c.State != taizhang.NotReported {
		t.Errorf("呼和浩特市 一: %v", c.State)
	}
	if c := l.Cell("包头市", "三.1"); c.State != taizhang.StateOverdue {
		t.Errorf("包头市 三.1: %v", c.State)
	}
	if c := l.Cell("包头市", "五"); c.State != taizhang.NotRequired {
		t.Errorf("包头市 五: %v", c.State)
	}
	s := l.Summary()
	if s.Expected != 16 || s.Missing != 10 || s.Late != 2 || s.UnknownTime != 1 || s.OnTime != 3 {
		t.Errorf("summary %+v", s)
	}
}

// A 临期 milestone that has not started counts as 未启动, not 推进中.
func TestSummaryDueSoonNotStarted(t *testing.T) {
	p := builtin(t)
	q, _ := taizhang.ParsePeriod("2021-04-2", taizhang.HalfMonth, 0)
	asOf := taizhang.Date{Year: 2021, Month: 4, Day: 30}
	l := taizhang.Merge(p, files(sheet(p, "通辽市", q, "2021-04-30", "未启动")), taizhang.MergeOptions{Period: q, AsOf: asOf})
	if c := l.Cell("通辽市", "四"); c.State != taizhang.StateDueSoon || c.Category() != taizhang.CatNotStarted {
		t.Fatalf("通辽市 四: %v, category %v", c.State, c.Category())
	}
	s := l.Summary()
	if s.InProgress != 0 || s.DueSoon == 0 || s.NotStarted == 0 {
		t.Errorf("summary counts 未启动 临期 cells as 推进中: %+v", s)
	}
	if s.Done+s.InProgress+s.NotStarted+s.Overdue+s.Unknown != s.Required {
		t.Errorf("categories do not add up to the required cells: %+v", s)
	}
}

// A sheet labelled with a period that had not begun when it was sent does not
// move the run to that period: it is named as 期次不符.
func TestRunPeriodIgnoresSheetsSentBeforeTheirPeriod(t *testing.T) {
	p := builtin(t)
	q, _ := taizhang.ParsePeriod("2021-04-2", taizhang.HalfMonth, 0)
	a := sheet(p, "包头市", q, "2021-04-30", "推进中")
	b := sheet(p, "通辽市", q, "2021-04-29", "推进中")
	wrong := sheet(p, "赤峰市", q.Next(), "2021-04-29", "推进中") // 5月上半月, sent on 29 April
	l := taizhang.Merge(p, files(a, b, wrong), taizhang.MergeOptions{})
	if l.Period != q {
		t.Fatalf("run period %v, want %v", l.Period, q)
	}
	var text []string
	for _, f := range l.Findings {
		text = append(text, f.Text())
	}
	want := "赤峰市_2021年5月上半月.xlsx 进展情况!F2 警告 期次不符：表中期次为2021年5月上半月，晚于本次汇总的期次2021年4月下半月，却在 2021-04-29 就已报送，未计入汇总；如期次填错请改正后重新报送"
	if !strings.Contains(strings.Join(text, "\n"), want) {
		t.Errorf("missing\n%s\nin\n%s", want, strings.Join(text, "\n"))
	}
	// Sent on 14 May, the same sheet is the run's period.
	wrong.FilledText, wrong.Filled = "2021-05-14", taizhang.Date{}
	if l := taizhang.Merge(p, files(a, b, wrong), taizhang.MergeOptions{}); l.Period != q.Next() {
		t.Errorf("run period %v, want %v", l.Period, q.Next())
	}
}

func findingTexts(l *taizhang.Ledger) string {
	var text []string
	for _, f := range l.Findings {
		text = append(text, f.Text())
	}
	return strings.Join(text, "\n")
}

// One sheet with a mistyped later period and no 填报日期 does not move the
// run away from the period every other unit reported: it is named, and its
// unit's 未报 says which file came instead.
func TestRunPeriodFollowsMostUnits(t *testing.T) {
	p := builtin(t)
	q, _ := taizhang.ParsePeriod("2021-06-1", taizhang.HalfMonth, 0)
	var subs []*taizhang.Submission
	for _, u := range []string{"包头市", "通辽市", "赤峰市", "乌海市"} {
		subs = append(subs, sheet(p, u, q, "2021-06-15", "推进中"))
	}
	wrong := sheet(p, "巴彦淖尔市", q.Next(), "", "推进中")
	l := taizhang.Merge(p, files(append(subs, wrong)...), taizhang.MergeOptions{})
	if l.Period != q {
		t.Fatalf("run period %v, want %v", l.Period, q)
	}
	text := findingTexts(l)
	for _, want := range []string{
		"巴彦淖尔市_2021年6月下半月.xlsx 进展情况!F2 警告 期次不符：表中期次为2021年6月下半月，晚于多数单位所报的本次汇总期次2021年6月上半月，表中又没有填报日期，无法判断报送时间，未计入汇总；如期次填错请改正后重新报送",
		"错误 未报：巴彦淖尔市未报送2021年6月上半月进展情况表（应于 2021-06-15 前报送）；收到的 巴彦淖尔市_2021年6月下半月.xlsx 表中期次为2021年6月下半月，如是期次填错，请改正后重新报送",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("missing\n%s\nin\n%s", want, text)
		}
	}
	// Two units agreeing on the later period, or a dated sheet of it, do move the run.
	second := sheet(p, "兴安盟", q.Next(), "", "推进中")
	third := sheet(p, "阿拉善盟", q.Next(), "", "推进中")
	if l := taizhang.Merge(p, files(append(subs, wrong, second, third)...), taizhang.MergeOptions{}); l.Period != q.Next() {
		t.Errorf("three of seven units: run period %v, want %v", l.Period, q.Next())
	}
	wrong.FilledText = "2021-06-30"
	if l := taizhang.Merge(p, files(append(subs, wrong)...), taizhang.MergeOptions{}); l.Period != q.Next() {
		t.Errorf("dated sheet: run period %v, want %v", l.Period, q.Next())
	}
}

// A sheet whose unit is known but whose period could not be read is counted
// for the run's period, with a warning instead of leaving the unit 未报.
func TestUndatedSheetTakesRunPeriod(t *testing.T) {
	p := builtin(t)
	q, _ := taizhang.ParsePeriod("2021-06-1", taizhang.HalfMonth, 0)
	a := sheet(p, "包头市", q, "2021-06-15", "推进中")
	b := sheet(p, "呼和浩特市", taizhang.Period{}, "2021-06-15", "推进中")
	fs := files(a, b)
	fs[1].Findings.Add(taizhang.UnknownPeriod, b.Place(""), "表头和文件名中都没有报送期次；请在表头“报送期次”填写如 2021年6月上半月，或汇总时用 --period 指定")
	l := taizhang.Merge(p, fs, taizhang.MergeOptions{})
	state := map[string]string{}
	for _, r := range l.ReceiptsOf(q) {
		state[r.Unit] = r.State.String()
	}
	if state["呼和浩特市"] != "按时" {
		t.Errorf("呼和浩特市 %q, want 按时", state["呼和浩特市"])
	}
	want := "呼和浩特市_.xlsx 进展情况 警告 期次不明：表头和文件名中都没有报送期次；已按本次汇总的期次2021年6月上半月汇总，如不是该期的表，请在表头“报送期次”写明后重新报送"
	if text := findingTexts(l); !strings.Contains(text, want) {
		t.Errorf("missing\n%s\nin\n%s", want, text)
	}
	// Sent a month later, it is not taken for this period.
	c := sheet(p, "呼和浩特市", taizhang.Period{}, "2021-07-20", "推进中")
	l = taizhang.Merge(p, files(a, c), taizhang.MergeOptions{})
	for _, r := range l.ReceiptsOf(q) {
		if r.Unit == "呼和浩特市" && r.State != taizhang.Missing {
			t.Errorf("sheet of 20 July counted for %v: %v", q, r.State)
		}
	}
}

// Of several sheets of one unit and period, a filled one beats a blank
// template whatever their times, and the choice does not depend on the order
// of the files.
func TestResubmissionChoice(t *testing.T) {
	p := builtin(t)
	q, _ := taizhang.ParsePeriod("2021-06-1", taizhang.HalfMonth, 0)
	mail := sheet(p, "乌海市", q, "", "推进中")
	mail.Source.Path, mail.Source.Received = "乌海市进展情况.eml › 乌海市.xlsx", time.Date(2021, 6, 16, 10, 0, 0, 0, taizhang.CST)
	blank := sheet(p, "乌海市", q, "", "")
	blank.Source.Path, blank.Source.Modified = "乌海市（空白）.xlsx", time.Date(2021, 6, 20, 9, 0, 0, 0, taizhang.CST)
	for i := range blank.Entries {
		blank.Entries[i].Texts = nil
	}
	loose := sheet(p, "乌海市", q, "2021-06-14", "推进中")
	loose.Source.Path, loose.Source.Modified = "乌海市.xlsx", time.Date(2021, 6, 21, 9, 0, 0, 0, taizhang.CST)
	revised := sheet(p, "乌海市", q, "2021-06-16", "推进中")
	revised.Source.Path = "乌海市_修改版.xlsx"
	winner := func(subs ...*taizhang.Submission) string {
		l := taizhang.Merge(p, files(subs...), taizhang.MergeOptions{Period: q})
		for _, r := range l.ReceiptsOf(q) {
			if r.Unit == "乌海市" && r.Submission != nil {
				return r.Submission.Source.Path
			}
		}
		return ""
	}
	for _, c := range []struct {
		subs []*taizhang.Submission
		want string
	}{
		{[]*taizhang.Submission{mail, blank}, mail.Source.Path},
		{[]*taizhang.Submission{blank, mail}, mail.Source.Path},
		{[]*taizhang.Submission{mail, loose}, mail.Source.Path},                    // 16 June beats 填报日期 14 June
		{[]*taizhang.Submission{loose, mail}, mail.Source.Path},                    //
		{[]*taizhang.Submission{mail, revised}, revised.Source.Path},               // same day: the revision
		{[]*taizhang.Submission{revised, mail}, revised.Source.Path},               //
		{[]*taizhang.Submission{mail, blank, loose, revised}, revised.Source.Path}, //
		{[]*taizhang.Submission{revised, loose, blank, mail}, revised.Source.Path}, //
		{[]*taizhang.Submission{blank}, ""},                                        // a blank sheet alone is not a report
	} {
		if got := winner(c.subs...); got != c.want {
			var names []string
			for _, s := range c.subs {
				names = append(names, s.Source.Path)
			}
			t.Errorf("%v: %s wins, want %s", names, got, c.want)
		}
	}
}

// A stray sheet of an older period lists only its own unit for that period,
// not every other unit as 未报.
func TestStrayOldSheet(t *testing.T) {
	p := builtin(t)
	q, _ := taizhang.ParsePeriod("2021-06-1", taizhang.HalfMonth, 0)
	old := sheet(p, "包头市", q.Prev(), "2021-05-31", "推进中")
	l := taizhang.Merge(p, files(sheet(p, "包头市", q, "2021-06-15", "推进中"), old), taizhang.MergeOptions{})
	if got := len(l.ReceiptsOf(q.Prev())); got != 1 {
		t.Errorf("%d receipts for %v, want 1 (包头市)", got, q.Prev())
	}
	if got := len(l.ReceiptsOf(q)); got != 16 {
		t.Errorf("%d receipts for %v, want 16", got, q)
	}
}

// A file that could not be read is put down to its sender's unit and its
// e-mail's subject, so the unit's 未报 says the file came but was unreadable.
func TestUnreadableBySender(t *testing.T) {
	p := builtin(t)
	q, _ := taizhang.ParsePeriod("2021-06-1", taizhang.HalfMonth, 0)
	p.Unit("兴安盟").Emails = []string{"xam_gg@163.com"}
	bad := taizhang.File{Source: taizhang.Source{Path: "报送.eml › 进展情况表.xlsx", Name: "进展情况表.xlsx", Sender: "XAM_gg@163.com", Subject: "6月上半月进展情况"}}
	bad.Findings.Add(taizhang.UnreadableFile, taizhang.Place{File: bad.Source.Path}, "文件已损坏")
	fs := append(files(sheet(p, "包头市", q, "2021-06-15", "推进中")), bad)
	l := taizhang.Merge(p, fs, taizhang.MergeOptions{})
	want := "错误 未报：兴安盟2021年6月上半月进展情况表（应于 2021-06-15 前报送）收到的 报送.eml › 进展情况表.xlsx 无法读取，视为未报，请其重新报送"
	if text := findingTexts(l); !strings.Contains(text, want) {
		t.Errorf("missing\n%s\nin\n%s", want, text)
	}
}

// Only a file nothing here can open (a .rar) makes a unit that sent nothing
// else 未报 for want of a readable file; a workbook of supporting material
// that was read but holds no table (its note a mere 读取说明) leaves the unit
// plainly 未报; a mail with only a scan makes it 未报 for want of a
// spreadsheet, the unit known from the mail's subject.
func TestUnopenedFileOnly(t *testing.T) {
	p := builtin(t)
	q, _ := taizhang.ParsePeriod("2021-06-1", taizhang.HalfMonth, 0)
	rar := taizhang.File{Source: taizhang.Source{Path: "兴安盟进展情况.rar", Name: "兴安盟进展情况.rar"}, Unopened: true}
	rar.Findings.Add(taizhang.ReaderNote, taizhang.Place{File: rar.Source.Path}, "是 .rar 压缩包，本程序只能打开 zip 压缩包；其中如有电子表格，请解压后再读取")
	material := taizhang.File{Source: taizhang.Source{Path: "通辽市佐证材料.xlsx", Name: "通辽市佐证材料.xlsx"}}
	material.Findings.Add(taizhang.ReaderNote, taizhang.Place{File: material.Source.Path}, "不是进展情况表，未作为进展情况表读取，按随附材料处理")
	// A mail with only a scan, from an unknown address, the unit named in
	// its subject only.
	scan := taizhang.File{Source: taizhang.Source{Path: "收件/邮件1.eml", Name: "邮件1.eml", Sender: "someone@163.com", Subject: "锡林郭勒盟2021年6月上半月进展情况"}, Sheetless: true}
	scan.Findings.Add(taizhang.ReaderNote, taizhang.Place{File: scan.Source.Path}, "邮件中没有电子表格附件，附件只有 扫描件.pdf")
	l := taizhang.Merge(p, append(files(sheet(p, "包头市", q, "2021-06-15", "推进中")), rar, material, scan), taizhang.MergeOptions{Period: q})
	for _, r := range l.ReceiptsOf(q) {
		switch r.Unit {
		case "锡林郭勒盟":
			if r.State != taizhang.Missing || !slices.Equal(r.Sheetless, []string{"收件/邮件1.eml"}) {
				t.Errorf("锡林郭勒盟: %v, sheetless %q", r.State, r.Sheetless)
			}
		case "兴安盟":
			if r.State != taizhang.Missing || !slices.Equal(r.Unreadable, []string{"兴安盟进展情况.rar"}) {
				t.Errorf("兴安盟: %v, unreadable %q", r.State, r.Unreadable)
			}
		case "通辽市":
			if r.State != taizhang.Missing || len(r.Unreadable) > 0 {
				t.Errorf("通辽市: %v, unreadable %q", r.State, r.Unreadable)
			}
		}
	}
}

// A file named for one unit holding another unit's sheet: the warning stays
// even when the sheet is replaced, and the named unit's 未报 points at it.
func TestMisfiledSheet(t *testing.T) {
	p := builtin(t)
	q, _ := taizhang.ParsePeriod("2021-06-1", taizhang.HalfMonth, 0)
	own := sheet(p, "呼伦贝尔市", q, "2021-06-15", "推进中")
	stray := sheet(p, "呼伦贝尔市", q, "2021-06-14", "推进中")
	stray.Source.Path, stray.Source.Name = "赤峰市_2021年6月上半月_进展情况表(1).xlsx", "赤峰市_2021年6月上半月_进展情况表(1).xlsx"
	fs := files(own, stray)
	fs[1].Findings.Add(taizhang.WrongUnit, stray.Place("B2"), "表中填报单位为呼伦贝尔市，文件名中为赤峰市，已按呼伦贝尔市汇总；如发错了文件，请赤峰市重新报送本单位的表")
	l := taizhang.Merge(p, fs, taizhang.MergeOptions{})
	text := findingTexts(l)
	for _, want := range []string{
		"赤峰市_2021年6月上半月_进展情况表(1).xlsx 进展情况!B2 警告 单位不符：表中填报单位为呼伦贝尔市，文件名中为赤峰市；呼伦贝尔市另报有本单位的表，本表未计入汇总；如发错了文件，请赤峰市重新报送本单位的表",
		"错误 未报：赤峰市未报送2021年6月上半月进展情况表（应于 2021-06-15 前报送）；收到的 赤峰市_2021年6月上半月_进展情况表(1).xlsx 文件名为赤峰市，表中却是呼伦贝尔市的表，如发错了文件，请重新报送",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("missing\n%s\nin\n%s", want, text)
		}
	}
	// 赤峰市 sent its own sheet as well: the stray one asks nothing of it.
	l = taizhang.Merge(p, append(fs, files(sheet(p, "赤峰市", q, "2021-06-15", "推进中"))...), taizhang.MergeOptions{})
	text = findingTexts(l)
	if want := "赤峰市_2021年6月上半月_进展情况表(1).xlsx 进展情况!B2 警告 单位不符：表中填报单位为呼伦贝尔市，文件名中为赤峰市；呼伦贝尔市另报有本单位的表，本表未计入汇总；赤峰市本期也已报送本单位的表"; !strings.Contains(text, want) {
		t.Errorf("missing\n%s\nin\n%s", want, text)
	}
	if strings.Contains(text, "重复报送") || strings.Contains(text, "未报：赤峰市") {
		t.Errorf("the stray sheet is named a duplicate, or 赤峰市 未报:\n%s", text)
	}
}

// Undated sheets of the next period from units that also reported the
// fuller earlier one are that period's returns coming in: the run follows
// them, and the units yet to send it are 未报.
func TestRunPeriodFollowsNextPeriodComingIn(t *testing.T) {
	p := builtin(t)
	q, _ := taizhang.ParsePeriod("2021-06-1", taizhang.HalfMonth, 0)
	var subs []*taizhang.Submission
	for _, u := range []string{"包头市", "通辽市", "赤峰市", "乌海市", "兴安盟"} {
		subs = append(subs, sheet(p, u, q, "2021-06-15", "推进中"))
	}
	subs = append(subs, sheet(p, "包头市", q.Next(), "", "推进中"))
	l := taizhang.Merge(p, files(subs...), taizhang.MergeOptions{})
	if l.Period != q.Next() {
		t.Fatalf("run period %v, want %v", l.Period, q.Next())
	}
	state := map[string]string{}
	for _, r := range l.ReceiptsOf(q.Next()) {
		state[r.Unit] = r.State.String()
	}
	if state["包头市"] == "未报" || state["通辽市"] != "未报" {
		t.Errorf("receipts of %v: %v", q.Next(), state)
	}
}

// A sheet sent on time and sent again later keeps its unit on time: 按时 and
// 迟报 follow the first sheet received for the period. An unchanged copy
// (forwarded, a stray copy) is a repeat and the original stays in use; a
// changed one is used, and the first copy's 重复报送 says which copy is used
// and that its time counts.
func TestResentSheetKeepsFirstReceipt(t *testing.T) {
	p := builtin(t)
	q, _ := taizhang.ParsePeriod("2021-06-1", taizhang.HalfMonth, 0)
	first := sheet(p, "通辽市", q, "2021-06-13", "推进中")
	first.Source.Path, first.Source.Received = "通辽市6月上半月进展情况.eml › 通辽市.xlsx", time.Date(2021, 6, 14, 10, 0, 0, 0, taizhang.CST)
	again := sheet(p, "通辽市", q, "2021-06-13", "推进中")
	again.Source.Path, again.Source.Received = "Fw：通辽市6月上半月进展情况.eml › 通辽市.xlsx", time.Date(2021, 6, 20, 10, 0, 0, 0, taizhang.CST)
	lateFirst := sheet(p, "赤峰市", q, "2021-06-17", "推进中")
	lateFirst.Source.Path, lateFirst.Source.Received = "赤峰市6月上半月进展情况.eml › 赤峰市.xlsx", time.Date(2021, 6, 17, 9, 0, 0, 0, taizhang.CST)
	lateAgain := sheet(p, "赤峰市", q, "2021-06-17", "推进中")
	lateAgain.Source.Path, lateAgain.Source.Received = "赤峰市6月上半月进展情况（重发）.eml › 赤峰市.xlsx", time.Date(2021, 6, 18, 9, 0, 0, 0, taizhang.CST)
	lateAgain.Entries[0].Texts = &taizhang.Texts{Progress: "已补充进展"}
	for _, order := range [][]*taizhang.Submission{{first, again, lateFirst, lateAgain}, {lateAgain, again, lateFirst, first}} {
		l := taizhang.Merge(p, files(order...), taizhang.MergeOptions{Period: q})
		got := map[string]*taizhang.Receipt{}
		for _, r := range l.ReceiptsOf(q) {
			got[r.Unit] = r
		}
		if r := got["通辽市"]; r.State != taizhang.OnTime || !r.Received.Equal(first.Source.Received) || r.Submission != first || r.First != first || len(r.Repeats) != 1 || r.Repeats[0] != again {
			t.Errorf("通辽市: %v received %v from %s, used %s, repeats %d; want 按时 on 06-14 from the first copy, used, the later copy a repeat", r.State, r.Received, r.First.Source.Path, r.Submission.Source.Path, len(r.Repeats))
		}
		if r := got["赤峰市"]; r.State != taizhang.Late || r.DaysLate() != 2 || r.Submission != lateAgain || r.First != lateFirst {
			t.Errorf("赤峰市: %v %d days, used %s; want 迟报2天 by the first copy", r.State, r.DaysLate(), r.Submission.Source.Path)
		}
		text := findingTexts(l)
		for _, want := range []string{
			"Fw：通辽市6月上半月进展情况.eml › 通辽市.xlsx 提示 重复报送：通辽市2021年6月上半月收到多份进展情况表，本表与采用的 通辽市6月上半月进展情况.eml › 通辽市.xlsx 内容相同，是重复发送的，未计入汇总",
			"赤峰市6月上半月进展情况.eml › 赤峰市.xlsx 提示 重复报送：赤峰市2021年6月上半月收到多份进展情况表，采用较新的 赤峰市6月上半月进展情况（重发）.eml › 赤峰市.xlsx，本表未计入汇总；报送时间以最先收到的本表为准",
			"赤峰市6月上半月进展情况.eml › 赤峰市.xlsx 警告 迟报：赤峰市2021年6月上半月进展情况表应于 2021-06-15 前报送，2021-06-17 09:00 收到（邮件时间），迟报2天",
		} {
			if !strings.Contains(text, want) {
				t.Errorf("missing\n%s\nin\n%s", want, text)
			}
		}
		if strings.Contains(text, "迟报：通辽市") {
			t.Errorf("通辽市 reported late:\n%s", text)
		}
	}
}

// A unit's sheet of an earlier period sent under an e-mail subject that names
// the run's period (the old sheet attached by mistake) is named in its 未报,
// and the reader's 期次不符 stays in the findings.
func TestOldSheetUnderRunSubject(t *testing.T) {
	p := builtin(t)
	q, _ := taizhang.ParsePeriod("2021-06-2", taizhang.HalfMonth, 0)
	stray := sheet(p, "呼和浩特市", q.Prev(), "2021-06-14", "推进中")
	stray.Source.Path, stray.Source.Subject = "呼和浩特市6月下半月进展情况.eml › 呼和浩特市.xlsx", "呼和浩特市6月下半月进展情况"
	stray.Source.Received = time.Date(2021, 6, 29, 10, 0, 0, 0, taizhang.CST)
	fs := files(sheet(p, "包头市", q, "2021-06-30", "推进中"), stray)
	fs[1].Findings.Add(taizhang.WrongPeriod, stray.Place("F2"), "表中期次为2021年6月上半月，邮件主题中为2021年6月下半月，以表中为准；如表中填错请改正后重新报送")
	l := taizhang.Merge(p, fs, taizhang.MergeOptions{Period: q})
	text := findingTexts(l)
	for _, want := range []string{
		"错误 未报：呼和浩特市未报送2021年6月下半月进展情况表（应于 2021-06-30 前报送）；收到的 呼和浩特市6月下半月进展情况.eml › 呼和浩特市.xlsx 邮件主题中为2021年6月下半月，表中却是2021年6月上半月的表，如发错了文件，请重新报送",
		"呼和浩特市6月下半月进展情况.eml › 呼和浩特市.xlsx 进展情况!F2 警告 期次不符：表中期次为2021年6月上半月，邮件主题中为2021年6月下半月，以表中为准；如表中填错请改正后重新报送",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("missing\n%s\nin\n%s", want, text)
		}
	}
	// Replaced in the run's period by a later sheet, the copy's 期次不符 still shows.
	q1 := q.Prev()
	own := sheet(p, "呼和浩特市", q1, "2021-06-14", "推进中")
	own.Source.Path, own.Source.Received = "呼和浩特市6月上半月进展情况（更正）.eml › 呼和浩特市.xlsx", time.Date(2021, 6, 30, 10, 0, 0, 0, taizhang.CST)
	l = taizhang.Merge(p, append(fs[1:], files(own)...), taizhang.MergeOptions{Period: q1})
	want := "呼和浩特市6月下半月进展情况.eml › 呼和浩特市.xlsx 进展情况!F2 警告 期次不符：表中期次为2021年6月上半月，邮件主题中为2021年6月下半月，以表中为准；如表中填错请改正后重新报送"
	if text := findingTexts(l); !strings.Contains(text, want) {
		t.Errorf("missing\n%s\nin\n%s", want, text)
	}
}

// blankSheet returns unit's template for period q sent back unfilled: the
// rows are there, the 进展状态 and 进展情况 cells empty.
func blankSheet(p *taizhang.Programme, unit string, q taizhang.Period, path string, received time.Time) *taizhang.Submission {
	s := sheet(p, unit, q, "", "")
	for i := range s.Entries {
		s.Entries[i].Texts = nil
	}
	s.Source.Path, s.Source.Received = path, received
	return s
}

// A unit that sends its template back unfilled has not reported: it is 未报,
// named with the file, and its rows do not enter the ledger. A sheet with
// only some rows empty is a report, flagged row by row.
func TestBlankSheetIsNotAReport(t *testing.T) {
	p := builtin(t)
	q, _ := taizhang.ParsePeriod("2021-06-1", taizhang.HalfMonth, 0)
	blank := blankSheet(p, "包头市", q, "包头市6月上半月进展情况.eml › 包头市_2021年6月上半月_进展情况表.xlsx", time.Date(2021, 6, 14, 17, 0, 0, 0, taizhang.CST))
	some := sheet(p, "通辽市", q, "2021-06-14", "推进中")
	some.Entries[0].StatusText, some.Entries[0].Texts = "", nil
	fs := files(blank, some)
	l := taizhang.Merge(p, fs, taizhang.MergeOptions{Period: q})
	state := map[string]*taizhang.Receipt{}
	for _, r := range l.ReceiptsOf(q) {
		state[r.Unit] = r
	}
	if r := state["包头市"]; r.State != taizhang.Missing || r.Submission != nil || len(r.Blank) != 1 || r.Blank[0] != blank.Source.Path {
		t.Errorf("包头市: %v, used %v, blank %q; want 未报 naming the blank file", r.State, r.Submission, r.Blank)
	}
	if r := state["通辽市"]; r.State != taizhang.OnTime {
		t.Errorf("通辽市 with one empty row: %v, want 按时", r.State)
	}
	if c := l.Cell("包头市", "一"); c.State != taizhang.NotReported {
		t.Errorf("包头市 一: %v, want 未报", c.State)
	}
	for _, row := range l.Rows {
		if row.Unit() == "包头市" {
			t.Fatalf("a row of the blank sheet is in the ledger: %s", row.Place())
		}
	}
	if s := l.Summary(); s.Missing != 15 || s.OnTime != 1 {
		t.Errorf("summary %+v", s)
	}
	text := findingTexts(l)
	want := "错误 未报：包头市2021年6月上半月进展情况表（应于 2021-06-15 前报送）收到的 包头市6月上半月进展情况.eml › 包头市_2021年6月上半月_进展情况表.xlsx 未填写（各节点的进展状态、进展情况都是空的），视为未报，请其填写后重新报送"
	if !strings.Contains(text, want) {
		t.Errorf("missing\n%s\nin\n%s", want, text)
	}
	if strings.Contains(text, "包头市_2021年6月上半月_进展情况表.xlsx 进展情况!") {
		t.Errorf("the blank sheet's empty cells are listed one by one:\n%s", text)
	}
	if want := "通辽市_2021年6月上半月.xlsx 进展情况!G5 错误 填写有误："; !strings.Contains(text, want) {
		t.Errorf("missing\n%s\nin\n%s", want, text)
	}
	// Filled in and sent again after the due day, the sheet is used and 迟报:
	// the blank one was no report.
	filled := sheet(p, "包头市", q, "2021-06-16", "推进中")
	filled.Source.Received = time.Date(2021, 6, 16, 9, 0, 0, 0, taizhang.CST)
	l = taizhang.Merge(p, files(blank, filled), taizhang.MergeOptions{Period: q})
	for _, r := range l.ReceiptsOf(q) {
		if r.Unit == "包头市" && (r.State != taizhang.Late || r.Submission != filled || r.DaysLate() != 1) {
			t.Errorf("包头市 blank then filled: %v, %d days; want 迟报1天 with the filled sheet", r.State, r.DaysLate())
		}
	}
}

// A revision (修改版, 更正…) that arrived after the original wins even when
// its 填报日期 was left as it was, or older; one that arrived before the
// original does not. The unit's time is still the original's.
func TestRevisionWithOldFilledDate(t *testing.T) {
	p := builtin(t)
	q, _ := taizhang.ParsePeriod("2021-06-1", taizhang.HalfMonth, 0)
	at := func(day, hour int) time.Time { return time.Date(2021, 6, day, hour, 0, 0, 0, taizhang.CST) }
	mail := sheet(p, "乌海市", q, "2021-06-14", "推进中")
	mail.Source.Path, mail.Source.Received = "乌海市6月上半月进展情况.eml › 乌海市.xlsx", at(14, 10)
	loose := sheet(p, "乌海市", q, "2021-06-14", "推进中")
	loose.Source.Path, loose.Source.Modified = "乌海市.xlsx", at(14, 11)
	older := sheet(p, "乌海市", q, "2021-06-12", "推进中") // 填报日期 copied from a draft
	older.Source.Path, older.Source.Modified = "乌海市_修改版.xlsx", at(17, 9)
	same := sheet(p, "乌海市", q, "2021-06-14", "推进中")
	same.Source.Path, same.Source.Modified = "乌海市（更正）.xlsx", at(16, 9)
	same.Entries[0].Texts = &taizhang.Texts{Progress: "已更正"} // an unchanged copy would be a repeat
	mailed := sheet(p, "乌海市", q, "2021-06-12", "推进中")
	mailed.Source.Path, mailed.Source.Subject, mailed.Source.Received = "乌海市进展情况.eml › 乌海市.xlsx", "乌海市6月上半月进展情况（更正）", at(18, 9)
	before := sheet(p, "乌海市", q, "2021-06-09", "推进中")
	before.Source.Path, before.Source.Modified = "乌海市_修改版(旧).xlsx", at(10, 9)
	for _, c := range []struct {
		subs []*taizhang.Submission
		want *taizhang.Submission
	}{
		{[]*taizhang.Submission{mail, older}, older},   // 填报日期 older than the original's
		{[]*taizhang.Submission{older, mail}, older},   //
		{[]*taizhang.Submission{loose, older}, older},  //
		{[]*taizhang.Submission{older, loose}, older},  //
		{[]*taizhang.Submission{loose, same}, same},    // 填报日期 equal
		{[]*taizhang.Submission{mail, mailed}, mailed}, // the e-mail subject says 更正
		{[]*taizhang.Submission{mail, before}, mail},   // a revision that came before the original
		{[]*taizhang.Submission{before, mail}, mail},   //
	} {
		l := taizhang.Merge(p, files(c.subs...), taizhang.MergeOptions{Period: q})
		for _, r := range l.ReceiptsOf(q) {
			if r.Unit != "乌海市" {
				continue
			}
			var names []string
			for _, s := range c.subs {
				names = append(names, s.Source.Path)
			}
			if r.Submission != c.want {
				t.Errorf("%v: %s used, want %s", names, r.Submission.Source.Path, c.want.Source.Path)
			}
			if r.State != taizhang.OnTime {
				t.Errorf("%v: %v, want 按时", names, r.State)
			}
		}
	}
}

// A unit's sheet sent again with a later period's e-mail is a repeat when
// unchanged — the original stays in use — and a correction when changed: then
// it is used, and the unit stays on time by the original.
func TestSheetResentWithLaterPeriod(t *testing.T) {
	p := builtin(t)
	q, _ := taizhang.ParsePeriod("2021-08-1", taizhang.HalfMonth, 0)
	orig := sheet(p, "包头市", q, "2021-08-13", "推进中")
	orig.Source.Path, orig.Source.Subject, orig.Source.Received = "包头市8月上半月.eml › 包头市.xlsx", "包头市8月上半月进展情况", time.Date(2021, 8, 13, 16, 0, 0, 0, taizhang.CST)
	again := sheet(p, "包头市", q, "2021-08-13", "推进中")
	again.Source.Path, again.Source.Subject, again.Source.Received = "包头市8月下半月.eml › 包头市.xlsx", "包头市8月下半月进展情况", time.Date(2021, 8, 31, 10, 0, 0, 0, taizhang.CST)
	l := taizhang.Merge(p, files(orig, again), taizhang.MergeOptions{Period: q})
	r := l.ReceiptsOf(q)[1]
	if r.Unit != "包头市" || r.Submission != orig || r.First != orig || len(r.Repeats) != 1 {
		t.Errorf("unchanged: %s used, %d repeats; want the original, one repeat", r.Submission.Source.Path, len(r.Repeats))
	}
	want := "包头市8月下半月.eml › 包头市.xlsx 提示 重复报送：包头市2021年8月上半月收到多份进展情况表，本表与采用的 包头市8月上半月.eml › 包头市.xlsx 内容相同，是重复发送的，未计入汇总"
	if text := findingTexts(l); !strings.Contains(text, want) {
		t.Errorf("missing\n%s\nin\n%s", want, text)
	}
	again.Entries[0].Texts = &taizhang.Texts{Progress: "已更正"}
	l = taizhang.Merge(p, files(orig, again), taizhang.MergeOptions{Period: q})
	r = l.ReceiptsOf(q)[1]
	if r.Submission != again || r.First != orig || r.State != taizhang.OnTime || len(r.Repeats) != 0 {
		t.Errorf("changed: %s used, first %s, %v; want the later copy used, on time by the original", r.Submission.Source.Path, r.First.Source.Path, r.State)
	}
}

// An unchanged copy kept in the workbook a unit sent for a later period is
// named as the old table of that workbook, not as a repeat sent again.
func TestCarriedOverCopyNamedAsSuch(t *testing.T) {
	p := builtin(t)
	q, _ := taizhang.ParsePeriod("2021-04-1", taizhang.HalfMonth, 0)
	own := sheet(p, "包头市", q, "2021-04-14", "推进中")
	kept := sheet(p, "包头市", q, "2021-04-14", "推进中")
	kept.Source.Path, kept.Source.Name, kept.Sheet = "包头市_2021年4月下半月_进展情况表.xlsx", "包头市_2021年4月下半月_进展情况表.xlsx", "4月上半月"
	kept.OtherTables = []taizhang.Period{q.Next()}
	l := taizhang.Merge(p, files(own, kept), taizhang.MergeOptions{Period: q})
	want := "包头市_2021年4月下半月_进展情况表.xlsx 4月上半月 提示 重复报送：包头市2021年4月上半月收到多份进展情况表，采用该期报送的 包头市_2021年4月上半月.xlsx；本表是报送2021年4月下半月的工作簿中留存的往期表，未计入汇总"
	if text := findingTexts(l); !strings.Contains(text, want) {
		t.Errorf("missing\n%s\nin\n%s", want, text)
	}
}

// The same sheet saved twice on the day it came — the e-mail and its
// attachment alone — is not a repeat: the e-mail, whose time is known to
// the minute, is used as before.
func TestSameSheetSavedTwiceSameDay(t *testing.T) {
	p := builtin(t)
	q, _ := taizhang.ParsePeriod("2021-08-1", taizhang.HalfMonth, 0)
	mail := sheet(p, "包头市", q, "2021-08-13", "推进中")
	mail.Source.Path, mail.Source.Received = "包头市8月上半月.eml › 包头市.xlsx", time.Date(2021, 8, 13, 16, 0, 0, 0, taizhang.CST)
	loose := sheet(p, "包头市", q, "2021-08-13", "推进中")
	loose.Source.Path = "包头市.xlsx"
	for _, order := range [][]*taizhang.Submission{{mail, loose}, {loose, mail}} {
		l := taizhang.Merge(p, files(order...), taizhang.MergeOptions{Period: q})
		r := l.ReceiptsOf(q)[1]
		if r.Submission != mail || len(r.Repeats) != 0 {
			t.Errorf("%s used, %d repeats; want the e-mail, no repeat", r.Submission.Source.Path, len(r.Repeats))
		}
	}
}

// Two copies of a sheet saved in a folder with the same 填报日期 and no
// e-mail: the one saved later is used, as the README says (收到的日期：邮件时间，
// 其次填报日期，再次文件的修改时间), not the one whose name sorts last; and a copy
// identical to the one used says so instead of calling the other 较新.
func TestMergeSameDayCopies(t *testing.T) {
	p := builtin(t)
	q, _ := taizhang.ParsePeriod("2021-05-2", taizhang.HalfMonth, 0)
	at := func(h int) time.Time { return time.Date(2021, 5, 30, h, 0, 0, 0, taizhang.CST) }
	cf := sheet(p, "赤峰市", q, "2021-05-30", "推进中")
	cf.Source.Path, cf.Source.Modified = "赤峰市.xlsx", at(10)
	cf1 := sheet(p, "赤峰市", q, "2021-05-30", "推进中")
	cf1.Source.Path, cf1.Source.Modified = "赤峰市(1).xlsx", at(15)
	tl := sheet(p, "通辽市", q, "2021-05-30", "推进中")
	tl.Source.Path, tl.Source.Modified = "通辽市.xlsx", at(15)
	tl1 := sheet(p, "通辽市", q, "2021-05-30", "未启动")
	tl1.Source.Path, tl1.Source.Modified = "通辽市(1).xlsx", at(10)
	l := taizhang.Merge(p, files(cf1, cf, tl, tl1), taizhang.MergeOptions{Period: q})
	for _, r := range l.ReceiptsOf(q) {
		switch r.Unit {
		case "赤峰市":
			if r.Submission != cf1 {
				t.Errorf("赤峰市 uses %s, want the later saved 赤峰市(1).xlsx", r.Submission.Source.Path)
			}
		case "通辽市":
			if r.Submission != tl {
				t.Errorf("通辽市 uses %s, want the later saved 通辽市.xlsx", r.Submission.Source.Path)
			}
		}
	}
	if got, want := texts(l.Findings, taizhang.DuplicateSubmission), `通辽市(1).xlsx 提示 重复报送：通辽市2021年5月下半月收到多份进展情况表，采用较新的 通辽市.xlsx，本表未计入汇总
赤峰市.xlsx 提示 重复报送：赤峰市2021年5月下半月收到多份进展情况表，本表与采用的 赤峰市(1).xlsx 内容相同，未计入汇总`; got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

// The same sheet attached twice to one e-mail: both copies have one display
// path, so the duplicate finding names the e-mail, not the used copy by the
// very path the finding stands at, and 被替代文件 marks it 重复发送.
// Two attachments of one name in one e-mail share a display path: the
// finding names the e-mail. Alike, one is a repeat of the other; not alike,
// the later is used and the unit asked which is meant, not "the newer X".
func TestSameNameAttachmentsInOneMail(t *testing.T) {
	p := builtin(t)
	q, _ := taizhang.ParsePeriod("2021-05-2", taizhang.HalfMonth, 0)
	for _, c := range []struct {
		statuses [2]string
		want     string
		repeats  int
	}{
		{[2]string{"推进中", "推进中"}, "赤峰市5月下半月进展情况.eml 中有两份同名、内容相同的表 赤峰市.xlsx，采用其中一份，另一份未计入汇总", 1},
		{[2]string{"推进中", "已完成"}, "赤峰市5月下半月进展情况.eml 中有两份同名的表 赤峰市.xlsx，内容不同，采用排在后面的一份，另一份未计入汇总；请与赤峰市核实以哪一份为准", 0},
	} {
		var copies []*taizhang.Submission
		for _, st := range c.statuses {
			s := sheet(p, "赤峰市", q, "2021-05-30", st)
			s.Source.Path, s.Source.Name, s.Source.Container = "赤峰市5月下半月进展情况.eml › 赤峰市.xlsx", "赤峰市.xlsx", "赤峰市5月下半月进展情况.eml"
			s.Source.Received = time.Date(2021, 5, 30, 10, 0, 0, 0, taizhang.CST)
			copies = append(copies, s)
		}
		l := taizhang.Merge(p, files(copies...), taizhang.MergeOptions{Period: q})
		if got, want := texts(l.Findings, taizhang.DuplicateSubmission), "赤峰市5月下半月进展情况.eml › 赤峰市.xlsx 提示 重复报送：赤峰市2021年5月下半月收到多份进展情况表："+c.want; got != want {
			t.Errorf("got:\n%s\nwant:\n%s", got, want)
		}
		for _, r := range l.ReceiptsOf(q) {
			if r.Unit == "赤峰市" && (r.Submission != copies[1] || len(r.Replaced) != 1 || len(r.Repeats) != c.repeats) {
				t.Errorf("%v: used %p (want the second, %p), %d replaced, %d repeats; want one replaced, %d repeats", c.statuses, r.Submission, copies[1], len(r.Replaced), len(r.Repeats), c.repeats)
			}
		}
	}
}

// Of a filled sheet and a blank template under one name in one e-mail, the
// filled one is used, and there is nothing to check with the unit.
func TestSameNameBlankAndFilledInOneMail(t *testing.T) {
	p := builtin(t)
	q, _ := taizhang.ParsePeriod("2021-05-2", taizhang.HalfMonth, 0)
	mail := func(s *taizhang.Submission) *taizhang.Submission {
		s.Source.Path, s.Source.Name, s.Source.Container = "赤峰市.eml › 赤峰市.xlsx", "赤峰市.xlsx", "赤峰市.eml"
		s.Source.Received = time.Date(2021, 5, 30, 10, 0, 0, 0, taizhang.CST)
		return s
	}
	filled := mail(sheet(p, "赤峰市", q, "2021-05-30", "推进中"))
	blank := mail(sheet(p, "赤峰市", q, "", ""))
	for i := range blank.Entries {
		blank.Entries[i].Texts = &taizhang.Texts{}
	}
	l := taizhang.Merge(p, files(filled, blank), taizhang.MergeOptions{Period: q})
	if got, want := texts(l.Findings, taizhang.DuplicateSubmission), "赤峰市.eml › 赤峰市.xlsx 提示 重复报送：赤峰市2021年5月下半月收到多份进展情况表：赤峰市.eml 中有两份同名的表 赤峰市.xlsx，内容不同，采用填写了内容的一份，另一份未计入汇总"; got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

// A resent e-mail with the sheet sent before and a new one under the same
// name: the repeat names the e-mail and the copy used beside it.
func TestResentMailWithRepeatAndNewSameName(t *testing.T) {
	p := builtin(t)
	q, _ := taizhang.ParsePeriod("2021-05-2", taizhang.HalfMonth, 0)
	at := func(s *taizhang.Submission, mail string, hour int) *taizhang.Submission {
		s.Source.Path, s.Source.Name, s.Source.Container = mail+" › 赤峰市.xlsx", "赤峰市.xlsx", mail
		s.Source.Received = time.Date(2021, 5, 30, hour, 0, 0, 0, taizhang.CST)
		return s
	}
	first := at(sheet(p, "赤峰市", q, "2021-05-30", "推进中"), "m1.eml", 9)
	newer := at(sheet(p, "赤峰市", q, "2021-05-30", "已完成"), "m2.eml", 15)
	again := at(sheet(p, "赤峰市", q, "2021-05-30", "推进中"), "m2.eml", 15)
	l := taizhang.Merge(p, files(first, newer, again), taizhang.MergeOptions{Period: q})
	got := texts(l.Findings, taizhang.DuplicateSubmission)
	want := "m2.eml › 赤峰市.xlsx 提示 重复报送：赤峰市2021年5月下半月收到多份进展情况表，本表与 m1.eml › 赤峰市.xlsx 内容相同，是重复发送的；m2.eml 中另有一份同名、内容不同的表 赤峰市.xlsx，采用了那一份，本表未计入汇总；请与赤峰市核实以哪一份为准"
	if !strings.Contains(got, want) {
		t.Errorf("got:\n%s\nwant a line:\n%s", got, want)
	}
	for _, r := range l.ReceiptsOf(q) {
		if r.Unit == "赤峰市" && r.Submission != newer {
			t.Errorf("赤峰市: used %s, want m2's new sheet", r.Submission.Source.Path)
		}
	}
}
