package openie

import (
	"kg/extract"
)

// confidence grades a proposition from how it was built: the clause type
// (main clauses are parsed and read most reliably, reduced and oblique ones
// least), the construction, how complete and how long its arguments are, the
// sentence length, hedges, and attribution.
func (s *sentence) confidence(p *prop) float64 {
	var c float64
	switch s.tok(p.pred).Dep {
	case extract.Root:
		c = 0.8
	case extract.Conj:
		c = 0.74
	case extract.Ccomp, extract.Parataxis, extract.Xcomp:
		c = 0.68
	case extract.AclRelcl:
		c = 0.62
	case extract.Advcl:
		c = 0.6
	case extract.Acl:
		c = 0.55
	default:
		c = 0.4 // a verb the parser hung off a noun phrase: often a tagging error
	}
	switch {
	case p.kind == extract.Role && p.relLit == "has":
		c = 0.35
	case p.kind == extract.Role:
		c = 0.42
	case p.kind == extract.Speech:
		c += 0.1
	case p.kind == extract.Copula:
		c += 0.04
	}
	switch {
	case p.obj == nil && len(p.extras) == 0:
		c -= 0.3 // intransitive: rarely what a reader wants
	case p.obj == nil:
		c -= 0.15
	}
	cu := p.cues
	if cu.inherited {
		c -= 0.04
	}
	if cu.relative {
		c -= 0.02
	}
	if p.speech >= 0 {
		c -= 0.05 // reported, and inside a longer clause
	}
	for _, a := range append([]*phrase{p.subj, p.obj}, p.extras...) {
		if a != nil && len(a.toks) > 12 {
			c -= 0.04
		}
	}
	c -= 0.03 * float64(max(0, len(p.extras)-1))
	if p.negated {
		c -= 0.02
	}
	if p.modality != "" {
		c -= 0.02
	}
	if n := s.end - s.first; n > 20 {
		c -= min(0.2, 0.004*float64(n-20))
	}
	if len(p.rel) > 5 {
		c -= 0.05
	}
	return min(0.99, max(0.02, c))
}
