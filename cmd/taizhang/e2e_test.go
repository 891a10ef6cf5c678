package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"taizhang"
	"taizhang/templates"
	"taizhang/xlsx"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata")

// testNow is the clock of the end-to-end tests.
var testNow = time.Date(2021, 6, 1, 9, 30, 0, 0, taizhang.CST)

// samplesDir holds the bundled samples, relative to this package.
const samplesDir = "../../samples"

// knownWrong lists the samples whose validate output is currently wrong
// (see samples/README.md): they have no golden file, and the test says so
// once the output no longer shows the problem.
var knownWrong = map[string]struct {
	why        string
	stillWrong func(stdout string) bool
}{}

type result struct {
	code           int
	stdout, stderr string
}

// taizhangRun runs the program with a fixed clock and no terminal.
func taizhangRun(args ...string) result {
	var out, errOut bytes.Buffer
	e := &env{
		stdin: strings.NewReader(""), stdout: &out, stderr: &errOut,
		now:        func() time.Time { return testNow },
		getenv:     func(string) string { return "" },
		isTerminal: func(io.Writer) bool { return false },
	}
	code := e.run(args)
	return result{code, out.String(), errOut.String()}
}

func (r result) String() string {
	return fmt.Sprintf("exit %d\n-- stdout --\n%s-- stderr --\n%s", r.code, r.stdout, r.stderr)
}

// printed fails t for each of wants that the run's standard output lacks.
func (r result) printed(t *testing.T, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(r.stdout, w) {
			t.Errorf("printed no\n%s\nin\n%v", w, r)
		}
	}
}

// checkGolden compares got with the golden file at path, or rewrites it with -update.
func checkGolden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("no golden file (go test ./cmd/taizhang -update writes it): %v", err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s\n%s", path, lineDiff(string(want), got))
	}
}

// lineDiff shows the lines of want and got that differ.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	for i := 0; i < max(len(w), len(g)); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			fmt.Fprintf(&b, "line %d\n  want: %s\n  got:  %s\n", i+1, wl, gl)
		}
	}
	return b.String()
}

// sampleSheets returns the sample sheets, as paths relative to samplesDir.
func sampleSheets(t *testing.T) []string {
	t.Helper()
	var out []string
	for _, month := range []string{"2021-04", "2021-05"} {
		err := filepath.WalkDir(filepath.Join(samplesDir, month), func(path string, d os.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !d.IsDir() && strings.HasSuffix(path, ".xlsx") {
				rel, err := filepath.Rel(samplesDir, path)
				if err != nil {
					return err
				}
				out = append(out, filepath.ToSlash(rel))
			}
			return nil
		})
		if err != nil {
			t.Fatalf("samples: %v (go run ./samples/gen writes them)", err)
		}
	}
	slices.Sort(out)
	if len(out) < 60 {
		t.Fatalf("found %d sample sheets, want 65 (go run ./samples/gen writes them)", len(out))
	}
	return out
}

func abs(t *testing.T, path string) string {
	t.Helper()
	a, err := filepath.Abs(path)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// TestValidateSamples checks, for every sample sheet, what validate prints
// when run in the sheet's folder as a submitter would run it.
func TestValidateSamples(t *testing.T) {
	samples := abs(t, samplesDir)
	golden := abs(t, "testdata/validate")
	for _, rel := range sampleSheets(t) {
		t.Run(rel, func(t *testing.T) {
			t.Chdir(filepath.Join(samples, filepath.Dir(rel)))
			r := taizhangRun("validate", filepath.Base(rel))
			if k, ok := knownWrong[rel]; ok {
				if k.stillWrong(r.stdout) {
					t.Skipf("known wrong output, no golden: %s", k.why)
				}
				t.Fatalf("fixed? %s no longer shows: %s; remove it from knownWrong and run go test ./cmd/taizhang -update\n%v", rel, k.why, r)
			}
			checkGolden(t, filepath.Join(golden, rel+".golden"), r.String())
		})
	}
}

// TestValidateGoldensHaveSamples catches golden files left behind by a renamed sample.
func TestValidateGoldensHaveSamples(t *testing.T) {
	if *update {
		t.Skip("-update")
	}
	samples := sampleSheets(t)
	root := "testdata/validate"
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		rel = strings.TrimSuffix(filepath.ToSlash(rel), ".golden")
		if !slices.Contains(samples, rel) {
			t.Errorf("golden %s has no sample %s", path, rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

const badDateSample = "2021-04/上半月/包头市_2021年4月上半月_进展情况表.xlsx"

func TestValidateJSON(t *testing.T) {
	golden := abs(t, "testdata/validate-json/包头市_2021年4月上半月_进展情况表.json")
	t.Chdir(filepath.Join(samplesDir, filepath.Dir(badDateSample)))
	r := taizhangRun("validate", "--json", filepath.Base(badDateSample))
	if r.code != exitFindings || r.stderr != "" {
		t.Errorf("validate --json: exit %d, stderr %q; want exit 1 and no stderr", r.code, r.stderr)
	}
	var doc struct {
		Files []struct {
			File, Unit, Period string
			Entries            int
			Findings           []map[string]string
		}
	}
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
		t.Fatalf("validate --json printed no JSON: %v\n%s", err, r.stdout)
	}
	checkGolden(t, golden, r.stdout)
}

// copySample copies a sample sheet into dir and returns its bytes.
func copySample(t *testing.T, rel, dir string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(samplesDir, rel))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, filepath.Base(rel)), data, 0o644); err != nil {
		t.Fatal(err)
	}
	return data
}

