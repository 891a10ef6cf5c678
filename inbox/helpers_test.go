package inbox

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"encoding/base64"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"io"
	"mime/multipart"
	"net/textproto"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"

	"golang.org/x/text/encoding/simplifiedchinese"

	"taizhang"
)

// The artefacts of these tests are built here with the standard library and
// x/text, as the units' mail clients and Windows tools make them.

func gbk(t testing.TB, s string) string {
	b, err := simplifiedchinese.GBK.NewEncoder().String(s)
	if err != nil {
		t.Fatalf("gbk %q: %v", s, err)
	}
	return b
}

func gb18030(t testing.TB, s string) string {
	b, err := simplifiedchinese.GB18030.NewEncoder().String(s)
	if err != nil {
		t.Fatalf("gb18030 %q: %v", s, err)
	}
	return b
}

func b64(s string) string { return base64.StdEncoding.EncodeToString([]byte(s)) }

// qEncode is the Q encoding of RFC 2047 for every byte that needs it.
func qEncode(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ' ':
			b.WriteByte('_')
		case c >= 0x80 || c == '=' || c == '?' || c == '_' || c < 0x20:
			fmt.Fprintf(&b, "=%02X", c)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// pctEncode is the percent encoding of RFC 2231.
func pctEncode(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 || c <= ' ' || strings.IndexByte(`%'"*;=()<>@,/:\[]?`, c) >= 0 {
			fmt.Fprintf(&b, "%%%02X", c)
		} else {
			b.WriteByte(c)
		}
	}
	return b.String()
}

