package xlsx

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"taizhang"
)

func TestEncryptedWorkbook(t *testing.T) {
	p := builtin(t)
	data := filled(t, p, "包头市", period(t, "2021-04-1"), "2021-04-14", nil)
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	var enc bytes.Buffer
	if _, err := f.WriteTo(&enc, excelize.Options{Password: "bt2021"}); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(enc.Bytes(), oleMagic) {
		t.Fatal("excelize did not write an encrypted (OLE2) workbook")
	}
	src := taizhang.Source{Path: "包头市.xlsx", Name: "包头市.xlsx"}
	for _, tc := range []struct {
		name string
		opt  ReadOptions
		want string
	}{
		{"no password", ReadOptions{Programme: p}, "包头市.xlsx 错误 无法读取：工作簿已加密（设置了打开密码），请用 --password 提供密码，或在方案“设置”表的“工作簿密码”中登记，或请报送单位去掉密码后重新报送"},
		{"wrong password", ReadOptions{Programme: p, Passwords: []string{"123456"}}, "包头市.xlsx 错误 无法读取：工作簿已加密，所给的密码都不对，请向报送单位核实密码"},
		{"--password", ReadOptions{Programme: p, Passwords: []string{"123456", "bt2021"}}, ""},
	} {
		s, fs := ReadSubmission(src, enc.Bytes(), tc.opt)
		var lines []string
		for _, x := range fs {
			lines = append(lines, x.Text())
		}
		got := strings.Join(lines, "\n")
		if got != tc.want || (tc.want == "") != (s != nil) {
			t.Errorf("%s: got %v\n%s\nwant\n%s", tc.name, s != nil, got, tc.want)
		}
		if s != nil && (s.Unit != "包头市" || len(s.Entries) != 7) {
			t.Errorf("%s: read %q with %d entries", tc.name, s.Unit, len(s.Entries))
		}
	}
	// The programme's 设置 lists passwords too.
	q := *p
	q.Passwords = []string{"bt2021"}
	if s, fs := ReadSubmission(src, enc.Bytes(), ReadOptions{Programme: &q}); s == nil {
		t.Errorf("programme password not tried: %v", fs)
	}
}
