package taizhang

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// unitKey folds the usual long forms of department names to the short ones,
// after Normalize.
var unitKeyReplacer = strings.NewReplacer(
	"住房和城乡建设", "住房城乡建设",
	"发展和改革委员会", "发展改革委",
	"发展改革委员会", "发展改革委",
	"内蒙古自治区", "自治区",
	"内蒙古", "",
)

func unitKey(s string) string {
	n := Normalize(s)
	n = strings.Trim(n, ":：,，;；。.、")
	return unitKeyReplacer.Replace(n)
}

// ErrNoUnit is returned by MatchUnit for a name that is empty or only punctuation.
var ErrNoUnit = errors.New("单位为空")

// MatchUnit finds the unit a person meant: by name or alias (呼市, 锡盟,
// 自治区住房和城乡建设厅), or by a name contained in a longer one
// (包头市住房和城乡建设局 → 包头市). An empty, unknown or ambiguous name is
// an error that says so in Chinese, starting with 单位; an empty one is ErrNoUnit.
func (p *Programme) MatchUnit(text string) (string, error) {
	n := unitKey(text)
	if n == "" {
		return "", ErrNoUnit
	}
	type hit struct {
		unit     int
		pos, end int
	}
	if p.ix != nil {
		if i, ok := p.ix.exact[n]; ok {
			return p.Units[i].Name, nil
		}
	}
	var hits []hit
	if p.ix != nil {
		// Every key found in n, at its first place: each piece of n is
		// looked up, rather than each of thousands of units' keys looked
		// for in n.
		var seen map[string]bool
		for at := 0; at < len(n); {
			for end := at + 1; end <= len(n) && end-at <= p.ix.maxKey; end++ {
				if end < len(n) && !utf8.RuneStart(n[end]) {
					continue
				}
				k := n[at:end]
				units, ok := p.ix.byKey[k]
				if !ok || seen[k] {
					continue
				}
				if seen == nil {
					seen = map[string]bool{}
				}
				seen[k] = true
				for _, i := range units {
					hits = append(hits, hit{i, at, end})
				}
			}
			_, size := utf8.DecodeRuneInString(n[at:])
			at += size
		}
	} else {
		for i, u := range p.Units {
			for _, k := range p.unitKeys(i) {
				if k == n {
					return u.Name, nil
				}
				if k == "" {
					continue
				}
				if at := strings.Index(n, k); at >= 0 {
					hits = append(hits, hit{i, at, at + len(k)})
				}
			}
		}
	}
	// Drop hits inside a longer hit of another unit (呼市 inside …).
	var kept []hit
	for _, h := range hits {
		inside := false
		for _, o := range hits {
			if o.unit != h.unit && o.pos <= h.pos && o.end >= h.end && o.end-o.pos > h.end-h.pos {
				inside = true
				break
			}
		}
		if !inside {
			kept = append(kept, h)
		}
	}
	units := map[int]bool{}
	for _, h := range kept {
		units[h.unit] = true
	}
	if len(units) == 0 && utf8.RuneCountInString(n) >= 2 {
		// A short form of a name: 包头 → 包头市, 自然资源厅 → 自治区自然资源厅.
		for i := range p.Units {
			for _, k := range p.unitKeys(i) {
				if strings.HasPrefix(k, n) || strings.HasSuffix(k, n) && utf8.RuneCountInString(n) >= 4 {
					units[i] = true
				}
			}
		}
	}
	var names []string
	var cities []int
	for i := range p.Units {
		if units[i] {
			names = append(names, p.Units[i].Name)
			if p.Units[i].Kind == City {
				cities = append(cities, i)
			}
		}
	}
	switch {
	case len(names) == 1:
		return names[0], nil
	case len(names) > 1 && len(cities) == 1:
		// 包头市政务服务局 is the city's own bureau.
		return p.Units[cities[0]].Name, nil
	case len(names) > 1:
		return "", fmt.Errorf("单位%q可能是 %s，请只填写一个单位的全称", Quote(text), strings.Join(names, "、"))
	}
	return "", fmt.Errorf("单位%q不是本专项工作的填报单位，请填写如 %s", Quote(text), p.ExampleUnit())
}

