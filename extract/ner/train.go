package ner

import (
	"errors"
	"fmt"
	"io"
	"math/rand/v2"

	"kg/extract"
	"kg/extract/perceptron"
)

// Options control training.
type Options struct {
	Epochs int     // passes over the training examples
	Prune  float32 // drop features whose averaged weights all stay below this
	// Tagger, when not nil, re-tags every training and development
	// document first, so that the features see the part-of-speech tags of
	// run time rather than gold ones.
	Tagger   extract.Annotator
	Progress io.Writer // one line per epoch; nil for none
}

// DefaultOptions returns the options the embedded model was trained with,
// without a tagger.
func DefaultOptions() Options { return Options{Epochs: 10, Prune: 0.01} }

// Train learns a recognizer from train, scores each epoch's averaged model
// on dev and returns the best one. Each token is labelled as at run time,
// with the labels already chosen as history, and the weights move from the
// chosen label to the gold one when they differ. Training is deterministic:
// the examples are shuffled by a fixed seed, so equal inputs and options
// give an equal model.
func Train(train, dev []Example, opts Options) (*Recognizer, error) {
	if len(train) == 0 {
		return nil, errors.New("ner: no training examples")
	}
	if opts.Epochs < 1 {
		return nil, fmt.Errorf("ner: %d epochs", opts.Epochs)
	}
	if opts.Tagger != nil {
		for _, set := range [][]Example{train, dev} {
			for _, ex := range set {
				if err := opts.Tagger.Annotate(ex.Doc); err != nil {
					return nil, fmt.Errorf("ner: tagging %s: %w", ex.Doc.ID, err)
				}
			}
		}
	}
	m := perceptron.New(int(numLabels))
	order := make([]int, len(train))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(1, 2))
	var d decoder
	var gold []label
	var tokens, errs int
	learn := func(i int, feats []uint64, guess label) {
		m.Update(feats, int(gold[i]), int(guess))
		m.Tick()
		tokens++
		if guess != gold[i] {
			errs++
		}
	}
	var best *Recognizer
	bestF1 := -1.0
	for epoch := 1; epoch <= opts.Epochs; epoch++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		tokens, errs = 0, 0
		for _, k := range order {
			ex := &train[k]
			gold = labels(len(ex.Doc.Tokens), ex.Gold)
			d.decode(m, ex.Doc.Tokens, learn)
		}
		r := &Recognizer{table: m.Average(opts.Prune)}
		s, err := Evaluate(r, dev)
		if err != nil {
			return nil, err
		}
		if f := s.All.F1(); f > bestF1 || len(dev) == 0 {
			best, bestF1 = r, f
		}
		if opts.Progress != nil {
			fmt.Fprintf(opts.Progress, "epoch %d: token error %.2f%%, %d features, dev %v\n",
				epoch, 100*float64(errs)/float64(tokens), r.Features(), s.All)
		}
	}
	return best, nil
}
