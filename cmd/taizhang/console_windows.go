package main

import "syscall"

// On Chinese Windows the console's code page is 936 (GBK); switch it to
// UTF-8 so that the messages, written in UTF-8, show as Chinese and not as
// mojibake.
func init() {
	k := syscall.NewLazyDLL("kernel32.dll")
	if p := k.NewProc("SetConsoleOutputCP"); p.Find() == nil {
		p.Call(65001)
	}
	if p := k.NewProc("SetConsoleCP"); p.Find() == nil {
		p.Call(65001)
	}
}
