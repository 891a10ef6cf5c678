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
func Annotate(w io.Writer, data []byte, password string, sheet string, fs taizhang.Findings) error {
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
				s, err := f.GetStyle(old)
				if err != nil || s == nil {
					s = &excelize.Style{}
				}
				plainColors(s)
				s.Fill = fill(color)
				if id, err = f.NewStyle(s); err != nil {
					return err
				}
				newStyle[key] = id
			}
			if err := f.SetCellStyle(sh, ref, ref, id); err != nil {
				return err
			}
		}
		text := strings.Join(lines, "\n")
		if err := f.AddComment(sh, excelize.Comment{Author: "taizhang", Cell: ref, Text: text, Width: 320, Height: uint(60 + 30*len(lines))}); err != nil {
			return fmt.Errorf("批注 %s!%s：%w", sh, ref, err)
		}
	}
	_, err = f.WriteTo(w)
	return err
}

// plainColors rewrites the colours of a style read with GetStyle as NewStyle
// takes them, six hex digits: GetStyle hands back an ARGB value whose alpha
// is not FF (00000000, as openpyxl writes black) with all eight, to which
// NewStyle would add FF again, writing a colour no program accepts. A colour
// that is not hex is dropped.
func plainColors(s *excelize.Style) {
	if s.Font != nil {
		s.Font.Color = rgb6(s.Font.Color)
	}
	for i := range s.Border {
		s.Border[i].Color = rgb6(s.Border[i].Color)
	}
	for i := range s.Fill.Color {
		s.Fill.Color[i] = rgb6(s.Fill.Color[i])
	}
}

// rgb6 returns the RRGGBB part of an RRGGBB or AARRGGBB colour, or "".
func rgb6(c string) string {
	c = strings.TrimPrefix(c, "#")
	for _, r := range c {
		if !('0' <= r && r <= '9' || 'a' <= r && r <= 'f' || 'A' <= r && r <= 'F') {
			return ""
		}
	}
	switch len(c) {
	case 6:
		return c
	case 8:
		return c[2:]
	}
	return ""
}
