package inbox

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"taizhang"
)

// Options controls Collect. The zero Options converts nothing and uses the
// default limits.
type Options struct {
	Convert      bool          // convert legacy .xls/.et with LibreOffice when it is installed
	SofficePath  string        // LibreOffice's soffice; "" looks up soffice or libreoffice on PATH
	Timeout      time.Duration // per conversion; 0 means 60 seconds
	MaxEntrySize int64         // largest uncompressed zip entry read; 0 means 200 MB
	MaxRatio     int           // largest compression ratio of a zip entry over 1 MB; 0 means 200
	// Opened, when set, is called once with each file on disk taken as
	// input (spreadsheets, e-mails, archives, mbox files), before it is read.
	Opened func(path string)
	// Sheetless, when set, is called with each e-mail that brought
	// attachments but no spreadsheet (a PDF scan, photos): its display path
	// as Path, its sender, subject and date.
	Sheetless func(taizhang.Source)
}

const (
	defaultTimeout      = 60 * time.Second
	defaultMaxEntrySize = 200 << 20
	defaultMaxRatio     = 200
	maxDepth            = 8 // messages and archives inside each other
)

func (o Options) withDefaults() Options {
	if o.Timeout <= 0 {
		o.Timeout = defaultTimeout
	}
	if o.MaxEntrySize <= 0 {
		o.MaxEntrySize = defaultMaxEntrySize
	}
	if o.MaxRatio <= 0 {
		o.MaxRatio = defaultMaxRatio
	}
	return o
}

// The messages of findings about whole files.
const (
	msgNotSheet     = "不是电子表格文件，本程序只读取 .xlsx 工作簿、.csv 表格、文件夹、.zip 压缩包和 .eml/.mbox 邮件"
	msgOpenFailed   = "无法打开，请检查是否有读取权限，或文件是否正被其他程序占用"
	msgFolderFailed = "无法打开文件夹，请检查是否有读取权限"
	msgEmpty        = "文件是空的（0 字节），请重新报送"
	msgArchive      = "是 %s 压缩包，本程序只能打开 zip 压缩包；其中如有电子表格，请解压后再读取"
	msgShortcut     = "是 Windows 快捷方式，本程序不打开快捷方式所指向的文件；请把所指向的文件本身复制到这里，或直接给出该文件"
	msgOutlook      = "是 Outlook 的 .msg 邮件，本程序无法读取，请把其中的附件另存到文件夹后再读取"
)

// Collect expands paths — spreadsheets (.csv included), folders (recursively), .zip
// archives, .eml and .mbox mail files — into the spreadsheets to read, in a
// stable order: as given, folder contents sorted by name, attachments and
// entries as they come. What cannot be used becomes a finding and the rest
// goes on; the error is only for a path that does not exist.
func Collect(paths []string, opt Options) ([]taizhang.Input, taizhang.Findings, error) {
	for _, p := range paths {
		if _, err := os.Stat(p); errors.Is(err, fs.ErrNotExist) {
			return nil, nil, fmt.Errorf("路径 %s 不存在", p)
		}
	}
	c := &collector{opt: opt.withDefaults(), seen: map[string]bool{}}
	for _, p := range paths {
		c.arg(p)
	}
	return c.ins, c.fs, nil
}

// collector gathers inputs and findings.
type collector struct {
	opt  Options
	ins  []taizhang.Input
	fs   taizhang.Findings
	seen map[string]bool // absolute paths already collected

	soffice       string // resolved LibreOffice, or ""
	sofficeLooked bool
}

// origin is what a file inherits from the message or archive it came in.
type origin struct {
	received time.Time
	sender   string
	subject  string
	modified time.Time
}

// group is a message or an archive whose spreadsheets share a list of the
// other files that came with them.
type group struct {
	disp   string   // the message's or archive's display path
	start  int      // index in collector.ins of the group's first input
	others []string // the other attachments or entries
	sheets int      // spreadsheets seen, read or not
}

func (c *collector) newGroup(disp string) *group { return &group{disp: disp, start: len(c.ins)} }

// close gives every input of g its container and the list of the other files.
func (c *collector) close(g *group) {
	for i := g.start; i < len(c.ins); i++ {
		c.ins[i].Container = g.disp
		if len(g.others) > 0 {
			c.ins[i].Attachments = append([]string(nil), g.others...)
		}
	}
}

func (c *collector) fail(file, format string, args ...any) {
	c.fs.Add(taizhang.UnreadableFile, taizhang.Place{File: file}, format, args...)
}

func (c *collector) note(file, format string, args ...any) {
	c.fs.Add(taizhang.ReaderNote, taizhang.Place{File: file}, format, args...)
}

func (c *collector) add(disp, name string, src origin, load func() ([]byte, error)) {
	c.ins = append(c.ins, taizhang.Input{
		Source: taizhang.Source{
			Path: disp, Name: name, Received: src.received, Sender: src.sender,
			Subject: src.subject, Modified: src.modified,
		},
		Load: load,
	})
}

// once reports whether path p is seen for the first time.
func (c *collector) once(p string) bool {
	abs, err := filepath.Abs(p)
	if err != nil {
		abs = p
	}
	if c.seen[abs] {
		return false
	}
	c.seen[abs] = true
	if c.opt.Opened != nil {
		c.opt.Opened(p)
	}
	return true
}

