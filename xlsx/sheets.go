package xlsx

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"taizhang"
)

// table is a sheet that holds a progress table, with the period its header
// block, name or title names. Workbooks kept by a unit over several periods
// hold one such sheet per period (4月上半月, 4月下半月, …; 第1期, 第2期; 4.15, 4.30).
type table struct {
	*scan
	period taizhang.Period // zero when the sheet names none
	exact  bool            // period's year was written or known, not assumed for ordering
	byName bool            // period was read from the sheet's name
	ord    int             // N of 第N期 in its name or title, when period is zero
	hidden bool            // the sheet is hidden
}

// guessYear orders periods written without a year when no year is known
// anywhere; such a period is never taken as the sheet's period.
const guessYear = 2000

// tableOf reads the period a table's sheet names: its 报送期次 cell, else its
// name (a period or a date), else its title; else a 第N期 ordinal.
func (r *reader) tableOf(sc *scan, year int) *table {
	t := &table{scan: sc}
	s := r.schedule()
	var periodText, filledText string
	for _, tr := range sc.h.top {
		for _, kv := range labelled(tr.cells) {
			switch {
			case kv.kind == labelPeriod && periodText == "":
				periodText = kv.value
			case kv.kind == labelFilled && filledText == "":
				filledText = kv.value
			}
		}
	}
	title := titleOf(sc.h.top)
	if d, err := taizhang.ParseDate(filledText, 0); err == nil {
		year = d.Year
	} else if y := max(yearIn(title), yearIn(sc.sheet)); y > 0 {
		year = y
	}
	find := func(y int) (taizhang.Period, bool, bool) {
		if periodText != "" {
			if q, err := taizhang.ParsePeriod(periodText, s, y); err == nil {
				return q, false, true
			}
			if q, ok := taizhang.FindPeriod(periodText, s, y); ok {
				return q, false, true
			}
		}
		if q, ok := taizhang.FindPeriod(sc.sheet, s, y); ok {
			return q, true, true
		}
		if d, ok := dateIn(sc.sheet, y); ok {
			return taizhang.PeriodOf(d, s), true, true
		}
		if q, ok := taizhang.FindPeriod(title, s, y); ok {
			return q, false, true
		}
		return taizhang.Period{}, false, false
	}
	var ok bool
	if t.period, t.byName, ok = find(year); ok {
		t.exact = true
	} else if year == 0 {
		t.period, t.byName, _ = find(guessYear)
	}
	if t.period.IsZero() {
		if t.ord = ordinalIn(sc.sheet); t.ord == 0 {
			t.ord = ordinalIn(title)
		}
	}
	return t
}

// better reports whether table t is to be read rather than u, which comes
// before it in the workbook: one that is no worked example (exampleSheet),
// then the one of the wanted period, else the one of
// the latest period (第N期 counts when no sheet names a period), else the
// shown one rather than a hidden one, else the one with the fuller header.
func (t *table) better(u *table, wanted taizhang.Period) bool {
	if a, b := exampleSheet(t.sheet), exampleSheet(u.sheet); a != b {
		return !a
	}
	match := func(x *table) bool { return !wanted.IsZero() && x.exact && x.period == wanted }
	if a, b := match(t), match(u); a != b {
		return a
	}
	kind := func(x *table) int {
		switch {
		case !x.period.IsZero():
			return 2
		case x.ord > 0:
			return 1
		}
		return 0
	}
	if a, b := kind(t), kind(u); a != b {
		return a > b
	}
	if c := t.period.Compare(u.period); kind(t) == 2 && c != 0 {
		return c > 0
	}
	if t.hidden != u.hidden {
		return !t.hidden
	}
	if t.ord != u.ord {
		return t.ord > u.ord
	}
	return t.h.score > u.h.score
}

// wantedPeriod returns the period whose sheet a workbook of several periods
// should give: the command line's, else the one in the file name, else the
// one in the e-mail subject; and where it came from.
func (r *reader) wantedPeriod(year int) (taizhang.Period, string) {
	if !r.opt.Table.IsZero() {
		return r.opt.Table, "往期"
	}
	if !r.cli().IsZero() {
		return r.cli(), "命令行 --period 指定的期次"
	}
	s := r.schedule()
	if q, ok := taizhang.FindPeriod(fileStem(r.src.Name), s, year); ok {
		return q, "文件名中的期次"
	}
	if q, ok := taizhang.FindPeriod(r.src.Subject, s, year); ok {
		return q, "邮件主题中的期次"
	}
	return taizhang.Period{}, ""
}

// yearHint returns the year of the workbook as its file name, e-mail, hidden
// mark or command line give it, or 0.
func (r *reader) yearHint() int {
	mark := 0
	if r.markPeriod != "" {
		if q, err := taizhang.ParsePeriod(r.markPeriod, r.schedule(), 0); err == nil {
			mark = q.Year
		}
	}
	for _, y := range []int{yearIn(fileStem(r.src.Name)), yearIn(r.src.Subject), mark, r.cli().Year, r.src.Received.In(taizhang.CST).Year()} {
		if y > 1900 {
			return y
		}
	}
	return 0
}

func (r *reader) schedule() taizhang.Schedule {
	if r.p == nil {
		return taizhang.HalfMonth
	}
	return r.p.Schedule
}

