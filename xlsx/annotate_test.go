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
	return rewriteAll(t, data, func(n, s string) string {
		if n == name {
			return edit(s)
		}
		return s
	}, nil)
}

// TestAnnotateKeepsColorsValid annotates a workbook whose styles give colours
// as openpyxl writes them, with an alpha of 00 (00000000 for black): the copy
// keeps those colours as they were, every colour is eight hex digits, and
// openpyxl opens it.
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
	styles := part(t, out.Bytes(), "xl/styles.xml")
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
	for _, want := range []string{`rgb="00000000"`, `rgb="00808080"`, `rgb="FF` + colorRed + `"`, `rgb="FF` + colorYellow + `"`} {
		if !strings.Contains(styles, want) {
			t.Errorf("the copy's styles lack %s", want)
		}
	}

	path := filepath.Join(t.TempDir(), "包头市_校验批注.xlsx")
	if err := os.WriteFile(path, out.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	openpyxlOpens(t, path)
}

// openpyxlOpens fails the test unless openpyxl loads the workbook at path.
// Without openpyxl the test is skipped, unless TAIZHANG_REQUIRE_TOOLS is set.
func openpyxlOpens(t *testing.T, path string) {
	t.Helper()
	py := tool(t, "python3")
	if _, err := os.Stat("/usr/bin/python3"); err == nil {
		py = "/usr/bin/python3"
	}
	got, err := exec.Command(py, "-c", "import sys, openpyxl; openpyxl.load_workbook(sys.argv[1]); print('ok')", path).CombinedOutput()
	if err != nil {
		if strings.Contains(string(got), "No module named 'openpyxl'") && os.Getenv("TAIZHANG_REQUIRE_TOOLS") == "" {
			t.Skip("openpyxl not installed")
		}
		t.Fatalf("openpyxl cannot open %s: %v\n%s", filepath.Base(path), err, got)
	}
}

// part returns the text of the named part of the package data.
func part(t *testing.T, data []byte, name string) string {
	t.Helper()
	for _, zp := range zipParts(t, data) {
		if zp.name == name {
			return string(zp.data)
		}
	}
	t.Fatalf("no part %s", name)
	return ""
}

