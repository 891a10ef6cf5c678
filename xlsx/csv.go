package xlsx

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"path"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"

	"taizhang"
)

// A sheet exported as CSV (Excel's “CSV (逗号分隔)” or “CSV UTF-8”, WPS's
// CSV) is read as a workbook of one sheet named "", so that its places read
// like 包头市.csv!D7. Its text is UTF-8, with or without a byte-order mark;
// else GB18030, which covers the GBK that Excel writes on Chinese Windows;
// or UTF-16 with a byte-order mark (Excel's “Unicode 文本”). Fields are
// separated by commas, or by tabs or semicolons when the first line says so.
// Row numbers are those Excel shows when it opens the file: one per record,
// blank lines included.

var errCSVBinary = errors.New("文件扩展名是 .csv，但内容不是文本（可能是其他文件改了扩展名），无法读取；请在 Excel 或 WPS 中打开后另存为 .xlsx 重新报送")

// isCSV reports whether a file of this name, whose first bytes are head, is
// CSV text: named .csv and neither a zip package nor an OLE2 file (a
// workbook given the wrong extension is read as the workbook it is); or
// named .xls or .et and text that is no web page or XML (systems export
// tab-separated text under those names).
func isCSV(name string, head []byte) bool {
	if bytes.HasPrefix(head, []byte("PK")) || bytes.HasPrefix(head, oleMagic) {
		return false
	}
	switch strings.ToLower(path.Ext(name)) {
	case ".csv":
		return true
	case ".xls", ".et", ".xlt", ".ett":
		text := bytes.TrimSpace(bytes.TrimPrefix(head, []byte{0xEF, 0xBB, 0xBF}))
		return len(text) > 0 && text[0] != '<' && (bytes.HasPrefix(head, []byte{0xFF, 0xFE}) || bytes.HasPrefix(head, []byte{0xFE, 0xFF}) || bytes.IndexByte(head, 0) < 0)
	}
	return false
}

// csvText is a CSV file: where its text starts, how it is encoded and what
// separates its fields.
type csvText struct {
	r     io.ReaderAt
	start int64 // after the byte-order mark
	size  int64
	enc   encoding.Encoding // nil for UTF-8
	comma rune
}

// openCSV opens the CSV text of size bytes in r as a book of one sheet.
func openCSV(r io.ReaderAt, size int64) (*book, error) {
	t := &csvText{r: r, size: size, comma: ','}
	head := make([]byte, min(size, 3))
	if _, err := r.ReadAt(head, 0); err != nil && !errors.Is(err, io.EOF) {
		return nil, err
	}
	switch {
	case bytes.HasPrefix(head, []byte{0xEF, 0xBB, 0xBF}):
		t.start = 3
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}), bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		// The decoder reads the mark and drops it.
		t.enc = unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM)
	default:
		valid, binary, err := scanText(io.NewSectionReader(r, 0, size))
		switch {
		case err != nil:
			return nil, err
		case binary:
			return nil, errCSVBinary
		case !valid:
			t.enc = simplifiedchinese.GB18030
		}
	}
	t.comma = t.sniffComma()
	return &book{csv: t, sheets: []bookSheet{{name: ""}}}, nil
}

// text returns the file's text as UTF-8.
func (t *csvText) text() io.Reader {
	var in io.Reader = io.NewSectionReader(t.r, t.start, t.size-t.start)
	if t.enc != nil {
		in = transform.NewReader(in, t.enc.NewDecoder())
	}
	return in
}

// sniffComma returns the separator the first line uses most among comma,
// tab and semicolon, outside quotes; a comma when it uses none.
func (t *csvText) sniffComma() rune {
	br := bufio.NewReaderSize(t.text(), 64<<10)
	line, _ := br.ReadSlice('\n')
	counts := map[rune]int{}
	quoted := false
	for _, c := range string(line) {
		switch {
		case c == '"':
			quoted = !quoted
		case !quoted && (c == ',' || c == '\t' || c == ';'):
			counts[c]++
		}
	}
	best := ','
	for _, c := range []rune{'\t', ';'} {
		if counts[c] > counts[best] {
			best = c
		}
	}
	return best
}

