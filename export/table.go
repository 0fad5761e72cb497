package export

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"

	"github.com/cayleygraph/quad"

	"kg/graph"
)

// TableColumns are the columns Table writes, in order.
var TableColumns = []string{
	"subject", "relation", "object", "kind", "negated", "modality", "confidence", "asserted",
	"sentence", "doc", "title", "date", "outlet", "url",
	"subject_iri", "object_iri", "statement",
}

// Table writes one row per fact occurrence, with a header row, as CSV
// (comma ',') or TSV (comma '\t'), quoting fields as encoding/csv does.
// Subject and object are display names: an entity's canonical name, a
// concept's lemma, the text of a literal; their IRIs follow in their own
// columns.
func Table(ctx context.Context, s *graph.Store, w io.Writer, comma rune) error {
	ents, err := s.Entities(ctx, graph.EntityQuery{})
	if err != nil {
		return err
	}
	names := make(map[string]string, len(ents))
	for _, e := range ents {
		names[e.IRI] = e.Name
	}
	facts, err := s.AllFacts(ctx)
	if err != nil {
		return err
	}
	name := func(v string, isIRI bool) (display, iri string) {
		switch {
		case !isIRI:
			return v, ""
		case v == string(graph.None):
			return "", v
		case names[v] != "":
			return names[v], v
		}
		return graph.LocalName(quad.IRI(v)), v
	}
	cw := csv.NewWriter(w)
	cw.Comma = comma
	cw.Write(TableColumns)
	for _, f := range facts {
		subj, subjIRI := name(f.Subject, f.Subject != "")
		obj, objIRI := name(f.Object, f.ObjectIsIRI)
		p := f.Sentence
		cw.Write([]string{
			subj, f.Relation, obj, f.Kind, strconv.FormatBool(f.Negated), f.Modality,
			strconv.FormatFloat(f.Confidence, 'g', -1, 64), strconv.FormatBool(f.Asserted),
			p.Text, graph.LocalName(quad.IRI(p.Document)), p.Title, p.Date, p.Outlet, p.URL,
			subjIRI, objIRI, f.Statement,
		})
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("table: %w", err)
	}
	return nil
}
