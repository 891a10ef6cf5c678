//go:build unix

package inbox

import (
	"os/exec"
	"syscall"
)

// setGroup starts cmd in a process group of its own, so that killGroup ends
// LibreOffice's helper processes too.
func setGroup(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
}

// killGroup kills the process group of a command started with setGroup.
func killGroup(cmd *exec.Cmd) {
	if cmd.Process == nil {
		return
	}
	if err := syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL); err != nil {
		cmd.Process.Kill()
	}
}
