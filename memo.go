package taizhang

import (
	"strings"
	"sync"
	"sync/atomic"
)

// memo remembers the answers of a pure function of short strings, for the
// texts a batch repeats in every sheet. It is safe for concurrent use. It
// remembers texts of at most maxBytes, and stops growing at about memoMax
// entries (concurrent callers may overshoot by one each), so that a batch
// of odd texts costs at most a few megabytes.
type memo[V any] struct {
	maxBytes int
	m        sync.Map // string → V
	n        atomic.Int64
}

const memoMax = 1 << 12

// get returns f(s), from memory when s was asked before.
func (c *memo[V]) get(s string, f func(string) V) V {
	if len(s) > c.maxBytes {
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
