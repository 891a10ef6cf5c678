package taizhang

import (
	"fmt"
	"strings"
)

// CheckOptions says for whom a sheet is checked and on which day.
type CheckOptions struct {
	AsOf      Date // the day against which deadlines are judged; zero: the period's last day
	Submitter bool // validate: overdue and due-soon are 提示 (an overdue row without 存在问题 a 警告)
}

// maxSameFindings is how many findings of one kind Check lists for one sheet.
const maxSameFindings = 200

// DueSoonDays is how many days before a deadline a milestone not yet done is 临期.
const DueSoonDays = 30

// Check reads the values of the sheet's entries (statuses, completion dates,
// 填报日期), setting Status and Completed, and returns every finding the sheet
// shows on its own: unreadable or empty values, missing, unknown and
// duplicated rows, inconsistent entries, overdue and due-soon milestones.
// A sheet whose unit is unknown is checked against no unit's list. A column
// the sheet lacks (进展状态, 进展情况, 完成时间) is the reader's finding, once:
// its empty cells are not reported row by row.
func Check(p *Programme, s *Submission, opt CheckOptions) Findings {
	var fs Findings
	// A sheet of thousands of rows with the same fault gets the first
	// maxSameFindings of each kind one by one, then a count.
	counts := map[Code]int{}
	row := 0 // the entry being checked: a finding on it without a cell names the row's first cell
	add := func(c Code, cell string, ms string, format string, args ...any) *Finding {
		if counts[c]++; counts[c] > maxSameFindings {
			return &Finding{}
		}
		if cell == "" && row > 0 {
			cell = s.rowCell(row)
		}
		f := fs.Add(c, s.Place(cell), format, args...)
		f.Unit, f.Period, f.Milestone = s.Unit, s.Period, ms
		return f
	}

	year := s.Period.Year
	if Normalize(s.FilledText) != "" && s.Filled.IsZero() {
		d, err := ParseDate(s.FilledText, year)
		if err != nil {
			add(InvalidValue, s.FilledCell, "", "填报日期%q%s，请填写如 2021-05-31", Quote(s.FilledText), dateProblem(err))
		} else {
			s.Filled = d
		}
	}
	if year == 0 {
		year = s.Filled.Year
	}
	if opt.Submitter {
		due := p.DueDate(s.Period)
		switch {
		case s.FilledCell != "" && Normalize(s.FilledText) == "" && !s.FilledFormula:
			f := add(InvalidValue, s.FilledCell, "", "填报日期为空，请填写报送本表的日期，如 %s", exampleDay(s.Period))
			f.Severity = Warning
		case s.Period.IsZero():
		case !s.Source.Received.IsZero():
			// The e-mail's time decides, whatever 填报日期 says.
			if d := DateOf(s.Source.Received); d.After(due) {
				f := add(LateSubmission, "", "", "邮件 %s 发出，已过报送截止日 %s（晚%d天）", s.Source.Received.In(CST).Format("2006-01-02 15:04"), due, due.DaysUntil(d))
				f.Severity = Info
				f.Place.Sheet = ""
			}
		case !s.Filled.IsZero() && s.Filled.After(due):
			f := add(LateSubmission, s.FilledCell, "", "填报日期 %s 已过报送截止日 %s（晚%d天），请尽快报送", s.Filled, due, due.DaysUntil(s.Filled))
			f.Severity = Info
		}
	}
	asOf := opt.AsOf
	if asOf.IsZero() {
		asOf = s.Period.End()
	}
	hasStatus, hasProgress, hasCompleted := s.HasColumn(FieldStatus), s.HasColumn(FieldProgress), s.HasColumn(FieldCompleted)
	seen := map[string]int{}
	for i := range s.Entries {
		e := &s.Entries[i]
		row = e.Row
		var ms *Milestone
		if e.Milestone != "" {
			ms = p.Milestone(e.Milestone)
		}
		id := e.Milestone
		statusCell := s.CellOf(FieldStatus, e.Row)
		// Formulas the file holds no result of read as empty: say why, once.
		for _, f := range Fields {
			if e.Formula(f) {
				cell := s.CellOf(f, e.Row)
				add(InvalidValue, cell, id, "%s（%s）是公式，但文件没有保存计算结果，无法读取；请在 Excel 或 WPS 中打开后保存一次再报送", f, cell)
			}
		}
		// Formulas whose result is an error value: say so rather than call
		// it a status or date written wrong.
		var failed uint16
		// (The reader says so of the texts, which may be stowed by now.)
		for i, text := range [...]string{e.StatusText, e.CompletedText} {
			f := [...]Field{FieldStatus, FieldCompleted}[i]
			if v := FormulaError(text); v != "" && e.ErrorValue(f) {
				failed |= 1 << f
				cell := s.CellOf(f, e.Row)
				add(InvalidValue, cell, id, "%s（%s）是公式，计算结果为错误值 %s；请在 Excel 或 WPS 中改正公式，或直接填写", f, cell, v)
			}
		}
		// Status.
		st, err := ParseStatus(e.StatusText)
		e.Status = st
		if err != nil && hasStatus && !e.Formula(FieldStatus) && failed&(1<<FieldStatus) == 0 {
			add(InvalidValue, statusCell, id, "%s", err.Error())
		}
		// Completion date.
		if e.Completed.IsZero() && !noDate(e.CompletedText) && failed&(1<<FieldCompleted) == 0 {
			d, err := completionDate(e.CompletedText, year, s.Period)
			if err != nil {
				add(InvalidValue, s.CellOf(FieldCompleted, e.Row), id, "完成时间%q%s，请填写如 2021-05-31", Quote(e.CompletedText), dateProblem(err))
			} else {
				e.Completed = d
			}
		}
		if ms == nil {
			cell := s.CellOf(FieldNo, e.Row)
			if cell == "" {
				cell = s.CellOf(FieldNode, e.Row)
			}
			add(UnknownEntry, cell, "", "第%d行%s对应不到方案中的任何节点，已保留在台账中；如是方案中的节点，请按模板填写措施编号或节点，如 三.1；如是方案以外的工作，可删去该行或写入相关节点的进展情况", e.Row, rowLabel(e))
			continue
		}
		if prev, dup := seen[id]; dup {
			add(Inconsistent, s.CellOf(FieldNo, e.Row), id, "节点 %s 在第%d行已填写过，本行重复，请合并为一行", id, prev)
		} else {
			seen[id] = e.Row
		}
		applicable := s.Unit == "" || ms.Reports(s.Unit)
		if !applicable {
			add(NotApplicable, s.CellOf(FieldNo, e.Row), id, "节点 %s 不是%s需要填报的任务，已保留在台账中，可删除该行", id, s.Unit)
		}
		if err == nil && st != NotStarted && e.ProgressBlank() && hasProgress && !e.Formula(FieldProgress) {
			add(InvalidValue, s.CellOf(FieldProgress, e.Row), id, "进展情况为空，请简要填写本期工作进展")
		}
		compCell := s.CellOf(FieldCompleted, e.Row)
		switch {
		case st == Done && e.Completed.IsZero() && noDate(e.CompletedText) && hasCompleted && !e.Formula(FieldCompleted):
			add(Inconsistent, compCell, id, "进展状态为已完成，但未填写完成时间，请填写实际完成日期")
		case (st == InProgress || st == NotStarted) && !e.Completed.IsZero():
			add(Inconsistent, compCell, id, "填写了完成时间 %s，但进展状态为%s；已完成的请把进展状态改为已完成，否则请清空完成时间", e.Completed, st)
		}
		if !e.Completed.IsZero() && !s.Filled.IsZero() && e.Completed.After(s.Filled) {
			add(Inconsistent, compCell, id, "完成时间 %s 晚于填报日期 %s，请核实", e.Completed, s.Filled)
		}
		// A late completion is news in the period it happened, not in every
		// sheet after (Merge also reports one that is first reported later).
		news := s.Period.IsZero() || !e.Completed.Before(s.Period.Start())
		if st == Done && !e.Completed.IsZero() && e.Completed.After(ms.Deadline) && news {
			add(CompletedLate, compCell, id, "%s", lateMessage(ms, e))
		}
		if st != Done && err == nil && applicable {
			switch days := asOf.DaysUntil(ms.Deadline); {
			case days < 0:
				f := add(Overdue, statusCell, id, "节点 %s 完成时限为 %s，截至 %s 已逾期%d天，仍为%s", id, ms.Deadline, asOf, -days, st)
				if opt.Submitter {
					f.Severity = Info
					if e.ProblemsBlank() {
						f.Severity = Warning
						f.Place.Cell = s.CellOf(FieldProblems, e.Row)
						f.Message += "，请在“存在问题”中说明未完成的原因"
					}
				}
			case days == 0:
				add(DueSoon, statusCell, id, "节点 %s 完成时限为 %s，今天到期", id, ms.Deadline)
			case days <= DueSoonDays:
				add(DueSoon, statusCell, id, "节点 %s 完成时限为 %s，还剩%d天", id, ms.Deadline, days)
			}
		}
	}
	row = 0
	if s.Unit != "" {
		for _, ms := range p.UnitMilestones(s.Unit) {
			if _, ok := seen[ms.ID]; !ok {
				add(MissingEntry, "", ms.ID, "缺少节点 %s（%s）的填报行，请按模板补上该行并填写进展", ms.ID, ms.Title)
			}
		}
	}
	for _, c := range Codes {
		if n := counts[c] - maxSameFindings; n > 0 {
			f := fs.Add(c, s.Place(""), "同类问题另有 %d 处，未逐条列出（每类最多列出 %d 处），请按已列出的逐一检查整张表", n, maxSameFindings)
			f.Unit, f.Period = s.Unit, s.Period
		}
	}
	return fs
}

