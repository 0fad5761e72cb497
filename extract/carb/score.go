package carb

import (
	"sort"
	"strings"
)

// Pair is the score of one predicted tuple against one gold tuple.
type Pair struct{ Prec, Rec float64 }

// better reports whether a beats b: higher precision, then higher recall.
func (a Pair) better(b Pair) bool {
	return a.Prec > b.Prec || a.Prec == b.Prec && a.Rec > b.Rec
}

// saidWords are the substrings that make a gold relation a reporting one,
// for which the prediction is also scored with subject and object swapped.
var saidWords = []string{"said", "told", "added", "adds", "says"}

// beForms are the forms of "be" that a leftover predicted "be" may match.
var beForms = map[string]bool{"be": true, "is": true, "am": true, "are": true, "was": true,
	"were": true, "been": true, "being": true}

// Score scores prediction p against gold tuple g with CaRB's lenient
// binarized match, trying p with swapped arguments too when g's relation is
// a reporting verb.
func Score(g, p Tuple) Pair {
	gb := binarize(g.Args)
	s := match(g.Rel, gb, p.Rel, binarize(p.Args))
	for _, w := range saidWords {
		if !strings.Contains(g.Rel, w) {
			continue
		}
		swapped := p.Args
		if len(p.Args) >= 2 {
			swapped = []string{strings.Join(p.Args[1:], " "), p.Args[0]}
		}
		if r := match(g.Rel, gb, p.Rel, binarize(swapped)); r.better(s) {
			s = r
		}
		break
	}
	return s
}

// binarize joins every argument after the first into one.
func binarize(args []string) []string {
	if len(args) < 2 {
		return args
	}
	return []string{args[0], strings.Join(args[1:], " ")}
}

// match is the lenient tuple match of binarized tuples.
func match(grel string, gargs []string, prel string, pargs []string) Pair {
	G, P := strings.Fields(grel), strings.Fields(prel)
	precDen, recDen := len(P), len(G)
	m, left := overlap(G, P)
	if hasWord(left, "be") {
		for _, w := range G {
			if beForms[w] {
				m++
				break
			}
		}
	}
	if m == 0 {
		return Pair{}
	}
	num := m
	for i, ga := range gargs {
		Gi := strings.Fields(ga)
		recDen += len(Gi)
		if i >= len(pargs) {
			if i < 2 {
				return Pair{}
			}
			continue
		}
		Pi := strings.Fields(pargs[i])
		precDen += len(Pi)
		k, _ := overlap(Gi, Pi)
		num += k
	}
	var s Pair
	if precDen > 0 {
		s.Prec = float64(num) / float64(precDen)
	}
	if recDen > 0 {
		s.Rec = float64(num) / float64(recDen)
	}
	return s
}

// overlap returns the size of the bag intersection of g and p, and what is
// left of p.
func overlap(g, p []string) (int, []string) {
	left := append([]string(nil), p...)
	n := 0
	for _, w := range g {
		for j, x := range left {
			if x == w {
				left = append(left[:j], left[j+1:]...)
				n++
				break
			}
		}
	}
	return n, left
}

func hasWord(ws []string, w string) bool {
	for _, x := range ws {
		if x == w {
			return true
		}
	}
	return false
}

// Point is one point of the precision-recall curve.
type Point struct {
	Threshold float64 // confidences at or above it are kept
	P, R      float64
}

// Result is the outcome of an evaluation.
type Result struct {
	Curve     []Point // in ascending threshold order
	AUC       float64 // area under Curve closed at (R=0, P=1)
	P, R, F1  float64 // at the threshold with the best F1
	Threshold float64 // where the best F1 is reached
}

