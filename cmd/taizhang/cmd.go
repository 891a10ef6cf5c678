package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/pflag"

	"taizhang"
	"taizhang/templates"
	"taizhang/xlsx"
)

// Exit statuses.
const (
	exitOK       = 0 // worked, no 错误
	exitFindings = 1 // worked, at least one 错误
	exitFailed   = 2 // the command itself could not run
)

// env is what a command may touch of the outside world; tests replace it.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	now            func() time.Time
	getenv         func(string) string
	isTerminal     func(io.Writer) bool
}

// command is one subcommand.
type command struct {
	name  string
	args  string // synopsis after the name
	short string
	long  string // printed under short by -h, when set
	order int
	run   func(e *env, args []string) int
}

var commands []command

func register(c command) {
	commands = append(commands, c)
	slices.SortFunc(commands, func(a, b command) int { return a.order - b.order })
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr, now: time.Now, getenv: os.Getenv, isTerminal: isTerminal}
	return e.run(args)
}

func (e *env) run(args []string) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		if len(args) > 1 && args[0] == "help" {
			return e.run([]string{args[1], "-h"})
		}
		e.usage(e.stdout)
		if len(args) == 0 {
			return exitFailed
		}
		return exitOK
	}
	if args[0] == "-v" || args[0] == "--version" || args[0] == "version" {
		fmt.Fprintln(e.stdout, "taizhang", version)
		return exitOK
	}
	for _, c := range commands {
		if c.name == args[0] {
			return c.run(e, args[1:])
		}
	}
	fmt.Fprintf(e.stderr, "taizhang: 没有“%s”这个命令；可用的命令：%s（taizhang -h 查看说明）\n", args[0], commandNames())
	return exitFailed
}

const version = "0.1.0"

func commandNames() string {
	var names []string
	for _, c := range commands {
		names = append(names, c.name)
	}
	return strings.Join(names, "、")
}

func (e *env) usage(w io.Writer) {
	fmt.Fprintln(w, "taizhang（台账）：专项工作进展情况表的模板、校验、汇总与月度报告")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "用法：taizhang <命令> [参数]")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "命令：")
	for _, c := range commands {
		fmt.Fprintf(w, "  %-10s %s\n", c.name, c.short)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "每个命令都可加 -h 查看详细说明，例如 taizhang merge -h。")
}

// flags returns a flag set for command c whose usage is printed in Chinese.
func (e *env) flags(c string) *pflag.FlagSet {
	fs := pflag.NewFlagSet(c, pflag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.SortFlags = false
	return fs
}

// parse parses args; it prints usage for -h (returning done with exitOK) and a
// one-line message for a bad flag (exitFailed).
func (e *env) parse(fs *pflag.FlagSet, args []string) (done bool, status int) {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			e.printUsage(fs)
			return true, exitOK
		}
		fmt.Fprintf(e.stderr, "taizhang %s: %s（taizhang %s -h 查看用法）\n", fs.Name(), flagError(err), fs.Name())
		return true, exitFailed
	}
	if msg := flagTaken(fs); msg != "" {
		fmt.Fprintf(e.stderr, "taizhang %s: %s（taizhang %s -h 查看用法）\n", fs.Name(), msg, fs.Name())
		return true, exitFailed
	}
	return false, exitOK
}

// flagTaken says which flag, given without its value, took the next flag as
// it (--report -o 台账.xlsx), or "" when none did.
func flagTaken(fs *pflag.FlagSet) string {
	var msg string
	fs.Visit(func(f *pflag.Flag) {
		if msg != "" || f.Value.Type() != "string" {
			return
		}
		v := f.Value.String()
		name, _, _ := strings.Cut(strings.TrimPrefix(v, "--"), "=")
		var other *pflag.Flag
		switch {
		case strings.HasPrefix(v, "--"):
			other = fs.Lookup(name)
		case len(v) == 2 && v[0] == '-':
			other = fs.ShorthandLookup(v[1:])
		}
		if other == nil {
			return
		}
		flag := "--" + f.Name
		if f.Shorthand != "" {
			flag = "-" + f.Shorthand
		}
		what, _ := pflag.UnquoteUsage(f)
		msg = fmt.Sprintf("%s 后面缺少%s：“%s”是另一个参数", flag, what, v)
	})
	return msg
}

