package inbox

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"taizhang"
)

const subject = "关于报送4月上半月进展情况"

// TestAttachmentNames reads an attachment name and subject written in each
// header encoding that mail clients use for Chinese.
func TestAttachmentNames(t *testing.T) {
	const name = "包头市_2021年4月上半月_进展情况表.xlsx"
	xlsx := "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
	tests := []struct {
		desc        string
		subject     string // as written in the header
		contentType string
		disposition string
		want        string // the name read
	}{
		{"2047 B gb2312", "=?gb2312?B?" + b64(gbk(t, subject)) + "?=", xlsx,
			`attachment; filename="=?gb2312?B?` + b64(gbk(t, name)) + `?="`, name},
		{"2047 B gb2312 holding a GBK-only character", "=?GB2312?B?" + b64(gbk(t, subject)) + "?=", xlsx,
			`attachment; filename="=?GB2312?B?` + b64(gbk(t, "喆_"+name)) + `?="`, "喆_" + name},
		{"2047 Q GBK", "=?GBK?Q?" + qEncode(gbk(t, subject)) + "?=", xlsx,
			`attachment; filename="=?GBK?Q?` + qEncode(gbk(t, name)) + `?="`, name},
		{"2047 B gb18030 with a four-byte character", "=?gb18030?B?" + b64(gb18030(t, subject)) + "?=", xlsx,
			`attachment; filename="=?gb18030?B?` + b64(gb18030(t, "㐀"+name)) + `?="`, "㐀" + name},
		{"2047 Q gb18030", "=?gb18030?Q?" + qEncode(gb18030(t, subject)) + "?=", xlsx,
			`attachment; filename="=?gb18030?Q?` + qEncode(gb18030(t, name)) + `?="`, name},
		{"2047 B utf-8", "=?utf-8?B?" + b64(subject) + "?=", xlsx,
			`attachment; filename="=?utf-8?B?` + b64(name) + `?="`, name},
		{"2047 Q UTF-8", "=?UTF-8?Q?" + qEncode(subject) + "?=", xlsx,
			`attachment; filename="=?UTF-8?Q?` + qEncode(name) + `?="`, name},
		{"2047 words split inside a character", "=?GBK?B?" + b64(gbk(t, subject)[:3]) + "?=\r\n =?GBK?B?" + b64(gbk(t, subject)[3:]) + "?=", xlsx,
			`attachment; filename="=?GBK?B?` + b64(gbk(t, name)[:5]) + `?= =?GBK?B?` + b64(gbk(t, name)[5:]) + `?="`, name},
		{"2047 only in Content-Type name (Outlook, Foxmail)", "=?gbk?B?" + b64(gbk(t, subject)) + "?=",
			xlsx + `; name="=?gbk?B?` + b64(gbk(t, name)) + `?="`, "attachment", name},
		{"2231 gbk", "=?gbk?B?" + b64(gbk(t, subject)) + "?=", xlsx,
			"attachment; filename*=gbk''" + pctEncode(gbk(t, name)), name},
		{"2231 utf-8 with language", "=?utf-8?B?" + b64(subject) + "?=", xlsx,
			"attachment; filename*=UTF-8'zh-cn'" + pctEncode(name), name},
		{"2231 gbk continuations", "=?gbk?B?" + b64(gbk(t, subject)) + "?=", xlsx,
			"attachment;\r\n filename*0*=gbk''" + pctEncode(gbk(t, name)[:6]) + ";\r\n filename*1*=" +
				pctEncode(gbk(t, name)[6:20]) + ";\r\n filename*2=\"" + gbk(t, name)[20:] + "\"", name},
		{"2231 name*= in Content-Type only", "=?gbk?B?" + b64(gbk(t, subject)) + "?=",
			xlsx + "; name*=gb18030''" + pctEncode(gb18030(t, name)), "", name},
		{"2231 wins over a plain fallback", "=?gbk?B?" + b64(gbk(t, subject)) + "?=", xlsx,
			`attachment; filename="____.xlsx"; filename*=gbk''` + pctEncode(gbk(t, name)), name},
		{"raw 8-bit GBK, no encoding", gbk(t, subject), "application/octet-stream",
			`attachment; filename="` + gbk(t, name) + `"`, name},
		{"raw UTF-8, no encoding", subject, "application/octet-stream",
			`attachment; filename="` + name + `"`, name},
	}
	for _, tt := range tests {
		t.Run(tt.desc, func(t *testing.T) {
			top := stdTop(tt.subject)
			eml := message(t, top, textPart("请查收。"), attach(tt.contentType, tt.disposition, xlsxBytes(t, "包头市")))
			dir := write(t, t.TempDir(), map[string][]byte{"报送.eml": eml})
			ins, fs := collect(t, dir, Options{}, "报送.eml")
			equal(t, "findings", fs, nil)
			if len(ins) != 1 {
				t.Fatalf("got %d inputs, want 1", len(ins))
			}
			in := ins[0]
			if in.Name != tt.want {
				t.Errorf("Name = %q, want %q", in.Name, tt.want)
			}
			if want := "报送.eml › " + tt.want; in.Path != want {
				t.Errorf("Path = %q, want %q", in.Path, want)
			}
			if in.Subject != subject {
				t.Errorf("Subject = %q, want %q", in.Subject, subject)
			}
			if !bytes.Equal(load(t, in), xlsxBytes(t, "包头市")) {
				t.Error("attachment bytes differ")
			}
		})
	}
}

