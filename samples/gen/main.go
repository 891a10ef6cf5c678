// Command gen writes the bundled samples: the programme workbook, the
// progress sheets the 16 units returned for 2021年4月 and 2021年5月, and for
// 2021年6月 the e-mails, mailbox, archives and legacy .xls they came in, all
// filled in from the real template and then edited the way people edit them
// (see samples/README.md). It is deterministic: running it again gives the
// same bytes; the .xls, made once with LibreOffice, is kept when it exists.
// Run it from the repository root: go run ./samples/gen
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"taizhang"
	"taizhang/templates"
	"taizhang/xlsx"
)

// The four periods and the folders their sheets go to.
var periods = []struct {
	code, dir string
}{
	{"2021-04-1", "2021-04/上半月"},
	{"2021-04-2", "2021-04/下半月"},
	{"2021-05-1", "2021-05/上半月"},
	{"2021-05-2", "2021-05/下半月"},
}

// spec is one file to write: a unit's sheet for period k (0–3) with the
// edits made to it. A unit and period with no spec get a plain sheet.
type spec struct {
	k     int
	unit  string
	name  string // file name; "" for the template's
	skip  bool   // the unit sent nothing
	own   bool   // the unit's own layout instead of the template
	edits []edit
}

// specs are the sheets that differ from a plainly filled template. Each is
// described, with what taizhang says about it, in samples/README.md.
var specs = []spec{
	// 2021年4月上半月
	{k: 0, unit: "包头市", edits: []edit{completedText("三.1", "2021-13-01")}},
	{k: 0, unit: "兴安盟", edits: []edit{statusText("三.1", "基本完成")}},
	{k: 0, unit: "赤峰市", edits: []edit{completedText("三.1", "2021年3月26日"), filledText("2021年4月14日")}},
	{k: 0, unit: "鄂尔多斯市", name: "鄂尔多斯市4月上半月工改专项进展情况.xlsx", own: true},
	{k: 0, unit: "乌海市", edits: []edit{setText("二", "进展情况", "")}},
	{k: 0, unit: "乌海市", name: "乌海市_2021年4月上半月_进展情况表（修改版）.xlsx", edits: []edit{filledOn("0415")}},
	{k: 0, unit: "自治区住房城乡建设厅", edits: []edit{mergeMeasure("三")}},
	{k: 0, unit: "自治区政务服务局", edits: []edit{completedText("三.1", "20210329")}},
	// 2021年4月下半月
	{k: 1, unit: "呼和浩特市", name: "呼和浩特市进展情况表(4.16-4.30).xlsx", edits: []edit{noteSheet()}},
	{k: 1, unit: "呼伦贝尔市", edits: []edit{deleteRow("三.2")}},
	{k: 1, unit: "兴安盟", edits: []edit{completedText("四", "4月28日")}},
	{k: 1, unit: "通辽市", edits: []edit{completedText("四", "2021/4/27")}},
	{k: 1, unit: "锡林郭勒盟", edits: []edit{completedText("四", "2021.4.26")}},
	{k: 1, unit: "乌兰察布市", edits: []edit{footer("填报人：刘建军　　联系电话：0474-8326615　　审核人：王志刚")}},
	{k: 1, unit: "鄂尔多斯市", name: "鄂尔多斯市4月下半月工改专项进展情况.xlsx", own: true},
	{k: 1, unit: "巴彦淖尔市", name: "巴彦淖尔市_2021年4月下半月_进展情况表（补报）.xlsx", edits: []edit{filledOn("0506")}},
	{k: 1, unit: "自治区发展改革委", name: "附件1：自治区发展改革委4月下半月进展情况.xlsx"},
	// 2021年5月上半月
	{k: 2, unit: "呼和浩特市", edits: []edit{renameHeaders("完成时间", "实际完成时间", "进展情况", "工作进展情况", "下一步计划", "下步打算")}},
	{k: 2, unit: "包头市", edits: []edit{setTexts("四",
		"区域评估事项清单和技术标准已于4月26日印发，经自治区自然资源厅审核，需补充地震安全性评价技术要求，已收回修订。",
		"技术标准需按自治区审核意见补充修订。",
		"5月底前完成修订并重新印发。")}},
	{k: 2, unit: "通辽市", edits: []edit{extraRow("其他工作", "推进工程建设项目“多测合一”改革", "推进中",
		"制定《通辽市工程建设项目“多测合一”改革实施方案》，整合规划核实测量、土地核验测量、房产测绘等测绘事项，实行“一次委托、联合测绘、成果共享”。")}},
	{k: 2, unit: "赤峰市", edits: []edit{clear("四", "完成时间")}},
	{k: 2, unit: "锡林郭勒盟", name: "锡盟-2021年5月上半月进展情况表.xlsx", edits: []edit{synonyms(map[string]string{"已完成": "已办结", "推进中": "正在推进", "未启动": "尚未启动"})}},
	{k: 2, unit: "鄂尔多斯市", name: "鄂尔多斯市5月上半月工改专项进展情况.xlsx", own: true},
	{k: 2, unit: "巴彦淖尔市", edits: []edit{clear("四", "存在问题")}},
	{k: 2, unit: "阿拉善盟", skip: true},
	{k: 2, unit: "自治区自然资源厅", edits: []edit{statusText("六", "")}},
	{k: 2, unit: "自治区自然资源厅", name: "自治区自然资源厅_2021年5月上半月_进展情况表_v2.xlsx", edits: []edit{filledOn("0514")}},
	// 2021年5月下半月
	{k: 3, unit: "包头市", edits: []edit{setText("四", "存在问题", "按自治区审核意见修订后重新印发，较完成时限晚完成。")}},
	{k: 3, unit: "兴安盟", name: "兴安盟_2021年5月下半月_进展情况表 - 副本.xlsx", edits: []edit{statusText("一", "完成")}},
	{k: 3, unit: "通辽市", edits: []edit{mergeMeasure("三")}},
	{k: 3, unit: "赤峰市", name: "2021年5月下半月 赤峰市工改专项推进情况.xlsx"},
	{k: 3, unit: "鄂尔多斯市", name: "鄂尔多斯市5月下半月工改专项进展情况.xlsx", own: true},
	{k: 3, unit: "巴彦淖尔市", edits: []edit{setText("四", "存在问题", "部门意见协调用时较长，较完成时限晚20天印发。")}},
	{k: 3, unit: "阿拉善盟", edits: []edit{setText("一", "存在问题", "5月上半月因人员调整未按时报送进展情况表；剩余3个项目正在补充前期资料，6月10日前全部入库。")}},
	{k: 3, unit: "自治区政务服务局", edits: []edit{noFilled()}},
}

