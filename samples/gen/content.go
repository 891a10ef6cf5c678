package main

import "fmt"

// entry is what a unit writes in one row: status, completion date (a day
// of 2021 as "0326", or ""), and the four text columns.
type entry struct {
	status    string
	done      string // MMDD of 完成时间, "" when not done
	progress  string
	evidence  string
	problems  string
	nextSteps string
}

// fig returns a figure between lo and lo+spread-1 that varies with the unit
// and grows with the period k, so that numbers look alive but stay fixed.
func (u *unitInfo) fig(lo, spread, k, step int) int {
	return lo + (u.seed*37+lo)%spread + k*step
}

// pick chooses one of the variants by unit.
func (u *unitInfo) pick(variants ...string) string { return variants[u.seed%len(variants)] }

// write returns the row a unit writes for milestone ms in period k (0–3)
// with the given status (未启动, 推进中, 已完成).
func write(u *unitInfo, ms string, k int, status, done string) entry {
	e := entry{status: status, done: done}
	dept := u.area == ""
	switch {
	case ms == "一" && !dept:
		e.progressCity1(u, k)
	case ms == "一":
		e.progressDept1(u, k)
	case ms == "二" && !dept:
		e.progressCity2(u, k)
	case ms == "二":
		e.progressDept2(u, k)
	case ms == "三.1":
		e.progress31(u, k, dept)
	case ms == "三.2":
		e.progress32(u, k, dept)
	case ms == "三.3":
		e.progress33(u, k, dept)
	case ms == "四" && !dept:
		e.progressCity4(u, k)
	case ms == "四":
		e.progressDept4(u, k)
	case ms == "五":
		e.progress5(u, k)
	case ms == "六":
		e.progress6(u, k, dept)
	}
	return e
}

func (e *entry) progressCity1(u *unitInfo, k int) {
	total := u.fig(38, 40, 0, 0)
	in := []int{total * 45 / 100, total * 70 / 100, total * 88 / 100, total - 2, total - 1, total}[k]
	invest := float64(u.fig(420, 380, 0, 0)) / 10
	switch {
	case e.status == "已完成" && e.done > "0531":
		e.progress = fmt.Sprintf("剩余项目已于%s月%s日补齐前期资料并全部入库，拟实施的%d个房屋建筑和城市基础设施工程项目已全部纳入储备库管理，总投资%.1f亿元；%d个已明确建设单位的项目转入实施库。", trim0(e.done[:2]), trim0(e.done[2:]), total, invest, total*3/5)
		e.evidence = fmt.Sprintf("%s政府投资项目储备库、实施库项目清单", u.place)
		e.problems = "部分项目选址调整，前期资料补充用时较长，较完成时限晚完成。"
		e.nextSteps = "建立储备项目动态更新机制，明确建设单位的项目及时转入实施库。"
	case e.status == "已完成":
		e.progress = fmt.Sprintf("拟实施的%d个房屋建筑和城市基础设施工程项目已全部纳入储备库管理，总投资%.1f亿元；已明确建设单位的%d个项目均已转入实施库，实现“以项目定规划”向“以规划生项目”转变。", total, invest, total*3/5)
		e.evidence = fmt.Sprintf("%s政府投资项目储备库、实施库项目清单；《关于加强政府投资项目储备管理的通知》", u.place)
		e.problems = "无"
		e.nextSteps = "做好储备项目动态更新，明确建设单位的项目及时转入实施库。"
	case k == 0:
		e.progress = fmt.Sprintf("组织发改、自然资源、住建等部门对2021年拟实施的政府投资项目进行梳理，初步确定房屋建筑和城市基础设施工程项目%d个，总投资%.1f亿元；已录入工程建设项目审批管理系统项目储备库%d个。", total, invest, in)
		e.evidence = fmt.Sprintf("%s2021年拟实施政府投资项目清单（初稿）", u.place)
		e.problems = u.pick("部分旗县区项目前期工作深度不够，选址意向和投资估算等指标需进一步细化。", "个别项目用地性质尚未确定，暂无法提出选址意向。")
		e.nextSteps = "4月底前提出项目选址意向、初步建设内容、建设规模、投资估算等指标要求。"
	case k == 1:
		e.progress = fmt.Sprintf("已完成%d个项目选址意向、建设规模、投资估算等指标编制，累计纳入储备库%d个；%d个已明确建设单位的项目转入实施库。", in+3, in, in/3)
		e.evidence = "项目储备库入库清单；储备库系统截图"
		e.problems = u.pick("部分旗县区项目前期工作深度不够，选址意向和投资估算等指标需进一步细化。", "个别项目用地性质尚未确定，暂无法提出选址意向。")
		e.nextSteps = "5月底前完成全部项目入库，同步建立储备库动态调整机制。"
	default:
		e.progress = fmt.Sprintf("储备库已纳入项目%d个，占拟实施项目的%d%%；对尚未入库的%d个项目逐一建立台账，明确责任人和完成时间。累计转入实施库%d个。", in, in*100/total, total-in, in/2)
		e.evidence = "项目储备库入库清单；未入库项目督办台账"
		e.problems = u.pick("剩余项目因选址调整正在补充前期资料，入库进度偏慢。", "部分项目投资估算需重新核定，影响入库进度。")
		e.nextSteps = "对未入库项目实行周调度，确保尽快全部纳入储备库管理。"
	}
}

