package main

import (
	"fmt"
	"os"
	"syscall"
	"testing"
)

// TestOutputUnderFile asks merge to write its ledger into a folder that is in
// fact a file: one Chinese line says so, with no system error text in English.
func TestOutputUnderFile(t *testing.T) {
	t.Chdir(t.TempDir())
	os.WriteFile("输出", []byte("不是文件夹"), 0o644)
	os.Mkdir("收件", 0o755)
	r := taizhangRun("merge", "收件", "--period", "2021-04-1", "-o", "输出/汇总台账.xlsx")
	want := "taizhang merge: 无法创建文件夹 输出：已有同名的文件，不是文件夹\n"
	if r.code != exitFailed || r.stderr != want {
		t.Errorf("merge:\n%v\nwant exit 2 and stderr %q", r, want)
	}
}

// TestOSErrorChinese says the usual system errors in Chinese.
func TestOSErrorChinese(t *testing.T) {
	for err, want := range map[error]string{
		syscall.ENOSPC:       "磁盘空间不足",
		syscall.EROFS:        "磁盘是只读的",
		syscall.ENAMETOOLONG: "文件名或路径太长",
		&os.PathError{Op: "mkdir", Path: "输出", Err: syscall.ENOTDIR}:                     "已有同名的文件，不是文件夹",
		fmt.Errorf("写入: %w", &os.PathError{Op: "write", Path: "a", Err: syscall.ENOSPC}): "磁盘空间不足",
	} {
		if got := osError(err); got != want {
			t.Errorf("osError(%v) = %q, want %q", err, got, want)
		}
	}
}
