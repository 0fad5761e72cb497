package pathq

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Error is a syntax or resolution error at a position in the query.
type Error struct {
	Col int // 1-based, in characters
	Msg string
	Err error // the resolution error, such as an *AmbiguousError; nil for syntax
}

func (e *Error) Error() string { return fmt.Sprintf("col %d: %s", e.Col, e.Msg) }

// Unwrap returns the underlying resolution error, if any.
func (e *Error) Unwrap() error { return e.Err }

// errorAt makes an Error at byte offset off of src.
func errorAt(src string, off int, format string, args ...any) *Error {
	if off > len(src) {
		off = len(src)
	}
	return &Error{Col: utf8.RuneCountInString(src[:off]) + 1, Msg: fmt.Sprintf(format, args...)}
}

// tokKind is the class of a lexical token.
type tokKind uint8

const (
	tEOF    tokKind = iota
	tWord           // bare word
	tString         // "quoted", Text unquoted
	tIRI            // <...>, Text without brackets
	tVar            // ? or ?name, Text the name
	tOut            // ->
	tIn             // <-
)

type token struct {
	kind       tokKind
	start, end int
	text       string
}

// lex splits src into tokens, ending with tEOF.
func lex(src string) ([]token, error) {
	var toks []token
	i := 0
	for i < len(src) {
		r, w := utf8.DecodeRuneInString(src[i:])
		switch {
		case unicode.IsSpace(r):
			i += w
		case strings.HasPrefix(src[i:], "->"):
			toks = append(toks, token{tOut, i, i + 2, "->"})
			i += 2
		case strings.HasPrefix(src[i:], "<-"):
			toks = append(toks, token{tIn, i, i + 2, "<-"})
			i += 2
		case r == '<':
			j := strings.IndexAny(src[i:], "> \t\n")
			if j < 0 || src[i+j] != '>' {
				return nil, errorAt(src, i, "unterminated <IRI>")
			}
			toks = append(toks, token{tIRI, i, i + j + 1, src[i+1 : i+j]})
			i += j + 1
		case r == '"':
			s, n, err := quoted(src[i:])
			if err != nil {
				return nil, errorAt(src, i, "%s", err)
			}
			toks = append(toks, token{tString, i, i + n, s})
			i += n
		case r == '?':
			j := i + 1
			for j < len(src) {
				r, w := utf8.DecodeRuneInString(src[j:])
				if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '_' {
					break
				}
				j += w
			}
			toks = append(toks, token{tVar, i, j, src[i+1 : j]})
			i = j
		case wordRune(r):
			j := i
			for j < len(src) {
				r, w := utf8.DecodeRuneInString(src[j:])
				if !wordRune(r) || strings.HasPrefix(src[j:], "->") {
					break
				}
				j += w
			}
			toks = append(toks, token{tWord, i, j, src[i:j]})
			i = j
		default:
			return nil, errorAt(src, i, "unexpected %q", r)
		}
	}
	return append(toks, token{kind: tEOF, start: len(src), end: len(src)}), nil
}

// wordRune reports whether r may occur in a bare word.
func wordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune("_.-'’&:/", r)
}

// quoted reads a double-quoted string with backslash escapes at the start
// of s and returns its value and length.
func quoted(s string) (string, int, error) {
	var b strings.Builder
	for i := 1; i < len(s); i++ {
		switch s[i] {
		case '"':
			return b.String(), i + 1, nil
		case '\\':
			if i+1 < len(s) {
				i++
			}
		}
		b.WriteByte(s[i])
	}
	return "", 0, fmt.Errorf("unterminated string")
}

// parser holds the state of one Parse.
type parser struct {
	src  string
	toks []token
	p    int
}

func (p *parser) peek() token { return p.toks[p.p] }
func (p *parser) next() token { t := p.toks[p.p]; p.p++; return t }

// keyword reports whether token i is the bare word kw (any case).
func (p *parser) keyword(i int, kw string) bool {
	return i < len(p.toks) && p.toks[i].kind == tWord && strings.EqualFold(p.toks[i].text, kw)
}

// Parse parses one query. Errors are *Error values with the column of the
// offending token.
func Parse(src string) (Query, error) {
	toks, err := lex(src)
	if err != nil {
		return nil, err
	}
	p := &parser{src: src, toks: toks}
	if p.peek().kind == tEOF {
		return nil, errorAt(src, 0, "empty query")
	}
	var q Query
	switch {
	case p.keyword(0, "path") && toks[1].kind != tOut && toks[1].kind != tIn && toks[1].kind != tEOF:
		q, err = p.path()
	case p.keyword(0, "who") && p.keyword(1, "said"):
		q, err = p.said()
	default:
		q, err = p.chain()
	}
	if err != nil {
		return nil, err
	}
	if t := p.peek(); t.kind != tEOF {
		return nil, errorAt(src, t.start, "unexpected %s", describe(t))
	}
	return q, nil
}

func describe(t token) string {
	switch t.kind {
	case tEOF:
		return "end of query"
	case tOut, tIn:
		return "arrow " + t.text
	case tString:
		return strconv.Quote(t.text)
	case tIRI:
		return "<" + t.text + ">"
	case tVar:
		return "?" + t.text
	}
	return strconv.Quote(t.text)
}

