package report

import (
	"fmt"
	"math"
	"strings"

	"codeberg.org/go-pdf/fpdf"
)

// Sizes after GB/T 9704: 2号 22 pt, 3号 16 pt, 4号 14 pt, 小四 12 pt, 5号 10.5 pt.
const (
	ptTitle   = 22.0
	ptBody    = 16.0
	ptPageNo  = 14.0
	ptTable   = 10.5
	ptCaption = 12.0
	ptNote    = 9.0
	mmPerPt   = 25.4 / 72
	bodyLine  = 10.2 // mm: 22 lines on a 225 mm text block (about 29 pt)
)

// geometry is the page size and the text block of an orientation.
type geometry struct {
	w, h, top, bottom, left, right float64
}

var (
	portrait  = geometry{w: 210, h: 297, top: 37, bottom: 35, left: 28, right: 26}
	landscape = geometry{w: 297, h: 210, top: 22, bottom: 24, left: 25, right: 25}
)

// doc lays out the report on an fpdf document: it keeps the cursor, breaks
// pages, and records how tables were split.
type doc struct {
	pdf    *fpdf.Fpdf
	fonts  *fontSet
	rp     *replacer
	g      geometry
	y      float64
	widths map[*face]map[rune]int
	trace  []tableTrace
	charts []chartTrace
}

// tableTrace records on which pages a table's rows were drawn.
type tableTrace struct {
	name  string
	pages []tablePage
}

// tablePage is one page of a table: its page number, whether the header was
// drawn, and the rows drawn (first..last, 0-based); split marks a row that
// continued from the page before because it could not fit on one page.
type tablePage struct {
	page        int
	header      bool
	first, last int
	split       bool
}

func (d *doc) textWidth() float64 { return d.g.w - d.g.left - d.g.right }
func (d *doc) bottom() float64    { return d.g.h - d.g.bottom }

// newPage starts a page of geometry g.
func (d *doc) newPage(g geometry) {
	// The footer of the page before is drawn inside AddPageFormat: switch
	// geometry after it.
	if g == landscape {
		d.pdf.AddPageFormat("L", fpdf.SizeType{Wd: 210, Ht: 297})
	} else {
		d.pdf.AddPageFormat("P", fpdf.SizeType{Wd: 210, Ht: 297})
	}
	d.g = g
	d.y = g.top
}

// need starts a new page unless h mm are left on this one.
func (d *doc) need(h float64) {
	if d.y+h > d.bottom()+1e-6 {
		d.newPage(d.g)
	}
}

// footer draws the page number — 1 — after GB/T 9704: 7 mm below the text
// block, odd pages on the right and even pages on the left, one character in.
func (d *doc) footer() {
	n := d.pdf.PageNo()
	g := d.g
	f := d.fonts.body
	d.setFont(f, ptPageNo)
	s := d.rp.clean(fmt.Sprintf("— %d —", n), f)
	w := d.width(s, f, ptPageNo)
	em := ptPageNo * mmPerPt
	x := g.left + em
	if n%2 == 1 {
		x = g.w - g.right - em - w
	}
	d.pdf.Text(x, g.h-g.bottom+7+em*0.35, s)
}

func (d *doc) setFont(f *face, size float64) { d.pdf.SetFont(f.family, "", size) }

// runeWidth returns the width of r in f at size pt, in mm.
func (d *doc) runeWidth(f *face, size float64) func(rune) float64 {
	m := d.widths[f]
	if m == nil {
		m = map[rune]int{}
		d.widths[f] = m
	}
	return func(r rune) float64 {
		u, ok := m[r]
		if !ok {
			d.pdf.SetFont(f.family, "", size)
			u = d.pdf.GetStringSymbolWidth(string(r))
			m[r] = u
		}
		return float64(u) * size / 1000 * mmPerPt
	}
}

// width returns the width of s in f at size pt, in mm.
func (d *doc) width(s string, f *face, size float64) float64 {
	w := d.runeWidth(f, size)
	t := 0.0
	for _, r := range s {
		t += w(r)
	}
	return t
}

