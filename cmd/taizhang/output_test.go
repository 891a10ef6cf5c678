package main

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"taizhang/xlsx"
)

// TestRefuseExistingOutput runs each command that writes into a folder a
// second time: it refuses to overwrite what the first run wrote, naming the
// file, unless --force is given.
func TestRefuseExistingOutput(t *testing.T) {
	samples := abs(t, samplesDir)
	for _, tc := range []struct {
		name   string
		args   []string
		files  []string // written by the first run
		stderr string   // of the second run
		code   int      // of a run that writes
	}{
		{"init", []string{"init"}, []string{"方案工作簿.xlsx"},
			"taizhang init: 输出文件已存在：方案工作簿.xlsx（如需覆盖请加 --force）\n", exitOK},
		{"init -o", []string{"init", "-o", "方案/新方案.xlsx"}, []string{"方案/新方案.xlsx"},
			"taizhang init: 输出文件已存在：方案/新方案.xlsx（如需覆盖请加 --force）\n", exitOK},
		{"template one unit", []string{"template", "--period", "2021-04-1", "--unit", "包头市", "-o", "模板"},
			[]string{"模板/包头市_2021年4月上半月_进展情况表.xlsx"},
			"taizhang template: 输出文件已存在：模板/包头市_2021年4月上半月_进展情况表.xlsx（如需覆盖请加 --force）\n", exitOK},
		{"template all units", []string{"template", "--period", "2021-04-1", "-o", "模板"},
			[]string{"模板/呼和浩特市_2021年4月上半月_进展情况表.xlsx", "模板/自治区政务服务局_2021年4月上半月_进展情况表.xlsx"},
			"taizhang template: 输出文件已存在：模板/呼和浩特市_2021年4月上半月_进展情况表.xlsx 等 16 个文件（如需覆盖请加 --force）\n", exitOK},
		{"validate --annotate", []string{"validate", "--annotate", "批注", filepath.Join(samples, badDateSample)},
			[]string{"批注/包头市_2021年4月上半月_进展情况表_校验批注.xlsx"},
			"taizhang validate: 输出文件已存在：批注/包头市_2021年4月上半月_进展情况表_校验批注.xlsx（如需覆盖请加 --force）\n", exitFindings},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Chdir(t.TempDir())
			if r := taizhangRun(tc.args...); r.code != tc.code {
				t.Fatalf("first run:\n%v", r)
			}
			before := map[string][]byte{}
			for _, f := range tc.files {
				data, err := os.ReadFile(f)
				if err != nil {
					t.Fatalf("first run wrote no %s: %v", f, err)
				}
				before[f] = data
				// Mark the file, so that an overwrite shows.
				if err := os.WriteFile(f, append(data, "mark"...), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			r := taizhangRun(tc.args...)
			if r.code != exitFailed || r.stdout != "" || r.stderr != tc.stderr {
				t.Errorf("second run:\n%v\nwant exit 2 and stderr %q", r, tc.stderr)
			}
			for _, f := range tc.files {
				if data, _ := os.ReadFile(f); !bytes.HasSuffix(data, []byte("mark")) {
					t.Errorf("second run overwrote %s", f)
				}
			}
			r = taizhangRun(append(tc.args, "--force")...)
			if r.code != tc.code || r.stderr != "" {
				t.Fatalf("run with --force:\n%v", r)
			}
			for _, f := range tc.files {
				if data, _ := os.ReadFile(f); bytes.HasSuffix(data, []byte("mark")) {
					t.Errorf("run with --force left %s as it was", f)
				}
			}
		})
	}
}

// TestAnnotateNeverTakesAnInputName annotates, into their own folder, a
// sheet and a sheet already named like an annotated copy of it: neither
// input is overwritten, even with --force, and every copy carries the suffix.
func TestAnnotateNeverTakesAnInputName(t *testing.T) {
	dir := t.TempDir()
	data := copySample(t, badDateSample, dir)
	t.Chdir(dir)
	name := filepath.Base(badDateSample)
	copyName := strings.TrimSuffix(name, ".xlsx") + "_校验批注.xlsx"
	if err := os.WriteFile(copyName, data, 0o644); err != nil {
		t.Fatal(err)
	}
	r := taizhangRun("validate", "--annotate", ".", "--force", name, copyName)
	if r.code != exitFindings {
		t.Fatalf("validate --annotate:\n%v", r)
	}
	for _, f := range []string{name, copyName} {
		if got, _ := os.ReadFile(f); !bytes.Equal(got, data) {
			t.Errorf("validate --annotate --force overwrote the input %s", f)
		}
	}
	entries, _ := os.ReadDir(".")
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	want := []string{
		"包头市_2021年4月上半月_进展情况表.xlsx",
		"包头市_2021年4月上半月_进展情况表_校验批注.xlsx",
		"包头市_2021年4月上半月_进展情况表_校验批注2.xlsx",
		"包头市_2021年4月上半月_进展情况表_校验批注_校验批注.xlsx",
	}
	if strings.Join(names, "\n") != strings.Join(want, "\n") {
		t.Errorf("folder holds\n\t%s\nwant\n\t%s", strings.Join(names, "\n\t"), strings.Join(want, "\n\t"))
	}
}

