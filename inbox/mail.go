package inbox

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"mime"
	"mime/quotedprintable"
	"net/mail"
	"os"
	"strings"
	"time"
	"unicode"

	"taizhang"
)

// The messages of findings about e-mail.
const (
	msgMailNoSheets = "邮件中没有电子表格附件"
	msgUnnamed      = "邮件中这个附件没有文件名，按其内容作为 Excel 工作簿读取"
	msgMailLinked   = "；表格是以“超大附件”（下载链接）发来的，本程序无法下载，请在邮箱中下载后放入文件夹再读取"
	msgMailOthers   = "，附件只有 %s"
	msgMailBroken   = "邮件已损坏或格式不对，无法读出全部附件，请重新保存该邮件或请发件人重新发送"
	msgNotMail      = "不是有效的邮件文件，无法读取，请在邮件客户端中重新另存为 .eml"
	msgAttachBroken = "附件编码有误，无法读取，请发件人重新发送"
	msgTNEF         = "是 Outlook 的 winmail.dat 打包附件，其中的文件本程序无法读取，请发件人改用 HTML 或纯文本格式重新发送"
	msgMboxEmpty    = "邮箱文件中没有邮件"
)

// inlinePhoto is the size from which a picture shown in a message's text is
// taken for a photo sent, not a logo or signature.
const inlinePhoto = 64 << 10

// maxParts bounds the nesting of multiparts in one message.
const maxParts = 32

// header is a message's or part's header fields in order, with lower-case
// names and unfolded values.
type header []field

type field struct{ key, value string }

// get returns the first value of the field, or "".
func (h header) get(key string) string {
	for _, f := range h {
		if f.key == key {
			return f.value
		}
	}
	return ""
}

// parseHeader splits data into its header fields and body. It is lenient:
// lines that are no field are skipped, raw 8-bit bytes are kept, and a
// leading mbox "From " line is ignored. Data without a blank line is all
// header.
func parseHeader(data []byte) (header, []byte) {
	var h header
	rest := data
	for len(rest) > 0 {
		line, next := cutLine(rest)
		line = bytes.TrimRight(line, "\r")
		switch {
		case len(bytes.TrimSpace(line)) == 0:
			return h.trim(), next
		case line[0] == ' ' || line[0] == '\t':
			if len(h) > 0 {
				h[len(h)-1].value += string(line)
			}
		default:
			k, v, ok := bytes.Cut(line, []byte(":"))
			key := strings.ToLower(strings.TrimSpace(string(k)))
			if ok && key != "" && !strings.ContainsAny(key, " \t") {
				h = append(h, field{key, string(v)})
			} else if len(h) == 0 && !bytes.HasPrefix(line, []byte("From ")) && !bytes.HasPrefix(line, []byte(">From ")) {
				return h.trim(), rest // no header at all: the body starts here
			}
		}
		rest = next
	}
	return h.trim(), nil
}

func (h header) trim() header {
	for i := range h {
		h[i].value = strings.TrimSpace(h[i].value)
	}
	return h
}

// cutLine returns the first line of b without its "\n", and the rest.
func cutLine(b []byte) (line, rest []byte) {
	if i := bytes.IndexByte(b, '\n'); i >= 0 {
		return b[:i], b[i+1:]
	}
	return b, nil
}

// splitMultipart returns the parts of a multipart body and whether its
// closing delimiter was found. A part cut off by the end of the data is
// returned as it is.
func splitMultipart(body []byte, boundary string) ([][]byte, bool) {
	if boundary == "" {
		return nil, false
	}
	delim := []byte("--" + boundary)
	var parts [][]byte
	start := -1
	for i := 0; i < len(body); {
		line, rest := cutLine(body[i:])
		next := len(body) - len(rest)
		if t := bytes.TrimRight(line, " \t\r"); bytes.HasPrefix(t, delim) {
			switch string(t[len(delim):]) {
			case "", "--":
				if start >= 0 {
					parts = append(parts, trimEOL(body[start:i]))
				}
				if len(t) > len(delim) {
					return parts, true
				}
				start = next
			}
		}
		i = next
	}
	if start >= 0 && start < len(body) {
		parts = append(parts, body[start:])
	}
	return parts, false
}

