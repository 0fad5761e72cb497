package ner

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"kg/extract"
	"kg/extract/tag"
)

// words splits test sentences into tokens roughly as the tokenizer does:
// dotted abbreviations and honorifics stay whole, possessives and
// punctuation stand alone.
var words = regexp.MustCompile(`(?:[A-Z]\.)+|(?:Mr|Mrs|Ms|Dr|Gen|Sen|Rep)\.|\w+(?:-\w+)*|'s|\S`)

// tagged builds a tagged one-sentence document from text.
func tagged(t testing.TB, text string) *extract.Document {
	t.Helper()
	doc := &extract.Document{Text: text}
	for _, loc := range words.FindAllStringIndex(text, -1) {
		w := text[loc[0]:loc[1]]
		doc.Tokens = append(doc.Tokens, extract.Token{Span: extract.Span{Start: loc[0], End: loc[1]}, Text: w, Norm: w, Head: -1})
	}
	doc.Sentences = []extract.Sentence{{Span: extract.Span{End: len(text)}, End: len(doc.Tokens)}}
	tg, err := tag.Load()
	if err != nil {
		t.Fatal(err)
	}
	if err := tg.Annotate(doc); err != nil {
		t.Fatal(err)
	}
	return doc
}

func loadT(t testing.TB) *Recognizer {
	t.Helper()
	r, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// found lists a document's mentions as "TYPE text".
func found(doc *extract.Document) []string {
	var out []string
	for _, m := range doc.Mentions {
		out = append(out, m.Type.String()+" "+doc.Slice(m.Span))
	}
	return out
}

func TestNews(t *testing.T) {
	r := loadT(t)
	tests := []struct {
		name, text string
		want       []string // every one must be found
		not        []string // none may be found
	}{
		{"spokesman", "Kremlin spokesman Dmitry Peskov told reporters that the response left little ground for optimism.",
			[]string{"ORG Kremlin", "PER Dmitry Peskov"}, nil},
		{"honorific", "Mr. Peskov said the talks would continue.",
			[]string{"PER Peskov"}, []string{"PER Mr. Peskov"}},
		{"alliance", "NATO said it was bolstering its deterrence in the Baltic Sea region.",
			[]string{"ORG NATO", "LOC Baltic Sea"}, []string{"PER NATO"}},
		{"capitals", "Ukraine's Foreign Minister Dmytro Kuleba said Kyiv had seen the U.S. response before it was delivered to Russia.",
			[]string{"LOC Ukraine", "PER Dmytro Kuleba", "LOC Kyiv", "LOC Russia"}, nil},
		{"white house", "White House press secretary Jen Psaki was circumspect.",
			[]string{"ORG White House", "PER Jen Psaki"}, nil},
		{"agencies", "The State Department and the Pentagon declined to comment, according to Interfax.",
			[]string{"ORG State Department", "ORG Pentagon", "ORG Interfax"}, nil},
		{"president", "All eyes are now on President Vladimir Putin, who will decide how Russia will respond.",
			[]string{"PER Vladimir Putin", "LOC Russia"}, []string{"PER President Vladimir Putin"}},
		{"city", "The French president flew to Paris on Monday.",
			[]string{"LOC Paris"}, nil},
		{"no names", "the talks will continue next week, officials said.", nil,
			[]string{"PER the", "ORG talks"}},
		{"demonym and title", "Russian President Vladimir Putin met U.S. Ambassador Linda Thomas-Greenfield.",
			[]string{"PER Vladimir Putin", "PER Linda Thomas-Greenfield"},
			[]string{"PER Russian President Vladimir Putin", "ORG U.S. Ambassador Linda Thomas-Greenfield"}},
		{"secretary of state", "U.S. Secretary of State Antony Blinken said the door remained open.",
			[]string{"LOC U.S.", "PER Antony Blinken"}, []string{"PER State Antony Blinken"}},
		{"designator", "Shares of Rospatch Corp rose after the offer, and Rospatch said it would reply.",
			[]string{"ORG Rospatch Corp", "ORG Rospatch"}, []string{"PER Rospatch", "PER Corp"}},
		{"weekday", "Ukraine's President Volodymyr Zelenskyy said Thursday that he spoke with Biden.",
			[]string{"LOC Ukraine", "PER Volodymyr Zelenskyy"}, []string{"PER Volodymyr Zelenskyy Thursday"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := tagged(t, tt.text)
			if err := r.Annotate(doc); err != nil {
				t.Fatal(err)
			}
			got := found(doc)
			for _, w := range tt.want {
				if !slices.Contains(got, w) {
					t.Errorf("missing %q; found %q", w, got)
				}
			}
			for _, w := range tt.not {
				if slices.Contains(got, w) {
					t.Errorf("found %q; found %q", w, got)
				}
			}
		})
	}
}

func TestAnnotateOffsets(t *testing.T) {
	r := loadT(t)
	// Two sentences: mentions index the document's tokens and cover the
	// text of their tokens.
	a := tagged(t, "Kremlin spokesman Dmitry Peskov spoke.")
	b := tagged(t, "Psaki said Russia had not responded.")
	doc := &extract.Document{Text: a.Text + " " + b.Text, Tokens: a.Tokens, Sentences: a.Sentences}
	off := len(a.Text) + 1
	for _, tok := range b.Tokens {
		tok.Start += off
		tok.End += off
		doc.Tokens = append(doc.Tokens, tok)
	}
	doc.Sentences = append(doc.Sentences, extract.Sentence{Span: extract.Span{Start: off, End: len(doc.Text)}, First: len(a.Tokens), End: len(doc.Tokens)})
	if err := r.Annotate(doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Mentions) == 0 {
		t.Fatal("no mentions")
	}
	for i, m := range doc.Mentions {
		// Mention.End (a token index) hides Span.End (a byte offset).
		if m.Start != doc.Tokens[m.First].Start || m.Span.End != doc.Tokens[m.End-1].End {
			t.Errorf("mention %d span %v does not cover tokens [%d:%d)", i, m.Span, m.First, m.End)
		}
		if i > 0 && m.First < doc.Mentions[i-1].End {
			t.Errorf("mention %d out of order", i)
		}
	}
	if got := found(doc); !slices.Contains(got, "LOC Russia") {
		t.Errorf("second sentence: missing LOC Russia in %q", got)
	}

	bad := &extract.Document{Text: "x", Sentences: []extract.Sentence{{First: 0, End: 3}}}
	if err := r.Annotate(bad); err == nil {
		t.Error("sentence beyond the tokens: no error")
	}
}

func TestDocumentTypes(t *testing.T) {
	r := loadT(t)
	// The surname alone, in a later sentence, is the person named in full
	// before, whatever the sentence alone would suggest.
	a := tagged(t, "Kremlin spokesman Dmitry Peskov told reporters the talks were over.")
	b := tagged(t, "Peskov declined to say more.")
	doc := &extract.Document{Text: a.Text + " " + b.Text, Tokens: a.Tokens, Sentences: a.Sentences}
	off := len(a.Text) + 1
	for _, tok := range b.Tokens {
		tok.Start += off
		tok.End += off
		doc.Tokens = append(doc.Tokens, tok)
	}
	doc.Sentences = append(doc.Sentences, extract.Sentence{Span: extract.Span{Start: off, End: len(doc.Text)}, First: len(a.Tokens), End: len(doc.Tokens)})
	if err := r.Annotate(doc); err != nil {
		t.Fatal(err)
	}
	got := found(doc)
	for _, want := range []string{"ORG Kremlin", "PER Dmitry Peskov", "PER Peskov"} {
		if !slices.Contains(got, want) {
			t.Errorf("missing %q; found %q", want, got)
		}
	}
}

func TestConcurrent(t *testing.T) {
	r := loadT(t)
	text := "Kremlin spokesman Dmitry Peskov told reporters in Moscow that NATO had not answered."
	want := tagged(t, text)
	r.Annotate(want)
	docs := make([]*extract.Document, 8)
	for i := range docs {
		docs[i] = tagged(t, text)
	}
	var wg sync.WaitGroup
	for _, doc := range docs {
		wg.Go(func() { r.Annotate(doc) })
	}
	wg.Wait()
	for i, doc := range docs {
		if !slices.Equal(doc.Mentions, want.Mentions) {
			t.Errorf("document %d: %q, want %q", i, found(doc), found(want))
		}
	}
}

func TestRoundTrip(t *testing.T) {
	r := loadT(t)
	var buf bytes.Buffer
	if err := r.Write(&buf); err != nil {
		t.Fatal(err)
	}
	r2, err := Read(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if r.Features() != r2.Features() {
		t.Errorf("features: wrote %d, read %d", r.Features(), r2.Features())
	}
	text := "Kremlin spokesman Dmitry Peskov told reporters in Moscow that NATO had not answered."
	d1, d2 := tagged(t, text), tagged(t, text)
	r.Annotate(d1)
	r2.Annotate(d2)
	if !slices.Equal(d1.Mentions, d2.Mentions) {
		t.Errorf("mentions differ after a round trip:\n%v\n%v", found(d1), found(d2))
	}
	if _, err := Read(strings.NewReader("not a model")); err == nil {
		t.Error("Read of garbage: no error")
	}
}

func TestLabels(t *testing.T) {
	tests := []struct {
		name string
		tags []string
		want []extract.Mention
	}{
		{"unit and span", []string{"B-PER", "I-PER", "O", "B-LOC"},
			[]extract.Mention{{First: 0, End: 2, Type: extract.Person}, {First: 3, End: 4, Type: extract.Place}}},
		{"adjacent", []string{"B-ORG", "B-ORG", "I-ORG", "I-ORG"},
			[]extract.Mention{{First: 0, End: 1, Type: extract.Organization}, {First: 1, End: 4, Type: extract.Organization}}},
		{"stray inside", []string{"O", "I-LOC", "I-PER"},
			[]extract.Mention{{First: 1, End: 2, Type: extract.Place}, {First: 2, End: 3, Type: extract.Person}}},
		{"unknown type", []string{"B-O", "O"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := spans(tt.tags)
			if !slices.Equal(got, tt.want) {
				t.Fatalf("spans = %v, want %v", got, tt.want)
			}
			ls := labels(len(tt.tags), got)
			prev := start
			for i, l := range ls {
				if !l.follows(prev) {
					t.Errorf("label %d does not follow %d at %d", l, prev, i)
				}
				prev = l
			}
			if back := mentions(ls, nil); !slices.Equal(back, got) {
				t.Errorf("mentions(labels) = %v, want %v", back, got)
			}
		})
	}
}

// shared returns the shared data directory: $KG_SHARED, or ../shared
// relative to the repository root.
func shared(t testing.TB) string {
	if d := os.Getenv("KG_SHARED"); d != "" {
		return d
	}
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return filepath.Join(dir, "..", "shared")
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the test directory")
		}
		dir = parent
	}
}

