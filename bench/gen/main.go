// Command gen writes the data of the project's benchmark into a folder:
//
//	national-programme.xlsx   a programme of county units and milestones (xlsx.WriteProgramme)
//	national/                 one returned sheet per county (xlsx.WriteTemplate, then filled)
//	big/                      one sheet of many rows, for the memory test
//	provincial/               the 16 units of the built-in programme for one period
//	manifest.txt              the parameters; when it matches, nothing is written again
//
// Usage: go run ./bench/gen -o DIR [-units 2000] [-measures 20] [-per 3] [-rows 200000] [-seed 1] [-force]
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"time"

	"taizhang"
	"taizhang/bench/benchdata"
	"taizhang/bench/benchsheet"
	"taizhang/templates"
	"taizhang/xlsx"
)

func main() {
	out := flag.String("o", "", "output `folder`")
	units := flag.Int("units", 2000, "county units of the national programme")
	measures := flag.Int("measures", 20, "measures of the national programme")
	per := flag.Int("per", 3, "milestones per measure")
	rows := flag.Int("rows", 200000, "rows of the big sheet")
	seed := flag.Uint64("seed", 1, "random seed")
	force := flag.Bool("force", false, "write even when the manifest matches")
	flag.Parse()
	if *out == "" {
		fmt.Fprintln(os.Stderr, "gen: -o DIR is required")
		os.Exit(2)
	}
	if err := run(*out, *units, *measures, *per, *rows, *seed, *force); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(dir string, units, measures, per, rows int, seed uint64, force bool) error {
	manifest := fmt.Sprintf("taizhang-bench 1\nunits %d\nmeasures %d\nper %d\nrows %d\nseed %d\n", units, measures, per, rows, seed)
	mpath := filepath.Join(dir, "manifest.txt")
	if old, err := os.ReadFile(mpath); err == nil && string(old) == manifest && !force {
		fmt.Printf("gen: %s is up to date\n", dir)
		return nil
	}
	for _, sub := range []string{"national", "big", "provincial"} {
		if err := os.RemoveAll(filepath.Join(dir, sub)); err != nil {
			return err
		}
		if err := os.MkdirAll(filepath.Join(dir, sub), 0o755); err != nil {
			return err
		}
	}
	os.Remove(mpath)
	start := time.Now()

	// National programme and batch.
	p := benchdata.National(units, measures, per)
	if err := p.Validate(); err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := xlsx.WriteProgramme(&buf, p, time.Now()); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "national-programme.xlsx"), buf.Bytes(), 0o644); err != nil {
		return err
	}
	q := benchdata.NationalPeriod
	var names []string
	for _, u := range p.Units {
		names = append(names, u.Name)
	}
	if err := batch(filepath.Join(dir, "national"), p, names, q, seed); err != nil {
		return err
	}
	fmt.Printf("gen: national: %d sheets × %d rows in %v\n", len(names), len(p.Milestones()), time.Since(start).Round(time.Millisecond))

	// Provincial batch: the built-in programme.
	bp, err := taizhang.ParseProgrammeText(templates.Programme)
	if err != nil {
		return err
	}
	names = names[:0]
	for _, u := range bp.Units {
		names = append(names, u.Name)
	}
	if err := batch(filepath.Join(dir, "provincial"), bp, names, benchdata.ProvincialPeriod, seed+1); err != nil {
		return err
	}

	// The big sheet.
	t := time.Now()
	unit := p.Units[0].Name
	name := filepath.Join(dir, "big", xlsx.TemplateName(unit, q))
	if err := writeBig(name, p, unit, q, rows, seed+2); err != nil {
		return err
	}
	fi, _ := os.Stat(name)
	fmt.Printf("gen: big sheet: %d rows, %.1f MB, in %v\n", rows, float64(fi.Size())/1e6, time.Since(t).Round(time.Millisecond))

	if err := os.WriteFile(mpath, []byte(manifest), 0o644); err != nil {
		return err
	}
	fmt.Printf("gen: wrote %s in %v\n", dir, time.Since(start).Round(time.Millisecond))
	return nil
}

// batch writes one filled sheet per unit, in parallel; sheet i is filled
// from its own random stream, so the files do not depend on scheduling.
func batch(dir string, p *taizhang.Programme, units []string, q taizhang.Period, seed uint64) error {
	jobs := make(chan int)
	errs := make([]error, len(units))
	var wg sync.WaitGroup
	for range runtime.NumCPU() {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				errs[i] = sheet(filepath.Join(dir, xlsx.TemplateName(units[i], q)), p, units[i], q, seed, i)
			}
		}()
	}
	for i := range units {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// sheet writes sheet number n of a batch.
func sheet(path string, p *taizhang.Programme, unit string, q taizhang.Period, seed uint64, n int) error {
	out, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := benchsheet.Write(out, p, unit, q, seed, n); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
