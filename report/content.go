package report

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"taizhang"
)

// writer writes the report's contents.
type writer struct {
	d         *doc
	l         *taizhang.Ledger
	opt       Options
	cur, prev *facts
	figures   int
	err       error // the first error reading stowed texts back
}

// texts returns an entry's texts, read back from the ledger's store if need be.
func (r *writer) texts(e *taizhang.Entry) taizhang.Texts {
	t, err := r.l.Texts(e)
	if err != nil && r.err == nil {
		r.err = err
	}
	return t
}

// nameLimit is how many units a sentence names before saying 等N个单位.
const nameLimit = 30

func (r *writer) title() string {
	return "关于" + r.opt.Month.String() + r.l.Programme.Name + "推进情况的报告"
}

func (r *writer) write() {
	d := r.d
	d.newPage(portrait)
	r.titleBlock()
	r.opening()
	r.overall()
	r.measures()
	r.problems()
	r.nextSteps()
	r.signature()
	r.matrix()
	r.ranking()
}

// Styles.
func (r *writer) h1(text string) {
	p := r.d.body()
	p.font, p.align, p.keep, p.outline = r.d.fonts.heading, 'L', 3*bodyLine, 1
	r.d.paragraph(text, p)
}

func (r *writer) h2(text string) {
	p := r.d.body()
	p.font, p.keep = r.d.fonts.sub, 2*bodyLine
	r.d.paragraph(text, p)
}

func (r *writer) p(format string, args ...any) {
	r.d.paragraph(fmt.Sprintf(format, args...), r.d.body())
}

func (r *writer) titleBlock() {
	d := r.d
	d.y += bodyLine
	d.setFont(d.fonts.body, ptBody)
	d.paragraph(r.title(), para{font: d.fonts.title, size: ptTitle, line: 11.5, align: 'C', outline: 1})
	d.paragraph("（"+cnDate(r.date())+"）", para{font: d.fonts.sub, size: ptBody, line: bodyLine, align: 'C'})
	d.y += bodyLine / 2
}

func (r *writer) opening() {
	f := r.cur
	prog := r.l.Programme
	basis := "按照" + citation(prog) + "要求"
	office := prog.Office
	if office == "" {
		office = "专班"
	}
	r.p("%s，%s对%d个填报单位%s报送的进展情况表进行了汇总（数据截至%s）。现将有关情况报告如下：",
		basis, office, len(f.units), periodList(f.periods, f.month), cnDate(f.asOf))
	if len(f.pending) > 0 {
		var ps, dues []string
		for _, q := range f.pending {
			ps = append(ps, shortPeriod(q))
			dues = append(dues, cnDate(prog.DueDate(q)))
		}
		due := "应于" + dues[0] + "前报送"
		if len(dues) > 1 {
			due = "分别应于" + strings.Join(dues, "、") + "前报送"
		}
		r.p("本月报告截至%s，%s进展情况表尚未到报送时间（%s），未计入本报告。", cnDate(f.asOf), strings.Join(ps, "、"), due)
	}
	if len(r.opt.Absent) > 0 {
		var ps []string
		for _, q := range r.opt.Absent {
			ps = append(ps, shortPeriod(q))
		}
		r.p("汇总的文件中没有任何单位%s的进展情况表，本报告中各单位该期均按未报统计，请核实是否漏收。", strings.Join(ps, "、"))
	}
}

// docNumber matches a document number (文号) such as 内工改办〔2021〕29号.
var docNumber = regexp.MustCompile(`[〔［\[（(]\s*\d{4}\s*[〕］\]）)]\s*\d+\s*号`)

// citation names the programme's document as 公文 cite one another: its
// title in 《》, then its 文号 in （）. A 文号 alone is no title and is written
// bare, as 内工改办〔2021〕29号文件; a title typed where the 文号 goes is taken as
// the title. Neither gives 专项工作推进方案.
func citation(p *taizhang.Programme) string {
	title := strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(p.FullName), "《"), "》")
	no := strings.TrimSpace(p.Document)
	if title == "" && no != "" && !docNumber.MatchString(no) && !strings.Contains(no, "《") {
		title, no = strings.TrimSpace(no), ""
	}
	switch {
	case title != "" && no != "":
		return "《" + title + "》（" + no + "）"
	case title != "":
		return "《" + title + "》"
	case strings.Contains(no, "《"):
		return no
	case no != "":
		return no + "文件"
	}
	return "专项工作推进方案"
}

