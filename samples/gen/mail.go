package main

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"hash/fnv"
	"mime/quotedprintable"
	"strings"
	"time"

	"golang.org/x/text/encoding/simplifiedchinese"

	"taizhang"
)

// client is the mail program a message was written with. Each writes its
// headers, body and attachment names in its own way, as observed in mail
// these clients send in Chinese.
type client int

const (
	foxmail     client = iota // Foxmail 7.2: GB18030, names as =?gb18030?B?…?=
	outlook                   // Outlook 2016: gb2312 text, names as =?GBK?Q?…?=
	qqmail                    // QQ邮箱 / 腾讯企业邮箱 web: UTF-8, names as =?utf-8?B?…?=
	thunderbird               // Thunderbird 78 set to GBK: names as RFC 2231 filename*0*=GBK''%…
)

// mail is one message a unit sends to the task force.
type mail struct {
	client  client
	name    string // the sender's display name
	from    string // the sender's address
	toName  string // "" for the task force
	to      string
	subject string
	date    string // 2021-06-15 16:02:37, China Standard Time
	text    string // the body; paragraphs separated by "\n"
	files   []attachment
}

// attachment is a file attached to a message, or a message forwarded as an
// attachment (msg).
type attachment struct {
	name string
	data []byte
	msg  *mail
}

// The task force's mailbox.
const (
	officeName = "自治区工改专班"
	officeAddr = "nmggzb@example.cn"
)

func (m *mail) time() time.Time {
	t, err := time.ParseInLocation("2006-01-02 15:04:05", m.date, taizhang.CST)
	if err != nil {
		panic("mail date " + m.date)
	}
	return t
}

// seed returns a number that identifies the message, for boundaries and ids.
func (m *mail) seed() uint64 {
	h := fnv.New64a()
	fmt.Fprint(h, m.from, m.date, m.subject)
	return h.Sum64()
}

