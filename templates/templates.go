// Package templates holds the assets embedded in the program: the built-in
// programme as text, the report font and its licence.
package templates

import _ "embed"

// Programme is the built-in programme (内工改办〔2021〕29号) in the text
// format that taizhang.ParseProgrammeText reads.
//
//go:embed programme.txt
var Programme string
