package openie

import (
	"sort"
	"strings"

	"kg/extract"
)

// sentence is one sentence's tree with child lists.
type sentence struct {
	doc        *extract.Document
	first, end int
	kids       [][]int // children of token first+i, in text order
	absorbed   map[int]bool
	subjects   map[int][]*phrase // resolved subjects per predicate, memoized
	contentOf  map[int]speechRef // content clause head → speech proposition
	props      []*prop
	visiting   map[int]bool
	split      bool // one proposition per coordinated subject
}

// speechRef ties a reported clause to the Speech proposition reporting it.
type speechRef struct {
	prop    int
	exclude int // a subtree outside the content (the speech verb of a parenthetical), or -1
}

// newSentence prepares sentence si; split asks for one proposition per
// coordinated subject ("Russia and Belarus held drills" gives two).
func newSentence(doc *extract.Document, si int, split bool) *sentence {
	se := doc.Sentences[si]
	s := &sentence{doc: doc, first: se.First, end: se.End, kids: make([][]int, se.End-se.First),
		absorbed: map[int]bool{}, subjects: map[int][]*phrase{}, contentOf: map[int]speechRef{},
		visiting: map[int]bool{}, split: split}
	for i := se.First; i < se.End; i++ {
		if h := doc.Tokens[i].Head; h >= se.First && h < se.End && h != i {
			s.kids[h-se.First] = append(s.kids[h-se.First], i)
		}
	}
	return s
}

func (s *sentence) tok(i int) *extract.Token { return &s.doc.Tokens[i] }

func (s *sentence) children(i int) []int { return s.kids[i-s.first] }

// child returns the first child of i with one of the relations, or -1.
func (s *sentence) child(i int, deps ...extract.DepRel) int {
	for _, c := range s.children(i) {
		for _, d := range deps {
			if s.tok(c).Dep == d {
				return c
			}
		}
	}
	return -1
}

// head returns i's head inside the sentence, or -1.
func (s *sentence) head(i int) int {
	h := s.tok(i).Head
	if h < s.first || h >= s.end || h == i {
		return -1
	}
	return h
}

// within reports whether t lies in the subtree of root.
func (s *sentence) within(t, root int) bool {
	for n := 0; t >= 0 && n < s.end-s.first; n++ {
		if t == root {
			return true
		}
		t = s.head(t)
	}
	return false
}

// prop is a proposition before conversion to a Fact.
type prop struct {
	kind     extract.FactKind
	pred     int
	subj     *phrase
	rel      []int  // relation tokens in text order
	relLit   string // relation for reconstructed propositions ("is", "has"); rel is empty then
	obj      *phrase
	extras   []*phrase
	agent    *phrase // the obl:agent of a passive, also in extras
	nominal  []int   // "the capital of" in "is the capital of France", for facts
	nomObj   *phrase // "France" there
	passive  bool
	negated  bool
	modality string
	speech   int // index of the Speech proposition reporting this one, or -1
	conf     float64
	cues     cues
}

// cues record how a proposition's arguments were found, for its confidence.
type cues struct {
	inherited bool // an argument taken from another clause
	relative  bool // the subject resolved through a relative pronoun
}

func (s *sentence) extract() []*prop {
	for i := s.first; i < s.end; i++ {
		if s.isPredicate(i) && !s.absorbed[i] {
			s.clause(i)
		}
	}
	s.appositions()
	s.attribute()
	for _, p := range s.props {
		p.conf = s.confidence(p)
	}
	return s.props
}

// isPredicate reports whether token i heads a clause.
func (s *sentence) isPredicate(i int) bool {
	t := s.tok(i)
	switch t.Dep {
	case extract.Aux, extract.AuxPass, extract.Cop, extract.Amod, extract.Compound, extract.Det,
		extract.Case, extract.Mark, extract.Fixed, extract.Flat, extract.Punct, extract.Goeswith,
		extract.Reparandum, extract.Nsubj, extract.NsubjPass, extract.Csubj, extract.Obj, extract.Iobj,
		extract.Obl, extract.Nmod, extract.NmodPoss, extract.Advmod, extract.Discourse:
		return false
	}
	if t.UPOS == extract.VERB || t.UPOS == extract.AUX {
		return true
	}
	if s.child(i, extract.Cop) < 0 {
		return false
	}
	// A nominal coordinated under a copular predicate is an object
	// conjunct ("is a doctor and a writer"), not a clause of its own.
	if t.Dep == extract.Conj {
		h := s.head(i)
		if h >= 0 && s.child(i, extract.Nsubj, extract.NsubjPass) < 0 && s.tok(h).UPOS != extract.VERB {
			return false
		}
	}
	return true
}

