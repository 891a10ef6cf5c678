package taizhang

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"
)

// Normalize folds what people type into one comparable form: full-width
// letters, digits and punctuation become half-width, every kind of space and
// line break is removed, and invalid UTF-8 is dropped.
func Normalize(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if r == utf8.RuneError && size <= 1 {
			continue
		}
		if IsBlankRune(r) {
			continue
		}
		b.WriteRune(fold(r))
	}
	return b.String()
}

// fold maps one full-width rune to its half-width form; other runes are kept.
func fold(r rune) rune {
	if r >= 0xFF01 && r <= 0xFF5E {
		return r - 0xFEE0
	}
	switch r {
	case '。':
		return r
	case '．':
		return '.'
	case '－', '—', '–', '‐', '―':
		return '-'
	}
	k := width.LookupRune(r)
	if k.Kind() == width.EastAsianFullwidth {
		if n := k.Narrow(); n != 0 {
			return n
		}
	}
	return r
}

// Clean trims surrounding space from a cell value and drops invalid UTF-8,
// keeping inner line breaks.
func Clean(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "")
	}
	return strings.TrimFunc(s, IsBlankRune)
}

// IsBlankRune reports whether r is blank in a cell: white space (the
// full-width space included), a zero-width space or a byte-order mark.
func IsBlankRune(r rune) bool { return unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' }

// Quote returns s shortened to at most 40 characters for use inside a message.
func Quote(s string) string {
	s = strings.Join(strings.Fields(Clean(s)), " ")
	if utf8.RuneCountInString(s) > 40 {
		rs := []rune(s)
		s = string(rs[:40]) + "…"
	}
	return s
}

// Width returns how many columns s takes in a terminal or a fixed-width
// layout: two for a Chinese (wide or full-width) character, one otherwise.
func Width(s string) int {
	n := 0
	for _, r := range s {
		n += RuneWidth(r)
	}
	return n
}

// RuneWidth returns 2 for a wide or full-width rune, 1 otherwise.
func RuneWidth(r rune) int {
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return 2
	}
	return 1
}
