package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestSamplesUpToDate regenerates the samples twice into temporary folders:
// the two runs must agree byte for byte, and with the committed samples (after
// a change to the template writer, run go run ./samples/gen and then
// go test ./cmd/taizhang -update).
func TestSamplesUpToDate(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	for _, dir := range []string{a, b} {
		if err := generate(dir); err != nil {
			t.Fatal(err)
		}
	}
	n := 0
	err := filepath.WalkDir(a, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(a, path)
		got, _ := os.ReadFile(path)
		again, _ := os.ReadFile(filepath.Join(b, rel))
		if !bytes.Equal(got, again) {
			t.Errorf("%s: two runs of the generator differ", rel)
		}
		committed, err := os.ReadFile(filepath.Join("..", rel))
		if err != nil {
			t.Errorf("%s is not in samples/: %v", rel, err)
		} else if !bytes.Equal(got, committed) {
			t.Errorf("samples/%s is stale: run go run ./samples/gen", filepath.ToSlash(rel))
		}
		n++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n != 66 {
		t.Errorf("generator wrote %d files, want 66 (65 sheets and the programme workbook)", n)
	}
}
