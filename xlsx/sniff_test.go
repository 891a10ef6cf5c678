package xlsx

import (
	"archive/zip"
	"bytes"
	"strings"
	"testing"

	"taizhang"
)

// zipOf returns a zip package holding the given parts.
func zipOf(t *testing.T, parts ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	for i := 0; i+1 < len(parts); i += 2 {
		f, err := w.Create(parts[i])
		if err != nil {
			t.Fatal(err)
		}
		f.Write([]byte(parts[i+1]))
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestReadOtherPackages reads zip packages given a workbook's name that are
// something else, and says what each is; a workbook broken inside is still
// called broken.
func TestReadOtherPackages(t *testing.T) {
	const types = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/%s" ContentType="application/vnd.openxmlformats-officedocument.%s"/></Types>`
	ct := func(part, typ string) string {
		return strings.Replace(strings.Replace(types, "%s", part, 1), "%s", typ, 1)
	}
	p := builtin(t)
	var tpl bytes.Buffer
	if err := WriteTemplate(&tpl, p, "包头市", period(t, "2021-04-1"), written); err != nil {
		t.Fatal(err)
	}
	// The template without its workbook part.
	zr, _ := zip.NewReader(bytes.NewReader(tpl.Bytes()), int64(tpl.Len()))
	var broken []string
	for _, f := range zr.File {
		if f.Name != "xl/workbook.xml" {
			rc, _ := f.Open()
			var b bytes.Buffer
			b.ReadFrom(rc)
			rc.Close()
			broken = append(broken, f.Name, b.String())
		}
	}
	for _, c := range []struct {
		name string
		data []byte
		want string
	}{
		{"阿拉善盟.xlsx", zipOf(t, "[Content_Types].xml", ct("word/document.xml", "wordprocessingml.document.main+xml"), "word/document.xml", "<w:document/>"),
			"这是 Word 文档，不是 Excel 工作簿；请把进展情况填入下发的 Excel 模板（.xlsx）后重新报送"},
		{"汇报.xlsx", zipOf(t, "[Content_Types].xml", ct("ppt/presentation.xml", "presentationml.presentation.main+xml"), "ppt/presentation.xml", "<p:presentation/>"),
			"这是 PowerPoint 演示文稿，不是 Excel 工作簿；请把进展情况填入下发的 Excel 模板（.xlsx）后重新报送"},
		{"表.xlsx", zipOf(t, "mimetype", "application/vnd.oasis.opendocument.spreadsheet", "content.xml", "<office:document-content/>"),
			"这是 OpenDocument 表格（.ods），不是 .xlsx 工作簿；请在 Excel、WPS 或 LibreOffice 中另存为 .xlsx 后重新报送"},
		{"文稿.xlsx", zipOf(t, "mimetype", "application/vnd.oasis.opendocument.text", "content.xml", "<office:document-content/>"),
			"这是 OpenDocument 文本文档（.odt），不是 Excel 工作簿；请把进展情况填入下发的 Excel 模板（.xlsx）后重新报送"},
		{"公文.xlsx", zipOf(t, "OFD.xml", "<ofd:OFD/>", "Doc_0/Document.xml", "<ofd:Document/>"),
			"这是 OFD 版式文件，不是 Excel 工作簿；请把进展情况填入下发的 Excel 模板（.xlsx）后重新报送"},
		{"打包.xlsx", zipOf(t, "包头市.xlsx", "PK", "说明.txt", "见附件"),
			"这是 zip 压缩包，不是 Excel 工作簿；请把扩展名改为 .zip 后再读取，或解压后报送其中的进展情况表"},
		{"坏.xlsx", zipOf(t, broken...), "文件已损坏，无法打开（"},
	} {
		s, fs := ReadSubmission(taizhang.Source{Path: c.name, Name: c.name}, c.data, ReadOptions{Programme: p})
		want := c.name + " 错误 无法读取：" + c.want
		if s != nil || len(fs) != 1 || !strings.HasPrefix(fs[0].Text(), want) {
			t.Errorf("%s: got %v %v\nwant %s", c.name, s != nil, fs, want)
		}
	}
}

// TestNoTable tells a workbook without a progress table from a broken one.
func TestNoTable(t *testing.T) {
	p := builtin(t)
	for _, c := range []struct {
		name string
		data []byte
		want bool
	}{
		{"照片说明.xlsx", workbook(t, map[string][][]any{"照片清单": {{"序号", "照片", "说明"}, {1, "IMG_0612.jpg", "改造后"}}}, []string{"照片清单"}, nil), true},
		{"清单.csv", []byte("序号,事项\n1,审批事项清单\n"), true},
		{"阿拉善盟.xlsx", zipOf(t, "word/document.xml", "<w:document/>"), false},
		{"空.xlsx", nil, false},
	} {
		_, fs := ReadSubmission(taizhang.Source{Path: c.name, Name: c.name}, c.data, ReadOptions{Programme: p})
		if len(fs) != 1 || NoTable(fs[0]) != c.want {
			t.Errorf("%s: findings %v, NoTable want %v", c.name, fs, c.want)
		}
	}
}
