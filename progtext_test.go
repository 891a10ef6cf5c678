package taizhang_test

import (
	"strings"
	"testing"

	"taizhang"
)

func TestExpandUnits(t *testing.T) {
	p := builtin(t)
	for in, want := range map[string]string{
		"":      "",
		"包头市":   "包头市",
		"呼市、锡盟": "呼和浩特市 锡林郭勒盟",
		"锡盟，呼市": "呼和浩特市 锡林郭勒盟",
		"自治区住房和城乡建设厅；自治区政务服务局": "自治区住房城乡建设厅 自治区政务服务局",
		"各部门":          "自治区发展改革委 自治区自然资源厅 自治区住房城乡建设厅 自治区政务服务局",
		"自治区发展改革委、各盟市": "呼和浩特市 包头市 呼伦贝尔市 兴安盟 通辽市 赤峰市 锡林郭勒盟 乌兰察布市 鄂尔多斯市 巴彦淖尔市 乌海市 阿拉善盟 自治区发展改革委",
	} {
		got, err := p.ExpandUnits(in)
		if err != nil || strings.Join(got, " ") != want {
			t.Errorf("ExpandUnits(%q) = %q, %v; want %s", in, got, err, want)
		}
	}
	if got, err := p.ExpandUnits("全部"); err != nil || len(got) != 16 {
		t.Errorf("ExpandUnits(全部) = %d units, %v", len(got), err)
	}
	_, err := p.ExpandUnits("包头市、北京市")
	if want := `单位"北京市"不是本专项工作的填报单位，请填写如 包头市`; err == nil || err.Error() != want {
		t.Errorf("ExpandUnits error = %v, want %s", err, want)
	}
}

func TestParseDueDays(t *testing.T) {
	for in, want := range map[string]int{"": 0, "期末当日": 0, "当日": 0, "0": 0, "期末后3天": 3, "期满后2日": 2, "3": 3, "５天": 5} {
		if got, err := taizhang.ParseDueDays(in); err != nil || got != want {
			t.Errorf("ParseDueDays(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for in, want := range map[string]string{
		"下周一":    `报送截止"下周一"无法识别，请写成 期末当日 或 期末后3天`,
		"期末后-1天": `报送截止"期末后-1天"无法识别，请写成 期末当日 或 期末后3天`,
	} {
		if _, err := taizhang.ParseDueDays(in); err == nil || err.Error() != want {
			t.Errorf("ParseDueDays(%q) error = %v, want %s", in, err, want)
		}
	}
	if _, err := taizhang.ParseDays("400"); err == nil || err.Error() != `"400"应为0到366之间的整数` {
		t.Errorf("ParseDays(400) error = %v", err)
	}
}

func TestParseProgrammeTextErrors(t *testing.T) {
	const units = "[单位 包头市]\n类别 = 盟市\n"
	for _, c := range []struct{ text, want string }{
		{"名称 = x\n", "第1行：应为“键 = 值”或“[节名]”"},
		{"[方案]\n名称\n", "第2行：应为“键 = 值”或“[节名]”"},
		{"[方案]\n报送周期 = 每周\n", `第2行：报送周期"每周"无法识别，请填写 半月、旬 或 月`},
		{"[方案]\n首个期次 = 2021年4月\n", `第2行：期次"2021年4月"缺少上半月或下半月，请写成如 2021年4月上半月`},
		{"[措施 甲]\n", `第1行：措施编号"甲"应为一、二、三……`},
		{"[节点 一]\n完成时限 = 2021-05-31\n", `第1行：节点"一"应紧跟其措施，写成如 三 或 三.1`},
		{units + "[措施 一]\n[节点 一]\n完成时限 = 2021-13-01\n填报单位 = 包头市\n", `第5行：完成时限"2021-13-01"不是有效日期`},
		{units + "[措施 一]\n[节点 一]\n完成时限 = 2021-05-31\n填报单位 = 北京市\n", `第6行：单位"北京市"不是本专项工作的填报单位，请填写如 包头市`},
		{units + "[单位 乌海市]\n类别 = 县\n", `第4行：类别"县"应为 盟市 或 部门`},
		{units + "[附件]\n", "第3行：未知的节名[附件]"},
		{units, "方案有误：没有任何整改措施"},
	} {
		_, err := taizhang.ParseProgrammeText(c.text)
		if err == nil || err.Error() != c.want {
			t.Errorf("ParseProgrammeText(%q) error = %v, want %s", c.text, err, c.want)
		}
	}
}

// The built-in programme's milestones that name the same units share one
// list; an append to one does not reach another; an unknown unit is the
// error ExpandUnits gives.
func TestUnitExpander(t *testing.T) {
	p := builtin(t)
	expand := p.UnitExpander()
	a, err := expand("各盟市")
	if err != nil || len(a) != 12 {
		t.Fatalf("各盟市 = %d units, %v", len(a), err)
	}
	b, _ := expand("各盟市")
	if &a[0] != &b[0] {
		t.Error("the same text gave two lists")
	}
	_ = append(b, "另一个单位")
	if c, _ := expand("各盟市"); len(c) != 12 || c[len(c)-1] != "阿拉善盟" {
		t.Errorf("an append changed the shared list: %q", c)
	}
	if _, err := expand("北京市"); err == nil || !strings.Contains(err.Error(), `单位"北京市"不是本专项工作的填报单位`) {
		t.Errorf("unknown unit: %v", err)
	}
	// Parsing the programme text shares them too: 三.1–三.3 list the same units.
	first := map[string]*string{}
	shared := 0
	for _, m := range p.Measures {
		for _, ms := range m.Milestones {
			if len(ms.Units) == 0 {
				continue
			}
			k := strings.Join(ms.Units, "、")
			if f, ok := first[k]; !ok {
				first[k] = &ms.Units[0]
			} else if f == &ms.Units[0] {
				shared++
			} else {
				t.Errorf("%s has its own copy of the units %s", ms.ID, k)
			}
		}
	}
	if shared < 2 {
		t.Errorf("%d milestones share a list, want at least 2", shared)
	}
}
