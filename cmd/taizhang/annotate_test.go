package main

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// TestAnnotateNamesTheFormat annotates an .xls and an .xlsx of the same name:
// the copy of the .xls says it came from one, rather than taking a number.
func TestAnnotateNamesTheFormat(t *testing.T) {
	requireTool(t, sofficeOnPath(), "LibreOffice (soffice)")
	dir := t.TempDir()
	prog := filepath.Join(abs(t, samplesDir), "方案工作簿.xlsx")
	copySample(t, juneXLS, dir)
	copySample(t, badDateSample, dir)
	t.Chdir(dir)
	xlsName := filepath.Base(juneXLS)
	same := xlsName[:len(xlsName)-len(".xls")] + ".xlsx"
	if err := os.Rename(filepath.Base(badDateSample), same); err != nil {
		t.Fatal(err)
	}
	r := taizhangRun("validate", "--annotate", "批注", "--programme", prog, xlsName, same)
	if r.code == exitFailed {
		t.Fatalf("validate --annotate:\n%v", r)
	}
	entries, err := os.ReadDir("批注")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	want := []string{"通辽市_2021年6月下半月_进展情况表_校验批注.xlsx", "通辽市_2021年6月下半月_进展情况表（xls）_校验批注.xlsx"}
	if !slices.Equal(names, want) {
		t.Errorf("annotated copies %q, want %q", names, want)
	}
}
