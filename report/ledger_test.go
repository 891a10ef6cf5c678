package report

import (
	"fmt"
	"testing"
	"time"

	"taizhang"
	"taizhang/templates"
)

func builtin(t testing.TB) *taizhang.Programme {
	t.Helper()
	p, err := taizhang.ParseProgrammeText(templates.Programme)
	if err != nil {
		t.Fatalf("built-in programme: %v", err)
	}
	return p
}

// sheet describes one unit's sheet for one period in a test month.
type sheet struct {
	missing  bool
	late     int  // days after the due date it arrived
	noTime   bool // neither e-mail time nor 填报日期
	statuses map[string]string
	problems map[string]string
}

// scenario decides each unit's sheet of period q.
type scenario func(p *taizhang.Programme, unit string, q taizhang.Period) sheet

// realistic is the test month: most units on time and done with the early
// milestones, a few late, missing or behind.
func realistic(p *taizhang.Programme, unit string, q taizhang.Period) sheet {
	s := sheet{statuses: map[string]string{}, problems: map[string]string{}}
	idx := p.UnitIndex(unit)
	may := q.Month == time.May
	switch {
	case unit == "阿拉善盟" && may && q.Index == 1:
		s.missing = true
	case unit == "乌兰察布市" && may:
		s.missing = true
	case unit == "包头市" && may && q.Index == 2:
		s.late = 2
	case unit == "鄂尔多斯市" && q.Index == 1:
		s.late = 1
	case unit == "乌海市" && may && q.Index == 2:
		s.noTime = true
	}
	for _, ms := range p.UnitMilestones(unit) {
		st := "推进中"
		switch ms.ID {
		case "三.1":
			st = "已完成"
			if unit == "兴安盟" || unit == "乌海市" {
				st = "推进中"
			}
		case "四":
			st = "推进中"
			if idx%3 != 0 || may && idx%2 == 0 {
				st = "已完成"
			}
		case "一":
			if may && idx%4 != 1 {
				st = "已完成"
			}
		case "五", "三.3":
			if idx%5 == 4 {
				st = "未启动"
			}
		case "六":
			if unit == "自治区政务服务局" && may {
				st = "待定" // unreadable
			}
		}
		s.statuses[ms.ID] = st
		if st != "已完成" && ms.Deadline.Before(q.End()) {
			s.problems[ms.ID] = "部分旗县区系统对接进度滞后，需自治区层面协调。"
		}
	}
	if unit == "通辽市" {
		s.problems["二"] = "“多规合一”平台与不动产登记系统数据标准不一致，图斑核对工作量大；涉及嘎查名称“𠮷日嘎郎”等生僻字😀录入困难。"
	}
	return s
}

// files builds the sheets of every unit for the periods of month m.
func files(p *taizhang.Programme, m taizhang.Month, sc scenario) []taizhang.File {
	var out []taizhang.File
	for _, q := range m.Periods(p.Schedule) {
		for _, u := range p.Units {
			mss := p.UnitMilestones(u.Name)
			if len(mss) == 0 {
				continue
			}
			s := sc(p, u.Name, q)
			if s.missing {
				continue
			}
			sub := &taizhang.Submission{
				Unit: u.Name, UnitFrom: "表头", Period: q, PeriodFrom: "表头", Sheet: "进展情况",
				Source: taizhang.Source{Path: fmt.Sprintf("%s_%s_进展情况表.xlsx", u.Name, q), Name: fmt.Sprintf("%s_%s_进展情况表.xlsx", u.Name, q)},
			}
			due := p.DueDate(q)
			if !s.noTime {
				sub.Source.Received = due.AddDays(s.late).Time().Add(10 * time.Hour)
				sub.Filled = due.AddDays(s.late)
				sub.FilledText = sub.Filled.String()
			}
			for i, ms := range mss {
				st := s.statuses[ms.ID]
				e := taizhang.Entry{Labels: &taizhang.Labels{Milestone: ms.ID, No: ms.ID, Node: ms.Title, StatusText: st}, Row: 5 + i, Texts: &taizhang.Texts{}}
				switch st {
				case "已完成":
					d := ms.Deadline
					if q.End().Before(d) {
						d = q.Start()
					}
					e.CompletedText = d.String()
					e.Progress = "已完成" + ms.Title + "，相关佐证材料已报送。"
				case "推进中", "待定":
					e.Progress = "正在推进" + ms.Title + "，已完成阶段性工作。"
				}
				e.Problems = s.problems[ms.ID]
				sub.Entries = append(sub.Entries, e)
			}
			out = append(out, taizhang.File{Source: sub.Source, Submission: sub})
		}
	}
	return out
}

// ledgers returns the ledgers of month m and of the month before (nil when
// the programme starts in m).
func ledgers(p *taizhang.Programme, m taizhang.Month, sc scenario) (cur, prev *taizhang.Ledger) {
	ps := m.Periods(p.Schedule)
	var all []taizhang.File
	for mm := p.FirstPeriod.MonthOf(); !m.Last().Before(mm.First()); mm = mm.Next() {
		all = append(all, files(p, mm, sc)...)
	}
	cur = taizhang.Merge(p, all, taizhang.MergeOptions{Period: ps[len(ps)-1], From: ps[0]})
	pm := m.Prev()
	if pm.First().Before(p.FirstPeriod.Start()) {
		return cur, nil
	}
	pps := pm.Periods(p.Schedule)
	var before []taizhang.File
	for _, f := range all {
		if !pm.Last().Before(f.Submission.Period.Start()) {
			continue
		}
		before = append(before, f)
	}
	_ = before
	prev = taizhang.Merge(p, files(p, pm, sc), taizhang.MergeOptions{Period: pps[len(pps)-1], From: pps[0]})
	return cur, prev
}

var may2021 = taizhang.Month{Year: 2021, Month: time.May}

var created = time.Date(2021, 6, 4, 9, 0, 0, 0, taizhang.CST)
