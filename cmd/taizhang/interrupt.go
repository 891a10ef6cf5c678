package main

import (
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime"
	"sync"
	"syscall"
)

// Interruption. A merge of a large batch keeps hundreds of megabytes in
// temporary files (the entries' texts, excelize's spilled sheets) and
// writes its output beside the target under a temporary name; a user who
// presses Ctrl-C must not find them left behind. The process gets a
// temporary folder of its own, which the programs it runs (LibreOffice)
// and the libraries it calls use too, and output files being written are
// registered; an interrupt removes both, says so and exits.

// scratch holds what an interrupt closes and removes.
var scratch struct {
	mu      sync.Mutex
	paths   map[string]bool
	closers map[io.Closer]bool
}

// removeOnInterrupt registers path (a file or a folder) for removal should
// the run be interrupted, and the files open in it to be closed first
// (Windows removes no open file); forget unregisters them.
func removeOnInterrupt(path string, open ...io.Closer) (forget func()) {
	scratch.mu.Lock()
	defer scratch.mu.Unlock()
	if scratch.paths == nil {
		scratch.paths, scratch.closers = map[string]bool{}, map[io.Closer]bool{}
	}
	scratch.paths[path] = true
	for _, c := range open {
		scratch.closers[c] = true
	}
	return func() {
		scratch.mu.Lock()
		defer scratch.mu.Unlock()
		delete(scratch.paths, path)
		for _, c := range open {
			delete(scratch.closers, c)
		}
	}
}

// removeScratch closes every registered file and removes every registered path.
func removeScratch() {
	scratch.mu.Lock()
	defer scratch.mu.Unlock()
	for c := range scratch.closers {
		c.Close()
	}
	for p := range scratch.paths {
		os.RemoveAll(p)
	}
	scratch.paths, scratch.closers = nil, nil
}

const interrupted = "taizhang: 已中断；正在写的文件没有写出（已有的同名文件不变），临时文件已删除"

// tempEnv names the variables through which os.TempDir, and the programs a
// run starts, find the temporary folder.
var tempEnv = map[string][]string{"windows": {"TMP", "TEMP"}, "plan9": {"TMPDIR"}}

// guardInterrupt gives the process a temporary folder of its own and, on
// Ctrl-C (or a termination signal), removes it and the registered paths,
// tells stderr and exits with status 130. The returned function removes the
// folder and stops listening, at the end of a run that was not interrupted.
func guardInterrupt(stderr io.Writer) (stop func()) {
	dir, err := os.MkdirTemp("", "taizhang-")
	if err == nil {
		vars, ok := tempEnv[runtime.GOOS]
		if !ok {
			vars = []string{"TMPDIR"}
		}
		for _, v := range vars {
			os.Setenv(v, dir)
		}
		removeOnInterrupt(dir)
	}
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
	done := make(chan struct{})
	go func() {
		select {
		case <-sig:
			removeScratch()
			fmt.Fprintln(stderr, interrupted)
			os.Exit(130)
		case <-done:
		}
	}()
	return func() {
		signal.Stop(sig)
		close(done)
		if dir != "" {
			os.RemoveAll(dir)
		}
	}
}