func main() {
	out := flag.String("o", "samples", "the samples folder")
	flag.Parse()
	if err := generate(*out); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func generate(out string) error {
	if st, err := os.Stat(out); err != nil || !st.IsDir() {
		return fmt.Errorf("%s is not a folder; run from the repository root", out)
	}
	p, err := taizhang.ParseProgrammeText(templates.Programme)
	if err != nil {
		return err
	}
	// The programme workbook: the built-in programme with contacts.
	for i := range p.Units {
		u := unitByName(p.Units[i].Name)
		p.Units[i].Contact, p.Units[i].Phone, p.Units[i].Emails = u.contact, u.phone, []string{u.email}
	}
	var buf bytes.Buffer
	if err := xlsx.WriteProgramme(&buf, p, time.Date(2021, 3, 31, 9, 0, 0, 0, taizhang.CST)); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(out, "方案工作簿.xlsx"), buf.Bytes(), 0o644); err != nil {
		return err
	}
	// The month folders are the generator's own: clear its old sheets.
	for _, month := range []string{"2021-04", "2021-05"} {
		old, _ := filepath.Glob(filepath.Join(out, month, "*", "*.xlsx"))
		for _, f := range old {
			if err := os.Remove(f); err != nil {
				return err
			}
		}
	}
	for k, per := range periods {
		q, err := taizhang.ParsePeriod(per.code, p.Schedule, 2021)
		if err != nil {
			return err
		}
		dir := filepath.Join(out, filepath.FromSlash(per.dir))
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
		for _, u := range p.Units {
			list := specsOf(k, u.Name)
			if len(list) == 0 {
				list = []spec{{k: k, unit: u.Name}}
			}
			for _, sp := range list {
				if sp.skip {
					continue
				}
				name := sp.name
				if name == "" {
					name = xlsx.TemplateName(sp.unit, q)
				}
				data, err := render(p, q, sp)
				if err != nil {
					return fmt.Errorf("%s: %w", name, err)
				}
				if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
					return err
				}
			}
		}
	}
	return june(out, p)
}

