package xlsx

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"taizhang"
)

// workbook builds a workbook from sheets of rows, as another program would
// write it; edit may add merges, hidden rows or formulas.
func workbook(t testing.TB, sheets map[string][][]any, order []string, edit func(f *excelize.File)) []byte {
	t.Helper()
	f := excelize.NewFile()
	for i, name := range order {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", name); err != nil {
				t.Fatal(err)
			}
		} else if _, err := f.NewSheet(name); err != nil {
			t.Fatal(err)
		}
		for r, row := range sheets[name] {
			for c, v := range row {
				if v == nil {
					continue
				}
				if err := f.SetCellValue(name, cell(c+1, r+1), v); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	if edit != nil {
		edit(f)
	}
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func read(t testing.TB, name string, data []byte) (*taizhang.Submission, []string) {
	t.Helper()
	p := builtin(t)
	s, fs := ReadSubmission(taizhang.Source{Path: name, Name: name}, data, ReadOptions{Programme: p})
	var lines []string
	for _, f := range fs {
		lines = append(lines, f.Text())
	}
	if s != nil {
		for _, f := range taizhang.Check(p, s, taizhang.CheckOptions{Submitter: true}) {
			lines = append(lines, f.Text())
		}
	}
	return s, lines
}

func TestReadOwnLayout(t *testing.T) {
	// A unit's own sheet: title merged over the columns, a header block in one
	// cell, columns renamed, reordered and partly deleted, a header with a line
	// break and full-width characters, dates typed as text, a footer line.
	rows := [][]any{
		{"鄂尔多斯市深化工程建设项目审批制度改革专项工作进展情况"},
		{"填报单位：鄂尔多斯市住房和城乡建设局    报送期次：2021年4月上半月", nil, nil, "填报日期：2021年4月14日"},
		{"序号", "任务编号", "节点名称", "状态", "工作\n进展", "完成\n日期", "存在的问题", "备注"},
		{1, "（一）", "房屋建筑和城市基础设施工程项目全部纳入储备库管理", "正在推进", "已梳理项目 86 个", nil, "无", "无"},
		{2, "(二)", "", "推进中", "平台建设招标完成", nil, nil, nil},
		{3, "三.1", "", "已完成", "全流程网上办理已实现", "2021/3/25", nil, nil},
		{4, "3-2", "", "推进中", "接口联调中", nil, nil, nil},
		{5, "（三）3", "", "推进中", "方案编制中", nil, nil, nil},
		{6, "四", "", "已办结", "事项清单已印发", "４月１２日", nil, nil},
		{7, "６", "", "推进中", "清单梳理中", nil, nil, nil},
		{nil, nil, nil, nil, nil, nil, nil, nil},
		{"填报人：王芳  联系电话：0477-8581234"},
	}
	data := workbook(t, map[string][][]any{"Sheet1": rows}, []string{"Sheet1"}, func(f *excelize.File) {
		f.MergeCell("Sheet1", "A1", "H1")
	})
	s, lines := read(t, "鄂尔多斯市4月上半月进展.xlsx", data)
	if s == nil {
		t.Fatalf("nil: %v", lines)
	}
	if s.Unit != "鄂尔多斯市" || s.Period.String() != "2021年4月上半月" || s.Filled.String() != "2021-04-14" {
		t.Errorf("unit %q period %v filled %v", s.Unit, s.Period, s.Filled)
	}
	if s.Contact != "王芳" || s.Phone != "0477-8581234" {
		t.Errorf("contact %q phone %q", s.Contact, s.Phone)
	}
	var got []string
	for _, e := range s.Entries {
		got = append(got, e.Milestone+"="+e.Status.String()+"@"+e.Completed.String())
	}
	want := "一=推进中@|二=推进中@|三.1=已完成@2021-03-25|三.2=推进中@|三.3=推进中@|四=已完成@2021-04-12|六=推进中@"
	if strings.Join(got, "|") != want {
		t.Errorf("entries\n got %s\nwant %s", strings.Join(got, "|"), want)
	}
	text := strings.Join(lines, "\n")
	for _, w := range []string{
		"鄂尔多斯市4月上半月进展.xlsx Sheet1!E3 提示 读取说明：列“工作 进展”按“进展情况”读取",
		"鄂尔多斯市4月上半月进展.xlsx Sheet1!A3 提示 读取说明：缺少“佐证材料”列",
		"鄂尔多斯市4月上半月进展.xlsx Sheet1!A3 提示 读取说明：缺少“下一步计划”列",
	} {
		if !strings.Contains(text, w) {
			t.Errorf("missing line %q in\n%s", w, text)
		}
	}
	if strings.Contains(text, "错误") {
		t.Errorf("unexpected error:\n%s", text)
	}
	if e := s.Entries[0]; len(e.Extra) != 1 || e.Extra[0] != "备注：无" {
		t.Errorf("extra %q", e.Extra)
	}
}

func TestReadTableOnSecondSheetWithTwoRowHeader(t *testing.T) {
	rows := [][]any{
		{"2021年4月下半月进展情况表"},
		{"填报单位", "自治区政务服务局", nil, "报送期次", "2021-04-2"},
		{"措施编号", "节点", "完成情况", nil, "进展情况"},
		{nil, nil, "进展状态", "完成时间", nil},
		{"（三）", "三.1 全流程、全事项网上办理", "已完成", 44280, "已实现"},
		{nil, "工程审批系统接入“蒙速办”APP", "推进中", nil, "正在对接"},
		{nil, "相关系统深度融合及“一网通办”", "推进中", nil, "正在对接"},
		{"（五）", "", "推进中", nil, "窗口改造"},
		{"（六）", "", "=\"推进\"&\"中\"", nil, "清单梳理"},
	}
	data := workbook(t, map[string][][]any{"说明": {{"本表由政务服务局填报"}}, "数据": rows}, []string{"说明", "数据"}, func(f *excelize.File) {
		f.MergeCell("数据", "C3", "D3")
		f.MergeCell("数据", "A5", "A7")
		f.SetCellFormula("数据", "C9", `"推进"&"中"`)
		f.SetRowVisible("数据", 6, false)
	})
	s, lines := read(t, "政务服务局.xlsx", data)
	if s == nil {
		t.Fatalf("nil: %v", lines)
	}
	if s.Sheet != "数据" || s.Unit != "自治区政务服务局" || s.Period.String() != "2021年4月下半月" {
		t.Errorf("sheet %q unit %q period %v", s.Sheet, s.Unit, s.Period)
	}
	var got []string
	for _, e := range s.Entries {
		got = append(got, e.Milestone+"="+e.Status.String())
	}
	if g := strings.Join(got, "|"); g != "三.1=已完成|三.2=推进中|三.3=推进中|五=推进中|六=" {
		t.Errorf("entries %s\n%s", g, strings.Join(lines, "\n"))
	}
	text := strings.Join(lines, "\n")
	if !strings.Contains(text, "政务服务局.xlsx 数据 提示 读取说明：进展情况表在工作表“数据”中，已从该表读取（工作簿共2个工作表）") {
		t.Errorf("no sheet note:\n%s", text)
	}
	if s.Entries[0].Completed.String() != "2021-03-25" {
		t.Errorf("completed %v", s.Entries[0].Completed)
	}
}

func TestReadBrokenFiles(t *testing.T) {
	p := builtin(t)
	var tpl bytes.Buffer
	if err := WriteTemplate(&tpl, p, "包头市", period(t, "2021-04-1"), written); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		data []byte
		want string
	}{
		{"空.xlsx", nil, "空.xlsx 错误 无法读取：文件是空的（0 字节），请重新保存后报送"},
		{"半截.xlsx", tpl.Bytes()[:tpl.Len()/2], "半截.xlsx 错误 无法读取：文件已损坏，无法打开（"},
		{"旧版.xls", append(append([]byte{}, oleMagic...), make([]byte, 600)...), "旧版.xls 错误 无法读取：是旧版 Excel 97-2003（.xls）或 WPS（.et）格式，本程序无法直接读取，请在 Excel 或 WPS 中另存为 .xlsx 后重新报送"},
		{"网页.xls", []byte("<html><body><table><tr><td>1</td></tr></table></body></html>"), "网页.xls 错误 无法读取：不是 .xlsx 工作簿（是网页文件，可能是从网页导出的伪 .xls），请在 Excel 或 WPS 中另存为 .xlsx 后重新报送"},
		{"说明.pdf", []byte("%PDF-1.4 ..."), "说明.pdf 错误 无法读取：不是 .xlsx 工作簿（是 PDF 文件），请在 Excel 或 WPS 中另存为 .xlsx 后重新报送"},
		{"空表.xlsx", workbook(t, map[string][][]any{"Sheet1": {{"随便写点"}}}, []string{"Sheet1"}, nil), "空表.xlsx 错误 无法读取：没有找到进展情况表：各工作表的前30行中都没有“措施编号”“进展状态”“进展情况”等列名，请使用下发的模板填报"},
	}
	for _, c := range cases {
		s, fs := ReadSubmission(taizhang.Source{Path: c.name, Name: c.name}, c.data, ReadOptions{Programme: p})
		if s != nil || len(fs) != 1 || !strings.HasPrefix(fs[0].Text(), c.want) {
			t.Errorf("%s: got %v %v\nwant %s", c.name, s != nil, fs, c.want)
		}
	}
}

func FuzzReadSubmission(f *testing.F) {
	p := builtin(f)
	var tpl bytes.Buffer
	if err := WriteTemplate(&tpl, p, "包头市", period(f, "2021-04-1"), written); err != nil {
		f.Fatal(err)
	}
	f.Add(tpl.Bytes())
	f.Add(filled(f, p, "自治区政务服务局", period(f, "2021-05-2"), "2021-05-31", nil))
	f.Add([]byte("PK\x03\x04garbage"))
	// Formulas without a result, as openpyxl writes them.
	f.Add(packageXLSX(f, `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`+
		`<row r="1"><c r="A1" t="inlineStr"><is><t>措施编号</t></is></c><c r="B1" t="inlineStr"><is><t>进展状态</t></is></c><c r="C1" t="inlineStr"><is><t>进展情况</t></is></c><c r="D1" t="inlineStr"><is><t>完成时间</t></is></c></row>`+
		`<row r="2"><c r="A2"><f>"（一）"</f><v></v></c><c r="B2"><f t="shared" si="0"/></c><c r="C2" t="str"><f>""</f><v></v></c><c r="D2"><f>DATE(2021,4,12)</f></c></row>`+
		`</sheetData></worksheet>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, fs := ReadSubmission(taizhang.Source{Path: "x.xlsx", Name: "x.xlsx"}, data, ReadOptions{Programme: p})
		if s == nil && len(fs) == 0 {
			t.Fatal("nil submission without a finding")
		}
		if s != nil {
			taizhang.Check(p, s, taizhang.CheckOptions{Submitter: true})
		}
	})
}

// FuzzReadCells builds workbooks whose header block, headers and cells come
// from the fuzzer, as people type them, and reads them: no panic, and every
// entry's row lies below the header.
func FuzzReadCells(f *testing.F) {
	p := builtin(f)
	f.Add("填报单位：包头市", "报送期次：2021年4月上半月", "措施编号|节点|进展状态|完成时间|进展情况", "（三）|三.1|已完成|2021-03-31|已实现")
	f.Add("单位", "期次", "序号|任务|状态|完成日期|工作进展|备注", "1|一|正在推进||储备库建设中|")
	f.Add("", "", "措施编号|措施编号|状态|状态", "=1+1|@x|-|+")
	f.Add("填报单位：锡盟", "2021-4-2", "节点任务\n（必填）|进展状态【必填】|完成时间(日期)", "三(2)|已办结|２０２１年４月３０日")
	f.Add("填报单位：呼市工改办", "", "编号|任务|完成节点|状态|完成时间|推进情况", "3-1|进一步优化工程审批管理系统|全流程、全事项网上办理|已完成（已销号）|2021.6.3日|已实现")
	f.Add("填报单位：呼市", "", "编号|完成节点|状态|推进情况", "合计|共7项：已完成4项|已完成|")
	f.Add("", "", "措施编号|节点|进展状态|进展情况", "注：1.请按模板填写|||")
	f.Add("", "", "序号|措施编号|状态|进展情况", "填报人：张三  联系电话：123|||")
	f.Fuzz(func(t *testing.T, unit, per, headers, values string) {
		rows := [][]any{{unit, nil, per}, {}}
		var hs, vs []any
		for _, h := range strings.Split(headers, "|") {
			hs = append(hs, h)
		}
		for _, v := range strings.Split(values, "|") {
			vs = append(vs, v)
		}
		rows = append(rows, hs, vs, vs)
		f := excelize.NewFile()
		for r, row := range rows {
			for c, v := range row {
				if c > 50 {
					break
				}
				if s, ok := v.(string); ok {
					if err := f.SetCellStr("Sheet1", cell(c+1, r+1), s); err != nil {
						return
					}
				}
			}
		}
		var buf bytes.Buffer
		if _, err := f.WriteTo(&buf); err != nil {
			return
		}
		s, _ := ReadSubmission(taizhang.Source{Path: "f.xlsx", Name: "f.xlsx"}, buf.Bytes(), ReadOptions{Programme: p})
		if s == nil {
			return
		}
		for _, e := range s.Entries {
			if e.Row < 4 {
				t.Fatalf("entry in row %d", e.Row)
			}
		}
		taizhang.Check(p, s, taizhang.CheckOptions{Submitter: true})
	})
}

func TestUnknownUnitAndPeriod(t *testing.T) {
	header := []any{"措施编号", "节点", "进展状态", "进展情况", "完成时间"}
	row := []any{"（一）", "", "推进中", "推进中", ""}
	cases := []struct {
		name  string
		block []any
		want  []string
	}{
		{"进展情况表.xlsx", []any{"填报单位：", nil, "报送期次："}, []string{
			"进展情况表.xlsx Sheet1!B1 错误 单位不明：填报单位为空，文件名中也没有单位名称；请在表头填写单位全称，如 包头市",
			"进展情况表.xlsx Sheet1!D1 错误 期次不明：表头和文件名中都没有报送期次；请在表头“报送期次”填写如 2021年4月上半月，或汇总时用 --period 指定",
		}},
		// The label's colon typed again in the value cell: no value, said once.
		{"进展情况表.xlsx", []any{"填报单位", "：", "报送期次"}, []string{
			"进展情况表.xlsx Sheet1!B1 错误 单位不明：填报单位为空，文件名中也没有单位名称；请在表头填写单位全称，如 包头市",
			"进展情况表.xlsx Sheet1!D1 错误 期次不明：表头和文件名中都没有报送期次；请在表头“报送期次”填写如 2021年4月上半月，或汇总时用 --period 指定",
		}},
		{"包头市_2021年4月上半月.xlsx", []any{"填报单位：", "：", "报送期次：2021年4月上半月"}, []string{
			"包头市_2021年4月上半月.xlsx Sheet1!B1 提示 读取说明：表头没有填报单位，已按文件名认定为包头市",
		}},
		{"进展情况表.xlsx", []any{"报送期次：2021年4月上半月"}, []string{
			"进展情况表.xlsx Sheet1 错误 单位不明：表头没有“填报单位”，文件名中也没有单位名称；请在表头填写单位全称，如 包头市",
		}},
		{"包头市.xlsx", []any{"填报单位：包头市", nil, "报送期次：第二季度"}, []string{
			`包头市.xlsx Sheet1!C1 错误 期次不明：报送期次"第二季度"无法识别，文件名中也没有期次；请在表头“报送期次”填写如 2021年4月上半月，或汇总时用 --period 指定`,
		}},
		{"包头市_2021年4月下半月.xlsx", []any{"填报单位：北京市", nil, "报送期次：第二季度"}, []string{
			`包头市_2021年4月下半月.xlsx Sheet1!A1 警告 单位不明：填报单位"北京市"不是本专项工作的填报单位，请填写如 包头市；已按文件名认定为包头市，请在表头填写单位全称`,
			`包头市_2021年4月下半月.xlsx Sheet1!C1 警告 填写有误：报送期次"第二季度"无法识别；已按文件名认定为2021年4月下半月，请在表头写明，如 2021年4月下半月`,
		}},
	}
	for _, c := range cases {
		data := workbook(t, map[string][][]any{"Sheet1": {c.block, header, row}}, []string{"Sheet1"}, nil)
		_, lines := read(t, c.name, data)
		got := map[string]bool{}
		for _, l := range lines {
			got[l] = true
		}
		for _, w := range c.want {
			if !got[w] {
				t.Errorf("%s: missing\n%s\nin\n%s", c.name, w, strings.Join(lines, "\n"))
			}
		}
		for _, l := range lines {
			if !slices.Contains(c.want, l) && (strings.Contains(l, "单位不明") || strings.Contains(l, "期次不明")) {
				t.Errorf("%s: unexpected\n%s", c.name, l)
			}
		}
	}
}

// TestMissingColumnsOnce reads sheets whose 进展状态, 进展情况 or 完成时间
// column was deleted: each missing column is reported once, at the header,
// and its empty cells are not reported again for every row.
func TestMissingColumnsOnce(t *testing.T) {
	ids := []string{"一", "二", "三.1", "三.2", "三.3", "四", "六"}
	for _, tc := range []struct {
		name   string
		header []any
		row    []any // after 序号 and 措施编号
		want   []string
	}{
		{"no 进展状态, no 完成时间", []any{"节点", "进展情况", "佐证材料", "存在问题", "下一步计划"}, []any{"", "已完成", "工作方案", "无", "按计划推进"}, []string{
			"包头市.xlsx 进展情况!A2 错误 填写有误：缺少“进展状态”列，请按模板恢复该列并填写",
			"包头市.xlsx 进展情况!A2 警告 填写有误：缺少“完成时间”列，已完成的节点无法核对完成日期，请按模板恢复该列",
		}},
		{"no 进展情况, no 完成时间", []any{"节点", "进展状态", "佐证材料", "存在问题", "下一步计划"}, []any{"", "已完成", "工作方案", "无", "按计划推进"}, []string{
			"包头市.xlsx 进展情况!A2 错误 填写有误：缺少“进展情况”列，请按模板恢复该列并填写",
			"包头市.xlsx 进展情况!A2 警告 填写有误：缺少“完成时间”列，已完成的节点无法核对完成日期，请按模板恢复该列",
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rows := [][]any{
				{"填报单位：包头市", nil, "报送期次：2021年4月上半月", nil, "填报日期：2021-04-14"},
				append([]any{"序号", "措施编号"}, tc.header...),
			}
			for i, id := range ids {
				rows = append(rows, append([]any{i + 1, id}, tc.row...))
			}
			data := workbook(t, map[string][][]any{"进展情况": rows}, []string{"进展情况"}, nil)
			_, lines := read(t, "包头市.xlsx", data)
			if got := strings.Join(lines, "\n"); got != strings.Join(tc.want, "\n") {
				t.Errorf("got:\n%s\nwant:\n%s", got, strings.Join(tc.want, "\n"))
			}
		})
	}
}

func TestReadRowsWithoutNumber(t *testing.T) {
	block := []any{"填报单位：包头市", nil, "报送期次：2021年4月上半月"}
	header := []any{"措施编号", "节点", "进展状态", "进展情况", "完成时间"}
	rows := [][]any{block, header,
		{"（一）", "房屋建筑和城市基础设施工程项目全部纳入储备库管理", "推进中", "已梳理项目86个"},
		{nil, "召开推进会议2次", "推进中", "会议已部署"},
		{"（二）", nil, "推进中", "平台建设招标完成"},
		{nil, "工程审批系统接入“蒙速办”APP", "推进中", "接口联调中"},
		{"（三）", "1", "已完成", "已实现", "2021-03-25"},
		{nil, "2", "推进中", "接口联调中"},
		{nil, "相关系统深度融合及“一网通办”", "推进中", "方案编制中"},
		{"（四）", nil, "已完成", "事项清单已印发", "2021-04-12"},
		{nil, nil, "推进中", "另有两个园区正在评估"},
		{"（六）", nil, "推进中", "清单梳理中"},
		{nil, "全流程、全事项网上办理", "已完成", "已实现", "2021-03-25"},
	}
	data := workbook(t, map[string][][]any{"Sheet1": rows}, []string{"Sheet1"}, func(f *excelize.File) {
		f.MergeCell("Sheet1", "A7", "A9") // （三） written once over its three milestones
	})
	s, lines := read(t, "包头市.xlsx", data)
	if s == nil {
		t.Fatalf("nil: %v", lines)
	}
	var got []string
	for _, e := range s.Entries {
		got = append(got, e.No+"="+e.Milestone)
	}
	want := "（一）=一|=|（二）=二|=|（三）=三.1|（三）=三.2|（三）=三.3|（四）=四|=|（六）=六|="
	if g := strings.Join(got, "|"); g != want {
		t.Errorf("entries\n got %s\nwant %s", g, want)
	}
	text := strings.Join(lines, "\n")
	for _, w := range []string{
		`包头市.xlsx Sheet1!A4 警告 无法匹配：第4行（节点"召开推进会议2次"）对应不到方案中的任何节点，已保留在台账中；如是方案中的节点，请按模板填写措施编号或节点，如 三.1；如是方案以外的工作，可删去该行或写入相关节点的进展情况`,
		`包头市.xlsx Sheet1!A6 警告 无法匹配：第6行（节点"工程审批系统接入“蒙速办”APP"）对应不到方案中的任何节点，已保留在台账中；如是方案中的节点，请按模板填写措施编号或节点，如 三.1；如是方案以外的工作，可删去该行或写入相关节点的进展情况`,
		`包头市.xlsx Sheet1!A11 警告 无法匹配：第11行对应不到方案中的任何节点，已保留在台账中；如是方案中的节点，请按模板填写措施编号或节点，如 三.1；如是方案以外的工作，可删去该行或写入相关节点的进展情况`,
		`包头市.xlsx Sheet1!A13 警告 无法匹配：第13行（节点"全流程、全事项网上办理"）对应不到方案中的任何节点，已保留在台账中；如是方案中的节点，请按模板填写措施编号或节点，如 三.1；如是方案以外的工作，可删去该行或写入相关节点的进展情况`,
	} {
		if !strings.Contains(text, w) {
			t.Errorf("missing line\n%s\nin\n%s", w, text)
		}
	}
	if strings.Contains(text, "重复") || strings.Contains(text, "漏报") {
		t.Errorf("a row was given to the wrong milestone:\n%s", text)
	}
	if w := "包头市.xlsx Sheet1 提示 读取说明：措施编号缺失或无法识别的行已按节点名称对应：第9行→三.3；请核对"; !strings.Contains(text, w) {
		t.Errorf("missing line\n%s\nin\n%s", w, text)
	}
}

func TestReadRowsUnderMeasureMatchedByTitle(t *testing.T) {
	rows := [][]any{
		{"填报单位：自治区政务服务局", nil, "报送期次：2021年4月上半月"},
		{"措施编号", "节点", "进展状态", "进展情况", "完成时间"},
		{"（三）", "全流程、全事项网上办理", "已完成", "已实现", "2021-03-25"},
		{nil, "工程审批系统接入“蒙速办”APP", "推进中", "接口联调中"},
		{nil, "一网通办", "推进中", "方案编制中"},
		{"（五）", nil, "推进中", "窗口改造"},
		{"（六）", nil, "推进中", "清单梳理中"},
	}
	data := workbook(t, map[string][][]any{"Sheet1": rows}, []string{"Sheet1"}, nil)
	s, lines := read(t, "政务服务局.xlsx", data)
	if s == nil {
		t.Fatalf("nil: %v", lines)
	}
	var got []string
	for _, e := range s.Entries {
		got = append(got, e.Milestone)
	}
	if g := strings.Join(got, "|"); g != "三.1|三.2|三.3|五|六" {
		t.Errorf("entries %s\n%s", g, strings.Join(lines, "\n"))
	}
	text := strings.Join(lines, "\n")
	w := "政务服务局.xlsx Sheet1 提示 读取说明：措施编号缺失或无法识别的行已按节点名称对应：第3行→三.1，第4行→三.2，第5行→三.3；请核对"
	if !strings.Contains(text, w) {
		t.Errorf("missing line\n%s\nin\n%s", w, text)
	}
	if strings.Contains(text, "无法匹配") {
		t.Errorf("unexpected:\n%s", text)
	}
}

// TestReadNumberColumnHeaded编号 reads a unit's own table whose measure
// numbers stand, in every usual form, in a column headed 编号 and whose
// milestone titles stand under 完成节点, with a total and a 填报人 line below.
func TestReadNumberColumnHeaded编号(t *testing.T) {
	rows := [][]any{
		{"呼市深化工程建设项目审批制度改革专项工作推进情况表（2021年6月上半月）"},
		{"填报单位：呼市工改办（盖章）", nil, nil, nil, nil, nil, "填报日期：2021.6.15"},
		{},
		{"编号", "任务", nil, "完成节点", "状态", "完成时间", "推进情况", "问题", "下步打算", nil, "备注"},
		{"1", "加快完善项目储备库与实施库", nil, "房屋建筑和城市基础设施工程项目全部纳入储备库管理", "已完成（已销号）", "2021.5.12", "已全部纳入", "无", "动态更新", nil, "5月已销号"},
		{"2", "持续完善“多规合一”及业务协同平台", nil, "全面建成“多规合一”及业务协同平台", "正在推进中", nil, "策划生成项目9个", "无", "9月底前建成"},
		{"3-1", "进一步优化工程审批管理系统", nil, "全流程、全事项网上办理", "已完成", "2021年3月25日", "已全部纳入", "无", "保障运行"},
		{"（三）2", "进一步优化工程审批管理系统", nil, "工程审批系统接入“蒙速办”APP", "推进中（完成80%）", nil, "联调测试已完成", "无", "9月底前接入"},
		{"三.3", "进一步优化工程审批管理系统", nil, "相关系统深度融合及“一网通办”", "未开展", nil, "待自治区统一部署", "缺少接口标准", "协调"},
		{"4", "深化落实区域评估", nil, "明确区域评估的事项清单和技术标准", "已完成", "4月12日", "已印发", "无", "强化运用"},
		{"6", "积极推行“清单制+告知承诺制”改革", nil, "全面推行“清单制+告知承诺制”审批", "完成（提前）", "2021.6.3日", "已公布", "无", "加强监管", nil, "提前完成"},
		{"合计", nil, nil, "共7项：已完成4项，正在推进2项，未开展1项"},
		{},
		{"填报人：赵丽娜\u3000\u3000联系电话：0471-6608312\u3000\u3000审核人：王志刚"},
	}
	data := workbook(t, map[string][][]any{"Sheet1": rows}, []string{"Sheet1"}, nil)
	s, lines := read(t, "呼和浩特市_2021年6月上半月.xlsx", data)
	if s == nil {
		t.Fatalf("nil: %v", lines)
	}
	var got []string
	for _, e := range s.Entries {
		got = append(got, e.No+"="+e.Milestone+"="+e.Status.String()+"@"+e.Completed.String())
	}
	want := "1=一=已完成@2021-05-12|2=二=推进中@|3-1=三.1=已完成@2021-03-25|（三）2=三.2=推进中@|三.3=三.3=未启动@|4=四=已完成@2021-04-12|6=六=已完成@2021-06-03"
	if g := strings.Join(got, "|"); g != want {
		t.Errorf("entries\n got %s\nwant %s", g, want)
	}
	if s.Contact != "赵丽娜" || s.Phone != "0471-6608312" {
		t.Errorf("contact %q phone %q", s.Contact, s.Phone)
	}
	text := strings.Join(lines, "\n")
	for _, w := range []string{
		"呼和浩特市_2021年6月上半月.xlsx Sheet1!A4 提示 读取说明：列“编号”按“措施编号”读取",
		"呼和浩特市_2021年6月上半月.xlsx Sheet1!D4 提示 读取说明：列“完成节点”按“节点”读取",
		`呼和浩特市_2021年6月上半月.xlsx Sheet1!A12 提示 读取说明：第12行是合计行（"合计 共7项：已完成4项，正在推进2项，未开展1项"），未计入台账`,
	} {
		if !strings.Contains(text, w) {
			t.Errorf("missing line\n%s\nin\n%s", w, text)
		}
	}
	for _, no := range []string{"错误", "警告", "按节点名称对应", "不是填报行"} {
		if strings.Contains(text, no) {
			t.Errorf("unexpected %s in\n%s", no, text)
		}
	}
}

// TestReadCountColumnHeaded编号 keeps a column headed 编号 that counts the
// rows as 序号: the rows are matched by their titles.
func TestReadCountColumnHeaded编号(t *testing.T) {
	rows := [][]any{
		{"填报单位：自治区发展改革委", nil, "报送期次：2021年4月上半月"},
		{"编号", "完成节点", "进展状态", "进展情况", "完成时间"},
		{1, "房屋建筑和城市基础设施工程项目全部纳入储备库管理", "推进中", "已梳理项目86个"},
		{2, "全面推行“清单制+告知承诺制”审批", "推进中", "清单梳理中"},
	}
	data := workbook(t, map[string][][]any{"Sheet1": rows}, []string{"Sheet1"}, nil)
	s, lines := read(t, "发改委.xlsx", data)
	if s == nil {
		t.Fatalf("nil: %v", lines)
	}
	var got []string
	for _, e := range s.Entries {
		got = append(got, e.No+"="+e.Milestone)
	}
	if g := strings.Join(got, "|"); g != "=一|=六" {
		t.Errorf("entries %s\n%s", g, strings.Join(lines, "\n"))
	}
	text := strings.Join(lines, "\n")
	for _, w := range []string{
		"发改委.xlsx Sheet1!A2 提示 读取说明：列“编号”按“序号”读取",
		"发改委.xlsx Sheet1 提示 读取说明：措施编号缺失或无法识别的行已按节点名称对应：第3行→一，第4行→六；请核对",
	} {
		if !strings.Contains(text, w) {
			t.Errorf("missing line\n%s\nin\n%s", w, text)
		}
	}
}

// TestReadNotesBelowTable ends the table at a 注： line under a 措施编号
// column, so that the numbered notes after it are not taken for rows of
// measures 一 and 二, and still reads a 填报人 line after them.
func TestReadNotesBelowTable(t *testing.T) {
	rows := [][]any{
		{"填报单位：自治区发展改革委", nil, "报送期次：2021年4月上半月"},
		{"措施编号", "节点", "进展状态", "进展情况", "完成时间"},
		{"（一）", nil, "推进中", "已梳理项目86个"},
		{"小计", nil, nil, "1项"},
		{"（六）", nil, "推进中", "清单梳理中"},
		{"注：", nil, nil, nil},
		{"1.进展状态填写未启动、推进中或已完成", nil, "已完成"},
		{"2.完成时间填写实际完成日期"},
		{"填报人：李明", nil, "联系电话：0471-1234567"},
	}
	data := workbook(t, map[string][][]any{"Sheet1": rows}, []string{"Sheet1"}, nil)
	s, lines := read(t, "发改委.xlsx", data)
	if s == nil {
		t.Fatalf("nil: %v", lines)
	}
	var got []string
	for _, e := range s.Entries {
		got = append(got, fmt.Sprint(e.Row, "=", e.Milestone))
	}
	if g := strings.Join(got, "|"); g != "3=一|5=六" {
		t.Errorf("entries %s\n%s", g, strings.Join(lines, "\n"))
	}
	if s.Contact != "李明" || s.Phone != "0471-1234567" {
		t.Errorf("contact %q phone %q", s.Contact, s.Phone)
	}
	text := strings.Join(lines, "\n")
	for _, w := range []string{
		`发改委.xlsx Sheet1!A4 提示 读取说明：第4行是合计行（"小计 1项"），未计入台账`,
		`发改委.xlsx Sheet1!A6 提示 读取说明：第6行起是表格下方的说明（"注："），未作为填报行读取`,
	} {
		if !strings.Contains(text, w) {
			t.Errorf("missing line\n%s\nin\n%s", w, text)
		}
	}
	if strings.Contains(text, "错误") || strings.Contains(text, "警告") {
		t.Errorf("unexpected:\n%s", text)
	}
}

// TestReadFormulasWithoutResult reads a sheet written by a program that does
// not calculate (openpyxl): a formula cell without a result is reported as
// such, naming the cell, and not as an empty one.
func TestReadFormulasWithoutResult(t *testing.T) {
	row := func(r int, no, status, date, progress string) string {
		cellXML := func(ref, v string) string {
			switch {
			case v == "":
				return ""
			case strings.HasPrefix(v, "="):
				return fmt.Sprintf(`<c r="%s"><f>%s</f><v></v></c>`, ref, v[1:])
			}
			return fmt.Sprintf(`<c r="%s" t="inlineStr"><is><t>%s</t></is></c>`, ref, v)
		}
		return fmt.Sprintf(`<row r="%d">%s%s%s%s%s</row>`, r, cellXML(cell(1, r), "=ROW()-2"), cellXML(cell(2, r), no),
			cellXML(cell(3, r), status), cellXML(cell(4, r), date), cellXML(cell(5, r), progress))
	}
	sheet := `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` +
		`<row r="1"><c r="A1" t="inlineStr"><is><t>填报单位：自治区发展改革委</t></is></c><c r="C1" t="inlineStr"><is><t>报送期次：2021年4月上半月</t></is></c></row>` +
		`<row r="2"><c r="A2" t="inlineStr"><is><t>序号</t></is></c><c r="B2" t="inlineStr"><is><t>措施编号</t></is></c><c r="C2" t="inlineStr"><is><t>进展状态</t></is></c><c r="D2" t="inlineStr"><is><t>完成时间</t></is></c><c r="E2" t="inlineStr"><is><t>进展情况</t></is></c></row>` +
		row(3, "（一）", `=IF(1=1,"已完成","推进中")`, "=DATE(2021,4,12)", "已全部纳入储备库") +
		row(4, "（六）", "推进中", "", `=CONCATENATE("清单","梳理中")`) +
		`</sheetData></worksheet>`
	s, lines := read(t, "发改委.xlsx", packageXLSX(t, sheet))
	if s == nil {
		t.Fatalf("nil: %v", lines)
	}
	want := []string{
		"发改委.xlsx Sheet1!C3 错误 填写有误：进展状态（C3）是公式，但文件没有保存计算结果，无法读取；请在 Excel 或 WPS 中打开后保存一次再报送",
		"发改委.xlsx Sheet1!D3 错误 填写有误：完成时间（D3）是公式，但文件没有保存计算结果，无法读取；请在 Excel 或 WPS 中打开后保存一次再报送",
		"发改委.xlsx Sheet1!E4 错误 填写有误：进展情况（E4）是公式，但文件没有保存计算结果，无法读取；请在 Excel 或 WPS 中打开后保存一次再报送",
	}
	var got []string
	for _, l := range lines {
		if strings.Contains(l, " 错误 ") || strings.Contains(l, " 警告 ") {
			got = append(got, l)
		}
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestReadBlockFormulasWithoutResult reads a 填报日期 (or 填报单位) cell that is
// a formula the file holds no result of: a DATE(y,m,d) or a literal is worked
// out and said so, any other formula is named as such, not called empty.
func TestReadBlockFormulasWithoutResult(t *testing.T) {
	str := func(ref, v string) string {
		return fmt.Sprintf(`<c r="%s" t="inlineStr"><is><t>%s</t></is></c>`, ref, v)
	}
	for _, tc := range []struct {
		unit, filled string // a value, or a formula after =
		date         string // the 填报日期 read, 2006-01-02
		want         []string
	}{
		{"自治区发展改革委", "=DATE(2021,4,14)", "2021-04-14", []string{
			"发改委.xlsx Sheet1!F1 提示 读取说明：填报日期（F1）是公式 =DATE(2021,4,14)，文件没有保存计算结果，已按公式读作 2021-04-14；请核对，或在 Excel 或 WPS 中打开后保存一次再报送",
		}},
		{"自治区发展改革委", `=&quot;2021年4月14日&quot;`, "2021-04-14", []string{
			"发改委.xlsx Sheet1!F1 提示 读取说明：填报日期（F1）是公式 =\"2021年4月14日\"，文件没有保存计算结果，已按公式读作 2021年4月14日；请核对，或在 Excel 或 WPS 中打开后保存一次再报送",
		}},
		{"自治区发展改革委", "=TODAY()", "", []string{
			"发改委.xlsx Sheet1!F1 警告 填写有误：填报日期（F1）是公式，但文件没有保存计算结果，无法读取；请在 Excel 或 WPS 中打开后保存一次再报送",
		}},
		{"=A9", "2021-04-14", "2021-04-14", []string{
			"发改委.xlsx Sheet1!B1 警告 填写有误：填报单位（B1）是公式，但文件没有保存计算结果，无法读取；请在 Excel 或 WPS 中打开后保存一次再报送",
		}},
	} {
		cellXML := func(ref, v string) string {
			if f, ok := strings.CutPrefix(v, "="); ok {
				return fmt.Sprintf(`<c r="%s"><f>%s</f><v></v></c>`, ref, f)
			}
			return str(ref, v)
		}
		sheet := `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` +
			`<row r="1">` + str("A1", "填报单位") + cellXML("B1", tc.unit) + str("C1", "报送期次：2021年4月上半月") + str("E1", "填报日期") + cellXML("F1", tc.filled) + str("G1", "报送截止") + `</row>` +
			`<row r="2">` + str("A2", "措施编号") + str("B2", "进展状态") + str("C2", "进展情况") + str("D2", "完成时间") + `</row>` +
			`<row r="3">` + str("A3", "（一）") + str("B3", "推进中") + str("C3", "已梳理项目") + `</row>` +
			`<row r="4">` + str("A4", "（六）") + str("B4", "推进中") + str("C4", "清单梳理中") + `</row>` +
			`</sheetData></worksheet>`
		s, lines := read(t, "发改委.xlsx", packageXLSX(t, sheet))
		if s == nil {
			t.Fatalf("%s: nil: %v", tc.filled, lines)
		}
		if got := s.Filled.String(); tc.date != "" && got != tc.date || tc.date == "" && !s.Filled.IsZero() {
			t.Errorf("%s: 填报日期 %s, want %q", tc.filled, got, tc.date)
		}
		text := strings.Join(lines, "\n")
		for _, w := range tc.want {
			if !strings.Contains(text, w) {
				t.Errorf("missing line\n%s\nin\n%s", w, text)
			}
		}
		if strings.Contains(text, "为空") {
			t.Errorf("%s: unexpected:\n%s", tc.filled, text)
		}
	}
}

// A workbook with no cell anywhere says so, naming the unit its name names.
func TestBlankWorkbook(t *testing.T) {
	data := workbook(t, map[string][][]any{"Sheet1": nil}, []string{"Sheet1"}, nil)
	for name, want := range map[string]string{
		"新建 Microsoft Excel 工作表.xlsx": "新建 Microsoft Excel 工作表.xlsx 错误 无法读取：工作簿是空的，各工作表都没有内容；如是误放的文件可删除，如是某单位的报送请其填好后重新报送",
		"包头市进展情况表.xlsx":               "包头市进展情况表.xlsx 错误 无法读取：工作簿是空的，各工作表都没有内容；请包头市填好进展情况表后重新报送",
	} {
		s, lines := read(t, name, data)
		if s != nil || len(lines) != 1 || lines[0] != want {
			t.Errorf("%s: %v\n%s\nwant\n%s", name, s, strings.Join(lines, "\n"), want)
		}
	}
}

// TestReadHeadersOfOtherPrograms reads a table whose header cells were
// broken with Alt+Enter or spaced out and named by synonyms, with 完成情况
// (the progress here) before 进展状态: every column is found, the template's
// own name 进展状态 holds the status, and 完成情况 is read as 进展情况.
func TestReadHeadersOfOtherPrograms(t *testing.T) {
	rows := [][]any{
		{"填报单位：包头市", nil, "报送期次：2021年4月上半月", nil, "填报日期：2021-04-14"},
		{"措施\n编号", "节点", "完成\n情况", "进展\n状态", "完成\r\n时间", "证明\n材料", "困难\n问题", "下一步\u3000\n工作计划"},
	}
	for _, id := range []string{"一", "二", "三.1", "三.2", "三.3", "四", "六"} {
		rows = append(rows, []any{id, nil, "已梳理项目" + id, "推进中", nil, "工作方案" + id, "资金不足" + id, "继续推进" + id})
	}
	data := workbook(t, map[string][][]any{"Sheet1": rows}, []string{"Sheet1"}, nil)
	s, lines := read(t, "包头市.xlsx", data)
	if s == nil {
		t.Fatalf("nil: %v", lines)
	}
	e := s.Entries[2]
	if got := strings.Join([]string{e.Milestone, e.Status.String(), e.Progress, e.Evidence, e.Problems, e.NextSteps}, "|"); got != "三.1|推进中|已梳理项目三.1|工作方案三.1|资金不足三.1|继续推进三.1" {
		t.Errorf("entry of row 5 = %s", got)
	}
	want := []string{
		"包头市.xlsx Sheet1!C2 提示 读取说明：列“完成 情况”按“进展情况”读取",
		"包头市.xlsx Sheet1!F2 提示 读取说明：列“证明 材料”按“佐证材料”读取",
		"包头市.xlsx Sheet1!G2 提示 读取说明：列“困难 问题”按“存在问题”读取",
		"包头市.xlsx Sheet1!H2 提示 读取说明：列“下一步 工作计划”按“下一步计划”读取",
		"包头市.xlsx Sheet1!D5 提示 逾期未完成：节点 三.1 完成时限为 2021-03-31，截至 2021-04-15 已逾期15天，仍为推进中",
		"包头市.xlsx Sheet1!D8 提示 临期：节点 四 完成时限为 2021-04-30，还剩15天",
	}
	if got := strings.Join(lines, "\n"); got != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", got, strings.Join(want, "\n"))
	}
}

// TestHeaderOfAmbiguousNames maps 完成情况 to 进展状态 unless another column
// names the status, and a template name before a synonym of it.
func TestHeaderOfAmbiguousNames(t *testing.T) {
	for _, tc := range []struct {
		header []string
		want   string // the field of each column
	}{
		{[]string{"措施编号", "完成情况", "进展情况"}, "措施编号|进展状态|进展情况"},
		{[]string{"措施编号", "完成情况", "进展状态"}, "措施编号|进展情况|进展状态"},
		{[]string{"措施编号", "完成情况", "进展状态", "进展情况"}, "措施编号||进展状态|进展情况"},
		{[]string{"措施编号", "状态", "进展状态", "工作进展"}, "措施编号||进展状态|进展情况"},
		{[]string{"措施编号", "完成情况", "状态"}, "措施编号|进展情况|进展状态"},
		{[]string{"措施编号", "完成情况", "工作进展"}, "措施编号|进展状态|进展情况"},
		{[]string{"序号", "任务名称", "完成情况", "工作进展", "完成日期"}, "序号|节点|进展状态|进展情况|完成时间"},
		{[]string{"措施编号", "节点", "任务名称", "进展状态", "本期工作进展情况"}, "措施编号|节点|整改措施|进展状态|进展情况"},
		{[]string{"整改措施", "任务内容", "进展状态", "主要工作进展"}, "整改措施|节点|进展状态|进展情况"},
		{[]string{"重点任务名称", "节点", "本期进展状态", "本期进展情况"}, "整改措施|节点|进展状态|进展情况"},
		{[]string{"整改措施", "工作任务名称", "进展状态", "进展及成效"}, "整改措施|节点|进展状态|进展情况"},
	} {
		h := headerOf([]rowMatch{matchRow(tc.header)})
		var got []string
		for c := range tc.header {
			if f := h.fields[c]; f != taizhang.FieldNone {
				got = append(got, f.String())
			} else {
				got = append(got, "")
			}
		}
		if g := strings.Join(got, "|"); g != tc.want {
			t.Errorf("headerOf(%q) = %s, want %s", tc.header, g, tc.want)
		}
	}
}

// TestReadTitleAndProgressSynonyms reads a unit's own table whose rows are
// named only by the milestone titles, under 任务名称, and whose progress
// stands under 本期工作进展情况 broken by Alt+Enter: every row is matched and
// the progress read as such.
func TestReadTitleAndProgressSynonyms(t *testing.T) {
	p := builtin(t)
	rows := [][]any{
		{"包头市2021年4月上半月工改专项进展情况"},
		{"序号", "任务名称", "完成情况", "本期工作\n进展情况", "完成日期"},
	}
	for i, ms := range p.UnitMilestones("包头市") {
		rows = append(rows, []any{i + 1, ms.Title, "推进中", "本期推进了若干工作" + ms.ID})
	}
	data := workbook(t, map[string][][]any{"Sheet1": rows}, []string{"Sheet1"}, nil)
	s, lines := read(t, "包头市.xlsx", data)
	if s == nil {
		t.Fatalf("nil: %v", lines)
	}
	var got []string
	for _, e := range s.Entries {
		got = append(got, e.Milestone+"="+e.Progress)
	}
	if g := strings.Join(got, "|"); g != "一=本期推进了若干工作一|二=本期推进了若干工作二|三.1=本期推进了若干工作三.1|三.2=本期推进了若干工作三.2|三.3=本期推进了若干工作三.3|四=本期推进了若干工作四|六=本期推进了若干工作六" {
		t.Errorf("entries %s\n%s", g, strings.Join(lines, "\n"))
	}
	want := []string{
		"包头市.xlsx Sheet1 提示 读取说明：措施编号缺失或无法识别的行已按节点名称对应：第3行→一，第4行→二，第5行→三.1，第6行→三.2，第7行→三.3，第8行→四，第9行→六；请核对",
		"包头市.xlsx Sheet1!B2 提示 读取说明：列“任务名称”按“节点”读取",
		"包头市.xlsx Sheet1!C2 提示 读取说明：列“完成情况”按“进展状态”读取",
		"包头市.xlsx Sheet1!D2 提示 读取说明：列“本期工作 进展情况”按“进展情况”读取",
	}
	text := strings.Join(lines, "\n")
	for _, w := range want {
		if !strings.Contains(text, w) {
			t.Errorf("missing line\n%s\nin\n%s", w, text)
		}
	}
	for _, bad := range []string{"漏报", "缺少“措施编号”", "缺少“进展情况”列", "表中其他内容"} {
		if strings.Contains(text, bad) {
			t.Errorf("unexpected %s:\n%s", bad, text)
		}
	}
}

// seqTable is a 包头市 sheet whose only numbers stand in its first column,
// headed 序号, above the columns a unit fills.
func seqTable(numbers ...any) [][]any {
	rows := [][]any{
		{"填报单位：包头市", nil, "报送期次：2021年4月上半月", nil, "填报日期：2021-04-14"},
		{"序号", "进展状态", "进展情况", "完成时间", "佐证材料", "存在问题", "下一步计划"},
	}
	for _, n := range numbers {
		rows = append(rows, []any{n, "推进中", "按计划推进", nil, "工作方案", "资金不足", "继续推进"})
	}
	return rows
}

// TestReadSeqColumnOfMeasureNumbers reads a column headed 序号 that holds the
// measure and milestone numbers as 措施编号, says so naming the column, and
// does not call the sheet one without 措施编号 and 节点.
func TestReadSeqColumnOfMeasureNumbers(t *testing.T) {
	data := workbook(t, map[string][][]any{"Sheet1": seqTable("（一）", "（二）", "（三）1", "（三）2", "（三）3", "（四）", "（六）")}, []string{"Sheet1"}, nil)
	s, lines := read(t, "包头市.xlsx", data)
	if s == nil {
		t.Fatalf("nil: %v", lines)
	}
	var got []string
	for _, e := range s.Entries {
		got = append(got, e.Milestone)
	}
	if g := strings.Join(got, "|"); g != "一|二|三.1|三.2|三.3|四|六" {
		t.Errorf("entries %s", g)
	}
	if s.Columns[taizhang.FieldNo] != "A" || s.Columns[taizhang.FieldSeq] != "" {
		t.Errorf("columns %v", s.Columns)
	}
	want := []string{
		"包头市.xlsx Sheet1!A2 提示 读取说明：列“序号”按“措施编号”读取：A列填的是方案的措施编号（如“（一）”“（二）”），已据此对应到方案的节点，请核对",
		"包头市.xlsx Sheet1!B5 提示 逾期未完成：节点 三.1 完成时限为 2021-03-31，截至 2021-04-15 已逾期15天，仍为推进中",
		"包头市.xlsx Sheet1!B8 提示 临期：节点 四 完成时限为 2021-04-30，还剩15天",
	}
	if g := strings.Join(lines, "\n"); g != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", g, strings.Join(want, "\n"))
	}
}

// TestReadSeqColumnMostlyMeasureNumbers reads a 序号 column as 措施编号 when
// most of its values are measure numbers; the row whose value is not is
// named as matching no milestone.
func TestReadSeqColumnMostlyMeasureNumbers(t *testing.T) {
	data := workbook(t, map[string][][]any{"Sheet1": seqTable("1", "2", "3.1", "3.2", "3.3", "4", "6", "其他")}, []string{"Sheet1"}, nil)
	s, lines := read(t, "包头市.xlsx", data)
	if s == nil {
		t.Fatalf("nil: %v", lines)
	}
	var got []string
	for _, e := range s.Entries {
		got = append(got, e.Milestone)
	}
	if g := strings.Join(got, "|"); g != "一|二|三.1|三.2|三.3|四|六|" {
		t.Errorf("entries %s", g)
	}
	text := strings.Join(lines, "\n")
	for _, w := range []string{
		"包头市.xlsx Sheet1!A2 提示 读取说明：列“序号”按“措施编号”读取：A列填的是方案的措施编号（如“1”“2”），已据此对应到方案的节点，请核对",
		`包头市.xlsx Sheet1!A10 警告 无法匹配：第10行（措施编号"其他"）对应不到方案中的任何节点`,
	} {
		if !strings.Contains(text, w) {
			t.Errorf("missing line\n%s\nin\n%s", w, text)
		}
	}
	if strings.Contains(text, "错误") {
		t.Errorf("unexpected error in\n%s", text)
	}
}

// TestReadSeqColumnCountingRows keeps a 序号 column that counts the rows as
// such, and says what is missing and why the column does not stand for it.
func TestReadSeqColumnCountingRows(t *testing.T) {
	for _, tc := range []struct {
		numbers []any
		want    string
	}{
		{[]any{1, 2, 3, 4, 5, 6, 7}, "包头市.xlsx Sheet1!A2 错误 填写有误：缺少“措施编号”和“节点”列，无法对应到方案的节点：A列“序号”中的“1”“2”“3”…是行号，不是方案的措施编号；请按模板恢复这两列，或在A列填写措施编号，如（一）、（三）1"},
		{[]any{"甲", "乙"}, "包头市.xlsx Sheet1!A2 错误 填写有误：缺少“措施编号”和“节点”列，无法对应到方案的节点：A列“序号”中的“甲”“乙”不是方案的措施编号；请按模板恢复这两列，或在A列填写措施编号，如（一）、（三）1"},
		{[]any{"", ""}, "包头市.xlsx Sheet1!A2 错误 填写有误：缺少“措施编号”和“节点”列，无法对应到方案的节点：A列“序号”是空的；请按模板恢复这两列，或在A列填写措施编号，如（一）、（三）1"},
	} {
		data := workbook(t, map[string][][]any{"Sheet1": seqTable(tc.numbers...)}, []string{"Sheet1"}, nil)
		_, lines := read(t, "包头市.xlsx", data)
		text := strings.Join(lines, "\n")
		if !strings.Contains(text, tc.want) {
			t.Errorf("missing line\n%s\nin\n%s", tc.want, text)
		}
		if strings.Contains(text, "按“措施编号”读取") || strings.Count(text, "缺少“措施编号”和“节点”列") != 1 {
			t.Errorf("a 序号 column of %v:\n%s", tc.numbers, text)
		}
	}
}

// TestReadSeqColumnNumberedUnderMeasure reads a 序号 column that numbers a
// measure of several milestones once, on a heading row, and its milestones
// 1, 2, 3 below it; and one that gives each of them the measure's number.
func TestReadSeqColumnNumberedUnderMeasure(t *testing.T) {
	heading := seqTable("一", "二", "三", "1", "2", "3", "四", "六")
	heading[4] = []any{"三"} // the heading row holds only the measure's number
	for _, tc := range []struct {
		name string
		rows [][]any
		want []string
	}{
		{"under a heading", heading, []string{
			`包头市.xlsx Sheet1!A5 提示 读取说明：第5行不是填报行（"三"），未计入台账`,
			"包头市.xlsx Sheet1!A2 提示 读取说明：列“序号”按“措施编号”读取：A列填的是方案的措施编号（如“一”“二”），已据此对应到方案的节点，请核对",
			"包头市.xlsx Sheet1!A6 提示 读取说明：A列第6—8行的“1”“2”“3”排在第5行“三”之下，已按节点 三.1、三.2、三.3 读取，请核对",
			"包头市.xlsx Sheet1!B6 提示 逾期未完成：节点 三.1 完成时限为 2021-03-31，截至 2021-04-15 已逾期15天，仍为推进中",
			"包头市.xlsx Sheet1!B9 提示 临期：节点 四 完成时限为 2021-04-30，还剩15天",
		}},
		{"the measure's number on each row", seqTable("（一）", "（二）", "（三）", "（三）", "（三）", "（四）", "（六）"), []string{
			"包头市.xlsx Sheet1!A2 提示 读取说明：列“序号”按“措施编号”读取：A列填的是方案的措施编号（如“（一）”“（二）”），已据此对应到方案的节点，请核对",
			"包头市.xlsx Sheet1!A5 提示 读取说明：A列第5—7行都是“（三）”，已按顺序读作节点 三.1、三.2、三.3，请核对",
			"包头市.xlsx Sheet1!B5 提示 逾期未完成：节点 三.1 完成时限为 2021-03-31，截至 2021-04-15 已逾期15天，仍为推进中",
			"包头市.xlsx Sheet1!B8 提示 临期：节点 四 完成时限为 2021-04-30，还剩15天",
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data := workbook(t, map[string][][]any{"Sheet1": tc.rows}, []string{"Sheet1"}, nil)
			s, lines := read(t, "包头市.xlsx", data)
			if s == nil {
				t.Fatalf("nil: %v", lines)
			}
			var got []string
			for _, e := range s.Entries {
				got = append(got, e.Milestone)
			}
			if g := strings.Join(got, "|"); g != "一|二|三.1|三.2|三.3|四|六" {
				t.Errorf("entries %s", g)
			}
			if g := strings.Join(lines, "\n"); g != strings.Join(tc.want, "\n") {
				t.Errorf("got:\n%s\nwant:\n%s", g, strings.Join(tc.want, "\n"))
			}
		})
	}
}

// TestReadNumberColumnRepeatedWithTitles leaves rows that carry their
// measure's number to their titles when these name the milestones in
// another order than the place would.
func TestReadNumberColumnRepeatedWithTitles(t *testing.T) {
	rows := [][]any{
		{"填报单位：自治区政务服务局", nil, "报送期次：2021年4月上半月"},
		{"编号", "完成节点", "进展状态", "进展情况", "完成时间"},
		{"（三）", "工程审批系统接入“蒙速办”APP", "推进中", "接口联调中"},
		{"（三）", "全流程、全事项网上办理", "已完成", "已实现", "2021-03-25"},
		{"（三）", "相关系统深度融合及“一网通办”", "推进中", "方案编制中"},
		{"（五）", "提升“一个窗口”服务水平", "推进中", "窗口改造"},
	}
	data := workbook(t, map[string][][]any{"Sheet1": rows}, []string{"Sheet1"}, nil)
	s, lines := read(t, "政务服务局.xlsx", data)
	if s == nil {
		t.Fatalf("nil: %v", lines)
	}
	var got []string
	for _, e := range s.Entries {
		got = append(got, e.Milestone)
	}
	if g := strings.Join(got, "|"); g != "三.2|三.1|三.3|五" {
		t.Errorf("entries %s\n%s", g, strings.Join(lines, "\n"))
	}
	if text := strings.Join(lines, "\n"); strings.Contains(text, "按顺序") {
		t.Errorf("rows placed against their titles:\n%s", text)
	}
}

// A picture WPS embeds in a cell (插入图片 › 嵌入单元格) is the formula
// DISPIMG("ID_…",1): WPS caches the formula's own text as its value, a file
// re-saved by another program caches nothing. Neither is evidence text nor a
// formula to recalculate: the ledger says [图片] and one note names the cells.
func TestReadWPSCellPictures(t *testing.T) {
	str := func(ref, v string) string {
		var b bytes.Buffer
		xmlEscape(&b, v)
		return fmt.Sprintf(`<c r="%s" t="inlineStr"><is><t>%s</t></is></c>`, ref, b.String())
	}
	const pic = `_xlfn.DISPIMG(&quot;ID_3F2A9B1C0D4E4F5A8B6C7D8E9F0A1B2C&quot;,1)`
	sheet := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:XFD1048576"/><sheetData>` +
		`<row r="1">` + str("A1", "填报单位") + str("B1", "包头市") + str("C1", "报送期次") + str("D1", "2021年5月下半月") + `</row>` +
		`<row r="2">` + str("A2", "措施编号") + str("B2", "节点") + str("C2", "进展状态") + str("D2", "进展情况") + str("E2", "佐证材料") + `</row>` +
		`<row r="3">` + str("A3", "（二）") + str("B3", "二") + str("C3", "推进中") + str("D3", "平台建设中") +
		`<c r="E3" t="str"><f>` + pic + `</f><v>=DISPIMG(&quot;ID_3F2A9B1C0D4E4F5A8B6C7D8E9F0A1B2C&quot;,1)</v></c></row>` +
		`<row r="4">` + str("A4", "（六）") + str("B4", "六") + str("C4", "推进中") + str("D4", "清单梳理中") +
		`<c r="E4"><f>` + pic + `</f></c></row>` +
		`<row r="1048576" customFormat="1"><c r="XFD1048576" s="0"/></row></sheetData></worksheet>`
	s, lines := read(t, "包头市.xlsx", packageXLSX(t, sheet))
	if s == nil || len(s.Entries) != 2 {
		t.Fatalf("submission %v:\n%s", s, strings.Join(lines, "\n"))
	}
	for _, e := range s.Entries {
		if e.Evidence != "[图片]" || e.Formulas != 0 {
			t.Errorf("row %d: 佐证材料 %q, formulas %b; want [图片] and none", e.Row, e.Evidence, e.Formulas)
		}
	}
	text := strings.Join(lines, "\n")
	if want := "包头市.xlsx Sheet1!E3 提示 读取说明：E3、E4 是 WPS 嵌入单元格的图片（DISPIMG），汇总台账中记作“[图片]”，请在原表中查看图片"; !strings.Contains(text, want) {
		t.Errorf("no note %q in:\n%s", want, text)
	}
	if strings.Contains(text, "公式") && strings.Contains(text, "没有保存计算结果") {
		t.Errorf("a picture is called a formula without a result:\n%s", text)
	}
}

// A unit that runs out of room writes the rest of an entry's 进展情况 in the
// row below, with no number, node, status or date: that row continues the
// entry above, not a row of its own that matches no milestone and lacks a
// status. A row below a vertically merged 节点 is still its own entry.
func TestReadContinuationRow(t *testing.T) {
	rows := [][]any{
		{"填报单位", "通辽市", "报送期次", "2021年5月下半月"},
		{"序号", "措施编号", "节点", "进展状态", "进展情况", "存在问题"},
		{1, "（一）", "一", "推进中", "储备库已纳入项目 86 个", nil},
		{nil, nil, nil, nil, "（续）其余项目6月底前纳入", "资金不足"},
		{2, "（二）", "二", "推进中", "平台建设中", nil},
		{3, "（三）", nil, "已完成", "已实现", nil},
		{nil, nil, nil, nil, "接口联调中", nil},
	}
	data := workbook(t, map[string][][]any{"Sheet1": rows}, []string{"Sheet1"}, func(f *excelize.File) {
		f.MergeCell("Sheet1", "B6", "B7")
	})
	s, lines := read(t, "通辽市.xlsx", data)
	if s == nil {
		t.Fatalf("nil: %v", lines)
	}
	var got []string
	for _, e := range s.Entries {
		got = append(got, fmt.Sprintf("%d %s %q %q", e.Row, e.No, e.Progress, e.Problems))
	}
	if g, want := strings.Join(got, "\n"), `3 （一） "储备库已纳入项目 86 个\n（续）其余项目6月底前纳入" "资金不足"
5 （二） "平台建设中" ""
6 （三） "已实现" ""
7 （三） "接口联调中" ""`; g != want {
		t.Errorf("entries:\n%s\nwant:\n%s", g, want)
	}
	text := strings.Join(lines, "\n")
	if want := "通辽市.xlsx Sheet1!E4 提示 读取说明：第4行没有措施编号、节点和进展状态，只填了进展情况、存在问题，已接在上一行（第3行，节点 一）之后读取；请把内容合并到第3行"; !strings.Contains(text, want) {
		t.Errorf("no note %q in:\n%s", want, text)
	}
	if strings.Contains(text, "第4行对应不到") || strings.Contains(text, "Sheet1!D4") {
		t.Errorf("row 4 flagged as a row of its own:\n%s", text)
	}
}

// A sheet printed over two pages by copying the title, the header block and
// the column header onto the second page: the repeated 填报单位/报送期次 row
// is the header block again, not a row of progress with the status 填报日期;
// so is the template's second block row (联系人 and 联系电话).
func TestReadHeaderBlockRepeated(t *testing.T) {
	block := []any{"填报单位", "乌海市", "报送期次", "2021年5月下半月", "填报日期", "2021-05-30"}
	head := []any{"序号", "措施编号", "节点", "进展状态", "完成时间", "进展情况"}
	block1 := []any{"填报单位", nil, "乌海市", "报送期次", "2021年5月下半月", "填报日期", "2021-05-30"}
	block2 := []any{"联系人", nil, "郝建军", "联系电话", "0473-1234567"}
	head2 := []any{"措施编号", "节点", "进展状态", "完成时间", "进展情况"}
	for _, c := range []struct {
		rows    [][]any
		entries string
		notes   []string
	}{
		{[][]any{
			{"乌海市工改专项进展情况"}, block, head,
			{1, "（一）", "一", "已完成", "2021-05-28", "已纳入"},
			{2, "（二）", "二", "推进中", nil, "建设中"},
			{"第1页 共2页"},
			{"乌海市工改专项进展情况"}, block, head,
			{3, "（三）", "三.1", "已完成", "2021-03-20", "已实现"},
		}, "4 一, 5 二, 10 三.1", []string{
			"乌海市.xlsx Sheet1!A8 提示 读取说明：第8行是重复的表头（填报单位、报送期次、填报日期），未计入台账",
		}},
		{[][]any{
			block1, block2, head2,
			{"（一）", "一", "已完成", "2021-05-28", "已纳入"},
			block1, block2, head2,
			{"（二）", "二", "推进中", nil, "建设中"},
		}, "4 一, 8 二", []string{
			"乌海市.xlsx Sheet1!A5 提示 读取说明：第5行是重复的表头（填报单位、报送期次、填报日期），未计入台账",
			"乌海市.xlsx Sheet1!A6 提示 读取说明：第6行是重复的表头（联系人、联系电话），未计入台账",
		}},
	} {
		s, lines := read(t, "乌海市.xlsx", workbook(t, map[string][][]any{"Sheet1": c.rows}, []string{"Sheet1"}, nil))
		if s == nil {
			t.Fatalf("nil: %v", lines)
		}
		var got []string
		for _, e := range s.Entries {
			got = append(got, fmt.Sprintf("%d %s", e.Row, e.Milestone))
		}
		text := strings.Join(lines, "\n")
		if g := strings.Join(got, ", "); g != c.entries {
			t.Errorf("entries %s, want %s\n%s", g, c.entries, text)
		}
		for _, want := range c.notes {
			if !strings.Contains(text, want) {
				t.Errorf("no note %q in:\n%s", want, text)
			}
		}
		if strings.Contains(text, "无法识别") || strings.Contains(text, "无法匹配") || strings.Contains(text, "进展状态为空") {
			t.Errorf("a repeated header block row read as an entry:\n%s", text)
		}
	}
}

// A header block below the table naming another unit or period starts
// another table: its rows are not taken for this sheet's, and the unit is
// told to send each table on its own.
func TestReadHeaderBlockOfAnotherTable(t *testing.T) {
	head := []any{"措施编号", "节点", "进展状态", "完成时间", "进展情况"}
	for _, c := range []struct{ own, other []any }{
		{[]any{"填报单位：包头市", nil, "报送期次：2021年5月下半月"}, []any{"填报单位：通辽市", nil, "报送期次：2021年5月上半月"}},
		{[]any{"填报单位", "包头市", "报送期次", "2021年5月下半月"}, []any{"填报单位", "通辽市", "报送期次", "2021年5月上半月"}},
	} {
		rows := [][]any{
			c.own, head,
			{"（一）", "一", "已完成", "2021-05-28", "已纳入"},
			c.other, head,
			{"（一）", "一", "推进中", nil, "通辽市的进展"},
		}
		s, lines := read(t, "包头市.xlsx", workbook(t, map[string][][]any{"Sheet1": rows}, []string{"Sheet1"}, nil))
		if s == nil {
			t.Fatalf("nil: %v", lines)
		}
		if len(s.Entries) != 1 || s.Entries[0].Row != 3 {
			t.Errorf("%q: entries %+v, want only row 3\n%s", c.other, s.Entries, strings.Join(lines, "\n"))
		}
		want := "包头市.xlsx Sheet1!A4 错误 填写有误：第4行起是另一张表（填报单位为通辽市，本表为包头市；报送期次为2021年5月上半月，本表为2021年5月下半月），以下各行未计入本表；请把每个单位、每一期的表分别报送"
		if text := strings.Join(lines, "\n"); !strings.Contains(text, want) {
			t.Errorf("%q: no line %q in:\n%s", c.other, want, text)
		}
	}
}

// A formula whose result is an error value in 进展情况 is not taken for the
// unit's progress without a word: the reader says so, before the texts are
// stowed away from the checks.
func TestReadFormulaErrorInText(t *testing.T) {
	rows := [][]any{
		{"填报单位", "包头市", "报送期次", "2021年5月下半月"},
		{"措施编号", "节点", "进展状态", "进展情况"},
		{"（二）", "二", "推进中", "PH"},
	}
	data := workbook(t, map[string][][]any{"Sheet1": rows}, []string{"Sheet1"}, nil)
	data = rewritePart(t, data, "xl/worksheets/sheet1.xml", func(x string) string {
		i := strings.Index(x, `<c r="D3"`)
		j := i + strings.Index(x[i:], "</c>") + len("</c>")
		return x[:i] + `<c r="D3" t="e"><f>A1/0</f><v>#DIV/0!</v></c>` + x[j:]
	})
	_, lines := read(t, "包头市.xlsx", data)
	if want := "包头市.xlsx Sheet1!D3 错误 填写有误：进展情况（D3）是公式，计算结果为错误值 #DIV/0!；请在 Excel 或 WPS 中改正公式，或直接填写"; !slices.Contains(lines, want) {
		t.Errorf("no line %q in:\n%s", want, strings.Join(lines, "\n"))
	}
	// 问题清单's 节点 column names the entry's node.
	_, fs := ReadSubmission(taizhang.Source{Path: "包头市.xlsx", Name: "包头市.xlsx"}, data, ReadOptions{Programme: builtin(t)})
	if i := slices.IndexFunc(fs, func(f taizhang.Finding) bool { return strings.Contains(f.Message, "#DIV/0!") }); i < 0 || fs[i].Milestone != "二" {
		t.Errorf("the formula error's finding names no node 二: %+v", fs)
	}
}

// Text typed to look like an error value (a string cell "#N/A") is text: no
// "是公式" in the text columns, and the status check says it cannot read it
// (the same value as a real error value, t="e", is a formula error: above).
func TestReadTextLikeErrorValue(t *testing.T) {
	rows := [][]any{
		{"填报单位", "包头市", "报送期次", "2021年5月下半月"},
		{"措施编号", "节点", "进展状态", "进展情况", "存在问题"},
		{"（二）", "二", "#N/A", "已梳理项目", "#N/A"},
		{"（三）", "三.1", "推进中", "已梳理项目", "#REF!"},
	}
	data := workbook(t, map[string][][]any{"Sheet1": rows}, []string{"Sheet1"}, nil)
	data = rewritePart(t, data, "xl/worksheets/sheet1.xml", func(x string) string {
		i := strings.Index(x, `<c r="E4"`)
		j := i + strings.Index(x[i:], "</c>") + len("</c>")
		return x[:i] + `<c r="E4" t="e"><v>#REF!</v></c>` + x[j:]
	})
	s, fs := ReadSubmission(taizhang.Source{Path: "包头市.xlsx", Name: "包头市.xlsx"}, data, ReadOptions{Programme: builtin(t)})
	fs = append(fs, taizhang.Check(builtin(t), s, taizhang.CheckOptions{})...)
	var got []string
	for _, f := range fs {
		if f.Code == taizhang.InvalidValue {
			got = append(got, f.Place.Ref()+" "+f.Message)
		}
	}
	want := []string{
		"Sheet1!A2 缺少“完成时间”列，已完成的节点无法核对完成日期，请按模板恢复该列",
		"Sheet1!E4 存在问题（E4）是公式，计算结果为错误值 #REF!；请在 Excel 或 WPS 中改正公式，或直接填写",
		`Sheet1!C3 进展状态"#N/A"无法识别，请从下拉列表选择 未启动、推进中 或 已完成`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// labelled's first look at each cell (mayStartLabel) lets through every
// label, whatever blanks come first; a row is the header block again only
// when it holds nothing but labels and their values.
func TestBlockRowFirstLook(t *testing.T) {
	for _, row := range [][]string{
		{"填报单位", "乌海市", "报送期次", "2021年5月下半月"},
		{"", "\u3000填报单位：乌海市", "期次：2021年5月下半月"},
		{"\n\u200b报送单位：乌海市 联系人：张三"},
		{"\ufeff 单位名称", "乌海市", "统计期间", "5月"},
		{"\xff填报单位：乌海市 报送期次：2021年5月下半月"},
		{"联系人：张三 填报单位：乌海市"},
	} {
		kvs := labelled(row)
		if len(kvs) < 2 {
			t.Fatalf("%q: labelled found %v; the case is wrong", row, kvs)
		}
		if _, ok := blockRow(row, false); !ok {
			t.Errorf("blockRow(%q) = false; labelled finds %v", row, kvs)
		}
	}
	for _, row := range [][]string{
		{"1", "（一）", "一", "已完成", "2021-05-28", "已纳入"},
		{"", "", "推进中", "按计划推进。填报单位：无"},
		{"填报单位：乌海市", "报送期次：2021年5月下半月", "", "已完成"},
		{"联系人：张三", "联系电话：0472-1234567"}, // not right after a block row
	} {
		if _, ok := blockRow(row, false); ok {
			t.Errorf("blockRow(%q) = true", row)
		}
	}
}

// A second column named as one already read (进展情况 and 具体进展) is kept
// as 【表中其他内容】, with a note saying which column was read as what.
func TestReadSecondColumnOfAField(t *testing.T) {
	rows := [][]any{
		{"包头市工程建设项目审批制度改革专项工作推进情况（2021年4月上半月）"},
		{"措施编号", "节点", "进展状态", "进展情况", "具体进展"},
		{"（一）", "一", "推进中", "已梳理项目", "录入储备库32个"},
	}
	data := workbook(t, map[string][][]any{"Sheet1": rows}, []string{"Sheet1"}, nil)
	s, lines := read(t, "包头市.xlsx", data)
	if s == nil {
		t.Fatalf("nil: %v", lines)
	}
	want := "包头市.xlsx Sheet1!E2 提示 读取说明：E列“具体进展”和D列“进展情况”都是“进展情况”列，已按D列读取进展情况；E列如填有内容，写在汇总台账“进展情况”的【表中其他内容】中"
	if !slices.Contains(lines, want) {
		t.Errorf("missing %q in\n%s", want, strings.Join(lines, "\n"))
	}
	if e := s.Entries[0]; e.Progress != "已梳理项目" || len(e.Extra) != 1 || e.Extra[0] != "具体进展：录入储备库32个" {
		t.Errorf("progress %q, extra %q", e.Progress, e.Extra)
	}
}

// An error value in a status cell merged down over two rows is a formula
// error in both.
func TestReadMergedErrorValue(t *testing.T) {
	rows := [][]any{
		{"填报单位", "包头市", "报送期次", "2021年5月下半月"},
		{"措施编号", "节点", "进展状态", "进展情况", "完成时间"},
		{"（二）", "二", "PH", "已梳理项目", ""},
		{"（三）", "三.1", nil, "已梳理项目", ""},
	}
	data := workbook(t, map[string][][]any{"Sheet1": rows}, []string{"Sheet1"}, func(f *excelize.File) {
		f.MergeCell("Sheet1", "C3", "C4")
	})
	data = rewritePart(t, data, "xl/worksheets/sheet1.xml", func(x string) string {
		i := strings.Index(x, `<c r="C3"`)
		j := i + strings.Index(x[i:], "</c>") + len("</c>")
		return x[:i] + `<c r="C3" t="e"><f>VLOOKUP(A3,X:Y,2,0)</f><v>#N/A</v></c>` + x[j:]
	})
	s, fs := ReadSubmission(taizhang.Source{Path: "包头市.xlsx", Name: "包头市.xlsx"}, data, ReadOptions{Programme: builtin(t)})
	fs = append(fs, taizhang.Check(builtin(t), s, taizhang.CheckOptions{})...)
	var got []string
	for _, f := range fs {
		if f.Code == taizhang.InvalidValue {
			got = append(got, f.Message)
		}
	}
	want := []string{
		"进展状态（C3）是公式，计算结果为错误值 #N/A；请在 Excel 或 WPS 中改正公式，或直接填写",
		"进展状态（C4）是公式，计算结果为错误值 #N/A；请在 Excel 或 WPS 中改正公式，或直接填写",
	}
	if !slices.Equal(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
