package main

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"

	"taizhang/xlsx"
)

// gbkSheet is 包头市's sheet for 2021年4月上半月 saved by Excel on Chinese
// Windows as “CSV (逗号分隔)”: GBK, CRLF.
const gbkSheet = `包头市2021年4月上半月进展情况表,,,,,,,,,,,
填报单位：包头市,,报送期次：2021年4月上半月,,填报日期：2021-04-15,,,,,,,
序号,措施编号,整改措施,节点,完成时限,牵头单位,进展状态,完成时间,进展情况,佐证材料,存在问题,下一步计划
1,（一）,加快完善项目储备库与实施库,一,2021-05-31,自治区发展改革委,推进中,,储备库已建成,,无,5月底前完成
2,（二）,持续完善“多规合一”及业务协同平台,二,2021-09-30,自治区自然资源厅,已完成,2021-13-01,平台已上线,,无,持续完善
3,（三）,进一步优化工程审批管理系统,三.1,2021-03-31,自治区住房城乡建设厅,已完成,2021-03-30,已全部网上办理,,无,持续保障
4,（三）,进一步优化工程审批管理系统,三.2,2021-09-30,自治区住房城乡建设厅,推进中,,正在测试,,无,9月底前接入
5,（三）,进一步优化工程审批管理系统,三.3,2021-12-31,自治区住房城乡建设厅,未启动,,尚未开展,,无,年底前完成
6,（四）,深化落实区域评估,四,2021-04-30,自治区自然资源厅,推进中,,评估进行中,,无,4月底前完成
7,（六）,积极推行“清单制+告知承诺制”改革,六,2021-12-31,自治区住房城乡建设厅,推进中,,清单已公布,,无,年底前完成
`

// TestCSVInFolder gives validate and merge a folder holding a sheet saved
// as GBK CSV: both read it like a workbook, name its cells like
// 包头市.csv!H5, and validate --annotate writes an annotated .xlsx of it.
func TestCSVInFolder(t *testing.T) {
	t.Chdir(t.TempDir())
	data, err := simplifiedchinese.GBK.NewEncoder().String(strings.ReplaceAll(gbkSheet, "\n", "\r\n"))
	if err != nil {
		t.Fatal(err)
	}
	os.Mkdir("收件", 0o755)
	if err := os.WriteFile("收件/包头市.csv", []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}

	r := taizhangRun("validate", "--annotate", "批注", "收件")
	want := `收件/包头市.csv!H5 错误 填写有误：完成时间"2021-13-01"不是有效日期，请填写如 2021-05-31
收件/包头市.csv!G9 提示 临期：节点 四 完成时限为 2021-04-30，还剩15天
共检查 1 个文件：错误 1 个，警告 0 个，提示 1 个。请改正错误后再报送。
已写出标注副本：` + filepath.Join("批注", "包头市（csv）_校验批注.xlsx") + `
`
	if r.code != exitFindings || r.stdout != want || r.stderr != "" {
		t.Errorf("validate:\n%v\nwant stdout\n%s", r, want)
	}
	f, err := excelize.OpenFile(filepath.Join("批注", "包头市（csv）_校验批注.xlsx"))
	if err != nil {
		t.Fatalf("annotated copy: %v", err)
	}
	c, err := f.GetComments(f.GetSheetName(0))
	f.Close()
	if err != nil || len(c) != 2 || c[0].Cell != "G9" || c[1].Cell != "H5" {
		t.Errorf("annotated copy has comments %+v, %v; want on G9 and H5", c, err)
	}

	r = taizhangRun("merge", "收件", "--period", "2021-04-1", "-o", "台账.xlsx")
	if r.code != exitOK || !strings.Contains(r.stdout, "读取文件 1 个\n") {
		t.Fatalf("merge:\n%v", r)
	}
	l, err := excelize.OpenFile("台账.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	if row := receipt(t, l, "包头市", "2021年4月上半月"); row[2] != "按时" || row[5] != "收件/包头市.csv" {
		t.Errorf("报送情况 row %q", row)
	}
	var sources []string
	for _, row := range ledgerRows(t, l, xlsx.SheetLedger)[1:] {
		sources = append(sources, row[len(row)-1])
	}
	if len(sources) != 7 || sources[0] != "收件/包头市.csv!A4" || sources[6] != "收件/包头市.csv!A10" {
		t.Errorf("汇总台账 来源 %q", sources)
	}
}

