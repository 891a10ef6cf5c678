package inbox

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"testing"
	"unicode/utf16"
)

const legacyMsg = "是旧版 Excel 97-2003（.xls）或 WPS（.et）格式，本程序无法直接读取，请在 Excel 或 WPS 中另存为 .xlsx 后重新报送"

// TestLegacyReported reports legacy .xls/.et files when conversion is off,
// and passes an encrypted .xlsx (also OLE2) on unchanged.
func TestLegacyReported(t *testing.T) {
	xls := cfbBytes(t, "Workbook", "\x05SummaryInformation")
	encrypted := cfbBytes(t, "EncryptionInfo", "EncryptedPackage")
	dir := write(t, t.TempDir(), map[string][]byte{
		"包头市.xls": xls, "通辽市.et": xls, "改名的.xlsx": xls, "加密.xlsx": encrypted,
		"坏.xls": magicOLE2, "网页.xls": []byte("<html><table></table></html>"),
		"m.zip": zipBytes(t, zipEntry{name: "赤峰市.xls", data: xls}),
	})
	ins, fs := collect(t, dir, Options{}, "包头市.xls", "通辽市.et", "改名的.xlsx", "加密.xlsx", "坏.xls", "网页.xls", "m.zip")
	equal(t, "paths", pathsOf(ins), []string{"加密.xlsx"})
	equal(t, "findings", fs, []string{
		"包头市.xls 错误 无法读取：" + legacyMsg,
		"通辽市.et 错误 无法读取：" + legacyMsg,
		"改名的.xlsx 错误 无法读取：" + legacyMsg,
		"坏.xls 错误 无法读取：文件已损坏，无法打开，请在 Excel 或 WPS 中重新保存为 .xlsx 后报送",
		"网页.xls 错误 无法读取：文件内容不是 Excel 工作簿（可能是网页、文本或其他文件改了扩展名），本程序无法直接读取，请在 Excel 或 WPS 中另存为 .xlsx 后重新报送",
		"m.zip › 赤峰市.xls 错误 无法读取：" + legacyMsg,
	})
	if !bytes.Equal(load(t, ins[0]), encrypted) {
		t.Error("encrypted workbook changed")
	}
	// Convert on, but no LibreOffice to be found: the same finding.
	_, fs = collect(t, dir, Options{Convert: true, SofficePath: filepath.Join(dir, "no-such-soffice")}, "包头市.xls")
	equal(t, "findings", fs, []string{"包头市.xls 错误 无法读取：" + legacyMsg})
}

// TestOtherFilesNamedAsSheets says what a file given a spreadsheet's name
// really is — a PDF, a picture, an archive, a Word or PowerPoint file — and
// does not try to convert it; a web page saved as .xls is still converted.
func TestOtherFilesNamedAsSheets(t *testing.T) {
	dir := write(t, t.TempDir(), map[string][]byte{
		"包头市.xlsx": []byte("%PDF-1.7\n"), "通辽市.xls": []byte("%PDF-1.4\n"),
		"照片.xlsx": []byte("\x89PNG\r\n\x1a\n"), "扫描件.xlsx": []byte("\xFF\xD8\xFF\xE0"),
		"材料.xlsx": []byte("Rar!\x1a\x07\x00"), "材料2.xls": []byte("7z\xBC\xAF\x27\x1C"),
		"赤峰市.xlsx": cfbBytes(t, "WordDocument", "1Table"), "兴安盟.xls": cfbBytes(t, "WordDocument"),
		"汇报.xlsx": cfbBytes(t, "PowerPoint Document", "Current User"),
	})
	ins, fs := collect(t, dir, Options{Convert: true, SofficePath: fakeSoffice(t, "exit 1")},
		"包头市.xlsx", "通辽市.xls", "照片.xlsx", "扫描件.xlsx", "材料.xlsx", "材料2.xls", "赤峰市.xlsx", "兴安盟.xls", "汇报.xlsx")
	equal(t, "paths", pathsOf(ins), nil)
	equal(t, "findings", fs, []string{
		"包头市.xlsx 错误 无法读取：这是 PDF 文件，不是 Excel 工作簿；请把进展情况填入下发的 Excel 模板（.xlsx）后重新报送",
		"通辽市.xls 错误 无法读取：这是 PDF 文件，不是 Excel 工作簿；请把进展情况填入下发的 Excel 模板（.xlsx）后重新报送",
		"照片.xlsx 错误 无法读取：这是图片，不是 Excel 工作簿；请把进展情况填入下发的 Excel 模板（.xlsx）后重新报送",
		"扫描件.xlsx 错误 无法读取：这是图片，不是 Excel 工作簿；请把进展情况填入下发的 Excel 模板（.xlsx）后重新报送",
		"材料.xlsx 错误 无法读取：这是 RAR 压缩包，不是 Excel 工作簿；请解压后报送其中的进展情况表",
		"材料2.xls 错误 无法读取：这是 7z 压缩包，不是 Excel 工作簿；请解压后报送其中的进展情况表",
		"赤峰市.xlsx 错误 无法读取：这是 Word 文档（.doc），不是 Excel 工作簿；请把进展情况填入下发的 Excel 模板（.xlsx）后重新报送",
		"兴安盟.xls 错误 无法读取：这是 Word 文档（.doc），不是 Excel 工作簿；请把进展情况填入下发的 Excel 模板（.xlsx）后重新报送",
		"汇报.xlsx 错误 无法读取：这是 PowerPoint 演示文稿（.ppt），不是 Excel 工作簿；请把进展情况填入下发的 Excel 模板（.xlsx）后重新报送",
	})
}

