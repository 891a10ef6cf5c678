package taizhang

import (
	"bufio"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// ParseProgrammeText reads a programme in the text format of
// templates/programme.txt: sections [方案], [措施 N], [节点 ID] and
// [单位 名称], each followed by "键 = 值" lines. Errors name the line.
func ParseProgrammeText(text string) (*Programme, error) {
	type section struct {
		kind, name string
		line       int
		kv         map[string]string
		keyLine    map[string]int
	}
	var secs []*section
	sc := bufio.NewScanner(strings.NewReader(text))
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	ln := 0
	for sc.Scan() {
		ln++
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]") {
			kind, name, _ := strings.Cut(strings.TrimSpace(line[1:len(line)-1]), " ")
			secs = append(secs, &section{kind: kind, name: strings.TrimSpace(name), line: ln, kv: map[string]string{}, keyLine: map[string]int{}})
			continue
		}
		k, v, ok := strings.Cut(line, "=")
		if !ok || len(secs) == 0 {
			return nil, fmt.Errorf("第%d行：应为“键 = 值”或“[节名]”", ln)
		}
		s := secs[len(secs)-1]
		k = strings.TrimSpace(k)
		s.kv[k] = strings.TrimSpace(v)
		s.keyLine[k] = ln
	}
	p := &Programme{}
	// Units first: milestones name them.
	for _, s := range secs {
		if s.kind != "单位" {
			continue
		}
		u := Unit{Name: s.name, Contact: s.kv["联系人"], Phone: s.kv["电话"]}
		switch s.kv["类别"] {
		case "部门":
			u.Kind = Department
		case "盟市", "":
			u.Kind = City
		default:
			return nil, fmt.Errorf("第%d行：类别%q应为 盟市 或 部门", s.keyLine["类别"], s.kv["类别"])
		}
		u.Aliases = SplitList(s.kv["别名"])
		u.Emails = SplitList(s.kv["邮箱"])
		p.Units = append(p.Units, u)
	}
	expand := p.UnitExpander()
	for _, s := range secs {
		switch s.kind {
		case "单位":
		case "方案":
			p.Name = s.kv["名称"]
			p.FullName = s.kv["全称"]
			p.Document = s.kv["文号"]
			p.Office = s.kv["报送单位"]
			var err error
			if p.Schedule, err = ParseSchedule(s.kv["报送周期"]); err != nil {
				return nil, fmt.Errorf("第%d行：%v", s.keyLine["报送周期"], err)
			}
			if p.DueDays, err = ParseDueDays(s.kv["报送截止"]); err != nil {
				return nil, fmt.Errorf("第%d行：%v", s.keyLine["报送截止"], err)
			}
			if p.GraceDays, err = ParseDays(s.kv["宽限天数"]); err != nil {
				return nil, fmt.Errorf("第%d行：宽限天数%v", s.keyLine["宽限天数"], err)
			}
			if v := s.kv["首个期次"]; v != "" {
				if p.FirstPeriod, err = ParsePeriod(v, p.Schedule, 0); err != nil {
					return nil, fmt.Errorf("第%d行：%v", s.keyLine["首个期次"], err)
				}
			}
			p.Passwords = SplitList(s.kv["密码"])
		case "措施":
			no, ok := chineseValue(s.name)
			if !ok {
				return nil, fmt.Errorf("第%d行：措施编号%q应为一、二、三……", s.line, s.name)
			}
			p.Measures = append(p.Measures, Measure{
				No: no, Title: s.kv["标题"], Text: s.kv["内容"],
				LeadUnit: s.kv["牵头单位"], LeadLeader: s.kv["牵头领导"],
				ResponsibleLeaders: SplitList(s.kv["责任领导"]),
				ResponsibleUnits:   s.kv["责任单位"],
			})
		case "节点":
			ref, rest, ok := ParseMilestoneRef(s.name)
			if !ok || rest != "" || len(p.Measures) == 0 || p.Measures[len(p.Measures)-1].No != ref.Measure {
				return nil, fmt.Errorf("第%d行：节点%q应紧跟其措施，写成如 三 或 三.1", s.line, s.name)
			}
			m := &p.Measures[len(p.Measures)-1]
			d, err := ParseDate(s.kv["完成时限"], 0)
			if err != nil {
				return nil, fmt.Errorf("第%d行：完成时限%q%v", s.keyLine["完成时限"], s.kv["完成时限"], err)
			}
			units, err := expand(s.kv["填报单位"])
			if err != nil {
				return nil, fmt.Errorf("第%d行：%v", s.keyLine["填报单位"], err)
			}
			m.Milestones = append(m.Milestones, Milestone{
				Measure: m.No, Sub: ref.Sub, Title: s.kv["标题"], Deadline: d, Units: units,
			})
		default:
			return nil, fmt.Errorf("第%d行：未知的节名[%s]", s.line, s.kind)
		}
	}
	p.FixIDs()
	if err := p.Validate(); err != nil {
		return nil, err
	}
	return p, nil
}

