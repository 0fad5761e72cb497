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
//
// One Index serves a whole corpus; stages run in this order:
//
//	idx := entity.NewIndex() // or filled from the graph with idx.Add
//	tokenizer, tagger, parser, recognizer, entity.New(idx), openie.New(), entity.Coref{}
//
// Keys are stable up to renames: see Index for how "Peskov" read before
// "Dmitry Peskov" ends as one entity whatever the order.
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
	for _, s := range doc.Sentences {
		if s.First < 0 || s.End > len(doc.Tokens) || s.First > s.End {
			return fmt.Errorf("entity: %s: sentence tokens [%d,%d) out of range (%d tokens)",
				doc.Position(s.Start), s.First, s.End, len(doc.Tokens))
		}
	}
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
	r.idx.mu.Lock()
	r.idx.learnRoles(doc)
	r.idx.mu.Unlock()
	return nil
}

// docState is what the resolver knows about one document while it works.
type docState struct {
	doc   *extract.Document
	info  []mentionInfo // parallel to doc.Mentions
	sent  []int         // sentence of each token
	lower []string      // lower-cased token text, ASCII quotes

	surnames map[string]bool // surname keys of the person mentions
}

// mentionInfo is what the resolver learns about one mention.
type mentionInfo struct {
	surface string           // as the recognizer (or the gazetteer) found it: "Mr. Peskov"
	name    string           // the name alone: "Peskov"
	gaz     *gazetteer.Entry // the gazetteer entry it names, if any
	canon   string           // canonical name of a place or organization
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
	d.info = make([]mentionInfo, len(doc.Mentions)) // filled by trim
	return d
}

// sentenceBounds returns the token range of the sentence holding token t
// (all tokens when the document has no sentences).
func (d *docState) sentenceBounds(t int) (int, int) {
	if s := d.sent[t]; s >= 0 {
		return d.doc.Sentences[s].First, d.doc.Sentences[s].End
	}
	return 0, len(d.doc.Tokens)
}

// text returns the text of tokens [first, end) with its spacing made
// single spaces (news wires break lines inside names).
func (d *docState) text(first, end int) string {
	s := d.doc.Text[d.doc.Tokens[first].Start:d.doc.Tokens[end-1].End]
	if strings.ContainsAny(s, "\n\r\t") || strings.Contains(s, "  ") {
		s = strings.Join(strings.Fields(s), " ")
	}
	return s
}

func (d *docState) capitalized(t int) bool {
	r, _ := utf8.DecodeRuneInString(d.doc.Tokens[t].Text)
	return unicode.IsUpper(r)
}

func isPossessive(w string) bool { return w == "'s" || w == "'" || w == "s" }

var determiners = map[string]bool{"the": true, "a": true, "an": true}

// honorific reports whether token t is an honorific: "Mr.", "Ms", "Dr.".
func (d *docState) honorific(t int) bool {
	_, ok := honorifics[strings.TrimSuffix(d.lower[t], ".")]
	return ok
}

