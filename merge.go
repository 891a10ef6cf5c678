package taizhang

import (
	"cmp"
	"fmt"
	"path"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"
)

// File is one input file as read: its source, the submission in it (nil
// when it could not be read) and what the reader found.
type File struct {
	Source     Source
	Load       func() ([]byte, error) // the bytes again (to annotate a copy); nil when not available
	Submission *Submission
	Findings   Findings
	// Unopened marks a file that no part of this program can open (a .rar
	// or .7z archive, an Outlook .msg, winmail.dat): what a unit sent, but
	// unread.
	Unopened bool
	// Sheetless marks an e-mail that brought attachments but no spreadsheet
	// (a PDF scan, photos): what a unit sent, in a form no sheet is read from.
	Sheetless bool
}

// MergeOptions sets the run's period and as-of date.
type MergeOptions struct {
	Period Period    // zero: the latest period among the submissions
	AsOf   Date      // zero: the period's last day
	From   Period    // receipts are kept from this period on even when no sheet of it came; zero: the earliest sheet's
	Store  TextStore // where the entries' texts were stowed, if anywhere
	// Today gives the period when nothing else does: no --period, no sheet
	// with a period, no first period in the programme.
	Today Date
}

// ReceiptState says whether and when a unit's sheet for a period arrived.
type ReceiptState int

// The states of 报送情况.
const (
	Missing ReceiptState = iota
	OnTime
	Late
	UnknownTime
)

// String returns 未报, 按时, 迟报 or 时间不明.
func (s ReceiptState) String() string {
	switch s {
	case OnTime:
		return "按时"
	case Late:
		return "迟报"
	case UnknownTime:
		return "时间不明"
	}
	return "未报"
}

// Receipt is one unit's reporting for one period (a row of 报送情况).
type Receipt struct {
	Unit         string
	Period       Period
	State        ReceiptState
	Due          Date        // last day on time, grace included
	Received     time.Time   // when First arrived: the e-mail's time, or the start of 填报日期; zero when unknown
	ReceivedFrom string      // 邮件时间, 填报日期 or ""
	Submission   *Submission // the sheet used; nil when none was
	// First is the sheet first received, whose arrival decides 按时 or 迟报:
	// a unit that reported on time stays on time when it sends the sheet again.
	// It is Submission when only one came or no time is known.
	First      *Submission
	Replaced   []*Submission // older sheets of the same unit and period
	Repeats    []*Submission // those of Replaced that are unchanged copies of an earlier sheet (forwarded or sent again), or of the used one attached twice to one e-mail
	Misnamed   []*Submission // those of Replaced whose file name gives another unit (单位不符)
	Unreadable []string      // files whose names point to this unit and period but could not be read
	Blank      []string      // this unit's sheets of the period that came back unfilled (no report), when no filled one came
	Sheetless  []string      // e-mails from this unit for the period with attachments but no spreadsheet (a PDF scan), when nothing else came
	// Mismatched are the sheets sent as this unit's for the period that are
	// another unit's (by the file name) or another period's (by the file
	// name, the e-mail subject, or for the run's period a later period sent
	// early), when the unit is 未报 for want of its own.
	Mismatched []*Submission
}

// Miss is what came from a unit for a period it is 未报 for.
type Miss int

// What came, in the order a receipt tells them (see Receipt.Miss).
const (
	MissNothing    Miss = iota
	MissUnreadable      // files that could not be read or opened (Unreadable)
	MissBlank           // the template sent back unfilled (Blank)
	MissMismatched      // another unit's or period's sheet (Mismatched)
	MissSheetless       // a mail with a PDF scan or photos, no spreadsheet (Sheetless)
)

// Miss says what came from the unit for the period, when nothing usable
// did: the first of Unreadable, Blank, Mismatched and Sheetless that is not
// empty. Every message about a 未报 gives the reason in this order.
func (r *Receipt) Miss() Miss {
	switch {
	case len(r.Unreadable) > 0:
		return MissUnreadable
	case len(r.Blank) > 0:
		return MissBlank
	case len(r.Mismatched) > 0:
		return MissMismatched
	case len(r.Sheetless) > 0:
		return MissSheetless
	}
	return MissNothing
}

// Mismatch says how sheet s of Mismatched is not the unit's sheet of the
// period: WrongUnit and the sheet's unit, or WrongPeriod and its period.
func (r *Receipt) Mismatch(s *Submission) (Code, string) {
	if s.Unit != r.Unit {
		return WrongUnit, s.Unit
	}
	return WrongPeriod, s.Period.String()
}

// DaysLate returns how many days after Due the sheet arrived (0 when on time or unknown).
func (r *Receipt) DaysLate() int {
	if r.State != Late {
		return 0
	}
	return r.Due.DaysUntil(DateOf(r.Received))
}

// Row is one entry in the consolidated ledger (a row of 汇总台账).
type Row struct {
	Sub       *Submission
	Entry     *Entry
	Milestone *Milestone // nil when the row matched no milestone
	Marks     []Code     // findings on this row
}

// Unit returns the row's unit, "" when the sheet's unit is unknown.
func (r *Row) Unit() string { return r.Sub.Unit }

// Period returns the row's period.
func (r *Row) Period() Period { return r.Sub.Period }

// Place returns the row's first cell in its source.
func (r *Row) Place() Place { return r.Sub.Place(r.Sub.rowCell(r.Entry.Row)) }

// CellState is the state of one unit × milestone cell of 总览.
type CellState int

// The states of the overview matrix.
const (
	NotRequired  CellState = iota
	NotReported            // the unit sent no sheet for the period
	EntryMissing           // the sheet has no row for the milestone
	NoValue                // the row's status could not be read
	StateNotStarted
	StateInProgress
	StateDueSoon
	StateOverdue
	StateDone
	StateDoneLate
)

// String returns the Chinese text shown in the matrix.
func (s CellState) String() string {
	switch s {
	case NotReported:
		return "未报"
	case EntryMissing:
		return "漏报"
	case NoValue:
		return "填写有误"
	case StateNotStarted:
		return "未启动"
	case StateInProgress:
		return "推进中"
	case StateDueSoon:
		return "临期"
	case StateOverdue:
		return "逾期未完成"
	case StateDone:
		return "已完成"
	case StateDoneLate:
		return "逾期完成"
	}
	return "—"
}

// Cell is one unit × milestone cell of 总览.
type Cell struct {
	State CellState
	Entry *Entry // nil when not reported
}

// Category groups the overview's cells for counting, in the summary, the
// 总览 sheet and the report alike.
type Category int

// The categories; a 临期 cell counts as 未启动 or 推进中 by what its sheet says.
const (
	CatNone       Category = iota // the unit need not report the milestone
	CatDone                       // 已完成, on time or late
	CatInProgress                 // 推进中
	CatNotStarted                 // 未启动
	CatOverdue                    // 逾期未完成
	CatUnknown                    // 未报, 漏报 or 填写有误
)

