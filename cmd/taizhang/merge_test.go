package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"taizhang"
	"taizhang/xlsx"
)

// TestMergeSummaryBrief prints the merge summary of a period in which many
// units are late or missing: each line names ten units and counts the rest,
// pointing to 报送情况; the 催报 text still names every unit.
func TestMergeSummaryBrief(t *testing.T) {
	p, q := builtinApril(t)
	summary := func(reported int) (string, *taizhang.Ledger) {
		var files []taizhang.File
		for _, u := range p.Units[:reported] {
			src := taizhang.Source{Path: u.Name + ".xlsx", Name: u.Name + ".xlsx", Received: time.Date(2021, 4, 18, 10, 0, 0, 0, taizhang.CST)}
			files = append(files, taizhang.File{Source: src, Submission: &taizhang.Submission{Source: src, Unit: u.Name, Period: q}})
		}
		l := taizhang.Merge(p, files, taizhang.MergeOptions{Period: q})
		var b bytes.Buffer
		printMergeSummary(&b, l, "汇总台账.xlsx")
		return b.String(), l
	}

	// 12 late, 4 missing.
	out, _ := summary(12)
	for _, line := range []string{
		"迟报：呼和浩特市（3天）、包头市（3天）、呼伦贝尔市（3天）、兴安盟（3天）、通辽市（3天）、赤峰市（3天）、锡林郭勒盟（3天）、乌兰察布市（3天）、鄂尔多斯市（3天）、巴彦淖尔市（3天）等 12 个单位（全部名单见“报送情况”表）\n",
		"未报：自治区发展改革委、自治区自然资源厅、自治区住房城乡建设厅、自治区政务服务局\n",
	} {
		if !strings.Contains(out, line) {
			t.Errorf("summary lacks\n%s\ngot:\n%s", line, out)
		}
	}

	// All 16 missing.
	out, l := summary(0)
	want := "未报：呼和浩特市、包头市、呼伦贝尔市、兴安盟、通辽市、赤峰市、锡林郭勒盟、乌兰察布市、鄂尔多斯市、巴彦淖尔市等 16 个单位（全部名单见“报送情况”表）\n"
	if !strings.Contains(out, want) || strings.Contains(out, "迟报：") {
		t.Errorf("summary:\n%s\nwant the line\n%s", out, want)
	}
	remind := reminder(l)
	for _, u := range p.Units {
		if !strings.Contains(remind, ". "+u.Name+"（") {
			t.Errorf("催报 text lacks %s:\n%s", u.Name, remind)
		}
	}
}

// TestMergeSummaryUnreadable names the files that could not be read, without
// their folders, ten at most, and counts the rest.
func TestMergeSummaryUnreadable(t *testing.T) {
	p, q := builtinApril(t)
	var files []taizhang.File
	add := func(path string) {
		f := taizhang.File{Source: taizhang.Source{Path: path, Name: path}}
		f.Findings.Add(taizhang.UnreadableFile, taizhang.Place{File: path}, "文件已损坏")
		files = append(files, f)
	}
	add(filepath.Join("收件", "兴安盟（损坏）.xlsx"))
	add(filepath.Join("收件", "4月", "乌海市报送.eml") + " › 乌海市（加密）.xlsx")
	summary := func() string {
		var b bytes.Buffer
		printMergeSummary(&b, taizhang.Merge(p, files, taizhang.MergeOptions{Period: q}), "汇总台账.xlsx")
		return b.String()
	}
	want := "读取文件 2 个，其中无法读取 2 个（见“问题清单”）\n无法读取：兴安盟（损坏）.xlsx、乌海市报送.eml › 乌海市（加密）.xlsx\n"
	if out := summary(); !strings.Contains(out, want) {
		t.Errorf("summary:\n%s\nwant the lines\n%s", out, want)
	}
	for i := range 10 {
		add(fmt.Sprintf("收件/坏%d.xlsx", i+1))
	}
	want = "无法读取：兴安盟（损坏）.xlsx、乌海市报送.eml › 乌海市（加密）.xlsx、坏1.xlsx、坏2.xlsx、坏3.xlsx、坏4.xlsx、坏5.xlsx、坏6.xlsx、坏7.xlsx、坏8.xlsx等 12 个文件（全部文件及原因见“问题清单”表）\n"
	if out := summary(); !strings.Contains(out, want) {
		t.Errorf("summary:\n%s\nwant the line\n%s", out, want)
	}
}

