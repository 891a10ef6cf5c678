package main

import (
	"os"
	"runtime/debug"
	"runtime/metrics"
	"time"
)

// Memory. Go's collector lets the heap grow to twice what is live before it
// collects; for a merge, whose live heap is tens of megabytes of entries plus
// the ledger writer's buffers, that doubles the peak for nothing. governMemory
// sets a soft limit (memoryFloor) that the collector works to stay under, and
// raises it as the live heap grows, so that a batch much larger than usual
// costs memory rather than a collector running without pause. Below the
// limit the collector waits until the heap is five times what is live
// (memoryGCPercent): a small batch then hardly collects at all, and a large
// one is held to the limit.
const (
	memoryFloor    = 120 << 20 // bytes the Go heap may use before the limit binds
	memoryHeadroom = 24 << 20  // the least room above the live heap
	memoryPoll     = 50 * time.Millisecond
	// With the limit in place, the collector need not also run each time
	// the heap doubles: a run of 16 sheets spent a sixth of its time in
	// collections of a heap of a few megabytes.
	memoryGCPercent = 400
)

// governMemory starts the governor; the returned function stops it. It does
// nothing when the user set GOMEMLIMIT or GOGC themselves.
func governMemory() (stop func()) {
	if os.Getenv("GOMEMLIMIT") != "" || os.Getenv("GOGC") != "" {
		return func() {}
	}
	old := debug.SetMemoryLimit(memoryFloor)
	oldPercent := debug.SetGCPercent(memoryGCPercent)
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		tick := time.NewTicker(memoryPoll)
		defer tick.Stop()
		limit := int64(memoryFloor)
		for {
			select {
			case <-done:
				return
			case <-tick.C:
			}
			metrics.Read(sample)
			if sample[0].Value.Kind() != metrics.KindUint64 {
				continue
			}
			if want := memoryLimit(int64(sample[0].Value.Uint64())); want != limit {
				limit = want
				debug.SetMemoryLimit(limit)
			}
		}
	}()
	return func() {
		close(done)
		<-finished
		debug.SetMemoryLimit(old)
		debug.SetGCPercent(oldPercent)
	}
}

// memoryLimit is the soft limit for a live heap of live bytes: memoryFloor,
// or, above it, memoryHeadroom more, growing towards half as much again for
// the largest heaps, where collecting often would cost too much time.
func memoryLimit(live int64) int64 {
	return max(memoryFloor, live+max(memoryHeadroom, live/2-40<<20))
}
