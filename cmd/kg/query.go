package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"kg"
	"os"
	"time"
)

func queryCommand() *command {
	c := &command{
		name:  "query",
		args:  "[flags] GRAPH QUERY",
		short: "Run a Gizmo query and print the results as JSON.",
		long: `
Query runs QUERY, a Gizmo (JavaScript) program, on GRAPH and prints its
results as a JSON array on standard output. QUERY - reads the program from
standard input; -f reads it from a file. docs/schema.md describes the
graph's nodes and properties.

Results are cut at -limit (a note on standard error says so); -limit 0
prints all. A query running longer than -timeout is stopped.

Examples:

  kg query news.db 'g.V("<http://kg.local/entity/Dmitry_Peskov>").Out().All()'
  kg query -limit 10 news.db 'g.V().Has("<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>", "<http://schema.org/Person>").All()'
  kg query -f speakers.js news.db
`,
	}
	c.run = func(ctx context.Context, e *env, args []string) error {
		fs := c.flags(e)
		limit := fs.Int("limit", 100, "print at most `N` results; 0 for all")
		timeout := fs.Duration("timeout", 30*time.Second, "stop a query that runs longer than `D`")
		file := fs.String("f", "", "read the query from `file`")
		lang := fs.String("lang", "gizmo", "query `language`: gizmo, or path for kg's path queries (see kg help shell)")
		if err := parse(fs, args); err != nil {
			return err
		}
		want := 2
		if *file != "" {
			want = 1
		}
		if fs.NArg() != want {
			if *file != "" {
				return usagef("want GRAPH with -f, got %d arguments", fs.NArg())
			}
			return usagef("want GRAPH and QUERY, got %d arguments", fs.NArg())
		}
		if *limit < 0 {
			return usagef("-limit %d: want 0 (all) or more", *limit)
		}
		q, err := readQuery(e, *file, fs.Args()[1:])
		if err != nil {
			return err
		}
		g, err := openGraph(fs.Arg(0), kg.ReadOnly())
		if err != nil {
			return err
		}
		defer g.Close()
		if *timeout > 0 {
			var cancel context.CancelFunc
			ctx, cancel = context.WithTimeout(ctx, *timeout)
			defer cancel()
		}
		if *lang != "gizmo" {
			return queryLang(ctx, e, g, *lang, q, *limit, *timeout)
		}
		res, err := g.Gizmo(ctx, q, *limit)
		if errors.Is(err, context.DeadlineExceeded) {
			return fmt.Errorf("%s: query stopped after %s (raise -timeout)", fs.Arg(0), *timeout)
		}
		if err != nil {
			return fmt.Errorf("%s: %w", fs.Arg(0), err)
		}
		if err := writeJSON(e.stdout, res); err != nil {
			return err
		}
		if *limit > 0 && len(res) == *limit {
			fmt.Fprintf(e.stderr, "kg query: showing the first %d results; use -limit 0 for all\n", *limit)
		}
		return nil
	}
	return c
}

// readQuery returns the query text from -f FILE, from standard input for
// "-", or the argument itself.
func readQuery(e *env, file string, rest []string) (string, error) {
	var (
		b   []byte
		err error
	)
	switch {
	case file != "":
		b, err = os.ReadFile(file)
	case rest[0] == "-":
		if b, err = io.ReadAll(e.stdin); err != nil {
			return "", fmt.Errorf("read query from standard input: %w", err)
		}
	default:
		return rest[0], nil
	}
	if err != nil {
		return "", fmt.Errorf("read query: %w", err)
	}
	return string(b), nil
}
