package xlsx

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/xuri/excelize/v2"

	"taizhang"
)

// Annotate writes a copy of the workbook in data with every cell that has a
// finding filled red (错误) or yellow (警告) and commented with what to
// change; 提示 are commented only. Findings without a cell are gathered in a
// comment on the sheet's first cell. The findings must belong to this file.
// The copy is an ordinary .xlsx even when data is a .xlsm, a template or a
// Strict Open XML workbook.
func Annotate(w io.Writer, data []byte, password string, sheet string, fs taizhang.Findings) error {
	data = plainWorkbook(data)
	// The unit's own comments are taken out and written back below, those
	// on a cell with a finding after what to change.
	var own map[string][]excelize.Comment
	if bare, ok := withoutComments(data); ok {
		// Only when they could be read: else the copy keeps them where they are.
		if own = comments(data, password); own != nil {
			data = bare
		}
	}
	f, err := open(data, password)
	if err != nil {
		return err
	}
	defer f.Close()
	if sheet == "" {
		sheet = f.GetSheetName(0)
	}
	byCell := map[string][]taizhang.Finding{}
	for _, x := range fs {
		sh, ref := x.Place.Sheet, x.Place.Cell
		if sh == "" {
			sh = sheet
		}
		if ref == "" {
			ref = "A1"
		}
		if idx, err := f.GetSheetIndex(sh); err != nil || idx < 0 {
			sh = sheet
		}
		byCell[sh+"!"+ref] = append(byCell[sh+"!"+ref], x)
	}
	keys := make([]string, 0, len(byCell))
	for k := range byCell {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	before := map[string]string{} // the unit's comment on a cell with a finding
	for sh, cs := range own {
		for _, c := range cs {
			if _, ok := byCell[sh+"!"+c.Cell]; ok {
				before[sh+"!"+c.Cell] = "（原批注）" + commentText(c)
				continue
			}
			c.Text, c.Paragraph = commentBody(c), nil
			if err := f.AddComment(sh, c); err != nil {
				return fmt.Errorf("无法在 %s!%s 加批注（%s）", sh, c.Cell, excelizeError(err))
			}
		}
	}
	newStyle := map[[2]int]int{}
	for _, k := range keys {
		sh, ref, _ := strings.Cut(k, "!")
		list := byCell[k]
		worst := taizhang.Info
		var lines []string
		for _, x := range list {
			worst = max(worst, x.Severity)
			lines = append(lines, fmt.Sprintf("【%s】%s：%s", x.Severity, x.Code.Label(), x.Message))
		}
		color := ""
		switch worst {
		case taizhang.Error:
			color = colorRed
		case taizhang.Warning:
			color = colorYellow
		}
		if color != "" {
			old, err := f.GetCellStyle(sh, ref)
			if err != nil {
				return err
			}
			key := [2]int{old, int(worst)}
			id, ok := newStyle[key]
			if !ok {
				if id, err = withFill(f, old, color); err != nil {
					return err
				}
				newStyle[key] = id
			}
			if err := f.SetCellStyle(sh, ref, ref, id); err != nil {
				return err
			}
		}
		if b, ok := before[k]; ok {
			lines = append(lines, b)
		}
		text := strings.Join(lines, "\n")
		if err := f.AddComment(sh, excelize.Comment{Author: "taizhang", Cell: ref, Text: text, Width: 320, Height: uint(60 + 30*len(lines))}); err != nil {
			return fmt.Errorf("无法在 %s!%s 加批注（%s）", sh, ref, excelizeError(err))
		}
	}
	_, err = f.WriteTo(w)
	return err
}

// withFill adds a cell format that is the format old with a solid fill of
// color (RRGGBB) and returns its index. The font, border, number format and
// alignment of old are kept as they are stored rather than read back with
// GetStyle and written anew, which loses theme and indexed colours and
// writes empty ones (<color rgb="FF">) that Excel repairs and openpyxl
// refuses.
func withFill(f *excelize.File, old int, color string) (int, error) {
	before := -1
	if f.Styles != nil && f.Styles.CellXfs != nil {
		before = len(f.Styles.CellXfs.Xf)
	}
	tmp, err := f.NewStyle(&excelize.Style{Fill: fill(color)})
	if err != nil {
		return 0, err
	}
	xfs := f.Styles.CellXfs
	if old < 0 || old >= len(xfs.Xf) || tmp >= len(xfs.Xf) || xfs.Xf[tmp].FillID == nil {
		return tmp, nil
	}
	fillID, apply := *xfs.Xf[tmp].FillID, true
	xf := xfs.Xf[old]
	xf.FillID, xf.ApplyFill = &fillID, &apply
	if before >= 0 && tmp >= before {
		// The format NewStyle just made is used by no cell: take its place.
		xfs.Xf[tmp] = xf
		return tmp, nil
	}
	if len(xfs.Xf) >= excelize.MaxCellStyles {
		return 0, excelize.ErrCellStyles
	}
	xfs.Xf = append(xfs.Xf, xf)
	xfs.Count = len(xfs.Xf)
	return len(xfs.Xf) - 1, nil
}

// comments returns the comments of each sheet of the workbook in data, by
// sheet name; nil when they cannot all be read.
func comments(data []byte, password string) map[string][]excelize.Comment {
	f, err := open(data, password)
	if err != nil {
		return nil
	}
	defer f.Close()
	out := map[string][]excelize.Comment{}
	for _, sh := range f.GetSheetList() {
		cs, err := f.GetComments(sh)
		if err != nil {
			return nil
		}
		if len(cs) > 0 {
			out[sh] = cs
		}
	}
	return out
}

// commentBody returns a comment's text, its rich-text runs joined.
func commentBody(c excelize.Comment) string {
	text := c.Text
	for _, r := range c.Paragraph {
		text += r.Text
	}
	return text
}

// commentText returns a comment as 作者：text, or its text alone when it has
// no author.
func commentText(c excelize.Comment) string {
	if a := strings.TrimSpace(c.Author); a != "" && a != "Author" {
		return a + "：" + commentBody(c)
	}
	return commentBody(c)
}
