package export

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// dotShapes gives each node type a Graphviz shape.
var dotShapes = map[string]string{
	"Person":       "ellipse",
	"Organization": "box",
	"Place":        "house",
	"Thing":        "diamond",
	"Concept":      "plaintext",
}

// DOT writes the network as a Graphviz digraph: nodes labelled with their
// names and shaped by type, edges labelled with the relation and, when a
// fact is stated more than once, its support.
func DOT(w io.Writer, n *Network) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "digraph kg {\n")
	fmt.Fprintf(bw, "  graph [rankdir=LR];\n")
	fmt.Fprintf(bw, "  node [fontname=\"Helvetica\"];\n")
	fmt.Fprintf(bw, "  edge [fontname=\"Helvetica\", fontsize=10];\n")
	for _, nd := range n.Nodes {
		shape := dotShapes[nd.Type]
		if shape == "" {
			shape = "ellipse"
		}
		fmt.Fprintf(bw, "  %s [label=%s, shape=%s, tooltip=%s];\n", dotID(nd.ID), dotID(nd.Label), shape, dotID(nd.Type))
	}
	for _, e := range n.Edges {
		label := strings.ReplaceAll(e.Relation, "_", " ")
		if e.Support > 1 {
			label = fmt.Sprintf("%s (%d)", label, e.Support)
		}
		style := ""
		if e.Asserted == 0 {
			style = ", style=dashed" // only reported, negated or hedged
		}
		fmt.Fprintf(bw, "  %s -> %s [label=%s%s];\n", dotID(e.Source), dotID(e.Target), dotID(label), style)
	}
	fmt.Fprintf(bw, "}\n")
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("dot: %w", err)
	}
	return nil
}

// dotID quotes s as a DOT double-quoted string.
func dotID(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"', '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
