// Command floor measures the least work any reader of the same sheets must
// do: read each file, unzip its first worksheet and xl/sharedStrings.xml with
// archive/zip, and tokenise them with encoding/xml, using as many workers as
// the merge (runtime.NumCPU()). It builds nothing and keeps nothing.
//
// Tokens come from Decoder.RawToken, not Token: RawToken still decodes every
// tag, attribute, entity and text run, but skips namespace translation and
// the check that end tags match, which a reader of trusted parts needs
// neither for cells nor for strings. It is the cheapest way the standard
// library offers to see every byte of the XML, so the floor is a lower bound.
// With -token the floor uses Token instead, for comparison.
//
// Usage: go run ./bench/floor [-token] DIR|FILE…
package main

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"
)

func main() {
	useToken := flag.Bool("token", false, "use Decoder.Token instead of RawToken")
	flag.Parse()
	files, err := collect(flag.Args())
	if err != nil {
		fmt.Fprintln(os.Stderr, "floor:", err)
		os.Exit(1)
	}
	start := time.Now()
	type result struct {
		tokens, bytes int64
		err           error
	}
	results := make([]result, len(files))
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.NumCPU(), max(len(files), 1)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				r := &results[i]
				r.tokens, r.bytes, r.err = tokenise(files[i], *useToken)
			}
		}()
	}
	for i := range files {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	var tokens, size int64
	for i, r := range results {
		if r.err != nil {
			fmt.Fprintf(os.Stderr, "floor: %s: %v\n", files[i], r.err)
			os.Exit(1)
		}
		tokens += r.tokens
		size += r.bytes
	}
	fmt.Printf("floor: %d files, %d tokens, %.1f MB of XML, %v\n", len(files), tokens, float64(size)/1e6, time.Since(start).Round(time.Millisecond))
}

// collect lists the .xlsx files of the arguments, folders recursively.
func collect(args []string) ([]string, error) {
	var out []string
	for _, a := range args {
		err := filepath.WalkDir(a, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !d.IsDir() && strings.EqualFold(filepath.Ext(path), ".xlsx") {
				out = append(out, path)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// tokenise reads one workbook and tokenises its first worksheet and its
// shared strings, returning the number of tokens and of XML bytes.
func tokenise(path string, useToken bool) (tokens, size int64, err error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return 0, 0, err
	}
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return 0, 0, err
	}
	for _, f := range z.File {
		if f.Name != "xl/worksheets/sheet1.xml" && f.Name != "xl/sharedStrings.xml" {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return 0, 0, err
		}
		cr := &countReader{r: rc}
		d := xml.NewDecoder(cr)
		for {
			var err error
			if useToken {
				_, err = d.Token()
			} else {
				_, err = d.RawToken()
			}
			if err == io.EOF {
				break
			}
			if err != nil {
				rc.Close()
				return 0, 0, fmt.Errorf("%s: %w", f.Name, err)
			}
			tokens++
		}
		rc.Close()
		size += cr.n
	}
	return tokens, size, nil
}

type countReader struct {
	r io.Reader
	n int64
}

func (c *countReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}
