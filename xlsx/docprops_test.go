package xlsx

import (
	"bytes"
	"io"
	"testing"

	"github.com/xuri/excelize/v2"

	"taizhang"
)

// TestDocPropsDated writes a template, a programme workbook and a ledger:
// each says it was created and last modified when it was written, by
// taizhang, rather than on excelize's 2006-09-16.
func TestDocPropsDated(t *testing.T) {
	p := builtin(t)
	q := period(t, "2021-04-1")
	l := taizhang.Merge(p, nil, taizhang.MergeOptions{Period: q})
	for _, c := range []struct {
		name  string
		write func(w io.Writer) error
	}{
		{"模板", func(w io.Writer) error { return WriteTemplate(w, p, "包头市", q, written) }},
		{"方案工作簿", func(w io.Writer) error { return WriteProgramme(w, p, written) }},
		{"汇总台账", func(w io.Writer) error { return WriteLedger(w, l, written) }},
	} {
		var buf bytes.Buffer
		if err := c.write(&buf); err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		f, err := excelize.OpenReader(&buf)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		props, err := f.GetDocProps()
		f.Close()
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		// 2021-04-01 09:30 Beijing time.
		const want = "2021-04-01T01:30:00Z"
		if props.Created != want || props.Modified != want || props.Creator != "taizhang" {
			t.Errorf("%s: created %s, modified %s, by %q; want %s, %s, by taizhang", c.name, props.Created, props.Modified, props.Creator, want, want)
		}
	}
}
