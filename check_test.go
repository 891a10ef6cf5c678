package taizhang_test

import (
	"strings"
	"testing"

	"taizhang"
)

// checkSheet returns a 包头市 sheet for period code with one row per entry
// given, starting at row 9; unset milestones are the unit's in order.
func checkSheet(t *testing.T, code string, entries ...taizhang.Entry) *taizhang.Submission {
	t.Helper()
	q, err := taizhang.ParsePeriod(code, taizhang.HalfMonth, 0)
	if err != nil {
		t.Fatal(err)
	}
	s := &taizhang.Submission{
		Source: taizhang.Source{Path: "包头市.xlsx"}, Sheet: "进展情况", Unit: "包头市", Period: q, FilledCell: "I3",
		Columns: map[taizhang.Field]string{taizhang.FieldNo: "B", taizhang.FieldNode: "D", taizhang.FieldStatus: "G",
			taizhang.FieldCompleted: "H", taizhang.FieldProgress: "I", taizhang.FieldProblems: "K"},
	}
	for i, e := range entries {
		e.Row = 9 + i
		s.Entries = append(s.Entries, e)
	}
	return s
}

func texts(fs taizhang.Findings, codes ...taizhang.Code) string {
	var lines []string
	for _, f := range fs {
		for _, c := range codes {
			if f.Code == c {
				lines = append(lines, f.Text())
			}
		}
	}
	return strings.Join(lines, "\n")
}

func TestCheckValues(t *testing.T) {
	p := builtin(t)
	s := checkSheet(t, "2021-04-2",
		taizhang.Entry{Labels: &taizhang.Labels{Milestone: "一", StatusText: "已完成"}, CompletedText: "2021-13-01", Texts: &taizhang.Texts{Progress: "已纳入"}},
		taizhang.Entry{Labels: &taizhang.Labels{Milestone: "二", StatusText: "基本完成"}, Texts: &taizhang.Texts{Progress: "建设中"}},
		taizhang.Entry{Labels: &taizhang.Labels{Milestone: "三.1", StatusText: "已办结"}, CompletedText: "3月30日", Texts: &taizhang.Texts{Progress: "已上线"}},
		taizhang.Entry{Labels: &taizhang.Labels{Milestone: "三.2", StatusText: "正在推进"}, CompletedText: "\u200b ", Texts: &taizhang.Texts{Progress: "对接中"}},
		taizhang.Entry{Labels: &taizhang.Labels{Milestone: "三.3", StatusText: "推进中"}, CompletedText: "２０２１－０４－２０", Texts: &taizhang.Texts{Progress: "对接中"}},
		taizhang.Entry{Labels: &taizhang.Labels{Milestone: "四", StatusText: "已完成"}, CompletedText: "2021-04-31", Texts: &taizhang.Texts{Progress: "已公布"}},
		taizhang.Entry{Labels: &taizhang.Labels{Milestone: "六", StatusText: ""}, Texts: &taizhang.Texts{Progress: ""}},
	)
	s.FilledText = " \u3000"
	fs := taizhang.Check(p, s, taizhang.CheckOptions{})
	want := `包头市.xlsx 进展情况!H9 错误 填写有误：完成时间"2021-13-01"不是有效日期，请填写如 2021-05-31
包头市.xlsx 进展情况!G10 错误 填写有误：进展状态"基本完成"无法识别，请从下拉列表选择 未启动、推进中 或 已完成
包头市.xlsx 进展情况!H14 错误 填写有误：完成时间"2021-04-31"不是有效日期，请填写如 2021-05-31
包头市.xlsx 进展情况!G15 错误 填写有误：进展状态为空，请从下拉列表选择 未启动、推进中 或 已完成`
	if got := texts(fs, taizhang.InvalidValue); got != want {
		t.Errorf("invalid values:\n%s\nwant:\n%s", got, want)
	}
	if got, want := texts(fs, taizhang.Inconsistent), `包头市.xlsx 进展情况!H13 警告 前后矛盾：填写了完成时间 2021-04-20，但进展状态为推进中；已完成的请把进展状态改为已完成，否则请清空完成时间`; got != want {
		t.Errorf("inconsistent:\n%s\nwant:\n%s", got, want)
	}
	if e := s.Entries[2]; e.Status != taizhang.Done || e.Completed.String() != "2021-03-30" {
		t.Errorf("row 11 = %v %v", e.Status, e.Completed)
	}
	if e := s.Entries[4]; e.Completed.String() != "2021-04-20" {
		t.Errorf("row 13 completed = %v", e.Completed)
	}
	if !s.Filled.IsZero() {
		t.Errorf("blank 填报日期 read as %v", s.Filled)
	}
}

