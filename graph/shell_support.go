package graph

import (
	"context"

	"github.com/cayleygraph/quad"
)

// This file exports two read helpers for package pathq and the shell.

// Each calls f for each quad with value v in direction dir (for example
// every quad whose predicate is Quote). It stops early with ctx.Err() when
// ctx is done.
func (s *Store) Each(ctx context.Context, dir quad.Direction, v quad.Value, f func(quad.Quad)) error {
	return s.eachWith(ctx, dir, v, f)
}

// Provenance describes the sentence with the given IRI (without angle
// brackets): its text and offsets, and its document's title, date, URL and
// outlet. For a document IRI it describes the document alone.
func (s *Store) Provenance(ctx context.Context, iri string) (Provenance, error) {
	return s.provenance(ctx, quad.IRI(iri))
}
