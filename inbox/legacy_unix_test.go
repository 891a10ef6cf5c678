//go:build unix

package inbox

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestLegacyTimeout kills a conversion that hangs, with the processes it
// started.
func TestLegacyTimeout(t *testing.T) {
	pidFile := filepath.Join(t.TempDir(), "pid")
	hang := fakeSoffice(t, "sleep 60 &\necho $! > '"+pidFile+"'\nwait")
	dir := write(t, t.TempDir(), map[string][]byte{"包头市.xls": cfbBytes(t, "Workbook")})
	start := time.Now()
	ins, fs := collect(t, dir, Options{Convert: true, SofficePath: hang, Timeout: time.Second}, "包头市.xls")
	if d := time.Since(start); d > 20*time.Second {
		t.Errorf("conversion took %v despite a 1s timeout", d)
	}
	equal(t, "paths", pathsOf(ins), nil)
	equal(t, "findings", fs, []string{"包头市.xls 错误 无法读取：是旧版 Excel 97-2003（.xls）或 WPS（.et）格式，用 LibreOffice 自动转换失败（超过 1 秒未完成），请在 Excel 或 WPS 中另存为 .xlsx 后重新报送"})
	b, err := os.ReadFile(pidFile)
	if err != nil {
		t.Fatal(err)
	}
	pid, _ := strconv.Atoi(strings.TrimSpace(string(b)))
	for deadline := time.Now().Add(5 * time.Second); ; {
		if err := syscall.Kill(pid, 0); err != nil {
			break // gone
		}
		if st, _ := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat"); bytes.Contains(st, []byte(") Z ")) {
			break // a zombie waiting for init
		}
		if time.Now().After(deadline) {
			t.Fatalf("child process %d of the hung conversion still runs", pid)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
