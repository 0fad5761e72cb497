package shell

import (
	"errors"
	"fmt"
	"strings"
)

// ErrIncomplete reports that Gizmo input has unbalanced brackets or quotes,
// or ends in a "." or "," that continues on the next line: the shell shows
// the continuation prompt and keeps reading.
var ErrIncomplete = errors.New("incomplete input")

// CheckGizmo reports whether src is a complete Gizmo (JavaScript) input:
// nil when complete, ErrIncomplete when more lines are needed. It tracks
// brackets, string and template literals and comments; a closing bracket
// that does not match is left for Gizmo to report.
func CheckGizmo(src string) error {
	var stack []byte
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch c {
		case '"', '\'', '`':
			end := closeQuote(src, i)
			if end < 0 {
				return ErrIncomplete
			}
			i = end
		case '/':
			if strings.HasPrefix(src[i:], "//") {
				j := strings.IndexByte(src[i:], '\n')
				if j < 0 {
					i = len(src)
				} else {
					i += j
				}
			} else if strings.HasPrefix(src[i:], "/*") {
				j := strings.Index(src[i+2:], "*/")
				if j < 0 {
					return ErrIncomplete
				}
				i += j + 3
			}
		case '(', '[', '{':
			stack = append(stack, c)
		case ')', ']', '}':
			if len(stack) == 0 || stack[len(stack)-1] != opener(c) {
				return nil // a syntax error: let Gizmo say so
			}
			stack = stack[:len(stack)-1]
		}
	}
	if len(stack) > 0 {
		return ErrIncomplete
	}
	if t := strings.TrimSpace(stripLineComment(src)); strings.HasSuffix(t, ".") || strings.HasSuffix(t, ",") {
		return ErrIncomplete
	}
	return nil
}

// closeQuote returns the offset of the quote closing the one at i, or -1.
// Plain strings end at a newline; template literals may span lines.
func closeQuote(src string, i int) int {
	q := src[i]
	for j := i + 1; j < len(src); j++ {
		switch src[j] {
		case '\\':
			j++
		case q:
			return j
		case '\n':
			if q != '`' {
				return -1
			}
		}
	}
	return -1
}

func opener(c byte) byte {
	switch c {
	case ')':
		return '('
	case ']':
		return '['
	}
	return '{'
}

// stripLineComment drops a trailing // comment from the last line.
func stripLineComment(src string) string {
	last := src[strings.LastIndexByte(src, '\n')+1:]
	inQuote := byte(0)
	for i := 0; i < len(last); i++ {
		c := last[i]
		switch {
		case inQuote != 0 && c == '\\':
			i++
		case inQuote != 0 && c == inQuote:
			inQuote = 0
		case inQuote == 0 && (c == '"' || c == '\'' || c == '`'):
			inQuote = c
		case inQuote == 0 && strings.HasPrefix(last[i:], "//"):
			return src[:len(src)-len(last)+i]
		}
	}
	return src
}

// Lang is a query language of the shell.
type Lang uint8

// Languages. Auto picks Gizmo or Path per input (see Detect).
const (
	Auto Lang = iota
	Gizmo
	Path
)

var langNames = [...]string{"auto", "gizmo", "path"}

func (l Lang) String() string { return langNames[l] }

// ParseLang maps "auto", "gizmo" (or "js") and "path" to a Lang.
func ParseLang(s string) (Lang, error) {
	switch strings.ToLower(s) {
	case "auto":
		return Auto, nil
	case "gizmo", "js", "javascript":
		return Gizmo, nil
	case "path", "pathq":
		return Path, nil
	}
	return Auto, fmt.Errorf("unknown language %q; want auto, gizmo or path", s)
}

// gizmoStarts are how Gizmo inputs begin; path queries never do.
var gizmoStarts = []string{"g.", "graph.", "var ", "let ", "const ", "function", "for ", "for(", "if ", "if(", "while ", "while(", "//", "/*"}

// Detect says which language an input is written in: Gizmo when it starts
// like JavaScript (g.V(...), graph.Vertex, var, function, a comment),
// otherwise the path language.
func Detect(src string) Lang {
	s := strings.TrimSpace(src)
	for _, p := range gizmoStarts {
		if strings.HasPrefix(s, p) {
			return Gizmo
		}
	}
	return Path
}

// Meta is a parsed meta command such as ":entities person".
type Meta struct {
	Name string // without the colon, lower case
	Arg  string // the rest of the line, trimmed
}

// ParseMeta splits a meta command line. ok is false when line is no meta
// command (does not start with ':').
func ParseMeta(line string) (m Meta, ok bool) {
	s := strings.TrimSpace(line)
	if !strings.HasPrefix(s, ":") {
		return Meta{}, false
	}
	s = s[1:]
	name, arg, _ := strings.Cut(s, " ")
	return Meta{Name: strings.ToLower(name), Arg: strings.TrimSpace(arg)}, true
}
