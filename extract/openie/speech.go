package openie

import (
	"strings"

	"kg/extract"
)

// speechVerbs introduce reported speech or thought.
var speechVerbs = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`say tell add warn tweet write claim state announce insist argue
		note explain report reply respond confirm deny suggest believe think accuse urge stress
		emphasize emphasise ask predict acknowledge admit declare comment testify allege assert
		contend maintain recall reveal signal indicate caution complain concede disclose estimate
		hint observe posit promise remark reiterate vow agree fear hope know
		understand doubt expect feel`) {
		speechVerbs[w] = true
	}
}

// isSpeech reports whether verb i reports speech: a speech verb with a
// content clause, or a parenthetical ("..., he said").
func (s *sentence) isSpeech(i int) bool {
	t := s.tok(i)
	if t.UPOS != extract.VERB || !speechVerbs[strings.ToLower(t.Lemma)] {
		return false
	}
	if s.child(i, extract.Ccomp) >= 0 || s.quoteBefore(i) >= 0 {
		return true
	}
	if o := s.child(i, extract.Obj); o >= 0 && s.tok(o).UPOS != extract.NOUN && s.tok(o).UPOS != extract.PRON &&
		s.tok(o).UPOS != extract.PROPN {
		return false
	}
	return t.Dep == extract.Parataxis && s.head(i) >= 0
}

// quoteBefore returns the clause a speech verb i governs as parataxis
// before itself ("“ We will win , ” says Smith"), or -1.
func (s *sentence) quoteBefore(i int) int {
	for _, c := range s.children(i) {
		if c > i {
			break
		}
		d := s.tok(c).Dep
		quote := d == extract.Parataxis || d == extract.Dep || d == extract.Ccomp ||
			d == extract.Advcl && s.child(c, extract.Mark) < 0
		if quote && s.child(c, extract.Nsubj, extract.NsubjPass) >= 0 {
			return c
		}
	}
	return -1
}

// isSpeaker reports whether nominal o is the source of an "according to".
func (s *sentence) isSpeaker(o int) bool {
	for _, c := range s.children(o) {
		if s.tok(c).Dep == extract.Case && strings.EqualFold(s.tok(c).Text, "according") {
			return true
		}
	}
	return false
}

// attribute finishes Speech propositions (their content and the
// "according to" ones) and points every proposition inside reported content
// at the Speech proposition reporting it.
func (s *sentence) attribute() {
	for k, p := range s.props {
		if p.kind != extract.Speech {
			continue
		}
		c := s.child(p.pred, extract.Ccomp)
		if c < 0 {
			c = s.quoteBefore(p.pred)
		}
		if c >= 0 {
			s.contentOf[c] = speechRef{prop: k, exclude: -1}
			if p.obj == nil || p.obj.head != c {
				if p.obj != nil {
					p.extras = append([]*phrase{p.obj}, p.extras...)
				}
				p.obj = s.clausePhrase(c)
			}
			continue
		}
		// Parenthetical: the clause it hangs off is the content, an
		// object the addressee ("told reporters").
		if p.obj != nil {
			p.extras = append([]*phrase{p.obj}, p.extras...)
		}
		h := s.head(p.pred)
		p.obj = &phrase{head: h, toks: s.subtree(h, func(c int, top bool) bool {
			return c == p.pred || s.tok(c).Dep == extract.Punct && s.within(c, h) && s.adjacentPunct(c, p.pred)
		})}
		s.contentOf[h] = speechRef{prop: k, exclude: p.pred}
	}
	// "according to X, Y": a Speech proposition with X as speaker.
	for i := s.first; i < s.end; i++ {
		if d := s.tok(i).Dep; d != extract.Obl && d != extract.Nmod || !s.isSpeaker(i) {
			continue
		}
		h := s.head(i)
		for h >= 0 && !s.isPredicate(h) {
			h = s.head(h) // "rejected the proposal, according to X"
		}
		if h < 0 {
			continue
		}
		a := s.argPhrase(i, true)
		sp := &prop{kind: extract.Speech, pred: a.prep[0], rel: a.prep, subj: a.withoutPrep(), speech: -1,
			obj: &phrase{head: h, toks: s.subtree(h, func(c int, _ bool) bool { return c == i })}}
		s.props = append(s.props, sp)
		s.contentOf[h] = speechRef{prop: len(s.props) - 1, exclude: i}
	}
	for k, p := range s.props {
		for n, steps := p.pred, 0; n >= 0 && steps <= s.end-s.first; n, steps = s.head(n), steps+1 {
			ref, ok := s.contentOf[n]
			if !ok || ref.prop == k {
				continue
			}
			if ref.exclude >= 0 && s.within(p.pred, ref.exclude) {
				continue
			}
			p.speech = ref.prop
			break
		}
	}
}

