package xlsx

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"taizhang"
)

// rewritePart returns the package data with the part name passed through edit.
func rewritePart(t *testing.T, data []byte, name string, edit func(string) string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		if f.Name == name {
			b = []byte(edit(string(b)))
		}
		w, err := zw.Create(f.Name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(b)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestAnnotateKeepsColorsValid annotates a workbook whose styles give colours
// as openpyxl writes them, with an alpha of 00 (00000000 for black): the copy
// gives every colour as eight hex digits, and openpyxl opens it.
func TestAnnotateKeepsColorsValid(t *testing.T) {
	rows := [][]any{
		{"填报单位：包头市", nil, "报送期次：2021年4月上半月"},
		{"措施编号", "进展状态", "进展情况"},
		{"（一）", "基本完成", "已梳理项目86个"},
	}
	data := workbook(t, map[string][][]any{"Sheet1": rows}, []string{"Sheet1"}, func(f *excelize.File) {
		id, err := f.NewStyle(&excelize.Style{
			Font:   &excelize.Font{Family: "宋体", Size: 11, Color: "000000"},
			Border: []excelize.Border{{Type: "left", Color: "808080", Style: 1}},
			Fill:   excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E1F2"}},
		})
		if err != nil {
			t.Fatal(err)
		}
		f.SetCellStyle("Sheet1", "A3", "C3", id)
	})
	// As openpyxl writes them.
	data = rewritePart(t, data, "xl/styles.xml", func(s string) string {
		return strings.NewReplacer(`rgb="FF000000"`, `rgb="00000000"`, `rgb="FF808080"`, `rgb="00808080"`, `rgb="FFD9E1F2"`, `rgb="00D9E1F2"`).Replace(s)
	})
	fs := taizhang.Findings{
		taizhang.NewFinding(taizhang.InvalidValue, taizhang.Place{File: "包头市.xlsx", Sheet: "Sheet1", Cell: "B3"}, `进展状态"基本完成"无法识别`),
		taizhang.NewFinding(taizhang.UnknownEntry, taizhang.Place{File: "包头市.xlsx", Sheet: "Sheet1", Cell: "A3"}, "第3行对应不到方案中的任何节点"),
	}
	var out bytes.Buffer
	if err := Annotate(&out, data, "", "Sheet1", fs); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(out.Bytes()), int64(out.Len()))
	if err != nil {
		t.Fatal(err)
	}
	var styles string
	for _, f := range zr.File {
		if f.Name == "xl/styles.xml" {
			rc, _ := f.Open()
			b, _ := io.ReadAll(rc)
			rc.Close()
			styles = string(b)
		}
	}
	colors := regexp.MustCompile(`rgb="([^"]*)"`).FindAllStringSubmatch(styles, -1)
	if len(colors) == 0 {
		t.Fatalf("no colours in the copy's styles:\n%s", styles)
	}
	valid := regexp.MustCompile(`^[0-9A-Fa-f]{8}$`)
	for _, c := range colors {
		if !valid.MatchString(c[1]) {
			t.Errorf("the copy has the colour %q, not AARRGGBB", c[1])
		}
	}
	for _, want := range []string{`rgb="FF000000"`, `rgb="FF808080"`, `rgb="FF` + colorRed + `"`, `rgb="FF` + colorYellow + `"`} {
		if !strings.Contains(styles, want) {
			t.Errorf("the copy's styles lack %s", want)
		}
	}

	py := tool(t, "python3")
	if _, err := os.Stat("/usr/bin/python3"); err == nil {
		py = "/usr/bin/python3"
	}
	path := filepath.Join(t.TempDir(), "包头市_校验批注.xlsx")
	if err := os.WriteFile(path, out.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := exec.Command(py, "-c", "import sys, openpyxl; openpyxl.load_workbook(sys.argv[1]); print('ok')", path).CombinedOutput()
	if err != nil {
		if strings.Contains(string(got), "No module named 'openpyxl'") && os.Getenv("TAIZHANG_REQUIRE_TOOLS") == "" {
			t.Skip("openpyxl not installed")
		}
		t.Fatalf("openpyxl cannot open the annotated copy: %v\n%s", err, got)
	}
}