// noteTables says which of several progress tables was read, why, and which
// were not. The note is a warning when the choice was a guess: the wanted
// period has no sheet, another sheet names the same period, or no sheet
// names a period and their headers tie.
func (r *reader) noteTables(tables []*table, best *table, wanted taizhang.Period, wantedFrom string) {
	named := !best.period.IsZero() || best.ord > 0
	var others, same []string // same: the sheets that name best's period, or like best name none
	var also []string         // read as well, as earlier periods' tables (ReadOptions.AlsoRead)
	tie, shown := false, false
	for _, t := range tables {
		if t == best {
			continue
		}
		name := "“" + t.sheet + "”"
		if t.hidden {
			name += "（隐藏）"
		}
		if t.exact && !t.period.IsZero() && t.period != best.period && slices.Contains(r.opt.AlsoRead, t.period) {
			also = append(also, name)
			continue
		}
		others = append(others, name)
		if t.period == best.period && t.ord == best.ord {
			same = append(same, name)
			tie = tie || t.h.score == best.h.score && t.hidden == best.hidden
			shown = shown || t.hidden && !best.hidden
		}
	}
	pick := "列名最全的"
	switch {
	case shown:
		pick = "显示的"
	case tie:
		pick = "第一张"
	}
	is := ""
	if !best.period.IsZero() && best.exact {
		is = "，即" + best.period.String()
	}
	matched := !wanted.IsZero() && best.exact && best.period == wanted
	guess := false
	var why string
	switch {
	case matched:
		why = fmt.Sprintf("只读取了与%s%s对应的“%s”", wantedFrom, wanted, best.sheet)
	case len(same) < len(others):
		why = fmt.Sprintf("只读取了期次最近的“%s”%s", best.sheet, is)
	case !named:
		why, guess = fmt.Sprintf("各表都看不出期次，只读取了%s“%s”", pick, best.sheet), tie
	default:
		why = fmt.Sprintf("只读取了%s“%s”%s", pick, best.sheet, is)
	}
	if named && len(same) > 0 {
		why += fmt.Sprintf("；%s与之期次相同，请核对是否重复", strings.Join(same, "、"))
		guess = true
	}
	if named && !wanted.IsZero() && !matched {
		why += fmt.Sprintf("；工作簿中没有与%s%s对应的表，请核对", wantedFrom, wanted)
		guess = true
	}
	place := taizhang.Place{File: r.src.Path, Sheet: best.sheet}
	if len(also) > 0 {
		r.fs.Add(taizhang.ReaderNote, place, "工作簿中的%s是往期的表，本批文件中没有该单位这几期的其他表，已按往期的表读取（本期读取“%s”%s）", strings.Join(also, "、"), best.sheet, is)
		why = strings.Replace(why, "只读取了", "本期读取", 1)
	}
	if len(others) == 0 {
		return
	}
	f := r.fs.Add(taizhang.ReaderNote, place, "工作簿中另有%d张进展表未读取：%s（%s）", len(others), strings.Join(others, "、"), why)
	if guess {
		f.Severity = taizhang.Warning
	}
}

// titleOf returns a sheet's title: the first text above the header that is
// not a header-block label.
func titleOf(top []sheetRow) string {
	for _, tr := range top {
		for _, c := range tr.cells {
			if t := taizhang.Clean(c); t != "" {
				if _, _, _, ok := cutLabel(t); !ok {
					return t
				}
				break
			}
		}
	}
	return ""
}

var (
	dateRe    = regexp.MustCompile(`(?:^|\D)((?:\d{4}[年.\-_])?\d{1,2}[月.\-_]\d{1,2}日?|\d{8})(?:\D|$)`)
	ordinalRe = regexp.MustCompile(`第([0-9]{1,3}|[一二三四五六七八九十]{1,3})期`)
)

// dateIn finds a date in a sheet's name (4.15, 4月30日, 2021-05-15,
// 20210515), taking the year from year when the name has none.
func dateIn(name string, year int) (taizhang.Date, bool) {
	m := dateRe.FindStringSubmatch(taizhang.Normalize(name))
	if m == nil {
		return taizhang.Date{}, false
	}
	d, err := taizhang.ParseDate(strings.ReplaceAll(m[1], "_", "-"), year)
	return d, err == nil
}

// ordinalIn returns N of 第N期 (第3期, 第十二期) in text, or 0.
func ordinalIn(text string) int {
	m := ordinalRe.FindStringSubmatch(taizhang.Normalize(text))
	if m == nil {
		return 0
	}
	if n, err := strconv.Atoi(m[1]); err == nil {
		return n
	}
	for n := 1; n < 100; n++ {
		if taizhang.ChineseNumber(n) == m[1] {
			return n
		}
	}
	return 0
}

// NoTable reports whether f is the 无法读取 of a file read without trouble
// that holds no progress table: no sheet has the header of one (a workbook
// of 佐证材料, say).
func NoTable(f taizhang.Finding) bool {
	return f.Code == taizhang.UnreadableFile && strings.HasPrefix(f.Message, "没有找到进展情况表：")
}

// exampleSheet reports whether a sheet's name says it is a worked example
// of the template (填写示例, 样表, 填报样例), not a unit's progress.
func exampleSheet(name string) bool {
	n := taizhang.Normalize(name)
	for _, w := range []string{"示例", "样例", "样表", "范例", "范本"} {
		if strings.Contains(n, w) {
			return true
		}
	}
	return false
}