// adjacentPunct reports whether punctuation c sits right next to the
// subtree of parenthetical v (the commas around "he said").
func (s *sentence) adjacentPunct(c, v int) bool {
	sub := s.subtree(v, nil)
	return len(sub) > 0 && (c == sub[0]-1 || c == sub[len(sub)-1]+1)
}

// appositions adds "X is Y" propositions for appositions and "X has Y" for
// possessives with a named possessor.
func (s *sentence) appositions() {
	for i := s.first; i < s.end; i++ {
		t := s.tok(i)
		h := s.head(i)
		if h < 0 {
			continue
		}
		switch {
		case t.Dep == extract.Appos && isNominal(s.tok(h).UPOS):
			rel := "is"
			if s.place(h) && s.place(i) {
				rel = "is in" // "Salt Lake City, Utah"
			}
			s.props = append(s.props, &prop{kind: extract.Role, pred: i, relLit: rel, speech: -1,
				subj: s.argPhrase(h, true).withoutPrep(), obj: s.argPhrase(i, true)})
		case (t.Dep == extract.Compound || t.Dep == extract.NmodDesc) && t.UPOS == extract.NOUN &&
			s.tok(h).UPOS == extract.PROPN && i < h && (i+1 == h || s.tok(i+1).UPOS == extract.PROPN):
			// "spokesman Dmitry Peskov": Peskov is spokesman.
			title := s.subtree(i, nil)
			var name []int
			for _, k := range s.subtree(h, nil) {
				if k > title[len(title)-1] && (k == h || s.head(k) == h && s.tok(k).Dep == extract.Flat || s.tok(k).UPOS == extract.PROPN && k < h) {
					name = append(name, k)
				}
			}
			s.props = append(s.props, &prop{kind: extract.Role, pred: i, relLit: "is", speech: -1,
				subj: &phrase{head: h, toks: name}, obj: &phrase{head: i, toks: title}})
		case t.Dep == extract.NmodPoss && t.UPOS == extract.PROPN && s.tok(h).UPOS == extract.NOUN:
			own := s.argPhrase(i, true)
			var toks []int
			for _, k := range own.toks {
				if s.tok(k).Dep != extract.Case || s.head(k) != i {
					toks = append(toks, k)
				}
			}
			owned := &phrase{head: h, toks: s.subtree(h, func(c int, top bool) bool {
				if !top {
					return false
				}
				switch s.tok(c).Dep {
				case extract.NmodPoss, extract.AclRelcl, extract.Appos, extract.Conj, extract.Cc, extract.Det:
					return true
				}
				return false
			})}
			s.props = append(s.props, &prop{kind: extract.Role, pred: h, relLit: "has", speech: -1,
				subj: &phrase{head: i, toks: toks}, obj: owned})
		}
	}
}

// place reports whether token t lies in a place mention.
func (s *sentence) place(t int) bool {
	for _, m := range s.doc.Mentions {
		if t >= m.First && t < m.End {
			return m.Type == extract.Place
		}
	}
	return false
}