// trimEOL removes one line end, which belongs to the delimiter after it.
func trimEOL(b []byte) []byte {
	b = bytes.TrimSuffix(b, []byte("\n"))
	return bytes.TrimSuffix(b, []byte("\r"))
}

// decodeBody undoes a Content-Transfer-Encoding.
func decodeBody(cte string, body []byte) ([]byte, bool) {
	switch strings.ToLower(strings.TrimSpace(cte)) {
	case "base64":
		return decodeBase64(string(body))
	case "quoted-printable":
		b, err := io.ReadAll(quotedprintable.NewReader(bytes.NewReader(body)))
		return b, err == nil
	}
	return body, true
}

// message collects the attachments of one message. where names it for a
// finding when it is no message at all. A message that is a file of its own
// (an .eml on disk, in an archive or attached) is named by that file's
// display path, where, as an archive is, and prefix is ""; one that is not
// (in an mbox, or forwarded inline) is named prefix › 邮件 subject (date).
// Its attachments are named like an archive's entries: mail › name. A nil g
// makes it a group of its own, with a note when it brings no spreadsheet.
func (c *collector) message(where, prefix string, data []byte, src origin, zips, depth int, g *group) {
	h, body := parseHeader(data)
	if len(h) == 0 {
		c.fail(where, msgNotMail)
		return
	}
	subject := decodeHeader(h.get("subject"))
	date := parseDate(h.get("date"))
	if !date.IsZero() {
		src.received = date
	}
	if from := parseSender(h.get("from")); from != "" {
		src.sender = from
	}
	if subject != "" {
		src.subject = subject
	}
	w := &walker{c: c, disp: where, src: src, zips: zips, depth: depth, g: g}
	if prefix != "" {
		w.disp = prefix + sep + messageLabel(subject, date)
	}
	if g == nil {
		w.g = c.newGroup(w.disp)
	}
	w.entity(h, body, 0)
	if w.broken {
		c.fail(w.disp, msgMailBroken)
	}
	if g == nil {
		c.close(w.g)
		if w.g.sheets == 0 && !w.broken {
			switch {
			case w.linked:
				c.note(w.disp, msgMailNoSheets+msgMailLinked)
			case len(w.g.others) > 0:
				// Attachments of forwarded messages inside it are in its group.
				c.note(w.disp, msgMailNoSheets+msgMailOthers, strings.Join(w.g.others, "、"))
				if c.opt.Sheetless != nil {
					c.opt.Sheetless(taizhang.Source{Path: w.disp, Name: lastStep(w.disp), Received: src.received, Sender: src.sender, Subject: src.subject})
				}
			default:
				c.note(w.disp, msgMailNoSheets)
			}
		}
	}
}

// walker goes through the parts of one message.
type walker struct {
	c      *collector
	disp   string
	src    origin
	zips   int
	depth  int
	g      *group
	broken bool
	linked bool // the text offers a file as a download link (超大附件)
}

var sheetTypes = map[string]string{
	"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ".xlsx",
	"application/vnd.ms-excel.sheet.macroenabled.12":                    ".xlsm",
	"application/vnd.ms-excel":                                          ".xls",
	"application/x-xls":                                                 ".xls",
	"application/zip":                                                   ".zip",
	"application/x-zip-compressed":                                      ".zip",
}

