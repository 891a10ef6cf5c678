package xlsx

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

func TestProgrammeRoundTrip(t *testing.T) {
	p := builtin(t)
	p.Units[1].Contact, p.Units[1].Phone, p.Units[1].Emails = "王芳", "0472-5111111", []string{"btzjj@example.cn", "bt2@example.cn"}
	p.GraceDays, p.DueDays = 2, 3
	p.Passwords = []string{"123456"}
	var buf bytes.Buffer
	if err := WriteProgramme(&buf, p, written); err != nil {
		t.Fatal(err)
	}
	got, fs := ReadProgramme("方案.xlsx", buf.Bytes())
	if len(fs) > 0 || got == nil {
		t.Fatalf("findings: %v", fs)
	}
	if !reflect.DeepEqual(got, p) {
		for i := range p.Measures {
			if !reflect.DeepEqual(got.Measures[i], p.Measures[i]) {
				t.Errorf("measure %d:\n got %+v\nwant %+v", i, got.Measures[i], p.Measures[i])
			}
		}
		for i := range p.Units {
			if !reflect.DeepEqual(got.Units[i], p.Units[i]) {
				t.Errorf("unit %d:\n got %+v\nwant %+v", i, got.Units[i], p.Units[i])
			}
		}
		got.Measures, got.Units = nil, nil
		q := *p
		q.Measures, q.Units = nil, nil
		if !reflect.DeepEqual(*got, q) {
			t.Errorf("settings:\n got %+v\nwant %+v", *got, q)
		}
	}
}

func TestBrokenProgramme(t *testing.T) {
	p := builtin(t)
	var buf bytes.Buffer
	if err := WriteProgramme(&buf, p, written); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	f.SetCellStr("措施", "F3", "2021-13-01")
	f.SetCellStr("措施", "K4", "北京市、各盟市")
	f.SetCellStr("措施", "A5", "第七项措施")
	f.SetCellStr("单位", "B3", "旗县")
	f.SetCellStr("单位", "A5", "包头市")
	f.SetCellStr("设置", "B6", "每周")
	f.SetCellStr("设置", "B8", "七天")
	var out bytes.Buffer
	if _, err := f.WriteTo(&out); err != nil {
		t.Fatal(err)
	}
	got, fs := ReadProgramme("方案.xlsx", out.Bytes())
	if got != nil {
		t.Error("a broken programme was accepted")
	}
	var lines []string
	for _, x := range fs {
		lines = append(lines, x.Text())
	}
	want := []string{
		`方案.xlsx 设置!B6 错误 填写有误：报送周期"每周"无法识别，请填写 半月、旬 或 月`,
		`方案.xlsx 设置!B8 错误 填写有误：宽限天数"七天"应为0到366之间的整数`,
		`方案.xlsx 单位!B3 错误 填写有误：类别"旗县"应为 盟市 或 部门`,
		`方案.xlsx 单位!A5 错误 填写有误：单位"包头市"与 A3 重复，请删去一行`,
		`方案.xlsx 措施!F3 错误 填写有误：完成时限"2021-13-01"不是有效日期，请填写如 2021-05-31`,
		`方案.xlsx 措施!K4 错误 填写有误：单位"北京市"不是本专项工作的填报单位，请填写如 包头市`,
		`方案.xlsx 措施!A5 错误 填写有误：措施编号"第七项措施"无法识别，请写成如（一）`,
	}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
}
