package taizhang_test

import (
	"strings"
	"testing"

	"taizhang"
)

func TestStowAndReadTexts(t *testing.T) {
	st := &taizhang.MemoryStore{}
	want := taizhang.Texts{Progress: "已纳入储备库项目 126 个", Evidence: "", Problems: "  ", NextSteps: "下一步" + strings.Repeat("推进", 5000), Extra: []string{"备注：无", "其他：第二列"}}
	e := taizhang.Entry{Labels: &taizhang.Labels{}, Row: 7, Texts: &want}
	other := taizhang.Entry{Labels: &taizhang.Labels{}, Row: 8, Texts: &taizhang.Texts{Progress: "x"}}
	if err := e.Stow(st); err != nil {
		t.Fatal(err)
	}
	if err := other.Stow(st); err != nil {
		t.Fatal(err)
	}
	if !e.Stowed() || e.Texts != nil {
		t.Fatalf("texts still in memory: %+v", e.Texts)
	}
	if e.ProgressBlank() || !e.ProblemsBlank() {
		t.Errorf("blank flags: progress %v problems %v", e.ProgressBlank(), e.ProblemsBlank())
	}
	got, err := e.ReadTexts(st)
	if err != nil {
		t.Fatal(err)
	}
	if got.Progress != want.Progress || got.Problems != want.Problems || got.NextSteps != want.NextSteps || strings.Join(got.Extra, "|") != "备注：无|其他：第二列" {
		t.Errorf("read back %+v", got)
	}
	if got, _ := other.ReadTexts(st); got.Progress != "x" {
		t.Errorf("second entry read back %+v", got)
	}
	if _, err := e.ReadTexts(nil); err == nil {
		t.Error("reading stowed texts without a store did not fail")
	}
	// An entry never stowed reads its own texts.
	plain := taizhang.Entry{Labels: &taizhang.Labels{}, Texts: &taizhang.Texts{Progress: "p"}}
	if got, _ := plain.ReadTexts(nil); got.Progress != "p" || plain.ProgressBlank() {
		t.Errorf("plain entry: %+v", got)
	}
}

// Entries that say the same share one Labels once stowed; SetLabels gives
// one of them new labels without touching the other's.
func TestSharedLabels(t *testing.T) {
	st := &taizhang.MemoryStore{}
	mk := func() taizhang.Entry {
		return taizhang.Entry{Labels: &taizhang.Labels{No: "三", Node: "三.1 " + strings.Repeat("印发", 2), StatusText: "推进中"}, Row: 5,
			Texts: &taizhang.Texts{Progress: "已起草"}}
	}
	a, b := mk(), mk()
	if a.Labels == b.Labels {
		t.Fatal("two literals share labels before stowing")
	}
	for _, e := range []*taizhang.Entry{&a, &b} {
		if err := e.Stow(st); err != nil {
			t.Fatal(err)
		}
	}
	if a.Labels != b.Labels {
		t.Error("entries that say the same do not share their labels once stowed")
	}
	l := *b.Labels
	l.Milestone, l.StatusText = "三.1", "已完成"
	b.SetLabels(l)
	if a.Milestone != "" || a.StatusText != "推进中" || b.Milestone != "三.1" || b.StatusText != "已完成" {
		t.Errorf("after SetLabels on b: a %+v, b %+v", *a.Labels, *b.Labels)
	}
	if c := taizhang.ShareLabels(l); c != b.Labels {
		t.Error("ShareLabels of equal labels gave another copy")
	}
}