// TestMailDateAndSender turns the Date header into Received and From into
// Sender.
func TestMailDateAndSender(t *testing.T) {
	want := time.Date(2021, 4, 15, 8, 2, 33, 0, time.UTC)
	tests := []struct{ from, date, sender string }{
		{`"包头市住建局" <btzjj@example.cn>`, "Thu, 15 Apr 2021 16:02:33 +0800", "btzjj@example.cn"},
		{"=?GBK?B?" + b64(gbk(t, "包头市住建局")) + "?= <BTZJJ@Example.CN>", "Thu, 15 Apr 2021 16:02:33 +0800 (CST)", "btzjj@example.cn"},
		{gbk(t, "包头市住建局") + " <btzjj@example.cn>", "15 Apr 2021 08:02:33 GMT", "btzjj@example.cn"},
		{"btzjj@example.cn", "2021-04-15 16:02:33", "btzjj@example.cn"},
	}
	for _, tt := range tests {
		eml := message(t, []string{"From: " + tt.from, "Subject: " + subject, "Date: " + tt.date},
			attach("application/vnd.ms-excel", `attachment; filename="a.xlsx"`, xlsxBytes(t, "x")))
		dir := write(t, t.TempDir(), map[string][]byte{"a.eml": eml})
		ins, fs := collect(t, dir, Options{}, "a.eml")
		equal(t, "findings", fs, nil)
		if len(ins) != 1 {
			t.Fatalf("%s: got %d inputs", tt.from, len(ins))
		}
		if !ins[0].Received.Equal(want) {
			t.Errorf("Date %q: Received = %v, want %v", tt.date, ins[0].Received, want)
		}
		if ins[0].Sender != tt.sender {
			t.Errorf("From %q: Sender = %q, want %q", tt.from, ins[0].Sender, tt.sender)
		}
		if ins[0].Path != "a.eml › a.xlsx" {
			t.Errorf("Path = %q", ins[0].Path)
		}
	}
}

// TestMailForwarded reads an attachment of a forwarded message
// (message/rfc822) with the original message's date and sender.
func TestMailForwarded(t *testing.T) {
	inner := message(t, []string{
		"From: =?gb2312?B?" + b64(gbk(t, "鄂尔多斯市住建局")) + "?= <eeds@example.cn>",
		"Subject: =?gb2312?B?" + b64(gbk(t, "鄂尔多斯市4月上半月进展")) + "?=",
		"Date: Wed, 14 Apr 2021 09:30:00 +0800",
	}, textPart("见附件"), attach("application/octet-stream", "attachment; filename*=gbk''"+pctEncode(gbk(t, "鄂尔多斯市.xlsx")), xlsxBytes(t, "鄂尔多斯市")))
	outer := message(t, []string{
		"From: colleague@example.cn",
		"Subject: =?utf-8?B?" + b64("转发：鄂尔多斯市4月上半月进展") + "?=",
		"Date: Fri, 16 Apr 2021 10:00:00 +0800",
	}, textPart("转给你"), part{header: []string{"Content-Type: message/rfc822", "Content-Disposition: inline"}, body: string(inner)},
		attach("application/pdf", `attachment; filename="说明.pdf"`, []byte("%PDF-1.4")))
	dir := write(t, t.TempDir(), map[string][]byte{"fwd.eml": outer})
	ins, fs := collect(t, dir, Options{}, "fwd.eml")
	equal(t, "findings", fs, nil)
	equal(t, "paths", pathsOf(ins), []string{
		"fwd.eml › 邮件 鄂尔多斯市4月上半月进展 (2021-04-14 09:30) › 鄂尔多斯市.xlsx",
	})
	in := ins[0]
	if in.Sender != "eeds@example.cn" || !in.Received.Equal(time.Date(2021, 4, 14, 1, 30, 0, 0, time.UTC)) || in.Subject != "鄂尔多斯市4月上半月进展" {
		t.Errorf("source = %+v, want the forwarded message's", in.Source)
	}
	equal(t, "attachments", in.Attachments, []string{"说明.pdf"})

	// The same message attached as a file.
	outer = message(t, stdTop(subject), attach("message/rfc822", `attachment; filename="原邮件.eml"`, inner))
	dir = write(t, t.TempDir(), map[string][]byte{"fwd.eml": outer})
	ins, fs = collect(t, dir, Options{}, "fwd.eml")
	equal(t, "findings", fs, nil)
	equal(t, "paths", pathsOf(ins), []string{
		"fwd.eml › 原邮件.eml › 鄂尔多斯市.xlsx",
	})
}

