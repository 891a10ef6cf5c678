package main

import (
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"taizhang"
	"taizhang/filestore"
	"taizhang/xlsx"
)

func init() {
	register(command{name: "merge", args: "输入… [--period 期次] [--as-of 日期] [-o 文件] [--report 文件] [--force] [--remind]", order: 40,
		short: "汇总各单位报回的进展情况表（文件、文件夹、.zip、.eml、.mbox），写出汇总台账工作簿",
		long:  inputKinds,
		run:   runMerge})
}

// inputKinds tells, in the help of the commands that read returned sheets,
// what their inputs may be (inbox.Collect).
const inputKinds = `输入可以是：
  .xlsx 工作簿（也读 .xlsm、.xltx、.xltm）
  .xls、.et 旧版工作簿（装有 LibreOffice 时自动转换后读取，否则列为无法读取）
  .csv 表格（UTF-8、GBK 或 UTF-16 编码）
  文件夹（连同其中的子文件夹）
  .zip 压缩包（其中的表格、邮件和压缩包）
  .eml 邮件、.mbox 邮箱文件（读取附件，收到时间取邮件的发送时间）
文件名含“_校验批注”的 .xlsx 是 validate --annotate 写出的标注副本：原表也在输入中时不计入汇总，只有副本时按副本汇总。
`

