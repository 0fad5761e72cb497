// Package graphtest is the conformance suite every graph backend must pass,
// and the hand-annotated documents it uses.
//
// A backend joins it with one call:
//
//	graphtest.TestAll(t, func(t *testing.T) *graph.Store { ... a new, empty store ... })
package graphtest

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/cayleygraph/quad"

	"kg/extract"
	"kg/graph"
)

// Opener returns a new, empty store that is closed when the test ends.
type Opener func(t *testing.T) *graph.Store

// TestAll runs every conformance test against stores made by open.
func TestAll(t *testing.T, open Opener) {
	for _, tc := range []struct {
		name string
		fn   func(*testing.T, Opener)
	}{
		{"PutHas", testPutHas},
		{"Schema", testSchema},
		{"Idempotent", testIdempotent},
		{"Replace", testReplace},
		{"Remove", testRemove},
		{"ExportImport", testExportImport},
		{"ImportErrors", testImportErrors},
		{"Gizmo", testGizmo},
		{"GizmoTimeout", testGizmoTimeout},
		{"Entities", testEntities},
		{"Facts", testFacts},
		{"Stats", testStats},
		{"Rapper", testRapper},
	} {
		t.Run(tc.name, func(t *testing.T) { tc.fn(t, open) })
	}
}

// Sample returns a hand-annotated three-sentence document. Its second
// sentence contains a non-ASCII dash, so byte and character offsets differ
// after it. variant changes the last sentence, to test replacement.
func Sample(id string, variant int) *extract.Document {
	last := "Zelensky may visit Paris."
	if variant != 0 {
		last = "Zelensky will visit Berlin."
	}
	b := builder{doc: &extract.Document{
		ID: id,
		Meta: extract.Meta{
			Title:  "Kremlin rejects demand",
			Date:   "2024-03-01",
			URL:    "https://news.example/" + id,
			Source: id + ".txt",
			Outlet: "News Example",
		},
	}}
	b.sentence("Kremlin spokesman Dmitry Peskov said Russia rejected the demand.")
	b.sentence("Peskov did not comment on Kyiv — yet.")
	b.sentence(last)
	kremlin := b.mention(0, "Kremlin", extract.Organization, "", "Kremlin", "Kremlin")
	peskov := b.mention(0, "Dmitry Peskov", extract.Person, "", "Dmitry_Peskov", "Dmitry Peskov")
	russia := b.mention(0, "Russia", extract.Place, "country", "Russia", "Russia")
	peskov2 := b.mention(1, "Peskov", extract.Person, "", "Dmitry_Peskov", "Dmitry Peskov")
	kyiv := b.mention(1, "Kyiv", extract.Place, "city", "Kyiv", "Kyiv")
	zelensky := b.mention(2, "Zelensky", extract.Person, "", "Volodymyr_Zelensky", "Volodymyr Zelensky")
	city := "Paris"
	if variant != 0 {
		city = "Berlin"
	}
	place := b.mention(2, city, extract.Place, "city", city, city)
	demand := b.token(0, "demand", "demand", extract.NOUN)

	speech := b.fact(extract.Fact{Kind: extract.Speech, Relation: "said", RelText: "said", Sentence: 0,
		Subject: b.arg(peskov), Object: b.phrase(0, "Russia rejected the demand", -1), Attributed: -1, Confidence: 0.9})
	b.fact(extract.Fact{Kind: extract.Role, Relation: "spokesman_of", RelText: "spokesman", Sentence: 0,
		Subject: b.arg(peskov), Object: b.arg(kremlin), Attributed: -1, Confidence: 0.8})
	b.fact(extract.Fact{Kind: extract.Event, Relation: "reject", RelText: "rejected", Sentence: 0,
		Subject: b.arg(russia), Object: b.phrase(0, "the demand", demand), Attributed: speech, Confidence: 0.7})
	b.fact(extract.Fact{Kind: extract.Event, Relation: "comment_on", RelText: "did not comment on", Sentence: 1,
		Subject: b.arg(peskov2), Object: b.arg(kyiv), Negated: true, Attributed: -1, Confidence: 0.6})
	modality := "may"
	if variant != 0 {
		modality = ""
	}
	b.fact(extract.Fact{Kind: extract.Event, Relation: "visit", RelText: "visit", Sentence: 2,
		Subject: b.arg(zelensky), Object: b.arg(place), Modality: modality, Attributed: -1, Confidence: 0.5,
		Extra: []extract.Arg{{Text: "soon", Head: -1, Mention: -1, Role: "time"}}})
	return b.doc
}

