package xlsx

import (
	"bytes"
	"errors"
	"strings"

	"github.com/richardlehane/mscfb"
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
	case strings.Contains(s, "xml"), strings.Contains(s, "XML syntax error"):
		return "内部 XML 损坏"
	}
	if len(s) > 80 {
		s = s[:80]
	}
	return s
}