// Category returns the cell's category.
func (c Cell) Category() Category {
	switch c.State {
	case NotRequired:
		return CatNone
	case StateDone, StateDoneLate:
		return CatDone
	case StateInProgress:
		return CatInProgress
	case StateNotStarted:
		return CatNotStarted
	case StateDueSoon:
		if c.Entry != nil && c.Entry.Status == NotStarted {
			return CatNotStarted
		}
		return CatInProgress
	case StateOverdue:
		return CatOverdue
	}
	return CatUnknown
}

// Ledger is the consolidated ledger of one run (汇总台账).
type Ledger struct {
	Programme *Programme
	Period    Period   // the run's period
	AsOf      Date     // the day deadlines are judged against
	Periods   []Period // every period from the earliest sheet to Period
	Receipts  []Receipt
	Rows      []Row
	Findings  Findings
	Files     []File                   // every input, in input order
	Store     TextStore                // where the entries' texts were stowed; nil when they are in memory
	cells     map[string][]Cell        // by unit, then by column (cellCol)
	carried   map[string][]carriedCell // by unit, then by column: cells as last reported, for units with gaps
	cellCol   map[string]int           // milestone ID → position in a unit's cells
}

// Texts returns an entry's texts, reading them back from the store when they were stowed.
func (l *Ledger) Texts(e *Entry) (Texts, error) { return e.ReadTexts(l.Store) }

// Cell returns the overview cell of unit and milestone id for the run's period.
func (l *Ledger) Cell(unit, id string) Cell {
	row := l.cells[unit]
	if k, ok := l.cellCol[id]; ok && k < len(row) {
		return row[k]
	}
	return Cell{}
}

// carriedCell is a cell taken from an earlier sheet of its unit.
type carriedCell struct {
	cell Cell
	from Period // zero: not carried
}

// Latest returns the cell of unit and milestone id as last reported. It is
// Cell, unless the unit sent no sheet for the run's period, its sheet has no
// row for the milestone or the row's status cannot be read: then it is the
// unit's latest earlier sheet that gives a status for the milestone, judged
// against AsOf, and from is that sheet's period. from is zero when the cell is
// the run's period's own or no earlier sheet says more.
func (l *Ledger) Latest(unit, id string) (c Cell, from Period) {
	if row := l.carried[unit]; row != nil {
		if k, ok := l.cellCol[id]; ok && k < len(row) && !row[k].from.IsZero() {
			return row[k].cell, row[k].from
		}
	}
	return l.Cell(unit, id), Period{}
}

// gap reports whether a cell says nothing of the milestone's progress.
func (c Cell) gap() bool {
	return c.State == NotReported || c.State == EntryMissing || c.State == NoValue
}

// ReceiptsOf returns the receipts of period q, in unit order.
func (l *Ledger) ReceiptsOf(q Period) []*Receipt {
	var out []*Receipt
	for i := range l.Receipts {
		if l.Receipts[i].Period == q {
			out = append(out, &l.Receipts[i])
		}
	}
	return out
}

// Pending returns the periods of month m after the ledger's: those a
// report of m as of the ledger's date leaves out, not yet due.
func (l *Ledger) Pending(m Month) []Period {
	var out []Period
	for _, q := range m.Periods(l.Programme.Schedule) {
		if l.Period.Before(q) {
			out = append(out, q)
		}
	}
	return out
}

// Summary holds the counts shown after a merge.
type Summary struct {
	Expected, Received, OnTime, Late, Missing, UnknownTime int
	Overdue, DueSoon, Done, InProgress, NotStarted         int // unit × milestone cells of the run's period
	Unknown                                                int // cells not reported, missing or unreadable
	Required                                               int // cells a unit must report
	Errors, Warnings, Infos                                int
}

// Summary counts the run's period.
func (l *Ledger) Summary() Summary { return l.summary(l.Cell) }

// LatestSummary is Summary with every cell as last reported (see Latest).
func (l *Ledger) LatestSummary() Summary {
	return l.summary(func(unit, id string) Cell {
		c, _ := l.Latest(unit, id)
		return c
	})
}

func (l *Ledger) summary(cell func(unit, id string) Cell) Summary {
	var s Summary
	for _, r := range l.ReceiptsOf(l.Period) {
		s.Expected++
		switch r.State {
		case Missing:
			s.Missing++
		case OnTime:
			s.OnTime++
		case Late:
			s.Late++
		case UnknownTime:
			s.UnknownTime++
		}
		if r.State != Missing {
			s.Received++
		}
	}
	for _, u := range l.Programme.Units {
		for _, ms := range l.Programme.Milestones() {
			c := cell(u.Name, ms.ID)
			if c.State == StateDueSoon {
				s.DueSoon++
			}
			switch c.Category() {
			case CatNone:
				continue
			case CatOverdue:
				s.Overdue++
			case CatDone:
				s.Done++
			case CatInProgress:
				s.InProgress++
			case CatNotStarted:
				s.NotStarted++
			case CatUnknown:
				s.Unknown++
			}
			s.Required++
		}
	}
	s.Errors, s.Warnings, s.Infos = l.Findings.Count(Error), l.Findings.Count(Warning), l.Findings.Count(Info)
	return s
}