// fakeSoffice writes a shell script that acts as soffice: it runs script
// with $out set to the output folder and $in to the input file.
func fakeSoffice(t *testing.T, script string) string {
	if runtime.GOOS == "windows" {
		t.Skip("the fake soffice is a shell script")
	}
	p := filepath.Join(t.TempDir(), "soffice")
	body := "#!/bin/sh\nout=''\nwhile [ $# -gt 1 ]; do\n  if [ \"$1\" = --outdir ]; then out=$2; fi\n  shift\ndone\nin=$1\n" + script + "\n"
	if err := os.WriteFile(p, []byte(body), 0o755); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestLegacyConvertedFake converts through a stand-in for soffice, to test
// the plumbing without LibreOffice.
func TestLegacyConvertedFake(t *testing.T) {
	xlsx := filepath.Join(t.TempDir(), "converted.xlsx")
	os.WriteFile(xlsx, xlsxBytes(t, "converted"), 0o644)
	ok := fakeSoffice(t, `mkdir -p "$out" && cp '`+xlsx+`' "$out/book.xlsx"`)
	dir := write(t, t.TempDir(), map[string][]byte{"包头市.xls": cfbBytes(t, "Workbook"), "通辽市.et": cfbBytes(t, "Workbook")})
	ins, fs := collect(t, dir, Options{Convert: true, SofficePath: ok}, "包头市.xls", "通辽市.et")
	equal(t, "paths", pathsOf(ins), []string{"包头市.xls", "通辽市.et"})
	equal(t, "findings", fs, []string{
		"包头市.xls 提示 读取说明：旧版 .xls 格式，已用 LibreOffice 转换后读取",
		"通辽市.et 提示 读取说明：旧版 .et 格式，已用 LibreOffice 转换后读取",
	})
	if ins[0].Name != "包头市.xls" || !bytes.Equal(load(t, ins[0]), xlsxBytes(t, "converted")) {
		t.Errorf("converted input %q is not the converted bytes", ins[0].Name)
	}

	failing := fakeSoffice(t, "echo broken >&2; exit 1")
	_, fs = collect(t, dir, Options{Convert: true, SofficePath: failing}, "包头市.xls")
	equal(t, "findings", fs, []string{"包头市.xls 错误 无法读取：是旧版 Excel 97-2003（.xls）或 WPS（.et）格式，用 LibreOffice 自动转换失败（LibreOffice 报错退出），请在 Excel 或 WPS 中另存为 .xlsx 后重新报送"})
}

// TestLegacyLibreOffice converts a real .xls made by LibreOffice. It runs
// only where LibreOffice is installed.
func TestLegacyLibreOffice(t *testing.T) {
	soffice := findSoffice("")
	if soffice == "" {
		t.Skip("LibreOffice (soffice) is not on PATH")
	}
	if testing.Short() {
		t.Skip("slow: starts LibreOffice")
	}
	// Make a real .xls from a .xlsx with LibreOffice itself.
	work := t.TempDir()
	src := filepath.Join(work, "book.xlsx")
	os.WriteFile(src, xlsxBytes(t, "包头市进展"), 0o644)
	profile := "file://" + slashPath(filepath.Join(work, "profile"))
	cmd := exec.Command(soffice, "-env:UserInstallation="+profile, "--headless", "--norestore",
		"--convert-to", "xls", "--outdir", work, src)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("making the .xls: %v\n%s", err, out)
	}
	xls, err := os.ReadFile(filepath.Join(work, "book.xls"))
	if err != nil || !bytes.HasPrefix(xls, magicOLE2) {
		t.Fatalf("LibreOffice made no OLE2 .xls: %v", err)
	}
	dir := write(t, t.TempDir(), map[string][]byte{"收件/包头市.xls": xls})
	ins, fs := collect(t, dir, Options{Convert: true}, "收件")
	equal(t, "findings", fs, []string{"收件/包头市.xls 提示 读取说明：旧版 .xls 格式，已用 LibreOffice 转换后读取"})
	if len(ins) != 1 || ins[0].Name != "包头市.xls" {
		t.Fatalf("inputs = %v", pathsOf(ins))
	}
	data := load(t, ins[0])
	r, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("converted file is no .xlsx: %v", err)
	}
	found := false
	for _, f := range r.File {
		rc, _ := f.Open()
		b, _ := io.ReadAll(rc)
		rc.Close()
		found = found || bytes.Contains(b, []byte("包头市进展"))
	}
	if !found {
		t.Error("the converted workbook lost the cell text")
	}
}