// FixIDs sets each milestone's ID and Sub from its position (一 for a single
// milestone, 三.1, 三.2 … for several) and indexes the programme for fast
// lookups. Call it again after changing measures, milestones or units.
func (p *Programme) FixIDs() {
	for i := range p.Measures {
		m := &p.Measures[i]
		for j := range m.Milestones {
			ms := &m.Milestones[j]
			ms.Measure = m.No
			if len(m.Milestones) == 1 {
				ms.Sub = 0
			} else {
				ms.Sub = j + 1
			}
			ms.ID = MilestoneID(m.No, ms.Sub)
		}
	}
	p.reindex()
}

// SplitList splits a list written with 、，,;； or line breaks, dropping empty items.
func SplitList(s string) []string {
	f := strings.FieldsFunc(s, func(r rune) bool {
		return strings.ContainsRune("、，,;；\n\r", r)
	})
	var out []string
	for _, x := range f {
		if x = strings.TrimSpace(x); x != "" {
			out = append(out, x)
		}
	}
	return out
}

// ExpandUnits reads a list of reporting units in which 各盟市 stands for
// every 盟市, 各部门 for every department and 全部 for all units; other
// items are unit names or aliases. The result follows the programme's order.
func (p *Programme) ExpandUnits(s string) ([]string, error) {
	want := map[string]bool{}
	for _, item := range SplitList(s) {
		switch Normalize(item) {
		case "各盟市", "盟市", "全部盟市", "12盟市", "12个盟市", "各盟行政公署、市人民政府":
			for _, u := range p.Units {
				if u.Kind == City {
					want[u.Name] = true
				}
			}
		case "各部门", "部门", "全部部门", "自治区各部门", "自治区各厅局":
			for _, u := range p.Units {
				if u.Kind == Department {
					want[u.Name] = true
				}
			}
		case "全部", "全部单位", "各单位":
			for _, u := range p.Units {
				want[u.Name] = true
			}
		default:
			name, err := p.MatchUnit(item)
			if err != nil {
				return nil, err
			}
			want[name] = true
		}
	}
	var out []string
	for _, u := range p.Units {
		if want[u.Name] {
			out = append(out, u.Name)
		}
	}
	return out, nil
}

// UnitExpander returns ExpandUnits for a programme whose units are all
// known, giving the same list (not a copy) to every milestone that names
// the same units: a national programme's hundred milestones each listing
// its 2,000 units would otherwise hold 3 MB of copies. The lists must not
// be changed.
func (p *Programme) UnitExpander() func(s string) ([]string, error) {
	seen := map[string][]string{}
	return func(s string) ([]string, error) {
		if units, ok := seen[s]; ok {
			return units, nil
		}
		units, err := p.ExpandUnits(s)
		if err == nil {
			units = slices.Clip(units) // an append makes a copy
			seen[s] = units
		}
		return units, err
	}
}

// ParseDueDays reads when a sheet is due: 期末当日 (0), 期末后3天 or 3.
func ParseDueDays(s string) (int, error) {
	n := Normalize(s)
	switch n {
	case "", "期末当日", "当日", "期末", "0":
		return 0, nil
	}
	n = strings.TrimPrefix(n, "期末后")
	n = strings.TrimPrefix(n, "期满后")
	n = strings.TrimSuffix(strings.TrimSuffix(n, "天"), "日")
	d, err := ParseDays(n)
	if err != nil {
		return 0, fmt.Errorf("报送截止%q无法识别，请写成 期末当日 或 期末后3天", Quote(s))
	}
	return d, nil
}

// ParseDays reads a number of days from 0 to 366 (empty is 0).
func ParseDays(s string) (int, error) {
	n := strings.TrimSuffix(strings.TrimSuffix(Normalize(s), "天"), "日")
	if n == "" {
		return 0, nil
	}
	d, err := strconv.Atoi(n)
	if err != nil || d < 0 || d > 366 {
		return 0, fmt.Errorf("%q应为0到366之间的整数", Quote(s))
	}
	return d, nil
}
