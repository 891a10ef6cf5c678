package xlsx

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"taizhang"
)

// Sheet names and columns of the programme workbook (SPEC §4).
const (
	sheetMeasures = "措施"
	sheetUnits    = "单位"
	sheetSettings = "设置"
)

var measureHeaders = []string{"措施编号", "措施名称", "措施内容", "节点编号", "节点名称", "完成时限", "牵头单位", "牵头领导", "责任领导", "责任单位", "填报单位"}
var unitHeaders = []string{"单位名称", "类别", "别名", "联系人", "联系电话", "电子邮箱"}
var settingKeys = []string{"专项工作名称", "方案全称", "文号", "报送单位", "报送周期", "报送截止", "宽限天数", "首个期次", "工作簿密码"}

// WriteProgramme writes p as the programme workbook that `taizhang init`
// produces and ReadProgramme reads back, dated now (the current time when
// zero).
func WriteProgramme(w io.Writer, p *taizhang.Programme, now time.Time) error {
	f := excelize.NewFile()
	defer f.Close()
	st := newStyles(f)
	head := st.get("head", &excelize.Style{Font: font(11, true), Fill: fill(colorHeader), Border: thin, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}})
	body := st.get("body", &excelize.Style{Font: font(11, false), Border: thin, Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}})
	date := st.get("date", &excelize.Style{Font: font(11, false), Border: thin, CustomNumFmt: ptr("yyyy-mm-dd"), Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "top"}})
	if st.err != nil {
		return st.err
	}
	var errs []error
	try := func(err error) {
		if err != nil {
			errs = append(errs, err)
		}
	}
	table := func(sh string, headers []string, widths []float64, rows [][]any) {
		for i, h := range headers {
			try(f.SetCellStr(sh, cell(i+1, 1), h))
			try(f.SetColWidth(sh, col(i+1), col(i+1), widths[i]))
		}
		try(f.SetCellStyle(sh, "A1", cell(len(headers), 1), head))
		for r, row := range rows {
			for c, v := range row {
				ref := cell(c+1, r+2)
				s := body
				if d, ok := v.(taizhang.Date); ok {
					v, s = d.Time(), date
				}
				if t, ok := v.(string); ok {
					try(f.SetCellStr(sh, ref, t))
				} else {
					try(f.SetCellValue(sh, ref, v))
				}
				try(f.SetCellStyle(sh, ref, ref, s))
			}
		}
		try(f.SetPanes(sh, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}))
		try(printSetup(f, sh, 9, "$1:$1", fmt.Sprintf("A1:%s", cell(len(headers), max(2, len(rows)+1)))))
		try(f.SetSheetDimension(sh, fmt.Sprintf("A1:%s", cell(len(headers), len(rows)+1))))
	}
	try(f.SetSheetName("Sheet1", sheetMeasures))
	var mrows [][]any
	for _, m := range p.Measures {
		for _, ms := range m.Milestones {
			mrows = append(mrows, []any{m.Label(), m.Title, m.Text, ms.ID, ms.Title, ms.Deadline, m.LeadUnit, m.LeadLeader,
				strings.Join(m.ResponsibleLeaders, "\n"), m.ResponsibleUnits, compactUnits(p, ms.Units)})
		}
	}
	table(sheetMeasures, measureHeaders, []float64{9, 24, 60, 9, 26, 12, 18, 24, 36, 26, 30}, mrows)
	_, err := f.NewSheet(sheetUnits)
	try(err)
	var urows [][]any
	for _, u := range p.Units {
		urows = append(urows, []any{u.Name, u.Kind.String(), strings.Join(u.Aliases, "、"), u.Contact, u.Phone, strings.Join(u.Emails, "、")})
	}
	table(sheetUnits, unitHeaders, []float64{24, 8, 40, 12, 16, 36}, urows)
	_, err = f.NewSheet(sheetSettings)
	try(err)
	due := "期末当日"
	if p.DueDays > 0 {
		due = fmt.Sprintf("期末后%d天", p.DueDays)
	}
	values := []any{p.Name, p.FullName, p.Document, p.Office, p.Schedule.String(), due, p.GraceDays, p.FirstPeriod.String(), strings.Join(p.Passwords, "、")}
	var srows [][]any
	for i, k := range settingKeys {
		srows = append(srows, []any{k, values[i]})
	}
	table(sheetSettings, []string{"项目", "值"}, []float64{16, 70}, srows)
	try(stamp(f, now, excelize.DocProperties{Title: p.Name + "方案工作簿", Subject: p.FullName}))
	if len(errs) > 0 {
		return fmt.Errorf("生成方案工作簿：%w", errs[0])
	}
	_, err = f.WriteTo(w)
	return err
}

