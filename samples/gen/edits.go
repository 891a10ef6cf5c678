package main

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"taizhang"
	"taizhang/xlsx"
)

// completedText types 完成时间 of milestone id as text (2021年3月26日, 4月28日…).
func completedText(id, text string) edit {
	return edit{data: func(s *sheet) { s.row(id).completed = text }}
}

// statusText writes a status the drop-down does not offer (pasted in), or none.
func statusText(id, text string) edit {
	return edit{data: func(s *sheet) { s.row(id).status = text }}
}

// filledText types 填报日期 as text.
func filledText(text string) edit {
	return edit{data: func(s *sheet) { s.filled = text }}
}

// filledOn sets 填报日期 to 2021-MM-DD.
func filledOn(mmdd string) edit {
	return edit{data: func(s *sheet) { s.filled = day(mmdd) }}
}

// noFilled leaves 填报日期 empty.
func noFilled() edit {
	return edit{data: func(s *sheet) { s.filled = nil }}
}

// setText replaces one column of milestone id's row.
func setText(id, column, text string) edit {
	return edit{data: func(s *sheet) {
		r := s.row(id)
		switch column {
		case "完成时间":
			if text == "" {
				r.completed = nil
			} else {
				r.completed = text
			}
		case "进展情况":
			r.progress = text
		case "佐证材料":
			r.evidence = text
		case "存在问题":
			r.problems = text
		case "下一步计划":
			r.nextSteps = text
		default:
			panic("setText: no column " + column)
		}
	}}
}

// setTexts replaces 进展情况, 存在问题 and 下一步计划 of milestone id's row.
func setTexts(id, progress, problems, next string) edit {
	return edit{data: func(s *sheet) {
		r := s.row(id)
		r.progress, r.problems, r.nextSteps = progress, problems, next
	}}
}

// clear empties one column of milestone id's row.
func clear(id, column string) edit { return setText(id, column, "") }

// synonyms writes every status in other words (已办结 for 已完成 …).
func synonyms(words map[string]string) edit {
	return edit{data: func(s *sheet) {
		for i := range s.rows {
			if w, ok := words[s.rows[i].status]; ok {
				s.rows[i].status = w
			}
		}
	}}
}

// mergeMeasure merges the 措施编号 and 整改措施 cells over the rows of
// measure no (三), as people do for a measure with several milestones.
func mergeMeasure(no string) edit {
	return edit{book: func(b *book) error {
		first, last := 0, 0
		for _, r := range b.s.rows {
			if taizhang.ChineseNumber(r.ms.Measure) == no {
				n := b.rowOf(r.ms.ID)
				if first == 0 {
					first = n
				}
				last = n
			}
		}
		if err := b.f.UnprotectSheet(b.sh); err != nil {
			return err
		}
		for _, c := range []string{"B", "C"} {
			for n := first + 1; n <= last; n++ {
				if err := b.f.SetCellValue(b.sh, fmt.Sprintf("%s%d", c, n), nil); err != nil {
					return err
				}
			}
			if err := b.f.MergeCell(b.sh, fmt.Sprintf("%s%d", c, first), fmt.Sprintf("%s%d", c, last)); err != nil {
				return err
			}
		}
		return nil
	}}
}

// deleteRow deletes milestone id's row (漏报). It must be the last edit.
func deleteRow(id string) edit {
	return edit{book: func(b *book) error {
		if err := b.f.UnprotectSheet(b.sh); err != nil {
			return err
		}
		return b.f.RemoveRow(b.sh, b.rowOf(id))
	}}
}

// renameHeaders renames column headers: pairs of template name, new name.
func renameHeaders(pairs ...string) edit {
	return edit{book: func(b *book) error {
		if err := b.f.UnprotectSheet(b.sh); err != nil {
			return err
		}
		for i := 0; i+1 < len(pairs); i += 2 {
			c, ok := templateCol[pairs[i]]
			if !ok {
				return fmt.Errorf("renameHeaders: no column %s", pairs[i])
			}
			if err := b.f.SetCellStr(b.sh, c+"4", pairs[i+1]); err != nil {
				return err
			}
		}
		return nil
	}}
}

