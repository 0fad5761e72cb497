package graph

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/cayleygraph/cayley/query"
	"github.com/cayleygraph/cayley/query/gizmo"
	"github.com/cayleygraph/quad"
)

// Gizmo runs a Gizmo (JavaScript) query and returns at most limit results
// (all if limit <= 0) as JSON-friendly values: maps of tag to value for
// All()/ForEach, plain values for emit(). IRIs appear as "<iri>", literals
// as their Go value. The query stops when ctx is done, with ctx.Err().
func (s *Store) Gizmo(ctx context.Context, q string, limit int) ([]any, error) {
	it, err := gizmo.NewSession(s.qs).Execute(ctx, q, query.Options{Limit: limit, Collation: query.JSON})
	if err != nil {
		return nil, fmt.Errorf("gizmo: %w", err)
	}
	defer it.Close()
	out := []any{}
	for it.Next(ctx) {
		if r := it.Result(); r != nil {
			out = append(out, r)
		}
		if limit > 0 && len(out) >= limit {
			break
		}
	}
	if err := it.Err(); err != nil {
		return out, fmt.Errorf("gizmo: %w", err)
	}
	return out, nil
}

// Entity summarizes one entity node.
type Entity struct {
	IRI       string   // without angle brackets
	Name      string   // the rdfs:label most documents give
	Type      string   // schema.org class: Person, Organization, Place, Thing
	Kind      string   // kg:kind, if any: country, city, agency, ...
	Aliases   []string // surface forms (skos:altLabel), sorted
	Mentions  int      // sentences that mention the entity
	Documents int      // documents that mention the entity
}

// EntityQuery selects entities. The zero value selects all.
type EntityQuery struct {
	Type  string // schema.org class name, such as "Person"; "" for any
	Match string // case-insensitive substring of the name or an alias
	Limit int    // at most this many; 0 for all
}

// Entities lists entities, the most mentioned first (ties by name).
// Outlets (publishers) are not listed.
func (s *Store) Entities(ctx context.Context, eq EntityQuery) ([]Entity, error) {
	type acc struct {
		types, names, kinds map[string]int
		docs, aliases       map[string]bool
		mentions            int
	}
	all := make(map[quad.Value]*acc)
	get := func(v quad.Value) *acc {
		a := all[v]
		if a == nil {
			a = &acc{types: map[string]int{}, names: map[string]int{}, kinds: map[string]int{},
				docs: map[string]bool{}, aliases: map[string]bool{}}
			all[v] = a
		}
		return a
	}
	visit := func(pred quad.IRI, f func(q quad.Quad)) error {
		return s.eachWith(ctx, quad.Predicate, pred, func(q quad.Quad) {
			if IsEntity(q.Subject) {
				f(q)
			}
		})
	}
	err := visit(RDFType, func(q quad.Quad) {
		a := get(q.Subject)
		a.types[LocalName(q.Object)]++
		a.docs[ValueString(q.Label)] = true
	})
	if err == nil {
		err = visit(Label, func(q quad.Quad) { get(q.Subject).names[ValueString(q.Object)]++ })
	}
	if err == nil {
		err = visit(Kind, func(q quad.Quad) { get(q.Subject).kinds[ValueString(q.Object)]++ })
	}
	if err == nil {
		err = visit(AltLabel, func(q quad.Quad) { get(q.Subject).aliases[ValueString(q.Object)] = true })
	}
	if err == nil {
		err = s.eachWith(ctx, quad.Predicate, Mentions, func(q quad.Quad) {
			if IsEntity(q.Object) {
				get(q.Object).mentions++
			}
		})
	}
	if err != nil {
		return nil, err
	}
	match := strings.ToLower(eq.Match)
	var out []Entity
	for v, a := range all {
		e := Entity{IRI: string(v.(quad.IRI)), Name: top(a.names), Type: top(a.types), Kind: top(a.kinds),
			Mentions: a.mentions, Documents: len(a.docs)}
		for al := range a.aliases {
			e.Aliases = append(e.Aliases, al)
		}
		slices.Sort(e.Aliases)
		if eq.Type != "" && e.Type != eq.Type || match != "" && !e.matches(match) {
			continue
		}
		out = append(out, e)
	}
	slices.SortFunc(out, func(a, b Entity) int {
		return cmp.Or(cmp.Compare(b.Mentions, a.Mentions), cmp.Compare(a.Name, b.Name), cmp.Compare(a.IRI, b.IRI))
	})
	if eq.Limit > 0 && len(out) > eq.Limit {
		out = out[:eq.Limit]
	}
	return out, nil
}

