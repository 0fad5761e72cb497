package shell_test

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"kg/graph"
	"kg/pathq/pathqtest"
	"kg/shell"
)

// Benchmark graph: 2,000 documents of 4 one-fact sentences over 1,000
// entities and 20 relations, in a Bolt file as kg shell opens it.
const (
	benchDocs     = 2000
	benchEntities = 1000
)

var benchDir = sync.OnceValues(func() (string, error) {
	dir, err := filepathTemp()
	if err != nil {
		return "", err
	}
	path := filepath.Join(dir, "bench.kg")
	s, err := graph.Open(path, graph.Options{NoSync: true})
	if err != nil {
		return "", err
	}
	defer s.Close()
	return path, s.Put(pathqtest.Synthetic(benchDocs, benchEntities)...)
})

func benchGraph(b *testing.B) string {
	b.Helper()
	path, err := benchDir()
	if err != nil {
		b.Fatal(err)
	}
	return path
}

// openShell opens the graph read-only and starts a shell on it, as kg shell
// does before its first prompt.
func openShell(b *testing.B, path string) (*shell.Shell, *graph.Store) {
	s, err := graph.Open(path, graph.Options{ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	sh := shell.New(context.Background(), shell.Config{Store: s, Name: path, Format: shell.Table}, nil, io.Discard, io.Discard)
	return sh, s
}

// BenchmarkStartup measures opening the graph and starting the shell up to
// its first prompt (target: under 200 ms).
func BenchmarkStartup(b *testing.B) {
	path := benchGraph(b)
	for b.Loop() {
		sh, s := openShell(b, path)
		b.StopTimer()
		sh.Close()
		s.Close()
		b.StartTimer()
	}
}

// BenchmarkStartupIndex measures opening the graph and loading the name
// index that path queries and completion wait for.
func BenchmarkStartupIndex(b *testing.B) {
	path := benchGraph(b)
	for b.Loop() {
		sh, s := openShell(b, path)
		if err := sh.Ready(context.Background()); err != nil {
			b.Fatal(err)
		}
		sh.Close()
		s.Close()
	}
}

// BenchmarkTwoHop measures two-hop queries from one entity, printed as a
// table (target: under 20 ms).
func BenchmarkTwoHop(b *testing.B) {
	for _, q := range []struct{ name, src string }{
		{"path", "Person 1 -> ? -> ? -> ?"},
		{"path-relation", "Person 1 -> ? -> ? -> rel_3"},
		{"gizmo", `g.V("<http://kg.local/entity/Person_1>").Out().Out().All()`},
	} {
		b.Run(q.name, func(b *testing.B) {
			sh, s := openShell(b, benchGraph(b))
			defer s.Close()
			defer sh.Close()
			ctx := context.Background()
			if err := sh.Ready(ctx); err != nil {
				b.Fatal(err)
			}
			rows := 0
			for b.Loop() {
				n, err := sh.Query(ctx, q.src, 0)
				if err != nil {
					b.Fatal(err)
				}
				rows = n
			}
			b.ReportMetric(float64(rows), "rows")
		})
	}
}

// filepathTemp makes a directory for the benchmark graph; it lives until
// the process ends (benchmarks share it).
func filepathTemp() (string, error) { return os.MkdirTemp("", "kg-shell-bench") }
