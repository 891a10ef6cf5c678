package main

import (
	"bytes"
	"io"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"taizhang"
)

// --period and --as-of written without a year take the programme's year, not
// the clock's: the office may merge 2021's sheets in 2026.
func TestPeriodWithoutYearTakesProgrammeYear(t *testing.T) {
	var out, errOut bytes.Buffer
	e := &env{
		stdin: strings.NewReader(""), stdout: &out, stderr: &errOut,
		now:        func() time.Time { return time.Date(2026, 11, 28, 9, 0, 0, 0, taizhang.CST) },
		getenv:     func(string) string { return "" },
		isTerminal: func(io.Writer) bool { return false },
	}
	dst := filepath.Join(t.TempDir(), "台账.xlsx")
	code := e.run([]string{"merge", filepath.Join(samplesDir, "2021-05"), "--period", "5月上半月", "--as-of", "5月20日", "-o", dst})
	if code > exitFindings {
		t.Fatalf("exit %d\n%s%s", code, out.String(), errOut.String())
	}
	if want := "汇总期次：2021年5月上半月（截至 2021-05-20）"; !strings.Contains(out.String(), want) {
		t.Errorf("missing %q in\n%s%s", want, out.String(), errOut.String())
	}
}
