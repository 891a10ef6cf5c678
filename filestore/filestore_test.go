package filestore

import (
	"fmt"
	"os"
	"sync"
	"testing"

	"taizhang"
)

func TestFileStore(t *testing.T) {
	st, err := New()
	if err != nil {
		t.Fatal(err)
	}
	name := st.f.Name()
	var wg sync.WaitGroup
	refs := make([]taizhang.TextRef, 200)
	for i := range refs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r, err := st.Put(fmt.Sprintf("第%d条：进展情况", i))
			if err != nil {
				t.Error(err)
			}
			refs[i] = r
			// Reading back while others write: the buffer is flushed first.
			if got, err := st.Get(r); err != nil || got != fmt.Sprintf("第%d条：进展情况", i) {
				t.Errorf("Get %d = %q, %v", i, got, err)
			}
		}()
	}
	wg.Wait()
	for i, r := range refs {
		if got, _ := st.Get(r); got != fmt.Sprintf("第%d条：进展情况", i) {
			t.Errorf("text %d = %q", i, got)
		}
	}
	if r, _ := st.Put(""); r != (taizhang.TextRef{}) {
		t.Errorf("empty text got %v", r)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(name); !os.IsNotExist(err) {
		t.Errorf("store file %s left behind", name)
	}
}
