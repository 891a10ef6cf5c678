package xlsx

import (
	"bytes"
	"io"
	"runtime"
	"sync"

	"github.com/klauspost/compress/flate"
)

// Deflate. A ledger is a zip of deflated XML, its 汇总台账 part hundreds of
// megabytes at national scale. klauspost/compress's deflate at level 1
// compresses it in half the CPU time of compress/flate's BestSpeed, and
// smaller (0.6 s and 26.8 MB against 1.2 s and 28.2 MB for 193 MB of XML).
// (Reading, its inflater gains nothing measurable over the standard one.)
//
// The parts are compressed as the workbook is written out. A part of less
// than a chunk is compressed whole, beside the others (splice.go); a larger
// one is cut into chunks compressed side by side, each ending on a byte
// boundary (a sync flush), their output joined in order and closed by an
// empty final block — one valid deflate stream, as pigz makes them.

// deflateChunk is how much of a part one compressor takes at a time; a
// variable for tests.
var deflateChunk = 1 << 20

// maxDeflaters bounds the chunks of a part compressed at once, whatever the
// number of cores: each holds a chunk and its output (and up to twice as
// many wait, compressed, to be written), and four already compress faster
// than a disk writes.
const maxDeflaters = 4

// fastDeflate returns the compressor of one part, out its zip entry.
func fastDeflate(out io.Writer) (io.WriteCloser, error) {
	return &deflater{out: out}, nil
}

// deflater gathers a part into chunks and compresses them in parallel;
// a part of one chunk is compressed as it closes, by one compressor.
type deflater struct {
	out     io.Writer
	buf     []byte          // the chunk being filled
	pending []chan deflated // chunks being compressed, in order
	sem     chan struct{}   // bounds the compressors running at once
	err     error
}

type deflated struct {
	out *bytes.Buffer
	err error
}

var (
	deflaters sync.Pool // *flate.Writer
	chunks    sync.Pool // *[]byte of cap deflateChunk
	outputs   sync.Pool // *bytes.Buffer, a chunk's compressed output
)

func getDeflater(w io.Writer) *flate.Writer {
	if fw, ok := deflaters.Get().(*flate.Writer); ok {
		fw.Reset(w)
		return fw
	}
	fw, _ := flate.NewWriter(w, flate.BestSpeed) // err only for a bad level
	return fw
}

// deflateAll compresses b whole, as one deflate stream, to w.
func deflateAll(w io.Writer, b []byte) error {
	fw := getDeflater(w)
	_, err := fw.Write(b)
	if cerr := fw.Close(); err == nil {
		err = cerr
	}
	deflaters.Put(fw)
	return err
}

func (d *deflater) Write(p []byte) (int, error) {
	n := len(p)
	for len(p) > 0 {
		if d.buf == nil {
			if b, ok := chunks.Get().(*[]byte); ok && cap(*b) >= deflateChunk {
				d.buf = (*b)[:0]
			} else {
				d.buf = make([]byte, 0, deflateChunk)
			}
		}
		k := copy(d.buf[len(d.buf):cap(d.buf)], p)
		d.buf, p = d.buf[:len(d.buf)+k], p[k:]
		if len(d.buf) == cap(d.buf) {
			d.dispatch()
		}
	}
	return n, d.err
}

// dispatch starts compressing the full chunk, and writes out the oldest
// compressed chunks once enough are in flight.
func (d *deflater) dispatch() {
	if d.sem == nil {
		d.sem = make(chan struct{}, min(runtime.GOMAXPROCS(0), maxDeflaters))
	}
	chunk := d.buf
	d.buf = nil
	done := make(chan deflated, 1)
	d.pending = append(d.pending, done)
	d.sem <- struct{}{}
	go func() {
		defer func() { <-d.sem }()
		out, ok := outputs.Get().(*bytes.Buffer)
		if !ok {
			out = new(bytes.Buffer)
		}
		out.Reset()
		out.Grow(len(chunk) / 4)
		fw := getDeflater(out)
		_, err := fw.Write(chunk)
		if err == nil {
			err = fw.Flush() // ends on a byte boundary, not final
		}
		deflaters.Put(fw)
		chunks.Put(&chunk)
		done <- deflated{out, err}
	}()
	for len(d.pending) > 2*cap(d.sem) {
		d.writeOldest()
	}
}

func (d *deflater) writeOldest() {
	r := <-d.pending[0]
	d.pending = d.pending[1:]
	if d.err == nil {
		d.err = r.err
	}
	if d.err == nil {
		_, d.err = d.out.Write(r.out.Bytes())
	}
	outputs.Put(r.out)
}

func (d *deflater) Close() error {
	if d.sem == nil {
		// One chunk or less: one compressor, straight to the entry.
		err := deflateAll(d.out, d.buf)
		d.release()
		return err
	}
	if len(d.buf) > 0 {
		d.dispatch()
	}
	for len(d.pending) > 0 {
		d.writeOldest()
	}
	d.release()
	if d.err != nil {
		return d.err
	}
	fw := getDeflater(d.out) // the empty final block
	err := fw.Close()
	deflaters.Put(fw)
	return err
}

func (d *deflater) release() {
	if d.buf != nil {
		b := d.buf[:0]
		chunks.Put(&b)
		d.buf = nil
	}
}
