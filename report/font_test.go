package report

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"taizhang/templates"
)

func TestFontFileRefused(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	pad := make([]byte, 64)
	cur, prev := ledgers(builtin(t), may2021, realistic)
	for _, tc := range []struct {
		name string
		data []byte
		want string
	}{
		{"思源宋体.otf", append([]byte("OTTO"), pad...), "字体文件 DIR/思源宋体.otf 是 CFF 轮廓的 OpenType 字体（OTTO），无法嵌入 PDF；请改用 TrueType 字体（.ttf）"},
		{"simsun.ttc", append([]byte("ttcf"), pad...), "字体文件 DIR/simsun.ttc 是字体集合（.ttc），无法直接使用；请改用单个 TrueType 字体（.ttf），或先从集合中提取一个字体"},
		{"说明.txt", append([]byte("hello"), pad...), "字体文件 DIR/说明.txt 不是 TrueType 字体（.ttf）"},
		{"short.ttf", []byte{0, 1, 0, 0}, "字体文件 DIR/short.ttf 不是有效的 TrueType 字体（文件过短）"},
		{"broken.ttf", append([]byte{0, 1, 0, 0}, pad...), "字体文件 DIR/broken.ttf 无法解析："},
	} {
		var buf bytes.Buffer
		err := WriteMonthly(&buf, cur, prev, Options{Month: may2021, Created: created, FontFile: write(tc.name, tc.data)})
		want := strings.Replace(tc.want, "DIR/", dir+string(filepath.Separator), 1)
		if err == nil || !strings.HasPrefix(err.Error(), want) {
			t.Errorf("%s: err = %v, want %s", tc.name, err, want)
		}
		if buf.Len() != 0 {
			t.Errorf("%s: %d bytes written despite the error", tc.name, buf.Len())
		}
	}
	err := WriteMonthly(&bytes.Buffer{}, cur, prev, Options{Month: may2021, FontFile: filepath.Join(dir, "无此字体.ttf")})
	if err == nil || !strings.HasPrefix(err.Error(), "读取字体文件 ") {
		t.Errorf("missing font: err = %v", err)
	}
}

func TestOfficialFontsFound(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "Fonts")
	if err := os.MkdirAll(filepath.Join(dir, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	// The embedded font stands in for 仿宋 and 楷体; a CFF 黑体 is skipped.
	os.WriteFile(filepath.Join(dir, "SIMFANG.TTF"), templates.Font, 0o644)
	os.WriteFile(filepath.Join(dir, "sub", "simkai.ttf"), templates.Font, 0o644)
	os.WriteFile(filepath.Join(dir, "simhei.ttf"), append([]byte("OTTO"), make([]byte, 64)...), 0o644)
	var warns []string
	fs, err := loadFonts(Options{FontDirs: []string{filepath.Join(t.TempDir(), "none"), dir}}, func(s string) { warns = append(warns, s) })
	if err != nil {
		t.Fatal(err)
	}
	if fs.body.name != "仿宋" || fs.sub.name != "楷体" || fs.heading != fs.body || fs.title != fs.body || len(fs.faces) != 2 {
		t.Errorf("body %s sub %s heading %s title %s, %d faces", fs.body.name, fs.sub.name, fs.heading.name, fs.title.name, len(fs.faces))
	}
	want := "字体文件 " + filepath.Join(dir, "simhei.ttf") + " 是 CFF 轮廓的 OpenType 字体（OTTO），无法嵌入 PDF；请改用 TrueType 字体（.ttf）；本次未使用该字体"
	if len(warns) != 1 || warns[0] != want {
		t.Errorf("warnings %q, want %q", warns, want)
	}
	// None found: the embedded font everywhere.
	fs, err = loadFonts(Options{}, func(s string) { t.Errorf("warning %s", s) })
	if err != nil || fs.body.name != templates.FontName || len(fs.faces) != 1 {
		t.Errorf("no official fonts: %v, %+v", err, fs)
	}
}

// A Latin-only font: every Chinese character is replaced visibly and reported.
func TestFontWithoutChinese(t *testing.T) {
	path := "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
	if _, err := os.Stat(path); err != nil {
		t.Skip("DejaVuSans.ttf not installed")
	}
	cur, prev := ledgers(builtin(t), may2021, realistic)
	pdf, _, warn := writePDF(t, cur, prev, Options{Month: may2021, FontFile: path})
	lines := strings.Split(strings.TrimSpace(warn), "\n")
	if lines[0] != "月度报告：字体 DejaVuSans.ttf 不含常用汉字，报告中的汉字将显示为替换符号；建议改用中文字体" {
		t.Errorf("first warning %q", lines[0])
	}
	if !strings.Contains(warn, "月度报告：字符“关”（U+5173）字体DejaVuSans.ttf中没有该字，已显示为“□”，共") {
		t.Errorf("no warning for 关:\n%s", lines[:3])
	}
	text := run(t, "pdftotext", "-enc", "UTF-8", pdf, "-")
	if !strings.Contains(text, "□□2021□5□") {
		t.Errorf("replaced title not in the text: %.200s", text)
	}
	checkFontsEmbedded(t, pdf)
}

// noName is the embedded font without its name table: sfnt reads it, the
// PDF library does not.
func noName() []byte {
	data := bytes.Clone(templates.Font)
	n := int(data[4])<<8 | int(data[5])
	for i := range n {
		if r := data[12+16*i:]; string(r[:4]) == "name" {
			copy(r, "namf")
		}
	}
	return data
}

func TestFontThePDFLibraryRejects(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "simhei.ttf"), noName(), 0o644)
	cur, prev := ledgers(builtin(t), may2021, realistic)
	var warn bytes.Buffer
	err := WriteMonthly(&bytes.Buffer{}, cur, prev, Options{Month: may2021, Created: created, FontDirs: []string{dir}, Warnings: &warn})
	if err != nil {
		t.Fatal(err)
	}
	if want := "月度报告：字体 黑体 无法嵌入 PDF，本次改用内置字体文泉驿微米黑\n"; !strings.HasPrefix(warn.String(), want) {
		t.Errorf("warnings:\n%s\nwant first line %s", warn.String(), want)
	}
	user := filepath.Join(dir, "noname.ttf")
	os.WriteFile(user, noName(), 0o644)
	err = WriteMonthly(&bytes.Buffer{}, cur, prev, Options{Month: may2021, Created: created, FontFile: user})
	if err == nil || err.Error() != "字体 noname.ttf 无法嵌入 PDF，请改用其他 TrueType 字体" {
		t.Errorf("err = %v", err)
	}
}
