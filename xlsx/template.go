package xlsx

import (
	"fmt"
	"io"
	"math"
	"time"

	"github.com/xuri/excelize/v2"

	"taizhang"
)

// TemplateName returns the file name of a unit's blank sheet for a period,
// such as 包头市_2021年4月上半月_进展情况表.xlsx.
func TemplateName(unit string, q taizhang.Period) string {
	return fmt.Sprintf("%s_%s_进展情况表.xlsx", unit, q)
}

// WriteTemplate writes the blank progress sheet of unit for period q: a header
// block, one locked pre-filled row per milestone the unit must report, the
// columns the unit fills (with a status drop-down and date validation), a
// 填报说明 sheet, and the unit and period stored in a very hidden sheet. The
// workbook is dated now (the current time when zero).
func WriteTemplate(w io.Writer, p *taizhang.Programme, unit string, q taizhang.Period, now time.Time) error {
	if p.Unit(unit) == nil {
		return fmt.Errorf("单位%q不在方案的填报单位中", unit)
	}
	f := excelize.NewFile()
	defer f.Close()
	st := newStyles(f)
	sh := SheetProgress
	if err := f.SetSheetName("Sheet1", sh); err != nil {
		return err
	}
	ncol := len(templateColumns)
	last := col(ncol)
	mss := p.UnitMilestones(unit)
	lastRow := firstEntryRow + len(mss) - 1

	title := st.get("title", &excelize.Style{Font: font(16, true), Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}})
	label := st.get("label", &excelize.Style{Font: font(11, true), Alignment: &excelize.Alignment{Horizontal: "right", Vertical: "center"}})
	given := st.get("given", &excelize.Style{Font: font(11, false), Alignment: &excelize.Alignment{Vertical: "center"}, Border: bottomLine(), Protection: &excelize.Protection{Locked: true}})
	input := st.get("input", &excelize.Style{Font: font(11, false), Alignment: &excelize.Alignment{Vertical: "center"}, Border: bottomLine(), Protection: &excelize.Protection{Locked: false}})
	inputDate := st.get("inputDate", &excelize.Style{Font: font(11, false), Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "center"}, Border: bottomLine(), CustomNumFmt: ptr("yyyy-mm-dd"), Protection: &excelize.Protection{Locked: false}})
	head := st.get("head", &excelize.Style{Font: font(11, true), Fill: fill(colorHeader), Border: thin, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}, Protection: &excelize.Protection{Locked: true}})
	headFill := st.get("headFill", &excelize.Style{Font: font(11, true), Fill: fill(colorYellow), Border: thin, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}, Protection: &excelize.Protection{Locked: true}})
	locked := st.get("locked", &excelize.Style{Font: font(11, false), Fill: fill(colorLocked), Border: thin, Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}, Protection: &excelize.Protection{Locked: true}})
	lockedC := st.get("lockedC", &excelize.Style{Font: font(11, false), Fill: fill(colorLocked), Border: thin, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "top", WrapText: true}, Protection: &excelize.Protection{Locked: true}})
	lockedDate := st.get("lockedDate", &excelize.Style{Font: font(11, false), Fill: fill(colorLocked), Border: thin, CustomNumFmt: ptr("yyyy-mm-dd"), Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "top"}, Protection: &excelize.Protection{Locked: true}})
	open := st.get("open", &excelize.Style{Font: font(11, false), Border: thin, Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}, Protection: &excelize.Protection{Locked: false}})
	openC := st.get("openC", &excelize.Style{Font: font(11, false), Border: thin, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "top"}, Protection: &excelize.Protection{Locked: false}})
	openDate := st.get("openDate", &excelize.Style{Font: font(11, false), Border: thin, CustomNumFmt: ptr("yyyy-mm-dd"), Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "top"}, Protection: &excelize.Protection{Locked: false}})
	if st.err != nil {
		return st.err
	}

	var errs []error
	try := func(err error) {
		if err != nil {
			errs = append(errs, err)
		}
	}
	set := func(ref string, v any, style int) {
		try(f.SetCellValue(sh, ref, v))
		try(f.SetCellStyle(sh, ref, ref, style))
	}
	// Title.
	name := p.Name
	if name == "" {
		name = "专项工作"
	}
	set("A1", name+"进展情况表", title)
	try(f.MergeCell(sh, "A1", last+"1"))
	try(f.SetRowHeight(sh, 1, 30))
	// Header block: label and value cells, merged where a column is too narrow.
	due := p.DueDate(q)
	block := []struct {
		label, value [2]string // first and last cell
		text         string
		v            any
		style        int
	}{
		{[2]string{"A2", "B2"}, [2]string{"C2", "D2"}, "填报单位", unit, given},
		{[2]string{"E2", "E2"}, [2]string{"F2", "G2"}, "报送期次", q.String(), given},
		{[2]string{"H2", "H2"}, [2]string{"I2", "I2"}, "填报日期", nil, inputDate},
		{[2]string{"J2", "J2"}, [2]string{"K2", "L2"}, "报送截止", due.Time(), st.get("dueDate", &excelize.Style{Font: font(11, false), Border: bottomLine(), CustomNumFmt: ptr("yyyy-mm-dd"), Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "center"}})},
		{[2]string{"A3", "B3"}, [2]string{"C3", "D3"}, "联系人", nil, input},
		{[2]string{"E3", "E3"}, [2]string{"F3", "G3"}, "联系电话", nil, input},
	}
	for _, b := range block {
		set(b.label[0], b.text, label)
		try(f.SetCellStyle(sh, b.label[0], b.label[1], label))
		if b.label[0] != b.label[1] {
			try(f.MergeCell(sh, b.label[0], b.label[1]))
		}
		set(b.value[0], b.v, b.style)
		try(f.SetCellStyle(sh, b.value[0], b.value[1], b.style))
		if b.value[0] != b.value[1] {
			try(f.MergeCell(sh, b.value[0], b.value[1]))
		}
	}
	try(f.SetRowHeight(sh, 2, 22))
	try(f.SetRowHeight(sh, 3, 22))
	// Column headers.
	for i, fl := range templateColumns {
		s := head
		if !prefilled(fl) {
			s = headFill
		}
		set(cell(i+1, headerRow), fl.String(), s)
		try(f.SetColWidth(sh, col(i+1), col(i+1), templateWidths[fl]))
	}
	try(f.SetRowHeight(sh, headerRow, 24))
	// One row per milestone.
	for i, ms := range mss {
		r := firstEntryRow + i
		m := p.MeasureOf(ms.Measure)
		node := ms.ID + " " + ms.Title
		values := map[taizhang.Field]any{
			taizhang.FieldSeq: i + 1, taizhang.FieldNo: m.Label(), taizhang.FieldMeasure: m.Title,
			taizhang.FieldNode: node, taizhang.FieldDeadline: ms.Deadline.Time(), taizhang.FieldLead: m.LeadUnit,
		}
		lines := 1
		for j, fl := range templateColumns {
			ref := cell(j+1, r)
			var s int
			switch {
			case fl == taizhang.FieldDeadline:
				s = lockedDate
			case fl == taizhang.FieldSeq || fl == taizhang.FieldNo:
				s = lockedC
			case prefilled(fl):
				s = locked
			case fl == taizhang.FieldStatus:
				s = openC
			case fl == taizhang.FieldCompleted:
				s = openDate
			default:
				s = open
			}
			if v, ok := values[fl]; ok {
				set(ref, v, s)
				if t, ok := v.(string); ok {
					lines = max(lines, wrappedLines(t, templateWidths[fl]))
				}
			} else {
				try(f.SetCellStyle(sh, ref, ref, s))
			}
		}
		try(f.SetRowHeight(sh, r, math.Max(40, float64(lines)*15+6)))
	}
	// Validation: status drop-down, date cells.
	colOf := func(fl taizhang.Field) string {
		for i, x := range templateColumns {
			if x == fl {
				return col(i + 1)
			}
		}
		return ""
	}
	if len(mss) > 0 {
		sc := colOf(taizhang.FieldStatus)
		dv := excelize.NewDataValidation(true)
		dv.SetSqref(fmt.Sprintf("%s%d:%s%d", sc, firstEntryRow, sc, lastRow))
		try(dv.SetDropList([]string{"未启动", "推进中", "已完成"}))
		dv.SetInput("进展状态", "请从下拉列表选择：未启动、推进中、已完成")
		dv.SetError(excelize.DataValidationErrorStyleStop, "进展状态", "请从下拉列表选择：未启动、推进中、已完成")
		try(f.AddDataValidation(sh, dv))
		cc := colOf(taizhang.FieldCompleted)
		dd := excelize.NewDataValidation(true)
		dd.SetSqref(fmt.Sprintf("%s%d:%s%d", cc, firstEntryRow, cc, lastRow))
		try(dd.SetRange(taizhang.Date{Year: 2000, Month: 1, Day: 1}.Serial(), taizhang.Date{Year: 2099, Month: 12, Day: 31}.Serial(), excelize.DataValidationTypeDate, excelize.DataValidationOperatorBetween))
		dd.SetInput("完成时间", "已完成的请填写实际完成日期，如 2021-05-31；未完成的请留空")
		dd.SetError(excelize.DataValidationErrorStyleStop, "完成时间", "请填写日期，如 2021-05-31")
		try(f.AddDataValidation(sh, dd))
	}
	fd := excelize.NewDataValidation(true)
	fd.SetSqref(filledCell)
	try(fd.SetRange(taizhang.Date{Year: 2000, Month: 1, Day: 1}.Serial(), taizhang.Date{Year: 2099, Month: 12, Day: 31}.Serial(), excelize.DataValidationTypeDate, excelize.DataValidationOperatorBetween))
	fd.SetInput("填报日期", "请填写报送日期，如 "+q.End().String())
	fd.SetError(excelize.DataValidationErrorStyleStop, "填报日期", "请填写日期，如 "+q.End().String())
	try(f.AddDataValidation(sh, fd))
	// View, print set-up, protection.
	try(f.SetPanes(sh, &excelize.Panes{Freeze: true, YSplit: headerRow, TopLeftCell: cell(1, firstEntryRow), ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: filledCell, ActiveCell: filledCell, Pane: "topLeft"}}}))
	try(printSetup(f, sh, 9, fmt.Sprintf("$1:$%d", headerRow), ""))
	try(f.ProtectSheet(sh, &excelize.SheetProtectionOptions{
		SelectLockedCells: true, SelectUnlockedCells: true, FormatCells: true, FormatColumns: true, FormatRows: true,
	}))
	try(writeHelp(f, st, p, unit, q, len(mss)))
	// The invisible mark: unit and period survive edits of the visible cells.
	if _, err := f.NewSheet(sheetMark); err != nil {
		return err
	}
	for i, kv := range [][2]string{{"tag", markTag}, {"unit", unit}, {"period", q.Code()}, {"name", q.String()}} {
		try(f.SetCellStr(sheetMark, cell(1, i+1), kv[0]))
		try(f.SetCellStr(sheetMark, cell(2, i+1), kv[1]))
	}
	try(f.SetSheetVisible(sheetMark, false, true))
	f.SetActiveSheet(0)
	try(stamp(f, now, excelize.DocProperties{Title: TemplateName(unit, q), Subject: q.String(), Category: "进展情况表", Keywords: unit + " " + q.Code()}))
	try(f.SetSheetDimension(sh, fmt.Sprintf("A1:%s%d", last, max(lastRow, headerRow))))
	if len(errs) > 0 {
		return fmt.Errorf("生成模板：%w", errs[0])
	}
	_, err := f.WriteTo(w)
	return err
}