// TestMailZipAttachment reads the spreadsheets of a zip attached to a
// message, and lists the other files as attachments.
func TestMailZipAttachment(t *testing.T) {
	const sheet = "鄂尔多斯市_2021年4月上半月_进展情况表.xlsx"
	z := zipBytes(t,
		zipEntry{name: gbk(t, sheet), data: xlsxBytes(t, "鄂尔多斯市"), raw: true},
		zipEntry{name: gbk(t, "佐证材料/现场照片.jpg"), data: []byte("jpeg"), raw: true},
	)
	eml := message(t, stdTop(subject), textPart("请查收"),
		attach("application/x-zip-compressed", "attachment; filename=\"=?GBK?B?"+b64(gbk(t, "鄂尔多斯市材料.zip"))+"?=\"", z),
		attach("application/pdf", `attachment; filename="=?utf-8?B?`+b64("会议纪要.pdf")+`?="`, []byte("%PDF")),
		part{header: []string{"Content-Type: image/png", "Content-ID: <sig001>", "Content-Transfer-Encoding: base64", "Content-Disposition: inline; filename=\"image001.png\""}, body: b64("png")},
	)
	dir := write(t, t.TempDir(), map[string][]byte{"收件/鄂尔多斯.eml": eml})
	ins, fs := collect(t, dir, Options{}, "收件")
	equal(t, "findings", fs, nil)
	equal(t, "paths", pathsOf(ins), []string{"收件/鄂尔多斯.eml › 鄂尔多斯市材料.zip › " + sheet})
	if ins[0].Name != sheet {
		t.Errorf("Name = %q", ins[0].Name)
	}
	equal(t, "attachments", ins[0].Attachments, []string{"鄂尔多斯市材料.zip › 佐证材料/现场照片.jpg", "会议纪要.pdf"})
	if ins[0].Sender != "btzjj@example.cn" {
		t.Errorf("Sender = %q", ins[0].Sender)
	}
}

