package ner

import (
	"fmt"
	"strings"

	"kg/extract"
)

// Counts are the mentions of one evaluation: gold, predicted, and predicted
// with exactly the gold span and type.
type Counts struct{ Gold, Predicted, Correct int }

// Precision is Correct/Predicted, 0 when nothing was predicted.
func (c Counts) Precision() float64 { return ratio(c.Correct, c.Predicted) }

// Recall is Correct/Gold, 0 when there is no gold mention.
func (c Counts) Recall() float64 { return ratio(c.Correct, c.Gold) }

// F1 is the harmonic mean of precision and recall.
func (c Counts) F1() float64 {
	p, r := c.Precision(), c.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func (c Counts) String() string {
	return fmt.Sprintf("P %.2f R %.2f F1 %.2f (gold %d, predicted %d, correct %d)",
		100*c.Precision(), 100*c.Recall(), 100*c.F1(), c.Gold, c.Predicted, c.Correct)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// scoredTypes are the entity types Evaluate scores, as in Universal NER's
// evaluation: other names (OTH) are not scored.
var scoredTypes = []extract.EntityType{extract.Person, extract.Organization, extract.Place}

// Scores are exact-span micro-averaged counts over persons, organizations
// and places, overall and per type.
type Scores struct {
	All    Counts
	ByType map[extract.EntityType]Counts
}

func (s Scores) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "all  %v\n", s.All)
	for _, t := range scoredTypes {
		fmt.Fprintf(&b, "%-4v %v\n", t, s.ByType[t])
	}
	return b.String()
}

// Evaluate runs r over a copy of each example's document and compares the
// mentions it finds with the gold ones, as CoNLL does: a mention counts as
// correct only when its first and last tokens and its type all match. Only
// persons, organizations and places count, on both sides.
func Evaluate(r *Recognizer, examples []Example) (Scores, error) {
	s := Scores{ByType: map[extract.EntityType]Counts{}}
	type key struct {
		first, end int
		t          extract.EntityType
	}
	gold := map[key]bool{}
	for _, ex := range examples {
		doc := *ex.Doc
		doc.Mentions = nil
		if err := r.Annotate(&doc); err != nil {
			return Scores{}, err
		}
		clear(gold)
		for _, m := range ex.Gold {
			if scored(m.Type) {
				gold[key{m.First, m.End, m.Type}] = true
				c := s.ByType[m.Type]
				c.Gold++
				s.ByType[m.Type] = c
				s.All.Gold++
			}
		}
		for _, m := range doc.Mentions {
			if !scored(m.Type) {
				continue
			}
			c := s.ByType[m.Type]
			c.Predicted++
			s.All.Predicted++
			if gold[key{m.First, m.End, m.Type}] {
				c.Correct++
				s.All.Correct++
			}
			s.ByType[m.Type] = c
		}
	}
	return s, nil
}

func scored(t extract.EntityType) bool {
	for _, u := range scoredTypes {
		if t == u {
			return true
		}
	}
	return false
}