// footer moves 联系人 and 联系电话 out of the header block into a line
// below the table.
func footer(text string) edit {
	return edit{
		data: func(s *sheet) { s.contact, s.phone = "", "" },
		book: func(b *book) error {
			if err := b.f.UnprotectSheet(b.sh); err != nil {
				return err
			}
			n := firstRow + len(b.s.rows) + 1
			ref := fmt.Sprintf("A%d", n)
			if err := b.f.SetCellStr(b.sh, ref, text); err != nil {
				return err
			}
			return b.f.MergeCell(b.sh, ref, fmt.Sprintf("F%d", n))
		},
	}
}

// extraRow adds a row below the table for work that is not in the programme.
func extraRow(measure, node, status, progress string) edit {
	return edit{book: func(b *book) error {
		if err := b.f.UnprotectSheet(b.sh); err != nil {
			return err
		}
		last := firstRow + len(b.s.rows) - 1
		if err := b.f.DuplicateRowTo(b.sh, last, last+1); err != nil {
			return err
		}
		values := []any{len(b.s.rows) + 1, nil, measure, node, nil, nil, status, nil, progress, nil, nil, nil}
		for i, v := range values {
			if err := b.f.SetCellValue(b.sh, fmt.Sprintf("%c%d", 'A'+i, last+1), v); err != nil {
				return err
			}
		}
		return nil
	}}
}

// noteSheet puts a 说明 sheet first: a cover note before the table.
func noteSheet() edit {
	return edit{book: func(b *book) error {
		s := b.s
		const sh = "说明"
		if _, err := b.f.NewSheet(sh); err != nil {
			return err
		}
		lines := []string{
			fmt.Sprintf("关于报送%s深化工程建设项目审批制度改革专项工作%s进展情况的说明", s.unit.place, strings.TrimPrefix(s.q.String(), "2021年")),
			"自治区专项推进工作专班：",
			fmt.Sprintf("　　按照《关于贯彻落实党中央决策部署 深化工程建设项目审批制度改革专项工作推进方案》（内工改办〔2021〕29号）要求，现将我市%s整改工作进展情况报送如下，详见“进展情况”工作表。", s.q.Suffix()),
			"　　本期区域评估事项清单和技术标准已印发，工程审批系统接入“蒙速办”APP工作已启动。",
			fmt.Sprintf("　　联系人：%s，联系电话：%s。", s.unit.contact, s.unit.phone),
			fmt.Sprintf("%s工程建设项目审批制度改革工作领导小组办公室", s.unit.place),
		}
		for i, l := range lines {
			if err := b.f.SetCellStr(sh, fmt.Sprintf("A%d", i+1), l); err != nil {
				return err
			}
		}
		if err := b.f.SetColWidth(sh, "A", "A", 100); err != nil {
			return err
		}
		if err := b.f.MoveSheet(sh, b.sh); err != nil {
			return err
		}
		b.f.SetActiveSheet(0)
		return nil
	}}
}

