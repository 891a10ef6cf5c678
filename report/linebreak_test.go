package report

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

// testWidth is 1 for wide runes and 0.5 for ASCII.
func testWidth(r rune) float64 {
	if r < 0x80 {
		return 0.5
	}
	return 1
}

func lineWidth(s string) float64 {
	t := 0.0
	for _, r := range strings.TrimRight(s, " ") {
		t += testWidth(r)
	}
	return t
}

// punctuated returns a paragraph of about n runes, dense with punctuation,
// quotes, brackets, numbers and Latin words.
func punctuated(n int) string {
	pieces := []string{
		"深化工程建设项目审批制度改革", "，", "。", "、", "；", "：", "？", "！", "“多规合一”", "《通知》", "（试行）",
		"「一网通办」", "『蒙速办』", "2021-05-31", "98.5%", "APP", "WenQuanYi Micro Hei", "……", "——", "‘清单制’",
		"【附件】", "〔2021〕29号", "各盟市", "e-mail", "3.1", "（三）", "按时报送", "：“", "”。", "）。", "》，",
	}
	rng := rand.New(rand.NewPCG(1, 2))
	var b strings.Builder
	for utf8.RuneCountInString(b.String()) < n {
		b.WriteString(pieces[rng.IntN(len(pieces))])
	}
	return b.String()
}

func TestBreakLinesKeepsEveryRune(t *testing.T) {
	text := punctuated(2000)
	if n := utf8.RuneCountInString(text); n < 2000 {
		t.Fatalf("paragraph has %d runes", n)
	}
	for _, width := range []float64{27, 20.5, 9, 3} {
		lines := breakLines(text, width-2, width, testWidth)
		if got := strings.Join(lines, ""); got != text {
			t.Fatalf("width %v: runes lost or changed: %d in, %d out", width, utf8.RuneCountInString(text), utf8.RuneCountInString(got))
		}
		for i, ln := range lines {
			limit := width
			if i == 0 {
				limit = width - 2
			}
			if lineWidth(ln) > limit+1e-9 {
				t.Errorf("width %v: line %d is %v wide: %q", width, i, lineWidth(ln), ln)
			}
			if i == 0 || width < 20 {
				continue // a narrow line may have to break a run of marks
			}
			first, _ := utf8.DecodeRuneInString(ln)
			if noStart[first] {
				t.Errorf("width %v: line %d starts with %q: %q", width, i, first, ln)
			}
			last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(lines[i-1], " "))
			if noEnd[last] {
				t.Errorf("width %v: line %d ends with %q: %q", width, i-1, last, lines[i-1])
			}
		}
	}
}

func TestBreakLines(t *testing.T) {
	for _, tc := range []struct {
		text  string
		width float64
		want  []string
	}{
		// A no-start mark pulls the character before it down.
		{"一二三四五，六七", 5, []string{"一二三四", "五，六七"}},
		// A no-end mark goes down with what follows.
		{"一二三四（五）", 5, []string{"一二三四", "（五）"}},
		// Dates and Latin words stay whole.
		{"时限2021-05-31前后", 6, []string{"时限", "2021-05-31前", "后"}},
		{"接入蒙速办 APP 系统", 6, []string{"接入蒙速办 ", "APP 系统"}},
		// Milestone numbers stay whole.
		{"一二三四节点三.2", 6.5, []string{"一二三四节点", "三.2"}},
		// A word wider than the line is broken by rune.
		{"abcdefghijklmnop", 4, []string{"abcdefgh", "ijklmnop"}},
		// Line feeds end lines; empty lines stay.
		{"一二\n\n三", 5, []string{"一二", "", "三"}},
		{"", 5, []string{""}},
	} {
		got := breakLines(tc.text, tc.width, tc.width, testWidth)
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("breakLines(%q, %v) = %q, want %q", tc.text, tc.width, got, tc.want)
		}
	}
}

func TestTitleLines(t *testing.T) {
	got := titleLines("关于2021年4月深化工程建设项目审批制度改革专项工作推进情况的报告", 20, testWidth)
	want := []string{"关于2021年4月深化工程建设项目", "审批制度改革专项工作推进情况的报告"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("titleLines = %q, want %q", got, want)
	}
}

func FuzzBreakLines(f *testing.F) {
	for _, s := range []string{punctuated(300), "abc def", "（一）“多规合一”。", "a\n\nb", " 　 ", "三.2、3-1、2021-05-31", "𠮷😀\u0301\u200b"} {
		f.Add(s, 10.0)
	}
	f.Fuzz(func(t *testing.T, text string, width float64) {
		if !utf8.ValidString(text) || width < 1 || width > 1000 {
			t.Skip()
		}
		lines := breakLines(text, width, width, testWidth)
		if got, want := strings.Join(lines, ""), strings.ReplaceAll(text, "\n", ""); got != want {
			t.Fatalf("breakLines(%q, %v) = %q", text, width, lines)
		}
		for _, ln := range lines {
			if w := lineWidth(ln); w > width+1e-9 && utf8.RuneCountInString(strings.TrimRight(ln, " ")) > 1 {
				t.Fatalf("line %q is %v wide, limit %v", ln, w, width)
			}
		}
	})
}