// builder assembles a document sentence by sentence.
type builder struct{ doc *extract.Document }

func (b *builder) sentence(s string) {
	if b.doc.Text != "" {
		b.doc.Text += " "
	}
	start := len(b.doc.Text)
	b.doc.Text += s
	b.doc.Sentences = append(b.doc.Sentences, extract.Sentence{Span: extract.Span{Start: start, End: len(b.doc.Text)}})
}

// span finds text in sentence i.
func (b *builder) span(i int, text string) extract.Span {
	s := b.doc.Sentences[i]
	off := strings.Index(b.doc.Slice(s.Span), text)
	if off < 0 {
		panic("graphtest: " + text + " not in sentence")
	}
	return extract.Span{Start: s.Start + off, End: s.Start + off + len(text)}
}

func (b *builder) mention(i int, text string, typ extract.EntityType, kind, key, name string) int {
	b.doc.Mentions = append(b.doc.Mentions, extract.Mention{Span: b.span(i, text), Type: typ, Kind: kind, Entity: key, Name: name})
	return len(b.doc.Mentions) - 1
}

func (b *builder) token(i int, text, lemma string, upos extract.UPOS) int {
	b.doc.Tokens = append(b.doc.Tokens, extract.Token{Span: b.span(i, text), Text: text, Lemma: lemma, UPOS: upos, Head: -1})
	return len(b.doc.Tokens) - 1
}

func (b *builder) arg(m int) extract.Arg {
	ment := b.doc.Mentions[m]
	return extract.Arg{Span: ment.Span, Text: b.doc.Slice(ment.Span), Head: -1, Mention: m}
}

func (b *builder) phrase(i int, text string, head int) extract.Arg {
	sp := b.span(i, text)
	return extract.Arg{Span: sp, Text: text, Head: head, Mention: -1}
}

func (b *builder) fact(f extract.Fact) int {
	f.Span = b.doc.Sentences[f.Sentence].Span
	b.doc.Facts = append(b.doc.Facts, f)
	return len(b.doc.Facts) - 1
}

