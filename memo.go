package taizhang

import (
	"strings"
	"sync"
	"sync/atomic"
)

// memo remembers the answers of a pure function of short strings, for the
// texts a batch repeats in every sheet. It is safe for concurrent use and
// stops growing at memoMax entries (a batch of odd texts cannot make it
// grow without end); long texts are never remembered.
type memo[V any] struct {
	m sync.Map // string → V
	n atomic.Int64
}

const (
	memoMax   = 1 << 14
	memoBytes = 256 // the longest text remembered
)

// get returns f(s), from memory when s was asked before.
func (c *memo[V]) get(s string, f func(string) V) V {
	if len(s) > memoBytes {
		return f(s)
	}
	if v, ok := c.m.Load(s); ok {
		return v.(V)
	}
	v := f(s)
	if c.n.Load() < memoMax {
		// A copy: s may be part of a sheet's much larger text.
		if _, loaded := c.m.LoadOrStore(strings.Clone(s), v); !loaded {
			c.n.Add(1)
		}
	}
	return v
}