// encode returns the message as its client saves it (.eml), with CRLF line ends.
func (m *mail) encode() []byte {
	w := &mailWriter{}
	t := m.time()
	date := t.Format("Mon, 2 Jan 2006 15:04:05 -0700")
	s := m.seed()
	toName, to := m.toName, m.to
	if to == "" {
		toName, to = officeName, officeAddr
	}
	// The receiving server's line, as every saved message has.
	w.header("Received", fmt.Sprintf("from [10.%d.%d.%d] (unknown [10.%d.%d.%d])\r\n\tby mail.example.cn (Coremail) with SMTP id AQAAf%07x;\r\n\t%s (CST)",
		s%200, s>>8%250, s>>16%250, s%200, s>>8%250, s>>16%250, s>>24&0xfffffff, t.Add(2*time.Second).Format("Mon, 2 Jan 2006 15:04:05 -0700")))
	switch m.client {
	case foxmail:
		w.header("Date", date)
		w.header("From", fmt.Sprintf("\"%s\" <%s>", words(m.name, "gb18030", 'B', ""), m.from))
		w.header("To", fmt.Sprintf("\"%s\" <%s>", words(toName, "gb18030", 'B', ""), to))
		w.header("Subject", words(m.subject, "gb18030", 'B', "\r\n\t"))
		w.header("X-Priority", "3")
		w.header("X-GUID", fmt.Sprintf("%08X-%04X-%04X-%04X-%012X", s>>32, s>>16&0xffff, s&0xffff, s>>48, s*31&0xffffffffffff))
		w.header("X-Has-Attach", "yes")
		w.header("X-Mailer", "Foxmail 7.2.20.273[cn]")
		w.header("Mime-Version", "1.0")
		w.header("Message-ID", fmt.Sprintf("<%s%07d@example.cn>", t.Format("20060102150405"), s%10000000))
		outer := fmt.Sprintf("----=_001_NextPart%012d_=----", s%1000000000000)
		inner := fmt.Sprintf("----=_002_NextPart%012d_=----", (s>>20)%1000000000000)
		w.header("Content-Type", "multipart/mixed;\r\n\tboundary=\""+outer+"\"")
		w.line("")
		w.line("This is a multi-part message in MIME format.")
		w.line("")
		w.line("--" + outer)
		w.line("Content-Type: multipart/alternative;\r\n\tboundary=\"" + inner + "\"")
		w.line("")
		w.line("")
		w.line("--" + inner)
		w.line("Content-Type: text/plain;\r\n\tcharset=\"gb18030\"\r\nContent-Transfer-Encoding: base64")
		w.line("")
		w.base64(encodeText("gb18030", m.text+"\n"), 76)
		w.line("")
		w.line("--" + inner)
		w.line("Content-Type: text/html;\r\n\tcharset=\"gb18030\"\r\nContent-Transfer-Encoding: base64")
		w.line("")
		w.base64(encodeText("gb18030", html(m.text, "gb18030")), 76)
		w.line("")
		w.line("--" + inner + "--")
		w.line("")
		for _, a := range m.files {
			w.line("--" + outer)
			name := words(a.name, "gb18030", 'B', "\r\n\t")
			if a.msg != nil {
				w.line(fmt.Sprintf("Content-Type: message/rfc822;\r\n\tname=\"%s\"\r\nContent-Transfer-Encoding: 7bit\r\nContent-Disposition: attachment;\r\n\tfilename=\"%s\"", name, name))
				w.line("")
				w.raw(a.msg.encode())
				w.line("")
				continue
			}
			w.line(fmt.Sprintf("Content-Type: application/octet-stream;\r\n\tname=\"%s\"\r\nContent-Transfer-Encoding: base64\r\nContent-Disposition: attachment;\r\n\tfilename=\"%s\"", name, name))
			w.line("")
			w.base64(a.data, 76)
			w.line("")
		}
		w.line("--" + outer + "--")
		w.line("")
		w.line("")
	case outlook:
		w.header("From", fmt.Sprintf("%s <%s>", words(m.name, "gb2312", 'B', ""), m.from))
		w.header("To", fmt.Sprintf("%s <%s>", words(toName, "gb2312", 'B', ""), to))
		w.header("Subject", words(m.subject, "gb2312", 'B', "\r\n\t"))
		w.header("Date", date)
		w.header("Message-ID", fmt.Sprintf("<000001d7%04x$%08x$%08x$@example.cn>", s&0xffff, s>>16&0xffffffff, s>>40))
		w.header("MIME-Version", "1.0")
		stamp := fmt.Sprintf("01D7%04X.%08X", 0x6000+t.YearDay(), s>>32)
		outer := "----=_NextPart_000_0001_" + stamp
		inner := "----=_NextPart_001_0002_" + stamp
		w.header("Content-Type", "multipart/mixed;\r\n\tboundary=\""+outer+"\"")
		w.header("X-Mailer", "Microsoft Outlook 16.0")
		var idx [22]byte
		for i := range idx {
			idx[i] = byte(s >> (i % 8 * 8))
		}
		w.header("Thread-Index", base64.StdEncoding.EncodeToString(idx[:]))
		w.header("Content-Language", "zh-cn")
		w.line("")
		w.line("This is a multipart message in MIME format.")
		w.line("")
		w.line("--" + outer)
		w.line("Content-Type: multipart/alternative;\r\n\tboundary=\"" + inner + "\"")
		w.line("")
		w.line("")
		w.line("--" + inner)
		w.line("Content-Type: text/plain;\r\n\tcharset=\"gb2312\"\r\nContent-Transfer-Encoding: base64")
		w.line("")
		w.base64(encodeText("gb2312", m.text+"\n"), 76)
		w.line("")
		w.line("--" + inner)
		w.line("Content-Type: text/html;\r\n\tcharset=\"gb2312\"\r\nContent-Transfer-Encoding: quoted-printable")
		w.line("")
		w.qp(encodeText("gb2312", html(m.text, "gb2312")))
		w.line("")
		w.line("--" + inner + "--")
		w.line("")
		for _, a := range m.files {
			w.line("--" + outer)
			name := words(a.name, "GBK", 'Q', "\r\n\t")
			w.line(fmt.Sprintf("Content-Type: %s;\r\n\tname=\"%s\"\r\nContent-Transfer-Encoding: base64\r\nContent-Disposition: attachment;\r\n\tfilename=\"%s\"", contentType(a.name, true), name, name))
			w.line("")
			w.base64(a.data, 76)
			w.line("")
		}
		w.line("--" + outer + "--")
		w.line("")
	case qqmail:
		w.header("X-QQ-mid", fmt.Sprintf("bizesmtp%dt%dt%07x", s%90+10, t.Unix(), s>>36))
		w.header("X-QQ-SSF", "01400000002000C0B000B00A0000000")
		w.header("X-QQ-GoodBg", "2")
		w.header("From", fmt.Sprintf("\"%s\" <%s>", words(m.name, "utf-8", 'B', ""), m.from))
		w.header("To", fmt.Sprintf("\"%s\" <%s>", words(toName, "utf-8", 'B', ""), to))
		w.header("Subject", words(m.subject, "utf-8", 'B', "\r\n "))
		w.header("Mime-Version", "1.0")
		outer := fmt.Sprintf("----=_NextPart_%08X_%08X_%08X", uint32(t.Unix()), uint32(s), uint32(s>>32))
		inner := outer + "_ALT"
		w.header("Content-Type", "multipart/mixed;\r\n\tboundary=\""+outer+"\"")
		w.header("Content-Transfer-Encoding", "8Bit")
		w.header("Date", date)
		w.header("X-Priority", "3")
		w.header("Message-ID", fmt.Sprintf("<tencent_%016X%08X@qq.com>", s, uint32(s>>13)))
		w.header("X-QQ-MIME", "TCMime 1.0 by Tencent")
		w.header("X-Mailer", "QQMail 2.x")
		w.header("X-QQ-Mailer", "QQMail 2.x")
		w.line("")
		w.line("This is a multi-part message in MIME format.")
		w.line("")
		w.line("--" + outer)
		w.line("Content-Type: multipart/alternative;\r\n\tboundary=\"" + inner + "\"")
		w.line("")
		w.line("--" + inner)
		w.line("Content-Type: text/plain;\r\n\tcharset=\"utf-8\"\r\nContent-Transfer-Encoding: base64")
		w.line("")
		w.base64([]byte(m.text+"\n"), 76)
		w.line("")
		w.line("--" + inner)
		w.line("Content-Type: text/html;\r\n\tcharset=\"utf-8\"\r\nContent-Transfer-Encoding: base64")
		w.line("")
		w.base64([]byte(html(m.text, "utf-8")), 76)
		w.line("")
		w.line("--" + inner + "--")
		w.line("")
		for _, a := range m.files {
			w.line("--" + outer)
			name := words(a.name, "utf-8", 'B', "\r\n\t")
			w.line(fmt.Sprintf("Content-Type: application/octet-stream;\r\n\tcharset=\"utf-8\";\r\n\tname=\"%s\"\r\nContent-Disposition: attachment; filename=\"%s\"\r\nContent-Transfer-Encoding: base64", name, name))
			w.line("")
			w.base64(a.data, 76)
			w.line("")
		}
		w.line("--" + outer + "--")
		w.line("")
		w.line("")
	case thunderbird:
		w.header("Subject", words(m.subject, "GBK", 'B', "\r\n "))
		w.header("To", fmt.Sprintf("%s <%s>", words(toName, "GBK", 'B', ""), to))
		w.header("From", fmt.Sprintf("%s <%s>", words(m.name, "GBK", 'B', ""), m.from))
		w.header("Message-ID", fmt.Sprintf("<%08x-%04x-%04x-%04x-%012x@example.cn>", s>>32, s>>16&0xffff, s&0xffff, s>>48|0x8000, s*17&0xffffffffffff))
		w.header("Date", date)
		w.header("User-Agent", "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:78.0) Gecko/20100101\r\n Thunderbird/78.11.0")
		w.header("MIME-Version", "1.0")
		outer := fmt.Sprintf("------------%012X%012X", s>>16, s*7&0xffffffffffff)
		w.header("Content-Type", "multipart/mixed;\r\n boundary=\""+outer+"\"")
		w.header("Content-Language", "zh-CN")
		w.line("")
		w.line("This is a multi-part message in MIME format.")
		w.line("--" + outer)
		w.line("Content-Type: text/plain; charset=GBK; format=flowed")
		w.line("Content-Transfer-Encoding: 8bit")
		w.line("")
		for _, p := range strings.Split(m.text, "\n") {
			w.raw(encodeText("GBK", p))
			w.line("")
		}
		w.line("")
		for _, a := range m.files {
			w.line("--" + outer)
			w.line(fmt.Sprintf("Content-Type: %s;\r\n%s\r\nContent-Transfer-Encoding: base64\r\nContent-Disposition: attachment;\r\n%s", contentType(a.name, false), rfc2231("name", "GBK", a.name), rfc2231("filename", "GBK", a.name)))
			w.line("")
			w.base64(a.data, 72)
			w.line("")
		}
		w.line("--" + outer + "--")
	}
	return w.buf.Bytes()
}

