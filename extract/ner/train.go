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
	// Corpus, when not empty, is unlabelled news text (sentences of token
	// forms) from which the recognizer learns how words are capitalized
	// and which words occur alike.
	Corpus [][]string
	// Refit, after finding the best number of epochs on the development
	// examples, trains again on training and development examples together
	// for that many epochs.
	Refit bool
}

// DefaultOptions returns the options the embedded model was trained with,
// but for the tagger and the news corpus, which the caller provides.
func DefaultOptions() Options { return Options{Epochs: 10, Prune: 0.01, Refit: true} }

// Train learns a recognizer from train, scores each epoch's averaged model
// on dev and returns the best one (or, with Refit, one trained as long on
// train and dev together). Each token is labelled as at run time,
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
	var lex lexicon
	if len(opts.Corpus) > 0 {
		lex = buildLexicon(opts.Corpus)
		if opts.Progress != nil {
			fmt.Fprintf(opts.Progress, "lexicon: %d words from %d sentences\n", len(lex), len(opts.Corpus))
		}
	}
	best, epochs, err := train1(train, dev, lex, opts.Epochs, opts)
	if err != nil || !opts.Refit || len(dev) == 0 {
		return best, err
	}
	if opts.Progress != nil {
		fmt.Fprintf(opts.Progress, "refitting on training and development examples for %d epochs\n", epochs)
	}
	best, _, err = train1(append(train[:len(train):len(train)], dev...), nil, lex, epochs, opts)
	return best, err
}

// train1 trains for the given number of epochs and returns the model of
// the epoch that scored best on dev, and that epoch; without dev, the last.
func train1(train, dev []Example, lex lexicon, epochs int, opts Options) (*Recognizer, int, error) {
	m := perceptron.New(int(numLabels))
	order := make([]int, len(train))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(1, 2))
	d := decoder{sent: sentence{lex: lex}}
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
	bestEpoch, bestF1 := 0, -1.0
	for epoch := 1; epoch <= epochs; epoch++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		tokens, errs = 0, 0
		for _, k := range order {
			ex := &train[k]
			gold = labels(len(ex.Doc.Tokens), ex.Gold)
			d.decode(m, ex.Doc.Tokens, learn)
		}
		r := &Recognizer{table: m.Average(opts.Prune), lex: lex}
		s, err := Evaluate(r, dev)
		if err != nil {
			return nil, 0, err
		}
		if f := s.All.F1(); f > bestF1 || len(dev) == 0 {
			best, bestEpoch, bestF1 = r, epoch, f
		}
		if opts.Progress != nil {
			fmt.Fprintf(opts.Progress, "epoch %d: token error %.2f%%, %d features", epoch, 100*float64(errs)/float64(tokens), r.Features())
			if len(dev) > 0 {
				fmt.Fprintf(opts.Progress, ", dev %v", s.All)
			}
			fmt.Fprintln(opts.Progress)
		}
	}
	return best, bestEpoch, nil
}
