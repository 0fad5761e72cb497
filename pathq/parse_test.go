package pathq

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

// show prints a query compactly for comparison.
func show(q Query) string {
	term := func(t Term) string {
		switch t.Kind {
		case Variable:
			if t.Implicit {
				return "?_"
			}
			return "?" + t.Text
		case IRI:
			return "<" + t.Text + ">"
		}
		return fmt.Sprintf("%q", t.Text)
	}
	switch q := q.(type) {
	case *Chain:
		var b strings.Builder
		b.WriteString(term(q.Nodes[0]))
		for i, h := range q.Hops {
			fmt.Fprintf(&b, " %s %s %s %s", h.Dir, term(h.Rel), h.Dir, term(q.Nodes[i+1]))
		}
		return b.String()
	case *PathQuery:
		return fmt.Sprintf("path %s %s %d", term(q.From), term(q.To), q.MaxDepth)
	case *SaidQuery:
		return "said " + term(q.Text)
	}
	return "?"
}

func TestParse(t *testing.T) {
	for _, tc := range []struct{ name, src, want string }{
		{"objects", "Peskov -> spokesman_of", `"Peskov" -> "spokesman_of" -> ?_`},
		{"subjects", "Kremlin <- spokesman_of", `"Kremlin" <- "spokesman_of" <- ?_`},
		{"pairs", "? -> rejected -> ?", `? -> "rejected" -> ?`},
		{"named vars", "?who -> spokesman_of -> Kremlin", `?who -> "spokesman_of" -> "Kremlin"`},
		{"any relation", "Peskov -> ?", `"Peskov" -> ? -> ?_`},
		{"multi-word", "Dmitry Peskov -> spokesman of", `"Dmitry Peskov" -> "spokesman of" -> ?_`},
		{"quoted", `"Dmitry Peskov" -> ? -> "Kremlin"`, `"Dmitry Peskov" -> ? -> "Kremlin"`},
		{"iri", "<http://kg.local/entity/Kyiv> <- ?", `<http://kg.local/entity/Kyiv> <- ? <- ?_`},
		{"chain", "Peskov -> spokesman_of -> ? -> based_in", `"Peskov" -> "spokesman_of" -> ? -> "based_in" -> ?_`},
		{"hyphen and dot", "U.S. -> co-operate_with", `"U.S." -> "co-operate_with" -> ?_`},
		{"no spaces", "Peskov->said", `"Peskov" -> "said" -> ?_`},
		{"path", "path Peskov Biden", `path "Peskov" "Biden" 4`},
		{"path to within", "PATH Dmitry Peskov to Joe Biden within 3", `path "Dmitry Peskov" "Joe Biden" 3`},
		{"path quoted", `path "Dmitry Peskov" Biden`, `path "Dmitry Peskov" "Biden" 4`},
		{"said", `who said "optimism"`, `said "optimism"`},
		{"said bare", "Who Said cautious optimism", `said "cautious optimism"`},
		{"path as name", "path -> ?", `"path" -> ? -> ?_`},
		{"unicode", "Zelenskyy’s office -> ?", `"Zelenskyy’s office" -> ? -> ?_`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			q, err := Parse(tc.src)
			if err != nil {
				t.Fatalf("Parse(%q): %v", tc.src, err)
			}
			if got := show(q); got != tc.want {
				t.Errorf("Parse(%q) = %s, want %s", tc.src, got, tc.want)
			}
			if q.Pos() < 0 || q.End() > len(tc.src) || q.Pos() > q.End() {
				t.Errorf("extent %d-%d outside source of %d bytes", q.Pos(), q.End(), len(tc.src))
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		col       int
		msg       string
	}{
		{"empty", "  ", 1, "empty query"},
		{"no arrow", "Peskov", 7, "expected -> or <-"},
		{"no relation", "Peskov ->", 10, "expected a relation after ->"},
		{"arrows disagree", "Peskov -> said <- ?", 16, "arrows disagree"},
		{"dangling arrow", "Peskov -> said ->", 18, `expected a name, ? or "quoted name" after ->`},
		{"unterminated string", `who said "optim`, 10, "unterminated string"},
		{"unterminated iri", "<http://x -> ?", 1, "unterminated <IRI>"},
		{"bad char", "Peskov -> said; ?", 15, `unexpected ';'`},
		{"relation then word", "Peskov -> said Biden ?", 22, "expected an arrow after relation"},
		{"path one name", "path Peskov", 12, "expected a second name"},
		{"path three words", "path Dmitry Peskov Biden", 20, "unexpected"},
		{"path variable", "path ? Biden", 6, "path needs two names"},
		{"within bad", "path Peskov Biden within 9", 26, "within wants a number"},
		{"said nothing", "who said", 9, "expected what was said"},
		{"column in runes", "Zelenskyy’s -> said <- ?", 21, "arrows disagree"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse(tc.src)
			var pe *Error
			if !errors.As(err, &pe) {
				t.Fatalf("Parse(%q) error = %v, want *Error", tc.src, err)
			}
			if pe.Col != tc.col || !strings.Contains(pe.Msg, tc.msg) {
				t.Errorf("Parse(%q) = col %d %q, want col %d containing %q", tc.src, pe.Col, pe.Msg, tc.col, tc.msg)
			}
		})
	}
}
