package xlsx

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"taizhang"
)

// strictNamespaces rewrites a transitional package into the Strict Open XML
// namespaces, as Excel's "Strict Open XML Spreadsheet" save writes them.
var strictNamespaces = strings.NewReplacer(
	"http://schemas.openxmlformats.org/spreadsheetml/2006/main", "http://purl.oclc.org/ooxml/spreadsheetml/main",
	"http://schemas.openxmlformats.org/officeDocument/2006/relationships", "http://purl.oclc.org/ooxml/officeDocument/relationships",
)

// rewriteAll returns the package data with every part passed through edit,
// and the parts of add appended.
func rewriteAll(t *testing.T, data []byte, edit func(name, s string) string, add map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, zp := range zipParts(t, data) {
		w, err := zw.Create(zp.name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(edit(zp.name, string(zp.data))))
	}
	for name, s := range add {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(s))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestAnnotateWritesPlainWorkbook annotates a macro-enabled workbook (.xlsm),
// a template (.xltx) and one saved as Strict Open XML: the copy, named .xlsx,
// is an ordinary workbook — the .xlsx content type (Excel refuses to open an
// .xlsx that says it is macro-enabled or a template), no macro project, and
// every part in the transitional namespaces, so that the sheets the copy did
// not touch (填报说明) are not left in Strict inside a transitional workbook,
// where openpyxl and Excel see them empty or broken.
func TestAnnotateWritesPlainWorkbook(t *testing.T) {
	rows := [][]any{
		{"填报单位：包头市", nil, "报送期次：2021年4月上半月"},
		{"措施编号", "进展状态", "进展情况"},
		{"（一）", "基本完成", "已梳理项目86个"},
	}
	base := workbook(t, map[string][][]any{"进展情况": rows, "填报说明": {{"进展状态", "从下拉列表选择"}}}, []string{"进展情况", "填报说明"}, nil)
	const sheetML = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
	contentType := func(ct string) func(name, s string) string {
		return func(name, s string) string {
			if name == "[Content_Types].xml" {
				return strings.Replace(s, sheetML, ct, 1)
			}
			return s
		}
	}
	macro := rewriteAll(t, base, func(name, s string) string {
		switch name {
		case "[Content_Types].xml":
			s = strings.Replace(s, sheetML, "application/vnd.ms-excel.sheet.macroEnabled.main+xml", 1)
			return strings.Replace(s, "</Types>", `<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/><Override PartName="/xl/vbaProjectSignature.bin" ContentType="application/vnd.ms-office.vbaProjectSignature"/></Types>`, 1)
		case "xl/_rels/workbook.xml.rels":
			return strings.Replace(s, "</Relationships>", `<Relationship Id="rIdVBA" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>`, 1)
		}
		return s
	}, map[string]string{"xl/vbaProject.bin": "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 macros"})
	cases := []struct {
		name string
		data []byte
	}{
		{"包头市.xlsm", macro},
		{"包头市.xltx", rewriteAll(t, base, contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml"), nil)},
		{"包头市（Strict）.xlsx", rewriteAll(t, base, func(_, s string) string { return strictNamespaces.Replace(s) }, nil)},
	}
	fs := taizhang.Findings{
		taizhang.NewFinding(taizhang.InvalidValue, taizhang.Place{File: "包头市.xlsx", Sheet: "进展情况", Cell: "B3"}, `进展状态"基本完成"无法识别`),
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var out bytes.Buffer
			if err := Annotate(&out, c.data, "", "进展情况", fs); err != nil {
				t.Fatal(err)
			}
			if ct := part(t, out.Bytes(), "[Content_Types].xml"); !strings.Contains(ct, `PartName="/xl/workbook.xml" ContentType="`+sheetML+`"`) {
				t.Errorf("the copy's workbook is not an ordinary .xlsx:\n%s", ct)
			}
			for _, zp := range zipParts(t, out.Bytes()) {
				if strings.Contains(zp.name, "vbaProject") || bytes.Contains(zp.data, []byte("vbaProject")) {
					t.Errorf("the copy keeps the macro project in %s", zp.name)
				}
				if bytes.Contains(zp.data, []byte("purl.oclc.org")) {
					t.Errorf("%s of the copy is still in the Strict namespaces", zp.name)
				}
			}
			f, err := excelize.OpenReader(bytes.NewReader(out.Bytes()))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			if v, _ := f.GetCellValue("填报说明", "B1"); v != "从下拉列表选择" {
				t.Errorf("填报说明!B1 of the copy = %q, want 从下拉列表选择", v)
			}
			if v, _ := f.GetCellValue("进展情况", "B3"); v != "基本完成" {
				t.Errorf("进展情况!B3 of the copy = %q, want 基本完成", v)
			}
			path := filepath.Join(t.TempDir(), "copy.xlsx")
			if err := os.WriteFile(path, out.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			openpyxlOpens(t, path)
		})
	}
}

// TestAnnotateKeepsUnitComments annotates sheets that already carry the
// unit's own comments — one on the very cell in error, one elsewhere — as
// Excel and excelize write them, as LibreOffice writes them (shapes named
// shape_0) and as openpyxl writes them (parts under their own names, given
// from the package root): the copy is written, the cell in error carries
// what to change followed by the unit's comment, and the other comment is
// kept, rather than the copy failing on the cell that already has a comment.
func TestAnnotateKeepsUnitComments(t *testing.T) {
	rows := [][]any{
		{"填报单位：包头市", nil, "报送期次：2021年4月上半月"},
		{"措施编号", "进展状态", "进展情况"},
		{"（一）", "基本完成", "已梳理项目86个"},
	}
	base := workbook(t, map[string][][]any{"进展情况": rows}, []string{"进展情况"}, func(f *excelize.File) {
		for _, c := range []excelize.Comment{{Cell: "B3", Author: "张三", Text: "请核实"}, {Cell: "A1", Author: "李四", Text: "标题备注"}} {
			if err := f.AddComment("进展情况", c); err != nil {
				t.Fatal(err)
			}
		}
	})
	libre := rewriteAll(t, base, func(name, s string) string {
		if strings.HasSuffix(name, ".vml") {
			return regexp.MustCompile(`<v:shape id="[^"]*"`).ReplaceAllString(s, `<v:shape id="shape_0"`)
		}
		return s
	}, nil)
	// openpyxl: comments and drawing under other names, targets from the root.
	renamed := map[string]string{"xl/comments1.xml": "xl/comments/comment1.xml", "xl/drawings/vmlDrawing1.vml": "xl/drawings/commentsDrawing1.vml"}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, zp := range zipParts(t, base) {
		name, s := zp.name, string(zp.data)
		if n, ok := renamed[name]; ok {
			name = n
		}
		s = strings.NewReplacer(`Target="../comments1.xml"`, `Target="/xl/comments/comment1.xml"`, `Target="../drawings/vmlDrawing1.vml"`, `Target="/xl/drawings/commentsDrawing1.vml"`,
			`PartName="/xl/comments1.xml"`, `PartName="/xl/comments/comment1.xml"`).Replace(s)
		w, _ := zw.Create(name)
		w.Write([]byte(s))
	}
	zw.Close()
	fs := taizhang.Findings{
		taizhang.NewFinding(taizhang.InvalidValue, taizhang.Place{File: "包头市.xlsx", Sheet: "进展情况", Cell: "B3"}, `进展状态"基本完成"无法识别`),
	}
	for name, data := range map[string][]byte{"Excel": base, "LibreOffice": libre, "openpyxl": buf.Bytes()} {
		t.Run(name, func(t *testing.T) {
			var out bytes.Buffer
			if err := Annotate(&out, data, "", "进展情况", fs); err != nil {
				t.Fatal(err)
			}
			f, err := excelize.OpenReader(bytes.NewReader(out.Bytes()))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			cs, err := f.GetComments("进展情况")
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]string{}
			for _, c := range cs {
				text := c.Text
				for _, r := range c.Paragraph {
					text += r.Text
				}
				got[c.Cell] = c.Author + "|" + text
			}
			want := map[string]string{
				"B3": "taizhang|【错误】填写有误：进展状态\"基本完成\"无法识别\n（原批注）张三：请核实",
				"A1": "李四|标题备注",
			}
			for cell, w := range want {
				if got[cell] != w {
					t.Errorf("comment on %s = %q, want %q", cell, got[cell], w)
				}
			}
			if len(got) != 2 {
				t.Errorf("comments %q, want two", got)
			}
			for _, zp := range zipParts(t, out.Bytes()) {
				if strings.HasPrefix(zp.name, "/") {
					t.Errorf("the copy has a part named %s", zp.name)
				}
			}
			path := filepath.Join(t.TempDir(), "copy.xlsx")
			os.WriteFile(path, out.Bytes(), 0o644)
			openpyxlOpens(t, path)
		})
	}
}
