// Package entity decides which entity each mention of a document names.
//
// A Resolver runs after the recognizer (and, when available, the tagger and
// parser). For each document it
//
//   - repairs mentions: titles, honorifics and determiners leave the mention
//     ("Mr. Peskov" → "Peskov", "Foreign Minister Dmytro Kuleba" → "Dmytro
//     Kuleba"), a possessive leaves it ("Russia's" → "Russia"), the
//     gazetteer retypes known names (Kremlin: an Organization) and adds the
//     places and organizations the recognizer missed, and a country
//     adjective before a title becomes a mention of the country ("Russian
//     President" → Russia);
//   - groups mentions within the document: a surname or honorific+surname
//     joins the full name of the same document, middle initials are
//     ignored, and spelling variants join only when surname and first name
//     both agree up to transliteration (see gazetteer.Skeleton), never by a
//     first name alone;
//   - links each group to an entity of the Index shared by all documents,
//     and sets Mention.Entity (the canonical key) and Mention.Name;
//   - adds Role facts from titles and appositions ("Kremlin spokesman
//     Dmitry Peskov": Peskov spokesman_of Kremlin).
//
// Mentions keep text order; their indices may change while the resolver
// adds or drops mentions, so it must run before any stage that refers to
// mentions by index (Arg.Mention of facts already present is remapped).
//
// Antecedent and Coref resolve pronouns and definite descriptions ("he",
// "the Kremlin spokesman") to mentions, for speakers of Speech facts.
package entity

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"kg/extract"
	"kg/extract/gazetteer"
)

// Resolver is the entity stage of the pipeline. It is safe for concurrent
// use; documents share its Index.
type Resolver struct {
	idx *Index
}

// New returns a resolver that links mentions to the entities of idx and
// adds new ones to it. A nil idx starts an empty index.
func New(idx *Index) *Resolver {
	if idx == nil {
		idx = NewIndex()
	}
	return &Resolver{idx: idx}
}

// Index returns the resolver's index.
func (r *Resolver) Index() *Index { return r.idx }

// Annotate repairs doc.Mentions, sets their Entity and Name, and adds Role
// facts.
func (r *Resolver) Annotate(doc *extract.Document) error {
	for i, m := range doc.Mentions {
		if m.First < 0 || m.End > len(doc.Tokens) || m.First >= m.End {
			return fmt.Errorf("entity: %s: mention %d covers tokens [%d,%d) of %d",
				doc.Position(m.Start), i, m.First, m.End, len(doc.Tokens))
		}
	}
	d := newDocState(doc)
	d.fixMentions()
	r.idx.mu.Lock()
	clusters := d.cluster(r.idx)
	d.link(r.idx, clusters)
	r.idx.mu.Unlock()
	d.roles()
	return nil
}

// docState is what the resolver knows about one document while it works.
type docState struct {
	doc   *extract.Document
	info  []mentionInfo // parallel to doc.Mentions
	sent  []int         // sentence of each token
	lower []string      // lower-cased token text, ASCII quotes
}

// mentionInfo is what the resolver learns about one mention.
type mentionInfo struct {
	surface string           // as the recognizer (or the gazetteer) found it: "Mr. Peskov"
	name    string           // the name alone: "Peskov"
	gaz     *gazetteer.Entry // the gazetteer entry it names, if any
	canon   string           // canonical name of a place or organization
	gender  byte             // 'm', 'f' or 0, from honorifics and titles
}

func newDocState(doc *extract.Document) *docState {
	d := &docState{doc: doc, sent: make([]int, len(doc.Tokens)), lower: make([]string, len(doc.Tokens))}
	for i := range d.sent {
		d.sent[i] = -1
	}
	for si, s := range doc.Sentences {
		for t := s.First; t < s.End && t < len(doc.Tokens); t++ {
			d.sent[t] = si
		}
	}
	for i, t := range doc.Tokens {
		d.lower[i] = strings.ToLower(gazetteer.Fold(t.Text))
	}
	d.info = make([]mentionInfo, len(doc.Mentions))
	for i, m := range doc.Mentions {
		d.info[i].surface = doc.Slice(m.Span)
	}
	return d
}

