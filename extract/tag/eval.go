package tag

import (
	"fmt"

	"kg/extract/conllu"
)

// Scores are the accuracies of a tagger on gold tokens.
type Scores struct {
	Tokens            int
	UPOS, XPOS, Lemma float64 // fraction of tokens right
}

func (s Scores) String() string {
	return fmt.Sprintf("UPOS %.2f%%  XPOS %.2f%%  lemma %.2f%%  (%d tokens)",
		100*s.UPOS, 100*s.XPOS, 100*s.Lemma, s.Tokens)
}

// better orders scores for model selection: UPOS first, then XPOS.
func (s Scores) better(o Scores) bool {
	if s.UPOS != o.UPOS {
		return s.UPOS > o.UPOS
	}
	return s.XPOS > o.XPOS
}

// Evaluate tags the words of gold and compares the result with the gold
// annotation.
func Evaluate(t *Tagger, gold []*conllu.Sentence) Scores {
	var upos, xpos, lemma, n int
	for _, s := range gold {
		doc := s.Document()
		t.Annotate(doc) // cannot fail: Document makes one well-formed sentence
		for i, w := range s.Words {
			tok := &doc.Tokens[i]
			n++
			if tok.UPOS == w.UPOS {
				upos++
			}
			if tok.XPOS == w.XPOS {
				xpos++
			}
			if tok.Lemma == w.Lemma {
				lemma++
			}
		}
	}
	if n == 0 {
		return Scores{}
	}
	f := func(k int) float64 { return float64(k) / float64(n) }
	return Scores{Tokens: n, UPOS: f(upos), XPOS: f(xpos), Lemma: f(lemma)}
}
