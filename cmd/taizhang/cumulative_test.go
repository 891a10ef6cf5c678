package main

import (
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"taizhang/xlsx"
)

// writeCumulative writes 包头市's workbook kept over three periods, one sheet
// each, beside a 填报要求 sheet; each table's 进展情况 names its sheet.
func writeCumulative(t *testing.T, name string) {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", "填报要求"); err != nil {
		t.Fatal(err)
	}
	if err := f.SetSheetRow("填报要求", "A1", &[]any{"每半月新增一张表，表名写期次"}); err != nil {
		t.Fatal(err)
	}
	for _, sh := range []string{"4月上半月", "4月下半月", "5月上半月"} {
		if _, err := f.NewSheet(sh); err != nil {
			t.Fatal(err)
		}
		rows := [][]any{
			{"填报单位：包头市", nil, nil, nil, "填报日期：2021年5月14日"},
			{"措施编号", "节点", "进展状态", "完成时间", "进展情况", "佐证材料", "存在问题", "下一步计划"},
		}
		for _, no := range []string{"（一）", "（二）", "三.1", "三.2", "三.3", "（四）", "（六）"} {
			rows = append(rows, []any{no, nil, "推进中", nil, sh + "的进展", "工作方案", "无", "继续推进"})
		}
		for i, row := range rows {
			ref, _ := excelize.CoordinatesToCellName(1, i+1)
			if err := f.SetSheetRow(sh, ref, &row); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := f.SaveAs(name); err != nil {
		t.Fatal(err)
	}
}

func TestValidateCumulativeWorkbook(t *testing.T) {
	t.Chdir(t.TempDir())
	writeCumulative(t, "包头市进展.xlsx")
	r := taizhangRun("validate", "--period", "2021-04-2", "包头市进展.xlsx")
	for _, w := range []string{
		"包头市进展.xlsx 4月下半月 提示 读取说明：工作簿中另有2张进展表未读取：“4月上半月”、“5月上半月”（只读取了与命令行 --period 指定的期次2021年4月下半月对应的“4月下半月”）\n",
		"包头市进展.xlsx 4月下半月 提示 读取说明：表头没有报送期次，已按工作表名认定为2021年4月下半月\n",
	} {
		if !strings.Contains(r.stdout, w) {
			t.Errorf("validate printed no line %q:\n%v", w, r)
		}
	}
	if strings.Contains(r.stdout, "填报要求") {
		t.Errorf("validate named the sheet without a table:\n%v", r)
	}
	// Without --period, the latest.
	r = taizhangRun("validate", "包头市进展.xlsx")
	if w := "包头市进展.xlsx 5月上半月 提示 读取说明：工作簿中另有2张进展表未读取：“4月上半月”、“4月下半月”（只读取了期次最近的“5月上半月”，即2021年5月上半月）\n"; !strings.Contains(r.stdout, w) {
		t.Errorf("validate printed no line %q:\n%v", w, r)
	}
}

func TestMergeCumulativeWorkbook(t *testing.T) {
	t.Chdir(t.TempDir())
	writeCumulative(t, "包头市进展.xlsx")
	r := taizhangRun("merge", "--period", "2021-04-2", "-o", "汇总台账.xlsx", "包头市进展.xlsx")
	if r.code != exitOK || !strings.HasPrefix(r.stdout, "汇总期次：2021年4月下半月") {
		t.Fatalf("merge:\n%v", r)
	}
	f, err := excelize.OpenFile("汇总台账.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(xlsx.SheetLedger)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, row := range rows[1:] {
		if len(row) < 14 || row[0] != "包头市" {
			continue
		}
		n++
		if row[1] != "2021年4月下半月" || row[7] != "4月下半月的进展" || !strings.HasPrefix(row[13], "包头市进展.xlsx › 4月下半月!") {
			t.Errorf("ledger row %q", row)
		}
	}
	if n != 7 {
		t.Errorf("%d ledger rows of 包头市, want 7", n)
	}
}
