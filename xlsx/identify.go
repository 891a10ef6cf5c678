package xlsx

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"

	"taizhang"
)

// identify settles the sheet's unit and period from, in order, the header
// block, the template's hidden mark, the title, the file name, the e-mail
// (sender for the unit, subject for the period) and the command line. The
// sheet's name gives the period after the e-mail, or first of all when the
// workbook holds one table per period.
func (r *reader) identify() {
	s, p := r.s, r.p
	if p == nil {
		return
	}
	stem := fileStem(r.src.Name)
	// Year context for periods and dates written without a year.
	year := 0
	if d, err := taizhang.ParseDate(s.FilledText, 0); err == nil {
		year = d.Year
	}
	markPeriod, markOK := taizhang.Period{}, false
	if r.markPeriod != "" {
		if q, err := taizhang.ParsePeriod(r.markPeriod, p.Schedule, 0); err == nil {
			markPeriod, markOK = q, true
		}
	}
	for _, y := range []int{markPeriod.Year, yearIn(stem), yearIn(r.src.Subject), r.src.Received.In(taizhang.CST).Year(), r.cli().Year} {
		if year == 0 && y > 1900 {
			year = y
		}
	}
	// Unit.
	var headerErr error
	if r.unitText != "" {
		// A value of only punctuation ("填报单位：" then "：") is no value.
		if u, err := p.MatchUnit(r.unitText); err == nil {
			s.Unit, s.UnitFrom = u, "表头"
			if d := p.Subdivision(r.unitText, u); d != "" {
				r.fs.Add(taizhang.ReaderNote, r.place(s.UnitCell), "填报单位为“%s”，是%s下辖的%s，已按%s的表汇总；请核对这是否就是%s本期报送的表", taizhang.Quote(r.unitText), u, d, u, u)
			}
		} else if !errors.Is(err, taizhang.ErrNoUnit) {
			headerErr = err
		}
	}
	type source struct {
		from, text string
	}
	if s.Unit == "" {
		for _, c := range []source{{"模板标识", r.markUnit}, {"表头标题", r.title}, {"文件名", stem}} {
			if c.text == "" {
				continue
			}
			if u, err := p.MatchUnit(c.text); err == nil {
				s.Unit, s.UnitFrom = u, c.from
				break
			}
		}
	}
	if s.Unit == "" && r.src.Sender != "" {
		if u := p.UnitBySender(r.src.Sender); u != "" {
			s.Unit, s.UnitFrom = u, "发件人"
		}
	}
	switch {
	case headerErr != nil && s.Unit != "":
		f := r.fs.Add(taizhang.UnknownUnit, r.place(s.UnitCell), "填报单位%s；已按%s认定为%s，请在表头填写单位全称", strings.TrimPrefix(headerErr.Error(), "单位"), s.UnitFrom, s.Unit)
		f.Severity = taizhang.Warning
	case headerErr != nil:
		r.fs.Add(taizhang.UnknownUnit, r.place(s.UnitCell), "填报单位%s", strings.TrimPrefix(headerErr.Error(), "单位"))
	case s.Unit == "" && s.UnitCell != "":
		r.fs.Add(taizhang.UnknownUnit, r.place(s.UnitCell), "填报单位为空，文件名中也没有单位名称；请在表头填写单位全称，如 %s", p.ExampleUnit())
	case s.Unit == "":
		r.fs.Add(taizhang.UnknownUnit, r.place(""), "表头没有“填报单位”，文件名中也没有单位名称；请在表头填写单位全称，如 %s", p.ExampleUnit())
	case s.UnitFrom == "发件人":
		r.fs.Add(taizhang.ReaderNote, r.place(s.UnitCell), "表中没有填报单位，已按发件人 %s 认定为%s；请在表头填写单位全称", r.src.Sender, s.Unit)
	case s.UnitFrom != "表头":
		r.fs.Add(taizhang.ReaderNote, r.place(s.UnitCell), "表头没有填报单位，已按%s认定为%s", s.UnitFrom, s.Unit)
	}
	// The sheet's own unit wins over its file name and sender, but a
	// disagreement is worth a word: a file sent for one unit that holds
	// another's sheet is usually the wrong attachment.
	if s.UnitFrom == "表头" || s.UnitFrom == "模板标识" {
		if u, err := p.MatchUnit(stem); err == nil && u != s.Unit {
			r.wrongUnit(u, fmt.Sprintf("文件名中为%s", u), "；如确是"+s.Unit+"的表，请把文件名中的单位改为"+s.Unit)
		} else if u := p.UnitBySender(r.src.Sender); u != "" && u != s.Unit {
			r.wrongUnit(u, fmt.Sprintf("发件人 %s 登记为%s", r.src.Sender, u), "")
		}
	}
	// Period.
	var periodErr error
	if r.periodText != "" {
		if q, err := taizhang.ParsePeriod(r.periodText, p.Schedule, year); err == nil {
			s.Period, s.PeriodFrom = q, "表头"
		} else if q, ok := taizhang.FindPeriod(r.periodText, p.Schedule, year); ok {
			s.Period, s.PeriodFrom = q, "表头"
		} else {
			periodErr = err
		}
	}
	fileP, fileOK := taizhang.FindPeriod(stem, p.Schedule, year)
	subjP, subjOK := taizhang.FindPeriod(r.src.Subject, p.Schedule, year)
	titleP, titleOK := taizhang.FindPeriod(r.title, p.Schedule, year)
	if s.Period.IsZero() {
		type source struct {
			from string
			q    taizhang.Period
			ok   bool
		}
		// The sheet's name tells one table of a workbook from the others
		// (4月上半月, 4月下半月, …); a workbook's only sheet may keep a stale name.
		name := source{"工作表名", r.namePeriod, !r.namePeriod.IsZero()}
		mark, title := source{"模板标识", markPeriod, markOK}, source{"表头标题", titleP, titleOK}
		file, subj, cli := source{"文件名", fileP, fileOK}, source{"邮件主题", subjP, subjOK}, source{"命令行", r.cli(), !r.cli().IsZero()}
		sources := []source{mark, title, file, subj, name, cli}
		if r.manyTables {
			sources = []source{name, mark, title, file, subj, cli}
		}
		for _, c := range sources {
			if c.ok {
				s.Period, s.PeriodFrom = c.q, c.from
				break
			}
		}
	}
	r.yearBack(year)
	// An example period for the messages: the one the sheet was most likely meant for.
	example := p.FirstPeriod
	if d, err := taizhang.ParseDate(s.FilledText, year); err == nil {
		example = p.ReportedOn(d)
	} else if !r.src.Received.IsZero() {
		example = p.ReportedOn(taizhang.DateOf(r.src.Received))
	}
	if example.IsZero() {
		// A programme without a first period, a sheet without dates.
		y := year
		if y == 0 {
			y = time.Now().In(taizhang.CST).Year()
		}
		example = taizhang.Period{Year: y, Month: time.January, Schedule: p.Schedule, Index: 1}
	}
	switch problem, _, _ := strings.Cut(errText(periodErr), "，请"); {
	case periodErr != nil && !s.Period.IsZero():
		f := r.fs.Add(taizhang.InvalidValue, r.place(s.PeriodCell), "报送%s；已按%s认定为%s，请在表头写明，如 %s", problem, s.PeriodFrom, s.Period, s.Period)
		f.Severity = taizhang.Warning
	case periodErr != nil:
		r.fs.Add(taizhang.UnknownPeriod, r.place(s.PeriodCell), "报送%s，文件名中也没有期次；请在表头“报送期次”填写如 %s，或汇总时用 --period 指定", problem, example)
	case s.Period.IsZero():
		r.fs.Add(taizhang.UnknownPeriod, r.place(s.PeriodCell), "表头和文件名中都没有报送期次；请在表头“报送期次”填写如 %s，或汇总时用 --period 指定", example)
	case s.PeriodFrom != "表头":
		r.fs.Add(taizhang.ReaderNote, r.place(s.PeriodCell), "表头没有报送期次，已按%s认定为%s", s.PeriodFrom, s.Period)
	}
	if f, moved := p.FitSchedule(s); moved {
		*r.fs = append(*r.fs, f)
	}
	// The sheet's own period wins over its file name and e-mail subject, but a
	// disagreement is worth a word.
	if !s.Period.IsZero() && (s.PeriodFrom == "表头" || s.PeriodFrom == "模板标识" || s.PeriodFrom == "工作表名") {
		for _, c := range []struct {
			what string
			q    taizhang.Period
			ok   bool
		}{{"文件名", fileP, fileOK}, {"邮件主题", subjP, subjOK}} {
			// A workbook kept over several periods, one sheet each, is named
			// for its latest; an earlier sheet named for its period is history.
			if c.ok && c.q != s.Period && !(slices.Contains(s.OtherTables, c.q) && r.sheetNames(s.Period)) {
				r.fs.Add(taizhang.WrongPeriod, r.place(s.PeriodCell), "表中期次为%s，%s中为%s，以表中为准；如表中填错请改正后重新报送", s.Period, c.what, c.q)
			}
		}
	}
	r.fs.Attribute(s.Unit, s.Period)
}

