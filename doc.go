// Package taizhang is the domain of the taizhang program: the supervised
// programme (measures, milestones, units, schedule), the progress sheets that
// units return, the findings about them and the consolidated ledger.
//
// The package is pure: it reads no files and takes the clock from its callers.
package taizhang
