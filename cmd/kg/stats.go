package main

import (
	"cmp"
	"context"
	"fmt"
	"kg"
	"maps"
	"slices"
	"text/tabwriter"
)

// topRelations is how many relations kg stats lists.
const topRelations = 10

func statsCommand() *command {
	c := &command{
		name:  "stats",
		args:  "[flags] GRAPH",
		short: "Count a graph's documents, entities and facts.",
		long: `
Stats prints how many quads, documents, sentences, entities and facts
GRAPH holds, and its most frequent relations. -json prints all counts,
with every relation, as JSON.

Examples:

  kg stats news.db
  kg stats -json news.db | jq .relations.said
`,
	}
	c.run = func(ctx context.Context, e *env, args []string) error {
		fs := c.flags(e)
		jsonOut := fs.Bool("json", false, "print the counts as JSON")
		if err := parse(fs, args); err != nil {
			return err
		}
		if fs.NArg() != 1 {
			return usagef("want one GRAPH, got %d arguments", fs.NArg())
		}
		g, err := openGraph(fs.Arg(0), kg.ReadOnly())
		if err != nil {
			return err
		}
		defer g.Close()
		st, err := g.Stats(ctx)
		if err != nil {
			return fmt.Errorf("%s: %w", fs.Arg(0), err)
		}
		if *jsonOut {
			return writeJSON(e.stdout, map[string]any{
				"graph": fs.Arg(0), "quads": st.Quads, "documents": st.Documents, "sentences": st.Sentences,
				"entities": st.Entities, "facts": st.Statements, "relations": st.Relations,
			})
		}
		tw := tabwriter.NewWriter(e.stdout, 0, 8, 2, ' ', 0)
		fmt.Fprintf(tw, "graph\t%s\n", fs.Arg(0))
		fmt.Fprintf(tw, "quads\t%d\n", st.Quads)
		fmt.Fprintf(tw, "documents\t%d\n", st.Documents)
		fmt.Fprintf(tw, "sentences\t%d\n", st.Sentences)
		fmt.Fprintf(tw, "entities\t%d\n", st.Entities)
		fmt.Fprintf(tw, "facts\t%d\n", st.Statements)
		rels := slices.SortedFunc(maps.Keys(st.Relations), func(a, b string) int {
			return cmp.Or(cmp.Compare(st.Relations[b], st.Relations[a]), cmp.Compare(a, b))
		})
		for i, r := range rels {
			if i == topRelations {
				fmt.Fprintf(tw, "\t... %d more relations\n", len(rels)-topRelations)
				break
			}
			label := ""
			if i == 0 {
				label = "relations"
			}
			fmt.Fprintf(tw, "%s\t%d %s\n", label, st.Relations[r], r)
		}
		return tw.Flush()
	}
	return c
}