// sheetNames reports whether the read sheet's name gives period q.
func (r *reader) sheetNames(q taizhang.Period) bool {
	got, ok := taizhang.FindPeriod(r.s.Sheet, q.Schedule, q.Year)
	return ok && got == q
}

func (r *reader) cli() taizhang.Period { return r.opt.Period }

var yearRe = regexp.MustCompile(`(?:^|\D)(20\d\d)(?:\D|$)`)

// yearIn returns a year 2000–2099 written in text, or 0.
// yearBack moves a period written without a year back a year when the year
// it was given (from 填报日期 or the e-mail) puts it after the sheet was
// filled: 12月下半月 filled on 2022-01-03 is December 2021.
func (r *reader) yearBack(year int) {
	s := r.s
	if s.Period.IsZero() || s.Period.Year != year {
		return
	}
	var text string
	switch s.PeriodFrom {
	case "表头":
		text = r.periodText
	case "表头标题":
		text = r.title
	case "文件名":
		text = fileStem(r.src.Name)
	case "邮件主题":
		text = r.src.Subject
	default: // the mark and the command line always carry a year
		return
	}
	if yearIn(text) != 0 {
		return
	}
	ref, err := taizhang.ParseDate(s.FilledText, year)
	if err != nil && !r.src.Received.IsZero() {
		ref, err = taizhang.DateOf(r.src.Received), nil
	}
	if err != nil || !s.Period.Start().After(ref) {
		return
	}
	s.Period.Year--
}

