// Command stages runs the three stages of `taizhang merge` on a folder of
// sheets — read every file in parallel (xlsx.ReadSubmissionAt, one worker per
// core, texts stowed in a temporary file, as cmd/taizhang does), taizhang.Merge, xlsx.WriteLedger — and prints
// the wall time and heap of each, optionally with CPU and heap profiles. It
// is how the benchmark tells where the time of a merge goes.
//
// Usage: go run ./bench/stages [-programme FILE] [-cpuprofile F] [-memprofile F] [-o FILE] [-in-memory] DIR
package main

import (
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strings"
	"sync"
	"time"

	"taizhang"
	"taizhang/bench/benchread"
	"taizhang/xlsx"
)

func main() {
	prog := flag.String("programme", "", "programme workbook (default: the built-in programme)")
	cpu := flag.String("cpuprofile", "", "write a CPU profile to `file`")
	mem := flag.String("memprofile", "", "write heap profiles, taken after the merge and (`file`.write) after the ledger, to file")
	out := flag.String("o", "", "write the ledger to `file` (default: discard)")
	inMemory := flag.Bool("in-memory", false, "keep the entries' texts in memory (taizhang merge stows them in a temporary file)")
	flag.Parse()
	if err := run(*prog, *cpu, *mem, *out, !*inMemory, flag.Args()); err != nil {
		fmt.Fprintln(os.Stderr, "stages:", err)
		os.Exit(1)
	}
}

func run(prog, cpu, mem, out string, stow bool, dirs []string) error {
	p, err := benchread.Programme(prog)
	if err != nil {
		return err
	}
	// As taizhang merge does: long texts go to a file once read.
	store, closeStore, err := benchread.Store(stow)
	if err != nil {
		return err
	}
	defer closeStore()
	var paths []string
	for _, d := range dirs {
		err := filepath.WalkDir(d, func(path string, e fs.DirEntry, err error) error {
			if err == nil && !e.IsDir() && strings.HasSuffix(path, ".xlsx") {
				paths = append(paths, path)
			}
			return err
		})
		if err != nil {
			return err
		}
	}
	if cpu != "" {
		f, err := os.Create(cpu)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	report := func(stage string, t time.Time) {
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		fmt.Printf("%-6s %8.3fs   heap in use %5.0f MB, from the OS %5.0f MB, allocated so far %6.0f MB, GC %d\n",
			stage, time.Since(t).Seconds(), float64(ms.HeapInuse)/1e6, float64(ms.Sys)/1e6, float64(ms.TotalAlloc)/1e6, ms.NumGC)
	}
	start := time.Now()
	t := time.Now()
	files := make([]taizhang.File, len(paths))
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.NumCPU(), max(len(paths), 1)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				src := taizhang.Source{Path: filepath.Base(paths[i]), Name: filepath.Base(paths[i])}
				files[i].Source = src
				var err error
				files[i].Submission, files[i].Findings, err = benchread.ReadFile(paths[i], p, store)
				if err != nil {
					files[i].Findings.Add(taizhang.UnreadableFile, taizhang.Place{File: src.Path}, "%v", err)
				}
			}
		}()
	}
	for i := range paths {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	report("read", t)
	t = time.Now()
	l := taizhang.Merge(p, files, taizhang.MergeOptions{Store: store})
	report("merge", t)
	if err := heapProfile(mem); err != nil {
		return err
	}
	t = time.Now()
	var w io.Writer = io.Discard
	if out != "" {
		f, err := os.Create(out)
		if err != nil {
			return err
		}
		defer f.Close()
		w = f
	}
	if err := xlsx.WriteLedger(w, l, time.Now()); err != nil {
		return err
	}
	report("write", t)
	if mem != "" {
		if err := heapProfile(mem + ".write"); err != nil {
			return err
		}
	}
	fmt.Printf("total  %8.3fs   %d files, %d rows, %d findings\n", time.Since(start).Seconds(), len(files), len(l.Rows), len(l.Findings))
	return nil
}

// heapProfile writes a heap profile to path, after a collection; "" writes nothing.
func heapProfile(path string) error {
	if path == "" {
		return nil
	}
	runtime.GC()
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := pprof.WriteHeapProfile(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
