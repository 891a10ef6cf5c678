package xlsx

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/richardlehane/mscfb"

	"taizhang"
)

var oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

var (
	errEncrypted     = errors.New("工作簿已加密（设置了打开密码），请用 --password 提供密码，或在方案“设置”表的“工作簿密码”中登记，或请报送单位去掉密码后重新报送")
	errWrongPassword = errors.New("工作簿已加密，所给的密码都不对，请向报送单位核实密码")
)

type oleType int

const (
	oleOther oleType = iota
	oleEncrypted
	oleLegacy
)

// oleKind tells an encrypted OOXML workbook from a legacy .xls/.et and from
// other OLE2 files (Word, PowerPoint), by their stream names.
func oleKind(data []byte) oleType {
	doc, err := mscfb.New(bytes.NewReader(data))
	if err != nil {
		return oleLegacy
	}
	kind := oleLegacy
	for e, err := doc.Next(); err == nil; e, err = doc.Next() {
		switch e.Name {
		case "EncryptionInfo", "EncryptedPackage":
			return oleEncrypted
		case "WordDocument", "PowerPoint Document":
			kind = oleOther
		}
	}
	return kind
}

// sniff names what a non-workbook file looks like.
func sniff(data []byte) string {
	head := data
	if len(head) > 512 {
		head = head[:512]
	}
	lower := strings.ToLower(string(head))
	switch {
	case bytes.HasPrefix(data, []byte("%PDF")):
		return "是 PDF 文件"
	case bytes.HasPrefix(data, []byte{0xFF, 0xD8, 0xFF}), bytes.HasPrefix(data, []byte("\x89PNG")):
		return "是图片"
	case strings.Contains(lower, "<html") || strings.Contains(lower, "<!doctype html"):
		return "是网页文件，可能是从网页导出的伪 .xls"
	case strings.Contains(lower, "<?xml") && strings.Contains(lower, "spreadsheet"):
		return "是 XML 表格（Excel 2003 XML）"
	case bytes.HasPrefix(data, []byte("Rar!")), bytes.HasPrefix(data, []byte{0x1F, 0x8B}), bytes.HasPrefix(data, []byte("7z\xBC\xAF")):
		return "是压缩包"
	case len(data) < 100:
		return "文件不完整"
	}
	return "文件内容无法识别，可能已损坏或只传了一部分"
}

// excelizeError shortens an excelize error for a message.
func excelizeError(err error) string {
	s := err.Error()
	switch {
	case strings.Contains(s, "zip: not a valid zip file"):
		return "压缩结构损坏"
	case strings.Contains(s, "unexpected EOF"):
		return "文件不完整，可能只传了一部分"
	case strings.Contains(s, "size exceeds") || strings.Contains(s, "exceed"):
		return "解压后超过大小限制"
	case strings.Contains(s, "comment already exist"):
		return "该单元格已有批注，且本程序无法把它移开；请删除该单元格原有的批注后再运行"
	case strings.Contains(s, "xml"), strings.Contains(s, "XML syntax error"):
		return "内部 XML 损坏"
	}
	if len(s) > 80 {
		// Cut at a character boundary: the message may hold Chinese.
		cut := 80
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		s = s[:cut] + "…"
	}
	return s
}

// openSource opens a returned sheet: CSV text as a book of one sheet,
// anything else as a workbook (see openBookWithPasswords). A zip package
// that is no workbook — a Word document given the name .xlsx, say — is
// named for what it is.
func openSource(src taizhang.Source, r io.ReaderAt, size int64, opt ReadOptions) (*book, error) {
	head := make([]byte, min(size, 8))
	if _, err := r.ReadAt(head, 0); err != nil && !errors.Is(err, io.EOF) {
		return nil, err
	}
	if isCSV(src.Name, head) {
		return openCSV(r, size)
	}
	b, err := openBookWithPasswords(r, size, opt)
	if err != nil && bytes.HasPrefix(head, []byte("PK")) {
		if what := packageKind(r, size); what != "" {
			return nil, errors.New(what)
		}
	}
	return b, err
}

// refill is what a unit that sent something other than the sheet is asked to do.
const refill = "请把进展情况填入下发的 Excel 模板（.xlsx）后重新报送"

// packageKind says what a zip package that is not a workbook is, as the
// message of a finding; "" when it is a workbook (broken inside) or cannot
// be told.
func packageKind(r io.ReaderAt, size int64) (what string) {
	defer func() {
		if recover() != nil {
			what = ""
		}
	}()
	zr, err := zip.NewReader(r, size)
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) {
		return ""
	}
	parts := map[string]*zip.File{}
	for _, f := range zr.File {
		parts[strings.ToLower(strings.TrimPrefix(strings.ReplaceAll(f.Name, "\\", "/"), "/"))] = f
	}
	small := func(name string) string {
		f, ok := parts[name]
		if !ok {
			return ""
		}
		rc, err := f.Open()
		if err != nil {
			return ""
		}
		defer rc.Close()
		data, _ := io.ReadAll(io.LimitReader(rc, 1<<20))
		return strings.ToLower(string(data))
	}
	types := small("[content_types].xml")
	mimetype := small("mimetype")
	has := func(name string) bool { _, ok := parts[name]; return ok }
	switch {
	case has("xl/workbook.xml") || strings.Contains(types, "spreadsheetml.sheet.main") || strings.Contains(types, "ms-excel"):
		return ""
	case has("word/document.xml") || strings.Contains(types, "wordprocessingml.document.main") || strings.Contains(types, "ms-word"):
		return "这是 Word 文档，不是 Excel 工作簿；" + refill
	case has("ppt/presentation.xml") || strings.Contains(types, "presentationml.presentation.main") || strings.Contains(types, "ms-powerpoint"):
		return "这是 PowerPoint 演示文稿，不是 Excel 工作簿；" + refill
	case strings.HasPrefix(mimetype, "application/vnd.oasis.opendocument.spreadsheet"):
		return "这是 OpenDocument 表格（.ods），不是 .xlsx 工作簿；请在 Excel、WPS 或 LibreOffice 中另存为 .xlsx 后重新报送"
	case strings.HasPrefix(mimetype, "application/vnd.oasis.opendocument.text"):
		return "这是 OpenDocument 文本文档（.odt），不是 Excel 工作簿；" + refill
	case strings.HasPrefix(mimetype, "application/vnd.oasis.opendocument.presentation"):
		return "这是 OpenDocument 演示文稿（.odp），不是 Excel 工作簿；" + refill
	case has("ofd.xml"):
		return "这是 OFD 版式文件，不是 Excel 工作簿；" + refill
	case types == "" && mimetype == "":
		return "这是 zip 压缩包，不是 Excel 工作簿；请把扩展名改为 .zip 后再读取，或解压后报送其中的进展情况表"
	}
	return ""
}