// scanText reads r through and reports whether it is valid UTF-8 and
// whether it holds a NUL byte, which no text does.
func scanText(r io.Reader) (valid, binary bool, err error) {
	valid = true
	buf := make([]byte, 64<<10)
	var carry int // bytes of an incomplete rune kept from the chunk before
	for {
		n, rerr := io.ReadFull(r, buf[carry:])
		chunk := buf[:carry+n]
		end := rerr != nil
		if bytes.IndexByte(chunk[carry:], 0) >= 0 {
			return false, true, nil
		}
		i := 0
		for valid && i < len(chunk) {
			if chunk[i] < utf8.RuneSelf {
				i++
				continue
			}
			c, size := utf8.DecodeRune(chunk[i:])
			if c == utf8.RuneError && size <= 1 {
				if !end && !utf8.FullRune(chunk[i:]) {
					break // the rest of the rune is in the next chunk
				}
				valid = false
			}
			i += size
		}
		if end {
			if errors.Is(rerr, io.EOF) || errors.Is(rerr, io.ErrUnexpectedEOF) {
				rerr = nil
			}
			return valid, false, rerr
		}
		if !valid {
			i = len(chunk) // only NUL bytes are still looked for
		}
		carry = copy(buf, chunk[i:])
	}
}

// csvRows reads the records of a CSV file as rows.
type csvRows struct {
	r    *csv.Reader
	end  int // the line the previous record ended on
	line int // the last line read, for an error
}

func (t *csvText) rows() *rowReader {
	r := csv.NewReader(t.text())
	r.Comma = t.comma
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	r.ReuseRecord = true
	return &rowReader{csv: &csvRows{r: r}}
}

// What a CSV file that stops being readable says.
var (
	errCSVBroken = errors.New("CSV 格式有误")
	errCSVRead   = errors.New("读取中断")
)

// nextCSV reads the next record as the next row. A blank line, which
// encoding/csv skips, is a row of its own in Excel and counts here too.
func (rr *rowReader) nextCSV() bool {
	c := rr.csv
	rec, err := c.r.Read()
	if err != nil {
		var pe *csv.ParseError
		switch {
		case errors.As(err, &pe):
			rr.err = errCSVBroken
		case !errors.Is(err, io.EOF):
			rr.err = errCSVRead
		}
		rr.done = true
		return false
	}
	first, _ := c.r.FieldPos(0)
	rr.row += 1 + max(first-c.end-1, 0)
	last, _ := c.r.FieldPos(len(rec) - 1)
	c.end = last + strings.Count(rec[len(rec)-1], "\n")
	rr.cells = rr.cells[:0]
	rr.errs = rr.errs[:0]
	for i, v := range rec {
		if i >= maxColumns {
			break
		}
		rr.set(i, v)
		if taizhang.FormulaError(v) != "" {
			rr.errs = append(rr.errs, i)
		}
	}
	return true
}

// WorkbookFromCSV writes the CSV text in data as a workbook of one sheet,
// every field a text cell in the row and column Excel would show it in, so
// that a CSV submission can be annotated like a workbook. name is the file's
// name; it says whether data is CSV (see isCSV), and ok is false when not.
func WorkbookFromCSV(w io.Writer, name string, data []byte) (ok bool, err error) {
	if !isCSV(name, data[:min(len(data), 8)]) {
		return false, nil
	}
	b, err := openCSV(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return true, err
	}
	f := excelize.NewFile()
	defer f.Close()
	sheet := f.GetSheetName(0)
	rr, err := b.rows("")
	if err != nil {
		return true, err
	}
	defer rr.Close()
	for rr.Next() {
		for c, v := range rr.Cells() {
			if v == "" {
				continue
			}
			if err := f.SetCellStr(sheet, cell(c+1, rr.Row()), v); err != nil {
				return true, err
			}
		}
	}
	if err := rr.Err(); err != nil {
		return true, err
	}
	_, err = f.WriteTo(w)
	return true, err
}
