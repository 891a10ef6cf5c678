package taizhang_test

import (
	"testing"

	"taizhang"
	"taizhang/bench/benchdata"
)

// BenchmarkMerge times the domain merge alone (no workbook is read or
// written): the 16 sheets of the built-in programme, and a national batch of
// 2,000 county sheets of 60 entries each. See bench/run.sh for end-to-end figures.
func BenchmarkMerge(b *testing.B) {
	cases := []struct {
		name string
		p    *taizhang.Programme
		q    taizhang.Period
	}{
		{"provincial-16x7", builtin(b), benchdata.ProvincialPeriod},
		{"national-2000x60", benchdata.National(2000, 20, 3), benchdata.NationalPeriod},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			files := benchdata.Batch(c.p, c.q, 1)
			rows := 0
			b.ReportAllocs()
			for b.Loop() {
				l := taizhang.Merge(c.p, files, taizhang.MergeOptions{})
				rows = len(l.Rows)
			}
			b.ReportMetric(float64(rows), "rows/op")
		})
	}
}
