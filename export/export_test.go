package export_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"os/exec"
	"regexp"
	"slices"
	"strings"
	"testing"

	"kg/export"
	"kg/graph"
	"kg/graph/graphtest"
)

// sampleStore returns an in-memory store holding two sample documents.
func sampleStore(t *testing.T) *graph.Store {
	t.Helper()
	s, err := graph.Open("mem", graph.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if err := s.Put(graphtest.Sample("a", 0), graphtest.Sample("b", 1)); err != nil {
		t.Fatal(err)
	}
	return s
}

// write exports s in a format or fails the test.
func write(t *testing.T, s *graph.Store, format string, opts export.Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := export.Write(context.Background(), s, &buf, format, opts); err != nil {
		t.Fatalf("Write(%s): %v", format, err)
	}
	return buf.Bytes()
}

func TestDeterministic(t *testing.T) {
	s := sampleStore(t)
	for _, f := range export.Formats() {
		t.Run(f, func(t *testing.T) {
			a, b := write(t, s, f, export.Options{}), write(t, s, f, export.Options{})
			if !bytes.Equal(a, b) {
				t.Errorf("two exports differ")
			}
			if export.ContentType(f) == "" {
				t.Errorf("no content type")
			}
		})
	}
}

func TestCheck(t *testing.T) {
	for _, tc := range []struct {
		name, format string
		opts         export.Options
		ok           bool
	}{
		{"nquads", "nquads", export.Options{}, true},
		{"dot-around", "dot", export.Options{Around: "Peskov", Depth: 1}, true},
		{"unknown", "rdfxml", export.Options{}, false},
		{"csv-around", "csv", export.Options{Around: "Peskov"}, false},
		{"negative-depth", "dot", export.Options{Around: "Peskov", Depth: -1}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if err := export.Check(tc.format, tc.opts); (err == nil) != tc.ok {
				t.Errorf("Check(%s, %+v) = %v, want ok=%v", tc.format, tc.opts, err, tc.ok)
			}
		})
	}
	var buf bytes.Buffer
	err := export.Write(context.Background(), sampleStore(t), &buf, "dot", export.Options{Around: "Nobody"})
	if err == nil || !strings.Contains(err.Error(), `no entity named "Nobody"`) {
		t.Errorf("Write around an unknown entity: err = %v", err)
	}
}

func TestGraphMLRoundTrip(t *testing.T) {
	s := sampleStore(t)
	out := write(t, s, "graphml", export.Options{})
	var doc export.GraphMLDoc
	if err := xml.Unmarshal(out, &doc); err != nil {
		t.Fatalf("GraphML does not parse: %v\n%s", err, out)
	}
	n, err := export.Load(context.Background(), s)
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Graph.Nodes) != len(n.Nodes) || len(doc.Graph.Edges) != len(n.Edges) {
		t.Fatalf("GraphML has %d nodes, %d edges; network has %d, %d",
			len(doc.Graph.Nodes), len(doc.Graph.Edges), len(n.Nodes), len(n.Edges))
	}
	ids := make(map[string]map[string]string) // node ID → key → value
	for _, nd := range doc.Graph.Nodes {
		ids[nd.ID] = make(map[string]string)
		for _, d := range nd.Data {
			ids[nd.ID][d.Key] = d.Value
		}
	}
	peskov := ids[string(graph.EntityIRI("Dmitry_Peskov"))]
	if peskov["label"] != "Dmitry Peskov" || peskov["type"] != "Person" {
		t.Errorf("Peskov node data = %v", peskov)
	}
	found := false
	for _, e := range doc.Graph.Edges {
		if ids[e.Source] == nil || ids[e.Target] == nil {
			t.Errorf("edge %s joins undeclared nodes %s → %s", e.ID, e.Source, e.Target)
		}
		if e.Source == string(graph.EntityIRI("Dmitry_Peskov")) && e.Target == string(graph.EntityIRI("Kremlin")) {
			found = true
			want := []export.GraphMLData{{Key: "elabel", Value: "spokesman_of"}, {Key: "relation", Value: "spokesman_of"},
				{Key: "support", Value: "2"}, {Key: "asserted", Value: "2"}}
			if !slices.Equal(e.Data, want) {
				t.Errorf("Peskov → Kremlin data = %v, want %v", e.Data, want)
			}
		}
	}
	if !found {
		t.Errorf("no edge Peskov → Kremlin")
	}
	var again bytes.Buffer
	again.WriteString(xml.Header)
	enc := xml.NewEncoder(&again)
	enc.Indent("", " ")
	if err := enc.Encode(doc); err != nil {
		t.Fatal(err)
	}
	again.WriteString("\n")
	if !bytes.Equal(again.Bytes(), out) {
		t.Errorf("GraphML changed in a round trip through encoding/xml")
	}
}