// copyFiles copies the files of folder from into folder to, but those whose
// names skip reports.
func copyFiles(t *testing.T, from, to string, skip func(name string) bool) {
	t.Helper()
	entries, err := os.ReadDir(from)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if skip(e.Name()) {
			continue
		}
		data, err := os.ReadFile(filepath.Join(from, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(to, e.Name()), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestValidateAnnotate(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Base(badDateSample)
	orig := copySample(t, badDateSample, dir)
	t.Chdir(dir)
	r := taizhangRun("validate", "--annotate", "批注", name)
	if r.code != exitFindings {
		t.Fatalf("validate --annotate: %v", r)
	}
	if got, _ := os.ReadFile(name); !bytes.Equal(got, orig) {
		t.Errorf("validate --annotate changed the original %s", name)
	}
	annotated := filepath.Join("批注", "包头市_2021年4月上半月_进展情况表_校验批注.xlsx")
	f, err := excelize.OpenFile(annotated)
	if err != nil {
		t.Fatalf("annotated copy: %v", err)
	}
	defer f.Close()
	sh := xlsx.SheetProgress
	fillOf := func(ref string) string {
		id, err := f.GetCellStyle(sh, ref)
		if err != nil {
			t.Fatal(err)
		}
		st, err := f.GetStyle(id)
		if err != nil || st == nil || len(st.Fill.Color) == 0 {
			return ""
		}
		return strings.ToUpper(st.Fill.Color[0])
	}
	if got := fillOf("H7"); got != "FFC7CE" {
		t.Errorf("annotated H7 (错误) is filled %q, want red FFC7CE", got)
	}
	if got := fillOf("G10"); got != "" {
		t.Errorf("annotated G10 (提示 only) is filled %q, want no fill", got)
	}
	comments, err := f.GetComments(sh)
	if err != nil {
		t.Fatal(err)
	}
	text := map[string]string{}
	for _, c := range comments {
		var b strings.Builder
		b.WriteString(c.Text)
		for _, p := range c.Paragraph {
			b.WriteString(p.Text)
		}
		text[c.Cell] = b.String()
	}
	if !strings.Contains(text["H7"], `完成时间"2021-13-01"不是有效日期，请填写如 2021-05-31`) {
		t.Errorf("comment on H7 = %q, want the message about 2021-13-01", text["H7"])
	}
	if !strings.Contains(text["G10"], "临期") {
		t.Errorf("comment on G10 = %q, want the 临期 note", text["G10"])
	}
	// The copy still reads as the same sheet with the same findings.
	r2 := taizhangRun("validate", annotated)
	if !strings.Contains(r2.stdout, "进展情况!H7 错误 填写有误：完成时间\"2021-13-01\"不是有效日期") {
		t.Errorf("validate of the annotated copy:\n%s", r2.stdout)
	}
}

// TestValidateAnnotateBesideOriginal writes the copy into the original's own
// folder: the original must not be overwritten.
func TestValidateAnnotateBesideOriginal(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Base(badDateSample)
	orig := copySample(t, badDateSample, dir)
	t.Chdir(dir)
	r := taizhangRun("validate", "--annotate", ".", name)
	if r.code != exitFindings {
		t.Fatalf("validate --annotate .: %v", r)
	}
	if got, _ := os.ReadFile(name); !bytes.Equal(got, orig) {
		t.Errorf("validate --annotate . overwrote the original %s", name)
	}
	entries, _ := os.ReadDir(".")
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if want := []string{name, "包头市_2021年4月上半月_进展情况表_校验批注.xlsx"}; !slices.Equal(names, want) {
		t.Errorf("folder holds %v, want %v", names, want)
	}
}

func TestValidateCommandErrors(t *testing.T) {
	t.Chdir(t.TempDir())
	for _, tc := range []struct {
		args   []string
		stderr string
	}{
		{[]string{"validate", "没有这个文件.xlsx"}, "taizhang validate: 路径 没有这个文件.xlsx 不存在\n"},
		{[]string{"validate", "--bogus", "a.xlsx"}, "taizhang validate: 不认识的参数 --bogus（taizhang validate -h 查看用法）\n"},
		{[]string{"validate", "--as-of", "2021-13-01", "a.xlsx"}, "taizhang validate: --as-of：日期\"2021-13-01\"不是有效日期，请写成如 2021-05-31\n"},
		{[]string{"validate"}, "taizhang validate: 请给出要检查的文件，如 taizhang validate 包头市_2021年4月上半月_进展情况表.xlsx\n"},
	} {
		r := taizhangRun(tc.args...)
		if r.code != exitFailed || r.stdout != "" || r.stderr != tc.stderr {
			t.Errorf("taizhang %s:\n%v\nwant exit 2 and stderr %q", strings.Join(tc.args, " "), r, tc.stderr)
		}
	}
}

func TestValidateHelp(t *testing.T) {
	for _, args := range [][]string{{"validate", "-h"}, {"validate", "--help"}, {"help", "validate"}} {
		r := taizhangRun(args...)
		if r.code != exitOK || r.stderr != "" || !strings.HasPrefix(r.stdout, "用法：taizhang validate 文件…") {
			t.Errorf("taizhang %s:\n%v", strings.Join(args, " "), r)
		}
		checkGolden(t, "testdata/validate-help.golden", r.stdout)
	}
	r := taizhangRun("-h")
	if r.code != exitOK || !strings.Contains(r.stdout, "validate") || !strings.HasPrefix(r.stdout, "taizhang（台账）") {
		t.Errorf("taizhang -h:\n%v", r)
	}
}

// requireTool skips the test when an outside tool is missing, unless
// TAIZHANG_REQUIRE_TOOLS=1 (as in CI) makes that a failure.
func requireTool(t *testing.T, ok bool, what string) {
	t.Helper()
	if ok {
		return
	}
	if os.Getenv("TAIZHANG_REQUIRE_TOOLS") == "1" {
		t.Fatalf("%s is missing (TAIZHANG_REQUIRE_TOOLS=1)", what)
	}
	t.Skipf("%s is missing", what)
}

const python = "/usr/bin/python3"

// fillScript fills a template as a person does in Excel: 填报日期 and
// 完成时间 as real dates, a status on every row, the text columns.
const fillScript = `
import sys, datetime, openpyxl
src, dst = sys.argv[1], sys.argv[2]
wb = openpyxl.load_workbook(src)
ws = wb["进展情况"]
ws["I2"] = datetime.datetime(2021, 4, 14)
ws["C3"] = "郝建军"
ws["F3"] = "0472-5153260"
row = 5
while ws.cell(row=row, column=4).value:
    node = str(ws.cell(row=row, column=4).value)
    if node.startswith("三.1"):
        ws.cell(row=row, column=7, value="已完成")
        ws.cell(row=row, column=8, value=datetime.datetime(2021, 3, 29))
        ws.cell(row=row, column=9, value="审批、核准、备案及市政公用服务等事项已全部纳入工程审批系统，实现全流程网上办理。")
        ws.cell(row=row, column=11, value="无")
    else:
        ws.cell(row=row, column=7, value="推进中")
        ws.cell(row=row, column=9, value="按方案要求有序推进，本期完成相关事项梳理。")
        ws.cell(row=row, column=11, value="部分部门配合不够及时。")
    ws.cell(row=row, column=10, value="工作方案；会议纪要")
    ws.cell(row=row, column=12, value="按时限要求完成。")
    row += 1
wb.save(dst)
`

// builtinApril returns the built-in programme and its first period, 2021年4月上半月.
func builtinApril(t *testing.T) (*taizhang.Programme, taizhang.Period) {
	t.Helper()
	p, err := taizhang.ParseProgrammeText(templates.Programme)
	if err != nil {
		t.Fatal(err)
	}
	q, err := taizhang.ParsePeriod("2021-04-1", p.Schedule, 2021)
	if err != nil {
		t.Fatal(err)
	}
	return p, q
}

// writeFilledTemplate writes 包头市's blank template for 2021年4月上半月
// and fills it with openpyxl; it returns the filled file.
func writeFilledTemplate(t *testing.T, dir string) string {
	t.Helper()
	err := exec.Command(python, "-c", "import openpyxl").Run()
	requireTool(t, err == nil, "python3-openpyxl ("+python+")")
	p, q := builtinApril(t)
	blank := filepath.Join(dir, "空白模板.xlsx")
	var buf bytes.Buffer
	if err := xlsx.WriteTemplate(&buf, p, "包头市", q, testNow); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(blank, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	script := filepath.Join(dir, "fill.py")
	if err := os.WriteFile(script, []byte(fillScript), 0o644); err != nil {
		t.Fatal(err)
	}
	filled := filepath.Join(dir, xlsx.TemplateName("包头市", q))
	if out, err := exec.Command(python, script, blank, filled).CombinedOutput(); err != nil {
		t.Fatalf("openpyxl: %v\n%s", err, out)
	}
	return filled
}

// expectClean validates path and wants exit 0, no 错误, and the sheet read
// as 包头市's 2021年4月上半月 with all 7 rows.
func expectClean(t *testing.T, path string) {
	t.Helper()
	r := taizhangRun("validate", path)
	if r.code != exitOK || strings.Contains(r.stdout, " 错误 ") || r.stderr != "" {
		t.Errorf("validate %s:\n%v", filepath.Base(path), r)
	}
	r = taizhangRun("validate", "--json", path)
	var doc struct {
		Files []struct {
			Unit, Period string
			Entries      int
			Findings     []struct{ Severity, Message string }
		}
	}
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil || len(doc.Files) != 1 {
		t.Fatalf("validate --json %s: %v\n%s", filepath.Base(path), err, r.stdout)
	}
	f := doc.Files[0]
	if f.Unit != "包头市" || f.Period != "2021年4月上半月" || f.Entries != 7 {
		t.Errorf("read as %s %s with %d entries, want 包头市 2021年4月上半月 with 7", f.Unit, f.Period, f.Entries)
	}
	for _, x := range f.Findings {
		if x.Severity == "error" || x.Severity == "warning" {
			t.Errorf("%s: %s", x.Severity, x.Message)
		}
	}
}

func TestTemplateFilledWithOpenpyxl(t *testing.T) {
	dir := t.TempDir()
	expectClean(t, writeFilledTemplate(t, dir))
}

func TestTemplateFilledWithOpenpyxlSavedByLibreOffice(t *testing.T) {
	dir := t.TempDir()
	filled := writeFilledTemplate(t, dir)
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		soffice, err = exec.LookPath("libreoffice")
	}
	requireTool(t, err == nil, "LibreOffice (soffice)")
	out := filepath.Join(dir, "libreoffice")
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	// A profile of its own, so that a LibreOffice already running does not take the job.
	profile := "-env:UserInstallation=file://" + filepath.ToSlash(filepath.Join(dir, "profile"))
	cmd := exec.CommandContext(ctx, soffice, profile, "--headless", "--convert-to", "xlsx", "--outdir", out, filled)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, msg)
	}
	resaved := filepath.Join(out, filepath.Base(filled))
	if _, err := os.Stat(resaved); err != nil {
		t.Fatalf("soffice wrote nothing: %v", err)
	}
	expectClean(t, resaved)
}

// TestSamplesProgrammeWorkbook checks that samples/方案工作簿.xlsx is the
// built-in programme plus contacts, and that validating with it changes nothing.
func TestSamplesProgrammeWorkbook(t *testing.T) {
	path := filepath.Join(samplesDir, "方案工作簿.xlsx")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	got, fs := xlsx.ReadProgramme(path, data)
	if len(fs) > 0 {
		t.Fatalf("findings in %s: %v", path, fs)
	}
	want, err := taizhang.ParseProgrammeText(templates.Programme)
	if err != nil {
		t.Fatal(err)
	}
	for i := range got.Units {
		u := &got.Units[i]
		if u.Contact == "" || u.Phone == "" || len(u.Emails) != 1 || !strings.HasSuffix(u.Emails[0], "@example.cn") {
			t.Errorf("%s: contact %q, phone %q, e-mail %q; want all three, at example.cn", u.Name, u.Contact, u.Phone, u.Emails)
		}
		u.Contact, u.Phone, u.Emails = "", "", nil
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s differs from the built-in programme beyond the contacts", path)
	}
	prog := abs(t, path)
	t.Chdir(filepath.Join(samplesDir, filepath.Dir(badDateSample)))
	name := filepath.Base(badDateSample)
	if a, b := taizhangRun("validate", name), taizhangRun("validate", "--programme", prog, name); a != b {
		t.Errorf("validate with --programme %s:\n%v\nwithout:\n%v", path, b, a)
	}
}

// TestMergeSamples checks merge's summary for each period of the samples,
// as samples/README.md describes it, and the findings it lists. 2021年4月下半月
// has no golden while the merged footer of 乌兰察布市 is read as an entry
// (see knownWrong).
func TestMergeSamples(t *testing.T) {
	samples := abs(t, samplesDir)
	golden := abs(t, "testdata/merge")
	prog := filepath.Join(samples, "方案工作簿.xlsx")
	for _, tc := range []struct {
		name     string
		inputs   []string
		golden   bool
		stdout   []string    // lines the summary must hold
		findings [][2]string // code and unit of rows 问题清单 must hold
	}{
		{"2021年4月上半月", []string{"2021-04/上半月"}, true, nil, [][2]string{
			{"invalid-value", "包头市"}, {"invalid-value", "兴安盟"}, {"overdue", "阿拉善盟"}, {"duplicate-submission", "乌海市"},
		}},
		{"2021年4月下半月", []string{"2021-04"}, true, []string{
			"应报 16 个单位：已报 16 个（按时 15，迟报 1，时间不明 0），未报 0 个", "迟报：巴彦淖尔市（6天）",
		}, [][2]string{{"missing-entry", "呼伦贝尔市"}, {"late-submission", "巴彦淖尔市"}}},
		{"2021年5月上半月", []string{"2021-04", "2021-05/上半月"}, true, nil, [][2]string{
			{"missing-submission", "阿拉善盟"}, {"inconsistent", "包头市"}, {"duplicate-submission", "自治区自然资源厅"},
			{"unknown-entry", "通辽市"}, {"inconsistent", "赤峰市"}, {"overdue", "巴彦淖尔市"},
		}},
		{"2021年5月下半月", []string{"2021-04", "2021-05"}, true, nil, [][2]string{
			{"unknown-received-time", "自治区政务服务局"}, {"completed-late", "包头市"},
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Chdir(t.TempDir())
			args := []string{"merge", "--remind", "--programme", prog, "-o", "汇总台账.xlsx"}
			for _, in := range tc.inputs {
				args = append(args, filepath.Join(samples, in))
			}
			r := taizhangRun(args...)
			if r.code != exitOK || !strings.HasPrefix(r.stdout, "汇总期次："+tc.name) {
				t.Fatalf("merge:\n%v", r)
			}
			for _, line := range tc.stdout {
				r.printed(t, line+"\n")
			}
			if tc.golden {
				checkGolden(t, filepath.Join(golden, tc.name+".golden"), r.String())
			}
			f, err := excelize.OpenFile("汇总台账.xlsx")
			if err != nil {
				t.Fatalf("ledger: %v", err)
			}
			defer f.Close()
			checkGolden(t, filepath.Join(golden, tc.name+".ledger.golden"), strings.ReplaceAll(dumpWorkbook(t, f), samples+string(filepath.Separator), "samples/"))
			rows, err := f.GetRows(xlsx.SheetFindings)
			if err != nil {
				t.Fatal(err)
			}
			for _, want := range tc.findings {
				if !slices.ContainsFunc(rows, func(row []string) bool {
					return len(row) > 3 && row[1] == want[0] && row[3] == want[1]
				}) {
					t.Errorf("%s has no %s of %s", xlsx.SheetFindings, want[0], want[1])
				}
			}
		})
	}
}

// dumpWorkbook returns a text dump of a ledger: one line per non-empty cell,
// "Sheet!A1<TAB>value<TAB>fill colour", for every sheet but 措施清单 (the
// programme as used, the same in every run).
func dumpWorkbook(t *testing.T, f *excelize.File) string {
	t.Helper()
	var b strings.Builder
	for _, sh := range f.GetSheetList() {
		if sh == xlsx.SheetMeasures {
			continue
		}
		rows, err := f.GetRows(sh)
		if err != nil {
			t.Fatal(err)
		}
		for r, row := range rows {
			for c, v := range row {
				if v == "" {
					continue
				}
				ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
				fill := ""
				if id, err := f.GetCellStyle(sh, ref); err == nil {
					if st, err := f.GetStyle(id); err == nil && st != nil && len(st.Fill.Color) > 0 {
						fill = st.Fill.Color[0]
					}
				}
				fmt.Fprintf(&b, "%s!%s\t%s\t%s\n", sh, ref, strings.ReplaceAll(v, "\n", "\\n"), fill)
			}
		}
	}
	return b.String()
}