// Merge consolidates the files of a batch into a ledger for one period:
// it picks the latest sheet of each unit and period, judges receipts against
// the due dates, checks every sheet of the run's period against the as-of
// date and the unit's previous period, and finds who has not reported.
// Sheets of earlier periods are history; later ones are reported and left out.
// The files' findings are not changed; the submissions' statuses and dates are
// read (see Check).
func Merge(p *Programme, files []File, opt MergeOptions) *Ledger {
	// The findings Merge adds belong to this ledger, not to the caller's files.
	files = slices.Clone(files)
	for i := range files {
		files[i].Findings = slices.Clone(files[i].Findings)
	}
	l := &Ledger{Programme: p, Files: files, Store: opt.Store, cells: map[string][]Cell{}, carried: map[string][]carriedCell{}, cellCol: map[string]int{}}
	for _, ms := range p.Milestones() {
		if _, dup := l.cellCol[ms.ID]; !dup {
			l.cellCol[ms.ID] = len(l.cellCol)
		}
	}
	// Merge settles some sheets' periods (FitSchedule, the run's period for
	// an undated sheet) on copies: the caller may merge the same files again,
	// for the monthly report, and must find them as read.
	var subs []*Submission
	for i := range files {
		if s := files[i].Submission; s != nil {
			c := *s
			if f, moved := p.FitSchedule(&c); moved {
				files[i].Findings = append(files[i].Findings, f)
				files[i].Submission = &c
			}
			subs = append(subs, files[i].Submission)
		}
	}
	l.Period = opt.Period
	if l.Period.IsZero() {
		l.Period = runPeriod(subs)
	}
	if l.Period.IsZero() {
		l.Period = p.FirstPeriod
	}
	if l.Period.IsZero() {
		switch {
		case !opt.AsOf.IsZero():
			l.Period = p.ReportedOn(opt.AsOf)
		case !opt.Today.IsZero():
			l.Period = p.ReportedOn(opt.Today)
		}
	}
	l.AsOf = opt.AsOf
	if l.AsOf.IsZero() {
		l.AsOf = l.Period.End()
	}
	type key struct {
		unit   string
		period Period
	}
	// A sheet of a known unit whose period could not be read is taken for
	// the run's period when nothing says otherwise, rather than leaving the
	// unit 未报.
	placed := map[string]bool{}
	for _, s := range subs {
		if s.Unit != "" && s.Period == l.Period {
			placed[s.Unit] = true
		}
	}
	for i := range files {
		s := files[i].Submission
		if s == nil || s.Unit == "" || !s.Period.IsZero() {
			continue
		}
		if d := arrival(s); d.IsZero() && placed[s.Unit] || !d.IsZero() && p.ReportedOn(d) != l.Period {
			continue
		}
		c := *s
		c.Period, c.PeriodFrom = l.Period, "本次汇总期次"
		s, files[i].Submission = &c, &c
		for j := range files[i].Findings {
			f := &files[i].Findings[j]
			if f.Code == UnknownPeriod {
				problem, _, _ := strings.Cut(f.Message, "；")
				f.Severity = Warning
				f.Message = fmt.Sprintf("%s；已按本次汇总的期次%s汇总，如不是该期的表，请在表头“报送期次”写明后重新报送", problem, l.Period)
			}
		}
		files[i].Findings.Attribute(s.Unit, s.Period)
	}
	// A file that could not be read is attributed to a unit by its name, its
	// sender or its e-mail's subject, and to a period by its name, its e-mail's subject or time, or
	// else the run's. So is one that could not be opened and only has notes
	// (a .rar or .msg): for a unit that sent no sheet of that period it is
	// what the unit sent, and could not be read; and an e-mail that brought
	// no spreadsheet but other attachments (a PDF scan): what the unit sent,
	// in the wrong form.
	unreadable := map[key][]string{}
	unopened := map[key][]string{}
	sheetless := map[key][]string{}
	for i := range files {
		if files[i].Submission != nil {
			continue
		}
		src := files[i].Source
		unit, _ := p.MatchUnit(strings.TrimSuffix(src.Name, path.Ext(src.Name)))
		if unit == "" {
			unit = p.UnitBySender(src.Sender)
		}
		if unit == "" && src.Subject != "" {
			unit, _ = p.MatchUnit(src.Subject)
		}
		q, _ := FindPeriod(src.Name, p.Schedule, p.Year())
		if q.IsZero() {
			q, _ = FindPeriod(src.Subject, p.Schedule, p.Year())
		}
		if q.IsZero() && unit != "" {
			if src.Received.IsZero() {
				q = l.Period
			} else {
				q = p.ReportedOn(DateOf(src.Received))
			}
		}
		if unit == "" && q.IsZero() {
			continue
		}
		files[i].Findings.Attribute(unit, q)
		if unit == "" || q.IsZero() {
			continue
		}
		if slices.ContainsFunc(files[i].Findings, func(f Finding) bool { return f.Code == UnreadableFile }) {
			unreadable[key{unit, q}] = append(unreadable[key{unit, q}], src.Path)
		} else if files[i].Unopened {
			unopened[key{unit, q}] = append(unopened[key{unit, q}], src.Path)
		} else if files[i].Sheetless {
			sheetless[key{unit, q}] = append(sheetless[key{unit, q}], src.Path)
		}
	}
	// Check every sheet first: it reads statuses and dates, history
	// included. Each check touches only its own sheet: they run side by side.
	checked := make([]Findings, len(files))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.NumCPU(), len(files)) {
		wg.Go(func() {
			for i := range next {
				checked[i] = Check(p, files[i].Submission, CheckOptions{AsOf: l.AsOf})
			}
		})
	}
	for i := range files {
		if files[i].Submission != nil {
			next <- i
		}
	}
	close(next)
	wg.Wait()
	// Sheets whose file name names another unit than the sheet (单位不符).
	misnamed := map[int]bool{}
	for i := range files {
		if s := files[i].Submission; s != nil && slices.ContainsFunc(files[i].Findings, func(f Finding) bool { return f.Code == WrongUnit }) {
			misnamed[i] = true
		}
	}
	// Group the usable sheets by unit and period.
	groups := map[key][]int{}
	later := 0
	mislabelled := map[string][]*Submission{} // later sheets a unit sent for the run's period, by unit
	stale := map[string][]staleSheet{}        // earlier sheets a unit sent as the run's period, by unit
	first := l.Period
	fileOf := map[*Submission]int{}
	for i := range files {
		s := files[i].Submission
		if s == nil {
			continue
		}
		fileOf[s] = i
		if s.Unit == "" || s.Period.IsZero() {
			continue
		}
		if l.Period.Before(s.Period) {
			// A later sheet that arrived while the run's period was being
			// reported is likely mislabelled; one that came later is just
			// the future, counted once below.
			var f *Finding
			switch d := arrival(s); {
			case !d.IsZero() && !d.After(p.DueDate(l.Period)):
				also := disagreements(&files[i].Findings, s)
				f = files[i].Findings.Add(WrongPeriod, s.Place(s.PeriodCell), "表中期次为%s%s，晚于本次汇总的期次%s，却在 %s 就已报送，未计入汇总；如期次填错请改正后重新报送", s.Period, also, l.Period, d)
			case d.IsZero() && opt.Period.IsZero():
				// The run's period was chosen over this one by the other units' sheets.
				also := disagreements(&files[i].Findings, s)
				f = files[i].Findings.Add(WrongPeriod, s.Place(s.PeriodCell), "表中期次为%s%s，晚于多数单位所报的本次汇总期次%s，表中又没有填报日期，无法判断报送时间，未计入汇总；如期次填错请改正后重新报送", s.Period, also, l.Period)
			default:
				later++
			}
			if f != nil {
				f.Unit, f.Period = s.Unit, s.Period
				mislabelled[s.Unit] = append(mislabelled[s.Unit], s)
			}
			continue
		}
		if s.Period.Before(l.Period) {
			if what := namesPeriod(p, s, l.Period); what != "" {
				stale[s.Unit] = append(stale[s.Unit], staleSheet{s, what})
			}
		}
		k := key{s.Unit, s.Period}
		groups[k] = append(groups[k], i)
		if s.Period.Before(first) {
			first = s.Period
		}
	}
	if !opt.From.IsZero() && opt.From.Before(first) {
		first = opt.From
	}
	for q := first; !l.Period.Before(q); q = q.Next() {
		l.Periods = append(l.Periods, q)
	}
	// Choose the latest sheet of each group, and the first received. A
	// template sent back with nothing filled in is no report.
	winner := map[key]int{}
	firstIn := map[key]int{}
	replaced := map[key][]int{}
	repeatOf := map[int]int{}
	twin := map[int]bool{} // an identical copy with the used sheet's display path
	blank := map[key][]string{}
	for k, idx := range groups {
		// A sheet sent as another unit's (单位不符) does not displace the
		// unit's own.
		slices.SortStableFunc(idx, func(a, b int) int {
			sa, sb := files[a].Submission, files[b].Submission
			if c := compareBool(filledIn(sa), filledIn(sb)); c != 0 {
				return c
			}
			if c := compareBool(!misnamed[a], !misnamed[b]); c != 0 {
				return c
			}
			return compareReceived(sa, sb, a, b)
		})
		if !slices.ContainsFunc(idx, func(i int) bool { return !blankTemplate(files[i].Submission) }) {
			for _, i := range idx {
				blank[k] = append(blank[k], files[i].Source.Path)
			}
			continue
		}
		// A copy identical to a sheet received before it (forwarded again,
		// re-sent) is a repeat: the original stays. Copies that came at the
		// same time are ranked as any others.
		if len(idx) > 1 {
			byArrival := slices.Clone(idx)
			slices.SortStableFunc(byArrival, func(a, b int) int {
				return receivedAt(files[a].Submission).Compare(receivedAt(files[b].Submission))
			})
			var originals []int
			for _, i := range byArrival {
				j := slices.IndexFunc(originals, func(o int) bool {
					return cameBefore(files[o].Submission, files[i].Submission) && sameSheet(files[o].Submission, files[i].Submission, opt.Store)
				})
				if j < 0 {
					originals = append(originals, i)
				} else {
					repeatOf[i] = originals[j]
				}
			}
			ordered := slices.DeleteFunc(slices.Clone(idx), func(i int) bool { _, r := repeatOf[i]; return !r })
			for _, i := range idx {
				if _, r := repeatOf[i]; !r {
					ordered = append(ordered, i)
				}
			}
			copy(idx, ordered)
		}
		w := idx[len(idx)-1]
		winner[k] = w
		firstIn[k] = firstReceived(files, idx, misnamed)
		replaced[k] = idx[:len(idx)-1]
		for _, o := range idx[:len(idx)-1] {
			s := files[o].Submission
			if misnamed[o] && o != firstIn[k] {
				continue // its 单位不符 says it is not used (below)
			}
			var f *Finding
			ws := files[w].Submission
			// Attachments of one name in one e-mail or archive share their
			// display path: name the container instead.
			beside := s.Source.Path == ws.Source.Path && s.Source.Container != ""
			if q := carriedOver(s); !q.IsZero() && carriedOver(ws).IsZero() {
				f = files[o].Findings.Add(DuplicateSubmission, Place{File: s.Source.Path, Sheet: s.Sheet}, "%s%s收到多份进展情况表，采用该期报送的 %s；本表是报送%s的工作簿中留存的往期表，未计入汇总", k.unit, k.period, ws.Source.Path, q)
			} else if orig, ok := repeatOf[o]; ok {
				if orig == w {
					f = files[o].Findings.Add(DuplicateSubmission, Place{File: s.Source.Path}, "%s%s收到多份进展情况表，本表与采用的 %s 内容相同，是重复发送的，未计入汇总", k.unit, k.period, ws.Source.Path)
				} else if beside {
					// The one used came beside this one, under its name.
					f = files[o].Findings.Add(DuplicateSubmission, Place{File: s.Source.Path}, "%s%s收到多份进展情况表，本表与 %s 内容相同，是重复发送的；%s 中另有一份同名、内容不同的表 %s，采用了那一份，本表未计入汇总；请与%s核实以哪一份为准", k.unit, k.period, files[orig].Source.Path, s.Source.Container, s.Source.Name, k.unit)
				} else {
					f = files[o].Findings.Add(DuplicateSubmission, Place{File: s.Source.Path}, "%s%s收到多份进展情况表，本表与 %s 内容相同，是重复发送的；采用较新的 %s，本表未计入汇总", k.unit, k.period, files[orig].Source.Path, ws.Source.Path)
				}
			} else if alike := sameSheet(s, ws, opt.Store); alike && beside {
				// The same attachment twice.
				twin[o] = true
				f = files[o].Findings.Add(DuplicateSubmission, Place{File: s.Source.Path}, "%s%s收到多份进展情况表：%s 中有两份同名、内容相同的表 %s，采用其中一份，另一份未计入汇总", k.unit, k.period, s.Source.Container, s.Source.Name)
			} else if beside {
				// Two attachments of one name, not alike: which is meant
				// only the unit can say. Why the one used was
				// (compareReceived): filled in, saved later (an archive's
				// entries), else the later of the two.
				which, check := "其中一份", "；请与"+k.unit+"核实以哪一份为准"
				switch {
				case filledIn(ws) && !filledIn(s):
					which, check = "填写了内容的一份", ""
				case ws.Source.Modified.After(s.Source.Modified):
					which = "修改时间较晚的一份"
				case w > o && ws.Source.Modified.Equal(s.Source.Modified):
					which = "排在后面的一份"
				}
				f = files[o].Findings.Add(DuplicateSubmission, Place{File: s.Source.Path}, "%s%s收到多份进展情况表：%s 中有两份同名的表 %s，内容不同，采用%s，另一份未计入汇总%s", k.unit, k.period, s.Source.Container, s.Source.Name, which, check)
			} else if alike {
				// Copies that came at the same time, one no newer than the other.
				f = files[o].Findings.Add(DuplicateSubmission, Place{File: s.Source.Path}, "%s%s收到多份进展情况表，本表与采用的 %s 内容相同，未计入汇总", k.unit, k.period, ws.Source.Path)
			} else {
				f = files[o].Findings.Add(DuplicateSubmission, Place{File: s.Source.Path}, "%s%s收到多份进展情况表，采用较新的 %s，本表未计入汇总", k.unit, k.period, ws.Source.Path)
			}
			if o == firstIn[k] {
				f.Message += "；报送时间以最先收到的本表为准"
			}
			f.Unit, f.Period = k.unit, k.period
		}
	}
	// Another unit's sheet that did not replace that unit's own: its 单位不符
	// says so, and whether the unit its name gives sent its own sheet.
	for k, idx := range replaced {
		for _, o := range idx {
			if !misnamed[o] {
				continue
			}
			// The unit the sheet was sent as, as the reader found it: by
			// the file name, else by the sender.
			named := nameUnit(p, files[o].Submission)
			if named == "" {
				named = p.UnitBySender(files[o].Submission.Source.Sender)
			}
			for j := range files[o].Findings {
				f := &files[o].Findings[j]
				head, _, ok := strings.Cut(f.Message, "，已按")
				if f.Code != WrongUnit || !ok || named == "" {
					continue
				}
				f.Message = fmt.Sprintf("%s；%s另报有本单位的表，本表未计入汇总", head, k.unit)
				if _, sent := winner[key{named, k.period}]; sent {
					f.Message += fmt.Sprintf("；%s本期也已报送本单位的表", named)
				} else {
					f.Message += fmt.Sprintf("；如发错了文件，请%s重新报送本单位的表", named)
				}
			}
		}
	}
	// Receipts.
	sentIn := map[Period]int{}
	for k := range winner {
		sentIn[k.period]++
	}
	expected := 0
	for _, u := range p.Units {
		if len(p.UnitMilestones(u.Name)) > 0 {
			expected++
		}
	}
	// Sheets sent as another unit's (by the file name) or as a later
	// period's (by the file name or e-mail subject), by the unit and earlier
	// period they were sent as: that period's 未报 names them, as the run's
	// period's does below.
	sentAs := map[key][]*Submission{}
	for i := range files {
		s := files[i].Submission
		if s == nil || s.Unit == "" || s.Period.IsZero() || !s.Period.Before(l.Period) {
			continue
		}
		if u := nameUnit(p, s); misnamed[i] && u != "" {
			sentAs[key{u, s.Period}] = append(sentAs[key{u, s.Period}], s)
		}
		for _, q := range namedPeriods(s.Source, p.Schedule, s.Period.Year) {
			if k := (key{s.Unit, q}); s.Period.Before(q) && q.Before(l.Period) && !slices.Contains(sentAs[k], s) {
				sentAs[k] = append(sentAs[k], s)
			}
		}
	}
	for _, q := range l.Periods {
		// An earlier period lists every unit when it was asked for (from
		// opt.From on) or when most units' sheets of it came; a few stray
		// old sheets list only their own units, not everyone else as 未报.
		full := q == l.Period || !opt.From.IsZero() && !q.Before(opt.From) || 2*sentIn[q] >= expected
		for _, u := range p.Units {
			if len(p.UnitMilestones(u.Name)) == 0 {
				continue
			}
			k := key{u.Name, q}
			_, sent := winner[k]
			unread := unreadable[k]
			if !sent && len(unread) == 0 {
				unread = unopened[k]
			}
			if !full && !sent && len(unread) == 0 && len(blank[k]) == 0 && len(sentAs[k]) == 0 && len(sheetless[k]) == 0 {
				continue
			}
			r := Receipt{Unit: u.Name, Period: q, Due: p.DueDate(q), Unreadable: unread, Blank: blank[k]}
			if !sent && len(r.Unreadable)+len(r.Blank) == 0 {
				r.Mismatched = sentAs[k]
				if len(r.Mismatched) == 0 {
					r.Sheetless = sheetless[k]
				}
			}
			if w, ok := winner[k]; ok {
				s := files[w].Submission
				r.Submission = s
				for _, o := range replaced[k] {
					r.Replaced = append(r.Replaced, files[o].Submission)
					if _, ok := repeatOf[o]; ok || twin[o] {
						r.Repeats = append(r.Repeats, files[o].Submission)
					}
					if misnamed[o] {
						r.Misnamed = append(r.Misnamed, files[o].Submission)
					}
				}
				r.First = files[firstIn[k]].Submission
				r.Received, r.ReceivedFrom = r.First.Arrival()
				switch {
				case r.Received.IsZero():
					r.State = UnknownTime
				case DateOf(r.Received).After(r.Due):
					r.State = Late
				default:
					r.State = OnTime
				}
			}
			l.Receipts = append(l.Receipts, r)
		}
	}
	// Sheets of the run's period whose file name names another unit: if that
	// unit sent nothing, its 未报 says where its sheet may have gone.
	misfiled := map[string][]*Submission{}
	for i := range files {
		s := files[i].Submission
		if s == nil || s.Period != l.Period || !misnamed[i] {
			continue
		}
		if u := nameUnit(p, s); u != "" {
			misfiled[u] = append(misfiled[u], s)
		}
	}
	// Findings of the run's period.
	for i := range files {
		s := files[i].Submission
		var inRun bool
		if s != nil && s.Unit != "" && s.Period == l.Period {
			w, ok := winner[key{s.Unit, s.Period}]
			inRun = ok && w == i
		}
		switch {
		case s == nil, s.Unit == "", s.Period.IsZero():
			// unreadable, or a sheet nobody can place: every finding counts.
			l.Findings = append(l.Findings, files[i].Findings...)
			l.Findings = append(l.Findings, checked[i]...)
		case inRun:
			l.Findings = append(l.Findings, files[i].Findings...)
			l.Findings = append(l.Findings, checked[i]...)
		default:
			// History, replaced or later sheets: only what concerns the file
			// itself, and a period that disagrees with the file name or
			// e-mail subject when one of them names the run's period.
			claims := s.Period.Before(l.Period) && namesPeriod(p, s, l.Period) != ""
			for _, f := range files[i].Findings {
				if (f.Code == DuplicateSubmission || f.Code == WrongUnit) && s.Period == l.Period || f.Code == WrongPeriod && (!s.Period.Before(l.Period) || claims) {
					l.Findings = append(l.Findings, f)
				}
			}
		}
	}
	if later > 0 {
		l.Findings.Add(ReaderNote, Place{}, "另有 %d 份期次晚于%s的进展情况表，未计入本次汇总", later, l.Period)
	}
	for i := range l.Receipts {
		r := &l.Receipts[i]
		if r.Period != l.Period {
			continue
		}
		var f *Finding
		switch r.State {
		case Missing:
			if len(r.Unreadable)+len(r.Blank) > 0 {
				var got []string
				if len(r.Unreadable) > 0 {
					got = append(got, strings.Join(r.Unreadable, "、")+" 无法读取")
				}
				if len(r.Blank) > 0 {
					got = append(got, strings.Join(r.Blank, "、")+" "+blankWhat)
				}
				again := "请其重新报送"
				if len(r.Unreadable) == 0 {
					again = "请其填写后重新报送"
				}
				f = l.Findings.Add(MissingSubmission, Place{}, "%s%s进展情况表（应于 %s 前报送）收到的 %s，视为未报，%s", r.Unit, r.Period, r.Due, strings.Join(got, "，"), again)
			} else if m := misfiled[r.Unit]; len(m) > 0 {
				r.Mismatched = m
				f = l.Findings.Add(MissingSubmission, Place{}, "%s未报送%s进展情况表（应于 %s 前报送）；收到的 %s 文件名为%s，表中却是%s的表，如发错了文件，请重新报送", r.Unit, r.Period, r.Due, m[0].Source.Path, r.Unit, m[0].Unit)
			} else if m := mislabelled[r.Unit]; len(m) > 0 {
				r.Mismatched = m
				f = l.Findings.Add(MissingSubmission, Place{}, "%s未报送%s进展情况表（应于 %s 前报送）；收到的 %s 表中期次为%s，如是期次填错，请改正后重新报送", r.Unit, r.Period, r.Due, m[0].Source.Path, m[0].Period)
			} else if m := stale[r.Unit]; len(m) > 0 {
				for _, x := range m {
					r.Mismatched = append(r.Mismatched, x.s)
				}
				f = l.Findings.Add(MissingSubmission, Place{}, "%s未报送%s进展情况表（应于 %s 前报送）；收到的 %s %s中为%s，表中却是%s的表，如发错了文件，请重新报送", r.Unit, r.Period, r.Due, m[0].s.Source.Path, m[0].what, r.Period, m[0].s.Period)
			} else if len(r.Sheetless) > 0 {
				f = l.Findings.Add(MissingSubmission, Place{}, "%s%s进展情况表（应于 %s 前报送）收到的 %s 中没有电子表格（只有 PDF 扫描件等附件），视为未报，请其报送 Excel 格式的进展情况表", r.Unit, r.Period, r.Due, strings.Join(r.Sheetless, "、"))
			} else {
				f = l.Findings.Add(MissingSubmission, Place{}, "%s未报送%s进展情况表（应于 %s 前报送）", r.Unit, r.Period, r.Due)
			}
		case Late:
			f = l.Findings.Add(LateSubmission, Place{File: r.First.Source.Path}, "%s%s进展情况表应于 %s 前报送，%s收到（%s），迟报%d天", r.Unit, r.Period, r.Due, formatReceived(r), r.ReceivedFrom, r.DaysLate())
		case UnknownTime:
			f = l.Findings.Add(UnknownReceivedTime, Place{File: r.Submission.Source.Path, Sheet: r.Submission.Sheet, Cell: r.Submission.FilledCell}, "%s%s进展情况表没有邮件时间也没有填报日期，无法判断是否按时报送；%s", r.Unit, r.Period, fillIn(r.Submission))
		}
		if f != nil {
			f.Unit, f.Period = r.Unit, r.Period
		}
	}
	// Regressions against the unit's previous sheet.
	for _, r := range l.ReceiptsOf(l.Period) {
		if r.Submission == nil {
			continue
		}
		prev := l.previous(r.Unit, l.Period)
		s := r.Submission
		lateNews(p, s, prev, &l.Findings)
		if prev == nil {
			continue
		}
		before := map[string]Status{}
		for _, e := range prev.Entries {
			if e.Milestone != "" && e.Status != NoStatus {
				if _, ok := before[e.Milestone]; !ok {
					before[e.Milestone] = e.Status
				}
			}
		}
		for _, e := range s.Entries {
			if b, ok := before[e.Milestone]; ok && e.Status != NoStatus && e.Status < b {
				f := l.Findings.Add(Inconsistent, s.Place(s.CellOf(FieldStatus, e.Row)), "节点 %s 进展状态由上期（%s）的%s退回为%s，请核实", e.Milestone, prev.Period, b, e.Status)
				f.Unit, f.Period, f.Milestone = s.Unit, s.Period, e.Milestone
			}
		}
	}
	// Rows of the ledger: every used sheet, and sheets nobody can place.
	type rowKey struct {
		file, sheet string
		row         int
	}
	marks := map[rowKey][]Code{}
	for _, f := range l.Findings {
		if f.Place.Cell == "" {
			continue
		}
		_, row := SplitCell(f.Place.Cell)
		k := rowKey{f.Place.File, f.Place.Sheet, row}
		if !slices.Contains(marks[k], f.Code) {
			marks[k] = append(marks[k], f.Code)
		}
	}
	var used []*Submission
	for _, w := range winner {
		used = append(used, files[w].Submission)
	}
	for i := range files {
		if s := files[i].Submission; s != nil && (s.Unit == "" || s.Period.IsZero()) {
			used = append(used, s)
		}
	}
	slices.SortFunc(used, func(a, b *Submission) int {
		if c := a.Period.Compare(b.Period); c != 0 {
			return c
		}
		if c := cmp.Compare(p.UnitIndex(a.Unit), p.UnitIndex(b.Unit)); c != 0 {
			return c
		}
		return cmp.Compare(fileOf[a], fileOf[b])
	})
	n := 0
	for _, s := range used {
		n += len(s.Entries)
	}
	l.Rows = make([]Row, 0, n)
	for _, s := range used {
		for j := range s.Entries {
			e := &s.Entries[j]
			row := Row{Sub: s, Entry: e, Marks: marks[rowKey{s.Source.Path, s.Sheet, e.Row}]}
			if e.Milestone != "" {
				row.Milestone = p.Milestone(e.Milestone)
			}
			l.Rows = append(l.Rows, row)
		}
	}
	// The overview matrix.
	for _, r := range l.ReceiptsOf(l.Period) {
		row := make([]Cell, len(l.cellCol))
		l.cells[r.Unit] = row
		for _, ms := range p.UnitMilestones(r.Unit) {
			if r.Submission == nil {
				row[l.cellCol[ms.ID]] = Cell{State: NotReported}
				continue
			}
			var e *Entry
			for j := range r.Submission.Entries {
				if r.Submission.Entries[j].Milestone == ms.ID {
					e = &r.Submission.Entries[j]
					break
				}
			}
			row[l.cellCol[ms.ID]] = Cell{State: cellState(ms, e, l.AsOf), Entry: e}
		}
	}
	l.carryForward()
	l.sortFindings()
	return l
}