func specsOf(k int, unit string) []spec {
	var out []spec
	for _, sp := range specs {
		if sp.k == k && sp.unit == unit {
			out = append(out, sp)
		}
	}
	return out
}

// sheet is what a unit puts in its sheet before the edits that change its
// structure: header values and one row per milestone, in template order.
type sheet struct {
	unit    *unitInfo
	q       taizhang.Period
	k       int
	filled  any // taizhang.Date, a string as typed, or nil
	contact string
	phone   string
	rows    []row
}

type row struct {
	ms        *taizhang.Milestone
	measure   *taizhang.Measure
	completed any // taizhang.Date, a string as typed, or nil
	entry
}

func (s *sheet) row(id string) *row {
	for i := range s.rows {
		if s.rows[i].ms.ID == id {
			return &s.rows[i]
		}
	}
	panic("no row " + id + " for " + s.unit.name)
}

// fill returns the sheet as the unit fills it in from its plan.
func fill(p *taizhang.Programme, q taizhang.Period, k int, unit string) *sheet {
	u := unitByName(unit)
	end := q.End()
	s := &sheet{unit: u, q: q, k: k, filled: end.AddDays(-(u.seed % 3)), contact: u.contact, phone: u.phone}
	for _, ms := range p.UnitMilestones(unit) {
		plan := cityPlan
		if u.area == "" {
			plan = deptPlan
		}
		code := plan[ms.ID]
		if c, ok := plans[unit][ms.ID]; ok {
			code = c
		}
		word := strings.Fields(code)[k]
		status, done := "推进中", ""
		switch {
		case word == "0":
			status = "未启动"
		case strings.HasPrefix(word, "D"):
			status, done = "已完成", word[1:]
		}
		r := row{ms: ms, measure: p.MeasureOf(ms.Measure), entry: write(u, ms.ID, k, status, done)}
		if done != "" {
			r.completed = day(done)
		}
		s.rows = append(s.rows, r)
	}
	return s
}

// day returns 2021-MM-DD for "MMDD".
func day(mmdd string) taizhang.Date {
	var m, d int
	fmt.Sscanf(mmdd, "%02d%02d", &m, &d)
	return taizhang.Date{Year: 2021, Month: time.Month(m), Day: d}
}

// edit is one change a person makes: to the values before they are
// written (data), or to the written workbook (book).
type edit struct {
	data func(s *sheet)
	book func(b *book) error
}

// book is the workbook being edited.
type book struct {
	f  *excelize.File
	sh string
	s  *sheet
}

// rowOf returns the sheet row of milestone id in the template.
func (b *book) rowOf(id string) int {
	for i, r := range b.s.rows {
		if r.ms.ID == id {
			return firstRow + i
		}
	}
	panic("no row " + id)
}

