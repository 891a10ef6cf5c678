package taizhang_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"taizhang"
)

func TestMatchUnit(t *testing.T) {
	p := builtin(t)
	for in, want := range map[string]string{
		"包头市":         "包头市",
		"包头":          "包头市",
		"包 头 市":       "包头市",
		"包头市：":        "包头市",
		"包头市住房和城乡建设局": "包头市",
		"包头市住建局":      "包头市",
		"包头市政务服务局":    "包头市",
		"包头市发改委":      "包头市",
		"包头市（住建局）":    "包头市",
		"呼市":          "呼和浩特市",
		"呼市住建局":       "呼和浩特市",
		"呼和浩特":        "呼和浩特市",
		"呼和浩特市住房和城乡建设局": "呼和浩特市",
		"锡盟":            "锡林郭勒盟",
		"锡林郭勒盟行政公署":     "锡林郭勒盟",
		"阿盟":            "阿拉善盟",
		"阿拉善盟住房和城乡建设局":  "阿拉善盟",
		"兴安盟行政公署":       "兴安盟",
		"鄂尔多斯":          "鄂尔多斯市",
		"鄂尔多斯市发展和改革委员会": "鄂尔多斯市",
		"巴市":            "巴彦淖尔市",
		"乌海":            "乌海市",
		"乌兰察布市":         "乌兰察布市",
		"呼伦贝尔":          "呼伦贝尔市",
		"自治区住房和城乡建设厅":   "自治区住房城乡建设厅",
		"内蒙古自治区住房和城乡建设厅":   "自治区住房城乡建设厅",
		"自治区住建厅":           "自治区住房城乡建设厅",
		"住建厅":              "自治区住房城乡建设厅",
		"自治区发展和改革委员会":      "自治区发展改革委",
		"内蒙古自治区发展和改革委员会":   "自治区发展改革委",
		"发改委":              "自治区发展改革委",
		"自然资源厅":            "自治区自然资源厅",
		"内蒙古自治区自然资源厅":      "自治区自然资源厅",
		"政务服务局":            "自治区政务服务局",
		"自治区政务服务中心":        "自治区政务服务局",
		"\u3000自治区政务服务局\n": "自治区政务服务局",
	} {
		if got, err := p.MatchUnit(in); err != nil || got != want {
			t.Errorf("MatchUnit(%q) = %q, %v; want %s", in, got, err, want)
		}
	}
	for in, want := range map[string]string{
		"":          "单位为空",
		" ":         "单位为空",
		"：":         "单位为空",
		"包头市、鄂尔多斯市": `单位"包头市、鄂尔多斯市"可能是 包头市、鄂尔多斯市，请只填写一个单位的全称`,
		"自治区住房城乡建设厅、自治区政务服务局": `单位"自治区住房城乡建设厅、自治区政务服务局"可能是 自治区住房城乡建设厅、自治区政务服务局，请只填写一个单位的全称`,
		"自治区":  `单位"自治区"可能是 自治区发展改革委、自治区自然资源厅、自治区住房城乡建设厅、自治区政务服务局，请只填写一个单位的全称`,
		"北京市":  `单位"北京市"不是本专项工作的填报单位，请填写如 包头市`,
		"市住建局": `单位"市住建局"不是本专项工作的填报单位，请填写如 包头市`,
		"满洲里市": `单位"满洲里市"不是本专项工作的填报单位，请填写如 包头市`,
		"乌":    `单位"乌"不是本专项工作的填报单位，请填写如 包头市`,
	} {
		if got, err := p.MatchUnit(in); err == nil || err.Error() != want {
			t.Errorf("MatchUnit(%q) = %q, %v; want error %s", in, got, err, want)
		}
	}
	for _, u := range p.Units {
		for _, a := range append([]string{u.Name}, u.Aliases...) {
			if got, err := p.MatchUnit(a); err != nil || got != u.Name {
				t.Errorf("MatchUnit(%q) = %q, %v; want %s", a, got, err, u.Name)
			}
		}
	}
}

