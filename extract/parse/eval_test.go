package parse

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"kg/extract"
	"kg/extract/conllu"
	"kg/extract/tag"
)

// shared returns the path of an English-EWT file in the shared data
// directory ($KG_SHARED, by default ../shared beside the repository),
// skipping the test when it is missing.
func shared(t testing.TB, name string) string {
	dir := os.Getenv("KG_SHARED")
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "shared")
	}
	path := filepath.Join(dir, "ud", "EWT", name)
	if _, err := os.Stat(path); err != nil {
		t.Skipf("UD English-EWT not found (%v): set KG_SHARED to the directory holding ud/EWT/%s", err, name)
	}
	return path
}

func readShared(t testing.TB, name string) []*conllu.Sentence {
	ss, err := conllu.ReadFile(shared(t, name))
	if err != nil {
		t.Fatal(err)
	}
	return ss
}

// TestEvaluateEWT prints the embedded model's attachment scores on the
// English-EWT development and test sets (gold tokens), with the tags of the
// embedded tagger and with gold tags.
func TestEvaluateEWT(t *testing.T) {
	p, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	tagger, err := tag.Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"en_ewt-ud-dev.conllu", "en_ewt-ud-test.conllu"} {
		gold := readShared(t, name)
		for _, tags := range []struct {
			name string
			tag  func(*extract.Document) error
		}{{"predicted tags", tagger.Annotate}, {"gold tags", nil}} {
			sc, err := Evaluate(p, gold, tags.tag)
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("%s, %s: %s", name, tags.name, sc)
		}
	}
}

// BenchmarkParse parses the English-EWT development set with gold tags on
// one goroutine and reports words per second.
func BenchmarkParse(b *testing.B) {
	p, err := Load()
	if err != nil {
		b.Fatal(err)
	}
	dev := readShared(b, "en_ewt-ud-dev.conllu")
	docs := make([]*extract.Document, len(dev))
	words := 0
	for i, s := range dev {
		docs[i] = s.Document()
		words += len(s.Words)
	}
	start := time.Now()
	for b.Loop() {
		for _, d := range docs {
			if err := p.Annotate(d); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(words*b.N)/time.Since(start).Seconds(), "words/s")
}