// titleAt matches the longest title starting at token t within [t, end),
// with rank prefixes ("deputy") before it.
func (d *docState) titleAt(t, end int) (string, int) {
	start := t
	for t < end && modifier(d.lower[t]) {
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
	for s > first && modifier(d.lower[s-1]) {
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
	d.splitAtTitles()
	d.splitConjoined()
	d.extendFirstNames()
	d.joinHyphens()
	d.joinAdjacent()
	d.dropNonNames()
	d.addGazetteerMentions()
	d.addSurnameMentions()
	d.addDemonymMentions()
	d.surnames = map[string]bool{}
	for i, m := range doc.Mentions {
		if m.Type == extract.Person {
			d.surnames[surnameKey(parsePerson(d.info[i].name).last)] = true
		}
	}
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
	d.cutAtBrackets(m)
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
	business := d.orgWords(m.First, m.End) // "General Electric Co" has no title
	for e := m.End - 2; e >= m.First && !business; e-- {
		if t, s := d.titleEndingAt(e, sfirst); t != "" && s < m.First && d.capitalized(e+1) {
			m.First, personal = e+1, true
			break
		}
	}
	for m.End-m.First > 1 {
		w := d.lower[m.First]
		if determiners[w] || !hasLetter(w) || isPossessive(w) || !d.capitalized(m.First) && !particles[w] {
			m.First++ // also the lower-case words of a run-on: "[said Russian Foreign Ministry]"
			continue
		}
		if d.honorific(m.First) && d.capitalized(m.First+1) && !business {
			m.First++
			personal = true
			continue
		}
		if t, e := d.titleAt(m.First, m.End); t != "" && e < m.End && d.capitalized(e) && !business {
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
	if m.First > sfirst && !business {
		if t, _ := d.titleEndingAt(m.First-1, sfirst); t != "" {
			personal = true // "Secretary of State [Antony J. Blinken]" tagged OTH
		}
	}
	if personal && m.Type != extract.Person {
		if _, known := gazetteer.Lookup(d.text(m.First, m.End)); !known {
			m.Type, m.Kind = extract.Person, ""
		}
	}
	d.setSpan(i)
	inf.surface = inf.name
	if m.First > 0 && m.Type == extract.Person && d.honorific(m.First-1) {
		inf.surface = d.text(m.First-1, m.End) // "Mr. Peskov" stays an alias
	}
}

// cutAtBrackets keeps the longest part of a mention that brackets or
// quotation marks cut: "[Augusta S.P.A.) (Sikorsky]".
func (d *docState) cutAtBrackets(m *extract.Mention) {
	bestFirst, bestEnd := m.First, m.First
	from := m.First
	for t := m.First; t <= m.End; t++ {
		if t < m.End && !strings.ContainsAny(d.lower[t], "()[]{}\"“”‘’«»") {
			continue
		}
		if t-from > bestEnd-bestFirst {
			bestFirst, bestEnd = from, t
		}
		from = t + 1
	}
	if bestEnd > bestFirst {
		m.First, m.End = bestFirst, bestEnd
	}
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
			if !ok || !d.capitalized(k) || d.orgWords(k, m.End) {
				continue
			}
			d.doc.Mentions[i].Type, d.doc.Mentions[i].Kind = g.Type, g.Kind
			d.split(i, k, k, extract.Person, "")
			break
		}
	}
}

// orgWords reports whether tokens [first, end) hold a word that names
// organizations rather than people: "[Goldman Sachs] International Corp".
func (d *docState) orgWords(first, end int) bool {
	for t := first; t < end; t++ {
		if orgWord[strings.TrimSuffix(d.lower[t], ".")] {
			return true
		}
	}
	return false
}

var orgWord = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`corp corporation inc incorporated ltd limited co company group holding
		holdings plc llc ag sa nv gmbh bank bancorp fund trust securities capital partners international
		national institute university college school association council committee commission board
		agency authority office department ministry party union foundation center centre society
		exchange service services airlines airways energy systems industries motors press news times
		post journal network television radio`) {
		m[w] = true
	}
	return m
}()

// splitAtTitles splits a mention that runs owner, title and person
// together — "[Putin's spokesman, Dmitry S. Peskov]" — at a lower-case
// title inside it: the owner keeps the mention, the person gets a new one.
func (d *docState) splitAtTitles() {
	for i, n := 0, len(d.doc.Mentions); i < n; i++ {
		m := d.doc.Mentions[i]
		for k := m.First + 1; k < m.End-1; k++ {
			if d.capitalized(k) {
				continue
			}
			t, e := d.titleAt(k, m.End)
			if t == "" {
				continue
			}
			for e < m.End && (!hasLetter(d.lower[e]) || determiners[d.lower[e]]) {
				e++
			}
			left := k
			for left > m.First && (isPossessive(d.lower[left-1]) || !hasLetterOrDigit(d.lower[left-1])) {
				left--
			}
			if e >= m.End || !d.capitalized(e) || left == m.First {
				break
			}
			d.split(i, left, e, extract.Person, "")
			break
		}
	}
}