// date is the report's date: Options.Date, else the data's as-of date.
func (r *writer) date() taizhang.Date {
	if !r.opt.Date.IsZero() {
		return r.opt.Date
	}
	if !r.cur.asOf.IsZero() {
		return r.cur.asOf
	}
	return taizhang.DateOf(r.opt.Created)
}

// periodList writes 2021年4月上半月、下半月 (2期).
func periodList(ps []taizhang.Period, m taizhang.Month) string {
	if len(ps) == 0 {
		return m.String()
	}
	var parts []string
	for i, q := range ps {
		if i == 0 || q.Suffix() == "" {
			parts = append(parts, q.String())
		} else {
			parts = append(parts, q.Suffix())
		}
	}
	s := strings.Join(parts, "、")
	if len(ps) > 1 {
		s += fmt.Sprintf("共%d期", len(ps))
	}
	return s
}

func (r *writer) overall() {
	f := r.cur
	r.h1("一、总体进展")
	// Milestones.
	var b strings.Builder
	fmt.Fprintf(&b, "截至%s，%d个单位应报节点任务共%d项，已完成%d项，占%s；推进中%d项",
		cnDate(f.asOf), len(f.units), f.required, f.cats[catDone], pct(f.doneRate()), f.cats[catInProgress])
	if f.dueSoon > 0 {
		fmt.Fprintf(&b, "（其中临期%d项）", f.dueSoon)
	}
	fmt.Fprintf(&b, "；未启动%d项；逾期未完成%d项", f.cats[catNotStarted], f.cats[catOverdue])
	if n := f.cats[catUnknown]; n > 0 {
		fmt.Fprintf(&b, "；另有%d项因未报送或填报不全无法判断进展", n)
	}
	b.WriteString("。")
	if s := r.carriedNote(); s != "" {
		b.WriteString(s)
	}
	var allDone, overdue []string
	for _, m := range f.milestones {
		if m.total() > 0 && len(m.units[catDone]) == m.total() {
			allDone = append(allDone, m.ms.ID)
		}
		if len(m.overdue()) > 0 {
			overdue = append(overdue, m.ms.ID)
		}
	}
	fmt.Fprintf(&b, "方案确定的%d个节点中，", len(f.milestones))
	if len(allDone) > 0 {
		fmt.Fprintf(&b, "%d个已由全部责任单位完成（节点%s）", len(allDone), strings.Join(allDone, "、"))
	} else {
		b.WriteString("尚无由全部责任单位完成的节点")
	}
	if len(overdue) > 0 {
		fmt.Fprintf(&b, "，%d个已过完成时限但仍有单位未完成（节点%s）。", len(overdue), strings.Join(overdue, "、"))
	} else {
		b.WriteString("，没有已过完成时限仍未完成的节点。")
	}
	r.p("%s", b.String())
	// Receipts.
	b.Reset()
	what := "本月应报送进展情况表"
	if len(f.pending) > 0 {
		what = "本月已到报送时间的进展情况表"
	}
	fmt.Fprintf(&b, "%s%d份（%d个单位，%d期），实际报送%d份，报送率%s；按时报送%d份，按时报送率%s",
		what, f.expected, len(f.units), len(f.periods), f.received, pct(f.receiptRate()), f.onTime, pct(f.onTimeRate()))
	fmt.Fprintf(&b, "；迟报%d份，未报%d份", f.late, f.missing)
	if f.unknownTime > 0 {
		fmt.Fprintf(&b, "；另有%d份无法确定报送时间", f.unknownTime)
	}
	b.WriteString("。")
	r.p("%s", b.String())
	// Change since last month.
	if g := r.prev; g != nil && g.expected+g.required > 0 {
		var parts []string
		parts = append(parts, change("已完成节点", g.cats[catDone], f.cats[catDone], "项"))
		parts = append(parts, rateChange("节点完成率", g.doneRate(), f.doneRate()))
		parts = append(parts, change("逾期未完成节点", g.cats[catOverdue], f.cats[catOverdue], "项"))
		if len(r.opt.PrevAbsent) == 0 {
			parts = append(parts, rateChange("报送率", g.receiptRate(), f.receiptRate()))
			parts = append(parts, rateChange("按时报送率", g.onTimeRate(), f.onTimeRate()))
		}
		text := "与上月相比，" + strings.Join(parts, "；") + "。"
		if len(r.opt.PrevAbsent) > 0 {
			var ps []string
			for _, q := range r.opt.PrevAbsent {
				ps = append(ps, shortPeriod(q))
			}
			text += "汇总的文件中没有上月" + strings.Join(ps, "、") + "的进展情况表，报送率、按时报送率未与上月比较。"
		}
		r.p("%s", text)
	}
	// Charts.
	var rows []barRow
	for _, m := range f.milestones {
		row := barRow{label: "节点" + m.ms.ID}
		for c := range numCats {
			row.counts[c] = len(m.units[c])
		}
		rows = append(rows, row)
	}
	r.p("各节点进展情况见图%d，各单位节点完成情况见图%d。", r.figures+1, r.figures+2)
	r.figure("各节点进展情况（按单位数）", rows)
	rows = rows[:0]
	for _, u := range f.units {
		rows = append(rows, barRow{label: u.name, counts: u.cats})
	}
	r.figure("各单位节点完成情况（按节点数）", rows)
}