// mailWriter writes a message with CRLF line ends.
type mailWriter struct{ buf bytes.Buffer }

func (w *mailWriter) header(key, value string) { w.line(key + ": " + value) }

func (w *mailWriter) line(s string) {
	w.buf.WriteString(s)
	w.buf.WriteString("\r\n")
}

func (w *mailWriter) raw(b []byte) { w.buf.Write(b) }

func (w *mailWriter) base64(data []byte, width int) {
	s := base64.StdEncoding.EncodeToString(data)
	for len(s) > width {
		w.line(s[:width])
		s = s[width:]
	}
	if s != "" {
		w.line(s)
	}
}

func (w *mailWriter) qp(data []byte) {
	var b bytes.Buffer
	q := quotedprintable.NewWriter(&b)
	q.Write(data)
	q.Close()
	w.raw(bytes.ReplaceAll(bytes.ReplaceAll(b.Bytes(), []byte("\r\n"), []byte("\n")), []byte("\n"), []byte("\r\n")))
	w.line("")
}

// encodeText returns s in charset cs (GB18030, GBK, gb2312 or UTF-8).
func encodeText(cs, s string) []byte {
	switch strings.ToLower(cs) {
	case "utf-8":
		return []byte(s)
	case "gb18030":
		b, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(s))
		if err != nil {
			panic(fmt.Sprintf("gb18030 %q: %v", s, err))
		}
		return b
	}
	// gb2312 is written with the GBK encoder, as Windows does (code page 936).
	b, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(s))
	if err != nil {
		panic(fmt.Sprintf("gbk %q: %v", s, err))
	}
	return b
}