// compactUnits writes a unit list with 各盟市 and 各部门 for complete groups.
func compactUnits(p *taizhang.Programme, names []string) string {
	has := map[string]bool{}
	for _, n := range names {
		has[n] = true
	}
	all := func(k taizhang.UnitKind) bool {
		n := 0
		for _, u := range p.Units {
			if u.Kind == k {
				if !has[u.Name] {
					return false
				}
				n++
			}
		}
		return n > 1
	}
	allCities, allDepts := all(taizhang.City), all(taizhang.Department)
	var out []string
	if allDepts {
		out = append(out, "各部门")
	}
	for _, u := range p.Units {
		if has[u.Name] && !(u.Kind == taizhang.City && allCities) && !(u.Kind == taizhang.Department && allDepts) {
			out = append(out, u.Name)
		}
	}
	if allCities {
		out = append(out, "各盟市")
	}
	return strings.Join(out, "、")
}

// ReadProgramme reads a programme workbook. Every problem is a finding that
// names the sheet and cell; the programme is nil when there is any 错误.
func ReadProgramme(name string, data []byte) (*taizhang.Programme, taizhang.Findings) {
	var fs taizhang.Findings
	place := func(sh, ref string) taizhang.Place { return taizhang.Place{File: name, Sheet: sh, Cell: ref} }
	f, err := open(data, "")
	if err != nil {
		fs.Add(taizhang.UnreadableFile, place("", ""), "%s", err.Error())
		return nil, fs
	}
	defer f.Close()
	p := &taizhang.Programme{}
	// 设置
	settings := map[string]string{}
	settingCell := map[string]string{}
	rows, err := sheetRows(f, sheetSettings)
	if err != nil {
		fs.Add(taizhang.InvalidValue, place(sheetSettings, ""), "缺少“%s”工作表，请用 taizhang init 生成的方案工作簿修改", sheetSettings)
	}
	for r, row := range rows {
		if len(row) >= 1 {
			k := taizhang.Normalize(row[0])
			v := ""
			if len(row) >= 2 {
				v = taizhang.Clean(row[1])
			}
			settings[k] = v
			settingCell[k] = cell(2, r+1)
		}
	}
	p.Name = settings["专项工作名称"]
	p.FullName = settings["方案全称"]
	p.Document = settings["文号"]
	p.Office = settings["报送单位"]
	if p.Schedule, err = taizhang.ParseSchedule(settings["报送周期"]); err != nil {
		fs.Add(taizhang.InvalidValue, place(sheetSettings, settingCell["报送周期"]), "%v", err)
	}
	if p.DueDays, err = taizhang.ParseDueDays(settings["报送截止"]); err != nil {
		fs.Add(taizhang.InvalidValue, place(sheetSettings, settingCell["报送截止"]), "%v", err)
	}
	if p.GraceDays, err = taizhang.ParseDays(settings["宽限天数"]); err != nil {
		fs.Add(taizhang.InvalidValue, place(sheetSettings, settingCell["宽限天数"]), "宽限天数%v", err)
	}
	if v := settings["首个期次"]; v != "" {
		if p.FirstPeriod, err = taizhang.ParsePeriod(v, p.Schedule, 0); err != nil {
			fs.Add(taizhang.InvalidValue, place(sheetSettings, settingCell["首个期次"]), "%v", err)
		}
	}
	p.Passwords = taizhang.SplitList(settings["工作簿密码"])
	// 单位
	rows, err = sheetRows(f, sheetUnits)
	if err != nil {
		fs.Add(taizhang.InvalidValue, place(sheetUnits, ""), "缺少“%s”工作表，请用 taizhang init 生成的方案工作簿修改", sheetUnits)
	}
	cols, hr := findColumns(rows, unitHeaders)
	for _, h := range []string{"单位名称"} {
		if cols[h] < 0 && err == nil {
			fs.Add(taizhang.InvalidValue, place(sheetUnits, "A1"), "缺少“%s”列", h)
		}
	}
	seen := map[string]string{}
	for r := hr + 1; r < len(rows) && cols["单位名称"] >= 0; r++ {
		get := func(h string) string { return at(rows[r], cols[h]) }
		u := taizhang.Unit{Name: get("单位名称"), Contact: get("联系人"), Phone: get("联系电话"),
			Aliases: taizhang.SplitList(get("别名")), Emails: taizhang.SplitList(strings.ReplaceAll(get("电子邮箱"), " ", "、"))}
		if u.Name == "" {
			continue
		}
		ref := cell(cols["单位名称"]+1, r+1)
		if prev, dup := seen[u.Name]; dup {
			fs.Add(taizhang.InvalidValue, place(sheetUnits, ref), "单位%q与 %s 重复，请删去一行", u.Name, prev)
			continue
		}
		seen[u.Name] = ref
		switch k := taizhang.Normalize(get("类别")); k {
		case "盟市", "":
			u.Kind = taizhang.City
		case "部门":
			u.Kind = taizhang.Department
		default:
			fs.Add(taizhang.InvalidValue, place(sheetUnits, cell(cols["类别"]+1, r+1)), "类别%q应为 盟市 或 部门", taizhang.Quote(get("类别")))
		}
		p.Units = append(p.Units, u)
	}
	// 措施
	rows, err = sheetRows(f, sheetMeasures)
	if err != nil {
		fs.Add(taizhang.InvalidValue, place(sheetMeasures, ""), "缺少“%s”工作表，请用 taizhang init 生成的方案工作簿修改", sheetMeasures)
	}
	cols, hr = findColumns(rows, measureHeaders)
	for _, h := range []string{"措施编号", "措施名称", "完成时限", "填报单位"} {
		if cols[h] < 0 && err == nil {
			fs.Add(taizhang.InvalidValue, place(sheetMeasures, cell(1, hr+1)), "缺少“%s”列", h)
		}
	}
	if cols["措施编号"] >= 0 && cols["完成时限"] >= 0 && cols["填报单位"] >= 0 {
		expand := p.UnitExpander()
		for r := hr + 1; r < len(rows); r++ {
			row := rows[r]
			get := func(h string) string { return at(row, cols[h]) }
			ref := func(h string) string { return cell(cols[h]+1, r+1) }
			if strings.TrimSpace(strings.Join(row, "")) == "" {
				continue
			}
			mref, rest, ok := taizhang.ParseMilestoneRef(get("措施编号"))
			if !ok || rest != "" || mref.Measure < 1 {
				fs.Add(taizhang.InvalidValue, place(sheetMeasures, ref("措施编号")), "措施编号%q无法识别，请写成如（一）", taizhang.Quote(get("措施编号")))
				continue
			}
			m := p.MeasureOf(mref.Measure)
			if m == nil {
				p.Measures = append(p.Measures, taizhang.Measure{No: mref.Measure, Title: get("措施名称"), Text: get("措施内容"),
					LeadUnit: get("牵头单位"), LeadLeader: get("牵头领导"), ResponsibleLeaders: taizhang.SplitList(get("责任领导")),
					ResponsibleUnits: get("责任单位")})
				m = &p.Measures[len(p.Measures)-1]
			} else if p.Measures[len(p.Measures)-1].No != mref.Measure {
				fs.Add(taizhang.InvalidValue, place(sheetMeasures, ref("措施编号")), "措施%s的各行应排在一起", m.Label())
			}
			d, err := taizhang.ParseDate(get("完成时限"), 0)
			if err != nil {
				fs.Add(taizhang.InvalidValue, place(sheetMeasures, ref("完成时限")), "完成时限%q%s，请填写如 2021-05-31", taizhang.Quote(get("完成时限")), dateErr(err))
			}
			units, err := expand(get("填报单位"))
			if err != nil {
				fs.Add(taizhang.InvalidValue, place(sheetMeasures, ref("填报单位")), "%v", err)
			}
			title := get("节点名称")
			if title == "" {
				title = m.Title
			}
			m.Milestones = append(m.Milestones, taizhang.Milestone{Title: title, Deadline: d, Units: units})
		}
	}
	p.FixIDs()
	if fs.Count(taizhang.Error) == 0 {
		if err := p.Validate(); err != nil {
			fs.Add(taizhang.InvalidValue, place("", ""), "%v", err)
		}
	}
	if fs.Count(taizhang.Error) > 0 {
		return nil, fs
	}
	return p, fs
}