// matches reports whether the lower-case substring occurs in the name or an alias.
func (e *Entity) matches(sub string) bool {
	for _, s := range append([]string{e.Name}, e.Aliases...) {
		if strings.Contains(strings.ToLower(s), sub) {
			return true
		}
	}
	return false
}

// top returns the most frequent key, the smallest on ties.
func top(counts map[string]int) string {
	best, n := "", 0
	for k, c := range counts {
		if c > n || c == n && k < best {
			best, n = k, c
		}
	}
	return best
}

// eachWith calls f for each quad with value v in direction dir.
func (s *Store) eachWith(ctx context.Context, dir quad.Direction, v quad.Value, f func(quad.Quad)) error {
	ref := s.qs.ValueOf(v)
	if ref == nil {
		return nil
	}
	it := s.qs.QuadIterator(dir, ref)
	defer it.Close()
	for it.Next(ctx) {
		f(s.qs.Quad(it.Result()))
	}
	if err := it.Err(); err != nil {
		return fmt.Errorf("read graph: %w", err)
	}
	return ctx.Err()
}

// FactRecord is one fact occurrence with its qualifiers and provenance.
type FactRecord struct {
	Statement    string // IRI of the statement node
	Kind         string // event, role, speech, copula
	Subject      string // IRI of the subject node ("" if none)
	Relation     string // snake_case relation, such as spokesman_of
	Object       string // IRI of the object node, or the literal text
	ObjectIsIRI  bool   // whether Object is an IRI
	SubjectText  string // phrases as written
	RelText      string
	ObjectText   string
	Quote        string // for speech: what was said
	Negated      bool
	Modality     string
	Confidence   float64
	AttributedTo string // IRI of the speech statement this fact is reported in
	Asserted     bool   // whether the plain fact quad exists (see Asserted)
	Sentence     Provenance
}

// Provenance locates a statement: its sentence and document.
type Provenance struct {
	IRI        string // sentence IRI
	Text       string
	Start, End int // code-point offsets into the document text
	Document   string
	Title      string
	Date       string
	URL        string
	Outlet     string
	Source     string
}

// Facts returns every fact occurrence whose subject or object is the node
// with the given IRI (without angle brackets), ordered by document and
// position.
func (s *Store) Facts(ctx context.Context, iri string) ([]FactRecord, error) {
	node := quad.IRI(iri)
	var stmts []quad.Value
	seen := make(map[quad.Value]bool)
	err := s.eachWith(ctx, quad.Object, node, func(q quad.Quad) {
		if (q.Predicate == RDFSubject || q.Predicate == RDFObject) && !seen[q.Subject] {
			seen[q.Subject] = true
			stmts = append(stmts, q.Subject)
		}
	})
	if err != nil {
		return nil, err
	}
	prov := make(map[quad.Value]Provenance)
	var out []FactRecord
	for _, st := range stmts {
		f := FactRecord{Statement: ValueString(st), Confidence: 1}
		var sentence quad.Value
		err := s.eachWith(ctx, quad.Subject, st, func(q quad.Quad) {
			text := func() string { return ValueString(q.Object) }
			switch q.Predicate {
			case RDFSubject:
				f.Subject = ValueString(q.Object)
			case RDFPredicate:
				f.Relation = LocalName(q.Object)
			case RDFObject:
				_, f.ObjectIsIRI = q.Object.(quad.IRI)
				f.Object = ValueString(q.Object)
			case FactKind:
				f.Kind = text()
			case SubjectText:
				f.SubjectText = text()
			case RelText:
				f.RelText = text()
			case ObjectText:
				f.ObjectText = text()
			case Quote:
				f.Quote = text()
			case Negated:
				f.Negated, _ = quad.NativeOf(q.Object).(bool)
			case Modality:
				f.Modality = text()
			case Confidence:
				f.Confidence, _ = quad.NativeOf(q.Object).(float64)
			case AttributedTo:
				f.AttributedTo = ValueString(q.Object)
			case Sentence:
				sentence = q.Object
			}
		})
		if err != nil {
			return nil, err
		}
		f.Asserted = !f.Negated && f.Modality == "" && f.AttributedTo == ""
		if sentence != nil {
			p, ok := prov[sentence]
			if !ok {
				if p, err = s.provenance(ctx, sentence); err != nil {
					return nil, err
				}
				prov[sentence] = p
			}
			f.Sentence = p
		}
		out = append(out, f)
	}
	slices.SortFunc(out, func(a, b FactRecord) int {
		return cmp.Or(cmp.Compare(a.Sentence.Document, b.Sentence.Document), cmp.Compare(a.Sentence.Start, b.Sentence.Start), cmp.Compare(a.Statement, b.Statement))
	})
	return out, nil
}

