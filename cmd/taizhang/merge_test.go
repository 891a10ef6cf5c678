package main

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"taizhang"
)

// TestMergeSummaryBrief prints the merge summary of a period in which many
// units are late or missing: each line names ten units and counts the rest,
// pointing to 报送情况; the 催报 text still names every unit.
func TestMergeSummaryBrief(t *testing.T) {
	p, q := builtinApril(t)
	summary := func(reported int) (string, *taizhang.Ledger) {
		var files []taizhang.File
		for _, u := range p.Units[:reported] {
			src := taizhang.Source{Path: u.Name + ".xlsx", Name: u.Name + ".xlsx", Received: time.Date(2021, 4, 18, 10, 0, 0, 0, taizhang.CST)}
			files = append(files, taizhang.File{Source: src, Submission: &taizhang.Submission{Source: src, Unit: u.Name, Period: q}})
		}
		l := taizhang.Merge(p, files, taizhang.MergeOptions{Period: q})
		var b bytes.Buffer
		printMergeSummary(&b, l, "汇总台账.xlsx")
		return b.String(), l
	}

	// 12 late, 4 missing.
	out, _ := summary(12)
	for _, line := range []string{
		"迟报：呼和浩特市（3天）、包头市（3天）、呼伦贝尔市（3天）、兴安盟（3天）、通辽市（3天）、赤峰市（3天）、锡林郭勒盟（3天）、乌兰察布市（3天）、鄂尔多斯市（3天）、巴彦淖尔市（3天）等 12 个单位（全部名单见“报送情况”表）\n",
		"未报：自治区发展改革委、自治区自然资源厅、自治区住房城乡建设厅、自治区政务服务局\n",
	} {
		if !strings.Contains(out, line) {
			t.Errorf("summary lacks\n%s\ngot:\n%s", line, out)
		}
	}

	// All 16 missing.
	out, l := summary(0)
	want := "未报：呼和浩特市、包头市、呼伦贝尔市、兴安盟、通辽市、赤峰市、锡林郭勒盟、乌兰察布市、鄂尔多斯市、巴彦淖尔市等 16 个单位（全部名单见“报送情况”表）\n"
	if !strings.Contains(out, want) || strings.Contains(out, "迟报：") {
		t.Errorf("summary:\n%s\nwant the line\n%s", out, want)
	}
	remind := reminder(l)
	for _, u := range p.Units {
		if !strings.Contains(remind, ". "+u.Name+"（") {
			t.Errorf("催报 text lacks %s:\n%s", u.Name, remind)
		}
	}
}

// TestMergeSummaryUnreadable names the files that could not be read, without
// their folders, ten at most, and counts the rest.
func TestMergeSummaryUnreadable(t *testing.T) {
	p, q := builtinApril(t)
	var files []taizhang.File
	add := func(path string) {
		f := taizhang.File{Source: taizhang.Source{Path: path, Name: path}}
		f.Findings.Add(taizhang.UnreadableFile, taizhang.Place{File: path}, "文件已损坏")
		files = append(files, f)
	}
	add(filepath.Join("收件", "兴安盟（损坏）.xlsx"))
	add(filepath.Join("收件", "4月", "乌海市报送.eml") + " › 乌海市（加密）.xlsx")
	summary := func() string {
		var b bytes.Buffer
		printMergeSummary(&b, taizhang.Merge(p, files, taizhang.MergeOptions{Period: q}), "汇总台账.xlsx")
		return b.String()
	}
	want := "读取文件 2 个，其中无法读取 2 个（见“问题清单”）\n无法读取：兴安盟（损坏）.xlsx、乌海市报送.eml › 乌海市（加密）.xlsx\n"
	if out := summary(); !strings.Contains(out, want) {
		t.Errorf("summary:\n%s\nwant the lines\n%s", out, want)
	}
	for i := range 10 {
		add(fmt.Sprintf("收件/坏%d.xlsx", i+1))
	}
	want = "无法读取：兴安盟（损坏）.xlsx、乌海市报送.eml › 乌海市（加密）.xlsx、坏1.xlsx、坏2.xlsx、坏3.xlsx、坏4.xlsx、坏5.xlsx、坏6.xlsx、坏7.xlsx、坏8.xlsx等 12 个文件（全部文件及原因见“问题清单”表）\n"
	if out := summary(); !strings.Contains(out, want) {
		t.Errorf("summary:\n%s\nwant the line\n%s", out, want)
	}
}

// TestMergeHelpListsInputs lists in merge -h every kind of input merge reads.
func TestMergeHelpListsInputs(t *testing.T) {
	r := taizhangRun("merge", "-h")
	if r.code != exitOK || r.stderr != "" {
		t.Fatalf("taizhang merge -h:\n%v", r)
	}
	want := `输入可以是：
  .xlsx 工作簿（也读 .xlsm、.xltx、.xltm）
  .xls、.et 旧版工作簿（装有 LibreOffice 时自动转换后读取，否则列为无法读取）
  .csv 表格（UTF-8、GBK 或 UTF-16 编码）
  文件夹（连同其中的子文件夹）
  .zip 压缩包（其中的表格、邮件和压缩包）
  .eml 邮件、.mbox 邮箱文件（读取附件，收到时间取邮件的发送时间）
`
	if !strings.Contains(r.stdout, want) {
		t.Errorf("taizhang merge -h does not list the inputs:\n%s", r.stdout)
	}
}
