package tag

import (
	"os"
	"path/filepath"
	"testing"

	"kg/extract"
	"kg/extract/conllu"
)

// sharedDir returns the shared data directory: $KG_SHARED, or ../shared
// next to the repository root.
func sharedDir(t testing.TB) string {
	if d := os.Getenv("KG_SHARED"); d != "" {
		return d
	}
	dir, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return filepath.Join(dir, "..", "shared")
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the package directory")
		}
		dir = parent
	}
}

// readEWT reads one split of English-EWT from the shared directory, skipping
// the test or benchmark when it is missing.
func readEWT(t testing.TB, split string) []*conllu.Sentence {
	path := filepath.Join(sharedDir(t), "ud", "EWT", "en_ewt-ud-"+split+".conllu")
	if _, err := os.Stat(path); err != nil {
		t.Skipf("missing %s (set KG_SHARED to the shared data directory): %v", path, err)
	}
	ss, err := conllu.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return ss
}

// TestEWT prints the embedded model's accuracy on the EWT test split.
func TestEWT(t *testing.T) {
	gold := readEWT(t, "test")
	tg := mustLoad(t)
	sc := Evaluate(tg, gold)
	t.Logf("EWT test: %v", sc)
	if sc.UPOS < 0.9 {
		t.Errorf("UPOS accuracy %.2f%%: the embedded model looks broken", 100*sc.UPOS)
	}
}

// BenchmarkAnnotate tags the EWT test split on one goroutine and reports
// tokens per second of wall time, and per second of CPU time, which does
// not count the time other processes take the core away.
func BenchmarkAnnotate(b *testing.B) {
	var docs []*extract.Document
	n := 0
	for _, s := range readEWT(b, "test") {
		docs = append(docs, s.Document())
		n += len(s.Words)
	}
	tg := mustLoad(b)
	b.ResetTimer()
	cpu := cpuTime()
	for range b.N {
		for _, d := range docs {
			if err := tg.Annotate(d); err != nil {
				b.Fatal(err)
			}
		}
	}
	cpu = cpuTime() - cpu
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "tokens/s")
	if cpu > 0 {
		b.ReportMetric(float64(n*b.N)/cpu.Seconds(), "tokens/cpu-s")
	}
}

func mustLoad(t testing.TB) *Tagger {
	tg, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	return tg
}
