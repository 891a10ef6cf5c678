package main

import (
	"io/fs"
	"testing"

	"taizhang"
	"taizhang/xlsx"
)

// TestReadOneGone reads a file that went away after it was collected: the
// finding says so once, without repeating its label.
func TestReadOneGone(t *testing.T) {
	in := taizhang.Input{
		Source: taizhang.Source{Path: "收件/包头市.xlsx", Name: "包头市.xlsx"},
		Load: func() ([]byte, error) {
			return nil, &fs.PathError{Op: "open", Path: "收件/包头市.xlsx", Err: fs.ErrNotExist}
		},
	}
	f := readOne(in, xlsx.ReadOptions{})
	if len(f.Findings) != 1 || f.Findings[0].Text() != "收件/包头市.xlsx 错误 无法读取：文件不存在" {
		t.Errorf("findings %v, want one: 收件/包头市.xlsx 错误 无法读取：文件不存在", f.Findings)
	}
}

// TestOriginalOf names the sheet each annotated copy was made from.
func TestOriginalOf(t *testing.T) {
	for name, want := range map[string]string{
		"包头市_校验批注.xlsx": "包头市.xlsx",
		"收件/包头市_2021年4月上半月_进展情况表_校验批注2.xlsx": "包头市_2021年4月上半月_进展情况表.xlsx",
		"包头市_校验批注_校验批注.xlsx":                 "包头市.xlsx",
		"包头市_校验批注 - 副本.XLSX":                 "包头市.xlsx",
		"通辽市（xls）_校验批注.xlsx":                 "通辽市.xls",
		"包头市（csv）_校验批注.xlsx":                 "包头市.csv",
		"进展情况（6.1-6.15）_校验批注.xlsx":           "进展情况（6.1-6.15）.xlsx",
		"包头市.xlsx":     "",
		"包头市_校验批注.xls": "",
		"_校验批注.xlsx":   "",
		"校验批注说明.xlsx":  "",
		"包头市_2021年4月上半月_进展情况表（校验批注后修改）.xlsx": "",
	} {
		got, ok := originalOf(name)
		if got != want || ok != (want != "") {
			t.Errorf("originalOf(%q) = %q %v, want %q", name, got, ok, want)
		}
	}
}
