package taizhang

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Severity says how serious a finding is. Higher is more severe.
type Severity int

// The severities of SPEC §6.
const (
	Info    Severity = iota // 提示
	Warning                 // 警告
	Error                   // 错误
)

// String returns the Chinese name: 错误, 警告 or 提示.
func (s Severity) String() string {
	switch s {
	case Error:
		return "错误"
	case Warning:
		return "警告"
	}
	return "提示"
}

// Key returns the ASCII name used in JSON: error, warning or info.
func (s Severity) Key() string {
	switch s {
	case Error:
		return "error"
	case Warning:
		return "warning"
	}
	return "info"
}

// Code identifies a kind of finding. Codes are stable ASCII names.
type Code string

// The finding codes of SPEC §6.
const (
	MissingSubmission   Code = "missing-submission"
	LateSubmission      Code = "late-submission"
	UnknownReceivedTime Code = "unknown-received-time"
	MissingEntry        Code = "missing-entry"
	UnknownEntry        Code = "unknown-entry"
	NotApplicable       Code = "not-applicable"
	Overdue             Code = "overdue"
	CompletedLate       Code = "completed-late"
	DueSoon             Code = "due-soon"
	InvalidValue        Code = "invalid-value"
	Inconsistent        Code = "inconsistent"
	DuplicateSubmission Code = "duplicate-submission"
	UnreadableFile      Code = "unreadable-file"
	WrongPeriod         Code = "wrong-period"
	UnknownUnit         Code = "unknown-unit"
	WrongUnit           Code = "wrong-unit"
	UnknownPeriod       Code = "unknown-period"
	ReaderNote          Code = "reader-note"
)

var codeInfo = map[Code]struct {
	label string
	sev   Severity
}{
	MissingSubmission:   {"未报", Error},
	LateSubmission:      {"迟报", Warning},
	UnknownReceivedTime: {"报送时间不明", Info},
	MissingEntry:        {"漏报", Error},
	UnknownEntry:        {"无法匹配", Warning},
	NotApplicable:       {"非本单位任务", Info},
	Overdue:             {"逾期未完成", Error},
	CompletedLate:       {"逾期完成", Warning},
	DueSoon:             {"临期", Info},
	InvalidValue:        {"填写有误", Error},
	Inconsistent:        {"前后矛盾", Warning},
	DuplicateSubmission: {"重复报送", Info},
	UnreadableFile:      {"无法读取", Error},
	WrongPeriod:         {"期次不符", Warning},
	UnknownUnit:         {"单位不明", Error},
	WrongUnit:           {"单位不符", Warning},
	UnknownPeriod:       {"期次不明", Error},
	ReaderNote:          {"读取说明", Info},
}

// Codes lists every finding code in a stable order.
var Codes = []Code{
	MissingSubmission, LateSubmission, UnknownReceivedTime, MissingEntry, UnknownEntry,
	NotApplicable, Overdue, CompletedLate, DueSoon, InvalidValue, Inconsistent,
	DuplicateSubmission, UnreadableFile, WrongPeriod, UnknownUnit, WrongUnit, UnknownPeriod, ReaderNote,
}

// Label returns the Chinese name of the code, such as 未报.
func (c Code) Label() string {
	if i, ok := codeInfo[c]; ok {
		return i.label
	}
	return string(c)
}

// Severity returns the usual severity of the code.
func (c Code) Severity() Severity { return codeInfo[c].sev }

// Place says where a finding was seen, so a person can open the file at that cell.
// Every field may be empty.
type Place struct {
	File  string // the file as the user knows it, e.g. 包头市.xlsx or 收件/某邮件.eml › a.zip › b.xlsx
	Sheet string
	Cell  string // A1-style reference
}

// Ref returns sheet!cell, the sheet alone, or "".
func (p Place) Ref() string {
	switch {
	case p.Sheet != "" && p.Cell != "":
		return p.Sheet + "!" + p.Cell
	case p.Sheet != "":
		return p.Sheet
	}
	return p.Cell
}

// String returns "file sheet!cell", leaving out what is empty; a cell of a
// file without sheets (CSV) reads file!cell.
func (p Place) String() string {
	ref := p.Ref()
	switch {
	case p.File != "" && p.Sheet == "" && p.Cell != "":
		return p.File + "!" + p.Cell
	case p.File != "" && ref != "":
		return p.File + " " + ref
	case p.File != "":
		return p.File
	}
	return ref
}

// Finding is one flagged problem.
type Finding struct {
	Code      Code
	Severity  Severity
	Unit      string
	Period    Period
	Milestone string // milestone ID such as 三.1, or ""
	Place     Place
	Message   string // what is wrong and what to change, without the label
}

// NewFinding returns a finding of code c with its usual severity.
func NewFinding(c Code, place Place, format string, args ...any) Finding {
	return Finding{Code: c, Severity: c.Severity(), Place: place, Message: fmt.Sprintf(format, args...)}
}

// Text returns the finding as one line: file sheet!cell 错误 填写有误：message.
func (f Finding) Text() string {
	var b strings.Builder
	if p := f.Place.String(); p != "" {
		b.WriteString(p)
		b.WriteByte(' ')
	}
	b.WriteString(f.Severity.String())
	b.WriteByte(' ')
	b.WriteString(f.Code.Label())
	b.WriteString("：")
	b.WriteString(f.Message)
	return b.String()
}

// Findings is a list of findings, like go/scanner.ErrorList.
type Findings []Finding

// Add appends a finding of code c at place with a formatted message.
func (fs *Findings) Add(c Code, place Place, format string, args ...any) *Finding {
	*fs = append(*fs, NewFinding(c, place, format, args...))
	return &(*fs)[len(*fs)-1]
}

// Attribute sets unit and period on the findings that name none. An empty
// unit or a zero period sets nothing.
func (fs Findings) Attribute(unit string, q Period) {
	for i := range fs {
		f := &fs[i]
		if f.Unit == "" {
			f.Unit = unit
		}
		if f.Period.IsZero() {
			f.Period = q
		}
	}
}

// Count returns how many findings have severity s.
func (fs Findings) Count(s Severity) int {
	n := 0
	for _, f := range fs {
		if f.Severity == s {
			n++
		}
	}
	return n
}

// Sort orders the findings most severe first, then by file, sheet, row and
// column, then by code; the order of equal findings is kept.
func (fs Findings) Sort() {
	slices.SortStableFunc(fs, func(a, b Finding) int {
		if c := cmp.Compare(b.Severity, a.Severity); c != 0 {
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

// compareCells orders A1 references by row, then column; "" first.
func compareCells(a, b string) int {
	ac, ar := SplitCell(a)
	bc, br := SplitCell(b)
	if c := cmp.Compare(ar, br); c != 0 {
		return c
	}
	if c := cmp.Compare(len(ac), len(bc)); c != 0 {
		return c
	}
	return strings.Compare(ac, bc)
}

// SplitCell splits "H9" into "H" and 9; a malformed reference gives row 0.
func SplitCell(ref string) (col string, row int) {
	i := 0
	for i < len(ref) && ref[i] >= 'A' && ref[i] <= 'Z' {
		i++
	}
	row, _ = strconv.Atoi(ref[i:])
	return ref[:i], row
}
