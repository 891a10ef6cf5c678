//go:build unix

package inbox

import (
	"os"
	"path/filepath"
	"testing"
)

// TestFolderLink walks a folder given as a link, and follows links to files
// but not to folders inside it.
func TestFolderLink(t *testing.T) {
	dir := write(t, t.TempDir(), map[string][]byte{"真实/包头市.xlsx": xlsxBytes(t, "包头市"), "别处/赤峰市.xlsx": xlsxBytes(t, "赤峰市")})
	os.Symlink(filepath.Join(dir, "真实"), filepath.Join(dir, "收件"))
	os.Symlink(filepath.Join(dir, "别处/赤峰市.xlsx"), filepath.Join(dir, "真实/赤峰市.xlsx"))
	os.Symlink(filepath.Join(dir, "真实"), filepath.Join(dir, "真实/循环"))
	ins, fs := collect(t, dir, Options{}, "收件")
	equal(t, "findings", fs, nil)
	equal(t, "paths", pathsOf(ins), []string{"收件/包头市.xlsx", "收件/赤峰市.xlsx"})
}
