package main

import (
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"kg"
	"kg/export"
	"os"
	"path/filepath"
	"strings"
)

func exportCommand() *command {
	c := &command{
		name:  "export",
		args:  "[flags] GRAPH",
		short: "Write a graph as N-Quads, JSON-LD, CSV, GraphML or DOT.",
		long: `
Export writes every quad of GRAPH as N-Quads, one per line, sorted, to
standard output or to the file -o. Equal graphs export identical bytes, so
exports can be compared with cmp or diff. A file name ending in .gz is
compressed. The file is written under a temporary name and renamed when
complete, so an interrupted export never leaves a truncated file.

-format writes other formats instead: jsonld (one named graph per
document and sentence), csv and tsv (one row per fact with its sentence,
document, outlet and URL), graphml (entities and concepts joined by facts,
for networkx and Gephi) and dot (Graphviz); graphml and dot may be cut to
the neighbourhood of one entity with -around NAME -depth N.

Examples:

  kg export news.db > news.nq
  kg export -o news.nq.gz news.db
  kg export news.db | grep 'rel/said'
  kg export -format csv -o facts.csv news.db
  kg export -format dot -around Peskov -depth 1 news.db | dot -Tsvg > peskov.svg
`,
	}
	c.run = func(ctx context.Context, e *env, args []string) error {
		fs := c.flags(e)
		out := fs.String("o", "", "write to `file` instead of standard output (.gz: compressed)")
		format := fs.String("format", "nquads", "output `format`: "+strings.Join(export.Formats(), ", "))
		around := fs.String("around", "", "graphml, dot: only the neighbourhood of the `entity`")
		depth := fs.Int("depth", export.DefaultDepth, "graphml, dot: with -around, reach `N` facts away")
		if err := parse(fs, args); err != nil {
			return err
		}
		if fs.NArg() != 1 {
			return usagef("want one GRAPH, got %d arguments", fs.NArg())
		}
		opts := export.Options{Around: *around, Depth: *depth}
		if err := export.Check(*format, opts); err != nil {
			return usagef("%v", err)
		}
		g, err := openGraph(fs.Arg(0), kg.ReadOnly())
		if err != nil {
			return err
		}
		defer g.Close()
		write := func(w io.Writer) error { return export.Write(ctx, g.Store(), w, *format, opts) }
		if *out == "" {
			return write(e.stdout)
		}
		return writeFileAtomic(*out, write)
	}
	return c
}

// writeFileAtomic writes a file through write, gzip-compressed when the
// name ends in .gz, under a temporary name renamed into place on success.
func writeFileAtomic(name string, write func(io.Writer) error) (err error) {
	f, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".tmp*")
	if err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	var w io.Writer = f
	var zw *gzip.Writer
	if strings.HasSuffix(name, ".gz") {
		zw = gzip.NewWriter(f)
		w = zw
	}
	if err := write(w); err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	if zw != nil {
		if err := zw.Close(); err != nil {
			return fmt.Errorf("write %s: %w", name, err)
		}
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	if err := os.Rename(f.Name(), name); err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	return nil
}