// clause builds the propositions of predicate i.
func (s *sentence) clause(i int) {
	t := s.tok(i)
	p := &prop{kind: extract.Event, pred: i, speech: -1}
	copula := t.UPOS != extract.VERB && t.UPOS != extract.AUX
	p.rel = append(p.rel, s.auxiliaries(i, p)...)
	if h := s.head(i); t.Dep == extract.Xcomp && h >= 0 {
		// "did not allow radicals to launch": the complement is only as
		// real as its governor says.
		var head prop
		s.auxiliaries(h, &head)
		p.negated = p.negated || head.negated
		if p.modality == "" {
			p.modality = head.modality
		}
		if p.modality == "" {
			p.modality = strings.ToLower(s.tok(h).Lemma)
		}
	}
	var obj []*phrase
	var extras []*phrase
	if copula {
		p.kind = extract.Copula
		cop := s.child(i, extract.Cop)
		p.rel = append(p.rel, cop)
		var preds []*phrase
		for _, h := range s.conjuncts(i) {
			preds = append(preds, s.argPhrase(h, i == h))
		}
		// "is in Paris": the predicate's preposition joins the relation.
		if c := s.child(i, extract.Case); c >= 0 && c < i {
			p.rel = append(p.rel, s.caseTokens(i)...)
			for k, a := range preds {
				preds[k] = a.withoutPrep()
			}
		} else if x := s.child(i, extract.Xcomp); t.UPOS == extract.ADJ && x > i && s.tok(x).UPOS == extract.VERB {
			// "is able to pay the debt": one relation.
			p.rel = append(p.rel, i)
			preds = s.chain(x, p)
		} else if t.UPOS == extract.ADJ {
			// "is aware of X": the adjective and the first oblique's
			// preposition form the relation.
			if o := s.firstObl(i); o >= 0 {
				p.rel = append(p.rel, i)
				a := s.oblique(o)
				p.rel = append(p.rel, a.prep...)
				preds = []*phrase{a.withoutPrep()}
				s.absorbed[o] = true
			}
		}
		obj = preds
		if len(preds) == 1 && (t.UPOS == extract.NOUN || t.UPOS == extract.PROPN) && s.child(i, extract.Case) < 0 {
			p.nominal, p.nomObj = s.nominalOf(i, preds[0])
		}
	} else {
		p.rel = append(p.rel, i)
		if prt := s.child(i, extract.CompoundPrt); prt >= 0 {
			p.rel = append(p.rel, prt)
		}
		p.rel = append(p.rel, s.relAdverbs(i, p.rel)...)
		p.passive = s.child(i, extract.AuxPass, extract.NsubjPass) >= 0 || (xpos(t) == "VBN" && t.Dep == extract.Acl)
		obj = s.objects(i, p)
	}
	extras = append(p.extras, s.obliques(i, p)...)
	if len(obj) > 0 {
		extras = append(extras, s.timeMods(obj[0].head)...)
	}
	sort.Slice(extras, func(a, b int) bool { return extras[a].head < extras[b].head })
	if obj == nil && p.agent != nil && len(p.agent.prep) > 0 {
		// "was run by the head": the agent is the object of the passive
		// relation ("was run by"), and the subject of the active fact.
		p.rel = append(p.rel, p.agent.prep...)
		p.agent = p.agent.withoutPrep()
		obj = []*phrase{p.agent}
		for k, a := range extras {
			if a.head == p.agent.head {
				extras = append(extras[:k:k], extras[k+1:]...)
				break
			}
		}
	} else if k := s.movable(p, extras); obj == nil && k >= 0 {
		// "met in Paris": the first prepositional complement after the
		// verb becomes the object, its preposition part of the relation.
		p.rel = append(p.rel, extras[k].prep...)
		obj = []*phrase{extras[k].withoutPrep()}
		extras = append(extras[:k:k], extras[k+1:]...)
	}
	p.extras = extras
	sort.Ints(p.rel)
	subjects := s.subjectsOf(i)
	if len(subjects) == 0 {
		return
	}
	if s.isSpeech(i) {
		p.kind = extract.Speech
	}
	for _, sub := range subjects {
		if len(obj) == 0 {
			q := *p
			q.subj = sub
			q.cues = s.subjectCues(i, p.cues)
			s.props = append(s.props, &q)
			continue
		}
		for _, o := range obj {
			q := *p
			q.subj, q.obj = sub, o
			q.cues = s.subjectCues(i, p.cues)
			if s.negDet(o.head) || s.negDet(sub.head) {
				q.negated = true
			}
			s.props = append(s.props, &q)
		}
	}
}

