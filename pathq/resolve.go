package pathq

import (
	"context"
	"strings"
	"sync"
	"unicode"

	"github.com/cayleygraph/quad"

	"kg/graph"
)

// Names loads a graph's Index in the background, so that a shell can
// prompt at once: reading every name of a large graph takes seconds, while
// most queries name entities exactly and need only direct lookups.
type Names struct {
	ready chan struct{}
	x     *Index
	err   error
	stop  context.CancelFunc
}

// LoadNames starts reading the index of s. Close it before closing s.
func LoadNames(ctx context.Context, s *graph.Store) *Names {
	ctx, stop := context.WithCancel(ctx)
	n := &Names{ready: make(chan struct{}), stop: stop}
	go func() {
		defer close(n.ready)
		n.x, n.err = NewIndex(ctx, s)
	}()
	return n
}

// Wait returns the index once loaded, or ctx.Err() if ctx ends first.
func (n *Names) Wait(ctx context.Context) (*Index, error) {
	select {
	case <-n.ready:
		return n.x, n.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// Loaded returns the index if it is loaded, else nil.
func (n *Names) Loaded() *Index {
	select {
	case <-n.ready:
		return n.x
	default:
		return nil
	}
}

// Close stops loading and waits for the loader to end.
func (n *Names) Close() {
	n.stop()
	<-n.ready
}

// nameVariants are the spellings tried for an exact match before the
// case-insensitive index: as typed, Title Case, UPPER CASE.
func nameVariants(s string) []string {
	s = strings.Join(strings.Fields(s), " ")
	words := strings.Fields(strings.ToLower(s))
	for i, w := range words {
		r := []rune(w)
		r[0] = unicode.ToUpper(r[0])
		words[i] = string(r)
	}
	out := []string{s}
	for _, v := range []string{strings.Join(words, " "), strings.ToUpper(s)} {
		if v != out[len(out)-1] && v != s {
			out = append(out, v)
		}
	}
	return out
}

// exactEntities returns the entities whose label (first) or alias is
// exactly name, by direct lookup of the literal.
func (e *Evaluator) exactEntities(ctx context.Context, name string) ([]string, error) {
	var labels, aliases []string
	seen := make(map[string]bool)
	err := e.store.Each(ctx, quad.Object, quad.String(name), func(q quad.Quad) {
		iri := graph.ValueString(q.Subject)
		if !graph.IsEntity(q.Subject) || seen[iri+q.Predicate.String()] {
			return
		}
		seen[iri+q.Predicate.String()] = true
		switch q.Predicate {
		case graph.Label:
			labels = append(labels, iri)
		case graph.AltLabel:
			aliases = append(aliases, iri)
		}
	})
	if len(labels) > 0 {
		return labels, err
	}
	return aliases, err
}

// labels caches entity display names read from the store.
type labels struct {
	mu    sync.Mutex
	names map[string]string
}

// label returns the rdfs:label most documents give the node, or "".
func (e *Evaluator) label(ctx context.Context, iri string) string {
	e.labels.mu.Lock()
	name, ok := e.labels.names[iri]
	e.labels.mu.Unlock()
	if ok {
		return name
	}
	counts := make(map[string]int)
	e.store.Each(ctx, quad.Subject, quad.IRI(iri), func(q quad.Quad) {
		if q.Predicate == graph.Label {
			counts[graph.ValueString(q.Object)]++
		}
	})
	n := 0
	for k, c := range counts {
		if c > n || c == n && k < name {
			name, n = k, c
		}
	}
	if ctx.Err() == nil {
		e.labels.mu.Lock()
		e.labels.names[iri] = name
		e.labels.mu.Unlock()
	}
	return name
}