// words returns s as RFC 2047 encoded words in charset cs and encoding B or
// Q, each at most 75 characters and split between characters, joined by
// fold ("" keeps them on one line, separated by a space).
func words(s, cs string, enc byte, fold string) string {
	if fold == "" {
		fold = " "
	}
	prefix := "=?" + cs + "?" + string(enc) + "?"
	room := 75 - len(prefix) - 2
	var out []string
	var chunk []byte
	encoded := func(b []byte) string {
		if enc == 'B' {
			return base64.StdEncoding.EncodeToString(b)
		}
		return qEncode(b)
	}
	for _, r := range s {
		rb := encodeText(cs, string(r))
		if len(chunk) > 0 && len(encoded(append(append([]byte(nil), chunk...), rb...))) > room {
			out = append(out, prefix+encoded(chunk)+"?=")
			chunk = nil
		}
		chunk = append(chunk, rb...)
	}
	if len(chunk) > 0 {
		out = append(out, prefix+encoded(chunk)+"?=")
	}
	return strings.Join(out, fold)
}

// qEncode is the Q encoding of RFC 2047.
func qEncode(b []byte) string {
	var sb strings.Builder
	for _, c := range b {
		switch {
		case c == ' ':
			sb.WriteByte('_')
		case c >= 0x80 || c < 0x20 || strings.IndexByte(`=?_"()<>@,;:\[]`, c) >= 0:
			fmt.Fprintf(&sb, "=%02X", c)
		default:
			sb.WriteByte(c)
		}
	}
	return sb.String()
}