// relAdverbs returns the manner adverbs of verb i that sit inside its
// relation phrase ("are jealously guarding") or right after the verb
// ("relies heavily on").
func (s *sentence) relAdverbs(i int, rel []int) []int {
	lo, hi := i, i
	for _, t := range rel {
		lo, hi = min(lo, t), max(hi, t)
	}
	var out []int
	for _, c := range s.children(i) {
		ct := s.tok(c)
		if ct.Dep != extract.Advmod || ct.UPOS != extract.ADV || isNegation(ct) || len(s.children(c)) > 0 ||
			s.isRelative(c) {
			continue
		}
		if c > lo && c < hi || c == hi+1 {
			out = append(out, c)
		}
	}
	return out
}

// movable returns the index of the extra argument whose preposition may
// join the relation: the first after the predicate that is no time or agent.
func (s *sentence) movable(p *prop, extras []*phrase) int {
	for k, a := range extras {
		if a.head < p.pred {
			continue
		}
		if a.role == "time" || a == p.agent || len(a.prep) == 0 {
			return -1
		}
		return k
	}
	return -1
}

// nominalOf splits a copular predicate "the capital of France" into its
// relational part ("the capital of") and the noun phrase after "of".
func (s *sentence) nominalOf(i int, pred *phrase) ([]int, *phrase) {
	for _, c := range s.children(i) {
		if s.tok(c).Dep != extract.Nmod || c < i {
			continue
		}
		a := s.argPhrase(c, true)
		if len(a.prep) != 1 || !strings.EqualFold(s.tok(a.prep[0]).Text, "of") {
			return nil, nil
		}
		var rel []int
		for _, t := range pred.toks {
			if t < a.toks[0] {
				rel = append(rel, t)
			}
		}
		return append(rel, a.prep...), a.withoutPrep()
	}
	return nil, nil
}

// xpos returns the Penn tag of t.
func xpos(t *extract.Token) string { return t.XPOS.String() }

// auxiliaries returns the auxiliary and negation tokens of predicate i and
// records negation and modality on p. A verb coordinated without its own
// subject and auxiliaries shares the modality of its head.
func (s *sentence) auxiliaries(i int, p *prop) []int {
	var out []int
	for _, c := range s.children(i) {
		ct := s.tok(c)
		switch {
		case ct.Dep == extract.Aux || ct.Dep == extract.AuxPass:
			out = append(out, c)
			if m := modal(ct); m != "" && p.modality == "" {
				p.modality = m
			}
		case isNegation(ct):
			out = append(out, c)
			p.negated = true
		}
	}
	if p.modality == "" && s.tok(i).Dep == extract.Conj && len(out) == 0 && s.child(i, extract.Nsubj, extract.NsubjPass) < 0 {
		if h := s.head(i); h >= 0 {
			for _, c := range s.children(h) {
				if ct := s.tok(c); ct.Dep == extract.Aux {
					if m := modal(ct); m != "" {
						p.modality = m
					}
				}
			}
		}
	}
	for _, c := range s.children(i) {
		if s.tok(c).Dep == extract.Advcl {
			if m := s.tok(s.childOr(c, extract.Mark)).Lemma; m == "if" || m == "unless" {
				cond := m + " " + s.clausePhrase(c).text(s.doc)
				if p.modality != "" && p.modality != "if" && p.modality != "unless" {
					cond = p.modality + ", " + cond // "would, if Berlin blocked it"
				}
				p.modality = cond
			}
		}
	}
	if s.tok(i).Dep == extract.Advcl {
		if m := s.childOr(i, extract.Mark); m != i && (s.tok(m).Lemma == "if" || s.tok(m).Lemma == "unless") {
			p.modality = s.tok(m).Lemma
		}
	}
	return out
}

