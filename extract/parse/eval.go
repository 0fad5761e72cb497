package parse

import (
	"fmt"

	"kg/extract"
	"kg/extract/conllu"
)

// Scores are attachment scores in percent over every word, punctuation
// included, as in the CoNLL 2018 shared task.
type Scores struct {
	Sentences, Words int
	UAS              float64 // head correct
	LAS              float64 // head and universal relation correct (CoNLL 2018 LAS)
	LASSubtype       float64 // head and full relation, subtype included, correct
}

func (s Scores) String() string {
	return fmt.Sprintf("UAS %.2f LAS %.2f (with subtypes %.2f) over %d words", s.UAS, s.LAS, s.LASSubtype, s.Words)
}

// Evaluate parses the gold sentences on their gold tokens and scores the
// result. With a tagger, the sentences are tagged first; otherwise the
// parser sees the gold tags.
func Evaluate(p *Parser, gold []*conllu.Sentence, tagger func(*extract.Document) error) (Scores, error) {
	var sc Scores
	var uas, las, full int
	for _, s := range gold {
		doc := s.Document()
		for i := range doc.Tokens {
			doc.Tokens[i].Head, doc.Tokens[i].Dep = -1, extract.NoDep
		}
		if tagger != nil {
			if err := tagger(doc); err != nil {
				return Scores{}, fmt.Errorf("parse: tagging %s: %w", s.ID, err)
			}
		}
		if err := p.Annotate(doc); err != nil {
			return Scores{}, fmt.Errorf("parse: %s: %w", s.ID, err)
		}
		sc.Sentences++
		for i, w := range s.Words {
			t := doc.Tokens[i]
			sc.Words++
			if t.Head+1 != w.Head {
				continue
			}
			uas++
			if t.Dep.Universal() == w.Dep.Universal() {
				las++
			}
			if t.Dep == w.Dep {
				full++
			}
		}
	}
	if sc.Words > 0 {
		n := float64(sc.Words)
		sc.UAS, sc.LAS, sc.LASSubtype = 100*float64(uas)/n, 100*float64(las)/n, 100*float64(full)/n
	}
	return sc, nil
}
