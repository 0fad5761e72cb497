package kg_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"kg"
	"kg/extract"
	"kg/source"
)

// lines is a stand-in extractor: one sentence per non-empty line.
type lines struct{ calls atomic.Int32 }

func (l *lines) Process(doc *extract.Document) error {
	l.calls.Add(1)
	if strings.Contains(doc.Text, "FAIL") {
		return errors.New("cannot parse")
	}
	off := 0
	for _, line := range strings.SplitAfter(doc.Text, "\n") {
		if strings.TrimSpace(line) != "" {
			doc.Sentences = append(doc.Sentences, extract.Sentence{Span: extract.Span{Start: off, End: off + len(strings.TrimRight(line, "\n"))}})
		}
		off += len(line)
	}
	return nil
}

func openTemp(t *testing.T) *kg.Graph {
	t.Helper()
	g, err := kg.Open(filepath.Join(t.TempDir(), "test.db"), kg.NoSync())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { g.Close() })
	return g
}

func TestBuildIdempotent(t *testing.T) {
	g := openTemp(t)
	ex := &lines{}
	opts := kg.BuildOptions{Extractor: ex, Workers: 3, Batch: 2}
	st, err := g.Build(context.Background(), []string{"testdata/seeds"}, opts)
	if err != nil {
		t.Fatal(err)
	}
	if st.Documents != 5 || st.Present != 0 || st.Skipped != 0 || st.Sentences == 0 || st.Quads == 0 {
		t.Errorf("first build: %+v", st)
	}
	st2, err := g.Build(context.Background(), []string{"testdata/seeds"}, opts)
	if err != nil {
		t.Fatal(err)
	}
	if st2.Documents != 0 || st2.Present != 5 || ex.calls.Load() != 5 {
		t.Errorf("second build: %+v after %d extractions, want 5 present", st2, ex.calls.Load())
	}
}

func TestBuildBadInputs(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "a.txt"), "The mayor said so.\n")
	write(t, filepath.Join(dir, "b.txt"), "")
	write(t, filepath.Join(dir, "c.txt"), "This one will FAIL.\n")
	write(t, filepath.Join(dir, "d.jsonl"), `{"id":"a","text":"Duplicate ID."}`+"\n")
	write(t, filepath.Join(dir, "e.txt"), "The council met.\n")
	tests := []struct {
		name    string
		strict  bool
		docs    int
		errs    []string
		wantErr string
	}{
		{name: "skip", docs: 2, errs: []string{
			"b.txt: empty file",
			"c.txt: extraction failed: cannot parse",
			`d.jsonl:1: duplicate document ID "a" (first read from `,
		}},
		{name: "strict", strict: true, docs: 1, errs: []string{"b.txt: empty file"}, wantErr: "b.txt: empty file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := openTemp(t)
			st, err := g.Build(context.Background(), []string{dir}, kg.BuildOptions{Extractor: &lines{}, Strict: tt.strict})
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want %q", err, tt.wantErr)
				}
			} else if err != nil {
				t.Fatal(err)
			}
			if st.Documents != tt.docs || st.Skipped != len(tt.errs) || len(st.Errors) != len(tt.errs) {
				t.Fatalf("stats %+v, want %d documents, %d skipped", st, tt.docs, len(tt.errs))
			}
			for i, e := range st.Errors {
				if !strings.Contains(e.Error(), tt.errs[i]) {
					t.Errorf("error %d = %v, want %q", i, e, tt.errs[i])
				}
			}
		})
	}
}

func TestBuildInterruptResumes(t *testing.T) {
	g := openTemp(t)
	ctx, cancel := context.WithCancel(context.Background())
	opts := kg.BuildOptions{Extractor: &lines{}, Workers: 1, Batch: 1, Progress: func(p kg.Progress) {
		if p.Documents == 2 {
			cancel()
		}
	}}
	st, err := g.Build(ctx, []string{"testdata/seeds"}, opts)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if st.Documents < 2 || st.Documents == 5 {
		t.Fatalf("interrupted build stored %d documents", st.Documents)
	}
	opts.Progress = nil
	st2, err := g.Build(context.Background(), []string{"testdata/seeds"}, opts)
	if err != nil {
		t.Fatal(err)
	}
	if st2.Present != st.Documents || st2.Present+st2.Documents != 5 {
		t.Errorf("resumed build: %+v after %d stored", st2, st.Documents)
	}
}

func write(t *testing.T, path, s string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

// speaker is a stand-in extractor for texts like "Alice Jones said the
// bridge would reopen.": the words before " said " are a person who said
// the rest.
type speaker struct{}

func (speaker) Process(doc *extract.Document) error {
	name, quote, ok := strings.Cut(strings.TrimSpace(doc.Text), " said ")
	if !ok {
		return errors.New("no speaker")
	}
	end := len(strings.TrimSpace(doc.Text))
	doc.Sentences = []extract.Sentence{{Span: extract.Span{Start: 0, End: end}}}
	doc.Mentions = []extract.Mention{{Span: extract.Span{Start: 0, End: len(name)}, Type: extract.Person,
		Entity: strings.ReplaceAll(name, " ", "_"), Name: name}}
	doc.Facts = []extract.Fact{{
		Kind:       extract.Speech,
		Subject:    extract.Arg{Span: extract.Span{Start: 0, End: len(name)}, Text: name, Head: -1, Mention: 0},
		Relation:   "said",
		Object:     extract.Arg{Text: quote, Head: -1, Mention: -1},
		Attributed: -1,
		Span:       extract.Span{Start: 0, End: end},
	}}
	return nil
}

func TestFacts(t *testing.T) {
	g := openTemp(t)
	in := `{"id":"d1","title":"Bridge","text":"Alice Jones said the bridge would reopen."}
{"id":"d2","text":"Bob Smith said nothing."}
`
	_, err := g.Build(context.Background(), []string{"-"}, kg.BuildOptions{Extractor: speaker{}, Source: source.Options{Stdin: strings.NewReader(in)}})
	if err != nil {
		t.Fatal(err)
	}
	facts, err := g.Facts(context.Background(), "alice jones")
	if err != nil {
		t.Fatal(err)
	}
	if len(facts) != 1 || facts[0].Relation != "said" || facts[0].Quote != "the bridge would reopen." || facts[0].Sentence.Title != "Bridge" {
		t.Errorf("facts = %+v", facts)
	}
	if _, err := g.Facts(context.Background(), "Carol"); err == nil || !strings.Contains(err.Error(), `no entity named "Carol"`) {
		t.Errorf("Facts(Carol) error = %v", err)
	}
}