// prefilled reports whether the template fills and locks the column.
func prefilled(f taizhang.Field) bool { return f <= taizhang.FieldLead }

func bottomLine() []excelize.Border {
	return []excelize.Border{{Type: "bottom", Color: "808080", Style: 1}}
}

// printSetup sets a filter over filterRange (none when ""), A4 (size 9) or A3
// (size 8) landscape, fit to one page wide, and repeats the given rows (e.g.
// "$1:$4") on every page. The filter comes first: excelize's AutoFilter
// replaces the sheet properties that hold the fit-to-page flag.
func printSetup(f *excelize.File, sh string, size int, titleRows, filterRange string) error {
	if filterRange != "" {
		if err := f.AutoFilter(sh, filterRange, nil); err != nil {
			return err
		}
	}
	if err := f.SetPageLayout(sh, &excelize.PageLayoutOptions{Size: ptr(size), Orientation: ptr("landscape"), FitToWidth: ptr(1), FitToHeight: ptr(0)}); err != nil {
		return err
	}
	if err := f.SetSheetProps(sh, &excelize.SheetPropsOptions{FitToPage: ptr(true)}); err != nil {
		return err
	}
	if err := f.SetPageMargins(sh, &excelize.PageLayoutMarginsOptions{Left: ptr(0.4), Right: ptr(0.4), Top: ptr(0.5), Bottom: ptr(0.5), Header: ptr(0.3), Footer: ptr(0.3)}); err != nil {
		return err
	}
	if err := f.SetHeaderFooter(sh, &excelize.HeaderFooterOptions{OddFooter: "&C第 &P 页，共 &N 页"}); err != nil {
		return err
	}
	return f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: fmt.Sprintf("'%s'!%s", sh, titleRows), Scope: sh})
}