// TestRefuseOverwritingInputs points the outputs of merge, report and init
// at the files a run reads — an e-mail, an archive and an mbox file found in
// the input folder, and the programme workbook — and at existing files this
// program did not write. Each run is refused with one line naming the file,
// before anything is written; --force overrides only the latter.
func TestRefuseOverwritingInputs(t *testing.T) {
	samples := abs(t, samplesDir)
	t.Chdir(t.TempDir())
	const (
		mail = "收件/包头市关于报送6月上半月进展情况的函.eml"
		arch = "收件/自治区住房城乡建设厅6月上半月进展情况.zip"
		mbox = "收件/工改专班收件箱_2021年6月上半月.mbox"
		prog = "方案.xlsx"
	)
	for _, f := range []string{mail, arch, mbox} {
		data, err := os.ReadFile(filepath.Join(samples, juneFirst, filepath.Base(f)))
		if err != nil {
			t.Fatal(err)
		}
		os.MkdirAll("收件", 0o755)
		if err := os.WriteFile(f, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	data, err := os.ReadFile(filepath.Join(samples, "方案工作簿.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(prog, data, 0o644)
	os.WriteFile("别人的工作簿.xlsx", data, 0o644)
	os.WriteFile("说明.txt", []byte("说明"), 0o644)
	snapshot := func() map[string]string {
		m := map[string]string{}
		filepath.WalkDir(".", func(p string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				data, _ := os.ReadFile(p)
				m[p] = string(data)
			}
			return nil
		})
		return m
	}
	for _, tc := range []struct {
		args   []string
		stderr string
	}{
		{[]string{"merge", "收件", "-o", mail, "--force"}, "taizhang merge: 输出文件 " + mail + " 就是输入文件之一，请用 -o 另指定文件名\n"},
		{[]string{"merge", "收件", "-o", arch, "--force"}, "taizhang merge: 输出文件 " + arch + " 就是输入文件之一，请用 -o 另指定文件名\n"},
		{[]string{"merge", "收件", "-o", mbox}, "taizhang merge: 输出文件 " + mbox + " 就是输入文件之一，请用 -o 另指定文件名\n"},
		{[]string{"merge", "收件", "-o", "台账.xlsx", "--report", mail, "--force"}, "taizhang merge: 月度报告文件 " + mail + " 就是输入文件之一，请用 --report 另指定文件名\n"},
		{[]string{"merge", "收件", "--programme", prog, "-o", prog, "--force"}, "taizhang merge: 输出文件 方案.xlsx 就是方案工作簿（--programme），请用 -o 另指定文件名\n"},
		{[]string{"merge", "收件", "--programme", prog, "-o", "台账.xlsx", "--report", prog}, "taizhang merge: 月度报告文件 方案.xlsx 就是方案工作簿（--programme），请用 --report 另指定文件名\n"},
		{[]string{"merge", "收件", "-o", "别人的工作簿.xlsx"}, "taizhang merge: 输出文件 别人的工作簿.xlsx 已存在，且不是本程序写出的汇总台账；如需覆盖请加 --force，或用 -o 另指定文件名\n"},
		{[]string{"merge", "收件", "-o", "台账.xlsx", "--report", "说明.txt"}, "taizhang merge: 月度报告文件 说明.txt 不是 .pdf 文件名：月度报告是 PDF 文件，请用 --report 指定以 .pdf 结尾的文件名，如 说明.pdf\n"},
		{[]string{"merge", "收件", "-o", "台账.xlsx", "--report", "台账.xlsx"}, "taizhang merge: 月度报告文件 台账.xlsx 与汇总台账是同一个文件，请用 --report 另指定文件名\n"},
		{[]string{"merge", "收件", "-o", "收件"}, "taizhang merge: 输出文件 收件 是一个文件夹，请用 -o 指定文件名\n"},
		{[]string{"report", "收件", "--month", "2021-06", "-o", arch, "--force"}, "taizhang report: 输出文件 " + arch + " 就是输入文件之一，请用 -o 另指定文件名\n"},
		{[]string{"report", "收件", "--month", "2021-06", "--programme", prog, "-o", prog, "--force"}, "taizhang report: 输出文件 方案.xlsx 就是方案工作簿（--programme），请用 -o 另指定文件名\n"},
		{[]string{"report", "收件", "--month", "2021-06", "-o", "说明.txt"}, "taizhang report: 输出文件 说明.txt 不是 .pdf 文件名：月度报告是 PDF 文件，请用 -o 指定以 .pdf 结尾的文件名，如 说明.pdf\n"},
		{[]string{"init", "--programme", prog, "-o", prog, "--force"}, "taizhang init: 输出文件 方案.xlsx 就是方案工作簿（--programme），请用 -o 另指定文件名\n"},
		// A name Excel, WPS or a PDF reader would not open the file by.
		{[]string{"merge", "收件", "-o", "汇总.pdf"}, "taizhang merge: 输出文件 汇总.pdf 不是 .xlsx 文件名：汇总台账是 Excel 工作簿，请用 -o 指定以 .xlsx 结尾的文件名，如 汇总.xlsx\n"},
		{[]string{"merge", "收件", "-o", "台账2021.4"}, "taizhang merge: 输出文件 台账2021.4 不是 .xlsx 文件名：汇总台账是 Excel 工作簿，请用 -o 指定以 .xlsx 结尾的文件名，如 台账2021.4.xlsx\n"},
		{[]string{"merge", "收件", "-o", "汇总台账"}, "taizhang merge: 输出文件 汇总台账 不是 .xlsx 文件名：汇总台账是 Excel 工作簿，请用 -o 指定以 .xlsx 结尾的文件名，如 汇总台账.xlsx\n"},
		{[]string{"merge", "收件", "-o", "台账.xlsx", "--report", "月报.docx"}, "taizhang merge: 月度报告文件 月报.docx 不是 .pdf 文件名：月度报告是 PDF 文件，请用 --report 指定以 .pdf 结尾的文件名，如 月报.pdf\n"},
		{[]string{"init", "-o", "方案"}, "taizhang init: 输出文件 方案 不是 .xlsx 文件名：方案工作簿是 Excel 工作簿，请用 -o 指定以 .xlsx 结尾的文件名，如 方案.xlsx\n"},
		{[]string{"report", "收件", "--month", "2021-06", "-o", "月报"}, "taizhang report: 输出文件 月报 不是 .pdf 文件名：月度报告是 PDF 文件，请用 -o 指定以 .pdf 结尾的文件名，如 月报.pdf\n"},
		// A name pasted with a space after it: the suggestion is not the same name.
		{[]string{"merge", "收件", "-o", "汇总台账.xlsx "}, "taizhang merge: 输出文件“汇总台账.xlsx ”的末尾有空格，请去掉空格，写作 -o 汇总台账.xlsx\n"},
		{[]string{"merge", "收件", "-o", "台账.xlsx", "--report", "月报.pdf\u3000"}, "taizhang merge: 月度报告文件“月报.pdf\u3000”的末尾有空格，请去掉空格，写作 --report 月报.pdf\n"},
		{[]string{"merge", "收件", "-o", "汇总台账 "}, "taizhang merge: 输出文件 汇总台账  不是 .xlsx 文件名：汇总台账是 Excel 工作簿，请用 -o 指定以 .xlsx 结尾的文件名，如 汇总台账.xlsx\n"},
	} {
		before := snapshot()
		r := taizhangRun(tc.args...)
		if r.code != exitFailed || r.stdout != "" || r.stderr != tc.stderr {
			t.Errorf("%q:\n%v\nwant exit 2 and stderr %q", tc.args, r, tc.stderr)
		}
		if after := snapshot(); !reflect.DeepEqual(after, before) {
			t.Errorf("%q changed the folder", tc.args)
		}
	}

	// A ledger this program wrote may be replaced, even when it lies in the
	// input folder; an existing file it did not write, with --force.
	for _, args := range [][]string{
		{"merge", "收件", "-o", "收件/台账.xlsx"},
		{"merge", "收件", "-o", "收件/台账.xlsx"},
		{"merge", "收件", "-o", "别人的工作簿.xlsx", "--force"},
		{"merge", "收件", "-o", "大写.XLSX"},
	} {
		if r := taizhangRun(args...); r.code != exitOK || r.stderr != "" {
			t.Errorf("%q:\n%v", args, r)
		}
	}
	if data, _ := os.ReadFile("别人的工作簿.xlsx"); !xlsx.IsLedger(data) {
		t.Error("merge --force did not replace 别人的工作簿.xlsx")
	}
}
