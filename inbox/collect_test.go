package inbox

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestFolder walks a folder in name order, skipping owner files, hidden
// files and system clutter without a word, takes CSV files as sheets, and
// reads files lazily.
func TestFolder(t *testing.T) {
	dir := write(t, t.TempDir(), map[string][]byte{
		"收件/包头市.xlsx":            xlsxBytes(t, "包头市"),
		"收件/阿拉善盟.XLSX":           xlsxBytes(t, "阿拉善盟"),
		"收件/~$包头市.xlsx":          []byte("owner"),
		"收件/Thumbs.db":           []byte("thumbs"),
		"收件/desktop.ini":         []byte("ini"),
		"收件/.DS_Store":           []byte("ds"),
		"收件/.隐藏.xlsx":            xlsxBytes(t, "hidden"),
		"收件/__MACOSX/._包头市.xlsx": []byte("fork"),
		"收件/.git/x.xlsx":         xlsxBytes(t, "git"),
		"收件/说明.pdf":              []byte("%PDF"),
		"收件/照片.jpg":              []byte("jpeg"),
		"收件/子目录/赤峰市.xlsm":        xlsxBytes(t, "赤峰市"),
		"收件/子目录/模板.xltx":         xlsxBytes(t, "模板"),
		"收件/00_自治区发展改革委_2021年4月上半月.xlsx": xlsxBytes(t, "发改委"),
		"收件/呼市.csv": []byte("填报单位：呼和浩特市\n"),
		"收件/空.csv":  nil,
		"收件/资料.zip": zipBytes(t, zipEntry{name: "通辽市.csv", data: []byte("填报单位：通辽市\n")}),
		"收件/说明.txt": []byte("说明"),
	})
	var opened []string
	ins, fs := collect(t, dir, Options{Opened: func(p string) { opened = append(opened, p) }}, "收件")
	equal(t, "findings", fs, []string{"收件/空.csv 错误 无法读取：文件是空的（0 字节），请重新报送"})
	equal(t, "paths", pathsOf(ins), []string{
		"收件/00_自治区发展改革委_2021年4月上半月.xlsx",
		"收件/包头市.xlsx",
		"收件/呼市.csv",
		"收件/子目录/模板.xltx",
		"收件/子目录/赤峰市.xlsm",
		"收件/资料.zip › 通辽市.csv",
		"收件/阿拉善盟.XLSX",
	})
	var containers []string
	for _, in := range ins {
		containers = append(containers, in.Container)
	}
	equal(t, "containers", containers, []string{"", "", "", "", "", "收件/资料.zip", ""})
	// Every file on disk taken as input, the archive included, and nothing else.
	equal(t, "opened", opened, []string{
		"收件/00_自治区发展改革委_2021年4月上半月.xlsx",
		"收件/包头市.xlsx",
		"收件/呼市.csv",
		"收件/子目录/模板.xltx",
		"收件/子目录/赤峰市.xlsm",
		"收件/空.csv",
		"收件/资料.zip",
		"收件/阿拉善盟.XLSX",
	})
	in := ins[1]
	if in.Name != "包头市.xlsx" {
		t.Errorf("Name = %q", in.Name)
	}
	st, _ := os.Stat(filepath.Join(dir, "收件/包头市.xlsx"))
	if !in.Modified.Equal(st.ModTime()) || !in.Received.IsZero() || in.Sender != "" {
		t.Errorf("source = %+v", in.Source)
	}
	if in.File != "收件/包头市.xlsx" && in.File != filepath.Join(dir, "收件/包头市.xlsx") {
		t.Errorf("File = %q, want the file on disk", in.File)
	}
	// Lazy: the bytes are read when Load is called, not before.
	os.WriteFile(filepath.Join(dir, "收件/包头市.xlsx"), xlsxBytes(t, "改过"), 0o644)
	if !bytes.Equal(load(t, in), xlsxBytes(t, "改过")) {
		t.Error("Load did not read the file when called")
	}
}

// TestArguments keeps the order given, collects a file once, reports a
// non-spreadsheet named explicitly, and fails on a missing path.
func TestArguments(t *testing.T) {
	dir := write(t, t.TempDir(), map[string][]byte{
		"b.xlsx": xlsxBytes(t, "b"), "a.xlsx": xlsxBytes(t, "a"), "说明.pdf": []byte("%PDF"),
		"~$a.xlsx": []byte("owner"), "d/c.xlsx": xlsxBytes(t, "c"),
		"空.xlsx": nil, "网页.xlsx": []byte("<html><table><tr><td>1</td></tr></table></html>"),
		"资料.rar": []byte("Rar!"), "d/资料.7z": []byte("7z"), "d/邮件.msg": cfbBytes(t, "__substg1.0_0037001F"),
	})
	ins, fs := collect(t, dir, Options{}, "b.xlsx", "a.xlsx", "说明.pdf", "~$a.xlsx", "d", "./d/c.xlsx", "b.xlsx", "空.xlsx", "网页.xlsx", "资料.rar")
	equal(t, "paths", pathsOf(ins), []string{"b.xlsx", "a.xlsx", "d/c.xlsx"})
	equal(t, "findings", fs, []string{
		"说明.pdf 错误 无法读取：不是电子表格文件，本程序只读取 .xlsx 工作簿、.csv 表格、文件夹、.zip 压缩包和 .eml/.mbox 邮件",
		"~$a.xlsx 提示 读取说明：是 Excel 或 WPS 打开文件时留下的临时文件，不是进展情况表，已跳过；要读取的应是 a.xlsx",
		"d/资料.7z 提示 读取说明：是 .7z 压缩包，本程序只能打开 zip 压缩包；其中如有电子表格，请解压后再读取",
		"d/邮件.msg 提示 读取说明：是 Outlook 的 .msg 邮件，本程序无法读取，请把其中的附件另存到文件夹后再读取",
		"空.xlsx 错误 无法读取：文件是空的（0 字节），请重新报送",
		"网页.xlsx 错误 无法读取：文件内容不是 Excel 工作簿（可能是网页、文本或其他文件改了扩展名），本程序无法直接读取，请在 Excel 或 WPS 中另存为 .xlsx 后重新报送",
		"资料.rar 错误 无法读取：是 .rar 压缩包，本程序只能打开 zip 压缩包；其中如有电子表格，请解压后再读取",
	})

	t.Chdir(dir)
	_, _, err := Collect([]string{"a.xlsx", "没有这个文件夹"}, Options{})
	if err == nil || err.Error() != "路径 没有这个文件夹 不存在" {
		t.Errorf("Collect of a missing path: err = %v", err)
	}
}

