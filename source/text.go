package source

import (
	"bytes"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"unicode/utf8"

	"kg/extract"
)

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// binaryMagic names common binary formats by their first bytes.
var binaryMagic = []struct {
	magic []byte
	name  string
}{
	{[]byte("\x89PNG\r\n\x1a\n"), "a PNG image"},
	{[]byte("\xff\xd8\xff"), "a JPEG image"},
	{[]byte("GIF8"), "a GIF image"},
	{[]byte("%PDF-"), "a PDF document"},
	{[]byte("PK\x03\x04"), "a ZIP archive (or .docx/.xlsx)"},
	{[]byte("\xfe\xff"), "UTF-16 text; convert it to UTF-8"},
	{[]byte("\xff\xfe"), "UTF-16 text; convert it to UTF-8"},
}

// checkText reports why data is not an article in UTF-8 text, or nil.
// The returned Error has no Path.
func checkText(data []byte) *Error {
	for _, m := range binaryMagic {
		if bytes.HasPrefix(data, m.magic) {
			return &Error{Msg: "not text: " + m.name}
		}
	}
	head := data[:min(len(data), 8192)]
	if i := bytes.IndexByte(head, 0); i >= 0 {
		line, col := lineCol(data, i)
		return &Error{Line: line, Column: col, Msg: fmt.Sprintf("binary data (NUL byte at offset %d)", i)}
	}
	if off := invalidUTF8(data); off >= 0 {
		line, col := lineCol(data, off)
		return &Error{Line: line, Column: col, Msg: fmt.Sprintf(
			"invalid UTF-8 (byte 0x%02X at offset %d; is it Latin-1 or Windows-1252? convert with iconv -t UTF-8)",
			data[off], off)}
	}
	return nil
}

// invalidUTF8 returns the offset of the first byte of data that is not
// valid UTF-8, or -1.
func invalidUTF8(data []byte) int {
	for i := 0; i < len(data); {
		if data[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return -1
}

// lineCol converts a byte offset into a 1-based line and byte column.
func lineCol(data []byte, off int) (line, col int) {
	line = 1 + bytes.Count(data[:off], []byte{'\n'})
	return line, off - (bytes.LastIndexByte(data[:off], '\n') + 1) + 1
}

// maxTitle is the longest first line taken for a title, in bytes.
const maxTitle = 200

var (
	urlLine     = regexp.MustCompile(`^(?:https?://|www\.)\S+$`)
	namePat     = `\p{Lu}[\p{L}.'’-]*`
	nameWordPat = `(?:` + namePat + `|of|the|and|for)`
	bylineLine  = regexp.MustCompile(`^(?i:by)\s+` + namePat + `(?:[\s,]+(?:(?i:and)\s+)?` + namePat + `){0,8}` + // By Jane Doe and John Roe
		`(?:\s*[,|–—-]\s*` + nameWordPat + `(?:\s+` + nameWordPat + `){0,5})?$`) // , The Washington Post
	month    = `(?i:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`
	weekday  = `(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+)?`
	timePart = `(?:[ T,]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:[AaPp]\.?[Mm]\.?)?\s*(?:Z|[+-]\d{2}:?\d{2}|[A-Z]{2,4})?)?`
	dateLine = regexp.MustCompile(`^(?i:(?:published|updated|posted|date)[: ]\s*)?` + weekday + `(?:` +
		`\d{8}` + // 20220128
		`|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}` + // 2022-01-28
		`|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}` + // 01/28/2022
		`|` + month + `\s+\d{1,2},?\s+\d{4}` + // January 28, 2022
		`|\d{1,2}\s+` + month + `,?\s+\d{4}` + // 28 January 2022
		`|\d{1,2}-` + month + `-\d{4}` + // 26-FEB-1987
		`)` + timePart + `$`)
)

// ParseText splits an article file into its header lines and body, and
// returns a Document with the body as Text and the header in Meta (ID and
// Meta.Source are left empty).
//
// The header is read from the top, skipping blank lines:
//   - the first line is the title when it is at most 200 bytes long, does
//     not end in sentence punctuation (. ! ? : or a closing quote) and more
//     text follows;
//   - then any lines that are only a date (20220128, 2022-01-28,
//     "Jan. 28, 2022", ...), only a URL, or a byline ("By Jane Doe and
//     John Roe") are metadata.
//
// The body starts at the first other line. Meta.Outlet is the URL's host
// without "www.". Text without such lines is all body.
func ParseText(s string) *extract.Document {
	doc := &extract.Document{}
	body := 0 // offset where the body starts
	first := true
	for off := 0; off < len(s); {
		end := strings.IndexByte(s[off:], '\n')
		next := len(s)
		if end >= 0 {
			next = off + end + 1
		}
		line := strings.TrimSpace(s[off:next])
		switch {
		case line == "":
		case first && isTitle(line) && strings.TrimSpace(s[next:]) != "":
			doc.Meta.Title = line
		case doc.Meta.Date == "" && dateLine.MatchString(line):
			doc.Meta.Date = line
		case doc.Meta.URL == "" && urlLine.MatchString(line):
			doc.Meta.URL = line
			doc.Meta.Outlet = Outlet(line)
		case bylineLine.MatchString(line):
		default:
			doc.Text = s[body:]
			return doc
		}
		if line != "" {
			first = false
		}
		off = next
		body = next
	}
	// Nothing but header lines: no body.
	if doc.Meta.Title != "" || doc.Meta.Date != "" || doc.Meta.URL != "" {
		return &extract.Document{}
	}
	doc.Text = s
	return doc
}

// isTitle reports whether the first line of a file reads as a headline.
func isTitle(line string) bool {
	if len(line) > maxTitle || dateLine.MatchString(line) || urlLine.MatchString(line) {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(line)
	return !strings.ContainsRune(`.!?:;,"”’'»…`, last)
}

// Outlet derives a publisher name from an article URL: its host without a
// leading "www." (or "m."/"amp."), or "" when the URL has no host.
func Outlet(rawURL string) string {
	if !strings.Contains(rawURL, "://") {
		rawURL = "https://" + rawURL
	}
	u, err := url.Parse(rawURL)
	if err != nil {
		return ""
	}
	h := strings.ToLower(u.Hostname())
	for _, p := range []string{"www.", "m.", "amp."} {
		h = strings.TrimPrefix(h, p)
	}
	return h
}
