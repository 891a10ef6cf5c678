package main

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf16"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// zipFile is one entry of an archive; a name ending in "/" is a folder.
type zipFile struct {
	name string
	data []byte
}

// windowsZip returns an archive as Chinese Windows tools write it (the
// Explorer's 发送到 › 压缩文件夹, 好压, 360压缩): names in GBK without the UTF-8
// flag, MS-DOS times in local time and no extra fields.
func windowsZip(files []zipFile, modified time.Time) ([]byte, error) {
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	date := uint16((modified.Year()-1980)<<9 | int(modified.Month())<<5 | modified.Day())
	clock := uint16(modified.Hour()<<11 | modified.Minute()<<5 | modified.Second()/2)
	for _, f := range files {
		name, err := simplifiedchinese.GBK.NewEncoder().String(f.name)
		if err != nil {
			return nil, fmt.Errorf("zip name %s: %w", f.name, err)
		}
		h := &zip.FileHeader{Name: name, NonUTF8: true, Method: zip.Deflate, ModifiedDate: date, ModifiedTime: clock}
		if strings.HasSuffix(f.name, "/") {
			h.Method = zip.Store
		}
		fw, err := w.CreateHeader(h)
		if err != nil {
			return nil, err
		}
		if _, err := fw.Write(f.data); err != nil {
			return nil, err
		}
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// photo returns a small JPEG standing for a photo or screen shot sent as
// 佐证材料: a few grey and blue blocks, the same bytes every time.
func photo(seed int) []byte {
	img := image.NewRGBA(image.Rect(0, 0, 64, 40))
	for y := 0; y < 40; y++ {
		for x := 0; x < 64; x++ {
			c := color.RGBA{236, 236, 236, 255}
			switch {
			case y < 6:
				c = color.RGBA{30, 80, uint8(150 + seed*7%80), 255}
			case y > 10 && y%6 < 3 && x > 4 && x < 20+(y*seed)%40:
				c = color.RGBA{90, 90, 90, 255}
			}
			img.Set(x, y, c)
		}
	}
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, &jpeg.Options{Quality: 60}); err != nil {
		panic(err)
	}
	return b.Bytes()
}

// scan returns a one-page PDF standing for a scanned document sent as
// 佐证材料: grey lines of "text" under a title bar, with the document's
// title in its properties.
func scan(title string, lines int) []byte {
	var content strings.Builder
	content.WriteString("0.2 0.2 0.2 rg\n120 760 355 14 re f\n0.55 0.55 0.55 rg\n")
	for i := 0; i < lines; i++ {
		w := 440 - (i*53)%120
		fmt.Fprintf(&content, "80 %d %d 6 re f\n", 720-i*18, w)
	}
	content.WriteString("0.8 0.1 0.1 RG 2 w\n420 140 m 500 140 l 500 90 l 420 90 l h S\n")
	var t strings.Builder
	t.WriteString("<FEFF")
	for _, u := range utf16.Encode([]rune(title)) {
		fmt.Fprintf(&t, "%04X", u)
	}
	t.WriteString(">")
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%sendstream", content.Len(), content.String()),
		fmt.Sprintf("<< /Title %s /Producer (Scanner) /CreationDate (D:20210610093000+08'00') >>", t.String()),
	}
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, len(objs), xref)
	return b.Bytes()
}

// legacyXLS writes path, a legacy Excel 97-2003 workbook, by converting the
// .xlsx sheet with LibreOffice, unless path already exists: LibreOffice's
// output differs from run to run, so the committed file is kept.
func legacyXLS(path string, sheet []byte) error {
	if _, err := os.Stat(path); err == nil {
		return nil
	}
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		if soffice, err = exec.LookPath("libreoffice"); err != nil {
			return fmt.Errorf("%s is missing and LibreOffice (soffice) is not installed to make it", path)
		}
	}
	tmp, err := os.MkdirTemp("", "samples-xls-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	in := filepath.Join(tmp, "sheet.xlsx")
	if err := os.WriteFile(in, sheet, 0o644); err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	profile := "-env:UserInstallation=file://" + filepath.ToSlash(filepath.Join(tmp, "profile"))
	cmd := exec.CommandContext(ctx, soffice, profile, "--headless", "--convert-to", "xls", "--outdir", tmp, in)
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("soffice: %v\n%s", err, out)
	}
	data, err := os.ReadFile(filepath.Join(tmp, "sheet.xls"))
	if err != nil {
		return fmt.Errorf("soffice wrote no .xls: %w", err)
	}
	if !bytes.HasPrefix(data, oleMagic) {
		return errors.New("soffice wrote no Excel 97-2003 workbook")
	}
	return os.WriteFile(path, data, 0o644)
}

// oleMagic starts every OLE2 compound file, the container of a BIFF8 .xls.
var oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