func runMerge(e *env, args []string) int {
	fs := e.flags("merge")
	out := fs.StringP("output", "o", "", "写出的汇总台账`文件`（默认：汇总台账_期次.xlsx）")
	period := fs.String("period", "", "本次汇总的报送`期次`，如 2021-04-2（默认：收到的表中最新的期次）；工作簿中每期一张表的，读取该期的表")
	asOf := fs.String("as-of", "", "判断逾期、临期的`日期`（默认：该期最后一天）")
	remind := fs.Bool("remind", false, "另外输出催报通知（未报单位及联系人），可直接复制发送")
	reportPath := fs.String("report", "", "同时写出本期所在月份的月度报告（PDF）到这个`文件`；报告只计入已到报送时间的期次，数据截至 --as-of 所给日期（默认：今天；该月已过完则为该月最后一天）")
	month := fs.String("month", "", "月度报告的`月份`，如 2021-04（默认：本次汇总期次所在的月份）")
	font := fs.String("font", "", "月度报告所用的 TrueType `字体文件`（.ttf）")
	password := fs.String("password", "", "加密工作簿的打开`密码`")
	force := fs.Bool("force", false, "输出文件已存在、但不是本程序写出的汇总台账（或月度报告文件不是 PDF）时也覆盖它；输入文件和方案工作簿始终不会被覆盖")
	prog := programmeFlag(fs)
	if done, st := e.parse(fs, args); done {
		return st
	}
	if fs.NArg() == 0 {
		return e.fail("merge", "请给出要汇总的文件或文件夹，如 taizhang merge 收件/2021年4月 -o 汇总台账.xlsx")
	}
	// The ledger's workbook is made ready while the sheets are read.
	book := xlsx.PrepareLedger()
	p, err := e.programme(*prog)
	if err != nil {
		return e.fail("merge", "%v", err)
	}
	year := p.Year()
	var opt taizhang.MergeOptions
	if *period != "" {
		if opt.Period, err = taizhang.ParsePeriod(*period, p.Schedule, year); err != nil {
			return e.fail("merge", "--period：%v", err)
		}
		year = opt.Period.Year
	}
	if *asOf != "" {
		if opt.AsOf, err = taizhang.ParseDate(*asOf, year); err != nil {
			return e.fail("merge", "--as-of：日期%q%v，请写成如 2021-05-31", *asOf, err)
		}
	}
	ledgerOut := target{path: *out, flag: "-o", what: "输出文件"}
	reportOut := target{path: *reportPath, flag: "--report", what: "月度报告文件", pdf: true}
	if *out != "" && *reportPath != "" && sameFile(*reportPath, []string{*out}) {
		return e.fail("merge", "月度报告文件 %s 与汇总台账是同一个文件，请用 --report 另指定文件名", *reportPath)
	}
	var m taizhang.Month
	if *month != "" {
		if m, err = taizhang.ParseMonth(*month); err != nil {
			return e.fail("merge", "--month：%v", err)
		}
	}
	store, err := filestore.New()
	if err != nil {
		return e.fail("merge", "无法创建临时文件：%s", osError(err))
	}
	defer store.Close()
	defer removeOnInterrupt(store.Name(), store)()
	opt.Store = store
	opt.Today = taizhang.DateOf(e.now())
	timing := e.stopwatch()
	b, err := e.collect(fs.Args())
	if err != nil {
		return e.fail("merge", "%v", err)
	}
	for _, t := range []target{ledgerOut, reportOut} {
		if t.path == "" {
			continue
		}
		if err := refuseOverwrite(t, b.disk, *prog, *force); err != nil {
			return e.fail("merge", "%v", err)
		}
	}
	files := e.read(p, b, inputOptions{period: opt.Period, password: *password, progress: true, store: store, annotated: true, history: true})
	timing("读取")
	if opt.Period.IsZero() && !slices.ContainsFunc(files, func(f taizhang.File) bool { return f.Submission != nil }) {
		// With no sheet to give the period, the ledger would be of the
		// programme's first period, every unit 未报: most likely the wrong folder.
		return e.fail("merge", "输入中没有一份能读取的进展情况表（读取文件 %d 个），无法确定汇总哪一期；请检查输入的文件夹，如确实没有单位报送，请用 --period 指定期次", len(files))
	}
	l := taizhang.Merge(p, files, opt)
	timing("汇总")
	path := *out
	if path == "" {
		// The default name depends on the period the sheets gave.
		path = fmt.Sprintf("汇总台账_%s.xlsx", l.Period)
		ledgerOut.path = path
		if err := refuseOverwrite(ledgerOut, b.disk, *prog, *force); err != nil {
			return e.fail("merge", "%v", err)
		}
		if *reportPath != "" && sameFile(*reportPath, []string{path}) {
			return e.fail("merge", "月度报告文件 %s 与汇总台账是同一个文件，请用 --report 另指定文件名", *reportPath)
		}
	}
	if err := writeAtomic(path, func(w io.Writer) error { return book.Write(w, l, e.now()) }); err != nil {
		return e.fail("merge", "%v", err)
	}
	timing("写出汇总台账")
	printMergeSummary(e.stdout, l, path)
	if !opt.Period.IsZero() {
		// A mistyped --period or the wrong folder: every unit 未报, all chased.
		held := map[taizhang.Period]bool{}
		for _, f := range files {
			if s := f.Submission; s != nil && !s.Period.IsZero() {
				held[s.Period] = true
			}
		}
		if !held[l.Period] {
			fmt.Fprintf(e.stderr, "注意：输入中没有任何单位%s的进展情况表%s，台账中各单位该期均按未报统计；如 --period 写错或漏选了文件夹，请改正后重新汇总\n", l.Period, heldPeriods(held))
		}
	}
	if *reportPath != "" {
		if m == (taizhang.Month{}) {
			m = l.Period.MonthOf()
		}
		rl, _, err := e.writeMonthly(p, files, m, opt.AsOf, taizhang.Date{}, store, *font, *reportPath)
		if err != nil {
			return e.fail("merge", "%v", err)
		}
		printPending(e.stdout, rl, m)
		// The report counts each unit's milestones as last reported; say
		// so when that differs from the ledger's count of this period.
		if ls := rl.LatestSummary(); rl.Period != l.Period || ls != l.Summary() {
			how := fmt.Sprintf("截至 %s，统计到%s", rl.AsOf, rl.Period)
			if ls != rl.Summary() {
				how += "，未报送该期的单位按其最近一次报送的情况计"
			}
			fmt.Fprintf(e.stdout, "月度报告的节点统计（%s）：已完成 %d 项，推进中 %d 项，未启动 %d 项，逾期未完成 %d 项，无法判断 %d 项\n",
				how, ls.Done, ls.InProgress, ls.NotStarted, ls.Overdue, ls.Unknown)
		}
		fmt.Fprintf(e.stdout, "已写出%s月度报告：%s\n", m, *reportPath)
	}
	if *remind {
		fmt.Fprintln(e.stdout)
		fmt.Fprint(e.stdout, reminder(l))
	}
	return exitOK
}

