package openie

import (
	"strings"

	"kg/extract"
)

// relText returns the relation phrase as written.
func (p *prop) relText(doc *extract.Document) string {
	if p.relLit != "" {
		return p.relLit
	}
	return (&phrase{toks: p.rel}).text(doc)
}

// relName returns the readable snake_case relation (see the package
// comment for the convention).
func (p *prop) relName(doc *extract.Document) string {
	switch p.relLit {
	case "":
	case "is":
		return "be"
	case "is in":
		return "be_in"
	default:
		return "have"
	}
	var words []string
	if p.passive || p.kind == extract.Copula {
		words = append(words, "be")
	}
	for _, t := range p.rel {
		tok := &doc.Tokens[t]
		switch {
		case tok.Dep == extract.Aux || tok.Dep == extract.AuxPass || tok.Dep == extract.Cop || isNegation(tok):
		case tok.UPOS == extract.DET || tok.UPOS == extract.PUNCT || tok.Dep == extract.Mark && tok.XPOS.String() != "TO":
		case p.passive && t == p.pred || tok.Dep == extract.Case || tok.Dep == extract.Fixed:
			words = append(words, tok.Text)
		case tok.Lemma != "" && tok.Lemma != "_":
			words = append(words, tok.Lemma)
		default:
			words = append(words, tok.Text)
		}
	}
	return snake(words)
}

// nominalName names a relational noun phrase by its content words:
// "the former capital of" → former_capital_of.
func nominalName(doc *extract.Document, toks []int) string {
	var words []string
	for _, t := range toks {
		tok := &doc.Tokens[t]
		switch tok.UPOS {
		case extract.DET, extract.PUNCT, extract.PRON:
			continue
		}
		if tok.UPOS == extract.NOUN && tok.Lemma != "" {
			words = append(words, tok.Lemma)
		} else {
			words = append(words, tok.Text)
		}
	}
	return snake(words)
}

// activeName names a passive proposition read actively, agent first:
// "was delivered by" → deliver.
func (p *prop) activeName(doc *extract.Document) string {
	var words []string
	for _, t := range p.rel {
		tok := &doc.Tokens[t]
		if tok.Dep == extract.Aux || tok.Dep == extract.AuxPass || isNegation(tok) || tok.UPOS == extract.DET ||
			tok.UPOS == extract.PUNCT || tok.Dep == extract.Case && strings.EqualFold(tok.Text, "by") {
			continue
		}
		if tok.Lemma != "" && tok.Lemma != "_" {
			words = append(words, tok.Lemma)
		} else {
			words = append(words, tok.Text)
		}
	}
	return snake(words)
}

// span covers every token the proposition was read from.
func (p *prop) span(doc *extract.Document) extract.Span {
	lo, hi := -1, -1
	add := func(t int) {
		if lo < 0 || t < lo {
			lo = t
		}
		if t > hi {
			hi = t
		}
	}
	for _, t := range p.rel {
		add(t)
	}
	add(p.pred)
	for _, a := range append([]*phrase{p.subj, p.obj}, p.extras...) {
		if a != nil {
			for _, t := range a.toks {
				add(t)
			}
		}
	}
	return extract.Span{Start: doc.Tokens[lo].Start, End: doc.Tokens[hi].End}
}

// Tuple is a proposition in CaRB's convention: a relation phrase and its
// arguments as written, subject first, time and place last.
type Tuple struct {
	Sentence   int
	Rel        string
	Args       []string
	Confidence float64
}

// Tuples extracts the propositions of every sentence in CaRB's convention:
// coordinated subjects stay one argument ("Russia and Belarus"), passives
// keep their surface subject, copulas keep the whole predicate
// noun phrase as object ("is", "the capital of France"), attribution context
// is dropped from the reported proposition, and extra arguments follow the
// object in text order. Propositions with a subject only ("he died") are
// left out: CaRB's tuples have two arguments or more.
func (e *Extractor) Tuples(doc *extract.Document) []Tuple {
	var out []Tuple
	for si := range doc.Sentences {
		s := newSentence(doc, si, false)
		for _, p := range s.extract() {
			t := Tuple{Sentence: si, Rel: p.relText(doc), Confidence: p.conf}
			if p.passive && s.tok(p.pred).Dep == extract.Acl {
				t.Rel = "be " + t.Rel // "the draft authored by" → "be authored by"
			}
			t.Args = append(t.Args, p.subj.text(doc))
			if p.obj != nil {
				t.Args = append(t.Args, p.obj.text(doc))
			}
			for _, a := range p.extras {
				t.Args = append(t.Args, a.text(doc))
			}
			if strings.TrimSpace(t.Rel) == "" || t.Args[0] == "" || len(t.Args) < 2 {
				continue
			}
			out = append(out, t)
		}
	}
	return out
}
