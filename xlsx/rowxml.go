package xlsx

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// Rows as SpreadsheetML, encoded here. excelize's StreamWriter.SetRow
// escapes each text through encoding/xml, counts its UTF-16 units, runs a
// regular expression over it and formats the cell's reference, allocating
// for each: for 汇总台账's 1.7 million cells at national scale that is
// 2.9 s of one core, most of the ledger's writing time, and SetRow takes
// one row at a time. appendRow writes the very bytes SetRow writes for a
// row of cells (TestAppendRowMatchesExcelize and FuzzAppendRow hold it to
// SetRow's output), without allocating, so that the rows of a big sheet
// can be encoded in batches on every core. excelize still writes the rest
// of the sheet (columns, panes, header row, filter, print set-up): the
// rows are spliced into its part as the workbook is written (splice.go).
//
// One difference, on purpose: excelize drops a text's "_xD800_" (an
// escaped UTF-16 surrogate, _xD800_ to _xDFFF_) altogether; appendRow
// keeps it, escaped as any other "_xHHHH_" is, so it reads back as typed.

// appendRow appends row r (1-based) of cells, from column 1, with height h
// points (0: none) — what excelize's StreamWriter.SetRow writes for
// SetRow(cell(1, r), cells, excelize.RowOpts{Height: h}) in a sheet with
// no row or column styles. A cell's value is nil (a styled empty cell), a
// string or a float64; its Formula is not written. On an error dst comes
// back as it was given.
func appendRow(dst []byte, r int, cells []excelize.Cell, h float64) ([]byte, error) {
	if h > excelize.MaxRowHeight {
		return dst, excelize.ErrMaxRowHeight
	}
	row := len(dst)
	dst = append(dst, `<row r="`...)
	dst = strconv.AppendInt(dst, int64(r), 10)
	dst = append(dst, '"')
	if h > 0 {
		dst = append(dst, ` ht="`...)
		dst = strconv.AppendFloat(dst, h, 'f', -1, 64)
		dst = append(dst, `" customHeight="1"`...)
	}
	dst = append(dst, '>')
	for i := range cells {
		c := &cells[i]
		dst = append(dst, `<c r="`...)
		dst = appendColumn(dst, i+1)
		dst = strconv.AppendInt(dst, int64(r), 10)
		dst = append(dst, '"')
		if c.StyleID > 0 {
			dst = append(dst, ` s="`...)
			dst = strconv.AppendInt(dst, int64(c.StyleID), 10)
			dst = append(dst, '"')
		}
		switch v := c.Value.(type) {
		case nil:
			dst = append(dst, `></c>`...)
		case string:
			dst = appendInlineString(dst, v)
		case float64:
			if math.IsNaN(v) || math.IsInf(v, 0) {
				dst = appendInlineString(dst, fmt.Sprint(v))
				break
			}
			dst = append(dst, `><v>`...)
			dst = appendCellFloat(dst, v)
			dst = append(dst, `</v></c>`...)
		default:
			return dst[:row], fmt.Errorf("appendRow: cell %d of row %d is a %T", i+1, r, c.Value)
		}
	}
	return append(dst, `</row>`...), nil
}

// appendColumn appends the letters of column n (1-based): A, Z, AA.
func appendColumn(dst []byte, n int) []byte {
	var b [8]byte
	i := len(b)
	for n > 0 {
		n--
		i--
		b[i] = byte('A' + n%26)
		n /= 26
	}
	return append(dst, b[i:]...)
}

// appendInlineString appends the rest of a text cell (after its style):
// type, the text escaped, the cell's end.
func appendInlineString(dst []byte, s string) []byte {
	// Excel's limit, in UTF-16 units; a text of fewer bytes is within it.
	if len(s) > excelize.TotalCellChars {
		units := 0
		for i, r := range s {
			if units += utf16Len(r); units > excelize.TotalCellChars {
				s = s[:i]
				break
			}
		}
	}
	dst = append(dst, ` t="inlineStr"><is><t`...)
	if s != "" && (isXMLSpace(s[0]) || isXMLSpace(s[len(s)-1])) {
		dst = append(dst, ` xml:space="preserve"`...)
	}
	dst = append(dst, '>')
	if strings.Contains(s, "_x") {
		// Rare: a text that looks like Excel's own escape of a character.
		esc := string(appendEscaped(nil, s))
		dst = appendBstr(dst, esc)
	} else {
		dst = appendEscaped(dst, s)
	}
	return append(dst, `</t></is></c>`...)
}