// Subdivision returns the place below unit that text names after the
// unit's name — 康巴什区 in 鄂尔多斯市康巴什区, 阿拉善左旗 in
// 阿拉善盟阿拉善左旗: a district, county or banner (区, 县, 旗), or a
// county-level city (满洲里市) — or "" when text names none (包头市,
// 包头市人民政府, 包头市住房和城乡建设局).
func (p *Programme) Subdivision(text, unit string) string {
	i := p.UnitIndex(unit)
	if i == len(p.Units) {
		return ""
	}
	keys := slices.Clone(p.unitKeys(i))
	slices.SortFunc(keys, func(a, b string) int { return len(b) - len(a) })
	n := unitKey(text)
	for _, k := range keys {
		at := strings.Index(n, k)
		if k == "" || at < 0 {
			continue
		}
		// A name of two to eleven Chinese characters ending in 区, 县 or
		// 旗 (or in 市, ending the text) right after the unit's.
		// An office's name (局, 委, 厅, 办, 府, 署, 心, 站, 所, 队) before it
		// is a bureau's branch: 住房城乡建设局城区分局.
		rest := []rune(n[at+len(k):])
		for j, r := range rest {
			if j > 10 || !unicode.Is(unicode.Han, r) || strings.ContainsRune("局委厅办府署心站所队", r) {
				break
			}
			if j == 0 {
				continue
			}
			tail := string(rest[j+1:])
			if r == '区' || r == '县' || r == '旗' || r == '市' && (tail == "" || tail == "人民政府" || tail == "政府") {
				return string(rest[:j+1])
			}
		}
		return ""
	}
	return ""
}

// ExampleUnit returns a unit's name to show in a message: the programme's
// second unit (the first city after the capital, in the built-in one), its
// only unit, or 包头市 when it has none.
func (p *Programme) ExampleUnit() string {
	if len(p.Units) > 1 {
		return p.Units[1].Name
	}
	if len(p.Units) == 1 {
		return p.Units[0].Name
	}
	return "包头市"
}

// unitKeys returns the keys of unit i, from the index when there is one.
func (p *Programme) unitKeys(i int) []string {
	if p.ix != nil && i < len(p.ix.keys) {
		return p.ix.keys[i]
	}
	return p.Units[i].keys()
}

func (u *Unit) keys() []string {
	ks := make([]string, 0, 1+len(u.Aliases))
	ks = append(ks, unitKey(u.Name))
	for _, a := range u.Aliases {
		ks = append(ks, unitKey(a))
	}
	return ks
}

// MilestoneRef is a milestone number as written in a sheet: measure and,
// when given, the position of the milestone within it.
type MilestoneRef struct {
	Measure int
	Sub     int // 0 when not given
}

// ParseMilestoneRef reads a milestone number in any usual form: (三), （三）,
// 三, 3, 三、, 三.1, 3-1, 三-1, （三）1, (三)2, 三(1), 3.1. Text after the
// number (a title) is returned as rest. ok is false when s does not start
// with a number.
func ParseMilestoneRef(s string) (ref MilestoneRef, rest string, ok bool) {
	r := refMemo.get(s, func(s string) parsedRef {
		ref, rest, ok := parseMilestoneRef(s)
		return parsedRef{ref, rest, ok}
	})
	return r.ref, r.rest, r.ok
}

type parsedRef struct {
	ref  MilestoneRef
	rest string
	ok   bool
}

// refMemo remembers ParseMilestoneRef's answers: every sheet of a batch
// repeats the programme's numbers and node titles, and reading them anew
// (Normalize, mostly) was a tenth of the time spent matching rows.
var refMemo = memo[parsedRef]{maxBytes: 128} // a number and a node's title