func printMergeSummary(w io.Writer, l *taizhang.Ledger, path string) {
	s := l.Summary()
	fmt.Fprintf(w, "汇总期次：%s（截至 %s）\n", l.Period, l.AsOf)
	if due := l.Programme.DueDate(l.Period); l.AsOf.Before(due) {
		fmt.Fprintf(w, "截至 %s，%s进展情况表尚未到报送截止时间（%s）\n", l.AsOf, l.Period, due)
	}
	var missing, late []string
	for _, r := range l.ReceiptsOf(l.Period) {
		switch r.State {
		case taizhang.Missing:
			switch r.Miss() {
			case taizhang.MissUnreadable:
				missing = append(missing, r.Unit+"（文件无法读取）")
			case taizhang.MissBlank:
				missing = append(missing, r.Unit+"（报送的表未填写）")
			case taizhang.MissMismatched:
				_, whose := r.Mismatch(r.Mismatched[0])
				missing = append(missing, r.Unit+"（报来的是"+whose+"的表）")
			case taizhang.MissSheetless:
				missing = append(missing, r.Unit+"（邮件中没有电子表格）")
			default:
				missing = append(missing, r.Unit)
			}
		case taizhang.Late:
			late = append(late, fmt.Sprintf("%s（%d天）", r.Unit, r.DaysLate()))
		}
	}
	fmt.Fprintf(w, "应报 %d 个单位：已报 %d 个（按时 %d，迟报 %d，时间不明 %d），未报 %d 个\n", s.Expected, s.Received, s.OnTime, s.Late, s.UnknownTime, s.Missing)
	if len(missing) > 0 {
		fmt.Fprintf(w, "未报：%s\n", brief(missing, "单位", "全部名单见“"+xlsx.SheetReceipts+"”表"))
	}
	if len(late) > 0 {
		fmt.Fprintf(w, "迟报：%s\n", brief(late, "单位", "全部名单见“"+xlsx.SheetReceipts+"”表"))
	}
	fmt.Fprintf(w, "节点：应报 %d 项，已完成 %d 项，推进中 %d 项，未启动 %d 项，逾期未完成 %d 项，临期 %d 项", s.Required, s.Done, s.InProgress, s.NotStarted, s.Overdue, s.DueSoon)
	if s.Unknown > 0 {
		fmt.Fprintf(w, "，未报或无法判断 %d 项", s.Unknown)
	}
	fmt.Fprintln(w)
	var unreadable []string
	skipped, copies := 0, 0
	read := map[string]bool{} // a workbook's earlier periods' tables are files of their own, from one file
	for _, f := range l.Files {
		read[f.Source.Path] = true
		switch {
		case f.Submission != nil:
		case slices.ContainsFunc(f.Findings, func(x taizhang.Finding) bool { return x.Code == taizhang.UnreadableFile }):
			unreadable = append(unreadable, shortPath(f.Source.Path))
		case annotatedCopy(f.Source.Name):
			copies++
		default:
			skipped++
		}
	}
	fmt.Fprintf(w, "读取文件 %d 个", len(read))
	if len(unreadable) > 0 {
		fmt.Fprintf(w, "，其中无法读取 %d 个（见“问题清单”）", len(unreadable))
	}
	switch {
	case skipped > 0 && copies > 0:
		fmt.Fprintf(w, "，跳过 %d 个（不是进展情况表 %d 个，validate 写出的标注副本 %d 个）", skipped+copies, skipped, copies)
	case skipped > 0:
		fmt.Fprintf(w, "，跳过 %d 个（不是进展情况表）", skipped)
	case copies > 0:
		fmt.Fprintf(w, "，跳过 %d 个（validate 写出的标注副本）", copies)
	}
	fmt.Fprintln(w)
	if len(unreadable) > 0 {
		fmt.Fprintf(w, "无法读取：%s\n", brief(unreadable, "文件", "全部文件及原因见“"+xlsx.SheetFindings+"”表"))
	}
	fmt.Fprintf(w, "问题：错误 %d 个，警告 %d 个，提示 %d 个（详见“问题清单”）\n", s.Errors, s.Warnings, s.Infos)
	fmt.Fprintf(w, "已写出汇总台账：%s\n", path)
}