// sentenceEnd returns the end of the token range of the sentence holding
// token t (all tokens when the document has no sentences).
func (d *docState) sentenceBounds(t int) (int, int) {
	if s := d.sent[t]; s >= 0 {
		return d.doc.Sentences[s].First, d.doc.Sentences[s].End
	}
	return 0, len(d.doc.Tokens)
}

func (d *docState) text(first, end int) string {
	return d.doc.Text[d.doc.Tokens[first].Start:d.doc.Tokens[end-1].End]
}

func (d *docState) capitalized(t int) bool {
	r, _ := utf8.DecodeRuneInString(d.doc.Tokens[t].Text)
	return unicode.IsUpper(r)
}

func isPossessive(w string) bool { return w == "'s" || w == "'" || w == "s" }

var determiners = map[string]bool{"the": true, "a": true, "an": true}

// honorific returns the gender an honorific token tells and whether it is
// one.
func (d *docState) honorific(t int) (byte, bool) {
	g, ok := honorifics[strings.TrimSuffix(d.lower[t], ".")]
	return g, ok
}

// titleAt matches the longest title starting at token t within [t, end),
// with rank prefixes ("deputy") before it.
func (d *docState) titleAt(t, end int) (string, int) {
	start := t
	for t < end && rankPrefixes[strings.TrimSuffix(d.lower[t], "-")] {
		t++
	}
	title, e := matchTitle(d.lower[:end], t)
	if title == "" {
		return "", start
	}
	return d.withPrefixes(start, t, title), e
}

// titleEndingAt matches the longest title ending at token p (inclusive),
// not starting before first, with rank prefixes before it; it returns the
// title and its first token.
func (d *docState) titleEndingAt(p, first int) (string, int) {
	best, start := "", p+1
	for s := p; s >= first && p-s < titleWords; s-- {
		if t, e := matchTitle(d.lower[:p+1], s); t != "" && e == p+1 {
			best, start = t, s
		}
	}
	if best == "" {
		return "", start
	}
	s := start
	for s > first && rankPrefixes[strings.TrimSuffix(d.lower[s-1], "-")] {
		s--
	}
	return d.withPrefixes(s, start, best), s
}

// withPrefixes joins the rank prefixes in tokens [from, to) that become
// part of the title ("deputy head") to it.
func (d *docState) withPrefixes(from, to int, title string) string {
	var b strings.Builder
	for t := from; t < to; t++ {
		if w := strings.TrimSuffix(d.lower[t], "-"); rankPrefixes[w] {
			b.WriteString(w + " ")
		}
	}
	return b.String() + title
}

// fixMentions trims, retypes and completes doc.Mentions.
func (d *docState) fixMentions() {
	doc := d.doc
	for i := range doc.Mentions {
		d.trim(i)
	}
	d.splitAfterTitles()
	d.splitConjoined()
	d.extendFirstNames()
	d.joinHyphens()
	d.dropNonNames()
	d.addGazetteerMentions()
	d.addSurnameMentions()
	d.addDemonymMentions()
	for i := range doc.Mentions {
		d.describe(i)
	}
	d.sortMentions()
}

// timeWords often stick to the end of a recognized name: "Zelenskyy
// Thursday".
var timeWords = map[string]bool{"monday": true, "tuesday": true, "wednesday": true, "thursday": true,
	"friday": true, "saturday": true, "sunday": true, "today": true, "yesterday": true, "tonight": true,
	"january": true, "february": true, "march": true, "april": true, "june": true, "july": true,
	"august": true, "september": true, "october": true, "november": true, "december": true}

