package xlsx

import (
	"io"
	"testing"

	"taizhang"
)

func BenchmarkWriteSmallLedger(b *testing.B) {
	p := builtin(b)
	q := period(b, "2021-04-1")
	var files []taizhang.File
	for _, u := range p.Units {
		data := filled(b, p, u.Name, q, "2021-04-14", nil)
		src := taizhang.Source{Path: u.Name + ".xlsx", Name: u.Name + ".xlsx"}
		s, fs := ReadSubmission(src, data, ReadOptions{Programme: p})
		files = append(files, taizhang.File{Source: src, Submission: s, Findings: fs})
	}
	l := taizhang.Merge(p, files, taizhang.MergeOptions{})
	b.ResetTimer()
	for range b.N {
		if err := WriteLedger(io.Discard, l, written); err != nil {
			b.Fatal(err)
		}
	}
}
