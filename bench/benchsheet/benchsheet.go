// Package benchsheet makes the filled progress sheets of the project's
// benchmark: the real template (xlsx.WriteTemplate) filled, cell by cell with
// excelize, with the contents benchdata draws. Only the benchmark uses it.
package benchsheet

import (
	"bytes"
	"fmt"
	"io"
	"time"

	"github.com/xuri/excelize/v2"

	"taizhang"
	"taizhang/bench/benchdata"
	"taizhang/xlsx"
)

// Cells of the template (xlsx/layout.go): the values of 填报日期, 联系人 and
// 联系电话, the first entry row and the fillable columns.
const (
	filledCell    = "I2"
	contactCell   = "C3"
	phoneCell     = "F3"
	firstEntryRow = 5
)

var fillColumns = [...]string{"G", "H", "I", "J", "K", "L"} // 进展状态 完成时间 进展情况 佐证材料 存在问题 下一步计划

// Write writes unit's template for period q, filled as the unit would fill it
// with the contents of sheet number n of a batch with this seed.
func Write(w io.Writer, p *taizhang.Programme, unit string, q taizhang.Period, seed uint64, n int) error {
	fl := benchdata.NewFiller(seed, n, q)
	var buf bytes.Buffer
	if err := xlsx.WriteTemplate(&buf, p, unit, q, time.Now()); err != nil {
		return err
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		return err
	}
	defer f.Close()
	sh := xlsx.SheetProgress
	var errs []error
	set := func(ref string, v any) {
		switch v := v.(type) {
		case nil:
		case string:
			if v != "" {
				errs = append(errs, f.SetCellStr(sh, ref, v))
			}
		default:
			errs = append(errs, f.SetCellValue(sh, ref, v))
		}
	}
	h := fl.Header()
	set(filledCell, h.Filled)
	set(contactCell, h.Contact)
	set(phoneCell, h.Phone)
	for i, ms := range p.UnitMilestones(unit) {
		e := fl.Entry(ms)
		r := firstEntryRow + i
		for j, v := range []any{e.Status, e.Completed, e.Progress, e.Evidence, e.Problems, e.NextSteps} {
			set(fmt.Sprintf("%s%d", fillColumns[j], r), v)
		}
	}
	for _, err := range errs {
		if err != nil {
			return fmt.Errorf("%s %s: %w", unit, q, err)
		}
	}
	_, err = f.WriteTo(w)
	return err
}