// trim removes from the edges of mention i what is not part of the name:
// on the right possessives, punctuation, time words and lower-case words;
// on the left determiners, honorifics, titles and their owners ("U.S.
// Ambassador Linda Thomas-Greenfield"). A mention that loses an honorific
// or a title names a person, whatever the recognizer said.
func (d *docState) trim(i int) {
	m := &d.doc.Mentions[i]
	inf := &d.info[i]
	for m.End-m.First > 1 {
		w := d.lower[m.End-1]
		if !isPossessive(w) && hasLetterOrDigit(w) && !timeWords[w] && (d.capitalized(m.End-1) || !hasLetter(w)) {
			break
		}
		if _, known := gazetteer.Lookup(d.text(m.First, m.End)); known && hasLetterOrDigit(w) {
			break // "Interfax news agency"
		}
		m.End--
	}
	personal := false
	// A title that begins before the mention may end inside it: "Secretary
	// of [State Antony Blinken]".
	sfirst, _ := d.sentenceBounds(m.First)
	for e := m.End - 2; e >= m.First; e-- {
		if t, s := d.titleEndingAt(e, sfirst); t != "" && s < m.First && d.capitalized(e+1) {
			m.First, personal = e+1, true
			break
		}
	}
	for m.End-m.First > 1 {
		w := d.lower[m.First]
		if determiners[w] || !hasLetter(w) || isPossessive(w) {
			m.First++
			continue
		}
		if g, ok := d.honorific(m.First); ok && d.capitalized(m.First+1) {
			inf.gender = max(inf.gender, g)
			m.First++
			personal = true
			continue
		}
		if t, e := d.titleAt(m.First, m.End); t != "" && e < m.End && d.capitalized(e) {
			inf.gender = max(inf.gender, titleGender[lastWord(t)])
			m.First = e
			personal = true
			continue
		}
		if d.ownerWord(m.First) && d.ownsNext(m.First+1, m.End) {
			m.First++
			continue
		}
		break
	}
	if personal && m.Type != extract.Person {
		if _, known := gazetteer.Lookup(d.text(m.First, m.End)); !known {
			m.Type, m.Kind = extract.Person, ""
		}
	}
	if m.First > 0 && m.Type == extract.Person {
		if g, ok := d.honorific(m.First - 1); ok {
			inf.gender = max(inf.gender, g)
			inf.surface = d.text(m.First-1, m.End)
		}
	}
	d.setSpan(i)
}

// splitAfterTitles splits a mention that runs an organization or country
// into a person after "TITLE to|of": "Ambassador to the [United Nations
// Linda Thomas]" becomes United Nations and Linda Thomas.
func (d *docState) splitAfterTitles() {
	for i, n := 0, len(d.doc.Mentions); i < n; i++ {
		m := d.doc.Mentions[i]
		if m.End-m.First < 3 || m.First < 2 {
			continue
		}
		if _, known := gazetteer.Lookup(d.text(m.First, m.End)); known {
			continue
		}
		p := m.First - 1
		if determiners[d.lower[p]] {
			p--
		}
		sfirst, _ := d.sentenceBounds(m.First)
		if p <= sfirst || (d.lower[p] != "to" && d.lower[p] != "of") {
			continue
		}
		if t, _ := d.titleEndingAt(p-1, sfirst); t == "" {
			continue
		}
		for k := m.End - 2; k > m.First; k-- {
			g, ok := gazetteer.Lookup(d.text(m.First, k))
			if !ok || !d.capitalized(k) {
				continue
			}
			d.doc.Mentions[i].End, d.doc.Mentions[i].Type, d.doc.Mentions[i].Kind = k, g.Type, g.Kind
			d.setSpan(i)
			d.doc.Mentions = append(d.doc.Mentions, extract.Mention{First: k, End: m.End, Type: extract.Person})
			d.info = append(d.info, mentionInfo{surface: d.text(k, m.End)})
			d.setSpan(len(d.doc.Mentions) - 1)
			break
		}
	}
}

