package xlsx

import (
	"archive/zip"
	"bytes"
	"io"
	"path"
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

// absoluteTarget matches a relationship target given from the package root,
// as openpyxl writes them (Target="/xl/comments/comment1.xml").
var absoluteTarget = regexp.MustCompile(`Target="/([^"]*)"`)

// relativeTargets rewrites the absolute targets in the relationships of a
// part in folder dir relative to it (../comments/comment1.xml): excelize
// does not find a sheet's comments given from the root, and would write the
// new ones beside them, unreferenced, and the drawing again under a name
// beginning with a slash.
func relativeTargets(rels, dir string) string {
	from := strings.Split(dir, "/")
	return absoluteTarget.ReplaceAllStringFunc(rels, func(m string) string {
		to := strings.Split(absoluteTarget.FindStringSubmatch(m)[1], "/")
		i := 0
		for i < len(from) && i < len(to)-1 && from[i] == to[i] {
			i++
		}
		return `Target="` + strings.Repeat("../", len(from)-i) + strings.Join(to[i:], "/") + `"`
	})
}

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
			if strings.HasPrefix(f.Name, "xl/worksheets/_rels/") {
				s = relativeTargets(s, "xl/worksheets")
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
		w, err := zw.CreateHeader(partHeader(p.f))
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

var (
	relationshipRe = regexp.MustCompile(`<Relationship\b[^>]*?(?:/>|>\s*</Relationship>)`)
	relAttrRe      = regexp.MustCompile(`\b(Id|Type|Target)="([^"]*)"`)
	legacyDrawing  = regexp.MustCompile(`<legacyDrawing\b[^>]*?(?:/>|>\s*</legacyDrawing>)`)
	vmlObjectType  = regexp.MustCompile(`ObjectType="([^"]*)"`)
	overrideRe     = regexp.MustCompile(`<Override\b[^>]*?(?:/>|>\s*</Override>)`)
	partNameRe     = regexp.MustCompile(`PartName="/([^"]*)"`)
)

// withoutComments returns the workbook package data with the sheets'
// comments taken out — their comments and VML drawing parts, the
// relationships to them and the sheets' legacyDrawing — and true, or data
// and false when no sheet has comments. excelize cannot add a comment to a
// cell that has one, nor to a drawing whose shapes are named otherwise than
// Excel names them (LibreOffice's shape_0), nor find comments stored under
// other names (openpyxl's): Annotate takes the comments out, and writes them
// back itself. A drawing that holds anything besides comments (a legacy
// form control) is left alone.
func withoutComments(data []byte) ([]byte, bool) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return data, false
	}
	files := map[string]*zip.File{}
	for _, f := range zr.File {
		files[f.Name] = f
	}
	readPart := func(name string) (string, bool) {
		f, ok := files[name]
		if !ok {
			return "", false
		}
		rc, err := f.Open()
		if err != nil {
			return "", false
		}
		defer rc.Close()
		b, err := io.ReadAll(io.LimitReader(rc, unzipLimit))
		return string(b), err == nil
	}
	changed := map[string]string{} // part name → new content
	dropped := map[string]bool{}
	for _, f := range zr.File {
		dir, base, ok := strings.Cut(f.Name, "/_rels/")
		if !ok || dir != "xl/worksheets" || !strings.HasSuffix(base, ".rels") {
			continue
		}
		rels, ok := readPart(f.Name)
		if !ok {
			continue
		}
		var parts, ids []string
		keep := true
		out := relationshipRe.ReplaceAllStringFunc(rels, func(m string) string {
			attr := map[string]string{}
			for _, a := range relAttrRe.FindAllStringSubmatch(m, -1) {
				attr[a[1]] = a[2]
			}
			typ := attr["Type"]
			if !strings.HasSuffix(typ, "/comments") && !strings.HasSuffix(typ, "/vmlDrawing") {
				return m
			}
			target := attr["Target"]
			if strings.HasPrefix(target, "/") {
				target = strings.TrimPrefix(target, "/")
			} else {
				target = path.Join(dir, target)
			}
			if strings.HasSuffix(typ, "/vmlDrawing") {
				vml, _ := readPart(target)
				for _, o := range vmlObjectType.FindAllStringSubmatch(vml, -1) {
					keep = keep && o[1] == "Note"
				}
				ids = append(ids, attr["Id"])
			}
			parts = append(parts, target)
			return ""
		})
		if !keep || len(parts) == 0 {
			continue
		}
		sheet := path.Join(dir, strings.TrimSuffix(base, ".rels"))
		xml, ok := readPart(sheet)
		if !ok {
			continue
		}
		changed[f.Name] = out
		changed[sheet] = legacyDrawing.ReplaceAllStringFunc(xml, func(m string) string {
			for _, id := range ids {
				if strings.Contains(m, `"`+id+`"`) {
					return ""
				}
			}
			return m
		})
		for _, p := range parts {
			dropped[p] = true
			dropped[path.Join(path.Dir(p), "_rels", path.Base(p)+".rels")] = true
		}
	}
	if len(changed) == 0 {
		return data, false
	}
	if ct, ok := readPart("[Content_Types].xml"); ok {
		changed["[Content_Types].xml"] = overrideRe.ReplaceAllStringFunc(ct, func(m string) string {
			if p := partNameRe.FindStringSubmatch(m); p != nil && dropped[p[1]] {
				return ""
			}
			return m
		})
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		if dropped[f.Name] {
			continue
		}
		s, ok := changed[f.Name]
		if !ok {
			if err := zw.Copy(f); err != nil {
				return data, false
			}
			continue
		}
		w, err := zw.CreateHeader(partHeader(f))
		if err != nil {
			return data, false
		}
		if _, err := io.WriteString(w, s); err != nil {
			return data, false
		}
	}
	if err := zw.Close(); err != nil {
		return data, false
	}
	return buf.Bytes(), true
}

// partHeader returns the header to write a changed part of f under.
func partHeader(f *zip.File) *zip.FileHeader {
	h := &zip.FileHeader{Name: f.Name, Method: zip.Deflate}
	if !f.Modified.IsZero() && f.Modified.Year() >= 1980 {
		h.Modified = f.Modified
	}
	return h
}