// export returns the store's N-Quads export.
func export(t *testing.T, s *graph.Store) string {
	t.Helper()
	var buf bytes.Buffer
	if err := s.Export(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// put stores documents or fails the test.
func put(t *testing.T, s *graph.Store, docs ...*extract.Document) {
	t.Helper()
	if err := s.Put(docs...); err != nil {
		t.Fatal(err)
	}
}

// line formats one quad as Export writes it.
func line(s, p, o, label quad.Value) string {
	return graph.Line(quad.Quad{Subject: s, Predicate: p, Object: o, Label: label}) + "\n"
}

func testPutHas(t *testing.T, open Opener) {
	s := open(t)
	a, b := Sample("a", 0), Sample("b/1", 0)
	put(t, s, a, b)
	for _, tc := range []struct {
		name, id, hash string
		want           bool
	}{
		{"same hash", "a", graph.ContentHash(a), true},
		{"any hash", "b/1", "", true},
		{"other hash", "a", graph.ContentHash(Sample("a", 1)), false},
		{"missing", "c", "", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := s.Has(tc.id, tc.hash)
			if err != nil || got != tc.want {
				t.Errorf("Has(%q, %q) = %v, %v; want %v", tc.id, tc.hash, got, err, tc.want)
			}
		})
	}
	bad := Sample("bad", 0)
	bad.Mentions[0].Span.End = len(bad.Text) + 1
	if err := s.Put(bad); err == nil {
		t.Errorf("Put accepted a mention outside the text")
	}
}

func testSchema(t *testing.T, open Opener) {
	s := open(t)
	put(t, s, Sample("a", 0))
	out := export(t, s)
	peskov, kremlin := graph.EntityIRI("Dmitry_Peskov"), graph.EntityIRI("Kremlin")
	s0, s1, s2 := graph.SentenceIRI("a", 0), graph.SentenceIRI("a", 1), graph.SentenceIRI("a", 2)
	for _, tc := range []struct {
		name    string
		line    string
		present bool
	}{
		{"role fact", line(peskov, graph.RelationIRI("spokesman_of"), kremlin, s0), true},
		{"speech fact", line(peskov, graph.RelationIRI("said"), quad.String("Russia rejected the demand"), s0), true},
		{"relation label", line(graph.RelationIRI("spokesman_of"), graph.Label, quad.String("spokesman of"), graph.DocIRI("a")), true},
		{"attributed fact", line(graph.EntityIRI("Russia"), graph.RelationIRI("reject"), graph.ConceptIRI("demand"), s0), false},
		{"attributed statement", line(graph.StatementIRI("a", 2), graph.AttributedTo, graph.StatementIRI("a", 0), s0), true},
		{"concept object", line(graph.StatementIRI("a", 2), graph.RDFObject, graph.ConceptIRI("demand"), s0), true},
		{"negated fact", line(peskov, graph.RelationIRI("comment_on"), graph.EntityIRI("Kyiv"), s1), false},
		{"negated statement", line(graph.StatementIRI("a", 3), graph.Negated, quad.Bool(true), s1), true},
		{"modal fact", line(graph.EntityIRI("Volodymyr_Zelensky"), graph.RelationIRI("visit"), graph.EntityIRI("Paris"), s2), false},
		{"modal statement", line(graph.StatementIRI("a", 4), graph.Modality, quad.String("may"), s2), true},
		{"extra argument", line(graph.StatementIRI("a", 4), quad.IRI(graph.NS+"arg_time"), quad.String("soon"), s2), true},
		{"confidence", line(graph.StatementIRI("a", 1), graph.Confidence, quad.Float(0.8), s0), true},
		{"alias", line(peskov, graph.AltLabel, quad.String("Peskov"), s1), true},
		{"mention", line(s1, graph.Mentions, peskov, s1), true},
		{"type", line(peskov, graph.RDFType, graph.Person, graph.DocIRI("a")), true},
		{"kind", line(graph.EntityIRI("Kyiv"), graph.Kind, quad.String("city"), graph.DocIRI("a")), true},
		// "Peskov did not comment on Kyiv — yet." starts at byte 65, character 65;
		// "Zelensky ..." starts after the three-byte dash: byte 105, character 103.
		{"sentence start", line(s1, graph.Start, quad.Int(65), graph.DocIRI("a")), true},
		{"start after dash", line(s2, graph.Start, quad.Int(103), graph.DocIRI("a")), true},
		{"url", line(graph.DocIRI("a"), graph.URL, quad.IRI("https://news.example/a"), graph.DocIRI("a")), true},
		{"hash", line(graph.DocIRI("a"), graph.Hash, quad.String(graph.ContentHash(Sample("a", 0))), graph.DocIRI("a")), true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := strings.Contains(out, tc.line); got != tc.present {
				t.Errorf("export contains %q: %v, want %v", tc.line, got, tc.present)
			}
		})
	}
}

func testIdempotent(t *testing.T, open Opener) {
	s := open(t)
	doc := Sample("a", 0)
	put(t, s, doc)
	first := export(t, s)
	put(t, s, doc, doc)
	if second := export(t, s); second != first {
		t.Errorf("re-put changed the graph:\n%s", diff(first, second))
	}
	if n := strings.Count(first, "\n"); n != len(graph.Quads(doc)) {
		t.Errorf("export has %d lines, Quads gives %d", n, len(graph.Quads(doc)))
	}
}

func testReplace(t *testing.T, open Opener) {
	s := open(t)
	put(t, s, Sample("a", 0), Sample("b", 0))
	put(t, s, Sample("a", 1))
	want := open(t)
	put(t, want, Sample("b", 0), Sample("a", 1))
	if got, w := export(t, s), export(t, want); got != w {
		t.Errorf("replaced graph differs from a fresh one:\n%s", diff(w, got))
	}
	if ok, _ := s.Has("a", graph.ContentHash(Sample("a", 0))); ok {
		t.Errorf("old version still present")
	}

	// Same text, new annotations: same hash, so the marker must survive.
	reannotated := Sample("a", 1)
	reannotated.Facts = reannotated.Facts[:2]
	put(t, s, reannotated)
	want = open(t)
	put(t, want, Sample("b", 0), reannotated)
	if got, w := export(t, s), export(t, want); got != w {
		t.Errorf("re-annotated graph differs from a fresh one:\n%s", diff(w, got))
	}
	if ok, _ := s.Has("a", graph.ContentHash(reannotated)); !ok {
		t.Errorf("re-annotated document lost its marker")
	}
}

