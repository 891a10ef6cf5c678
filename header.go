package taizhang

import (
	"strings"
	"unicode/utf8"
)

// headerSynonyms maps normalised header texts to columns.
var headerSynonyms = map[string]Field{
	"序号": FieldSeq, "序": FieldSeq, "编号": FieldSeq, "no": FieldSeq, "no.": FieldSeq,
	"措施编号": FieldNo, "措施序号": FieldNo, "任务编号": FieldNo, "整改措施编号": FieldNo, "措施号": FieldNo,
	"整改措施": FieldMeasure, "措施": FieldMeasure, "整改任务": FieldMeasure, "措施名称": FieldMeasure, "任务": FieldMeasure, "工作任务": FieldMeasure, "整改措施名称": FieldMeasure, "重点任务": FieldMeasure,
	"节点": FieldNode, "节点任务": FieldNode, "任务节点": FieldNode, "节点名称": FieldNode, "工作节点": FieldNode, "节点编号": FieldNode, "具体任务": FieldNode, "子任务": FieldNode,
	"完成节点": FieldNode, "节点内容": FieldNode, "节点序号": FieldNode, "任务序号": FieldNo,
	"任务名称": FieldNode, "任务内容": FieldNode, "工作任务名称": FieldMeasure, "重点任务名称": FieldMeasure,
	"完成时限": FieldDeadline, "时限": FieldDeadline, "时间节点": FieldDeadline, "完成期限": FieldDeadline, "时限要求": FieldDeadline, "计划完成时间": FieldDeadline, "截止时间": FieldDeadline, "截止日期": FieldDeadline, "完成时限要求": FieldDeadline,
	"牵头单位": FieldLead, "牵头部门": FieldLead, "牵头单位和领导": FieldLead, "牵头部门和领导": FieldLead, "牵头单位及领导": FieldLead,
	"进展状态": FieldStatus, "状态": FieldStatus, "完成情况": FieldStatus, "完成状态": FieldStatus, "进度状态": FieldStatus, "推进状态": FieldStatus, "是否完成": FieldStatus, "整改状态": FieldStatus, "进展状况": FieldStatus,
	"完成时间": FieldCompleted, "完成日期": FieldCompleted, "实际完成时间": FieldCompleted, "实际完成日期": FieldCompleted, "办结时间": FieldCompleted, "办结日期": FieldCompleted, "销号时间": FieldCompleted,
	"进展情况": FieldProgress, "工作进展": FieldProgress, "推进情况": FieldProgress, "进展": FieldProgress, "工作进展情况": FieldProgress, "进展情况说明": FieldProgress, "整改进展": FieldProgress, "整改进展情况": FieldProgress, "落实情况": FieldProgress, "工作推进情况": FieldProgress, "本期进展": FieldProgress, "推进落实情况": FieldProgress,
	"具体进展": FieldProgress, "具体进展情况": FieldProgress,
	"进展及成效": FieldProgress, "进展和成效": FieldProgress, "工作开展情况": FieldProgress, "开展情况": FieldProgress, "工作进展及成效": FieldProgress, "进展情况及成效": FieldProgress,
	"佐证材料": FieldEvidence, "佐证": FieldEvidence, "证明材料": FieldEvidence, "佐证材料清单": FieldEvidence, "附件": FieldEvidence, "支撑材料": FieldEvidence,
	"佐证资料": FieldEvidence, "证明资料": FieldEvidence, "支撑资料": FieldEvidence, "佐证材料名称": FieldEvidence, "相关佐证材料": FieldEvidence, "附件材料": FieldEvidence,
	"存在问题": FieldProblems, "问题": FieldProblems, "存在的问题": FieldProblems, "存在困难和问题": FieldProblems, "存在问题及困难": FieldProblems, "困难和问题": FieldProblems, "问题和困难": FieldProblems, "存在的困难和问题": FieldProblems,
	"困难问题": FieldProblems, "存在困难": FieldProblems, "问题及困难": FieldProblems, "困难及问题": FieldProblems, "问题与困难": FieldProblems, "困难与问题": FieldProblems,
	"存在困难问题": FieldProblems, "存在的困难问题": FieldProblems, "存在的困难": FieldProblems, "存在问题和困难": FieldProblems, "存在的问题和困难": FieldProblems,
	"存在困难及问题": FieldProblems, "存在的问题及困难": FieldProblems, "困难": FieldProblems, "主要问题": FieldProblems, "存在的主要问题": FieldProblems, "问题困难": FieldProblems,
	"下一步计划": FieldNext, "下步计划": FieldNext, "下一步工作计划": FieldNext, "下一步工作": FieldNext, "下步工作": FieldNext, "下一步打算": FieldNext, "下一步措施": FieldNext, "下步打算": FieldNext,
	"下步工作计划": FieldNext, "下一步工作安排": FieldNext, "下步工作安排": FieldNext, "下一步安排": FieldNext, "下步安排": FieldNext, "下一步工作打算": FieldNext,
	"下步工作打算": FieldNext, "下一步工作措施": FieldNext, "下步措施": FieldNext, "下一步工作思路": FieldNext, "下一步推进计划": FieldNext,
}