// TestMailWithoutSpreadsheet notes a message that brings no spreadsheet,
// naming what it brought instead (a scanned PDF, a photo) and asking for the
// Excel sheet.
func TestMailWithoutSpreadsheet(t *testing.T) {
	eml := message(t, stdTop(subject), textPart("见附件（盖章扫描件）"), attach("application/pdf", `attachment; filename="说明.pdf"`, []byte("%PDF")), attach("image/jpeg", `attachment; filename="扫描1.jpg"`, []byte("\xff\xd8\xff")))
	text := message(t, stdTop(subject), textPart("材料稍后补报"))
	// Forwarded: the scan is in the message attached to it.
	forwarded := message(t, stdTop("转发："+subject), textPart("转给你"), attach("message/rfc822", `attachment; filename="原邮件.eml"`, eml))
	// A scan and an archive this package cannot open: both are named.
	withRar := message(t, stdTop(subject), attach("application/pdf", `attachment; filename="说明.pdf"`, []byte("%PDF")), attach("application/x-rar", `attachment; filename="表.rar"`, []byte("Rar!\x1a\x07\x00")))
	dir := write(t, t.TempDir(), map[string][]byte{"a.eml": eml, "b.eml": text, "c.eml": forwarded, "d.eml": withRar})
	var sheetless []taizhang.Source
	ins, fs := collect(t, dir, Options{Sheetless: func(s taizhang.Source) { sheetless = append(sheetless, s) }}, "a.eml", "b.eml", "c.eml", "d.eml")
	equal(t, "paths", pathsOf(ins), nil)
	// The messages with attachments came without a sheet; a message's
	// subject and date say which period it was for.
	var paths []string
	for _, s := range sheetless {
		paths = append(paths, s.Path)
	}
	equal(t, "sheetless", paths, []string{"a.eml", "c.eml", "d.eml"})
	if s := sheetless[0]; s.Name != "a.eml" || s.Subject != subject || s.Received.IsZero() {
		t.Errorf("Sheetless got %+v", s)
	}
	equal(t, "findings", fs, []string{
		"a.eml 提示 读取说明：邮件中没有电子表格附件，附件只有 说明.pdf、扫描1.jpg",
		"b.eml 提示 读取说明：邮件中没有电子表格附件",
		"c.eml 提示 读取说明：邮件中没有电子表格附件，附件只有 说明.pdf、扫描1.jpg",
		"d.eml › 表.rar 提示 读取说明：是 .rar 压缩包，本程序只能打开 zip 压缩包；其中如有电子表格，请解压后再读取",
		"d.eml 提示 读取说明：邮件中没有电子表格附件，附件只有 说明.pdf、表.rar",
	})
}

// TestMailTransferEncodings reads quoted-printable, 7bit and 8bit bodies.
func TestMailTransferEncodings(t *testing.T) {
	xlsx := xlsxBytes(t, "x")
	var qp bytes.Buffer
	for i, c := range xlsx {
		if i > 0 && i%25 == 0 {
			qp.WriteString("=\r\n")
		}
		if c >= 33 && c <= 126 && c != '=' {
			qp.WriteByte(c)
		} else {
			qp.WriteString("=" + strings.ToUpper(string("0123456789abcdef"[c>>4])+string("0123456789abcdef"[c&15])))
		}
	}
	csv := "序号,进展\r\n1,推进中"
	eml := message(t, stdTop(subject),
		part{header: []string{"Content-Type: application/octet-stream", "Content-Transfer-Encoding: quoted-printable", `Content-Disposition: attachment; filename="qp.xlsx"`}, body: qp.String()},
		part{header: []string{"Content-Type: text/csv", "Content-Transfer-Encoding: 8bit", `Content-Disposition: attachment; filename="表.csv"`}, body: csv},
		part{header: []string{"Content-Type: text/plain", "Content-Transfer-Encoding: 7bit", `Content-Disposition: attachment; filename="readme.txt"`}, body: "hello"},
	)
	dir := write(t, t.TempDir(), map[string][]byte{"a.eml": eml})
	ins, fs := collect(t, dir, Options{}, "a.eml")
	equal(t, "findings", fs, nil)
	equal(t, "paths", pathsOf(ins), []string{"a.eml › qp.xlsx", "a.eml › 表.csv"})
	if !bytes.Equal(load(t, ins[0]), xlsx) {
		t.Error("quoted-printable attachment differs")
	}
	if got := string(load(t, ins[1])); got != csv {
		t.Errorf("8bit attachment = %q, want %q", got, csv)
	}
	equal(t, "attachments", ins[0].Attachments, []string{"readme.txt"})
}

// TestMailBroken reports a message cut off in the middle and one whose
// attachment is not base64, and goes on with the rest.
func TestMailBroken(t *testing.T) {
	good := message(t, stdTop(subject), attach("application/octet-stream", `attachment; filename="a.xlsx"`, xlsxBytes(t, "a")))
	cut := good[:len(good)-200]
	bad := attach("application/octet-stream", `attachment; filename="b.xlsx"`, nil)
	bad.body = "UEsDBB!!!*&^"
	badB64 := message(t, stdTop(subject), bad)
	dir := write(t, t.TempDir(), map[string][]byte{
		"1.eml": cut, "2.eml": badB64, "3.eml": []byte("this is not mail\r\n"), "4.eml": good,
	})
	ins, fs := collect(t, dir, Options{}, ".")
	equal(t, "findings", fs, []string{
		"1.eml 错误 无法读取：邮件已损坏或格式不对，无法读出全部附件，请重新保存该邮件或请发件人重新发送",
		"2.eml › b.xlsx 错误 无法读取：附件编码有误，无法读取，请发件人重新发送",
		"3.eml 错误 无法读取：不是有效的邮件文件，无法读取，请在邮件客户端中重新另存为 .eml",
	})
	// The cut message still yields its attachment as far as it goes; the
	// workbook reader reports what is missing inside.
	equal(t, "paths", pathsOf(ins), []string{"1.eml › a.xlsx", "4.eml › a.xlsx"})
}