// carryForward fills the gaps of the run's period's cells from each unit's
// latest earlier sheet that gives a status (see Latest).
func (l *Ledger) carryForward() {
	earlier := map[string][]*Receipt{} // by unit, latest first
	for i := len(l.Receipts) - 1; i >= 0; i-- {
		r := &l.Receipts[i]
		if r.Submission != nil && r.Period.Before(l.Period) {
			earlier[r.Unit] = append(earlier[r.Unit], r)
		}
	}
	for unit, rs := range earlier {
		slices.SortStableFunc(rs, func(a, b *Receipt) int { return b.Period.Compare(a.Period) })
		row := l.cells[unit]
		var carried []carriedCell
		for _, ms := range l.Programme.UnitMilestones(unit) {
			k := l.cellCol[ms.ID]
			if k >= len(row) || !row[k].gap() {
				continue
			}
		sheets:
			for _, r := range rs {
				for j := range r.Submission.Entries {
					e := &r.Submission.Entries[j]
					if e.Milestone != ms.ID || e.Status == NoStatus {
						continue
					}
					if carried == nil {
						carried = make([]carriedCell, len(row))
					}
					carried[k] = carriedCell{cell: Cell{State: cellState(ms, e, l.AsOf), Entry: e}, from: r.Period}
					break sheets
				}
			}
		}
		if carried != nil {
			l.carried[unit] = carried
		}
	}
}

