package taizhang_test

import (
	"strings"
	"testing"

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

func TestBuiltinProgramme(t *testing.T) {
	p := builtin(t)
	if len(p.Units) != 16 {
		t.Errorf("units = %d, want 16", len(p.Units))
	}
	total := 0
	want := map[string]int{"包头市": 7, "自治区发展改革委": 2, "自治区自然资源厅": 3, "自治区住房城乡建设厅": 4, "自治区政务服务局": 5}
	for _, u := range p.Units {
		n := len(p.UnitMilestones(u.Name))
		total += n
		if w, ok := want[u.Name]; ok && n != w {
			t.Errorf("%s reports %d milestones, want %d", u.Name, n, w)
		}
	}
	if total != 98 {
		t.Errorf("entries per period = %d, want 98", total)
	}
	var ids []string
	for _, ms := range p.Milestones() {
		ids = append(ids, ms.ID+" "+ms.Deadline.String())
	}
	got := strings.Join(ids, "|")
	if got != "一 2021-05-31|二 2021-09-30|三.1 2021-03-31|三.2 2021-09-30|三.3 2021-12-31|四 2021-04-30|五 2021-12-31|六 2021-12-31" {
		t.Errorf("milestones = %s", got)
	}
	if m := p.MeasureOf(6); m.LeadLeader != "王根小（自治区住房城乡建设厅副厅长）" || m.ResponsibleLeaders[1] != "周月生（自治区住房城乡建设厅工程质量安全管理处处长）" {
		t.Errorf("measure 六 leaders = %q %q", m.LeadLeader, m.ResponsibleLeaders)
	}
	if p.FirstPeriod.String() != "2021年4月上半月" || p.Schedule != taizhang.HalfMonth {
		t.Errorf("first period %v schedule %v", p.FirstPeriod, p.Schedule)
	}
}

// The built-in units answer to the short names people in the region still
// write in file names and mail subjects: 乌盟 and 巴盟 from before the 盟
// became cities, 鄂市.
func TestBuiltinUnitShortNames(t *testing.T) {
	p := builtin(t)
	for in, want := range map[string]string{
		"乌盟5月下半月进展情况": "乌兰察布市", "乌兰察布盟": "乌兰察布市",
		"巴盟5月下半月进展情况": "巴彦淖尔市", "巴彦淖尔盟工改办": "巴彦淖尔市",
		"鄂市5月下半月进展情况": "鄂尔多斯市",
	} {
		if got, err := p.MatchUnit(in); err != nil || got != want {
			t.Errorf("MatchUnit(%q) = %q, %v; want %s", in, got, err, want)
		}
	}
}
