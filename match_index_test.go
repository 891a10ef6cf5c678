package taizhang

import (
	"fmt"
	"testing"

	"taizhang/templates"
)

// MatchUnit finds the keys inside a text through the index (each piece of
// the text looked up) or, for a programme without one, by looking for every
// unit's keys in the text: both give the same answer, error included.
func TestMatchUnitIndexAgreesWithScan(t *testing.T) {
	p, err := ParseProgrammeText(templates.Programme)
	if err != nil {
		t.Fatal(err)
	}
	// A programme of many similar units, as at national scale, besides
	// the built-in one.
	big := &Programme{Name: "全国", Units: []Unit{{Name: "北京市", Kind: Department}, {Name: "包头市", Kind: City, Aliases: []string{"包头", "鹿城"}}}}
	for _, prov := range []string{"山东省", "河北省", "内蒙古自治区"} {
		for _, c := range []string{"平宁县", "宁阳县", "阳城市", "城关区", "包头市"} {
			big.Units = append(big.Units, Unit{Name: prov + c, Kind: City, Aliases: []string{c + "人民政府"}})
		}
	}
	big.reindex()
	texts := []string{"", "：", "包头", "包头市住房和城乡建设局", "呼市住建局", "锡盟", "自治区", "北京市", "乌",
		"包头市、鄂尔多斯市", "包头市_2021年5月上半月进展情况表", "关于报送鄂尔多斯市康巴什区进展的函", "内蒙古自治区包头市",
		"住建厅", "政务服务局", "自治区政务服务中心", "满洲里市", "包头包头市", "山东省平宁县_2024年6月上半月_进展情况表",
		"河北省宁阳县人民政府", "宁阳县人民政府", "内蒙古自治区包头市", "鹿城区", "阳城市平宁县", "平宁", "\xff包头市\xfe"}
	for _, prog := range []*Programme{p, big} {
		scan := *prog
		scan.ix = nil
		all := texts
		for _, u := range prog.Units {
			all = append(all, u.Name, u.Name+"住房和城乡建设局", "关于"+u.Name+"的报告")
			all = append(all, u.Aliases...)
		}
		for _, s := range all {
			got, gotErr := prog.MatchUnit(s)
			want, wantErr := scan.MatchUnit(s)
			if got != want || fmt.Sprint(gotErr) != fmt.Sprint(wantErr) {
				t.Errorf("%s: MatchUnit(%q) = %q, %v with the index; %q, %v without", prog.Name, s, got, gotErr, want, wantErr)
			}
		}
	}
}

func FuzzMatchUnitIndex(f *testing.F) {
	p, err := ParseProgrammeText(templates.Programme)
	if err != nil {
		f.Fatal(err)
	}
	scan := *p
	scan.ix = nil
	for _, s := range []string{"包头市住房和城乡建设局", "呼市住建局", "包头市、鄂尔多斯市", "自治区", "锡盟-2021年5月上半月进展情况表", "包\xff头市"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, gotErr := p.MatchUnit(s)
		want, wantErr := scan.MatchUnit(s)
		if got != want || fmt.Sprint(gotErr) != fmt.Sprint(wantErr) {
			t.Fatalf("MatchUnit(%q) = %q, %v with the index; %q, %v without", s, got, gotErr, want, wantErr)
		}
	})
}