func (e *entry) progressDept1(u *unitInfo, k int) {
	n := []int{512, 706, 841, 928, 928, 928}[k]
	switch {
	case e.status == "已完成":
		e.progress = fmt.Sprintf("全区拟实施的%d个房屋建筑和城市基础设施工程项目已全部纳入储备库管理，已明确建设单位的%d个项目转入实施库；已向各盟市通报储备库建设情况。", n, n*3/5)
		e.evidence = "全区政府投资项目储备库入库情况统计表；情况通报"
		e.problems = "无"
		e.nextSteps = "指导各盟市建立储备库动态更新机制，做好项目由储备库向实施库的转化。"
	case k == 0:
		e.progress = fmt.Sprintf("印发《关于做好2021年政府投资项目储备工作的通知》，部署各盟市梳理拟实施的政府投资项目；截至4月14日，全区储备库已入库房屋建筑和城市基础设施项目%d个。", n)
		e.evidence = "《关于做好2021年政府投资项目储备工作的通知》"
		e.problems = "个别盟市入库进度较慢。"
		e.nextSteps = "4月下旬召开全区项目储备工作调度会。"
	default:
		e.progress = fmt.Sprintf("召开全区项目储备工作视频调度会，督促各盟市提出项目选址意向、建设规模、投资估算等指标要求；全区入库项目增至%d个，已转入实施库%d个。", n, n/3)
		e.evidence = "调度会议纪要；全区储备库入库情况统计表"
		e.problems = "部分盟市项目前期工作深度不够，入库项目信息不完整。"
		e.nextSteps = "对入库进度较慢的盟市开展专项督导，确保5月底前完成。"
	}
}