// writeOwn writes the sheet in a unit's own layout rather than the
// template: another title and header block, no 完成时限 or 牵头单位, the
// columns renamed and reordered, dates typed as text, contacts in a footer.
func writeOwn(s *sheet) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	const sh = "Sheet1"
	var errs []error
	try := func(err error) {
		if err != nil {
			errs = append(errs, err)
		}
	}
	set := func(ref string, v any) { try(f.SetCellValue(sh, ref, v)) }
	style := func(st *excelize.Style) int {
		id, err := f.NewStyle(st)
		try(err)
		return id
	}
	border := []excelize.Border{{Type: "left", Color: "000000", Style: 1}, {Type: "right", Color: "000000", Style: 1}, {Type: "top", Color: "000000", Style: 1}, {Type: "bottom", Color: "000000", Style: 1}}
	title := style(&excelize.Style{Font: &excelize.Font{Family: "方正小标宋简体", Size: 18}, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}})
	head := style(&excelize.Style{Font: &excelize.Font{Family: "黑体", Size: 12}, Border: border, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}})
	body := style(&excelize.Style{Font: &excelize.Font{Family: "仿宋_GB2312", Size: 12}, Border: border, Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}})
	date := style(&excelize.Style{Font: &excelize.Font{Family: "仿宋_GB2312", Size: 12}, Border: border, CustomNumFmt: ptr("yyyy\"年\"m\"月\"d\"日\""), Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}})

	headers := []string{"序号", "任务编号", "重点任务", "工作进展", "完成日期", "状态", "存在的问题", "下步打算", "佐证材料"}
	widths := []float64{6, 10, 24, 60, 16, 10, 30, 30, 24}
	last := string(rune('A' + len(headers) - 1))
	set("A1", fmt.Sprintf("%s深化工程建设项目审批制度改革专项工作推进情况表", s.unit.place))
	try(f.MergeCell(sh, "A1", last+"1"))
	try(f.SetCellStyle(sh, "A1", "A1", title))
	try(f.SetRowHeight(sh, 1, 36))
	filled := ""
	switch d := s.filled.(type) {
	case taizhang.Date:
		filled = fmt.Sprintf("%d年%d月%d日", d.Year, d.Month, d.Day)
	case string:
		filled = d
	}
	set("A2", "填报单位："+s.unit.place+"工改办")
	try(f.MergeCell(sh, "A2", "C2"))
	set("D2", "报送期次："+s.q.String())
	set("G2", "填报日期："+filled)
	try(f.MergeCell(sh, "G2", "H2"))
	for i, h := range headers {
		ref := fmt.Sprintf("%c3", 'A'+i)
		set(ref, h)
		try(f.SetCellStyle(sh, ref, ref, head))
		col := string(rune('A' + i))
		try(f.SetColWidth(sh, col, col, widths[i]))
	}
	for i, r := range s.rows {
		n := 4 + i
		var completed any
		switch d := r.completed.(type) {
		case taizhang.Date:
			if s.k < 2 {
				completed = fmt.Sprintf("%d.%d.%d", d.Year, d.Month, d.Day) // typed as text
			} else {
				completed = d.Time()
			}
		case string:
			completed = d
		}
		task := r.ms.Title
		if len(r.measure.Milestones) == 1 {
			task = r.measure.Title
		}
		try(f.SetRowHeight(sh, n, 96))
		values := []any{i + 1, ownNumber(r.ms, s.k), task, r.progress, completed, r.status, r.problems, r.nextSteps, r.evidence}
		for j, v := range values {
			ref := fmt.Sprintf("%c%d", 'A'+j, n)
			if v != nil && v != "" {
				set(ref, v)
			}
			st := body
			if j == 4 {
				st = date
			}
			try(f.SetCellStyle(sh, ref, ref, st))
		}
	}
	foot := 4 + len(s.rows) + 1
	set(fmt.Sprintf("A%d", foot), fmt.Sprintf("联系人：%s　　联系电话：%s", s.contact, s.phone))
	try(f.SetRowHeight(sh, 3, 30))
	try(f.SetPageLayout(sh, &excelize.PageLayoutOptions{Size: ptr(9), Orientation: ptr("landscape"), FitToWidth: ptr(1), FitToHeight: ptr(0)}))
	try(f.SetSheetProps(sh, &excelize.SheetPropsOptions{FitToPage: ptr(true)}))
	try(f.SetPanes(sh, &excelize.Panes{Freeze: true, YSplit: 3, TopLeftCell: "A4", ActivePane: "bottomLeft"}))
	try(f.SetSheetDimension(sh, fmt.Sprintf("A1:%s%d", last, foot)))
	try(stamp(f, s, s.contact))
	if len(errs) > 0 {
		return nil, errs[0]
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// ownNumber writes a milestone number as 鄂尔多斯 does: （三）1 in April,
// 3-1 from May when another clerk took over.
func ownNumber(ms *taizhang.Milestone, k int) string {
	if k < 2 {
		if ms.Sub == 0 {
			return "（" + taizhang.ChineseNumber(ms.Measure) + "）"
		}
		return fmt.Sprintf("（%s）%d", taizhang.ChineseNumber(ms.Measure), ms.Sub)
	}
	if ms.Sub == 0 {
		return fmt.Sprint(ms.Measure)
	}
	return fmt.Sprintf("%d-%d", ms.Measure, ms.Sub)
}

func ptr[T any](v T) *T { return &v }

// anonymous copies the table into a new workbook, as people do to get rid
// of the protection: 填报单位 is left empty, and the template's hidden mark,
// its 填报说明 sheet and its document properties are gone.
func anonymous() edit {
	return edit{book: func(b *book) error {
		if err := b.f.UnprotectSheet(b.sh); err != nil {
			return err
		}
		if err := b.f.SetCellValue(b.sh, "C2", nil); err != nil {
			return err
		}
		for _, sh := range []string{"_taizhang", xlsx.SheetHelp} {
			if err := b.f.DeleteSheet(sh); err != nil {
				return err
			}
		}
		b.f.SetActiveSheet(0)
		return b.f.SetDocProps(&excelize.DocProperties{Creator: b.s.contact})
	}}
}
