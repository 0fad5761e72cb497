package graph

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"net/url"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/cayleygraph/quad"

	"kg/extract"
)

// ContentHash returns the content hash of a document as read from its source: its
// ID, text and metadata, not its annotations. It is stored as the
// document's kg:hash and is what Has compares.
func ContentHash(doc *extract.Document) string {
	h := sha256.New()
	for _, s := range []string{doc.ID, doc.Text, doc.Meta.Title, doc.Meta.Date, doc.Meta.URL, doc.Meta.Source, doc.Meta.Outlet} {
		var n [8]byte
		binary.LittleEndian.PutUint64(n[:], uint64(len(s)))
		h.Write(n[:])
		h.Write([]byte(s))
	}
	return "sha256:" + hex.EncodeToString(h.Sum(nil))
}

// Quads converts a document to quads following docs/schema.md. The result
// has no duplicates and is in a deterministic order. Every quad is labelled
// with the document's IRI or with the IRI of one of its sentences, so the
// labels say which quads a document owns.
func Quads(doc *extract.Document) []quad.Quad {
	c := converter{doc: doc, docIRI: DocIRI(doc.ID), seen: make(map[quad.Quad]bool), runes: runeOffsets(doc.Text)}
	c.document()
	c.sentences()
	c.entities()
	for i := range doc.Facts {
		c.fact(i)
	}
	return c.out
}

// converter accumulates the quads of one document.
type converter struct {
	doc    *extract.Document
	docIRI quad.IRI
	runes  []int // runes[b] is the code-point offset of byte offset b
	seen   map[quad.Quad]bool
	out    []quad.Quad
}

func (c *converter) add(s quad.Value, p quad.IRI, o quad.Value, label quad.IRI) {
	q := quad.Quad{Subject: s, Predicate: p, Object: o, Label: label}
	if c.seen[q] {
		return
	}
	c.seen[q] = true
	c.out = append(c.out, q)
}

// addText adds a string literal unless it is empty.
func (c *converter) addText(s quad.Value, p quad.IRI, text string, label quad.IRI) {
	if text != "" {
		c.add(s, p, quad.String(text), label)
	}
}

func (c *converter) document() {
	d, m := c.docIRI, c.doc.Meta
	c.add(d, RDFType, NewsArticle, d)
	c.addText(d, Headline, m.Title, d)
	c.addText(d, DatePublished, m.Date, d)
	if m.URL != "" {
		c.add(d, URL, urlValue(m.URL), d)
	}
	if m.Outlet != "" {
		o := OutletIRI(m.Outlet)
		c.add(d, Publisher, o, d)
		c.add(o, RDFType, Organization, d)
		c.add(o, Label, quad.String(m.Outlet), d)
	}
	c.addText(d, Source, m.Source, d)
	c.add(d, Hash, quad.String(ContentHash(c.doc)), d)
}

// urlValue returns an absolute URL as an IRI, and anything that would not
// survive as one in N-Quads as a plain literal.
func urlValue(s string) quad.Value {
	u, err := url.Parse(s)
	if err != nil || !u.IsAbs() || strings.ContainsAny(s, " <>\"{}|^`\\") {
		return quad.String(s)
	}
	for _, r := range s {
		if r < 0x20 || r == 0x7f {
			return quad.String(s)
		}
	}
	return quad.IRI(s)
}

func (c *converter) sentences() {
	for i, s := range c.doc.Sentences {
		iri := SentenceIRI(c.doc.ID, i)
		c.add(iri, InDocument, c.docIRI, c.docIRI)
		c.add(iri, Text, quad.String(c.doc.Slice(s.Span)), c.docIRI)
		c.add(iri, Start, quad.Int(c.runes[s.Start]), c.docIRI)
		c.add(iri, End, quad.Int(c.runes[s.Span.End]), c.docIRI)
	}
}

// sentenceOf returns the label of the sentence containing span, or the
// document's IRI if no sentence does.
func (c *converter) sentenceOf(span extract.Span) quad.IRI {
	ss := c.doc.Sentences
	i := sort.Search(len(ss), func(i int) bool { return ss[i].Span.End > span.Start })
	if i < len(ss) && ss[i].Contains(span) {
		return SentenceIRI(c.doc.ID, i)
	}
	return c.docIRI
}

// entities describes every entity mentioned: its class, names and kind in
// the document graph, each surface form and mention in the sentence graph.
func (c *converter) entities() {
	for _, m := range c.doc.Mentions {
		if m.Type == extract.NoEntity {
			continue
		}
		e := c.mentionIRI(m)
		c.add(e, RDFType, entityClass(m.Type), c.docIRI)
		name := m.Name
		if name == "" {
			name = c.doc.Slice(m.Span)
		}
		c.add(e, Label, quad.String(name), c.docIRI)
		if m.Kind != "" {
			c.add(e, Kind, quad.String(m.Kind), c.docIRI)
		}
		s := c.sentenceOf(m.Span)
		c.add(e, AltLabel, quad.String(c.doc.Slice(m.Span)), s)
		c.add(s, Mentions, e, s)
	}
}

// mentionIRI names the entity a mention denotes; before entity merging the
// surface form is the key.
func (c *converter) mentionIRI(m extract.Mention) quad.IRI {
	if m.Entity != "" {
		return EntityIRI(m.Entity)
	}
	return EntityIRI(c.doc.Slice(m.Span))
}

