package openie

import (
	"strings"

	"kg/extract"
)

// confidence grades a proposition from how it was built: the construction,
// how complete and how long its arguments are, the sentence length, hedges,
// and parse cues that often mark errors.
func (s *sentence) confidence(p *prop) float64 {
	c := 0.0
	switch {
	case p.kind == extract.Role:
		c = 0.55
		if p.relLit == "has" {
			c = 0.35
		}
	case p.kind == extract.Speech:
		c = 0.8
	case p.kind == extract.Copula:
		c = 0.75
	case p.obj != nil && s.tok(p.obj.head).Dep == extract.Obj:
		c = 0.85
	case p.obj != nil:
		c = 0.78
	case len(p.extras) > 0:
		c = 0.6
	default:
		c = 0.35 // intransitive: rarely what a reader wants
	}
	cu := p.cues
	if cu.inherited {
		c -= 0.08
	}
	if cu.relative {
		c -= 0.04
	}
	if cu.reduced {
		c -= 0.12
	}
	if cu.odd {
		c -= 0.15
	}
	if cu.pronoun {
		c -= 0.03
	}
	for _, a := range append([]*phrase{p.subj, p.obj}, p.extras...) {
		if a != nil && len(a.toks) > 10 {
			c -= 0.04
		}
	}
	c -= 0.03 * float64(max(0, len(p.extras)-1))
	if p.negated {
		c -= 0.03
	}
	if p.modality != "" {
		c -= 0.05
	}
	if n := s.end - s.first; n > 20 {
		c -= min(0.2, 0.004*float64(n-20))
	}
	if t := s.tok(p.pred); t.Dep == extract.Dep || t.Dep == extract.Parataxis && p.kind != extract.Speech {
		c -= 0.1
	}
	if len(p.rel) > 5 {
		c -= 0.05
	}
	if p.subj != nil && strings.ContainsAny(s.tok(p.subj.head).Text, "0123456789") && s.tok(p.subj.head).UPOS == extract.NUM {
		c -= 0.05
	}
	return min(0.99, max(0.02, c))
}
