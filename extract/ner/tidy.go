package ner

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"kg/extract"
)

// Titles come before a person's name but are no part of it: Universal
// NER leaves them out of mentions, and so does the recognizer. A mention
// that starts with titles ending in a head title ("Foreign Minister",
// "Mr.") loses them, and what remains, when capitalized, names a person.
// Words are lower case without dots.
var (
	honorifics = newSet(`mr mrs ms miss dr prof sir dame madam mister`)
	headTitles = newSet(`mr mrs ms miss dr prof sir dame madam mister
		president minister secretary chancellor premier ambassador envoy
		spokesman spokeswoman spokesperson senator sen rep congressman congresswoman
		governor gov mayor gen lt col colonel capt sgt adm admiral cmdr
		pope cardinal archbishop rev sheikh judge chairman chairwoman ceo
		commissioner undersecretary`)
	// titleModifiers come before a head title ("Prime Minister") or, after
	// "Secretary of", stand for a department ("Secretary of State").
	titleModifiers = newSet(`vice prime deputy assistant foreign defense defence
		interior finance justice home state treasury affairs`)
)

// corporate designators end company names ("Rospatch Corp", "Hoechst AG");
// lower case without dots.
var corporate = newSet(`inc corp co ltd plc llc llp lp ag sa nv bv gmbh spa ab asa oyj pte pty bhd
	corporation incorporated limited`)

// weekdays often follow a name in news ("said Peskov Thursday") and are
// never the end of one.
var weekdays = newSet(`monday tuesday wednesday thursday friday saturday sunday`)

func newSet(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// key is a token's form as the word lists hold it: lower case, dots dropped.
func key(t *extract.Token) string {
	return strings.ToLower(strings.ReplaceAll(t.Text, ".", ""))
}

func capitalized(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// tidy trims the mentions of one sentence (token indices relative to toks)
// in place: leading titles (a gazetteer name before them becomes a mention
// of its own), and trailing weekdays, lower-case words and punctuation. A mention followed by a corporate designator ("Corp",
// ", Inc.") takes it in and, like every mention ending in one, names an
// organization; a designator alone is no mention. It returns the mentions
// left.
func (s *sentence) tidy(toks []extract.Token, ms []extract.Mention) []extract.Mention {
	out := ms[:0]
	for i := range ms {
		m := ms[i]
		if len(out) > 0 && m.First < out[len(out)-1].End {
			continue // taken in by the mention before
		}
		first := s.titlesEnd(toks, m.First, m.End)
		if first > m.First {
			// A place or organization before the title ("U.S. Secretary
			// of State") stays a mention of its own.
			ws := s.words[window : len(s.words)-window]
			if g := ws[m.First].gaz; g.part == begin || g.part == unit {
				if end := gazEnd(ws, m.First); end <= first {
					out = append(out, extract.Mention{First: m.First, End: end, Type: g.typ})
				}
			}
			if honorifics[key(&toks[first-1])] || m.Type != extract.OtherEntity {
				m.Type = extract.Person
			}
			m.First = first
		}
		if capitalized(toks[m.First].Text) {
			for m.End > m.First+1 && trailing(&toks[m.End-1]) {
				m.End--
			}
		}
		m.End = designatorEnd(toks, m.End)
		if corporate[key(&toks[m.End-1])] {
			if m.End-m.First == 1 || corporate[key(&toks[m.First])] {
				continue
			}
			m.Type = extract.Organization
		}
		out = append(out, m)
	}
	return out
}

// designatorEnd returns the end of the corporate designators, with an
// optional comma before them, that follow toks[:end].
func designatorEnd(toks []extract.Token, end int) int {
	j := end
	if j+1 < len(toks) && toks[j].Text == "," && corporate[key(&toks[j+1])] && capitalized(toks[j+1].Text) {
		j++
	}
	if j < len(toks) && corporate[key(&toks[j])] && capitalized(toks[j].Text) {
		return j + 1
	}
	return end
}

// titlesEnd returns the index of the first token of toks[first:end] after
// its leading titles, or first when it has none or nothing capitalized
// follows them. Demonyms and gazetteer names count as title modifiers
// ("Russian President", "U.S. Ambassador").
func (s *sentence) titlesEnd(toks []extract.Token, first, end int) int {
	afterOf := first >= 2 && toks[first-1].Text == "of" && headTitles[key(&toks[first-2])]
	modifier := func(i int) bool {
		w := &s.words[i+window]
		return titleModifiers[key(&toks[i])] || w.demonym || w.gaz.typ != extract.NoEntity
	}
	cut := first
	for i := first; i < end-1; i++ {
		k := key(&toks[i])
		switch {
		case headTitles[k]:
			cut = i + 1
			// "Secretary of State", "Ambassador to the United Nations"
			j := i + 1
			if j < end-1 && (k == "secretary" || k == "minister" || k == "ambassador" || k == "envoy") &&
				(toks[j].Text == "of" || toks[j].Text == "to") {
				j++
				if j < end-1 && strings.EqualFold(toks[j].Text, "the") {
					j++
				}
				n := j
				for n < end-1 && modifier(n) {
					n++
				}
				if n > j {
					cut, i = n, n-1
				}
			}
		case modifier(i):
			if afterOf && i == first {
				cut = i + 1
			}
		default:
			i = end
		}
	}
	if cut == first || !capitalized(toks[cut].Text) {
		return first
	}
	return cut
}

// trailing reports whether a token cannot end a capitalized mention that
// has more words: a weekday, a lower-case word, or punctuation.
func trailing(t *extract.Token) bool {
	r, _ := utf8.DecodeRuneInString(t.Text)
	return weekdays[key(t)] || unicode.IsLower(r) || unicode.IsPunct(r) || unicode.IsSymbol(r)
}

// harmonize gives every mention of a document the type its text has most
// often in the document, counting a person's full name ("Dmitry Peskov")
// also for its last word ("Peskov"). A company named with its designator
// ("Rospatch Corp") makes the bare name ("Rospatch") an organization
// whatever the votes. Ties keep the type given.
func harmonize(doc *extract.Document, ms []extract.Mention) {
	votes := map[string]*[len(entityTypes) + 1]int{}
	vote := func(text string, t extract.EntityType) {
		v := votes[text]
		if v == nil {
			v = new([len(entityTypes) + 1]int)
			votes[text] = v
		}
		v[t]++
	}
	companies := map[string]bool{}
	for _, m := range ms {
		vote(doc.Slice(m.Span), m.Type)
		last := &doc.Tokens[m.End-1]
		switch {
		case m.End-m.First < 2:
		case m.Type == extract.Person:
			vote(last.Text, extract.Person)
		case m.Type == extract.Organization && corporate[key(last)]:
			end := m.End - 1
			if doc.Tokens[end-1].Text == "," && end-1 > m.First {
				end--
			}
			companies[doc.Text[m.Start:doc.Tokens[end-1].End]] = true
		}
	}
	for i := range ms {
		m := &ms[i]
		text := doc.Slice(m.Span)
		if companies[text] {
			m.Type = extract.Organization
			continue
		}
		v := votes[text]
		for t, n := range v {
			if n > v[m.Type] {
				m.Type = extract.EntityType(t)
			}
		}
	}
}
