package entity

import (
	"strings"

	"kg/extract"
	"kg/extract/gazetteer"
)

// Coref is the stage after relation extraction: every fact argument whose
// head is a pronoun or a definite description ("he", "the Kremlin
// spokesman", "the alliance") and lies in no mention gets the mention
// Antecedent finds, so Speech facts name their speaker. An argument linked
// to a mention its head is not part of ("the Kremlin spokesman" linked to
// Kremlin) is relinked when the description resolves.
// It needs Mention.Entity set by a Resolver and reads its Role facts.
type Coref struct {
	// Index, when set, adds the roles learned from earlier documents: "the
	// Russian president" finds Putin in an article that never calls him so.
	Index *Index
}

// Annotate links pronoun and description arguments of doc.Facts.
func (co Coref) Annotate(doc *extract.Document) error {
	c := newCorefState(doc)
	if co.Index != nil {
		seen := map[string]bool{}
		var keys []string
		for _, m := range doc.Mentions {
			if m.Type == extract.Person && m.Entity != "" && !seen[m.Entity] {
				seen[m.Entity] = true
				keys = append(keys, m.Entity)
			}
		}
		c.roles = append(c.roles, co.Index.rolesOf(keys)...)
	}
	for i := range doc.Facts {
		f := &doc.Facts[i]
		for _, a := range []*extract.Arg{&f.Subject, &f.Object} {
			if a.Head < 0 || a.Head >= len(doc.Tokens) || mentionAt(doc, a.Head) >= 0 {
				continue
			}
			if m, ok := c.titled(a); ok {
				a.Mention = m
			} else if m, ok := c.antecedent(a.Head); ok {
				a.Mention = m
			} else if c.possessor(a) {
				a.Mention = -1 // "Mr. Putin's top deputies" are not Putin
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
	roles  []titledRole // from the document's Role facts and the index
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
		if f.Kind != extract.Role || f.Subject.Mention < 0 || f.Object.Mention < 0 {
			continue
		}
		r := titledRole{doc.Mentions[f.Subject.Mention].Entity, strings.ToLower(f.RelText),
			doc.Mentions[f.Object.Mention].Name}
		c.roles = append(c.roles, r)
		if g := titleGender[lastWord(r.title)]; g != 0 {
			c.gender[r.entity] = g
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

// titled finds the person a title-headed phrase names: "U.S. Secretary of
// State Antony Blinken" headed by Secretary is Blinken. It is the first
// person mention after the head before a verb or punctuation, else the one
// inside the phrase nearest its head.
func (c *corefState) titled(a *extract.Arg) (int, bool) {
	doc := c.doc
	w := strings.ToLower(doc.Tokens[a.Head].Text)
	if _, ok := titles[w]; !ok {
		if _, ok := titles[lastWord(w)]; !ok {
			return -1, false
		}
	}
	// A name right after the title: "White House press secretary | Jen
	// Psaki", "US Ambassador | to the United Nations Linda Thomas-Greenfield".
	for t := a.Head + 1; t < len(doc.Tokens) && t <= a.Head+8; t++ {
		if m := mentionAt(doc, t); m >= 0 && doc.Mentions[m].Type == extract.Person {
			return m, true
		}
		if tk := doc.Tokens[t]; tk.UPOS == extract.VERB || tk.UPOS == extract.AUX || !hasLetterOrDigit(tk.Text) {
			break
		}
	}
	best, dist := -1, 0
	for i, m := range doc.Mentions {
		if m.Type != extract.Person || !a.Span.Contains(m.Span) {
			continue
		}
		d := max(m.First-a.Head, a.Head-m.End+1)
		if best < 0 || d < dist {
			best, dist = i, d
		}
	}
	return best, best >= 0
}

// possessor reports whether the argument's mention owns its head: the
// mention ends before the head and a possessive follows it.
func (c *corefState) possessor(a *extract.Arg) bool {
	if a.Mention < 0 || a.Mention >= len(c.doc.Mentions) {
		return false
	}
	m := c.doc.Mentions[a.Mention]
	if m.End > a.Head || m.End >= len(c.doc.Tokens) {
		return false
	}
	w := gazetteer.Fold(c.doc.Tokens[m.End].Text)
	return w == "'s" || w == "'"
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
	// Modifiers back to the determiner: a country adjective or a name. A
	// description is definite ("the spokesman") or names its owner
	// ("Kremlin spokesman Peskov said" in a headline); "a spokesman" is
	// no one in particular.
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
		if !modifier(words[t]) {
			break
		}
	}
	if t >= 0 && words[t] != "the" && (determiners[words[t]] || owner == "") || t < 0 && owner == "" {
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

// titleHolders returns the entities whose roles carry title (for owner,
// when given).
func (c *corefState) titleHolders(title, owner string) map[string]bool {
	out := map[string]bool{}
	for _, r := range c.roles {
		fits := strings.HasSuffix(r.title, title) || title == "leader" && leaderTitles[lastWords(r.title)] ||
			title == "official" || title == "diplomat" && strings.Contains(r.title, "minister")
		if fits && (owner == "" || r.owner == owner) {
			out[r.entity] = true
		}
	}
	return out
}

// lastWords strips modifiers from a title: "former deputy prime
// minister" → "prime minister".
func lastWords(title string) string {
	for {
		w, rest, ok := strings.Cut(title, " ")
		if !ok || !modifier(w) {
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