// splitConjoined splits a mention of two names joined by "and": two
// persons ("[Antony Blinken and Jens Stoltenberg]") or two known places or
// organizations ("[Twitter and Facebook]") that are no known name together.
func (d *docState) splitConjoined() {
	for i, n := 0, len(d.doc.Mentions); i < n; i++ {
		m := d.doc.Mentions[i]
		if _, known := gazetteer.Lookup(d.text(m.First, m.End)); known {
			continue
		}
		for k := m.First + 1; k < m.End-1; k++ {
			if d.lower[k] != "and" || !d.capitalized(k+1) {
				continue
			}
			if m.Type == extract.Person {
				d.split(i, k, k+1, extract.Person, "")
				break
			}
			l, lok := gazetteer.Lookup(d.text(m.First, k))
			r, rok := gazetteer.Lookup(d.text(k+1, m.End))
			if lok && rok {
				d.doc.Mentions[i].Type, d.doc.Mentions[i].Kind = l.Type, l.Kind
				d.split(i, k, k+1, r.Type, r.Kind)
				break
			}
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
		if d.honorific(t) || titles[w] != "" || modifier(w) || timeWords[w] || d.ownerWord(t) ||
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

// add appends a mention over tokens [first, end) and returns its index.
func (d *docState) add(first, end int, typ extract.EntityType, kind string) int {
	d.doc.Mentions = append(d.doc.Mentions, extract.Mention{First: first, End: end, Type: typ, Kind: kind})
	d.info = append(d.info, mentionInfo{surface: d.text(first, end)})
	d.setSpan(len(d.doc.Mentions) - 1)
	return len(d.doc.Mentions) - 1
}

// split ends mention i at token end and makes tokens from "from" to its
// old end a new mention of type typ.
func (d *docState) split(i, end, from int, typ extract.EntityType, kind string) {
	last := d.doc.Mentions[i].End
	d.doc.Mentions[i].End = end
	d.setSpan(i)
	d.add(from, last, typ, kind)
}

// setSpan recomputes the span and name of mention i from its tokens.
func (d *docState) setSpan(i int) {
	m := &d.doc.Mentions[i]
	m.Span = extract.Span{Start: d.doc.Tokens[m.First].Start, End: d.doc.Tokens[m.End-1].End}
	d.info[i].name = d.text(m.First, m.End)
}

// attached reports whether tokens t and t+1 touch in the text.
func (d *docState) attached(t int) bool {
	return t+1 < len(d.doc.Tokens) && d.doc.Tokens[t].End == d.doc.Tokens[t+1].Start
}

// joinHyphens extends a person mention over a hyphen written without
// spaces and the capitalized word on its other side ("Thomas" "-"
// "Greenfield"), absorbing a mention there.
func (d *docState) joinHyphens() {
	drop := map[int]bool{}
	hyphen := func(t int) bool { // token t is a hyphen joining t-1 and t+1
		return t > 0 && t+1 < len(d.doc.Tokens) && d.lower[t] == "-" && d.attached(t-1) && d.attached(t)
	}
	for i := range d.doc.Mentions {
		m := &d.doc.Mentions[i]
		if m.Type != extract.Person || drop[i] {
			continue
		}
		for hyphen(m.End) && d.capitalized(m.End+1) {
			o := mentionAt(d.doc, m.End+1)
			if o < 0 {
				m.End += 2
				continue
			}
			if d.doc.Mentions[o].First != m.End+1 {
				break
			}
			drop[o] = true
			m.End = d.doc.Mentions[o].End
		}
		for hyphen(m.First-1) && d.capitalized(m.First-2) {
			o := mentionAt(d.doc, m.First-2)
			if o < 0 {
				m.First -= 2
				continue
			}
			if d.doc.Mentions[o].End != m.First-1 || drop[o] {
				break
			}
			drop[o] = true
			m.First = d.doc.Mentions[o].First
		}
		d.setSpan(i)
	}
	d.dropMentions(drop)
}

// joinAdjacent joins a one-word person mention to the one-word mention
// right after it, one space apart, when that is no known place or
// organization: "[Jen] [Psaki]".
func (d *docState) joinAdjacent() {
	drop := map[int]bool{}
	for i := range d.doc.Mentions {
		m := &d.doc.Mentions[i]
		if m.Type != extract.Person || m.End-m.First != 1 || drop[i] || m.End >= len(d.doc.Tokens) ||
			!d.attachedBySpace(m.First) {
			continue
		}
		o := mentionAt(d.doc, m.End)
		if o < 0 || d.doc.Mentions[o].First != m.End || d.doc.Mentions[o].End-m.End != 1 {
			continue
		}
		if _, known := gazetteer.Lookup(d.doc.Tokens[m.End].Text); known {
			continue
		}
		drop[o] = true
		m.End++
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
		n := d.add(f, t+1, extract.Person, "")
		if f > 0 && d.honorific(f-1) {
			d.info[n].surface = d.text(f-1, t+1)
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
			d.add(t, e, g.Type, g.Kind)
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
// mentions it overlaps: each lies inside it and is shorter ("TASS [News
// Agency]", "[U.N.] [Security Council]").
func (d *docState) replaces(covered []int, t, e int) bool {
	for u := t; u < e; u++ {
		c := covered[u]
		if c == 0 {
			continue
		}
		m := d.doc.Mentions[c-1]
		if m.First < t || m.End > e || m.End-m.First == e-t {
			return false
		}
	}
	return true
}

// addDemonymMentions makes a country adjective that owns a title or a
// national body a mention of its country: "Russian President", "Russian
// Foreign Ministry". A one-word mention the recognizer made of the
// adjective (typically OTH) becomes that mention.
func (d *docState) addDemonymMentions() {
	doc := d.doc
	covered := make([]int, len(doc.Tokens)) // mention index + 1
	for i, m := range doc.Mentions {
		for t := m.First; t < m.End; t++ {
			covered[t] = i + 1
		}
	}
	for t := 0; t+1 < len(doc.Tokens); t++ {
		if !d.capitalized(t) {
			continue
		}
		g, ok := gazetteer.Demonym(doc.Tokens[t].Text)
		if _, send := d.sentenceBounds(t); !ok || !d.ownsNext(t+1, send) && !d.bodyAt(t+1) {
			continue
		}
		n := covered[t] - 1
		switch {
		case n < 0:
			n = d.add(t, t+1, g.Type, g.Kind)
		case doc.Mentions[n].First == t && doc.Mentions[n].End == t+1 && doc.Mentions[n].Type != extract.Person:
			doc.Mentions[n].Type, doc.Mentions[n].Kind = g.Type, g.Kind
		default:
			continue
		}
		d.info[n].gaz, d.info[n].canon = g, g.Name
	}
}

// bodyAt reports whether a national body ("Foreign Ministry") starts at
// token t.
func (d *docState) bodyAt(t int) bool {
	_, send := d.sentenceBounds(t)
	for e := min(send, t+4); e > t; e-- {
		if b, ok := gazetteer.Lookup(d.text(t, e)); ok && b.Generic {
			return true
		}
	}
	return false
}

// describe finds the gazetteer entry and canonical name of mention i.
func (d *docState) describe(i int) {
	m := &d.doc.Mentions[i]
	inf := &d.info[i]
	if inf.gaz != nil {
		return
	}
	g, ok := gazetteer.Lookup(inf.name)
	if !ok && m.Type != extract.Person && m.End-m.First > 1 && d.ownerWord(m.First) {
		// "Russian Foreign Ministry": the owner leaves the mention.
		if b, ok := gazetteer.Lookup(d.text(m.First+1, m.End)); ok && b.Generic {
			m.First++
			d.setSpan(i)
			g = b
		}
	}
	if g == nil {
		if m.Type != extract.Person && m.End-m.First == 1 && d.surnames[surnameKey(inf.name)] {
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