// carriedNote says whose progress is counted from an earlier sheet:
// 兴安盟未报送5月下半月进展情况表，其节点进展按其5月上半月报送的情况统计.
func (r *writer) carriedNote() string {
	f := r.cur
	if f.carried == 0 {
		return ""
	}
	// Units that missed the period and are counted from the same earlier
	// ones share one sentence: 包头市、赤峰市未报送…
	var parts []string
	missed := map[string]int{}        // the earlier periods → index in parts
	missedUnits := map[int][]string{} // index in parts → the units
	for _, u := range f.units {
		if len(u.carriedFrom) == 0 {
			continue
		}
		var from []taizhang.Period
		for _, q := range u.carriedFrom {
			if !contains(from, q) {
				from = append(from, q)
			}
		}
		slices.SortFunc(from, taizhang.Period.Compare)
		if !contains(u.missingPeriods, r.l.Period) {
			parts = append(parts, fmt.Sprintf("%s有%d个节点%s未填写或进展状态无法识别，按其%s报送的情况统计", u.name, len(u.carriedFrom), shortPeriod(r.l.Period), suffixes(from)))
			continue
		}
		key := suffixes(from)
		i, ok := missed[key]
		if !ok {
			i = len(parts)
			missed[key] = i
			parts = append(parts, "")
		}
		missedUnits[i] = append(missedUnits[i], u.name)
		parts[i] = fmt.Sprintf("%s未报送%s进展情况表，其节点进展按其%s报送的情况统计", names(missedUnits[i]), shortPeriod(r.l.Period), key)
	}
	if len(parts) > nameLimit {
		parts = append(parts[:nameLimit], fmt.Sprintf("另有%d个单位类似", len(parts)-nameLimit))
	}
	return strings.Join(parts, "；") + "，文中注明所据期次。"
}

func (r *writer) figure(caption string, rows []barRow) {
	r.figures++
	r.d.y += 2
	r.d.stackedBars(fmt.Sprintf("图%d　%s", r.figures, caption), rows)
	r.d.y += 2
}

// change says how a count moved: 已完成节点由3项增至10项.
func change(what string, a, b int, unit string) string {
	switch {
	case b > a:
		return fmt.Sprintf("%s由%d%s增至%d%s", what, a, unit, b, unit)
	case b < a:
		return fmt.Sprintf("%s由%d%s减至%d%s", what, a, unit, b, unit)
	}
	return fmt.Sprintf("%s持平（%d%s）", what, b, unit)
}

// rateChange says how a rate moved, in percentage points.
func rateChange(what string, a, b float64) string {
	diff := round1(round1(b) - round1(a)) // as the reader would subtract
	switch {
	case diff > 0:
		return fmt.Sprintf("%s由%s提高到%s，上升%s个百分点", what, pct(a), pct(b), num(diff))
	case diff < 0:
		return fmt.Sprintf("%s由%s降至%s，下降%s个百分点", what, pct(a), pct(b), num(-diff))
	}
	return fmt.Sprintf("%s持平（%s）", what, pct(b))
}

