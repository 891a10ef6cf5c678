package main

import (
	"fmt"
	"io"

	"taizhang/xlsx"
)

func init() {
	register(command{name: "init", args: "[-o 文件] [--force]", order: 10,
		short: "写出内置方案（内工改办〔2021〕29号）的方案工作簿，供修改后用 --programme 指定",
		run:   runInit})
}

func runInit(e *env, args []string) int {
	fs := e.flags("init")
	out := fs.StringP("output", "o", "方案工作簿.xlsx", "写出的方案工作簿`文件`")
	force := fs.Bool("force", false, "输出文件已存在时覆盖它")
	prog := programmeFlag(fs)
	if done, st := e.parse(fs, args); done {
		return st
	}
	if fs.NArg() > 0 {
		return e.fail("init", "多余的参数 %s；用 -o 指定输出文件", fs.Arg(0))
	}
	p, err := e.programme(*prog)
	if err != nil {
		return e.fail("init", "%v", err)
	}
	if *prog != "" && sameFile(*out, []string{*prog}) {
		return e.fail("init", "输出文件 %s 就是方案工作簿（--programme），请用 -o 另指定文件名", *out)
	}
	if err := (target{path: *out, flag: "-o", what: "输出文件", noun: "方案工作簿"}).checkExt(); err != nil {
		return e.fail("init", "%v", err)
	}
	if err := refuseExisting([]string{*out}, *force); err != nil {
		return e.fail("init", "%v", err)
	}
	if err := writeAtomic(*out, func(w io.Writer) error { return xlsx.WriteProgramme(w, p, e.now()) }); err != nil {
		return e.fail("init", "%v", err)
	}
	fmt.Fprintf(e.stdout, "已写出方案工作簿 %s（%d 项措施、%d 个节点、%d 个填报单位）。修改后用 --programme %s 指定。\n",
		*out, len(p.Measures), len(p.Milestones()), len(p.Units), *out)
	return exitOK
}
