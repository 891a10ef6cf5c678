package main

import (
	"os"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// TestTabTextXLS validates a sheet that a system exported as “Excel”: GBK
// text with tab-separated fields, named .xls. It is read as the text table it
// is, cell by cell like 包头市.xls!H5, with a note saying so, whether or not
// LibreOffice is installed (LibreOffice reads such text as Latin-1 in one
// column, and the sheet would be reported as having no table). So is a
// UTF-8 comma-separated one named .et.
func TestTabTextXLS(t *testing.T) {
	t.Chdir(t.TempDir())
	data, err := simplifiedchinese.GBK.NewEncoder().String(strings.ReplaceAll(strings.ReplaceAll(gbkSheet, ",", "\t"), "\n", "\r\n"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile("包头市.xls", []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile("乌海市.et", []byte(strings.ReplaceAll(gbkSheetUTF8(), "包头市", "乌海市")), 0o644); err != nil {
		t.Fatal(err)
	}
	r := taizhangRun("validate", "乌海市.et")
	if r.code != exitOK {
		t.Errorf("validate 乌海市.et:\n%v", r)
	}
	r.printed(t, "乌海市.et 提示 读取说明：文件内容不是 Excel 工作簿，而是以制表符或逗号分隔的文本（系统导出的 .xls 常是这样），已按文本表格读取\n")
	r = taizhangRun("validate", "包头市.xls")
	r.printed(t,
		"包头市.xls!H5 错误 填写有误：完成时间\"2021-13-01\"不是有效日期，请填写如 2021-05-31\n",
		"包头市.xls!G9 提示 临期：节点 四 完成时限为 2021-04-30，还剩15天\n",
		"包头市.xls 提示 读取说明：文件内容不是 Excel 工作簿，而是以制表符或逗号分隔的文本（系统导出的 .xls 常是这样），已按文本表格读取\n",
		"共检查 1 个文件：错误 1 个，警告 0 个，提示 2 个。请改正错误后再报送。\n",
	)
	if r.code != exitFindings {
		t.Errorf("validate exit %d, want %d", r.code, exitFindings)
	}
}