// xlsxBytes returns a minimal real .xlsx whose first cell holds text.
func xlsxBytes(t testing.TB, text string) []byte {
	files := []struct{ name, body string }{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`},
		{"xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="进展情况" sheetId="1" r:id="rId1"/></sheets></workbook>`},
		{"xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`},
		{"xl/worksheets/sheet1.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>` + text + `</t></is></c></row></sheetData></worksheet>`},
	}
	var b bytes.Buffer
	w := zip.NewWriter(&b)
	for _, f := range files {
		fw, err := w.Create(f.name)
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(fw, f.body)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// zipEntry is one entry of a test archive. A raw name is written as bytes
// without the UTF-8 flag, as Chinese Windows does.
type zipEntry struct {
	name  string
	data  []byte
	raw   bool
	flags uint16
}

func zipBytes(t testing.TB, entries ...zipEntry) []byte {
	var b bytes.Buffer
	w := zip.NewWriter(&b)
	for _, e := range entries {
		h := &zip.FileHeader{Name: e.name, Method: zip.Deflate, NonUTF8: e.raw, Flags: e.flags}
		fw, err := w.CreateHeader(h)
		if err != nil {
			t.Fatal(err)
		}
		fw.Write(e.data)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// zeroDeflate returns a raw deflate stream of n MiB of zeros, made with the
// real compressor: one flushed block of 1 MiB repeated, then a final empty
// block. It is cheap to build even under the race detector.
func zeroDeflate(t testing.TB, mib int) []byte {
	var chunk bytes.Buffer
	fw, _ := flate.NewWriter(&chunk, flate.BestCompression)
	fw.Write(make([]byte, 1<<20))
	fw.Flush()
	var end bytes.Buffer
	fw, _ = flate.NewWriter(&end, flate.BestCompression)
	fw.Close()
	out := bytes.Repeat(chunk.Bytes(), mib)
	return append(out, end.Bytes()...)
}

// bombZip returns an archive whose entry expands to mib MiB of zeros;
// declared is the uncompressed size written in its header.
func bombZip(t testing.TB, name string, mib int, declared uint64) []byte {
	raw := zeroDeflate(t, mib)
	crc := crc32.NewIEEE()
	zero := make([]byte, 1<<20)
	for range mib {
		crc.Write(zero)
	}
	var b bytes.Buffer
	w := zip.NewWriter(&b)
	fw, err := w.CreateRaw(&zip.FileHeader{Name: name, Method: zip.Deflate, CRC32: crc.Sum32(),
		CompressedSize64: uint64(len(raw)), UncompressedSize64: declared})
	if err != nil {
		t.Fatal(err)
	}
	fw.Write(raw)
	w.Close()
	return b.Bytes()
}

// cfbBytes returns a minimal OLE2 compound file (version 3, 512-byte
// sectors) holding the named streams, each padded to 4096 bytes so that no
// mini stream is needed.
func cfbBytes(t testing.TB, streams ...string) []byte {
	const sector = 512
	const end, free, fatSect, noStream = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFF
	if len(streams) > 3 {
		t.Fatal("cfbBytes: at most 3 streams")
	}
	perStream := 4096 / sector
	fat := make([]uint32, sector/4)
	for i := range fat {
		fat[i] = free
	}
	fat[0] = fatSect
	fat[1] = end // directory: one sector, four entries
	next := 2
	starts := make([]uint32, len(streams))
	for i := range streams {
		starts[i] = uint32(next)
		for j := 0; j < perStream; j++ {
			if j == perStream-1 {
				fat[next] = end
			} else {
				fat[next] = uint32(next + 1)
			}
			next++
		}
	}
	var out bytes.Buffer
	le := binary.LittleEndian
	hdr := make([]byte, sector)
	copy(hdr, magicOLE2)
	le.PutUint16(hdr[24:], 0x003E)
	le.PutUint16(hdr[26:], 3)
	le.PutUint16(hdr[28:], 0xFFFE)
	le.PutUint16(hdr[30:], 9)
	le.PutUint16(hdr[32:], 6)
	le.PutUint32(hdr[44:], 1) // FAT sectors
	le.PutUint32(hdr[48:], 1) // first directory sector
	le.PutUint32(hdr[56:], 4096)
	le.PutUint32(hdr[60:], end) // mini FAT
	le.PutUint32(hdr[68:], end) // DIFAT
	for i := 0; i < 109; i++ {
		le.PutUint32(hdr[76+4*i:], free)
	}
	le.PutUint32(hdr[76:], 0)
	out.Write(hdr)
	for _, v := range fat {
		binary.Write(&out, le, v)
	}
	dir := make([]byte, sector)
	entry := func(i int, name string, typ byte, right, child, start uint32, size uint32) {
		e := dir[i*128 : (i+1)*128]
		u := utf16.Encode([]rune(name))
		for j, c := range u {
			le.PutUint16(e[2*j:], c)
		}
		le.PutUint16(e[64:], uint16(2*len(u)+2))
		e[66], e[67] = typ, 1
		le.PutUint32(e[68:], noStream)
		le.PutUint32(e[72:], right)
		le.PutUint32(e[76:], child)
		le.PutUint32(e[116:], start)
		le.PutUint32(e[120:], size)
	}
	child := uint32(noStream)
	if len(streams) > 0 {
		child = 1
	}
	entry(0, "Root Entry", 5, noStream, child, end, 0)
	for i, s := range streams {
		right := uint32(noStream)
		if i+1 < len(streams) {
			right = uint32(i + 2)
		}
		entry(i+1, s, 2, right, noStream, starts[i], 4096)
	}
	out.Write(dir)
	for i := range streams {
		data := bytes.Repeat([]byte{byte('A' + i)}, 4096)
		out.Write(data)
	}
	return out.Bytes()
}

// part is one MIME part of a test message: its header fields as written
// (values may hold raw bytes) and its body, already encoded.
type part struct {
	header []string // "Name: value"
	body   string
}

// attach returns a base64 attachment part with the given raw header values.
func attach(contentType, disposition string, data []byte) part {
	enc := base64.StdEncoding.EncodeToString(data)
	var lines []string
	for len(enc) > 76 {
		lines = append(lines, enc[:76])
		enc = enc[76:]
	}
	lines = append(lines, enc)
	h := []string{"Content-Type: " + contentType, "Content-Transfer-Encoding: base64"}
	if disposition != "" {
		h = append(h, "Content-Disposition: "+disposition)
	}
	return part{header: h, body: strings.Join(lines, "\r\n")}
}

func textPart(s string) part {
	return part{header: []string{"Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit"}, body: s}
}

// message returns a multipart/mixed message with the given top header lines.
func message(t testing.TB, top []string, parts ...part) []byte {
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	for _, p := range parts {
		h := textproto.MIMEHeader{}
		for _, f := range p.header {
			k, v, _ := strings.Cut(f, ": ")
			h.Add(k, v)
		}
		w, err := mw.CreatePart(h)
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, p.body)
	}
	mw.Close()
	var out bytes.Buffer
	for _, l := range top {
		out.WriteString(l + "\r\n")
	}
	out.WriteString("MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"" + mw.Boundary() + "\"\r\n\r\n")
	out.WriteString("This is a multi-part message in MIME format.\r\n")
	out.Write(body.Bytes())
	return out.Bytes()
}

// stdTop returns the usual top header of a unit's report.
func stdTop(subject string) []string {
	return []string{
		`From: "包头市住建局" <btzjj@example.cn>`,
		"To: zhuanban@example.cn",
		"Subject: " + subject,
		"Date: Thu, 15 Apr 2021 16:02:33 +0800",
	}
}

// write writes files under dir, making folders, and returns dir.
func write(t testing.TB, dir string, files map[string][]byte) string {
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// collect runs Collect from inside dir, so that display paths are relative.
func collect(t testing.TB, dir string, opt Options, paths ...string) ([]taizhang.Input, []string) {
	t.Helper()
	t.Chdir(dir)
	ins, fs, err := Collect(paths, opt)
	if err != nil {
		t.Fatalf("Collect: %v", err)
	}
	return ins, texts(fs)
}

func texts(fs taizhang.Findings) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Text())
	}
	return out
}

func pathsOf(ins []taizhang.Input) []string {
	var out []string
	for _, in := range ins {
		out = append(out, in.Path)
	}
	return out
}

func load(t testing.TB, in taizhang.Input) []byte {
	t.Helper()
	b, err := in.Load()
	if err != nil {
		t.Fatalf("Load %s: %v", in.Path, err)
	}
	return b
}

func equal(t testing.TB, what string, got, want []string) {
	t.Helper()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("%s:\ngot:\n\t%s\nwant:\n\t%s", what, strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
	}
}
