package xlsx

import (
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
