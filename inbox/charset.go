package inbox

import (
	"encoding/base64"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// decodeCharset returns b, written in charset cs, as UTF-8. The GB family is
// read as GB18030, as mail clients do; an unknown or missing charset is taken
// as UTF-8 when b is valid UTF-8 and as GB18030 otherwise.
func decodeCharset(cs string, b []byte) string {
	var enc encoding.Encoding
	switch cs = strings.ToLower(strings.TrimSpace(cs)); cs {
	case "", "us-ascii", "ascii", "utf-8", "utf8":
	case "gb2312", "gbk", "gb18030", "cp936", "x-gbk", "euc-cn", "x-euc-cn", "windows-936",
		"ms936", "csgb2312", "x-cp936", "gb_2312-80", "chinese":
		enc = simplifiedchinese.GB18030
	case "hz-gb-2312":
		enc = simplifiedchinese.HZGB2312
	default:
		if e, err := htmlindex.Get(cs); err == nil {
			enc = e
		}
	}
	if enc == nil {
		return fixText(string(b))
	}
	out, err := enc.NewDecoder().Bytes(b)
	if err != nil {
		return fixText(string(b))
	}
	return string(out)
}

// fixText returns s as UTF-8: s itself when it is valid UTF-8, else s read as
// GB18030 (raw 8-bit Chinese as Chinese Windows writes it).
func fixText(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	out, err := simplifiedchinese.GB18030.NewDecoder().String(s)
	if err != nil {
		return strings.ToValidUTF8(s, "\uFFFD")
	}
	return out
}

// decodeHeader decodes the RFC 2047 encoded words in a header value and reads
// raw 8-bit text as GB18030 when it is not UTF-8. Adjacent encoded words in
// the same charset are joined before decoding, since some clients split a
// multi-byte character across two words.
func decodeHeader(s string) string {
	if !strings.Contains(s, "=?") {
		return fixText(s)
	}
	var b strings.Builder
	var pend []byte // bytes of the current run of encoded words
	pendCS := ""
	flush := func() {
		if pend != nil {
			b.WriteString(decodeCharset(pendCS, pend))
			pend, pendCS = nil, ""
		}
	}
	for len(s) > 0 {
		i := strings.Index(s, "=?")
		if i < 0 {
			break
		}
		cs, raw, n, ok := encodedWord(s[i:])
		if !ok {
			// Not an encoded word: keep "=?" as text.
			flush()
			b.WriteString(fixText(s[:i+2]))
			s = s[i+2:]
			continue
		}
		// White space between encoded words is dropped (RFC 2047 §6.2).
		if text := s[:i]; pend == nil || strings.TrimSpace(text) != "" {
			flush()
			b.WriteString(fixText(text))
		}
		if pend != nil && !strings.EqualFold(cs, pendCS) {
			flush()
		}
		if pend == nil {
			pend, pendCS = []byte{}, cs
		}
		pend = append(pend, raw...)
		s = s[i+n:]
	}
	flush()
	b.WriteString(fixText(s))
	return b.String()
}

// encodedWord parses "=?charset?B|Q?text?=" at the start of s and returns the
// charset, the decoded bytes and the length consumed.
func encodedWord(s string) (cs string, raw []byte, n int, ok bool) {
	if !strings.HasPrefix(s, "=?") {
		return "", nil, 0, false
	}
	parts := strings.SplitN(s[2:], "?", 3)
	if len(parts) < 3 || len(parts[1]) != 1 {
		return "", nil, 0, false
	}
	end := strings.Index(parts[2], "?=")
	if end < 0 {
		return "", nil, 0, false
	}
	cs, text := parts[0], parts[2][:end]
	if strings.ContainsAny(cs, " \t\r\n") || strings.ContainsAny(text, " \t\r\n") {
		return "", nil, 0, false
	}
	if j := strings.IndexByte(cs, '*'); j >= 0 { // RFC 2231 language suffix
		cs = cs[:j]
	}
	n = 2 + len(parts[0]) + 1 + 1 + 1 + end + 2
	switch parts[1] {
	case "B", "b":
		raw, ok = decodeBase64(text)
	case "Q", "q":
		raw, ok = decodeQ(text), true
	}
	return cs, raw, n, ok
}

// decodeBase64 decodes base64 leniently: white space and missing padding are
// accepted.
func decodeBase64(s string) ([]byte, bool) {
	s = strings.Map(func(r rune) rune {
		if r == ' ' || r == '\t' || r == '\r' || r == '\n' {
			return -1
		}
		return r
	}, s)
	s = strings.TrimRight(s, "=")
	if len(s)%4 == 1 { // a stray last character cannot carry a byte
		s = s[:len(s)-1]
	}
	b, err := base64.RawStdEncoding.DecodeString(s)
	if err != nil {
		b, err = base64.RawURLEncoding.DecodeString(s)
	}
	return b, err == nil
}

// decodeQ decodes the Q encoding of RFC 2047, keeping malformed escapes.
func decodeQ(s string) []byte {
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '_':
			b = append(b, ' ')
		case c == '=' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]):
			v, _ := strconv.ParseUint(s[i+1:i+3], 16, 8)
			b = append(b, byte(v))
			i += 2
		default:
			b = append(b, c)
		}
	}
	return b
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// percentDecode decodes the %XX escapes of an RFC 2231 value, keeping
// malformed ones.
func percentDecode(s string) []byte {
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
			v, _ := strconv.ParseUint(s[i+1:i+3], 16, 8)
			b = append(b, byte(v))
			i += 2
			continue
		}
		b = append(b, s[i])
	}
	return b
}

