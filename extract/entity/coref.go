package entity

import (
	"strings"

	"kg/extract"
	"kg/extract/gazetteer"
)

// Coref is the stage after relation extraction: every fact argument with
// no mention (Arg.Mention < 0) whose head is a pronoun or a definite
// description ("he", "the Kremlin spokesman", "the alliance") gets the
// mention Antecedent finds, so Speech facts name their speaker.
// It needs Mention.Entity set by a Resolver and reads its Role facts.
type Coref struct{}

// Annotate links pronoun and description arguments of doc.Facts.
func (Coref) Annotate(doc *extract.Document) error {
	c := newCorefState(doc)
	for i := range doc.Facts {
		f := &doc.Facts[i]
		for _, a := range []*extract.Arg{&f.Subject, &f.Object} {
			if a.Mention >= 0 || a.Head < 0 || a.Head >= len(doc.Tokens) {
				continue
			}
			if m, ok := c.antecedent(a.Head); ok {
				a.Mention = m
			}
		}
	}
	return nil
}

// Antecedent returns the index of the mention that the pronoun or definite
// description whose head is token tok refers to:
//
//   - he/him/his and she/her: the nearest preceding person mention, in the
//     same or the three sentences before, whose gender (from Mr./Ms.,
//     gendered titles and earlier pronouns) does not conflict; a pronoun
//     outside quotation marks skips mentions inside them;
//   - it/its, they/them/their: the nearest organization or place;
//   - "the [Russian|Kremlin] leader/spokesman/minister...": the nearest
//     person whose Role facts carry that title (a leader: president, prime
//     minister, ...) for that country or organization;
//   - "the alliance/bloc/agency/ministry/country/city...": the nearest
//     organization or place of that kind.
//
// It needs Mention.Entity set by a Resolver, and reports false when
// nothing fits.
func Antecedent(doc *extract.Document, tok int) (int, bool) {
	if tok < 0 || tok >= len(doc.Tokens) {
		return -1, false
	}
	return newCorefState(doc).antecedent(tok)
}

type corefState struct {
	doc    *extract.Document
	quoted []bool          // token lies inside quotation marks
	gender map[string]byte // entity key → 'm' or 'f'
	sent   []int
}

var pronounGender = map[string]byte{"he": 'm', "him": 'm', "his": 'm', "himself": 'm',
	"she": 'f', "her": 'f', "hers": 'f', "herself": 'f'}

var pronounOther = map[string]bool{"it": true, "its": true, "they": true, "them": true, "their": true}

// classKinds maps nouns of definite descriptions to gazetteer kinds.
var classKinds = map[string][]string{
	"alliance": {"alliance"}, "bloc": {"union", "alliance"}, "union": {"union"},
	"agency": {"news agency", "government body"}, "country": {"country"}, "nation": {"country"},
	"city": {"city"}, "capital": {"city"}, "company": {"company"}, "firm": {"company"},
	"party": {"party"}, "organization": {"international organization", "alliance"},
	"organisation": {"international organization", "alliance"}, "ministry": {"government body"},
	"bank": {"central bank"}, "region": {"region"}, "peninsula": {"region"},
}

// leaderTitles are the titles "leader" stands for.
var leaderTitles = map[string]bool{"president": true, "prime minister": true, "chancellor": true,
	"leader": true, "king": true, "queen": true, "premier": true, "emir": true, "head": true,
	"secretary general": true, "secretary-general": true, "chairman": true}

func newCorefState(doc *extract.Document) *corefState {
	c := &corefState{doc: doc, quoted: make([]bool, len(doc.Tokens)), gender: map[string]byte{},
		sent: make([]int, len(doc.Tokens))}
	for si, s := range doc.Sentences {
		for t := s.First; t < s.End && t < len(doc.Tokens); t++ {
			c.sent[t] = si
		}
	}
	in := false
	for i, t := range doc.Tokens {
		switch t.Text {
		case "“":
			in = true
		case "”":
			c.quoted[i] = true
			in = false
			continue
		case "\"", "''", "``":
			if in {
				c.quoted[i] = true
			}
			in = !in
			continue
		}
		c.quoted[i] = in
	}
	for _, m := range doc.Mentions {
		if m.Type != extract.Person || m.Entity == "" || m.First == 0 {
			continue
		}
		p := strings.TrimSuffix(strings.ToLower(doc.Tokens[m.First-1].Text), ".")
		if g := max(honorifics[p], titleGender[p]); g != 0 {
			c.gender[m.Entity] = g
		}
	}
	for _, f := range doc.Facts {
		if f.Kind == extract.Role && f.Subject.Mention >= 0 {
			if g := titleGender[lastWord(strings.ToLower(f.RelText))]; g != 0 {
				c.gender[doc.Mentions[f.Subject.Mention].Entity] = g
			}
		}
	}
	return c
}