func (r *writer) measures() {
	f := r.cur
	r.h1("二、各项措施进展")
	byID := map[string]milestoneFacts{}
	for _, m := range f.milestones {
		byID[m.ms.ID] = m
	}
	for i := range r.l.Programme.Measures {
		m := &r.l.Programme.Measures[i]
		r.h2(m.Label() + m.Title)
		lead := ""
		if m.LeadUnit != "" {
			lead = "牵头单位" + m.LeadUnit
			if m.LeadLeader != "" {
				lead += "，牵头领导" + m.LeadLeader
			}
			lead += "。"
		}
		if len(m.Milestones) > 1 && lead != "" {
			r.p("%s", lead)
		}
		for j := range m.Milestones {
			ms := &m.Milestones[j]
			mf := byID[ms.ID]
			var b strings.Builder
			if j == 0 && len(m.Milestones) == 1 {
				b.WriteString(lead)
			}
			if len(m.Milestones) > 1 {
				fmt.Fprintf(&b, "%d.", ms.Sub)
			}
			fmt.Fprintf(&b, "节点%s%s完成时限为%s", ms.ID, quoted(ms.Title), cnDate(ms.Deadline))
			done := len(mf.units[catDone])
			switch {
			case mf.total() == 0:
				b.WriteString("，无应报单位。")
				r.p("%s", b.String())
				continue
			case len(mf.overdue()) > 0:
				fmt.Fprintf(&b, "（已逾期%d天）", mf.daysOverdue(f.asOf))
			}
			fmt.Fprintf(&b, "，应报单位%d个", mf.total())
			if done == mf.total() {
				b.WriteString("，已全部完成。")
			} else {
				for c := range numCats {
					if len(mf.units[c]) == 0 {
						continue
					}
					fmt.Fprintf(&b, "；%s%d个（%s）", categories[c].name, len(mf.units[c]), names(mf.labels(mf.units[c])))
				}
				b.WriteString("。")
			}
			if s := r.leadProgress(m, ms); s != "" {
				b.WriteString(s)
			}
			r.p("%s", b.String())
		}
	}
}

// leadProgress quotes the lead unit's reported progress on ms, if any.
func (r *writer) leadProgress(m *taizhang.Measure, ms *taizhang.Milestone) string {
	if m.LeadUnit == "" || !ms.Reports(m.LeadUnit) {
		return ""
	}
	c, from := r.l.Latest(m.LeadUnit, ms.ID)
	if c.Entry == nil {
		return ""
	}
	t := oneLine(r.texts(c.Entry).Progress)
	if t == "" {
		return ""
	}
	who := m.LeadUnit
	if !from.IsZero() {
		who += shortPeriod(from)
	}
	return who + "报告：" + clip(t, 200) + endStop(t)
}