// childOr returns the first child of i with relation d, or i itself.
func (s *sentence) childOr(i int, d extract.DepRel) int {
	if c := s.child(i, d); c >= 0 {
		return c
	}
	return i
}

func (s *sentence) words(toks []int) []string {
	out := make([]string, len(toks))
	for k, t := range toks {
		out[k] = s.tok(t).Text
	}
	return out
}

// modal returns the modality an auxiliary expresses, or "".
func modal(t *extract.Token) string {
	if xpos(t) != "MD" {
		return ""
	}
	switch l := strings.ToLower(t.Lemma); l {
	case "will", "shall", "'ll", "wo":
		return "will"
	case "can", "ca":
		return "can"
	default:
		if l == "" {
			return strings.ToLower(t.Text)
		}
		return l
	}
}

// isNegation reports whether t negates its head.
func isNegation(t *extract.Token) bool {
	if t.Dep != extract.Advmod {
		return false
	}
	switch strings.ToLower(t.Text) {
	case "not", "n't", "never", "nt":
		return true
	}
	return false
}

// negDet reports whether noun n is quantified by "no" ("no comment").
func (s *sentence) negDet(n int) bool {
	for _, c := range s.children(n) {
		if ct := s.tok(c); ct.Dep == extract.Det && strings.EqualFold(ct.Text, "no") {
			return true
		}
	}
	return false
}

// conjuncts returns h and the nominal conjuncts coordinated with it.
func (s *sentence) conjuncts(h int) []int {
	out := []int{h}
	for k := 0; k < len(out) && len(out) < 6; k++ {
		for _, c := range s.children(out[k]) {
			ct := s.tok(c)
			if ct.Dep == extract.Conj && isNominal(ct.UPOS) && s.child(c, extract.Cop) < 0 {
				out = append(out, c)
			}
		}
	}
	return out
}

func isNominal(u extract.UPOS) bool {
	switch u {
	case extract.NOUN, extract.PROPN, extract.PRON, extract.NUM, extract.ADJ, extract.SYM, extract.X:
		return true
	}
	return false
}

// argPhrase returns the phrase of argument head h. When first is true, h
// is the first of its conjuncts and its conjuncts are left out; clauses,
// appositions and parentheticals hanging off h are always left out.
func (s *sentence) argPhrase(h int, first bool, omit ...int) *phrase {
	pred := s.isPredicate(h) && s.tok(h).UPOS != extract.VERB
	toks := s.subtree(h, func(c int, top bool) bool {
		ct := s.tok(c)
		if !top {
			return false
		}
		if contains(omit, c) {
			return true
		}
		switch ct.Dep {
		case extract.AclRelcl, extract.Appos, extract.Parataxis, extract.Dislocated, extract.Advcl:
			return true
		case extract.Nmod:
			return s.isSpeaker(c) || s.detachedTime(c)
		case extract.Conj, extract.Cc:
			if first && isNominal(ct.UPOS) || ct.Dep == extract.Cc {
				return true
			}
			return ct.Dep == extract.Conj && (ct.UPOS == extract.VERB || s.child(c, extract.Cop) >= 0)
		case extract.Nsubj, extract.NsubjPass, extract.Cop, extract.Aux, extract.AuxPass, extract.Csubj, extract.Punct,
			extract.Obl, extract.OblTmod, extract.OblNpmod, extract.OblUnmarked, extract.Expl:
			return pred || ct.Dep == extract.Punct && s.tok(c).Text == ","
		case extract.Vocative, extract.Discourse:
			return true
		}
		if pred && isNegation(ct) {
			return true
		}
		return false
	})
	a := &phrase{head: h, toks: toks}
	for _, t := range toks {
		if t < h && s.tok(t).Dep == extract.Case && s.head(t) == h {
			a.prep = append(a.prep, t)
			for _, f := range s.children(t) {
				if s.tok(f).Dep == extract.Fixed {
					a.prep = append(a.prep, f)
				}
			}
		}
	}
	return a
}

