package main

import (
	"fmt"
	"io"
	"path/filepath"

	"taizhang"
	"taizhang/xlsx"
)

func init() {
	register(command{name: "template", args: "--period 期次 [--unit 单位]… [-o 文件夹] [--force]", order: 20,
		short: "为各填报单位生成某一期的空白进展情况表",
		run:   runTemplate})
}

func runTemplate(e *env, args []string) int {
	fs := e.flags("template")
	period := fs.String("period", "", "报送`期次`，如 2021年4月上半月 或 2021-04-1（必填）")
	units := fs.StringArray("unit", nil, "只为这个`单位`生成（可多次给出）；不给则为全部填报单位生成")
	out := fs.StringP("output", "o", ".", "写入的`文件夹`")
	force := fs.Bool("force", false, "文件夹中已有同名的表时覆盖它们")
	prog := programmeFlag(fs)
	if done, st := e.parse(fs, args); done {
		return st
	}
	if fs.NArg() > 0 {
		return e.fail("template", "多余的参数 %s", fs.Arg(0))
	}
	p, err := e.programme(*prog)
	if err != nil {
		return e.fail("template", "%v", err)
	}
	if *period == "" {
		return e.fail("template", "请用 --period 指定报送期次，如 --period 2021-04-1")
	}
	q, err := taizhang.ParsePeriod(*period, p.Schedule, e.now().In(taizhang.CST).Year())
	if err != nil {
		return e.fail("template", "--period：%v", err)
	}
	var names []string
	for _, u := range *units {
		name, err := p.MatchUnit(u)
		if err != nil {
			return e.fail("template", "--unit：%v", err)
		}
		names = append(names, name)
	}
	if len(names) == 0 {
		for _, u := range p.Units {
			if len(p.UnitMilestones(u.Name)) > 0 {
				names = append(names, u.Name)
			}
		}
	}
	paths := make([]string, len(names))
	for i, u := range names {
		paths[i] = filepath.Join(*out, xlsx.TemplateName(u, q))
	}
	for _, path := range paths {
		if *prog != "" && sameFile(path, []string{*prog}) {
			return e.fail("template", "输出文件 %s 就是方案工作簿（--programme），请用 -o 另指定文件夹", path)
		}
	}
	if err := refuseExisting(paths, *force); err != nil {
		return e.fail("template", "%v", err)
	}
	for i, u := range names {
		path := paths[i]
		if err := writeAtomic(path, func(w io.Writer) error { return xlsx.WriteTemplate(w, p, u, q, e.now()) }); err != nil {
			return e.fail("template", "%v", err)
		}
		fmt.Fprintln(e.stdout, path)
	}
	fmt.Fprintf(e.stdout, "已生成 %d 份%s进展情况表，应于 %s 前报送。\n", len(names), q, p.DueDate(q))
	return exitOK
}
