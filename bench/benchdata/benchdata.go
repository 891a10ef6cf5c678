// Package benchdata makes the deterministic programme and sheet contents of
// the project's benchmark: a national roll-out of county units and
// plausible Chinese progress-report prose. It knows nothing of Excel; the
// generator (bench/gen) and the Go benchmarks put its values into sheets.
package benchdata

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"
	"unicode/utf8"

	"taizhang"
)

// NationalPeriod is the period of the national batch and of the big sheet.
var NationalPeriod = taizhang.Period{Year: 2024, Month: time.June, Schedule: taizhang.HalfMonth, Index: 1}

// ProvincialPeriod is the period of the provincial batch (built-in programme).
var ProvincialPeriod = taizhang.Period{Year: 2021, Month: time.May, Schedule: taizhang.HalfMonth, Index: 1}

var provinces = []string{
	"河北省", "山西省", "内蒙古自治区", "辽宁省", "吉林省", "黑龙江省", "江苏省", "浙江省", "安徽省", "福建省",
	"江西省", "山东省", "河南省", "湖北省", "湖南省", "广东省", "广西壮族自治区", "海南省", "四川省", "贵州省",
	"云南省", "西藏自治区", "陕西省", "甘肃省", "青海省", "宁夏回族自治区", "新疆维吾尔自治区",
}

// Syllables of county names: 73 × 73 two-character stems.
var syllables = []rune("安平宁阳城山河兴昌丰和泉德清新乐永定长庆福华云东西南北武临原江宜通金石桃源嘉禾建富民崇义仁顺康泰绥靖开化信昭广怀襄丹凤曲阜蓝田海林沙滨湖台松柏桂梅川岳峰洛汉")

