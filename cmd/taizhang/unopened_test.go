package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"taizhang/xlsx"
)

// TestMergeUnopenedFile merges April's first half where 通辽市 sent its sheet
// packed in a .rar and 赤峰市 e-mailed a .7z instead of their sheets, and
// 包头市 sent a .rar of supporting material beside its sheet, and 兴安盟 only
// an e-mail saying its sheet comes later: 通辽市 and 赤峰市 are 未报 because
// what they sent could not be opened — the summary, 报送情况, 问题清单 and the
// 催报 text name the file and ask them to send it again, rather than telling
// them they sent nothing — while 包头市 is 按时 and 兴安盟 plainly 未报.
// 锡林郭勒盟 mailed only a PDF scan and a photo: 未报（无电子表格）, asked
// for the Excel sheet.
func TestMergeUnopenedFile(t *testing.T) {
	samples := abs(t, filepath.Join(samplesDir, "2021-04", "上半月"))
	t.Chdir(t.TempDir())
	if err := os.Mkdir("收件", 0o755); err != nil {
		t.Fatal(err)
	}
	copyFiles(t, samples, "收件", func(name string) bool {
		return strings.HasPrefix(name, "通辽市") || strings.HasPrefix(name, "赤峰市") || strings.HasPrefix(name, "兴安盟") || strings.HasPrefix(name, "锡林郭勒盟")
	})
	rar := "Rar!\x1a\x07\x01\x00 packed sheet"
	mail := "From: =?utf-8?B?6LWk5bOw5biC?= <cf@example.cn>\r\n" +
		"Subject: =?utf-8?B?6LWk5bOw5biCNOaciOS4iuWNiuaciOi/m+WxleaDheWGtQ==?=\r\n" + // 赤峰市4月上半月进展情况
		"Date: Wed, 14 Apr 2021 10:00:00 +0800\r\n" +
		"MIME-Version: 1.0\r\n" +
		"Content-Type: multipart/mixed; boundary=b\r\n\r\n" +
		"--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nplease see the attachment\r\n" +
		"--b\r\nContent-Type: application/x-7z-compressed; name=\"cf.7z\"\r\nContent-Disposition: attachment; filename=\"cf.7z\"\r\n\r\n7z\xbc\xaf\x27\x1c packed\r\n" +
		"--b--\r\n"
	later := "From: xam@example.cn\r\nSubject: =?utf-8?B?5YW05a6J55ufNOaciOS4iuWNiuaciOi/m+WxleaDheWGtQ==?=\r\n" + // 兴安盟4月上半月进展情况
		"Date: Wed, 14 Apr 2021 09:00:00 +0800\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nthe sheet comes tomorrow\r\n"
	// 锡林郭勒盟 mailed only the stamped scan and a photo of it.
	scan := "From: xlgl@example.cn\r\nSubject: =?utf-8?B?6ZSh5p6X6YOt5YuS55ufNOaciOS4iuWNiuaciOi/m+WxleaDheWGtQ==?=\r\n" + // 锡林郭勒盟4月上半月进展情况
		"Date: Wed, 14 Apr 2021 11:00:00 +0800\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n" +
		"--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nsee the scan\r\n" +
		"--b\r\nContent-Type: application/pdf; name=\"scan.pdf\"\r\nContent-Disposition: attachment; filename=\"scan.pdf\"\r\n\r\n%PDF-1.4\r\n" +
		"--b\r\nContent-Type: image/jpeg; name=\"p1.jpg\"\r\nContent-Disposition: attachment; filename=\"p1.jpg\"\r\n\r\n\xff\xd8\xff\r\n" +
		"--b--\r\n"
	for name, data := range map[string]string{
		"锡林郭勒盟4月上半月进展情况.eml": scan,
		"兴安盟4月上半月进展情况.eml":   later,
		"通辽市4月上半月进展情况.rar":   rar,
		"包头市佐证材料.rar":        rar,
		"赤峰市4月上半月进展情况.eml":   mail,
	} {
		if err := os.WriteFile(filepath.Join("收件", name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	r := taizhangRun("merge", "--remind", "-o", "汇总台账.xlsx", "收件")
	if r.code != exitOK {
		t.Fatalf("merge:\n%v", r)
	}
	tlRar := filepath.Join("收件", "通辽市4月上半月进展情况.rar")
	cf7z := filepath.Join("收件", "赤峰市4月上半月进展情况.eml") + " › cf.7z"
	r.printed(t,
		"未报：兴安盟、通辽市（文件无法读取）、赤峰市（文件无法读取）、锡林郭勒盟（邮件中没有电子表格）\n",
		"另有 1 个单位报来的邮件中没有电子表格（只有 PDF 扫描件等），请报送 Excel 格式的进展情况表：\n1. 锡林郭勒盟（方案中未登记联系人；收到：锡林郭勒盟4月上半月进展情况.eml）\n",
		"以下 1 个单位尚未报送，请尽快报送：\n1. 兴安盟（方案中未登记联系人）\n另有 2 个单位报送的文件无法读取，请重新报送：\n1. 通辽市（方案中未登记联系人；无法读取：通辽市4月上半月进展情况.rar）\n2. 赤峰市（方案中未登记联系人；无法读取：cf.7z）\n",
	)
	f, err := excelize.OpenFile("汇总台账.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for unit, file := range map[string]string{"通辽市": tlRar, "赤峰市": cf7z} {
		if row := receipt(t, f, unit, "2021年4月上半月"); row[2] != "未报（无法读取）" || row[5] != "无法读取："+file {
			t.Errorf("报送情况 of %s: %q", unit, row)
		}
	}
	if row := receipt(t, f, "包头市", "2021年4月上半月"); row[2] != "按时" || strings.Contains(row[5], "无法读取") {
		t.Errorf("报送情况 of 包头市: %q", row)
	}
	if row := receipt(t, f, "兴安盟", "2021年4月上半月"); row[2] != "未报" || row[5] != "" {
		t.Errorf("报送情况 of 兴安盟: %q", row)
	}
	scanMail := filepath.Join("收件", "锡林郭勒盟4月上半月进展情况.eml")
	if row := receipt(t, f, "锡林郭勒盟", "2021年4月上半月"); row[2] != "未报（无电子表格）" || row[5] != "无电子表格："+scanMail {
		t.Errorf("报送情况 of 锡林郭勒盟: %q", row)
	}
	want := map[string]string{
		"通辽市":   "通辽市2021年4月上半月进展情况表（应于 2021-04-15 前报送）收到的 " + tlRar + " 无法读取，视为未报，请其重新报送",
		"赤峰市":   "赤峰市2021年4月上半月进展情况表（应于 2021-04-15 前报送）收到的 " + cf7z + " 无法读取，视为未报，请其重新报送",
		"锡林郭勒盟": "锡林郭勒盟2021年4月上半月进展情况表（应于 2021-04-15 前报送）收到的 " + scanMail + " 中没有电子表格（只有 PDF 扫描件等附件），视为未报，请其报送 Excel 格式的进展情况表",
	}
	for _, row := range ledgerRows(t, f, xlsx.SheetFindings) {
		if len(row) > 7 && row[1] == "missing-submission" {
			if w, ok := want[row[3]]; ok {
				if row[7] != w {
					t.Errorf("未报 of %s says\n%s\nwant\n%s", row[3], row[7], w)
				}
				delete(want, row[3])
			}
		}
	}
	if len(want) > 0 {
		t.Errorf("问题清单 has no 未报 for %v", want)
	}
}
