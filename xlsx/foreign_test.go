package xlsx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"strings"
	"testing"
)

// minimalXLSX writes the smallest workbook other tools produce: no styles,
// no shared strings, strings inline (inlineStr) or as t="str" the way
// SheetJS writes them, optionally without cell references.
func minimalXLSX(t *testing.T, rows [][]string, kind string, refs bool) []byte {
	t.Helper()
	var sheet strings.Builder
	sheet.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
	for r, row := range rows {
		fmt.Fprintf(&sheet, `<row r="%d">`, r+1)
		for c, v := range row {
			if v == "" && refs {
				continue
			}
			ref := ""
			if refs {
				ref = fmt.Sprintf(` r="%s"`, cell(c+1, r+1))
			}
			var esc bytes.Buffer
			xmlEscape(&esc, v)
			switch {
			case v == "":
				sheet.WriteString(`<c/>`)
			case isNumber(v):
				fmt.Fprintf(&sheet, `<c%s><v>%s</v></c>`, ref, v)
			case kind == "inline":
				fmt.Fprintf(&sheet, `<c%s t="inlineStr"><is><t>%s</t></is></c>`, ref, esc.String())
			case kind == "formula":
				// A formula with the value Excel cached when it last saved.
				fmt.Fprintf(&sheet, `<c%s t="str"><f>TRIM("%s")</f><v>%s</v></c>`, ref, esc.String(), esc.String())
			default:
				fmt.Fprintf(&sheet, `<c%s t="str"><v>%s</v></c>`, ref, esc.String())
			}
		}
		sheet.WriteString(`</row>`)
	}
	sheet.WriteString(`</sheetData></worksheet>`)
	return packageXLSX(t, sheet.String())
}

// packageXLSX wraps the XML of one worksheet, named Sheet1, in the smallest
// package other tools write.
func packageXLSX(t testing.TB, sheet string) []byte {
	t.Helper()
	files := map[string]string{
		"[Content_Types].xml":        `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
		"_rels/.rels":                `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
		"xl/workbook.xml":            `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
		"xl/worksheets/sheet1.xml":   sheet,
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/worksheets/sheet1.xml"} {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(files[name]))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func xmlEscape(b *bytes.Buffer, s string) {
	r := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;")
	b.WriteString(r.Replace(s))
}

func isNumber(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if (c < '0' || c > '9') && c != '.' {
			return false
		}
	}
	return true
}

func TestReadMinimalWorkbooks(t *testing.T) {
	rows := [][]string{
		{"通辽市2021年4月上半月工作进展"},
		{"填报单位：通辽市", "", "填报日期：2021-04-15"},
		{"措施编号", "节点", "进展状态", "完成时间", "进展情况", "存在问题"},
		{"（一）", "", "推进中", "", "储备库项目 56 个", ""},
		{"（二）", "", "推进中", "", "平台建设中", ""},
		{"（三）", "三.1", "已完成", "44280", "已实现", ""},
		{"（三）", "三.2", "推进中", "", "对接中", ""},
		{"（三）", "三.3", "未启动", "", "", ""},
		{"（四）", "", "已完成", "2021/4/12", "清单已印发", ""},
		{"（六）", "", "推进中", "", "梳理中", "人员不足"},
	}
	for _, kind := range []string{"inline", "str", "formula"} {
		for _, refs := range []bool{true, false} {
			name := fmt.Sprintf("通辽市_%s_%v.xlsx", kind, refs)
			s, lines := read(t, name, minimalXLSX(t, rows, kind, refs))
			if s == nil {
				t.Fatalf("%s: nil: %v", name, lines)
			}
			var got []string
			for _, e := range s.Entries {
				got = append(got, e.Milestone+"="+e.Status.String()+"@"+e.Completed.String())
			}
			want := "一=推进中@|二=推进中@|三.1=已完成@2021-03-25|三.2=推进中@|三.3=未启动@|四=已完成@2021-04-12|六=推进中@"
			if g := strings.Join(got, "|"); g != want || s.Unit != "通辽市" || s.Period.String() != "2021年4月上半月" {
				t.Errorf("%s: unit %q period %v entries\n got %s\nwant %s\n%s", name, s.Unit, s.Period, g, want, strings.Join(lines, "\n"))
			}
			for _, l := range lines {
				if strings.Contains(l, " 错误 ") {
					t.Errorf("%s: %s", name, l)
				}
			}
		}
	}
}
