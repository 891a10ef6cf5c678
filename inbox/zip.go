package inbox

import (
	"archive/zip"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"time"
	"unicode/utf8"

	"taizhang"
)

// The messages of findings about archives.
const (
	msgZipBroken      = "压缩包已损坏或不是有效的 zip 文件，无法打开，请重新压缩后报送"
	msgZipEncrypted   = "压缩包中的这个文件设置了密码，无法读取，请解压后直接报送电子表格，或压缩时不要设置密码"
	msgZipEntryBroken = "压缩包中的这个文件已损坏，无法解压，请重新压缩后报送"
	msgZipMethod      = "压缩包中的这个文件用了本程序不支持的压缩方式，请用 zip 的默认方式重新压缩后报送"
	msgZipTooBig      = "解压后有 %s，超过 %s 的上限，可能是恶意压缩包（zip 炸弹），未读取"
	msgZipTooBigRead  = "解压后超过 %s 的上限，可能是恶意压缩包（zip 炸弹），未读取"
	msgZipRatio       = "压缩比高达 %d:1，超过 %d:1 的上限，可能是恶意压缩包（zip 炸弹），未读取"
	msgZipRatioRead   = "解压后超过压缩比 %d:1 的上限，可能是恶意压缩包（zip 炸弹），未读取"
	msgZipTooDeep     = "压缩包或邮件嵌套过深（压缩包里的压缩包里还有压缩包），未读取其中的内容，请解压后再读取"
	msgZipNoSheets    = "压缩包中没有电子表格文件"
)

// ratioFloor is the size below which the compression ratio is not checked:
// small files of repeated text compress well without being bombs.
const ratioFloor = 1 << 20

// archive collects the spreadsheets, archives and messages in a zip archive,
// held in memory one entry at a time. disp is the archive's display path,
// label the prefix of its entries in the list of other files, zips its
// nesting level. A nil g makes the archive a group of its own.
func (c *collector) archive(disp, label string, ra io.ReaderAt, size int64, src origin, zips, depth int, g *group) {
	r, err := openZip(ra, size)
	if err != nil {
		c.fail(disp, msgZipBroken)
		return
	}
	own := g == nil
	if own {
		g = c.newGroup(disp)
	}
	for _, f := range r.File {
		if f.FileInfo().IsDir() {
			continue
		}
		p := cleanName(entryName(f))
		if p == "" || hiddenEntry(p) {
			continue
		}
		b := blob{disp: disp + sep + p, name: baseName(p), label: label + p, src: src, zips: zips, depth: depth}
		if t := entryTime(f); !t.IsZero() {
			b.src.modified = t
		}
		k := kindOf(b.name)
		if !k.isSpreadsheet() && k != kindZip && k != kindMail {
			c.inMemory(b, g) // listed or noted; not read
			continue
		}
		data, ok := c.readEntry(f, b.disp)
		if !ok {
			if k.isSpreadsheet() {
				g.sheets++
			}
			continue
		}
		b.data = data
		c.inMemory(b, g)
	}
	if own {
		c.close(g)
		if g.sheets == 0 {
			c.note(disp, msgZipNoSheets)
		}
	}
}

// openZip opens an archive, accepting unsafe names: nothing is extracted to
// disk, and names are cleaned for display.
func openZip(ra io.ReaderAt, size int64) (r *zip.Reader, err error) {
	defer func() {
		if recover() != nil {
			r, err = nil, zip.ErrFormat
		}
	}()
	r, err = zip.NewReader(ra, size)
	if errors.Is(err, zip.ErrInsecurePath) && r != nil {
		err = nil
	}
	return r, err
}

