//go:build !unix && !windows

package inbox

import "syscall"

func newGroupAttr() *syscall.SysProcAttr { return nil }