func parseMilestoneRef(s string) (ref MilestoneRef, rest string, ok bool) {
	n := Normalize(s)
	n = strings.TrimPrefix(n, "整改措施")
	n = strings.TrimPrefix(n, "措施")
	n = strings.TrimPrefix(n, "节点")
	n = strings.TrimPrefix(n, "第")
	paren := false
	if strings.HasPrefix(n, "(") {
		end := strings.IndexByte(n, ')')
		if end < 0 {
			return ref, "", false
		}
		m, tail, good := leadingNumber(n[1:end])
		if !good || tail != "" {
			return ref, "", false
		}
		ref.Measure, n, paren = m, n[end+1:], true
	} else {
		m, tail, good := leadingNumber(n)
		if !good || !numberEnds(n, tail) {
			return ref, "", false
		}
		// 三1 is 三.1: a Chinese measure number followed by an Arabic one.
		paren = tail != "" && !isDigit(n[0]) && isDigit(tail[0])
		ref.Measure, n = m, tail
	}
	n = strings.TrimPrefix(n, "项")
	// The sub-number: .1 -1 、1 (1) or, after a parenthesised measure, 1.
	sub := n
	sep := false
	for _, p := range []string{".", "-", "、", "_", "—", "．"} {
		if strings.HasPrefix(sub, p) {
			sub, sep = sub[len(p):], true
			break
		}
	}
	if strings.HasPrefix(sub, "(") {
		if end := strings.IndexByte(sub, ')'); end > 0 {
			if k, err := strconv.Atoi(sub[1:end]); err == nil && k > 0 && k < 100 {
				return MilestoneRef{ref.Measure, k}, trimTitle(sub[end+1:]), true
			}
		}
	}
	if sep || paren {
		j := 0
		for j < len(sub) && j < 2 && sub[j] >= '0' && sub[j] <= '9' {
			j++
		}
		if j > 0 && (j == len(sub) || sub[j] < '0' || sub[j] > '9') {
			k, _ := strconv.Atoi(sub[:j])
			if k > 0 {
				return MilestoneRef{ref.Measure, k}, trimTitle(sub[j:]), true
			}
		}
		if sep {
			return ref, trimTitle(sub), true
		}
	}
	return ref, trimTitle(n), true
}

// numberEnds reports whether the number read from s, leaving tail, stands
// alone: 三、 三.1 三(1) 三项 3 are numbers; 一网通办, 一个窗口, 3月底前 are text.
func numberEnds(s, tail string) bool {
	if tail == "" {
		return true
	}
	r, _ := utf8.DecodeRuneInString(tail)
	if c := tail[0]; c < utf8.RuneSelf {
		if isDigit(c) {
			return !isDigit(s[0]) // 三1
		}
		return !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z')
	}
	return strings.ContainsRune("、．—：）项", r)
}

func trimTitle(s string) string {
	return strings.TrimLeft(s, ".、-:：_)")
}

// leadingNumber reads 1..99 in Arabic or Chinese numerals at the start of s.
func leadingNumber(s string) (n int, rest string, ok bool) {
	j := 0
	for j < len(s) && j < 3 && s[j] >= '0' && s[j] <= '9' {
		j++
	}
	if j > 0 {
		if j < len(s) && s[j] >= '0' && s[j] <= '9' {
			return 0, s, false
		}
		n, _ = strconv.Atoi(s[:j])
		// "3.1" is measure 3, "2021" is not a measure.
		if n < 1 || n > 99 {
			return 0, s, false
		}
		return n, s[j:], true
	}
	// Chinese numerals up to 九十九.
	var rs []rune
	for _, r := range s {
		if !strings.ContainsRune("一二三四五六七八九十", r) || len(rs) == 3 {
			break
		}
		rs = append(rs, r)
	}
	if len(rs) == 0 {
		return 0, s, false
	}
	for len(rs) > 0 {
		if v, good := chineseValue(string(rs)); good {
			return v, s[len(string(rs)):], true
		}
		rs = rs[:len(rs)-1]
	}
	return 0, s, false
}

