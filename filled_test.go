package taizhang

import "testing"

// A template sent back with only a dash or 无 in 完成时间 is still blank:
// those say no date yet (noDate), so it does not replace a filled sheet.
func TestFilledInNoDate(t *testing.T) {
	for text, want := range map[string]bool{"": false, "/": false, "无": false, "——": false, "暂无。": false, "2021-05-20": true, "5月底": true} {
		s := &Submission{Entries: []Entry{{Labels: &Labels{Milestone: "一"}, CompletedText: text}}}
		if got := filledIn(s); got != want {
			t.Errorf("filledIn with 完成时间 %q = %v, want %v", text, got, want)
		}
	}
}