func (e *entry) progressCity2(u *unitInfo, k int) {
	switch k {
	case 0:
		e.progress = fmt.Sprintf("“多规合一”业务协同平台一期已上线运行，已整合国土空间规划、土地利用总体规划、城乡规划等空间数据图层%d个；正在开展各类空间规划矛盾图斑核查，已核查差异图斑%d处。", u.fig(18, 20, 0, 0), u.fig(260, 300, 0, 0))
		e.evidence = "平台运行截图；矛盾图斑核查台账"
	case 1:
		e.progress = fmt.Sprintf("累计消除规划矛盾图斑%d处，“一张蓝图”数据入库完成约%d%%；组织发改、住建、交通、水利等%d个审批部门在平台开展项目策划生成试点。", u.fig(120, 150, 0, 0), u.fig(55, 20, 0, 0), u.fig(8, 6, 0, 0))
		e.evidence = "图斑处理台账；项目策划生成试点方案"
	case 2:
		e.progress = fmt.Sprintf("业务协同平台已接入%d个审批部门，本期通过平台开展项目前期策划生成%d个，出具策划意见%d份；“一张蓝图”数据入库完成约%d%%。", u.fig(10, 6, 0, 0), u.fig(6, 10, 0, 0), u.fig(6, 10, 0, 0), u.fig(70, 15, 0, 0))
		e.evidence = "项目策划生成意见书（样本）"
	case 3:
		e.progress = fmt.Sprintf("平台与工程审批系统数据对接联调已完成，累计通过平台策划生成项目%d个；正在完善项目策划生成功能模块，力争8月底前全面建成。", u.fig(15, 20, 0, 0))
		e.evidence = "系统联调测试报告"
	case 4:
		e.progress = fmt.Sprintf("项目策划生成功能模块已上线试运行，本期通过平台策划生成项目%d个，累计%d个；“一张蓝图”数据入库完成约%d%%。", u.fig(4, 6, 0, 0), u.fig(15, 20, 0, 0)+u.fig(4, 6, 0, 0), u.fig(82, 10, 0, 0))
		e.evidence = "项目策划生成功能试运行记录"
	default:
		e.progress = fmt.Sprintf("组织各审批部门开展业务协同平台操作培训%d场，累计通过平台策划生成项目%d个；正在对照自治区验收标准开展自查。", u.fig(2, 3, 0, 0), u.fig(15, 20, 0, 0)+u.fig(4, 6, 0, 0)+u.fig(3, 5, 0, 0))
		e.evidence = "培训通知及签到表；平台建设自查报告"
	}
	e.problems = u.pick("国土空间总体规划尚在编制，“一张蓝图”底图数据需待规划批复后更新。", "部分部门专项规划数据格式不统一，整合工作量较大。", "平台运维技术力量不足。")
	e.nextSteps = u.pick("加快矛盾图斑处理，推动各审批部门在平台共同参与项目前期策划生成。", "9月底前全面建成“多规合一”及业务协同平台。")
}

func (e *entry) progressDept2(u *unitInfo, k int) {
	e.progress = fmt.Sprintf("印发《关于加快推进“多规合一”业务协同平台建设的通知》，全区已有%d个盟市业务协同平台上线运行；组织开展规划矛盾图斑核查，累计消除差异图斑%d处。", []int{7, 8, 9, 10, 11, 12}[k], []int{1860, 2430, 3105, 3620, 3912, 4187}[k])
	e.evidence = "《关于加快推进“多规合一”业务协同平台建设的通知》；各盟市平台建设进度表"
	e.problems = "部分盟市国土空间总体规划尚未批复，“一张蓝图”数据更新滞后。"
	e.nextSteps = "对平台建设进度较慢的盟市开展现场指导，确保9月底前全面建成。"
}

func (e *entry) progress31(u *unitInfo, k int, dept bool) {
	switch {
	case e.status == "已完成" && dept:
		e.progress = "全区统一的工程建设项目审批管理系统已实现审批、核准、备案及市政公用服务、中介服务、技术审查等事项全覆盖，12个盟市均已实现全流程、全事项网上办理。"
		e.evidence = "全区工程审批系统事项覆盖情况统计表"
		e.problems = "无"
		e.nextSteps = "加强系统运行监测，定期通报各盟市网上办理情况。"
	case e.status == "已完成" && e.done > "0331":
		e.progress = fmt.Sprintf("工程建设项目审批、核准、备案及市政公用服务、中介服务、技术审查等%d项事项已于%s月%s日全部纳入工程审批系统，实现全流程、全事项网上办理。", u.fig(90, 60, 0, 0), trim0(e.done[:2]), trim0(e.done[2:]))
		e.evidence = "工程审批系统事项清单；系统运行统计表"
		e.problems = "中介服务事项需与中介服务网上交易平台对接，较完成时限晚完成。"
		e.nextSteps = "持续做好系统运行保障，提高网上办理深度。"
	case e.status == "已完成":
		e.progress = fmt.Sprintf("工程建设项目审批、核准、备案及市政公用服务、中介服务、技术审查等%d项事项已全部纳入工程审批系统，实现全流程、全事项网上办理；本期系统新受理项目%d个，办结审批事项%d件。", u.fig(90, 60, 0, 0), u.fig(20, 40, k, 6), u.fig(60, 90, k, 15))
		e.evidence = "工程审批系统事项清单；系统运行统计表"
		e.problems = "无"
		e.nextSteps = "持续做好系统运行保障，推动审批事项线上办理率进一步提高。"
	default:
		e.progress = fmt.Sprintf("已将审批、核准、备案等%d项事项纳入工程审批系统，供水、供电、供气、供热等市政公用服务报装事项正在接入。", u.fig(60, 30, 0, 0))
		e.evidence = "工程审批系统事项清单"
		e.problems = "市政公用服务企业业务系统改造进度较慢，未能在3月底前完成全部事项接入。"
		e.nextSteps = "4月底前完成剩余市政公用服务事项接入。"
	}
}