// mboxBytes returns an mbox of three messages as Thunderbird and Foxmail
// write them, with a body line that needs mboxrd quoting.
func mboxBytes(t testing.TB) []byte {
	var b bytes.Buffer
	b.WriteString("From - Thu Apr 15 16:02:33 2021\r\nX-Mozilla-Status: 0001\r\n")
	b.Write(message(t, stdTop("=?gbk?B?"+b64(gbk(t, "包头市报送"))+"?="), textPart("正文\r\n>From the unit\r\n"),
		attach("application/octet-stream", `attachment; filename="包头市.xlsx"`, xlsxBytes(t, "包头市"))))
	b.WriteString("\r\n")
	b.WriteString("From ???@??? Thu Apr 15 17:00:00 2021\r\n")
	b.Write(message(t, []string{"From: hhht@example.cn", "Subject: =?utf-8?B?" + b64("呼和浩特市报送") + "?=", "Date: Thu, 15 Apr 2021 17:00:00 +0800"},
		attach("application/octet-stream", "attachment; filename*=gbk''"+pctEncode(gbk(t, "呼和浩特市.xlsx")), xlsxBytes(t, "呼和浩特市"))))
	// No blank line before this separator: the header after it tells.
	b.WriteString("From MAILER-DAEMON Thu Apr 15 18:00:00 2021\r\n")
	b.Write(message(t, []string{"From: tl@example.cn", "Subject: 通辽市", "Date: Thu, 15 Apr 2021 18:00:00 +0800"},
		textPart("无附件")))
	return b.Bytes()
}

// TestMbox reads every message of an mbox file.
func TestMbox(t *testing.T) {
	dir := write(t, t.TempDir(), map[string][]byte{"导出/收件箱.mbox": mboxBytes(t), "导出/Inbox": mboxBytes(t)})
	ins, fs := collect(t, dir, Options{}, "导出/收件箱.mbox", "导出/Inbox")
	equal(t, "paths", pathsOf(ins), []string{
		"导出/收件箱.mbox › 邮件 包头市报送 (2021-04-15 16:02) › 包头市.xlsx",
		"导出/收件箱.mbox › 邮件 呼和浩特市报送 (2021-04-15 17:00) › 呼和浩特市.xlsx",
		"导出/Inbox › 邮件 包头市报送 (2021-04-15 16:02) › 包头市.xlsx",
		"导出/Inbox › 邮件 呼和浩特市报送 (2021-04-15 17:00) › 呼和浩特市.xlsx",
	})
	equal(t, "findings", fs, []string{
		"导出/收件箱.mbox › 邮件 通辽市 (2021-04-15 18:00) 提示 读取说明：邮件中没有电子表格附件",
		"导出/Inbox › 邮件 通辽市 (2021-04-15 18:00) 提示 读取说明：邮件中没有电子表格附件",
	})
	if ins[1].Sender != "hhht@example.cn" {
		t.Errorf("Sender = %q", ins[1].Sender)
	}
	// Each message of the mbox is the container of its attachments.
	if c := ins[1].Container; c != "导出/收件箱.mbox › 邮件 呼和浩特市报送 (2021-04-15 17:00)" {
		t.Errorf("Container = %q", c)
	}
	if !bytes.Equal(load(t, ins[0]), xlsxBytes(t, "包头市")) {
		t.Error("first attachment differs")
	}
}

