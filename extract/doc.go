// Package extract turns news text into facts.
//
// Every stage reads and extends one annotated Document: the tokenizer fills
// Sentences and Tokens, the tagger and parser fill each Token's tags, lemma
// and head, the recognizer fills Mentions, and the relation extractor fills
// Facts. Annotations never copy or rewrite the text: they hold byte Spans into
// the unchanged Document.Text, so doc.Text[s.Start:s.End] is always the
// original surface form.
package extract

import (
	"fmt"
	"unicode/utf8"
)

// Span is a half-open range [Start, End) of byte offsets into Document.Text.
type Span struct{ Start, End int }

// Len reports the number of bytes the span covers.
func (s Span) Len() int { return s.End - s.Start }

// Contains reports whether o lies inside s.
func (s Span) Contains(o Span) bool { return s.Start <= o.Start && o.End <= s.End }

// Meta is what is known about a document apart from its text.
type Meta struct {
	Title  string // headline, if the source had one
	Date   string // publication date as written in the source
	URL    string // canonical address of the article
	Source string // file name (or JSON Lines file:line) it was read from
	Outlet string // publisher, derived from the URL host where possible
}

// Document is one article and everything the pipeline learns about it.
type Document struct {
	ID        string     // stable identifier, unique within a graph
	Text      string     // body text exactly as read (valid UTF-8)
	Meta      Meta       // title, date, URL, source
	Sentences []Sentence // in text order, non-overlapping
	Tokens    []Token    // all tokens of all sentences, in text order
	Mentions  []Mention  // named-entity mentions, in text order
	Facts     []Fact     // extracted propositions
}

// Sentence is a span of text and the range of Tokens it owns.
type Sentence struct {
	Span
	First, End int // Tokens[First:End] belong to this sentence
}

// Token is one syntactic word. For a contraction such as "don't" the
// tokenizer emits two tokens ("do", "n't") whose spans split the surface word.
//
// Head is an index into Document.Tokens, or -1 for the root of a sentence
// (and before parsing).
type Token struct {
	Span
	Text  string // Document.Text[Start:End]
	Norm  string // normalized form for models: curly quotes straightened, etc.
	Lemma string
	UPOS  UPOS
	XPOS  XPOS
	Head  int
	Dep   DepRel
}

// SentenceTokens returns the tokens of sentence i.
func (d *Document) SentenceTokens(i int) []Token {
	s := d.Sentences[i]
	return d.Tokens[s.First:s.End]
}

// Slice returns the text a span covers.
func (d *Document) Slice(s Span) string { return d.Text[s.Start:s.End] }

// Position is a human-readable location in a document, for messages.
type Position struct {
	Source       string
	Line, Column int // 1-based; Column counts characters (runes)
}

func (p Position) String() string {
	if p.Source == "" {
		return fmt.Sprintf("%d:%d", p.Line, p.Column)
	}
	return fmt.Sprintf("%s:%d:%d", p.Source, p.Line, p.Column)
}

// Position converts a byte offset into a line and column. Lines are computed
// on demand, only for messages.
func (d *Document) Position(off int) Position {
	if off > len(d.Text) {
		off = len(d.Text)
	}
	line, start := 1, 0
	for i := 0; i < off; i++ {
		if d.Text[i] == '\n' {
			line++
			start = i + 1
		}
	}
	return Position{Source: d.Meta.Source, Line: line, Column: utf8.RuneCountInString(d.Text[start:off]) + 1}
}

// EntityType is the coarse class of a named entity.
type EntityType uint8

// Entity types, following Universal NER (PER, ORG, LOC) with schema.org
// names in the graph.
const (
	NoEntity EntityType = iota
	Person
	Organization
	Place
	OtherEntity
)

var entityTypeNames = [...]string{"", "PER", "ORG", "LOC", "OTH"}

func (t EntityType) String() string {
	if int(t) < len(entityTypeNames) {
		return entityTypeNames[t]
	}
	return fmt.Sprintf("EntityType(%d)", t)
}

// ParseEntityType maps a UNER label (PER, ORG, LOC, OTH/MISC) to its type.
func ParseEntityType(s string) EntityType {
	switch s {
	case "PER", "PERSON":
		return Person
	case "ORG":
		return Organization
	case "LOC", "GPE":
		return Place
	case "OTH", "MISC":
		return OtherEntity
	}
	return NoEntity
}

// Mention is one occurrence of a named entity in the text.
type Mention struct {
	Span
	First, End int        // Tokens[First:End] form the mention
	Type       EntityType // as recognized
	Kind       string     // optional finer kind: country, city, agency, ...
	Entity     string     // canonical entity key after merging; "" before
	Name       string     // canonical display name after merging
}

// FactKind separates what a fact asserts.
type FactKind uint8

// Kinds of facts.
const (
	Event  FactKind = iota // a clause: subject, verb, object
	Role                   // a title or apposition: person, spokesman_of, organization
	Speech                 // an attribution: speaker, said, content
	Copula                 // "X is Y"
)

var factKindNames = [...]string{"event", "role", "speech", "copula"}

func (k FactKind) String() string {
	if int(k) < len(factKindNames) {
		return factKindNames[k]
	}
	return fmt.Sprintf("FactKind(%d)", k)
}

// Arg is one argument of a fact: a phrase of the sentence, and the entity
// mention it denotes, if any.
type Arg struct {
	Span
	Text    string // the phrase as it should be shown (may differ from the span when reconstructed)
	Head    int    // token index of the phrase's head, -1 if none
	Mention int    // index into Document.Mentions, -1 if the phrase is no entity
	Role    string // for extra arguments: "time", "place", or a preposition
}

// Fact is a proposition stated by one sentence.
type Fact struct {
	Kind       FactKind
	Subject    Arg
	Relation   string  // readable snake_case relation: spokesman_of, rejected, said
	RelText    string  // relation phrase as it appears: "firmly rejected"
	Object     Arg     // may be empty for intransitive clauses
	Extra      []Arg   // further complements: time, place, prepositional objects
	Negated    bool    // "did not comment"
	Modality   string  // "may", "would", "could", "if ..."; "" when asserted
	Attributed int     // index of the Speech fact this one is reported in, or -1
	Confidence float64 // in (0, 1], graded
	Sentence   int     // index into Document.Sentences
	Span               // tokens the fact was read from
}

// Annotator is one stage of the pipeline. It reads what earlier stages put in
// the document and adds its own annotations.
type Annotator interface {
	Annotate(*Document) error
}