func TestParseMilestoneRef(t *testing.T) {
	for _, c := range []struct {
		in           string
		measure, sub int
		rest         string
	}{
		{"(三)", 3, 0, ""},
		{"（三）", 3, 0, ""},
		{"(三）", 3, 0, ""},
		{"三", 3, 0, ""},
		{"三、", 3, 0, ""},
		{"三）", 3, 0, ""},
		{"3", 3, 0, ""},
		{"３", 3, 0, ""},
		{"(3)", 3, 0, ""},
		{"第三项", 3, 0, ""},
		{"措施三", 3, 0, ""},
		{"整改措施（三）", 3, 0, ""},
		{"三.1", 3, 1, ""},
		{"三．1", 3, 1, ""},
		{"三、1", 3, 1, ""},
		{"3-1", 3, 1, ""},
		{"3_1", 3, 1, ""},
		{"三-1", 3, 1, ""},
		{"三—1", 3, 1, ""},
		{"（三）1", 3, 1, ""},
		{"(三)2", 3, 2, ""},
		{"(三).2", 3, 2, ""},
		{"(三)(2)", 3, 2, ""},
		{"三(1)", 3, 1, ""},
		{"三（1）", 3, 1, ""},
		{"三1", 3, 1, ""},
		{"3.1", 3, 1, ""},
		{"3.10", 3, 10, ""},
		{" 三 . 2 ", 3, 2, ""},
		{"节点三.2", 3, 2, ""},
		{"十二", 12, 0, ""},
		{"二十一", 21, 0, ""},
		{"三.2工程审批系统接入蒙速办APP", 3, 2, "工程审批系统接入蒙速办APP"},
		{"三.2 工程审批系统接入“蒙速办”APP", 3, 2, "工程审批系统接入“蒙速办”APP"},
		{"（一）加快完善项目储备库与实施库", 1, 0, "加快完善项目储备库与实施库"},
		{"一、加快完善项目储备库与实施库", 1, 0, "加快完善项目储备库与实施库"},
		{"三1全流程", 3, 1, "全流程"},
	} {
		ref, rest, ok := taizhang.ParseMilestoneRef(c.in)
		if !ok || ref.Measure != c.measure || ref.Sub != c.sub || rest != c.rest {
			t.Errorf("ParseMilestoneRef(%q) = %+v %q %v; want %d.%d %q", c.in, ref, rest, ok, c.measure, c.sub, c.rest)
		}
	}
	// Titles that start with a numeral are not numbers.
	for _, in := range []string{"", "2021", "100", "0", "一网通办", "一个窗口", "3月底前", "一二", "3a", "Ⅲ", "(三", "(三.1)", "全流程", "()"} {
		if ref, rest, ok := taizhang.ParseMilestoneRef(in); ok {
			t.Errorf("ParseMilestoneRef(%q) = %+v %q, want not a number", in, ref, rest)
		}
	}
}

func TestMatchMilestone(t *testing.T) {
	p := builtin(t)
	for _, c := range []struct {
		no, node, title string
		want            string
		byTitle         bool
	}{
		// By number, in either cell.
		{"(一)", "", "", "一", false},
		{"1", "", "", "一", false},
		{"5", "", "", "五", false},
		{"（六）", "", "积极推行清单制+告知承诺制改革", "六", false},
		{"三.2", "", "", "三.2", false},
		{"", "三.2", "", "三.2", false},
		{"", "3-2", "", "三.2", false},
		{"3", "3.3", "", "三.3", false},
		{"(三)", "三.2", "", "三.2", false},
		{"(三)", "三.2 工程审批系统接入“蒙速办”APP", "进一步优化工程审批管理系统", "三.2", false},
		// 节点 "2" under 措施编号 "(三)".
		{"(三)", "2", "", "三.2", false},
		{"(三)", "1", "", "三.1", false},
		{"3", "1", "", "三.1", false},
		{"三", "(2)", "", "三.2", false},
		{"(三)", "二", "", "三.2", false},
		// 节点 as the template writes it wins over another measure's 措施编号 (a merged cell spread too far).
		{"（三）", "六 全面推行“清单制+告知承诺制”审批", "进一步优化工程审批管理系统", "六", false},
		// By title.
		{"", "工程审批系统接入蒙速办APP", "", "三.2", true},
		{"", "工程审批系统接入“蒙速办”ＡＰＰ", "", "三.2", true},
		{"", "审批系统接入蒙速办app", "", "三.2", true},
		{"(三)", "工程审批系统接入蒙速办APP", "", "三.2", true},
		{"", "全流程全事项网上办理", "", "三.1", true},
		{"", "3月底前实现全流程、全事项网上办理", "", "三.1", true},
		{"", "相关系统深度融合和“一网通办”", "", "三.3", true},
		{"", "一网通办", "", "三.3", true},
		{"(三)", "一网通办", "", "三.3", true},
		{"", "一个窗口全面建成", "", "五", true},
		{"", "", "加快完善项目储备库与实施库", "一", true},
		{"", "", "积极推行“清单制+告知承诺制”改革", "六", true},
		{"", "", "明确区域评估事项清单和技术标准", "四", true},
		{"", "", "深化落实区域评估工作", "四", true},
		// A number that does not exist, then the title decides.
		{"(七)", "", "深化落实区域评估", "四", true},
		// No match.
		{"", "", "", "", false},
		{"三", "", "", "", false},
		{"(三)", "4", "", "", false},
		{"(三)", "3", "", "", false}, // the measure again, or its third milestone: not a guess
		{"(七)", "", "", "", false},
		{"", "", "进一步优化工程审批管理系统", "", false},
		{"", "其他工作", "", "", false},
	} {
		ms, by := p.MatchMilestone(c.no, c.node, c.title)
		got := ""
		if ms != nil {
			got = ms.ID
		}
		if got != c.want || by != c.byTitle {
			t.Errorf("MatchMilestone(%q, %q, %q) = %q %v; want %q %v", c.no, c.node, c.title, got, by, c.want, c.byTitle)
		}
	}
	// Every milestone is found by its own ID and by its own title.
	for _, ms := range p.Milestones() {
		if got, _ := p.MatchMilestone("", ms.ID, ""); got != ms {
			t.Errorf("MatchMilestone by ID %s = %v", ms.ID, got)
		}
		if got, by := p.MatchMilestone("", ms.Title, ""); got != ms || !by {
			t.Errorf("MatchMilestone by title %s = %v %v", ms.Title, got, by)
		}
	}
}

