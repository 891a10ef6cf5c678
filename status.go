package taizhang

import (
	"fmt"
	"strings"
)

// Status is the progress of one milestone as a unit reports it.
type Status uint8

// The statuses a sheet may give. NoStatus means the cell was empty or unreadable.
const (
	NoStatus Status = iota
	NotStarted
	InProgress
	Done
)

// Statuses lists the statuses a unit may choose, in the order of the drop-down.
var Statuses = []Status{NotStarted, InProgress, Done}

// String returns the Chinese name: 未启动, 推进中, 已完成, or "" for NoStatus.
func (s Status) String() string {
	switch s {
	case NotStarted:
		return "未启动"
	case InProgress:
		return "推进中"
	case Done:
		return "已完成"
	}
	return ""
}

var statusSynonyms = map[string]Status{
	"未启动": NotStarted, "尚未启动": NotStarted, "未开展": NotStarted, "尚未开展": NotStarted,
	"未开始": NotStarted, "尚未开始": NotStarted, "未推进": NotStarted, "未实施": NotStarted,
	"暂未启动": NotStarted, "还未启动": NotStarted, "没有启动": NotStarted,
	"推进中": InProgress, "正在推进": InProgress, "进行中": InProgress, "持续推进": InProgress,
	"正在进行": InProgress, "在推进": InProgress, "推进": InProgress, "已启动": InProgress,
	"正在实施": InProgress, "实施中": InProgress, "整改中": InProgress, "正在整改": InProgress,
	"进行": InProgress, "开展中": InProgress, "正在开展": InProgress, "有序推进": InProgress,
	"已完成": Done, "完成": Done, "已办结": Done, "办结": Done, "已落实": Done, "已整改": Done,
	"整改完成": Done, "已完成整改": Done, "已销号": Done, "销号": Done, "已经完成": Done,
	"全部完成": Done, "完成整改": Done, "已全部完成": Done, "已完结": Done, "完结": Done,
	"已开展": InProgress, "已经启动": InProgress, "持续推进中": InProgress, "进展中": InProgress,
	"正在办理": InProgress, "办理中": InProgress,
}

// ParseStatus reads a status by its name or a usual synonym (已办结 → 已完成,
// 正在推进 → 推进中, 尚未开展 → 未启动). Anything else is an error that says
// what may be written; ParseStatus never guesses.
func ParseStatus(text string) (Status, error) {
	n := strings.Trim(Normalize(text), "。.;；,，!！\"'“”‘’「」")
	if n == "" {
		return NoStatus, fmt.Errorf("进展状态为空，请从下拉列表选择 未启动、推进中 或 已完成")
	}
	if s, ok := statusSynonyms[n]; ok {
		return s, nil
	}
	return NoStatus, fmt.Errorf("进展状态%q无法识别，请从下拉列表选择 未启动、推进中 或 已完成", Quote(text))
}