// arg collects one path given on the command line: a folder is walked,
// skipping clutter silently; a file is read, and clutter named on its own
// (an Excel owner file, Thumbs.db) is reported as not read.
func (c *collector) arg(p string) {
	info, err := os.Stat(p)
	if err != nil {
		c.fail(p, msgOpenFailed)
		return
	}
	if info.IsDir() {
		c.walk(p)
		return
	}
	if !c.once(p) {
		return
	}
	// Named on purpose, clutter is reported rather than left out silently:
	// as a note, since it is no sheet; a hidden file may be one, so it is
	// reported as not read.
	if name := filepath.Base(p); skipped(name) {
		report := c.fail
		if clutter(name) {
			report = c.note
		}
		report(p, "%s", whySkipped(name, func(o string) bool {
			_, err := os.Stat(filepath.Join(filepath.Dir(p), o))
			return err == nil
		}))
		return
	}
	c.file(p, info, true)
}

// walk collects the files of a folder and its subfolders, by name. Links to
// files are followed; links to folders only when given as the root, so that
// a loop of links cannot trap the walk.
func (c *collector) walk(root string) {
	if fi, err := os.Lstat(root); err == nil && fi.Mode()&fs.ModeSymlink != 0 {
		root += string(filepath.Separator) // makes WalkDir follow the link
	}
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if d != nil && d.IsDir() {
				c.fail(p, msgFolderFailed)
				return nil
			}
			c.fail(p, msgOpenFailed)
			return nil
		}
		if p != root && skipped(d.Name()) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		info, err := os.Stat(p) // follows a link to a file
		if err != nil || !info.Mode().IsRegular() {
			return nil
		}
		if kindOf(d.Name()) != kindOther && c.once(p) {
			c.file(p, info, false)
		}
		return nil
	})
}

// file collects one file on disk; explicit says it was named on the
// command line rather than found in a folder.
func (c *collector) file(p string, info fs.FileInfo, explicit bool) {
	name := filepath.Base(p)
	src := origin{modified: info.ModTime()}
	k := kindOf(name)
	if k == kindOther && explicit && sniffMbox(p) {
		k = kindMbox
	}
	switch k {
	case kindSheet, kindLegacy, kindForeign, kindCSV:
		c.sheet(blob{disp: p, name: name, src: src, path: p, size: info.Size()}, k)
	case kindZip:
		f, err := os.Open(p)
		if err != nil {
			c.fail(p, msgOpenFailed)
			return
		}
		defer f.Close()
		c.archive(p, "", f, info.Size(), src, 1, 1, nil)
	case kindMail:
		data, err := os.ReadFile(p)
		if err != nil {
			c.fail(p, msgOpenFailed)
			return
		}
		c.message(p, "", data, src, 0, 1, nil)
	case kindMbox:
		c.mbox(p, src)
	case kindArchive:
		c.unusable(p, explicit, msgArchive, ext(name))
	case kindOutlook:
		c.unusable(p, explicit, msgOutlook)
	case kindShortcut:
		c.unusable(p, explicit, msgShortcut)
	default:
		if explicit {
			c.fail(p, msgNotSheet)
		}
	}
}

// unusable reports a file this package cannot open: an error when it was
// asked for, a note when it only came along.
func (c *collector) unusable(disp string, explicit bool, format string, args ...any) {
	if explicit {
		c.fail(disp, format, args...)
	} else {
		c.note(disp, format, args...)
	}
}

// blob is a file to read: on disk (path) or in memory (data).
type blob struct {
	disp  string // display path
	name  string // base name
	label string // how it is listed among the other files of its group
	src   origin
	path  string
	size  int64
	data  []byte
	zips  int // how many archives it is inside
	depth int // how many messages and archives it is inside
}

func (b blob) load() ([]byte, error) {
	if b.path == "" {
		return b.data, nil
	}
	return os.ReadFile(b.path)
}

// head returns the first n bytes of the file, or fewer.
func (b blob) head(n int) ([]byte, error) {
	if b.path == "" {
		return b.data[:min(n, len(b.data))], nil
	}
	f, err := os.Open(b.path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	buf := make([]byte, n)
	m, err := io.ReadFull(f, buf)
	if err == io.ErrUnexpectedEOF || err == io.EOF {
		err = nil
	}
	return buf[:m], err
}

// inMemory collects a file held in memory: an attachment or archive entry.
func (c *collector) inMemory(b blob, g *group) {
	k := kindOf(b.name)
	if k.isSpreadsheet() && g != nil {
		g.sheets++
	}
	switch k {
	case kindSheet, kindLegacy, kindForeign, kindCSV:
		c.sheet(b, k)
		return
	case kindZip:
		if b.zips >= 2 || b.depth >= maxDepth {
			c.fail(b.disp, msgZipTooDeep)
			return
		}
		c.archive(b.disp, b.label+sep, bytes.NewReader(b.data), int64(len(b.data)), b.src, b.zips+1, b.depth+1, g)
		return
	case kindMail:
		if b.depth >= maxDepth {
			c.fail(b.disp, msgZipTooDeep)
			return
		}
		c.message(b.disp, "", b.data, b.src, b.zips, b.depth+1, g)
		return
	case kindArchive:
		c.note(b.disp, msgArchive, ext(b.name))
	case kindOutlook:
		c.note(b.disp, msgOutlook)
	case kindShortcut:
		c.note(b.disp, msgShortcut)
	case kindTNEF:
		c.note(b.disp, msgTNEF)
	}
	if g != nil {
		g.others = append(g.others, b.label)
	}
}
