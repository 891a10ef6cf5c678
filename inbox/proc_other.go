//go:build !unix

package inbox

import (
	"os/exec"
	"strconv"
)

// setGroup starts cmd in a process group of its own.
func setGroup(cmd *exec.Cmd) {
	cmd.SysProcAttr = newGroupAttr()
}

// killGroup kills cmd and the processes it started.
func killGroup(cmd *exec.Cmd) {
	if cmd.Process == nil {
		return
	}
	// taskkill /T ends the whole tree (soffice.exe starts soffice.bin).
	if exec.Command("taskkill", "/F", "/T", "/PID", strconv.Itoa(cmd.Process.Pid)).Run() != nil {
		cmd.Process.Kill()
	}
}
