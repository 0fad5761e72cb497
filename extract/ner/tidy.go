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
		interior finance justice home state treasury`)
)

// weekdays and months often follow a name in news ("said Peskov Thursday")
// and are never the end of one.
var dates = newSet(`monday tuesday wednesday thursday friday saturday sunday
	mon tue tues wed thu thur thurs fri sat sun`)

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
// in place: leading titles, and trailing weekdays, lower-case words and
// punctuation. It returns the mentions.
func tidy(toks []extract.Token, ms []extract.Mention) []extract.Mention {
	for i := range ms {
		m := &ms[i]
		first := titlesEnd(toks, m.First, m.End)
		if first > m.First {
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
	}
	return ms
}

// titlesEnd returns the index of the first token of toks[first:end] after
// its leading titles, or first when it has none or nothing capitalized
// follows them.
func titlesEnd(toks []extract.Token, first, end int) int {
	afterOf := first >= 2 && toks[first-1].Text == "of" && headTitles[key(&toks[first-2])]
	cut := first
	for i := first; i < end-1; i++ {
		k := key(&toks[i])
		switch {
		case headTitles[k]:
			cut = i + 1
		case titleModifiers[k]:
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
	return dates[key(t)] || unicode.IsLower(r) || unicode.IsPunct(r) || unicode.IsSymbol(r)
}

// harmonize gives every mention of a document the type its text has most
// often in the document, counting a person's full name ("Dmitry Peskov")
// also for its last word ("Peskov"). Ties keep the type given.
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
	for _, m := range ms {
		vote(doc.Slice(m.Span), m.Type)
		if m.Type == extract.Person && m.End-m.First > 1 {
			vote(doc.Tokens[m.End-1].Text, extract.Person)
		}
	}
	for i := range ms {
		m := &ms[i]
		v := votes[doc.Slice(m.Span)]
		for t, n := range v {
			if n > v[m.Type] {
				m.Type = extract.EntityType(t)
			}
		}
	}
}
