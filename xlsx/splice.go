package xlsx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"hash/crc32"
	"io"
	"io/fs"
	"maps"
	"runtime"
	"slices"
	"sync"

	"github.com/xuri/excelize/v2"
)

// splicer is the zip writer a ledger is written out through. excelize hands
// it the workbook's parts one after another. It compresses the small ones
// (under a chunk: styles, theme, chart, the small sheets) side by side, while
// excelize goes on to the next part, and writes them in order, compressed;
// a larger part goes through the parallel deflater as it comes (deflate.go).
// And for the parts named in rows, sheets whose rows excelize did not write
// (it wrote the sheet around them: the header row, columns, filter, print
// set-up), it holds the part back until it is complete and writes it with
// the rows put in before </sheetData>.
type splicer struct {
	zw   *zip.Writer
	rows map[string]func(io.Writer) error // part name → writes the part's rows

	part    *heldPart        // the part excelize is writing, if held back
	pending []chan smallPart // small parts being compressed, in order
	spliced map[string]bool
	err     error
}

// heldPart is a part held back: a small one until it is complete (or found
// not to be small), one to splice rows into until it is complete.
type heldPart struct {
	s      *splicer
	name   string
	buf    bytes.Buffer
	splice bool
	w      io.Writer // the zip entry, once a small part turned out large
}

// smallPart is a small part, compressed.
type smallPart struct {
	name      string
	out       *bytes.Buffer
	crc, size uint32
	err       error
}

func newSplicer(zw *zip.Writer, rows map[string]func(io.Writer) error) *splicer {
	return &splicer{zw: zw, rows: rows, spliced: map[string]bool{}}
}

func (s *splicer) Create(name string) (io.Writer, error) {
	if err := s.finish(); err != nil {
		return nil, err
	}
	_, splice := s.rows[name]
	s.part = &heldPart{s: s, name: name, splice: splice}
	return s.part, nil
}

func (s *splicer) AddFS(fsys fs.FS) error {
	if err := s.flush(); err != nil {
		return err
	}
	return s.zw.AddFS(fsys)
}

func (s *splicer) Close() error {
	err := s.flush()
	for _, name := range slices.Sorted(maps.Keys(s.rows)) {
		if err == nil && !s.spliced[name] {
			err = fmt.Errorf("工作簿中没有 %s，其中的行未写出", name)
		}
	}
	if cerr := s.zw.Close(); err == nil {
		err = cerr
	}
	return err
}

func (p *heldPart) Write(b []byte) (int, error) {
	if p.w != nil {
		n, err := p.w.Write(b)
		if err != nil && p.s.err == nil {
			p.s.err = err
		}
		return n, err
	}
	p.buf.Write(b)
	if !p.splice && p.buf.Len() > deflateChunk {
		// Not small: written as it comes, after the small parts before it.
		w, err := p.s.entry(p.name)
		if err != nil {
			return 0, err
		}
		p.w = w
		if _, err := w.Write(p.buf.Bytes()); err != nil {
			p.s.err = err
			return 0, err
		}
		p.buf = bytes.Buffer{}
	}
	return len(b), nil
}

// finish deals with the part excelize has finished writing: one to splice
// rows into gets them; then, if small, it is compressed in the background.
// After an error nothing more is written (excelize closes the zip writer
// when it fails: no use encoding the rows then).
func (s *splicer) finish() error {
	p := s.part
	s.part = nil
	if s.err != nil {
		return s.err
	}
	if p != nil && p.splice {
		var err error
		if p, err = s.splice(p); err != nil {
			s.err = err
			return err
		}
	}
	if p == nil || p.w != nil {
		return nil
	}
	done := make(chan smallPart, 1)
	s.pending = append(s.pending, done)
	go func() {
		sp := smallPart{name: p.name, out: new(bytes.Buffer), crc: crc32.ChecksumIEEE(p.buf.Bytes()), size: uint32(p.buf.Len())}
		sp.err = deflateAll(sp.out, p.buf.Bytes())
		done <- sp
	}()
	return nil
}

// flush finishes the part being written and writes out every small part.
func (s *splicer) flush() error {
	if err := s.finish(); err != nil {
		return err
	}
	_, err := s.entry("")
	return err
}

