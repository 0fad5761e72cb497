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

// Evaluator answers queries over a store. Names and relations given
// exactly (or in Title or UPPER case) are looked up directly; others wait
// for the full Index for case-insensitive matching and suggestions. It is
// safe for concurrent use.
type Evaluator struct {
	store  *graph.Store
	names  *Names // nil: exact names only
	labels labels
}

// New returns an evaluator over s that falls back on names for names it
// cannot look up directly; names may be nil.
func New(s *graph.Store, names *Names) *Evaluator {
	return &Evaluator{store: s, names: names, labels: labels{names: make(map[string]string)}}
}

// index waits for the full index.
func (e *Evaluator) index(ctx context.Context) (*Index, error) {
	if e.names == nil {
		return nil, nil
	}
	return e.names.Wait(ctx)
}

// Value is one cell of a result: a node or a literal.
type Value struct {
	IRI     string // without brackets; "" for other values
	Text    string // display form: an entity's name, a concept's word, a literal's text
	Literal bool   // a literal of the graph, such as a quote
}

// Row is one answer and the sentences that support it.
type Row struct {
	Cells     []Value
	Sentences []string // IRIs of the sentences stating the facts behind the row
	Sources   int      // distinct documents among Sentences
}

// Result is the answer to a query: a table.
type Result struct {
	Columns []string
	Rows    []Row
	Total   int      // rows before the limit
	Notes   []string // how names were read, "no path", ...
}

// Run parses src and evaluates it, returning at most limit rows (all when
// limit <= 0), most supported first. Syntax and resolution errors are
// *Error values with columns; an ambiguous name also wraps an
// *AmbiguousError.
func (e *Evaluator) Run(ctx context.Context, src string, limit int) (*Result, error) {
	q, err := Parse(src)
	if err != nil {
		return nil, err
	}
	ev := &eval{Evaluator: e, ctx: ctx, src: src, res: &Result{}}
	switch q := q.(type) {
	case *Chain:
		err = ev.chain(q)
	case *PathQuery:
		err = ev.path(q)
	case *SaidQuery:
		err = ev.said(q)
	}
	if err != nil {
		return nil, err
	}
	r := ev.res
	for i := range r.Rows {
		r.Rows[i].Sentences = uniq(r.Rows[i].Sentences)
		r.Rows[i].Sources = countDocs(r.Rows[i].Sentences)
	}
	if _, ok := q.(*PathQuery); !ok {
		slices.SortStableFunc(r.Rows, func(a, b Row) int {
			return cmp.Or(cmp.Compare(b.Sources, a.Sources), cmp.Compare(len(b.Sentences), len(a.Sentences)), compareCells(a.Cells, b.Cells))
		})
	}
	r.Total = len(r.Rows)
	if limit > 0 && len(r.Rows) > limit {
		r.Rows = r.Rows[:limit]
	}
	return r, nil
}

func compareCells(a, b []Value) int {
	for i := range min(len(a), len(b)) {
		if c := cmp.Compare(strings.ToLower(a[i].Text), strings.ToLower(b[i].Text)); c != 0 {
			return c
		}
	}
	return 0
}

// eval is the state of one evaluation.
type eval struct {
	*Evaluator
	ctx context.Context
	src string
	res *Result
}

// errorAt makes an *Error at node n wrapping err.
func (ev *eval) errorAt(n Node, err error) error {
	e := errorAt(ev.src, n.Pos(), "%s", err)
	e.Err = err
	return e
}

// node resolves a Name or IRI term to its graph value; nil for a variable.
func (ev *eval) node(t Term) (quad.Value, error) {
	switch t.Kind {
	case IRI:
		return quad.IRI(t.Text), nil
	case Name:
		for _, v := range nameVariants(t.Text) {
			iris, err := ev.exactEntities(ev.ctx, v)
			if err != nil {
				return nil, err
			}
			if len(iris) == 1 {
				return quad.IRI(iris[0]), nil
			} else if len(iris) > 1 {
				break // ambiguous: the index lists the candidates
			}
		}
		x, err := ev.index(ev.ctx)
		if err != nil {
			return nil, err
		}
		if x == nil {
			return nil, ev.errorAt(t, fmt.Errorf("no entity named %q", t.Text))
		}
		ent, err := x.Resolve(t.Text)
		if err != nil {
			return nil, ev.errorAt(t, err)
		}
		return quad.IRI(ent.IRI), nil
	}
	return nil, nil
}