func (w *walker) entity(h header, body []byte, level int) {
	if level > maxParts {
		w.broken = true
		return
	}
	ct, ctp := mediaType(h.get("content-type"))
	cd, cdp := mediaType(h.get("content-disposition"))
	if strings.HasPrefix(ct, "multipart/") {
		parts, ok := splitMultipart(body, ctp["boundary"])
		if !ok {
			w.broken = true
		}
		for _, p := range parts {
			ph, pb := parseHeader(p)
			w.entity(ph, pb, level+1)
		}
		return
	}
	name := cdp["filename"]
	if name == "" {
		name = ctp["name"]
	}
	name = baseName(cleanName(name))
	if name == "." {
		name = ""
	}
	forwarded := ct == "message/rfc822" || ct == "message/global"
	unnamed := false
	switch {
	case forwarded && name == "":
		data, ok := decodeBody(h.get("content-transfer-encoding"), body)
		if !ok || w.depth >= maxDepth {
			w.broken = true
			return
		}
		w.c.message(w.disp, w.disp, data, w.src, w.zips, w.depth+1, w.g)
		return
	case forwarded && kindOf(name) != kindMail:
		name += ".eml"
	case name == "" && sheetTypes[ct] != "":
		name = "附件" + sheetTypes[ct]
	case name == "" && (ct == "application/octet-stream" || cd == "attachment"):
		// A file sent with no name: kept when its content is a workbook.
		data, ok := decodeBody(h.get("content-transfer-encoding"), body)
		if !ok || !bytes.HasPrefix(data, magicZip) || !bytes.Contains(data, []byte("xl/workbook")) {
			return
		}
		name, unnamed = "附件.xlsx", true
	case name == "":
		// The text of the message: it may offer the sheet as a link.
		if strings.HasPrefix(ct, "text/") || ct == "" {
			if data, ok := decodeBody(h.get("content-transfer-encoding"), body); ok && largeAttachment(decodeCharset(ctp["charset"], data)) {
				w.linked = true
			}
		}
		return
	case strings.HasPrefix(ct, "image/") && cd != "attachment" && h.get("content-id") != "":
		// A picture in the text, such as a signature; but phones send
		// photos (of a stamped sheet, say) the same way: a large one is
		// taken as an attachment.
		if data, ok := decodeBody(h.get("content-transfer-encoding"), body); !ok || len(data) < inlinePhoto || name == "" {
			return
		}
	}
	disp := w.disp + sep + name
	data, ok := decodeBody(h.get("content-transfer-encoding"), body)
	if !ok {
		w.c.fail(disp, msgAttachBroken)
		if kindOf(name).isSpreadsheet() {
			w.g.sheets++
		}
		return
	}
	if unnamed {
		w.c.note(disp, msgUnnamed)
	}
	w.c.inMemory(blob{disp: disp, name: name, label: name, src: w.src, data: data, zips: w.zips, depth: w.depth}, w.g)
}

// messageLabel names a message as a person finds it in the mail client:
// 邮件 subject (date in China Standard Time).
func messageLabel(subject string, date time.Time) string {
	s := strings.Join(strings.Fields(strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, subject)), " ")
	if s == "" {
		s = "（无主题）"
	}
	s = "邮件 " + s
	if !date.IsZero() {
		s += " (" + date.In(taizhang.CST).Format("2006-01-02 15:04") + ")"
	}
	return s
}

// parseDate reads a Date header, keeping its instant; zero when unreadable.
// Dates without a zone, as some clients write them, are China Standard Time.
func parseDate(v string) time.Time {
	v = strings.TrimSpace(v)
	if v == "" {
		return time.Time{}
	}
	if t, err := mail.ParseDate(v); err == nil {
		return t
	}
	if i := strings.LastIndexByte(v, '('); i > 0 { // a trailing comment
		if t, err := mail.ParseDate(strings.TrimSpace(v[:i])); err == nil {
			return t
		}
	}
	for _, layout := range []string{"2006-01-02 15:04:05", "2006/01/02 15:04:05", "2006-01-02 15:04", "2006/1/2 15:04:05", "2006/1/2 15:04"} {
		if t, err := time.ParseInLocation(layout, v, taizhang.CST); err == nil {
			return t
		}
	}
	return time.Time{}
}

var addrParser = mail.AddressParser{WordDecoder: &mime.WordDecoder{
	CharsetReader: func(charset string, r io.Reader) (io.Reader, error) {
		b, err := io.ReadAll(r)
		if err != nil {
			return nil, err
		}
		return strings.NewReader(decodeCharset(charset, b)), nil
	},
}}

