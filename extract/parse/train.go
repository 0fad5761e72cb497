package parse

import (
	"errors"
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
	Epochs int    // passes over the training set; the epoch best on dev is kept
	Seed   uint64 // seeds the shuffling and the exploration
	// Features whose averaged weights all stay below Prune (in absolute
	// value) are dropped from the transition model, and those below
	// LabelPrune from the label model.
	Prune, LabelPrune float32
	// Explore is the probability of following the model's own choice
	// instead of an optimal one, from the second epoch on.
	Explore float64
	// Tagger, if not nil, tags the development sentences before they are
	// parsed, so that the best epoch is chosen with the tags the parser
	// will see. Training sentences are used with the tags they carry.
	Tagger func(*extract.Document) error
	Log    io.Writer // progress, one line per epoch; nil for none
}

// DefaultOptions returns the options the embedded model was trained with.
func DefaultOptions() Options {
	return Options{Epochs: 12, Seed: 1, Prune: 1, LabelPrune: 0.3, Explore: 0.9}
}

// example is one training sentence with its gold tree made projective.
type example struct {
	toks  []extract.Token
	head  []int32 // gold heads; the root is len(toks)
	label []extract.DepRel
}

// Train trains a parser on train, choosing the epoch by labelled attachment
// on dev.
func Train(train, dev []*conllu.Sentence, opt Options) (*Parser, error) {
	if len(train) == 0 || len(dev) == 0 {
		return nil, errors.New("parse: training needs training and development sentences")
	}
	if opt.Epochs < 1 {
		return nil, fmt.Errorf("parse: %d epochs", opt.Epochs)
	}
	exs := make([]example, 0, len(train))
	lifted := 0
	for _, s := range train {
		ex, n, err := newExample(s)
		if err != nil {
			return nil, err
		}
		if len(ex.toks) > 0 {
			exs = append(exs, ex)
		}
		lifted += n
	}
	logf(opt.Log, "parse: %d training sentences, %d non-projective arcs lifted", len(exs), lifted)

	moves := perceptron.New(int(numMoves))
	labels := perceptron.New(extract.NumDepRel)
	rng := rand.New(rand.NewPCG(opt.Seed, opt.Seed^0x5eed))
	var bestP *Parser
	var bestLAS float64
	var t trainer
	for epoch := 1; epoch <= opt.Epochs; epoch++ {
		start := time.Now()
		rng.Shuffle(len(exs), func(i, j int) { exs[i], exs[j] = exs[j], exs[i] })
		explore := 0.0
		if epoch > 1 {
			explore = opt.Explore
		}
		for i := range exs {
			t.sentence(&exs[i], moves, labels, rng, explore)
		}
		p := &Parser{moves: moves.Average(opt.Prune), labels: labels.Average(opt.LabelPrune)}
		sc, err := Evaluate(p, dev, opt.Tagger)
		if err != nil {
			return nil, err
		}
		logf(opt.Log, "parse: epoch %d: %s on dev (%d+%d features, %s)", epoch, sc,
			p.moves.(*perceptron.Table).Len(), p.labels.(*perceptron.Table).Len(),
			time.Since(start).Round(time.Second))
		if bestP == nil || sc.LAS > bestLAS {
			bestP, bestLAS = p, sc.LAS
		}
	}
	return bestP, nil
}

func logf(w io.Writer, format string, a ...any) {
	if w != nil {
		fmt.Fprintf(w, format+"\n", a...)
	}
}

// newExample converts s, lifting non-projective arcs; it reports how many
// arcs it lifted.
func newExample(s *conllu.Sentence) (example, int, error) {
	doc := s.Document()
	n := len(doc.Tokens)
	ex := example{toks: doc.Tokens, head: make([]int32, n), label: make([]extract.DepRel, n)}
	roots := 0
	for i, w := range s.Words {
		if w.Head < 0 || w.Head > n || w.Head == i+1 {
			return example{}, 0, fmt.Errorf("parse: sentence %s word %d: bad head %d", s.ID, i+1, w.Head)
		}
		ex.head[i] = int32(w.Head - 1)
		if w.Head == 0 {
			ex.head[i] = int32(n)
			roots++
		}
		ex.label[i] = w.Dep
	}
	if n > 0 && (roots != 1 || !isTree(ex.head)) {
		return example{}, 0, fmt.Errorf("parse: sentence %s is not a tree with one root", s.ID)
	}
	return ex, projectivize(ex.head), nil
}