// foreignStyles is a styles part as Excel and openpyxl write it, with
// colours given by theme, by index, as automatic and as ARGB, and lines
// without a colour. Its cell formats 1 to 3 are those of B2, B3 and B4.
const foreignStyles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<fonts count="4">
<font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>
<font><b/><sz val="12"/><color indexed="8"/><name val="宋体"/><charset val="134"/></font>
<font><sz val="11"/><color auto="1"/><name val="仿宋_GB2312"/></font>
<font><i/><sz val="10"/><color theme="4" tint="-0.249977111117893"/><name val="Arial"/></font>
</fonts>
<fills count="4">
<fill><patternFill patternType="none"/></fill>
<fill><patternFill patternType="gray125"/></fill>
<fill><patternFill patternType="solid"><fgColor theme="4" tint="0.7999816888943144"/><bgColor indexed="64"/></patternFill></fill>
<fill><patternFill patternType="solid"><fgColor rgb="FFFFFF00"/><bgColor indexed="64"/></patternFill></fill>
</fills>
<borders count="3">
<border><left/><right/><top/><bottom/><diagonal/></border>
<border><left style="thin"><color indexed="64"/></left><right style="thin"><color indexed="64"/></right><top style="thin"><color indexed="64"/></top><bottom style="thin"><color indexed="64"/></bottom><diagonal/></border>
<border><left style="thin"><color theme="1"/></left><right style="medium"><color auto="1"/></right><top style="thin"/><bottom style="thin"/><diagonal/></border>
</borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="4">
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
<xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>
<xf numFmtId="0" fontId="2" fillId="3" borderId="2" xfId="0" applyFont="1" applyFill="1" applyBorder="1"/>
<xf numFmtId="14" fontId="3" fillId="0" borderId="2" xfId="0" applyNumberFormat="1" applyFont="1" applyBorder="1"/>
</cellXfs>
<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles>
<dxfs count="0"/>
<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>
</styleSheet>`

// TestAnnotateKeepsForeignStyles annotates a workbook whose styles give
// colours by theme, by index and as automatic, as Excel, WPS and openpyxl
// write them: the marked cells keep their font, border, number format and
// alignment and get the fill of their finding, every colour of the copy is
// six or eight hex digits or a theme, index or auto colour, and openpyxl and
// LibreOffice open the copy.
func TestAnnotateKeepsForeignStyles(t *testing.T) {
	rows := [][]any{
		{"填报单位：呼和浩特市", "报送期次：2021年7月上半月"},
		{"措施编号", "进展状态"},
		{"（一）", "基本完成"},
		{"（二）", "已完成"},
		{"（三）", "进行中"},
	}
	data := workbook(t, map[string][][]any{"Sheet1": rows}, []string{"Sheet1"}, func(f *excelize.File) {
		for i, ref := range []string{"B2", "B3", "B4"} {
			id, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Size: float64(10 + i)}})
			if err != nil {
				t.Fatal(err)
			}
			if id != i+1 {
				t.Fatalf("style %d for %s", id, ref)
			}
			f.SetCellStyle("Sheet1", ref, ref, id)
		}
	})
	data = rewritePart(t, data, "xl/styles.xml", func(string) string { return foreignStyles })
	at := func(ref string) taizhang.Place {
		return taizhang.Place{File: "呼和浩特市.xlsx", Sheet: "Sheet1", Cell: ref}
	}
	fs := taizhang.Findings{
		taizhang.NewFinding(taizhang.InvalidValue, at("B2"), `进展状态"进展状态"无法识别`),
		taizhang.NewFinding(taizhang.InvalidValue, at("B3"), `进展状态"基本完成"无法识别`),
		taizhang.NewFinding(taizhang.UnknownEntry, at("B4"), "第4行对应不到方案中的任何节点"),
		taizhang.NewFinding(taizhang.UnknownEntry, at("A5"), "第5行对应不到方案中的任何节点"),
	}
	var out bytes.Buffer
	if err := Annotate(&out, data, "", "Sheet1", fs); err != nil {
		t.Fatal(err)
	}
	styles := part(t, out.Bytes(), "xl/styles.xml")
	for _, m := range regexp.MustCompile(`rgb="([^"]*)"`).FindAllStringSubmatch(styles, -1) {
		if !regexp.MustCompile(`^([0-9A-Fa-f]{6}|[0-9A-Fa-f]{8})$`).MatchString(m[1]) {
			t.Errorf("the copy has the colour rgb=%q", m[1])
		}
	}
	if m := regexp.MustCompile(`<(color|fgColor|bgColor)\s*(/>|></(color|fgColor|bgColor)>)`).FindString(styles); m != "" {
		t.Errorf("the copy has an empty colour %s", m)
	}
	for _, want := range []string{`<color theme="1"`, `<color indexed="8"`, `<color auto=`, `<color theme="4" tint="-0.249977111117893"`, `<fgColor theme="4" tint="0.7999816888943144"`, `<color indexed="64"`} {
		if !strings.Contains(styles, want) {
			t.Errorf("the copy lost %s…", want)
		}
	}

	f, err := excelize.OpenReader(bytes.NewReader(out.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, c := range []struct {
		ref   string
		xf    int
		color string
	}{{"B2", 1, colorRed}, {"B3", 2, colorRed}, {"B4", 3, colorYellow}, {"A5", 0, colorYellow}} {
		id, err := f.GetCellStyle("Sheet1", c.ref)
		if err != nil {
			t.Fatal(err)
		}
		got, was := f.Styles.CellXfs.Xf[id], f.Styles.CellXfs.Xf[c.xf]
		if *got.FontID != *was.FontID || *got.BorderID != *was.BorderID || *got.NumFmtID != *was.NumFmtID || (got.Alignment == nil) != (was.Alignment == nil) {
			t.Errorf("%s: font %d border %d format %d, want those of the original format %d: font %d border %d format %d",
				c.ref, *got.FontID, *got.BorderID, *got.NumFmtID, c.xf, *was.FontID, *was.BorderID, *was.NumFmtID)
		}
		s, err := f.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		if len(s.Fill.Color) != 1 || !strings.EqualFold(s.Fill.Color[0], c.color) {
			t.Errorf("%s is filled %v, want %s", c.ref, s.Fill.Color, c.color)
		}
	}

	path := filepath.Join(t.TempDir(), "呼和浩特市_校验批注.xlsx")
	if err := os.WriteFile(path, out.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	openpyxlOpens(t, path)
	if sheet := toCSV(t, path)["Sheet1"]; !strings.Contains(sheet, "（一）,基本完成") {
		t.Errorf("LibreOffice reads the copy as:\n%s", sheet)
	}
}

// zipPart is one part of a zip package, as zipParts reads it.
type zipPart struct {
	name string
	data []byte
}

// zipParts reads every part of the zip package data, in order.
func zipParts(t *testing.T, data []byte) []zipPart {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var parts []zipPart
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		parts = append(parts, zipPart{f.Name, b})
	}
	return parts
}