func (r *writer) problems() {
	f := r.cur
	r.h1("三、存在问题")
	// Reporting.
	r.h2("（一）报送不及时")
	var missing, late, unknown []string
	for _, u := range f.units {
		if u.missing > 0 {
			missing = append(missing, fmt.Sprintf("%s（%d次：%s）", u.name, u.missing, missedPeriods(&u)))
		}
		if u.late > 0 {
			var ds []string
			for k, q := range u.latePeriods {
				ds = append(ds, fmt.Sprintf("%s迟报%d天", shortPeriod(q), u.lateDays[k]))
			}
			late = append(late, fmt.Sprintf("%s（%d次：%s）", u.name, u.late, strings.Join(ds, "，")))
		}
		if u.unknownT > 0 {
			unknown = append(unknown, u.name)
		}
	}
	if len(missing)+len(late) == 0 {
		r.p("本月各单位均按时报送进展情况表。")
	} else {
		var parts []string
		if len(missing) > 0 {
			parts = append(parts, fmt.Sprintf("未报送的单位%d个：%s", len(missing), names(missing)))
		}
		if len(late) > 0 {
			parts = append(parts, fmt.Sprintf("迟报的单位%d个：%s", len(late), names(late)))
		}
		var counts []string
		if f.missing > 0 {
			counts = append(counts, fmt.Sprintf("%d份未报", f.missing))
		}
		if f.late > 0 {
			counts = append(counts, fmt.Sprintf("%d份迟报", f.late))
		}
		r.p("本月进展情况表%s。%s。", strings.Join(counts, "、"), strings.Join(parts, "；"))
	}
	if len(unknown) > 0 {
		r.p("%s报送的%d份进展情况表既无邮件时间也未填写填报日期，无法判断是否按时报送。", names(unknown), f.unknownTime)
	}
	// Overdue milestones.
	r.h2("（二）节点逾期未完成")
	any := false
	for _, m := range f.milestones {
		units := m.overdue()
		if len(units) == 0 {
			continue
		}
		any = true
		r.p("节点%s%s完成时限为%s，截至%s已逾期%d天，仍有%d个单位未完成：%s。",
			m.ms.ID, quoted(m.ms.Title), cnDate(m.ms.Deadline), cnDate(f.asOf), m.daysOverdue(f.asOf), len(units), names(m.labels(units)))
	}
	if !any {
		r.p("截至%s，没有逾期未完成的节点。", cnDate(f.asOf))
	}
	// Quality of the sheets.
	quality := map[string]map[taizhang.Code]int{}
	var order []string
	for _, fd := range r.l.Findings {
		switch fd.Code {
		case taizhang.MissingEntry, taizhang.InvalidValue, taizhang.Inconsistent, taizhang.UnknownEntry:
		default:
			continue
		}
		u := fd.Unit
		if u == "" {
			u = "单位不明的表格"
		}
		if quality[u] == nil {
			quality[u] = map[taizhang.Code]int{}
			order = append(order, u)
		}
		quality[u][fd.Code]++
	}
	if len(order) > 0 {
		r.h2("（三）填报不规范")
		var parts []string
		for _, u := range order {
			var cs []string
			for _, c := range []taizhang.Code{taizhang.MissingEntry, taizhang.InvalidValue, taizhang.Inconsistent, taizhang.UnknownEntry} {
				if n := quality[u][c]; n > 0 {
					cs = append(cs, fmt.Sprintf("%s%d处", c.Label(), n))
				}
			}
			parts = append(parts, u+"（"+strings.Join(cs, "、")+"）")
		}
		r.p("%s最近一期进展情况表存在漏报、填写有误或前后矛盾等问题：%s。具体位置见汇总台账“问题清单”。", r.l.Period, names(parts))
	}
	// Difficulties the units report; a unit's carried cells name the period
	// they came from, once for the unit when they all came from one.
	var told []string
	for _, u := range f.units {
		type said struct {
			node, text string
			from       taizhang.Period
		}
		var ss []said
		for _, m := range f.milestones {
			c, ok := m.cells[u.name]
			if !ok || c.Entry == nil {
				continue
			}
			q := m.from[u.name]
			if !q.IsZero() && !contains(f.periods, q) {
				continue // an older month's difficulty
			}
			t := oneLine(r.texts(c.Entry).Problems)
			if t == "" || isNone(t) {
				continue
			}
			ss = append(ss, said{"节点" + m.ms.ID, strings.TrimRight(clip(t, 120), "。；;，, "), q})
		}
		if len(ss) == 0 {
			continue
		}
		who := u.name
		if !slices.ContainsFunc(ss, func(x said) bool { return x.from != ss[0].from }) && !ss[0].from.IsZero() {
			who += "（据" + shortPeriod(ss[0].from) + "报送）"
			for i := range ss {
				ss[i].from = taizhang.Period{}
			}
		}
		var ps []string
		for _, x := range ss {
			if !x.from.IsZero() {
				x.node += "（据" + shortPeriod(x.from) + "报送）"
			}
			ps = append(ps, x.node+"："+x.text)
		}
		told = append(told, who+"反映，"+strings.Join(ps, "；"))
	}
	if len(told) > 0 {
		r.h2(fmt.Sprintf("（%s）各单位反映的困难和问题", taizhang.ChineseNumber(3+btoi(len(order) > 0))))
		for i, t := range told {
			if i == nameLimit {
				r.p("另有%d个单位反映了问题，详见汇总台账。", len(told)-nameLimit)
				break
			}
			r.p("%s%s", t, endStop(t))
		}
	}
}

