package taizhang

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
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
	"全部完成": Done, "完成整改": Done, "已全部完成": Done, "全面完成": Done, "已全面完成": Done, "已完结": Done, "完结": Done,
	"已开展": InProgress, "已经启动": InProgress, "持续推进中": InProgress, "进展中": InProgress,
	"正在办理": InProgress, "办理中": InProgress, "正在推进中": InProgress, "正在进行中": InProgress,
	"正在实施中": InProgress, "正在开展中": InProgress, "正在整改中": InProgress, "正在办理中": InProgress, "推进当中": InProgress,
}

// ParseStatus reads a status by its name or a usual synonym (已办结 → 已完成,
// 正在推进 → 推进中, 尚未开展 → 未启动), also with a check mark (已完成√), a
// percentage (推进中80%) or a remark in brackets after it (已完成（已销号）,
// 推进中（完成80%）) when the remark does not contradict it: 已完成（部分）
// and 完成80% are not 已完成. Anything else is an error that says what may
// be written; ParseStatus never guesses.
func ParseStatus(text string) (Status, error) {
	n := trimStatus(Normalize(text))
	if n == "" {
		return NoStatus, fmt.Errorf("进展状态为空，请从下拉列表选择 未启动、推进中 或 已完成")
	}
	if s, ok := statusSynonyms[n]; ok {
		return s, nil
	}
	if s, ok := remarkedStatus(n, 0); ok {
		return s, nil
	}
	return NoStatus, fmt.Errorf("进展状态%q无法识别，请从下拉列表选择 未启动、推进中 或 已完成", Quote(text))
}

// statusPunct is trimmed from both ends of a status.
const statusPunct = "。.;；,，!！\"'“”‘’「」、…~"

// checkMarks are trimmed from both ends of a status: 已完成√.
const checkMarks = "√✓✔☑✅"

func trimStatus(n string) string { return strings.Trim(n, statusPunct) }

// statusBrackets pairs the closing brackets a remark may end with to their
// openers, after Normalize.
var statusBrackets = map[rune]rune{')': '(', ']': '[', '】': '【', '>': '<', '》': '《', '}': '{', '〕': '〔', '』': '『'}

// percentWords may stand between a status and its percentage: 推进中，完成80%.
var percentWords = []string{"完成进度", "完成率", "完成度", "进度为", "已完成", "完成", "进度", "已达", "达到", "达", "约", "为", "已", ":"}

// remarkedStatus reads a status n (after Normalize and trimStatus) that
// carries check marks, a bracketed remark or a percentage, when what remains
// is a known status the remark agrees with.
func remarkedStatus(n string, depth int) (Status, bool) {
	if depth > 3 {
		return NoStatus, false
	}
	core := trimStatus(strings.Trim(n, checkMarks))
	if core == "" {
		return NoStatus, false
	}
	if s, ok := statusSynonyms[core]; ok {
		return s, true
	}
	last, size := utf8.DecodeLastRuneInString(core)
	if open, ok := statusBrackets[last]; ok {
		inner := core[:len(core)-size]
		i := strings.LastIndex(inner, string(open))
		if i < 0 {
			return remarkedStatus(inner, depth+1) // 已完成）
		}
		base, remark := inner[:i], inner[i+len(string(open)):]
		if trimStatus(base) == "" {
			return remarkedStatus(remark, depth+1) // （已完成）
		}
		s, ok := remarkedStatus(base, depth+1)
		if !ok || !remarkAgrees(s, remark) {
			return NoStatus, false
		}
		return s, true
	}
	if first, size := utf8.DecodeRuneInString(core); strings.ContainsRune("([【〔<《{「『", first) {
		return remarkedStatus(core[size:], depth+1) // （已完成
	}
	if num, ok := strings.CutSuffix(core, "%"); ok {
		j := len(num)
		for j > 0 && (isDigit(num[j-1]) || num[j-1] == '.') {
			j--
		}
		if j == len(num) {
			return NoStatus, false
		}
		pct := num[j:] + "%"
		// The status before the percentage, less the words between: 推进中，完成80%.
		for rest := num[:j]; trimStatus(rest) != ""; {
			if s, ok := remarkedStatus(rest, depth+1); ok && remarkAgrees(s, pct) {
				return s, true
			} else if ok {
				return NoStatus, false
			}
			cut := false
			for _, w := range percentWords {
				if r, ok := strings.CutSuffix(rest, w); ok {
					rest, cut = trimStatus(r), true
					break
				}
			}
			if !cut {
				break
			}
		}
	}
	return NoStatus, false
}

// doneDoubts are words that, in a remark after 已完成, say it is not done.
var doneDoubts = []string{"部分", "未", "基本", "尚", "待", "阶段", "大部", "初步", "正在", "推进", "进行"}

var percentIn = regexp.MustCompile(`([0-9]{1,3}(?:\.[0-9]+)?)%`)

// remarkAgrees reports whether a remark after status s is a note on it
// (已销号, 提前, 完成80% after 推进中) rather than a different status.
func remarkAgrees(s Status, remark string) bool {
	r := trimStatus(Normalize(remark))
	if r == "" {
		return true
	}
	if other, ok := statusSynonyms[r]; ok {
		return other == s
	}
	for _, m := range percentIn.FindAllStringSubmatch(r, -1) {
		pct, err := strconv.ParseFloat(m[1], 64)
		if err != nil {
			return false
		}
		switch {
		case s == Done && pct != 100, s == InProgress && pct >= 100, s == NotStarted && pct != 0:
			return false
		}
	}
	if s == Done {
		for _, w := range doneDoubts {
			if strings.Contains(r, w) {
				return false
			}
		}
	}
	return true
}
