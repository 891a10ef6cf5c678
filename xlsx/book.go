package xlsx

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"taizhang"
)

// book is a read-only, streaming view of an .xlsx package: its sheets, and
// the rows of one sheet at a time as raw cell values. Reading a returned
// sheet needs nothing else, and excelize's full model (styles, theme, every
// cell decoded through reflection) costs several times the XML itself.
type book struct {
	files    map[string]*zip.File // by part name, lower-cased
	sheets   []bookSheet
	date1904 bool
	sstPath  string
	sst      []sstItem
	sstRead  bool
	store    taizhang.TextStore // where a huge table's long strings go; nil keeps them in memory
	csv      *csvText           // set when the book is a CSV file: one sheet, named ""
}

// sstItem is a shared string, in memory or, for a huge table, in the store.
type sstItem struct {
	s   string
	ref taizhang.TextRef
}

// Shared-string tables larger than spillSST (uncompressed) put their long
// strings in the store, so that a sheet of 200,000 rows of prose does not
// sit in memory twice.
var spillSST uint64 = 16 << 20 // a variable for tests

const spillString = 64 // bytes; shorter strings stay in memory

type bookSheet struct {
	name, path string
	hidden     bool
}

// maxColumns bounds the columns read in a row; a sheet's data never lies further right.
const maxColumns = 512

// openBook opens the package in data and reads its workbook part.
func openBook(data []byte) (*book, error) {
	return openBookAt(bytes.NewReader(data), int64(len(data)))
}

// openBookAt opens the package of size bytes in r and reads its workbook part.
// A package whose parts come to more than unzipLimit is refused.
func openBookAt(r io.ReaderAt, size int64) (*book, error) {
	return openBookWithin(r, size, uint64(unzipLimit))
}

