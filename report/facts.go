package report

import (
	"cmp"
	"slices"

	"taizhang"
)

// facts are the numbers of one month, taken from the ledger of its last period.
type facts struct {
	month   taizhang.Month
	asOf    taizhang.Date
	periods []taizhang.Period // the month's periods in the ledger, in order
	pending []taizhang.Period // the month's periods after the ledger's, not yet due

	// Receipts of the month's periods.
	expected, received, onTime, late, missing, unknownTime int

	// Unit × milestone cells of the ledger's period, as last reported
	// (taizhang.Ledger.Latest): the single source of every count, list,
	// table and chart of milestone progress in the report.
	required int
	cats     [numCats]int
	dueSoon  int
	carried  int // cells taken from an earlier sheet of their unit

	milestones []milestoneFacts
	units      []unitFacts // programme order
}

// milestoneFacts counts one milestone's reporting units by category.
type milestoneFacts struct {
	ms    *taizhang.Milestone
	units [numCats][]string
	cells map[string]taizhang.Cell
	from  map[string]taizhang.Period // the earlier period a unit's cell was taken from
}

// overdue returns the units that have not done the milestone by its deadline.
func (m milestoneFacts) overdue() []string { return m.units[catOverdue] }

// daysOverdue returns how many days before asOf the deadline passed.
func (m milestoneFacts) daysOverdue(asOf taizhang.Date) int { return m.ms.Deadline.DaysUntil(asOf) }

// label names a unit, with the period its status came from when it is an
// earlier one: 兴安盟（据5月上半月报送）.
func (m milestoneFacts) label(unit string) string {
	if q, ok := m.from[unit]; ok {
		return unit + "（据" + shortPeriod(q) + "报送）"
	}
	return unit
}

// labels labels units.
func (m milestoneFacts) labels(units []string) []string {
	out := make([]string, len(units))
	for i, u := range units {
		out[i] = m.label(u)
	}
	return out
}

func (m milestoneFacts) total() int {
	n := 0
	for _, u := range m.units {
		n += len(u)
	}
	return n
}

// unitFacts is one unit's month.
type unitFacts struct {
	name                                       string
	expected, onTime, late, missing, unknownT  int
	daysLate                                   int
	latePeriods, missingPeriods, unknownPeriod []taizhang.Period
	missingWhy                                 []string // why each of missingPeriods is 未报 although something came, or ""
	lateDays                                   []int
	required                                   int               // milestones of the ledger's period
	carriedFrom                                []taizhang.Period // earlier periods its cells were taken from, one per cell
	cats                                       [numCats]int
	entriesDue, entriesFilled                  int // over the month's periods
	rank                                       int
}

// categoryOf returns the chart category of a cell; ok is false for cells
// the unit need not report.
func categoryOf(c taizhang.Cell) (int, bool) {
	switch c.Category() {
	case taizhang.CatNone:
		return 0, false
	case taizhang.CatDone:
		return catDone, true
	case taizhang.CatInProgress:
		return catInProgress, true
	case taizhang.CatNotStarted:
		return catNotStarted, true
	case taizhang.CatOverdue:
		return catOverdue, true
	}
	return catUnknown, true
}