func render(p *taizhang.Programme, q taizhang.Period, sp spec) ([]byte, error) {
	s := fill(p, q, sp.k, sp.unit)
	for _, e := range sp.edits {
		if e.data != nil {
			e.data(s)
		}
	}
	if err := s.check(); err != nil {
		return nil, err
	}
	if sp.own {
		return writeOwn(s)
	}
	var tpl bytes.Buffer
	if err := xlsx.WriteTemplate(&tpl, p, sp.unit, q, q.Start().AddDays(-1).Time().Add(9*time.Hour)); err != nil {
		return nil, err
	}
	f, err := excelize.OpenReader(&tpl)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b := &book{f: f, sh: xlsx.SheetProgress, s: s}
	if err := b.write(); err != nil {
		return nil, err
	}
	for _, e := range sp.edits {
		if e.book != nil {
			if err := e.book(b); err != nil {
				return nil, err
			}
		}
	}
	if err := stamp(f, s, "taizhang"); err != nil {
		return nil, err
	}
	var out bytes.Buffer
	_, err = f.WriteTo(&out)
	return out.Bytes(), err
}

// check catches a plan that contradicts itself: a completion after the day
// the sheet was filled in.
func (s *sheet) check() error {
	filled, ok := s.filled.(taizhang.Date)
	if !ok {
		return nil
	}
	for _, r := range s.rows {
		if d, ok := r.completed.(taizhang.Date); ok && d.After(filled) {
			return fmt.Errorf("%s %s: 完成时间 %s after 填报日期 %s", s.unit.name, r.ms.ID, d, filled)
		}
	}
	return nil
}

// Template geometry (xlsx/layout.go): columns A–L, entries from row 5.
const firstRow = 5

var templateCol = map[string]string{
	"进展状态": "G", "完成时间": "H", "进展情况": "I", "佐证材料": "J", "存在问题": "K", "下一步计划": "L",
}

// write fills the template's header block and rows.
func (b *book) write() error {
	s, f, sh := b.s, b.f, b.sh
	var errs []error
	try := func(err error) {
		if err != nil {
			errs = append(errs, err)
		}
	}
	try(setValue(f, sh, "I2", s.filled))
	try(f.SetCellStr(sh, "C3", s.contact))
	try(f.SetCellStr(sh, "F3", s.phone))
	for i, r := range s.rows {
		n := firstRow + i
		try(f.SetCellStr(sh, fmt.Sprintf("G%d", n), r.status))
		try(setValue(f, sh, fmt.Sprintf("H%d", n), r.completed))
		for j, v := range []string{r.progress, r.evidence, r.problems, r.nextSteps} {
			if v != "" {
				try(f.SetCellStr(sh, fmt.Sprintf("%c%d", 'I'+j, n), v))
			}
		}
	}
	if len(errs) > 0 {
		return errs[0]
	}
	return nil
}

// setValue writes a date as a date cell and a string as typed text.
func setValue(f *excelize.File, sh, ref string, v any) error {
	switch v := v.(type) {
	case taizhang.Date:
		return f.SetCellValue(sh, ref, v.Time())
	case string:
		return f.SetCellStr(sh, ref, v)
	}
	return nil
}

// stamp sets document properties as an office suite would on saving:
// created when the template was sent, modified on the day it was filled.
func stamp(f *excelize.File, s *sheet, creator string) error {
	props, err := f.GetDocProps()
	if err != nil {
		return err
	}
	props.Creator = creator
	props.LastModifiedBy = s.contact
	if props.LastModifiedBy == "" {
		props.LastModifiedBy = s.unit.contact
	}
	props.Created = s.q.Start().AddDays(-1).Time().Add(9 * time.Hour).UTC().Format(time.RFC3339)
	modified := s.q.End()
	if d, ok := s.filled.(taizhang.Date); ok {
		modified = d
	}
	props.Modified = modified.Time().Add(16*time.Hour + 20*time.Minute).UTC().Format(time.RFC3339)
	return f.SetDocProps(props)
}
