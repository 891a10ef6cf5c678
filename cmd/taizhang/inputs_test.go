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
