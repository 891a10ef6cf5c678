package xlsx

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"

	"taizhang"
)

// csvSheet is 包头市's sheet for 2021年4月上半月 as Excel exports it to CSV,
// with a blank line above the header and a progress text over two lines:
// rows count as Excel shows them — the blank line is row 3, the two lines
// are one cell of row 5 — so the bad date is at H6.
const csvSheet = `包头市2021年4月上半月进展情况表,,,,,,,,,,,
填报单位：包头市,,报送期次：2021年4月上半月,,填报日期：2021-04-15,,,,,,,

序号,措施编号,整改措施,节点,完成时限,牵头单位,进展状态,完成时间,进展情况,佐证材料,存在问题,下一步计划
1,（一）,加快完善项目储备库与实施库,一,2021-05-31,自治区发展改革委,推进中,,"储备库已建成，
正在录入项目",,无,5月底前完成
2,（二）,持续完善“多规合一”及业务协同平台,二,2021-09-30,自治区自然资源厅,已完成,2021-13-01,平台已上线,,无,持续完善
3,（三）,进一步优化工程审批管理系统,三.1,2021-03-31,自治区住房城乡建设厅,已完成,2021-03-30,已全部网上办理,,无,持续保障
4,（三）,进一步优化工程审批管理系统,三.2,2021-09-30,自治区住房城乡建设厅,推进中,,正在测试,,无,9月底前接入
5,（三）,进一步优化工程审批管理系统,三.3,2021-12-31,自治区住房城乡建设厅,未启动,,尚未开展,,无,年底前完成
6,（四）,深化落实区域评估,四,2021-04-30,自治区自然资源厅,推进中,,评估进行中,,无,4月底前完成
7,（六）,积极推行“清单制+告知承诺制”改革,六,2021-12-31,自治区住房城乡建设厅,推进中,,清单已公布,,无,年底前完成
`

// TestReadCSV reads the same sheet exported as CSV in each encoding Excel
// and WPS write — UTF-8 with and without a byte-order mark, GBK, UTF-16 with
// tabs — and finds the same entries, placed like 包头市.csv!H7.
func TestReadCSV(t *testing.T) {
	crlf := strings.ReplaceAll(csvSheet, "\n", "\r\n")
	gbk, err := simplifiedchinese.GBK.NewEncoder().String(crlf)
	if err != nil {
		t.Fatal(err)
	}
	utf16, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String(strings.ReplaceAll(crlf, ",", "\t"))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		`包头市.csv!H6 错误 填写有误：完成时间"2021-13-01"不是有效日期，请填写如 2021-05-31`,
		"包头市.csv!G10 提示 临期：节点 四 完成时限为 2021-04-30，还剩15天",
	}
	for _, tc := range []struct{ name, data string }{
		{"UTF-8", csvSheet},
		{"UTF-8 with BOM", "\uFEFF" + crlf},
		{"GBK", gbk},
		{"UTF-16 with tabs", utf16},
		{"semicolons", strings.ReplaceAll(csvSheet, ",", ";")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, lines := read(t, "包头市.csv", []byte(tc.data))
			if s == nil {
				t.Fatalf("nil submission: %v", lines)
			}
			if strings.Join(lines, "\n") != strings.Join(want, "\n") {
				t.Errorf("findings\n\t%s\nwant\n\t%s", strings.Join(lines, "\n\t"), strings.Join(want, "\n\t"))
			}
			if s.Unit != "包头市" || s.Period.String() != "2021年4月上半月" || s.Sheet != "" || s.FilledCell != "E2" {
				t.Errorf("unit %q period %v sheet %q 填报日期 at %q", s.Unit, s.Period, s.Sheet, s.FilledCell)
			}
			var got []string
			for _, e := range s.Entries {
				got = append(got, e.Milestone+"@"+s.CellOf(taizhang.FieldProgress, e.Row))
			}
			if w := "一@I5 二@I6 三.1@I7 三.2@I8 三.3@I9 四@I10 六@I11"; strings.Join(got, " ") != w {
				t.Errorf("entries %s, want %s", strings.Join(got, " "), w)
			}
			if p := s.Entries[0].Progress; p != "储备库已建成，\n正在录入项目" {
				t.Errorf("进展情况 %q", p)
			}
		})
	}
}

