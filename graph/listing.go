package graph

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/cayleygraph/quad"
)

// EachQuad calls f for every quad of the graph, in no particular order,
// and stops at the first error f returns or when ctx is done.
func (s *Store) EachQuad(ctx context.Context, f func(quad.Quad) error) error {
	it := s.qs.QuadsAllIterator()
	defer it.Close()
	for it.Next(ctx) {
		if err := f(s.qs.Quad(it.Result())); err != nil {
			return err
		}
	}
	if err := it.Err(); err != nil {
		return fmt.Errorf("read graph: %w", err)
	}
	return ctx.Err()
}

// AllFacts returns every fact occurrence of the graph, ordered like Facts:
// by document, position and statement.
func (s *Store) AllFacts(ctx context.Context) ([]FactRecord, error) {
	var subjects []string
	seen := make(map[quad.Value]bool)
	err := s.eachWith(ctx, quad.Predicate, RDFSubject, func(q quad.Quad) {
		if _, ok := q.Object.(quad.IRI); ok && !seen[q.Object] {
			seen[q.Object] = true
			subjects = append(subjects, ValueString(q.Object))
		}
	})
	if err != nil {
		return nil, err
	}
	var out []FactRecord
	done := make(map[string]bool)
	for _, iri := range subjects {
		facts, err := s.Facts(ctx, iri)
		if err != nil {
			return nil, err
		}
		for _, f := range facts {
			if !done[f.Statement] {
				done[f.Statement] = true
				out = append(out, f)
			}
		}
	}
	slices.SortFunc(out, func(a, b FactRecord) int {
		return cmp.Or(cmp.Compare(a.Sentence.Document, b.Sentence.Document), cmp.Compare(a.Sentence.Start, b.Sentence.Start), cmp.Compare(a.Statement, b.Statement))
	})
	return out, nil
}

// Lookup returns the entities called name, compared without case: first
// the entity whose key (the last segment of its IRI, as in
// "Dmitry_Peskov") or full IRI is name, if any; otherwise every entity
// whose canonical name or an alias is name, the most mentioned first.
func (s *Store) Lookup(ctx context.Context, name string) ([]Entity, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return nil, nil
	}
	all, err := s.Entities(ctx, EntityQuery{})
	if err != nil {
		return nil, err
	}
	iri := strings.Trim(name, "<>")
	key := Segment(name)
	for _, e := range all {
		if e.IRI == iri || strings.EqualFold(LocalName(quad.IRI(e.IRI)), name) || strings.EqualFold(e.IRI[strings.LastIndex(e.IRI, "/")+1:], key) {
			return []Entity{e}, nil
		}
	}
	var out []Entity
	for _, e := range all {
		if strings.EqualFold(e.Name, name) || slices.ContainsFunc(e.Aliases, func(a string) bool { return strings.EqualFold(a, name) }) {
			out = append(out, e)
		}
	}
	return out, nil
}