// rfc2231 returns the parameter key=value as RFC 2231 continuations in
// charset cs: " key*0*=cs”%..;" lines of at most 78 characters.
func rfc2231(key, cs, value string) string {
	var segs []string
	var cur strings.Builder
	head := func(n int) string {
		h := fmt.Sprintf(" %s*%d*=", key, n)
		if n == 0 {
			h += cs + "''"
		}
		return h
	}
	for _, r := range value {
		var enc strings.Builder
		for _, c := range encodeText(cs, string(r)) {
			if c >= 0x80 || c <= ' ' || strings.IndexByte(`%'"*;=()<>@,/:\[]?`, c) >= 0 {
				fmt.Fprintf(&enc, "%%%02X", c)
			} else {
				enc.WriteByte(c)
			}
		}
		if len(head(len(segs)))+cur.Len()+enc.Len()+1 > 78 && cur.Len() > 0 {
			segs = append(segs, head(len(segs))+cur.String())
			cur.Reset()
		}
		cur.WriteString(enc.String())
	}
	segs = append(segs, head(len(segs))+cur.String())
	return strings.Join(segs, ";\r\n")
}

// html returns the body as the HTML part a client writes beside the text.
func html(text, cs string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=%s\"></head>\n<body style=\"font-family: 微软雅黑; font-size: 14px;\">\n", cs)
	for _, p := range strings.Split(text, "\n") {
		p = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(p)
		if p == "" {
			p = "<br>"
		}
		fmt.Fprintf(&b, "<div>%s</div>\n", p)
	}
	b.WriteString("</body></html>\n")
	return b.String()
}

// contentType returns the type a client gives an attachment by its name;
// exact is false for clients that send everything as octet-stream.
func contentType(name string, exact bool) string {
	i := strings.LastIndexByte(name, '.')
	ext := ""
	if i >= 0 {
		ext = strings.ToLower(name[i:])
	}
	switch ext {
	case ".xlsx":
		return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
	case ".xls":
		return "application/vnd.ms-excel"
	case ".pdf":
		return "application/pdf"
	case ".jpg", ".jpeg":
		return "image/jpeg"
	case ".zip":
		if exact {
			return "application/x-zip-compressed"
		}
		return "application/zip"
	}
	return "application/octet-stream"
}

// mbox returns messages as Thunderbird keeps them in a folder exported as
// mbox: a "From - date" line, its status headers, the message, a blank line.
func mbox(ms []*mail) []byte {
	var b bytes.Buffer
	for _, m := range ms {
		t := m.time()
		fmt.Fprintf(&b, "From - %s\r\n", t.Add(7*time.Second).Format("Mon Jan _2 15:04:05 2006"))
		b.WriteString("X-Mozilla-Status: 0001\r\nX-Mozilla-Status2: 00000000\r\n")
		b.WriteString("X-Mozilla-Keys:" + strings.Repeat(" ", 80) + "\r\n")
		data := m.encode()
		// mboxrd: a body line starting with "From " is quoted.
		for _, line := range bytes.SplitAfter(data, []byte("\n")) {
			if bytes.HasPrefix(bytes.TrimLeft(line, ">"), []byte("From ")) {
				b.WriteByte('>')
			}
			b.Write(line)
		}
		if !bytes.HasSuffix(data, []byte("\r\n")) {
			b.WriteString("\r\n")
		}
		b.WriteString("\r\n")
	}
	return b.Bytes()
}
