package main

import (
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"

	"taizhang"
	"taizhang/filestore"
	"taizhang/report"
)

func init() {
	register(command{name: "report", args: "输入… --month 月份 [-o 文件] [--force] [--as-of 日期] [--date 日期] [--font 字体文件]", order: 50,
		short: "按月汇总各单位报回的进展情况表，写出报领导小组的月度报告（PDF）",
		long:  inputKinds,
		run:   runReport})
}

func runReport(e *env, args []string) int {
	fs := e.flags("report")
	month := fs.String("month", "", "报告的`月份`，如 2021-04（必填）")
	out := fs.StringP("output", "o", "", "写出的月度报告`文件`（默认：月度报告_报告月份.pdf，写在当前文件夹，如 --month 2021-04 时为 月度报告_2021年4月.pdf）")
	asOf := fs.String("as-of", "", "数据截至的`日期`：判断逾期、临期，且只计入此日已到报送时间的期次（默认：今天；该月已过完则为该月最后一天）")
	date := fs.String("date", "", "报告标题下和落款处的`日期`（默认：数据截至日期）")
	font := fs.String("font", "", "正文和标题所用的 TrueType `字体文件`（.ttf）；不给则使用系统中的仿宋、黑体、楷体（simfang.ttf 等），没有则用内置字体")
	password := fs.String("password", "", "加密工作簿的打开`密码`")
	force := fs.Bool("force", false, "输出文件已存在、但不是 PDF 文件时也覆盖它；输入文件和方案工作簿始终不会被覆盖")
	prog := programmeFlag(fs)
	if done, st := e.parse(fs, args); done {
		return st
	}
	if *month == "" {
		return e.fail("report", "请用 --month 指定报告月份，如 taizhang report 收件 --month 2021-04")
	}
	m, err := taizhang.ParseMonth(*month)
	if err != nil {
		return e.fail("report", "--month：%v", err)
	}
	if fs.NArg() == 0 {
		return e.fail("report", "请给出要汇总的文件或文件夹，如 taizhang report 收件 --month %s", m.Code())
	}
	p, err := e.programme(*prog)
	if err != nil {
		return e.fail("report", "%v", err)
	}
	var day taizhang.Date
	if *asOf != "" {
		if day, err = taizhang.ParseDate(*asOf, m.Year); err != nil {
			return e.fail("report", "--as-of：日期%q%v，请写成如 2021-05-31", *asOf, err)
		}
	}
	var dated taizhang.Date
	if *date != "" {
		if dated, err = taizhang.ParseDate(*date, m.Year); err != nil {
			return e.fail("report", "--date：日期%q%v，请写成如 2021-06-04", *date, err)
		}
	}
	path := *out
	if path == "" {
		path = fmt.Sprintf("月度报告_%s.pdf", m)
	}
	b, err := e.collect(fs.Args())
	if err != nil {
		return e.fail("report", "%v", err)
	}
	if err := refuseOverwrite(target{path: path, flag: "-o", what: "输出文件", pdf: true}, b.disk, *prog, *force); err != nil {
		return e.fail("report", "%v", err)
	}
	store, err := filestore.New()
	if err != nil {
		return e.fail("report", "无法创建临时文件：%s", osError(err))
	}
	defer store.Close()
	defer removeOnInterrupt(store.Name(), store)()
	files := e.read(p, b, inputOptions{password: *password, progress: true, store: store, annotated: true, history: true})
	cur, prev, err := e.writeMonthly(p, files, m, day, dated, store, *font, path)
	if err != nil {
		return e.fail("report", "%v", err)
	}
	pm := m.Prev()
	s := cur.LatestSummary() // as the report counts them
	fmt.Fprintf(e.stdout, "报告月份：%s（截至 %s）\n", m, cur.AsOf)
	printPending(e.stdout, cur, m)
	fmt.Fprintf(e.stdout, "节点：应报 %d 项，已完成 %d 项，推进中 %d 项，未启动 %d 项，逾期未完成 %d 项", s.Required, s.Done, s.InProgress, s.NotStarted, s.Overdue)
	if s.Unknown > 0 {
		fmt.Fprintf(e.stdout, "，未报或无法判断 %d 项", s.Unknown)
	}
	fmt.Fprintln(e.stdout)
	if prev == nil {
		fmt.Fprintf(e.stdout, "输入中没有%s的进展情况表，报告不含与上月的比较\n", pm)
	}
	fmt.Fprintf(e.stdout, "已写出月度报告：%s\n", path)
	return exitOK
}