// openBookWithin is openBookAt with limit in place of unzipLimit.
func openBookWithin(r io.ReaderAt, size int64, limit uint64) (*book, error) {
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return nil, err
	}
	b := &book{files: map[string]*zip.File{}}
	var total uint64
	for _, f := range zr.File {
		// Some tools write part names with backslashes.
		b.files[strings.ToLower(strings.TrimPrefix(strings.ReplaceAll(f.Name, "\\", "/"), "/"))] = f
		total += f.UncompressedSize64
	}
	if total > limit {
		return nil, fmt.Errorf("size exceeds %d", limit)
	}
	wbPath := "xl/workbook.xml"
	if rels, err := b.rels(""); err == nil {
		for _, r := range rels {
			if strings.HasSuffix(r.typ, "/officeDocument") {
				wbPath = r.target
			}
		}
	}
	type wbSheet struct{ name, state, id string }
	var sheets []wbSheet
	raw, err := b.part(wbPath)
	if err != nil {
		return nil, err
	}
	sc := newXMLScanner(bytes.NewReader(raw), uint64(len(raw)))
	inSheets := false
	for sc.Next() {
		switch sc.Kind() {
		case xmlStart:
			switch string(sc.Name()) {
			case "workbookPr":
				v, _ := sc.Attr("date1904")
				b.date1904 = string(v) == "1" || string(v) == "true"
			case "sheets":
				inSheets = true
			case "sheet":
				if inSheets {
					name, _ := sc.Attr("name")
					state, _ := sc.Attr("state")
					id, _ := sc.Attr("id")
					sheets = append(sheets, wbSheet{string(name), string(state), string(id)})
				}
			}
		case xmlEnd:
			if string(sc.Name()) == "sheets" {
				inSheets = false
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	rels, err := b.rels(wbPath)
	if err != nil {
		return nil, err
	}
	byID := map[string]string{}
	for _, r := range rels {
		byID[r.id] = r.target
		if strings.HasSuffix(r.typ, "/sharedStrings") {
			b.sstPath = r.target
		}
	}
	for _, s := range sheets {
		if p, ok := byID[s.id]; ok {
			b.sheets = append(b.sheets, bookSheet{name: s.name, path: p, hidden: s.state == "hidden" || s.state == "veryHidden"})
		}
	}
	if len(b.sheets) == 0 {
		return nil, errors.New("no sheets")
	}
	return b, nil
}

type rel struct{ id, typ, target string }

// rels reads the relationships of the part at from ("" for the package),
// resolving targets to part names.
func (b *book) rels(from string) ([]rel, error) {
	dir, base := path.Split(from)
	raw, err := b.part(path.Join(dir, "_rels", base+".rels"))
	if err != nil {
		return nil, err
	}
	var out []rel
	sc := newXMLScanner(bytes.NewReader(raw), uint64(len(raw)))
	for sc.Next() {
		if sc.Kind() != xmlStart || string(sc.Name()) != "Relationship" {
			continue
		}
		if mode, _ := sc.Attr("TargetMode"); string(mode) == "External" {
			continue
		}
		id, _ := sc.Attr("Id")
		typ, _ := sc.Attr("Type")
		target, _ := sc.Attr("Target")
		t := string(target)
		if strings.HasPrefix(t, "/") {
			t = strings.TrimPrefix(t, "/")
		} else {
			t = path.Join(dir, t)
		}
		out = append(out, rel{string(id), string(typ), t})
	}
	return out, sc.Err()
}

// part returns the whole content of a small part.
func (b *book) part(name string) ([]byte, error) {
	f, ok := b.files[strings.ToLower(name)]
	if !ok {
		return nil, fmt.Errorf("no part %s", name)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	return io.ReadAll(io.LimitReader(rc, unzipLimit))
}

// sheetNames returns the names of the sheets in workbook order.
func (b *book) sheetNames() []string {
	names := make([]string, len(b.sheets))
	for i, s := range b.sheets {
		names[i] = s.name
	}
	return names
}

// sheetHidden reports whether the sheet named name is hidden or very hidden.
func (b *book) sheetHidden(name string) bool {
	for _, s := range b.sheets {
		if s.name == name {
			return s.hidden
		}
	}
	return false
}

// sharedStrings reads the shared string table once. The phonetic runs
// (rPh) that East Asian Excel adds are not part of the text.
func (b *book) sharedStrings() ([]sstItem, error) {
	if b.sstRead {
		return b.sst, nil
	}
	b.sstRead = true
	if b.sstPath == "" {
		return nil, nil
	}
	f, ok := b.files[strings.ToLower(b.sstPath)]
	if !ok {
		return nil, nil
	}
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	spill := b.store != nil && f.UncompressedSize64 > spillSST
	sc := newXMLScanner(io.LimitReader(rc, unzipLimit), f.UncompressedSize64)
	defer sc.release()
	var text []byte
	inSI, inT, phonetic := false, false, 0
	for sc.Next() {
		switch sc.Kind() {
		case xmlStart:
			switch string(sc.Name()) {
			case "si":
				inSI = true
				text = text[:0]
			case "t":
				inT = inSI
			case "rPh":
				phonetic++
			}
		case xmlEnd:
			switch string(sc.Name()) {
			case "si":
				item := sstItem{s: string(unescapeXString(text))}
				if spill && len(item.s) > spillString {
					ref, err := b.store.Put(item.s)
					if err == nil {
						item = sstItem{ref: ref}
					}
				}
				b.sst = append(b.sst, item)
				inSI = false
			case "t":
				inT = false
			case "rPh":
				phonetic--
			}
		case xmlText:
			if inT && phonetic == 0 {
				text = append(text, sc.Text()...)
			}
		}
	}
	return b.sst, sc.Err()
}

// rowReader streams the rows of one sheet.
type rowReader struct {
	rc       io.ReadCloser
	sc       *xmlScanner
	sst      []sstItem
	store    taizhang.TextStore
	row      int
	cells    []string
	formulas []int    // columns of the current row's formulas without a result
	errs     []int    // columns of the current row's error values (#N/A)
	sources  []string // the text of each of formulas (empty for a shared formula)
	hidden   bool     // the current row is hidden
	merges   []mergeRange
	err      error
	done     bool
	size     uint64   // the sheet part's uncompressed size
	last     int      // the last row by the sheet's <dimension>, 0 when not given
	val      []byte   // the current cell's text, kept between rows
	fsrc     []byte   // the current cell's formula, kept between rows
	csv      *csvRows // set when the rows come from a CSV file rather than XML
}

// maxFormula bounds the formula text kept of a cell: only short ones are
// worked out (DATE(2021,7,30)).
const maxFormula = 256

// minRowBytes is the least XML a row with a value takes
// (<row r="9"><c r="A9"><v>1</v></c></row>): it bounds the rows a part of a
// given size can hold, whatever its <dimension> claims.
const minRowBytes = 40

// RowsHint returns how many rows the sheet likely has after row after, for
// sizing what the rows are read into; 0 when unknown. Known once Next has
// returned the first row.
func (rr *rowReader) RowsHint(after int) int {
	if rr.last <= after {
		return 0
	}
	return int(min(uint64(rr.last-after), rr.size/minRowBytes))
}

// rows opens the sheet named name for reading row by row.
func (b *book) rows(name string) (*rowReader, error) {
	if b.csv != nil && name == "" {
		return b.csv.rows(), nil
	}
	for _, s := range b.sheets {
		if s.name != name {
			continue
		}
		f, ok := b.files[strings.ToLower(s.path)]
		if !ok {
			return nil, fmt.Errorf("no part %s", s.path)
		}
		sst, err := b.sharedStrings()
		if err != nil {
			return nil, err
		}
		rc, err := f.Open()
		if err != nil {
			return nil, err
		}
		return &rowReader{rc: rc, sc: newXMLScanner(io.LimitReader(rc, unzipLimit), f.UncompressedSize64), sst: sst, store: b.store, size: f.UncompressedSize64}, nil
	}
	return nil, fmt.Errorf("no sheet %s", name)
}

// Close releases the sheet.
func (rr *rowReader) Close() {
	if rr.rc != nil {
		rr.rc.Close()
	}
	if rr.sc != nil {
		rr.sc.release()
	}
}

// Row returns the 1-based number of the current row.
func (rr *rowReader) Row() int { return rr.row }

// Cells returns the raw values of the current row by 0-based column; it is
// valid until the next call to Next.
func (rr *rowReader) Cells() []string { return rr.cells }

// Formulas returns the 0-based columns of the current row's cells that hold
// a formula but no result of it (a file written by a program that does not
// calculate, such as openpyxl); their values are empty. It is valid until
// the next call to Next.
func (rr *rowReader) Formulas() []int { return rr.formulas }

// Errors returns the 0-based columns of the current row's cells that hold an
// error value (#N/A, #REF!: the result of a formula gone wrong, or such a
// result pasted as a value), as opposed to text that looks like one. In a
// CSV file, which has no types, every such text is one (Excel exports error
// values as their text). It is valid until the next call to Next.
func (rr *rowReader) Errors() []int { return rr.errs }

// FormulaSources returns the text of each of Formulas, without the leading =
// (empty for a cell sharing another cell's formula).
func (rr *rowReader) FormulaSources() []string { return rr.sources }

// Hidden reports whether the current row is hidden.
func (rr *rowReader) Hidden() bool { return rr.hidden }

// Err returns the first error met, if any; Row is then the first row not read.
func (rr *rowReader) Err() error { return rr.err }

// Merges returns the sheet's merged ranges; they follow the cell data, so
// they are known once Next has returned false.
func (rr *rowReader) Merges() []mergeRange { return rr.merges }

// Next advances to the next row that has cells and reports whether there is one.
func (rr *rowReader) Next() bool {
	if rr.done {
		return false
	}
	if rr.csv != nil {
		return rr.nextCSV()
	}
	var (
		inRow, inCell, inV, inIS, inT bool
		inF                           bool // inside the formula of a cell
		hasF, hasV                    bool // the cell holds a formula, a value element
		phonetic                      int
		col                           = -1
		typ                           string
	)
	val := rr.val[:0]
	sc := rr.sc
	for sc.Next() {
		switch sc.Kind() {
		case xmlStart:
			switch string(sc.Name()) {
			case "row":
				inRow = true
				rr.cells = rr.cells[:0]
				rr.formulas = rr.formulas[:0]
				rr.sources = rr.sources[:0]
				rr.errs = rr.errs[:0]
				col = -1
				r := rr.row + 1
				if v, ok := sc.Attr("r"); ok {
					if n, ok := atoi(v); ok && n > 0 {
						r = n
					}
				}
				rr.row = r
				rr.hidden = false
				if v, ok := sc.Attr("hidden"); ok {
					rr.hidden = string(v) == "1" || string(v) == "true"
				}
			case "c":
				inCell, typ, hasF, hasV, inF = true, "", false, false, false
				val = val[:0]
				rr.fsrc = rr.fsrc[:0]
				next := col + 1
				if v, ok := sc.Attr("r"); ok {
					if c := refColumn(string(v)); c >= 0 {
						next = c
					}
				}
				if v, ok := sc.Attr("t"); ok {
					typ = cellType(v)
				}
				col = next
			case "v":
				inV, hasV = inCell, inCell
			case "f":
				hasF, inF = inCell, inCell
			case "is":
				inIS = inCell
			case "t":
				inT = inIS
			case "rPh":
				phonetic++
			case "dimension":
				if v, ok := sc.Attr("ref"); ok {
					if m, ok := parseRange(string(v)); ok {
						rr.last = m.r2
					}
				}
			case "mergeCell":
				if v, ok := sc.Attr("ref"); ok {
					if m, ok := parseRange(string(v)); ok && len(rr.merges) < maxMerges {
						rr.merges = append(rr.merges, m)
					}
				}
			}
		case xmlEnd:
			switch string(sc.Name()) {
			case "row":
				if inRow {
					rr.val = val
					return true
				}
			case "c":
				if inCell && col < maxColumns {
					rr.set(col, rr.value(typ, val))
					if typ == "e" {
						rr.errs = append(rr.errs, col)
					}
					// A formula's result is its <v>; an empty one is a
					// result only for a string formula (t="str").
					if hasF && (!hasV || typ != "str" && len(bytes.TrimSpace(val)) == 0) {
						rr.formulas = append(rr.formulas, col)
						rr.sources = append(rr.sources, string(rr.fsrc))
					}
				}
				inCell = false
			case "v":
				inV = false
			case "f":
				inF = false
			case "is":
				inIS = false
			case "t":
				inT = false
			case "rPh":
				phonetic--
			}
		case xmlText:
			if inV || inT && phonetic == 0 {
				val = append(val, sc.Text()...)
			} else if inF && len(rr.fsrc) < maxFormula {
				rr.fsrc = append(rr.fsrc, sc.Text()...)
			}
		}
	}
	rr.val = val
	rr.err = sc.Err()
	rr.done = true
	if rr.err != nil {
		// A row cut short by the error is not returned.
		if !inRow {
			rr.row++
		}
		return false
	}
	return inRow
}

// cellType returns the cell type attribute as one of the constant strings.
func cellType(t []byte) string {
	switch string(t) {
	case "s":
		return "s"
	case "b":
		return "b"
	case "str":
		return "str"
	case "inlineStr":
		return "inlineStr"
	case "n":
		return "n"
	case "e":
		return "e"
	case "d":
		return "d"
	}
	return string(t)
}

// atoi reads a non-negative decimal number, surrounded by spaces or not.
func atoi(b []byte) (int, bool) {
	b = bytes.TrimSpace(b)
	if len(b) == 0 || len(b) > 9 {
		return 0, false
	}
	n := 0
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

func (rr *rowReader) set(col int, v string) {
	if v == "" {
		return
	}
	for len(rr.cells) <= col {
		rr.cells = append(rr.cells, "")
	}
	rr.cells[col] = v
}

// value turns a cell's raw text into its value by the cell type.
func (rr *rowReader) value(typ string, raw []byte) string {
	switch typ {
	case "s":
		i, ok := atoi(raw)
		if !ok || i >= len(rr.sst) {
			return ""
		}
		item := rr.sst[i]
		if item.ref.Len > 0 {
			if s, err := rr.store.Get(item.ref); err == nil {
				return s
			}
		}
		return item.s
	case "inlineStr", "str":
		return string(unescapeXString(raw))
	case "b":
		switch string(bytes.TrimSpace(raw)) {
		case "1", "true":
			return "TRUE"
		case "0", "false":
			return "FALSE"
		}
	}
	return string(raw)
}

// unescapeXString decodes the _xHHHH_ escapes of a string cell (Excel writes
// a carriage return as _x000D_ and a literal "_x" as _x005F_x), in place.
// The escape of a control character XML cannot hold (_x0001_, pasted from
// another system) is dropped, as such a character is wherever it is written,
// but for a vertical tab (_x000B_, Word's line break within a paragraph),
// which is a line break; a pair of escaped surrogates is the one character
// they make.
func unescapeXString(b []byte) []byte {
	i := bytes.Index(b, []byte("_x"))
	if i < 0 {
		return b
	}
	out := b[:i]
	for i < len(b) {
		if v, ok := xEscape(b[i:]); ok {
			switch r := rune(v); {
			case r == '\v':
				out = append(out, '\n')
			case xmlChar(r):
				out = utf8.AppendRune(out, r)
			case utf16.IsSurrogate(r):
				lo, ok := xEscape(b[i+7:])
				if c := utf16.DecodeRune(r, rune(lo)); ok && c != utf8.RuneError {
					out = utf8.AppendRune(out, c)
					i += 7
					break
				}
				out = append(out, b[i:i+7]...) // a lone surrogate: kept as written
			}
			i += 7
			continue
		}
		out = append(out, b[i])
		i++
	}
	return out
}

// xEscape reads the _xHHHH_ escape b starts with.
func xEscape(b []byte) (uint64, bool) {
	if len(b) < 7 || b[0] != '_' || b[1] != 'x' || b[6] != '_' {
		return 0, false
	}
	v, err := strconv.ParseUint(string(b[2:6]), 16, 16)
	return v, err == nil
}

// refColumn returns the 0-based column of an A1 reference, or -1.
func refColumn(ref string) int {
	c := 0
	i := 0
	for ; i < len(ref); i++ {
		ch := ref[i]
		switch {
		case ch >= 'A' && ch <= 'Z':
			c = c*26 + int(ch-'A'+1)
		case ch >= 'a' && ch <= 'z':
			c = c*26 + int(ch-'a'+1)
		default:
			if i == 0 {
				return -1
			}
			return c - 1
		}
		if c > 16384 {
			return -1
		}
	}
	if i == 0 {
		return -1
	}
	return c - 1
}

// parseRange reads a merged range "A1:L1" (0-based columns, 1-based rows).
func parseRange(ref string) (mergeRange, bool) {
	a, b, ok := strings.Cut(ref, ":")
	if !ok {
		return mergeRange{}, false
	}
	c1, r1, ok1 := splitRef(a)
	c2, r2, ok2 := splitRef(b)
	if !ok1 || !ok2 || c2 < c1 || r2 < r1 {
		return mergeRange{}, false
	}
	return mergeRange{c1: c1, r1: r1, c2: c2, r2: r2}, true
}

func splitRef(ref string) (col, row int, ok bool) {
	col = refColumn(ref)
	i := strings.IndexAny(ref, "0123456789")
	if col < 0 || i < 0 {
		return 0, 0, false
	}
	row, err := strconv.Atoi(strings.TrimLeft(ref[i:], "$"))
	return col, row, err == nil && row > 0
}
