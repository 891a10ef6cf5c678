package taizhang

import (
	"fmt"
	"slices"
	"strings"
)

// Programme is one supervised plan: its measures and milestones, the units
// that report on it, and the reporting schedule.
type Programme struct {
	Name        string // 专项工作名称, e.g. 深化工程建设项目审批制度改革专项工作
	FullName    string // the plan's full title, as the notice names it
	Document    string // 文号 of the notice, e.g. 内工改办〔2021〕29号
	Office      string // who issues reports, e.g. 自治区专项推进工作专班
	Schedule    Schedule
	DueDays     int // days after a period's last day by which its sheet is due (0: that day)
	GraceDays   int // further days a late sheet is still counted on time
	FirstPeriod Period
	Passwords   []string // tried on encrypted workbooks
	Measures    []Measure
	Units       []Unit

	ix *programmeIndex // lookups, built by FixIDs; nil means search the slices
}

// programmeIndex speeds up the lookups that a batch of thousands of units
// makes for every sheet and entry.
type programmeIndex struct {
	unitPos    map[string]int
	keys       [][]string // unitKey of each unit's name and aliases
	exact      map[string]int
	byKey      map[string][]int // the units of each non-empty key, in order
	maxKey     int              // the longest key's length in bytes
	milestones []*Milestone
	byID       map[string]*Milestone
	byUnit     map[string][]*Milestone
}

// reindex builds the lookup index; call it after the measures and units are final.
func (p *Programme) reindex() {
	ix := &programmeIndex{unitPos: map[string]int{}, exact: map[string]int{}, byKey: map[string][]int{}, byID: map[string]*Milestone{}, byUnit: map[string][]*Milestone{}}
	for i := range p.Units {
		u := &p.Units[i]
		if _, dup := ix.unitPos[u.Name]; !dup {
			ix.unitPos[u.Name] = i
		}
		ks := u.keys()
		ix.keys = append(ix.keys, ks)
		for _, k := range ks {
			if k == "" {
				continue
			}
			if _, dup := ix.exact[k]; !dup {
				ix.exact[k] = i
			}
			if us := ix.byKey[k]; len(us) == 0 || us[len(us)-1] != i {
				ix.byKey[k] = append(us, i)
			}
			ix.maxKey = max(ix.maxKey, len(k))
		}
	}
	for i := range p.Measures {
		for j := range p.Measures[i].Milestones {
			ms := &p.Measures[i].Milestones[j]
			ms.ix = ix
			ms.unitBits = make([]uint64, (len(p.Units)+63)/64)
			ms.otherUnits = nil
			for _, u := range ms.Units {
				if k, ok := ix.unitPos[u]; ok {
					ms.unitBits[k/64] |= 1 << (k % 64)
				} else {
					if ms.otherUnits == nil {
						ms.otherUnits = map[string]bool{}
					}
					ms.otherUnits[u] = true
				}
			}
			ix.milestones = append(ix.milestones, ms)
			if _, dup := ix.byID[ms.ID]; !dup {
				ix.byID[ms.ID] = ms
			}
		}
	}
	for _, ms := range ix.milestones {
		for _, u := range ms.Units {
			ix.byUnit[u] = append(ix.byUnit[u], ms)
		}
	}
	p.ix = ix
}

// Measure is a numbered rectification measure (整改措施).
type Measure struct {
	No                 int    // 1 for (一)
	Title              string // 加快完善项目储备库与实施库
	Text               string // the full text of the notice
	LeadUnit           string
	LeadLeader         string // e.g. 王金豹（自治区发展改革委副主任）
	ResponsibleLeaders []string
	ResponsibleUnits   string // as the notice words them
	Milestones         []Milestone
}

// Label returns the measure number as written in the notice: (一).
func (m *Measure) Label() string { return "（" + ChineseNumber(m.No) + "）" }

// Milestone is a deliverable of a measure with its own deadline (节点).
type Milestone struct {
	ID       string // 一, or 三.1 when the measure has several
	Measure  int    // number of its measure
	Sub      int    // 1-based position within the measure; 0 when it is the only one
	Title    string
	Deadline Date
	Units    []string // names of the units that must report it

	// Built by FixIDs: Units as a bit set over the programme's units (a
	// national programme has thousands of units and milestones), the few names
	// that are not the programme's units.
	ix         *programmeIndex
	unitBits   []uint64
	otherUnits map[string]bool
}

// Reports reports whether unit must report on the milestone.
func (ms *Milestone) Reports(unit string) bool {
	if ms.ix != nil {
		if k, ok := ms.ix.unitPos[unit]; ok {
			return ms.unitBits[k/64]&(1<<(k%64)) != 0
		}
		return ms.otherUnits[unit]
	}
	return slices.Contains(ms.Units, unit)
}

// UnitKind tells a 盟市 from a department.
type UnitKind int

// The kinds of unit.
const (
	City       UnitKind = iota // 盟市
	Department                 // 自治区部门
)

// String returns 盟市 or 部门.
func (k UnitKind) String() string {
	if k == Department {
		return "部门"
	}
	return "盟市"
}

// Unit is a unit that returns progress sheets (填报单位).
type Unit struct {
	Name    string
	Kind    UnitKind
	Aliases []string
	Contact string
	Phone   string
	Emails  []string
}

// Milestones returns every milestone of the programme in order.
func (p *Programme) Milestones() []*Milestone {
	if p.ix != nil {
		return p.ix.milestones
	}
	var out []*Milestone
	for i := range p.Measures {
		for j := range p.Measures[i].Milestones {
			out = append(out, &p.Measures[i].Milestones[j])
		}
	}
	return out
}