func (e *env) printUsage(fs *pflag.FlagSet) {
	for _, c := range commands {
		if c.name == fs.Name() {
			fmt.Fprintf(e.stdout, "用法：taizhang %s %s\n\n%s\n", c.name, c.args, c.short)
			if c.long != "" {
				fmt.Fprintf(e.stdout, "\n%s", c.long)
			}
		}
	}
	fmt.Fprintln(e.stdout)
	fmt.Fprintln(e.stdout, "参数：")
	type line struct{ left, usage string }
	var lines []line
	width := 0
	fs.VisitAll(func(f *pflag.Flag) {
		if f.Hidden {
			return
		}
		name, usage := pflag.UnquoteUsage(f)
		left := "    "
		if f.Shorthand != "" {
			left = "-" + f.Shorthand + ", "
		}
		left += "--" + f.Name
		if name != "" && f.Value.Type() != "bool" {
			left += " " + name
		}
		if d := f.DefValue; d != "" && d != "false" && d != "[]" && d != "0" {
			usage += "（默认：" + d + "）"
		}
		lines = append(lines, line{left, usage})
		width = max(width, taizhang.Width(left))
	})
	lines = append(lines, line{"-h, --help", "显示本说明"})
	for _, l := range lines {
		fmt.Fprintf(e.stdout, "  %s%s  %s\n", l.left, strings.Repeat(" ", width-taizhang.Width(l.left)), l.usage)
	}
}

// flagError turns pflag's English errors into Chinese ones that name the flag.
func flagError(err error) string {
	msg := err.Error()
	switch {
	case strings.HasPrefix(msg, "unknown flag: "):
		return "不认识的参数 " + strings.TrimPrefix(msg, "unknown flag: ")
	case strings.HasPrefix(msg, "unknown shorthand flag: "):
		f := strings.TrimPrefix(msg, "unknown shorthand flag: ")
		if i := strings.Index(f, " in "); i > 0 {
			f = f[:i]
		}
		return "不认识的参数 -" + strings.Trim(f, "'")
	case strings.HasPrefix(msg, "flag needs an argument: "):
		f := strings.TrimPrefix(msg, "flag needs an argument: ")
		if _, in, ok := strings.Cut(f, " in "); ok {
			f = in // 'o' in -o
		}
		return "参数 " + strings.Trim(f, "'") + " 后面缺少值"
	case strings.HasPrefix(msg, "invalid argument "):
		return "参数值无效：" + strings.TrimPrefix(msg, "invalid argument ")
	}
	return msg
}

// programmeFlag adds --programme to fs.
func programmeFlag(fs *pflag.FlagSet) *string {
	return fs.String("programme", "", "方案工作簿（`文件`，由 taizhang init 生成后修改）；不给则用内置方案（内工改办〔2021〕29号）")
}

// programme loads the programme workbook at path, or the built-in one.
func (e *env) programme(path string) (*taizhang.Programme, error) {
	if path == "" {
		p, err := taizhang.ParseProgrammeText(templates.Programme)
		if err != nil {
			return nil, fmt.Errorf("内置方案有误：%w", err)
		}
		return p, nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("读取方案工作簿 %s：%s", path, osError(err))
	}
	p, fs := xlsx.ReadProgramme(path, data)
	if len(fs) > 0 {
		var lines []string
		for _, f := range fs {
			lines = append(lines, f.Text())
		}
		return nil, fmt.Errorf("方案工作簿有误，请改正后重试：\n%s", strings.Join(lines, "\n"))
	}
	return p, nil
}

// fail prints a one-line error for command c and returns exitFailed.
func (e *env) fail(c string, format string, args ...any) int {
	fmt.Fprintf(e.stderr, "taizhang %s: %s\n", c, fmt.Sprintf(format, args...))
	return exitFailed
}

// osError words a file-system error in Chinese; one it does not know keeps
// the system's own wording.
func osError(err error) string {
	var pe *os.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	switch {
	case errors.Is(err, os.ErrNotExist):
		return "文件不存在"
	case errors.Is(err, os.ErrPermission):
		return "没有权限（文件可能正被 Excel 或 WPS 打开，请关闭后重试）"
	case errors.Is(err, syscall.ENOTDIR):
		return "已有同名的文件，不是文件夹"
	case errors.Is(err, syscall.ENOSPC):
		return "磁盘空间不足"
	case errors.Is(err, syscall.EROFS):
		return "磁盘是只读的"
	case errors.Is(err, syscall.ENAMETOOLONG):
		return "文件名或路径太长"
	}
	return err.Error()
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// stopwatch returns a function that, when TAIZHANG_TIMING is set, prints on
// stderr how long each stage took (for the benchmark); otherwise it does nothing.
func (e *env) stopwatch() func(stage string) {
	if e.getenv("TAIZHANG_TIMING") == "" {
		return func(string) {}
	}
	last := time.Now()
	return func(stage string) {
		now := time.Now()
		fmt.Fprintf(e.stderr, "用时 %s %.3fs\n", stage, now.Sub(last).Seconds())
		last = now
	}
}
