package inbox

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"time"
	"unicode/utf16"

	"github.com/richardlehane/mscfb"
)

// The messages of findings about spreadsheet files.
const (
	descLegacy    = "是旧版 Excel 97-2003（.xls）或 WPS（.et）格式"
	descNotBook   = "文件内容不是 Excel 工作簿（可能是网页、文本或其他文件改了扩展名）"
	descODS       = "是 OpenDocument（.ods）格式"
	descXLSB      = "是 Excel 二进制工作簿（.xlsb）格式"
	msgCannotRead = "%s，本程序无法直接读取，请在 Excel 或 WPS 中另存为 .xlsx 后重新报送"
	msgConvFailed = "%s，用 LibreOffice 自动转换失败（%s），请在 Excel 或 WPS 中另存为 .xlsx 后重新报送"
	msgConverted  = "%s，已用 LibreOffice 转换后读取"
	msgBrokenOLE  = "文件已损坏，无法打开，请在 Excel 或 WPS 中重新保存为 .xlsx 后报送"
	msgNotExcel   = "这是%s，不是 Excel 工作簿；请把进展情况填入下发的 Excel 模板（.xlsx）后重新报送"
	msgPacked     = "这是 %s 压缩包，不是 Excel 工作簿；请解压后报送其中的进展情况表"
	msgTextTable  = "文件内容不是 Excel 工作簿，而是以制表符或逗号分隔的文本（系统导出的 .xls 常是这样），已按文本表格读取"
)

var (
	magicZip  = []byte("PK")
	magicOLE2 = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
)

// sheet collects a spreadsheet: a zip-based workbook, an encrypted one or a
// CSV file is passed on as it is; a legacy or foreign one is converted or
// reported; one that is empty or no workbook at all is reported. A .csv that
// is in fact a workbook goes the workbook's way.
func (c *collector) sheet(b blob, k kind) {
	head, err := b.head(len(magicOLE2))
	switch {
	case err != nil:
		c.fail(b.disp, msgOpenFailed)
		return
	case len(head) == 0:
		c.fail(b.disp, msgEmpty)
		return
	case k == kindCSV && !bytes.HasPrefix(head, magicZip) && !bytes.HasPrefix(head, magicOLE2):
		c.pass(b) // text: the reader reads it as CSV
		return
	case k == kindForeign:
		desc, note := descODS, ".ods 格式"
		if ext(b.name) == ".xlsb" {
			desc, note = descXLSB, ".xlsb 格式"
		}
		c.convert(b, desc, note)
		return
	case bytes.HasPrefix(head, magicZip):
		if odsPackage(b) && c.sofficePath() != "" {
			c.convertAs(b, ".ods", descODS, "文件内容是 OpenDocument（.ods）表格")
			return
		}
		c.pass(b)
		return
	case !bytes.HasPrefix(head, magicOLE2):
		if what, packed := otherFile(head); what != "" {
			if packed {
				c.fail(b.disp, msgPacked, what)
			} else {
				c.fail(b.disp, msgNotExcel, what)
			}
			return
		}
		if k == kindLegacy && textTable(b) {
			c.pass(b) // the reader reads it as text, as it does a .csv
			c.note(b.disp, msgTextTable)
			return
		}
		if k == kindLegacy {
			c.convert(b, descNotBook, "文件内容不是标准的 Excel 工作簿")
			return
		}
		c.fail(b.disp, msgCannotRead, descNotBook)
		return
	}
	ole, err := oleKind(b)
	switch {
	case err != nil:
		c.fail(b.disp, msgBrokenOLE)
		return
	case ole == oleEncrypted:
		c.pass(b) // the workbook reader opens it with the password
		return
	case ole == oleWord:
		c.fail(b.disp, msgNotExcel, " Word 文档（.doc）")
		return
	case ole == olePowerPoint:
		c.fail(b.disp, msgNotExcel, " PowerPoint 演示文稿（.ppt）")
		return
	}
	e := ext(b.name)
	if kindOf(b.name) != kindLegacy {
		e = ".xls"
	}
	c.convert(b, descLegacy, "旧版 "+e+" 格式")
}

// pass collects b as it is.
func (c *collector) pass(b blob) {
	c.add(b.disp, b.name, b.src, b.load)
	c.ins[len(c.ins)-1].File = b.path
}

