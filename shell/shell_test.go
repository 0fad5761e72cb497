package shell_test

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"kg/graph"
	"kg/pathq/pathqtest"
	"kg/shell"
)

var update = flag.Bool("update", false, "rewrite testdata/shell golden files")

// newsStore returns an in-memory graph of pathqtest.News.
func newsStore(t testing.TB) *graph.Store {
	t.Helper()
	s, err := graph.Open("mem", graph.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if err := s.Put(pathqtest.News()...); err != nil {
		t.Fatal(err)
	}
	return s
}

// TestScript runs testdata/shell/script.txt through a non-interactive shell
// and compares its output (standard output and errors interleaved) with
// script.golden.
func TestScript(t *testing.T) {
	dir := filepath.Join("..", "testdata", "shell")
	in, err := os.Open(filepath.Join(dir, "script.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	var out bytes.Buffer
	ctx := context.Background()
	sh := shell.New(ctx, shell.Config{Store: newsStore(t), Name: "news", Format: shell.JSON}, in, &out, &out)
	defer sh.Close()
	err = sh.Run(ctx)
	if err == nil || err.Error() != "5 of 27 inputs failed" {
		t.Errorf("Run = %v, want 5 of 27 inputs failed", err)
	}
	golden := filepath.Join(dir, "script.golden")
	if *update {
		if err := os.WriteFile(golden, out.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if out.String() != string(want) {
		t.Errorf("output differs from %s (rerun with -update and inspect the diff):\n%s", golden, out.String())
	}
}
