package taizhang_test

import (
	"testing"

	"taizhang"
)

func TestParseStatus(t *testing.T) {
	for in, want := range map[string]taizhang.Status{
		"未启动": taizhang.NotStarted, "尚未启动": taizhang.NotStarted, "未开展": taizhang.NotStarted,
		"尚未开展": taizhang.NotStarted, "未开始": taizhang.NotStarted,
		"推进中": taizhang.InProgress, "正在推进": taizhang.InProgress, "进行中": taizhang.InProgress,
		"持续推进": taizhang.InProgress, "持续推进中": taizhang.InProgress, "已启动": taizhang.InProgress,
		"已完成": taizhang.Done, "完成": taizhang.Done, "已办结": taizhang.Done, "已全部完成": taizhang.Done,
		"已全面完成": taizhang.Done, "全面完成": taizhang.Done,
		"已完成。": taizhang.Done, " 已 完 成 ": taizhang.Done, "已完成\n": taizhang.Done, "\u3000推进中\u3000": taizhang.InProgress,
		"已完成；": taizhang.Done, "“已完成”": taizhang.Done, "\"推进中\"": taizhang.InProgress,
		// A remark, check mark or percentage that agrees with the status.
		"已完成（已销号）": taizhang.Done, "已完成(已销号)": taizhang.Done, "已完成【已销号】": taizhang.Done,
		"完成（提前）": taizhang.Done, "已完成（6月中旬）": taizhang.Done, "已完成（100%）": taizhang.Done, "已完成100%": taizhang.Done,
		"已完成√": taizhang.Done, "√已完成": taizhang.Done, "已完成 ✓": taizhang.Done, "✔已完成": taizhang.Done, "☑ 已完成": taizhang.Done,
		"已完成(已销号)√": taizhang.Done, "已完成。√": taizhang.Done, "已完成）": taizhang.Done, "（已完成）": taizhang.Done, "【推进中】": taizhang.InProgress,
		"正在推进中": taizhang.InProgress, "正在进行中": taizhang.InProgress, "推进中（完成80%）": taizhang.InProgress,
		"推进中(完成８０％)": taizhang.InProgress, "推进中80%": taizhang.InProgress, "推进中，完成80%": taizhang.InProgress,
		"推进中（进度约60%）": taizhang.InProgress, "未启动（0%）": taizhang.NotStarted, "尚未启动（待自治区部署）": taizhang.NotStarted,
	} {
		if got, err := taizhang.ParseStatus(in); err != nil || got != want {
			t.Errorf("ParseStatus(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for in, want := range map[string]string{
		"":           "进展状态为空，请从下拉列表选择 未启动、推进中 或 已完成",
		" \n":        "进展状态为空，请从下拉列表选择 未启动、推进中 或 已完成",
		"基本完成":       `进展状态"基本完成"无法识别，请从下拉列表选择 未启动、推进中 或 已完成`,
		"未完成":        `进展状态"未完成"无法识别，请从下拉列表选择 未启动、推进中 或 已完成`,
		"完成80%":      `进展状态"完成80%"无法识别，请从下拉列表选择 未启动、推进中 或 已完成`,
		"推进中/已完成":    `进展状态"推进中/已完成"无法识别，请从下拉列表选择 未启动、推进中 或 已完成`,
		"已完成（部分）":    `进展状态"已完成（部分）"无法识别，请从下拉列表选择 未启动、推进中 或 已完成`,
		"长期坚持":       `进展状态"长期坚持"无法识别，请从下拉列表选择 未启动、推进中 或 已完成`,
		"√":          `进展状态"√"无法识别，请从下拉列表选择 未启动、推进中 或 已完成`,
		"是":          `进展状态"是"无法识别，请从下拉列表选择 未启动、推进中 或 已完成`,
		"Done":       `进展状态"Done"无法识别，请从下拉列表选择 未启动、推进中 或 已完成`,
		"阶段性完成":      `进展状态"阶段性完成"无法识别，请从下拉列表选择 未启动、推进中 或 已完成`,
		"已完成\n并长期坚持": `进展状态"已完成 并长期坚持"无法识别，请从下拉列表选择 未启动、推进中 或 已完成`,
		// A remark that contradicts the status, or a mark with no status.
		"已完成（待验收）":   `进展状态"已完成（待验收）"无法识别，请从下拉列表选择 未启动、推进中 或 已完成`,
		"已完成（基本完成）":  `进展状态"已完成（基本完成）"无法识别，请从下拉列表选择 未启动、推进中 或 已完成`,
		"已完成80%":     `进展状态"已完成80%"无法识别，请从下拉列表选择 未启动、推进中 或 已完成`,
		"推进中（已完成）":   `进展状态"推进中（已完成）"无法识别，请从下拉列表选择 未启动、推进中 或 已完成`,
		"推进中（100%）":  `进展状态"推进中（100%）"无法识别，请从下拉列表选择 未启动、推进中 或 已完成`,
		"未启动（完成30%）": `进展状态"未启动（完成30%）"无法识别，请从下拉列表选择 未启动、推进中 或 已完成`,
		"✓":          `进展状态"✓"无法识别，请从下拉列表选择 未启动、推进中 或 已完成`,
		"80%":        `进展状态"80%"无法识别，请从下拉列表选择 未启动、推进中 或 已完成`,
		"（）":         `进展状态"（）"无法识别，请从下拉列表选择 未启动、推进中 或 已完成`,
		"/":          `进展状态"/"无法识别，请从下拉列表选择 未启动、推进中 或 已完成`,
	} {
		got, err := taizhang.ParseStatus(in)
		if err == nil || err.Error() != want || got != taizhang.NoStatus {
			t.Errorf("ParseStatus(%q) = %v, %v; want error %s", in, got, err, want)
		}
	}
	for _, s := range taizhang.Statuses {
		if got, err := taizhang.ParseStatus(s.String()); err != nil || got != s {
			t.Errorf("ParseStatus(%s) = %v, %v", s, got, err)
		}
	}
}