// splitConjoined splits a mention of two known names joined by "and"
// ("Twitter and Facebook") that is no known name itself.
func (d *docState) splitConjoined() {
	for i, n := 0, len(d.doc.Mentions); i < n; i++ {
		m := d.doc.Mentions[i]
		if _, known := gazetteer.Lookup(d.text(m.First, m.End)); known || m.Type == extract.Person {
			continue
		}
		for k := m.First + 1; k < m.End-1; k++ {
			if d.lower[k] != "and" {
				continue
			}
			l, lok := gazetteer.Lookup(d.text(m.First, k))
			r, rok := gazetteer.Lookup(d.text(k+1, m.End))
			if !lok || !rok {
				continue
			}
			d.doc.Mentions[i].End, d.doc.Mentions[i].Type, d.doc.Mentions[i].Kind = k, l.Type, l.Kind
			d.setSpan(i)
			d.doc.Mentions = append(d.doc.Mentions, extract.Mention{First: k + 1, End: m.End, Type: r.Type, Kind: r.Kind})
			d.info = append(d.info, mentionInfo{surface: d.text(k+1, m.End)})
			d.setSpan(len(d.doc.Mentions) - 1)
			break
		}
	}
}

// extendFirstNames extends a one-word person mention over the proper noun
// before it that the recognizer left out: "Kremlin spokesman [Dimitry]
// [Peskov]". Titles, honorifics, owners and time words stay out.
func (d *docState) extendFirstNames() {
	covered := make([]bool, len(d.doc.Tokens))
	for _, m := range d.doc.Mentions {
		for t := m.First; t < m.End; t++ {
			covered[t] = true
		}
	}
	for i := range d.doc.Mentions {
		m := &d.doc.Mentions[i]
		t := m.First - 1
		if m.Type != extract.Person || m.End-m.First != 1 || t < 0 || covered[t] || !d.capitalized(t) ||
			d.doc.Tokens[t].UPOS != extract.PROPN || !d.attachedBySpace(t) {
			continue
		}
		w := strings.TrimSuffix(d.lower[t], ".")
		if _, h := honorifics[w]; h || titles[w] != "" || rankPrefixes[w] || timeWords[w] || d.ownerWord(t) ||
			isInitial(d.doc.Tokens[t].Text) {
			continue
		}
		m.First = t
		d.setSpan(i)
	}
}

// attachedBySpace reports whether tokens t and t+1 are separated by one
// space, as the words of one name are.
func (d *docState) attachedBySpace(t int) bool {
	return d.doc.Text[d.doc.Tokens[t].End:d.doc.Tokens[t+1].Start] == " "
}

// setSpan recomputes the span and name of mention i from its tokens.
func (d *docState) setSpan(i int) {
	m := &d.doc.Mentions[i]
	m.Span = extract.Span{Start: d.doc.Tokens[m.First].Start, End: d.doc.Tokens[m.End-1].End}
	d.info[i].name = d.doc.Slice(m.Span)
}

// attached reports whether tokens t and t+1 touch in the text.
func (d *docState) attached(t int) bool {
	return t+1 < len(d.doc.Tokens) && d.doc.Tokens[t].End == d.doc.Tokens[t+1].Start
}

// joinHyphens extends a person mention over a hyphen written without
// spaces and the capitalized word after it ("Thomas" "-" "Greenfield"),
// absorbing a mention there.
func (d *docState) joinHyphens() {
	drop := map[int]bool{}
	for i := range d.doc.Mentions {
		m := &d.doc.Mentions[i]
		if m.Type != extract.Person || drop[i] {
			continue
		}
		for e := m.End; e+1 < len(d.doc.Tokens) && d.lower[e] == "-" && d.attached(e-1) && d.attached(e) &&
			d.capitalized(e+1); e = m.End {
			if o := mentionAt(d.doc, e+1); o >= 0 && o != i {
				if d.doc.Mentions[o].First != e+1 {
					break
				}
				drop[o] = true
				m.End = d.doc.Mentions[o].End
			} else {
				m.End = e + 2
			}
		}
		d.setSpan(i)
	}
	d.dropMentions(drop)
}

// dropNonNames drops mentions made only of function words or verbs by the
// tagger's judgment ("Beyond" at the start of a sentence).
func (d *docState) dropNonNames() {
	drop := map[int]bool{}
	for i, m := range d.doc.Mentions {
		named := false
		for t := m.First; t < m.End; t++ {
			switch d.doc.Tokens[t].UPOS {
			case extract.ADP, extract.ADV, extract.AUX, extract.CCONJ, extract.DET, extract.PRON,
				extract.SCONJ, extract.VERB, extract.PART, extract.PUNCT, extract.INTJ:
			default:
				named = true
			}
		}
		if !named {
			drop[i] = true
		}
	}
	d.dropMentions(drop)
}