func cellState(ms *Milestone, e *Entry, asOf Date) CellState {
	switch {
	case e == nil:
		return EntryMissing
	case e.Status == Done && !e.Completed.IsZero() && e.Completed.After(ms.Deadline):
		return StateDoneLate
	case e.Status == Done:
		return StateDone
	case e.Status == NoStatus:
		return NoValue
	case ms.Deadline.Before(asOf):
		return StateOverdue
	case asOf.DaysUntil(ms.Deadline) <= DueSoonDays:
		return StateDueSoon
	case e.Status == InProgress:
		return StateInProgress
	}
	return StateNotStarted
}

// previous returns the unit's latest sheet of a period before q, or nil.
func (l *Ledger) previous(unit string, q Period) *Submission {
	var best *Submission
	for i := range l.Receipts {
		r := &l.Receipts[i]
		if r.Unit == unit && r.Submission != nil && r.Period.Before(q) && (best == nil || best.Period.Before(r.Period)) {
			best = r.Submission
		}
	}
	return best
}

// sortFindings orders findings by severity, then unit (programme order), period, file and cell.
func (l *Ledger) sortFindings() {
	p := l.Programme
	slices.SortStableFunc(l.Findings, func(a, b Finding) int {
		if c := cmp.Compare(b.Severity, a.Severity); c != 0 {
			return c
		}
		if c := cmp.Compare(p.UnitIndex(a.Unit), p.UnitIndex(b.Unit)); c != 0 {
			return c
		}
		if c := a.Period.Compare(b.Period); c != 0 {
			return c
		}
		if c := strings.Compare(a.Place.File, b.Place.File); c != 0 {
			return c
		}
		if c := strings.Compare(a.Place.Sheet, b.Place.Sheet); c != 0 {
			return c
		}
		if c := compareCells(a.Place.Cell, b.Place.Cell); c != 0 {
			return c
		}
		return strings.Compare(string(a.Code), string(b.Code))
	})
}

