package pathq_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"kg/graph"
	"kg/pathq"
	"kg/pathq/pathqtest"
)

// newsEvaluator returns an evaluator over an in-memory graph of
// pathqtest.News.
func newsEvaluator(t testing.TB) *pathq.Evaluator {
	t.Helper()
	s, err := graph.Open("mem", graph.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if err := s.Put(pathqtest.News()...); err != nil {
		t.Fatal(err)
	}
	names := pathq.LoadNames(context.Background(), s)
	t.Cleanup(names.Close)
	return pathq.New(s, names)
}

// table renders a result as "col|col; ..." lines with the source count.
func table(r *pathq.Result) string {
	var rows []string
	for _, row := range r.Rows {
		var cells []string
		for _, c := range row.Cells {
			cells = append(cells, c.Text)
		}
		rows = append(rows, strings.Join(cells, "|")+" #"+itoa(row.Sources))
	}
	return strings.Join(r.Columns, ",") + ": " + strings.Join(rows, "; ")
}

func itoa(n int) string { return string(rune('0' + n)) }

func TestEval(t *testing.T) {
	ev := newsEvaluator(t)
	for _, tc := range []struct{ name, src, want string }{
		{"objects", "Peskov -> spokesman_of", "object: Kremlin #2"},
		{"case-insensitive alias", "peskov -> SPOKESMAN_OF", "object: Kremlin #2"},
		{"subjects", "Kremlin <- spokesman_of", "subject: Dmitry Peskov #2"},
		{"label", "Kremlin <- spokesman of", "subject: Dmitry Peskov #2"},
		{"pairs by stem", "? -> rejected -> ?", "subject,object: Volodymyr Zelensky|Vladimir Putin #1"},
		{"speech", "Dmitry Peskov -> said", "object: talks would resume #1; there was cautious optimism #1"},
		{"any relation", "Kremlin <- ?", "relation,subject: spokesman_of|Dmitry Peskov #2; lead|Vladimir Putin #1"},
		{"two hops", "Peskov -> spokesman_of -> ? -> based_in", "node2,node3: Kremlin|Moscow #2"},
		{"named", "?who -> spokesman_of -> Kremlin", "who: Dmitry Peskov #2"},
		{"holds", "Putin -> meet -> Biden", "holds: yes #1"},
		{"nothing", "Biden -> meet", "object: "},
		{"iri", "<http://kg.local/entity/Kyiv> <- live_in", "subject: Volodymyr Zelensky #1"},
		{"path", "path Peskov Biden", "step,from,relation,to: 1|Dmitry Peskov|-> spokesman_of|Kremlin #2; 2|Kremlin|<- lead|Vladimir Putin #1; 3|Vladimir Putin|-> meet|Joe Biden #1"},
		{"path too short", "path Peskov Biden within 2", "step,from,relation,to: "},
		{"who said", `who said "OPTIMISM"`, "speaker,quote: Dmitry Peskov|there was cautious optimism #1"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, err := ev.Run(context.Background(), tc.src, 0)
			if err != nil {
				t.Fatalf("Run(%q): %v", tc.src, err)
			}
			if got := table(r); got != tc.want {
				t.Errorf("Run(%q) =\n  %s\nwant\n  %s", tc.src, got, tc.want)
			}
		})
	}
}

// TestExactNames checks the direct lookups made before the index is
// loaded: an evaluator without one still answers exact names.
func TestExactNames(t *testing.T) {
	s, err := graph.Open("mem", graph.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.Put(pathqtest.News()...); err != nil {
		t.Fatal(err)
	}
	ev := pathq.New(s, nil)
	for _, tc := range []struct{ name, src, want string }{
		{"alias as typed", "Peskov -> spokesman_of", "object: Kremlin #2"},
		{"title case", "dmitry peskov -> Spokesman_Of", "object: Kremlin #2"},
		{"upper case", "kremlin <- lead", "subject: Vladimir Putin #1"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, err := ev.Run(context.Background(), tc.src, 0)
			if err != nil {
				t.Fatalf("Run(%q): %v", tc.src, err)
			}
			if got := table(r); got != tc.want {
				t.Errorf("Run(%q) = %s, want %s", tc.src, got, tc.want)
			}
		})
	}
	if _, err := ev.Run(context.Background(), "pesk -> said", 0); err == nil || !strings.Contains(err.Error(), `no entity named "pesk"`) {
		t.Errorf("inexact name without index: err = %v", err)
	}
}

func TestEvalWhy(t *testing.T) {
	ev := newsEvaluator(t)
	r, err := ev.Run(context.Background(), "Peskov -> spokesman_of", 0)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"http://kg.local/doc/a/s/0", "http://kg.local/doc/b/s/0"}
	if got := r.Rows[0].Sentences; strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("sentences = %v, want %v", got, want)
	}
}

func TestEvalErrors(t *testing.T) {
	ev := newsEvaluator(t)
	for _, tc := range []struct {
		name, src string
		col       int
		msg       string
	}{
		{"unknown entity", "Peskv -> said", 1, `no entity named "Peskv"; did you mean "Peskov"`},
		{"unknown prefix", "Zel -> ?", 1, `did you mean "Zelensky" or "Volodymyr Zelensky"`},
		{"unknown relation", "Peskov -> spokesman", 11, `no relation "spokesman"; did you mean "spokesman_of"`},
		{"too broad", "? -> ? -> ?", 3, "too broad"},
		{"syntax", "Peskov -> ", 11, "expected a relation"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ev.Run(context.Background(), tc.src, 0)
			var pe *pathq.Error
			if !errors.As(err, &pe) {
				t.Fatalf("Run(%q) error = %v, want *pathq.Error", tc.src, err)
			}
			if pe.Col != tc.col || !strings.Contains(pe.Msg, tc.msg) {
				t.Errorf("Run(%q) = col %d %q, want col %d containing %q", tc.src, pe.Col, pe.Msg, tc.col, tc.msg)
			}
		})
	}
}

func TestAmbiguous(t *testing.T) {
	s, err := graph.Open("mem", graph.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ab := pathqtest.Entity{Surface: "Smith", Name: "Anna Smith", Type: pathqtest.Peskov.Type}
	bb := pathqtest.Entity{Surface: "Smith", Name: "Bob Smith", Type: pathqtest.Peskov.Type}
	err = s.Put(
		pathqtest.Doc("x", "", "", pathqtest.Sentence{Text: "Smith visited Kyiv.", Facts: []pathqtest.Fact{{Subject: ab, Relation: "visit", Object: pathqtest.Kyiv}}}),
		pathqtest.Doc("y", "", "", pathqtest.Sentence{Text: "Smith visited Moscow.", Facts: []pathqtest.Fact{{Subject: bb, Relation: "visit", Object: pathqtest.Moscow}}}),
	)
	if err != nil {
		t.Fatal(err)
	}
	names := pathq.LoadNames(context.Background(), s)
	defer names.Close()
	_, err = pathq.New(s, names).Run(context.Background(), "Smith -> visit", 0)
	var amb *pathq.AmbiguousError
	if !errors.As(err, &amb) || len(amb.Candidates) != 2 {
		t.Fatalf("err = %v, want ambiguity between two", err)
	}
	if !strings.Contains(err.Error(), "Anna Smith (Person") || !strings.Contains(err.Error(), "Bob Smith (Person") {
		t.Errorf("err = %v, want both candidates listed", err)
	}
}