// testSet reads Universal NER English-EWT test, tagged by the embedded
// tagger, or skips saying what is missing.
func testSet(t testing.TB) []Example {
	dir := shared(t)
	uner := filepath.Join(dir, "uner", "EWT", "en_ewt-ud-test.iob2")
	ud := filepath.Join(dir, "ud", "EWT", "en_ewt-ud-test.conllu")
	for _, p := range []string{uner, ud} {
		if _, err := os.Stat(p); err != nil {
			t.Skipf("missing %s (set KG_SHARED to the shared data directory)", p)
		}
	}
	exs, err := ReadCorpus(uner, ud)
	if err != nil {
		t.Fatal(err)
	}
	tg, err := tag.Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, ex := range exs {
		if err := tg.Annotate(ex.Doc); err != nil {
			t.Fatal(err)
		}
	}
	return exs
}

// TestEvaluate prints exact-span micro P/R/F1 over PER, ORG and LOC on
// Universal NER English-EWT test, with tags from the embedded tagger.
func TestEvaluate(t *testing.T) {
	exs := testSet(t)
	s, err := Evaluate(loadT(t), exs)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("UNER English-EWT test, %d sentences, exact-span micro scores:\n%v", len(exs), s)
	if s.All.Gold == 0 || s.All.Correct == 0 {
		t.Errorf("no gold or no correct mentions: %v", s.All)
	}
}

func BenchmarkAnnotate(b *testing.B) {
	exs := testSet(b)
	r := loadT(b)
	var tokens int
	for _, ex := range exs {
		tokens += len(ex.Doc.Tokens)
	}
	runs := 0
	for b.Loop() {
		runs++
		for _, ex := range exs {
			ex.Doc.Mentions = ex.Doc.Mentions[:0]
			if err := r.Annotate(ex.Doc); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(tokens*runs)/b.Elapsed().Seconds(), "tokens/s")
}