// entry writes out the small parts compressed so far, in order, then (for a
// name) starts the part's entry, compressed as it is written.
func (s *splicer) entry(name string) (io.Writer, error) {
	for _, done := range s.pending {
		sp := <-done
		if s.err == nil {
			s.err = sp.err
		}
		if s.err == nil {
			fh := &zip.FileHeader{Name: sp.name, Method: zip.Deflate, CRC32: sp.crc,
				CompressedSize64: uint64(sp.out.Len()), UncompressedSize64: uint64(sp.size),
				CreatorVersion: 20, ReaderVersion: 20}
			var w io.Writer
			if w, s.err = s.zw.CreateRaw(fh); s.err == nil {
				_, s.err = w.Write(sp.out.Bytes())
			}
		}
	}
	s.pending = s.pending[:0]
	if s.err != nil || name == "" {
		return nil, s.err
	}
	w, err := s.zw.Create(name)
	s.err = err
	return w, err
}

// splice returns part p with its rows put in: a new part, written as a
// small part or, once larger, as it comes.
func (s *splicer) splice(p *heldPart) (*heldPart, error) {
	b := p.buf.Bytes()
	end := bytes.LastIndex(b, []byte("</sheetData>"))
	if end < 0 {
		return nil, fmt.Errorf("%s 中没有 </sheetData>，其中的行未写出", p.name)
	}
	q := &heldPart{s: s, name: p.name}
	if _, err := q.Write(b[:end]); err != nil {
		return nil, err
	}
	if err := s.rows[p.name](q); err != nil {
		return nil, err
	}
	s.spliced[p.name] = true
	_, err := q.Write(b[end:])
	return q, err
}

// sheetPart returns the name of sheet's part in the package, as excelize
// names a sheet it adds: xl/worksheets/sheet<ID>.xml.
func sheetPart(f *excelize.File, sheet string) (string, error) {
	for id, name := range f.GetSheetMap() {
		if name == sheet {
			return fmt.Sprintf("xl/worksheets/sheet%d.xml", id), nil
		}
	}
	return "", fmt.Errorf("工作簿中没有工作表“%s”", sheet)
}

// rowBatch is the most rows one core encodes at a time; fewer when there
// are few rows, so that every core has some. At most maxEncoders cores
// encode rows at once, whatever the number of cores: each holds a batch
// (about 400 KB at national scale) and twice as many wait to be written,
// and four outpace the compressors already.
const (
	rowBatch    = 256
	maxEncoders = 4
)

var rowBuffers sync.Pool // *[]byte, a batch of encoded rows

// streamRows writes n rows of a sheet, numbered from first, to w as
// SpreadsheetML, in order. fill gives row i (0-based) its cells (width of
// them) and returns its height (0: none). The rows are filled and encoded
// in batches on every core; fill may be called from several goroutines at
// once.
func streamRows(w io.Writer, first, n, width int, fill func(i int, cells []excelize.Cell) (float64, error)) error {
	type result struct {
		b   *[]byte
		err error
	}
	type job struct {
		from, to int
		out      chan result
	}
	workers := min(runtime.GOMAXPROCS(0), maxEncoders)
	batch := min(rowBatch, max(1, n/(4*workers)))
	jobs := make(chan job)
	order := make(chan chan result, 2*workers)
	done := make(chan struct{})
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			cells := make([]excelize.Cell, width)
			for j := range jobs {
				bp, _ := rowBuffers.Get().(*[]byte)
				if bp == nil {
					bp = new([]byte)
				}
				b, err := (*bp)[:0], error(nil)
				for i := j.from; i < j.to && err == nil; i++ {
					clear(cells)
					var h float64
					if h, err = fill(i, cells); err == nil {
						b, err = appendRow(b, first+i, cells, h)
					}
				}
				*bp = b
				j.out <- result{bp, err}
			}
		}()
	}
	go func() {
		defer close(order)
		defer close(jobs)
		for from := 0; from < n; from += batch {
			out := make(chan result, 1)
			select {
			case order <- out:
			case <-done:
				return
			}
			select {
			case jobs <- job{from, min(from+batch, n), out}:
			case <-done:
				return
			}
		}
	}()
	defer func() {
		close(done)
		wg.Wait()
	}()
	for out := range order {
		r := <-out
		if r.err != nil {
			return r.err
		}
		if _, err := w.Write(*r.b); err != nil {
			return err
		}
		rowBuffers.Put(r.b)
	}
	return nil
}