func dateErr(err error) string {
	if err == taizhang.ErrNoDate {
		return "为空"
	}
	return err.Error()
}

// sheetRows reads a small sheet whole, as raw cell values.
func sheetRows(f *excelize.File, sh string) ([][]string, error) {
	if idx, err := f.GetSheetIndex(sh); err != nil || idx < 0 {
		return nil, fmt.Errorf("no sheet %s", sh)
	}
	return f.GetRows(sh, excelize.Options{RawCellValue: true})
}

// findColumns finds the header row among the first rows (the one naming most
// of headers) and returns each header's 0-based column (-1 when absent) and
// the header row's 0-based index.
func findColumns(rows [][]string, headers []string) (map[string]int, int) {
	best, bestRow := -1, 0
	for r := 0; r < len(rows) && r < 10; r++ {
		n := 0
		for _, c := range rows[r] {
			for _, h := range headers {
				if taizhang.Normalize(c) == h {
					n++
				}
			}
		}
		if n > best {
			best, bestRow = n, r
		}
	}
	cols := map[string]int{}
	for _, h := range headers {
		cols[h] = -1
	}
	if bestRow < len(rows) {
		for i, c := range rows[bestRow] {
			k := taizhang.Normalize(c)
			if v, ok := cols[k]; ok && v < 0 {
				cols[k] = i
			}
		}
	}
	return cols, bestRow
}