var surnames = []rune("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
var given = []rune("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红娥玲芬燕彬鹏辉波斌宇浩凯健俊帆帅旭宁龙林欢阳晨瑞博文雪琳晶")

// CountyName returns the name of county unit i (0-based): province and county,
// e.g. 河北省安平县. Names are unique for i below 73×73×27.
func CountyName(i int) string {
	p := provinces[i%len(provinces)]
	k := i / len(provinces)
	a, b := syllables[k%len(syllables)], syllables[(k/len(syllables)+k)%len(syllables)]
	if a == b {
		b = syllables[(k/len(syllables)+k+1)%len(syllables)]
	}
	suffix := "县"
	switch {
	case p == "内蒙古自治区" && k%3 == 0:
		suffix = "旗"
	case k%7 == 3:
		suffix = "市"
	case k%11 == 5:
		suffix = "区"
	}
	return p + string([]rune{a, b}) + suffix
}

var measureTitles = []string{
	"全面推行工程建设项目分级分类管理", "深化“多规合一”改革", "全面开展区域评估", "推行审批告知承诺制",
	"优化市政公用服务报装", "规范中介服务和技术审查", "推动审批系统与投资在线平台深度融合", "深化施工图审查改革",
	"推行竣工联合验收", "推行“清单制+告知承诺制”", "推进审批服务“一网通办”", "开展建筑师负责制试点",
	"加强事中事后监管", "推广电子证照应用", "推行工程质量安全承诺制", "压减审批环节和时限",
	"推进用地规划许可并联审批", "优化既有建筑改造审批", "推进审批服务便民化", "建立审批效能评估机制",
}

var stageTitles = []string{"印发实施方案并明确责任分工", "全面推开并实现系统全流程办理", "开展评估总结并建立长效机制"}

var leadUnits = []string{"住房城乡建设部", "自然资源部", "国家发展改革委", "国务院办公厅政务服务管理办公室", "市场监管总局"}

// National returns the programme of a national roll-out: units county units,
// measures measures of per milestones each, every county reporting every
// milestone, half-monthly from 2024年5月上半月. Deadlines of the first
// milestones fall before NationalPeriod, the later ones after.
func National(units, measures, per int) *taizhang.Programme {
	p := &taizhang.Programme{
		Name:        "工程建设项目审批制度改革全国推广专项工作",
		FullName:    "关于全面推广工程建设项目审批制度改革经验做法的工作方案",
		Document:    "工改办〔2024〕12号",
		Office:      "全国工程建设项目审批制度改革专项推进工作专班",
		Schedule:    taizhang.HalfMonth,
		FirstPeriod: taizhang.Period{Year: 2024, Month: time.May, Schedule: taizhang.HalfMonth, Index: 1},
	}
	var names []string
	for i := range units {
		name := CountyName(i)
		names = append(names, name)
		rng := rand.New(rand.NewPCG(uint64(i), 7))
		p.Units = append(p.Units, taizhang.Unit{
			Name:    name,
			Kind:    taizhang.City,
			Contact: personName(rng),
			Phone:   fmt.Sprintf("0%d-%d", 310+rng.IntN(600), 6000000+rng.IntN(3999999)),
		})
	}
	for m := 1; m <= measures; m++ {
		title := measureTitles[(m-1)%len(measureTitles)]
		if m > len(measureTitles) {
			title += fmt.Sprintf("（第%d批）", (m-1)/len(measureTitles)+1)
		}
		lead := leadUnits[(m-1)%len(leadUnits)]
		ms := taizhang.Measure{
			No: m, Title: title, LeadUnit: lead,
			Text:               fmt.Sprintf("%s。各地要对照改革要求，梳理本地区工作基础，细化工作举措，明确时间表和路线图，确保按期完成各项任务，形成可复制可推广的经验。", title),
			LeadLeader:         fmt.Sprintf("%s（%s副部长）", personName(rand.New(rand.NewPCG(uint64(m), 9))), lead),
			ResponsibleLeaders: []string{fmt.Sprintf("%s（%s有关司局负责同志）", personName(rand.New(rand.NewPCG(uint64(m), 11))), lead)},
			ResponsibleUnits:   lead + "、各县（市、区）人民政府",
		}
		for s := 0; s < per; s++ {
			var d taizhang.Date
			switch s {
			case 0:
				d = taizhang.MakeDate(2024, time.March, 31+(m%3)*30) // 3-31, 4-30, 5-30
			case 1:
				d = taizhang.MakeDate(2024, time.June, 30+(m%4)*31) // 6-30 … 9-30
			default:
				d = taizhang.MakeDate(2024, time.December, 31)
			}
			st := stageTitles[s%len(stageTitles)]
			if s >= len(stageTitles) {
				st += fmt.Sprintf("（%d）", s+1)
			}
			ms.Milestones = append(ms.Milestones, taizhang.Milestone{Title: st, Deadline: d, Units: names})
		}
		p.Measures = append(p.Measures, ms)
	}
	p.FixIDs()
	return p
}

func personName(rng *rand.Rand) string {
	n := []rune{surnames[rng.IntN(len(surnames))], given[rng.IntN(len(given))]}
	if rng.IntN(3) > 0 {
		n = append(n, given[rng.IntN(len(given))])
	}
	return string(n)
}

// Row is what a unit writes in the fillable columns of one entry.
type Row struct {
	Status    string
	Completed any // a time.Time for a real date cell, a string for a date typed as text, nil when empty
	Progress  string
	Evidence  string
	Problems  string
	NextSteps string
}

// Header is what a unit writes in the header block.
type Header struct {
	Filled  any // time.Time or text
	Contact string
	Phone   string
}

// Filler writes the contents of sheets; one Filler per sheet keeps the
// batch deterministic whatever order sheets are made in.
type Filler struct {
	rng  *rand.Rand
	asOf taizhang.Date
}

// NewFiller returns the filler of sheet number n of a batch whose period is q.
func NewFiller(seed uint64, n int, q taizhang.Period) *Filler {
	return &Filler{rng: rand.New(rand.NewPCG(seed, uint64(n)+1)), asOf: q.End()}
}

// Header returns the header block of a sheet filled on or near the due day.
func (f *Filler) Header() Header {
	r := f.rng
	d := f.asOf.AddDays(-r.IntN(4))
	if r.IntN(10) == 0 {
		d = f.asOf.AddDays(1 + r.IntN(3)) // late
	}
	h := Header{Filled: d.Time(), Contact: personName(r), Phone: fmt.Sprintf("1%d%08d", 30+r.IntN(60), r.IntN(100000000))}
	if r.IntN(8) == 0 {
		h.Filled = fmt.Sprintf("%d年%d月%d日", d.Year, int(d.Month), d.Day)
	}
	return h
}

// Entry returns the filled columns of the row of milestone ms.
func (f *Filler) Entry(ms *taizhang.Milestone) Row {
	r := f.rng
	var row Row
	pDone := 5
	switch {
	case ms.Deadline.Before(f.asOf):
		pDone = 85
	case ms.Deadline.Before(f.asOf.AddDays(120)):
		pDone = 30
	}
	x := r.IntN(100)
	switch {
	case x < pDone:
		row.Status = "已完成"
	case x < pDone+(100-pDone)*2/3:
		row.Status = "推进中"
	default:
		row.Status = "未启动"
	}
	if r.IntN(25) == 0 {
		row.Status = map[string][]string{
			"已完成": {"已办结", "完成", "已完成。"},
			"推进中": {"正在推进", "进行中", "持续推进"},
			"未启动": {"尚未启动", "未开展"},
		}[row.Status][r.IntN(2)]
	}
	done := strings.HasPrefix(row.Status, "已") || row.Status == "完成"
	if done {
		last := ms.Deadline
		if f.asOf.Before(last) {
			last = f.asOf.AddDays(-1)
		}
		d := last.AddDays(-r.IntN(60))
		if r.IntN(12) == 0 {
			d = ms.Deadline.AddDays(1 + r.IntN(10)) // done late
			if f.asOf.Before(d) {
				d = f.asOf
			}
		}
		switch r.IntN(8) {
		case 0:
			row.Completed = fmt.Sprintf("%d年%d月%d日", d.Year, int(d.Month), d.Day)
		case 1:
			row.Completed = fmt.Sprintf("%d.%d.%d", d.Year, int(d.Month), d.Day)
		default:
			row.Completed = d.Time()
		}
	}
	notStarted := strings.Contains(row.Status, "未") || strings.Contains(row.Status, "尚未")
	if notStarted && r.IntN(3) > 0 {
		row.Progress = pick(r, notStartedNotes)
	} else {
		row.Progress = f.Prose(100 + r.IntN(201))
	}
	if !notStarted {
		row.Evidence = f.evidence()
	}
	row.Problems = f.problems(done)
	row.NextSteps = f.next(done)
	return row
}

// Prose returns progress-report prose of about n characters (never fewer).
func (f *Filler) Prose(n int) string {
	r := f.rng
	var b strings.Builder
	b.WriteString(pick(r, openers))
	for utf8.RuneCountInString(b.String()) < n {
		b.WriteString(fill(r, pick(r, actions)))
		b.WriteString(pick(r, []string{"；", "，", "；", "。"}))
	}
	s := strings.TrimRight(b.String(), "；，。")
	return s + "。"
}

func (f *Filler) evidence() string {
	r := f.rng
	k := 1 + r.IntN(3)
	var parts []string
	for range k {
		parts = append(parts, fill(r, pick(r, evidence)))
	}
	return strings.Join(parts, "、")
}

func (f *Filler) problems(done bool) string {
	r := f.rng
	if done && r.IntN(3) > 0 || r.IntN(6) == 0 {
		return pick(r, []string{"无", "暂无", "无。", ""})
	}
	s := fill(r, pick(r, problems))
	if r.IntN(2) == 0 {
		s += "；" + fill(r, pick(r, problems))
	}
	return s + "。"
}

func (f *Filler) next(done bool) string {
	r := f.rng
	if done && r.IntN(2) == 0 {
		return pick(r, []string{"巩固改革成果，做好日常运行维护。", "持续跟踪运行情况，及时总结经验做法。", "按要求做好成果巩固和经验总结。"})
	}
	s := fill(r, pick(r, nexts))
	if r.IntN(2) == 0 {
		s += "，" + fill(r, pick(r, nexts))
	}
	return s + "。"
}

func pick(r *rand.Rand, list []string) string { return list[r.IntN(len(list))] }

// fill replaces each # with a number and each @ with a month.
func fill(r *rand.Rand, s string) string {
	if !strings.ContainsAny(s, "#@") {
		return s
	}
	var b strings.Builder
	for _, c := range s {
		switch c {
		case '#':
			fmt.Fprint(&b, 2+r.IntN(48))
		case '@':
			fmt.Fprint(&b, 6+r.IntN(7))
		default:
			b.WriteRune(c)
		}
	}
	return b.String()
}

var openers = []string{
	"本期以来，我县", "按照上级部署要求，", "半月来，县工改办牵头", "本期，", "按照方案确定的时间节点，我县",
	"对照任务清单，", "县委、县政府高度重视，", "为推动改革任务落地见效，", "本报告期内，县住建局会同相关部门",
}

var actions = []string{
	"召开专题推进会议#次，研究解决改革推进中的具体问题",
	"梳理审批事项#项，精简申报材料#份",
	"组织业务培训#场次，培训审批人员#人次",
	"完成工程建设项目审批管理系统与投资项目在线审批监管平台的数据对接测试",
	"印发《工程建设项目审批事项清单（2024年版）》，明确各阶段审批事项和办理时限",
	"平均审批时限压缩至#个工作日，较改革前减少#个工作日",
	"已有#个项目通过系统实现全流程网上办理",
	"对#个在建项目开展联合检查，发现问题#个，均已督促整改到位",
	"在政务服务中心设立工程建设项目审批综合服务窗口，实行“前台综合受理、后台分类审批、统一窗口出件”",
	"编制完成区域评估成果#项，覆盖产业园区面积#平方公里",
	"推行告知承诺制审批事项#项，累计办理#件",
	"将供水、供电、燃气、通信等市政公用服务报装纳入政务服务中心统一办理",
	"开展中介服务事项清理，取消不合理中介服务#项",
	"组织县发改、自然资源、住建等部门开展联合会审#次",
	"完成施工图数字化审查系统部署，本期受理施工图审查#件",
	"推动电子证照在工程建设领域的应用，累计发放电子证照#张",
	"建立项目审批“红黄绿”预警机制，对超时办理事项实行挂牌督办",
	"赴先进地区考察学习#次，借鉴可复制的经验做法",
	"对改革任务逐项建立台账，实行周调度、月通报",
	"通过门户网站、微信公众号发布改革政策解读#篇",
	"完成联合验收#个项目，平均用时#个工作日",
	"将改革任务纳入年度目标责任考核，压实各部门责任",
	"对审批系统开展压力测试，系统运行平稳",
	"收集企业意见建议#条，已办结#条",
}

var notStartedNotes = []string{
	"按计划下半年启动，目前正在开展前期调研。",
	"该项任务按方案安排于第三季度启动，目前已完成前期准备。",
	"待上级配套文件出台后启动实施。",
	"尚未到启动时间，已明确责任股室和责任人。",
}

var evidence = []string{
	"《推进会议纪要》（第#期）", "系统运行截图#张", "培训签到表", "《审批事项清单》", "工作简报第#期",
	"联合验收意见书#份", "政策解读链接", "督办通知单#份", "《实施细则》印发文件",
}

var problems = []string{
	"部分乡镇业务人员对审批系统操作还不够熟练",
	"与省级平台的数据接口尚未完全打通，部分数据仍需人工录入",
	"专业技术人员不足，施工图审查力量薄弱",
	"个别部门审批事项流程再造不到位，存在体外循环现象",
	"区域评估经费尚未落实，影响成果编制进度",
	"企业对告知承诺制的认知度不高，选择承诺制办理的项目较少",
	"市政公用服务单位进驻窗口的人员不固定",
	"中介服务市场发育不充分，可选择的机构较少",
	"项目前期策划生成机制还不完善",
	"受汛期影响，现场踏勘工作有所滞后",
}

var nexts = []string{
	"继续加强业务培训，提升审批人员系统操作水平",
	"@月底前完成与省级平台的数据对接",
	"加快推进区域评估成果编制，力争@月底前完成",
	"进一步压减审批时限，确保全流程审批时间控制在#个工作日以内",
	"加大政策宣传力度，提高企业对改革措施的知晓率",
	"强化督查考核，对推进不力的部门进行通报",
	"@月中旬组织开展改革成效评估",
	"持续优化审批流程，推动更多事项实现“一网通办”",
	"协调落实工作经费，保障改革任务按期完成",
	"总结提炼改革经验，形成可复制推广的典型案例",
}
