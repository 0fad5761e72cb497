package entity

import (
	"kg/extract"
	"kg/extract/gazetteer"
)

// roles adds a Role fact for every person whose title names an
// organization or country, in one of three shapes:
//
//	Kremlin spokesman Dmitry Peskov          (owner, title, person)
//	Russia's foreign minister, Sergey Lavrov (the same with a comma)
//	Jens Stoltenberg, the NATO secretary general
//	Dmitry Medvedev, a deputy head of Russia's Security Council
//	Andrew Lohsen, a fellow ... at the Center for Strategic and International Studies
//
// When the document is parsed, an apposition the token patterns miss is
// read from the tree (a title noun attached to the person by appos).
func (d *docState) roles() {
	seen := map[[3]string]bool{}
	for i, m := range d.doc.Mentions {
		if m.Type != extract.Person {
			continue
		}
		for _, r := range []role{d.premodifier(i), d.apposition(i)} {
			if r.title == "" || r.owner < 0 {
				continue
			}
			rel := relationFor(r.title)
			k := [3]string{m.Entity, rel, d.doc.Mentions[r.owner].Entity}
			if seen[k] || d.doc.Mentions[r.owner].Entity == m.Entity {
				continue
			}
			seen[k] = true
			d.doc.Facts = append(d.doc.Facts, d.roleFact(i, r, rel))
		}
	}
}

// role is a title found next to a person mention.
type role struct {
	title       string
	first, end  int // tokens of the title
	owner       int // mention index of the organization or country, -1 if none
	conf        float64
	from, until int // tokens the role was read from
}

var noRole = role{owner: -1}

// premodifier reads "OWNER TITLE PERSON" and "OWNER's TITLE, PERSON".
func (d *docState) premodifier(i int) role {
	m := d.doc.Mentions[i]
	sfirst, _ := d.sentenceBounds(m.First)
	p := m.First - 1
	conf := 0.9
	if p >= sfirst && d.lower[p] == "," {
		p--
		conf = 0.8
	}
	if p < sfirst {
		return noRole
	}
	if o := d.mentionEndingAt(p); o >= 0 && d.mayOwn(o, false) {
		// "Ambassador to Russia John Sullivan": the object follows the title.
		if q := d.doc.Mentions[o].First - 1; q > sfirst && (d.lower[q] == "to" || d.lower[q] == "of") {
			if title, start := d.titleEndingAt(q-1, sfirst); title != "" {
				return role{title: title, first: start, end: q, owner: o, conf: conf, from: start, until: m.End}
			}
		}
	}
	title, start := d.titleEndingAt(p, sfirst)
	if title == "" {
		return noRole
	}
	r := role{title: title, first: start, end: p + 1, owner: -1, conf: conf, from: start, until: m.End}
	q := start - 1
	if q >= sfirst && isPossessive(d.lower[q]) {
		q--
	}
	if o := d.mentionEndingAt(q); o >= 0 && d.mayOwn(o, q+1 < start) {
		r.owner, r.from = o, d.doc.Mentions[o].First
	}
	return r
}

// apposition reads "PERSON, the OWNER TITLE" and "PERSON, a TITLE ... of
// OWNER".
func (d *docState) apposition(i int) role {
	m := d.doc.Mentions[i]
	_, send := d.sentenceBounds(m.First)
	k := m.End
	if k+1 >= send || d.lower[k] != "," {
		return d.parsedApposition(i)
	}
	k++
	if determiners[d.lower[k]] {
		k++
	}
	r := role{owner: -1, conf: 0.8, from: m.First}
	if o := d.mentionStartingAt(k); o >= 0 {
		end := d.doc.Mentions[o].End
		possessive := end < send && isPossessive(d.lower[end])
		if possessive {
			end++
		}
		if !d.mayOwn(o, possessive) {
			return d.parsedApposition(i)
		}
		if t, _ := d.titleAt(end, send); t != "" {
			r.owner, k = o, end
		}
	}
	title, e := d.titleAt(k, send)
	if title == "" {
		return d.parsedApposition(i)
	}
	// An open-ended title goes on in lower-case nouns: "general manager".
	for e < send && e-k < titleWords+2 && d.doc.Tokens[e].UPOS != extract.VERB && hasLetter(d.lower[e]) &&
		!d.capitalized(e) && !titleStop[d.lower[e]] {
		title += " " + d.lower[e]
		e++
	}
	if o := d.mentionStartingAt(e); o >= 0 && d.doc.Mentions[o].Type == extract.Person {
		return noRole // "Nigel Lawson, Foreign Secretary Geoffrey Howe": a list, not an apposition
	}
	r.title, r.first, r.end, r.until = title, k, e, e
	if r.owner < 0 {
		r.owner, r.until = d.objectAfter(e, send)
	}
	return r
}

// titleStop ends an open-ended title.
var titleStop = map[string]bool{"of": true, "at": true, "to": true, "for": true, "with": true, "in": true,
	"on": true, "and": true, "or": true, "who": true, "which": true, "that": true, "said": true, "says": true,
	"from": true, "by": true, "the": true, "a": true, "an": true}

