package report

import (
	"math"
	"strings"
	"unicode"
)

// noStart holds the marks that may not begin a line (行首禁则).
var noStart = runeSet("，。、；：？！）》」』”’】〕〉〗｝］…—·％‰℃,.;:?!)]}%、々ー～")

// noEnd holds the marks that may not end a line (行尾禁则).
var noEnd = runeSet("（《「『“‘【〔〈〖｛［([{")

func runeSet(s string) map[rune]bool {
	m := map[rune]bool{}
	for _, r := range s {
		m[r] = true
	}
	return m
}

// wordRune reports whether r belongs to a Latin word or number that should
// not be split across lines.
func wordRune(r rune) bool {
	return r < 0x2E80 && (unicode.IsLetter(r) || unicode.IsDigit(r)) || r == '_' || r == '@'
}

// wordJoiner reports whether r continues a word when it stands between word
// runes: 2021-05-31, 3.5, a/b, e-mail.
func wordJoiner(r rune) bool {
	return strings.ContainsRune(".-/:'&+#", r)
}

// breakLines splits text into lines at most width wide (first for the first
// line, which may carry an indent), measuring each rune with w. Lines keep
// every rune of the text: joining them gives the text back, except for the
// line feeds "\n", which end a line and are dropped. Spaces at a line's end
// do not count towards its width. Marks of noStart never begin a line and
// marks of noEnd never end one, and Latin words and numbers stay whole,
// unless a line could not hold them at all.
func breakLines(text string, first, width float64, w func(rune) float64) []string {
	var lines []string
	for i, para := range strings.Split(text, "\n") {
		lw := width
		if i == 0 {
			lw = first
		}
		lines = append(lines, breakPara([]rune(para), lw, width, w)...)
	}
	return lines
}

// breakPara breaks one paragraph without line feeds.
func breakPara(rs []rune, first, width float64, w func(rune) float64) []string {
	if len(rs) == 0 {
		return []string{""}
	}
	// Clusters: runs that may not be broken inside.
	var clusters [][2]int // [start, end)
	for i := 0; i < len(rs); {
		j := i + 1
		if wordRune(rs[i]) {
			for j < len(rs) && (wordRune(rs[j]) || wordJoiner(rs[j]) && j+1 < len(rs) && wordRune(rs[j+1])) {
				j++
			}
		} else if rs[i] == ' ' {
			for j < len(rs) && rs[j] == ' ' {
				j++
			}
		}
		clusters = append(clusters, [2]int{i, j})
		i = j
	}
	// Glue: a no-start mark joins the cluster before it, a no-end mark the
	// cluster after it; spaces join what precedes them.
	var glued [][2]int
	joinNext := false
	for _, c := range clusters {
		r := rs[c[0]]
		if len(glued) > 0 && (joinNext || noStart[r] || r == ' ') {
			glued[len(glued)-1][1] = c[1]
		} else {
			glued = append(glued, c)
		}
		last := rs[c[1]-1]
		// (一 and “ stay with what follows; so does the dot of 三.2.
		joinNext = noEnd[last] || wordJoiner(last) && c[1]-c[0] == 1 && c[0] > 0 && rs[c[0]-1] != ' ' && c[1] < len(rs) && wordRune(rs[c[1]])
	}
	var lines []string
	limit := first
	start, cur := 0, 0.0 // start of the current line; its width without trailing spaces
	pending := 0.0       // width of trailing spaces on the current line
	flush := func(end int) {
		lines = append(lines, string(rs[start:end]))
		start, cur, pending = end, 0, 0
		limit = width
	}
	for _, g := range glued {
		gw, trail := 0.0, 0.0
		for k := g[0]; k < g[1]; k++ {
			rw := w(rs[k])
			if rs[k] == ' ' {
				trail += rw
			} else {
				gw += trail + rw
				trail = 0
			}
		}
		if start < g[0] && cur+pending+gw > limit+1e-9 {
			flush(g[0])
		}
		if start == g[0] && gw > limit+1e-9 {
			// The cluster alone is wider than a line: break it by rune.
			for k := g[0]; k < g[1]; k++ {
				rw := w(rs[k])
				if rs[k] == ' ' {
					pending += rw
					continue
				}
				if k > start && cur+pending+rw > limit+1e-9 {
					// Move a no-start mark down with the runes before it,
					// as far as the next line holds them.
					b, moved := k, rw
					for b > start+1 && noStart[rs[b]] && moved+w(rs[b-1]) <= width+1e-9 {
						b--
						moved += w(rs[b])
					}
					flush(b)
					cur = moved - rw
				}
				cur += pending + rw
				pending = 0
			}
			continue
		}
		cur += pending + gw
		pending = trail
	}
	if start < len(rs) || len(lines) == 0 {
		lines = append(lines, string(rs[start:]))
	}
	return lines
}

// balanceLines breaks a title into lines of about equal width.
func balanceLines(text string, width float64, w func(rune) float64) []string {
	lines := breakLines(text, width, width, w)
	if len(lines) < 2 {
		return lines
	}
	total := 0.0
	for _, r := range text {
		total += w(r)
	}
	n := len(lines)
	for target := total / float64(n); target <= width; target += w('一') / 2 {
		try := breakLines(text, target, target, w)
		if len(try) == n {
			return try
		}
	}
	return lines
}

// titleEnds and titleStarts are where a two-line title reads well when broken.
var (
	titleEnds   = []string{"关于", "月", "项目", "改革", "制度", "工作", "建设", "工程", "专项", "部署", "方案", "平台", "系统", "情况", "落实"}
	titleStarts = []string{"推进情况", "进展情况", "的报告", "情况的报告"}
)

// titleLines breaks a title into lines of about equal width; a title of two
// lines is broken, where that keeps the lines within 4 characters of each
// other, between words rather than inside one.
func titleLines(text string, width float64, w func(rune) float64) []string {
	lines := breakLines(text, width, width, w)
	if len(lines) != 2 || strings.Contains(text, "\n") {
		return balanceLines(text, width, w)
	}
	rs := []rune(text)
	total := 0.0
	for _, r := range rs {
		total += w(r)
	}
	em := w('一')
	best, bestScore := -1, math.Inf(1)
	w1 := 0.0
	for i := 1; i < len(rs); i++ {
		w1 += w(rs[i-1])
		w2 := total - w1
		if w1 > width+1e-9 || w2 > width+1e-9 || noStart[rs[i]] || noEnd[rs[i-1]] ||
			wordRune(rs[i-1]) && wordRune(rs[i]) || rs[i] == ' ' {
			continue
		}
		score := math.Abs(w1 - w2)
		if !goodTitleBreak(string(rs[:i]), string(rs[i:])) {
			score += 4 * em
		}
		if score < bestScore {
			best, bestScore = i, score
		}
	}
	if best < 0 {
		return balanceLines(text, width, w)
	}
	return []string{string(rs[:best]), string(rs[best:])}
}

func goodTitleBreak(before, after string) bool {
	for _, s := range titleEnds {
		if strings.HasSuffix(before, s) {
			return true
		}
	}
	for _, s := range titleStarts {
		if strings.HasPrefix(after, s) {
			return true
		}
	}
	return false
}
