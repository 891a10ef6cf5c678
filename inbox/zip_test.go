package inbox

import (
	"archive/zip"
	"bytes"
	"fmt"
	"hash/crc32"
	"testing"
	"time"
)

// TestZipGBKNames reads entry names that Chinese Windows writes in GBK
// without the UTF-8 flag, next to names with the flag.
func TestZipGBKNames(t *testing.T) {
	z := zipBytes(t,
		zipEntry{name: gbk(t, "呼和浩特市/呼和浩特市_2021年4月上半月_进展情况表.xlsx"), data: xlsxBytes(t, "呼和浩特市"), raw: true},
		zipEntry{name: "包头市_2021年4月上半月_进展情况表.xlsx", data: xlsxBytes(t, "包头市")},
		zipEntry{name: gbk(t, "说明.docx"), data: []byte("doc"), raw: true},
	)
	// The writer must really have left the flag off and the bytes as GBK.
	r, _ := zip.NewReader(bytes.NewReader(z), int64(len(z)))
	if r.File[0].Flags&0x800 != 0 || r.File[0].Name != gbk(t, "呼和浩特市/呼和浩特市_2021年4月上半月_进展情况表.xlsx") {
		t.Fatalf("test archive not as Chinese Windows writes it: flags %#x", r.File[0].Flags)
	}
	dir := write(t, t.TempDir(), map[string][]byte{"材料.zip": z})
	ins, fs := collect(t, dir, Options{}, "材料.zip")
	equal(t, "findings", fs, nil)
	equal(t, "paths", pathsOf(ins), []string{
		"材料.zip › 呼和浩特市/呼和浩特市_2021年4月上半月_进展情况表.xlsx",
		"材料.zip › 包头市_2021年4月上半月_进展情况表.xlsx",
	})
	if ins[0].Name != "呼和浩特市_2021年4月上半月_进展情况表.xlsx" {
		t.Errorf("Name = %q", ins[0].Name)
	}
	equal(t, "attachments", ins[0].Attachments, []string{"说明.docx"})
	if !bytes.Equal(load(t, ins[1]), xlsxBytes(t, "包头市")) {
		t.Error("entry bytes differ")
	}
	if ins[1].File != "" {
		t.Errorf("a zip member has File %q: it is not a file on disk", ins[1].File)
	}
}

// TestZipUnicodePathField prefers the Info-ZIP Unicode Path extra field.
func TestZipUnicodePathField(t *testing.T) {
	raw := gbk(t, "乌海市.xlsx")
	utf := "乌海市.xlsx"
	field := []byte{1, 0, 0, 0, 0}
	c := crc32.ChecksumIEEE([]byte(raw))
	field[1], field[2], field[3], field[4] = byte(c), byte(c>>8), byte(c>>16), byte(c>>24)
	field = append(field, utf...)
	extra := append([]byte{0x75, 0x70, byte(len(field)), 0}, field...)
	var b bytes.Buffer
	w := zip.NewWriter(&b)
	fw, _ := w.CreateHeader(&zip.FileHeader{Name: raw, NonUTF8: true, Extra: extra, Method: zip.Store})
	fw.Write(xlsxBytes(t, "乌海市"))
	w.Close()
	dir := write(t, t.TempDir(), map[string][]byte{"a.zip": b.Bytes()})
	ins, fs := collect(t, dir, Options{}, "a.zip")
	equal(t, "findings", fs, nil)
	equal(t, "paths", pathsOf(ins), []string{"a.zip › 乌海市.xlsx"})
}

// TestZipNested reads one level of nested archives and reports deeper ones.
func TestZipNested(t *testing.T) {
	deep := zipBytes(t, zipEntry{name: "deep.xlsx", data: xlsxBytes(t, "deep")})
	inner := zipBytes(t,
		zipEntry{name: "乌兰察布市.xlsx", data: xlsxBytes(t, "乌兰察布市")},
		zipEntry{name: "deep.zip", data: deep},
	)
	outer := zipBytes(t,
		zipEntry{name: "各盟市/inner.zip", data: inner},
		zipEntry{name: "通辽市.xlsx", data: xlsxBytes(t, "通辽市")},
	)
	dir := write(t, t.TempDir(), map[string][]byte{"outer.zip": outer})
	ins, fs := collect(t, dir, Options{}, "outer.zip")
	equal(t, "paths", pathsOf(ins), []string{
		"outer.zip › 各盟市/inner.zip › 乌兰察布市.xlsx",
		"outer.zip › 通辽市.xlsx",
	})
	equal(t, "findings", fs, []string{
		"outer.zip › 各盟市/inner.zip › deep.zip 错误 无法读取：压缩包或邮件嵌套过深（压缩包里的压缩包里还有压缩包），未读取其中的内容，请解压后再读取",
	})
}

