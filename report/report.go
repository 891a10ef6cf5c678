// Package report writes the monthly report (月度报告) as a PDF: A4, laid out
// after GB/T 9704, with its own Chinese line breaking, tables that break
// across pages and vector charts.
package report

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"taizhang"
	"taizhang/templates"
)

// Options sets what WriteMonthly writes and with which fonts.
type Options struct {
	Month    taizhang.Month
	Created  time.Time     // the PDF's creation date; zero: now
	Date     taizhang.Date // the date under the title and above the signature; zero: the ledger's as-of date
	FontFile string        // a .ttf used for body and headings; "": look in FontDirs
	FontDirs []string      // where to look for simfang.ttf, simhei.ttf, simkai.ttf (and fzxbsjw.ttf)
	Warnings io.Writer     // receives one Chinese line per replaced character; nil: discarded
	// Absent are the month's periods, already due, of which the input held
	// no sheet from any unit: the report says their 未报 may be a folder left out.
	Absent []taizhang.Period
	// PrevAbsent are the previous month's periods of which the input held no
	// sheet: its receipt rates would count every unit 未报, so they are not
	// compared with this month's.
	PrevAbsent []taizhang.Period
}

// WriteMonthly writes the monthly report for opt.Month. cur is the ledger of
// the month's last period already due (Programme.DuePeriods; receipts from
// the month's first period on): the month's later periods are named as not
// yet due and left out. prev is the previous month's ledger, or nil when
// there is none to compare with.
func WriteMonthly(w io.Writer, cur, prev *taizhang.Ledger, opt Options) error {
	_, err := writeMonthly(w, cur, prev, opt)
	return err
}

// writeMonthly is WriteMonthly returning the layout for tests.
func writeMonthly(w io.Writer, cur, prev *taizhang.Ledger, opt Options) (d *doc, err error) {
	if cur == nil || cur.Programme == nil {
		return nil, errors.New("生成月度报告：没有汇总数据")
	}
	if opt.Month.Year == 0 {
		opt.Month = cur.Period.MonthOf()
	}
	if opt.Created.IsZero() {
		opt.Created = time.Now()
	}
	var warnings []string
	fonts, err := loadFonts(opt, func(s string) { warnings = append(warnings, s) })
	if err != nil {
		return nil, err
	}
	defer func() {
		// fpdf panics on some malformed input; say so rather than crash.
		if r := recover(); r != nil {
			err = fmt.Errorf("生成月度报告 PDF 时出错：%v", r)
		}
	}()
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetCreationDate(opt.Created)
	pdf.SetModificationDate(opt.Created)
	pdf.SetCatalogSort(true)
	pdf.SetCompression(true)
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetMargins(portrait.left, portrait.top, portrait.right)
	if err := registerFonts(pdf, fonts, func(s string) { warnings = append(warnings, s) }); err != nil {
		return nil, err
	}
	d = &doc{pdf: pdf, fonts: fonts, rp: &replacer{}, g: portrait, widths: map[*face]map[rune]int{}}
	pdf.SetFooterFunc(d.footer)
	d.setFont(fonts.body, ptBody)
	r := &writer{d: d, l: cur, opt: opt, cur: monthFacts(cur, opt.Month)}
	if prev != nil && prev.Programme != nil {
		r.prev = monthFacts(prev, opt.Month.Prev())
	}
	title := r.title()
	pdf.SetTitle(d.rp.clean(title, fonts.body), true)
	pdf.SetAuthor(d.rp.clean(cur.Programme.Office, fonts.body), true)
	pdf.SetCreator("taizhang", false)
	pdf.SetLang("zh-CN")
	r.write()
	if r.err != nil {
		return nil, fmt.Errorf("生成月度报告：读回进展情况表的内容时出错：%v", r.err)
	}
	if pdf.Err() {
		return nil, fmt.Errorf("生成月度报告 PDF：%v", pdf.Error())
	}
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		return nil, fmt.Errorf("生成月度报告 PDF：%v", err)
	}
	if opt.Warnings != nil {
		for _, s := range warnings {
			fmt.Fprintln(opt.Warnings, "月度报告："+s)
		}
		d.rp.report(opt.Warnings)
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return nil, fmt.Errorf("写入月度报告：%w", err)
	}
	return d, nil
}

// registerFonts embeds the faces in pdf. An official font the PDF library
// cannot read is replaced by the embedded font, with a warning; the embedded
// font or --font failing is an error.
func registerFonts(pdf *fpdf.Fpdf, fonts *fontSet, warn func(string)) error {
	add := func(f *face) (ok bool) {
		defer func() {
			if recover() != nil {
				ok = false
			}
		}()
		pdf.AddUTF8FontFromBytes(f.family, "", f.data)
		return !pdf.Err() && pdf.GetFontDesc(f.family, "").Ascent != 0
	}
	var fallback *face
	for i := 0; i < len(fonts.faces); i++ {
		f := fonts.faces[i]
		if add(f) {
			continue
		}
		if pdf.Err() || f.family == "user" || f.family == "wqy" {
			return fmt.Errorf("字体 %s 无法嵌入 PDF，请改用其他 TrueType 字体", f.name)
		}
		warn(fmt.Sprintf("字体 %s 无法嵌入 PDF，本次改用内置字体%s", f.name, templates.FontName))
		if fallback == nil {
			var err error
			if fallback, err = newFace("wqy", templates.FontName, templates.FontName, templates.Font); err != nil {
				return fmt.Errorf("内置字体有误：%v", err)
			}
			fonts.faces = append(fonts.faces, fallback)
		}
		for _, role := range []**face{&fonts.body, &fonts.heading, &fonts.sub, &fonts.title} {
			if *role == f {
				*role = fallback
			}
		}
	}
	return nil
}
