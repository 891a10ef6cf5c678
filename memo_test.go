package taizhang

import (
	"fmt"
	"strings"
	"sync"
	"testing"
)

// A memo gives f's answers, asks f once per remembered text, never
// remembers long texts, and stops growing at memoMax.
func TestMemo(t *testing.T) {
	c := memo[int]{maxBytes: 64}
	var mu sync.Mutex
	calls := map[string]int{}
	f := func(s string) int {
		mu.Lock()
		calls[s]++
		mu.Unlock()
		return len(s)
	}
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, s := range []string{"已完成", "推进中", "三.1 印发实施方案"} {
				if got := c.get(s, f); got != len(s) {
					t.Errorf("get(%q) = %d", s, got)
				}
			}
		}()
	}
	wg.Wait()
	if n := c.n.Load(); n != 3 {
		t.Errorf("%d texts remembered, want 3", n)
	}
	long := strings.Repeat("长", 22) // 66 bytes
	c.get(long, f)
	c.get(long, f)
	if calls[long] != 2 {
		t.Errorf("a long text was remembered (f called %d times)", calls[long])
	}
	for i := range memoMax + 10 {
		c.get(fmt.Sprint(i), f)
	}
	if n := c.n.Load(); n != memoMax {
		t.Errorf("%d texts remembered, want at most %d", n, memoMax)
	}
	if got := c.get("不在其中", f); got != len("不在其中") {
		t.Errorf("past the limit, get = %d", got)
	}
}