// readEntry reads an entry into memory within the limits of Options, or
// reports why it cannot.
func (c *collector) readEntry(f *zip.File, disp string) ([]byte, bool) {
	if f.Flags&1 != 0 {
		c.fail(disp, msgZipEncrypted)
		return nil, false
	}
	maxSize := uint64(c.opt.MaxEntrySize)
	ratio := uint64(c.opt.MaxRatio)
	comp := max(f.CompressedSize64, 1)
	if f.UncompressedSize64 > maxSize {
		c.fail(disp, msgZipTooBig, sizeText(f.UncompressedSize64), sizeText(maxSize))
		return nil, false
	}
	if f.UncompressedSize64 > ratioFloor && f.UncompressedSize64/comp > ratio {
		c.fail(disp, msgZipRatio, f.UncompressedSize64/comp, ratio)
		return nil, false
	}
	byRatio := false
	limit := maxSize
	if comp < maxSize/ratio { // no overflow: comp*ratio < maxSize
		if l := max(comp*ratio, ratioFloor); l < limit {
			limit, byRatio = l, true
		}
	}
	rc, err := f.Open()
	if err != nil {
		if errors.Is(err, zip.ErrAlgorithm) {
			c.fail(disp, msgZipMethod)
		} else {
			c.fail(disp, msgZipEntryBroken)
		}
		return nil, false
	}
	defer rc.Close()
	data, within, err := readAtMost(rc, limit)
	switch {
	case !within && byRatio:
		c.fail(disp, msgZipRatioRead, ratio)
		return nil, false
	case !within:
		c.fail(disp, msgZipTooBigRead, sizeText(limit))
		return nil, false
	case err != nil:
		c.fail(disp, msgZipEntryBroken)
		return nil, false
	}
	return data, true
}

// readAtMost reads r to its end unless it holds more than limit bytes.
// archive/zip already stops at an entry's declared size; this holds even
// when a header lies.
func readAtMost(r io.Reader, limit uint64) (data []byte, within bool, err error) {
	data, err = io.ReadAll(io.LimitReader(r, int64(limit)+1))
	if uint64(len(data)) > limit {
		return nil, false, nil
	}
	return data, true, err
}

// entryName returns an entry's name as UTF-8: from the Info-ZIP Unicode Path
// extra field when present, else the name itself, read as GB18030 when it is
// not flagged and not valid UTF-8 (as Chinese Windows writes it).
func entryName(f *zip.File) string {
	if n := unicodePath(f); n != "" {
		return n
	}
	if f.Flags&0x800 == 0 && !utf8.ValidString(f.Name) {
		return decodeCharset("gb18030", []byte(f.Name))
	}
	return fixText(f.Name)
}

// unicodePath returns the name in the Info-ZIP Unicode Path extra field
// (0x7075) when it matches the entry's name, else "".
func unicodePath(f *zip.File) string {
	extra := f.Extra
	for len(extra) >= 4 {
		tag := binary.LittleEndian.Uint16(extra)
		n := int(binary.LittleEndian.Uint16(extra[2:]))
		extra = extra[4:]
		if n > len(extra) {
			return ""
		}
		field := extra[:n]
		extra = extra[n:]
		if tag != 0x7075 || len(field) < 5 || field[0] != 1 {
			continue
		}
		name := field[5:]
		if binary.LittleEndian.Uint32(field[1:]) == crc32.ChecksumIEEE([]byte(f.Name)) && utf8.Valid(name) {
			return string(name)
		}
	}
	return ""
}

// entryTime returns the entry's modification time. A bare MS-DOS time has
// no zone; Chinese Windows writes local time, so it is read as China
// Standard Time.
func entryTime(f *zip.File) time.Time {
	t := f.Modified
	if t.IsZero() || t.Year() < 1981 {
		return time.Time{}
	}
	if t.Location() == time.UTC {
		y, m, d := t.Date()
		return time.Date(y, m, d, t.Hour(), t.Minute(), t.Second(), 0, taizhang.CST)
	}
	return t
}

// sizeText returns a size for people: 300 MB, 12 KB, 100 字节.
func sizeText(n uint64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%d MB", n>>20)
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d 字节", n)
}
