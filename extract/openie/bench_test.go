package openie

import (
	"flag"
	"path/filepath"
	"testing"

	"kg/extract/conllu"
)

var shared = flag.String("shared", "../../../shared", "directory of the shared data (ud/EWT for the benchmark)")

// BenchmarkExtract measures extraction alone on gold English-EWT dev trees;
// it reports sentences per second.
func BenchmarkExtract(b *testing.B) {
	ss, err := conllu.ReadFile(filepath.Join(*shared, "ud", "EWT", "en_ewt-ud-dev.conllu"))
	if err != nil {
		b.Skipf("benchmark needs English-EWT: %v (set -shared)", err)
	}
	x := New()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		doc := ss[i%len(ss)].Document()
		x.Annotate(doc)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "sentences/s")
}