func chineseValue(s string) (int, bool) {
	for v := 1; v < 100; v++ {
		if ChineseNumber(v) == s {
			return v, true
		}
	}
	return 0, false
}

// MatchMilestone finds the milestone a row reports on, from the 措施编号
// cell (no), the 节点 cell (node) and the title text in either or in the
// 整改措施 cell (title). byTitle is true when the number was missing or
// unusable and the title decided. A nil milestone means no match.
func (p *Programme) MatchMilestone(no, node, title string) (ms *Milestone, byTitle bool) {
	refNo, restNo, okNo := ParseMilestoneRef(no)
	refNode, restNode, okNode := ParseMilestoneRef(node)
	find := func(r MilestoneRef) *Milestone {
		m := p.MeasureOf(r.Measure)
		if m == nil {
			return nil
		}
		if r.Sub == 0 {
			if len(m.Milestones) == 1 {
				return &m.Milestones[0]
			}
			return nil
		}
		for i := range m.Milestones {
			if m.Milestones[i].Sub == r.Sub || len(m.Milestones) == 1 && r.Sub == 1 {
				return &m.Milestones[i]
			}
		}
		return nil
	}
	if okNode {
		// 节点 "1" under 措施编号 "(三)" is 三.1.
		if okNo && refNo.Sub == 0 && refNode.Sub == 0 && refNo.Measure != refNode.Measure {
			if m := p.MeasureOf(refNo.Measure); m != nil && len(m.Milestones) > 1 && refNode.Measure <= len(m.Milestones) && restNode == "" {
				return &m.Milestones[refNode.Measure-1], false
			}
		}
		if !okNo || refNo.Measure == refNode.Measure {
			if ms := find(refNode); ms != nil {
				return ms, false
			}
		}
	}
	if okNo {
		if ms := find(refNo); ms != nil {
			return ms, false
		}
	}
	// By title: within the numbered measure when there is one.
	var within *Measure
	switch {
	case okNo:
		within = p.MeasureOf(refNo.Measure)
	case okNode:
		within = p.MeasureOf(refNode.Measure)
	}
	texts := []string{restNode, restNo, node, title}
	if ms := p.matchTitle(texts, within); ms != nil {
		return ms, true
	}
	if within != nil {
		if ms := p.matchTitle(texts, nil); ms != nil {
			if ms.Measure == within.No {
				return ms, true
			}
			// A 节点 written as the template writes it ("六 全面推行…"),
			// naming a milestone of another measure by number and title
			// alike, wins over the 措施编号: one spilled from a merged cell
			// that spans too many rows, or copied down by mistake.
			if f := strings.Fields(node); len(f) > 1 && f[0] == ms.ID && p.matchTitle([]string{strings.Join(f[1:], "")}, nil) == ms {
				return ms, false
			}
		}
	}
	return nil, false
}

// NumberColumn reports whether numbers, the values of a column headed 序号 or
// 编号 in the rows of entries, are measure or milestone numbers rather than a
// count of the rows. They are when most values (three in four), and at least
// two or all, read as a number alone and some are written as only milestone
// numbers are ((三), 三.1, 3-1); when all are plain 1, 2, 3…, they must name
// the measure that the row's title names wherever a title names one, and,
// with no title to go by, not simply count the rows. Empty values are passed
// over; none at all is false.
func (p *Programme) NumberColumn(numbers []string, entries []Entry) bool {
	n, other, checked := 0, 0, 0
	plain, counts, disagree := true, true, false
	for i, v := range numbers {
		v = Normalize(v)
		if v == "" {
			continue
		}
		ref, rest, ok := ParseMilestoneRef(v)
		if !ok || rest != "" {
			other++
			continue
		}
		n++
		if !allDigits(v) {
			plain = false
			continue
		}
		if k, _ := strconv.Atoi(v); k != n {
			counts = false
		}
		// The titles of the first rows are enough to tell.
		if i < len(entries) && checked < numberChecks && !disagree {
			if ms, _ := p.MatchMilestone("", entries[i].Node, entries[i].Measure); ms != nil {
				disagree = ms.Measure != ref.Measure
				checked++
			}
		}
	}
	switch {
	case n == 0, other > 0 && (n < 2 || other*4 > n+other):
		return false
	case !plain:
		return true
	case disagree:
		return false
	case checked > 0:
		return true
	}
	return !counts
}