// compareReceived orders two sheets of one unit and period by which should
// count, the greater winning: a sheet with anything filled in beats a blank
// one; then a sheet sent for its period beats one kept in a workbook sent
// for a later period (see carriedOver); then the later day it arrived (the e-mail's, else 填报日期, else the
// file's time — but for a sheet whose name or subject says it is a revision,
// the e-mail's or file's time when later than its 填报日期, which is often
// left as the original's); then a name that says it is a revision (修改版,
// 更正, 补发); then the later time; then the later input. Each sheet has its
// own key, so the order does not depend on the order of the files.
func compareReceived(a, b *Submission, ia, ib int) int {
	if c := compareBool(filledIn(a), filledIn(b)); c != 0 {
		return c
	}
	if c := compareBool(carriedOver(a).IsZero(), carriedOver(b).IsZero()); c != 0 {
		return c
	}
	ta, tb := countedAt(a), countedAt(b)
	if c := DateOf(ta).Compare(DateOf(tb)); c != 0 {
		return c
	}
	if c := compareBool(revision(a.Source), revision(b.Source)); c != 0 {
		return c
	}
	if c := ta.Compare(tb); c != 0 {
		return c
	}
	if c := receivedAt(a).Compare(receivedAt(b)); c != 0 {
		return c
	}
	// Saved the same day with no e-mail: the copy saved later.
	if c := a.Source.Modified.Compare(b.Source.Modified); c != 0 {
		return c
	}
	return cmp.Compare(ia, ib)
}

