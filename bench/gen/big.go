package main

import (
	"archive/zip"
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"strconv"
	"time"

	"taizhang"
	"taizhang/bench/benchdata"
)

// writeBig writes one progress sheet of n entry rows (the template's columns,
// cycling through the unit's milestones) as Excel itself saves a workbook:
// shared strings, dates as serial numbers with a date format. excelize would
// need gigabytes to build it cell by cell, so the parts are written here.
func writeBig(path string, p *taizhang.Programme, unit string, q taizhang.Period, n int, seed uint64) error {
	out, err := os.Create(path)
	if err != nil {
		return err
	}
	defer out.Close()
	bw := bufio.NewWriterSize(out, 1<<20)
	z := zip.NewWriter(bw)
	mod := time.Date(2024, 6, 14, 9, 30, 0, 0, time.UTC)
	part := func(name string) (io.Writer, error) {
		return z.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: mod})
	}
	static := []struct{ name, body string }{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`},
		{"xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="进展情况" sheetId="1" r:id="rId1"/></sheets></workbook>`},
		{"xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`},
		{"xl/styles.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="176" formatCode="yyyy\-mm\-dd"/></numFmts><fonts count="1"><font><sz val="11"/><name val="宋体"/><family val="3"/><charset val="134"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="176" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles></styleSheet>`},
	}
	for _, s := range static {
		w, err := part(s.name)
		if err != nil {
			return err
		}
		if _, err := io.WriteString(w, s.body); err != nil {
			return err
		}
	}

	// The worksheet; strings go to the shared table as they come.
	sst := map[string]int{}
	var strs []string
	total := 0
	str := func(s string) int {
		total++
		if i, ok := sst[s]; ok {
			return i
		}
		sst[s] = len(strs)
		strs = append(strs, s)
		return len(strs) - 1
	}
	w, err := part("xl/worksheets/sheet1.xml")
	if err != nil {
		return err
	}
	sw := bufio.NewWriterSize(w, 1<<16)
	last := 4 + n
	fmt.Fprintf(sw, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><dimension ref="A1:L%d"/><sheetViews><sheetView workbookViewId="0"><pane ySplit="4" topLeftCell="A5" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="13.5"/><cols><col min="9" max="9" width="40" customWidth="1"/></cols><sheetData>`, last)
	type cell struct {
		col string
		v   any // string, float64 (number) or taizhang.Date
	}
	row := func(r int, cells ...cell) {
		fmt.Fprintf(sw, `<row r="%d">`, r)
		for _, c := range cells {
			switch v := c.v.(type) {
			case string:
				if v == "" {
					continue
				}
				fmt.Fprintf(sw, `<c r="%s%d" t="s"><v>%d</v></c>`, c.col, r, str(v))
			case int:
				fmt.Fprintf(sw, `<c r="%s%d"><v>%d</v></c>`, c.col, r, v)
			case taizhang.Date:
				fmt.Fprintf(sw, `<c r="%s%d" s="1"><v>%s</v></c>`, c.col, r, strconv.FormatFloat(v.Serial(), 'f', -1, 64))
			case nil:
			default:
				panic(fmt.Sprintf("cell %T", v))
			}
		}
		sw.WriteString("</row>")
	}
	fl := benchdata.NewFiller(seed, 0, q)
	h := fl.Header()
	filled := h.Filled
	if t, ok := filled.(time.Time); ok {
		filled = taizhang.DateOf(t)
	}
	row(1, cell{"A", p.Name + "进展情况表"})
	row(2, cell{"A", "填报单位"}, cell{"C", unit}, cell{"E", "报送期次"}, cell{"F", q.String()}, cell{"H", "填报日期"}, cell{"I", filled})
	row(3, cell{"A", "联系人"}, cell{"C", h.Contact}, cell{"E", "联系电话"}, cell{"F", h.Phone})
	row(4, cell{"A", "序号"}, cell{"B", "措施编号"}, cell{"C", "整改措施"}, cell{"D", "节点"}, cell{"E", "完成时限"}, cell{"F", "牵头单位"},
		cell{"G", "进展状态"}, cell{"H", "完成时间"}, cell{"I", "进展情况"}, cell{"J", "佐证材料"}, cell{"K", "存在问题"}, cell{"L", "下一步计划"})
	mss := p.UnitMilestones(unit)
	for i := range n {
		ms := mss[i%len(mss)]
		m := p.MeasureOf(ms.Measure)
		e := fl.Entry(ms)
		var completed any = e.Completed
		if t, ok := completed.(time.Time); ok {
			completed = taizhang.DateOf(t)
		}
		row(5+i, cell{"A", i + 1}, cell{"B", m.Label()}, cell{"C", m.Title}, cell{"D", ms.ID + " " + ms.Title}, cell{"E", ms.Deadline}, cell{"F", m.LeadUnit},
			cell{"G", e.Status}, cell{"H", completed}, cell{"I", e.Progress}, cell{"J", e.Evidence}, cell{"K", e.Problems}, cell{"L", e.NextSteps})
	}
	sw.WriteString(`</sheetData><mergeCells count="1"><mergeCell ref="A1:L1"/></mergeCells><pageMargins left="0.4" right="0.4" top="0.5" bottom="0.5" header="0.3" footer="0.3"/></worksheet>`)
	if err := sw.Flush(); err != nil {
		return err
	}

	// The shared strings.
	w, err = part("xl/sharedStrings.xml")
	if err != nil {
		return err
	}
	sw = bufio.NewWriterSize(w, 1<<16)
	fmt.Fprintf(sw, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">`, total, len(strs))
	for _, s := range strs {
		sw.WriteString("<si><t>")
		if err := xml.EscapeText(sw, []byte(s)); err != nil {
			return err
		}
		sw.WriteString("</t></si>")
	}
	sw.WriteString("</sst>")
	if err := sw.Flush(); err != nil {
		return err
	}
	if err := z.Close(); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return out.Close()
}
