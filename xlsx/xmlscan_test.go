package xlsx

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// refTokens lists the tokens encoding/xml reads from data, the way the
// scanner reports them: adjacent texts joined, comments, processing
// instructions and directives left out, attributes as name=value.
func refTokens(data []byte) ([]string, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	var out []string
	text := false
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			var b strings.Builder
			b.WriteString("<" + t.Name.Local)
			for _, a := range t.Attr {
				b.WriteString(" " + a.Name.Local + "=" + a.Value)
			}
			out, text = append(out, b.String()+">"), false
		case xml.EndElement:
			out, text = append(out, "</"+t.Name.Local+">"), false
		case xml.CharData:
			if text {
				out[len(out)-1] += string(t)
			} else {
				out, text = append(out, "T:"+string(t)), true
			}
		}
	}
}

// scanTokens lists the tokens the scanner reads from data; each start tag's
// attributes are those that encoding/xml found (in ref), looked up by name.
func scanTokens(data []byte, ref []string) ([]string, error) {
	sc := newXMLScanner(bytes.NewReader(data), 0)
	var out []string
	text := false
	for sc.Next() {
		switch sc.Kind() {
		case xmlStart:
			var b strings.Builder
			b.WriteString("<" + string(sc.Name()))
			if i := len(out); i < len(ref) && strings.HasPrefix(ref[i], "<") {
				for _, a := range attrNames(ref[i]) {
					v, _ := sc.Attr(a)
					b.WriteString(" " + a + "=" + string(v))
				}
			}
			out, text = append(out, b.String()+">"), false
		case xmlEnd:
			out, text = append(out, "</"+string(sc.Name())+">"), false
		case xmlText:
			if text {
				out[len(out)-1] += string(sc.Text())
			} else {
				out, text = append(out, "T:"+string(sc.Text())), true
			}
		}
	}
	return out, sc.Err()
}

// attrNames returns the attribute names of a start tag as refTokens writes it.
func attrNames(tag string) []string {
	var names []string
	for _, f := range strings.Split(strings.TrimSuffix(tag, ">"), " ")[1:] {
		if name, _, ok := strings.Cut(f, "="); ok {
			names = append(names, name)
		}
	}
	return names
}

// xmlSeeds are sheet and shared-string XML as various programs write it.
var xmlSeeds = []string{
	`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\r\n" +
		`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:C3"/><sheetData>` +
		`<row r="1" spans="1:3"><c r="A1" t="s"><v>0</v></c><c r="B1" s="2"><v>44317</v></c></row>` +
		`<row r="3"><c r="C3" t="inlineStr"><is><t xml:space="preserve"> a &amp; b &lt;c&gt; </t></is></c></row>` +
		`</sheetData><mergeCells count="1"><mergeCell ref="A1:C1"/></mergeCells></worksheet>`,
	`<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r='2'><x:c r='B2' t='str'><x:f>A1&amp;"&gt;"</x:f><x:v>已完成&#x2714;&#10003;</x:v></x:c></x:row></x:sheetData></x:worksheet>`,
	`<sst count="2" uniqueCount="2"><si><t>推进中</t></si><si><r><rPr><b/></rPr><t>已</t></r><r><t>完成</t></r><rPh sb="0" eb="1"><t>カン</t></rPh></si></sst>`,
	"<a>line1\r\nline2\rline3</a>",
	`<a><!-- a comment with <tags> and > --><![CDATA[<not a tag> & raw]]></a>`,
	`<c r="A1" note="a > b" other='it"s'><v>1</v></c>`,
	`<!DOCTYPE x><x/>`,
	`<a  b = "1"  c="2" ></a >`,
}

func TestXMLScannerMatchesEncodingXML(t *testing.T) {
	for _, seed := range xmlSeeds {
		ref, err := refTokens([]byte(seed))
		if err != nil {
			t.Fatalf("encoding/xml on %q: %v", seed, err)
		}
		got, err := scanTokens([]byte(seed), ref)
		if err != nil {
			t.Errorf("scanner on %q: %v", seed, err)
			continue
		}
		if strings.Join(got, "|") != strings.Join(ref, "|") {
			t.Errorf("%q:\n got %q\nwant %q", seed, got, ref)
		}
	}
}

// Long tags and texts that span the read buffer are put together whole.
func TestXMLScannerLongTokens(t *testing.T) {
	long := strings.Repeat("改革", scanBuffer/3)
	attr := strings.Repeat("x>", scanBuffer/2)
	doc := `<si a="` + attr + `"><t>` + long + `&amp;` + long + `</t></si><!--` + long + `--><![CDATA[` + long + `]]>`
	ref, err := refTokens([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	got, err := scanTokens([]byte(doc), ref)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(got, "|") != strings.Join(ref, "|") {
		t.Errorf("long tokens differ: %d tokens, want %d", len(got), len(ref))
	}
}

// What cannot be XML is an error, as it is for encoding/xml.
func TestXMLScannerErrors(t *testing.T) {
	for _, doc := range []string{
		`<row r="1"><c r="A1"`,   // truncated tag
		`<row><c <v>1</v></row>`, // '<' inside a tag
		`<t>a &nbsp; b</t>`,      // unknown entity
		"<t>\x01</t>",            // control character
		"<t>\xff\xfe</t>",        // invalid UTF-8
		`<t>&#0;</t>`,            // no such character
		`<t>a &amp b</t>`,        // unterminated entity
		`<1a/>`,                  // bad name
	} {
		if _, err := scanTokens([]byte(doc), nil); err == nil {
			t.Errorf("%q: no error", doc)
		} else if _, ok := err.(*xml.SyntaxError); !ok {
			t.Errorf("%q: %T %v, want *xml.SyntaxError", doc, err, err)
		}
	}
}

func FuzzXMLScanner(f *testing.F) {
	for _, s := range xmlSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		ref, err := refTokens(data)
		if err != nil || hasDirective(data) {
			// Broken XML, or a doctype (not met in a workbook): only no panic.
			scanTokens(data, nil)
			return
		}
		for _, tok := range ref {
			if names := attrNames(tok); strings.HasPrefix(tok, "<") && len(names) != len(slices.Compact(slices.Sorted(slices.Values(names)))) {
				return // a repeated attribute: the scanner gives the first
			}
		}
		got, err := scanTokens(data, ref)
		if err != nil {
			t.Fatalf("encoding/xml reads %q, the scanner fails: %v", data, err)
		}
		if strings.Join(got, "|") != strings.Join(ref, "|") {
			t.Fatalf("%q:\n got %q\nwant %q", data, got, ref)
		}
	})
}

