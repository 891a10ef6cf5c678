package templates

import _ "embed"

// Font is WenQuanYi Micro Hei (face 0 of Debian's fonts-wqy-microhei,
// Apache-2.0), the report font when no official font is found.
// fonts/extract.go makes it from the package's .ttc.
//
//go:embed fonts/wqy-microhei.ttf
var Font []byte

// FontName is the name of Font as shown to users.
const FontName = "文泉驿微米黑"

// FontCopyright is Debian's copyright file for the font, with its licence terms.
//
//go:embed fonts/copyright
var FontCopyright string
