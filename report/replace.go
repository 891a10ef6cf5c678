package report

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode"
)

// replacer swaps characters a font cannot draw for a visible mark and keeps
// a note of each, so that none is lost silently.
type replacer struct {
	seen  map[replaceKey]*replaced
	order []*replaced
}

type replaceKey struct {
	font string
	r    rune
}

type replaced struct {
	r       rune
	font    string
	with    rune
	count   int
	context string
}

// clean returns s as it can be drawn in f: tabs and other spaces become
// spaces, "\r\n" and "\r" become "\n", and every other rune f lacks becomes
// f's replacement mark.
func (rp *replacer) clean(s string, f *face) string {
	if rp.seen == nil {
		rp.seen = map[replaceKey]*replaced{}
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	rs := []rune(s)
	orig := slices.Clone(rs)
	changed := false
	for i, r := range rs {
		switch {
		case r == '\n':
			continue
		case r == '\r' || r == '\t' || r != '\u3000' && unicode.IsSpace(r) && !f.has(r):
			if r == '\r' {
				rs[i] = '\n'
			} else {
				rs[i] = ' '
			}
			changed = true
			continue
		case f.has(r):
			continue
		}
		with := f.replacement()
		k := replaceKey{f.name, r}
		n := rp.seen[k]
		if n == nil {
			n = &replaced{r: r, font: f.name, with: with, context: around(orig, i)}
			rp.seen[k] = n
			rp.order = append(rp.order, n)
		}
		n.count++
		rs[i] = with
		changed = true
	}
	if !changed {
		return s
	}
	return string(rs)
}

// around returns up to eight runes on each side of rs[i], on one line.
func around(rs []rune, i int) string {
	a, b := max(0, i-8), min(len(rs), i+9)
	var out strings.Builder
	for _, r := range rs[a:b] {
		switch {
		case r == '\n' || r == '\r' || r == '\t':
			out.WriteRune(' ')
		case unicode.IsPrint(r):
			out.WriteRune(r)
		default:
			fmt.Fprintf(&out, "<U+%04X>", r)
		}
	}
	return out.String()
}

// maxReported is how many replaced characters are reported one by one.
const maxReported = 30

// report writes one Chinese line per replaced character, up to maxReported,
// then one line for the rest.
func (rp *replacer) report(w io.Writer) {
	if w == nil {
		return
	}
	if len(rp.order) > maxReported {
		defer func() {
			rest, n := rp.order[maxReported:], 0
			for _, r := range rest {
				n += r.count
			}
			fmt.Fprintf(w, "月度报告：另有%d个字符（共%d处）也因字体中没有而显示为替换符号\n", len(rest), n)
		}()
	}
	for _, n := range rp.order[:min(len(rp.order), maxReported)] {
		what := fmt.Sprintf("U+%04X", n.r)
		if unicode.IsPrint(n.r) {
			what = fmt.Sprintf("“%c”（U+%04X）", n.r, n.r)
		}
		why := "字体" + n.font + "中没有该字"
		if n.r > 0xFFFF {
			why = "该字超出基本多文种平面，PDF 字体无法显示"
		} else if !unicode.IsPrint(n.r) {
			why = "该字符为不可见的控制字符"
		}
		fmt.Fprintf(w, "月度报告：字符%s%s，已显示为“%c”，共%d处，如：%s\n", what, why, n.with, n.count, n.context)
	}
}
