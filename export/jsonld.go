package export

import (
	"bufio"
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/cayleygraph/quad"

	"kg/graph"
)

// JSONLDContext maps the schema's prefixes (docs/schema.md) to their
// namespaces; JSONLD writes it as the document's @context and compacts
// IRIs with it.
var JSONLDContext = map[string]string{
	"entity":  graph.Base + "entity/",
	"concept": graph.Base + "concept/",
	"rel":     graph.Base + "rel/",
	"doc":     graph.Base + "doc/",
	"outlet":  graph.Base + "outlet/",
	"kg":      graph.NS,
	"rdf":     graph.RDF,
	"rdfs":    graph.RDFS,
	"skos":    graph.SKOS,
	"schema":  graph.SchemaOrg,
	"xsd":     graph.XSD,
}

// JSONLD writes every quad as one JSON-LD document: the top-level @graph
// holds one named graph per graph label (a document or sentence IRI, the
// quads' provenance), each listing its nodes with their properties; quads
// without a label are top-level nodes. IRIs are compacted with
// JSONLDContext. Integers and booleans are JSON numbers and booleans;
// doubles and dates are typed values, so every literal keeps its XML
// Schema datatype.
func JSONLD(ctx context.Context, s *graph.Store, w io.Writer) error {
	var quads []quad.Quad
	err := s.EachQuad(ctx, func(q quad.Quad) error {
		quads = append(quads, q)
		return nil
	})
	if err != nil {
		return err
	}
	key := func(v quad.Value) string {
		if v == nil {
			return ""
		}
		return v.String()
	}
	slices.SortFunc(quads, func(a, b quad.Quad) int {
		return cmp.Or(cmp.Compare(key(a.Label), key(b.Label)), cmp.Compare(key(a.Subject), key(b.Subject)),
			cmp.Compare(key(a.Predicate), key(b.Predicate)), cmp.Compare(key(a.Object), key(b.Object)))
	})
	bw := bufio.NewWriterSize(w, 1<<16)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	bw.WriteString(`{"@context":`)
	enc.Encode(JSONLDContext)
	bw.WriteString(`,"@graph":[`)
	// Quads arrive grouped by label, then subject: each run of one subject
	// is a node object; each run of one label is a named graph.
	first := true
	for i := 0; i < len(quads); {
		label := quads[i].Label
		j := i
		for j < len(quads) && key(quads[j].Label) == key(label) {
			j++
		}
		if !first {
			bw.WriteByte(',')
		}
		first = false
		if label != nil {
			bw.WriteString(`{"@id":`)
			enc.Encode(jsonldID(label))
			bw.WriteString(`,"@graph":[`)
		}
		if err := writeNodes(enc, bw, quads[i:j]); err != nil {
			return err
		}
		if label != nil {
			bw.WriteString("]}")
		}
		i = j
	}
	bw.WriteString("]}\n")
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("json-ld: %w", err)
	}
	return nil
}

// writeNodes writes quads sorted by subject as comma-separated node objects.
func writeNodes(enc *json.Encoder, bw *bufio.Writer, quads []quad.Quad) error {
	for i := 0; i < len(quads); {
		subj := quads[i].Subject
		node := map[string]any{"@id": jsonldID(subj)}
		j := i
		for ; j < len(quads) && quads[j].Subject == subj; j++ {
			p := jsonldID(quads[j].Predicate)
			vals, _ := node[p].([]any)
			node[p] = append(vals, jsonldValue(quads[j].Object))
		}
		if i > 0 {
			bw.WriteByte(',')
		}
		if err := enc.Encode(node); err != nil {
			return fmt.Errorf("json-ld: %w", err)
		}
		i = j
	}
	return nil
}

// jsonldID returns an IRI compacted with JSONLDContext, or a blank node
// identifier.
func jsonldID(v quad.Value) string {
	switch v := v.(type) {
	case quad.BNode:
		return "_:" + string(v)
	case quad.IRI:
		return compact(string(v))
	}
	return graph.ValueString(v)
}

// compact shortens iri with the longest matching namespace of
// JSONLDContext.
func compact(iri string) string {
	best, rest := "", iri
	for p, ns := range JSONLDContext {
		r, ok := strings.CutPrefix(iri, ns)
		// A suffix starting with "//" would read as an absolute IRI.
		if ok && r != "" && !strings.HasPrefix(r, "//") && len(r) < len(rest) {
			best, rest = p, r
		}
	}
	if best == "" {
		return iri
	}
	return best + ":" + rest
}

// jsonldValue returns the JSON-LD form of an object value.
func jsonldValue(v quad.Value) any {
	typed := func(lex, typ string) map[string]string { return map[string]string{"@value": lex, "@type": typ} }
	switch v := v.(type) {
	case quad.IRI, quad.BNode:
		return map[string]string{"@id": jsonldID(v)}
	case quad.String:
		return string(v)
	case quad.LangString:
		return map[string]string{"@value": string(v.Value), "@language": v.Lang}
	case quad.TypedString:
		return typed(string(v.Value), compact(string(v.Type)))
	case quad.Int:
		return int64(v)
	case quad.Bool:
		return bool(v)
	case quad.Float:
		return typed(strconv.FormatFloat(float64(v), 'g', -1, 64), "xsd:double")
	case quad.Time:
		return typed(time.Time(v).UTC().Format(time.RFC3339Nano), "xsd:dateTime")
	}
	return graph.ValueString(v)
}