// drawText draws s with its baseline at y, stretching the gaps between
// characters by spacing mm (0: none). s must be clean.
func (d *doc) drawText(x, y float64, s string, f *face, size, spacing float64) {
	s = strings.TrimRight(s, " ")
	if s == "" {
		return
	}
	d.setFont(f, size)
	if spacing != 0 {
		d.pdf.RawWriteStr(fmt.Sprintf("%.4f Tc", spacing*d.pdf.GetConversionRatio()))
	}
	d.pdf.Text(x, y, s)
	if spacing != 0 {
		d.pdf.RawWriteStr("0 Tc")
	}
}

// baseline returns the baseline of a line of text of size pt centred in a
// band from top of height h.
func baseline(top, h, size float64) float64 { return top + h/2 + 0.34*size*mmPerPt }

// justifySpacing returns the extra spacing between characters that makes
// line s fill width, or 0 when that would stretch it visibly.
func (d *doc) justifySpacing(s string, f *face, size, width float64) float64 {
	s = strings.TrimRight(s, " ")
	n := len([]rune(s))
	if n < 2 {
		return 0
	}
	slack := width - d.width(s, f, size)
	sp := slack / float64(n-1)
	if sp <= 0 || sp > 0.12*size*mmPerPt {
		return 0
	}
	return sp
}

// para is a paragraph style.
type para struct {
	font    *face
	size    float64
	line    float64 // line height, mm
	indent  float64 // first-line indent, mm
	align   byte    // 'J' justified, 'L', 'C', 'R'
	keep    float64 // keep this much room below the paragraph's first line (headings)
	outline int     // bookmark level + 1; 0: none
}

func (d *doc) body() para {
	f := d.fonts.body
	return para{font: f, size: ptBody, line: bodyLine, indent: 2 * ptBody * mmPerPt, align: 'J'}
}

// paragraph draws text in style p, breaking pages between lines; a
// paragraph of two lines or more leaves at least two on each page.
func (d *doc) paragraph(text string, p para) {
	s := d.rp.clean(text, p.font)
	tw := d.textWidth()
	w := d.runeWidth(p.font, p.size)
	lines := breakLines(s, tw-p.indent, tw, w)
	if p.align == 'C' {
		lines = titleLines(s, tw, w)
	}
	first := p.line + p.keep
	if len(lines) >= 2 {
		first = max(first, 2*p.line)
	}
	d.need(first)
	if p.outline > 0 {
		d.pdf.Bookmark(d.rp.clean(text, d.fonts.body), p.outline-1, d.y)
	}
	for i, ln := range lines {
		left := len(lines) - i
		if i > 0 && d.y+p.line > d.bottom()+1e-6 || left == 2 && d.y+2*p.line > d.bottom()+1e-6 && i > 1 {
			d.newPage(d.g)
		}
		x := d.g.left
		avail := tw
		if i == 0 {
			x += p.indent
			avail -= p.indent
		}
		lw := d.width(strings.TrimRight(ln, " "), p.font, p.size)
		spacing := 0.0
		switch p.align {
		case 'J':
			if i < len(lines)-1 {
				spacing = d.justifySpacing(ln, p.font, p.size, avail)
			}
		case 'C':
			x += (avail - lw) / 2
		case 'R':
			x += avail - lw
		}
		d.drawText(x, baseline(d.y, p.line, p.size), ln, p.font, p.size, spacing)
		d.y += p.line
	}
}

// column is a table column.
type column struct {
	title string
	width float64 // mm; the last column takes what is left when 0
	align byte    // 'L', 'C' or 'R'
}

// table is a table that breaks across pages with its header repeated.
type table struct {
	name  string
	cols  []column
	rows  [][]string
	size  float64
	shade func(row, col int) int // grey level of a cell's background, or -1
}

const cellPadX, cellPadY = 1.2, 0.7

// cellLines breaks the clean text of a cell to its column.
func (d *doc) cellLines(s string, f *face, size, w float64) []string {
	return breakLines(s, w-2*cellPadX, w-2*cellPadX, d.runeWidth(f, size))
}

