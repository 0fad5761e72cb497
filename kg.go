// Package kg builds a knowledge graph of who said what, about whom, from
// news articles, and queries it.
//
// A Graph is a store opened with Open. Build reads articles (files,
// directories, JSON Lines, standard input; see package source), extracts
// facts with the NLP pipeline and stores every document's quads; building
// the same inputs again only adds what is new. The stored graph follows
// docs/schema.md and can be queried with Gizmo, exported as N-Quads and
// imported again.
//
// The command kg (cmd/kg) is a thin layer over this package.
package kg

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"kg/graph"
)

// Graph is an open knowledge graph. Its methods are safe for concurrent
// use.
type Graph struct {
	store *graph.Store
	addr  string
}

// Option configures Open.
type Option func(*openConfig)

type openConfig struct {
	store     graph.Options
	mustExist bool
}

// ReadOnly opens the graph for queries only; writes fail. Several
// read-only processes may share a graph file. The graph must exist.
func ReadOnly() Option {
	return func(c *openConfig) { c.store.ReadOnly = true; c.mustExist = true }
}

// MustExist makes Open fail when addr names a graph file or directory that
// does not exist, instead of creating it.
func MustExist() Option { return func(c *openConfig) { c.mustExist = true } }

// NoSync skips the disk flush after each write: faster builds; a crash of
// the machine (not of the process) may lose the last writes.
func NoSync() Option { return func(c *openConfig) { c.store.NoSync = true } }

// Open opens the graph at addr, creating it unless told otherwise. addr is
// a file path (an embedded Bolt database, the default), "leveldb:DIR",
// "postgres://..." or "mem" (in memory, lost on Close).
func Open(addr string, opts ...Option) (*Graph, error) {
	var c openConfig
	for _, o := range opts {
		o(&c)
	}
	if c.mustExist {
		if path, ok := localPath(addr); ok {
			if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
				return nil, fmt.Errorf("%s: no such graph (build one with \"kg build -o %s\")", addr, addr)
			}
		}
	}
	s, err := graph.Open(addr, c.store)
	if err != nil {
		return nil, err
	}
	return &Graph{store: s, addr: addr}, nil
}

// localPath returns the file or directory an address names, if any.
func localPath(addr string) (string, bool) {
	switch {
	case addr == "mem", strings.Contains(addr, "://"):
		return "", false
	case strings.HasPrefix(addr, "leveldb:"):
		return strings.TrimPrefix(addr, "leveldb:"), true
	}
	return addr, true
}

// Addr returns the address the graph was opened with.
func (g *Graph) Addr() string { return g.addr }

// Store returns the underlying store, for the query shell and other tools.
func (g *Graph) Store() *graph.Store { return g.store }

// Close closes the graph.
func (g *Graph) Close() error { return g.store.Close() }

// Remove deletes the document with the ID and every quad it contributed.
// It reports whether the document was stored.
func (g *Graph) Remove(docID string) (bool, error) {
	ok, err := g.store.Has(docID, "")
	if err != nil || !ok {
		return false, err
	}
	return true, g.store.Remove(docID)
}

// Gizmo runs a Gizmo (JavaScript) query and returns at most limit results
// (all when limit <= 0) as JSON-friendly values. It stops with ctx.Err()
// when ctx is done; use context.WithTimeout to bound a query.
func (g *Graph) Gizmo(ctx context.Context, query string, limit int) ([]any, error) {
	return g.store.Gizmo(ctx, query, limit)
}

// Stats counts the graph's quads, documents, sentences, entities and
// facts.
func (g *Graph) Stats(ctx context.Context) (graph.Stats, error) { return g.store.Stats(ctx) }

// Export writes the whole graph as N-Quads, sorted, so that equal graphs
// export identical bytes.
func (g *Graph) Export(w io.Writer) error { return g.store.Export(w) }

// Import adds the N-Quads read from r; name is used in messages
// (name:line:col). Malformed lines are skipped and listed in the stats, or
// end the import when strict.
func (g *Graph) Import(r io.Reader, name string, strict bool) (graph.ImportStats, error) {
	return g.store.Import(r, name, graph.ImportOptions{Strict: strict})
}

// Facts returns every fact occurrence about the entity called name (its
// canonical name or any alias, compared without case), as subject or
// object, with the sentence and document stating it. Several entities may
// share a name; the facts of all are returned.
func (g *Graph) Facts(ctx context.Context, name string) ([]graph.FactRecord, error) {
	ents, err := g.store.Entities(ctx, graph.EntityQuery{Match: name})
	if err != nil {
		return nil, err
	}
	var out []graph.FactRecord
	found := false
	for _, e := range ents {
		if !strings.EqualFold(e.Name, name) && !slices.ContainsFunc(e.Aliases, func(a string) bool { return strings.EqualFold(a, name) }) {
			continue
		}
		found = true
		facts, err := g.store.Facts(ctx, e.IRI)
		if err != nil {
			return nil, err
		}
		out = append(out, facts...)
	}
	if !found {
		return nil, fmt.Errorf("no entity named %q", name)
	}
	return out, nil
}
