package graph_test

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	_ "github.com/lib/pq"

	"kg/graph"
	"kg/graph/graphtest"
)

// opener returns a graphtest.Opener for stores at addresses made by addr.
func opener(addr func(t *testing.T) string) graphtest.Opener {
	return func(t *testing.T) *graph.Store {
		t.Helper()
		s, err := graph.Open(addr(t), graph.Options{})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	}
}

func TestMem(t *testing.T) {
	graphtest.TestAll(t, opener(func(*testing.T) string { return "mem" }))
}

func TestBolt(t *testing.T) {
	graphtest.TestAll(t, opener(func(t *testing.T) string { return filepath.Join(t.TempDir(), "g.kg") }))
}

func TestLevelDB(t *testing.T) {
	graphtest.TestAll(t, opener(func(t *testing.T) string { return "leveldb:" + filepath.Join(t.TempDir(), "g") }))
}

// TestPostgres runs the suite against the database in KG_TEST_POSTGRES (a
// postgres:// URL), dropping Cayley's tables before each store.
func TestPostgres(t *testing.T) {
	url := os.Getenv("KG_TEST_POSTGRES")
	if url == "" {
		t.Skip("KG_TEST_POSTGRES is not set; skipping PostgreSQL (.ci/run sets it up)")
	}
	graphtest.TestAll(t, opener(func(t *testing.T) string {
		db, err := sql.Open("postgres", url)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		if _, err := db.Exec(`DROP TABLE IF EXISTS quads, nodes CASCADE`); err != nil {
			t.Fatal(err)
		}
		return url
	}))
}

func TestLevelDBInUse(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "g")
	s, err := graph.Open("leveldb:"+dir, graph.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := graph.Open("leveldb:"+dir, graph.Options{}); err == nil || !strings.Contains(err.Error(), "is in use by another process") {
		t.Errorf("second Open: err = %v, want in use", err)
	}
}

func TestBoltFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "g.kg")
	s, err := graph.Open(path, graph.Options{})
	if err != nil {
		t.Fatal(err)
	}
	doc := graphtest.Sample("a", 0)
	if err := s.Put(doc); err != nil {
		t.Fatal(err)
	}

	t.Run("in use", func(t *testing.T) {
		start := time.Now()
		_, err := graph.Open(path, graph.Options{LockTimeout: 100 * time.Millisecond})
		if err == nil || !strings.Contains(err.Error(), "graph "+path+" is in use by another process") {
			t.Errorf("second Open: err = %v, want in use", err)
		}
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("second Open took %v", d)
		}
	})
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	t.Run("reopen read-only", func(t *testing.T) {
		r1, err := graph.Open(path, graph.Options{ReadOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		defer r1.Close()
		r2, err := graph.Open(path, graph.Options{ReadOnly: true})
		if err != nil {
			t.Fatalf("second reader: %v", err)
		}
		defer r2.Close()
		if ok, err := r2.Has("a", graph.ContentHash(doc)); !ok || err != nil {
			t.Errorf("Has after reopen = %v, %v", ok, err)
		}
		if err := r1.Put(doc); !errors.Is(err, graph.ErrReadOnly) {
			t.Errorf("Put on read-only store: err = %v, want ErrReadOnly", err)
		}
	})

	for _, tc := range []struct {
		name, path string
		opts       graph.Options
		want       string
	}{
		{"missing read-only", filepath.Join(dir, "missing.kg"), graph.Options{ReadOnly: true}, "no such file"},
		{"not a database", writeFile(t, dir, "text.kg", strings.Repeat("not bolt\n", 1000)), graph.Options{}, "invalid database"},
		{"empty address", "", graph.Options{}, "empty address"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, err := graph.Open(tc.path, tc.opts)
			if err == nil {
				s.Close()
			}
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("Open(%q) err = %v, want %q", tc.path, err, tc.want)
			}
		})
	}
}

func writeFile(t *testing.T, dir, name, content string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

var update = flag.Bool("update", false, "rewrite testdata/graph golden files")

// TestGolden compares the export of graphtest.Sample with
// testdata/graph/sample.nq, the schema by example; -update rewrites it.
func TestGolden(t *testing.T) {
	s, err := graph.Open("mem", graph.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Put(graphtest.Sample("a", 0)); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := s.Export(&buf); err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("..", "testdata", "graph", "sample.nq")
	if *update {
		if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), want) {
		t.Errorf("export differs from %s; run go test ./graph -run Golden -update and review the diff", golden)
	}
}

// TestSchemaQueries runs the Gizmo examples of docs/schema.md.
func TestSchemaQueries(t *testing.T) {
	s, err := graph.Open("mem", graph.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Put(graphtest.Sample("a", 0)); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ name, query, want string }{
		{"spokesman", `g.V("<http://kg.local/entity/Dmitry_Peskov>").Out("<http://kg.local/rel/spokesman_of>").Unique().All()`,
			`[map[id:<http://kg.local/entity/Kremlin>]]`},
		{"sentences", `g.V("<http://kg.local/entity/Dmitry_Peskov>").In("<http://kg.local/ns#mentions>").Out("<http://kg.local/ns#text>").All()`,
			`[map[id:Kremlin spokesman Dmitry Peskov said Russia rejected the demand.] map[id:Peskov did not comment on Kyiv — yet.]]`},
		{"quotes", `g.V("<http://kg.local/entity/Dmitry_Peskov>").In("<http://www.w3.org/1999/02/22-rdf-syntax-ns#subject>")
 .Has("<http://kg.local/ns#factKind>", "speech").Out("<http://kg.local/ns#quote>").All()`,
			`[map[id:Russia rejected the demand]]`},
		{"outlets", `g.V("<http://kg.local/entity/Kyiv>").In("<http://kg.local/ns#mentions>")
 .Out("<http://kg.local/ns#inDocument>").Out("<http://schema.org/publisher>")
 .Out("<http://www.w3.org/2000/01/rdf-schema#label>").Unique().All()`, `[map[id:News Example]]`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := s.Gizmo(context.Background(), tc.query, 0)
			if err != nil {
				t.Fatal(err)
			}
			if g := fmt.Sprint(got); g != tc.want {
				t.Errorf("got %s, want %s", g, tc.want)
			}
		})
	}
}