func TestDecodeHeader(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain", "plain"},
		{"=?utf-8?B?" + b64("进展") + "?= =?utf-8?B?" + b64("情况") + "?=", "进展情况"},
		{"Re: =?gbk?B?" + b64(gbk(t, "进展")) + "?= 4月", "Re: 进展 4月"},
		{"=?gbk?B?bad", "=?gbk?B?bad"},
		{"=?unknown-cs?Q?abc?=", "abc"},
		{"=?iso-8859-1?Q?caf=E9?=", "café"},
		{"=?gbk*zh?B?" + b64(gbk(t, "进展")) + "?=", "进展"},
	}
	for _, tt := range tests {
		if got := decodeHeader(tt.in); got != tt.want {
			t.Errorf("decodeHeader(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestMailInZip names an attachment of a mail saved in an archive by the
// archive, the mail file and the attachment, as archive entries are named.
func TestMailInZip(t *testing.T) {
	eml := message(t, stdTop(subject), textPart("请查收"),
		attach("application/octet-stream", `attachment; filename="包头市.xlsx"`, xlsxBytes(t, "包头市")))
	z := zipBytes(t, zipEntry{name: "4月/包头市报送.eml", data: eml})
	dir := write(t, t.TempDir(), map[string][]byte{"收件/邮件备份.zip": z})
	ins, fs := collect(t, dir, Options{}, "收件")
	equal(t, "findings", fs, nil)
	equal(t, "paths", pathsOf(ins), []string{"收件/邮件备份.zip › 4月/包头市报送.eml › 包头市.xlsx"})
	if ins[0].Subject != subject || ins[0].Sender != "btzjj@example.cn" {
		t.Errorf("source = %+v, want the mail's subject and sender", ins[0].Source)
	}
}

// TestMailUnnamedAttachment reads a workbook attached with no file name as
// application/octet-stream, as some gateways and old clients send it: it is
// found by its content and named 附件.xlsx, with a note; an unnamed part that
// is no spreadsheet is still left out.
func TestMailUnnamedAttachment(t *testing.T) {
	eml := message(t, stdTop(subject), textPart("请查收"),
		attach("application/octet-stream", "", xlsxBytes(t, "包头市")),
		attach("application/octet-stream", "attachment", []byte("%PDF-1.4")),
	)
	dir := write(t, t.TempDir(), map[string][]byte{"a.eml": eml})
	ins, fs := collect(t, dir, Options{}, "a.eml")
	equal(t, "paths", pathsOf(ins), []string{"a.eml › 附件.xlsx"})
	equal(t, "findings", fs, []string{"a.eml › 附件.xlsx 提示 读取说明：邮件中这个附件没有文件名，按其内容作为 Excel 工作簿读取"})
}

// TestMailLargeAttachmentLink notes a message whose sheet came as a
// “超大附件” — a download link in the text, as QQ邮箱 and 163 send big
// files — saying so, rather than only that it has no spreadsheet.
func TestMailLargeAttachmentLink(t *testing.T) {
	html := `<div>请查收。</div><div>从QQ邮箱发来的超大附件</div><a href="https://wx.mail.qq.com/ftn/download?func=3&amp;k=abc">包头市_2021年4月上半月_进展情况表.xlsx</a>`
	eml := message(t, stdTop(subject),
		part{header: []string{"Content-Type: text/html; charset=gb18030", "Content-Transfer-Encoding: base64"}, body: b64(gb18030(t, html))},
	)
	dir := write(t, t.TempDir(), map[string][]byte{"a.eml": eml})
	ins, fs := collect(t, dir, Options{}, "a.eml")
	equal(t, "paths", pathsOf(ins), nil)
	equal(t, "findings", fs, []string{"a.eml 提示 读取说明：邮件中没有电子表格附件；表格是以“超大附件”（下载链接）发来的，本程序无法下载，请在邮箱中下载后放入文件夹再读取"})
}

// TestMailInlinePhoto: a phone sends the photo of a stamped sheet as a
// picture shown in the text, as a signature's logo is sent; the large one is
// an attachment the unit sent, the small one is not.
func TestMailInlinePhoto(t *testing.T) {
	inline := func(name string, size int) part {
		p := attach("image/jpeg; name=\""+name+"\"", `inline; filename="`+name+`"`, bytes.Repeat([]byte{0xFF}, size))
		p.header = append(p.header, "Content-ID: <"+name+"@phone>")
		return p
	}
	eml := message(t, stdTop(subject), textPart("见图"), inline("IMG_0001.jpg", 300<<10), inline("logo.png", 4<<10))
	dir := write(t, t.TempDir(), map[string][]byte{"a.eml": eml})
	var sheetless []taizhang.Source
	_, fs := collect(t, dir, Options{Sheetless: func(s taizhang.Source) { sheetless = append(sheetless, s) }}, "a.eml")
	equal(t, "findings", fs, []string{"a.eml 提示 读取说明：邮件中没有电子表格附件，附件只有 IMG_0001.jpg"})
	if len(sheetless) != 1 {
		t.Errorf("Sheetless got %+v", sheetless)
	}
}
