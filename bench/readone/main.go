// Command readone reads sheets with xlsx.ReadSubmissionAt and nothing else,
// one after another, in place and with their texts stowed in a temporary
// file as taizhang merge reads them, and prints what it read: the reader's
// share of a merge, for the memory test of the big sheet. With -v it prints
// each file's findings; with -in-memory the texts stay in memory.
//
// Usage: go run ./bench/readone [-programme FILE] [-v] [-in-memory] [-memprofile F] FILE…
package main

import (
	"flag"
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"time"

	"taizhang"
	"taizhang/bench/benchread"
)

func main() {
	prog := flag.String("programme", "", "programme workbook (default: the built-in programme)")
	verbose := flag.Bool("v", false, "print every finding")
	inMemory := flag.Bool("in-memory", false, "keep the entries' texts in memory (taizhang merge stows them in a temporary file)")
	mem := flag.String("memprofile", "", "write a heap profile, taken once every file is read, to `file`")
	flag.Parse()
	if err := run(*prog, *verbose, !*inMemory, *mem, flag.Args()); err != nil {
		fmt.Fprintln(os.Stderr, "readone:", err)
		os.Exit(1)
	}
}

func run(prog string, verbose, stow bool, mem string, files []string) error {
	p, err := benchread.Programme(prog)
	if err != nil {
		return err
	}
	store, closeStore, err := benchread.Store(stow)
	if err != nil {
		return err
	}
	defer closeStore()
	start := time.Now()
	entries, findings := 0, 0
	var subs []*taizhang.Submission // kept, as a merge keeps them
	for _, name := range files {
		s, fs, err := benchread.ReadFile(name, p, store)
		if err != nil {
			return err
		}
		findings += len(fs)
		if verbose {
			for _, f := range fs {
				fmt.Println(f.Text())
			}
		}
		if s == nil {
			fmt.Printf("%s: no submission\n", name)
			continue
		}
		if verbose {
			fmt.Printf("%s: unit %s (%s) period %s (%s) filled %q entries %d\n", name, s.Unit, s.UnitFrom, s.Period, s.PeriodFrom, s.FilledText, len(s.Entries))
		}
		entries += len(s.Entries)
		subs = append(subs, s)
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Printf("files %d, entries %d, reader findings %d, %v; heap in use %.0f MB, total allocated %.0f MB\n",
		len(files), entries, findings, time.Since(start).Round(time.Millisecond), float64(ms.HeapInuse)/1e6, float64(ms.TotalAlloc)/1e6)
	if mem != "" {
		runtime.GC()
		f, err := os.Create(mem)
		if err != nil {
			return err
		}
		if err := pprof.WriteHeapProfile(f); err != nil {
			f.Close()
			return err
		}
		if err := f.Close(); err != nil {
			return err
		}
	}
	runtime.KeepAlive(subs)
	return nil
}