func testRemove(t *testing.T, open Opener) {
	s := open(t)
	put(t, s, Sample("a", 0), Sample("b", 0))
	for _, id := range []string{"a", "a", "missing"} {
		if err := s.Remove(id); err != nil {
			t.Fatalf("Remove(%q): %v", id, err)
		}
	}
	want := open(t)
	put(t, want, Sample("b", 0))
	if got, w := export(t, s), export(t, want); got != w {
		t.Errorf("graph after Remove differs from a fresh one:\n%s", diff(w, got))
	}
}

func testExportImport(t *testing.T, open Opener) {
	s := open(t)
	put(t, s, Sample("a", 0), Sample("b", 1))
	first := export(t, s)
	into := open(t)
	for i := 0; i < 2; i++ { // the second import adds nothing
		st, err := into.Import(strings.NewReader(first), "export.nq", graph.ImportOptions{Strict: true})
		if err != nil {
			t.Fatal(err)
		}
		if n := strings.Count(first, "\n"); st.Quads != n || st.Lines != n || st.Skipped != 0 {
			t.Errorf("import %d: stats %+v, want %d quads", i, st, n)
		}
	}
	if second := export(t, into); second != first {
		t.Errorf("export → import → export differs:\n%s", diff(first, second))
	}
}

func testImportErrors(t *testing.T, open Opener) {
	input := strings.Join([]string{
		"# a comment",
		"<http://x/a> <http://x/p> \"one\" .",
		"",
		"<http://x/a> <http://x/p> bad .",
		"<http://x/a> <http://x/p> \"two\" <http://x/g> .",
		"<http://x/a> <http://x/p>",
	}, "\n")
	for _, tc := range []struct {
		name    string
		strict  bool
		quads   int
		skipped int
		errs    []string
	}{
		{"lenient", false, 2, 2, []string{"in.nq:4:27: expected object", "in.nq:6:26: expected object at end of line"}},
		{"strict", true, 1, 0, []string{"in.nq:4:27: expected object"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := open(t)
			st, err := s.Import(strings.NewReader(input), "in.nq", graph.ImportOptions{Strict: tc.strict})
			var got []string
			if tc.strict {
				if err != nil {
					got = append(got, err.Error())
				}
			} else {
				if err != nil {
					t.Fatal(err)
				}
				for _, e := range st.Errors {
					got = append(got, e.Error())
				}
			}
			if !reflect.DeepEqual(got, tc.errs) {
				t.Errorf("errors = %q, want %q", got, tc.errs)
			}
			if st.Quads != tc.quads || st.Skipped != tc.skipped {
				t.Errorf("stats = %+v, want %d quads, %d skipped", st, tc.quads, tc.skipped)
			}
		})
	}
}

func testGizmo(t *testing.T, open Opener) {
	s := open(t)
	put(t, s, Sample("a", 0), Sample("b", 0))
	peskov := "<" + string(graph.EntityIRI("Dmitry_Peskov")) + ">"
	for _, tc := range []struct {
		name  string
		query string
		limit int
		want  []any // nil: any one result
	}{
		{"out", `g.V("` + peskov + `").Out("<` + string(graph.RelationIRI("spokesman_of")) + `>").Unique().All()`, 0,
			[]any{map[string]any{"id": "<" + string(graph.EntityIRI("Kremlin")) + ">"}}},
		{"label", `g.V("` + peskov + `").Out("<` + graph.RDFS + `label>").Unique().All()`, 0,
			[]any{map[string]any{"id": "Dmitry Peskov"}}},
		{"limit", `g.V().Has("<` + string(graph.RDFType) + `>", "<` + string(graph.NewsArticle) + `>").All()`, 1, nil},
		{"emit", `g.Emit(1+1)`, 0, []any{int64(2)}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := s.Gizmo(context.Background(), tc.query, tc.limit)
			if err != nil {
				t.Fatal(err)
			}
			if tc.want == nil && len(got) != 1 || tc.want != nil && !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Gizmo(%s) = %#v, want %#v", tc.query, got, tc.want)
			}
		})
	}
	if _, err := s.Gizmo(context.Background(), `g.V(`, 0); err == nil {
		t.Errorf("Gizmo accepted a syntax error")
	}
}

func testGizmoTimeout(t *testing.T, open Opener) {
	s := open(t)
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	if _, err := s.Gizmo(ctx, `while (true) {}`, 0); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("endless query: err = %v, want deadline exceeded", err)
	}
}