// relation resolves a relation term: directly when its IRI exists, else
// through the index.
func (ev *eval) relation(t Term) (name, note string, err error) {
	key := strings.ReplaceAll(strings.Join(strings.Fields(t.Text), " "), " ", "_")
	for _, k := range []string{key, strings.ToLower(key)} {
		if ev.store.QuadStore().ValueOf(graph.RelationIRI(k)) != nil {
			return k, "", nil
		}
	}
	x, err := ev.index(ev.ctx)
	if err != nil {
		return "", "", err
	}
	if x == nil {
		return "", "", ev.errorAt(t, fmt.Errorf("no relation %q", t.Text))
	}
	name, note, err = x.ResolveRelation(t.Text)
	if err != nil {
		return "", "", ev.errorAt(t, err)
	}
	return name, note, nil
}

// display turns a graph value into a cell.
func (ev *eval) display(v quad.Value) Value {
	iri, ok := v.(quad.IRI)
	if !ok {
		return Value{Text: graph.ValueString(v), Literal: true}
	}
	if graph.IsEntity(iri) {
		if name := ev.label(ev.ctx, string(iri)); name != "" {
			return Value{IRI: string(iri), Text: name}
		}
	}
	return Value{IRI: string(iri), Text: graph.LocalName(iri)}
}

// isFact reports whether q is a fact quad (its predicate is a relation).
func isFact(q quad.Quad) bool {
	p, ok := q.Predicate.(quad.IRI)
	return ok && strings.HasPrefix(string(p), graph.Base+"rel/")
}

// binding is a partial answer of a chain: a value per node so far, the
// relation taken at each hop, and the fact quads used.
type binding struct {
	nodes, rels []quad.Value
	facts       []string // sentence IRIs
}

func (b binding) key() string {
	var k strings.Builder
	for _, v := range append(slices.Clone(b.nodes), b.rels...) {
		k.WriteString(quad.StringOf(v))
		k.WriteByte(0)
	}
	return k.String()
}

func (ev *eval) chain(c *Chain) error {
	known := make([]quad.Value, len(c.Nodes))
	for i, n := range c.Nodes {
		v, err := ev.node(n)
		if err != nil {
			return err
		}
		known[i] = v
	}
	rels := make([]quad.Value, len(c.Hops))
	for i, h := range c.Hops {
		if h.Rel.Kind == Variable {
			continue
		}
		name, note, err := ev.relation(h.Rel)
		if err != nil {
			return err
		}
		if note != "" {
			ev.res.Notes = append(ev.res.Notes, note)
		}
		rels[i] = graph.RelationIRI(name)
	}
	var rows []binding
	if known[0] != nil {
		rows = []binding{{nodes: []quad.Value{known[0]}}}
	}
	for i, h := range c.Hops {
		var err error
		rows, err = ev.hop(rows, i == 0 && known[0] == nil, h, rels[i], known[i+1])
		if err != nil {
			return err
		}
	}
	ev.tabulate(c, rows)
	return nil
}

