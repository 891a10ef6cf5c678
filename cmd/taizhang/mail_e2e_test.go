package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"taizhang/xlsx"
)

// The June samples arrive as the units really send them: e-mails (.eml),
// a Thunderbird export (.mbox), an archive made on Chinese Windows (.zip)
// and a legacy .xls (samples/README.md, 2021年6月).

const (
	juneFirst  = "2021-06/上半月"
	juneSecond = "2021-06/下半月"
	juneXLS    = juneSecond + "/通辽市_2021年6月下半月_进展情况表.xls"
)

// sofficeOnPath reports whether LibreOffice can be found as the program looks for it.
func sofficeOnPath() bool {
	for _, name := range []string{"soffice", "libreoffice"} {
		if _, err := exec.LookPath(name); err == nil {
			return true
		}
	}
	return false
}

// hideSoffice makes LibreOffice unavailable to the program for the rest of the test.
func hideSoffice(t *testing.T) {
	t.Helper()
	t.Setenv("PATH", t.TempDir())
	t.Setenv("ProgramFiles", "")
	t.Setenv("ProgramFiles(x86)", "")
}

// ledgerRows returns the rows of one sheet of a ledger.
func ledgerRows(t *testing.T, f *excelize.File, sheet string) [][]string {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// receipt returns the row of 报送情况 for unit and period.
func receipt(t *testing.T, f *excelize.File, unit, period string) []string {
	t.Helper()
	for _, row := range ledgerRows(t, f, xlsx.SheetReceipts) {
		if len(row) > 1 && row[0] == unit && row[1] == period {
			return append(row, make([]string, 7)...)[:7]
		}
	}
	t.Fatalf("%s has no row for %s %s", xlsx.SheetReceipts, unit, period)
	return nil
}

// mergeJune merges April–June up to the given folder with the samples'
// programme workbook, in a fresh folder, and opens the ledger.
func mergeJune(t *testing.T, inputs ...string) (result, *excelize.File, string) {
	t.Helper()
	samples := abs(t, samplesDir)
	t.Chdir(t.TempDir())
	args := []string{"merge", "--remind", "--programme", filepath.Join(samples, "方案工作簿.xlsx"), "-o", "汇总台账.xlsx"}
	for _, in := range inputs {
		args = append(args, filepath.Join(samples, in))
	}
	r := taizhangRun(args...)
	if r.code != exitOK {
		t.Fatalf("merge:\n%v", r)
	}
	f, err := excelize.OpenFile("汇总台账.xlsx")
	if err != nil {
		t.Fatalf("ledger: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	return r, f, samples
}

func checkLedgerGolden(t *testing.T, f *excelize.File, samples, path string) {
	t.Helper()
	checkGolden(t, path, strings.ReplaceAll(dumpWorkbook(t, f), samples+string(filepath.Separator), "samples/"))
}

// TestMergeJuneFirstHalf merges the e-mails of 2021年6月上半月 with April
// and May as history: e-mail time decides 按时 and 迟报, a sheet that names
// no unit is placed by its sender, 佐证材料 are listed, and every source
// names the mail file and the attachment, as an archive and its entry.
func TestMergeJuneFirstHalf(t *testing.T) {
	golden := abs(t, "testdata/mail/merge")
	r, f, samples := mergeJune(t, "2021-04", "2021-05", juneFirst)
	if !strings.HasPrefix(r.stdout, "汇总期次：2021年6月上半月（截至 2021-06-15）\n") {
		t.Errorf("merge:\n%v", r)
	}
	r.printed(t,
		"应报 16 个单位：已报 16 个（按时 15，迟报 1，时间不明 0），未报 0 个\n",
		"迟报：乌海市（1天）\n",
	)
	checkGolden(t, filepath.Join(golden, "2021年6月上半月.golden"), r.String())
	checkLedgerGolden(t, f, samples, filepath.Join(golden, "2021年6月上半月.ledger.golden"))

	const q = "2021年6月上半月"
	rel := func(s string) string { return strings.ReplaceAll(s, samples+string(filepath.Separator), "samples/") }
	// The e-mail's time wins over 填报日期: 乌海市's sheet says 06-15 but
	// came on 06-16 09:12; 兴安盟's says 06-16 but came on 06-15 17:40.
	for _, tc := range []struct{ unit, state, received, file string }{
		{"乌海市", "迟报1天", "2021-06-16 09:12", "samples/2021-06/上半月/乌海市6月上半月进展情况表（补发）.eml › 乌海市_2021年6月上半月_进展情况表.xlsx"},
		{"兴安盟", "按时", "2021-06-15 17:40", "samples/2021-06/上半月/兴安盟6月上半月工改专项进展情况.eml › 兴安盟_2021年6月上半月_进展情况表.xlsx"},
	} {
		row := receipt(t, f, tc.unit, q)
		if row[2] != tc.state || !strings.HasPrefix(row[3], tc.received) || row[4] != "邮件时间" || rel(row[5]) != tc.file {
			t.Errorf("%s %s: %q; want %s, received %s, 时间来源 邮件时间, 文件 %s", tc.unit, q, row, tc.state, tc.received, tc.file)
		}
	}
	// A sheet with no unit in its header, mark or file name is 锡林郭勒盟's
	// by the sender's address in the programme workbook.
	anon := "samples/2021-06/上半月/报送6月上半月进展情况.eml › 进展情况表.xlsx"
	if row := receipt(t, f, "锡林郭勒盟", q); row[2] != "按时" || rel(row[5]) != anon {
		t.Errorf("锡林郭勒盟 %s: %q; want 按时 from %s", q, row, anon)
	}
	n := 0
	for _, row := range ledgerRows(t, f, xlsx.SheetLedger) {
		if len(row) > 13 && row[0] == "锡林郭勒盟" && row[1] == q && strings.HasPrefix(rel(row[13]), anon+" › 进展情况!") {
			n++
		}
	}
	if n != 7 {
		t.Errorf("%s has %d rows of 锡林郭勒盟 %s from %s, want 7", xlsx.SheetLedger, n, q, anon)
	}
	// 佐证材料 that came with a sheet are listed beside it, whether attached
	// to the message or packed in an archive.
	for unit, also := range map[string]string{
		"包头市":        "随附：区域评估成果公开网页截图.jpg",
		"赤峰市":        "随附：赤峰市告知承诺制审批事项清单（送审稿）.pdf",
		"自治区住房城乡建设厅": "随附：自治区住房城乡建设厅6月上半月进展情况/佐证材料/关于召开全区推行清单制告知承诺制视频培训会的通知.pdf、自治区住房城乡建设厅6月上半月进展情况/佐证材料/视频培训会现场照片.jpg",
		"自治区政务服务局":   "随附：政务服务局6月上半月材料.zip › 佐证材料/“蒙速办”APP工程建设项目审批专区安全测评报告.pdf",
	} {
		if row := receipt(t, f, unit, q); !strings.HasSuffix(row[5], "\n"+also) {
			t.Errorf("%s %s 文件 = %q, want it to end with %q", unit, q, row[5], also)
		}
	}
	// 来源 names the mail file and the attachment, through a forward, an
	// mbox (whose messages are named by subject and time) and archives. 三.2 is row 8 of a 盟市's sheet, row 6
	// of a department's.
	want := map[string]string{
		"包头市":        "samples/2021-06/上半月/包头市关于报送6月上半月进展情况的函.eml › 包头市_2021年6月上半月_进展情况表.xlsx › 进展情况!A8",
		"乌兰察布市":      "samples/2021-06/上半月/转发：乌兰察布市关于报送6月上半月进展情况的函.eml › 乌兰察布市关于报送6月上半月进展情况的函.eml › 乌兰察布市_2021年6月上半月_进展情况表.xlsx › 进展情况!A8",
		"呼伦贝尔市":      "samples/2021-06/上半月/工改专班收件箱_2021年6月上半月.mbox › 邮件 呼伦贝尔市6月上半月进展情况 (2021-06-15 08:55) › 呼伦贝尔市_2021年6月上半月_进展情况表.xlsx › 进展情况!A8",
		"自治区住房城乡建设厅": "samples/2021-06/上半月/自治区住房城乡建设厅6月上半月进展情况.zip › 自治区住房城乡建设厅6月上半月进展情况/自治区住房城乡建设厅_2021年6月上半月_进展情况表.xlsx › 进展情况!A6",
		"自治区政务服务局":   "samples/2021-06/上半月/自治区政务服务局6月上半月进展情况及佐证材料.eml › 政务服务局6月上半月材料.zip › 自治区政务服务局_2021年6月上半月_进展情况表.xlsx › 进展情况!A6",
	}
	for _, row := range ledgerRows(t, f, xlsx.SheetLedger) {
		if len(row) > 13 && row[1] == q && strings.HasPrefix(row[4], "三.2 ") {
			if w, ok := want[row[0]]; ok {
				if got := rel(row[13]); got != w {
					t.Errorf("%s %s 三.2 来源:\n got  %s\n want %s", row[0], q, got, w)
				}
				delete(want, row[0])
			}
		}
	}
	for unit := range want {
		t.Errorf("%s has no row 三.2 of %s %s", xlsx.SheetLedger, unit, q)
	}
	// The first sheet of 自治区自然资源厅 was replaced by the second e-mail;
	// nothing is wrong with the pictures and PDFs.
	replaced := "samples/2021-06/上半月/自治区自然资源厅6月上半月进展情况.eml › 自治区自然资源厅_2021年6月上半月_进展情况表.xlsx"
	if row := receipt(t, f, "自治区自然资源厅", q); !strings.HasPrefix(rel(row[5]), "samples/2021-06/上半月/【更正】自治区自然资源厅6月上半月进展情况.eml › ") || rel(row[6]) != replaced {
		t.Errorf("自治区自然资源厅 %s: %q; want the 【更正】 message used and the first one replaced", q, row)
	}
	findings := ledgerRows(t, f, xlsx.SheetFindings)
	for _, want := range [][2]string{{"late-submission", "乌海市"}, {"duplicate-submission", "自治区自然资源厅"}, {"completed-late", "巴彦淖尔市"}, {"completed-late", "阿拉善盟"}} {
		if !slices.ContainsFunc(findings, func(row []string) bool { return len(row) > 3 && row[1] == want[0] && row[3] == want[1] }) {
			t.Errorf("%s has no %s of %s", xlsx.SheetFindings, want[0], want[1])
		}
	}
	for _, row := range findings[1:] {
		if len(row) > 6 && (row[0] == "错误" || strings.HasSuffix(row[6], ".jpg") || strings.HasSuffix(row[6], ".pdf")) {
			t.Errorf("unexpected finding: %q", row)
		}
	}
}

// TestMergeJuneSecondHalf merges all of April–June: 乌海市 sends nothing for
// 2021年6月下半月, and 通辽市's sheet is a legacy .xls, read through
// LibreOffice when it is installed and an error without it.
func TestMergeJuneSecondHalf(t *testing.T) {
	golden := abs(t, "testdata/mail/merge")
	const q = "2021年6月下半月"
	check := func(t *testing.T, r result, f *excelize.File) {
		t.Helper()
		if !strings.HasPrefix(r.stdout, "汇总期次：2021年6月下半月（截至 2021-06-30）\n") || !strings.Contains(r.stdout, ". 乌海市（联系人：杜鹏飞，电话：0473-3961408）\n") {
			t.Errorf("merge:\n%v", r)
		}
		if row := receipt(t, f, "乌海市", q); row[2] != "未报" || row[5] != "" {
			t.Errorf("乌海市 %s: %q, want 未报", q, row)
		}
		if row := receipt(t, f, "乌海市", "2021年6月上半月"); row[2] != "迟报1天" || row[4] != "邮件时间" {
			t.Errorf("乌海市 2021年6月上半月 (history): %q, want 迟报1天 by 邮件时间", row)
		}
	}
	t.Run("无LibreOffice", func(t *testing.T) {
		hideSoffice(t)
		r, f, samples := mergeJune(t, "2021-04", "2021-05", "2021-06")
		check(t, r, f)
		if !strings.Contains(r.stdout, "未报：通辽市（文件无法读取）、乌海市\n") || !strings.Contains(r.stdout, "其中无法读取 1 个") {
			t.Errorf("merge without LibreOffice:\n%v", r)
		}
		checkGolden(t, filepath.Join(golden, q+".golden"), r.String())
		checkLedgerGolden(t, f, samples, filepath.Join(golden, q+".ledger.golden"))
		xls := "samples/" + juneXLS
		if !slices.ContainsFunc(ledgerRows(t, f, xlsx.SheetFindings), func(row []string) bool {
			return len(row) > 7 && row[0] == "错误" && row[1] == "unreadable-file" &&
				strings.ReplaceAll(row[6], samples+string(filepath.Separator), "samples/") == xls &&
				row[7] == "是旧版 Excel 97-2003（.xls）或 WPS（.et）格式，本程序无法直接读取，请在 Excel 或 WPS 中另存为 .xlsx 后重新报送"
		}) {
			t.Errorf("%s has no 无法读取 error for %s", xlsx.SheetFindings, xls)
		}
	})
	t.Run("LibreOffice", func(t *testing.T) {
		requireTool(t, sofficeOnPath(), "LibreOffice (soffice)")
		r, f, samples := mergeJune(t, "2021-04", "2021-05", "2021-06")
		check(t, r, f)
		if !strings.Contains(r.stdout, "未报：乌海市\n") {
			t.Errorf("merge with LibreOffice:\n%v", r)
		}
		// The ledger is not compared as a whole: what LibreOffice writes may
		// change with its version. The summary and 通辽市's rows are.
		checkGolden(t, filepath.Join(golden, q+"_LibreOffice.golden"), r.String())
		xls := "samples/" + juneXLS
		if row := receipt(t, f, "通辽市", q); row[2] != "按时" || row[4] != "填报日期" || strings.ReplaceAll(row[5], samples+string(filepath.Separator), "samples/") != xls {
			t.Errorf("通辽市 %s: %q; want 按时 by 填报日期 from %s", q, row, xls)
		}
		n := 0
		for _, row := range ledgerRows(t, f, xlsx.SheetLedger) {
			if len(row) > 13 && row[0] == "通辽市" && row[1] == q && strings.HasPrefix(strings.ReplaceAll(row[13], samples+string(filepath.Separator), "samples/"), xls+" › 进展情况!A") {
				n++
			}
		}
		if n != 7 {
			t.Errorf("%s has %d rows of 通辽市 %s from %s, want 7", xlsx.SheetLedger, n, q, xls)
		}
	})
}

// juneMailFiles returns the June messages, mailboxes and archives, as paths
// relative to samplesDir.
func juneMailFiles(t *testing.T) []string {
	t.Helper()
	var out []string
	for _, dir := range []string{juneFirst, juneSecond} {
		entries, err := os.ReadDir(filepath.Join(samplesDir, dir))
		if err != nil {
			t.Fatalf("samples: %v (go run ./samples/gen writes them)", err)
		}
		for _, e := range entries {
			switch filepath.Ext(e.Name()) {
			case ".eml", ".mbox", ".zip":
				out = append(out, dir+"/"+e.Name())
			}
		}
	}
	if len(out) != 20 {
		t.Fatalf("found %d June messages and archives, want 20", len(out))
	}
	return out
}

// mailKnownWrong lists the June samples whose validate output is currently
// wrong: they have no golden file, and the test says so once the output no
// longer shows the problem.
var mailKnownWrong = map[string]struct {
	why        string
	stillWrong func(stdout string) bool
}{}

// TestValidateJuneMail checks what validate prints for each June message,
// mailbox and archive, run in its folder with the samples' programme
// workbook: it reads the sheets inside them as it reads a sheet on its own.
func TestValidateJuneMail(t *testing.T) {
	samples := abs(t, samplesDir)
	prog := filepath.Join(samples, "方案工作簿.xlsx")
	golden := abs(t, "testdata/mail/validate")
	for _, rel := range juneMailFiles(t) {
		t.Run(rel, func(t *testing.T) {
			t.Chdir(filepath.Join(samples, filepath.Dir(rel)))
			r := taizhangRun("validate", "--programme", prog, filepath.Base(rel))
			if k, ok := mailKnownWrong[rel]; ok {
				if k.stillWrong(r.stdout) {
					t.Skipf("known wrong output, no golden: %s", k.why)
				}
				t.Fatalf("fixed? %s no longer shows: %s; remove it from mailKnownWrong and run go test ./cmd/taizhang -update\n%v", rel, k.why, r)
			}
			checkGolden(t, filepath.Join(golden, rel+".golden"), r.String())
		})
	}
}

// TestValidateJuneSender checks that the sheet that names no unit is known
// by its sender only when the programme lists the sender's address.
func TestValidateJuneSender(t *testing.T) {
	samples := abs(t, samplesDir)
	t.Chdir(filepath.Join(samples, juneFirst))
	const name = "报送6月上半月进展情况.eml"
	r := taizhangRun("validate", name)
	want := "报送6月上半月进展情况.eml › 进展情况表.xlsx 进展情况!B2 错误 单位不明：填报单位为空，文件名中也没有单位名称；请在表头填写单位全称，如 包头市\n"
	if r.code != exitFindings || !strings.HasPrefix(r.stdout, want) {
		t.Errorf("validate %s with the built-in programme (no addresses):\n%v\nwant exit 1 and %s", name, r, want)
	}
	r = taizhangRun("validate", "--json", "--programme", filepath.Join(samples, "方案工作簿.xlsx"), name)
	var doc struct {
		Files []struct {
			Unit, Period string
			Entries      int
			Findings     []map[string]string
		}
	}
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil || len(doc.Files) != 1 {
		t.Fatalf("validate --json: %v\n%v", err, r)
	}
	if f := doc.Files[0]; r.code != exitOK || f.Unit != "锡林郭勒盟" || f.Period != "2021年6月上半月" || f.Entries != 7 {
		t.Errorf("validate --programme %s: exit %d, read as %s %s with %d entries; want exit 0, 锡林郭勒盟 2021年6月上半月 with 7", name, r.code, f.Unit, f.Period, f.Entries)
	}
}

// TestValidateJuneLegacy checks the legacy .xls both ways: converted and
// read with LibreOffice (a 提示), refused with a request to re-save as .xlsx
// without it (an 错误).
func TestValidateJuneLegacy(t *testing.T) {
	samples := abs(t, samplesDir)
	golden := abs(t, "testdata/mail/validate")
	name := filepath.Base(juneXLS)
	t.Run("无LibreOffice", func(t *testing.T) {
		hideSoffice(t)
		t.Chdir(filepath.Join(samples, juneSecond))
		r := taizhangRun("validate", name)
		want := name + " 错误 无法读取：是旧版 Excel 97-2003（.xls）或 WPS（.et）格式，本程序无法直接读取，请在 Excel 或 WPS 中另存为 .xlsx 后重新报送\n"
		if r.code != exitFindings || !strings.HasPrefix(r.stdout, want) {
			t.Errorf("validate %s without LibreOffice:\n%v\nwant exit 1 and %s", name, r, want)
		}
		checkGolden(t, filepath.Join(golden, juneXLS+".golden"), r.String())
	})
	t.Run("LibreOffice", func(t *testing.T) {
		requireTool(t, sofficeOnPath(), "LibreOffice (soffice)")
		t.Chdir(filepath.Join(samples, juneSecond))
		r := taizhangRun("validate", name)
		want := name + " 提示 读取说明：旧版 .xls 格式，已用 LibreOffice 转换后读取\n"
		if r.code != exitOK || !strings.Contains(r.stdout, want) || strings.Contains(r.stdout, " 错误 ") {
			t.Errorf("validate %s with LibreOffice:\n%v\nwant exit 0 and %s", name, r, want)
		}
		r = taizhangRun("validate", "--json", name)
		var doc struct {
			Files []struct {
				Unit, Period string
				Entries      int
			}
		}
		if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil || len(doc.Files) != 1 {
			t.Fatalf("validate --json: %v\n%v", err, r)
		}
		if f := doc.Files[0]; f.Unit != "通辽市" || f.Period != "2021年6月下半月" || f.Entries != 7 {
			t.Errorf("%s read as %s %s with %d entries, want 通辽市 2021年6月下半月 with 7", name, f.Unit, f.Period, f.Entries)
		}
	})
}

// TestReportJune writes the June report from the samples.
func TestReportJune(t *testing.T) {
	samples := abs(t, samplesDir)
	out := filepath.Join(t.TempDir(), "月度报告.pdf")
	// The test clock is 2021-06-01, before any June sheet was due: ask for the whole month.
	r := taizhangRun("report", "--programme", filepath.Join(samples, "方案工作簿.xlsx"), "--month", "2021-06", "--as-of", "2021-06-30", "-o", out,
		filepath.Join(samples, "2021-04"), filepath.Join(samples, "2021-05"), filepath.Join(samples, "2021-06"))
	if r.code != exitOK || !strings.HasPrefix(r.stdout, "报告月份：2021年6月（截至 2021-06-30）\n") {
		t.Fatalf("report --month 2021-06:\n%v", r)
	}
	data, err := os.ReadFile(out)
	if err != nil || !bytes.HasPrefix(data, []byte("%PDF-")) {
		t.Fatalf("no PDF written: %v", err)
	}
}

// TestMailGoldensHaveSamples catches golden files left behind by a renamed sample.
func TestMailGoldensHaveSamples(t *testing.T) {
	if *update {
		t.Skip("-update")
	}
	have := append(juneMailFiles(t), juneXLS)
	root := "testdata/mail/validate"
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		rel = strings.TrimSuffix(filepath.ToSlash(rel), ".golden")
		if !slices.Contains(have, rel) {
			t.Errorf("golden %s has no sample %s", path, rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
