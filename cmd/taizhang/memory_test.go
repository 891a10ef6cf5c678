package main

import "testing"

func TestMemoryLimit(t *testing.T) {
	const mb = 1 << 20
	for _, c := range []struct{ live, want int64 }{
		{0, 120 * mb},       // small batches: the floor
		{70 * mb, 120 * mb}, // still the floor, which binds
		{90 * mb, 135 * mb}, // above it: half as much again
		{400 * mb, 600 * mb},
		{1000 * mb, 1500 * mb},
	} {
		if got := memoryLimit(c.live); got != c.want {
			t.Errorf("memoryLimit(%d MB) = %d MB, want %d MB", c.live/mb, got/mb, c.want/mb)
		}
	}
}