func yearIn(text string) int {
	m := yearRe.FindStringSubmatch(taizhang.Normalize(text))
	if m == nil {
		return 0
	}
	y := 0
	for _, c := range m[1] {
		y = y*10 + int(c-'0')
	}
	return y
}

// mergeRange is a merged range of a sheet.
type mergeRange struct {
	c1, r1, c2, r2 int // 0-based columns, 1-based rows
}

// maxMerges bounds the merged ranges the reader follows.
const maxMerges = 5000

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// wrongUnit says that the sheet's unit is not the unit u its file name or
// sender (named by whose) gives. To a submitter it is an error, saying what
// to change (mine adds how to keep the sheet as it is); the task force reads
// the sheet as its own unit's.
func (r *reader) wrongUnit(u, whose, mine string) {
	s := r.s
	if !r.opt.Submitter {
		r.fs.Add(taizhang.WrongUnit, r.place(s.UnitCell), "表中填报单位为%s，%s，已按%s汇总；如发错了文件，请%s重新报送本单位的表", s.Unit, whose, s.Unit, u)
		return
	}
	fix := "请改用" + u + "的模板填写"
	if s.UnitCell != "" {
		fix += "，或把填报单位改为" + u
	}
	f := r.fs.Add(taizhang.WrongUnit, r.place(s.UnitCell), "表中填报单位为%s，%s；照此报送将计为%s的表，%s仍算未报。如是%s的表，%s%s", s.Unit, whose, s.Unit, u, u, fix, mine)
	f.Severity = taizhang.Error
}