// drawTable draws t from the cursor on, row by row: a row never splits unless
// it is taller than a whole page, and the header row is repeated on every page.
func (d *doc) drawTable(t table) {
	f := d.fonts.body
	hf := d.fonts.heading
	lh := t.size * mmPerPt * 1.45
	widths := make([]float64, len(t.cols))
	used := 0.0
	for i, c := range t.cols {
		widths[i] = c.width
		used += c.width
	}
	if last := len(widths) - 1; widths[last] == 0 {
		widths[last] = d.textWidth() - used
	}
	type cellText [][]string
	layout := func(cells []string, ff *face) (cellText, float64) {
		out := make(cellText, len(t.cols))
		n := 1
		for i := range t.cols {
			s := ""
			if i < len(cells) {
				s = d.rp.clean(cells[i], ff)
			}
			out[i] = d.cellLines(s, ff, t.size, widths[i])
			n = max(n, len(out[i]))
		}
		return out, float64(n)*lh + 2*cellPadY
	}
	header := make([]string, len(t.cols))
	for i, c := range t.cols {
		header[i] = c.title
	}
	hcells, hh := layout(header, hf)
	tr := tableTrace{name: t.name}
	d.pdf.SetLineWidth(0.2)
	d.pdf.SetDrawColor(0, 0, 0)
	drawRow := func(cells cellText, from, to int, h float64, ff *face, row int, isHeader bool) {
		x := d.g.left
		for i := range t.cols {
			grey := -1
			if isHeader {
				grey = 225
			} else if t.shade != nil {
				grey = t.shade(row, i)
			}
			style := "D"
			if grey >= 0 {
				d.pdf.SetFillColor(grey, grey, grey)
				style = "FD"
			}
			d.pdf.Rect(x, d.y, widths[i], h, style)
			lines := cells[i]
			a, b := min(from, len(lines)), min(to, len(lines))
			for k, ln := range lines[a:b] {
				lw := d.width(strings.TrimRight(ln, " "), ff, t.size)
				tx := x + cellPadX
				switch {
				case t.cols[i].align == 'C' || isHeader:
					tx = x + (widths[i]-lw)/2
				case t.cols[i].align == 'R':
					tx = x + widths[i] - cellPadX - lw
				}
				d.drawText(tx, baseline(d.y+cellPadY+float64(k)*lh, lh, t.size), ln, ff, t.size, 0)
			}
			x += widths[i]
		}
		d.y += h
	}
	startPage := func(split bool, row int) {
		drawRow(hcells, 0, len(hcells[0])+99, hh, hf, -1, true)
		tr.pages = append(tr.pages, tablePage{page: d.pdf.PageNo(), header: true, first: row, last: row - 1, split: split})
	}
	d.need(hh + lh + 2*cellPadY)
	startPage(false, 0)
	for r, row := range t.rows {
		cells, h := layout(row, f)
		if d.y+h > d.bottom()+1e-6 {
			full := d.bottom() - d.g.top - hh
			if h <= full {
				d.newPage(d.g)
				startPage(false, r)
			} else {
				// Taller than a page: split by lines, header on each page.
				n := int(math.Round((h - 2*cellPadY) / lh))
				from := 0
				if d.y+2*lh+2*cellPadY > d.bottom() {
					d.newPage(d.g)
					startPage(false, r)
				}
				for from < n {
					fit := int((d.bottom() - d.y - 2*cellPadY) / lh)
					to := min(n, from+max(fit, 1))
					drawRow(cells, from, to, float64(to-from)*lh+2*cellPadY, f, r, false)
					tr.pages[len(tr.pages)-1].last = r
					from = to
					if from < n {
						d.newPage(d.g)
						startPage(true, r)
					}
				}
				continue
			}
		}
		drawRow(cells, 0, int(math.Round((h-2*cellPadY)/lh)), h, f, r, false)
		tr.pages[len(tr.pages)-1].last = r
	}
	d.trace = append(d.trace, tr)
}