func (c *corefState) antecedent(tok int) (int, bool) {
	w := strings.ToLower(c.doc.Tokens[tok].Text)
	if g, ok := pronounGender[w]; ok {
		m, ok := c.nearest(tok, func(m extract.Mention) bool {
			return m.Type == extract.Person && c.gender[m.Entity] != otherGender(g)
		})
		if ok && c.gender[c.doc.Mentions[m].Entity] == 0 {
			c.gender[c.doc.Mentions[m].Entity] = g
		}
		return m, ok
	}
	if pronounOther[w] {
		return c.nearest(tok, func(m extract.Mention) bool {
			return m.Type == extract.Organization || m.Type == extract.Place
		})
	}
	return c.description(tok)
}

func otherGender(g byte) byte {
	if g == 'm' {
		return 'f'
	}
	return 'm'
}

// nearest returns the closest mention before tok, within the three
// sentences before it, that fits; a token outside quotes skips quoted
// mentions.
func (c *corefState) nearest(tok int, fits func(extract.Mention) bool) (int, bool) {
	for i := len(c.doc.Mentions) - 1; i >= 0; i-- {
		m := c.doc.Mentions[i]
		if m.First >= tok || m.Entity == "" {
			continue
		}
		if c.sent[tok]-c.sent[m.First] > 3 {
			break
		}
		if c.quoted[m.First] && !c.quoted[tok] {
			continue
		}
		if fits(m) {
			return i, true
		}
	}
	return -1, false
}

// description resolves "the [modifiers] NOUN" at head tok.
func (c *corefState) description(tok int) (int, bool) {
	doc := c.doc
	lower := func(t int) string { return strings.ToLower(gazetteer.Fold(doc.Tokens[t].Text)) }
	words := make([]string, tok+1)
	for t := range words {
		words[t] = lower(t)
	}
	// The title or class noun may span words ending at tok: "foreign minister".
	head := words[tok]
	first := tok
	for s := tok; s >= 0 && tok-s < titleWords; s-- {
		if t, e := matchTitle(words, s); t != "" && e == tok+1 {
			head, first = t, s
		}
	}
	// Modifiers back to the determiner: a country adjective or a name.
	owner := ""
	t := first - 1
	for ; t >= 0 && !determiners[words[t]]; t-- {
		if g, ok := gazetteer.Demonym(doc.Tokens[t].Text); ok {
			owner = g.Name
			continue
		}
		if m := mentionAt(doc, t); m >= 0 {
			owner = doc.Mentions[m].Name
			t = doc.Mentions[m].First
			continue
		}
		if rankPrefixes[words[t]] {
			continue
		}
		return -1, false
	}
	if t < 0 || words[t] != "the" {
		return -1, false
	}
	if kinds, ok := classKinds[head]; ok {
		return c.nearest(tok, func(m extract.Mention) bool {
			for _, k := range kinds {
				if m.Kind == k && (owner == "" || strings.Contains(m.Name, owner)) {
					return true
				}
			}
			return false
		})
	}
	if _, ok := titles[head]; !ok {
		return -1, false
	}
	holders := c.titleHolders(head, owner)
	return c.nearest(tok, func(m extract.Mention) bool { return holders[m.Entity] })
}

// titleHolders returns the entities whose Role facts carry title (for
// owner, when given).
func (c *corefState) titleHolders(title, owner string) map[string]bool {
	out := map[string]bool{}
	for _, f := range c.doc.Facts {
		if f.Kind != extract.Role || f.Subject.Mention < 0 || f.Object.Mention < 0 {
			continue
		}
		held := strings.ToLower(f.RelText)
		fits := strings.HasSuffix(held, title) || title == "leader" && leaderTitles[lastWords(held)] ||
			title == "official" || title == "diplomat" && strings.Contains(held, "minister")
		if !fits {
			continue
		}
		if owner != "" && c.doc.Mentions[f.Object.Mention].Name != owner {
			continue
		}
		out[c.doc.Mentions[f.Subject.Mention].Entity] = true
	}
	return out
}

// lastWords strips rank prefixes from a title: "deputy prime minister" →
// "prime minister".
func lastWords(title string) string {
	for {
		w, rest, ok := strings.Cut(title, " ")
		if !ok || !rankPrefixes[w] && titles[title] != "" {
			return title
		}
		title = rest
	}
}

// mentionAt returns the mention covering token t, or -1.
func mentionAt(doc *extract.Document, t int) int {
	for i, m := range doc.Mentions {
		if m.First <= t && t < m.End {
			return i
		}
	}
	return -1
}