// addSurnameMentions adds the person mentions the recognizer missed of a
// surname the document gives in full elsewhere ("Andrew Lohsen" ...
// "Lohsen"), with a compatible first name before it when there is one
// ("Dimitry Peskov").
func (d *docState) addSurnameMentions() {
	doc := d.doc
	firsts := map[string]string{} // surname skeleton → a first name
	covered := make([]bool, len(doc.Tokens))
	for i, m := range doc.Mentions {
		for t := m.First; t < m.End; t++ {
			covered[t] = true
		}
		if m.Type == extract.Person {
			if n := parsePerson(d.info[i].name); n.first != "" && !strings.Contains(n.last, " ") {
				firsts[surnameKey(n.last)] = n.first
			}
		}
	}
	for t := range doc.Tokens {
		if covered[t] || !d.capitalized(t) || len(d.lower[t]) < 3 {
			continue
		}
		first, ok := firsts[surnameKey(doc.Tokens[t].Text)]
		if !ok {
			continue
		}
		if _, known := gazetteer.Lookup(doc.Tokens[t].Text); known {
			continue
		}
		f := t
		if sfirst, _ := d.sentenceBounds(t); t-1 >= sfirst && !covered[t-1] && d.capitalized(t-1) &&
			firstCompatible(doc.Tokens[t-1].Text, first) {
			f = t - 1
		}
		doc.Mentions = append(doc.Mentions, extract.Mention{Span: extract.Span{Start: doc.Tokens[f].Start,
			End: doc.Tokens[t].End}, First: f, End: t + 1, Type: extract.Person})
		d.info = append(d.info, mentionInfo{surface: d.text(f, t+1), name: d.text(f, t+1)})
		if f > 0 {
			if g, ok := d.honorific(f - 1); ok {
				d.info[len(d.info)-1].gender = g
				d.info[len(d.info)-1].surface = d.text(f-1, t+1)
			}
		}
	}
}

// ownsNext reports whether tokens from t on (before end) start with a
// possessive or a title, so that the word before them is their owner.
func (d *docState) ownsNext(t, end int) bool {
	if t >= end {
		return false
	}
	if isPossessive(d.lower[t]) {
		return true
	}
	title, _ := d.titleAt(t, end)
	return title != ""
}

func hasLetter(s string) bool { return strings.IndexFunc(s, unicode.IsLetter) >= 0 }

func hasLetterOrDigit(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
}

func lastWord(s string) string { return s[strings.LastIndexByte(s, ' ')+1:] }

// ownerWord reports whether token t names a country or organization that
// owns a following title: "Russian", "U.S.", "Kremlin".
func (d *docState) ownerWord(t int) bool {
	if !d.capitalized(t) {
		return false
	}
	if _, ok := gazetteer.Demonym(d.doc.Tokens[t].Text); ok {
		return true
	}
	_, ok := gazetteer.Lookup(d.doc.Tokens[t].Text)
	return ok
}

// addable reports whether a gazetteer entry found by itself in the text is
// safe to add as a mention: places and institutions, not companies or
// parties whose names are often common words.
func addable(e *gazetteer.Entry) bool {
	switch e.Kind {
	case "company", "party", "news outlet":
		return false
	}
	return !e.Generic
}