// TestZipUnsafeNames skips macOS clutter and shows traversal names safely.
func TestZipUnsafeNames(t *testing.T) {
	z := zipBytes(t,
		zipEntry{name: "__MACOSX/._a.xlsx", data: []byte("resource fork")},
		zipEntry{name: "材料/._a.xlsx", data: []byte("resource fork")},
		zipEntry{name: "材料/~$a.xlsx", data: []byte("owner")},
		zipEntry{name: "材料/Thumbs.db", data: []byte("thumbs")},
		zipEntry{name: "../../etc/兴安盟.xlsx", data: xlsxBytes(t, "兴安盟")},
		zipEntry{name: `C:\Users\王\Desktop\阿拉善盟.xlsx`, data: xlsxBytes(t, "阿拉善盟")},
		zipEntry{name: "/abs/乌海市.xlsx", data: xlsxBytes(t, "乌海市")},
		zipEntry{name: "空文件夹/", data: nil},
	)
	dir := write(t, t.TempDir(), map[string][]byte{"x.zip": z})
	ins, fs := collect(t, dir, Options{}, "x.zip")
	equal(t, "findings", fs, nil)
	equal(t, "paths", pathsOf(ins), []string{
		"x.zip › etc/兴安盟.xlsx",
		"x.zip › Users/王/Desktop/阿拉善盟.xlsx",
		"x.zip › abs/乌海市.xlsx",
	})
	equal(t, "names", []string{ins[0].Name, ins[1].Name, ins[2].Name}, []string{"兴安盟.xlsx", "阿拉善盟.xlsx", "乌海市.xlsx"})
}

// TestZipBombs refuses entries that declare or reach too great a size or
// compression ratio, and reads the rest.
func TestZipBombs(t *testing.T) {
	big := bombZip(t, "数据.xlsx", 300, 300<<20)
	if len(big) > 1<<20 {
		t.Fatalf("bomb is %d bytes on disk, want it small", len(big))
	}
	ratio := bombZip(t, "比例.xlsx", 10, 10<<20)
	r, _ := zip.NewReader(bytes.NewReader(ratio), int64(len(ratio)))
	wantRatio := r.File[0].UncompressedSize64 / r.File[0].CompressedSize64
	lying := bombZip(t, "谎报.xlsx", 20, 1000)
	withGood := func(bomb []byte) []byte {
		r, _ := zip.NewReader(bytes.NewReader(bomb), int64(len(bomb)))
		var b bytes.Buffer
		w := zip.NewWriter(&b)
		w.Copy(r.File[0])
		fw, _ := w.Create("好.xlsx")
		fw.Write(xlsxBytes(t, "good"))
		w.Close()
		return b.Bytes()
	}
	dir := write(t, t.TempDir(), map[string][]byte{
		"1.zip": withGood(big), "2.zip": withGood(ratio), "3.zip": withGood(lying),
	})
	ins, fs := collect(t, dir, Options{}, "1.zip", "2.zip", "3.zip")
	equal(t, "paths", pathsOf(ins), []string{"1.zip › 好.xlsx", "2.zip › 好.xlsx", "3.zip › 好.xlsx"})
	equal(t, "findings", fs, []string{
		"1.zip › 数据.xlsx 错误 无法读取：解压后有 300 MB，超过 200 MB 的上限，可能是恶意压缩包（zip 炸弹），未读取",
		fmt.Sprintf("2.zip › 比例.xlsx 错误 无法读取：压缩比高达 %d:1，超过 200:1 的上限，可能是恶意压缩包（zip 炸弹），未读取", wantRatio),
		"3.zip › 谎报.xlsx 错误 无法读取：压缩包中的这个文件已损坏，无法解压，请重新压缩后报送",
	})

	// The limits of Options, enforced while reading too.
	_, fs = collect(t, dir, Options{MaxEntrySize: 5 << 20}, "2.zip")
	equal(t, "findings", fs, []string{"2.zip › 比例.xlsx 错误 无法读取：解压后有 10 MB，超过 5 MB 的上限，可能是恶意压缩包（zip 炸弹），未读取"})
	if _, within, _ := readAtMost(zeroReader{}, 1<<20); within {
		t.Error("readAtMost read an endless stream")
	}
	if data, within, err := readAtMost(bytes.NewReader(make([]byte, 1<<20)), 1<<20); !within || err != nil || len(data) != 1<<20 {
		t.Error("readAtMost refused a stream of exactly the limit")
	}
}