func TestMatchMilestoneUnder(t *testing.T) {
	p := builtin(t)
	for _, c := range []struct {
		measure     int
		node, title string
		want        string
	}{
		// A milestone of the measure, by its title.
		{3, "工程审批系统接入蒙速办APP", "", "三.2"},
		{3, "", "相关系统深度融合及“一网通办”", "三.3"},
		{1, "房屋建筑和城市基础设施工程项目全部纳入储备库管理", "", "一"},
		// A short title that names one milestone only within the measure.
		{3, "一网通办", "", "三.3"},
		// Text that names no milestone of the measure is not given to it.
		{1, "", "", ""},
		{1, "其他工作", "", ""},
		{1, "召开推进会议2次", "", ""},
		{1, "工程审批系统接入蒙速办APP", "", ""}, // a milestone of (三), not of (一)
		{7, "工程审批系统接入蒙速办APP", "", ""}, // no such measure
	} {
		got := ""
		if ms := p.MatchMilestoneUnder(c.measure, c.node, c.title); ms != nil {
			got = ms.ID
		}
		if got != c.want {
			t.Errorf("MatchMilestoneUnder(%d, %q, %q) = %q; want %q", c.measure, c.node, c.title, got, c.want)
		}
	}
}

// TestNumberColumn tells a column headed 编号 that holds the measure numbers
// from one that counts the rows.
func TestNumberColumn(t *testing.T) {
	p := builtin(t)
	// The titles of a city's seven rows, and of a department's two.
	city := []string{"房屋建筑和城市基础设施工程项目全部纳入储备库管理", "全面建成“多规合一”及业务协同平台", "全流程、全事项网上办理",
		"工程审批系统接入“蒙速办”APP", "相关系统深度融合及“一网通办”", "明确区域评估的事项清单和技术标准", "全面推行“清单制+告知承诺制”审批"}
	entries := func(titles ...string) []taizhang.Entry {
		var es []taizhang.Entry
		for _, t := range titles {
			es = append(es, taizhang.Entry{Labels: &taizhang.Labels{Node: t}})
		}
		return es
	}
	for _, c := range []struct {
		name    string
		numbers []string
		entries []taizhang.Entry
		want    bool
	}{
		{"milestone numbers in several forms", []string{"1", "2", "3-1", "（三）2", "三.3", "4", "6"}, entries(city...), true},
		{"the same without titles", []string{"1", "2", "3-1", "（三）2", "三.3", "4", "6"}, nil, true},
		{"Chinese measure numbers", []string{"一", "二", "三", "三", "三", "四", "六"}, nil, true},
		{"a count of the rows", []string{"1", "2", "3", "4", "5", "6", "7"}, entries(city...), false},
		{"a count of the rows without titles", []string{"1", "2", "3", "4", "5", "6", "7"}, nil, false},
		{"measure numbers that agree with the titles", []string{"1", "6"}, entries(city[0], city[6]), true},
		{"a department's count of its rows", []string{"1", "2"}, entries(city[0], city[6]), false},
		{"numbers that skip, without titles", []string{"1", "2", "4", "6"}, nil, true},
		{"a row count with a total under it", []string{"1", "2", "合计"}, nil, false},
		{"a title in the column", []string{"三.1全流程、全事项网上办理"}, nil, false},
		{"empty", []string{"", " "}, nil, false},
		{"most are measure numbers", []string{"1", "2", "3.1", "3.2", "3.3", "4", "6", "其他"}, nil, true},
		{"most are Chinese measure numbers", []string{"（一）", "（二）", "补充", "（四）"}, nil, true},
		{"half are not numbers", []string{"（一）", "其他", "补充", "（四）"}, nil, false},
		{"one number and one other", []string{"（一）", "其他"}, nil, false},
		{"a count of the rows with one other", []string{"1", "2", "3", "4", "5", "6", "7", "其他"}, nil, false},
	} {
		if got := p.NumberColumn(c.numbers, c.entries); got != c.want {
			t.Errorf("%s: NumberColumn(%q) = %v, want %v", c.name, c.numbers, got, c.want)
		}
	}
}

