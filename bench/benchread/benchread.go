// Package benchread reads sheets for the benchmark's tools the way
// taizhang merge reads a file on disk: in place, with the entries' texts
// stowed in a temporary file.
package benchread

import (
	"fmt"
	"os"
	"path/filepath"

	"taizhang"
	"taizhang/filestore"
	"taizhang/templates"
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

// Programme reads the programme workbook at path, or the built-in programme
// when path is "".
func Programme(path string) (*taizhang.Programme, error) {
	if path == "" {
		return taizhang.ParseProgrammeText(templates.Programme)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	p, fs := xlsx.ReadProgramme(filepath.Base(path), data)
	if p == nil {
		return nil, fmt.Errorf("%s: %v", path, fs)
	}
	return p, nil
}

// Store returns the store merge stows texts in, a temporary file, and the
// function that removes it; with stow false, nil (texts stay in memory).
func Store(stow bool) (taizhang.TextStore, func(), error) {
	if !stow {
		return nil, func() {}, nil
	}
	fs, err := filestore.New()
	if err != nil {
		return nil, nil, err
	}
	return fs, func() { fs.Close() }, nil
}
