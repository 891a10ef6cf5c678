package report

import (
	"bytes"
	"flag"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode"

	"taizhang"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// tool returns the path of an external program, skipping the test when it
// is not installed (CI installs poppler-utils and qpdf).
func tool(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		t.Skipf("%s not installed", name)
	}
	return p
}

// run runs an external program and returns its standard output.
func run(t *testing.T, name string, args ...string) string {
	t.Helper()
	cmd := exec.Command(tool(t, name), args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s%s", name, strings.Join(args, " "), err, out, stderr.String())
	}
	return string(out)
}

// writePDF writes the report of m to a temporary file.
func writePDF(t *testing.T, cur, prev *taizhang.Ledger, opt Options) (string, *doc, string) {
	t.Helper()
	var buf, warn bytes.Buffer
	opt.Warnings = &warn
	if opt.Created.IsZero() {
		opt.Created = created
	}
	d, err := writeMonthly(&buf, cur, prev, opt)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "report.pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path, d, warn.String()
}

// squeeze removes all white space, so that text can be compared across line breaks.
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

func TestMonthlyReport(t *testing.T) {
	p := builtin(t)
	cur, prev := ledgers(p, may2021, realistic)
	path, _, warn := writePDF(t, cur, prev, Options{Month: may2021})

	// Replaced characters are reported, one line each.
	wantWarn := "月度报告：字符“𠮷”（U+20BB7）该字超出基本多文种平面，PDF 字体无法显示，已显示为“□”，共1处，如：；涉及嘎查名称“𠮷日嘎郎”等生僻字\n" +
		"月度报告：字符“😀”（U+1F600）该字超出基本多文种平面，PDF 字体无法显示，已显示为“□”，共1处，如：日嘎郎”等生僻字😀录入困难。\n"
	if warn != wantWarn {
		t.Errorf("warnings:\n%s\nwant:\n%s", warn, wantWarn)
	}

	// Same inputs, same bytes.
	again, _, _ := writePDF(t, cur, prev, Options{Month: may2021})
	a, _ := os.ReadFile(path)
	b, _ := os.ReadFile(again)
	if !bytes.Equal(a, b) {
		t.Error("two runs with the same inputs wrote different PDFs")
	}

	if _, err := exec.LookPath("qpdf"); err == nil {
		out := run(t, "qpdf", "--check", path)
		if !strings.Contains(out, "No syntax or stream encoding errors") {
			t.Errorf("qpdf --check:\n%s", out)
		}
	}
	if _, err := exec.LookPath("pdffonts"); err == nil {
		checkFontsEmbedded(t, path)
	}
	text := run(t, "pdftotext", "-enc", "UTF-8", path, "-")
	flat := squeeze(text)
	// Whole sentences survive line breaking, page breaks and justification.
	for _, s := range []string{
		"关于2021年5月深化工程建设项目审批制度改革专项工作推进情况的报告",
		"按照《关于贯彻落实党中央决策部署 深化工程建设项目审批制度改革专项工作推进方案》（内工改办〔2021〕29号）要求，自治区专项推进工作专班对16个填报单位2021年5月上半月、下半月共2期报送的进展情况表进行了汇总（数据截至2021年5月31日）。现将有关情况报告如下：",
		"通辽市反映，节点二：“多规合一”平台与不动产登记系统数据标准不一致，图斑核对工作量大；涉及嘎查名称“□日嘎郎”等生僻字□录入困难。",
		"请各单位6月上半月进展情况表于2021年6月15日前报送，6月下半月进展情况表于2021年6月30日前报送。",
		"附表1", "附表2", "图1", "图2",
	} {
		if !strings.Contains(flat, squeeze(s)) {
			t.Errorf("pdftotext lacks %q", s)
		}
	}
	checkKeyNumbers(t, cur, prev, flat)
	checkOverdueAgrees(t, cur, flat)

	// Golden text of the layout.
	layout := run(t, "pdftotext", "-layout", "-enc", "UTF-8", path, "-")
	golden := filepath.Join("testdata", "monthly_2021-05.txt")
	if *update {
		if err := os.WriteFile(golden, []byte(layout), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./report -update)", err)
	}
	if layout != string(want) {
		t.Errorf("pdftotext -layout differs from %s (go test ./report -update to accept):\n%s", golden, firstDiff(string(want), layout))
	}
}