// TestMergeBlankTemplate merges April's first half with 包头市's template
// sent back unfilled in place of its sheet: 包头市 is 未报, the summary, 报送情况
// and 问题清单 say its sheet was blank, and the 催报 text asks it to fill it in.
func TestMergeBlankTemplate(t *testing.T) {
	samples := abs(t, filepath.Join(samplesDir, "2021-04", "上半月"))
	t.Chdir(t.TempDir())
	if r := taizhangRun("template", "--period", "2021-04-1", "--unit", "包头市", "-o", "收件"); r.code != exitOK {
		t.Fatalf("template:\n%v", r)
	}
	copyFiles(t, samples, "收件", func(name string) bool { return strings.HasPrefix(name, "包头市") })
	r := taizhangRun("merge", "--remind", "-o", "汇总台账.xlsx", "收件")
	if r.code != exitOK {
		t.Fatalf("merge:\n%v", r)
	}
	blank := filepath.Join("收件", "包头市_2021年4月上半月_进展情况表.xlsx")
	r.printed(t,
		"应报 16 个单位：已报 15 个（按时 15，迟报 0，时间不明 0），未报 1 个\n未报：包头市（报送的表未填写）\n",
		"【催报】2021年4月上半月进展情况表应于 2021年4月15日 前报送，以下 1 个单位报送的表未填写，请填写后重新报送：\n1. 包头市（方案中未登记联系人；未填写：包头市_2021年4月上半月_进展情况表.xlsx）\n",
	)
	f, err := excelize.OpenFile("汇总台账.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if row := receipt(t, f, "包头市", "2021年4月上半月"); row[2] != "未报（表未填写）" || row[5] != "未填写："+blank {
		t.Errorf("报送情况 of 包头市: %q", row)
	}
	want := "包头市2021年4月上半月进展情况表（应于 2021-04-15 前报送）收到的 " + blank + " 未填写（各节点的进展状态、进展情况都是空的），视为未报，请其填写后重新报送"
	found := false
	for _, row := range ledgerRows(t, f, xlsx.SheetFindings) {
		if len(row) > 7 && row[3] == "包头市" {
			if row[1] != "missing-submission" || row[7] != want {
				t.Errorf("问题清单 has for 包头市: %q", row)
			}
			found = true
		}
	}
	if !found {
		t.Errorf("问题清单 lacks the 未报 of 包头市: %s", want)
	}
}

// TestMergeHelpListsInputs lists in merge -h every kind of input merge reads.
func TestMergeHelpListsInputs(t *testing.T) {
	r := taizhangRun("merge", "-h")
	if r.code != exitOK || r.stderr != "" {
		t.Fatalf("taizhang merge -h:\n%v", r)
	}
	want := `输入可以是：
  .xlsx 工作簿（也读 .xlsm、.xltx、.xltm）
  .xls、.et 旧版工作簿（装有 LibreOffice 时自动转换后读取，否则列为无法读取）
  .csv 表格（UTF-8、GBK 或 UTF-16 编码）
  文件夹（连同其中的子文件夹）
  .zip 压缩包（其中的表格、邮件和压缩包）
  .eml 邮件、.mbox 邮箱文件（读取附件，收到时间取邮件的发送时间）
文件名含“_校验批注”的 .xlsx 是 validate --annotate 写出的标注副本：原表也在输入中时不计入汇总，只有副本时按副本汇总。
`
	if !strings.Contains(r.stdout, want) {
		t.Errorf("taizhang merge -h does not list the inputs:\n%s", r.stdout)
	}
}