func (e *entry) progress32(u *unitInfo, k int, dept bool) {
	switch {
	case e.status == "未启动":
		e.problems = "自治区统一接口规范尚未下发。"
		e.nextSteps = "按自治区统一部署，做好工程审批系统接入“蒙速办”APP的准备工作。"
		return
	case dept && u.name == "自治区政务服务局":
		e.progress = []string{
			"开通“蒙速办”APP工程建设项目审批专区测试环境，印发接口规范。",
			"“蒙速办”APP工程建设项目审批专区完成页面设计，已有4个盟市完成接口联调。",
			"已有7个盟市完成接口联调，项目审批进度查询功能在测试环境上线。",
			"已有9个盟市完成接口联调，审批结果查询、证照查询功能在测试环境上线。",
			"已有11个盟市完成接口联调，“蒙速办”APP工程建设项目审批专区完成安全测评。",
			"12个盟市全部完成接口联调，工程建设项目审批专区在“蒙速办”APP试运行。",
		}[k]
		e.evidence = "“蒙速办”APP工程建设项目审批专区接口规范"
	case dept:
		e.progress = fmt.Sprintf("与自治区政务服务局共同制定工程审批系统接入“蒙速办”APP技术方案，明确首批接入事项%d项；已有%d个盟市完成接口开发。", 12, []int{0, 3, 6, 9, 11, 12}[k])
		e.evidence = "工程审批系统接入“蒙速办”APP技术方案"
	case k <= 1:
		e.progress = fmt.Sprintf("已与自治区政务服务局对接，完成工程审批系统接入“蒙速办”APP的接口需求梳理，拟首批上线项目进度查询、审批结果公示等%d项服务。", u.fig(4, 5, 0, 0))
		e.evidence = "接口需求清单"
	case k == 2:
		e.progress = fmt.Sprintf("接入“蒙速办”APP接口开发已完成约%d%%，项目审批进度查询功能已完成内部测试。", u.fig(40, 30, 0, 0))
		e.evidence = "接口开发进度表"
	case k == 4:
		e.progress = fmt.Sprintf("与“蒙速办”APP联调测试已完成，%d项服务通过自治区政务服务局安全测评，待统一发布。", u.fig(4, 5, 0, 0))
		e.evidence = "联调测试报告；安全测评意见"
	case k >= 5:
		e.progress = fmt.Sprintf("项目审批进度查询、审批结果查询等%d项服务已在“蒙速办”APP试运行，本期群众和企业查询%d次。", u.fig(4, 5, 0, 0), u.fig(200, 600, 0, 0))
		e.evidence = "“蒙速办”APP试运行截图"
	default:
		e.progress = fmt.Sprintf("项目审批进度查询、审批结果查询等%d项服务已在“蒙速办”APP测试环境上线，正在开展联调测试。", u.fig(4, 5, 0, 0))
		e.evidence = "联调测试记录"
	}
	e.problems = u.pick("接口规范尚在调整，开发进度受一定影响。", "无", "技术力量不足，需依托系统开发公司推进。")
	e.nextSteps = "9月底前完成工程审批系统接入“蒙速办”APP。"
}

