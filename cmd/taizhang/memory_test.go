package main

import "testing"

func TestMemoryLimit(t *testing.T) {
	const mb = 1 << 20
	for _, c := range []struct{ live, want int64 }{
		{0, 120 * mb},        // small batches: the floor
		{90 * mb, 120 * mb},  // still the floor, which binds
		{100 * mb, 124 * mb}, // above it: the least headroom
		{400 * mb, 560 * mb}, // a huge batch: towards half as much again
		{1000 * mb, 1460 * mb},
	} {
		if got := memoryLimit(c.live); got != c.want {
			t.Errorf("memoryLimit(%d MB) = %d MB, want %d MB", c.live/mb, got/mb, c.want/mb)
		}
	}
}
