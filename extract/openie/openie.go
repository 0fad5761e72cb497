// Package openie extracts propositions from dependency-parsed sentences.
//
// The Extractor reads the Universal Dependencies tree the parser left in each
// Token (Head, Dep, UPOS, XPOS, Lemma) and finds clauses: main and
// coordinated verbs, relative clauses (the relative pronoun resolved to its
// antecedent), adverbial and participial clauses, reported speech, xcomp
// chains ("agreed to hold"), copulas and appositions. Each clause gives one
// proposition per combination of coordinated subjects and objects, with its
// prepositional complements as extra arguments.
//
// Reported speech is a structure of its own: a Speech fact (speaker, said,
// content) and, for each proposition of the content, a fact whose Attributed
// field points at it. Negation and modality are kept on the fact, never
// dropped: "Germany would not allow the pipeline" is a negated, modal fact.
//
// Relation names (Fact.Relation) follow one convention: the lemmas of the
// content words of the relation phrase, auxiliaries, modals and negation
// left out (they live in Negated and Modality), joined by "_": "met in" →
// meet_in, "agreed to hold" → agree_to_hold, "made an offer on" →
// make_offer_on. A passive keeps its participle after "be"
// ("was delivered to" → be_delivered_to) unless its agent is known, in which
// case the fact is turned active (agent as subject: "was built by Gazprom"
// → (Gazprom, build, pipeline)). A copula is be, be_in, be_from ...; one
// whose predicate noun takes an "of" phrase names the noun
// ("Minsk is the capital of Belarus" → (Minsk, capital_of, Belarus)).
// Appositions and titles give Role facts named be ("Peskov, a spokesman").
// RelText always keeps the words as written.
//
// Tuples gives the same propositions in the CaRB benchmark's convention
// (surface order, whole predicate noun phrases, no attribution context).
package openie

import (
	"strings"

	"kg/extract"
)

// Extractor finds propositions in parsed documents. It holds no mutable
// state and is safe for concurrent use.
type Extractor struct{}

// New returns an Extractor.
func New() *Extractor { return &Extractor{} }

// Annotate appends the propositions of every sentence to doc.Facts
// (after any facts an earlier stage added, such as roles from titles).
func (e *Extractor) Annotate(doc *extract.Document) error {
	for si := range doc.Sentences {
		props := e.sentence(doc, si)
		base := len(doc.Facts)
		for _, p := range props {
			f := p.fact(doc, si)
			if p.speech >= 0 {
				f.Attributed = base + p.speech
			}
			doc.Facts = append(doc.Facts, f)
		}
	}
	return nil
}

// sentence returns the propositions of sentence si.
func (e *Extractor) sentence(doc *extract.Document, si int) []*prop {
	s := newSentence(doc, si, true)
	return s.extract()
}

// fact converts a proposition to the graph's convention.
func (p *prop) fact(doc *extract.Document, si int) extract.Fact {
	f := extract.Fact{
		Kind:       p.kind,
		Subject:    p.subj.toArg(doc),
		RelText:    p.relText(doc),
		Negated:    p.negated,
		Modality:   p.modality,
		Attributed: -1,
		Confidence: p.conf,
		Sentence:   si,
		Span:       p.span(doc),
	}
	f.Relation = p.relName(doc)
	if p.obj != nil {
		f.Object = p.obj.toArg(doc)
	} else {
		f.Object = extract.Arg{Head: -1, Mention: -1}
	}
	for _, a := range p.extras {
		f.Extra = append(f.Extra, a.toArg(doc))
	}
	if p.nomObj != nil {
		// "is the capital of France": (X, capital_of, France).
		rel := append(append([]int(nil), p.rel...), p.nominal...)
		f.RelText = (&phrase{toks: rel}).text(doc)
		f.Object = p.nomObj.toArg(doc)
		f.Relation = nominalName(doc, p.nominal)
	}
	if p.agent != nil && p.obj == p.agent {
		// Active reading: the agent acts on the passive subject.
		f.Subject, f.Object = p.agent.toArg(doc), f.Subject
		f.Subject.Role = ""
		f.Relation = p.activeName(doc)
	}
	return f
}

// toArg converts a phrase to an extract.Arg, linking the entity mention
// its head lies in.
func (a *phrase) toArg(doc *extract.Document) extract.Arg {
	out := extract.Arg{Head: a.head, Mention: -1, Role: a.role, Text: a.text(doc)}
	if len(a.toks) > 0 {
		out.Span = extract.Span{Start: doc.Tokens[a.toks[0]].Start, End: doc.Tokens[a.toks[len(a.toks)-1]].End}
		if a.contiguous() {
			out.Text = doc.Slice(out.Span)
		}
	}
	out.Mention = mentionAt(doc, a.head, out.Span)
	return out
}

// mentionAt returns the index of the mention containing token head, or else
// the first mention inside span, or -1.
func mentionAt(doc *extract.Document, head int, span extract.Span) int {
	inside := -1
	for i, m := range doc.Mentions {
		if head >= m.First && head < m.End {
			return i
		}
		if inside < 0 && span.Len() > 0 && span.Contains(m.Span) {
			inside = i
		}
	}
	return inside
}

// snake joins lower-cased words with "_".
func snake(words []string) string {
	for i, w := range words {
		words[i] = strings.ToLower(w)
	}
	return strings.Join(words, "_")
}
