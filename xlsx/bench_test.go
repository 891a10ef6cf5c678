package xlsx_test

import (
	"bytes"
	"testing"
	"time"

	"taizhang"
	"taizhang/bench/benchdata"
	"taizhang/bench/benchsheet"
	"taizhang/templates"
	"taizhang/xlsx"

	"github.com/xuri/excelize/v2"
)

// BenchmarkReadSubmission reads one filled template: a county sheet of 60
// entries under the national programme (2,000 units), and a 盟市 sheet of 7
// entries under the built-in programme.
func BenchmarkReadSubmission(b *testing.B) {
	builtin, err := taizhang.ParseProgrammeText(templates.Programme)
	if err != nil {
		b.Fatal(err)
	}
	cases := []struct {
		name string
		p    *taizhang.Programme
		unit int
		q    taizhang.Period
		rows int
	}{
		{"national-60rows", benchdata.National(2000, 20, 3), 1000, benchdata.NationalPeriod, 60},
		{"provincial-7rows", builtin, 1, benchdata.ProvincialPeriod, 7},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			unit := c.p.Units[c.unit].Name
			var buf bytes.Buffer
			if err := benchsheet.Write(&buf, c.p, unit, c.q, 1, c.unit); err != nil {
				b.Fatal(err)
			}
			src := taizhang.Source{Path: xlsx.TemplateName(unit, c.q), Name: xlsx.TemplateName(unit, c.q)}
			b.SetBytes(int64(buf.Len()))
			b.ReportAllocs()
			for b.Loop() {
				s, fs := xlsx.ReadSubmission(src, buf.Bytes(), xlsx.ReadOptions{Programme: c.p})
				if s == nil || len(s.Entries) != c.rows || s.Unit != unit {
					b.Fatalf("read %v: %v", s, fs)
				}
			}
		})
	}
}

// BenchmarkWriteLedger writes the ledger of 170 county sheets of 60 entries
// (10,200 rows in 汇总台账) under the national programme.
func BenchmarkWriteLedger(b *testing.B) {
	p := benchdata.National(170, 20, 3)
	l := taizhang.Merge(p, benchdata.Batch(p, benchdata.NationalPeriod, 1), taizhang.MergeOptions{})
	n := int64(0)
	b.ReportAllocs()
	for b.Loop() {
		w := &countWriter{}
		if err := xlsx.WriteLedger(w, l, time.Now()); err != nil {
			b.Fatal(err)
		}
		n = w.n
	}
	b.ReportMetric(float64(len(l.Rows)), "rows/op")
	b.ReportMetric(float64(n), "file-bytes/op")
}

type countWriter struct{ n int64 }

func (w *countWriter) Write(p []byte) (int, error) { w.n += int64(len(p)); return len(p), nil }

// TestLargeLedgerRowsInOrder writes a ledger of many batches of rows
// (encoded on several cores, their buffers reused) and reads 汇总台账
// back: every row holds its own unit, progress and source, in the ledger's
// order.
func TestLargeLedgerRowsInOrder(t *testing.T) {
	p := benchdata.National(12, 20, 3)
	l := taizhang.Merge(p, benchdata.Batch(p, benchdata.NationalPeriod, 1), taizhang.MergeOptions{})
	if len(l.Rows) < 600 {
		t.Fatalf("only %d rows", len(l.Rows))
	}
	var buf bytes.Buffer
	if err := xlsx.WriteLedger(&buf, l, time.Now()); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(xlsx.SheetLedger)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(l.Rows)+1 {
		t.Fatalf("汇总台账 has %d rows, want %d and the header", len(rows)-1, len(l.Rows))
	}
	for i := range l.Rows {
		r := &l.Rows[i]
		texts, err := l.Texts(r.Entry)
		if err != nil {
			t.Fatal(err)
		}
		got := rows[i+1]
		if got[0] != r.Unit() || got[7] != texts.Progress || got[13] != r.Place().File+" › "+r.Place().Ref() {
			t.Fatalf("row %d: %q %q %q, want %s, %q from %s", i+2, got[0], got[7], got[13], r.Unit(), texts.Progress, r.Place())
		}
	}
}