// TestValidateNotSheets validates, one at a time, files a submitter may pick
// by mistake: Excel's owner file of the sheet, Windows clutter, a Word
// document saved as .xlsx. Each is named for what it is; the owner file and
// the clutter are passed over with a 提示, while a Word document, meant as
// the sheet, fails the check.
func TestValidateNotSheets(t *testing.T) {
	t.Chdir(t.TempDir())
	var docx bytes.Buffer
	w := zip.NewWriter(&docx)
	for name, body := range map[string]string{
		"[Content_Types].xml": `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
		"word/document.xml":   `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>`,
	} {
		f, _ := w.Create(name)
		f.Write([]byte(body))
	}
	w.Close()
	for name, data := range map[string][]byte{
		"包头市_进展情况表.xlsx": []byte("PK"), "~$包头市_进展情况表.xlsx": []byte("owner"),
		"Thumbs.db": []byte("thumbs"), "desktop.ini": []byte("[.ShellClassInfo]"), "阿拉善盟进展情况表.xlsx": docx.Bytes(),
	} {
		if err := os.WriteFile(name, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// Clutter named on the command line is skipped with a 提示; a run that
	// checked no sheet at all says so, and exits 1 all the same.
	skippedOnly := "\n共 1 个文件，其中没有进展情况表（都已跳过），没有检查任何内容；请给出要检查的进展情况表。\n"
	failed := "\n共检查 1 个文件：错误 1 个，警告 0 个，提示 0 个。请改正错误后再报送。\n"
	for _, tc := range []struct{ file, line, summary string }{
		{"~$包头市_进展情况表.xlsx", "~$包头市_进展情况表.xlsx 提示 读取说明：是 Excel 或 WPS 打开文件时留下的临时文件，不是进展情况表，已跳过；要读取的应是 包头市_进展情况表.xlsx", skippedOnly},
		{"Thumbs.db", "Thumbs.db 提示 读取说明：是 Windows 生成的缩略图缓存文件，不是进展情况表，已跳过", skippedOnly},
		{"desktop.ini", "desktop.ini 提示 读取说明：是 Windows 的文件夹设置文件，不是进展情况表，已跳过", skippedOnly},
		{"阿拉善盟进展情况表.xlsx", "阿拉善盟进展情况表.xlsx 错误 无法读取：这是 Word 文档，不是 Excel 工作簿；请把进展情况填入下发的 Excel 模板（.xlsx）后重新报送", failed},
	} {
		r := taizhangRun("validate", tc.file)
		want := tc.line + tc.summary
		if r.code != exitFindings || r.stdout != want || r.stderr != "" {
			t.Errorf("validate %s:\n%v\nwant exit 1 and stdout\n%s", tc.file, r, want)
		}
	}
	// Beside a sheet, a skipped file does not change the verdict.
	r := taizhangRun("validate", "Thumbs.db", "包头市_进展情况表.xlsx")
	if r.code != exitFindings || !strings.Contains(r.stdout, "Thumbs.db 提示 读取说明：") || !strings.Contains(r.stdout, "包头市_进展情况表.xlsx 错误 无法读取") {
		t.Errorf("validate Thumbs.db and a broken sheet:\n%v", r)
	}
}

// TestValidateOtherUnitsSheet validates a file named for 乌海市 that holds
// 包头市's sheet: sent, it would leave 乌海市 未报, so validate calls it an
// error and says what to change.
func TestValidateOtherUnitsSheet(t *testing.T) {
	t.Chdir(t.TempDir())
	if err := os.WriteFile("乌海市_2021年4月上半月_进展情况表.csv", []byte(gbkSheetUTF8()), 0o644); err != nil {
		t.Fatal(err)
	}
	r := taizhangRun("validate", "乌海市_2021年4月上半月_进展情况表.csv")
	want := "乌海市_2021年4月上半月_进展情况表.csv!A2 错误 单位不符：表中填报单位为包头市，文件名中为乌海市；照此报送将计为包头市的表，乌海市仍算未报。" +
		"如是乌海市的表，请改用乌海市的模板填写，或把填报单位改为乌海市；如确是包头市的表，请把文件名中的单位改为包头市"
	if r.code != exitFindings || !strings.Contains(r.stdout, want+"\n") || !strings.Contains(r.stdout, "请改正错误后再报送。") {
		t.Errorf("validate:\n%v\nwant exit 1 and\n%s", r, want)
	}
}

// gbkSheetUTF8 is gbkSheet as UTF-8 with its one wrong date put right.
func gbkSheetUTF8() string {
	return strings.Replace(gbkSheet, "2021-13-01", "2021-04-01", 1)
}

// validate of another unit's sheet under one's own name is an error, said
// for a submitter: sent, it leaves one's unit 未报.
func TestValidateWrongUnit(t *testing.T) {
	dir := t.TempDir()
	data, err := os.ReadFile(filepath.Join(samplesDir, "2021-04", "上半月", "乌海市_2021年4月上半月_进展情况表.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	name := filepath.Join(dir, "包头市_2021年4月上半月_进展情况表.xlsx")
	if err := os.WriteFile(name, data, 0o644); err != nil {
		t.Fatal(err)
	}
	r := taizhangRun("validate", name)
	want := name + " 进展情况!C2 错误 单位不符：表中填报单位为乌海市，文件名中为包头市；照此报送将计为乌海市的表，包头市仍算未报。如是包头市的表，请改用包头市的模板填写，或把填报单位改为包头市；如确是乌海市的表，请把文件名中的单位改为乌海市\n"
	if r.code != exitFindings || !strings.HasPrefix(r.stdout, want) {
		t.Errorf("validate:\n%v\nwant exit 1 and stdout beginning\n%s", r, want)
	}
}