// caseTokens returns the case marker of h with its fixed parts.
func (s *sentence) caseTokens(h int) []int {
	return s.argPhrase(h, true).prep
}

// objects returns the object phrases of verb i, handling ccomp content,
// xcomp chains and light verbs; nil if it has none.
func (s *sentence) objects(i int, p *prop) []*phrase {
	o := -1
	for _, c := range s.children(i) {
		if d := s.tok(c).Dep; (d == extract.Obj || d == extract.Iobj && o < 0) &&
			(!s.isRelative(c) || s.tok(i).Dep == extract.AclRelcl) {
			o = c
			if d == extract.Obj {
				break
			}
		}
	}
	if h := s.head(i); o < 0 && h >= 0 && s.tok(i).Dep == extract.Conj && s.tok(h).UPOS == extract.VERB &&
		s.child(i, extract.Ccomp, extract.Xcomp, extract.Obl) < 0 {
		// "bought and sold shares": the object follows the last verb.
		if ho := s.child(h, extract.Obj); ho > i {
			o = ho
		}
	}
	if s.tok(i).Dep == extract.AclRelcl && (o >= 0 && s.isRelative(o) ||
		o < 0 && s.child(i, extract.Ccomp, extract.Xcomp) < 0 && s.relativeObject(i)) {
		// "the pipeline (that) Russia built": the antecedent is the object.
		p.cues.inherited = true
		return s.antecedent(i)
	}
	if o < 0 {
		if c := s.child(i, extract.Ccomp); c >= 0 {
			a := s.clausePhrase(c)
			if m := s.child(c, extract.Mark); m >= 0 && !s.isSpeech(i) {
				p.rel = append(p.rel, m)
			}
			return []*phrase{a}
		}
		if x := s.child(i, extract.Xcomp); x >= 0 {
			xt := s.tok(x)
			if xt.UPOS == extract.VERB && s.child(x, extract.Nsubj) < 0 {
				return s.chain(x, p)
			}
			if xt.UPOS != extract.VERB && s.child(x, extract.Nsubj, extract.NsubjPass) >= 0 {
				// A small clause the parser took for a complement: "said
				// most proposals are in tourism".
				return []*phrase{s.clausePhrase(x)}
			}
			if xt.UPOS != extract.VERB {
				s.absorbed[x] = true
				var out []*phrase
				for _, h := range s.conjuncts(x) {
					out = append(out, s.argPhrase(h, h == x))
				}
				return out
			}
		}
		return nil
	}
	if ot := s.tok(o); lightVerbs[strings.ToLower(s.tok(i).Lemma)] && ot.UPOS == extract.NOUN {
		if s.negDet(o) {
			p.negated = true
		}
		// "made an offer on the wage": the noun joins the relation and
		// its prepositional modifier is the object.
		for _, c := range s.children(o) {
			if s.tok(c).Dep == extract.Nmod && c > o && !isTime(s.tok(c)) {
				if a := s.argPhrase(c, true); len(a.prep) > 0 {
					for _, t := range s.argPhrase(o, true).toks {
						if t < a.toks[0] {
							p.rel = append(p.rel, t)
						}
					}
					p.rel = append(p.rel, a.prep...)
					return []*phrase{a.withoutPrep()}
				}
			}
		}
	}
	var out []*phrase
	for _, h := range s.conjuncts(o) {
		out = append(out, s.argPhrase(h, h == o))
	}
	return out
}

// chain joins the verbal complement x to the relation of p ("agreed to
// hold drills", "is able to pay") and returns x's objects.
func (s *sentence) chain(x int, p *prop) []*phrase {
	s.absorbed[x] = true
	if m := s.child(x, extract.Mark); m >= 0 {
		p.rel = append(p.rel, m)
	}
	p.rel = append(p.rel, s.auxiliaries(x, p)...)
	p.rel = append(p.rel, x)
	if prt := s.child(x, extract.CompoundPrt); prt >= 0 {
		p.rel = append(p.rel, prt)
	}
	if s.child(x, extract.AuxPass) >= 0 {
		p.passive = true
	}
	objs := s.objects(x, p)
	p.extras = append(p.extras, s.obliques(x, p)...)
	return objs
}