// headerSecondChoice names, for a synonym that may mean either of two
// columns, the other one: a table with both 进展状态 and 完成情况 holds its
// status in the first and its progress in the second.
var headerSecondChoice = map[string]Field{"完成情况": FieldProgress,
	// A title column beside 节点 holds the measures; beside 整改措施, the milestones.
	"任务名称": FieldMeasure, "任务内容": FieldMeasure, "工作任务名称": FieldNode, "重点任务名称": FieldNode,
}

// headerQualifiers may stand before a header name without changing the
// column it names: 本期工作进展情况 is 工作进展情况, 主要工作进展 is 工作进展.
var headerQualifiers = []string{"本期", "本月", "本阶段", "当期", "当前", "目前", "近期", "主要"}

// maxQualifiers is the length in bytes of the qualifiers that may stand
// before one header name.
const maxQualifiers = 2 * len("本阶段")

// HeaderChoice says how a header text names a column: Field is what
// MatchHeader returns, Exact whether the text is the template's own name for
// it (进展状态, not 状态), and Second the column it names when Field is held
// by another column (完成情况 beside 进展状态 is the progress), or FieldNone.
type HeaderChoice struct {
	Field  Field
	Exact  bool
	Second Field
}

// ChooseHeader is MatchHeader telling also whether the name is the template's
// own and what else it may name; ok is false for a text that names no column.
func ChooseHeader(text string) (c HeaderChoice, ok bool) {
	name, f, qualified, ok := matchHeader(text)
	if !ok {
		return HeaderChoice{}, false
	}
	return HeaderChoice{Field: f, Exact: !qualified && name == f.String(), Second: headerSecondChoice[name]}, true
}

// numberHeaders name a column that holds either a count of the rows or the
// measure and milestone numbers: MatchHeader reads them as 序号, and the
// column's values decide (Programme.NumberColumn).
var numberHeaders = map[string]bool{"序号": true, "编号": true}

// IsNumberHeader reports whether a header (序号, 编号) may name the column
// of measure numbers as well as a count of the rows.
func IsNumberHeader(text string) bool {
	f, ok := MatchHeader(text)
	if !ok || f != FieldSeq {
		return false
	}
	n := strings.Trim(strings.ToLower(Normalize(text)), "*:：")
	if i := strings.IndexAny(n, noteOpeners); i > 0 {
		n = strings.Trim(n[:i], "*:：") // 编号（按方案）
	}
	return numberHeaders[n]
}

// normalizesEmpty reports whether s holds nothing that Normalize keeps.
func normalizesEmpty(s string) bool {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if r == utf8.RuneError && size <= 1 || IsBlankRune(r) {
			continue
		}
		return false
	}
	return true
}

