package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
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

// TestAnnotatePrintsCopies prints, after the summary, one line naming each
// annotated copy written; with --json, stdout stays one JSON document and
// the lines go to stderr.
func TestAnnotatePrintsCopies(t *testing.T) {
	dir := t.TempDir()
	copySample(t, badDateSample, dir)
	copySample(t, "2021-04/上半月/乌海市_2021年4月上半月_进展情况表.xlsx", dir)
	t.Chdir(dir)
	a, b := filepath.Base(badDateSample), "乌海市_2021年4月上半月_进展情况表.xlsx"
	r := taizhangRun("validate", "--annotate", "批注", a, b)
	if r.code == exitFailed {
		t.Fatalf("validate --annotate:\n%v", r)
	}
	want := "已写出标注副本：" + filepath.Join("批注", "包头市_2021年4月上半月_进展情况表_校验批注.xlsx") + "\n" +
		"已写出标注副本：" + filepath.Join("批注", "乌海市_2021年4月上半月_进展情况表_校验批注.xlsx") + "\n"
	lines := strings.SplitAfter(r.stdout, "\n")
	if len(lines) < 4 || !strings.HasPrefix(lines[len(lines)-4], "共检查 2 个文件") || strings.Join(lines[len(lines)-3:], "") != want {
		t.Errorf("stdout ends:\n%s\nwant the summary, then:\n%s", r.stdout, want)
	}
	r = taizhangRun("validate", "--json", "--force", "--annotate", "批注", a, b)
	var doc map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
		t.Errorf("validate --json --annotate: stdout is not JSON: %v\n%s", err, r.stdout)
	}
	if r.stderr != want {
		t.Errorf("validate --json --annotate: stderr\n%s\nwant\n%s", r.stderr, want)
	}
}

// TestAnnotateCopyFails annotates two sheets of which one cannot be copied
// with its notes (a comment on the cell in error, in a drawing that also
// holds a check box): the findings of both are printed, the other copy is
// written, and one Chinese line on stderr names the file whose copy was not,
// rather than the whole run stopping before printing anything.
func TestAnnotateCopyFails(t *testing.T) {
	dir := t.TempDir()
	copySample(t, badDateSample, dir)
	bad := "兴安盟_2021年4月上半月_进展情况表.xlsx"
	src := filepath.Join(abs(t, samplesDir), "2021-04", "上半月", bad)
	t.Chdir(dir)
	f, err := excelize.OpenFile(src)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.AddFormControl("进展情况", excelize.FormControl{Cell: "N2", Type: excelize.FormControlCheckBox, Text: "已审核"}); err != nil {
		t.Fatal(err)
	}
	if err := f.AddComment("进展情况", excelize.Comment{Cell: "G7", Author: "张三", Text: "请核实"}); err != nil {
		t.Fatal(err)
	}
	if err := f.SaveAs(bad); err != nil {
		t.Fatal(err)
	}
	f.Close()
	good := filepath.Base(badDateSample)
	r := taizhangRun("validate", "--annotate", "批注", good, bad)
	r.printed(t,
		good+" 进展情况!H7 错误 填写有误",
		bad+" 进展情况!G7 错误 填写有误",
		"共检查 2 个文件",
		"已写出标注副本："+filepath.Join("批注", "包头市_2021年4月上半月_进展情况表_校验批注.xlsx")+"\n",
	)
	want := "taizhang validate: " + bad + " 的标注副本未能写出：无法在 进展情况!G7 加批注（该单元格已有批注，且本程序无法把它移开；请删除该单元格原有的批注后再运行）\n"
	if r.code != exitFailed || r.stderr != want {
		t.Errorf("validate:\n%v\nwant exit 2 and stderr %q", r, want)
	}
}
