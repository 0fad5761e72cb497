package shell

import (
	"bytes"
	"strings"
	"testing"
)

func TestCheckGizmo(t *testing.T) {
	for _, tc := range []struct {
		name, src  string
		incomplete bool
	}{
		{"complete", `g.V("<a>").All()`, false},
		{"open paren", `g.V("<a>")`[:4], true},
		{"open brace", "g.V().ForEach(function(d) {", true},
		{"closed brace", "g.V().ForEach(function(d) {\n g.Emit(d)\n})", false},
		{"open string", `g.V("<http://kg.local/ent`, true},
		{"bracket in string", `g.V("(").All()`, false},
		{"escaped quote", `g.V("a\"(").All()`, false},
		{"single quotes", `g.V('(').All()`, false},
		{"template spans lines", "var s = `a\n(b", true},
		{"line comment", "g.V().All() // (", false},
		{"open block comment", "/* (", true},
		{"closed block comment", "/* ( */ g.V().All()", false},
		{"trailing dot", "g.V()\n  .Out().", true},
		{"trailing comma", "g.V(\"a\",", true},
		{"trailing dot in comment", "g.V().All() // and then.", false},
		{"mismatched close", "g.V(])", false},
		{"empty", "", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := CheckGizmo(tc.src) == ErrIncomplete; got != tc.incomplete {
				t.Errorf("CheckGizmo(%q) incomplete = %v, want %v", tc.src, got, tc.incomplete)
			}
		})
	}
}

func TestDetect(t *testing.T) {
	for _, tc := range []struct {
		src  string
		want Lang
	}{
		{`g.V().All()`, Gizmo},
		{`  graph.Vertex("<a>").All()`, Gizmo},
		{"var x = 1", Gizmo},
		{"// comment", Gizmo},
		{"Peskov -> said", Path},
		{"path Peskov Biden", Path},
		{`who said "g.V"`, Path},
		{"g -> rel", Path},
	} {
		t.Run(tc.src, func(t *testing.T) {
			if got := Detect(tc.src); got != tc.want {
				t.Errorf("Detect(%q) = %v, want %v", tc.src, got, tc.want)
			}
		})
	}
}

func TestParseMeta(t *testing.T) {
	for _, tc := range []struct {
		line string
		want Meta
		ok   bool
	}{
		{":why Peskov -> said", Meta{"why", "Peskov -> said"}, true},
		{"  :Entities   person  ", Meta{"entities", "person"}, true},
		{":q", Meta{"q", ""}, true},
		{"Peskov -> said", Meta{}, false},
	} {
		t.Run(tc.line, func(t *testing.T) {
			got, ok := ParseMeta(tc.line)
			if got != tc.want || ok != tc.ok {
				t.Errorf("ParseMeta(%q) = %+v, %v; want %+v, %v", tc.line, got, ok, tc.want, tc.ok)
			}
		})
	}
}

func TestComplete(t *testing.T) {
	v := &vocabulary{
		names:     []string{"Dmitry Peskov", "Peskov", "Kremlin", "Kyiv"},
		relations: []string{"spokesman_of", "said", "reject"},
		iris:      []string{"<http://kg.local/entity/Kyiv>", "<http://kg.local/rel/said>"},
	}
	for _, tc := range []struct {
		name, pending, before string
		lang                  Lang
		prefix, want          string
	}{
		{"meta", "", ":en", Auto, ":en", ":entities"},
		{"all meta", "", ":", Auto, ":", ":why :entities :schema :stats :sources :export :lang :format :timeout :help :quit"},
		{"meta arg", "", ":lang g", Auto, "g", "gizmo"},
		{"entity type", "", ":entities pe", Auto, "pe", "person"},
		{"name", "", "pes", Auto, "pes", "Peskov"},
		{"name with space", "", "Dmitry P", Auto, "Dmitry P", "Dmitry Peskov"},
		{"keyword", "", "pa", Auto, "pa", "path "},
		{"relation after arrow", "", "Peskov -> s", Auto, "s", "spokesman_of said"},
		{"relation after in-arrow", "", "Kremlin <-sp", Auto, "sp", "spokesman_of"},
		{"node after second arrow", "", "? -> reject -> K", Auto, "K", "Kremlin Kyiv"},
		{"why", "", ":why Peskov -> r", Auto, "r", "reject"},
		{"path second name", "", "path Peskov Kr", Auto, "Kr", "Kremlin"},
		{"path after to", "", "path Dmitry Peskov to Ky", Auto, "Ky", "Kyiv"},
		{"quoted name", "", `"Dmi`, Auto, "Dmi", "Dmitry Peskov"},
		{"gizmo iri", "", `g.V("<http://kg.local/entity/K`, Auto, "<http://kg.local/entity/K", "<http://kg.local/entity/Kyiv>"},
		{"gizmo name", "", `g.V().Has("<x>", "Kre`, Auto, "Kre", "Kremlin"},
		{"gizmo method", "", `g.V().Ou`, Auto, "Ou", "Out( OutPredicates()"},
		{"gizmo continued", "g.V(", `"<http://kg.local/rel/s`, Auto, "<http://kg.local/rel/s", "<http://kg.local/rel/said>"},
		{"gizmo lang", "", `x.Al`, Gizmo, "Al", "All()"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			prefix, cands := complete(v, tc.lang, tc.pending, tc.before)
			if prefix != tc.prefix || strings.Join(cands, " ") != tc.want {
				t.Errorf("complete(%q) = %q, %q; want %q, %q", tc.before, prefix, cands, tc.prefix, tc.want)
			}
		})
	}
}

func TestWriteTable(t *testing.T) {
	rows := [][]string{{"a", "1"}, {"bb", "22"}, {"c", "3"}}
	for _, tc := range []struct {
		name          string
		maxRows, more int
		want          string
	}{
		{"all", 0, 0, "name   n\n────  ──\na      1\nbb    22\nc      3\n(3 rows)\n"},
		{"cut", 2, 0, "name   n\n────  ──\na      1\nbb    22\n… 1 more row; use :format json or a limit\n"},
		{"cut and unfetched", 1, 1232, "name  n\n────  ─\na     1\n… 1,234 more rows; use :format json or a limit\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			cp := make([][]string, len(rows))
			for i := range rows {
				cp[i] = append([]string(nil), rows[i]...)
			}
			writeTable(&b, []string{"name", "n"}, cp, tc.maxRows, tc.more)
			if b.String() != tc.want {
				t.Errorf("got\n%s\nwant\n%s", b.String(), tc.want)
			}
		})
	}
}
