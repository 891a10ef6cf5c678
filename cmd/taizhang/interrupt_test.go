package main

import (
	"os"
	"path/filepath"
	"testing"
)

// An interrupt closes the registered open files, removes the registered
// files and folders, and only those still registered: an output written and
// renamed into place is forgotten.
func TestRemoveScratch(t *testing.T) {
	dir := t.TempDir()
	store := filepath.Join(dir, "scratch")
	if err := os.MkdirAll(filepath.Join(store, "convert"), 0o755); err != nil {
		t.Fatal(err)
	}
	partial := filepath.Join(dir, ".~taizhang-1.tmp")
	written := filepath.Join(dir, ".~taizhang-2.tmp")
	for _, f := range []string{partial, written, filepath.Join(store, "convert", "a.xlsx")} {
		if err := os.WriteFile(f, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	f, err := os.OpenFile(partial, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	removeOnInterrupt(store)
	removeOnInterrupt(partial, f) // still being written: closed first
	removeOnInterrupt(written)()  // renamed into place: no longer scratch
	removeScratch()
	for _, f := range []string{store, partial} {
		if _, err := os.Stat(f); !os.IsNotExist(err) {
			t.Errorf("%s is still there after an interrupt", f)
		}
	}
	if _, err := f.Write([]byte("y")); err == nil {
		t.Error("a registered open file was not closed")
	}
	if _, err := os.Stat(written); err != nil {
		t.Errorf("a forgotten file was removed: %v", err)
	}
}