// oleType is what an OLE2 compound file holds.
type oleType int

const (
	oleLegacy     oleType = iota // a legacy .xls/.et workbook, or anything else
	oleEncrypted                 // an encrypted OOXML workbook (EncryptionInfo stream)
	oleWord                      // a Word .doc (WordDocument stream)
	olePowerPoint                // a PowerPoint .ppt (PowerPoint Document stream)
)

// oleKind tells, by its streams, what the OLE2 file b holds.
func oleKind(b blob) (kind oleType, err error) {
	var ra io.ReaderAt
	if b.path == "" {
		ra = bytes.NewReader(b.data)
	} else {
		f, err := os.Open(b.path)
		if err != nil {
			return oleLegacy, err
		}
		defer f.Close()
		ra = f
	}
	defer func() {
		if recover() != nil {
			kind, err = oleLegacy, errors.New("broken compound file")
		}
	}()
	r, err := mscfb.New(ra)
	if err != nil {
		return oleLegacy, err
	}
	kind = oleLegacy
	for _, f := range r.File {
		switch f.Name {
		case "EncryptionInfo", "EncryptedPackage":
			return oleEncrypted, nil
		case "WordDocument":
			kind = oleWord
		case "PowerPoint Document":
			kind = olePowerPoint
		}
	}
	return kind, nil
}

// otherFile names, by its first bytes, a file that is plainly no
// spreadsheet: packed is set for an archive. It returns "" for what may
// still be one (a web page or text a system exported as .xls).
func otherFile(head []byte) (what string, packed bool) {
	switch {
	case bytes.HasPrefix(head, []byte("%PDF")):
		return " PDF 文件", false
	case bytes.HasPrefix(head, []byte{0xFF, 0xD8, 0xFF}), bytes.HasPrefix(head, []byte("\x89PNG")), bytes.HasPrefix(head, []byte("GIF8")):
		return "图片", false
	case bytes.HasPrefix(head, []byte("Rar!")):
		return "RAR", true
	case bytes.HasPrefix(head, []byte("7z\xBC\xAF")):
		return "7z", true
	case bytes.HasPrefix(head, []byte{0x1F, 0x8B}):
		return "gzip", true
	}
	return "", false
}

// convert turns b into .xlsx with LibreOffice when Options.Convert is on and
// LibreOffice is installed, and otherwise reports it.
func (c *collector) convert(b blob, desc, note string) {
	c.convertAs(b, ext(b.name), desc, note)
}

// convertAs converts b as a file of extension e (see convert).
func (c *collector) convertAs(b blob, e, desc, note string) {
	soffice := c.sofficePath()
	if soffice == "" {
		c.fail(b.disp, msgCannotRead, desc)
		return
	}
	data, err := b.load()
	if err != nil {
		c.fail(b.disp, msgOpenFailed)
		return
	}
	out, err := convertXLSX(soffice, data, e, c.opt.Timeout)
	if err != nil {
		c.fail(b.disp, msgConvFailed, desc, err.Error())
		return
	}
	c.add(b.disp, b.name, b.src, func() ([]byte, error) { return out, nil })
	c.note(b.disp, msgConverted, note)
}

// sofficePath returns LibreOffice's soffice when conversion is on and it can
// be found, else "".
func (c *collector) sofficePath() string {
	if !c.opt.Convert {
		return ""
	}
	if !c.sofficeLooked {
		c.sofficeLooked = true
		c.soffice = findSoffice(c.opt.SofficePath)
	}
	return c.soffice
}

