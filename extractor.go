package kg

import (
	"context"
	"fmt"

	"github.com/cayleygraph/quad"

	"kg/extract"
	"kg/extract/entity"
	"kg/extract/ner"
	"kg/extract/openie"
	"kg/extract/parse"
	"kg/extract/pipeline"
	"kg/extract/tag"
	"kg/extract/tokenize"
	"kg/graph"
)

// extractor is the default NLP pipeline, in two parts. The stages that see
// one document only (tokenize → tag → parse → ner) run in parallel;
// entity resolution, which reads and extends the index shared by all
// documents, and fact extraction, which needs the resolved mentions, run
// one document at a time in input order, so that the graph a build makes
// does not depend on the number of workers.
type extractor struct {
	parallel *pipeline.Pipeline
	ordered  *pipeline.Pipeline // run with ProcessTokens
	idx      *entity.Index
}

// newExtractor loads the models and an entity index holding the entities
// already in g, so that "Peskov" in a new document joins the "Dmitry
// Peskov" of an earlier build, corrected by aliases (may be nil).
func newExtractor(ctx context.Context, g *Graph, aliases *entity.Aliases) (*extractor, error) {
	t, err := tag.Load()
	if err != nil {
		return nil, err
	}
	p, err := parse.Load()
	if err != nil {
		return nil, err
	}
	n, err := ner.Load()
	if err != nil {
		return nil, err
	}
	idx, err := loadIndex(ctx, g)
	if err != nil {
		return nil, err
	}
	if aliases != nil {
		idx.Apply(aliases)
	}
	return &extractor{
		parallel: pipeline.New(tokenize.New(), t, p, n),
		ordered:  pipeline.New(nil, entity.New(idx), openie.New()),
		idx:      idx,
	}, nil
}

// Process runs the parallel stages.
func (x *extractor) Process(doc *extract.Document) error { return x.parallel.Process(doc) }

// resolve runs the ordered stages.
func (x *extractor) resolve(doc *extract.Document) error { return x.ordered.ProcessTokens(doc) }

// canonicalize gives doc's mentions the current keys of their entities: a
// later document of the same batch may have renamed one ("Peskov" became
// "Dmitry_Peskov").
func (x *extractor) canonicalize(doc *extract.Document) {
	for i := range doc.Mentions {
		if k := doc.Mentions[i].Entity; k != "" {
			doc.Mentions[i].Entity = x.idx.Canonical(k)
		}
	}
}

// loadIndex returns an entity index of the entities stored in g.
func loadIndex(ctx context.Context, g *Graph) (*entity.Index, error) {
	idx := entity.NewIndex()
	ents, err := g.store.Entities(ctx, graph.EntityQuery{})
	if err != nil {
		return nil, fmt.Errorf("load entities: %w", err)
	}
	for _, e := range ents {
		idx.Add(graph.LocalName(quad.IRI(e.IRI)), e.Name, entityType(e.Type), e.Aliases)
	}
	return idx, nil
}

// entityType maps a schema.org class name to its entity type.
func entityType(class string) extract.EntityType {
	switch class {
	case "Person":
		return extract.Person
	case "Organization":
		return extract.Organization
	case "Place":
		return extract.Place
	}
	return extract.OtherEntity
}
