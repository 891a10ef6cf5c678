package xlsx

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"sync"
	"unicode/utf8"
)

// xmlScanner tokenizes the parts of a package that are read in bulk: the
// sheets and the shared strings. encoding/xml builds a token, a name and an
// attribute slice for every tag, and that was most of the time taken to read
// a workbook; these parts are machine-written XML, so finding tags with
// bufio.Reader.ReadSlice and decoding the five entities and character
// references is enough. Comments, processing instructions and the doctype
// are skipped; a CDATA section is text. Element nesting is not checked (nor
// is it by encoding/xml's RawToken), but what cannot be XML — a truncated
// tag, a '<' inside a tag, an unknown entity, invalid UTF-8, a control
// character — is an *xml.SyntaxError.
//
// The name, attributes and text of a token are valid until the next call to Next.
type xmlScanner struct {
	r         *bufio.Reader
	acc       []byte // a tag or text that spans the reader's buffer
	dec       []byte // decoded text or attribute value
	kind      xmlKind
	name      []byte // local name of a start or end tag
	attrs     []byte // attribute text of a start tag
	text      []byte // character data
	closeNext bool   // the start tag just returned closes itself: an end follows
	err       error
}

type xmlKind uint8

const (
	xmlStart xmlKind = iota + 1
	xmlEnd
	xmlText
)

// scanBuffer is the size of the scanner's read buffer; tags and texts longer
// than it are put together in acc.
const scanBuffer = 64 << 10

// newXMLScanner returns a scanner of r, whose size (when known, else 0) sets
// the read buffer: a small part needs no 64 KB.
func newXMLScanner(r io.Reader, size uint64) *xmlScanner {
	n := scanBuffer
	if size > 0 && size < scanBuffer {
		n = max(int(size)+1, 512)
	}
	if n == scanBuffer {
		// A batch opens thousands of large parts: their buffers are reused
		// (see release) rather than left to the collector.
		if br, ok := scanBuffers.Get().(*bufio.Reader); ok {
			br.Reset(r)
			return &xmlScanner{r: br}
		}
	}
	return &xmlScanner{r: bufio.NewReaderSize(r, n)}
}

// scanBuffers holds the read buffers of released scanners, of scanBuffer bytes.
var scanBuffers sync.Pool

// release hands the scanner's read buffer back for another part; the
// scanner reads nothing more, and what it returned last is no longer valid.
func (s *xmlScanner) release() {
	if s.r == nil {
		return
	}
	if s.r.Size() == scanBuffer {
		s.r.Reset(nil)
		scanBuffers.Put(s.r)
	}
	s.r = nil
	s.name, s.attrs, s.text = nil, nil, nil
	if s.err == nil {
		s.err = errReleased
	}
}

// errReleased is the error of a scanner read after release.
var errReleased = errors.New("xml scanner released")

func syntaxError(msg string) error { return &xml.SyntaxError{Msg: msg} }

// Next advances to the next token and reports whether there is one. At the
// end of the input, or at an error (see Err), it returns false.
func (s *xmlScanner) Next() bool {
	if s.err != nil {
		return false
	}
	if s.closeNext {
		s.closeNext = false
		s.kind, s.attrs = xmlEnd, nil
		return true
	}
	for {
		text, err := s.readUntil('<')
		if err != nil {
			if err != io.EOF {
				s.err = err
				return false
			}
			s.err = io.EOF
			if len(text) == 0 {
				return false
			}
			// Text after the last tag.
			return s.setText(text)
		}
		if len(text) > 0 {
			if !s.setText(text) {
				return false
			}
			// The tag that follows is read on the next call: the text must
			// stay valid until then. Unread the '<' consumed.
			if err := s.r.UnreadByte(); err != nil {
				// Only possible when text spanned buffers; acc holds the text.
				s.err = err
				return false
			}
			return true
		}
		ok, skip := s.tag()
		if skip {
			continue
		}
		return ok
	}
}

// Err returns the error that stopped the scanner, nil at the end of the input.
func (s *xmlScanner) Err() error {
	if s.err == io.EOF {
		return nil
	}
	return s.err
}

// Kind, Name, Text of the current token.
func (s *xmlScanner) Kind() xmlKind { return s.kind }
func (s *xmlScanner) Name() []byte  { return s.name }
func (s *xmlScanner) Text() []byte  { return s.text }

// readUntil returns the input up to delim, consuming delim. At an error the
// input up to it is returned with the error.
func (s *xmlScanner) readUntil(delim byte) ([]byte, error) {
	line, err := s.r.ReadSlice(delim)
	if err == nil {
		return line[:len(line)-1], nil
	}
	if err != bufio.ErrBufferFull {
		return line, err
	}
	s.acc = append(s.acc[:0], line...)
	return s.acc, s.extend(delim)
}

