package inbox

import (
	"path"
	"strings"
	"unicode"
)

// kind says what a file is, by its name.
type kind int

const (
	kindOther    kind = iota
	kindSheet         // .xlsx and its relatives: passed on
	kindLegacy        // .xls, .et and their templates: converted or reported
	kindForeign       // .ods, .xlsb: a spreadsheet excelize cannot read
	kindCSV           // .csv: a sheet exported as text, passed on
	kindZip           // .zip
	kindMail          // .eml
	kindMbox          // .mbox
	kindArchive       // .rar, .7z: archives this package cannot open
	kindOutlook       // .msg
	kindTNEF          // winmail.dat
	kindShortcut      // .lnk: a Windows shortcut, not the file it points to
)

var kinds = map[string]kind{
	".xlsx": kindSheet, ".xlsm": kindSheet, ".xltx": kindSheet, ".xltm": kindSheet,
	".xls": kindLegacy, ".xlt": kindLegacy, ".et": kindLegacy, ".ett": kindLegacy,
	".ods": kindForeign, ".xlsb": kindForeign,
	".csv":  kindCSV,
	".zip":  kindZip,
	".eml":  kindMail,
	".mbox": kindMbox, ".mbx": kindMbox,
	".rar": kindArchive, ".7z": kindArchive,
	".msg": kindOutlook,
	".lnk": kindShortcut,
}

// kindOf returns the kind of a file by its base name.
func kindOf(name string) kind {
	if strings.EqualFold(name, "winmail.dat") {
		return kindTNEF
	}
	return kinds[ext(name)]
}

// Unopenable reports whether the file at display path p (a path, or a
// name inside a message or archive: 邮件 … › 材料.rar) is one this package
// lists but cannot open: a .rar or .7z archive, an Outlook .msg, winmail.dat.
func Unopenable(p string) bool {
	switch kindOf(path.Base(lastStep(p))) {
	case kindArchive, kindOutlook, kindTNEF:
		return true
	}
	return false
}

// isSpreadsheet reports whether k is some spreadsheet format.
func (k kind) isSpreadsheet() bool {
	return k == kindSheet || k == kindLegacy || k == kindForeign || k == kindCSV
}

// ext returns the extension of name in lower case, with its dot.
func ext(name string) string {
	i := strings.LastIndexByte(name, '.')
	if i < 0 {
		return ""
	}
	return strings.ToLower(name[i:])
}

// skipped reports whether a file or folder of this base name is left out
// silently: Excel owner files (~$), hidden files, system clutter and the
// resource forks macOS puts in archives.
func skipped(name string) bool {
	if name == "" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "~$") {
		return true
	}
	switch strings.ToLower(name) {
	case "thumbs.db", "desktop.ini", "ehthumbs.db", "__macosx":
		return true
	}
	return false
}

// clutter reports whether a file that skipped leaves out is one that
// programs leave behind (an Excel owner file, Thumbs.db, a macOS resource
// fork), never a sheet, rather than a hidden file that may be one.
func clutter(name string) bool {
	switch lower := strings.ToLower(name); {
	case strings.HasPrefix(name, "~$"), strings.HasPrefix(name, "._"):
		return true
	case lower == "thumbs.db", lower == "ehthumbs.db", lower == "desktop.ini", lower == ".ds_store", lower == "__macosx":
		return true
	}
	return false
}

// whySkipped says, as the message of a finding, why a file that skipped
// leaves out is not read, for when it is named on the command line. original
// reports whether a file of the given name lies beside it.
func whySkipped(name string, original func(string) bool) string {
	const not = "，不是进展情况表，已跳过"
	lower := strings.ToLower(name)
	switch {
	case strings.HasPrefix(name, "~$"):
		msg := "是 Excel 或 WPS 打开文件时留下的临时文件" + not
		if o := strings.TrimPrefix(name, "~$"); original(o) {
			msg += "；要读取的应是 " + o
		}
		return msg
	case lower == "thumbs.db" || lower == "ehthumbs.db":
		return "是 Windows 生成的缩略图缓存文件" + not
	case lower == "desktop.ini":
		return "是 Windows 的文件夹设置文件" + not
	case lower == ".ds_store":
		return "是 macOS 生成的文件夹设置文件" + not
	case strings.HasPrefix(name, "._"):
		msg := "是 macOS 复制文件时留下的附属文件" + not
		if o := strings.TrimPrefix(name, "._"); original(o) {
			msg += "；要读取的应是 " + o
		}
		return msg
	}
	return "是隐藏文件（文件名以“.”开头），已跳过；如确是进展情况表，请去掉文件名开头的“.”后再读取"
}

// cleanName turns an archive entry or attachment name into a safe relative
// path with "/" separators: no drive letter, no leading slash, no "." or
// ".." segments, no control characters. It returns "" when nothing is left.
func cleanName(name string) string {
	name = strings.Map(func(r rune) rune {
		switch {
		case r == '\\':
			return '/'
		case unicode.IsControl(r):
			return -1
		}
		return r
	}, name)
	if len(name) >= 2 && name[1] == ':' {
		name = name[2:]
	}
	var segs []string
	for _, s := range strings.Split(name, "/") {
		s = strings.TrimSpace(s)
		if s == "" || s == "." || s == ".." {
			continue
		}
		segs = append(segs, s)
	}
	return strings.Join(segs, "/")
}

// hiddenEntry reports whether any segment of a cleaned entry path is skipped.
func hiddenEntry(p string) bool {
	for _, s := range strings.Split(p, "/") {
		if skipped(s) {
			return true
		}
	}
	return false
}

// baseName returns the last segment of a cleaned path.
func baseName(p string) string { return path.Base(p) }

// lastStep returns the last step of display path p: the name inside the
// message or archive (邮件 … in 收件箱.mbox › 邮件 …), or a file's base name.
func lastStep(p string) string {
	if i := strings.LastIndex(p, sep); i >= 0 {
		return p[i+len(sep):]
	}
	return baseName(strings.ReplaceAll(p, `\`, "/"))
}

// sep separates the steps of a display path.
const sep = " › "
