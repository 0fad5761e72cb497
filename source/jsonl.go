package source

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"kg/extract"
)

// record is one JSON Lines article.
type record struct {
	ID     json.RawMessage `json:"id"` // string or number
	Title  string          `json:"title"`
	Date   string          `json:"date"`
	URL    string          `json:"url"`
	Outlet string          `json:"outlet"`
	Text   string          `json:"text"`
}

// errLineTooLong reports a line longer than the document size limit.
var errLineTooLong = errors.New("line too long")

// readLine reads one line of at most max bytes (without the newline). A
// longer line is consumed without being kept and reported as
// errLineTooLong. At the end of input it returns io.EOF.
func readLine(br *bufio.Reader, buf []byte, max int) ([]byte, error) {
	buf = buf[:0]
	tooLong := false
	for {
		chunk, err := br.ReadSlice('\n')
		if !tooLong {
			if len(buf)+len(chunk) > max+1 { // +1: the newline
				tooLong = true
				buf = buf[:0]
			} else {
				buf = append(buf, chunk...)
			}
		}
		switch {
		case err == bufio.ErrBufferFull:
			continue
		case err == io.EOF && (len(buf) > 0 || tooLong):
			err = nil
		}
		if err != nil {
			return nil, err
		}
		if tooLong {
			return nil, errLineTooLong
		}
		return bytes.TrimSuffix(bytes.TrimSuffix(buf, []byte{'\n'}), []byte{'\r'}), nil
	}
}

// readJSONL yields one document per line of br. Blank lines are ignored;
// bad lines are reported with their line number and skipped.
func readJSONL(br *bufio.Reader, f file, max int, yield func(*extract.Document, error) bool) bool {
	if c, _ := peekNonSpace(br); c == '[' {
		return yield(nil, &Error{Path: f.path, Msg: "a JSON array, not JSON Lines (one object per line); convert it with jq -c '.[]'"})
	}
	var buf []byte
	for n := 1; ; n++ {
		line, err := readLine(br, buf, max)
		if err == io.EOF {
			if n == 1 {
				return yield(nil, &Error{Path: f.path, Msg: "empty file"})
			}
			return true
		}
		if err == errLineTooLong {
			if !yield(nil, &Error{Path: f.path, Line: n, Msg: fmt.Sprintf("line longer than the %d-byte limit for one article", max)}) {
				return false
			}
			continue
		}
		if err != nil {
			return yield(nil, &Error{Path: f.path, Line: n, Msg: "read failed", Err: err})
		}
		buf = line[:0]
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		doc, e := parseRecord(line, f)
		if e != nil {
			e.Path, e.Line = f.path, n
			if !yield(nil, e) {
				return false
			}
			continue
		}
		if doc.ID == "" {
			doc.ID = f.stem + ":" + strconv.Itoa(n)
		}
		doc.Meta.Source = f.path + ":" + strconv.Itoa(n)
		if !yield(doc, nil) {
			return false
		}
	}
}

// parseRecord decodes one JSON line. The returned Error has no Path or Line.
func parseRecord(line []byte, f file) (*extract.Document, *Error) {
	if off := invalidUTF8(line); off >= 0 {
		return nil, &Error{Column: off + 1, Msg: fmt.Sprintf("invalid UTF-8 (byte 0x%02X)", line[off])}
	}
	var rec record
	if err := json.Unmarshal(line, &rec); err != nil {
		e := &Error{Msg: "malformed JSON", Err: err}
		var se *json.SyntaxError
		if errors.As(err, &se) {
			e.Column = int(se.Offset)
		}
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			e.Err = fmt.Errorf("field %q: want %s, found JSON %s", te.Field, te.Type, te.Value)
		}
		return nil, e
	}
	id, err := recordID(rec.ID)
	if err != nil {
		return nil, &Error{Msg: "bad \"id\"", Err: err}
	}
	if strings.TrimSpace(rec.Text) == "" {
		return nil, &Error{Msg: "no \"text\""}
	}
	outlet := rec.Outlet
	if outlet == "" && rec.URL != "" {
		outlet = Outlet(rec.URL)
	}
	return &extract.Document{
		ID:   id,
		Text: rec.Text,
		Meta: extract.Meta{Title: rec.Title, Date: rec.Date, URL: rec.URL, Outlet: outlet},
	}, nil
}

// recordID reads an "id" that is a string or a number.
func recordID(raw json.RawMessage) (string, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return "", nil
	}
	var s string
	if err := json.Unmarshal(raw, &s); err == nil {
		return strings.TrimSpace(s), nil
	}
	var n json.Number
	if err := json.Unmarshal(raw, &n); err == nil {
		return n.String(), nil
	}
	return "", fmt.Errorf("want a string or number, found %.40s", raw)
}