// printPending names the periods of month m that the report of ledger l
// leaves out because their sheets are not yet due.
func printPending(w io.Writer, l *taizhang.Ledger, m taizhang.Month) {
	for _, q := range l.Pending(m) {
		fmt.Fprintf(w, "%s进展情况表尚未到报送时间（应于 %s 前报送），未计入本报告\n", q, l.Programme.DueDate(q))
	}
}

// writeMonthly merges the files for month m (the previous month too, when
// its sheets are among them) and writes the monthly report to path, dated
// date (zero: the as-of date). The report counts the periods of m due by
// asOf, or by today when asOf is zero; the as-of date is then today, or m's
// last day once m is over.
func (e *env) writeMonthly(p *taizhang.Programme, files []taizhang.File, m taizhang.Month, asOf, date taizhang.Date, store taizhang.TextStore, font, path string) (cur, prev *taizhang.Ledger, err error) {
	cutoff := asOf
	if asOf.IsZero() {
		cutoff = taizhang.DateOf(e.now())
		asOf = m.Last()
		if cutoff.Before(asOf) {
			asOf = cutoff
		}
	}
	periods := p.DuePeriods(m, cutoff)
	if len(periods) == 0 {
		first := m.Periods(p.Schedule)[0]
		return nil, nil, fmt.Errorf("截至 %s，%s的进展情况表尚未到报送时间（%s应于 %s 前报送），无法生成该月的月度报告；如需生成，请用 --as-of 指定 %s 或之后的日期", cutoff, m, first, p.DueDate(first), p.DueDate(first))
	}
	// Periods of the month of which no unit's sheet is among the files: a
	// whole month missing is a mistake to refuse; one period missing is
	// reported, with a warning that a folder may have been left out.
	held := map[taizhang.Period]bool{}
	for _, f := range files {
		if s := f.Submission; s != nil && !s.Period.IsZero() {
			held[s.Period] = true
		}
	}
	var absent []taizhang.Period
	for _, q := range periods {
		if !held[q] {
			absent = append(absent, q)
		}
	}
	if len(absent) == len(periods) {
		return nil, nil, fmt.Errorf("输入中没有%s的进展情况表%s，无法生成该月的月度报告；请检查输入的文件夹和 --month", m, heldPeriods(held))
	}
	for _, q := range absent {
		fmt.Fprintf(e.stderr, "注意：输入中没有任何单位%s的进展情况表，报告中各单位该期均按未报统计；如漏选了文件夹，请补上后重新生成\n", q)
	}
	cur = taizhang.Merge(p, files, taizhang.MergeOptions{Period: periods[len(periods)-1], From: periods[0], AsOf: asOf, Store: store})
	pm := m.Prev()
	var before []taizhang.File
	for _, f := range files {
		if s := f.Submission; s != nil && s.Period.MonthOf() == pm {
			before = append(before, f)
		}
	}
	var prevAbsent []taizhang.Period
	if len(before) > 0 {
		pp := pm.Periods(p.Schedule)
		prev = taizhang.Merge(p, before, taizhang.MergeOptions{Period: pp[len(pp)-1], From: pp[0], Store: store})
		for _, q := range pp {
			if !held[q] {
				prevAbsent = append(prevAbsent, q)
			}
		}
	}
	ropt := report.Options{
		Month:    m,
		Created:  e.now(),
		Date:     date,
		FontFile: font,
		FontDirs: report.DefaultFontDirs(e.getenv),
		Warnings: e.stderr,
		Absent:   absent,
		// A period of last month with no sheet at all would read as everyone 未报.
		PrevAbsent: prevAbsent,
	}
	err = writeAtomic(path, func(w io.Writer) error { return report.WriteMonthly(w, cur, prev, ropt) })
	return cur, prev, err
}

// heldPeriods names the periods the input does hold, as （输入中的表属于2021年7月上半月、…）,
// the earliest first; "" when it holds none.
func heldPeriods(held map[taizhang.Period]bool) string {
	qs := slices.SortedFunc(maps.Keys(held), taizhang.Period.Compare)
	if len(qs) == 0 {
		return ""
	}
	var names []string
	for _, q := range qs {
		names = append(names, q.String())
	}
	if len(names) > 4 {
		names = append(names[:2], "…", names[len(names)-1])
	}
	return "（输入中的表属于" + strings.Join(names, "、") + "）"
}
