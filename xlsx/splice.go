package xlsx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"runtime"
	"sync"

	"github.com/xuri/excelize/v2"
)

// splicer is the zip writer a ledger is written out through. It passes
// each part on to a zip.Writer, but for the parts named in rows, sheets
// whose rows excelize did not write (it wrote the sheet around them: the
// header row, columns, filter, print set-up), it holds the part back until
// it is complete and writes it with the rows put in before </sheetData>.
type splicer struct {
	zw   *zip.Writer
	rows map[string]func(io.Writer) error // part name → writes the part's rows

	held     *bytes.Buffer // the part being held back
	heldName string
	spliced  map[string]bool
}

func newSplicer(zw *zip.Writer, rows map[string]func(io.Writer) error) *splicer {
	return &splicer{zw: zw, rows: rows, spliced: map[string]bool{}}
}

func (s *splicer) Create(name string) (io.Writer, error) {
	if err := s.release(); err != nil {
		return nil, err
	}
	if _, ok := s.rows[name]; ok {
		s.held, s.heldName = new(bytes.Buffer), name
		return s.held, nil
	}
	return s.zw.Create(name)
}

func (s *splicer) AddFS(fsys fs.FS) error {
	if err := s.release(); err != nil {
		return err
	}
	return s.zw.AddFS(fsys)
}

func (s *splicer) Close() error {
	err := s.release()
	for name := range s.rows {
		if err == nil && !s.spliced[name] {
			err = fmt.Errorf("工作簿中没有 %s，其中的行未写出", name)
		}
	}
	if cerr := s.zw.Close(); err == nil {
		err = cerr
	}
	return err
}

// release writes the part held back, its rows spliced in.
func (s *splicer) release() error {
	if s.held == nil {
		return nil
	}
	b, name := s.held.Bytes(), s.heldName
	s.held = nil
	end := bytes.LastIndex(b, []byte("</sheetData>"))
	if end < 0 {
		return fmt.Errorf("%s 中没有 </sheetData>，其中的行未写出", name)
	}
	w, err := s.zw.Create(name)
	if err != nil {
		return err
	}
	if _, err := w.Write(b[:end]); err != nil {
		return err
	}
	if err := s.rows[name](w); err != nil {
		return err
	}
	s.spliced[name] = true
	_, err = w.Write(b[end:])
	return err
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

// rowBatch is how many rows one core encodes at a time.
const rowBatch = 256

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
	workers := runtime.GOMAXPROCS(0)
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
		for from := 0; from < n; from += rowBatch {
			out := make(chan result, 1)
			select {
			case order <- out:
			case <-done:
				return
			}
			select {
			case jobs <- job{from, min(from+rowBatch, n), out}:
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
