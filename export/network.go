package export

import (
	"cmp"
	"context"
	"slices"

	"github.com/cayleygraph/quad"

	"kg/graph"
)

// Network is the graph seen as nodes and edges: entities and concepts
// joined by the facts stated between them. Facts whose object is a
// literal (what was said, a phrase) or nothing have no edge.
type Network struct {
	Nodes []Node // sorted by ID
	Edges []Edge // sorted by source, relation, target
}

// Node is an entity or a concept.
type Node struct {
	ID       string // IRI
	Label    string // display name
	Type     string // Person, Organization, Place, Thing, or Concept
	Kind     string // finer kind of an entity, if known: country, city, ...
	Mentions int    // sentences mentioning an entity (0 for concepts)
}

// Edge joins two nodes by a relation, merging every occurrence of the fact.
type Edge struct {
	Source, Target string // node IDs
	Relation       string // snake_case relation
	Support        int    // fact occurrences (statements) of the edge
	Asserted       int    // occurrences stated as plain fact (see graph.Asserted)
}

// Load builds the network of the whole graph. Every entity is a node, even
// without facts; concepts are nodes when a fact joins them.
func Load(ctx context.Context, s *graph.Store) (*Network, error) {
	ents, err := s.Entities(ctx, graph.EntityQuery{})
	if err != nil {
		return nil, err
	}
	facts, err := s.AllFacts(ctx)
	if err != nil {
		return nil, err
	}
	nodes := make(map[string]Node, len(ents))
	for _, e := range ents {
		nodes[e.IRI] = Node{ID: e.IRI, Label: e.Name, Type: e.Type, Kind: e.Kind, Mentions: e.Mentions}
	}
	type key struct{ s, rel, o string }
	edges := make(map[key]*Edge)
	for _, f := range facts {
		if f.Subject == "" || !f.ObjectIsIRI || f.Object == string(graph.None) {
			continue
		}
		for _, id := range []string{f.Subject, f.Object} {
			if _, ok := nodes[id]; !ok {
				nodes[id] = Node{ID: id, Label: graph.LocalName(quad.IRI(id)), Type: "Concept"}
			}
		}
		k := key{f.Subject, f.Relation, f.Object}
		e := edges[k]
		if e == nil {
			e = &Edge{Source: f.Subject, Target: f.Object, Relation: f.Relation}
			edges[k] = e
		}
		e.Support++
		if f.Asserted {
			e.Asserted++
		}
	}
	n := &Network{}
	for _, nd := range nodes {
		n.Nodes = append(n.Nodes, nd)
	}
	for _, e := range edges {
		n.Edges = append(n.Edges, *e)
	}
	n.sort()
	return n, nil
}

func (n *Network) sort() {
	slices.SortFunc(n.Nodes, func(a, b Node) int { return cmp.Compare(a.ID, b.ID) })
	slices.SortFunc(n.Edges, func(a, b Edge) int {
		return cmp.Or(cmp.Compare(a.Source, b.Source), cmp.Compare(a.Relation, b.Relation), cmp.Compare(a.Target, b.Target))
	})
}

// Around returns the part of the network within depth edges (followed
// either way) of the root nodes: those nodes and every edge between them.
func (n *Network) Around(roots []string, depth int) *Network {
	adj := make(map[string][]string)
	for _, e := range n.Edges {
		adj[e.Source] = append(adj[e.Source], e.Target)
		adj[e.Target] = append(adj[e.Target], e.Source)
	}
	keep := make(map[string]bool)
	frontier := slices.Clone(roots)
	for _, r := range roots {
		keep[r] = true
	}
	for d := 0; d < depth && len(frontier) > 0; d++ {
		var next []string
		for _, id := range frontier {
			for _, m := range adj[id] {
				if !keep[m] {
					keep[m] = true
					next = append(next, m)
				}
			}
		}
		frontier = next
	}
	sub := &Network{}
	for _, nd := range n.Nodes {
		if keep[nd.ID] {
			sub.Nodes = append(sub.Nodes, nd)
		}
	}
	for _, e := range n.Edges {
		if keep[e.Source] && keep[e.Target] {
			sub.Edges = append(sub.Edges, e)
		}
	}
	return sub
}
