package tag

import (
	"fmt"
	"io"
	"math/rand/v2"
	"time"

	"kg/extract"
	"kg/extract/conllu"
	"kg/extract/perceptron"
)

// Options control training.
type Options struct {
	Epochs   int       // passes over the training data; the best on dev is kept
	Seed     uint64    // seed of the shuffling between epochs
	Prune    float32   // features whose averaged weights all stay below this are dropped
	Progress io.Writer // one line per epoch; nil for silence
}

// DefaultOptions returns the options the embedded model was trained with.
func DefaultOptions() Options { return Options{Epochs: 12, Seed: 1, Prune: 0.75} }

// Train learns a tagger from train, scoring each epoch's averaged model on
// dev and returning the best. Progress goes to opts.Progress. Training is deterministic: equal inputs and
// options give an identical model.
func Train(train, dev []*conllu.Sentence, opts Options) (*Tagger, error) {
	if len(train) == 0 || len(dev) == 0 {
		return nil, fmt.Errorf("tag: need training and dev sentences, have %d and %d", len(train), len(dev))
	}
	if opts.Epochs < 1 {
		return nil, fmt.Errorf("tag: %d epochs", opts.Epochs)
	}
	progress := opts.Progress
	if progress == nil {
		progress = io.Discard
	}
	var lemmas []lemmaExample
	for _, s := range train {
		for _, w := range s.Words {
			lemmas = append(lemmas, lemmaExample{form: w.Form, lemma: w.Lemma, xpos: w.XPOS})
		}
	}
	lem := trainLemmatizer(lemmas)
	known := knownWords(train)

	xm, um := perceptron.New(extract.NumXPOS), perceptron.New(extract.NumUPOS)
	order := make([]int, len(train))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(opts.Seed, opts.Seed))
	var b buffers
	var kept *Tagger
	var keptScores Scores
	start := time.Now()
	for epoch := 1; epoch <= opts.Epochs; epoch++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		var right, total int
		for _, i := range order {
			right += trainSentence(&b, train[i], xm, um, known)
			total += len(train[i].Words)
		}
		t := &Tagger{xpos: xm.Average(opts.Prune), upos: um.Average(opts.Prune), known: known, lemmas: lem}
		sc := Evaluate(t, dev)
		fmt.Fprintf(progress, "epoch %2d  train XPOS %.2f%%  dev %v  features %d+%d  %s\n", epoch,
			100*float64(right)/float64(max(total, 1)), sc, t.xpos.Len(), t.upos.Len(), time.Since(start).Round(time.Second))
		if kept == nil || sc.better(keptScores) {
			kept, keptScores = t, sc
		}
	}
	return kept, nil
}

// teacher is what predict needs to learn from a gold sentence.
type teacher struct {
	xpos, upos *perceptron.Model
	gold       *conllu.Sentence
}

// trainSentence tags s with the current weights, updating them after each
// word, and returns the number of XPOS tags it got right. Like tagging, it
// conditions on the tags it predicted, not the gold ones.
func trainSentence(b *buffers, s *conllu.Sentence, xm, um *perceptron.Model, known map[string]tags) int {
	b.forms = b.forms[:0]
	for _, w := range s.Words {
		b.forms = append(b.forms, w.Form)
	}
	predict(b, known, xm, um, &teacher{xpos: xm, upos: um, gold: s})
	right := 0
	for i, w := range s.Words {
		if b.x[i] == int(w.XPOS) {
			right++
		}
	}
	return right
}
