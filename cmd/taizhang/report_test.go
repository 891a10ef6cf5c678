package main

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"taizhang"
)

func TestReportCommand(t *testing.T) {
	out := filepath.Join(t.TempDir(), "月度报告.pdf")
	r := taizhangRun("report", samplesDir, "--month", "2021-05", "-o", out)
	if r.code != exitOK {
		t.Fatalf("%s", r)
	}
	want := "报告月份：2021年5月（截至 2021-05-31）\n"
	if !strings.HasPrefix(r.stdout, want) || !strings.HasSuffix(r.stdout, "已写出月度报告："+out+"\n") {
		t.Errorf("stdout:\n%s", r.stdout)
	}
	data, err := os.ReadFile(out)
	if err != nil || !bytes.HasPrefix(data, []byte("%PDF-")) {
		t.Fatalf("no PDF written: %v", err)
	}
	// The same inputs and clock give the same bytes.
	out2 := filepath.Join(t.TempDir(), "again.pdf")
	if r := taizhangRun("report", samplesDir, "--month", "2021-05", "-o", out2); r.code != exitOK {
		t.Fatalf("%s", r)
	}
	if data2, _ := os.ReadFile(out2); !bytes.Equal(data, data2) {
		t.Error("two runs wrote different PDFs")
	}
}

func TestReportCommandRefuses(t *testing.T) {
	dir := t.TempDir()
	input := filepath.Join(dir, "包头市.xlsx")
	os.WriteFile(input, []byte("not a workbook"), 0o644)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"report", dir}, "taizhang report: 请用 --month 指定报告月份，如 taizhang report 收件 --month 2021-04\n"},
		{[]string{"report", dir, "--month", "2021-13"}, "taizhang report: --month：月份\"2021-13\"无法识别，请写成 2021-04 或 2021年4月\n"},
		{[]string{"report", "--month", "2021-04"}, "taizhang report: 请给出要汇总的文件或文件夹，如 taizhang report 收件 --month 2021-04\n"},
		{[]string{"report", input, "--month", "2021-04", "-o", input}, "taizhang report: 输出文件 " + input + " 就是输入文件之一，请用 -o 另指定文件名\n"},
	} {
		r := taizhangRun(tc.args...)
		if r.code != exitFailed || r.stderr != tc.want {
			t.Errorf("%q:\n%s", tc.args, r)
		}
	}
	if data, _ := os.ReadFile(input); string(data) != "not a workbook" {
		t.Error("input overwritten")
	}
}

// The help names the default output as it is made: from the month.
func TestReportHelpDefaultName(t *testing.T) {
	r := taizhangRun("report", "-h")
	want := "  -o, --output 文件     写出的月度报告文件（默认：月度报告_报告月份.pdf，写在当前文件夹，如 --month 2021-04 时为 月度报告_2021年4月.pdf）\n"
	if r.code != exitOK || !strings.Contains(r.stdout, want) {
		t.Errorf("report -h:\n%s\nwant the line\n%s", r, want)
	}
}

// Without -o the report is named after its month, as -h says.
func TestReportDefaultName(t *testing.T) {
	samples := abs(t, samplesDir)
	t.Chdir(t.TempDir())
	r := taizhangRun("report", filepath.Join(samples, "2021-05"), "--month", "2021-05")
	if r.code != exitOK || !strings.HasSuffix(r.stdout, "已写出月度报告：月度报告_2021年5月.pdf\n") {
		t.Fatalf("%s", r)
	}
	if _, err := os.Stat("月度报告_2021年5月.pdf"); err != nil {
		t.Error(err)
	}
}

// pdfText returns the text of a PDF without white space, skipping the test
// when pdftotext is not installed.
func pdfText(t *testing.T, path string) string {
	t.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext not installed")
	}
	out, err := exec.Command(bin, "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	return strings.Join(strings.Fields(string(out)), "")
}