// NumberRun is a run of rows of a column read as 措施编号 whose milestones
// their place tells (Programme.PlaceNumbers).
type NumberRun struct {
	Start int      // index of the run's first value
	IDs   []string // the milestone of each row of the run
	Head  string   // the number of the heading row above the run; "" when its rows all carry their measure's number
}

// PlaceNumbers finds, in the values of a column read as 措施编号 (in row
// order, entry telling which rows were read as entries), the rows whose
// milestone only their place tells: under a heading row that numbers a
// measure once (三, or （三） without the progress of a row) its milestones
// numbered 1, 2, 3 (or 1. 1、 (1)); and rows that each carry the same measure
// number, as many as the measure has milestones, taken in order. Nil when
// there are none.
func (p *Programme) PlaceNumbers(values []string, entry []bool) []NumberRun {
	measureOnly := func(v string) *Measure {
		ref, rest, ok := ParseMilestoneRef(Normalize(v))
		if !ok || rest != "" || ref.Sub != 0 {
			return nil
		}
		return p.MeasureOf(ref.Measure)
	}
	var runs []NumberRun
	for i := 0; i < len(values); i++ {
		m := measureOnly(values[i])
		if m == nil {
			continue
		}
		// A heading: sub-numbers 1, 2, … follow.
		if n := Normalize(values[i]); !allDigits(n) && (len(m.Milestones) > 1 || !entry[i]) {
			var ids []string
			for j := i + 1; j < len(values) && entry[j] && len(ids) < len(m.Milestones); j++ {
				if k, ok := subNumber(values[j]); !ok || k != len(ids)+1 {
					break
				}
				ids = append(ids, m.Milestones[len(ids)].ID)
			}
			if len(ids) > 0 {
				runs = append(runs, NumberRun{Start: i + 1, IDs: ids, Head: values[i]})
				i += len(ids)
				continue
			}
		}
		// Rows that all carry their measure's number.
		if len(m.Milestones) < 2 || !entry[i] {
			continue
		}
		j := i + 1
		for j < len(values) && entry[j] && measureOnly(values[j]) == m {
			j++
		}
		if j-i == len(m.Milestones) {
			var ids []string
			for _, ms := range m.Milestones {
				ids = append(ids, ms.ID)
			}
			runs = append(runs, NumberRun{Start: i, IDs: ids})
		}
		i = j - 1
	}
	return runs
}

// subNumber reads the number of a milestone under its measure's heading: 1,
// 1. 1、 (1) or （1）.
func subNumber(v string) (int, bool) {
	n := Normalize(v)
	if t, ok := strings.CutPrefix(n, "("); ok {
		if t, ok = strings.CutSuffix(t, ")"); !ok {
			return 0, false
		}
		n = t
	} else {
		n = strings.TrimSuffix(strings.TrimSuffix(n, "."), "、")
	}
	if !allDigits(n) || len(n) > 3 {
		return 0, false
	}
	k, err := strconv.Atoi(n)
	return k, err == nil
}

// numberChecks is how many rows' titles NumberColumn compares with their numbers.
const numberChecks = 50

// MatchMilestoneUnder finds the milestone of a row that has no number of its
// own and sits below rows of measure m (a measure written once over its
// milestones without merging the cell): node or title must name a milestone
// of m by its title. Nil means no match; the row is not given to m for want
// of anything better.
func (p *Programme) MatchMilestoneUnder(m int, node, title string) *Milestone {
	within := p.MeasureOf(m)
	if within == nil {
		return nil
	}
	return p.matchTitle([]string{node, title}, within)
}

