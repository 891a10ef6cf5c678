package inbox

import (
	"bytes"
	"testing"
)

// FuzzMessage feeds arbitrary bytes to the .eml parser, seeded with the
// messages these tests build. It must never panic.
func FuzzMessage(f *testing.F) {
	f.Add(message(f, stdTop(subject), textPart("请查收"),
		attach("application/octet-stream", "attachment; filename*0*=gbk''"+pctEncode(gbk(f, "包头"))+"; filename*1=.xlsx", xlsxBytes(f, "a"))))
	f.Add(message(f, stdTop("=?gb18030?Q?"+qEncode(gb18030(f, subject))+"?="),
		attach("application/zip", `attachment; filename="=?gbk?B?`+b64(gbk(f, "材料.zip"))+`?="`,
			zipBytes(f, zipEntry{name: gbk(f, "鄂尔多斯市.xlsx"), data: xlsxBytes(f, "x"), raw: true}))))
	f.Add(message(f, stdTop(subject), part{header: []string{"Content-Type: message/rfc822"},
		body: string(message(f, stdTop("inner"), attach("application/vnd.ms-excel", `attachment; filename="a.xls"`, cfbBytes(f, "Workbook"))))}))
	f.Add(mboxBytes(f))
	f.Add([]byte("Content-Type: multipart/mixed; boundary=x\r\n\r\n--x\r\nContent-Type: multipart/mixed; boundary=x\r\n\r\n--x--"))
	f.Fuzz(func(t *testing.T, data []byte) {
		c := &collector{opt: Options{}.withDefaults()}
		c.message("fuzz.eml", "", data, origin{}, 0, 1, nil)
		for _, in := range c.ins {
			in.Load()
		}
		mediaType(string(data))
		decodeHeader(string(data))
	})
}

// FuzzZip feeds arbitrary bytes to the zip reader, seeded with the archives
// these tests build. It must never panic.
func FuzzZip(f *testing.F) {
	f.Add(zipBytes(f,
		zipEntry{name: gbk(f, "呼和浩特市/呼和浩特市.xlsx"), data: xlsxBytes(f, "a"), raw: true},
		zipEntry{name: "../x.xlsx", data: xlsxBytes(f, "b")},
		zipEntry{name: "enc.xlsx", data: []byte("x"), flags: 1},
		zipEntry{name: "inner.zip", data: zipBytes(f, zipEntry{name: "c.xlsx", data: xlsxBytes(f, "c")})},
		zipEntry{name: "mail.eml", data: message(f, stdTop(subject), attach("application/octet-stream", `attachment; filename="d.xlsx"`, xlsxBytes(f, "d")))},
	))
	f.Add(bombZip(f, "bomb.xlsx", 2, 1000))
	f.Add(xlsxBytes(f, "plain"))
	f.Fuzz(func(t *testing.T, data []byte) {
		c := &collector{opt: Options{MaxEntrySize: 4 << 20}.withDefaults()}
		c.archive("fuzz.zip", "", bytes.NewReader(data), int64(len(data)), origin{}, 1, 1, nil)
		for _, in := range c.ins {
			in.Load()
		}
	})
}
