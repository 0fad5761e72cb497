package main

import (
	"bufio"
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"os"

	"kg"
	"kg/graph"
)

func importCommand() *command {
	c := &command{
		name:  "import",
		args:  "[flags] GRAPH FILE...",
		short: "Add N-Quads files to a graph.",
		long: `
Import reads N-Quads (as written by kg export, or by any RDF tool) and adds
the quads to GRAPH, creating it if needed. FILE - reads standard input;
gzip-compressed files are recognized by their content.

A malformed line is reported as FILE:LINE:COLUMN: message and skipped; the
import then exits with status 3. With -strict the first malformed line
stops the import (status 1); quads of earlier batches stay written.

Import adds quads; it does not replace documents. To rebuild a graph from
an export, import into a new graph.

Examples:

  kg import copy.db news.nq
  kg export news.db | kg import copy.db -
  kg import -strict merged.db a.nq.gz b.nq.gz
`,
	}
	c.run = func(ctx context.Context, e *env, args []string) error {
		fs := c.flags(e)
		strict := fs.Bool("strict", false, "stop at the first malformed line (exit 1) instead of skipping it")
		quiet := fs.Bool("quiet", false, "print only errors, no summary")
		if err := parse(fs, args); err != nil {
			return err
		}
		if fs.NArg() < 2 {
			return usagef("want GRAPH and at least one FILE, got %d arguments", fs.NArg())
		}
		g, err := openGraph(fs.Arg(0))
		if err != nil {
			return err
		}
		defer g.Close()
		var total graph.ImportStats
		for _, name := range fs.Args()[1:] {
			if err := ctx.Err(); err != nil {
				return err
			}
			st, err := importFile(e, g, name, *strict)
			total.Lines += st.Lines
			total.Quads += st.Quads
			total.Skipped += st.Skipped
			for _, le := range st.Errors {
				fmt.Fprintln(e.stderr, le)
			}
			if st.Skipped > len(st.Errors) {
				fmt.Fprintf(e.stderr, "%s: ... and %d more malformed lines\n", name, st.Skipped-len(st.Errors))
			}
			if err != nil {
				return err
			}
		}
		if !*quiet {
			fmt.Fprintf(e.stderr, "imported %s from %s of %s (%d malformed lines skipped)\n",
				plural(total.Quads, "quad"), plural(total.Lines, "line"), plural(fs.NArg()-1, "file"), total.Skipped)
		}
		if total.Skipped > 0 {
			return &partialError{fmt.Sprintf("%d malformed lines skipped (see above)", total.Skipped)}
		}
		return nil
	}
	return c
}

// importFile imports one file, "-" meaning standard input, decompressing
// gzip data.
func importFile(e *env, g *kg.Graph, name string, strict bool) (graph.ImportStats, error) {
	var r io.Reader = e.stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return graph.ImportStats{}, err // *PathError names the file
		}
		defer f.Close()
		r = f
	} else {
		name = "standard input"
	}
	br := bufio.NewReader(r)
	if magic, _ := br.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return graph.ImportStats{}, fmt.Errorf("%s: %w", name, err)
		}
		defer zr.Close()
		return g.Import(zr, name, strict)
	}
	return g.Import(br, name, strict)
}