// The report is dated by its data, or by --date; never by the clock.
func TestReportDateFlag(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		args []string
		want string
	}{
		{nil, "（2021年5月31日）"},
		{[]string{"--date", "2021-06-04"}, "（2021年6月4日）"},
	} {
		out := filepath.Join(dir, "r.pdf")
		r := taizhangRun(append([]string{"report", filepath.Join(samplesDir, "2021-05"), "--month", "2021-05", "-o", out}, tc.args...)...)
		if r.code != exitOK {
			t.Fatalf("%q: %s", tc.args, r)
		}
		flat := pdfText(t, out)
		if !strings.Contains(flat, "推进情况的报告"+tc.want) || !strings.Contains(flat, "专班"+strings.Trim(tc.want, "（）")) {
			t.Errorf("%q: report not dated %s:\n%.300s", tc.args, tc.want, flat)
		}
	}
	r := taizhangRun("report", filepath.Join(samplesDir, "2021-05"), "--month", "2021-05", "--date", "6月31日", "-o", filepath.Join(dir, "r.pdf"))
	if want := "taizhang report: --date：日期\"6月31日\"不是有效日期，请写成如 2021-06-04\n"; r.code != exitFailed || r.stderr != want {
		t.Errorf("bad --date:\n%s\nwant %s", r, want)
	}
}

