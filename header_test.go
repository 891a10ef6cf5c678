package taizhang_test

import (
	"strings"
	"testing"

	"taizhang"
)

func TestMatchHeader(t *testing.T) {
	for in, want := range map[string]taizhang.Field{
		"序号": taizhang.FieldSeq, "序 号": taizhang.FieldSeq, "ＮＯ．": taizhang.FieldSeq,
		"措施编号": taizhang.FieldNo, "措施\n编号": taizhang.FieldNo,
		"整改措施": taizhang.FieldMeasure, "整改\n措施": taizhang.FieldMeasure,
		"节点": taizhang.FieldNode, "节点任务": taizhang.FieldNode,
		"完成时限": taizhang.FieldDeadline, "完成时限\n（不可修改）": taizhang.FieldDeadline,
		"牵头单位": taizhang.FieldLead, "牵头部门和领导": taizhang.FieldLead,
		"进展状态": taizhang.FieldStatus, "状态": taizhang.FieldStatus, "完成情况": taizhang.FieldStatus,
		"*进展状态": taizhang.FieldStatus, "进展状态*": taizhang.FieldStatus, "＊进展状态": taizhang.FieldStatus,
		"进展状态（必填）": taizhang.FieldStatus, "进展状态【必填】": taizhang.FieldStatus,
		"进展状态（未启动/推进中/已完成）": taizhang.FieldStatus,
		// A note listing the statuses to choose from names the status column,
		// whatever name stands before it.
		"推进情况（已完成/推进中/未启动）": taizhang.FieldStatus, "进展情况(未启动、推进中、已完成)": taizhang.FieldStatus,
		"工作进展（已完成/进行中）": taizhang.FieldStatus, "进展情况（已完成的写明完成时间）": taizhang.FieldProgress,
		"具体进展": taizhang.FieldProgress, "具体进展情况": taizhang.FieldProgress, "时间节点": taizhang.FieldDeadline,
		"完成时间": taizhang.FieldCompleted, "完成日期": taizhang.FieldCompleted, "实际完成时间": taizhang.FieldCompleted,
		"完成\n时间": taizhang.FieldCompleted, "完成 时间 ": taizhang.FieldCompleted, "完成时间:": taizhang.FieldCompleted,
		"完成时间\n（请填日期）": taizhang.FieldCompleted, "完成时间\r\n(请填日期)": taizhang.FieldCompleted,
		"完成时间（请填写日期，如2021-05-31）": taizhang.FieldCompleted, "完成时间〔请填日期〕": taizhang.FieldCompleted,
		"完成时间<请填日期>": taizhang.FieldCompleted, "完成时间——请填日期": taizhang.FieldCompleted,
		"ＡＢ完成时间": taizhang.FieldNone,
		"工作进展":   taizhang.FieldProgress, "进展情况": taizhang.FieldProgress, "推进情况": taizhang.FieldProgress,
		"工作进展情况：": taizhang.FieldProgress, "进展情况 [必填]": taizhang.FieldProgress,
		"佐证材料": taizhang.FieldEvidence, "佐证材料（附件名称）": taizhang.FieldEvidence,
		"存在问题": taizhang.FieldProblems, "存在的困难和问题": taizhang.FieldProblems,
		"下一步计划": taizhang.FieldNext, "下一步工作计划": taizhang.FieldNext,
		"编号": taizhang.FieldSeq, "任务编号": taizhang.FieldNo, "任务序号": taizhang.FieldNo,
		"完成节点": taizhang.FieldNode, "节点编号": taizhang.FieldNode, "节点序号": taizhang.FieldNode, "具体任务": taizhang.FieldNode,
		// Names broken by Alt+Enter, spaced out, or in their usual synonyms.
		"困难\n问题": taizhang.FieldProblems, "困难问题": taizhang.FieldProblems, "存在困难": taizhang.FieldProblems,
		"存在的问题": taizhang.FieldProblems, "困难和问题": taizhang.FieldProblems, "问题及困难": taizhang.FieldProblems,
		"存在的\n困难和问题": taizhang.FieldProblems, "存在\u3000问题": taizhang.FieldProblems, "存在\r\n问题": taizhang.FieldProblems,
		"困难及问题": taizhang.FieldProblems, "问题与困难": taizhang.FieldProblems, "存在的主要问题": taizhang.FieldProblems,
		"下一步\n工作计划": taizhang.FieldNext, "下步计划": taizhang.FieldNext,
		"下一步工作": taizhang.FieldNext, "下一步打算": taizhang.FieldNext, "下步工作计划": taizhang.FieldNext,
		"下一步工作安排": taizhang.FieldNext, "下一步\u3000打算": taizhang.FieldNext,
		"佐证": taizhang.FieldEvidence, "证明材料": taizhang.FieldEvidence, "支撑材料": taizhang.FieldEvidence,
		"佐证\n材料": taizhang.FieldEvidence, "佐证资料": taizhang.FieldEvidence, "证明资料": taizhang.FieldEvidence,
		"完成\r\n日期": taizhang.FieldCompleted, "实际\n完成时间": taizhang.FieldCompleted,
		"完成\n状态": taizhang.FieldStatus, "进展\u3000状态": taizhang.FieldStatus,
		// Names of the milestone-title column, and progress named with a qualifier (本期, 主要).
		"任务名称": taizhang.FieldNode, "任务内容": taizhang.FieldNode, "任务\n名称": taizhang.FieldNode,
		"工作任务名称": taizhang.FieldMeasure, "重点任务名称": taizhang.FieldMeasure,
		"本期工作进展情况": taizhang.FieldProgress, "本期工作\n进展情况": taizhang.FieldProgress, "主要工作进展": taizhang.FieldProgress,
		"工作进展情况": taizhang.FieldProgress, "本期进展情况": taizhang.FieldProgress, "进展及成效": taizhang.FieldProgress,
		"本月进展情况（必填）": taizhang.FieldProgress, "本期主要工作进展": taizhang.FieldProgress, "工作进展及成效": taizhang.FieldProgress,
		"本期进展状态": taizhang.FieldStatus, "本期完成情况": taizhang.FieldStatus, "本期存在问题": taizhang.FieldProblems,
	} {
		got, ok := taizhang.MatchHeader(in)
		if got != want || ok != (want != taizhang.FieldNone) {
			t.Errorf("MatchHeader(%q) = %v %v, want %v", in, got, ok, want)
		}
	}
	for _, in := range []string{"", "填报单位", "备注", "完成", "问题描述", "时间", "(完成时间)", "*", "进展状态说明", "本期", "主要",
		"本期进展情况：已完成", "工作进展状态说明",
		"进展情况：已完成系统对接", "完成时限：2021年5月31日前", "状态,已完成"} {
		if got, ok := taizhang.MatchHeader(in); ok {
			t.Errorf("MatchHeader(%q) = %v, want no column", in, got)
		}
	}
	// A name followed by more blanks than a header is long (a cell padded to centre it).
	if got, ok := taizhang.MatchHeader("措施" + strings.Repeat(" ", 100) + "\u3000\n"); !ok || got != taizhang.FieldMeasure {
		t.Errorf("MatchHeader(措施 and blanks) = %v %v", got, ok)
	}
	if got, ok := taizhang.MatchHeader("进展情况" + strings.Repeat(" ", 100) + "已完成"); ok {
		t.Errorf("MatchHeader(进展情况, blanks, 已完成) = %v, want no column", got)
	}
	for _, f := range taizhang.Fields {
		if got, ok := taizhang.MatchHeader(f.String()); !ok || got != f {
			t.Errorf("MatchHeader(%s) = %v %v", f, got, ok)
		}
	}
}

func TestIsNumberHeader(t *testing.T) {
	for in, want := range map[string]bool{
		"编号": true, "序号": true, "编 号": true, "序号*": true, "编号（按方案）": true,
		"措施编号": false, "任务编号": false, "节点编号": false, "NO.": false, "序": false, "": false, "进展状态": false,
	} {
		if got := taizhang.IsNumberHeader(in); got != want {
			t.Errorf("IsNumberHeader(%q) = %v, want %v", in, got, want)
		}
	}
}