func TestCheckFilledDate(t *testing.T) {
	p := builtin(t)
	s := checkSheet(t, "2021-04-2")
	s.FilledText = "2021年4月31日"
	fs := taizhang.Check(p, s, taizhang.CheckOptions{})
	if got, want := texts(fs, taizhang.InvalidValue), `包头市.xlsx 进展情况!I3 错误 填写有误：填报日期"2021年4月31日"不是有效日期，请填写如 2021-05-31`; got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	s = checkSheet(t, "2021-04-2")
	s.FilledText = "4月30日"
	taizhang.Check(p, s, taizhang.CheckOptions{})
	if s.Filled.String() != "2021-04-30" {
		t.Errorf("填报日期 4月30日 = %v", s.Filled)
	}
}

// A date without a year that would lie after the period is of the year before.
func TestCheckCompletedAcrossNewYear(t *testing.T) {
	p := builtin(t)
	s := checkSheet(t, "2022-01-1",
		taizhang.Entry{Labels: &taizhang.Labels{Milestone: "三.3", StatusText: "已完成"}, CompletedText: "12月28日", Texts: &taizhang.Texts{Progress: "已融合"}},
		taizhang.Entry{Labels: &taizhang.Labels{Milestone: "六", StatusText: "已完成"}, CompletedText: "1月10日", Texts: &taizhang.Texts{Progress: "已推行"}},
		taizhang.Entry{Labels: &taizhang.Labels{Milestone: "五", StatusText: "已完成"}, CompletedText: "2022-12-28", Texts: &taizhang.Texts{Progress: "x"}},
	)
	fs := taizhang.Check(p, s, taizhang.CheckOptions{})
	var got []string
	for _, e := range s.Entries {
		got = append(got, e.Completed.String())
	}
	if strings.Join(got, " ") != "2021-12-28 2022-01-10 2022-12-28" {
		t.Errorf("completed = %v", got)
	}
	if got, want := texts(fs, taizhang.CompletedLate), `包头市.xlsx 进展情况!H10 警告 逾期完成：节点 六 完成时间 2022-01-10 晚于完成时限 2021-12-31，逾期10天完成
包头市.xlsx 进展情况!H11 警告 逾期完成：节点 五 完成时间 2022-12-28 晚于完成时限 2021-12-31，逾期362天完成`; got != want {
		t.Errorf("completed late:\n%s\nwant:\n%s", got, want)
	}
}

