package xlsx

import (
	"regexp"
	"slices"
	"testing"

	"github.com/xuri/excelize/v2"
)

// RowsHint follows the sheet's <dimension>, but never past what the part's
// size can hold: a sheet formatted down to row 1,048,576 is not that long.
func TestRowsHint(t *testing.T) {
	rows := [][]any{{"措施编号", "进展状态"}}
	for range 100 {
		rows = append(rows, []any{"（一）", "推进中"})
	}
	b, err := openBook(workbook(t, map[string][][]any{"Sheet1": rows}, []string{"Sheet1"}, func(f *excelize.File) {
		f.SetSheetDimension("Sheet1", "A1:B101") // as Excel writes it
	}))
	if err != nil {
		t.Fatal(err)
	}
	rr, err := b.rows("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	defer rr.Close()
	rr.Next()
	if got := rr.RowsHint(1); got != 100 {
		t.Errorf("RowsHint(1) = %d, want 100", got)
	}
	rr.last = 1 << 20 // as a sheet with whole columns formatted says
	if got := rr.RowsHint(1); got < 100 || got > int(rr.size)/minRowBytes {
		t.Errorf("RowsHint(1) = %d for a part of %d bytes", got, rr.size)
	}
}

// TestFormulasWithoutResult finds the formula cells a file holds no result
// of, as openpyxl writes them (<f> with an empty or no <v>), and not those
// whose result Excel or LibreOffice saved, an empty string included.
func TestFormulasWithoutResult(t *testing.T) {
	sheet := `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` +
		`<row r="1">` +
		`<c r="A1"><f>ROW()-4</f><v></v></c>` + // openpyxl
		`<c r="B1" t="str"><f>IF(1=1,"","x")</f><v></v></c>` + // an empty string, calculated
		`<c r="C1" t="str"><f>TRIM("推进中")</f><v>推进中</v></c>` +
		`<c r="D1"><f t="shared" si="0"/></c>` + // no <v> at all
		`<c r="E1"><f>DATE(2021,4,20)</f><v>44306</v></c>` +
		`<c r="F1" t="str"><f>C1</f></c>` +
		`</row><row r="2"><c r="A2"><v>1</v></c></row>` +
		`</sheetData></worksheet>`
	b, err := openBook(packageXLSX(t, sheet))
	if err != nil {
		t.Fatal(err)
	}
	rr, err := b.rows("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	defer rr.Close()
	if !rr.Next() {
		t.Fatal("no row")
	}
	if got := rr.Formulas(); !slices.Equal(got, []int{0, 3, 5}) {
		t.Errorf("Formulas() = %v, want [0 3 5] (A1, D1, F1)", got)
	}
	if got := rr.Cells(); at(got, 2) != "推进中" || at(got, 4) != "44306" || at(got, 0) != "" {
		t.Errorf("Cells() = %q", got)
	}
	if !rr.Next() || len(rr.Formulas()) != 0 {
		t.Errorf("row 2: Formulas() = %v", rr.Formulas())
	}
}

// A workbook part written with a prefix for the main namespace and another
// for relationships (as some generators do), hidden sheets and 1904 dates
// is read like any other.
func TestWorkbookPartPrefixes(t *testing.T) {
	data := workbook(t, map[string][][]any{"表一": {{"措施编号"}}, "表二": {{"进展状态"}}}, []string{"表一", "表二"}, nil)
	data = rewritePart(t, data, "xl/workbook.xml", func(orig string) string {
		ids := regexp.MustCompile(`r:id="(rId\d+)"`).FindAllStringSubmatch(orig, -1)
		if len(ids) != 2 {
			t.Fatalf("sheet ids in %s", orig)
		}
		return `<?xml version="1.0" encoding="UTF-8"?>` +
			`<x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:rel="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
			`<x:workbookPr date1904="true"/><x:sheets>` +
			`<x:sheet name="表一 &amp; 附" sheetId="1" state="hidden" rel:id="` + ids[0][1] + `"/>` +
			`<x:sheet name='表二' sheetId="2" rel:id='` + ids[1][1] + `'/>` +
			`</x:sheets><x:definedNames><x:definedName name="x">表一!$A$1</x:definedName></x:definedNames></x:workbook>`
	})
	b, err := openBook(data)
	if err != nil {
		t.Fatal(err)
	}
	if !b.date1904 {
		t.Error("date1904 not read")
	}
	want := []bookSheet{{name: "表一 & 附", path: "xl/worksheets/sheet1.xml", hidden: true}, {name: "表二", path: "xl/worksheets/sheet2.xml"}}
	if !slices.Equal(b.sheets, want) {
		t.Errorf("sheets %+v, want %+v", b.sheets, want)
	}
}

// TestEscapedCharacters reads the _xHHHH_ escapes Excel writes for a
// carriage return (a line break pasted from Windows text: 困难_x000D_\n问题)
// and for a literal "_x" (_x005F_), in shared and inline strings. A control
// character XML cannot hold (_x0001_) is dropped, but a vertical tab read
// as the line break it is, a pair of escaped surrogates read as their
// character, a lone one kept as written.
func TestEscapedCharacters(t *testing.T) {
	want := []string{"困难\r\n问题", "a_x000D_b", "_x00zz_", "前后", "表情😀", "_xD800_", "甲\n乙"}
	shared := workbook(t, map[string][][]any{"Sheet1": {{"困难_x000D_\n问题", "a_x005F_x000D_b", "_x00zz_", "前_x0001_后", "表情_xD83D__xDE00_", "_xD800_", "甲_x000B_乙"}}}, []string{"Sheet1"}, nil)
	inline := packageXLSX(t, `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">`+
		`<c r="A1" t="inlineStr"><is><t>困难_x000D_&#10;问题</t></is></c>`+
		`<c r="B1" t="inlineStr"><is><t>a_x005F_x000D_b</t></is></c>`+
		`<c r="C1" t="str"><f>"_x00zz_"</f><v>_x00zz_</v></c>`+
		`<c r="D1" t="inlineStr"><is><t>前_x0001_后</t></is></c>`+
		`<c r="E1" t="inlineStr"><is><t>表情_xD83D__xDE00_</t></is></c>`+
		`<c r="F1" t="inlineStr"><is><t>_xD800_</t></is></c>`+
		`<c r="G1" t="inlineStr"><is><t>甲_x000B_乙</t></is></c>`+
		`</row></sheetData></worksheet>`)
	for name, data := range map[string][]byte{"shared": shared, "inline": inline} {
		b, err := openBook(data)
		if err != nil {
			t.Fatal(err)
		}
		rr, err := b.rows("Sheet1")
		if err != nil {
			t.Fatal(err)
		}
		if !rr.Next() {
			t.Fatalf("%s: no row: %v", name, rr.Err())
		}
		if got := rr.Cells(); !slices.Equal(got, want) {
			t.Errorf("%s strings read as %q, want %q", name, got, want)
		}
		rr.Close()
	}
}
