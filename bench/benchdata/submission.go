package benchdata

import (
	"strconv"
	"time"

	"taizhang"
)

// columns are the template's column letters (xlsx/layout.go).
var columns = map[taizhang.Field]string{
	taizhang.FieldSeq: "A", taizhang.FieldNo: "B", taizhang.FieldMeasure: "C", taizhang.FieldNode: "D",
	taizhang.FieldDeadline: "E", taizhang.FieldLead: "F", taizhang.FieldStatus: "G", taizhang.FieldCompleted: "H",
	taizhang.FieldProgress: "I", taizhang.FieldEvidence: "J", taizhang.FieldProblems: "K", taizhang.FieldNext: "L",
}

// Submission returns, without any workbook, the submission the reader makes
// of unit's filled template for period q: what the sheet generator would write
// for sheet number n of a batch with this seed, as xlsx.ReadSubmission reads it
// (dates as serial numbers in text, milestones matched).
func Submission(p *taizhang.Programme, unit string, q taizhang.Period, seed uint64, n int) *taizhang.Submission {
	fl := NewFiller(seed, n, q)
	name := unit + "_" + q.String() + "_进展情况表.xlsx"
	s := &taizhang.Submission{
		Source: taizhang.Source{Path: name, Name: name},
		Sheet:  "进展情况", Unit: unit, UnitFrom: "表头", UnitCell: "C2",
		Period: q, PeriodFrom: "表头", PeriodCell: "F2", FilledCell: "I2",
		Columns: columns,
	}
	h := fl.Header()
	s.FilledText, s.Contact, s.Phone = cellText(h.Filled), h.Contact, h.Phone
	for i, ms := range p.UnitMilestones(unit) {
		m := p.MeasureOf(ms.Measure)
		e := fl.Entry(ms)
		s.Entries = append(s.Entries, taizhang.Entry{Labels: &taizhang.Labels{Milestone: ms.ID, No: m.Label(), Measure: m.Title, Node: ms.ID + " " + ms.Title, StatusText: e.Status},
			Row:           5 + i,
			CompletedText: cellText(e.Completed),
			Texts:         &taizhang.Texts{Progress: e.Progress, Evidence: e.Evidence, Problems: e.Problems, NextSteps: e.NextSteps},
		})
	}
	return s
}

// cellText is a value as a reader with raw cell values sees it.
func cellText(v any) string {
	switch v := v.(type) {
	case time.Time:
		return strconv.FormatFloat(taizhang.DateOf(v).Serial(), 'f', -1, 64)
	case string:
		return v
	}
	return ""
}

// Batch returns the files of a batch: one submission per unit of p for period q.
func Batch(p *taizhang.Programme, q taizhang.Period, seed uint64) []taizhang.File {
	var files []taizhang.File
	for i, u := range p.Units {
		s := Submission(p, u.Name, q, seed, i)
		files = append(files, taizhang.File{Source: s.Source, Submission: s})
	}
	return files
}