// writeHelp adds the 填报说明 sheet.
func writeHelp(f *excelize.File, st *styles, p *taizhang.Programme, unit string, q taizhang.Period, rows int) error {
	sh := SheetHelp
	if _, err := f.NewSheet(sh); err != nil {
		return err
	}
	due := p.DueDate(q)
	items := [][2]string{
		{"列", "填写说明"},
		{"填报单位、报送期次", fmt.Sprintf("已预先填好（%s，%s），请勿改动。本表应于 %s 前报送%s。", unit, q, due.Chinese(), p.Office)},
		{"填报日期", "填写报送本表的日期，如 " + q.End().String() + "。"},
		{"联系人、联系电话", "填写本表的联系人及其电话，便于专班核实情况。"},
		{"序号、措施编号、整改措施、节点、完成时限、牵头单位", fmt.Sprintf("按方案预先填好（共%d项），已锁定，请勿改动、删除或调整顺序。", rows)},
		{"进展状态", "从下拉列表选择：未启动、推进中、已完成。每一行都必须选择。"},
		{"完成时间", "进展状态为“已完成”的，填写实际完成日期，如 2021-05-31；未完成的请留空。"},
		{"进展情况", "简要写明本期推进的具体工作和取得的成效，注意用数据说话。"},
		{"佐证材料", "列出可以证明进展的文件、网址或截图名称；材料随本表一并报送。"},
		{"存在问题", "写明推进中遇到的困难和问题；已过完成时限仍未完成的，必须说明原因。"},
		{"下一步计划", "写明下一步的工作安排和预计完成时间。"},
		{"校验", "报送前可用 taizhang validate 文件名 自行检查，按提示修改后再报送。"},
	}
	head := st.get("helpHead", &excelize.Style{Font: font(11, true), Fill: fill(colorHeader), Border: thin, Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}})
	body := st.get("helpBody", &excelize.Style{Font: font(11, false), Border: thin, Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}})
	for i, it := range items {
		r := i + 1
		s := body
		if i == 0 {
			s = head
		}
		for j, v := range it {
			ref := cell(j+1, r)
			if err := f.SetCellStr(sh, ref, v); err != nil {
				return err
			}
			if err := f.SetCellStyle(sh, ref, ref, s); err != nil {
				return err
			}
		}
		if err := f.SetRowHeight(sh, r, float64(max(wrappedLines(it[0], 24), wrappedLines(it[1], 70)))*15+6); err != nil {
			return err
		}
	}
	if err := f.SetColWidth(sh, "A", "A", 24); err != nil {
		return err
	}
	if err := f.SetColWidth(sh, "B", "B", 70); err != nil {
		return err
	}
	return printSetup(f, sh, 9, "$1:$1", "")
}