// TestReadCSVNotText reads a .csv that is no text, and one that is a
// workbook under the wrong name.
func TestReadCSVNotText(t *testing.T) {
	_, lines := read(t, "包头市.csv", []byte("\x00\x01\x02binary\x00"))
	want := "包头市.csv 错误 无法读取：文件扩展名是 .csv，但内容不是文本（可能是其他文件改了扩展名），无法读取；请在 Excel 或 WPS 中打开后另存为 .xlsx 重新报送"
	if len(lines) != 1 || lines[0] != want {
		t.Errorf("findings %q, want %q", lines, want)
	}
	p := builtin(t)
	var buf bytes.Buffer
	if err := WriteTemplate(&buf, p, "包头市", period(t, "2021年4月上半月"), written); err != nil {
		t.Fatal(err)
	}
	s, _ := ReadSubmission(taizhang.Source{Path: "包头市.csv", Name: "包头市.csv"}, buf.Bytes(), ReadOptions{Programme: p})
	if s == nil || s.Sheet != SheetProgress || len(s.Entries) != 7 {
		t.Errorf("a workbook named .csv was not read as one: %+v", s)
	}
}

// TestScanText checks a character split across the chunks scanText reads,
// and GBK text.
func TestScanText(t *testing.T) {
	split := strings.Repeat("a", 64<<10-1) + "进展"
	gbk, _ := simplifiedchinese.GBK.NewEncoder().String(split)
	for _, tc := range []struct {
		data          string
		valid, binary bool
	}{
		{split, true, false},
		{gbk, false, false},
		{gbk + "\x00", false, true},
		{"", true, false},
	} {
		valid, binary, err := scanText(strings.NewReader(tc.data))
		if err != nil || valid != tc.valid || binary != tc.binary {
			t.Errorf("scanText(%d bytes ending %q) = %v, %v, %v; want %v, %v", len(tc.data), tc.data[max(len(tc.data)-4, 0):], valid, binary, err, tc.valid, tc.binary)
		}
	}
}

// TestWorkbookFromCSV turns the CSV into the workbook Excel would show, for
// annotating: every cell where its place says, as text.
func TestWorkbookFromCSV(t *testing.T) {
	var buf bytes.Buffer
	ok, err := WorkbookFromCSV(&buf, "包头市.csv", []byte(csvSheet))
	if !ok || err != nil {
		t.Fatalf("WorkbookFromCSV: %v, %v", ok, err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheet := f.GetSheetName(0)
	for ref, want := range map[string]string{"A1": "包头市2021年4月上半月进展情况表", "E2": "填报日期：2021-04-15", "G4": "进展状态", "H6": "2021-13-01", "I5": "储备库已建成，\n正在录入项目", "A11": "7"} {
		if got, _ := f.GetCellValue(sheet, ref); got != want {
			t.Errorf("%s = %q, want %q", ref, got, want)
		}
		if typ, _ := f.GetCellType(sheet, ref); typ != excelize.CellTypeSharedString && typ != excelize.CellTypeInlineString {
			t.Errorf("%s is of type %v, want text", ref, typ)
		}
	}
	if ok, _ := WorkbookFromCSV(&buf, "包头市.xlsx", []byte(csvSheet)); ok {
		t.Error("WorkbookFromCSV took a .xlsx for CSV")
	}
}

// FuzzReadCSV reads any bytes named .csv: never a panic, and a file that
// gives no submission says why.
func FuzzReadCSV(f *testing.F) {
	f.Add([]byte(csvSheet))
	gbk, _ := simplifiedchinese.GBK.NewEncoder().String(csvSheet)
	f.Add([]byte(gbk))
	f.Add([]byte("\xFF\xFE\x00"))
	f.Add([]byte("\"unterminated,\n"))
	p := builtin(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		s, fs := ReadSubmission(taizhang.Source{Path: "x.csv", Name: "x.csv"}, data, ReadOptions{Programme: p})
		if s == nil && len(fs) == 0 {
			t.Error("no submission and no finding")
		}
	})
}
