package report

import (
	"fmt"
	"strings"
)

// category is a group of cell states drawn alike in charts: a grey level and
// a hatching, so that the chart reads in black-and-white print.
type category struct {
	name  string
	grey  int  // background grey level
	hatch byte // 0 none, '/' diagonal, '|' vertical
	dark  bool // numbers in white
}

// The categories of cell states, in drawing order.
const (
	catDone = iota
	catInProgress
	catNotStarted
	catOverdue
	catUnknown
	numCats
)

var categories = [numCats]category{
	{name: "已完成", grey: 70, dark: true},
	{name: "推进中", grey: 175},
	{name: "未启动", grey: 255},
	{name: "逾期未完成", grey: 255, hatch: '/'},
	{name: "未报或填报不全", grey: 225, hatch: '|'},
}

// barRow is one bar of a stacked bar chart: a label and counts by category.
type barRow struct {
	label  string
	counts [numCats]int
}

func (r barRow) total() int {
	t := 0
	for _, n := range r.counts {
		t += n
	}
	return t
}

// chartTrace records a chart's pages for tests.
type chartTrace struct {
	caption string
	pages   []int
}

// swatch fills a rectangle with a category's grey and hatching, outlined.
func (d *doc) swatch(x, y, w, h float64, c category) {
	p := d.pdf
	p.SetFillColor(c.grey, c.grey, c.grey)
	p.SetDrawColor(0, 0, 0)
	p.SetLineWidth(0.2)
	p.Rect(x, y, w, h, "F")
	if c.hatch != 0 && w > 0.3 {
		p.ClipRect(x, y, w, h, false)
		p.SetLineWidth(0.25)
		const step = 1.3
		switch c.hatch {
		case '/':
			for t := -h; t < w; t += step {
				p.Line(x+t, y+h, x+t+h, y)
			}
		case '|':
			for t := step / 2; t < w; t += step {
				p.Line(x+t, y, x+t, y+h)
			}
		}
		p.ClipEnd()
		p.SetLineWidth(0.2)
	}
	p.Rect(x, y, w, h, "D")
}

// legend draws the categories in one row at the cursor.
func (d *doc) legend(cats []int) {
	f := d.fonts.body
	const size = ptTable
	x := d.g.left
	h := 6.0
	for _, i := range cats {
		c := categories[i]
		d.swatch(x, d.y+1.5, 6, 3.2, c)
		name := d.rp.clean(c.name, f)
		d.drawText(x+7.5, baseline(d.y, h, size), name, f, size, 0)
		x += 7.5 + d.width(name, f, size) + 5
	}
	d.y += h + 1
}