func (e *entry) progress33(u *unitInfo, k int, dept bool) {
	switch {
	case e.status == "未启动":
		e.nextSteps = "配合自治区推进工程审批系统与投资项目在线审批监管平台、一体化在线政务服务平台深度融合。"
		return
	case dept:
		e.progress = fmt.Sprintf("推动工程审批系统与投资项目在线审批监管平台、一体化在线政务服务平台数据共享，已实现项目代码、审批结果共享互认；电子证照共享调用已在%d个盟市试运行。", []int{2, 4, 6, 8, 10, 12}[k])
		e.evidence = "系统对接方案"
		e.problems = "各平台数据标准不一致，需统筹推进。"
	case k < 3:
		e.progress = "已实现工程审批系统与投资项目在线审批监管平台项目代码共享互认，正在推进与一体化在线政务服务平台统一身份认证、电子证照对接。"
		e.evidence = "系统对接方案"
		e.problems = "各平台数据标准不一致，深度融合需自治区层面统筹。"
	default:
		e.progress = fmt.Sprintf("工程审批系统已接入一体化在线政务服务平台统一身份认证，电子证照共享调用已打通，累计调用电子证照%d次。", u.fig(300, 900, 0, 0))
		e.evidence = "电子证照调用统计"
		e.problems = "无"
	}
	e.nextSteps = "力争年底前基本实现房屋建筑和城市基础设施工程“一网通办”。"
}

func (e *entry) progressCity4(u *unitInfo, k int) {
	switch {
	case e.status == "已完成":
		e.progress = fmt.Sprintf("已印发《%s区域评估实施办法》及区域评估事项清单和技术标准，在%s等%d个区域完成压覆矿产资源、地质灾害危险性、地震安全性评价等%d项区域评估，评估结果已在政府门户网站公开，区域内工程建设项目不再单独开展相应专项评估。", u.place, u.area, u.fig(2, 3, 0, 0), u.fig(5, 4, 0, 0))
		e.evidence = fmt.Sprintf("《%s区域评估事项清单和技术标准》；评估结果公开网页截图", u.place)
		e.problems = u.pick("无", "区域评估成果运用还不够充分。")
		e.nextSteps = "强化区域评估成果运用，逐步扩大区域评估覆盖范围。"
	case k == 0:
		e.progress = fmt.Sprintf("已确定%s为区域评估实施区域，委托第三方机构开展压覆矿产资源、地质灾害危险性、地震安全性评价、水土保持、文物考古调查等%d项区域评估，正在编制区域评估事项清单和技术标准。", u.area, u.fig(5, 4, 0, 0))
		e.evidence = "区域评估工作方案"
		e.problems = "第三方评估机构工作进度偏慢。"
		e.nextSteps = "4月底前明确区域评估事项清单和技术标准。"
	case k == 1:
		e.progress = "区域评估事项清单和技术标准已形成征求意见稿，正在征求发改、生态环境、水利、文物等部门意见。"
		e.evidence = "区域评估事项清单和技术标准（征求意见稿）"
		e.problems = "部门意见分歧较大，需进一步协调，未能在4月底前印发。"
		e.nextSteps = "5月上旬提请市政府常务会议审议。"
	default:
		e.progress = "区域评估事项清单和技术标准已完成部门会签，待市政府常务会议审议后印发。"
		e.evidence = "部门会签意见"
		e.problems = "市政府常务会议尚未安排审议。"
		e.nextSteps = "5月底前印发实施。"
	}
}

func (e *entry) progressDept4(u *unitInfo, k int) {
	if e.status == "已完成" {
		e.progress = "自治区区域评估事项清单和技术标准已印发，明确压覆矿产资源、地质灾害危险性、地震安全性评价、水土保持等评估事项及技术要求；已有10个盟市印发本地区事项清单和技术标准。"
		e.evidence = "《自治区区域评估事项清单和技术标准》"
		e.problems = "个别盟市清单印发滞后。"
		e.nextSteps = "督促尚未印发的盟市尽快印发，强化区域评估成果运用。"
		return
	}
	e.progress = "印发《关于深化区域评估工作的指导意见》，明确区域评估事项范围、技术标准和成果应用要求，指导各盟市于4月底前明确区域评估事项清单和技术标准。"
	e.evidence = "《关于深化区域评估工作的指导意见》"
	e.problems = "无"
	e.nextSteps = "4月底前印发自治区区域评估事项清单和技术标准。"
}

func (e *entry) progress5(u *unitInfo, k int) {
	e.progress = fmt.Sprintf("推进各级政务服务大厅“一个窗口”综合受理改革，全区已有%d个旗县区实现“前台综合受理、后台分类审批、统一窗口出件”；清理不必要的要件材料%d项，全面推行全流程免费代办帮办服务。", []int{46, 58, 67, 75, 84, 93}[k], []int{132, 187, 214, 236, 251, 268}[k])
	e.evidence = "“一个窗口”改革推进情况统计表"
	e.problems = "部分旗县区后台审批部门进驻不到位，流转程序仍需优化。"
	e.nextSteps = "年底前全面建成“一个窗口”，实现进“一家门”、办“多家事”。"
}

