package main

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"mime"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"taizhang/xlsx"
)

// mail returns an e-mail from 包头市 with the given attachments, name and
// content in turn.
func mail(t *testing.T, attachments ...any) []byte {
	t.Helper()
	var b strings.Builder
	b.WriteString("From: btzjj@example.cn\r\nSubject: =?utf-8?B?" + base64.StdEncoding.EncodeToString([]byte("包头市报送")) + "?=\r\n")
	b.WriteString("Date: Wed, 14 Apr 2021 10:00:00 +0800\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n")
	for i := 0; i+1 < len(attachments); i += 2 {
		name := mime.BEncoding.Encode("utf-8", attachments[i].(string))
		fmt.Fprintf(&b, "--b\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\nContent-Disposition: attachment; filename=\"%s\"\r\n\r\n%s\r\n",
			name, base64.StdEncoding.EncodeToString(attachments[i+1].([]byte)))
	}
	b.WriteString("--b--\r\n")
	return []byte(b.String())
}

// photoList returns a workbook of 佐证材料: a list of photos, no progress table.
func photoList(t *testing.T) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetRow("Sheet1", "A1", &[]any{"序号", "照片", "说明"})
	f.SetSheetRow("Sheet1", "A2", &[]any{1, "IMG_0612.jpg", "政务服务中心一个窗口改造后"})
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestEvidenceBesideSheet sends a workbook of 佐证材料 with 包头市's sheet
// in one e-mail, and another next to it in the folder named for 包头市: each
// is a 提示 that names the sheet read instead, and the first is listed among
// the sheet's attachments. Sent alone, such a workbook is still an 错误.
func TestEvidenceBesideSheet(t *testing.T) {
	sheet, err := os.ReadFile(filepath.Join(samplesDir, badDateSample))
	if err != nil {
		t.Fatal(err)
	}
	photos := photoList(t)
	t.Chdir(t.TempDir())
	os.Mkdir("收件", 0o755)
	os.Mkdir("单独", 0o755)
	for name, data := range map[string][]byte{
		"收件/包头市报送.eml":                   mail(t, "包头市_2021年4月上半月_进展情况表.xlsx", sheet, "照片说明.xlsx", photos),
		"收件/包头市佐证材料.xlsx":                photos,
		"收件/新建 Microsoft Excel 工作表.xlsx": photos,
		"单独/包头市补充材料.eml":                 mail(t, "照片说明.xlsx", photos),
	} {
		if err := os.WriteFile(name, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	const (
		noTable = "没有找到进展情况表：各工作表的前30行中都没有“措施编号”“进展状态”“进展情况”等列名，请使用下发的模板填报"
		note    = "不是进展情况表（各工作表中都没有“措施编号”“进展状态”“进展情况”等列名），未作为进展情况表读取，按随附材料处理；"
	)

	r := taizhangRun("validate", "收件/包头市报送.eml")
	want := `收件/包头市报送.eml › 包头市_2021年4月上半月_进展情况表.xlsx 进展情况!H7 错误 填写有误：完成时间"2021-13-01"不是有效日期，请填写如 2021-05-31
收件/包头市报送.eml › 包头市_2021年4月上半月_进展情况表.xlsx 进展情况!G10 提示 临期：节点 四 完成时限为 2021-04-30，还剩15天
收件/包头市报送.eml › 照片说明.xlsx 提示 读取说明：` + note + `同一封邮件中的进展情况表 包头市_2021年4月上半月_进展情况表.xlsx 已读取
共检查 2 个文件：错误 1 个，警告 0 个，提示 2 个。请改正错误后再报送。
`
	if r.code != exitFindings || r.stdout != want {
		t.Errorf("validate of the e-mail:\n%v\nwant stdout\n%s", r, want)
	}
	r = taizhangRun("validate", "单独/包头市补充材料.eml")
	want = "单独/包头市补充材料.eml › 照片说明.xlsx 错误 无法读取：" + noTable + "\n共检查 1 个文件：错误 1 个，警告 0 个，提示 0 个。请改正错误后再报送。\n"
	if r.code != exitFindings || r.stdout != want {
		t.Errorf("validate of an e-mail with only 佐证材料:\n%v\nwant stdout\n%s", r, want)
	}

	r = taizhangRun("merge", "收件", "-o", "台账.xlsx")
	if r.code != exitOK || !strings.Contains(r.stdout, "读取文件 4 个，其中无法读取 1 个（见“问题清单”），跳过 2 个（不是进展情况表）\n无法读取：新建 Microsoft Excel 工作表.xlsx\n") {
		t.Fatalf("merge:\n%v", r)
	}
	l, err := excelize.OpenFile("台账.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	var got []string
	for _, row := range ledgerRows(t, l, xlsx.SheetFindings)[1:] {
		if row[1] == "unreadable-file" || row[1] == "reader-note" {
			got = append(got, strings.Join(row, " | "))
		}
	}
	wantRows := []string{
		"错误 | unreadable-file | 无法读取 |  |  |  | 收件/新建 Microsoft Excel 工作表.xlsx | " + noTable,
		"提示 | reader-note | 读取说明 | 包头市 | 2021年4月上半月 |  | 收件/包头市佐证材料.xlsx | " + note + "包头市的进展情况表 包头市_2021年4月上半月_进展情况表.xlsx 已读取",
		"提示 | reader-note | 读取说明 | 包头市 | 2021年4月上半月 |  | 收件/包头市报送.eml › 照片说明.xlsx | " + note + "同一封邮件中的进展情况表 包头市_2021年4月上半月_进展情况表.xlsx 已读取",
	}
	if strings.Join(got, "\n") != strings.Join(wantRows, "\n") {
		t.Errorf("问题清单:\n\t%s\nwant\n\t%s", strings.Join(got, "\n\t"), strings.Join(wantRows, "\n\t"))
	}
	if row := receipt(t, l, "包头市", "2021年4月上半月"); row[5] != "收件/包头市报送.eml › 包头市_2021年4月上半月_进展情况表.xlsx\n随附：照片说明.xlsx" {
		t.Errorf("报送情况 文件 %q", row[5])
	}
}