// lightVerbs take a noun that carries the meaning ("make an offer on").
var lightVerbs = map[string]bool{"make": true, "have": true, "take": true, "give": true, "hold": true,
	"reach": true, "pay": true, "launch": true, "issue": true, "express": true, "conduct": true,
	"lodge": true, "file": true, "raise": true, "voice": true, "sign": true, "strike": true}

// clausePhrase returns a content clause without its subordinator (also
// when the parser took "that" for a pronoun).
func (s *sentence) clausePhrase(c int) *phrase {
	toks := s.subtree(c, func(k int, top bool) bool { return top && s.tok(k).Dep == extract.Mark && k < c })
	if len(toks) > 1 && toks[0] != c && strings.EqualFold(s.tok(toks[0]).Text, "that") && s.tok(toks[0]).Dep != extract.Nsubj {
		toks = toks[1:]
	}
	return &phrase{head: c, toks: toks}
}

// firstObl returns the first oblique of i after it, or -1.
func (s *sentence) firstObl(i int) int {
	for _, c := range s.children(i) {
		if s.tok(c).Dep == extract.Obl && c > i && !s.absorbed[c] {
			return c
		}
	}
	return -1
}

// oblique returns the phrase of oblique o with its role.
func (s *sentence) oblique(o int) *phrase {
	a := s.argPhrase(o, false)
	a.role = s.role(o, a)
	return a
}

// obliques returns the prepositional and temporal complements of i, in
// text order, and records the agent of a passive.
func (s *sentence) obliques(i int, p *prop) []*phrase {
	var out []*phrase
	for _, c := range s.children(i) {
		ct := s.tok(c)
		if s.absorbed[c] {
			continue
		}
		switch ct.Dep {
		case extract.Obl, extract.OblTmod, extract.OblNpmod, extract.OblUnmarked, extract.OblAgent:
		case extract.Advcl:
			// "is caused by interacting elements": a gerund agent.
			if m := s.child(c, extract.Mark); p.passive && m >= 0 && m < c && strings.EqualFold(s.tok(m).Text, "by") {
				a := &phrase{head: c, toks: s.subtree(c, nil), prep: []int{m}, role: "agent"}
				if a.toks[0] != m {
					a.toks = append([]int{m}, a.toks...)
				}
				p.agent = a
				out = append(out, a)
				s.absorbed[c] = true
			}
			continue
		case extract.Iobj:
			if s.child(i, extract.Obj) < 0 {
				continue
			}
		default:
			continue
		}
		if s.isRelative(c) || s.isSpeaker(c) {
			continue
		}
		out = append(out, s.timeMods(c)...)
		a := s.oblique(c)
		if ct.Dep == extract.OblAgent || p.passive && len(a.prep) == 1 && strings.EqualFold(s.tok(a.prep[0]).Text, "by") {
			a.role = "agent"
			p.agent = a
		}
		out = append(out, a)
	}
	return out
}

// detachedTime reports whether nmod c is a time phrase hung off a proper
// noun ("Paris on Wednesday"): a parser's attachment error, read as a time
// of the clause.
func (s *sentence) detachedTime(c int) bool {
	h := s.head(c)
	return h >= 0 && s.tok(h).UPOS == extract.PROPN && s.tok(c).Dep == extract.Nmod && isTime(s.tok(c)) &&
		s.child(c, extract.Case) >= 0
}

// timeMods returns the detached time phrases of noun n as time arguments.
func (s *sentence) timeMods(n int) []*phrase {
	var out []*phrase
	for _, c := range s.children(n) {
		if s.detachedTime(c) {
			a := s.argPhrase(c, false)
			a.role = "time"
			out = append(out, a)
		}
	}
	return out
}

// role classifies an oblique: "time", "place" or its preposition.
func (s *sentence) role(o int, a *phrase) string {
	t := s.tok(o)
	if t.Dep == extract.OblTmod || t.Dep == extract.OblUnmarked && isTime(t) || isTime(t) {
		return "time"
	}
	for _, m := range s.doc.Mentions {
		if o >= m.First && o < m.End && m.Type == extract.Place {
			return "place"
		}
	}
	if len(a.prep) > 0 {
		return strings.ToLower(strings.Join(s.words(a.prep), " "))
	}
	return ""
}

