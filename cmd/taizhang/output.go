package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode"

	"taizhang/xlsx"
)

// writeAtomic writes a file through a temporary file in the same folder and
// renames it into place, so a reader never sees half a file and a failed run
// leaves the old one intact.
func writeAtomic(path string, write func(io.Writer) error) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("无法创建文件夹 %s：%s", dir, osError(err))
	}
	tmp, err := os.CreateTemp(dir, ".~taizhang-*.tmp")
	if err != nil {
		return fmt.Errorf("无法在 %s 中写文件：%s", dir, osError(err))
	}
	defer os.Remove(tmp.Name())
	defer removeOnInterrupt(tmp.Name(), tmp)()
	bw := bufio.NewWriterSize(tmp, 1<<20)
	if err := write(bw); err != nil {
		tmp.Close()
		return err
	}
	if err := bw.Flush(); err != nil {
		tmp.Close()
		return fmt.Errorf("写入 %s 失败：%s", path, osError(err))
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("写入 %s 失败：%s", path, osError(err))
	}
	// A temporary file is private (0600); the output is an ordinary file.
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return fmt.Errorf("写入 %s 失败：%s", path, osError(err))
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		if locked(err) {
			return fmt.Errorf("%s 正被 Excel 或 WPS 打开，无法覆盖；请关闭该文件后重试，或用 -o 另指定文件名", path)
		}
		return fmt.Errorf("无法写入 %s：%s", path, osError(err))
	}
	return nil
}

// refuseExisting returns an error naming the first of paths that already
// exists, unless force is set; nil when none exists.
func refuseExisting(paths []string, force bool) error {
	if force {
		return nil
	}
	var found []string
	for _, p := range paths {
		if _, err := os.Lstat(p); err == nil {
			found = append(found, p)
		}
	}
	switch len(found) {
	case 0:
		return nil
	case 1:
		return fmt.Errorf("输出文件已存在：%s（如需覆盖请加 --force）", found[0])
	}
	return fmt.Errorf("输出文件已存在：%s 等 %d 个文件（如需覆盖请加 --force）", found[0], len(found))
}

// locked reports whether err looks like a file held open by another program
// (Windows: sharing violation or access denied on rename).
func locked(err error) bool {
	if errors.Is(err, os.ErrPermission) {
		return true
	}
	s := err.Error()
	return strings.Contains(s, "being used by another process") || strings.Contains(s, "Access is denied")
}

// sameFile reports whether out names the same file as one of the inputs.
func sameFile(out string, inputs []string) bool {
	oa, err := filepath.Abs(out)
	if err != nil {
		return false
	}
	ost, oerr := os.Stat(out)
	for _, in := range inputs {
		ia, err := filepath.Abs(in)
		if err != nil {
			continue
		}
		if ia == oa {
			return true
		}
		if oerr == nil {
			if ist, err := os.Stat(in); err == nil && os.SameFile(ist, ost) {
				return true
			}
		}
	}
	return false
}

// target is a file a command is about to write.
type target struct {
	path string
	flag string // the option that names it: -o, --report
	what string // how messages name it: 输出文件, 月度报告文件
	pdf  bool   // a PDF report, not a ledger workbook
	noun string // what a workbook written there is, when not a ledger: 方案工作簿
}

// ours reports whether the existing file at t.path is what this program
// writes there, so that a second run may replace it: a ledger workbook it
// wrote, or a PDF.
func (t target) ours() bool {
	if t.pdf {
		f, err := os.Open(t.path)
		if err != nil {
			return false
		}
		defer f.Close()
		head := make([]byte, 5)
		_, err = io.ReadFull(f, head)
		return err == nil && string(head) == "%PDF-"
	}
	// A ledger can be hundreds of megabytes: read its directory in place.
	f, err := os.Open(t.path)
	if err != nil {
		return false
	}
	defer f.Close()
	st, err := f.Stat()
	return err == nil && xlsx.IsLedgerAt(f, st.Size())
}

// refuseOverwrite returns an error, before anything is written, when
// writing t would overwrite an input — one of the files on disk a run reads
// (inputs, e-mails, archives and mbox files included) or the programme
// workbook — or, unless force, an existing file that is not what this
// program writes there (see ours). A ledger among the inputs is not read
// (the reader skips it) and may be replaced. A name that does not end as
// what is written there (see checkExt) is refused after an input's.
func refuseOverwrite(t target, inputs []string, programme string, force bool) error {
	st, err := os.Stat(t.path)
	if err != nil {
		return t.checkExt() // nothing there to overwrite
	}
	switch {
	case st.IsDir():
		return fmt.Errorf("%s %s 是一个文件夹，请用 %s 指定文件名", t.what, t.path, t.flag)
	case programme != "" && sameFile(t.path, []string{programme}):
		return fmt.Errorf("%s %s 就是方案工作簿（--programme），请用 %s 另指定文件名", t.what, t.path, t.flag)
	}
	own := t.ours()
	if sameFile(t.path, inputs) && (t.pdf || !own) {
		return fmt.Errorf("%s %s 就是输入文件之一，请用 %s 另指定文件名", t.what, t.path, t.flag)
	}
	if err := t.checkExt(); err != nil {
		return err
	}
	switch {
	case own || force:
	case t.pdf:
		return fmt.Errorf("%s %s 已存在，且不是 PDF 文件；如需覆盖请加 --force，或用 %s 另指定文件名", t.what, t.path, t.flag)
	default:
		return fmt.Errorf("%s %s 已存在，且不是本程序写出的汇总台账；如需覆盖请加 --force，或用 %s 另指定文件名", t.what, t.path, t.flag)
	}
	return nil
}

// checkExt returns an error when t's name does not end as what is written
// there: .xlsx for a workbook, .pdf for a report (Excel, WPS and PDF readers
// open a file by its extension), suggesting the name with the right one.
func (t target) checkExt() error {
	want, kind := ".xlsx", "汇总台账是 Excel 工作簿"
	switch {
	case t.pdf:
		want, kind = ".pdf", "月度报告是 PDF 文件"
	case t.noun != "":
		kind = t.noun + "是 Excel 工作簿"
	}
	// A name pasted with a blank after it ends, to the eye, as it should.
	name := strings.TrimRightFunc(t.path, unicode.IsSpace)
	ext := filepath.Ext(name)
	if strings.EqualFold(ext, want) {
		if name == t.path {
			return nil
		}
		return fmt.Errorf("%s“%s”的末尾有空格，请去掉空格，写作 %s %s", t.what, t.path, t.flag, name)
	}
	if !strings.ContainsFunc(ext, unicode.IsLetter) || len(ext) > 6 {
		ext = "" // not an extension: 台账2021.4, 第3.5期
	}
	return fmt.Errorf("%s %s 不是 %s 文件名：%s，请用 %s 指定以 %s 结尾的文件名，如 %s", t.what, t.path, want, kind, t.flag, want, strings.TrimSuffix(name, ext)+want)
}