// hasDirective reports whether data has markup starting "<!" that is no
// comment or CDATA section (a doctype: not met in a workbook).
func hasDirective(data []byte) bool {
	for i := 0; ; {
		j := bytes.Index(data[i:], []byte("<!"))
		if j < 0 {
			return false
		}
		rest := data[i+j:]
		if !bytes.HasPrefix(rest, []byte("<!--")) && !bytes.HasPrefix(rest, []byte("<![CDATA[")) {
			return true
		}
		i += j + 2
	}
}

// A sheet whose XML breaks part way keeps the rows before the break, and
// says where reading stopped.
func TestSheetXMLBrokenMidway(t *testing.T) {
	block := []any{"填报单位：包头市", nil, "报送期次：2021年4月上半月", "填报日期：2021年4月14日"}
	header := []any{"措施编号", "节点", "进展状态", "进展情况", "完成时间"}
	rows := [][]any{block, header, {"（一）", "", "推进中", "已梳理项目", ""}, {"（二）", "", "推进中", "平台招标", ""}}
	data := workbook(t, map[string][][]any{"Sheet1": rows}, []string{"Sheet1"}, nil)
	data = rewritePart(t, data, "xl/worksheets/sheet1.xml", func(x string) string {
		i := strings.Index(x, `<row r="4"`)
		j := strings.Index(x, `</sheetData>`)
		return x[:i] + `<row r="4"><c r="A4"<v>1</v></c></row>` + x[j:]
	})
	s, lines := read(t, "包头市.xlsx", data)
	if s == nil || len(s.Entries) != 1 || s.Entries[0].No != "（一）" {
		t.Fatalf("entries %v: %v", s, lines)
	}
	want := "包头市.xlsx Sheet1!A4 错误 填写有误：从第4行起无法读取（内部 XML 损坏），该行及以下各行未计入"
	if !slices.Contains(lines, want) {
		t.Errorf("missing\n%s\nin\n%s", want, strings.Join(lines, "\n"))
	}
}

// A sheet whose XML breaks before its header is named as damaged, not as
// empty or as a sheet without the template's columns.
func TestSheetXMLBrokenBeforeHeader(t *testing.T) {
	block := []any{"填报单位：包头市", nil, "报送期次：2021年4月上半月", "填报日期：2021年4月14日"}
	header := []any{"措施编号", "节点", "进展状态", "进展情况", "完成时间"}
	rows := [][]any{block, header, {"（一）", "", "推进中", "已梳理项目", ""}}
	for _, at := range []string{`<row r="1"`, `<row r="2"`} {
		data := workbook(t, map[string][][]any{"进展情况": rows}, []string{"进展情况"}, nil)
		data = rewritePart(t, data, "xl/worksheets/sheet1.xml", func(x string) string {
			i := strings.Index(x, at)
			j := strings.Index(x, `</sheetData>`)
			return x[:i] + `<row r="9"><c r="A9"<v>1</v></c></row>` + x[j:]
		})
		s, lines := read(t, "包头市.xlsx", data)
		if s != nil {
			t.Fatalf("%s: read a submission from a sheet broken before its header: %v", at, lines)
		}
		want := "包头市.xlsx 进展情况 错误 无法读取：工作表“进展情况”已损坏（内部 XML 损坏），读不到表头；请在 Excel 或 WPS 中打开确认后另存为 .xlsx 重新报送"
		if !slices.Contains(lines, want) {
			t.Errorf("%s: missing\n%s\nin\n%s", at, want, strings.Join(lines, "\n"))
		}
	}
}

func TestExcelizeErrorCutsAtCharacter(t *testing.T) {
	got := excelizeError(errors.New(strings.Repeat("表", 30)))
	if !utf8.ValidString(got) || !strings.HasSuffix(got, "…") {
		t.Errorf("excelizeError cut %q", got)
	}
}

// Two attributes with entities, held at once, keep their own values.
func TestXMLScannerAttrsWithEntities(t *testing.T) {
	sc := newXMLScanner(strings.NewReader(`<sheet name="R&amp;D" state="a&lt;b" r:id="rId1"/>`), 0)
	if !sc.Next() || sc.Kind() != xmlStart {
		t.Fatal("no start tag")
	}
	name, _ := sc.Attr("name")
	state, _ := sc.Attr("state")
	id, _ := sc.Attr("id")
	if string(name) != "R&D" || string(state) != "a<b" || string(id) != "rId1" {
		t.Errorf("name %q, state %q, id %q", name, state, id)
	}
}
