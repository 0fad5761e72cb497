package parse

import (
	"fmt"
	"io"
	"time"

	"kg/extract"
	"kg/extract/conllu"
)

// A Trainer trains a tagger on sentences and returns its tagging function.
type Trainer func(train []*conllu.Sentence) (func(*extract.Document) error, error)

// Jackknife returns a copy of train whose tags are predicted: the sentences
// are dealt into folds, and each fold is tagged by a tagger trained on the
// others. A parser trained on such tags sees tagging errors like those it
// will meet. Heads, relations and forms are kept.
func Jackknife(train []*conllu.Sentence, folds int, newTagger Trainer, log io.Writer) ([]*conllu.Sentence, error) {
	if folds < 2 {
		return nil, fmt.Errorf("parse: jackknifing needs 2 folds or more, not %d", folds)
	}
	out := make([]*conllu.Sentence, len(train))
	for k := range folds {
		start := time.Now()
		var rest []*conllu.Sentence
		for i, s := range train {
			if i%folds != k {
				rest = append(rest, s)
			}
		}
		tagger, err := newTagger(rest)
		if err != nil {
			return nil, fmt.Errorf("parse: jackknife fold %d: %w", k+1, err)
		}
		for i := k; i < len(train); i += folds {
			s := train[i]
			doc := s.Document()
			if err := tagger(doc); err != nil {
				return nil, fmt.Errorf("parse: jackknife fold %d: %s: %w", k+1, s.ID, err)
			}
			c := *s
			c.Words = make([]conllu.Word, len(s.Words))
			for j, w := range s.Words {
				w.UPOS, w.XPOS = doc.Tokens[j].UPOS, doc.Tokens[j].XPOS
				c.Words[j] = w
			}
			out[i] = &c
		}
		logf(log, "parse: jackknife fold %d/%d tagged in %s", k+1, folds, time.Since(start).Round(time.Second))
	}
	return out, nil
}
