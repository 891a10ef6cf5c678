// Command taizhang supervises a reform plan whose progress comes back as
// Excel sheets: it writes blank templates, checks returned sheets, merges
// them into one ledger workbook and writes the monthly PDF report.
package main

import "os"

func main() {
	stop := governMemory()
	unguard := guardInterrupt(os.Stderr)
	code := run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	unguard()
	stop()
	os.Exit(code)
}
