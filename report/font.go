package report

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"golang.org/x/image/font/sfnt"

	"taizhang/templates"
)

// face is one TrueType font usable by the PDF library, with its coverage.
type face struct {
	family string // name registered with fpdf
	name   string // shown to users
	data   []byte
	sfnt   *sfnt.Font

	mu      sync.Mutex
	buf     sfnt.Buffer
	covered map[rune]bool
}

// checkTrueType refuses what fpdf cannot embed: CFF-flavoured OpenType and
// collections, which it drops silently.
func checkTrueType(name string, data []byte) error {
	if len(data) < 12 {
		return fmt.Errorf("字体文件 %s 不是有效的 TrueType 字体（文件过短）", name)
	}
	switch string(data[:4]) {
	case "OTTO":
		return fmt.Errorf("字体文件 %s 是 CFF 轮廓的 OpenType 字体（OTTO），无法嵌入 PDF；请改用 TrueType 字体（.ttf）", name)
	case "ttcf":
		return fmt.Errorf("字体文件 %s 是字体集合（.ttc），无法直接使用；请改用单个 TrueType 字体（.ttf），或先从集合中提取一个字体", name)
	case "\x00\x01\x00\x00", "true":
	default:
		return fmt.Errorf("字体文件 %s 不是 TrueType 字体（.ttf）", name)
	}
	return nil
}

// newFace checks and parses a TrueType font; file names it in errors.
func newFace(family, name, file string, data []byte) (*face, error) {
	if err := checkTrueType(file, data); err != nil {
		return nil, err
	}
	f, err := sfnt.Parse(data)
	if err != nil {
		return nil, fmt.Errorf("字体文件 %s 无法解析：%v", file, err)
	}
	fc := &face{family: family, name: name, data: data, sfnt: f, covered: map[rune]bool{}}
	if !fc.has('一') && !fc.has('的') {
		return fc, errNoChinese
	}
	return fc, nil
}

var errNoChinese = errors.New("no Chinese glyphs")

// has reports whether the font has a glyph for r; runes above U+FFFF never
// count, since the PDF library cannot draw them.
func (f *face) has(r rune) bool {
	if r > 0xFFFF || r < 0x20 {
		return false
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if c, ok := f.covered[r]; ok {
		return c
	}
	g, err := f.sfnt.GlyphIndex(&f.buf, r)
	c := err == nil && g != 0
	f.covered[r] = c
	return c
}

// replacement returns the visible stand-in for characters the font lacks.
func (f *face) replacement() rune {
	for _, r := range []rune{'□', '〓', '?'} {
		if f.has(r) {
			return r
		}
	}
	return ' '
}

// fontSet holds the faces of each role: body (仿宋), heading (黑体), sub (楷体), title (小标宋).
type fontSet struct {
	body, heading, sub, title *face
	faces                     []*face // distinct, in registration order
}

// official fonts looked for in FontDirs, by lower-case file name.
var officialFonts = []struct {
	file, name string
}{
	{"simfang.ttf", "仿宋"},
	{"simhei.ttf", "黑体"},
	{"simkai.ttf", "楷体"},
	{"fzxbsjw.ttf", "方正小标宋简体"},
}

// loadFonts chooses the faces: FontFile for every role when given; else the
// official fonts found in FontDirs; else the embedded font. Official fonts
// that cannot be used are reported through warn and skipped.
func loadFonts(opt Options, warn func(string)) (*fontSet, error) {
	embedded := func() (*face, error) {
		f, err := newFace("wqy", templates.FontName, templates.FontName, templates.Font)
		if err != nil {
			return nil, fmt.Errorf("内置字体有误：%v", err)
		}
		return f, nil
	}
	s := &fontSet{}
	if opt.FontFile != "" {
		data, err := os.ReadFile(opt.FontFile)
		if err != nil {
			return nil, fmt.Errorf("读取字体文件 %s：%w", opt.FontFile, err)
		}
		f, err := newFace("user", filepath.Base(opt.FontFile), opt.FontFile, data)
		if err == errNoChinese {
			warn(fmt.Sprintf("字体 %s 不含常用汉字，报告中的汉字将显示为替换符号；建议改用中文字体", f.name))
		} else if err != nil {
			return nil, err
		}
		s.body, s.heading, s.sub, s.title = f, f, f, f
	} else {
		found := findOfficial(opt.FontDirs)
		load := func(i int, family string) *face {
			path, ok := found[officialFonts[i].file]
			if !ok {
				return nil
			}
			data, err := os.ReadFile(path)
			if err != nil {
				warn(fmt.Sprintf("读取字体文件 %s 失败：%v；本次未使用该字体", path, err))
				return nil
			}
			f, err := newFace(family, officialFonts[i].name, path, data)
			if err != nil {
				if err == errNoChinese {
					err = fmt.Errorf("字体文件 %s 不含常用汉字", path)
				}
				warn(fmt.Sprintf("%v；本次未使用该字体", err))
				return nil
			}
			return f
		}
		s.body = load(0, "fangsong")
		s.heading = load(1, "hei")
		s.sub = load(2, "kai")
		s.title = load(3, "xbs")
		if s.body == nil {
			f, err := embedded()
			if err != nil {
				return nil, err
			}
			s.body = f
		}
		if s.heading == nil {
			s.heading = s.body
		}
		if s.sub == nil {
			s.sub = s.body
		}
		if s.title == nil {
			s.title = s.heading
		}
	}
	for _, f := range []*face{s.body, s.heading, s.sub, s.title} {
		dup := false
		for _, g := range s.faces {
			dup = dup || g == f
		}
		if !dup {
			s.faces = append(s.faces, f)
		}
	}
	return s, nil
}

// findOfficial walks dirs (three levels deep) for the official font files,
// matching names without regard to case; the first found wins.
func findOfficial(dirs []string) map[string]string {
	found := map[string]string{}
	want := map[string]bool{}
	for _, o := range officialFonts {
		want[o.file] = true
	}
	for _, dir := range dirs {
		if dir == "" {
			continue
		}
		root := filepath.Clean(dir)
		_ = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				if d != nil && d.IsDir() && path != root {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				if rel, _ := filepath.Rel(root, path); rel != "." && strings.Count(rel, string(filepath.Separator)) >= 2 {
					return fs.SkipDir
				}
				return nil
			}
			name := strings.ToLower(d.Name())
			if want[name] {
				if _, ok := found[name]; !ok {
					found[name] = path
				}
			}
			return nil
		})
	}
	return found
}

// DefaultFontDirs returns the usual places of installed fonts on this kind of
// system, given the environment lookup (nil: none).
func DefaultFontDirs(getenv func(string) string) []string {
	dirs := []string{`C:\Windows\Fonts`}
	if getenv != nil {
		if w := getenv("WINDIR"); w != "" {
			dirs = append(dirs, filepath.Join(w, "Fonts"))
		}
		if h := getenv("LOCALAPPDATA"); h != "" {
			dirs = append(dirs, filepath.Join(h, "Microsoft", "Windows", "Fonts"))
		}
		if h := getenv("HOME"); h != "" {
			dirs = append(dirs, filepath.Join(h, ".fonts"), filepath.Join(h, ".local", "share", "fonts"))
		}
	}
	return append(dirs, "/usr/share/fonts", "/usr/local/share/fonts", "/Library/Fonts")
}
