package xlsx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"

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
func openBookAt(r io.ReaderAt, size int64) (*book, error) {
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
	if total > unzipLimit {
		return nil, fmt.Errorf("size exceeds %d", unzipLimit)
	}
	wbPath := "xl/workbook.xml"
	if rels, err := b.rels(""); err == nil {
		for _, r := range rels {
			if strings.HasSuffix(r.typ, "/officeDocument") {
				wbPath = r.target
			}
		}
	}
	var wb struct {
		Pr struct {
			Date1904 string `xml:"date1904,attr"`
		} `xml:"workbookPr"`
		Sheets []struct {
			Name  string `xml:"name,attr"`
			State string `xml:"state,attr"`
			ID    string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	raw, err := b.part(wbPath)
	if err != nil {
		return nil, err
	}
	if err := xml.Unmarshal(raw, &wb); err != nil {
		return nil, err
	}
	b.date1904 = wb.Pr.Date1904 == "1" || wb.Pr.Date1904 == "true"
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
	for _, s := range wb.Sheets {
		if p, ok := byID[s.ID]; ok {
			b.sheets = append(b.sheets, bookSheet{name: s.Name, path: p, hidden: s.State == "hidden" || s.State == "veryHidden"})
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
	var doc struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Type   string `xml:"Type,attr"`
			Target string `xml:"Target,attr"`
			Mode   string `xml:"TargetMode,attr"`
		} `xml:"Relationship"`
	}
	if err := xml.Unmarshal(raw, &doc); err != nil {
		return nil, err
	}
	var out []rel
	for _, r := range doc.Rels {
		if r.Mode == "External" {
			continue
		}
		t := r.Target
		if strings.HasPrefix(t, "/") {
			t = strings.TrimPrefix(t, "/")
		} else {
			t = path.Join(dir, t)
		}
		out = append(out, rel{r.ID, r.Type, t})
	}
	return out, nil
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
	d := xml.NewDecoder(io.LimitReader(rc, unzipLimit))
	var text strings.Builder
	inSI, inT, phonetic := false, false, 0
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			return b.sst, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "si":
				inSI = true
				text.Reset()
			case "t":
				inT = inSI
			case "rPh":
				phonetic++
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "si":
				item := sstItem{s: text.String()}
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
		case xml.CharData:
			if inT && phonetic == 0 {
				text.Write(t)
			}
		}
	}
	return b.sst, nil
}

// rowReader streams the rows of one sheet.
type rowReader struct {
	rc     io.ReadCloser
	d      *xml.Decoder
	sst    []sstItem
	store  taizhang.TextStore
	row    int
	cells  []string
	merges []mergeRange
	err    error
	done   bool
	size   uint64   // the sheet part's uncompressed size
	last   int      // the last row by the sheet's <dimension>, 0 when not given
	csv    *csvRows // set when the rows come from a CSV file rather than XML
}

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
		return &rowReader{rc: rc, d: xml.NewDecoder(io.LimitReader(rc, unzipLimit)), sst: sst, store: b.store, size: f.UncompressedSize64}, nil
	}
	return nil, fmt.Errorf("no sheet %s", name)
}

// Close releases the sheet.
func (rr *rowReader) Close() {
	if rr.rc != nil {
		rr.rc.Close()
	}
}

// Row returns the 1-based number of the current row.
func (rr *rowReader) Row() int { return rr.row }

// Cells returns the raw values of the current row by 0-based column; it is
// valid until the next call to Next.
func (rr *rowReader) Cells() []string { return rr.cells }

// Err returns the first error met, if any.
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
		phonetic                      int
		col                           = -1
		typ                           string
		val                           strings.Builder
	)
	for {
		tok, err := rr.d.RawToken()
		if err != nil {
			if err != io.EOF {
				rr.err = err
			}
			rr.done = true
			return inRow
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "row":
				inRow = true
				rr.cells = rr.cells[:0]
				col = -1
				r := rr.row + 1
				for _, a := range t.Attr {
					if a.Name.Local == "r" {
						if n, err := strconv.Atoi(a.Value); err == nil && n > 0 {
							r = n
						}
					}
				}
				rr.row = r
			case "c":
				inCell, typ = true, ""
				val.Reset()
				next := col + 1
				for _, a := range t.Attr {
					switch a.Name.Local {
					case "r":
						if c := refColumn(a.Value); c >= 0 {
							next = c
						}
					case "t":
						typ = a.Value
					}
				}
				col = next
			case "v":
				inV = inCell
			case "is":
				inIS = inCell
			case "t":
				inT = inIS
			case "rPh":
				phonetic++
			case "dimension":
				for _, a := range t.Attr {
					if a.Name.Local == "ref" {
						if m, ok := parseRange(a.Value); ok {
							rr.last = m.r2
						}
					}
				}
			case "mergeCell":
				for _, a := range t.Attr {
					if a.Name.Local == "ref" {
						if m, ok := parseRange(a.Value); ok && len(rr.merges) < maxMerges {
							rr.merges = append(rr.merges, m)
						}
					}
				}
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "row":
				if inRow {
					return true
				}
			case "c":
				if inCell && col < maxColumns {
					rr.set(col, rr.value(typ, val.String()))
				}
				inCell = false
			case "v":
				inV = false
			case "is":
				inIS = false
			case "t":
				inT = false
			case "rPh":
				phonetic--
			}
		case xml.CharData:
			if inV || inT && phonetic == 0 {
				val.Write(t)
			}
		}
	}
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
func (rr *rowReader) value(typ, raw string) string {
	switch typ {
	case "s":
		i, err := strconv.Atoi(strings.TrimSpace(raw))
		if err != nil || i < 0 || i >= len(rr.sst) {
			return ""
		}
		item := rr.sst[i]
		if item.ref.Len > 0 {
			if s, err := rr.store.Get(item.ref); err == nil {
				return s
			}
		}
		return item.s
	case "b":
		switch strings.TrimSpace(raw) {
		case "1", "true":
			return "TRUE"
		case "0", "false":
			return "FALSE"
		}
	}
	return raw
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
