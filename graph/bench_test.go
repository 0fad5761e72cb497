package graph_test

import (
	"bytes"
	"fmt"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"kg/extract"
	"kg/graph"
	"kg/graph/graphtest"
)

// benchDocs returns n synthetic documents: graphtest.Sample with a city
// that varies over 300 entities, so the graph grows like a news corpus
// (a few frequent entities, many rare ones).
func benchDocs(n int) ([]*extract.Document, int) {
	docs := make([]*extract.Document, n)
	quads := 0
	for i := range docs {
		d := graphtest.Sample(fmt.Sprintf("doc%05d", i), i%2)
		city := &d.Mentions[len(d.Mentions)-1]
		city.Entity = fmt.Sprintf("City_%d", i%300)
		city.Name = city.Entity
		docs[i] = d
		quads += len(graph.Quads(d))
	}
	return docs, quads
}

// backends are the stores the benchmarks compare.
var backends = []struct {
	name string
	addr func(b *testing.B) string
	opts graph.Options
}{
	{"mem", func(*testing.B) string { return "mem" }, graph.Options{}},
	{"bolt", func(b *testing.B) string { return filepath.Join(b.TempDir(), "g.kg") }, graph.Options{}},
	{"bolt-nosync", func(b *testing.B) string { return filepath.Join(b.TempDir(), "g.kg") }, graph.Options{NoSync: true}},
	{"leveldb", func(b *testing.B) string { return "leveldb:" + filepath.Join(b.TempDir(), "g") }, graph.Options{}},
	{"leveldb-nosync", func(b *testing.B) string { return "leveldb:" + filepath.Join(b.TempDir(), "g") }, graph.Options{NoSync: true}},
}

// BenchmarkPut loads 3000 synthetic documents into an empty store per
// iteration and reports quads/s. Run with:
//
//	go test -run XXX -bench . -benchtime 1x ./graph/
func BenchmarkPut(b *testing.B) {
	docs, quads := benchDocs(3000)
	for _, be := range backends {
		b.Run(be.name, func(b *testing.B) {
			var elapsed, cpu time.Duration
			for i := 0; i < b.N; i++ {
				s, err := graph.Open(be.addr(b), be.opts)
				if err != nil {
					b.Fatal(err)
				}
				start, cpu0 := time.Now(), cpuTime()
				if err := s.Put(docs...); err != nil {
					b.Fatal(err)
				}
				elapsed, cpu = elapsed+time.Since(start), cpu+cpuTime()-cpu0
				s.Close()
			}
			b.ReportMetric(float64(quads*b.N)/elapsed.Seconds(), "quads/s")
			b.ReportMetric(float64(quads*b.N)/cpu.Seconds(), "quads/cpu-s")
			b.ReportMetric(float64(quads), "quads/op")
		})
	}
}

// BenchmarkExportImport exports 3000 documents and imports the export into
// an empty store, reporting quads/s for each.
func BenchmarkExportImport(b *testing.B) {
	docs, quads := benchDocs(3000)
	for _, be := range backends {
		b.Run(be.name, func(b *testing.B) {
			var exp, imp time.Duration
			for i := 0; i < b.N; i++ {
				src, err := graph.Open(be.addr(b), be.opts)
				if err != nil {
					b.Fatal(err)
				}
				if err := src.Put(docs...); err != nil {
					b.Fatal(err)
				}
				var buf bytes.Buffer
				start := time.Now()
				if err := src.Export(&buf); err != nil {
					b.Fatal(err)
				}
				exp += time.Since(start)
				src.Close()
				dst, err := graph.Open(be.addr(b), be.opts)
				if err != nil {
					b.Fatal(err)
				}
				start = time.Now()
				if _, err := dst.Import(&buf, "export.nq", graph.ImportOptions{}); err != nil {
					b.Fatal(err)
				}
				imp += time.Since(start)
				dst.Close()
			}
			b.ReportMetric(float64(quads*b.N)/exp.Seconds(), "export-quads/s")
			b.ReportMetric(float64(quads*b.N)/imp.Seconds(), "import-quads/s")
		})
	}
}

// cpuTime returns the user and system CPU time the process has used, a
// steadier measure than wall time on a shared machine.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