// words joins the bare words from the current token on, stopping before
// any token for which stop is true, into one Name term with sep between
// words.
func (p *parser) words(stop func(token) bool) (Term, bool) {
	t := Term{Kind: Name, Start: p.peek().start}
	var parts []string
	for p.peek().kind == tWord && !stop(p.peek()) {
		w := p.next()
		parts = append(parts, w.text)
		t.Stop = w.end
	}
	t.Text = strings.Join(parts, " ")
	return t, len(parts) > 0
}

// term parses a node: words, a string, an IRI or a variable.
func (p *parser) term(what string, stop func(token) bool) (Term, error) {
	switch t := p.peek(); t.kind {
	case tString:
		p.next()
		return Term{Start: t.start, Stop: t.end, Kind: Name, Text: t.text}, nil
	case tIRI:
		p.next()
		return Term{Start: t.start, Stop: t.end, Kind: IRI, Text: t.text}, nil
	case tVar:
		p.next()
		return Term{Start: t.start, Stop: t.end, Kind: Variable, Text: t.text}, nil
	case tWord:
		if w, ok := p.words(stop); ok {
			return w, nil
		}
		fallthrough
	default:
		return Term{}, errorAt(p.src, t.start, "expected %s, found %s", what, describe(t))
	}
}

func never(token) bool { return false }

func (p *parser) chain() (Query, error) {
	first, err := p.term("a name, ? or \"quoted name\"", never)
	if err != nil {
		return nil, err
	}
	c := &Chain{Nodes: []Term{first}}
	for {
		arrow := p.peek()
		if arrow.kind != tOut && arrow.kind != tIn {
			break
		}
		p.next()
		h := Hop{Arrow: arrow.start, Dir: Out}
		if arrow.kind == tIn {
			h.Dir = In
		}
		switch t := p.peek(); t.kind {
		case tVar:
			p.next()
			h.Rel = Term{Start: t.start, Stop: t.end, Kind: Variable, Text: t.text}
		case tWord:
			h.Rel, _ = p.words(never)
		default:
			return nil, errorAt(p.src, t.start, "expected a relation after %s, found %s", arrow.text, describe(t))
		}
		c.Hops = append(c.Hops, h)
		next := p.peek()
		if next.kind == tEOF {
			c.Nodes = append(c.Nodes, Term{Start: next.start, Stop: next.start, Kind: Variable, Implicit: true})
			break
		}
		if next.kind != tOut && next.kind != tIn {
			return nil, errorAt(p.src, next.start, "expected an arrow after relation %q, found %s", h.Rel.Text, describe(next))
		}
		if next.kind != arrow.kind {
			return nil, errorAt(p.src, next.start, "arrows disagree: write A -> rel -> B or B <- rel <- A")
		}
		p.next()
		n, err := p.term("a name, ? or \"quoted name\" after "+next.text, never)
		if err != nil {
			return nil, err
		}
		c.Nodes = append(c.Nodes, n)
	}
	if len(c.Hops) == 0 {
		return nil, errorAt(p.src, p.peek().start, "expected -> or <- after %q (try: %s -> ?)", first.Text, p.src[first.Start:first.Stop])
	}
	return c, nil
}

func (p *parser) path() (Query, error) {
	q := &PathQuery{Keyword: p.next().start, MaxDepth: DefaultDepth}
	isTo := func(t token) bool { return strings.EqualFold(t.text, "to") || strings.EqualFold(t.text, "within") }
	hasTo := false
	for i := p.p; i < len(p.toks); i++ {
		if p.keyword(i, "to") {
			hasTo = true
		}
	}
	// Without "to", each end is one word (or a string or IRI).
	var err error
	if hasTo {
		q.From, err = p.term("a name after path", isTo)
	} else {
		q.From, err = p.one("a name after path")
	}
	if err != nil {
		return nil, err
	}
	if p.keyword(p.p, "to") {
		p.next()
		q.To, err = p.term("a name after to", isTo)
	} else if hasTo {
		return nil, errorAt(p.src, p.peek().start, "expected to")
	} else {
		q.To, err = p.one("a second name (names of several words need: path A to B)")
	}
	if err != nil {
		return nil, err
	}
	for _, t := range []Term{q.From, q.To} {
		if t.Kind == Variable {
			return nil, errorAt(p.src, t.Start, "path needs two names, not a variable")
		}
	}
	q.Stop = q.To.Stop
	if p.keyword(p.p, "within") {
		p.next()
		n := p.peek()
		d, err := strconv.Atoi(n.text)
		if n.kind != tWord || err != nil || d < 1 || d > MaxDepth {
			return nil, errorAt(p.src, n.start, "within wants a number of steps from 1 to %d", MaxDepth)
		}
		p.next()
		q.MaxDepth, q.Stop = d, n.end
	}
	return q, nil
}

// one parses a one-token term: a word, string or IRI.
func (p *parser) one(what string) (Term, error) {
	t := p.peek()
	if t.kind == tWord && strings.EqualFold(t.text, "within") {
		return Term{}, errorAt(p.src, t.start, "expected %s, found within", what)
	}
	if t.kind == tWord {
		p.next()
		return Term{Start: t.start, Stop: t.end, Kind: Name, Text: t.text}, nil
	}
	return p.term(what, never)
}

func (p *parser) said() (Query, error) {
	q := &SaidQuery{Keyword: p.next().start}
	p.next() // said
	t, err := p.term("what was said, such as \"optimism\"", never)
	if err != nil {
		return nil, err
	}
	if t.Kind != Name {
		return nil, errorAt(p.src, t.Start, "who said wants text, such as \"optimism\"")
	}
	q.Text = t
	return q, nil
}