// Milestone returns the milestone with the given ID, or nil.
func (p *Programme) Milestone(id string) *Milestone {
	if p.ix != nil {
		return p.ix.byID[id]
	}
	for _, ms := range p.Milestones() {
		if ms.ID == id {
			return ms
		}
	}
	return nil
}

// MeasureOf returns the measure with number no, or nil.
func (p *Programme) MeasureOf(no int) *Measure {
	for i := range p.Measures {
		if p.Measures[i].No == no {
			return &p.Measures[i]
		}
	}
	return nil
}

// Unit returns the unit with exactly this name, or nil.
func (p *Programme) Unit(name string) *Unit {
	if p.ix != nil {
		if i, ok := p.ix.unitPos[name]; ok {
			return &p.Units[i]
		}
		return nil
	}
	for i := range p.Units {
		if p.Units[i].Name == name {
			return &p.Units[i]
		}
	}
	return nil
}

// UnitMilestones returns the milestones the named unit must report, in order.
func (p *Programme) UnitMilestones(unit string) []*Milestone {
	if p.ix != nil {
		return p.ix.byUnit[unit]
	}
	var out []*Milestone
	for _, ms := range p.Milestones() {
		if ms.Reports(unit) {
			out = append(out, ms)
		}
	}
	return out
}

// Year is the year a period or date written without one means: the
// programme's, when all its work falls in one year; else 0, and the year must
// be written (the clock's year would be a guess).
func (p *Programme) Year() int {
	y := p.FirstPeriod.Year
	for _, ms := range p.Milestones() {
		if !ms.Deadline.IsZero() && ms.Deadline.Year != y {
			return 0
		}
	}
	return y
}

// UnitIndex returns the position of the named unit in the programme, or len(Units).
func (p *Programme) UnitIndex(name string) int {
	if p.ix != nil {
		if i, ok := p.ix.unitPos[name]; ok {
			return i
		}
		return len(p.Units)
	}
	for i := range p.Units {
		if p.Units[i].Name == name {
			return i
		}
	}
	return len(p.Units)
}

// DueDate returns the last day on which the sheet for period q is on time,
// grace days included.
func (p *Programme) DueDate(q Period) Date { return q.End().AddDays(p.DueDays + p.GraceDays) }

// DuePeriods returns the periods of month m whose sheets were due by the
// end of day d (see DueDate), in order; none when d is before the first is due.
func (p *Programme) DuePeriods(m Month, d Date) []Period {
	var out []Period
	for _, q := range m.Periods(p.Schedule) {
		if !p.DueDate(q).After(d) {
			out = append(out, q)
		}
	}
	return out
}

// ReportedOn returns the period a sheet written or sent on day d most likely
// reports: the previous period while its sheets are still due or in the
// first days of the next (a late sheet), else the period that holds d.
func (p *Programme) ReportedOn(d Date) Period {
	q := PeriodOf(d, p.Schedule)
	if d.Before(q.Start().AddDays(max(p.DueDays+p.GraceDays+1, lateWindow))) {
		return q.Prev()
	}
	return q
}

// lateWindow is how many days into a period a sheet is still taken for the
// period before.
const lateWindow = 5

// Validate checks that the programme is usable: names present and unique,
// every milestone with a deadline and reporting units that exist.
func (p *Programme) Validate() error {
	var errs []string
	if len(p.Measures) == 0 {
		errs = append(errs, "没有任何整改措施")
	}
	if len(p.Units) == 0 {
		errs = append(errs, "没有任何填报单位")
	}
	seen := map[string]bool{}
	for _, u := range p.Units {
		if seen[u.Name] {
			errs = append(errs, fmt.Sprintf("单位%q重复", u.Name))
		}
		seen[u.Name] = true
	}
	ids := map[string]bool{}
	for _, ms := range p.Milestones() {
		if ids[ms.ID] {
			errs = append(errs, fmt.Sprintf("节点%q重复", ms.ID))
		}
		ids[ms.ID] = true
		if ms.Deadline.IsZero() {
			errs = append(errs, fmt.Sprintf("节点%s没有完成时限", ms.ID))
		}
		for _, u := range ms.Units {
			if !seen[u] {
				errs = append(errs, fmt.Sprintf("节点%s的填报单位%q不在单位表中", ms.ID, u))
			}
		}
	}
	if len(errs) > 0 {
		return fmt.Errorf("方案有误：%s", strings.Join(errs, "；"))
	}
	return nil
}

var chineseDigits = []string{"零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"}

// ChineseNumber writes 1..99 in Chinese numerals (一, 十二, 二十一); other
// numbers in Arabic digits.
func ChineseNumber(n int) string {
	switch {
	case n >= 0 && n <= 10:
		return chineseDigits[n]
	case n < 20:
		return "十" + chineseDigits[n-10]
	case n < 100:
		s := chineseDigits[n/10] + "十"
		if n%10 != 0 {
			s += chineseDigits[n%10]
		}
		return s
	}
	return fmt.Sprint(n)
}

// MilestoneID returns the ID of the sub-th milestone of measure no: 一 when
// sub is 0, 三.1 otherwise.
func MilestoneID(no, sub int) string {
	if sub == 0 {
		return ChineseNumber(no)
	}
	return fmt.Sprintf("%s.%d", ChineseNumber(no), sub)
}
