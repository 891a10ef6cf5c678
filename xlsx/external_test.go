package xlsx

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"taizhang"
)

// tool returns the path of an external program the test needs. Without it
// the test is skipped, unless TAIZHANG_REQUIRE_TOOLS is set (CI sets it).
func tool(t *testing.T, name string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("TAIZHANG_REQUIRE_TOOLS") != "" {
			t.Fatalf("%s is required (TAIZHANG_REQUIRE_TOOLS is set) but not on PATH", name)
		}
		t.Skipf("%s not on PATH", name)
	}
	return path
}

// toCSV converts every sheet of the workbook at path with LibreOffice and
// returns the CSV text of each sheet by name.
func toCSV(t *testing.T, path string) map[string]string {
	t.Helper()
	soffice := tool(t, "soffice")
	dir := t.TempDir()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, soffice, "-env:UserInstallation=file://"+filepath.Join(dir, "profile"), "--headless", "--norestore",
		"--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", "--outdir", dir, path)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	stem := strings.TrimSuffix(filepath.Base(path), ".xlsx")
	sheets := map[string]string{}
	matches, _ := filepath.Glob(filepath.Join(dir, stem+"-*.csv"))
	for _, m := range matches {
		data, err := os.ReadFile(m)
		if err != nil {
			t.Fatal(err)
		}
		name := strings.TrimSuffix(strings.TrimPrefix(filepath.Base(m), stem+"-"), ".csv")
		sheets[name] = string(data)
	}
	if len(sheets) == 0 {
		t.Fatalf("soffice wrote no CSV for %s", path)
	}
	return sheets
}

func TestTemplateOpensInLibreOffice(t *testing.T) {
	p := builtin(t)
	path := filepath.Join(t.TempDir(), "包头市.xlsx")
	var buf bytes.Buffer
	if err := WriteTemplate(&buf, p, "包头市", period(t, "2021-04-1"), written); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	csv := toCSV(t, path)
	sheet := csv[SheetProgress]
	for _, want := range []string{
		"填报单位,,包头市,,报送期次,2021年4月上半月,,填报日期,,报送截止,2021-04-15",
		"序号,措施编号,整改措施,节点,完成时限,牵头单位,进展状态,完成时间,进展情况,佐证材料,存在问题,下一步计划",
		"5,（三）,进一步优化工程审批管理系统,三.3 相关系统深度融合及“一网通办”,2021-12-31,自治区住房城乡建设厅,,,,,,",
	} {
		if !strings.Contains(sheet, want) {
			t.Errorf("LibreOffice's CSV lacks %q:\n%s", want, sheet)
		}
	}
	if !strings.Contains(csv[SheetHelp], "进展状态") {
		t.Errorf("填报说明 sheet: %q", csv[SheetHelp])
	}
}

func TestLedgerOpensInLibreOfficeAndOpenpyxl(t *testing.T) {
	p := builtin(t)
	q := period(t, "2021-04-1")
	var files []taizhang.File
	for _, u := range []string{"包头市", "自治区政务服务局"} {
		data := filled(t, p, u, q, "2021-04-14", nil)
		src := taizhang.Source{Path: u + ".xlsx", Name: u + ".xlsx"}
		s, fs := ReadSubmission(src, data, ReadOptions{Programme: p})
		files = append(files, taizhang.File{Source: src, Submission: s, Findings: fs})
	}
	files[0].Submission.Entries[0].Progress = "=SUM(1,2)"
	files[0].Submission.Entries[1].Progress = "+86 0471"
	l := taizhang.Merge(p, files, taizhang.MergeOptions{})
	path := filepath.Join(t.TempDir(), "汇总台账.xlsx")
	var buf bytes.Buffer
	if err := WriteLedger(&buf, l, written); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	csv := toCSV(t, path)
	for _, sh := range []string{SheetOverview, SheetReceipts, SheetLedger, SheetFindings, SheetMeasures} {
		if csv[sh] == "" {
			t.Errorf("LibreOffice shows no sheet %s", sh)
		}
	}
	lines := strings.Split(strings.TrimSpace(csv[SheetLedger]), "\n")
	if lines[0] != strings.Join(ledgerHeaders, ",") {
		t.Errorf("汇总台账 header in LibreOffice: %s", lines[0])
	}
	if len(lines) != 1+len(l.Rows) {
		t.Errorf("汇总台账 has %d lines in LibreOffice, want %d", len(lines), 1+len(l.Rows))
	}
	if !strings.Contains(lines[1], ",=SUM(1,2),") && !strings.Contains(lines[1], `,"=SUM(1,2)",`) {
		t.Errorf("formula-like text not kept as text: %s", lines[1])
	}
	if !strings.Contains(lines[2], "+86 0471") {
		t.Errorf("+86 text: %s", lines[2])
	}

	py := tool(t, "python3")
	if _, err := os.Stat("/usr/bin/python3"); err == nil {
		py = "/usr/bin/python3"
	}
	script := `
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1], read_only=True)
print("|".join(wb.sheetnames))
for name in wb.sheetnames:
    ws = wb[name]
    rows = list(ws.iter_rows(values_only=True))
    print(name, ws.max_row, len(rows), "|".join(str(v) for v in rows[0] if v is not None) if rows else "")
`
	out, err := exec.Command(py, "-c", script, path).CombinedOutput()
	if err != nil {
		if strings.Contains(string(out), "No module named 'openpyxl'") && os.Getenv("TAIZHANG_REQUIRE_TOOLS") == "" {
			t.Skip("openpyxl not installed")
		}
		t.Fatalf("openpyxl: %v\n%s", err, out)
	}
	got := strings.Split(strings.TrimSpace(string(out)), "\n")
	if got[0] != "总览|报送情况|汇总台账|问题清单|措施清单" {
		t.Errorf("openpyxl sheets: %s", got[0])
	}
	n := len(l.Rows) + 1
	want := fmt.Sprintf("汇总台账 %d %d %s", n, n, strings.Join(ledgerHeaders, "|"))
	found := false
	for _, line := range got {
		if line == want {
			found = true
		}
	}
	if !found {
		t.Errorf("openpyxl read-only sees\n%s\nwant line %q", out, want)
	}
}
