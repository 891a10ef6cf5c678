package main

import (
	"fmt"
	"os"
	"path/filepath"
	"time"

	"taizhang"
	"taizhang/xlsx"
)

// The June folders hold what the task force saved from its mailbox rather
// than plain sheets: messages (.eml), a Thunderbird export of the mailbox
// (.mbox), an archive and a legacy .xls. samples/README.md lists them.
const (
	juneFirst  = "2021-06/上半月"
	juneSecond = "2021-06/下半月"
)

// june writes the June folders.
func june(out string, p *taizhang.Programme) error {
	g := &juneGen{p: p}
	files := map[string][]byte{}
	var errs []error
	put := func(dir, name string, data []byte) {
		files[filepath.Join(dir, name)] = data
	}
	// 2021年6月上半月, due 2021-06-15.
	const k1 = 4
	put(juneFirst, "包头市关于报送6月上半月进展情况的函.eml", (&mail{
		client: foxmail, name: "郝建军", from: "btzjj@example.cn",
		subject: "关于报送6月上半月进展情况的函", date: "2021-06-15 16:02:37",
		text: "自治区工改专班：\n　　按照内工改办〔2021〕29号文件要求，现将包头市6月上半月深化工程建设项目审批制度改革专项工作进展情况报送你们，请审阅。区域评估成果公开的网页截图一并附上，作为佐证材料。\n\n包头市工改办　郝建军\n0472-5153260",
		files: []attachment{
			g.sheet(k1, "包头市", "", filledOn("0615")),
			{name: "区域评估成果公开网页截图.jpg", data: photo(2)},
		},
	}).encode())
	put(juneFirst, "呼和浩特市2021年6月上半月工改专项进展情况.eml", (&mail{
		client: outlook, name: "赵丽娜", from: "hhhtzjj@example.cn",
		subject: "呼和浩特市2021年6月上半月工改专项进展情况", date: "2021-06-14 17:25:10",
		text:  "专班领导：\n　　呼和浩特市2021年6月上半月工改专项进展情况表已填报完毕，详见附件，请查收。\n\n赵丽娜\n呼和浩特市工程建设项目审批制度改革工作领导小组办公室\n电话：0471-6608312",
		files: []attachment{g.sheet(k1, "呼和浩特市", "")},
	}).encode())
	put(juneFirst, "赤峰市6月上半月进展情况（含佐证材料）.eml", (&mail{
		client: qqmail, name: "李志强", from: "cfzjj@example.cn",
		subject: "赤峰市6月上半月进展情况（含佐证材料）", date: "2021-06-15 10:08:44",
		text: "您好！\n　　附件为赤峰市2021年6月上半月工改专项推进情况表，另附《赤峰市告知承诺制审批事项清单（送审稿）》作为佐证材料，请查收。\n\n赤峰市工改办　李志强　0476-8336580",
		files: []attachment{
			g.sheet(k1, "赤峰市", "2021年6月上半月 赤峰市工改专项推进情况.xlsx"),
			{name: "赤峰市告知承诺制审批事项清单（送审稿）.pdf", data: scan("赤峰市告知承诺制审批事项清单（送审稿）", 24)},
		},
	}).encode())
	put(juneFirst, "通辽市6月上半月进展情况.eml", (&mail{
		client: thunderbird, name: "王海燕", from: "tlzjj@example.cn",
		subject: "通辽市6月上半月进展情况", date: "2021-06-13 11:47:26",
		text:  "专班：\n通辽市2021年6月上半月深化工程建设项目审批制度改革专项工作进展情况表见附件。\n\n王海燕\n通辽市工改办",
		files: []attachment{g.sheet(k1, "通辽市", "")},
	}).encode())
	// Sent the morning after the due day: late by the e-mail, although the
	// sheet says 2021-06-15.
	put(juneFirst, "乌海市6月上半月进展情况表（补发）.eml", (&mail{
		client: foxmail, name: "杜鹏飞", from: "whzjj@example.cn",
		subject: "乌海市6月上半月进展情况表（补发）", date: "2021-06-16 09:12:05",
		text:  "自治区工改专班：\n　　乌海市6月上半月进展情况表昨日已填好，因单位网络故障未能及时发出，今日补发，请谅解。\n\n乌海市工改办　杜鹏飞",
		files: []attachment{g.sheet(k1, "乌海市", "", filledOn("0615"))},
	}).encode())
	// Sent on the due day, although the sheet is dated the day after.
	put(juneFirst, "兴安盟6月上半月工改专项进展情况.eml", (&mail{
		client: qqmail, name: "包金花", from: "xamzjj@example.cn",
		subject: "兴安盟6月上半月工改专项进展情况", date: "2021-06-15 17:40:22",
		text:  "专班老师好：\n　　兴安盟6月上半月进展情况表已报盟领导审签，详见附件。\n\n兴安盟行政审批和政务服务局　包金花\n0482-8263375",
		files: []attachment{g.sheet(k1, "兴安盟", "", filledOn("0616"))},
	}).encode())
	// The table copied into a new workbook: no unit in the sheet, the file
	// name or the template's mark; only the sender's address tells.
	put(juneFirst, "报送6月上半月进展情况.eml", (&mail{
		client: outlook, name: "乌日娜", from: "xlglmzjj@example.cn",
		subject: "报送6月上半月进展情况", date: "2021-06-15 15:20:48",
		text:  "您好，6月上半月进展情况表见附件，请查收。\n\n乌日娜",
		files: []attachment{g.sheet(k1, "锡林郭勒盟", "进展情况表.xlsx", anonymous())},
	}).encode())
	// A county office forwarding the city's message, sent to it by mistake.
	put(juneFirst, "转发：乌兰察布市关于报送6月上半月进展情况的函.eml", (&mail{
		client: foxmail, name: "集宁区工改办", from: "jnqgg@example.cn",
		subject: "转发：乌兰察布市关于报送6月上半月进展情况的函", date: "2021-06-15 11:20:15",
		text: "自治区工改专班：\n　　乌兰察布市工改办误将下面这封邮件发到了我办邮箱，现原件转发给你们，请查收。\n\n集宁区工改办",
		files: []attachment{{name: "乌兰察布市关于报送6月上半月进展情况的函.eml", msg: &mail{
			client: outlook, name: "刘建军", from: "wlcbzjj@example.cn", toName: "集宁区工改办", to: "jnqgg@example.cn",
			subject: "乌兰察布市关于报送6月上半月进展情况的函", date: "2021-06-15 09:45:30",
			text:  "自治区工改专班：\n　　现将乌兰察布市6月上半月深化工程建设项目审批制度改革专项工作进展情况报送你们，请审阅。\n\n乌兰察布市工改办　刘建军　0474-8326615",
			files: []attachment{g.sheet(k1, "乌兰察布市", "")},
		}}},
	}).encode())
	// A first sheet with a gap, then the corrected one in a second message.
	put(juneFirst, "自治区自然资源厅6月上半月进展情况.eml", (&mail{
		client: foxmail, name: "田晓梅", from: "nmzrzyt@example.cn",
		subject: "自治区自然资源厅6月上半月进展情况", date: "2021-06-11 10:05:52",
		text:  "专班：\n　　自然资源厅6月上半月进展情况表见附件。\n\n国土空间规划局　田晓梅",
		files: []attachment{g.sheet(k1, "自治区自然资源厅", "", filledOn("0611"), setText("六", "进展情况", ""))},
	}).encode())
	put(juneFirst, "【更正】自治区自然资源厅6月上半月进展情况.eml", (&mail{
		client: foxmail, name: "田晓梅", from: "nmzrzyt@example.cn",
		subject: "【更正】自治区自然资源厅6月上半月进展情况", date: "2021-06-15 09:30:18",
		text:  "专班：\n　　6月11日报送的进展情况表中第（六）项进展情况漏填，现补充后重新报送，请以此件为准。\n\n国土空间规划局　田晓梅",
		files: []attachment{g.sheet(k1, "自治区自然资源厅", "", filledOn("0615"))},
	}).encode())
	// An archive made on Chinese Windows, handed over on the government
	// network rather than by e-mail: a folder with the sheet and 佐证材料.
	dir := "自治区住房城乡建设厅6月上半月进展情况/"
	zipped, err := windowsZip([]zipFile{
		{name: dir},
		{name: dir + "自治区住房城乡建设厅_2021年6月上半月_进展情况表.xlsx", data: g.sheet(k1, "自治区住房城乡建设厅", "").data},
		{name: dir + "佐证材料/"},
		{name: dir + "佐证材料/关于召开全区推行清单制告知承诺制视频培训会的通知.pdf", data: scan("关于召开全区推行“清单制+告知承诺制”视频培训会的通知", 30)},
		{name: dir + "佐证材料/视频培训会现场照片.jpg", data: photo(15)},
	}, time.Date(2021, 6, 15, 17, 48, 36, 0, time.UTC))
	errs = append(errs, err)
	put(juneFirst, "自治区住房城乡建设厅6月上半月进展情况.zip", zipped)
	// An e-mail with an archive attached.
	zipped, err = windowsZip([]zipFile{
		{name: "自治区政务服务局_2021年6月上半月_进展情况表.xlsx", data: g.sheet(k1, "自治区政务服务局", "").data},
		{name: "佐证材料/"},
		{name: "佐证材料/“蒙速办”APP工程建设项目审批专区安全测评报告.pdf", data: scan("“蒙速办”APP工程建设项目审批专区安全测评报告", 36)},
	}, time.Date(2021, 6, 14, 15, 52, 10, 0, time.UTC))
	errs = append(errs, err)
	put(juneFirst, "自治区政务服务局6月上半月进展情况及佐证材料.eml", (&mail{
		client: outlook, name: "杨帆", from: "nmzwfw@example.cn",
		subject: "自治区政务服务局6月上半月进展情况及佐证材料", date: "2021-06-14 16:10:03",
		text:  "专班：\n　　我局6月上半月进展情况表及佐证材料已打包为附件，请查收。\n\n自治区政务服务局　杨帆　0471-6285731",
		files: []attachment{{name: "政务服务局6月上半月材料.zip", data: zipped}},
	}).encode())
	// The mailbox exported from Thunderbird: five units' messages.
	put(juneFirst, "工改专班收件箱_2021年6月上半月.mbox", mbox([]*mail{
		{client: foxmail, name: "孟庆华", from: "hlbezjj@example.cn",
			subject: "呼伦贝尔市6月上半月进展情况", date: "2021-06-15 08:55:41",
			text:  "专班：\n　　呼伦贝尔市6月上半月进展情况表见附件，请查收。\n\n孟庆华",
			files: []attachment{g.sheet(k1, "呼伦贝尔市", "")}},
		{client: outlook, name: "高慧敏", from: "erdszjj@example.cn",
			subject: "鄂尔多斯市6月上半月工改专项进展情况", date: "2021-06-15 14:36:09",
			text:  "自治区工改专班：\n　　鄂尔多斯市6月上半月工改专项进展情况见附件。\n\n鄂尔多斯市工改办　高慧敏",
			files: []attachment{g.own(k1, "鄂尔多斯市", "鄂尔多斯市6月上半月工改专项进展情况.xlsx")}},
		{client: qqmail, name: "张秀英", from: "bynezjj@example.cn",
			subject: "巴彦淖尔市6月上半月进展情况表", date: "2021-06-14 16:48:55",
			text:  "专班您好：\n　　巴彦淖尔市6月上半月进展情况表请查收。项目储备库剩余项目已于6月8日全部入库。\n\n张秀英",
			files: []attachment{g.sheet(k1, "巴彦淖尔市", "")}},
		{client: thunderbird, name: "那仁格日勒", from: "alsmzjj@example.cn",
			subject: "阿拉善盟6月上半月进展情况", date: "2021-06-15 18:05:33",
			text:  "专班：\n阿拉善盟6月上半月进展情况表见附件。\n\n阿拉善盟工改办　那仁格日勒",
			files: []attachment{g.sheet(k1, "阿拉善盟", "")}},
		{client: outlook, name: "罗晓东", from: "nmfgw@example.cn",
			subject: "自治区发展改革委6月上半月进展情况", date: "2021-06-14 10:30:27",
			text:  "专班：\n　　附件1为我委6月上半月进展情况，请查收。\n\n投资处　罗晓东",
			files: []attachment{g.sheet(k1, "自治区发展改革委", "附件1：自治区发展改革委6月上半月进展情况.xlsx")}},
	}))

	// 2021年6月下半月, due 2021-06-30. 乌海市 sends nothing.
	const k2 = 5
	put(juneSecond, "工改专班收件箱_2021年6月下半月.mbox", mbox([]*mail{
		{client: outlook, name: "赵丽娜", from: "hhhtzjj@example.cn",
			subject: "呼和浩特市2021年6月下半月工改专项进展情况", date: "2021-06-29 16:40:12",
			text:  "专班领导：\n　　呼和浩特市2021年6月下半月工改专项进展情况表详见附件，请查收。\n\n赵丽娜",
			files: []attachment{g.sheet(k2, "呼和浩特市", "")}},
		{client: foxmail, name: "郝建军", from: "btzjj@example.cn",
			subject: "关于报送6月下半月进展情况的函", date: "2021-06-30 10:12:45",
			text:  "自治区工改专班：\n　　现将包头市6月下半月进展情况报送你们，请审阅。\n\n包头市工改办　郝建军",
			files: []attachment{g.sheet(k2, "包头市", "")}},
		{client: foxmail, name: "孟庆华", from: "hlbezjj@example.cn",
			subject: "呼伦贝尔市6月下半月进展情况", date: "2021-06-30 15:05:20",
			text:  "专班：\n　　呼伦贝尔市6月下半月进展情况表见附件。\n\n孟庆华",
			files: []attachment{g.sheet(k2, "呼伦贝尔市", "")}},
		{client: qqmail, name: "包金花", from: "xamzjj@example.cn",
			subject: "兴安盟6月下半月工改专项进展情况", date: "2021-06-29 09:58:37",
			text:  "专班老师好：\n　　兴安盟6月下半月进展情况表见附件。\n\n包金花",
			files: []attachment{g.sheet(k2, "兴安盟", "")}},
		{client: qqmail, name: "李志强", from: "cfzjj@example.cn",
			subject: "赤峰市6月下半月进展情况", date: "2021-06-30 11:32:06",
			text:  "您好！附件为赤峰市2021年6月下半月工改专项推进情况表，请查收。\n\n李志强",
			files: []attachment{g.sheet(k2, "赤峰市", "2021年6月下半月 赤峰市工改专项推进情况.xlsx")}},
		{client: outlook, name: "乌日娜", from: "xlglmzjj@example.cn",
			subject: "锡林郭勒盟6月下半月进展情况", date: "2021-06-29 17:03:51",
			text:  "您好，锡林郭勒盟6月下半月进展情况表见附件（已按模板填报）。\n\n乌日娜",
			files: []attachment{g.sheet(k2, "锡林郭勒盟", "")}},
		{client: outlook, name: "刘建军", from: "wlcbzjj@example.cn",
			subject: "乌兰察布市关于报送6月下半月进展情况的函", date: "2021-06-30 16:45:14",
			text:  "自治区工改专班：\n　　现将乌兰察布市6月下半月进展情况报送你们，请审阅。\n\n乌兰察布市工改办　刘建军",
			files: []attachment{g.sheet(k2, "乌兰察布市", "")}},
		{client: qqmail, name: "张秀英", from: "bynezjj@example.cn",
			subject: "巴彦淖尔市6月下半月进展情况表", date: "2021-06-30 17:55:02",
			text:  "专班您好：\n　　巴彦淖尔市6月下半月进展情况表请查收。\n\n张秀英",
			files: []attachment{g.sheet(k2, "巴彦淖尔市", "")}},
	}))
	put(juneSecond, "鄂尔多斯市6月下半月工改专项进展情况.eml", (&mail{
		client: outlook, name: "高慧敏", from: "erdszjj@example.cn",
		subject: "鄂尔多斯市6月下半月工改专项进展情况", date: "2021-06-30 09:20:44",
		text:  "自治区工改专班：\n　　鄂尔多斯市6月下半月工改专项进展情况见附件。\n\n鄂尔多斯市工改办　高慧敏",
		files: []attachment{g.own(k2, "鄂尔多斯市", "鄂尔多斯市6月下半月工改专项进展情况.xlsx")},
	}).encode())
	put(juneSecond, "阿拉善盟6月下半月进展情况.eml", (&mail{
		client: thunderbird, name: "那仁格日勒", from: "alsmzjj@example.cn",
		subject: "阿拉善盟6月下半月进展情况", date: "2021-06-30 12:30:09",
		text:  "专班：\n阿拉善盟6月下半月进展情况表见附件。\n\n阿拉善盟工改办　那仁格日勒",
		files: []attachment{g.sheet(k2, "阿拉善盟", "")},
	}).encode())
	put(juneSecond, "自治区发展改革委6月下半月进展情况.eml", (&mail{
		client: outlook, name: "罗晓东", from: "nmfgw@example.cn",
		subject: "自治区发展改革委6月下半月进展情况", date: "2021-06-29 15:00:31",
		text:  "专班：\n　　附件1为我委6月下半月进展情况，请查收。\n\n投资处　罗晓东",
		files: []attachment{g.sheet(k2, "自治区发展改革委", "附件1：自治区发展改革委6月下半月进展情况.xlsx")},
	}).encode())
	put(juneSecond, "自治区自然资源厅6月下半月进展情况.eml", (&mail{
		client: foxmail, name: "田晓梅", from: "nmzrzyt@example.cn",
		subject: "自治区自然资源厅6月下半月进展情况", date: "2021-06-30 10:45:27",
		text:  "专班：\n　　自然资源厅6月下半月进展情况表见附件。\n\n国土空间规划局　田晓梅",
		files: []attachment{g.sheet(k2, "自治区自然资源厅", "")},
	}).encode())
	put(juneSecond, "自治区住房城乡建设厅6月下半月进展情况.eml", (&mail{
		client: qqmail, name: "成斌", from: "nmzjt@example.cn",
		subject: "自治区住房城乡建设厅6月下半月进展情况", date: "2021-06-30 16:20:58",
		text: "专班：\n　　我厅6月下半月进展情况表见附件，各盟市清单公布情况统计表作为佐证材料一并报送。\n\n建筑市场监管处　成斌",
		files: []attachment{
			g.sheet(k2, "自治区住房城乡建设厅", ""),
			{name: "各盟市审批事项清单公布情况统计表.pdf", data: scan("各盟市审批事项清单和告知承诺制审批事项清单公布情况统计表", 28)},
		},
	}).encode())
	put(juneSecond, "自治区政务服务局6月下半月进展情况.eml", (&mail{
		client: thunderbird, name: "杨帆", from: "nmzwfw@example.cn",
		subject: "自治区政务服务局6月下半月进展情况", date: "2021-06-29 11:15:40",
		text:  "专班：\n我局6月下半月进展情况表见附件。\n\n杨帆",
		files: []attachment{g.sheet(k2, "自治区政务服务局", "")},
	}).encode())
	for _, err := range append(errs, g.err) {
		if err != nil {
			return err
		}
	}
	// The folders are the generator's own, but for the legacy workbook.
	for _, d := range []string{juneFirst, juneSecond} {
		dir := filepath.Join(out, filepath.FromSlash(d))
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
		for _, pattern := range []string{"*.eml", "*.mbox", "*.zip"} {
			old, _ := filepath.Glob(filepath.Join(dir, pattern))
			for _, f := range old {
				if err := os.Remove(f); err != nil {
					return err
				}
			}
		}
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(out, filepath.FromSlash(name)), data, 0o644); err != nil {
			return err
		}
	}
	// 通辽市 saves its 6月下半月 sheet as .xls in WPS and hands it over on
	// the government network.
	sheet := g.sheet(k2, "通辽市", "")
	if g.err != nil {
		return g.err
	}
	return legacyXLS(filepath.Join(out, filepath.FromSlash(juneSecond), LegacyName), sheet.data)
}

// LegacyName is the legacy workbook the generator keeps once made.
const LegacyName = "通辽市_2021年6月下半月_进展情况表.xls"

// juneGen renders the June sheets; the first error is kept in err.
type juneGen struct {
	p   *taizhang.Programme
	err error
}

// sheet returns unit's sheet of period k as an attachment named name ("" for
// the template's name).
func (g *juneGen) sheet(k int, unit, name string, edits ...edit) attachment {
	return g.render(spec{k: k, unit: unit, name: name, edits: edits})
}

// own returns unit's sheet in its own layout.
func (g *juneGen) own(k int, unit, name string) attachment {
	return g.render(spec{k: k, unit: unit, name: name, own: true})
}

func (g *juneGen) render(sp spec) attachment {
	q, err := taizhang.ParsePeriod(fmt.Sprintf("2021-06-%d", sp.k-3), g.p.Schedule, 2021)
	if err != nil {
		panic(err)
	}
	name := sp.name
	if name == "" {
		name = xlsx.TemplateName(sp.unit, q)
	}
	data, err := render(g.p, q, sp)
	if err != nil && g.err == nil {
		g.err = fmt.Errorf("%s: %w", name, err)
	}
	return attachment{name: name, data: data}
}
