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
func DefaultOptions() Options { return Options{Epochs: 12, Seed: 1, Prune: 0.1} }

// Train learns a tagger from train, scoring each epoch's averaged model on
// dev and returning the best. Training is deterministic: equal inputs and
// options give an identical model.
func Train(train, dev []*conllu.Sentence, opts Options) (*Tagger, error) {
	if len(train) == 0 {
		return nil, fmt.Errorf("tag: no training sentences")
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

	xm, um := perceptron.New(extract.NumXPOS), perceptron.New(extract.NumUPOS)
	order := make([]int, len(train))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(opts.Seed, opts.Seed))
	var b buffers
	var best *Tagger
	var bestScores Scores
	start := time.Now()
	for epoch := 1; epoch <= opts.Epochs; epoch++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		var right, total int
		for _, i := range order {
			right += trainSentence(&b, train[i], xm, um)
			total += len(train[i].Words)
		}
		t := &Tagger{xpos: xm.Average(opts.Prune), upos: um.Average(opts.Prune), lemmas: lem}
		sc := Evaluate(t, dev)
		fmt.Fprintf(progress, "epoch %2d  train XPOS %.2f%%  dev %v  features %d+%d  %s\n", epoch,
			100*float64(right)/float64(max(total, 1)), sc, t.xpos.Len(), t.upos.Len(), time.Since(start).Round(time.Second))
		if best == nil || sc.better(bestScores) {
			best, bestScores = t, sc
		}
	}
	return best, nil
}

// trainSentence tags s with the current weights, updating them after each
// word, and returns the number of XPOS tags it got right. Like tagging, it
// conditions on the tags it predicted, not the gold ones.
func trainSentence(b *buffers, s *conllu.Sentence, xm, um *perceptron.Model) int {
	b.forms = b.forms[:0]
	for _, w := range s.Words {
		b.forms = append(b.forms, w.Form)
	}
	b.reset(b.forms)
	b.x = b.x[:0]
	right := 0
	p1, p2 := startTag, startTag
	for i, w := range s.Words {
		feats := b.xposFeatures(i, p1, p2)
		guess := best(xm, feats, &b.scores)
		xm.Update(feats, int(w.XPOS), guess)
		xm.Tick()
		if guess == int(w.XPOS) {
			right++
		}
		b.x = append(b.x, guess)
		p1, p2 = guess, p1
	}
	prev := startTag
	for i, w := range s.Words {
		feats := b.uposFeatures(i, b.x, prev)
		guess := best(um, feats, &b.scores)
		um.Update(feats, int(w.UPOS), guess)
		um.Tick()
		prev = guess
	}
	return right
}