func (e *entry) progress6(u *unitInfo, k int, dept bool) {
	switch {
	case e.status == "未启动":
		e.nextSteps = "按照6月底前公布清单的要求，组织各审批部门梳理审批事项。"
		return
	case dept && u.name == "自治区住房城乡建设厅":
		e.progress = []string{
			"起草《关于在工程建设项目审批中推行“清单制+告知承诺制”的实施意见》，已征求各盟市和自治区相关部门意见。",
			"实施意见已完成合法性审查，梳理全区统一的告知承诺制审批事项22项。",
			"实施意见已报自治区工改领导小组审定，指导各盟市编制本地区清单。",
			"实施意见已印发，各盟市正在编制本地区审批事项清单和告知承诺制审批事项清单。",
			"召开全区推行“清单制+告知承诺制”视频培训会，已有5个盟市公布审批事项清单和告知承诺制审批事项清单。",
			"已有10个盟市公布审批事项清单和告知承诺制审批事项清单，正在督促其余盟市6月底前公布。",
		}[k]
		e.evidence = "《关于在工程建设项目审批中推行“清单制+告知承诺制”的实施意见》"
		e.problems = "无"
	case dept:
		e.progress = fmt.Sprintf("梳理本部门涉及工程建设项目的审批事项%d项，其中拟实行告知承诺制的%d项，清单正在征求意见。", u.fig(8, 10, 0, 0), u.fig(3, 4, 0, 0))
		e.evidence = "本部门审批事项清单（征求意见稿）"
		e.problems = "无"
	case k <= 1:
		e.progress = fmt.Sprintf("组织各审批部门对社会投资小型低风险项目、城镇老旧小区改造项目审批事项进行梳理，已形成审批事项清单和告知承诺制审批事项清单（征求意见稿），共梳理告知承诺制事项%d项。", u.fig(12, 15, 0, 0))
		e.evidence = "审批事项清单（征求意见稿）"
		e.problems = u.pick("部分部门对告知承诺后的事中事后监管存在顾虑。", "无")
	case k == 2:
		e.progress = "审批事项清单和告知承诺制审批事项清单已征求各部门意见，正在履行合法性审查程序，计划6月中旬公布。"
		e.evidence = "征求意见汇总表"
		e.problems = u.pick("部分部门对告知承诺后的事中事后监管存在顾虑。", "无")
	case k == 3:
		e.progress = fmt.Sprintf("清单已通过合法性审查，报政府审定后公布；已在%s试点对%d个小型低风险项目实行告知承诺制审批。", u.county, u.fig(3, 8, 0, 0))
		e.evidence = "合法性审查意见；试点项目清单"
		e.problems = "无"
	case k == 4:
		e.progress = fmt.Sprintf("审批事项清单和告知承诺制审批事项清单已经政府常务会议审定，拟于6月下旬公布；%s试点累计对%d个小型低风险项目实行告知承诺制审批。", u.county, u.fig(3, 8, 0, 0)+u.fig(2, 4, 0, 0))
		e.evidence = "政府常务会议纪要；试点项目清单"
		e.problems = "无"
	default:
		e.progress = fmt.Sprintf("审批事项清单和告知承诺制审批事项清单已于6月%d日在政府门户网站公布，共%d项审批事项、其中告知承诺制事项%d项；正在制定事中事后监管办法。", 20+u.seed%8, u.fig(60, 40, 0, 0), u.fig(12, 15, 0, 0))
		e.evidence = "清单公布网页截图"
		e.problems = "告知承诺后的事中事后监管机制尚需完善。"
		e.nextSteps = "7月底前出台告知承诺制审批事中事后监管办法，加强信用监管。"
		return
	}
	e.nextSteps = "6月底前公布审批事项清单和告知承诺制审批事项清单，加强事中事后监管。"
}

func trim0(s string) string {
	if len(s) == 2 && s[0] == '0' {
		return s[1:]
	}
	return s
}
