// Package filestore keeps the long texts of a merge in a temporary file, so
// that a large batch does not hold them in memory between reading and
// writing the ledger.
package filestore

import (
	"bufio"
	"errors"
	"os"
	"sync"
	"unsafe"

	"taizhang"
)

// Store is a taizhang.TextStore in a temporary file.
type Store struct {
	mu  sync.Mutex
	f   *os.File
	w   *bufio.Writer
	off int64 // bytes put so far
}

// New creates the store's file in the system's temporary folder.
func New() (*Store, error) {
	f, err := os.CreateTemp("", "taizhang-*.txt")
	if err != nil {
		return nil, err
	}
	return &Store{f: f, w: bufio.NewWriterSize(f, 1<<20)}, nil
}

// Put appends s.
func (s *Store) Put(text string) (taizhang.TextRef, error) {
	if text == "" {
		return taizhang.TextRef{}, nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, err := s.w.WriteString(text); err != nil {
		return taizhang.TextRef{}, err
	}
	r := taizhang.TextRef{Off: s.off, Len: int64(len(text))}
	s.off += r.Len
	return r, nil
}

// Get reads the text at r back.
func (s *Store) Get(r taizhang.TextRef) (string, error) {
	if r.Len == 0 {
		return "", nil
	}
	s.mu.Lock()
	if s.w.Buffered() > 0 && r.Off+r.Len > s.off-int64(s.w.Buffered()) {
		if err := s.w.Flush(); err != nil {
			s.mu.Unlock()
			return "", err
		}
	}
	s.mu.Unlock()
	b := make([]byte, r.Len)
	if _, err := s.f.ReadAt(b, r.Off); err != nil {
		return "", err
	}
	// b is never used again: the string may share its memory, which saves
	// copying every text of the ledger a second time.
	return unsafe.String(&b[0], len(b)), nil
}

// Name returns the path of the store's file.
func (s *Store) Name() string { return s.f.Name() }

// Close removes the file.
func (s *Store) Close() error {
	if s == nil {
		return nil
	}
	return errors.Join(s.f.Close(), os.Remove(s.f.Name()))
}