func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(al) || i < len(bl); i++ {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			return fmt.Sprintf("line %d:\nwant %q\ngot  %q", i+1, x, y)
		}
	}
	return ""
}

func checkFontsEmbedded(t *testing.T, path string) {
	t.Helper()
	out := run(t, "pdffonts", path)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) < 3 {
		t.Fatalf("pdffonts lists no font:\n%s", out)
	}
	for _, ln := range lines[2:] {
		f := strings.Fields(ln)
		// name type... encoding emb sub uni object ID
		if len(f) < 7 || f[len(f)-5] != "yes" {
			t.Errorf("font not embedded: %s", ln)
		}
	}
}

// checkKeyNumbers compares the numbers of 一、总体进展 and the names of 三、存在问题
// with what the ledger says, computed here without the report's own code.
func checkKeyNumbers(t *testing.T, cur, prev *taizhang.Ledger, flat string) {
	t.Helper()
	s := cur.LatestSummary()
	var expected, received, onTime, late, missing int
	var missingUnits, lateUnits []string
	for _, q := range may2021.Periods(cur.Programme.Schedule) {
		for _, r := range cur.ReceiptsOf(q) {
			expected++
			switch r.State {
			case taizhang.Missing:
				missing++
				missingUnits = appendOnce(missingUnits, r.Unit)
			case taizhang.Late:
				late++
				lateUnits = appendOnce(lateUnits, r.Unit)
			case taizhang.OnTime:
				onTime++
			}
			if r.State != taizhang.Missing {
				received++
			}
		}
	}
	rate := func(a, b int) string {
		return strings.TrimSuffix(fmt.Sprintf("%.1f", math.Round(1000*float64(a)/float64(b))/10), ".0") + "%"
	}
	for _, want := range []string{
		fmt.Sprintf("应报节点任务共%d项，已完成%d项，占%s；推进中%d项（其中临期%d项）；未启动%d项；逾期未完成%d项",
			s.Required, s.Done, rate(s.Done, s.Required), s.InProgress, s.DueSoon, s.NotStarted, s.Overdue),
		fmt.Sprintf("本月应报送进展情况表%d份", expected),
		fmt.Sprintf("实际报送%d份，报送率%s；按时报送%d份，按时报送率%s；迟报%d份，未报%d份", received, rate(received, expected), onTime, rate(onTime, expected), late, missing),
		fmt.Sprintf("已完成节点由%d项增至%d项", prev.LatestSummary().Done, s.Done),
	} {
		if !strings.Contains(flat, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	if len(missingUnits) == 0 || len(lateUnits) == 0 {
		t.Fatal("test month has no missing or late unit")
	}
	problems := flat[strings.Index(flat, "三、存在问题"):strings.Index(flat, "四、下一步工作")]
	for _, u := range missingUnits {
		if !regexp.MustCompile("未报送的单位[^；]*" + u).MatchString(problems) {
			t.Errorf("三、存在问题 does not name %s as not reported", u)
		}
	}
	for _, u := range lateUnits {
		if !regexp.MustCompile("迟报的单位[^。]*" + u).MatchString(problems) {
			t.Errorf("三、存在问题 does not name %s as late", u)
		}
	}
	for _, ms := range cur.Programme.Milestones() {
		for _, u := range cur.Programme.Units {
			if c, _ := cur.Latest(u.Name, ms.ID); c.State == taizhang.StateOverdue &&
				!regexp.MustCompile("节点"+regexp.QuoteMeta(ms.ID)+"“[^。]*仍有[^。]*"+u.Name).MatchString(problems) {
				t.Errorf("三、存在问题 does not name %s as overdue on %s", u.Name, ms.ID)
			}
		}
	}
}

func appendOnce(ss []string, s string) []string {
	for _, t := range ss {
		if t == s {
			return ss
		}
	}
	return append(ss, s)
}

// manyUnits is the built-in programme with n cities reporting every milestone.
func manyUnits(t *testing.T, n int) *taizhang.Programme {
	p := builtin(t)
	p.Units = nil
	var names []string
	for i := range n {
		name := fmt.Sprintf("第%03d旗县区", i+1)
		if i%50 == 7 {
			name = fmt.Sprintf("鄂尔多斯市伊金霍洛旗第%03d苏木乡镇综合行政执法局", i+1) // long names wrap
		}
		names = append(names, name)
		p.Units = append(p.Units, taizhang.Unit{Name: name})
	}
	for i := range p.Measures {
		for j := range p.Measures[i].Milestones {
			p.Measures[i].Milestones[j].Units = names
		}
	}
	p.FixIDs()
	return p
}

func TestManyUnitsPaginate(t *testing.T) {
	p := manyUnits(t, 400)
	sc := func(p *taizhang.Programme, unit string, q taizhang.Period) sheet {
		s := realistic(p, unit, q)
		i := p.UnitIndex(unit)
		s.missing = i%37 == 5
		s.late = i % 3
		return s
	}
	cur, prev := ledgers(p, may2021, sc)
	path, d, _ := writePDF(t, cur, prev, Options{Month: may2021})
	for _, name := range []string{"附表1", "附表2"} {
		var tr *tableTrace
		for i := range d.trace {
			if d.trace[i].name == name {
				tr = &d.trace[i]
			}
		}
		if tr == nil {
			t.Fatalf("no trace of %s", name)
		}
		if len(tr.pages) < 5 {
			t.Errorf("%s on %d pages, want many", name, len(tr.pages))
		}
		next := 0
		for k, pg := range tr.pages {
			if !pg.header || pg.split {
				t.Errorf("%s page %d: header %v split %v", name, pg.page, pg.header, pg.split)
			}
			if pg.first != next || pg.last < pg.first {
				t.Errorf("%s page %d: rows %d..%d, want from %d", name, pg.page, pg.first, pg.last, next)
			}
			if k > 0 && pg.page != tr.pages[k-1].page+1 {
				t.Errorf("%s jumps from page %d to %d", name, tr.pages[k-1].page, pg.page)
			}
			next = pg.last + 1
		}
		if next != 400 {
			t.Errorf("%s drew %d rows, want 400", name, next)
		}
		if _, err := exec.LookPath("pdftotext"); err != nil {
			continue
		}
		// Every page of the table shows the header row and its own rows;
		// pdftotext ends each page with a form feed.
		layoutPages := strings.Split(run(t, "pdftotext", "-layout", "-enc", "UTF-8", path, "-"), "\f")
		plainPages := strings.Split(run(t, "pdftotext", "-enc", "UTF-8", path, "-"), "\f")
		for _, pg := range tr.pages {
			header := `(?m)^\s*序号\s+单位\s+一\s`
			if name == "附表2" {
				header = `(?m)^\s*名次\s+单位\s+应报`
			}
			if !regexp.MustCompile(header).MatchString(layoutPages[pg.page-1]) {
				t.Errorf("%s page %d has no header row", name, pg.page)
			}
			for _, r := range []int{pg.first, pg.last} {
				u := cur.Programme.Units[r].Name
				if name == "附表2" {
					u = "旗县区" // ranked: order differs from the programme's
				}
				if !strings.Contains(squeeze(plainPages[pg.page-1]), u) {
					t.Errorf("%s page %d lacks row %d (%s)", name, pg.page, r, u)
				}
			}
		}
	}
	if len(d.charts) != 2 || len(d.charts[1].pages) < 5 {
		t.Errorf("charts %+v: want the unit chart over several pages", d.charts)
	}
	if _, err := exec.LookPath("qpdf"); err == nil {
		if out := run(t, "qpdf", "--check", path); !strings.Contains(out, "No syntax or stream encoding errors") {
			t.Errorf("qpdf --check:\n%s", out)
		}
	}
	if os.Getenv("REPORT_KEEP") != "" {
		data, _ := os.ReadFile(path)
		os.WriteFile(os.Getenv("REPORT_KEEP"), data, 0o644)
	}
}

func TestFirstMonthHasNoComparison(t *testing.T) {
	p := builtin(t)
	apr := taizhang.Month{Year: 2021, Month: 4}
	cur, prev := ledgers(p, apr, realistic)
	if prev != nil {
		t.Fatal("April has a previous ledger")
	}
	path, _, _ := writePDF(t, cur, nil, Options{Month: apr})
	flat := squeeze(run(t, "pdftotext", "-enc", "UTF-8", path, "-"))
	if strings.Contains(flat, "与上月相比") {
		t.Error("first month compares with a month that has no ledger")
	}
	for _, s := range []string{"关于2021年4月深化工程建设项目", "抓紧推进5月到期节点", "节点一“房屋建筑和城市基础设施工程项目全部纳入储备库管理”完成时限为2021年5月31日，由自治区发展改革委牵头，牵头领导王金豹（自治区发展改革委副主任）"} {
		if !strings.Contains(flat, squeeze(s)) {
			t.Errorf("April report lacks %q", s)
		}
	}
}

// A row taller than a page is split by lines, with the header repeated.
func TestTallRowSplits(t *testing.T) {
	p := builtin(t)
	cur, _ := ledgers(p, may2021, realistic)
	d, err := writeMonthly(&bytes.Buffer{}, cur, nil, Options{Month: may2021, Created: created})
	if err != nil {
		t.Fatal(err)
	}
	d.newPage(portrait)
	before := d.pdf.PageNo()
	d.drawTable(table{name: "tall", size: ptTable, cols: []column{{title: "单位", width: 30}, {title: "说明"}},
		rows: [][]string{{"甲", "短"}, {"乙", strings.Repeat("进展情况说明，", 1500)}, {"丙", "短"}}})
	tr := d.trace[len(d.trace)-1]
	if len(tr.pages) < 3 {
		t.Fatalf("tall row on %d pages", len(tr.pages))
	}
	for k, pg := range tr.pages {
		if !pg.header || pg.page != before+k {
			t.Errorf("page %+v", pg)
		}
		if k > 0 && k < len(tr.pages)-1 && (!pg.split || pg.first != 1) {
			t.Errorf("middle page %+v is not a continuation of row 1", pg)
		}
	}
	if last := tr.pages[len(tr.pages)-1]; last.last != 2 {
		t.Errorf("last page %+v does not end with row 2", last)
	}
}

// No sheet at all: everything is 未报, and the report still says so.
func TestNoSheets(t *testing.T) {
	p := builtin(t)
	ps := may2021.Periods(p.Schedule)
	cur := taizhang.Merge(p, nil, taizhang.MergeOptions{Period: ps[1], From: ps[0]})
	path, _, warn := writePDF(t, cur, nil, Options{Month: may2021})
	if warn != "" {
		t.Errorf("warnings: %s", warn)
	}
	flat := squeeze(run(t, "pdftotext", "-enc", "UTF-8", path, "-"))
	for _, s := range []string{"本月应报送进展情况表32份（16个单位，2期），实际报送0份，报送率0%", "另有98项因未报送或填报不全无法判断进展"} {
		if !strings.Contains(flat, s) {
			t.Errorf("report lacks %q", s)
		}
	}
}

// pdfText writes the report and returns its text without white space.
func pdfText(t *testing.T, cur, prev *taizhang.Ledger, opt Options) string {
	t.Helper()
	tool(t, "pdftotext")
	path, _, _ := writePDF(t, cur, prev, opt)
	return squeeze(run(t, "pdftotext", "-enc", "UTF-8", path, "-"))
}

// The report is dated by its data (or Options.Date), not by the clock that wrote it.
func TestReportDate(t *testing.T) {
	p := builtin(t)
	cur, _ := ledgers(p, may2021, realistic)
	clock := time.Date(2026, 11, 29, 10, 0, 0, 0, taizhang.CST)
	flat := pdfText(t, cur, nil, Options{Month: may2021, Created: clock})
	for _, s := range []string{"推进情况的报告（2021年5月31日）", "自治区专项推进工作专班2021年5月31日"} {
		if !strings.Contains(flat, s) {
			t.Errorf("report lacks %q", s)
		}
	}
	if strings.Contains(flat, "2026年") {
		t.Error("report is dated by the clock")
	}
	flat = pdfText(t, cur, nil, Options{Month: may2021, Created: clock, Date: taizhang.MakeDate(2021, 6, 4)})
	for _, s := range []string{"推进情况的报告（2021年6月4日）", "自治区专项推进工作专班2021年6月4日", "（数据截至2021年5月31日）"} {
		if !strings.Contains(flat, s) {
			t.Errorf("report with Date 2021-06-04 lacks %q", s)
		}
	}
}

// The programme's document is cited as 《title》（文号）; a 文号 is no title and takes no 《》.
func TestReportCitesDocument(t *testing.T) {
	for _, tc := range []struct {
		fullName, document, want string
	}{
		{"关于贯彻落实党中央决策部署 深化工程建设项目审批制度改革专项工作推进方案", "内工改办〔2021〕29号", "按照《关于贯彻落实党中央决策部署深化工程建设项目审批制度改革专项工作推进方案》（内工改办〔2021〕29号）要求，"},
		{"", "内工改办〔2021〕29号", "按照内工改办〔2021〕29号文件要求，"},
		{"", "内工改办[2021]29号", "按照内工改办[2021]29号文件要求，"},
		{"《专项工作推进方案》", "", "按照《专项工作推进方案》要求，"},
		{"", "专项工作推进方案", "按照《专项工作推进方案》要求，"},
		{"", "", "按照专项工作推进方案要求，"},
	} {
		p := builtin(t)
		p.FullName, p.Document = tc.fullName, tc.document
		ps := may2021.Periods(p.Schedule)
		cur := taizhang.Merge(p, nil, taizhang.MergeOptions{Period: ps[1], From: ps[0]})
		flat := pdfText(t, cur, nil, Options{Month: may2021})
		if !strings.Contains(flat, squeeze(tc.want)) {
			said, _, _ := strings.Cut(flat[strings.Index(flat, "按照"):], "，")
			t.Errorf("全称 %q 文号 %q: report says %q, want %q", tc.fullName, tc.document, said, tc.want)
		}
	}
}

// missesLastPeriod is realistic, with 兴安盟 sending nothing for 2021年5月下半月.
func missesLastPeriod(p *taizhang.Programme, unit string, q taizhang.Period) sheet {
	s := realistic(p, unit, q)
	if unit == "兴安盟" && q.Month == time.May && q.Index == 2 {
		s.missing = true
	}
	return s
}

// A unit that missed the month's last period is reported by its latest
// statuses, marked with the period they came from, not as unknown.
func TestReportCarriesStatusForward(t *testing.T) {
	p := builtin(t)
	cur, prev := ledgers(p, may2021, missesLastPeriod)
	path, _, _ := writePDF(t, cur, prev, Options{Month: may2021})
	flat := squeeze(run(t, "pdftotext", "-enc", "UTF-8", path, "-"))
	s := cur.LatestSummary()
	for _, want := range []string{
		// 兴安盟's 三.1 and 四 were 推进中 in 5月上半月: overdue now.
		"节点三.1“全流程、全事项网上办理”完成时限为2021年3月31日（已逾期61天），应报单位14个；已完成12个",
		"兴安盟（据5月上半月报送）",
		fmt.Sprintf("未启动%d项；逾期未完成%d项。", s.NotStarted, s.Overdue),
		"兴安盟未报送5月下半月进展情况表，其节点进展按其5月上半月报送的情况统计",
		"兴安盟（据5月上半月报送）反映，节点三.1：部分旗县区系统对接进度滞后，需自治区层面协调；节点四：",
	} {
		if !strings.Contains(flat, squeeze(want)) {
			t.Errorf("report lacks %q", want)
		}
	}
	problems := flat[strings.Index(flat, "三、存在问题"):strings.Index(flat, "四、下一步工作")]
	for _, id := range []string{"三.1", "四"} {
		if !regexp.MustCompile("节点" + regexp.QuoteMeta(id) + "“[^。]*仍有[^。]*兴安盟（据5月上半月报送）").MatchString(problems) {
			t.Errorf("三、存在问题 does not name 兴安盟 as overdue on %s by its 5月上半月 sheet", id)
		}
	}
	if strings.Contains(problems, "乌兰察布市反映") {
		t.Error("三、存在问题 repeats 乌兰察布市's difficulties of April as this month's")
	}
	measures := flat[strings.Index(flat, "二、各项措施进展"):strings.Index(flat, "三、存在问题")]
	if regexp.MustCompile(`未报或填报不全\d+个（[^）]*兴安盟`).MatchString(measures) {
		t.Error("二、各项措施进展 still lists 兴安盟 as not reported")
	}
	matrix := flat[strings.Index(flat, "附表1"):strings.Index(flat, "附表2")]
	if !strings.Contains(matrix, "4兴安盟*已完成推进中逾期未完成推进中推进中逾期未完成—推进中1/7") ||
		!strings.Contains(matrix, "带“*”的单位最近一期未报送或有节点未填写，按其此前最近一次报送的进展状态列示（兴安盟据5月上半月报送；乌兰察布市据4月下半月报送；自治区政务服务局节点六据4月下半月报送）") {
		t.Errorf("附表1 does not mark 兴安盟's cells by 5月上半月:\n%s", matrix)
	}
	checkOverdueAgrees(t, cur, flat)
}

// checkOverdueAgrees checks that the summary, 二、各项措施进展, 三、存在问题 and
// 附表1 name the same overdue milestones and count the same overdue cells,
// and that these are the ledger's.
func checkOverdueAgrees(t *testing.T, l *taizhang.Ledger, flat string) {
	t.Helper()
	flat = regexp.MustCompile(`—\d+—`).ReplaceAllString(flat, "") // page numbers
	want := l.LatestSummary().Overdue
	var wantIDs []string
	for _, ms := range l.Programme.Milestones() {
		for _, u := range l.Programme.Units {
			if c, _ := l.Latest(u.Name, ms.ID); c.State == taizhang.StateOverdue {
				wantIDs = append(wantIDs, ms.ID)
				break
			}
		}
	}
	section := func(from, to string) string { return flat[strings.Index(flat, from):strings.Index(flat, to)] }
	overall := section("一、总体进展", "二、各项措施进展")
	if m := regexp.MustCompile(`逾期未完成(\d+)项`).FindStringSubmatch(overall); m == nil || m[1] != fmt.Sprint(want) {
		t.Errorf("一、总体进展 counts %v overdue, ledger %d", m, want)
	}
	nodes := "没有已过完成时限仍未完成的节点"
	if len(wantIDs) > 0 {
		nodes = fmt.Sprintf("%d个已过完成时限但仍有单位未完成（节点%s）", len(wantIDs), strings.Join(wantIDs, "、"))
	}
	if !strings.Contains(overall, nodes) {
		t.Errorf("一、总体进展 lacks %q", nodes)
	}
	var ids []string
	for _, m := range regexp.MustCompile(`节点([一二三四五六七八九十.\d]+)“[^”]*”完成时限为\d+年\d+月\d+日（已逾期\d+天）`).FindAllStringSubmatch(section("二、各项措施进展", "三、存在问题"), -1) {
		ids = append(ids, m[1])
	}
	if strings.Join(ids, "、") != strings.Join(wantIDs, "、") {
		t.Errorf("二、各项措施进展 marks %v overdue, want %v", ids, wantIDs)
	}
	ids, n := nil, 0
	for _, m := range regexp.MustCompile(`节点([一二三四五六七八九十.\d]+)“[^”]*”完成时限为[^，]*，截至[^，]*已逾期\d+天，仍有(\d+)个单位未完成`).FindAllStringSubmatch(section("三、存在问题", "四、下一步工作"), -1) {
		ids = append(ids, m[1])
		var k int
		fmt.Sscan(m[2], &k)
		n += k
	}
	if strings.Join(ids, "、") != strings.Join(wantIDs, "、") || n != want {
		t.Errorf("三、存在问题 names %v with %d units overdue, want %v with %d", ids, n, wantIDs, want)
	}
	table := section("附表1", "注：表头为节点编号")
	if k := strings.Count(table, "逾期未完成"); k != want {
		t.Errorf("附表1 shows %d cells 逾期未完成, want %d", k, want)
	}
}

// A report for a month not yet over counts only the periods already due,
// says so, and asks for the sheets still to come.
func TestUnfinishedMonth(t *testing.T) {
	p := builtin(t)
	p.Measures[4].Milestones[0].Deadline = taizhang.MakeDate(2021, 6, 25) // 五, due between the as-of date and the month's end
	june := taizhang.Month{Year: 2021, Month: time.June}
	var all []taizhang.File
	for m := (taizhang.Month{Year: 2021, Month: time.April}); m != june.Next(); m = m.Next() {
		all = append(all, files(p, m, realistic)...) // 6月下半月 included, as when replaying a past month
	}
	ps := june.Periods(p.Schedule)
	cur := taizhang.Merge(p, all, taizhang.MergeOptions{Period: ps[0], From: ps[0], AsOf: taizhang.MakeDate(2021, 6, 20)})
	flat := pdfText(t, cur, nil, Options{Month: june, Created: time.Date(2026, 11, 29, 9, 0, 0, 0, taizhang.CST)})
	for _, want := range []string{
		"推进情况的报告（2021年6月20日）",
		"对16个填报单位2021年6月上半月报送的进展情况表进行了汇总（数据截至2021年6月20日）。现将有关情况报告如下：",
		"本月报告截至2021年6月20日，6月下半月进展情况表尚未到报送时间（应于2021年6月30日前报送），未计入本报告。",
		"本月已到报送时间的进展情况表16份（16个单位，1期），实际报送16份，报送率100%",
		"抓紧推进6月到期节点",
		"节点五“全面建成‘一个窗口’”完成时限为2021年6月25日",
		"请各单位6月下半月进展情况表于2021年6月30日前报送，7月上半月进展情况表于2021年7月15日前报送，7月下半月进展情况表于2021年7月31日前报送。",
	} {
		if !strings.Contains(flat, squeeze(want)) {
			t.Errorf("report lacks %q", want)
		}
	}
	for _, wrong := range []string{"未报送的单位", "6月下半月迟报", "共2期"} {
		if strings.Contains(flat, wrong) {
			t.Errorf("report counts the period not yet due: %q", wrong)
		}
	}
}

// 三、存在问题 says why a unit that sent something is still 未报: a blank
// sheet, an unreadable file, another unit's or period's sheet.
func TestMissingSaysWhy(t *testing.T) {
	p := builtin(t)
	cur, prev := ledgers(p, may2021, missesLastPeriod)
	q := cur.Period
	for i := range cur.Receipts {
		if r := &cur.Receipts[i]; r.Unit == "兴安盟" && r.Period == q {
			r.Blank = []string{"兴安盟.xlsx"}
		}
	}
	path, _, _ := writePDF(t, cur, prev, Options{Month: may2021})
	flat := squeeze(run(t, "pdftotext", "-enc", "UTF-8", path, "-"))
	if want := "兴安盟（1次：5月下半月，报送的表未填写）"; !strings.Contains(flat, want) {
		t.Errorf("report lacks %q", want)
	}
}

// missingWhy gives each reason a unit that sent something is 未报, as
// 三、存在问题 writes it.
func TestMissingWhy(t *testing.T) {
	for _, c := range []struct {
		r    taizhang.Receipt
		want string
	}{
		{taizhang.Receipt{Unit: "兴安盟", Unreadable: []string{"兴安盟.rar"}}, "报送的文件无法读取"},
		{taizhang.Receipt{Unit: "兴安盟", Blank: []string{"兴安盟.xlsx"}}, "报送的表未填写"},
		{taizhang.Receipt{Unit: "兴安盟", Sheetless: []string{"兴安盟.eml"}}, "报来的邮件中没有电子表格"},
		{taizhang.Receipt{Unit: "兴安盟"}, ""},
	} {
		if got := missingWhy(&c.r); got != c.want {
			t.Errorf("%+v: %q, want %q", c.r, got, c.want)
		}
	}
}