func entityClass(t extract.EntityType) quad.IRI {
	switch t {
	case extract.Person:
		return Person
	case extract.Organization:
		return Organization
	case extract.Place:
		return Place
	}
	return Thing
}

// Asserted reports whether a fact is stated by its sentence in its own
// voice: not negated, not hedged by a modal or condition, and not reported
// speech. Only asserted facts become plain fact quads.
func Asserted(f *extract.Fact) bool {
	return !f.Negated && f.Modality == "" && f.Attributed < 0
}

// fact adds the statement node of fact i and, if it is asserted, the plain
// fact quad, both labelled with the sentence that states it.
func (c *converter) fact(i int) {
	f := &c.doc.Facts[i]
	label := c.docIRI
	if f.Sentence >= 0 && f.Sentence < len(c.doc.Sentences) {
		label = SentenceIRI(c.doc.ID, f.Sentence)
	}
	rel := f.Relation
	if rel == "" && f.Kind == extract.Speech {
		rel = "said"
	}
	if rel == "" {
		return
	}
	p := RelationIRI(rel)
	c.add(p, Label, quad.String(strings.ReplaceAll(rel, "_", " ")), c.docIRI)

	subj := c.node(&f.Subject)
	var obj quad.Value = None
	if f.Kind == extract.Speech && f.Object.Text != "" {
		obj = quad.String(f.Object.Text)
	} else if f.Object.Text != "" || f.Object.Mention >= 0 {
		obj = c.value(&f.Object)
	}
	if subj != nil && Asserted(f) {
		c.add(subj, p, obj, label)
	}

	st := StatementIRI(c.doc.ID, i)
	c.add(st, RDFType, RDFStatement, label)
	if subj != nil {
		c.add(st, RDFSubject, subj, label)
	}
	c.add(st, RDFPredicate, p, label)
	c.add(st, RDFObject, obj, label)
	c.add(st, Sentence, label, label)
	c.add(st, FactKind, quad.String(f.Kind.String()), label)
	c.addText(st, SubjectText, f.Subject.Text, label)
	c.addText(st, RelText, f.RelText, label)
	if f.Kind == extract.Speech {
		c.addText(st, Quote, f.Object.Text, label)
	} else {
		c.addText(st, ObjectText, f.Object.Text, label)
	}
	for _, x := range f.Extra {
		if x.Role != "" && (x.Text != "" || x.Mention >= 0) {
			c.add(st, quad.IRI(NS+"arg_"+Segment(x.Role)), c.value(&x), label)
		}
	}
	if f.Negated {
		c.add(st, Negated, quad.Bool(true), label)
	}
	c.addText(st, Modality, f.Modality, label)
	if f.Confidence > 0 {
		c.add(st, Confidence, quad.Float(f.Confidence), label)
	}
	if f.Attributed >= 0 && f.Attributed < len(c.doc.Facts) {
		c.add(st, AttributedTo, StatementIRI(c.doc.ID, f.Attributed), label)
	}
	if f.End > f.Start {
		c.add(st, Start, quad.Int(c.runes[f.Start]), label)
		c.add(st, End, quad.Int(c.runes[f.End]), label)
	}
}

// node returns the node an argument denotes when it is a subject: its
// entity, else the concept its head names, or nil if it is empty.
func (c *converter) node(a *extract.Arg) quad.Value {
	if a.Mention >= 0 && a.Mention < len(c.doc.Mentions) {
		return c.mentionIRI(c.doc.Mentions[a.Mention])
	}
	key := c.conceptKey(a)
	if key == "" {
		return nil
	}
	return ConceptIRI(key)
}

// value returns what an argument denotes as an object: its entity, the
// concept of a common-noun head, or else the phrase as a literal.
func (c *converter) value(a *extract.Arg) quad.Value {
	if a.Mention >= 0 && a.Mention < len(c.doc.Mentions) {
		return c.mentionIRI(c.doc.Mentions[a.Mention])
	}
	if a.Head >= 0 && a.Head < len(c.doc.Tokens) && c.doc.Tokens[a.Head].UPOS == extract.NOUN {
		return ConceptIRI(c.conceptKey(a))
	}
	return quad.String(a.Text)
}

// conceptKey is the lower-cased lemma of the argument's head token, or of
// its whole text when there is no parsed head.
func (c *converter) conceptKey(a *extract.Arg) string {
	if a.Head >= 0 && a.Head < len(c.doc.Tokens) {
		t := c.doc.Tokens[a.Head]
		if t.Lemma != "" {
			return strings.ToLower(t.Lemma)
		}
		return strings.ToLower(t.Text)
	}
	return strings.ToLower(strings.TrimSpace(a.Text))
}

// runeOffsets maps every byte offset of text (including len(text)) to its
// offset in Unicode code points. Offsets inside a multi-byte character map
// to that character.
func runeOffsets(text string) []int {
	offs := make([]int, len(text)+1)
	n := 0
	for i := 0; i < len(text); {
		_, size := utf8.DecodeRuneInString(text[i:])
		for j := 0; j < size; j++ {
			offs[i+j] = n
		}
		i += size
		n++
	}
	offs[len(text)] = n
	return offs
}