type zeroReader struct{}

func (zeroReader) Read(p []byte) (int, error) { clear(p); return len(p), nil }

// TestZipEncryptedAndBroken reports an encrypted entry and broken archives.
func TestZipEncryptedAndBroken(t *testing.T) {
	enc := zipBytes(t,
		zipEntry{name: "包头市.xlsx", data: []byte("ciphertext"), flags: 1},
		zipEntry{name: "赤峰市.xlsx", data: xlsxBytes(t, "赤峰市")},
	)
	r, _ := zip.NewReader(bytes.NewReader(enc), int64(len(enc)))
	if r.File[0].Flags&1 == 0 {
		t.Fatal("encryption flag not written")
	}
	good := zipBytes(t, zipEntry{name: "a.xlsx", data: xlsxBytes(t, "a")})
	corrupt := bytes.Clone(good)
	// Damage the compressed data of the entry: its CRC no longer matches.
	i := bytes.Index(corrupt, []byte("a.xlsx")) + len("a.xlsx") + 10
	corrupt[i] ^= 0xFF
	dir := write(t, t.TempDir(), map[string][]byte{
		"enc.zip": enc, "cut.zip": good[:len(good)-30], "junk.zip": []byte("<html>not a zip</html>"),
		"crc.zip": corrupt, "pdfs.zip": zipBytes(t, zipEntry{name: "说明.pdf", data: []byte("%PDF")}),
	})
	ins, fs := collect(t, dir, Options{}, "enc.zip", "cut.zip", "junk.zip", "crc.zip", "pdfs.zip")
	equal(t, "paths", pathsOf(ins), []string{"enc.zip › 赤峰市.xlsx"})
	equal(t, "findings", fs, []string{
		"enc.zip › 包头市.xlsx 错误 无法读取：压缩包中的这个文件设置了密码，无法读取，请解压后直接报送电子表格，或压缩时不要设置密码",
		"cut.zip 错误 无法读取：压缩包已损坏或不是有效的 zip 文件，无法打开，请重新压缩后报送",
		"junk.zip 错误 无法读取：压缩包已损坏或不是有效的 zip 文件，无法打开，请重新压缩后报送",
		"crc.zip › a.xlsx 错误 无法读取：压缩包中的这个文件已损坏，无法解压，请重新压缩后报送",
		"pdfs.zip 提示 读取说明：压缩包中没有电子表格文件",
	})
}

// TestZipEntryTime reads a bare MS-DOS time as China Standard Time.
func TestZipEntryTime(t *testing.T) {
	var b bytes.Buffer
	w := zip.NewWriter(&b)
	h := &zip.FileHeader{Name: "a.xlsx", Method: zip.Store}
	h.ModifiedDate = uint16((2021-1980)<<9 | 4<<5 | 15)
	h.ModifiedTime = uint16(16<<11 | 2<<5 | 30/2)
	fw, _ := w.CreateHeader(h)
	fw.Write(xlsxBytes(t, "a"))
	w.Close()
	dir := write(t, t.TempDir(), map[string][]byte{"t.zip": b.Bytes()})
	ins, _ := collect(t, dir, Options{}, "t.zip")
	if want := time.Date(2021, 4, 15, 8, 2, 30, 0, time.UTC); !ins[0].Modified.Equal(want) {
		t.Errorf("Modified = %v, want %v", ins[0].Modified, want)
	}
}