// maxListed is how many units or files a line of the merge summary names.
const maxListed = 10

// brief joins the items of a summary line (units or files, as what says),
// naming the first maxListed and counting the rest, which the ledger lists
// in full (where says where).
func brief(items []string, what, where string) string {
	if len(items) <= maxListed {
		return strings.Join(items, "、")
	}
	return fmt.Sprintf("%s等 %d 个%s（%s）", strings.Join(items[:maxListed], "、"), len(items), what, where)
}

// shortPath names a file without the folders it lies in: 收件/某邮件.eml ›
// a.xlsx is 某邮件.eml › a.xlsx.
func shortPath(p string) string {
	first, rest, inside := strings.Cut(p, " › ")
	first = filepath.Base(first)
	if inside {
		return first + " › " + rest
	}
	return first
}

// reminder returns the 催报 text for the units that have not reported the
// run's period, with contacts from the programme, ready to paste into a
// message. Units whose file came but could not be read are asked to send it
// again, units that sent the template back unfilled to fill it in, units
// that sent another unit's or another period's sheet to check and send their
// own, and units that mailed only a PDF scan or photos to send the Excel sheet.
func reminder(l *taizhang.Ledger) string {
	var b strings.Builder
	var missing, broken, blank, mismatched, sheetless []*taizhang.Receipt
	for _, r := range l.ReceiptsOf(l.Period) {
		if r.State != taizhang.Missing {
			continue
		}
		switch r.Miss() {
		case taizhang.MissUnreadable:
			broken = append(broken, r)
		case taizhang.MissBlank:
			blank = append(blank, r)
		case taizhang.MissMismatched:
			mismatched = append(mismatched, r)
		case taizhang.MissSheetless:
			sheetless = append(sheetless, r)
		default:
			missing = append(missing, r)
		}
	}
	owed := owedEarlier(l)
	if len(missing)+len(broken)+len(blank)+len(mismatched)+len(sheetless)+len(owed) == 0 {
		fmt.Fprintf(&b, "%s各单位均已报送，无需催报。\n", l.Period)
		return b.String()
	}
	p := l.Programme
	contact := func(unit string) string {
		u := p.Unit(unit)
		if u == nil || u.Contact == "" && u.Phone == "" {
			return "方案中未登记联系人"
		}
		var parts []string
		if u.Contact != "" {
			parts = append(parts, "联系人："+u.Contact)
		}
		if u.Phone != "" {
			parts = append(parts, "电话："+u.Phone)
		}
		return strings.Join(parts, "，")
	}
	due := l.Programme.DueDate(l.Period)
	// Before the due date nobody is late yet.
	soon := "请尽快报送"
	switch {
	case len(missing)+len(broken)+len(blank)+len(mismatched)+len(sheetless) == 0:
		fmt.Fprintf(&b, "【催报】%s各单位均已报送。", l.Period)
	case l.AsOf.Before(due):
		fmt.Fprintf(&b, "【催报】%s进展情况表请于 %s 前报送，截至 %s，", l.Period, due.Chinese(), l.AsOf.Chinese())
		soon = "请按时报送"
	default:
		fmt.Fprintf(&b, "【催报】%s进展情况表应于 %s 前报送，", l.Period, due.Chinese())
	}
	if len(missing) > 0 {
		fmt.Fprintf(&b, "以下 %d 个单位尚未报送，%s：\n", len(missing), soon)
		for i, r := range missing {
			fmt.Fprintf(&b, "%d. %s（%s）\n", i+1, r.Unit, contact(r.Unit))
		}
	}
	listed := len(missing) > 0
	names := func(places []string) string {
		var names []string
		for _, u := range places {
			names = append(names, baseName(u))
		}
		return strings.Join(names, "、")
	}
	for _, g := range []struct {
		rs   []*taizhang.Receipt
		head string
		what func(*taizhang.Receipt) string // the files received
	}{
		{broken, "报送的文件无法读取，请重新报送", func(r *taizhang.Receipt) string { return "无法读取：" + names(r.Unreadable) }},
		{blank, "报送的表未填写，请填写后重新报送", func(r *taizhang.Receipt) string { return "未填写：" + names(r.Blank) }},
		{mismatched, "报来的表不是本单位本期的表，请核对后重新报送", func(r *taizhang.Receipt) string {
			var got []string
			for _, s := range r.Mismatched {
				_, whose := r.Mismatch(s)
				got = append(got, "收到的 "+baseName(s.Source.Path)+" 是"+whose+"的表")
			}
			return strings.Join(got, "，")
		}},
		{sheetless, "报来的邮件中没有电子表格（只有 PDF 扫描件等），请报送 Excel 格式的进展情况表", func(r *taizhang.Receipt) string { return "收到：" + names(r.Sheetless) }},
	} {
		if len(g.rs) == 0 {
			continue
		}
		if listed {
			fmt.Fprint(&b, "另有")
		} else {
			fmt.Fprint(&b, "以下")
		}
		listed = true
		fmt.Fprintf(&b, " %d 个单位%s：\n", len(g.rs), g.head)
		for i, r := range g.rs {
			fmt.Fprintf(&b, "%d. %s（%s；%s）\n", i+1, r.Unit, contact(r.Unit), g.what(r))
		}
	}
	if len(owed) > 0 {
		if listed {
			fmt.Fprint(&b, "另有")
		} else {
			fmt.Fprint(&b, "以下")
		}
		fmt.Fprintf(&b, " %d 个单位往期进展情况表尚未报送，请一并补报：\n", len(owed))
		for i, o := range owed {
			fmt.Fprintf(&b, "%d. %s（%s；%s）\n", i+1, o.unit, contact(o.unit), strings.Join(o.periods, "、"))
		}
	}
	office := p.Office
	if office == "" {
		office = "专班"
	}
	fmt.Fprintf(&b, "请使用下发的模板填报，报送前可用 taizhang validate 自行检查。\n%s\n", office)
	return b.String()
}