func at(row []string, i int) string {
	if i < 0 || i >= len(row) {
		return ""
	}
	return taizhang.Clean(row[i])
}

// open opens a workbook from memory with excelize, within the reader's
// limits; the error says in Chinese what is wrong with the file.
func open(data []byte, password string) (*excelize.File, error) {
	if err := sniffWorkbook(data, password); err != nil {
		return nil, err
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{RawCellValue: true, UnzipSizeLimit: unzipLimit, Password: password})
	if err != nil {
		if bytes.HasPrefix(data, oleMagic) {
			return nil, errWrongPassword
		}
		return nil, fmt.Errorf("文件已损坏，无法打开（%s）；请在 Excel 或 WPS 中打开确认后另存为 .xlsx 重新报送", excelizeError(err))
	}
	return f, nil
}

// sniffWorkbook looks at the first bytes: a zip package is fine; an OLE2
// file is an encrypted workbook (errEncrypted when no password is given) or a
// legacy .xls/.et; anything else is named.
func sniffWorkbook(data []byte, password string) error {
	switch {
	case len(data) == 0:
		return fmt.Errorf("文件是空的（0 字节），请重新保存后报送")
	case bytes.HasPrefix(data, []byte("PK\x03\x04")) || bytes.HasPrefix(data, []byte("PK\x05\x06")):
		return nil
	case bytes.HasPrefix(data, oleMagic):
		switch ole := oleKind(data); {
		case ole == oleEncrypted && password == "":
			return errEncrypted
		case ole == oleEncrypted:
			return nil
		case ole == oleLegacy:
			return fmt.Errorf("是旧版 Excel 97-2003（.xls）或 WPS（.et）格式，本程序无法直接读取，请在 Excel 或 WPS 中另存为 .xlsx 后重新报送")
		}
		return fmt.Errorf("不是 .xlsx 工作簿（是其他 Office 文件），请在 Excel 或 WPS 中另存为 .xlsx 后重新报送")
	}
	return fmt.Errorf("不是 .xlsx 工作簿（%s），请在 Excel 或 WPS 中另存为 .xlsx 后重新报送", sniff(data))
}
