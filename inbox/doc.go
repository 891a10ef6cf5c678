// Package inbox finds the spreadsheets to read in what the task force
// saved: files, folders, .zip archives, and e-mail as .eml or .mbox files.
//
// Collect returns each spreadsheet as a taizhang.Input with a display path
// such as "收件/包头市报送.eml › 材料.zip › 包头市.xlsx" (a message in an
// .mbox file is named by its subject and date: "收件箱.mbox › 邮件 关于报送…
// (2021-04-15 16:02) › 包头市.xlsx") and,
// for e-mail, the date, sender and subject of the message. Files on disk are
// read only when their Input is loaded; zip entries and attachments are held
// in memory. Nothing is extracted to disk and no input is changed.
//
// What cannot be used becomes a taizhang.Finding and the rest goes on. The
// first bytes of every spreadsheet are checked here: a zip-based workbook
// is passed on as it is, and the workbook reader reports it if it is
// truncated or corrupt inside; an OLE2 file with an EncryptionInfo stream is
// an encrypted .xlsx and is passed on for the reader to open with the
// password; any other OLE2 file is a legacy .xls/.et workbook, converted with
// LibreOffice when Options.Convert is on and LibreOffice is installed, and
// reported otherwise. A file that is empty, or neither zip nor OLE2 (a web
// page or text saved as .xlsx), is reported here and not passed on; a .xls
// of that kind (as web systems export) is converted like a legacy one, unless
// it is tab- or comma-separated text, which, like a .csv of that kind, is
// passed on as the text it is.
package inbox
