package xlsx

import (
	"bytes"
	"testing"
	"time"

	"taizhang"
	"taizhang/templates"
)

// written is when the tests' workbooks are written.
var written = time.Date(2021, 4, 1, 9, 30, 0, 0, taizhang.CST)

func builtin(t testing.TB) *taizhang.Programme {
	t.Helper()
	p, err := taizhang.ParseProgrammeText(templates.Programme)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func period(t testing.TB, s string) taizhang.Period {
	t.Helper()
	q, err := taizhang.ParsePeriod(s, taizhang.HalfMonth, 0)
	if err != nil {
		t.Fatal(err)
	}
	return q
}

func TestTemplateReadsBack(t *testing.T) {
	p := builtin(t)
	q := period(t, "2021年4月上半月")
	var buf bytes.Buffer
	if err := WriteTemplate(&buf, p, "包头市", q, written); err != nil {
		t.Fatal(err)
	}
	src := taizhang.Source{Path: "包头市.xlsx", Name: "包头市.xlsx"}
	s, fs := ReadSubmission(src, buf.Bytes(), ReadOptions{Programme: p})
	if s == nil {
		t.Fatalf("nil submission: %v", fs)
	}
	for _, f := range fs {
		t.Errorf("finding: %s", f.Text())
	}
	if s.Unit != "包头市" || s.Period != q || s.Sheet != "进展情况" {
		t.Errorf("unit %q period %v sheet %q", s.Unit, s.Period, s.Sheet)
	}
	var ids []string
	for _, e := range s.Entries {
		ids = append(ids, e.Milestone)
	}
	if len(ids) != 7 || ids[0] != "一" || ids[2] != "三.1" || ids[6] != "六" {
		t.Errorf("milestones %v", ids)
	}
	if s.Columns[taizhang.FieldCompleted] != "H" || s.CellOf(taizhang.FieldCompleted, 9) != "H9" {
		t.Errorf("columns %v", s.Columns)
	}
	cf := taizhang.Check(p, s, taizhang.CheckOptions{Submitter: true})
	for _, f := range cf {
		t.Logf("%s", f.Text())
	}
}