func (r *writer) nextSteps() {
	f := r.cur
	next := f.month.Next()
	r.h1("四、下一步工作")
	n := 0
	head := func(s string) {
		n++
		r.h2("（" + taizhang.ChineseNumber(n) + "）" + s)
	}
	measureOf := func(ms *taizhang.Milestone) *taizhang.Measure { return r.l.Programme.MeasureOf(ms.Measure) }
	// Deadlines from the day after the as-of date to the next month's end:
	// the rest of a month not yet over, then the next month.
	from := f.asOf.AddDays(1)
	window := next.String()
	if from != next.First() {
		window = cnDate(from) + "至" + cnDate(next.Last())
	}
	var due []milestoneFacts
	for _, m := range f.milestones {
		if !m.ms.Deadline.Before(from) && !m.ms.Deadline.After(next.Last()) {
			due = append(due, m)
		}
	}
	if len(due) > 0 {
		var months []string
		byDeadline := slices.Clone(due)
		slices.SortStableFunc(byDeadline, func(a, b milestoneFacts) int { return a.ms.Deadline.Compare(b.ms.Deadline) })
		for _, m := range byDeadline {
			if mo := fmt.Sprintf("%d月", int(m.ms.Deadline.Month)); !contains(months, mo) {
				months = append(months, mo)
			}
		}
		head("抓紧推进" + strings.Join(months, "、") + "到期节点")
	} else {
		head("统筹推进后续节点")
		var upcoming *milestoneFacts
		for i, m := range f.milestones {
			if m.ms.Deadline.After(next.Last()) && (upcoming == nil || m.ms.Deadline.Before(upcoming.ms.Deadline)) {
				upcoming = &f.milestones[i]
			}
		}
		if upcoming == nil {
			r.p("%s没有到期节点，方案确定的节点均已到期。", window)
		} else {
			r.p("%s没有到期节点。下一个到期的是节点%s%s，完成时限为%s。", window, upcoming.ms.ID, quoted(upcoming.ms.Title), cnDate(upcoming.ms.Deadline))
		}
	}
	for _, m := range due {
		ms := m.ms
		var b strings.Builder
		fmt.Fprintf(&b, "节点%s%s完成时限为%s", ms.ID, quoted(ms.Title), cnDate(ms.Deadline))
		if mm := measureOf(ms); mm != nil && mm.LeadUnit != "" {
			fmt.Fprintf(&b, "，由%s牵头", mm.LeadUnit)
			if mm.LeadLeader != "" {
				fmt.Fprintf(&b, "，牵头领导%s", mm.LeadLeader)
			}
		}
		notDone := m.total() - len(m.units[catDone])
		if notDone == 0 {
			b.WriteString("，各责任单位已全部完成。")
		} else {
			var left []string
			for c := catInProgress; c < numCats; c++ {
				left = append(left, m.labels(m.units[c])...)
			}
			fmt.Fprintf(&b, "。目前尚有%d个单位未完成（%s），请牵头单位加强调度，确保按期完成。", notDone, names(left))
		}
		r.p("%s", b.String())
	}
	// Overdue.
	var overdue []string
	var leads []string
	for _, m := range f.milestones {
		if len(m.overdue()) > 0 {
			overdue = append(overdue, m.ms.ID)
			if mm := measureOf(m.ms); mm != nil && mm.LeadUnit != "" && !contains(leads, mm.LeadUnit) {
				leads = append(leads, mm.LeadUnit)
			}
		}
	}
	if len(overdue) > 0 {
		head("督促逾期节点销号")
		who := "各牵头单位"
		if len(leads) > 0 {
			who = strings.Join(leads, "、")
		}
		r.p("对逾期未完成的节点%s，请%s督促未完成的单位说明原因、明确完成时间，完成一项、销号一项。", strings.Join(overdue, "、"), who)
	}
	// Reporting.
	head("按时报送进展情况")
	var dues []string
	for _, q := range append(slices.Clone(f.pending), next.Periods(r.l.Programme.Schedule)...) {
		dues = append(dues, fmt.Sprintf("%s进展情况表于%s前报送", shortPeriod(q), cnDate(r.l.Programme.DueDate(q))))
	}
	s := "请各单位" + strings.Join(dues, "，") + "。"
	var missing []string
	for _, u := range f.units {
		if u.missing > 0 {
			missing = append(missing, u.name)
		}
	}
	if len(missing) > 0 {
		s += "本月未报送的" + names(missing) + "请尽快补报。"
	}
	r.p("%s", s)
}

func (r *writer) signature() {
	d := r.d
	d.y += bodyLine
	p := d.body()
	p.align, p.indent = 'R', 0
	office := r.l.Programme.Office
	lines := 2
	if office == "" {
		lines = 1
	}
	d.need(float64(lines) * bodyLine)
	if office != "" {
		d.paragraph(office+"　　", p)
	}
	d.paragraph(cnDate(r.date())+"　　", p)
}

// appendixTitle starts an appendix page: 附表N at the top left, its title centred.
func (r *writer) appendixTitle(no int, title string, g geometry) {
	d := r.d
	d.newPage(g)
	d.setFont(d.fonts.heading, ptBody)
	d.paragraph(fmt.Sprintf("附表%d", no), para{font: d.fonts.heading, size: ptBody, line: bodyLine, align: 'L', outline: 1})
	d.paragraph(title, para{font: d.fonts.title, size: 18, line: 10, align: 'C'})
	d.y += 2
}

