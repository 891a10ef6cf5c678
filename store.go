package taizhang

import (
	"encoding/binary"
	"errors"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unique"
	"unsafe"
)

// TextStore keeps long texts out of memory: a batch of thousands of sheets,
// or one sheet of 200,000 rows, is more prose than memory should hold. Put and
// Get may be called from several goroutines.
type TextStore interface {
	Put(s string) (TextRef, error) // copies s: s may be reused once Put returns
	Get(r TextRef) (string, error)
}

// TextRef says where a text was put in a TextStore. The zero TextRef is the empty text.
type TextRef struct {
	Off int64
	Len int64
}

// MemoryStore is a TextStore in memory, for tests and small batches.
type MemoryStore struct {
	mu  sync.Mutex
	buf []byte
}

// Put appends s.
func (m *MemoryStore) Put(s string) (TextRef, error) {
	if s == "" {
		return TextRef{}, nil
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	r := TextRef{Off: int64(len(m.buf)) + 1, Len: int64(len(s))}
	m.buf = append(m.buf, s...)
	return r, nil
}

// Get returns the text at r.
func (m *MemoryStore) Get(r TextRef) (string, error) {
	if r.Len == 0 {
		return "", nil
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if r.Off < 1 || r.Off-1+r.Len > int64(len(m.buf)) {
		return "", errors.New("text reference out of range")
	}
	return string(m.buf[r.Off-1 : r.Off-1+r.Len]), nil
}

// Texts are the long, free texts of an entry.
type Texts struct {
	Progress  string
	Evidence  string
	Problems  string
	NextSteps string
	Extra     []string // other columns and stray cells of the row, as "列名：内容"
}

// blank reports whether a text is empty once trimmed.
func blank(s string) bool { return strings.TrimSpace(s) == "" }

// Stow moves the entry's Texts into st, keeping only what the checks need
// (whether 进展情况 and 存在问题 are blank). Texts reads them back.
func (e *Entry) Stow(st TextStore) error {
	if e.stowed || st == nil {
		return nil
	}
	e.intern()
	var t Texts
	if e.Texts != nil {
		t = *e.Texts
	}
	n := 0
	for _, s := range t.Extra {
		n += len(s) + binary.MaxVarintLen64
	}
	bp, _ := stowBuffers.Get().(*[]byte)
	if bp == nil {
		bp = new([]byte)
	}
	defer stowBuffers.Put(bp)
	b := slices.Grow((*bp)[:0], n+len(t.Progress)+len(t.Evidence)+len(t.Problems)+len(t.NextSteps)+4*binary.MaxVarintLen64)
	defer func() { *bp = b[:0] }()
	for _, s := range [...]string{t.Progress, t.Evidence, t.Problems, t.NextSteps} {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	for _, s := range t.Extra {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	if len(b) == 4 { // four empty texts
		e.progressBlank, e.problemsBlank = true, true
		e.Texts, e.stowed, e.ref = nil, true, TextRef{}
		return nil
	}
	// Put copies: b need not be copied into a string first.
	ref, err := st.Put(unsafe.String(&b[0], len(b)))
	if err != nil {
		return err
	}
	e.progressBlank, e.problemsBlank = blank(t.Progress), blank(t.Problems)
	e.Texts, e.stowed, e.ref = nil, true, ref
	return nil
}

// stowBuffers holds the buffers Stow packs an entry's texts in: the store
// copies them, and a batch stows hundreds of thousands of entries.
var stowBuffers sync.Pool

// intern makes the entry's short texts share memory with every other entry
// that says the same: thousands of sheets repeat the programme's measures and
// nodes, and a kept substring would otherwise hold its sheet's whole table of
// shared strings in memory.
func (e *Entry) intern() {
	e.Labels = ShareLabels(*e.Labels)
	e.CompletedText = internString(e.CompletedText)
}

func internString(s string) string {
	if s == "" {
		return s
	}
	return unique.Make(s).Value()
}

// sharedLabels holds the one copy of each Labels that entries share. It
// stops growing at labelsMax: past that, an entry gets a copy of its own.
const labelsMax = 1 << 14

var sharedLabels struct {
	m sync.Map // Labels → *Labels
	n atomic.Int64
}

// ShareLabels returns labels equal to l that every entry saying the same
// shares: an entry is then 88 bytes rather than 160, and their texts do not
// keep the sheets they were read from in memory.
func ShareLabels(l Labels) *Labels {
	if v, ok := sharedLabels.m.Load(l); ok {
		return v.(*Labels)
	}
	c := &Labels{Milestone: internString(l.Milestone), No: internString(l.No), Measure: internString(l.Measure),
		Node: internString(l.Node), StatusText: internString(l.StatusText)}
	if sharedLabels.n.Load() >= labelsMax {
		return c
	}
	if v, loaded := sharedLabels.m.LoadOrStore(*c, c); loaded {
		return v.(*Labels)
	}
	sharedLabels.n.Add(1)
	return c
}

// Stowed reports whether the entry's texts are in a TextStore.
func (e *Entry) Stowed() bool { return e.stowed }

// ReadTexts returns the entry's texts, from st when they were stowed.
func (e *Entry) ReadTexts(st TextStore) (Texts, error) {
	if !e.stowed {
		if e.Texts == nil {
			return Texts{}, nil
		}
		return *e.Texts, nil
	}
	if st == nil {
		return Texts{}, errors.New("texts stowed but no store given")
	}
	raw, err := st.Get(e.ref)
	if err != nil {
		return Texts{}, err
	}
	// The parts are substrings of raw: no copy of what may be megabytes of prose.
	var parts []string
	for len(raw) > 0 {
		n, k := uvarint(raw)
		if k <= 0 || uint64(len(raw)-k) < n {
			return Texts{}, errors.New("stowed texts are damaged")
		}
		parts = append(parts, raw[k:k+int(n)])
		raw = raw[k+int(n):]
	}
	for len(parts) < 4 {
		parts = append(parts, "")
	}
	t := Texts{Progress: parts[0], Evidence: parts[1], Problems: parts[2], NextSteps: parts[3]}
	if len(parts) > 4 {
		t.Extra = parts[4:]
	}
	return t, nil
}

// uvarint is binary.Uvarint for a string.
func uvarint(s string) (uint64, int) {
	var x uint64
	for i := 0; i < len(s) && i < binary.MaxVarintLen64; i++ {
		b := s[i]
		if b < 0x80 {
			if i == binary.MaxVarintLen64-1 && b > 1 {
				return 0, -(i + 1)
			}
			return x | uint64(b)<<(7*i), i + 1
		}
		x |= uint64(b&0x7f) << (7 * i)
	}
	return 0, 0
}

// ProgressBlank reports whether 进展情况 is empty, stowed or not.
func (e *Entry) ProgressBlank() bool {
	if e.stowed {
		return e.progressBlank
	}
	return e.Texts == nil || blank(e.Progress)
}

// ProblemsBlank reports whether 存在问题 is empty, stowed or not.
func (e *Entry) ProblemsBlank() bool {
	if e.stowed {
		return e.problemsBlank
	}
	return e.Texts == nil || blank(e.Problems)
}