// TestPlaceNumbers finds the milestones of rows numbered under their
// measure's heading (三, then 1, 2, 3) or all with their measure's number.
func TestPlaceNumbers(t *testing.T) {
	p := builtin(t)
	for _, c := range []struct {
		name   string
		values []string
		heads  []int // rows that are not entries
		want   string
	}{
		{"numbered under a heading row", []string{"一", "二", "三", "1", "2", "3", "四", "六"}, []int{2}, "3:三.1,三.2,三.3 under 三"},
		{"under a heading in brackets, as 1、 and (1)", []string{"（三）", "1、", "（2）"}, []int{0}, "1:三.1,三.2 under （三）"},
		{"under a heading that is a row of its own", []string{"（三）", "1", "2", "3"}, nil, "1:三.1,三.2,三.3 under （三）"},
		{"under the heading of a measure of one milestone", []string{"（三）1", "四", "1", "六"}, []int{1}, "2:四 under 四"},
		{"the same measure number on each row", []string{"（一）", "（二）", "（三）", "三", "3", "（四）"}, nil, "2:三.1,三.2,三.3"},
		{"plain numbers repeated", []string{"1", "2", "3", "3", "3", "4", "6"}, nil, "2:三.1,三.2,三.3"},
		{"fewer rows than milestones", []string{"（三）", "（三）", "（四）"}, nil, ""},
		{"sub-numbers that do not start at 1", []string{"三", "2", "3"}, []int{0}, ""},
		{"a row of a measure of one milestone, then a count", []string{"（四）", "1"}, nil, ""},
		{"plain numbers are no heading", []string{"3", "1", "2"}, nil, ""},
		{"milestone numbers", []string{"（一）", "（三）1", "（三）2", "（三）3"}, nil, ""},
	} {
		entry := make([]bool, len(c.values))
		for i := range entry {
			entry[i] = !slices.Contains(c.heads, i)
		}
		var got []string
		for _, r := range p.PlaceNumbers(c.values, entry) {
			s := fmt.Sprintf("%d:%s", r.Start, strings.Join(r.IDs, ","))
			if r.Head != "" {
				s += " under " + r.Head
			}
			got = append(got, s)
		}
		if g := strings.Join(got, "; "); g != c.want {
			t.Errorf("%s: PlaceNumbers(%q) = %q, want %q", c.name, c.values, g, c.want)
		}
	}
}

func TestSubdivision(t *testing.T) {
	p := builtin(t)
	for _, tc := range []struct{ text, unit, want string }{
		{"鄂尔多斯市康巴什区", "鄂尔多斯市", "康巴什区"},
		{"鄂尔多斯市东胜区住房和城乡建设局", "鄂尔多斯市", "东胜区"},
		{"阿拉善盟阿拉善左旗", "阿拉善盟", "阿拉善左旗"},
		{"通辽市科尔沁左翼中旗人民政府", "通辽市", "科尔沁左翼中旗"},
		{"呼伦贝尔市满洲里市", "呼伦贝尔市", "满洲里市"},
		{"内蒙古自治区包头市昆都仑区", "包头市", "昆都仑区"},
		{"呼伦贝尔市满洲里市人民政府", "呼伦贝尔市", "满洲里市"},
		{"鄂尔多斯市住房和城乡建设局城区分局", "鄂尔多斯市", ""},
		{"通辽市市场监督管理局开发区分局", "通辽市", ""},
		{"包头市", "包头市", ""},
		{"包头", "包头市", ""},
		{"包头市人民政府", "包头市", ""},
		{"包头市住房和城乡建设局", "包头市", ""},
		{"鄂尔多斯市城市管理综合执法局", "鄂尔多斯市", ""},
		{"兴安盟行政公署", "兴安盟", ""},
		{"自治区住房和城乡建设厅", "自治区住房城乡建设厅", ""},
		{"鄂尔多斯市康巴什区", "没有的单位", ""},
	} {
		if got := p.Subdivision(tc.text, tc.unit); got != tc.want {
			t.Errorf("Subdivision(%q, %q) = %q, want %q", tc.text, tc.unit, got, tc.want)
		}
	}
}