// monthFacts computes the facts of month m from l.
func monthFacts(l *taizhang.Ledger, m taizhang.Month) *facts {
	p := l.Programme
	f := &facts{month: m, asOf: l.AsOf}
	for _, q := range l.Periods {
		if q.MonthOf() == m {
			f.periods = append(f.periods, q)
		}
	}
	f.pending = l.Pending(m)
	byUnit := map[string]*unitFacts{}
	for _, u := range p.Units {
		if len(p.UnitMilestones(u.Name)) == 0 {
			continue
		}
		f.units = append(f.units, unitFacts{name: u.Name})
	}
	for i := range f.units {
		byUnit[f.units[i].name] = &f.units[i]
	}
	for _, q := range f.periods {
		for _, r := range l.ReceiptsOf(q) {
			u := byUnit[r.Unit]
			if u == nil {
				continue
			}
			f.expected++
			u.expected++
			switch r.State {
			case taizhang.Missing:
				f.missing++
				u.missing++
				u.missingPeriods = append(u.missingPeriods, q)
				u.missingWhy = append(u.missingWhy, missingWhy(r))
			case taizhang.OnTime:
				f.onTime++
				u.onTime++
			case taizhang.Late:
				f.late++
				u.late++
				u.daysLate += r.DaysLate()
				u.latePeriods = append(u.latePeriods, q)
				u.lateDays = append(u.lateDays, r.DaysLate())
			case taizhang.UnknownTime:
				f.unknownTime++
				u.unknownT++
				u.unknownPeriod = append(u.unknownPeriod, q)
			}
			if r.State != taizhang.Missing {
				f.received++
			}
			mss := p.UnitMilestones(r.Unit)
			u.entriesDue += len(mss)
			if r.Submission != nil {
				for _, ms := range mss {
					for _, e := range r.Submission.Entries {
						if e.Milestone == ms.ID {
							if e.Status != taizhang.NoStatus {
								u.entriesFilled++
							}
							break
						}
					}
				}
			}
		}
	}
	for _, ms := range p.Milestones() {
		mf := milestoneFacts{ms: ms, cells: map[string]taizhang.Cell{}, from: map[string]taizhang.Period{}}
		for i := range f.units {
			u := &f.units[i]
			if !ms.Reports(u.name) {
				continue
			}
			cell, from := l.Latest(u.name, ms.ID)
			c, ok := categoryOf(cell)
			if !ok {
				// The ledger's period has no receipt for the unit: not reported.
				c = catUnknown
			}
			mf.cells[u.name] = cell
			if !from.IsZero() {
				mf.from[u.name] = from
				f.carried++
				u.carriedFrom = append(u.carriedFrom, from)
			}
			mf.units[c] = append(mf.units[c], u.name)
			u.cats[c]++
			u.required++
			f.cats[c]++
			f.required++
			if cell.State == taizhang.StateDueSoon {
				f.dueSoon++
			}
		}
		f.milestones = append(f.milestones, mf)
	}
	rankUnits(f.units)
	return f
}

// rankUnits ranks units by timeliness, then completeness of reporting, then
// completion of milestones; equal units share a rank (1, 1, 3).
func rankUnits(us []unitFacts) {
	order := make([]*unitFacts, len(us))
	for i := range us {
		order[i] = &us[i]
	}
	key := func(a, b *unitFacts) int {
		if c := cmp.Compare(ratio(b.onTime, b.expected), ratio(a.onTime, a.expected)); c != 0 {
			return c
		}
		if c := cmp.Compare(a.missing, b.missing); c != 0 {
			return c
		}
		if c := cmp.Compare(a.daysLate, b.daysLate); c != 0 {
			return c
		}
		if c := cmp.Compare(ratio(b.entriesFilled, b.entriesDue), ratio(a.entriesFilled, a.entriesDue)); c != 0 {
			return c
		}
		return cmp.Compare(ratio(b.cats[catDone], b.required), ratio(a.cats[catDone], a.required))
	}
	slices.SortStableFunc(order, key)
	for i, u := range order {
		u.rank = i + 1
		if i > 0 && key(order[i-1], u) == 0 {
			u.rank = order[i-1].rank
		}
	}
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// receiptRate and onTimeRate are shares of the expected sheets, in percent.
func (f *facts) receiptRate() float64 { return 100 * ratio(f.received, f.expected) }
func (f *facts) onTimeRate() float64  { return 100 * ratio(f.onTime, f.expected) }
func (f *facts) doneRate() float64    { return 100 * ratio(f.cats[catDone], f.required) }

// missingWhy says why a unit is 未报 although something came from it: its
// file could not be read, its sheet was blank, or it was another unit's or
// period's; "" when nothing came.
func missingWhy(r *taizhang.Receipt) string {
	switch r.Miss() {
	case taizhang.MissUnreadable:
		return "报送的文件无法读取"
	case taizhang.MissBlank:
		return "报送的表未填写"
	case taizhang.MissMismatched:
		s := r.Mismatched[0]
		if s.Unit != r.Unit {
			return "报来的是" + s.Unit + "的表"
		}
		return "报来的是" + shortPeriod(s.Period) + "的表"
	case taizhang.MissSheetless:
		return "报来的邮件中没有电子表格"
	}
	return ""
}
