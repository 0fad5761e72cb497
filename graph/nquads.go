package graph

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"
)

// Export writes every quad as N-Quads, one per line, sorted bytewise, so
// that equal graphs export identical bytes on every backend. Native values
// are written with XML Schema datatypes (xsd:integer, xsd:double,
// xsd:boolean, xsd:dateTime), which Import reads back as the same values.
func (s *Store) Export(w io.Writer) error {
	ctx := context.Background()
	it := s.qs.QuadsAllIterator()
	defer it.Close()
	var lines []string
	for it.Next(ctx) {
		lines = append(lines, Line(s.qs.Quad(it.Result())))
	}
	if err := it.Err(); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	slices.Sort(lines)
	bw := bufio.NewWriterSize(w, 1<<16)
	for _, l := range lines {
		bw.WriteString(l)
		bw.WriteByte('\n')
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	return nil
}

// Line formats a quad as one N-Quads statement without the newline.
func Line(q quad.Quad) string {
	var b strings.Builder
	for i, v := range []quad.Value{q.Subject, q.Predicate, q.Object, q.Label} {
		if v == nil {
			continue
		}
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(term(v))
	}
	b.WriteString(" .")
	return b.String()
}

// term writes a value in N-Quads syntax, giving Cayley's native values
// XML Schema datatypes with canonical lexical forms.
func term(v quad.Value) string {
	var lex, typ string
	switch v := v.(type) {
	case quad.Int:
		lex, typ = strconv.FormatInt(int64(v), 10), "integer"
	case quad.Float:
		lex, typ = strconv.FormatFloat(float64(v), 'g', -1, 64), "double"
	case quad.Bool:
		lex, typ = strconv.FormatBool(bool(v)), "boolean"
	case quad.Time:
		lex, typ = time.Time(v).UTC().Format(time.RFC3339Nano), "dateTime"
	default:
		return v.String()
	}
	return quad.TypedString{Value: quad.String(lex), Type: quad.IRI(XSD + typ)}.String()
}

// ImportOptions configure Import.
type ImportOptions struct {
	// Strict stops at the first malformed line instead of skipping it.
	Strict bool
}

// ImportStats reports what Import read.
type ImportStats struct {
	Lines   int       // lines read, including blank lines and comments
	Quads   int       // well-formed quads (written, or already present)
	Skipped int       // malformed lines skipped
	Errors  ErrorList // the first MaxImportErrors malformed lines
}

// MaxImportErrors bounds ImportStats.Errors; Skipped counts them all.
const MaxImportErrors = 100

// Error is a malformed line of an N-Quads input.
type Error struct {
	Name         string // input name, as given to Import
	Line, Column int    // 1-based; Column counts characters
	Msg          string
}

func (e *Error) Error() string { return fmt.Sprintf("%s:%d:%d: %s", e.Name, e.Line, e.Column, e.Msg) }

// ErrorList is a list of input errors in input order.
type ErrorList []*Error

func (l ErrorList) Error() string {
	switch len(l) {
	case 0:
		return "no errors"
	case 1:
		return l[0].Error()
	}
	return fmt.Sprintf("%s (and %d more errors)", l[0], len(l)-1)
}

// Err returns the list as an error, or nil if it is empty.
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

// Import reads N-Quads from r, one statement per line, and adds them to the
// graph in batches (quads already present are skipped). name is used in
// messages: a malformed line is reported as name:line:col: message and
// skipped, or ends the import if opts.Strict, in which case quads of
// earlier batches stay written and the current batch is dropped.
// Import is not atomic per document: use Put to replace documents.
func (s *Store) Import(r io.Reader, name string, opts ImportOptions) (ImportStats, error) {
	var st ImportStats
	if s.opts.ReadOnly {
		return st, ErrReadOnly
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	var (
		deltas []cgraph.Delta
		seen   = make(map[quad.Quad]bool)
	)
	flush := func() error {
		if len(deltas) == 0 {
			return nil
		}
		if err := s.qs.ApplyDeltas(deltas, cgraph.IgnoreOpts{IgnoreDup: true}); err != nil {
			return fmt.Errorf("import %s: %w", name, err)
		}
		deltas = deltas[:0]
		clear(seen)
		return nil
	}
	br := bufio.NewReaderSize(r, 1<<16)
	for {
		line, rerr := br.ReadString('\n')
		if rerr != nil && rerr != io.EOF {
			return st, fmt.Errorf("import %s: %w", name, rerr)
		}
		if line == "" && rerr == io.EOF {
			break
		}
		st.Lines++
		q, err := ParseLine(line)
		switch {
		case err != nil:
			e := &Error{Name: name, Line: st.Lines, Column: err.Column, Msg: err.Msg}
			if opts.Strict {
				return st, e
			}
			st.Skipped++
			if len(st.Errors) < MaxImportErrors {
				st.Errors = append(st.Errors, e)
			}
		case q.IsValid():
			st.Quads++
			if !seen[q] {
				seen[q] = true
				deltas = append(deltas, cgraph.Delta{Quad: q, Action: cgraph.Add})
			}
			if len(deltas) >= s.opts.BatchQuads {
				if err := flush(); err != nil {
					return st, err
				}
			}
		}
		if rerr == io.EOF {
			break
		}
	}
	return st, flush()
}

// LineError is a syntax error within one N-Quads line.
type LineError struct {
	Column int // 1-based, in characters
	Msg    string
}

func (e *LineError) Error() string { return fmt.Sprintf("%d: %s", e.Column, e.Msg) }

// ParseLine parses one N-Quads line (RDF 1.1 N-Quads). A blank line or
// comment gives the zero Quad and no error. The line is checked against the
// grammar first, since nquads.Parse accepts bare words as literals.
func ParseLine(line string) (quad.Quad, *LineError) {
	if !utf8.ValidString(line) {
		return quad.Quad{}, &LineError{Column: utf8.RuneCountInString(line[:firstInvalid(line)]) + 1, Msg: "invalid UTF-8"}
	}
	sc := scanner{src: []rune(strings.TrimRight(line, "\r\n"))}
	sc.space()
	if sc.done() || sc.peek() == '#' {
		return quad.Quad{}, nil
	}
	if err := sc.statement(); err != nil {
		return quad.Quad{}, err
	}
	q, err := nquads.Parse(string(sc.src[:sc.end]))
	if err != nil {
		return quad.Quad{}, &LineError{Column: 1, Msg: strings.TrimPrefix(err.Error(), quad.ErrInvalid.Error()+": ")}
	}
	return q, nil
}

// scanner checks the syntax of one N-Quads statement.
type scanner struct {
	src []rune
	pos int
	end int // just after the final '.'
}

func (s *scanner) done() bool { return s.pos >= len(s.src) }

func (s *scanner) peek() rune {
	if s.done() {
		return 0
	}
	return s.src[s.pos]
}

func (s *scanner) space() {
	for !s.done() && (s.peek() == ' ' || s.peek() == '\t') {
		s.pos++
	}
}

// fail reports an error at the current position.
func (s *scanner) fail(format string, args ...any) *LineError {
	msg := fmt.Sprintf(format, args...)
	if s.done() {
		msg += " at end of line"
	}
	return &LineError{Column: s.pos + 1, Msg: msg}
}

// statement scans subject predicate object [graph] "." [comment].
func (s *scanner) statement() *LineError {
	for _, t := range []struct {
		what                string
		iri, bnode, literal bool
	}{
		{"subject", true, true, false},
		{"predicate", true, false, false},
		{"object", true, true, true},
	} {
		if err := s.term(t.what, t.iri, t.bnode, t.literal); err != nil {
			return err
		}
		s.space()
	}
	if s.peek() != '.' {
		if err := s.term("graph label or '.'", true, true, false); err != nil {
			return err
		}
		s.space()
	}
	if s.peek() != '.' {
		return s.fail("expected '.'")
	}
	s.pos++
	s.end = s.pos
	s.space()
	if !s.done() && s.peek() != '#' {
		return s.fail("unexpected %q after '.'", s.peek())
	}
	return nil
}

func (s *scanner) term(what string, iri, bnode, literal bool) *LineError {
	switch c := s.peek(); {
	case c == '<' && iri:
		return s.iri()
	case c == '_' && bnode:
		return s.bnode()
	case c == '"' && literal:
		return s.literal()
	}
	return s.fail("expected %s", what)
}

func (s *scanner) iri() *LineError {
	start := s.pos
	s.pos++ // '<'
	colon := false
	for !s.done() && s.peek() != '>' {
		c := s.peek()
		switch {
		case c == '\\':
			if err := s.escape(false); err != nil {
				return err
			}
			continue
		case c <= ' ' || strings.ContainsRune("<\"{}|^`", c):
			return s.fail("character %q not allowed in IRI", c)
		case c == ':':
			colon = true
		}
		s.pos++
	}
	if s.done() {
		return s.fail("unterminated IRI")
	}
	s.pos++ // '>'
	if !colon {
		s.pos = start
		return s.fail("relative IRI")
	}
	return nil
}

func (s *scanner) bnode() *LineError {
	if s.pos+1 >= len(s.src) || s.src[s.pos+1] != ':' {
		return s.fail("expected '_:' blank node")
	}
	s.pos += 2
	n := 0
	for !s.done() {
		c := s.peek()
		if !(unicode.IsLetter(c) || unicode.IsDigit(c) || c == '_' || c == '-' || c == '.') {
			break
		}
		s.pos++
		n++
	}
	if n == 0 {
		return s.fail("empty blank node label")
	}
	if s.src[s.pos-1] == '.' { // the statement's final dot
		s.pos--
	}
	return nil
}

func (s *scanner) literal() *LineError {
	s.pos++ // '"'
	for !s.done() && s.peek() != '"' {
		if s.peek() == '\\' {
			if err := s.escape(true); err != nil {
				return err
			}
			continue
		}
		s.pos++
	}
	if s.done() {
		return s.fail("unterminated string")
	}
	s.pos++ // '"'
	switch s.peek() {
	case '@':
		s.pos++
		n := 0
		for !s.done() && (unicode.IsLetter(s.peek()) && s.peek() < 0x80 || n > 0 && (s.peek() == '-' || unicode.IsDigit(s.peek()))) {
			s.pos++
			n++
		}
		if n == 0 {
			return s.fail("expected language tag")
		}
	case '^':
		if s.pos+1 >= len(s.src) || s.src[s.pos+1] != '^' {
			return s.fail("expected '^^'")
		}
		s.pos += 2
		if s.peek() != '<' {
			return s.fail("expected datatype IRI")
		}
		return s.iri()
	}
	return nil
}

// escape scans a backslash escape; string escapes such as \n are allowed
// only in literals.
func (s *scanner) escape(inString bool) *LineError {
	s.pos++ // '\\'
	c := s.peek()
	n := 0
	switch {
	case c == 'u':
		n = 4
	case c == 'U':
		n = 8
	case inString && strings.ContainsRune("tbnrf\"'\\", c):
	default:
		return s.fail("invalid escape")
	}
	s.pos++
	for ; n > 0; n-- {
		if !unicode.Is(unicode.ASCII_Hex_Digit, s.peek()) {
			return s.fail("expected hexadecimal digit")
		}
		s.pos++
	}
	return nil
}

// firstInvalid returns the byte offset of the first invalid UTF-8 sequence.
func firstInvalid(s string) int {
	for i, r := range s {
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(s[i:]); size == 1 {
				return i
			}
		}
	}
	return len(s)
}