func findSoffice(given string) string {
	if given != "" {
		if p, err := exec.LookPath(given); err == nil {
			return p
		}
		return ""
	}
	for _, name := range []string{"soffice", "libreoffice"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if runtime.GOOS == "windows" {
		for _, env := range []string{"ProgramFiles", "ProgramFiles(x86)"} {
			p := filepath.Join(os.Getenv(env), "LibreOffice", "program", "soffice.exe")
			if _, err := os.Stat(p); err == nil && os.Getenv(env) != "" {
				return p
			}
		}
	}
	return ""
}

// convError is why a conversion failed, in Chinese.
type convError string

func (e convError) Error() string { return string(e) }

// convertXLSX converts a workbook to .xlsx with LibreOffice in a temporary
// folder, with a profile of its own so that it runs while another
// LibreOffice is open, and kills it after timeout.
func convertXLSX(soffice string, data []byte, extension string, d time.Duration) ([]byte, error) {
	tmp, err := os.MkdirTemp("", "taizhang-convert-")
	if err != nil {
		return nil, convError("无法创建临时文件夹")
	}
	defer os.RemoveAll(tmp)
	// An ASCII name avoids trouble with the command line's code page; the
	// OLE2 and HTML forms are both recognised by their content.
	in := filepath.Join(tmp, "book"+extension)
	if extension != ".ods" && extension != ".xlsb" {
		in = filepath.Join(tmp, "book.xls")
	}
	outDir := filepath.Join(tmp, "out")
	if err := os.WriteFile(in, data, 0o600); err != nil {
		return nil, convError("无法写入临时文件")
	}
	profile := (&url.URL{Scheme: "file", Path: slashPath(filepath.Join(tmp, "profile"))}).String()
	args := []string{"-env:UserInstallation=" + profile, "--headless", "--norestore", "--nologo",
		"--nodefault", "--nolockcheck", "--convert-to", "xlsx", "--outdir", outDir, in}
	ctx, cancel := context.WithTimeout(context.Background(), d)
	defer cancel()
	cmd := exec.Command(soffice, args...)
	cmd.Dir = tmp
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	setGroup(cmd)
	if err := cmd.Start(); err != nil {
		return nil, convError("无法启动 LibreOffice")
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err = <-done:
	case <-ctx.Done():
		killGroup(cmd)
		<-done
		return nil, convError(fmt.Sprintf("超过 %d 秒未完成", int(d.Seconds()+0.5)))
	}
	result, rerr := os.ReadFile(filepath.Join(outDir, "book.xlsx"))
	if rerr != nil || !bytes.HasPrefix(result, magicZip) {
		if err != nil {
			return nil, convError("LibreOffice 报错退出")
		}
		return nil, convError("LibreOffice 没有生成 .xlsx 文件")
	}
	return result, nil
}

// slashPath returns p with forward slashes and a leading slash, as a file
// URL wants it on every system.
func slashPath(p string) string {
	p = filepath.ToSlash(p)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	return p
}

// textTable reports whether b, named like a legacy workbook, is in fact text
// with fields separated by tabs, commas or semicolons, as systems export
// “Excel” files: one of its first lines holds one of them (the first may be
// a title), and it is neither a web page nor XML (LibreOffice converts
// those) nor binary. Text in UTF-16 carries a byte-order mark.
func textTable(b blob) bool {
	head, err := b.head(4096)
	if err != nil {
		return false
	}
	if le, be := bytes.HasPrefix(head, []byte{0xFF, 0xFE}), bytes.HasPrefix(head, []byte{0xFE, 0xFF}); le || be {
		units := make([]uint16, 0, len(head)/2)
		for i := 2; i+1 < len(head); i += 2 {
			if le {
				units = append(units, uint16(head[i])|uint16(head[i+1])<<8)
			} else {
				units = append(units, uint16(head[i])<<8|uint16(head[i+1]))
			}
		}
		head = []byte(string(utf16.Decode(units)))
	} else {
		head = bytes.TrimPrefix(head, []byte{0xEF, 0xBB, 0xBF})
		if bytes.IndexByte(head, 0) >= 0 {
			return false
		}
	}
	if t := bytes.TrimSpace(head); bytes.HasPrefix(t, []byte("<")) || bytes.HasPrefix(bytes.ToLower(t), []byte("mime-version:")) {
		return false // a web page, XML, or a single-file web page (MHTML) Excel saved
	}
	for i, line := range bytes.SplitN(head, []byte{'\n'}, textTableLines+1) {
		if i < textTableLines && bytes.ContainsAny(line, "\t,;") {
			return true
		}
	}
	return false
}

// textTableLines is how many lines textTable looks at.
const textTableLines = 8

// odsPackage reports whether the zip package b is an OpenDocument
// spreadsheet, by the stored mimetype entry it starts with.
func odsPackage(b blob) bool {
	head, err := b.head(128)
	return err == nil && bytes.Contains(head, []byte("mimetypeapplication/vnd.oasis.opendocument.spreadsheet"))
}
