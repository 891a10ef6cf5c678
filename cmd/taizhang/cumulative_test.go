package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"taizhang/xlsx"
)

// progressTable writes on sheet sh a header block row head, the column
// names and one 推进中 row for each milestone 包头市 reports, whose 进展情况
// is progress.
func progressTable(t *testing.T, f *excelize.File, sh string, head []any, progress string) {
	t.Helper()
	rows := [][]any{head, {"措施编号", "节点", "进展状态", "完成时间", "进展情况", "佐证材料", "存在问题", "下一步计划"}}
	for _, no := range []string{"（一）", "（二）", "三.1", "三.2", "三.3", "（四）", "（六）"} {
		rows = append(rows, []any{no, nil, "推进中", nil, progress, "工作方案", "无", "继续推进"})
	}
	for i, row := range rows {
		ref, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow(sh, ref, &row); err != nil {
			t.Fatal(err)
		}
	}
}

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
		progressTable(t, f, sh, []any{"填报单位：包头市", nil, nil, nil, "填报日期：2021年5月14日"}, sh+"的进展")
	}
	if err := f.SaveAs(name); err != nil {
		t.Fatal(err)
	}
}

func TestValidateCumulativeWorkbook(t *testing.T) {
	t.Chdir(t.TempDir())
	writeCumulative(t, "包头市进展.xlsx")
	r := taizhangRun("validate", "--period", "2021-04-2", "包头市进展.xlsx")
	r.printed(t,
		"包头市进展.xlsx 4月下半月 提示 读取说明：工作簿中另有2张进展表未读取：“4月上半月”、“5月上半月”（只读取了与命令行 --period 指定的期次2021年4月下半月对应的“4月下半月”）\n",
		"包头市进展.xlsx 4月下半月 提示 读取说明：表头没有报送期次，已按工作表名认定为2021年4月下半月\n",
	)
	if strings.Contains(r.stdout, "填报要求") {
		t.Errorf("validate named the sheet without a table:\n%v", r)
	}
	// Without --period, the latest.
	r = taizhangRun("validate", "包头市进展.xlsx")
	r.printed(t, "包头市进展.xlsx 5月上半月 提示 读取说明：工作簿中另有2张进展表未读取：“4月上半月”、“4月下半月”（只读取了期次最近的“5月上半月”，即2021年5月上半月）\n")
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
	rows := ledgerRows(t, f, xlsx.SheetLedger)
	// The period's own table, and the earlier one the workbook keeps (no
	// other sheet gave it); not the later one.
	n := map[string]int{}
	for _, row := range rows[1:] {
		if len(row) < 14 || row[0] != "包头市" {
			continue
		}
		n[row[1]]++
		sheet := strings.TrimPrefix(row[1], "2021年")
		if row[7] != sheet+"的进展" || !strings.HasPrefix(row[13], "包头市进展.xlsx › "+sheet+"!") {
			t.Errorf("ledger row %q", row)
		}
	}
	if n["2021年4月下半月"] != 7 || n["2021年4月上半月"] != 7 || len(n) != 2 {
		t.Errorf("ledger rows of 包头市 by period: %v, want 7 of 4月下半月 and 7 of 4月上半月", n)
	}
	if row := receipt(t, f, "包头市", "2021年4月上半月"); row[2] == "未报" || row[5] != "包头市进展.xlsx" {
		t.Errorf("报送情况 of 包头市 2021年4月上半月: %q, want from 包头市进展.xlsx", row)
	}
	want := "工作簿中的“4月上半月”是往期的表，本批文件中没有该单位这几期的其他表，已按往期的表读取（本期读取“4月下半月”，即2021年4月下半月）"
	if !slices.ContainsFunc(ledgerRows(t, f, xlsx.SheetFindings), func(row []string) bool { return len(row) > 7 && row[7] == want }) {
		t.Errorf("no note %q in 问题清单", want)
	}
	if !strings.Contains(r.stdout, "读取文件 1 个") {
		t.Errorf("the workbook counted more than once:\n%v", r)
	}
}