func utf16Len(r rune) int {
	if r >= 0x10000 && r <= utf8.MaxRune {
		return 2
	}
	return 1
}

func isXMLSpace(c byte) bool { return c == '\t' || c == '\n' || c == '\r' || c == ' ' }

// xmlSpecial marks the bytes below 0x80 that escaping changes.
var xmlSpecial = func() (t [0x80]bool) {
	for c := range 0x20 {
		t[c] = c != '\n'
	}
	for _, c := range `"'&<>` {
		t[c] = true
	}
	return t
}()

// appendEscaped appends s escaped as encoding/xml.EscapeText escapes it,
// but for line feeds, which are kept as they are (excelize turns EscapeText's
// "&#xA;" back into a line feed).
func appendEscaped(dst []byte, s string) []byte {
	last := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if !xmlSpecial[c] {
				i++
				continue
			}
			var esc string
			switch c {
			case '"':
				esc = "&#34;"
			case '\'':
				esc = "&#39;"
			case '&':
				esc = "&amp;"
			case '<':
				esc = "&lt;"
			case '>':
				esc = "&gt;"
			case '\t':
				esc = "&#x9;"
			case '\r':
				esc = "&#xD;"
			default:
				esc = "\uFFFD"
			}
			dst = append(dst, s[last:i]...)
			dst = append(dst, esc...)
			i++
			last = i
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && w == 1 || !inCharRange(r) {
			dst = append(dst, s[last:i]...)
			dst = append(dst, "\uFFFD"...)
			i += w
			last = i
			continue
		}
		i += w
	}
	return append(dst, s[last:]...)
}

// inCharRange is XML's Char production (above the ASCII controls).
func inCharRange(r rune) bool {
	return r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}

// appendBstr appends escaped text s, its "_xHHHH_" sequences (which Excel
// would read as an escaped character) escaped in turn, as excelize does.
func appendBstr(dst []byte, s string) []byte {
	cursor := 0
	for m := 0; m+7 <= len(s); {
		if !isBstr(s[m : m+7]) {
			m++
			continue
		}
		end := m + 7
		dst = append(dst, s[cursor:m]...)
		sub := s[m:end]
		cursor = end
		switch {
		case sub == "_x005F_":
			if end+6 <= len(s) && s[end] == 'x' && isHex4(s[end+1:end+5]) && s[end+5] == '_' && validEscape(s[end+1:end+5]) {
				dst = append(dst, "_x005F_x005F_x005F_"...)
			} else {
				dst = append(dst, "_x005F_x005F_"...)
			}
		default:
			// excelize drops a surrogate's escape here; it is kept.
			dst = append(dst, "_x005F"...)
			dst = append(dst, sub...)
		}
		m = end
	}
	return append(dst, s[cursor:]...)
}

// isBstr reports whether s (7 bytes) is "_x" four hex digits "_".
func isBstr(s string) bool { return s[0] == '_' && s[1] == 'x' && isHex4(s[2:6]) && s[6] == '_' }

func isHex4(s string) bool {
	for i := range 4 {
		c := s[i]
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}

// validEscape reports whether four hex digits name a character (not a surrogate).
func validEscape(hex string) bool {
	n, err := strconv.ParseUint(hex, 16, 32)
	return err == nil && utf8.ValidRune(rune(n))
}

// appendCellFloat appends v as excelize writes a float: as short as it
// reads back exactly, cut to Excel's 15 significant digits.
func appendCellFloat(dst []byte, v float64) []byte {
	start := len(dst)
	dst = strconv.AppendFloat(dst, v, 'f', -1, 64)
	if math.Abs(v) == math.MaxFloat64 {
		return dst
	}
	str := dst[start:]
	const maxPrec = 15
	decimal := -1
	for i, c := range str {
		if c == '.' {
			decimal = i
			break
		}
	}
	significant := 0
	for idx, c := range str {
		if c < '0' || c > '9' || significant == 0 && c == '0' {
			continue
		}
		significant++
		if significant <= maxPrec {
			continue
		}
		if decimal >= 0 && idx > decimal {
			cut := str[:idx]
			if cut[len(cut)-1] == '.' {
				cut = cut[:len(cut)-1]
			}
			return dst[:start+len(cut)]
		}
		// Past 15 digits in the integer part: zeros, no fraction.
		if decimal < 0 {
			decimal = len(str)
		}
		for i := idx; i < decimal; i++ {
			str[i] = '0'
		}
		return dst[:start+decimal]
	}
	return dst
}