func testEntities(t *testing.T, open Opener) {
	s := open(t)
	put(t, s, Sample("a", 0), Sample("b", 1))
	got, err := s.Entities(context.Background(), graph.EntityQuery{Type: "Person", Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	want := []graph.Entity{{
		IRI: string(graph.EntityIRI("Dmitry_Peskov")), Name: "Dmitry Peskov", Type: "Person",
		Aliases: []string{"Dmitry Peskov", "Peskov"}, Mentions: 4, Documents: 2,
	}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Entities = %+v, want %+v", got, want)
	}
	got, err = s.Entities(context.Background(), graph.EntityQuery{Match: "kyi"})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Kind != "city" || got[0].Type != "Place" {
		t.Errorf("Entities(match kyi) = %+v, want the city Kyiv", got)
	}
}

func testFacts(t *testing.T, open Opener) {
	s := open(t)
	put(t, s, Sample("a", 0))
	got, err := s.Facts(context.Background(), string(graph.EntityIRI("Dmitry_Peskov")))
	if err != nil {
		t.Fatal(err)
	}
	var rels []string
	for _, f := range got {
		rels = append(rels, f.Relation)
	}
	if want := []string{"said", "spokesman_of", "comment_on"}; !reflect.DeepEqual(rels, want) {
		t.Fatalf("relations = %q, want %q", rels, want)
	}
	f := got[1]
	want := graph.Provenance{
		IRI:  string(graph.SentenceIRI("a", 0)),
		Text: "Kremlin spokesman Dmitry Peskov said Russia rejected the demand.", Start: 0, End: 64,
		Document: string(graph.DocIRI("a")), Title: "Kremlin rejects demand", Date: "2024-03-01",
		URL: "https://news.example/a", Outlet: "News Example", Source: "a.txt",
	}
	if f.Object != string(graph.EntityIRI("Kremlin")) || !f.ObjectIsIRI || !f.Asserted || f.Confidence != 0.8 || f.Sentence != want {
		t.Errorf("spokesman_of fact = %+v", f)
	}
	if neg := got[2]; !neg.Negated || neg.Asserted {
		t.Errorf("comment_on fact = %+v, want negated and not asserted", neg)
	}
	if sp := got[0]; sp.Quote != "Russia rejected the demand" || sp.Kind != "speech" {
		t.Errorf("speech fact = %+v", sp)
	}
}

func testStats(t *testing.T, open Opener) {
	s := open(t)
	put(t, s, Sample("a", 0), Sample("b", 0))
	got, err := s.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	want := graph.Stats{
		Quads: int64(2 * len(graph.Quads(Sample("a", 0)))), Documents: 2, Sentences: 6, Entities: 6, Statements: 10,
		Relations: map[string]int{"said": 2, "spokesman_of": 2, "reject": 2, "comment_on": 2, "visit": 2},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Stats = %+v, want %+v", got, want)
	}
}

// testRapper checks that Raptor's rapper accepts the export. It is skipped
// when rapper is missing, except in CI.
func testRapper(t *testing.T, open Opener) {
	rapper, err := exec.LookPath("rapper")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("rapper not installed (Debian package raptor2-utils)")
		}
		t.Skip("rapper not installed (Debian package raptor2-utils); skipping N-Quads validation")
	}
	s := open(t)
	doc := Sample("a b/c?d", 0)
	doc.Meta.URL = "not a url"
	put(t, s, doc, Sample("quote\"d", 1))
	file := filepath.Join(t.TempDir(), "export.nq")
	if err := os.WriteFile(file, []byte(export(t, s)), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(rapper, "-i", "nquads", "-c", file).CombinedOutput()
	if err != nil {
		t.Errorf("rapper -i nquads -c %s: %v\n%s", file, err, out)
	}
}

// diff lists the lines only in a or only in b.
func diff(a, b string) string {
	in := func(s string) map[string]bool {
		m := make(map[string]bool)
		for _, l := range strings.Split(s, "\n") {
			m[l] = true
		}
		return m
	}
	ina, inb := in(a), in(b)
	var out []string
	for _, l := range strings.Split(a, "\n") {
		if !inb[l] {
			out = append(out, "-"+l)
		}
	}
	for _, l := range strings.Split(b, "\n") {
		if !ina[l] {
			out = append(out, "+"+l)
		}
	}
	return strings.Join(out, "\n")
}
