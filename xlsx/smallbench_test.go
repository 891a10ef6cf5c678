package xlsx

import (
	"io"
	"testing"

	"taizhang"
)

// filledLedger merges the filled-in templates of units for 2021年4月上半月,
// dated filledOn.
func filledLedger(t testing.TB, filledOn string, units ...string) *taizhang.Ledger {
	t.Helper()
	p := builtin(t)
	q := period(t, "2021-04-1")
	var files []taizhang.File
	for _, u := range units {
		src := taizhang.Source{Path: u + ".xlsx", Name: u + ".xlsx"}
		s, fs := ReadSubmission(src, filled(t, p, u, q, filledOn, nil), ReadOptions{Programme: p})
		files = append(files, taizhang.File{Source: src, Submission: s, Findings: fs})
	}
	return taizhang.Merge(p, files, taizhang.MergeOptions{})
}

func BenchmarkWriteSmallLedger(b *testing.B) {
	var units []string
	for _, u := range builtin(b).Units {
		units = append(units, u.Name)
	}
	l := filledLedger(b, "2021-04-14", units...)
	b.ResetTimer()
	for range b.N {
		if err := WriteLedger(io.Discard, l, written); err != nil {
			b.Fatal(err)
		}
	}
}