// parseSender returns the address of a From header in lower case, or "".
func parseSender(v string) string {
	v = strings.TrimSpace(v)
	if v == "" {
		return ""
	}
	if a, err := addrParser.Parse(v); err == nil {
		return strings.ToLower(a.Address)
	}
	if list, err := addrParser.ParseList(v); err == nil && len(list) > 0 {
		return strings.ToLower(list[0].Address)
	}
	// A raw 8-bit name or other damage: take what is in angle brackets, or
	// the word with an @.
	if i := strings.LastIndexByte(v, '<'); i >= 0 {
		if j := strings.IndexByte(v[i:], '>'); j > 0 {
			if a := strings.TrimSpace(v[i+1 : i+j]); strings.Contains(a, "@") {
				return strings.ToLower(a)
			}
		}
	}
	for _, w := range strings.FieldsFunc(v, func(r rune) bool { return strings.ContainsRune(" \t<>\",;()", r) }) {
		if strings.Contains(w, "@") {
			return strings.ToLower(w)
		}
	}
	return ""
}

// mbox collects the messages of an mbox file as Thunderbird and Foxmail
// export them, one message in memory at a time.
func (c *collector) mbox(p string, src origin) {
	f, err := os.Open(p)
	if err != nil {
		c.fail(p, msgOpenFailed)
		return
	}
	defer f.Close()
	lr := &lineReader{r: bufio.NewReaderSize(f, 64<<10)}
	var cur bytes.Buffer
	n := 0
	started, first, prevBlank := false, true, true
	flush := func() {
		if started {
			n++
			c.message(fmt.Sprintf("%s%s第 %d 封邮件", p, sep, n), p, bytes.Clone(cur.Bytes()), src, 0, 1, nil)
			cur.Reset()
		}
	}
	for {
		line, ok := lr.next()
		if !ok {
			break
		}
		if bytes.HasPrefix(line, []byte("From ")) && (first || prevBlank || lr.headerNext()) {
			flush()
			started, first, prevBlank = true, false, false
			continue
		}
		if first && !bytes.HasPrefix(line, []byte("From ")) {
			started = true // no separator line: one message
		}
		first = false
		if t := bytes.TrimLeft(line, ">"); len(t) < len(line) && bytes.HasPrefix(t, []byte("From ")) {
			line = line[1:] // mboxrd quoting
		}
		cur.Write(line)
		prevBlank = len(bytes.TrimSpace(line)) == 0
	}
	flush()
	if lr.err != nil {
		c.fail(p, msgOpenFailed)
	}
	if n == 0 && lr.err == nil {
		c.note(p, msgMboxEmpty)
	}
}

// lineReader reads lines with their line ends and can look one line ahead.
type lineReader struct {
	r       *bufio.Reader
	pending []byte
	hasPend bool
	err     error
}

func (l *lineReader) next() ([]byte, bool) {
	if l.hasPend {
		l.hasPend = false
		return l.pending, true
	}
	line, err := l.r.ReadBytes('\n')
	if err != nil && err != io.EOF {
		l.err = err
	}
	return line, len(line) > 0
}

// headerNext reports whether the next line looks like a header field.
func (l *lineReader) headerNext() bool {
	line, ok := l.next()
	if !ok {
		return false
	}
	l.pending, l.hasPend = line, true
	k, _, found := bytes.Cut(line, []byte(":"))
	return found && len(k) > 0 && !bytes.ContainsAny(k, " \t")
}

// sniffMbox reports whether the file at p starts like an mbox file.
func sniffMbox(p string) bool {
	b, err := (blob{path: p}).head(5)
	return err == nil && string(b) == "From "
}

// largeAttachment reports whether the text of a message offers a file as a
// download link, as QQ邮箱, 163 and Foxmail send a 超大附件 (or 云附件).
func largeAttachment(text string) bool {
	return strings.Contains(text, "超大附件") || strings.Contains(text, "云附件") || strings.Contains(text, "网盘附件")
}
