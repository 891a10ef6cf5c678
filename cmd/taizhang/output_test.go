package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
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