// Evaluate scores predictions against gold.
func Evaluate(gold, pred *Set) Result {
	preds := pred.byKey()
	var confs []float64
	for _, g := range preds {
		for _, t := range g.Tuples {
			confs = append(confs, t.Conf)
		}
	}
	sort.Float64s(confs)
	th := confs[:0]
	for i, c := range confs {
		if i == 0 || c != confs[i-1] {
			th = append(th, c)
		}
	}
	K := len(th)
	if K == 0 {
		return Result{}
	}
	index := func(c float64) int { return sort.SearchFloat64s(th, c) }
	// Difference arrays over threshold indices.
	dPN, dPD, dRN := make([]float64, K+1), make([]float64, K+1), make([]float64, K+1)
	recDen := 0.0
	for _, gk := range gold.byKey() {
		g := gk.Tuples
		recDen += float64(len(g))
		p, ok := preds[Key(gk.Sentence)]
		if !ok {
			continue
		}
		S := make([][]Pair, len(g))
		for i := range g {
			S[i] = make([]Pair, len(p.Tuples))
			for j := range p.Tuples {
				S[i][j] = Score(g[i], p.Tuples[j])
			}
		}
		own := distinct(p.Tuples)
		prev := -1
		for _, c := range own {
			var active []int
			for j, t := range p.Tuples {
				if t.Conf >= c {
					active = append(active, j)
				}
			}
			pn, rn := sentenceScore(S, active)
			k := index(c)
			for _, d := range []struct {
				a *[]float64
				v float64
			}{{&dPN, pn}, {&dPD, float64(len(active))}, {&dRN, rn}} {
				(*d.a)[prev+1] += d.v
				(*d.a)[k+1] -= d.v
			}
			prev = k
		}
	}
	res := Result{AUC: 0}
	var pn, pd, rn float64
	best := -1.0
	for k := 0; k < K; k++ {
		pn += dPN[k]
		pd += dPD[k]
		rn += dRN[k]
		pt := Point{Threshold: th[k], P: 1}
		if pd > 0 {
			pt.P = pn / pd
		}
		if recDen > 0 {
			pt.R = rn / recDen
		}
		res.Curve = append(res.Curve, pt)
		if pt.P+pt.R == 0 {
			continue
		}
		if f := 2 * pt.P * pt.R / (pt.P + pt.R); f > best {
			best = f
			res.P, res.R, res.F1, res.Threshold = pt.P, pt.R, f, pt.Threshold
		}
	}
	for k, pt := range res.Curve {
		next := Point{P: 1}
		if k+1 < K {
			next = res.Curve[k+1]
		}
		res.AUC += (pt.R - next.R) * (pt.P + next.P) / 2
	}
	return res
}

// distinct returns the distinct confidences of ts in ascending order.
func distinct(ts []Tuple) []float64 {
	var cs []float64
	for _, t := range ts {
		cs = append(cs, t.Conf)
	}
	sort.Float64s(cs)
	out := cs[:0]
	for i, c := range cs {
		if i == 0 || c != cs[i-1] {
			out = append(out, c)
		}
	}
	return out
}

// sentenceScore returns one sentence's precision numerator (greedy
// one-to-one matching ranked on precision) and recall numerator (each gold
// tuple's best recall) over the active predictions.
func sentenceScore(S [][]Pair, active []int) (precNum, recNum float64) {
	for i := range S {
		best := 0.0
		for _, j := range active {
			best = max(best, S[i][j].Rec)
		}
		recNum += best
	}
	type cell struct {
		i, j int
		p    float64
	}
	var cells []cell
	for i := range S {
		for _, j := range active {
			cells = append(cells, cell{i, j, S[i][j].Prec})
		}
	}
	sort.SliceStable(cells, func(a, b int) bool { return cells[a].p > cells[b].p })
	usedG, usedP := map[int]bool{}, map[int]bool{}
	for _, c := range cells {
		if len(usedG) == min(len(S), len(active)) {
			break
		}
		if usedG[c.i] || usedP[c.j] {
			continue
		}
		usedG[c.i], usedP[c.j] = true, true
		precNum += c.p
	}
	return precNum, recNum
}