// 乌海市 sent nothing for 2021年6月下半月: the report and the screen count its
// milestones by its 6月上半月 sheet, and say so.
func TestReportCarriesMissedPeriod(t *testing.T) {
	out := filepath.Join(t.TempDir(), "r.pdf")
	r := taizhangRun("report", samplesDir, "--programme", filepath.Join(samplesDir, "方案工作簿.xlsx"), "--month", "2021-06", "--as-of", "2021-06-30", "-o", out)
	if r.code != exitOK || !strings.Contains(r.stdout, "节点：应报 98 项，已完成 40 项，推进中 58 项，未启动 0 项，逾期未完成 0 项\n") {
		t.Fatalf("%s", r)
	}
	flat := pdfText(t, out)
	for _, want := range []string{
		"已完成40项，占40.8%；推进中58项；未启动0项；逾期未完成0项。乌海市未报送6月下半月进展情况表，其节点进展按其6月上半月报送的情况统计",
		"乌海市（据6月上半月报送）",
	} {
		if !strings.Contains(flat, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	if strings.Contains(flat, "未报或填报不全1个（乌海市）") {
		t.Error("report counts 乌海市's milestones as unknown")
	}
}

// runAt runs the program with the clock at now.
func runAt(now time.Time, args ...string) result {
	var out, errOut bytes.Buffer
	e := &env{
		stdin: strings.NewReader(""), stdout: &out, stderr: &errOut,
		now:        func() time.Time { return now },
		getenv:     func(string) string { return "" },
		isTerminal: func(io.Writer) bool { return false },
	}
	code := e.run(args)
	return result{code, out.String(), errOut.String()}
}

// A report for a month not yet over — by --as-of, or by today when none is
// given — counts only the periods already due and says which are not.
func TestReportUnfinishedMonth(t *testing.T) {
	dir := t.TempDir()
	prog := filepath.Join(samplesDir, "方案工作簿.xlsx")
	on0620 := time.Date(2021, 6, 20, 15, 0, 0, 0, taizhang.CST)
	later := time.Date(2026, 11, 29, 9, 0, 0, 0, taizhang.CST)
	pending := "2021年6月下半月进展情况表尚未到报送时间（应于 2021-06-30 前报送），未计入本报告\n"
	for _, tc := range []struct {
		name string
		r    result
		pdf  string
	}{
		{"--as-of", runAt(later, "report", samplesDir, "--programme", prog, "--month", "2021-06", "--as-of", "2021-06-20", "-o", filepath.Join(dir, "a.pdf")), "a.pdf"},
		{"today", runAt(on0620, "report", samplesDir, "--programme", prog, "--month", "2021-06", "-o", filepath.Join(dir, "b.pdf")), "b.pdf"},
		{"merge --report", runAt(on0620, "merge", samplesDir, "--programme", prog, "-o", filepath.Join(dir, "台账.xlsx"), "--report", filepath.Join(dir, "c.pdf")), "c.pdf"},
	} {
		if tc.r.code > exitFindings {
			t.Fatalf("%s: %s", tc.name, tc.r)
		}
		if tc.name != "merge --report" && !strings.HasPrefix(tc.r.stdout, "报告月份：2021年6月（截至 2021-06-20）\n"+pending) ||
			tc.name == "merge --report" && !strings.Contains(tc.r.stdout, pending+"月度报告的节点统计（截至 2021-06-20，统计到2021年6月上半月）：已完成 40 项，推进中 57 项，未启动 1 项，逾期未完成 0 项，无法判断 0 项\n已写出2021年6月月度报告：") {
			t.Errorf("%s: stdout\n%s", tc.name, tc.r.stdout)
		}
		flat := pdfText(t, filepath.Join(dir, tc.pdf))
		for _, want := range []string{
			"推进情况的报告（2021年6月20日）",
			"对16个填报单位2021年6月上半月报送的进展情况表进行了汇总（数据截至2021年6月20日）",
			"本月报告截至2021年6月20日，6月下半月进展情况表尚未到报送时间（应于2021年6月30日前报送），未计入本报告。",
			"本月已到报送时间的进展情况表16份（16个单位，1期），实际报送16份，报送率100%",
			"迟报的单位1个：乌海市（1次：6月上半月迟报1天）",
			"请各单位6月下半月进展情况表于2021年6月30日前报送",
		} {
			if !strings.Contains(flat, want) {
				t.Errorf("%s: report lacks %q", tc.name, want)
			}
		}
		if strings.Contains(flat, "未报送的单位") {
			t.Errorf("%s: report counts 6月下半月, not yet due, as 未报", tc.name)
		}
	}
	// A whole month over by today: as-of its last day.
	r := runAt(later, "report", samplesDir, "--programme", prog, "--month", "2021-06", "-o", filepath.Join(dir, "d.pdf"))
	if r.code != exitOK || !strings.HasPrefix(r.stdout, "报告月份：2021年6月（截至 2021-06-30）\n节点：") {
		t.Errorf("month over:\n%s", r)
	}
	// Nothing of the month due yet.
	r = runAt(time.Date(2021, 6, 1, 9, 0, 0, 0, taizhang.CST), "report", samplesDir, "--programme", prog, "--month", "2021-06", "-o", filepath.Join(dir, "e.pdf"))
	want := "taizhang report: 截至 2021-06-01，2021年6月的进展情况表尚未到报送时间（2021年6月上半月应于 2021-06-15 前报送），无法生成该月的月度报告；如需生成，请用 --as-of 指定 2021-06-15 或之后的日期\n"
	if r.code != exitFailed || r.stderr != want {
		t.Errorf("month not begun:\n%s\nwant %s", r, want)
	}
}

// merge --report says how the report's counts differ from the ledger's: the
// report counts 乌海市, which did not send June's second half, by its first.
func TestMergeReportSaysHowItCounts(t *testing.T) {
	// The figures count 通辽市's .xls, which only LibreOffice reads.
	requireTool(t, sofficeOnPath(), "LibreOffice (soffice)")
	dir := t.TempDir()
	prog := filepath.Join(samplesDir, "方案工作簿.xlsx")
	r := runAt(time.Date(2026, 11, 29, 9, 0, 0, 0, taizhang.CST), "merge", samplesDir, "--programme", prog, "-o", filepath.Join(dir, "台账.xlsx"), "--report", filepath.Join(dir, "r.pdf"))
	if r.code > exitFindings {
		t.Fatal(r)
	}
	r.printed(t,
		"节点：应报 98 项，已完成 37 项，推进中 54 项，未启动 0 项，逾期未完成 0 项，临期 0 项，未报或无法判断 7 项\n",
		"月度报告的节点统计（截至 2021-06-30，统计到2021年6月下半月，未报送该期的单位按其最近一次报送的情况计）：已完成 40 项，推进中 58 项，未启动 0 项，逾期未完成 0 项，无法判断 0 项\n已写出2021年6月月度报告：",
	)
}

// A report for a month the input holds no sheet of is refused; one whose
// input lacks a whole period is written, with a warning on screen and in the
// report that a folder may have been left out.
func TestReportMissingInput(t *testing.T) {
	dir := t.TempDir()
	prog := filepath.Join(samplesDir, "方案工作簿.xlsx")
	r := runAt(time.Date(2026, 11, 29, 9, 0, 0, 0, taizhang.CST), "report", filepath.Join(samplesDir, "2021-04"), "--programme", prog, "--month", "2021-05", "-o", filepath.Join(dir, "5.pdf"))
	if want := "taizhang report: 输入中没有2021年5月的进展情况表（输入中的表属于2021年4月上半月、2021年4月下半月），无法生成该月的月度报告；请检查输入的文件夹和 --month\n"; r.code != exitFailed || r.stderr != want {
		t.Errorf("no sheet of the month: %v\nwant\n%s", r, want)
	}
	r = runAt(time.Date(2026, 11, 29, 9, 0, 0, 0, taizhang.CST), "report", filepath.Join(samplesDir, "2021-04", "下半月"), "--programme", prog, "--month", "2021-04", "-o", filepath.Join(dir, "4.pdf"))
	if r.code != exitOK || !strings.Contains(r.stderr, "注意：输入中没有任何单位2021年4月上半月的进展情况表，报告中各单位该期均按未报统计；如漏选了文件夹，请补上后重新生成\n") {
		t.Errorf("no sheet of 4月上半月: %v", r)
	}
	if flat := pdfText(t, filepath.Join(dir, "4.pdf")); !strings.Contains(flat, "汇总的文件中没有任何单位4月上半月的进展情况表，本报告中各单位该期均按未报统计，请核实是否漏收。") {
		t.Errorf("the report does not say 4月上半月 is missing from the input:\n%s", flat)
	}
	if !strings.Contains(r.stdout, "，未报或无法判断 1 项\n") {
		t.Errorf("the summary line does not add up:\n%s", r.stdout)
	}
	// Every unit counted from its first half: one sentence names them all.
	r = runAt(time.Date(2026, 11, 29, 9, 0, 0, 0, taizhang.CST), "report", filepath.Join(samplesDir, "2021-06", "上半月"), "--programme", prog, "--month", "2021-06", "-o", filepath.Join(dir, "6.pdf"))
	if r.code != exitOK {
		t.Fatal(r)
	}
	flat := pdfText(t, filepath.Join(dir, "6.pdf"))
	sentence := "自治区政务服务局未报送6月下半月进展情况表，其节点进展按其6月上半月报送的情况统计"
	if n := strings.Count(flat, "未报送6月下半月进展情况表，其节点进展按其"); n != 1 || !strings.Contains(flat, "呼和浩特市、包头市、") || !strings.Contains(flat, sentence) {
		t.Errorf("the carried-forward units: %d sentences, want one naming all:\n%s", n, flat)
	}
}

// Last month with one period missing from the input would read as every
// unit 未报 that half month: the receipt rates are not compared with it, and
// the report says why; the milestones still are.
func TestReportPreviousMonthPeriodMissing(t *testing.T) {
	dir := t.TempDir()
	prog := filepath.Join(samplesDir, "方案工作簿.xlsx")
	out := filepath.Join(dir, "5.pdf")
	r := runAt(time.Date(2026, 11, 29, 9, 0, 0, 0, taizhang.CST), "report", filepath.Join(samplesDir, "2021-04", "下半月"), filepath.Join(samplesDir, "2021-05"), "--programme", prog, "--month", "2021-05", "-o", out)
	if r.code != exitOK {
		t.Fatal(r)
	}
	flat := pdfText(t, out)
	if !strings.Contains(flat, "与上月相比，已完成节点") || !strings.Contains(flat, "汇总的文件中没有上月4月上半月的进展情况表，报送率、按时报送率未与上月比较。") {
		t.Errorf("the comparison does not say 4月上半月 is missing:\n%s", flat)
	}
	if strings.Contains(flat, "报送率由") {
		t.Errorf("the receipt rate is compared with a month half missing:\n%s", flat)
	}
}

// The longest unit name of the programme fits on one line of 附表2.
func TestRankingUnitOnOneLine(t *testing.T) {
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext not installed")
	}
	out := filepath.Join(t.TempDir(), "r.pdf")
	if r := taizhangRun("report", filepath.Join(samplesDir, "2021-05"), "--month", "2021-05", "-o", out); r.code != exitOK {
		t.Fatal(r)
	}
	text, err := exec.Command(bin, "-layout", "-enc", "UTF-8", out, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	_, ranking, ok := strings.Cut(string(text), "附表2")
	if !ok {
		t.Fatal("no 附表2")
	}
	for _, line := range strings.Split(ranking, "\n") {
		if strings.Contains(line, "自治区住房城乡建设") && !strings.Contains(line, "自治区住房城乡建设厅") {
			t.Errorf("附表2 breaks the unit name:\n%s", line)
		}
	}
}