// matchTitle finds the one milestone whose title (or, for a measure with a
// single milestone, whose measure title) is equal to, contains or is
// contained in one of texts; or failing that is clearly the most similar.
func (p *Programme) matchTitle(texts []string, within *Measure) *Milestone {
	type cand struct {
		ms    *Milestone
		names []string
	}
	var cands []cand
	for i := range p.Measures {
		m := &p.Measures[i]
		if within != nil && m != within {
			continue
		}
		for j := range m.Milestones {
			ms := &m.Milestones[j]
			names := []string{titleKey(ms.Title)}
			if len(m.Milestones) == 1 {
				names = append(names, titleKey(m.Title))
			}
			cands = append(cands, cand{ms, names})
		}
	}
	for _, t := range texts {
		k := titleKey(t)
		if utf8.RuneCountInString(k) < 4 {
			continue
		}
		var found []*Milestone
		for _, c := range cands {
			for _, name := range c.names {
				if name != "" && (name == k || strings.Contains(k, name) || strings.Contains(name, k)) {
					found = append(found, c.ms)
					break
				}
			}
		}
		if len(found) == 1 {
			return found[0]
		}
		// Similarity on character pairs, for titles that were retyped.
		if utf8.RuneCountInString(k) > maxSimilar {
			continue
		}
		best, second := 0.0, 0.0
		var bestMs *Milestone
		for _, c := range cands {
			for _, name := range c.names {
				s := dice(k, name)
				if s > best {
					if bestMs != c.ms {
						second = best
					}
					best, bestMs = s, c.ms
				} else if s > second && bestMs != c.ms {
					second = s
				}
			}
		}
		if best >= 0.6 && best-second >= 0.2 {
			return bestMs
		}
	}
	return nil
}

// maxSimilar is the longest text, in characters, compared by similarity; a
// longer one can still contain a title.
const maxSimilar = 500

var titleKeyReplacer = strings.NewReplacer("\"", "", "“", "", "”", "", "'", "", "‘", "", "’", "", "《", "", "》", "", "、", "", ",", "", "，", "", "。", "", ".", "", "(", "", ")", "")

func titleKey(s string) string { return titleKeyReplacer.Replace(Normalize(s)) }

// dice returns the Sørensen–Dice similarity of the character bigrams of a and b.
func dice(a, b string) float64 {
	ba, bb := bigrams(a), bigrams(b)
	if len(ba) == 0 || len(bb) == 0 {
		return 0
	}
	common := 0
	counts := map[string]int{}
	for _, g := range bb {
		counts[g]++
	}
	for _, g := range ba {
		if counts[g] > 0 {
			counts[g]--
			common++
		}
	}
	return 2 * float64(common) / float64(len(ba)+len(bb))
}

func bigrams(s string) []string {
	rs := []rune(s)
	if len(rs) < 2 {
		return nil
	}
	out := make([]string, 0, len(rs)-1)
	for i := 0; i+1 < len(rs); i++ {
		out = append(out, string(rs[i:i+2]))
	}
	return out
}

// SortUnits orders unit names as the programme lists them; unknown names last, by name.
func (p *Programme) SortUnits(names []string) {
	slices.SortStableFunc(names, func(a, b string) int {
		ia, ib := p.UnitIndex(a), p.UnitIndex(b)
		if ia != ib {
			return ia - ib
		}
		return strings.Compare(a, b)
	})
}

// UnitBySender returns the unit whose e-mail addresses include sender, or "".
func (p *Programme) UnitBySender(sender string) string {
	sender = strings.TrimSpace(sender)
	if sender == "" {
		return ""
	}
	for _, u := range p.Units {
		for _, e := range u.Emails {
			if strings.EqualFold(strings.TrimSpace(e), sender) {
				return u.Name
			}
		}
	}
	return ""
}
