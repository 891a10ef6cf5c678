package taizhang

import (
	"bufio"
	"errors"
	"os"
	"sync"
	"unsafe"
)

// FileStore is a TextStore in a temporary file, so that the texts of
// a large batch do not sit in memory between reading and writing the ledger.
type FileStore struct {
	mu  sync.Mutex
	f   *os.File
	w   *bufio.Writer
	off int64 // bytes put so far
}

// NewFileStore creates the store's file in the system's temporary folder.
func NewFileStore() (*FileStore, error) {
	f, err := os.CreateTemp("", "taizhang-*.txt")
	if err != nil {
		return nil, err
	}
	return &FileStore{f: f, w: bufio.NewWriterSize(f, 1<<20)}, nil
}

// Put appends s.
func (s *FileStore) Put(text string) (TextRef, error) {
	if text == "" {
		return TextRef{}, nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, err := s.w.WriteString(text); err != nil {
		return TextRef{}, err
	}
	r := TextRef{Off: s.off, Len: int64(len(text))}
	s.off += r.Len
	return r, nil
}

// Get reads the text at r back.
func (s *FileStore) Get(r TextRef) (string, error) {
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

// Close removes the file.
func (s *FileStore) Close() error {
	if s == nil {
		return nil
	}
	return errors.Join(s.f.Close(), os.Remove(s.f.Name()))
}