// parsedApposition reads a title attached to the person by appos in the
// dependency tree, with its owner among the title's compound, nmod:poss
// and nmod dependents.
func (d *docState) parsedApposition(i int) role {
	m := d.doc.Mentions[i]
	toks := d.doc.Tokens
	sfirst, send := d.sentenceBounds(m.First)
	for t := sfirst; t < send; t++ {
		h := toks[t].Head
		if toks[t].Dep != extract.Appos || h < m.First || h >= m.End {
			continue
		}
		title, start := d.titleEndingAt(t, sfirst)
		if title == "" || start <= m.End {
			continue
		}
		r := role{title: title, first: start, end: t + 1, owner: -1, conf: 0.7, from: m.First, until: t + 1}
		for c := sfirst; c < send; c++ {
			if toks[c].Head != t {
				continue
			}
			switch toks[c].Dep.Universal() {
			case extract.Compound, extract.Nmod, extract.Amod:
				if o := mentionAt(d.doc, c); o >= 0 && o != i && d.mayOwn(o, toks[c].Dep == extract.NmodPoss) {
					r.owner, r.until = o, max(r.until, d.doc.Mentions[o].End)
				}
			}
		}
		return r
	}
	return noRole
}

// objectAfter finds the owner of a title followed by "of", "at", "to" or
// "for": the first place or organization such a preposition introduces
// before the clause goes on, and the possessed body of "Russia's Security
// Council".
func (d *docState) objectAfter(e, send int) (int, int) {
	for t := e; t < send && t < e+25; t++ {
		w := d.lower[t]
		if t > e && (clauseWord[w] || d.doc.Tokens[t].UPOS == extract.VERB) {
			break
		}
		if o := d.mentionStartingAt(t); o >= 0 && d.doc.Mentions[o].Type == extract.Person {
			break // another person's phrase begins
		}
		if w != "of" && w != "at" && w != "to" && w != "for" && w != "with" {
			continue
		}
		u := t + 1
		if u < send && determiners[d.lower[u]] {
			u++
		}
		o := d.mentionStartingAt(u)
		if o >= 0 && d.modifiesName(o) {
			o = d.mentionStartingAt(d.doc.Mentions[o].End) // the name it begins
		}
		if o < 0 || !d.mayOwn(o, false) {
			continue
		}
		end := d.doc.Mentions[o].End
		if end+1 < send && isPossessive(d.lower[end]) {
			if p := d.mentionStartingAt(end + 1); p >= 0 && d.mayOwn(p, false) {
				return p, d.doc.Mentions[p].End
			}
		}
		return o, end
	}
	return -1, e
}

// modifiesName reports whether mention o is a country adjective that
// begins a longer name: "the [Brazilian] Coffee Institute".
func (d *docState) modifiesName(o int) bool {
	m := d.doc.Mentions[o]
	_, demonym := gazetteer.Demonym(d.doc.Tokens[m.First].Text)
	return demonym && m.End < len(d.doc.Tokens) && d.capitalized(m.End)
}

// clauseWord ends the search for a title's object.
var clauseWord = map[string]bool{"said": true, "says": true, "told": true, "who": true, "which": true,
	"that": true, ";": true, "added": true, "wrote": true}

// mayOwn reports whether mention o can be the organization or country of a
// role; a person ("Putin's spokesman") only with a possessive.
func (d *docState) mayOwn(o int, possessive bool) bool {
	switch d.doc.Mentions[o].Type {
	case extract.Organization, extract.Place:
		return true
	case extract.Person:
		return possessive
	}
	return false
}

func (d *docState) mentionEndingAt(t int) int {
	for i, m := range d.doc.Mentions {
		if m.End == t+1 {
			return i
		}
	}
	return -1
}

func (d *docState) mentionStartingAt(t int) int {
	for i, m := range d.doc.Mentions {
		if m.First == t {
			return i
		}
	}
	return -1
}

// roleFact builds the Role fact of person mention i.
func (d *docState) roleFact(i int, r role, rel string) extract.Fact {
	doc := d.doc
	arg := func(mi int) extract.Arg {
		m := doc.Mentions[mi]
		return extract.Arg{Span: m.Span, Text: doc.Slice(m.Span), Head: m.End - 1, Mention: mi}
	}
	o := doc.Mentions[r.owner]
	from := min(r.from, o.First, doc.Mentions[i].First)
	until := max(r.until, o.End, doc.Mentions[i].End)
	sent := d.sent[doc.Mentions[i].First]
	return extract.Fact{
		Kind:       extract.Role,
		Subject:    arg(i),
		Relation:   rel,
		RelText:    d.text(r.first, r.end),
		Object:     arg(r.owner),
		Attributed: -1,
		Confidence: r.conf,
		Sentence:   max(sent, 0),
		Span:       extract.Span{Start: doc.Tokens[from].Start, End: doc.Tokens[until-1].End},
	}
}