// ValueString returns an IRI without angle brackets and any other value as
// the plain string of its Go value.
func ValueString(v quad.Value) string {
	if iri, ok := v.(quad.IRI); ok {
		return string(iri)
	}
	return fmt.Sprint(quad.NativeOf(v))
}

// provenance describes a sentence node (or a document node, for facts
// stated outside any sentence).
func (s *Store) provenance(ctx context.Context, node quad.Value) (Provenance, error) {
	p := Provenance{IRI: ValueString(node)}
	doc := node
	err := s.eachWith(ctx, quad.Subject, node, func(q quad.Quad) {
		switch q.Predicate {
		case Text:
			p.Text = ValueString(q.Object)
		case Start:
			p.Start = asInt(q.Object)
		case End:
			p.End = asInt(q.Object)
		case InDocument:
			doc = q.Object
		}
	})
	if err != nil {
		return p, err
	}
	p.Document = ValueString(doc)
	var outlet quad.Value
	err = s.eachWith(ctx, quad.Subject, doc, func(q quad.Quad) {
		switch q.Predicate {
		case Headline:
			p.Title = ValueString(q.Object)
		case DatePublished:
			p.Date = ValueString(q.Object)
		case URL:
			p.URL = ValueString(q.Object)
		case Source:
			p.Source = ValueString(q.Object)
		case Publisher:
			outlet = q.Object
		}
	})
	if err == nil && outlet != nil {
		err = s.eachWith(ctx, quad.Subject, outlet, func(q quad.Quad) {
			if q.Predicate == Label {
				p.Outlet = ValueString(q.Object)
			}
		})
	}
	return p, err
}

func asInt(v quad.Value) int {
	n, _ := quad.NativeOf(v).(int64)
	return int(n)
}

// Stats summarizes a graph.
type Stats struct {
	Quads      int64
	Documents  int
	Sentences  int
	Entities   int
	Statements int            // fact occurrences
	Relations  map[string]int // fact occurrences by relation
}

// Stats counts the graph's quads, documents, entities and facts.
func (s *Store) Stats(ctx context.Context) (Stats, error) {
	st := Stats{Relations: make(map[string]int)}
	cs, err := s.qs.Stats(ctx, true)
	if err != nil {
		return st, fmt.Errorf("graph stats: %w", err)
	}
	st.Quads = cs.Quads.Size
	entities := make(map[quad.Value]bool)
	err = s.eachWith(ctx, quad.Predicate, RDFType, func(q quad.Quad) {
		switch q.Object {
		case NewsArticle:
			st.Documents++
		case RDFStatement:
			st.Statements++
		default:
			if IsEntity(q.Subject) {
				entities[q.Subject] = true
			}
		}
	})
	if err == nil {
		err = s.eachWith(ctx, quad.Predicate, InDocument, func(quad.Quad) { st.Sentences++ })
	}
	if err == nil {
		err = s.eachWith(ctx, quad.Predicate, RDFPredicate, func(q quad.Quad) { st.Relations[LocalName(q.Object)]++ })
	}
	st.Entities = len(entities)
	return st, err
}
