// Package benchread reads sheets for the benchmark's tools the way
// taizhang merge reads a file on disk: in place, with the entries' texts
// stowed in a temporary file.
package benchread

import (
	"os"
	"path/filepath"

	"taizhang"
	"taizhang/xlsx"
)

// ReadFile reads the sheet at path, stowing its entries' texts in store
// (nil keeps them in memory). Only a file that cannot be opened is an
// error; what the reader finds is in the findings.
func ReadFile(path string, p *taizhang.Programme, store taizhang.TextStore) (*taizhang.Submission, taizhang.Findings, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, nil, err
	}
	src := taizhang.Source{Path: filepath.Base(path), Name: filepath.Base(path)}
	s, fs := xlsx.ReadSubmissionAt(src, f, st.Size(), xlsx.ReadOptions{Programme: p, Store: store})
	if s != nil && store != nil {
		for i := range s.Entries {
			if err := s.Entries[i].Stow(store); err != nil {
				return s, fs, err
			}
		}
	}
	return s, fs, nil
}