// mediaType parses a Content-Type or Content-Disposition value leniently:
// the value in lower case and its parameters with lower-case names and
// decoded values. RFC 2231 extended values (name*=charset”%XX) and
// continuations (name*0*=, name*1=) are joined and decoded in any charset;
// plain values are decoded as RFC 2047 and raw GB18030, as clients write them.
func mediaType(v string) (string, map[string]string) {
	typ, rest, _ := strings.Cut(v, ";")
	typ = strings.ToLower(strings.TrimSpace(typ))
	type segment struct {
		n   int
		ext bool
		val string
	}
	plain := map[string]string{}
	segs := map[string][]segment{}
	for rest != "" {
		rest = strings.TrimLeft(rest, " \t\r\n;")
		if rest == "" {
			break
		}
		var key, val string
		i := strings.IndexAny(rest, "=;")
		if i < 0 || rest[i] == ';' {
			if i < 0 {
				i = len(rest)
			}
			rest = rest[i:] // a parameter without value: ignore
			continue
		}
		key = strings.ToLower(strings.TrimSpace(rest[:i]))
		rest = strings.TrimLeft(rest[i+1:], " \t\r\n")
		if strings.HasPrefix(rest, `"`) {
			var b strings.Builder
			j := 1
			for ; j < len(rest) && rest[j] != '"'; j++ {
				if rest[j] == '\\' && j+1 < len(rest) {
					j++
				}
				b.WriteByte(rest[j])
			}
			val = b.String()
			if j < len(rest) {
				j++
			}
			rest = rest[j:]
			if k := strings.IndexByte(rest, ';'); k >= 0 {
				rest = rest[k:]
			} else {
				rest = ""
			}
		} else {
			k := strings.IndexByte(rest, ';')
			if k < 0 {
				k = len(rest)
			}
			val = strings.TrimSpace(rest[:k])
			rest = rest[k:]
		}
		if key == "" {
			continue
		}
		name, star, hasStar := strings.Cut(key, "*")
		switch {
		case !hasStar:
			if _, dup := plain[name]; !dup {
				plain[name] = val
			}
		case star == "":
			segs[name] = append(segs[name], segment{0, true, val})
		default:
			ext := strings.HasSuffix(star, "*")
			n, err := strconv.Atoi(strings.TrimSuffix(star, "*"))
			if err != nil || n < 0 || n > 1000 {
				continue
			}
			segs[name] = append(segs[name], segment{n, ext, val})
		}
	}
	params := map[string]string{}
	for name, v := range plain {
		params[name] = decodeHeader(v)
	}
	for name, ss := range segs {
		slices.SortStableFunc(ss, func(a, b segment) int { return a.n - b.n })
		var raw []byte
		cs := ""
		for i, s := range ss {
			val := s.val
			if i == 0 && s.ext {
				if c, r, ok := strings.Cut(val, "'"); ok {
					if _, r2, ok := strings.Cut(r, "'"); ok {
						cs, val = c, r2
					}
				}
			}
			if s.ext {
				raw = append(raw, percentDecode(val)...)
			} else {
				raw = append(raw, val...)
			}
		}
		if cs == "" && strings.Contains(string(raw), "=?") {
			params[name] = decodeHeader(string(raw))
		} else {
			params[name] = decodeCharset(cs, raw)
		}
	}
	return typ, params
}