// extend appends to acc the input up to delim, consuming delim.
func (s *xmlScanner) extend(delim byte) error {
	for {
		line, err := s.r.ReadSlice(delim)
		s.acc = append(s.acc, line...)
		if err == nil {
			s.acc = s.acc[:len(s.acc)-1]
			return nil
		}
		if err != bufio.ErrBufferFull {
			return err
		}
	}
}

// tag reads the markup after a '<'. skip is true for markup that is no
// token (comment, processing instruction, doctype).
func (s *xmlScanner) tag() (ok, skip bool) {
	t, err := s.readUntil('>')
	// more reads on past the '>' that ended t while done says the markup
	// goes on; done is given only what each read added.
	more := func(done func(added []byte) bool) bool {
		added := t
		for err == nil && !done(added) {
			if len(s.acc) == 0 || &t[0] != &s.acc[0] {
				s.acc = append(s.acc[:0], t...)
			}
			s.acc = append(s.acc, '>')
			n := len(s.acc)
			err = s.extend('>')
			t, added = s.acc, s.acc[n-1:]
		}
		if err != nil {
			s.fail(err, "unexpected EOF")
			return false
		}
		return true
	}
	ends := func(suffix string, min int) func([]byte) bool {
		return func([]byte) bool { return len(t) >= min && bytes.HasSuffix(t, []byte(suffix)) }
	}
	switch {
	case err != nil:
		s.fail(err, "unexpected EOF")
		return false, false
	case bytes.HasPrefix(t, []byte("!--")):
		return false, more(ends("--", 5))
	case bytes.HasPrefix(t, []byte("![CDATA[")):
		if !more(ends("]]", 10)) {
			return false, false
		}
		return s.setRawText(t[8 : len(t)-2]), false
	case bytes.HasPrefix(t, []byte("?")):
		return false, more(ends("?", 2))
	case bytes.HasPrefix(t, []byte("!")):
		// A doctype with an internal subset ends at "]>".
		bracket := false
		return false, more(func(added []byte) bool {
			bracket = bracket || bytes.IndexByte(added, '[') >= 0
			return !bracket || t[len(t)-1] == ']'
		})
	case bytes.HasPrefix(t, []byte("/")):
		name := trimSpaceRight(t[1:])
		if !validName(name) {
			s.err = syntaxError("invalid end tag")
			return false, false
		}
		s.kind, s.name, s.attrs = xmlEnd, localName(name), nil
		return true, false
	}
	// A '>' inside a quoted attribute value does not end the tag.
	var q byte
	if !more(func(added []byte) bool { q = openQuote(added, q); return q == 0 }) {
		return false, false
	}
	if bytes.IndexByte(t, '<') >= 0 {
		s.err = syntaxError("unexpected < in tag")
		return false, false
	}
	self := len(t) > 0 && t[len(t)-1] == '/'
	if self {
		t = t[:len(t)-1]
	}
	end := 0
	for end < len(t) && !isSpace(t[end]) {
		end++
	}
	if !validName(t[:end]) {
		s.err = syntaxError("invalid tag name")
		return false, false
	}
	s.kind, s.name, s.attrs, s.closeNext = xmlStart, localName(t[:end]), t[end:], self
	return true, false
}

func (s *xmlScanner) fail(err error, msg string) {
	if err == io.EOF {
		err = syntaxError(msg)
	}
	s.err = err
}

// openQuote returns the quote character left open after t, given the one
// open before it (0 when none).
func openQuote(t []byte, q byte) byte {
	for len(t) > 0 {
		if q == 0 {
			i := quoteIndex(t)
			if i < 0 {
				return 0
			}
			q, t = t[i], t[i+1:]
			continue
		}
		i := bytes.IndexByte(t, q)
		if i < 0 {
			return q
		}
		q, t = 0, t[i+1:]
	}
	return q
}

func validName(n []byte) bool {
	if len(n) == 0 {
		return false
	}
	switch c := n[0]; {
	case c >= '0' && c <= '9', c == '-', c == '.', c <= ' ':
		return false
	}
	return true
}

// localName drops a namespace prefix (x:c is c), as encoding/xml does:
// at the first colon, unless it begins or ends the name.
func localName(n []byte) []byte {
	if i := bytes.IndexByte(n, ':'); i >= 1 && i <= len(n)-2 {
		return n[i+1:]
	}
	return n
}

// setText makes text, with entities decoded, the current token.
func (s *xmlScanner) setText(t []byte) bool {
	d, err := s.decode(t, true)
	if err != nil {
		s.err = err
		return false
	}
	s.kind, s.text = xmlText, d
	return true
}