func rowLabel(e *Entry) string {
	var parts []string
	if t := Quote(e.No); t != "" {
		parts = append(parts, fmt.Sprintf("措施编号%q", t))
	}
	if t := Quote(e.Node); t != "" {
		parts = append(parts, fmt.Sprintf("节点%q", t))
	}
	if len(parts) == 0 {
		if t := Quote(e.Measure); t != "" {
			parts = append(parts, fmt.Sprintf("整改措施%q", t))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return "（" + strings.Join(parts, "，") + "）"
}

// FormulaError returns v, trimmed, when it is an error value a formula left
// in a cell (#N/A, #REF!, #DIV/0! and the like), else "".
func FormulaError(v string) string {
	switch v = strings.TrimSpace(v); v {
	case "#N/A", "#REF!", "#DIV/0!", "#VALUE!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!", "#GETTING_DATA":
		return v
	}
	return ""
}

// noDate reports whether a 完成时间 is empty or a mark people write in a
// table for "no date yet": 无, 暂无, 未完成, a slash or a dash.
func noDate(text string) bool {
	switch n := strings.TrimRight(Normalize(text), "。.;；"); n {
	case "", "无", "暂无", "未完成", "尚未完成", "/", "\\":
		return true
	default:
		return strings.Trim(n, "-—－–") == ""
	}
}

// completionDate reads a completion date; one written without a year that
// would fall after period q (12月28日 on a January sheet) is of the year before.
func completionDate(text string, year int, q Period) (Date, error) {
	d, err := ParseDate(text, year)
	if err != nil || q.IsZero() || !d.After(q.End()) {
		return d, err
	}
	if _, err := ParseDate(text, 0); err == nil {
		return d, nil // the year is written
	}
	if e, err := ParseDate(text, year-1); err == nil {
		return e, nil
	}
	return d, nil
}

func dateProblem(err error) string {
	if err == ErrNoDate {
		return "为空"
	}
	return err.Error()
}

// exampleDay returns a day to show in a message: the period's last day, or 2021-05-31.
func exampleDay(q Period) string {
	if q.IsZero() {
		return "2021-05-31"
	}
	return q.End().String()
}

// lateMessage says that entry e completed milestone ms after its deadline.
func lateMessage(ms *Milestone, e *Entry) string {
	return fmt.Sprintf("节点 %s 完成时间 %s 晚于完成时限 %s，逾期%d天完成", ms.ID, e.Completed, ms.Deadline, ms.Deadline.DaysUntil(e.Completed))
}
