// Package pathqtest builds small hand-made documents for tests and
// benchmarks of pathq and the shell, without the NLP models.
package pathqtest

import (
	"fmt"
	"strings"

	"kg/extract"
)

// Entity is an entity as a sentence mentions it.
type Entity struct {
	Surface string // as written in the sentence; must occur in it
	Name    string // canonical name; the key is the name
	Type    extract.EntityType
}

// Fact is an asserted fact of a sentence: Subject Relation Object, or, when
// Quote is set, a speech fact "Subject said Quote".
type Fact struct {
	Subject  Entity
	Relation string
	Object   Entity
	Quote    string // must occur in the sentence
}

// Sentence is a sentence's text and its facts.
type Sentence struct {
	Text  string
	Facts []Fact
}

// Doc builds a document whose sentences state the facts. It panics when a
// surface form or quote is not in its sentence: fixtures are code.
func Doc(id, title, outlet string, sentences ...Sentence) *extract.Document {
	d := &extract.Document{ID: id, Meta: extract.Meta{Title: title, Outlet: outlet, Date: "2024-03-01",
		URL: "https://news.example/" + id, Source: id + ".txt"}}
	for i, s := range sentences {
		if d.Text != "" {
			d.Text += " "
		}
		start := len(d.Text)
		d.Text += s.Text
		sp := extract.Span{Start: start, End: len(d.Text)}
		d.Sentences = append(d.Sentences, extract.Sentence{Span: sp})
		find := func(text string) extract.Span {
			off := strings.Index(s.Text, text)
			if off < 0 {
				panic(fmt.Sprintf("pathqtest: %q not in %q", text, s.Text))
			}
			return extract.Span{Start: start + off, End: start + off + len(text)}
		}
		mention := func(e Entity) extract.Arg {
			m := extract.Mention{Span: find(e.Surface), Type: e.Type, Entity: e.Name, Name: e.Name}
			d.Mentions = append(d.Mentions, m)
			return extract.Arg{Span: m.Span, Text: e.Surface, Head: -1, Mention: len(d.Mentions) - 1}
		}
		for _, f := range s.Facts {
			fact := extract.Fact{Kind: extract.Event, Relation: f.Relation, RelText: strings.ReplaceAll(f.Relation, "_", " "),
				Subject: mention(f.Subject), Attributed: -1, Confidence: 0.9, Sentence: i, Span: sp}
			if f.Quote != "" {
				fact.Kind, fact.Relation, fact.RelText = extract.Speech, "said", "said"
				fact.Object = extract.Arg{Span: find(f.Quote), Text: f.Quote, Head: -1, Mention: -1}
			} else {
				fact.Object = mention(f.Object)
			}
			d.Facts = append(d.Facts, fact)
		}
	}
	return d
}

// Common entities of the fixtures.
var (
	Peskov   = Entity{"Peskov", "Dmitry Peskov", extract.Person}
	Kremlin  = Entity{"Kremlin", "Kremlin", extract.Organization}
	Putin    = Entity{"Putin", "Vladimir Putin", extract.Person}
	Biden    = Entity{"Biden", "Joe Biden", extract.Person}
	Moscow   = Entity{"Moscow", "Moscow", extract.Place}
	Zelensky = Entity{"Zelensky", "Volodymyr Zelensky", extract.Person}
	Kyiv     = Entity{"Kyiv", "Kyiv", extract.Place}
)

// News returns three small articles about the same people, from two
// outlets: a connected graph with a speech fact, an alias, a two-hop chain
// and a fact stated twice.
func News() []*extract.Document {
	return []*extract.Document{
		Doc("a", "Kremlin rejects demand", "News Example",
			Sentence{"Kremlin spokesman Dmitry Peskov said there was cautious optimism.", []Fact{
				{Subject: Entity{"Dmitry Peskov", "Dmitry Peskov", extract.Person}, Relation: "spokesman_of", Object: Kremlin},
				{Subject: Entity{"Dmitry Peskov", "Dmitry Peskov", extract.Person}, Quote: "there was cautious optimism"},
			}},
			Sentence{"Putin met Biden in Geneva.", []Fact{{Subject: Putin, Relation: "meet", Object: Biden}}},
		),
		Doc("b", "Talks resume", "Daily Wire Service",
			Sentence{"Peskov, the spokesman of the Kremlin, said talks would resume.", []Fact{
				{Subject: Peskov, Relation: "spokesman_of", Object: Kremlin},
				{Subject: Peskov, Quote: "talks would resume"},
			}},
			Sentence{"The Kremlin is based in Moscow.", []Fact{{Subject: Kremlin, Relation: "based_in", Object: Moscow}}},
			Sentence{"Putin leads the Kremlin.", []Fact{{Subject: Putin, Relation: "lead", Object: Kremlin}}},
		),
		Doc("c", "Kyiv responds", "Daily Wire Service",
			Sentence{"Zelensky rejected the proposal from Putin.", []Fact{{Subject: Zelensky, Relation: "reject", Object: Putin}}},
			Sentence{"Zelensky lives in Kyiv.", []Fact{{Subject: Zelensky, Relation: "live_in", Object: Kyiv}}},
		),
	}
}

// Synthetic returns n generated documents of four sentences each, every
// sentence stating one fact between two of the given number of entities
// with one of 20 relations: a deterministic graph for benchmarks. Entity i
// is named "Person i" (or "Org i" for every third).
func Synthetic(n, entities int) []*extract.Document {
	ent := func(i int) Entity {
		if i%3 == 0 {
			name := fmt.Sprintf("Org %d", i)
			return Entity{name, name, extract.Organization}
		}
		name := fmt.Sprintf("Person %d", i)
		return Entity{name, name, extract.Person}
	}
	x := uint32(1)
	next := func(k int) int { // xorshift: fast and deterministic
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		return int(x % uint32(k))
	}
	docs := make([]*extract.Document, n)
	for d := range docs {
		var ss []Sentence
		for range 4 {
			a, b := ent(next(entities)), ent(next(entities))
			if a.Name == b.Name {
				b = ent((next(entities) + 1) % entities)
			}
			rel := fmt.Sprintf("rel_%d", next(20))
			ss = append(ss, Sentence{fmt.Sprintf("%s %s %s.", a.Surface, strings.ReplaceAll(rel, "_", " "), b.Surface),
				[]Fact{{Subject: a, Relation: rel, Object: b}}})
		}
		docs[d] = Doc(fmt.Sprintf("synthetic/%d", d), fmt.Sprintf("Story %d", d), fmt.Sprintf("Outlet %d", d%7), ss...)
	}
	return docs
}