func (r *writer) matrix() {
	d := r.d
	f := r.cur
	r.appendixTitle(1, fmt.Sprintf("各单位节点进展情况（截至%s）", cnDate(f.asOf)), landscape)
	tw := landscape.w - landscape.left - landscape.right
	nameW := 44.0
	countW := 24.0
	msW := (tw - 10 - nameW - countW) / float64(len(f.milestones))
	cols := []column{{title: "序号", width: 10, align: 'C'}, {title: "单位", width: nameW, align: 'L'}}
	for _, m := range f.milestones {
		cols = append(cols, column{title: fmt.Sprintf("%s\n%d月%d日", m.ms.ID, int(m.ms.Deadline.Month), m.ms.Deadline.Day), width: msW, align: 'C'})
	}
	cols = append(cols, column{title: "已完成/应报", width: 0, align: 'C'})
	var rows [][]string
	var states [][]taizhang.CellState
	var carried []string // whose cells come from an earlier sheet, and which
	for i, u := range f.units {
		name := u.name
		if len(u.carriedFrom) > 0 {
			name += "*"
			carried = append(carried, r.carriedFrom(u))
		}
		row := []string{fmt.Sprint(i + 1), name}
		var st []taizhang.CellState
		for _, m := range f.milestones {
			c, ok := m.cells[u.name]
			s := "—"
			state := taizhang.NotRequired
			if ok {
				state = c.State
				if state == taizhang.NotRequired {
					state = taizhang.NotReported
				}
				s = state.String()
			}
			row = append(row, s)
			st = append(st, state)
		}
		row = append(row, fmt.Sprintf("%d/%d", u.cats[catDone], u.required))
		rows = append(rows, row)
		states = append(states, st)
	}
	d.drawTable(table{name: "附表1", cols: cols, rows: rows, size: ptTable, shade: func(row, col int) int {
		k := col - 2
		if k < 0 || k >= len(f.milestones) {
			return -1
		}
		switch states[row][k] {
		case taizhang.StateOverdue, taizhang.NotReported, taizhang.EntryMissing, taizhang.NoValue:
			return 215
		case taizhang.NotRequired:
			return 245
		}
		return -1
	}})
	// Key to the milestones.
	d.y += 2
	var key []string
	for _, m := range f.milestones {
		key = append(key, m.ms.ID+" "+m.ms.Title)
	}
	note := para{font: d.fonts.body, size: ptNote, line: ptNote * mmPerPt * 1.5, align: 'J'}
	star := ""
	if len(carried) > 0 {
		list := strings.Join(carried[:min(len(carried), nameLimit)], "；")
		if len(carried) > nameLimit {
			list += fmt.Sprintf("等%d个单位", len(carried))
		}
		star = "；带“*”的单位最近一期未报送或有节点未填写，按其此前最近一次报送的进展状态列示（" + list + "）"
	}
	d.paragraph("注：表头为节点编号和完成时限；“—”为该单位无需填报的节点，灰底为逾期未完成、未报或填报不全"+star+"。节点："+strings.Join(key, "；")+"。", note)
}

// carriedFrom says where a unit's carried cells come from: 乌海市据6月上半月报送
// when it missed the period, else 自治区政务服务局节点六据4月下半月报送.
func (r *writer) carriedFrom(u unitFacts) string {
	byPeriod := map[taizhang.Period][]string{}
	var order []taizhang.Period
	for _, m := range r.cur.milestones {
		q, ok := m.from[u.name]
		if !ok {
			continue
		}
		if byPeriod[q] == nil {
			order = append(order, q)
		}
		byPeriod[q] = append(byPeriod[q], m.ms.ID)
	}
	slices.SortFunc(order, func(a, b taizhang.Period) int { return b.Compare(a) })
	if len(order) == 1 && len(u.carriedFrom) == u.required && contains(u.missingPeriods, r.l.Period) {
		return u.name + "据" + shortPeriod(order[0]) + "报送"
	}
	var parts []string
	for _, q := range order {
		parts = append(parts, "节点"+strings.Join(byPeriod[q], "、")+"据"+shortPeriod(q)+"报送")
	}
	return u.name + strings.Join(parts, "，")
}

