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
	legacy, err := os.ReadFile(filepath.Join("..", filepath.FromSlash(juneSecond), LegacyName))
	if err != nil {
		t.Fatalf("the committed legacy workbook: %v", err)
	}
	for _, dir := range []string{a, b} {
		// The generator keeps an existing .xls (LibreOffice's output is not
		// byte-stable): give it the committed one.
		d := filepath.Join(dir, filepath.FromSlash(juneSecond))
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(d, LegacyName), legacy, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := generate(dir); err != nil {
			t.Fatal(err)
		}
	}
	n := 0
	err = filepath.WalkDir(a, func(path string, d os.DirEntry, err error) error {
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
	if n != 87 {
		t.Errorf("generator wrote %d files, want 87 (65 sheets and the programme workbook for April and May, 21 files for June)", n)
	}
}

// TestLegacyWorkbook checks that the committed .xls is a real Excel 97-2003
// workbook: an OLE2 compound file with a Workbook stream, not an .xlsx renamed.
func TestLegacyWorkbook(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", filepath.FromSlash(juneSecond), LegacyName))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(data, oleMagic) {
		t.Fatalf("%s does not start with the OLE2 signature", LegacyName)
	}
	workbook := []byte{'W', 0, 'o', 0, 'r', 0, 'k', 0, 'b', 0, 'o', 0, 'o', 0, 'k', 0}
	if !bytes.Contains(data, workbook) {
		t.Errorf("%s has no Workbook stream (BIFF8)", LegacyName)
	}
}
