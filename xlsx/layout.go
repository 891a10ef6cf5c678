// Package xlsx reads and writes the program's Excel workbooks: the programme
// workbook, the blank templates units fill in, the sheets they return, and
// the consolidated ledger. It is the only package that imports excelize.
package xlsx

import (
	"fmt"
	"sync"
	"time"

	"github.com/xuri/excelize/v2"

	"taizhang"
)

// Sheet names of the template.
const (
	SheetProgress = "进展情况"
	SheetHelp     = "填报说明"
	sheetMark     = "_taizhang" // very hidden: unit and period of a template
	markTag       = "taizhang-template"
)

// templateColumns is the template's column order (A…L).
var templateColumns = []taizhang.Field{
	taizhang.FieldSeq, taizhang.FieldNo, taizhang.FieldMeasure, taizhang.FieldNode,
	taizhang.FieldDeadline, taizhang.FieldLead, taizhang.FieldStatus, taizhang.FieldCompleted,
	taizhang.FieldProgress, taizhang.FieldEvidence, taizhang.FieldProblems, taizhang.FieldNext,
}

// Template geometry: title, two header-block rows, the column headers, then entries.
const (
	headerRow     = 4
	firstEntryRow = 5
	filledCell    = "I2" // the value of 填报日期
)

// templateWidths are the column widths in characters, sized for Chinese text.
var templateWidths = map[taizhang.Field]float64{
	taizhang.FieldSeq: 5.5, taizhang.FieldNo: 9, taizhang.FieldMeasure: 22, taizhang.FieldNode: 24,
	taizhang.FieldDeadline: 12, taizhang.FieldLead: 14, taizhang.FieldStatus: 10, taizhang.FieldCompleted: 12,
	taizhang.FieldProgress: 40, taizhang.FieldEvidence: 20, taizhang.FieldProblems: 24, taizhang.FieldNext: 24,
}

// col returns the column letter of the 1-based column n.
func col(n int) string {
	s, _ := excelize.ColumnNumberToName(n)
	return s
}

// cell returns the A1 reference of column n (1-based) and row r.
func cell(n, r int) string { return fmt.Sprintf("%s%d", col(n), r) }

// unzipLimit is the total uncompressed size of a workbook the reader
// accepts; a variable for tests.
var unzipLimit int64 = 512 << 20

// Limits on what the reader accepts.
const (
	maxRows = 1_100_000 // a sheet past this is cut, with a finding
	maxCell = 32767     // Excel's own limit on the characters of a cell
)

func ptr[T any](v T) *T { return &v }

// styles builds and remembers the cell styles of one workbook.
type styles struct {
	mu    sync.Mutex // the ledger's sheets are streamed side by side
	f     *excelize.File
	cache map[string]int
	err   error
}

func newStyles(f *excelize.File) *styles { return &styles{f: f, cache: map[string]int{}} }

// get returns the style id for s, creating it once under key.
func (st *styles) get(key string, s *excelize.Style) int {
	st.mu.Lock()
	defer st.mu.Unlock()
	if id, ok := st.cache[key]; ok {
		return id
	}
	id, err := st.f.NewStyle(s)
	if err != nil && st.err == nil {
		st.err = err
	}
	st.cache[key] = id
	return id
}

var thin = []excelize.Border{
	{Type: "left", Color: "808080", Style: 1}, {Type: "right", Color: "808080", Style: 1},
	{Type: "top", Color: "808080", Style: 1}, {Type: "bottom", Color: "808080", Style: 1},
}

const fontName = "宋体"

func font(size float64, bold bool) *excelize.Font {
	return &excelize.Font{Family: fontName, Size: size, Bold: bold}
}

func fill(color string) excelize.Fill {
	if color == "" {
		return excelize.Fill{}
	}
	return excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{color}}
}

// Colours of the status cells and findings.
const (
	colorHeader = "D9E1F2"
	colorLocked = "F2F2F2"
	colorGreen  = "C6EFCE"
	colorYellow = "FFEB9C"
	colorRed    = "FFC7CE"
	colorGrey   = "D9D9D9"
	colorBlue   = "DDEBF7"
)

// stamp sets the document properties of a workbook taizhang writes: p, by
// taizhang, created and last modified at now (the current time when now is
// zero) instead of excelize's fixed 2006-09-16.
func stamp(f *excelize.File, now time.Time, p excelize.DocProperties) error {
	if now.IsZero() {
		now = time.Now()
	}
	at := now.UTC().Truncate(time.Second).Format(time.RFC3339)
	p.Creator, p.LastModifiedBy, p.Created, p.Modified = "taizhang", "taizhang", at, at
	return f.SetDocProps(&p)
}