// addGazetteerMentions adds mentions for gazetteer names the recognizer
// missed, and replaces recognizer mentions that are parts of a longer
// gazetteer name ("U.N." + "Security Council").
func (d *docState) addGazetteerMentions() {
	doc := d.doc
	covered := make([]int, len(doc.Tokens)) // mention index + 1
	for i, m := range doc.Mentions {
		for t := m.First; t < m.End; t++ {
			covered[t] = i + 1
		}
	}
	drop := map[int]bool{}
	maxw := gazetteer.MaxWords() + 2 // dotted forms split into tokens
	for t := 0; t < len(doc.Tokens); t++ {
		if !d.capitalized(t) || d.lower[t] == "the" {
			continue
		}
		_, send := d.sentenceBounds(t)
		for e := min(send, t+maxw); e > t; e-- {
			if isPossessive(d.lower[e-1]) || !d.nameLike(t, e) {
				continue
			}
			g, ok := gazetteer.Lookup(d.text(t, e))
			if !ok || !d.replaces(covered, t, e) {
				continue
			}
			if covered[t] == 0 && covered[e-1] == 0 && !addable(g) && e-t == 1 {
				continue
			}
			for u := t; u < e; u++ {
				if c := covered[u]; c > 0 {
					drop[c-1] = true
				}
			}
			doc.Mentions = append(doc.Mentions, extract.Mention{
				Span:  extract.Span{Start: doc.Tokens[t].Start, End: doc.Tokens[e-1].End},
				First: t, End: e, Type: g.Type, Kind: g.Kind})
			d.info = append(d.info, mentionInfo{surface: d.text(t, e)})
			t = e - 1
			break
		}
	}
	d.dropMentions(drop)
}

// nameLike reports whether tokens [t, e) can form a name: capitalized
// words, numbers and the function words of names.
func (d *docState) nameLike(t, e int) bool {
	if !hasLetterOrDigit(d.lower[e-1]) {
		return false
	}
	for u := t; u < e; u++ {
		w := d.lower[u]
		switch {
		case d.capitalized(u), w == "of", w == "and", w == "for", w == "the", w == "&", w == "-", w == ".":
		case w != "" && w[0] >= '0' && w[0] <= '9':
		default:
			return false
		}
	}
	return true
}

// replaces reports whether a gazetteer match over [t, e) may replace the
// mentions it overlaps: each lies inside it, is shorter and is no person.
func (d *docState) replaces(covered []int, t, e int) bool {
	for u := t; u < e; u++ {
		c := covered[u]
		if c == 0 {
			continue
		}
		m := d.doc.Mentions[c-1]
		if m.First < t || m.End > e || m.End-m.First == e-t || m.Type == extract.Person {
			return false
		}
	}
	return true
}

// addDemonymMentions makes a country adjective that owns a title or a
// national body a mention of its country: "Russian President", "Russian
// Foreign Ministry".
func (d *docState) addDemonymMentions() {
	doc := d.doc
	covered := make([]bool, len(doc.Tokens))
	for _, m := range doc.Mentions {
		for t := m.First; t < m.End; t++ {
			covered[t] = true
		}
	}
	for t := 0; t+1 < len(doc.Tokens); t++ {
		if covered[t] || !d.capitalized(t) {
			continue
		}
		g, ok := gazetteer.Demonym(doc.Tokens[t].Text)
		if !ok {
			continue
		}
		_, send := d.sentenceBounds(t)
		title, _ := d.titleAt(t+1, send)
		body := false
		if title == "" {
			for e := min(send, t+4); e > t+1; e-- {
				if b, ok := gazetteer.Lookup(d.text(t+1, e)); ok && b.Generic {
					body = true
					break
				}
			}
		}
		if title == "" && !body {
			continue
		}
		doc.Mentions = append(doc.Mentions, extract.Mention{Span: doc.Tokens[t].Span, First: t, End: t + 1,
			Type: g.Type, Kind: g.Kind})
		d.info = append(d.info, mentionInfo{surface: doc.Tokens[t].Text, name: doc.Tokens[t].Text, gaz: g, canon: g.Name})
	}
}

