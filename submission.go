package taizhang

import (
	"strconv"
	"time"
)

// Source says where a file came from, as the person who saved it would look
// for it.
type Source struct {
	Path        string    // display path: 包头市.xlsx, or 收件/某邮件.eml › a.zip › b.xlsx
	Name        string    // the file's own name, e.g. 包头市_2021年4月上半月_进展情况表.xlsx
	Received    time.Time // the e-mail's Date; zero when not known
	Sender      string    // the e-mail's From address, or ""
	Subject     string    // the e-mail's subject, or ""
	Modified    time.Time // the file's modification time, a last resort for ordering resubmissions
	Attachments []string  // other attachments that came with it (佐证材料), for 报送情况
	Container   string    // the e-mail or archive it came in, as a display path; "" for a file on its own
}

// Input is one file to read: its source and a way to get its bytes.
type Input struct {
	Source
	Load func() ([]byte, error)
	// File is the file on disk when the input is one (not a member of an
	// archive or an e-mail): a reader may read it in place instead of Load.
	File string
}

// Field is a column of the progress sheet.
type Field int

// The columns of the progress sheet, in the template's order.
const (
	FieldNone Field = iota
	FieldSeq
	FieldNo
	FieldMeasure
	FieldNode
	FieldDeadline
	FieldLead
	FieldStatus
	FieldCompleted
	FieldProgress
	FieldEvidence
	FieldProblems
	FieldNext
	fieldCount
)

// Fields lists the columns in template order.
var Fields = []Field{FieldSeq, FieldNo, FieldMeasure, FieldNode, FieldDeadline, FieldLead,
	FieldStatus, FieldCompleted, FieldProgress, FieldEvidence, FieldProblems, FieldNext}

var fieldNames = [fieldCount]string{"", "序号", "措施编号", "整改措施", "节点", "完成时限", "牵头单位",
	"进展状态", "完成时间", "进展情况", "佐证材料", "存在问题", "下一步计划"}

// String returns the column's header in the template.
func (f Field) String() string {
	if f > 0 && f < fieldCount {
		return fieldNames[f]
	}
	return ""
}

// Submission is one unit's progress sheet for one period (进展情况表).
type Submission struct {
	Source     Source
	Sheet      string
	Unit       string // "" when it could not be identified
	UnitFrom   string // 表头, 模板标识, 文件名 or 发件人
	UnitCell   string // cell of the 填报单位 value, or ""
	Period     Period // zero when it could not be known
	PeriodFrom string // 表头, 模板标识, 文件名, 邮件主题 or 命令行
	PeriodCell string
	// OtherTables are the periods of the workbook's other progress tables
	// when it holds one a period (sheets 4月上半月, 4月下半月, …); nil when it
	// holds one table, or the others give no period.
	OtherTables []Period
	FilledText  string // 填报日期 as written
	Filled      Date   // 填报日期, zero when empty or unreadable
	FilledCell  string
	// FilledFormula says 填报日期 is a formula whose result the file did not
	// save (a program that does not calculate wrote it): it reads as empty.
	FilledFormula bool
	Contact       string
	Phone         string
	Columns       map[Field]string // column letters of the fields found; nil when not read from a sheet
	Entries       []Entry
}

// Place returns the place of a cell of the sheet.
// Arrival returns when the sheet reached the task force and what says so: the
// e-mail's time, else the start of 填报日期 (China Standard Time); zero and ""
// when neither is known.
func (s *Submission) Arrival() (time.Time, string) {
	switch {
	case !s.Source.Received.IsZero():
		return s.Source.Received.In(CST), "邮件时间"
	case !s.Filled.IsZero():
		return s.Filled.Time(), "填报日期"
	}
	return time.Time{}, ""
}

func (s *Submission) Place(cell string) Place {
	return Place{File: s.Source.Path, Sheet: s.Sheet, Cell: cell}
}

// HasColumn reports whether the sheet has a column for field f. A
// submission whose Columns are nil (not read from a sheet) has them all.
func (s *Submission) HasColumn(f Field) bool {
	return s.Columns == nil || s.Columns[f] != ""
}

// CellOf returns the reference of field f in row, or "" when the sheet has no such column.
func (s *Submission) CellOf(f Field, row int) string {
	col := s.Columns[f]
	if col == "" || row == 0 {
		return ""
	}
	return col + strconv.Itoa(row)
}

// rowCell returns the first cell of row in the sheet's columns, or "" when
// the sheet has none.
func (s *Submission) rowCell(row int) string {
	for _, f := range Fields {
		if c := s.CellOf(f, row); c != "" {
			return c
		}
	}
	return ""
}

// Labels are the short texts of an entry that identify its milestone and
// state. Every sheet of a batch repeats the programme's numbers and titles:
// an entry read from a sheet, or stowed, shares its Labels with every other
// that says the same (a batch holds hundreds of thousands of entries).
type Labels struct {
	Milestone  string // the matched milestone ID, or "" when none matched
	No         string // 措施编号 as written
	Measure    string // 整改措施 as written
	Node       string // 节点 as written
	StatusText string
}

// SetLabels gives the entry the labels l, shared with every entry that has
// the same.
func (e *Entry) SetLabels(l Labels) { e.Labels = ShareLabels(l) }

// Formula reports whether the entry's cell of field f is a formula without a result.
func (e *Entry) Formula(f Field) bool { return f > 0 && f < 16 && e.Formulas&(1<<f) != 0 }

// Entry is one row of a submission: progress on one milestone (条目).
type Entry struct {
	// Labels are never nil, and shared with other entries (ShareLabels):
	// never assign to e.No and the like; give the entry changed Labels
	// with SetLabels.
	*Labels
	Row           int
	CompletedText string
	Completed     Date // set by Check, or by the reader from a date cell
	// Texts holds 进展情况, 佐证材料, 存在问题, 下一步计划 and other cells; nil once
	// stowed (ReadTexts reads them back). A pointer keeps a stowed entry small:
	// a batch holds hundreds of thousands of entries.
	*Texts
	ref     TextRef
	Status  Status // set by Check
	ByTitle bool   // matched by title text rather than number
	// Formulas marks, as 1<<Field, the columns whose cell holds a formula
	// but no result of it (the file was written by a program that does not
	// calculate); such a cell reads as empty.
	Formulas uint16
	// errorValues marks whether 进展状态 (bit 0) and 完成时间 (bit 1) hold
	// an error value (ErrorValue).
	errorValues uint8

	stowed                       bool
	progressBlank, problemsBlank bool
}

// SetErrorValue records that the entry's cell of field f (进展状态 or
// 完成时间; other fields are not recorded) holds an error value such as #N/A:
// the result of a formula gone wrong, or such a result pasted as a value —
// not text typed to look like one.
func (e *Entry) SetErrorValue(f Field) {
	switch f {
	case FieldStatus:
		e.errorValues |= 1
	case FieldCompleted:
		e.errorValues |= 2
	}
}

// ErrorValue reports whether SetErrorValue was called for f.
func (e *Entry) ErrorValue(f Field) bool {
	switch f {
	case FieldStatus:
		return e.errorValues&1 != 0
	case FieldCompleted:
		return e.errorValues&2 != 0
	}
	return false
}