// isTree reports whether every word reaches the root (len(head)).
func isTree(head []int32) bool {
	n := int32(len(head))
	for i := range head {
		h, steps := int32(i), 0
		for h != n {
			h = head[h]
			if steps++; steps > len(head) {
				return false
			}
		}
	}
	return true
}

// projectivize lifts the shortest non-projective arc to the head's head
// until none is left, and returns the number of lifts.
func projectivize(head []int32) int {
	lifts := 0
	for {
		shortest, span := -1, 0
		for d, h := range head {
			if int(h) == len(head) || projective(head, int32(d)) {
				continue
			}
			if l := abs(int(h) - d); shortest < 0 || l < span {
				shortest, span = d, l
			}
		}
		if shortest < 0 {
			return lifts
		}
		head[shortest] = head[head[shortest]]
		lifts++
	}
}

// projective reports whether every word between d and its head descends
// from the head.
func projective(head []int32, d int32) bool {
	h := head[d]
	lo, hi := min(h, d), max(h, d)
	for k := lo + 1; k < hi; k++ {
		a := k
		for a != h && int(a) != len(head) {
			a = head[a]
		}
		if a != h {
			return false
		}
	}
	return true
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// trainer holds buffers reused across training sentences.
type trainer struct {
	st      state
	feats   []uint64
	lfeats  []uint64
	lscores []float32
}

// sentence trains on one example with the dynamic oracle: the model is
// updated whenever its best move loses a gold arc, towards the best move that
// loses none, and with probability explore the parser follows its own
// choice.
func (t *trainer) sentence(ex *example, moves, labels *perceptron.Model, rng *rand.Rand, explore float64) {
	st := &t.st
	st.reset(ex.toks)
	if t.lscores == nil {
		t.lscores = make([]float32, labels.Classes())
	}
	var scores [numMoves]float32
	var cost [numMoves]int
	for !st.terminal() {
		t.feats = st.features(t.feats[:0])
		moves.Scores(t.feats, scores[:])
		costs(st, ex.head, &cost)
		pred := best(st, scores[:], nil)
		gold := best(st, scores[:], &cost)
		if gold < 0 { // cannot happen on projective trees; stay safe
			gold = pred
		}
		if cost[pred] > 0 {
			moves.Update(t.feats, int(gold), int(pred))
		}
		moves.Tick()
		next := gold
		if explore > 0 && rng.Float64() < explore {
			next = pred
		}
		r := extract.NoDep
		if next != shift {
			h, d := st.arc(next)
			r = extract.Root
			if int(h) != st.n {
				t.lfeats = st.labelFeatures(t.lfeats[:0], h, d)
				labels.Scores(t.lfeats, t.lscores)
				r = bestLabel(t.lscores)
				if ex.head[d] == h {
					labels.Update(t.lfeats, int(ex.label[d]), int(r))
					labels.Tick()
				}
			}
		}
		st.apply(next, r)
	}
}

// costs sets the number of gold arcs each valid move would make unreachable
// (Goldberg & Nivre 2013, arc-hybrid); invalid moves get -1.
func costs(st *state, gold []int32, cost *[numMoves]int) {
	s0, s1, b0 := st.s(0), st.s(1), st.b
	for m := range cost {
		cost[m] = -1
	}
	n := int32(st.n)
	if st.valid(left) {
		// s0 loses heads in s1 and the buffer after b0, and its
		// dependents in the buffer.
		c := 0
		if g := gold[s0]; g != b0 && (g == s1 || g > b0) {
			c++
		}
		for d := b0; d < n; d++ {
			if gold[d] == s0 {
				c++
			}
		}
		cost[left] = c
	}
	if st.valid(right) {
		// s0 loses heads and dependents in the buffer.
		c := 0
		if gold[s0] >= b0 {
			c++
		}
		for d := b0; d < n; d++ {
			if gold[d] == s0 {
				c++
			}
		}
		cost[right] = c
	}
	if st.valid(shift) {
		// b0 loses heads below s0 and dependents on the stack.
		c := 0
		g := gold[b0]
		for _, x := range st.stack {
			if x != s0 && g == x {
				c++
			}
			if gold[x] == b0 {
				c++
			}
		}
		cost[shift] = c
	}
}