// setRawText makes the text of a CDATA section the current token.
func (s *xmlScanner) setRawText(t []byte) bool {
	d, err := s.decode(t, false)
	if err != nil {
		s.err = err
		return false
	}
	s.kind, s.text = xmlText, d
	return true
}

// decode checks text for invalid UTF-8 and control characters, folds line
// ends to \n and, when entities is set, replaces entities and character
// references. The result is t itself when nothing changes.
func (s *xmlScanner) decode(t []byte, entities bool) ([]byte, error) {
	plain := true
	for _, c := range t {
		if c < ' ' {
			if c != '\t' && c != '\n' && c != '\r' {
				return nil, syntaxError("illegal character code")
			}
			if c == '\r' {
				plain = false
			}
		} else if c == '&' && entities {
			plain = false
		}
	}
	if !utf8.Valid(t) {
		return nil, syntaxError("invalid UTF-8")
	}
	if plain {
		return t, nil
	}
	out := s.dec[:0]
	for i := 0; i < len(t); {
		c := t[i]
		switch {
		case c == '\r':
			out = append(out, '\n')
			i++
			if i < len(t) && t[i] == '\n' {
				i++
			}
		case c == '&' && entities:
			j := bytes.IndexByte(t[i:], ';')
			if j < 0 {
				return nil, syntaxError("unterminated entity")
			}
			r, ok := entity(t[i+1 : i+j])
			if !ok {
				return nil, syntaxError("invalid character entity")
			}
			out = utf8.AppendRune(out, r)
			i += j + 1
		default:
			out = append(out, c)
			i++
		}
	}
	s.dec = out
	return out, nil
}

// entity returns the character of a predefined entity or character
// reference, written without & and ;.
func entity(e []byte) (rune, bool) {
	switch string(e) {
	case "lt":
		return '<', true
	case "gt":
		return '>', true
	case "amp":
		return '&', true
	case "quot":
		return '"', true
	case "apos":
		return '\'', true
	}
	if len(e) < 2 || e[0] != '#' {
		return 0, false
	}
	base, digits := 10, e[1:]
	if digits[0] == 'x' {
		base, digits = 16, digits[1:]
	}
	if len(digits) == 0 || len(digits) > 8 {
		return 0, false
	}
	var r rune
	for _, c := range digits {
		var v rune
		switch {
		case c >= '0' && c <= '9':
			v = rune(c - '0')
		case base == 16 && c >= 'a' && c <= 'f':
			v = rune(c-'a') + 10
		case base == 16 && c >= 'A' && c <= 'F':
			v = rune(c-'A') + 10
		default:
			return 0, false
		}
		r = r*rune(base) + v
	}
	if !xmlChar(r) {
		return 0, false
	}
	return r, true
}

// xmlChar reports whether r may appear in XML 1.0.
func xmlChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD ||
		r >= 0x10000 && r <= 0x10FFFF
}

// Attr returns the value of the current start tag's attribute whose local
// name is local, entities decoded; ok is false when there is none.
func (s *xmlScanner) Attr(local string) (v []byte, ok bool) {
	a := s.attrs
	for {
		a = trimSpaceLeft(a)
		if len(a) == 0 {
			return nil, false
		}
		eq := bytes.IndexByte(a, '=')
		if eq < 0 {
			return nil, false
		}
		name := trimSpaceRight(a[:eq])
		a = trimSpaceLeft(a[eq+1:])
		if len(a) == 0 || a[0] != '"' && a[0] != '\'' {
			return nil, false
		}
		end := bytes.IndexByte(a[1:], a[0])
		if end < 0 {
			return nil, false
		}
		val := a[1 : 1+end]
		a = a[2+end:]
		if string(localName(name)) != local {
			continue
		}
		if bytes.IndexByte(val, '&') < 0 {
			return val, true
		}
		d, err := s.decode(val, true)
		if err != nil {
			return nil, false
		}
		// A copy: the decode buffer is reused by the next decoded value,
		// and callers hold several attributes at once.
		return bytes.Clone(d), true
	}
}

// isSpace reports whether c is XML white space. The helpers below stand for
// bytes.TrimLeft and friends with a cut set, which build the set anew at
// every call: a profile of a national merge found them among the costliest
// calls of reading.
func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

func trimSpaceLeft(b []byte) []byte {
	for len(b) > 0 && isSpace(b[0]) {
		b = b[1:]
	}
	return b
}

func trimSpaceRight(b []byte) []byte {
	for len(b) > 0 && isSpace(b[len(b)-1]) {
		b = b[:len(b)-1]
	}
	return b
}

// quoteIndex returns the index of the first quote character in b, or -1.
func quoteIndex(b []byte) int {
	for i, c := range b {
		if c == '"' || c == '\'' {
			return i
		}
	}
	return -1
}