// TestClutterNamed reports, rather than leaves out silently, owner files,
// hidden files and system clutter named on their own, saying what each is:
// clutter, never a sheet, in a note; a hidden file, which may be one, as not read.
func TestClutterNamed(t *testing.T) {
	dir := write(t, t.TempDir(), map[string][]byte{
		"收件/包头市.xlsx": xlsxBytes(t, "包头市"), "收件/~$包头市.xlsx": []byte("owner"), "收件/~$通辽市.xlsx": []byte("owner"),
		"收件/Thumbs.db": []byte("thumbs"), "收件/desktop.ini": []byte("ini"), "收件/.DS_Store": []byte("ds"),
		"收件/._包头市.xlsx": []byte("fork"), "收件/.隐藏.xlsx": xlsxBytes(t, "hidden"),
	})
	ins, fs := collect(t, dir, Options{}, "收件/~$包头市.xlsx", "收件/~$通辽市.xlsx", "收件/Thumbs.db", "收件/desktop.ini", "收件/.DS_Store", "收件/._包头市.xlsx", "收件/.隐藏.xlsx")
	equal(t, "paths", pathsOf(ins), nil)
	equal(t, "findings", fs, []string{
		"收件/~$包头市.xlsx 提示 读取说明：是 Excel 或 WPS 打开文件时留下的临时文件，不是进展情况表，已跳过；要读取的应是 包头市.xlsx",
		"收件/~$通辽市.xlsx 提示 读取说明：是 Excel 或 WPS 打开文件时留下的临时文件，不是进展情况表，已跳过",
		"收件/Thumbs.db 提示 读取说明：是 Windows 生成的缩略图缓存文件，不是进展情况表，已跳过",
		"收件/desktop.ini 提示 读取说明：是 Windows 的文件夹设置文件，不是进展情况表，已跳过",
		"收件/.DS_Store 提示 读取说明：是 macOS 生成的文件夹设置文件，不是进展情况表，已跳过",
		"收件/._包头市.xlsx 提示 读取说明：是 macOS 复制文件时留下的附属文件，不是进展情况表，已跳过；要读取的应是 包头市.xlsx",
		"收件/.隐藏.xlsx 错误 无法读取：是隐藏文件（文件名以“.”开头），已跳过；如确是进展情况表，请去掉文件名开头的“.”后再读取",
	})
}

// TestEmptyInputs returns nothing for no paths and an empty folder.
// TestShortcuts names a Windows shortcut (.lnk) put in the folder or named on
// the command line in place of the sheet it points to, rather than leaving
// it out silently: its unit would be counted 未报 with no word why.
func TestShortcuts(t *testing.T) {
	lnk := append([]byte{'L', 0, 0, 0, 1, 0x14, 2, 0}, make([]byte, 68)...)
	dir := write(t, t.TempDir(), map[string][]byte{
		"收件/包头市_2021年5月下半月_进展情况表.xlsx - 快捷方式.lnk": lnk, "收件/说明.txt": []byte("已收齐"),
		"通辽市.lnk": lnk,
	})
	ins, fs := collect(t, dir, Options{}, "收件", "通辽市.lnk")
	equal(t, "paths", pathsOf(ins), nil)
	equal(t, "findings", fs, []string{
		"收件/包头市_2021年5月下半月_进展情况表.xlsx - 快捷方式.lnk 提示 读取说明：是 Windows 快捷方式，本程序不打开快捷方式所指向的文件；请把所指向的文件本身复制到这里，或直接给出该文件",
		"通辽市.lnk 错误 无法读取：是 Windows 快捷方式，本程序不打开快捷方式所指向的文件；请把所指向的文件本身复制到这里，或直接给出该文件",
	})
}

func TestEmptyInputs(t *testing.T) {
	dir := t.TempDir()
	os.Mkdir(filepath.Join(dir, "空"), 0o755)
	ins, fs := collect(t, dir, Options{}, "空")
	if len(ins) != 0 || len(fs) != 0 {
		t.Errorf("got %v, %v", ins, fs)
	}
	ins, f, err := Collect(nil, Options{})
	if len(ins) != 0 || len(f) != 0 || err != nil {
		t.Errorf("Collect(nil) = %v, %v, %v", ins, f, err)
	}
}

// TestOptionsDefaults fills in the documented defaults.
func TestOptionsDefaults(t *testing.T) {
	o := Options{}.withDefaults()
	if o.Timeout != 60*time.Second || o.MaxEntrySize != 200<<20 || o.MaxRatio != 200 {
		t.Errorf("defaults = %+v", o)
	}
}