// owing is a unit that has not sent the sheets of earlier periods.
type owing struct {
	unit    string
	periods []string // 2021年8月上半月, or 2021年8月上半月（表未填写）
}

// owedEarlier returns, in the programme's order, the units that have still
// not sent a sheet of a period before the run's, among the periods the
// ledger lists units for: a blank, unreadable or mismatched sheet is not a
// sheet sent.
func owedEarlier(l *taizhang.Ledger) []owing {
	byUnit := map[string]*owing{}
	var order []string
	for _, q := range l.Periods {
		if !q.Before(l.Period) {
			continue
		}
		for _, r := range l.ReceiptsOf(q) {
			if r.State != taizhang.Missing {
				continue
			}
			what := q.String()
			switch r.Miss() {
			case taizhang.MissUnreadable:
				what += "（文件无法读取）"
			case taizhang.MissBlank:
				what += "（表未填写）"
			case taizhang.MissMismatched:
				what += "（报来的不是本单位该期的表）"
			case taizhang.MissSheetless:
				what += "（邮件中没有电子表格）"
			}
			o := byUnit[r.Unit]
			if o == nil {
				o = &owing{unit: r.Unit}
				byUnit[r.Unit] = o
				order = append(order, r.Unit)
			}
			o.periods = append(o.periods, what)
		}
	}
	var out []owing
	for _, u := range l.Programme.Units {
		if o := byUnit[u.Name]; o != nil {
			out = append(out, *o)
			delete(byUnit, u.Name)
		}
	}
	for _, u := range order { // units not in the programme, if any
		if o := byUnit[u]; o != nil {
			out = append(out, *o)
		}
	}
	return out
}

// baseName returns the last part of a display path (收件/a.eml › b.xlsx gives b.xlsx).
func baseName(place string) string {
	if i := strings.LastIndex(place, " › "); i >= 0 {
		place = place[i+len(" › "):]
	}
	return filepath.Base(filepath.FromSlash(place))
}
