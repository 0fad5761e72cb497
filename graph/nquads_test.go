package graph

import (
	"testing"

	"github.com/cayleygraph/quad"
)

func TestParseLine(t *testing.T) {
	for _, tc := range []struct {
		name, line string
		want       quad.Quad
		err        string
	}{
		{"blank", "  \n", quad.Quad{}, ""},
		{"comment", "# note", quad.Quad{}, ""},
		{"triple", `<http://x/a> <http://x/p> "v" .`, quad.Quad{Subject: quad.IRI("http://x/a"), Predicate: quad.IRI("http://x/p"), Object: quad.String("v")}, ""},
		{"typed", `<http://x/a> <http://x/p> "3"^^<http://www.w3.org/2001/XMLSchema#integer> <http://x/g> .`,
			quad.Quad{Subject: quad.IRI("http://x/a"), Predicate: quad.IRI("http://x/p"), Object: quad.Int(3), Label: quad.IRI("http://x/g")}, ""},
		{"escapes", `_:b0 <http://x/p> "caf\u00E9 \"x\"\n"@en-GB . # c`,
			quad.Quad{Subject: quad.BNode("b0"), Predicate: quad.IRI("http://x/p"), Object: quad.LangString{Value: "café \"x\"\n", Lang: "en-GB"}}, ""},
		{"bare word", `<http://x/a> <http://x/p> bad .`, quad.Quad{}, "27: expected object"},
		{"literal predicate", `<http://x/a> "p" "x" .`, quad.Quad{}, "14: expected predicate"},
		{"relative IRI", `<a> <http://x/p> "x" .`, quad.Quad{}, "1: relative IRI"},
		{"space in IRI", `<http://x/a b> <http://x/p> "x" .`, quad.Quad{}, "12: character ' ' not allowed in IRI"},
		{"unterminated", `<http://x/a> <http://x/p> "x .`, quad.Quad{}, "31: unterminated string at end of line"},
		{"junk after dot", `<http://x/a> <http://x/p> "x" . y`, quad.Quad{}, "33: unexpected 'y' after '.'"},
		{"bad escape", `<http://x/a> <http://x/p> "\q" .`, quad.Quad{}, "29: invalid escape"},
		{"five terms", `<http://x/a> <http://x/p> "x" <http://x/g> <http://x/h> .`, quad.Quad{}, "44: expected '.'"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ParseLine(tc.line)
			var msg string
			if err != nil {
				msg = err.Error()
			}
			if msg != tc.err || err == nil && got != tc.want {
				t.Errorf("ParseLine(%q) = %v, %q; want %v, %q", tc.line, got, msg, tc.want, tc.err)
			}
		})
	}
}

func TestSegment(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Dmitry Peskov", "Dmitry_Peskov"},
		{"a/b?c#d%", "a%2Fb%3Fc%23d%25"},
		{"Zelenskyy’s", "Zelenskyy’s"},
		{`quote"d<>`, "quote%22d%3C%3E"},
	} {
		if got := Segment(tc.in); got != tc.want {
			t.Errorf("Segment(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