// TestMergeSkipsAnnotatedCopies merges a folder in which a submitter's
// validate --annotate left a copy beside the original, and a copy whose
// original is not there: the first is passed over, the original read; the
// second is the unit's sheet; each has a 提示 that says what it is.
func TestMergeSkipsAnnotatedCopies(t *testing.T) {
	dir := t.TempDir()
	os.Mkdir(filepath.Join(dir, "收件"), 0o755)
	copySample(t, badDateSample, filepath.Join(dir, "收件"))
	wuhai := copySample(t, "2021-04/上半月/乌海市_2021年4月上半月_进展情况表.xlsx", dir)
	t.Chdir(dir)
	if r := taizhangRun("validate", "--annotate", "收件", filepath.Join("收件", filepath.Base(badDateSample))); r.code == exitFailed {
		t.Fatalf("validate --annotate:\n%v", r)
	}
	os.Remove("乌海市_2021年4月上半月_进展情况表.xlsx")
	if err := os.WriteFile(filepath.Join("收件", "乌海市_2021年4月上半月_进展情况表_校验批注.xlsx"), wuhai, 0o644); err != nil {
		t.Fatal(err)
	}
	r := taizhangRun("merge", "收件", "-o", "汇总.xlsx")
	if r.code != exitOK {
		t.Fatalf("merge:\n%v", r)
	}
	if !strings.Contains(r.stdout, "已报 2 个") || !strings.Contains(r.stdout, "读取文件 3 个，跳过 1 个（validate 写出的标注副本）\n") {
		t.Errorf("merge summary:\n%s", r.stdout)
	}
	f, err := excelize.OpenFile("汇总.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows(xlsx.SheetFindings)
	var notes []string
	for _, row := range rows {
		notes = append(notes, strings.Join(row, "|"))
	}
	text := strings.Join(notes, "\n")
	baotou := filepath.Join("收件", "包头市_2021年4月上半月_进展情况表")
	for _, w := range []string{
		"提示|reader-note|读取说明|包头市|2021年4月上半月||" + baotou + "_校验批注.xlsx|这是 validate --annotate 写出的标注副本，不是单位报送的进展情况表，未计入汇总；已读取原表 " + baotou + ".xlsx",
		"提示|reader-note|读取说明|乌海市|2021年4月上半月||" + filepath.Join("收件", "乌海市_2021年4月上半月_进展情况表_校验批注.xlsx") + "|这是 validate --annotate 写出的标注副本，输入中没有它的原表 乌海市_2021年4月上半月_进展情况表.xlsx，已按此副本汇总",
	} {
		if !strings.Contains(text, w) {
			t.Errorf("问题清单 lacks\n%s\nin\n%s", w, text)
		}
	}
	if strings.Contains(text, "重复报送") {
		t.Errorf("an annotated copy taken for a submission:\n%s", text)
	}
	rows, _ = f.GetRows(xlsx.SheetReceipts)
	for _, row := range rows {
		if len(row) > 0 && row[0] == "包头市" && (len(row) < 6 || row[5] != baotou+".xlsx" || len(row) > 6 && row[6] != "") {
			t.Errorf("报送情况 of 包头市: %q", row)
		}
	}
}

// TestMergeMismatchedSheets merges April's second half in which three units
// sent a sheet that is not theirs for the period: 赤峰市 a file holding
// 通辽市's sheet, 乌海市 its first-half sheet under a second-half subject,
// 阿拉善盟 a sheet dated May. Each is 未报, and the summary, the 催报 text and
// 报送情况 say which file came and whose or which period's sheet it is.
func TestMergeMismatchedSheets(t *testing.T) {
	p, q1 := builtinApril(t)
	q := q1.Next()
	on := time.Date(2021, 4, 29, 10, 0, 0, 0, taizhang.CST)
	var files []taizhang.File
	add := func(unit string, period taizhang.Period, path, subject string) *taizhang.File {
		src := taizhang.Source{Path: path, Name: filepath.Base(path), Subject: subject, Received: on}
		files = append(files, taizhang.File{Source: src, Submission: &taizhang.Submission{Source: src, Unit: unit, Period: period, PeriodCell: "F2", Sheet: "进展情况"}})
		return &files[len(files)-1]
	}
	for _, u := range p.Units {
		switch u.Name {
		case "赤峰市", "乌海市", "阿拉善盟":
			continue
		}
		add(u.Name, q, u.Name+"_2021年4月下半月_进展情况表.xlsx", "")
	}
	wrongUnit := "收件/赤峰市_2021年4月下半月_进展情况表.xlsx"
	f := add("通辽市", q, wrongUnit, "")
	f.Findings.Add(taizhang.WrongUnit, f.Submission.Place("C2"), "表中填报单位为通辽市，文件名中为赤峰市，已按通辽市汇总；如发错了文件，请赤峰市重新报送本单位的表")
	old := "收件/乌海市4月下半月进展情况.eml › 乌海市_2021年4月上半月_进展情况表.xlsx"
	add("乌海市", q1, old, "乌海市4月下半月进展情况")
	later := "收件/阿拉善盟_2021年5月上半月_进展情况表.xlsx"
	add("阿拉善盟", q.Next(), later, "")
	l := taizhang.Merge(p, files, taizhang.MergeOptions{Period: q})

	var b bytes.Buffer
	printMergeSummary(&b, l, "汇总台账.xlsx")
	if want := "未报：赤峰市（报来的是通辽市的表）、乌海市（报来的是2021年4月上半月的表）、阿拉善盟（报来的是2021年5月上半月的表）\n"; !strings.Contains(b.String(), want) {
		t.Errorf("summary:\n%s\nwant the line\n%s", b.String(), want)
	}
	want := "【催报】2021年4月下半月进展情况表应于 2021年4月30日 前报送，以下 3 个单位报来的表不是本单位本期的表，请核对后重新报送：\n" +
		"1. 赤峰市（方案中未登记联系人；收到的 赤峰市_2021年4月下半月_进展情况表.xlsx 是通辽市的表）\n" +
		"2. 乌海市（方案中未登记联系人；收到的 乌海市_2021年4月上半月_进展情况表.xlsx 是2021年4月上半月的表）\n" +
		"3. 阿拉善盟（方案中未登记联系人；收到的 阿拉善盟_2021年5月上半月_进展情况表.xlsx 是2021年5月上半月的表）\n" +
		"请使用下发的模板填报"
	if got := reminder(l); !strings.HasPrefix(got, want) {
		t.Errorf("催报:\n%s\nwant it to begin\n%s", got, want)
	}

	var book bytes.Buffer
	if err := xlsx.WriteLedger(&book, l, time.Date(2021, 5, 20, 9, 0, 0, 0, taizhang.CST)); err != nil {
		t.Fatal(err)
	}
	x, err := excelize.OpenReader(&book)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	for _, c := range []struct{ unit, state, file string }{
		{"赤峰市", "未报（单位不符）", "单位不符：" + wrongUnit + "（通辽市的表）"},
		{"乌海市", "未报（期次不符）", "期次不符：" + old + "（2021年4月上半月的表）"},
		{"阿拉善盟", "未报（期次不符）", "期次不符：" + later + "（2021年5月上半月的表）"},
	} {
		if row := receipt(t, x, c.unit, "2021年4月下半月"); row[2] != c.state || row[5] != c.file {
			t.Errorf("报送情况 of %s: %q, want %s and %s", c.unit, row, c.state, c.file)
		}
	}
}

// TestMergeAsOfBeforeDue merges April's second half as of 20 April, before
// it is due: the summary says the period is not yet due, and the 催报 text
// gives the due date without calling the units late.
func TestMergeAsOfBeforeDue(t *testing.T) {
	p, q1 := builtinApril(t)
	q := q1.Next()
	var files []taizhang.File
	for _, u := range p.Units[1:] {
		src := taizhang.Source{Path: u.Name + ".xlsx", Name: u.Name + ".xlsx", Received: time.Date(2021, 4, 19, 10, 0, 0, 0, taizhang.CST)}
		files = append(files, taizhang.File{Source: src, Submission: &taizhang.Submission{Source: src, Unit: u.Name, Period: q}})
	}
	asOf, _ := taizhang.ParseDate("2021-04-20", 2021)
	l := taizhang.Merge(p, files, taizhang.MergeOptions{Period: q, AsOf: asOf})
	var b bytes.Buffer
	printMergeSummary(&b, l, "汇总台账.xlsx")
	if want := "汇总期次：2021年4月下半月（截至 2021-04-20）\n截至 2021-04-20，2021年4月下半月进展情况表尚未到报送截止时间（2021-04-30）\n"; !strings.HasPrefix(b.String(), want) {
		t.Errorf("summary:\n%s\nwant it to begin\n%s", b.String(), want)
	}
	want := "【催报】2021年4月下半月进展情况表请于 2021年4月30日 前报送，截至 2021年4月20日，以下 1 个单位尚未报送，请按时报送：\n1. 呼和浩特市（方案中未登记联系人）\n"
	if got := reminder(l); !strings.HasPrefix(got, want) {
		t.Errorf("催报:\n%s\nwant it to begin\n%s", got, want)
	}
	// When due, the summary says nothing of it and the 催报 text is as before.
	l = taizhang.Merge(p, files, taizhang.MergeOptions{Period: q})
	b.Reset()
	printMergeSummary(&b, l, "汇总台账.xlsx")
	if strings.Contains(b.String(), "尚未到报送截止时间") {
		t.Errorf("summary:\n%s", b.String())
	}
	if want := "【催报】2021年4月下半月进展情况表应于 2021年4月30日 前报送，以下 1 个单位尚未报送，请尽快报送：\n"; !strings.HasPrefix(reminder(l), want) {
		t.Errorf("催报:\n%s\nwant it to begin\n%s", reminder(l), want)
	}
}

// An empty folder (or one with nothing readable) gives no period to merge:
// rather than a ledger of the programme's first period with every unit 未报,
// merge says what is wrong; with --period it writes that period's ledger.
func TestMergeNothingReadable(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "收件")
	if err := os.Mkdir(in, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(in, "包头市_2021年8月上半月_进展情况表.xlsx"), []byte("not a workbook"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "汇总台账.xlsx")
	r := taizhangRun("merge", in, "-o", out)
	if want := "taizhang merge: 输入中没有一份能读取的进展情况表（读取文件 1 个），无法确定汇总哪一期；请检查输入的文件夹，如确实没有单位报送，请用 --period 指定期次\n"; r.code != exitFailed || r.stderr != want || r.stdout != "" {
		t.Errorf("%v\nwant\n%s", r, want)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a ledger was written")
	}
	r = taizhangRun("merge", in, "--period", "2021-08-1", "-o", out)
	if r.code != exitOK || !strings.HasPrefix(r.stdout, "汇总期次：2021年8月上半月（截至 2021-08-15）\n") {
		t.Errorf("with --period: %v", r)
	}
}

// The 催报 text also chases the sheets of earlier periods that units have
// still not sent, an unreadable file being no sheet, after the run's period
// (here complete).
func TestReminderChasesEarlierPeriods(t *testing.T) {
	p, q1 := builtinApril(t)
	q2 := q1.Next()
	var files []taizhang.File
	for _, q := range []taizhang.Period{q1, q2} {
		for _, u := range p.Units {
			name := fmt.Sprintf("%s_%s_进展情况表.xlsx", u.Name, q)
			src := taizhang.Source{Path: name, Name: name, Received: time.Date(2021, q.End().Month, q.End().Day, 10, 0, 0, 0, taizhang.CST)}
			switch {
			case q == q1 && u.Name == "呼和浩特市":
				continue // never sent
			case q == q1 && u.Name == "包头市":
				var fs taizhang.Findings
				fs.Add(taizhang.UnreadableFile, taizhang.Place{File: name}, "文件已损坏")
				files = append(files, taizhang.File{Source: src, Findings: fs})
				continue
			}
			files = append(files, taizhang.File{Source: src, Submission: &taizhang.Submission{Source: src, Unit: u.Name, Period: q}})
		}
	}
	l := taizhang.Merge(p, files, taizhang.MergeOptions{Period: q2, From: q1})
	want := "【催报】2021年4月下半月各单位均已报送。以下 2 个单位往期进展情况表尚未报送，请一并补报：\n" +
		"1. 呼和浩特市（方案中未登记联系人；2021年4月上半月）\n" +
		"2. 包头市（方案中未登记联系人；2021年4月上半月（文件无法读取））\n" +
		"请使用下发的模板填报"
	if got := reminder(l); !strings.HasPrefix(got, want) {
		t.Errorf("催报:\n%s\nwant it to begin\n%s", got, want)
	}
}

// A --period for which the inputs hold no sheet at all (mistyped, or the
// wrong folder) would make every unit 未报 and the 催报 text chase them all:
// merge writes the ledger as asked but says, as report does, that no unit's
// sheet of that period is among the inputs and which periods they hold.
func TestMergePeriodWithNoSheets(t *testing.T) {
	dir := t.TempDir()
	data, err := os.ReadFile(filepath.Join(samplesDir, "2021-05/下半月/包头市_2021年5月下半月_进展情况表.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	in := filepath.Join(dir, "收件")
	os.Mkdir(in, 0o755)
	if err := os.WriteFile(filepath.Join(in, "包头市_2021年5月下半月_进展情况表.xlsx"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "汇总台账.xlsx")
	r := taizhangRun("merge", in, "--period", "2021-06-1", "-o", out)
	want := "注意：输入中没有任何单位2021年6月上半月的进展情况表（输入中的表属于2021年5月下半月），台账中各单位该期均按未报统计；如 --period 写错或漏选了文件夹，请改正后重新汇总\n"
	if r.code != exitOK || r.stderr != want {
		t.Errorf("%v\nwant on stderr\n%s", r, want)
	}
	if r = taizhangRun("merge", in, "--period", "2021-05-2", "-o", out); r.code != exitOK || r.stderr != "" {
		t.Errorf("with the sheet's own period: %v", r)
	}
}

// A flag left without its value takes the next flag as it: --report -o
// 台账.xlsx would make -o the report and 台账.xlsx an input that does not
// exist. Say which flag lacks its value instead.
func TestFlagWithoutValue(t *testing.T) {
	for _, tc := range []struct {
		args   []string
		stderr string
	}{
		{[]string{"merge", "收件", "--report", "-o", "台账.xlsx"}, "taizhang merge: --report 后面缺少文件：“-o”是另一个参数（taizhang merge -h 查看用法）\n"},
		{[]string{"merge", "收件", "-o", "--remind"}, "taizhang merge: -o 后面缺少文件：“--remind”是另一个参数（taizhang merge -h 查看用法）\n"},
		{[]string{"merge", "收件", "--period", "--as-of=2021-05-20"}, "taizhang merge: --period 后面缺少期次：“--as-of=2021-05-20”是另一个参数（taizhang merge -h 查看用法）\n"},
		{[]string{"validate", "--annotate", "--json", "包头市.xlsx"}, "taizhang validate: --annotate 后面缺少文件夹：“--json”是另一个参数（taizhang validate -h 查看用法）\n"},
		// Last on the line, nothing follows.
		{[]string{"merge", "收件", "-o"}, "taizhang merge: 参数 -o 后面缺少值（taizhang merge -h 查看用法）\n"},
		{[]string{"merge", "收件", "--report"}, "taizhang merge: 参数 --report 后面缺少值（taizhang merge -h 查看用法）\n"},
	} {
		if r := taizhangRun(tc.args...); r.code != exitFailed || r.stderr != tc.stderr || r.stdout != "" {
			t.Errorf("%q:\n%v\nwant exit 2 and stderr %q", tc.args, r, tc.stderr)
		}
	}
}