// stackedBars draws one horizontal bar per row, each split by category as a
// share of the row's total (so every bar is 100%), labelled with the counts
// and done/total on the right. It breaks across pages, repeating the legend
// and axis, and puts the caption under the chart.
func (d *doc) stackedBars(caption string, rows []barRow) {
	f := d.fonts.body
	const size = ptTable
	const rowH, barH = 6.2, 4.4
	tw := d.textWidth()
	labelW := 0.0
	labels := make([]string, len(rows))
	for i, r := range rows {
		labels[i] = d.rp.clean(r.label, f)
		labelW = max(labelW, d.width(labels[i], f, size))
	}
	labelW = min(labelW+2, 0.3*tw)
	rightW := d.width("完成/应报", f, size) + 3
	barW := tw - labelW - rightW
	axisH := 6.0
	capH := 9.0
	var used []int
	for c := range numCats {
		for _, r := range rows {
			if r.counts[c] > 0 {
				used = append(used, c)
				break
			}
		}
	}
	// Long labels wrap to two lines (shrunk if even that is not enough).
	labelLines := make([][]string, len(rows))
	labelSize := make([]float64, len(rows))
	heights := make([]float64, len(rows))
	for i := range rows {
		ls := size
		lines := breakLines(labels[i], labelW-2, labelW-2, d.runeWidth(f, ls))
		for len(lines) > 2 && ls > 5 {
			ls -= 0.5
			lines = breakLines(labels[i], labelW-2, labelW-2, d.runeWidth(f, ls))
		}
		labelLines[i], labelSize[i] = lines, ls
		heights[i] = max(rowH, float64(len(lines))*ls*mmPerPt*1.25+1.5)
	}
	tr := chartTrace{caption: caption}
	start := 0
	for start < len(rows) || start == 0 {
		// How many rows fit on this page below legend, above axis and caption.
		fixed := 7.0 + axisH + capH
		if d.y+fixed+2*rowH > d.bottom() {
			d.newPage(d.g)
		}
		n, h := 0, 0.0
		for start+n < len(rows) && (n == 0 || d.y+fixed+h+heights[start+n] <= d.bottom()) {
			h += heights[start+n]
			n++
		}
		if rest := len(rows) - start - n; rest > 0 && rest < 3 && n > 3 {
			for k := 0; k < 3-rest; k++ { // no orphan bars on the next page
				n--
				h -= heights[start+n]
			}
		}
		tr.pages = append(tr.pages, d.pdf.PageNo())
		d.legend(used)
		x0 := d.g.left + labelW
		head := d.rp.clean("完成/应报", f)
		d.drawText(x0+barW+2, d.y-2.2, head, f, size, 0)
		top := d.y
		// Grid.
		d.pdf.SetDrawColor(160, 160, 160)
		d.pdf.SetLineWidth(0.15)
		d.pdf.SetDashPattern([]float64{0.8, 0.8}, 0)
		for t := 0; t <= 100; t += 20 {
			x := x0 + barW*float64(t)/100
			d.pdf.Line(x, top, x, top+h)
		}
		d.pdf.SetDashPattern(nil, 0)
		for i := start; i < start+n; i++ {
			r := rows[i]
			rowH := heights[i]
			y := d.y + (rowH-barH)/2
			ls := labelSize[i]
			lh := ls * mmPerPt * 1.25
			ly := d.y + (rowH-float64(len(labelLines[i]))*lh)/2
			for k, ln := range labelLines[i] {
				d.drawText(x0-1.5-d.width(strings.TrimRight(ln, " "), f, ls), baseline(ly+float64(k)*lh, lh, ls), ln, f, ls, 0)
			}
			total := r.total()
			x := x0
			for c := range numCats {
				if r.counts[c] == 0 || total == 0 {
					continue
				}
				w := barW * float64(r.counts[c]) / float64(total)
				d.swatch(x, y, w, barH, categories[c])
				num := fmt.Sprint(r.counts[c])
				nw := d.width(num, f, size)
				if w >= nw+1.6 {
					cx := x + (w-nw)/2
					if categories[c].hatch != 0 {
						d.pdf.SetFillColor(255, 255, 255)
						d.pdf.Rect(cx-0.5, y+0.6, nw+1, barH-1.2, "F")
					}
					if categories[c].dark {
						d.pdf.SetTextColor(255, 255, 255)
					}
					d.drawText(cx, baseline(y, barH, size), num, f, size, 0)
					d.pdf.SetTextColor(0, 0, 0)
				}
				x += w
			}
			if total == 0 {
				d.drawText(x0+1, baseline(d.y, rowH, size), d.rp.clean("无应报节点", f), f, size, 0)
			}
			right := d.rp.clean(fmt.Sprintf("%d/%d", r.counts[catDone], total), f)
			d.drawText(x0+barW+2, baseline(d.y, rowH, size), right, f, size, 0)
			d.y += rowH
		}
		// Axis.
		d.pdf.SetDrawColor(0, 0, 0)
		d.pdf.SetLineWidth(0.2)
		d.pdf.Line(x0, top, x0, d.y)
		d.pdf.Line(x0, d.y, x0+barW, d.y)
		for t := 0; t <= 100; t += 20 {
			x := x0 + barW*float64(t)/100
			d.pdf.Line(x, d.y, x, d.y+1)
			s := fmt.Sprintf("%d%%", t)
			d.drawText(x-d.width(s, f, size)/2, baseline(d.y+1, axisH-1, size), s, f, size, 0)
		}
		d.y += axisH
		c := caption
		start += n
		if start < len(rows) {
			c += "（续下页）"
		} else if len(tr.pages) > 1 {
			c += "（续完）"
		}
		d.paragraph(c, para{font: d.fonts.heading, size: ptCaption, line: capH, align: 'C'})
		if start >= len(rows) {
			break
		}
		d.newPage(d.g)
	}
	d.charts = append(d.charts, tr)
}
