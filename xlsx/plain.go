package xlsx

import (
	"archive/zip"
	"bytes"
	"io"
	"regexp"
	"strings"
)

// contentTypeSheet is the content type of an ordinary .xlsx workbook part.
const contentTypeSheet = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"

// otherWorkbookTypes are the workbook content types of .xlsm, .xltx, .xltm
// and .xlam, which Excel refuses in a file named .xlsx.
var otherWorkbookTypes = []string{
	"application/vnd.ms-excel.sheet.macroEnabled.main+xml",
	"application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml",
	"application/vnd.ms-excel.template.macroEnabled.main+xml",
	"application/vnd.ms-excel.addin.macroEnabled.main+xml",
}

// strictToTransitional turns the Strict Open XML namespaces and relationship
// types into the transitional ones; longer names come first.
var strictToTransitional = strings.NewReplacer(
	"http://purl.oclc.org/ooxml/officeDocument/relationships/extendedProperties", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties",
	"http://purl.oclc.org/ooxml/officeDocument/relationships/customProperties", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties",
	"http://purl.oclc.org/ooxml/officeDocument/relationships", "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
	"http://purl.oclc.org/ooxml/officeDocument/extendedProperties", "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
	"http://purl.oclc.org/ooxml/officeDocument/customProperties", "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties",
	"http://purl.oclc.org/ooxml/officeDocument/docPropsVTypes", "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes",
	"http://purl.oclc.org/ooxml/spreadsheetml/main", "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
	"http://purl.oclc.org/ooxml/drawingml/", "http://schemas.openxmlformats.org/drawingml/2006/",
	` conformance="strict"`, "",
)

var (
	vbaRelationship = regexp.MustCompile(`<Relationship\b[^>]*/vbaProject"[^>]*/>`)
	vbaContentType  = regexp.MustCompile(`<(Default|Override)\b[^>]*ContentType="application/vnd\.ms-office\.vbaProject[^"]*"[^>]*/>`)
)

// plainWorkbook returns the workbook package data as an ordinary transitional
// .xlsx: the workbook content type of .xlsx, no macro project, and no part in
// the Strict Open XML namespaces. excelize keeps the parts it does not touch
// as they are, so a copy written from a .xlsm, a template or a Strict file
// would otherwise be a file Excel refuses or repairs. Data that is not a zip
// package, or needs no change, is returned as it is.
func plainWorkbook(data []byte) []byte {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return data
	}
	type part struct {
		f    *zip.File
		data []byte
	}
	var parts []part
	changed := false
	for _, f := range zr.File {
		if strings.Contains(f.Name, "vbaProject") {
			changed = true
			continue
		}
		p := part{f: f}
		if name := strings.ToLower(f.Name); strings.HasSuffix(name, ".xml") || strings.HasSuffix(name, ".rels") {
			rc, err := f.Open()
			if err != nil {
				return data
			}
			b, err := io.ReadAll(io.LimitReader(rc, unzipLimit))
			rc.Close()
			if err != nil {
				return data
			}
			s := string(b)
			if strings.Contains(s, "purl.oclc.org") {
				s = strictToTransitional.Replace(s)
			}
			if f.Name == "[Content_Types].xml" {
				for _, ct := range otherWorkbookTypes {
					s = strings.ReplaceAll(s, `"`+ct+`"`, `"`+contentTypeSheet+`"`)
				}
				s = vbaContentType.ReplaceAllString(s, "")
			}
			if strings.HasSuffix(name, ".rels") {
				s = vbaRelationship.ReplaceAllString(s, "")
			}
			if s != string(b) {
				changed = true
			}
			p.data = []byte(s)
		}
		parts = append(parts, p)
	}
	if !changed {
		return data
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		if p.data == nil {
			if err := zw.Copy(p.f); err != nil {
				return data
			}
			continue
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: p.f.Name, Method: zip.Deflate, Modified: p.f.Modified})
		if err != nil {
			return data
		}
		if _, err := w.Write(p.data); err != nil {
			return data
		}
	}
	if err := zw.Close(); err != nil {
		return data
	}
	return buf.Bytes()
}