// isTime reports whether a noun names a time.
func isTime(t *extract.Token) bool {
	if t.UPOS == extract.NUM && len(t.Text) == 4 && (t.Text[0] == '1' || t.Text[0] == '2') {
		return true
	}
	return timeWords[strings.ToLower(t.Lemma)]
}

var timeWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`monday tuesday wednesday thursday friday saturday sunday
		january february march april may june july august september october november december
		jan feb mar apr jun jul aug sep sept oct nov dec today yesterday tomorrow tonight
		morning afternoon evening night day week weekend month year decade century hour minute
		spring summer autumn winter season time period era moment date`) {
		timeWords[w] = true
	}
}

// isRelative reports whether token c is a relative pronoun or adverb.
func (s *sentence) isRelative(c int) bool {
	switch s.tok(c).XPOS.String() {
	case "WDT", "WP", "WRB":
		return true
	}
	return false
}

// subjectsOf returns the subject phrases of predicate i: its own subjects
// with their conjuncts, or those it inherits from the clause it depends on.
func (s *sentence) subjectsOf(i int) []*phrase {
	if sub, ok := s.subjects[i]; ok {
		return sub
	}
	if s.visiting[i] {
		return nil
	}
	s.visiting[i] = true
	defer delete(s.visiting, i)
	var out []*phrase
	t := s.tok(i)
	if n := s.child(i, extract.Nsubj, extract.NsubjPass, extract.Csubj, extract.NsubjOuter); n >= 0 {
		switch {
		case s.isRelative(n):
			// "which", "who": the antecedent, when the clause hangs off a
			// noun; no subject otherwise.
			if h := s.head(i); h >= 0 && isNominal(s.tok(h).UPOS) && s.tok(h).UPOS != extract.PRON {
				out = s.antecedent(i)
			}
		case s.tok(n).Dep == extract.Csubj:
			out = []*phrase{s.clausePhrase(n)}
		case !s.split:
			out = []*phrase{s.argPhrase(n, false)}
		default:
			for _, h := range s.conjuncts(n) {
				out = append(out, s.argPhrase(h, h == n))
			}
		}
	} else if h := s.head(i); h >= 0 {
		switch t.Dep {
		case extract.Conj, extract.Advcl, extract.Xcomp, extract.Parataxis, extract.List, extract.Dep:
			if t.Dep == extract.Xcomp {
				if o := s.child(h, extract.Obj, extract.Iobj); o >= 0 {
					out = []*phrase{s.argPhrase(o, true)}
					break
				}
			}
			if t.Dep == extract.Advcl && s.child(i, extract.Mark) >= 0 && xpos(s.tok(i)) != "VBG" && xpos(s.tok(i)) != "VBN" {
				break // a subordinate clause without a subject: no guess
			}
			if s.tok(h).UPOS == extract.VERB || s.tok(h).UPOS == extract.AUX || s.child(h, extract.Cop) >= 0 {
				out = s.subjectsOf(h)
			}
		case extract.AclRelcl, extract.Acl, extract.AdvclRelcl:
			if s.child(i, extract.Obj) >= 0 || t.Dep != extract.AclRelcl || !s.relativeObject(i) {
				out = s.antecedent(i)
			}
		}
	}
	s.subjects[i] = out
	return out
}

// antecedent returns the noun phrase a relative or participial clause i
// modifies, without the clause.
func (s *sentence) antecedent(i int) []*phrase {
	h := s.head(i)
	if h < 0 {
		return nil
	}
	return []*phrase{s.argPhrase(h, true, i).withoutPrep()}
}

// relativeObject reports whether relative clause i's gap is its object
// ("the pipeline that Russia built"), so the antecedent is the object.
func (s *sentence) relativeObject(i int) bool {
	if o := s.child(i, extract.Obj); o >= 0 && s.isRelative(o) {
		return true
	}
	n := s.child(i, extract.Nsubj, extract.NsubjPass)
	return n >= 0 && !s.isRelative(n) && s.tok(n).Lemma != "that"
}

// subjectCues records how the subject was found.
func (s *sentence) subjectCues(i int, c cues) cues {
	if s.child(i, extract.Nsubj, extract.NsubjPass, extract.Csubj) < 0 {
		c.inherited = true
	} else if n := s.child(i, extract.Nsubj, extract.NsubjPass); n >= 0 && s.isRelative(n) {
		c.relative = true
	}
	return c
}
