package taizhang_test

import (
	"strings"
	"testing"

	"taizhang"
)

func TestNormalize(t *testing.T) {
	for in, want := range map[string]string{
		"":                      "",
		"２０２１－０５－３１":            "2021-05-31",
		"（三）１":                  "(三)1",
		"完成时间\n（请填日期）":          "完成时间(请填日期)",
		" 包 头\t市\r\n":           "包头市",
		"\u3000推进中\u200b\ufeff": "推进中",
		"ＡＰＰ：":                  "APP:",
		"三．1":                   "三.1",
		"2021—05–31":            "2021-05-31",
		"句号。":                   "句号。",
		"bad\xffutf8":           "badutf8",
		"“蒙速办”":                 "“蒙速办”",
	} {
		if got := taizhang.Normalize(in); got != want {
			t.Errorf("Normalize(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestClean(t *testing.T) {
	for in, want := range map[string]string{
		"  推进中\n":         "推进中",
		"\u200b第一行\n第二行 ": "第一行\n第二行",
		"a\xffb":          "ab",
		"\u3000":          "",
	} {
		if got := taizhang.Clean(in); got != want {
			t.Errorf("Clean(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestQuote(t *testing.T) {
	if got := taizhang.Quote(" 第一行\n 第二行 "); got != "第一行 第二行" {
		t.Errorf("Quote = %q", got)
	}
	long := strings.Repeat("长", 45)
	if got := taizhang.Quote(long); got != strings.Repeat("长", 40)+"…" {
		t.Errorf("Quote(long) = %q", got)
	}
	if got := taizhang.Quote(strings.Repeat("长", 40)); got != strings.Repeat("长", 40) {
		t.Errorf("Quote(40) = %q", got)
	}
}