// odsBytes returns an OpenDocument spreadsheet package as LibreOffice starts
// it: a stored mimetype entry first.
func odsBytes(t *testing.T) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.CreateHeader(&zip.FileHeader{Name: "mimetype", Method: zip.Store})
	if err != nil {
		t.Fatal(err)
	}
	w.Write([]byte("application/vnd.oasis.opendocument.spreadsheet"))
	w, _ = zw.Create("content.xml")
	w.Write([]byte("<office:document-content/>"))
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestRenamedODSConverted collects an .ods saved under the name .xlsx: it is
// converted like an .ods when LibreOffice is there, and otherwise passed on
// for the reader to name for what it is.
func TestRenamedODSConverted(t *testing.T) {
	xlsx := filepath.Join(t.TempDir(), "converted.xlsx")
	os.WriteFile(xlsx, xlsxBytes(t, "converted"), 0o644)
	ok := fakeSoffice(t, `case "$in" in *.ods) mkdir -p "$out" && cp '`+xlsx+`' "$out/book.xlsx";; *) exit 1;; esac`)
	dir := write(t, t.TempDir(), map[string][]byte{"包头市.xlsx": odsBytes(t)})
	ins, fs := collect(t, dir, Options{Convert: true, SofficePath: ok}, "包头市.xlsx")
	equal(t, "paths", pathsOf(ins), []string{"包头市.xlsx"})
	equal(t, "findings", fs, []string{"包头市.xlsx 提示 读取说明：文件内容是 OpenDocument（.ods）表格，已用 LibreOffice 转换后读取"})
	if len(ins) == 1 && !bytes.Equal(load(t, ins[0]), xlsxBytes(t, "converted")) {
		t.Errorf("input %q is not the converted bytes", ins[0].Name)
	}
	ins, fs = collect(t, dir, Options{}, "包头市.xlsx")
	equal(t, "paths", pathsOf(ins), []string{"包头市.xlsx"})
	equal(t, "findings", fs, nil)
}

func TestUnopenable(t *testing.T) {
	for p, want := range map[string]bool{
		"收件/通辽市进展.rar":         true,
		"收件/赤峰市.eml › cf.7z":   true,
		`D:\收件\报送.MSG`:         true,
		"邮件 兴安盟 › winmail.dat": true,
		"收件/通辽市佐证材料.xlsx":      false,
		"收件/兴安盟.eml":           false,
		"收件/材料.zip":            false,
		"收件/说明.txt":            false,
	} {
		if got := Unopenable(p); got != want {
			t.Errorf("Unopenable(%q) = %v, want %v", p, got, want)
		}
	}
}

func TestTextTable(t *testing.T) {
	utf16le := func(s string) []byte {
		b := []byte{0xFF, 0xFE}
		for _, u := range utf16.Encode([]rune(s)) {
			b = append(b, byte(u), byte(u>>8))
		}
		return b
	}
	for name, c := range map[string]struct {
		data []byte
		want bool
	}{
		"tabs":                 {[]byte("措施编号\t节点\t进展状态\r\n（一）\t\t推进中\r\n"), true},
		"title line first":     {[]byte("包头市进展情况表\r\n\r\n措施编号\t节点\t进展状态\r\n"), true},
		"UTF-16 tabs":          {utf16le("措施编号\t节点\r\n"), true},
		"UTF-16 no fields":     {utf16le("三上三上\r\n"), false}, // 三 is 09 4E, 上 0A 4E: no tab, no line break
		"web page":             {[]byte("<html><table><tr><td>a,b</td></tr></table></html>"), false},
		"single-file web page": {[]byte("MIME-Version: 1.0\r\nX-Document-Type: Workbook\r\nContent-Type: multipart/related; boundary=\"----=_NextPart\"\r\n"), false},
		"binary":               {[]byte("\xD0\xCF\x11\xE0\x00\x00a\tb"), false},
		"no delimiter at all":  {[]byte("一\n二\n三\n四\n五\n六\n七\n八\n九\t十\n"), false},
	} {
		if got := textTable(blob{data: c.data}); got != c.want {
			t.Errorf("%s: textTable = %v, want %v", name, got, c.want)
		}
	}
}