// describe finds the gazetteer entry and canonical name of mention i.
func (d *docState) describe(i int) {
	m := &d.doc.Mentions[i]
	inf := &d.info[i]
	if inf.name == "" {
		inf.name = d.doc.Slice(m.Span)
	}
	if inf.gaz != nil {
		return
	}
	g, ok := gazetteer.Lookup(inf.name)
	if !ok && m.Type != extract.Person && m.End-m.First > 1 && d.ownerWord(m.First) {
		// "Russian Foreign Ministry": the owner leaves the mention.
		if b, ok := gazetteer.Lookup(d.text(m.First+1, m.End)); ok && b.Generic {
			m.First++
			m.Span.Start = d.doc.Tokens[m.First].Start
			inf.name = d.doc.Slice(m.Span)
			g = b
		}
	}
	if g == nil {
		if m.Type != extract.Person && m.End-m.First == 1 && d.personSurname(inf.name) {
			m.Type, m.Kind = extract.Person, "" // "Biden" tagged a place
		}
		if _, demonym := gazetteer.Demonym(inf.name); demonym && m.Type == extract.Person {
			m.Type = extract.OtherEntity // "Russians", not a person's name
		}
		inf.canon = strings.TrimSpace(inf.name)
		return
	}
	if m.Type == extract.Person && d.personSurname(lastWord(inf.name)) {
		return // "Jordan" after "Michael Jordan"
	}
	inf.gaz = g
	m.Type, m.Kind = g.Type, g.Kind
	inf.canon = g.Name
	if g.Generic {
		if owner := d.owner(m.First, m.End); owner != "" {
			inf.canon = g.Name + " of " + owner
		}
	}
}

// personSurname reports whether some multi-word person mention of the
// document ends in word.
func (d *docState) personSurname(word string) bool {
	for _, m := range d.doc.Mentions {
		if m.Type == extract.Person && m.End-m.First > 1 && surnameKey(d.doc.Tokens[m.End-1].Text) == surnameKey(word) {
			return true
		}
	}
	return false
}

// owner names the country that owns a national body at tokens [first,
// end): "Russia's Security Council", "Russian Foreign Ministry",
// "Foreign Ministry of Ukraine". It returns "" when there is none.
func (d *docState) owner(first, end int) string {
	sfirst, send := d.sentenceBounds(first)
	p := first - 1
	if p >= sfirst && isPossessive(d.lower[p]) {
		p--
	}
	if p >= sfirst && d.capitalized(p) {
		for s := p; s >= sfirst && p-s < 4; s-- {
			if g, ok := gazetteer.Lookup(d.text(s, p+1)); ok && g.Kind == "country" {
				return g.Name
			}
		}
		if g, ok := gazetteer.Demonym(d.doc.Tokens[p].Text); ok {
			return g.Name
		}
	}
	if end+1 < send && d.lower[end] == "of" {
		for e := min(send, end+5); e > end+1; e-- {
			if g, ok := gazetteer.Lookup(d.text(end+1, e)); ok && g.Kind == "country" {
				return g.Name
			}
		}
	}
	return ""
}

func (d *docState) dropMentions(drop map[int]bool) {
	if len(drop) == 0 {
		return
	}
	ms, info := d.doc.Mentions[:0], d.info[:0]
	remap := make([]int, len(d.doc.Mentions))
	for i, m := range d.doc.Mentions {
		remap[i] = -1
		if !drop[i] {
			remap[i] = len(ms)
			ms = append(ms, m)
			info = append(info, d.info[i])
		}
	}
	d.doc.Mentions, d.info = ms, info
	d.remapFacts(remap)
}

// sortMentions puts mentions back in text order, keeping facts' references.
func (d *docState) sortMentions() {
	order := make([]int, len(d.doc.Mentions))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		return d.doc.Mentions[a].Start - d.doc.Mentions[b].Start
	})
	ms := make([]extract.Mention, len(order))
	info := make([]mentionInfo, len(order))
	remap := make([]int, len(order))
	for n, o := range order {
		ms[n], info[n] = d.doc.Mentions[o], d.info[o]
		remap[o] = n
	}
	d.doc.Mentions, d.info = ms, info
	d.remapFacts(remap)
}

func (d *docState) remapFacts(remap []int) {
	fix := func(a *extract.Arg) {
		if a.Mention >= 0 && a.Mention < len(remap) {
			a.Mention = remap[a.Mention]
		}
	}
	for i := range d.doc.Facts {
		f := &d.doc.Facts[i]
		fix(&f.Subject)
		fix(&f.Object)
		for j := range f.Extra {
			fix(&f.Extra[j])
		}
	}
}
