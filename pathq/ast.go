// Package pathq is kg's short path query language: a parser producing an
// AST and an evaluator that answers queries over a graph.Store.
//
// The language has three forms (keywords are case-insensitive):
//
//	Peskov -> spokesman_of              objects of a relation
//	Kremlin <- spokesman_of             subjects of a relation
//	? -> reject -> ?                    all subject/object pairs
//	Peskov -> ?                         every relation and object
//	?who -> spokesman_of -> Kremlin     named variables name their column
//	Peskov -> spokesman_of -> ? -> based_in    chains join hop by hop
//	path Peskov Biden                   shortest connection (BFS)
//	path Dmitry Peskov to Joe Biden within 3
//	who said "optimism"                 speech whose quote contains the text
//
// A chain alternates nodes and relations. A node is a name (bare words, or
// a "quoted string"), an <IRI>, or a variable ("?" or "?name"); a missing
// last node is a variable. A relation is bare words ("spokesman of" is
// spokesman_of) or "?" for any relation. "A -> r -> B" reads "A r B";
// "B <- r <- A" says the same from the other end.
//
// Invariants: Parse is pure (no graph access) and every node records its
// byte extent in the source, so errors point at columns. Names and
// relations are resolved only by the evaluator.
package pathq

// Node is any node of the AST: it knows its extent in the source.
type Node interface {
	Pos() int // byte offset of the first character
	End() int // byte offset just past the last character
}

// Query is one parsed query: a *Chain, *PathQuery or *SaidQuery.
type Query interface {
	Node
	query()
}

// TermKind says what a Term denotes.
type TermKind uint8

// Kinds of terms.
const (
	Name     TermKind = iota + 1 // an entity name, resolved by label or alias
	Variable                     // ? or ?name: anything
	IRI                          // <http://...>: a node given exactly
)

var termKindNames = [...]string{"", "name", "variable", "IRI"}

func (k TermKind) String() string {
	if int(k) < len(termKindNames) {
		return termKindNames[k]
	}
	return "TermKind(?)"
}

// Term is a node or relation of a query.
type Term struct {
	Start, Stop int // byte extent in the source
	Kind        TermKind
	Text        string // the name, the variable's name ("" for ?), or the IRI without brackets
	Implicit    bool   // a variable the query left out ("Peskov -> said")
}

// Pos implements Node.
func (t Term) Pos() int { return t.Start }

// End implements Node.
func (t Term) End() int { return t.Stop }

// Dir is the direction of a hop.
type Dir uint8

// Directions.
const (
	Out Dir = iota + 1 // ->: the left node is the subject
	In                 // <-: the left node is the object
)

func (d Dir) String() string {
	if d == In {
		return "<-"
	}
	return "->"
}

// Hop is one relation step of a chain.
type Hop struct {
	Arrow int // byte offset of the first arrow
	Dir   Dir
	Rel   Term // Kind Name, or Variable for any relation
}

// Chain is a path pattern: Nodes[i] -Hops[i]- Nodes[i+1].
// len(Nodes) == len(Hops)+1.
type Chain struct {
	Nodes []Term
	Hops  []Hop
}

// Pos implements Node.
func (c *Chain) Pos() int { return c.Nodes[0].Start }

// End implements Node.
func (c *Chain) End() int { return c.Nodes[len(c.Nodes)-1].Stop }

// PathQuery asks for the shortest connection between two entities.
type PathQuery struct {
	Keyword  int // offset of "path"
	From, To Term
	MaxDepth int // hops allowed; DefaultDepth unless "within N"
	Stop     int
}

// Pos implements Node.
func (p *PathQuery) Pos() int { return p.Keyword }

// End implements Node.
func (p *PathQuery) End() int { return p.Stop }

// SaidQuery asks who said something containing Text.
type SaidQuery struct {
	Keyword int // offset of "who"
	Text    Term
}

// Pos implements Node.
func (s *SaidQuery) Pos() int { return s.Keyword }

// End implements Node.
func (s *SaidQuery) End() int { return s.Text.Stop }

func (*Chain) query()     {}
func (*PathQuery) query() {}
func (*SaidQuery) query() {}

// Depth limits of path queries.
const (
	DefaultDepth = 4
	MaxDepth     = 6
)