// countedAt returns the time compareReceived orders a sheet by: receivedAt,
// or for a revision the later of that and the e-mail's or file's time.
func countedAt(s *Submission) time.Time {
	t := receivedAt(s)
	if !revision(s.Source) {
		return t
	}
	d := s.Source.Received
	if d.IsZero() {
		d = s.Source.Modified
	}
	if d.In(CST).After(t) {
		return d.In(CST)
	}
	return t
}

// firstReceived returns, of the sheets idx of one unit and period (in the
// order of compareReceived), the one first received, by the e-mail's time or
// else 填报日期: when the unit first reported. A blank sheet is no report. A
// sheet whose name says it is a revision came after an original, so it
// counts only when no original has a known time; a sheet kept in a later
// period's workbook (carriedOver) only when no other has; and a sheet whose
// file name names another unit (misnamed, 单位不符) only when no sheet of the
// unit's own has. Of sheets that came at the same time the later in order is
// taken. With no time known it returns the last, the one used.
func firstReceived(files []File, idx []int, misnamed map[int]bool) int {
	best := idx[len(idx)-1]
	var bestAt time.Time
	tier := func(i int) int {
		s := files[i].Submission
		switch {
		case misnamed[i]:
			return 3
		case !carriedOver(s).IsZero():
			return 2
		case revision(s.Source):
			return 1
		}
		return 0
	}
	for want := range 4 {
		for _, i := range idx {
			s := files[i].Submission
			if tier(i) != want || !filledIn(s) {
				continue
			}
			if t, _ := s.Arrival(); !t.IsZero() && (bestAt.IsZero() || !bestAt.Before(t)) {
				best, bestAt = i, t
			}
		}
		if !bestAt.IsZero() {
			break
		}
	}
	return best
}

// compareBool orders false before true.
func compareBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}

// receivedAt returns when a sheet arrived, as well as can be told: the
// e-mail's time, else the start of 填报日期, else the file's time; zero when
// none is known.
func receivedAt(s *Submission) time.Time {
	switch {
	case !s.Source.Received.IsZero():
		return s.Source.Received.In(CST)
	case !s.Filled.IsZero():
		return s.Filled.Time()
	case !s.Source.Modified.IsZero():
		return s.Source.Modified.In(CST)
	}
	return time.Time{}
}

// blankWhat says what is wrong with a sheet sent back unfilled.
const blankWhat = "未填写（各节点的进展状态、进展情况都是空的）"

// blankTemplate reports whether s is a template sent back with rows but
// nothing filled in them: no report at all.
func blankTemplate(s *Submission) bool { return len(s.Entries) > 0 && !filledIn(s) }

// filledIn reports whether any row of the sheet has a status, a completion
// date or progress written in it: a blank template sent by mistake does not
// replace a filled sheet.
func filledIn(s *Submission) bool {
	for i := range s.Entries {
		e := &s.Entries[i]
		if strings.TrimSpace(e.StatusText) != "" || !noDate(e.CompletedText) || !e.ProgressBlank() {
			return true
		}
	}
	return false
}

// revisionWords mark a file name or e-mail subject as a corrected copy.
var revisionWords = []string{"修改", "更正", "修订", "补发", "重报", "重发", "重新报送", "最终", "终稿", "定稿", "更新"}

// carriedOver returns the later period that the workbook holding sheet s
// was sent for, when s is one of its tables, one a period, kept from
// before: its file name or e-mail subject names a later period of which the
// workbook holds a table too. It is zero for any other sheet.
func carriedOver(s *Submission) Period {
	if len(s.OtherTables) == 0 || s.Period.IsZero() {
		return Period{}
	}
	for _, q := range namedPeriods(s.Source, s.Period.Schedule, s.Period.Year) {
		if s.Period.Before(q) && slices.Contains(s.OtherTables, q) {
			return q
		}
	}
	return Period{}
}

// nameUnit returns the unit sheet s's file name gives when it is another
// than the sheet's own (the reader's 单位不符), else "".
func nameUnit(p *Programme, s *Submission) string {
	u, err := p.MatchUnit(strings.TrimSuffix(s.Source.Name, path.Ext(s.Source.Name)))
	if err != nil || u == s.Unit {
		return ""
	}
	return u
}

// cameBefore reports whether a surely arrived before b: by the e-mails'
// times when both came by e-mail, else on an earlier day (a 填报日期 or a
// file's time says no more than the day).
func cameBefore(a, b *Submission) bool {
	if !a.Source.Received.IsZero() && !b.Source.Received.IsZero() {
		return a.Source.Received.Before(b.Source.Received)
	}
	ta, tb := receivedAt(a), receivedAt(b)
	return !ta.IsZero() && !tb.IsZero() && DateOf(ta).Before(DateOf(tb))
}

// sameSheet reports whether a and b say the same: unit, period, header and
// every row, texts included (read from st when stowed). A copy forwarded or
// re-sent unchanged is the same sheet.
func sameSheet(a, b *Submission, st TextStore) bool {
	if a.Unit != b.Unit || a.Period != b.Period || a.FilledText != b.FilledText || a.Contact != b.Contact || a.Phone != b.Phone || len(a.Entries) != len(b.Entries) {
		return false
	}
	for i := range a.Entries {
		x, y := &a.Entries[i], &b.Entries[i]
		if x.Milestone != y.Milestone || x.No != y.No || x.Node != y.Node || x.StatusText != y.StatusText || x.CompletedText != y.CompletedText {
			return false
		}
		tx, err := x.ReadTexts(st)
		if err != nil {
			return false
		}
		ty, err := y.ReadTexts(st)
		if err != nil || tx.Progress != ty.Progress || tx.Evidence != ty.Evidence || tx.Problems != ty.Problems || tx.NextSteps != ty.NextSteps || !slices.Equal(tx.Extra, ty.Extra) {
			return false
		}
	}
	return true
}

