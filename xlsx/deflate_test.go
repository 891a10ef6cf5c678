package xlsx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"testing"
)

// Parts of every size, cut into chunks compressed side by side, read back
// whole by the standard library's zip reader.
func TestDeflateChunks(t *testing.T) {
	defer func(n int) { deflateChunk = n }(deflateChunk)
	deflateChunk = 4 << 10
	var text bytes.Buffer
	for i := 0; text.Len() < 200<<10; i++ {
		fmt.Fprintf(&text, `<row r="%d"><c r="A%d" t="inlineStr"><is><t>呼和浩特市第%d项进展情况</t></is></c></row>`, i, i, i*7919%1000)
	}
	sizes := []int{0, 1, 100, deflateChunk - 1, deflateChunk, deflateChunk + 1, 3*deflateChunk + 17, text.Len()}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	zw.RegisterCompressor(zip.Deflate, fastDeflate)
	for _, n := range sizes {
		w, err := zw.Create(fmt.Sprintf("part%d.xml", n))
		if err != nil {
			t.Fatal(err)
		}
		// Written in uneven pieces, as io.Copy and the XML encoder do.
		data := text.Bytes()[:n]
		for len(data) > 0 {
			k := min(len(data), 3001)
			if _, err := w.Write(data[:k]); err != nil {
				t.Fatal(err)
			}
			data = data[k:]
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	for i, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		got, err := io.ReadAll(rc)
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		if !bytes.Equal(got, text.Bytes()[:sizes[i]]) {
			t.Errorf("%s: read back %d bytes, want %d", f.Name, len(got), sizes[i])
		}
	}
}