// dotLine matches the statements DOT writes: a quoted node or edge with
// an attribute list of name=value pairs.
var dotLine = regexp.MustCompile(`^  (?:(?:graph|node|edge) \[.*\]|` + dotQuoted + `(?: -> ` + dotQuoted + `)? \[(?:[a-z]+=(?:` + dotQuoted + `|[A-Za-z0-9.]+)(?:, )?)+\]);$`)

const dotQuoted = `"(?:[^"\\]|\\.)*"`

func TestDOT(t *testing.T) {
	s := sampleStore(t)
	for _, tc := range []struct {
		name         string
		opts         export.Options
		nodes, edges int
	}{
		{"all", export.Options{}, -1, -1},
		{"around-zelensky-1", export.Options{Around: "Zelensky", Depth: 1}, 3, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := string(write(t, s, "dot", tc.opts))
			lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
			if lines[0] != "digraph kg {" || lines[len(lines)-1] != "}" {
				t.Fatalf("DOT is not one digraph:\n%s", out)
			}
			nodes, edges := 0, 0
			for _, l := range lines[1 : len(lines)-1] {
				if !dotLine.MatchString(l) {
					t.Errorf("bad DOT statement: %s", l)
				}
				if strings.Contains(l, " -> ") {
					edges++
				} else if strings.HasPrefix(l, `  "`) {
					nodes++
				}
			}
			if tc.nodes >= 0 && (nodes != tc.nodes || edges != tc.edges) {
				t.Errorf("%d nodes, %d edges, want %d, %d:\n%s", nodes, edges, tc.nodes, tc.edges, out)
			}
			if dot, err := exec.LookPath("dot"); err == nil {
				cmd := exec.Command(dot, "-Tsvg", "-o", "/dev/null")
				cmd.Stdin = strings.NewReader(out)
				if msg, err := cmd.CombinedOutput(); err != nil {
					t.Errorf("graphviz rejects the DOT: %v\n%s", err, msg)
				}
			}
		})
	}
}

func TestTable(t *testing.T) {
	s := sampleStore(t)
	facts, err := s.AllFacts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		format string
		comma  rune
	}{{"csv", ','}, {"tsv", '\t'}} {
		t.Run(tc.format, func(t *testing.T) {
			r := csv.NewReader(bytes.NewReader(write(t, s, tc.format, export.Options{})))
			r.Comma = tc.comma
			rows, err := r.ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(rows[0], export.TableColumns) {
				t.Fatalf("header = %q, want %q", rows[0], export.TableColumns)
			}
			if len(rows)-1 != len(facts) {
				t.Fatalf("%d rows, want one per fact (%d)", len(rows)-1, len(facts))
			}
			col := func(row []string, name string) string { return row[slices.Index(export.TableColumns, name)] }
			found := false
			for _, row := range rows[1:] {
				if col(row, "subject") == "Dmitry Peskov" && col(row, "relation") == "comment_on" && col(row, "doc") == "a" {
					found = true
					for name, want := range map[string]string{
						"object": "Kyiv", "negated": "true", "asserted": "false", "title": "Kremlin rejects demand",
						"outlet": "News Example", "url": "https://news.example/a", "sentence": "Peskov did not comment on Kyiv — yet.",
					} {
						if got := col(row, name); got != want {
							t.Errorf("%s = %q, want %q", name, got, want)
						}
					}
				}
			}
			if !found {
				t.Errorf("no row for Peskov comment_on Kyiv in doc a")
			}
		})
	}
}

func TestJSONLD(t *testing.T) {
	s := sampleStore(t)
	var doc struct {
		Context map[string]string `json:"@context"`
		Graph   []struct {
			ID    string           `json:"@id"`
			Graph []map[string]any `json:"@graph"`
		} `json:"@graph"`
	}
	if err := json.Unmarshal(write(t, s, "jsonld", export.Options{}), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Context["entity"] != graph.Base+"entity/" {
		t.Errorf("@context = %v", doc.Context)
	}
	triples := 0
	var sentence map[string]any
	for _, g := range doc.Graph {
		for _, node := range g.Graph {
			for k, v := range node {
				if k != "@id" {
					triples += len(v.([]any))
				}
			}
			if g.ID == "doc:a" && node["@id"] == "doc:a/s/1" {
				sentence = node
			}
		}
	}
	st, err := s.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if int64(triples) != st.Quads {
		t.Errorf("JSON-LD has %d statements, graph %d quads", triples, st.Quads)
	}
	want := map[string]any{
		"@id":           "doc:a/s/1",
		"kg:inDocument": []any{map[string]any{"@id": "doc:a"}},
		"kg:text":       []any{"Peskov did not comment on Kyiv — yet."},
		"kg:start":      []any{65.0},
		"kg:end":        []any{102.0},
	}
	if got, _ := json.Marshal(sentence); string(got) != mustJSON(t, want) {
		t.Errorf("sentence node = %s, want %s", got, mustJSON(t, want))
	}
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