// hop extends rows by one hop. When unbound, the left node is free and
// the hop is enumerated from its relation or right node.
func (ev *eval) hop(rows []binding, unbound bool, h Hop, rel, right quad.Value) ([]binding, error) {
	// In quad terms, near is the left node's direction and far the right's.
	near, far := quad.Subject, quad.Object
	if h.Dir == In {
		near, far = far, near
	}
	merged := make(map[string]int)
	var out []binding
	add := func(b binding, q quad.Quad) {
		if !isFact(q) || rel != nil && q.Predicate != rel || right != nil && q.Get(far) != right {
			return
		}
		nb := binding{nodes: append(slices.Clone(b.nodes), q.Get(far)), rels: append(slices.Clone(b.rels), q.Predicate)}
		if unbound {
			nb = binding{nodes: []quad.Value{q.Get(near), q.Get(far)}, rels: []quad.Value{q.Predicate}}
		}
		k := nb.key()
		if i, ok := merged[k]; ok {
			out[i].facts = append(out[i].facts, graph.ValueString(q.Label))
			return
		}
		nb.facts = append(slices.Clone(b.facts), graph.ValueString(q.Label))
		merged[k] = len(out)
		out = append(out, nb)
	}
	if unbound {
		var err error
		switch {
		case rel != nil:
			err = ev.store.Each(ev.ctx, quad.Predicate, rel, func(q quad.Quad) { add(binding{}, q) })
		case right != nil:
			err = ev.store.Each(ev.ctx, far, right, func(q quad.Quad) { add(binding{}, q) })
		default:
			return nil, errorAt(ev.src, h.Arrow, "too broad: give a name or a relation (? -> ? -> ? would list every fact)")
		}
		return out, err
	}
	// Visit each distinct left node once.
	byNode := make(map[quad.Value][]binding)
	var order []quad.Value
	for _, b := range rows {
		v := b.nodes[len(b.nodes)-1]
		if _, ok := byNode[v]; !ok {
			order = append(order, v)
		}
		byNode[v] = append(byNode[v], b)
	}
	for _, v := range order {
		err := ev.store.Each(ev.ctx, near, v, func(q quad.Quad) {
			for _, b := range byNode[v] {
				add(b, q)
			}
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// tabulate turns chain bindings into rows: one column per variable node
// and per relation variable, duplicates merged.
func (ev *eval) tabulate(c *Chain, rows []binding) {
	type col struct {
		node bool
		i    int
	}
	var cols []col
	for i, n := range c.Nodes {
		if n.Kind == Variable {
			cols = append(cols, col{true, i})
			ev.res.Columns = append(ev.res.Columns, nodeColumn(c, i))
		}
		if i < len(c.Hops) && c.Hops[i].Rel.Kind == Variable {
			cols = append(cols, col{false, i})
			ev.res.Columns = append(ev.res.Columns, varName(c.Hops[i].Rel, "relation", i, len(c.Hops)))
		}
	}
	if len(cols) == 0 {
		// Everything was named: the answer is whether the facts hold.
		ev.res.Columns = []string{"holds"}
	}
	index := make(map[string]int)
	for _, b := range rows {
		var cells []Value
		var k strings.Builder
		for _, cl := range cols {
			var v quad.Value
			if cl.node {
				v = b.nodes[cl.i]
			} else {
				v = b.rels[cl.i]
			}
			cells = append(cells, ev.display(v))
			k.WriteString(quad.StringOf(v))
			k.WriteByte(0)
		}
		if len(cols) == 0 {
			cells = []Value{{Text: "yes"}}
		}
		if i, ok := index[k.String()]; ok {
			ev.res.Rows[i].Sentences = append(ev.res.Rows[i].Sentences, b.facts...)
			continue
		}
		index[k.String()] = len(ev.res.Rows)
		ev.res.Rows = append(ev.res.Rows, Row{Cells: cells, Sentences: slices.Clone(b.facts)})
	}
}

// nodeColumn names the column of variable node i: its own name, else
// subject/object by its place in a one-hop chain, else node1, node2...
func nodeColumn(c *Chain, i int) string {
	t := c.Nodes[i]
	if t.Text != "" {
		return t.Text
	}
	if len(c.Hops) == 1 {
		subj := 0
		if c.Hops[0].Dir == In {
			subj = 1
		}
		if i == subj {
			return "subject"
		}
		return "object"
	}
	return fmt.Sprintf("node%d", i+1)
}

func varName(t Term, base string, i, n int) string {
	switch {
	case t.Text != "":
		return t.Text
	case n == 1:
		return base
	}
	return fmt.Sprintf("%s%d", base, i+1)
}

// path finds a shortest chain of fact quads between two entities, in either
// direction, by breadth-first search.
func (ev *eval) path(p *PathQuery) error {
	from, err := ev.node(p.From)
	if err != nil {
		return err
	}
	to, err := ev.node(p.To)
	if err != nil {
		return err
	}
	ev.res.Columns = []string{"step", "from", "relation", "to"}
	type edge struct {
		prev quad.Value
		q    quad.Quad // the fact quad first seen between prev and the node
	}
	parent := map[quad.Value]edge{from: {}}
	frontier := []quad.Value{from}
	found := from == to
	for depth := 0; depth < p.MaxDepth && !found && len(frontier) > 0; depth++ {
		var next []quad.Value
		for _, u := range frontier {
			for _, dir := range []quad.Direction{quad.Subject, quad.Object} {
				other := quad.Object
				if dir == quad.Object {
					other = quad.Subject
				}
				err := ev.store.Each(ev.ctx, dir, u, func(q quad.Quad) {
					v := q.Get(other)
					if !isFact(q) || !graph.IsEntity(v) {
						return
					}
					if _, seen := parent[v]; !seen {
						parent[v] = edge{u, q}
						next = append(next, v)
					}
				})
				if err != nil {
					return err
				}
			}
			if _, ok := parent[to]; ok {
				found = true
				break
			}
		}
		frontier = next
	}
	if !found {
		ev.res.Notes = append(ev.res.Notes, fmt.Sprintf("no connection between %s and %s within %d steps", ev.display(from).Text, ev.display(to).Text, p.MaxDepth))
		return nil
	}
	var steps []edge
	for v := to; v != from; v = parent[v].prev {
		steps = append(steps, parent[v])
	}
	slices.Reverse(steps)
	for i, st := range steps {
		q := st.q
		arrow := "-> "
		if q.Object == st.prev {
			arrow = "<- "
		}
		row := Row{Cells: []Value{{Text: fmt.Sprint(i + 1)}, ev.display(st.prev),
			{IRI: graph.ValueString(q.Predicate), Text: arrow + graph.LocalName(q.Predicate)},
			ev.display(q.Get(otherEnd(q, st.prev)))}}
		// Every sentence stating the same fact supports the step.
		err := ev.store.Each(ev.ctx, quad.Subject, q.Subject, func(o quad.Quad) {
			if o.Predicate == q.Predicate && o.Object == q.Object {
				row.Sentences = append(row.Sentences, graph.ValueString(o.Label))
			}
		})
		if err != nil {
			return err
		}
		ev.res.Rows = append(ev.res.Rows, row)
	}
	return nil
}

// otherEnd returns the direction of q's end that is not v.
func otherEnd(q quad.Quad, v quad.Value) quad.Direction {
	if q.Subject == v {
		return quad.Object
	}
	return quad.Subject
}

// said lists speech statements whose quote contains the text.
func (ev *eval) said(s *SaidQuery) error {
	needle := strings.ToLower(s.Text.Text)
	ev.res.Columns = []string{"speaker", "quote"}
	type hit struct{ stmt, label quad.Value }
	var hits []hit
	quotes := make(map[quad.Value]string)
	err := ev.store.Each(ev.ctx, quad.Predicate, graph.Quote, func(q quad.Quad) {
		text := graph.ValueString(q.Object)
		if strings.Contains(strings.ToLower(text), needle) {
			hits = append(hits, hit{q.Subject, q.Label})
			quotes[q.Subject] = text
		}
	})
	if err != nil {
		return err
	}
	index := make(map[string]int)
	for _, h := range hits {
		var speaker quad.Value
		err := ev.store.Each(ev.ctx, quad.Subject, h.stmt, func(q quad.Quad) {
			if q.Predicate == graph.RDFSubject {
				speaker = q.Object
			}
		})
		if err != nil {
			return err
		}
		cells := []Value{{Text: "?"}, {Text: quotes[h.stmt], Literal: true}}
		if speaker != nil {
			cells[0] = ev.display(speaker)
		}
		k := cells[0].IRI + "\x00" + cells[1].Text
		if i, ok := index[k]; ok {
			ev.res.Rows[i].Sentences = append(ev.res.Rows[i].Sentences, graph.ValueString(h.label))
			continue
		}
		index[k] = len(ev.res.Rows)
		ev.res.Rows = append(ev.res.Rows, Row{Cells: cells, Sentences: []string{graph.ValueString(h.label)}})
	}
	return nil
}

// uniq sorts and deduplicates s.
func uniq(s []string) []string {
	slices.Sort(s)
	return slices.Compact(s)
}

// countDocs counts the distinct documents of sentence IRIs
// (doc:ID/s/N; IDs are percent-encoded, so "/s/" ends the document part).
func countDocs(sentences []string) int {
	docs := make(map[string]bool)
	for _, s := range sentences {
		if i := strings.LastIndex(s, "/s/"); i >= 0 {
			s = s[:i]
		}
		docs[s] = true
	}
	return len(docs)
}
