package xlsx

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"regexp"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"taizhang"
)

// setRowXML returns the sheet data excelize's StreamWriter writes for rows
// (the first numbered first, each with its height).
func setRowXML(t *testing.T, first int, rows [][]excelize.Cell, heights []float64) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	for i, row := range rows {
		vals := make([]any, len(row))
		for j := range row {
			vals[j] = row[j]
		}
		if err := sw.SetRow(cell(1, first+i), vals, excelize.RowOpts{Height: heights[i]}); err != nil {
			t.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	var s string
	for _, p := range zipParts(t, buf.Bytes()) {
		if p.name == "xl/worksheets/sheet1.xml" {
			s = string(p.data)
		}
	}
	i, j := strings.Index(s, "<sheetData>"), strings.Index(s, "</sheetData>")
	if i < 0 || j < i {
		t.Fatalf("no sheet data in %q", s)
	}
	return s[i+len("<sheetData>") : j]
}

// appendRowsXML is setRowXML by appendRow.
func appendRowsXML(t *testing.T, first int, rows [][]excelize.Cell, heights []float64) string {
	t.Helper()
	var b []byte
	for i, row := range rows {
		var err error
		if b, err = appendRow(b, first+i, row, heights[i]); err != nil {
			t.Fatal(err)
		}
	}
	return string(b)
}

func TestAppendRowMatchesExcelize(t *testing.T) {
	long := strings.Repeat("进展", 16000) + strings.Repeat("😀", 500) + "尾"
	texts := []string{
		"已完成", "推进中，按计划于6月底前完成", "", " 前后有空格 ", "\t制表", "换行\n第二行\n", "\r\n回车",
		`引号"单'双` + "&<>", "=SUM(A1)", "控制\x01字符\x1f", "坏\xff\xfeUTF-8", "\uFFFE\uFFFF非字符", "\uFFFD替换符",
		"😀表情𠮷", "_x0041_", "前_x005F_x0041_后", "_x005F_", "_x005f_xZZZZ_", "_x005F_x12", "a_x00411_b", "__x0041__",
		"_x0041", "x0041_", "_xABCD__xabcd_", long, strings.Repeat("a", excelize.TotalCellChars+5),
	}
	var rows [][]excelize.Cell
	var heights []float64
	for i, s := range texts {
		rows = append(rows, []excelize.Cell{{StyleID: 3, Value: s}, {Value: s}, {StyleID: 2}, {StyleID: 4, Value: float64(45458 + i)}})
		heights = append(heights, []float64{0, 18, 32.5, 409}[i%4])
	}
	floats := []float64{0, -0.5, 0.1, 1.0 / 3, 45458, 1e20, 123456789012345678, 1234567.123456789012, -98765432109876543.21, math.MaxFloat64, -math.MaxFloat64, 5e-324, math.NaN(), math.Inf(1), math.Inf(-1)}
	for _, v := range floats {
		rows = append(rows, []excelize.Cell{{StyleID: 1, Value: v}, {Value: v}})
		heights = append(heights, 0)
	}
	wide := make([]excelize.Cell, 60) // columns to BH
	for i := range wide {
		wide[i] = excelize.Cell{StyleID: i % 5, Value: strings.Repeat("字", i)}
	}
	rows = append(rows, wide)
	heights = append(heights, 22)
	if got, want := appendRowsXML(t, 2, rows, heights), setRowXML(t, 2, rows, heights); got != want {
		i := 0
		for i < len(got) && i < len(want) && got[i] == want[i] {
			i++
		}
		t.Fatalf("appendRow differs from SetRow at byte %d:\n got …%.200s\nwant …%.200s", i, got[max(0, i-80):], want[max(0, i-80):])
	}
}

// A text with an escaped surrogate (_xD800_) is kept, escaped: excelize
// drops it.
func TestAppendRowKeepsSurrogateEscape(t *testing.T) {
	b, err := appendRow(nil, 2, []excelize.Cell{{Value: "前_xD800_后"}}, 0)
	if err != nil {
		t.Fatal(err)
	}
	if want := `<row r="2"><c r="A2" t="inlineStr"><is><t>前_x005F_xD800_后</t></is></c></row>`; string(b) != want {
		t.Errorf("got %s, want %s", b, want)
	}
}

func TestAppendRowRefusesOtherValues(t *testing.T) {
	b, err := appendRow([]byte("<x/>"), 2, []excelize.Cell{{Value: "a"}, {Value: 3}}, 0)
	if err == nil || err.Error() != "appendRow: cell 2 of row 2 is a int" || string(b) != "<x/>" {
		t.Errorf("appendRow = %q, %v", b, err)
	}
	if b, err := appendRow([]byte("<x/>"), 2, nil, 410); err != excelize.ErrMaxRowHeight || string(b) != "<x/>" {
		t.Errorf("height 410: appendRow = %q, %v", b, err)
	}
}

var surrogateEscape = regexp.MustCompile(`_x[dD][89a-fA-F][0-9a-fA-F]{2}_`)

func FuzzAppendRow(f *testing.F) {
	for _, s := range []string{"已完成", "_x005F_x0041_", "\t a&b \n", "\xff", "😀", "1e400"} {
		f.Add(s, 45458.0, uint8(3), uint16(320))
	}
	f.Add("_x005F_xD800_", 1.0, uint8(0), uint16(4090))
	f.Fuzz(func(t *testing.T, s string, v float64, style uint8, h uint16) {
		height := float64(h%4091) / 10 // to 409, the most a row may be
		rows := [][]excelize.Cell{{{StyleID: int(style), Value: s}, {StyleID: int(style), Value: v}, {StyleID: int(style)}}}
		if got, want := appendRowsXML(t, 7, rows, []float64{height}), setRowXML(t, 7, rows, []float64{height}); got != want {
			if surrogateEscape.MatchString(s) {
				t.Skip("excelize drops an escaped surrogate; appendRow keeps it")
			}
			t.Fatalf("appendRow(%q, %v) = %s, SetRow wrote %s", s, v, got, want)
		}
	})
}

// brokenStore keeps texts but cannot give them back.
type brokenStore struct{ taizhang.MemoryStore }

func (*brokenStore) Get(taizhang.TextRef) (string, error) {
	return "", errors.New("临时文件已被删除")
}

// An entry whose texts cannot be read back fails the ledger with a message
// naming its place, not a ledger with blank rows.
func TestLedgerTextsReadBackFails(t *testing.T) {
	p := builtin(t)
	q := period(t, "2021-04-1")
	src := taizhang.Source{Path: "包头市.xlsx", Name: "包头市.xlsx"}
	s, fs := ReadSubmission(src, filled(t, p, "包头市", q, "2021-04-14", nil), ReadOptions{Programme: p})
	st := &brokenStore{}
	for i := range s.Entries {
		if err := s.Entries[i].Stow(st); err != nil {
			t.Fatal(err)
		}
	}
	l := taizhang.Merge(p, []taizhang.File{{Source: src, Submission: s, Findings: fs}}, taizhang.MergeOptions{Store: st})
	err := WriteLedger(io.Discard, l, written)
	want := "生成汇总台账：读回 包头市.xlsx › 进展情况!A5 的内容：临时文件已被删除"
	if err == nil || err.Error() != want {
		t.Errorf("err = %v, want %s", err, want)
	}
}

// A part meant to have rows spliced in that never came is an error, not a
// sheet without its rows.
func TestSplicerMissingPart(t *testing.T) {
	var buf bytes.Buffer
	sp := newSplicer(zip.NewWriter(&buf), map[string]func(io.Writer) error{"xl/worksheets/sheet9.xml": func(io.Writer) error { return nil }})
	w, err := sp.Create("xl/worksheets/sheet1.xml")
	if err != nil {
		t.Fatal(err)
	}
	io.WriteString(w, "<worksheet><sheetData></sheetData></worksheet>")
	if err := sp.Close(); err == nil || err.Error() != "工作簿中没有 xl/worksheets/sheet9.xml，其中的行未写出" {
		t.Errorf("Close: %v", err)
	}
}

// The splicer writes every part whole and in the order excelize gave them,
// whether small (compressed in the background), large (compressed as it
// comes) or with rows spliced in (small or large).
func TestSplicerPartsInOrder(t *testing.T) {
	defer func(n int) { deflateChunk = n }(deflateChunk)
	deflateChunk = 64
	rows := func(n int) func(io.Writer) error {
		return func(w io.Writer) error {
			for i := range n {
				if _, err := fmt.Fprintf(w, `<row r="%d"/>`, i+2); err != nil {
					return err
				}
			}
			return nil
		}
	}
	frame := `<worksheet><sheetData><row r="1"/></sheetData><autoFilter/></worksheet>`
	parts := []struct{ name, text string }{
		{"a.xml", "小的部件"},
		{"big.xml", strings.Repeat("大的部件，分几次写出。", 40)},
		{"s1.xml", frame},
		{"c.xml", ""},
		{"s2.xml", frame},
		{"d.xml", "最后"},
	}
	var buf bytes.Buffer
	sp := newSplicer(zip.NewWriter(&buf), map[string]func(io.Writer) error{"s1.xml": rows(2), "s2.xml": rows(40)})
	for _, p := range parts {
		w, err := sp.Create(p.name)
		if err != nil {
			t.Fatal(err)
		}
		for b := []byte(p.text); len(b) > 0; b = b[min(len(b), 50):] {
			if _, err := w.Write(b[:min(len(b), 50)]); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := sp.Close(); err != nil {
		t.Fatal(err)
	}
	rowsXML := func(n int) string {
		var b strings.Builder
		rows(n)(&b)
		return b.String()
	}
	want := map[string]string{
		"s1.xml": strings.Replace(frame, "</sheetData>", rowsXML(2)+"</sheetData>", 1),
		"s2.xml": strings.Replace(frame, "</sheetData>", rowsXML(40)+"</sheetData>", 1),
	}
	got := zipParts(t, buf.Bytes())
	if len(got) != len(parts) {
		t.Fatalf("%d parts, want %d", len(got), len(parts))
	}
	for i, f := range got {
		p := parts[i]
		if f.name != p.name {
			t.Errorf("part %d is %s, want %s", i, f.name, p.name)
			continue
		}
		b := f.data
		text := p.text
		if w, ok := want[p.name]; ok {
			text = w
		}
		if string(b) != text {
			t.Errorf("%s = %.80q…, want %.80q…", f.name, b, text)
		}
	}
}

// failingWriter takes n bytes, then fails.
type failingWriter struct{ n int }

func (w *failingWriter) Write(p []byte) (int, error) {
	if len(p) > w.n {
		k := w.n
		w.n = 0
		return k, errors.New("磁盘已满")
	}
	w.n -= len(p)
	return len(p), nil
}

// A disk that fills up while the ledger is written out, at whatever point,
// fails the write with the disk's error, unwrapped (no hang, no panic).
func TestLedgerWriteFails(t *testing.T) {
	l := filledLedger(t, "2021-04-14", "包头市", "通辽市")
	var whole bytes.Buffer
	if err := WriteLedger(&whole, l, written); err != nil {
		t.Fatal(err)
	}
	size := whole.Len()
	for _, n := range []int{0, 100, size / 3, size / 2, size - 10} {
		if err := WriteLedger(&failingWriter{n: n}, l, written); err == nil || err.Error() != "磁盘已满" {
			t.Errorf("disk full after %d of %d bytes: err = %v", n, size, err)
		}
	}
}
