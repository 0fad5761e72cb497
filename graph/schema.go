package graph

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/cayleygraph/quad"
)

// Base is the namespace of every node kg mints. docs/schema.md describes
// the vocabulary.
const Base = "http://kg.local/"

// Namespaces used by the schema.
const (
	NS        = Base + "ns#" // kg's own properties and classes
	RDF       = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
	RDFS      = "http://www.w3.org/2000/01/rdf-schema#"
	SKOS      = "http://www.w3.org/2004/02/skos/core#"
	SchemaOrg = "http://schema.org/"
	XSD       = "http://www.w3.org/2001/XMLSchema#"
)

// Properties and classes of the schema.
const (
	RDFType      = quad.IRI(RDF + "type")
	RDFStatement = quad.IRI(RDF + "Statement")
	RDFSubject   = quad.IRI(RDF + "subject")
	RDFPredicate = quad.IRI(RDF + "predicate")
	RDFObject    = quad.IRI(RDF + "object")
	Label        = quad.IRI(RDFS + "label")
	AltLabel     = quad.IRI(SKOS + "altLabel")

	Person        = quad.IRI(SchemaOrg + "Person")
	Organization  = quad.IRI(SchemaOrg + "Organization")
	Place         = quad.IRI(SchemaOrg + "Place")
	Thing         = quad.IRI(SchemaOrg + "Thing")
	NewsArticle   = quad.IRI(SchemaOrg + "NewsArticle")
	Headline      = quad.IRI(SchemaOrg + "headline")
	DatePublished = quad.IRI(SchemaOrg + "datePublished")
	URL           = quad.IRI(SchemaOrg + "url")
	Publisher     = quad.IRI(SchemaOrg + "publisher")

	Kind         = quad.IRI(NS + "kind")
	Mentions     = quad.IRI(NS + "mentions")
	Text         = quad.IRI(NS + "text")
	Start        = quad.IRI(NS + "start")
	End          = quad.IRI(NS + "end")
	InDocument   = quad.IRI(NS + "inDocument")
	Source       = quad.IRI(NS + "source")
	Hash         = quad.IRI(NS + "hash")
	Sentence     = quad.IRI(NS + "sentence")
	FactKind     = quad.IRI(NS + "factKind")
	RelText      = quad.IRI(NS + "relText")
	SubjectText  = quad.IRI(NS + "subjectText")
	ObjectText   = quad.IRI(NS + "objectText")
	Negated      = quad.IRI(NS + "negated")
	Modality     = quad.IRI(NS + "modality")
	Confidence   = quad.IRI(NS + "confidence")
	AttributedTo = quad.IRI(NS + "attributedTo")
	Quote        = quad.IRI(NS + "quote")
	None         = quad.IRI(NS + "none")
)

// EntityIRI names the node of the entity with the canonical key.
func EntityIRI(key string) quad.IRI { return quad.IRI(Base + "entity/" + Segment(key)) }

// IsEntity reports whether v is an entity node.
func IsEntity(v quad.Value) bool {
	iri, ok := v.(quad.IRI)
	return ok && strings.HasPrefix(string(iri), Base+"entity/")
}

// ConceptIRI names the node of a common-noun concept such as "demand".
func ConceptIRI(key string) quad.IRI { return quad.IRI(Base + "concept/" + Segment(key)) }

// RelationIRI names the property of the snake_case relation rel.
func RelationIRI(rel string) quad.IRI { return quad.IRI(Base + "rel/" + Segment(rel)) }

// OutletIRI names the node of a publisher.
func OutletIRI(name string) quad.IRI { return quad.IRI(Base + "outlet/" + Segment(name)) }

// DocIRI names the node of the document with the given ID. It is also the
// graph label of the document's own quads.
func DocIRI(id string) quad.IRI { return quad.IRI(Base + "doc/" + Segment(id)) }

// SentenceIRI names sentence i (0-based) of a document. It is also the
// graph label of every quad the sentence states.
func SentenceIRI(docID string, i int) quad.IRI {
	return quad.IRI(fmt.Sprintf("%sdoc/%s/s/%d", Base, Segment(docID), i))
}

// StatementIRI names the statement node of fact i (0-based) of a document.
func StatementIRI(docID string, i int) quad.IRI {
	return quad.IRI(fmt.Sprintf("%sdoc/%s/f/%d", Base, Segment(docID), i))
}

// LocalName returns the last path segment of a kg IRI, decoded, such as
// "spokesman_of" for a relation; other values are returned as their string
// form.
func LocalName(v quad.Value) string {
	iri, ok := v.(quad.IRI)
	if !ok {
		return ValueString(v)
	}
	s := string(iri)
	if i := strings.LastIndexAny(s, "/#"); i >= 0 {
		s = s[i+1:]
	}
	return unsegment(s)
}

// Segment makes s usable as one path segment of an IRI: spaces become
// underscores, ASCII letters, digits and "-._~" stay, non-ASCII characters
// stay (IRIs allow them), and every other byte is percent-encoded.
func Segment(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ' ':
			b.WriteByte('_')
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9',
			c == '-', c == '.', c == '_', c == '~', c >= 0x80:
			b.WriteByte(c)
		default:
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
}

// unsegment reverses the percent-encoding of Segment; underscores stay.
func unsegment(s string) string {
	if u, err := url.PathUnescape(s); err == nil {
		return u
	}
	return s
}
