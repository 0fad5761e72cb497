package pathq

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/cayleygraph/quad"

	"kg/graph"
)

// Index knows all the graph's entity names and relations, for resolving
// names without case, suggesting names and completing them. It is a
// snapshot taken by NewIndex.
type Index struct {
	entities  []graph.Entity
	byIRI     map[string]*graph.Entity
	byLabel   map[string][]*graph.Entity // lower-case rdfs:label
	byAlias   map[string][]*graph.Entity // lower-case skos:altLabel
	relations []Relation                 // most used first
}

// Relation is a relation of the graph and the number of fact occurrences
// using it.
type Relation struct {
	Name  string // snake_case local name
	Count int
}

// NewIndex reads the entity names and relations of the store.
func NewIndex(ctx context.Context, s *graph.Store) (*Index, error) {
	ents, err := s.Entities(ctx, graph.EntityQuery{})
	if err != nil {
		return nil, fmt.Errorf("read entities: %w", err)
	}
	rels := make(map[string]int)
	err = s.Each(ctx, quad.Predicate, graph.RDFPredicate, func(q quad.Quad) { rels[graph.LocalName(q.Object)]++ })
	if err != nil {
		return nil, fmt.Errorf("read relations: %w", err)
	}
	x := &Index{entities: ents, byIRI: make(map[string]*graph.Entity, len(ents)),
		byLabel: make(map[string][]*graph.Entity), byAlias: make(map[string][]*graph.Entity)}
	for i := range ents {
		e := &ents[i]
		x.byIRI[e.IRI] = e
		x.byLabel[strings.ToLower(e.Name)] = append(x.byLabel[strings.ToLower(e.Name)], e)
		for _, a := range e.Aliases {
			if !strings.EqualFold(a, e.Name) {
				x.byAlias[strings.ToLower(a)] = append(x.byAlias[strings.ToLower(a)], e)
			}
		}
	}
	for name, n := range rels {
		x.relations = append(x.relations, Relation{name, n})
	}
	slices.SortFunc(x.relations, func(a, b Relation) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Name, b.Name))
	})
	return x, nil
}

// Entities returns the indexed entities, most mentioned first.
func (x *Index) Entities() []graph.Entity { return x.entities }

// Relations returns the graph's relations, most used first.
func (x *Index) Relations() []Relation { return x.relations }

// Entity returns the entity with the IRI (without angle brackets).
func (x *Index) Entity(iri string) (*graph.Entity, bool) {
	e, ok := x.byIRI[iri]
	return e, ok
}

// Names returns every entity name and alias, for completion.
func (x *Index) Names() []string {
	var out []string
	seen := make(map[string]bool)
	for _, e := range x.entities {
		for _, n := range append([]string{e.Name}, e.Aliases...) {
			if !seen[n] {
				seen[n] = true
				out = append(out, n)
			}
		}
	}
	return out
}

// AmbiguousError reports a name shared by several entities.
type AmbiguousError struct {
	Name       string
	Candidates []graph.Entity
}

func (e *AmbiguousError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%q is ambiguous:", e.Name)
	for i, c := range e.Candidates {
		if i > 0 {
			b.WriteString(";")
		}
		fmt.Fprintf(&b, " %s (%s, %d mentions, <%s>)", c.Name, c.Type, c.Mentions, c.IRI)
	}
	b.WriteString("; quote the full name or give the <IRI>")
	return b.String()
}

// Resolve finds the entity called name, comparing canonical names first and
// aliases second, without case. An ambiguous name is an *AmbiguousError;
// an unknown one an error suggesting the closest names.
func (x *Index) Resolve(name string) (*graph.Entity, error) {
	key := strings.ToLower(strings.TrimSpace(name))
	for _, m := range []map[string][]*graph.Entity{x.byLabel, x.byAlias} {
		switch c := m[key]; len(c) {
		case 0:
			continue
		case 1:
			return c[0], nil
		default:
			amb := &AmbiguousError{Name: name}
			for _, e := range c {
				amb.Candidates = append(amb.Candidates, *e)
			}
			return nil, amb
		}
	}
	msg := fmt.Sprintf("no entity named %q", name)
	if s := suggest(key, x.Names(), 3); len(s) > 0 {
		msg += "; did you mean " + quoteList(s) + "?"
	}
	return nil, fmt.Errorf("%s", msg)
}

// ResolveRelation finds the relation called name: its snake_case name or
// its label ("spokesman of"), without case, or else the only relation with
// the same stem ("rejected" finds reject). The second result is a note when
// the match was not exact.
func (x *Index) ResolveRelation(name string) (string, string, error) {
	key := strings.ToLower(strings.ReplaceAll(strings.TrimSpace(name), " ", "_"))
	var stems []string
	for _, r := range x.relations {
		if strings.ToLower(r.Name) == key {
			return r.Name, "", nil
		}
		if stem(strings.ToLower(r.Name)) == stem(key) {
			stems = append(stems, r.Name)
		}
	}
	if len(stems) == 1 {
		return stems[0], fmt.Sprintf("relation %q taken as %s", name, stems[0]), nil
	}
	names := make([]string, len(x.relations))
	for i, r := range x.relations {
		names[i] = r.Name
	}
	msg := fmt.Sprintf("no relation %q", name)
	if s := suggest(key, append(stems, names...), 3); len(s) > 0 {
		msg += "; did you mean " + quoteList(s) + "?"
	}
	return "", "", fmt.Errorf("%s (:schema lists relations)", msg)
}

// stem strips common English inflections from each word of a snake_case
// relation, so that rejected, rejects and reject meet.
func stem(rel string) string {
	parts := strings.Split(rel, "_")
	for i, w := range parts {
		for _, suf := range []string{"ing", "ed", "es", "s", "e"} {
			if len(w) > len(suf)+2 && strings.HasSuffix(w, suf) {
				w = strings.TrimSuffix(w, suf)
				break
			}
		}
		parts[i] = w
	}
	return strings.Join(parts, "_")
}

// suggest returns up to n candidates closest to key: those it prefixes or
// contains first, then by edit distance to the whole candidate or to its
// beginning (plus one), at most a third of the key's length and at least 2.
func suggest(key string, cands []string, n int) []string {
	type scored struct {
		s string
		d int
	}
	var best []scored
	seen := make(map[string]bool)
	limit := max(2, len([]rune(key))/3)
	for _, c := range cands {
		lc := strings.ToLower(c)
		if seen[lc] {
			continue
		}
		seen[lc] = true
		d := distance(key, lc)
		if r := []rune(lc); len(r) > len([]rune(key)) {
			// A misspelt beginning: "spokesmn" for spokesman_of.
			d = min(d, distance(key, string(r[:len([]rune(key))]))+1)
		}
		switch {
		case strings.HasPrefix(lc, key) && key != "":
			d = 0
		case strings.Contains(lc, key) && len(key) >= 3:
			d = 1
		case d > limit:
			continue
		}
		best = append(best, scored{c, d})
	}
	slices.SortFunc(best, func(a, b scored) int { return cmp.Or(cmp.Compare(a.d, b.d), cmp.Compare(a.s, b.s)) })
	var out []string
	for i := 0; i < len(best) && i < n; i++ {
		out = append(out, best[i].s)
	}
	return out
}

// distance is the Levenshtein edit distance between a and b, in runes.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

func quoteList(s []string) string {
	q := make([]string, len(s))
	for i, x := range s {
		q[i] = fmt.Sprintf("%q", x)
	}
	return strings.Join(q, " or ")
}