// maxHeaderName is the length in bytes of the longest header synonym.
var maxHeaderName = func() int {
	m := 0
	for k := range headerSynonyms {
		m = max(m, len(k))
	}
	return m + 1 + maxQualifiers // a leading * and qualifiers
}()

// noteOpeners start a note after a header name, after Normalize. A colon does
// not: "进展情况：已完成" is a value, not a header.
const noteOpeners = "([【〔<《{-/"

// MatchHeader finds the column a header text names, accepting the template's
// names and their usual synonyms (工作进展 for 进展情况, 完成日期 for 完成时间),
// with spaces, line breaks, full-width characters, a * mark, or a note after
// the name in brackets or after a dash (完成时间（请填日期）).
// ok is false for any other text.
func MatchHeader(text string) (f Field, ok bool) {
	m := headerMemo.get(text, func(text string) matchedHeader {
		_, f, _, ok := matchHeader(text)
		return matchedHeader{f, ok}
	})
	return m.f, m.ok
}

type matchedHeader struct {
	f  Field
	ok bool
}

// headerMemo remembers MatchHeader's answers: the reader asks it of every
// row's 进展状态 (已完成, 推进中, …) to find header rows repeated mid-sheet.
// Only short texts are kept: it is asked of 进展情况 too.
var headerMemo = memo[matchedHeader]{maxBytes: 48}

// matchHeader is MatchHeader, giving also the name of headerSynonyms matched
// and whether qualifiers (本期, 主要) stood before it.
func matchHeader(text string) (name string, f Field, qualified, ok bool) {
	// A header is a short name, perhaps with a note after it: only the start
	// of a long cell (a paragraph of progress) can matter.
	// The limit counts what Normalize keeps: blanks between the characters
	// of a name (进 … 展, centred by hand) cut nothing.
	cut := false
	if limit := 2*maxHeaderName + 16; len(text) > limit {
		kept := 0
		for i := 0; i < len(text); {
			r, size := utf8.DecodeRuneInString(text[i:])
			if !normalizesEmpty(text[i : i+size]) {
				if kept += utf8.RuneLen(fold(r)); kept > limit {
					text, cut = text[:i], true
					break
				}
			}
			i += size
		}
	}
	n := strings.ToLower(Normalize(text))
	n = strings.Trim(n, "*:：")
	for q := 0; q < 2; q++ { // 本期主要工作进展
		rest := n
		for _, p := range headerQualifiers {
			rest = strings.TrimPrefix(rest, p)
			if rest != n {
				break
			}
		}
		if rest == n || rest == "" {
			break
		}
		n, qualified = rest, true
	}
	if f, ok := headerSynonyms[n]; ok && !cut {
		return n, f, qualified, true
	}
	// The longest name followed by a note: 完成时间(请填日期), 进展状态【必填】.
	for i := min(len(n)-1, maxHeaderName); i > 0; i-- {
		if !utf8.RuneStart(n[i]) {
			continue
		}
		r, _ := utf8.DecodeRuneInString(n[i:])
		if !strings.ContainsRune(noteOpeners, r) {
			continue
		}
		name := strings.Trim(n[:i], "*:：")
		if f, ok := headerSynonyms[name]; ok {
			if f == FieldProgress && listsStatuses(n[i:]) {
				f = FieldStatus // 推进情况（已完成/推进中/未启动）
			}
			return name, f, qualified, true
		}
	}
	return "", FieldNone, false, false
}

// listsStatuses reports whether a header's note lists two statuses or more
// to choose from: （已完成/推进中/未启动）.
func listsStatuses(note string) bool {
	seen := map[Status]bool{}
	for _, w := range strings.FieldsFunc(note, func(r rune) bool { return strings.ContainsRune("()[]【】〔〕<>《》{}/、,，;；|｜ -", r) }) {
		if st, err := ParseStatus(w); err == nil {
			seen[st] = true
		}
	}
	return len(seen) >= 2
}
