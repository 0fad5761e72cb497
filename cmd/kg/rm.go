package main

import (
	"context"
	"fmt"
	"kg"
)

func rmCommand() *command {
	c := &command{
		name:  "rm",
		args:  "GRAPH DOCID...",
		short: "Remove documents and their facts from a graph.",
		long: `
Rm deletes each document DOCID from GRAPH with every quad it contributed:
its sentences, mentions and facts. Entities stay as long as another
document mentions them. A DOCID that is not in the graph is an error
(status 1) after the others are removed.

A document's ID is its file name without extensions, or the "id" of its
JSON Lines record; kg stats and kg export show them.

Examples:

  kg rm news.db 001_59f927b8ece5e2e9
  kg rm news.db reut-1 reut-2
`,
	}
	c.run = func(ctx context.Context, e *env, args []string) error {
		fs := c.flags(e)
		if err := parse(fs, args); err != nil {
			return err
		}
		if fs.NArg() < 2 {
			return usagef("want GRAPH and at least one DOCID, got %d arguments", fs.NArg())
		}
		g, err := openGraph(fs.Arg(0), kg.MustExist())
		if err != nil {
			return err
		}
		defer g.Close()
		missing := 0
		for _, id := range fs.Args()[1:] {
			ok, err := g.Remove(id)
			if err != nil {
				return fmt.Errorf("%s: remove %q: %w", fs.Arg(0), id, err)
			}
			if !ok {
				fmt.Fprintf(e.stderr, "kg rm: %s: no document %q\n", fs.Arg(0), id)
				missing++
				continue
			}
			fmt.Fprintf(e.stdout, "removed %s\n", id)
		}
		if missing > 0 {
			return fmt.Errorf("%d of %d documents not found in %s", missing, fs.NArg()-1, fs.Arg(0))
		}
		return nil
	}
	return c
}