func (r *writer) ranking() {
	d := r.d
	f := r.cur
	r.appendixTitle(2, "各单位报送及时性和完整性排名", portrait)
	order := make([]*unitFacts, len(f.units))
	for i := range f.units {
		order[i] = &f.units[i]
	}
	// Stable by rank, then programme order.
	for i := 1; i < len(order); i++ {
		for j := i; j > 0 && order[j].rank < order[j-1].rank; j-- {
			order[j], order[j-1] = order[j-1], order[j]
		}
	}
	cols := []column{
		{title: "名次", width: 10, align: 'C'},
		{title: "单位", width: 44, align: 'L'}, // 自治区住房城乡建设厅 on one line
		{title: "应报份数", width: 11, align: 'C'},
		{title: "按时", width: 11, align: 'C'},
		{title: "迟报", width: 11, align: 'C'},
		{title: "迟报天数", width: 11, align: 'C'},
		{title: "未报", width: 11, align: 'C'},
		{title: "按时\n报送率", width: 16, align: 'C'},
		{title: "填报\n完整率", width: 16, align: 'C'},
		{title: "节点\n完成率", width: 0, align: 'C'},
	}
	var rows [][]string
	for _, u := range order {
		rows = append(rows, []string{fmt.Sprint(u.rank), u.name, fmt.Sprint(u.expected), fmt.Sprint(u.onTime), fmt.Sprint(u.late), fmt.Sprint(u.daysLate), fmt.Sprint(u.missing),
			pct(100 * ratio(u.onTime, u.expected)), pct(100 * ratio(u.entriesFilled, u.entriesDue)), pct(100 * ratio(u.cats[catDone], u.required))})
	}
	d.drawTable(table{name: "附表2", cols: cols, rows: rows, size: ptTable})
	d.y += 2
	note := para{font: d.fonts.body, size: ptTable, line: ptTable * mmPerPt * 1.5, align: 'J'}
	d.paragraph("注：按按时报送率、未报次数、迟报天数、填报完整率、节点完成率依次排序，相同者并列。按时报送率为按时报送份数占应报份数的比例，报送时间不明的不计为按时；填报完整率为本月各期已填写进展状态的节点占应报节点的比例；节点完成率为截至"+cnDate(f.asOf)+"已完成节点占应报节点的比例。", note)
}

// Helpers.

func cnDate(d taizhang.Date) string {
	if d.IsZero() {
		return "（日期不明）"
	}
	return fmt.Sprintf("%d年%d月%d日", d.Year, int(d.Month), d.Day)
}

// shortPeriod writes 4月上半月.
func shortPeriod(q taizhang.Period) string { return fmt.Sprintf("%d月%s", int(q.Month), q.Suffix()) }

// missedPeriods names the periods a unit did not report, each with why when
// something came from it (8月上半月，报送的表未填写).
func missedPeriods(u *unitFacts) string {
	why := false
	for _, w := range u.missingWhy {
		why = why || w != ""
	}
	if !why {
		return suffixes(u.missingPeriods)
	}
	var s []string
	for i, q := range u.missingPeriods {
		if w := u.missingWhy[i]; w != "" {
			s = append(s, shortPeriod(q)+"，"+w)
		} else {
			s = append(s, shortPeriod(q))
		}
	}
	return strings.Join(s, "；")
}

func suffixes(ps []taizhang.Period) string {
	var s []string
	for _, q := range ps {
		s = append(s, shortPeriod(q))
	}
	return strings.Join(s, "、")
}

// pct writes a percentage with one decimal, without a trailing .0.
func pct(v float64) string { return num(v) + "%" }

func num(v float64) string {
	s := fmt.Sprintf("%.1f", round1(v))
	return strings.TrimSuffix(s, ".0")
}

// round1 rounds to one decimal, halves away from zero.
func round1(v float64) float64 { return math.Round(v*10) / 10 }

// quoted puts s in “”, turning quotes inside it into ‘’.
func quoted(s string) string {
	return "“" + strings.NewReplacer("“", "‘", "”", "’").Replace(s) + "”"
}

// names joins names with 、, naming at most nameLimit and counting the rest.
func names(ns []string) string {
	if len(ns) <= nameLimit {
		return strings.Join(ns, "、")
	}
	return strings.Join(ns[:nameLimit], "、") + fmt.Sprintf("等%d个单位", len(ns))
}

// oneLine folds the lines of a cell into one sentence.
func oneLine(s string) string {
	s = taizhang.Clean(s)
	var parts []string
	for _, ln := range strings.Split(strings.ReplaceAll(s, "\r", "\n"), "\n") {
		if ln = strings.TrimSpace(ln); ln != "" {
			parts = append(parts, ln)
		}
	}
	return strings.Join(parts, "；")
}

// clip shortens s to n runes, marking the cut.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "……"
}

// endStop returns 。 unless s already ends a sentence.
func endStop(s string) string {
	if strings.HasSuffix(s, "。") || strings.HasSuffix(s, "！") || strings.HasSuffix(s, "？") || strings.HasSuffix(s, "……") {
		return ""
	}
	return "。"
}

func isNone(s string) bool {
	switch strings.Trim(taizhang.Normalize(s), "。.") {
	case "无", "暂无", "没有", "无问题", "暂无问题", "-", "/", "—":
		return true
	}
	return false
}

func contains[T comparable](ss []T, s T) bool { return slices.Contains(ss, s) }

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}