// namedPeriods returns the periods a sheet's file name and e-mail subject
// name, in that order; zero where one names none.
func namedPeriods(src Source, sched Schedule, year int) [2]Period {
	var qs [2]Period
	for i, t := range []string{strings.TrimSuffix(src.Name, path.Ext(src.Name)), src.Subject} {
		if q, ok := FindPeriod(t, sched, year); ok {
			qs[i] = q
		}
	}
	return qs
}

func revision(src Source) bool {
	for _, t := range []string{src.Name, src.Path, src.Subject} {
		for _, w := range revisionWords {
			if strings.Contains(t, w) {
				return true
			}
		}
	}
	return false
}

func formatReceived(r *Receipt) string {
	if r.ReceivedFrom == "邮件时间" {
		return r.Received.In(CST).Format("2006-01-02 15:04 ")
	}
	return DateOf(r.Received).String() + " "
}

// FitSchedule moves a sheet whose period belongs to another schedule
// (2021年4月下旬 in a half-monthly programme) into the programme's period
// that holds its last day, and returns the 期次不符 finding that says so.
func (p *Programme) FitSchedule(s *Submission) (Finding, bool) {
	if s.Period.IsZero() || s.Period.Schedule == p.Schedule {
		return Finding{}, false
	}
	q := PeriodOf(s.Period.End(), p.Schedule)
	f := NewFinding(WrongPeriod, s.Place(s.PeriodCell), "表中为%s，本专项工作每%s报送一次，已按%s汇总；请按模板填写期次，如 %s", s.Period, p.Schedule, q, q)
	f.Unit, f.Period = s.Unit, q
	s.Period = q
	return f, true
}

// disagreements takes out of fs the reader's findings that the file name or
// e-mail subject of sheet s gives another period than the sheet's own
// (表中期次为…，文件名中为…，以表中为准), and returns what they said, as
// （文件名中为2021年6月上半月）, for the one finding that replaces them; "" when
// there are none.
func disagreements(fs *Findings, s *Submission) string {
	prefix, suffix := "表中期次为"+s.Period.String()+"，", "，以表中为准；如表中填错请改正后重新报送"
	var said []string
	*fs = slices.DeleteFunc(*fs, func(f Finding) bool {
		if f.Code != WrongPeriod || f.Place != s.Place(s.PeriodCell) {
			return false
		}
		what, ok := strings.CutPrefix(f.Message, prefix)
		if !ok {
			return false
		}
		if what, ok = strings.CutSuffix(what, suffix); !ok || what == "" {
			return false
		}
		said = append(said, what)
		return true
	})
	if len(said) == 0 {
		return ""
	}
	return "（" + strings.Join(said, "，") + "）"
}

// staleSheet is a sheet of an earlier period whose file name or e-mail
// subject (what) names the run's period.
type staleSheet struct {
	s    *Submission
	what string
}

// namesPeriod returns 文件名 or 邮件主题 when sheet s's file name or e-mail
// subject names period q, "" when neither does.
func namesPeriod(p *Programme, s *Submission, q Period) string {
	for i, got := range namedPeriods(s.Source, p.Schedule, s.Period.Year) {
		if got == q {
			return [...]string{"文件名", "邮件主题"}[i]
		}
	}
	return ""
}

// arrival returns the day a sheet arrived: the e-mail's date, else its
// 填报日期 (read here when Check has not yet); zero when unknown.
func arrival(s *Submission) Date {
	if t, _ := s.Arrival(); !t.IsZero() {
		return DateOf(t)
	}
	d, _ := ParseDate(s.FilledText, s.Period.Year)
	return d
}

// runPeriod is the latest period of the sheets whose unit and period are
// known. A sheet that arrived before its period began is mislabelled (a
// 5月上半月 sent on 30 April) and does not move the run; nor do a few sheets
// with no date at all when far more units reported an earlier period (one
// sheet with a mistyped period among a month's returns) — unless most of
// their units also reported that period, when they are the next period's
// sheets coming in. Only when every sheet is like that does the latest of
// them decide.
func runPeriod(subs []*Submission) Period {
	type tally struct {
		dated bool
		units map[string]bool
	}
	per := map[Period]*tally{}
	var any Period
	for _, s := range subs {
		if s.Unit == "" || s.Period.IsZero() {
			continue
		}
		if any.IsZero() || any.Before(s.Period) {
			any = s.Period
		}
		d := arrival(s)
		if !d.IsZero() && d.Before(s.Period.Start()) {
			continue
		}
		t := per[s.Period]
		if t == nil {
			t = &tally{units: map[string]bool{}}
			per[s.Period] = t
		}
		t.units[s.Unit] = true
		t.dated = t.dated || !d.IsZero()
	}
	most := 0
	var fullest *tally
	for _, t := range per {
		if len(t.units) > most {
			most, fullest = len(t.units), t
		}
	}
	var best Period
	for q, t := range per {
		if !t.dated && 2*len(t.units) <= most && len(t.units) < most && !comingIn(t.units, fullest.units) {
			continue
		}
		if best.IsZero() || best.Before(q) {
			best = q
		}
	}
	if best.IsZero() {
		return any
	}
	return best
}

// comingIn reports whether most of units are also in fullest: sheets of a
// later period from units that reported the fuller one too are that later
// period's returns arriving, not mistyped periods.
func comingIn(units, fullest map[string]bool) bool {
	both := 0
	for u := range units {
		if fullest[u] {
			both++
		}
	}
	return 2*both > len(units)
}

// lateNews reports a late completion dated before the sheet's period (which
// Check leaves alone as old news) when the unit's previous sheet, prev, did
// not already show the milestone done: it is being reported for the first time.
func lateNews(p *Programme, s, prev *Submission, fs *Findings) {
	done := map[string]bool{}
	if prev != nil {
		for _, e := range prev.Entries {
			if e.Status == Done {
				done[e.Milestone] = true
			}
		}
	}
	for _, e := range s.Entries {
		ms := p.Milestone(e.Milestone)
		if ms == nil || e.Status != Done || e.Completed.IsZero() || !e.Completed.After(ms.Deadline) || !e.Completed.Before(s.Period.Start()) || done[e.Milestone] {
			continue
		}
		f := fs.Add(CompletedLate, s.Place(s.CellOf(FieldCompleted, e.Row)), "%s", lateMessage(ms, &e))
		f.Unit, f.Period, f.Milestone = s.Unit, s.Period, e.Milestone
	}
}

// fillIn asks for 填报日期 as sheet s needs it.
func fillIn(s *Submission) string {
	if s.FilledFormula {
		return fmt.Sprintf("表头的填报日期（%s）是公式，但文件没有保存计算结果，请在 Excel 或 WPS 中打开后保存一次再报送，或直接填写日期", s.FilledCell)
	}
	return "请在表头填写填报日期"
}