func TestCheckRows(t *testing.T) {
	p := builtin(t)
	s := checkSheet(t, "2021-04-2",
		taizhang.Entry{Labels: &taizhang.Labels{Milestone: "一", StatusText: "推进中"}, Texts: &taizhang.Texts{Progress: "已纳入"}},
		taizhang.Entry{Labels: &taizhang.Labels{Milestone: "一", StatusText: "推进中"}, Texts: &taizhang.Texts{Progress: "已纳入"}},
		taizhang.Entry{Labels: &taizhang.Labels{No: "(七)", Node: "其他工作", StatusText: "推进中"}, Texts: &taizhang.Texts{Progress: "x"}},
		taizhang.Entry{Labels: &taizhang.Labels{Milestone: "五", StatusText: "推进中"}, Texts: &taizhang.Texts{Progress: "x"}},
		taizhang.Entry{Labels: &taizhang.Labels{Milestone: "二", StatusText: "已完成"}, Texts: &taizhang.Texts{Progress: "x"}},
	)
	fs := taizhang.Check(p, s, taizhang.CheckOptions{})
	fs.Sort()
	var lines []string
	for _, f := range fs {
		lines = append(lines, f.Text())
	}
	want := `包头市.xlsx 进展情况 错误 漏报：缺少节点 三.1（全流程、全事项网上办理）的填报行，请按模板补上该行并填写进展
包头市.xlsx 进展情况 错误 漏报：缺少节点 三.2（工程审批系统接入“蒙速办”APP）的填报行，请按模板补上该行并填写进展
包头市.xlsx 进展情况 错误 漏报：缺少节点 三.3（相关系统深度融合及“一网通办”）的填报行，请按模板补上该行并填写进展
包头市.xlsx 进展情况 错误 漏报：缺少节点 四（明确区域评估的事项清单和技术标准）的填报行，请按模板补上该行并填写进展
包头市.xlsx 进展情况 错误 漏报：缺少节点 六（全面推行“清单制+告知承诺制”审批）的填报行，请按模板补上该行并填写进展
包头市.xlsx 进展情况!B10 警告 前后矛盾：节点 一 在第9行已填写过，本行重复，请合并为一行
包头市.xlsx 进展情况!B11 警告 无法匹配：第11行（措施编号"(七)"，节点"其他工作"）对应不到方案中的任何节点，已保留在台账中；如是方案中的节点，请按模板填写措施编号或节点，如 三.1；如是方案以外的工作，可删去该行或写入相关节点的进展情况
包头市.xlsx 进展情况!H13 警告 前后矛盾：进展状态为已完成，但未填写完成时间，请填写实际完成日期
包头市.xlsx 进展情况!B12 提示 非本单位任务：节点 五 不是包头市需要填报的任务，已保留在台账中，可删除该行`
	if got := strings.Join(lines, "\n"); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

func TestCheckDeadlines(t *testing.T) {
	p := builtin(t)
	s := checkSheet(t, "2021-04-2",
		taizhang.Entry{Labels: &taizhang.Labels{Milestone: "三.1", StatusText: "推进中"}, Texts: &taizhang.Texts{Progress: "x"}},
		taizhang.Entry{Labels: &taizhang.Labels{Milestone: "四", StatusText: "推进中"}, Texts: &taizhang.Texts{Progress: "x"}},
		taizhang.Entry{Labels: &taizhang.Labels{Milestone: "一", StatusText: "未启动"}},
		taizhang.Entry{Labels: &taizhang.Labels{Milestone: "三.2", StatusText: "未启动"}, Texts: &taizhang.Texts{Problems: ""}},
	)
	fs := taizhang.Check(p, s, taizhang.CheckOptions{})
	want := `包头市.xlsx 进展情况!G9 错误 逾期未完成：节点 三.1 完成时限为 2021-03-31，截至 2021-04-30 已逾期30天，仍为推进中
包头市.xlsx 进展情况!G10 提示 临期：节点 四 完成时限为 2021-04-30，今天到期` // 一 is due in 31 days: not yet 临期
	if got := texts(fs, taizhang.Overdue, taizhang.DueSoon); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	// For a submitter an overdue row is 提示, or 警告 at 存在问题 when that is empty.
	s.Entries[0].Problems = "系统对接延迟"
	s.Entries = append(s.Entries, taizhang.Entry{Labels: &taizhang.Labels{Milestone: "三.3", StatusText: "推进中"}, Row: 13, Texts: &taizhang.Texts{Progress: "x"}})
	fs = taizhang.Check(p, s, taizhang.CheckOptions{Submitter: true, AsOf: taizhang.MakeDate(2022, 1, 1)})
	want = `包头市.xlsx 进展情况!G9 提示 逾期未完成：节点 三.1 完成时限为 2021-03-31，截至 2022-01-01 已逾期276天，仍为推进中
包头市.xlsx 进展情况!K10 警告 逾期未完成：节点 四 完成时限为 2021-04-30，截至 2022-01-01 已逾期246天，仍为推进中，请在“存在问题”中说明未完成的原因
包头市.xlsx 进展情况!K11 警告 逾期未完成：节点 一 完成时限为 2021-05-31，截至 2022-01-01 已逾期215天，仍为未启动，请在“存在问题”中说明未完成的原因
包头市.xlsx 进展情况!K12 警告 逾期未完成：节点 三.2 完成时限为 2021-09-30，截至 2022-01-01 已逾期93天，仍为未启动，请在“存在问题”中说明未完成的原因
包头市.xlsx 进展情况!K13 警告 逾期未完成：节点 三.3 完成时限为 2021-12-31，截至 2022-01-01 已逾期1天，仍为推进中，请在“存在问题”中说明未完成的原因`
	if got := texts(fs, taizhang.Overdue); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

func TestCheckCapsRepeatedFindings(t *testing.T) {
	p := builtin(t)
	q, _ := taizhang.ParsePeriod("2021-04-1", taizhang.HalfMonth, 0)
	s := &taizhang.Submission{Source: taizhang.Source{Path: "长表.xlsx"}, Sheet: "Sheet1", Unit: "自治区政务服务局", Period: q,
		Columns: map[taizhang.Field]string{taizhang.FieldStatus: "C", taizhang.FieldProgress: "D"}}
	for i := range 250 {
		s.Entries = append(s.Entries, taizhang.Entry{Labels: &taizhang.Labels{Milestone: "五", StatusText: "基本完成"}, Row: 3 + i, Texts: &taizhang.Texts{Progress: "x"}})
	}
	fs := taizhang.Check(p, s, taizhang.CheckOptions{Submitter: true})
	invalid := 0
	var last string
	for _, f := range fs {
		if f.Code == taizhang.InvalidValue {
			invalid++
			last = f.Text()
		}
	}
	if invalid != 201 || last != "长表.xlsx Sheet1 错误 填写有误：同类问题另有 50 处，未逐条列出（每类最多列出 200 处），请按已列出的逐一检查整张表" {
		t.Errorf("%d invalid-value findings, last %q", invalid, last)
	}
}

// A 完成时间 of 无, / or a dash on an unfinished row says there is no date
// yet, as people fill tables on paper: not an invalid date. On a 已完成 row
// it is a missing date.
func TestCheckCompletedPlaceholder(t *testing.T) {
	p := builtin(t)
	s := checkSheet(t, "2021-05-2",
		taizhang.Entry{Labels: &taizhang.Labels{Milestone: "一", StatusText: "推进中"}, CompletedText: "/", Texts: &taizhang.Texts{Progress: "x"}},
		taizhang.Entry{Labels: &taizhang.Labels{Milestone: "二", StatusText: "推进中"}, CompletedText: "无", Texts: &taizhang.Texts{Progress: "x"}},
		taizhang.Entry{Labels: &taizhang.Labels{Milestone: "三.1", StatusText: "已完成"}, CompletedText: "——", Texts: &taizhang.Texts{Progress: "x"}},
		taizhang.Entry{Labels: &taizhang.Labels{Milestone: "三.2", StatusText: "未启动"}, CompletedText: "－", Texts: &taizhang.Texts{Progress: "x"}},
		taizhang.Entry{Labels: &taizhang.Labels{Milestone: "三.3", StatusText: "推进中"}, CompletedText: " 暂无。", Texts: &taizhang.Texts{Progress: "x"}},
		taizhang.Entry{Labels: &taizhang.Labels{Milestone: "四", StatusText: "推进中"}, CompletedText: "未完成", Texts: &taizhang.Texts{Progress: "x"}},
		taizhang.Entry{Labels: &taizhang.Labels{Milestone: "六", StatusText: "推进中"}, CompletedText: "5月底", Texts: &taizhang.Texts{Progress: "x"}},
	)
	fs := taizhang.Check(p, s, taizhang.CheckOptions{})
	if got, want := texts(fs, taizhang.InvalidValue, taizhang.Inconsistent), `包头市.xlsx 进展情况!H11 警告 前后矛盾：进展状态为已完成，但未填写完成时间，请填写实际完成日期
包头市.xlsx 进展情况!H15 错误 填写有误：完成时间"5月底"不是有效日期，请填写如 2021-05-31`; got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

// A formula whose result is an error value (#N/A from a VLOOKUP, #REF!) is
// no status or date the unit typed wrong: the message says it is a formula
// error. (The reader says so of one in 进展情况: TestReadFormulaErrorInText.)
// Text typed to look like one is text.
func TestCheckFormulaErrors(t *testing.T) {
	p := builtin(t)
	na := taizhang.Entry{Labels: &taizhang.Labels{Milestone: "一", StatusText: "#N/A"}, Texts: &taizhang.Texts{Progress: "x"}}
	na.SetErrorValue(taizhang.FieldStatus)
	ref := taizhang.Entry{Labels: &taizhang.Labels{Milestone: "二", StatusText: "已完成"}, CompletedText: "#REF!", Texts: &taizhang.Texts{Progress: "x"}}
	ref.SetErrorValue(taizhang.FieldCompleted)
	typed := taizhang.Entry{Labels: &taizhang.Labels{Milestone: "三.1", StatusText: "#N/A"}, Texts: &taizhang.Texts{Progress: "x"}}
	s := checkSheet(t, "2021-05-2", na, ref, typed)
	fs := taizhang.Check(p, s, taizhang.CheckOptions{})
	if got, want := texts(fs, taizhang.InvalidValue), `包头市.xlsx 进展情况!G9 错误 填写有误：进展状态（G9）是公式，计算结果为错误值 #N/A；请在 Excel 或 WPS 中改正公式，或直接填写
包头市.xlsx 进展情况!H10 错误 填写有误：完成时间（H10）是公式，计算结果为错误值 #REF!；请在 Excel 或 WPS 中改正公式，或直接填写
包头市.xlsx 进展情况!G11 错误 填写有误：进展状态"#N/A"无法识别，请从下拉列表选择 未启动、推进中 或 已完成`; got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

// A 完成时间 of a year and month only says what is missing.
func TestCheckCompletedMonthOnly(t *testing.T) {
	p := builtin(t)
	s := checkSheet(t, "2021-05-2",
		taizhang.Entry{Labels: &taizhang.Labels{Milestone: "一", StatusText: "已完成"}, CompletedText: "2021年5月", Texts: &taizhang.Texts{Progress: "x"}})
	fs := taizhang.Check(p, s, taizhang.CheckOptions{})
	if got, want := texts(fs, taizhang.InvalidValue), `包头市.xlsx 进展情况!H9 错误 填写有误：完成时间"2021年5月"只写到月份，没有写明日期，请填写如 2021-05-31`; got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}