// writeHalves writes 包头市's workbook with one sheet per period, named as
// given, each with its own 报送期次 and 填报日期 (filled, by sheet) and 进展情况
// saying which sheet and file it is in.
func writeHalves(t *testing.T, name string, filled map[string]string, sheets ...string) {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, sh := range sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", sh); err != nil {
				t.Fatal(err)
			}
		} else if _, err := f.NewSheet(sh); err != nil {
			t.Fatal(err)
		}
		progressTable(t, f, sh, []any{"填报单位：包头市", nil, "报送期次：2021年" + sh, nil, "填报日期：" + filled[sh]}, name+" "+sh+"的进展")
	}
	if err := f.SaveAs(name); err != nil {
		t.Fatal(err)
	}
}

// TestMergeWorkbookOfHalves merges 包头市's sheet of April's first half and,
// sent for the second half, its workbook holding both halves, one sheet
// each. The first half's sheet kept in the later workbook is an older copy:
// merging the first half uses the sheet sent for it, and neither run finds
// the workbook's period at odds with its file name.
func TestMergeWorkbookOfHalves(t *testing.T) {
	t.Chdir(t.TempDir())
	if err := os.Mkdir("收件", 0o755); err != nil {
		t.Fatal(err)
	}
	first := filepath.Join("收件", "包头市_2021年4月上半月_进展情况表.xlsx")
	both := filepath.Join("收件", "包头市_2021年4月下半月_进展情况表.xlsx")
	writeHalves(t, first, map[string]string{"4月上半月": "2021年4月14日"}, "4月上半月")
	// The first half's sheet was touched again when the second was added.
	writeHalves(t, both, map[string]string{"4月上半月": "2021年4月15日", "4月下半月": "2021年4月29日"}, "4月上半月", "4月下半月")
	for _, c := range []struct {
		period, half, file string
	}{
		{"2021-04-1", "2021年4月上半月", first},
		{"", "2021年4月下半月", both},
	} {
		args := []string{"merge", "-o", "汇总台账.xlsx", "--force", "收件"}
		if c.period != "" {
			args = append(args, "--period", c.period)
		}
		r := taizhangRun(args...)
		if r.code != exitOK || !strings.HasPrefix(r.stdout, "汇总期次："+c.half) {
			t.Fatalf("merge %s:\n%v", c.period, r)
		}
		f, err := excelize.OpenFile("汇总台账.xlsx")
		if err != nil {
			t.Fatal(err)
		}
		if row := receipt(t, f, "包头市", c.half); row[2] != "按时" || row[5] != c.file {
			t.Errorf("merge %s: 报送情况 of 包头市: %q, want 按时 from %s", c.period, row, c.file)
		}
		for _, row := range ledgerRows(t, f, xlsx.SheetLedger)[1:] {
			if len(row) > 7 && row[0] == "包头市" && row[1] == c.half && !strings.HasPrefix(row[7], c.file+" ") {
				t.Errorf("merge %s: ledger row not from %s: %q", c.period, c.file, row)
			}
		}
		for _, row := range ledgerRows(t, f, xlsx.SheetFindings)[1:] {
			if len(row) > 7 && (row[1] == "wrong-period" || strings.Contains(row[7], "采用较新的")) {
				t.Errorf("merge %s: 问题清单 has %q", c.period, row)
			}
		}
		f.Close()
	}
	// The older copy is named as such.
	r := taizhangRun("merge", "-o", "汇总台账.xlsx", "--force", "--period", "2021-04-1", "收件")
	f, err := excelize.OpenFile("汇总台账.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	want := "包头市2021年4月上半月收到多份进展情况表，采用该期报送的 " + first + "；本表是报送2021年4月下半月的工作簿中留存的往期表，未计入汇总"
	found := false
	for _, row := range ledgerRows(t, f, xlsx.SheetFindings)[1:] {
		found = found || len(row) > 7 && row[1] == "duplicate-submission" && row[7] == want
	}
	if !found {
		t.Errorf("问题清单 lacks\n%s\n%v\n%q", want, r, ledgerRows(t, f, xlsx.SheetFindings))
	}
}
