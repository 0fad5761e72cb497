package pipeline

import (
	"bufio"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"kg/extract"
	"kg/extract/openie"
)

var shared = flag.String("shared", "../../../shared", "directory of the shared data (carb/dev.txt for the benchmark)")

func TestPretokenized(t *testing.T) {
	doc := Pretokenized("s1", "He said `` no '' -LRB- twice -RRB- .")
	var texts, norms []string
	for _, tok := range doc.Tokens {
		texts = append(texts, tok.Text)
		norms = append(norms, tok.Norm)
		if doc.Slice(tok.Span) != tok.Text {
			t.Errorf("token %q has span text %q", tok.Text, doc.Slice(tok.Span))
		}
	}
	if got, want := strings.Join(texts, " "), "He said `` no '' -LRB- twice -RRB- ."; got != want {
		t.Errorf("texts %q, want %q", got, want)
	}
	if got, want := strings.Join(norms, " "), `He said " no " ( twice ) .`; got != want {
		t.Errorf("norms %q, want %q", got, want)
	}
	if len(doc.Sentences) != 1 || doc.Sentences[0].End != len(doc.Tokens) {
		t.Errorf("sentences %+v", doc.Sentences)
	}
	if empty := Pretokenized("s2", "   "); len(empty.Sentences) != 0 {
		t.Errorf("blank line gave %d sentences", len(empty.Sentences))
	}
}

// render lists a document's facts as relation(subject; object) strings.
func render(doc *extract.Document) []string {
	var out []string
	for _, f := range doc.Facts {
		s := f.Relation + "(" + f.Subject.Text + "; " + f.Object.Text + ")"
		if f.Negated {
			s += " neg"
		}
		if f.Modality != "" {
			s += " mod=" + f.Modality
		}
		out = append(out, s)
	}
	return out
}

// TestSeedConstructions runs the full pipeline with the embedded models on
// the constructions news text leans on.
func TestSeedConstructions(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text string
		want string
	}{
		{"Germany would not allow the pipeline.", "allow(Germany; the pipeline) neg mod=would"},
		{"Russia and Belarus held joint military drills.", "hold(Belarus; joint military drills)"},
		{"The envoys met in Paris on Wednesday.", "meet_in(The envoys; Paris)"},
		{"The company rejected the offer.", "reject(The company; the offer)"},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			doc := &extract.Document{ID: "t", Text: tt.text}
			if err := p.Process(doc); err != nil {
				t.Fatal(err)
			}
			got := render(doc)
			for _, g := range got {
				if g == tt.want {
					return
				}
			}
			t.Errorf("missing %s\nhave %q", tt.want, got)
		})
	}
}

// TestConcurrent checks that one Pipeline serves many goroutines with the
// same results as one.
func TestConcurrent(t *testing.T) {
	p, err := Tokenized()
	if err != nil {
		t.Fatal(err)
	}
	lines := []string{"Peskov said Russia would respond .", "The talks , which began Monday , failed .",
		"Minsk is the capital of Belarus ."}
	want := make([]string, len(lines))
	for i, l := range lines {
		doc := Pretokenized("w", l)
		if err := p.ProcessTokens(doc); err != nil {
			t.Fatal(err)
		}
		want[i] = strings.Join(render(doc), "|")
	}
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i, l := range lines {
				doc := Pretokenized("w", l)
				if err := p.ProcessTokens(doc); err != nil {
					t.Error(err)
					return
				}
				if got := strings.Join(render(doc), "|"); got != want[i] {
					t.Errorf("concurrent run of %q: %q, want %q", l, got, want[i])
				}
			}
		}()
	}
	wg.Wait()
}

// BenchmarkCaRB measures tagging, parsing, recognition and extraction of
// the CaRB dev sentences on one core; it reports sentences per second.
func BenchmarkCaRB(b *testing.B) {
	path := filepath.Join(*shared, "carb", "dev.txt")
	f, err := os.Open(path)
	if err != nil {
		b.Skipf("benchmark needs the CaRB sentences: %v (set -shared)", err)
	}
	var lines []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
	f.Close()
	p, err := Tokenized()
	if err != nil {
		b.Fatal(err)
	}
	x := openie.New()
	b.ResetTimer()
	n := 0
	for i := 0; i < b.N; i++ {
		doc := Pretokenized("b", lines[i%len(lines)])
		if err := p.ProcessTokens(doc); err != nil {
			b.Fatal(err)
		}
		x.Tuples(doc)
		n++
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "sentences/s")
}
