package entity

import (
	"slices"
	"strings"
	"sync"
	"unicode"

	"kg/extract"
	"kg/extract/gazetteer"
)

// Index is what is known about entities across documents: canonical key,
// display name, type and every surface form seen. It is safe for
// concurrent use; a Resolver reads and extends it with each document.
//
// Keys are derived from the canonical name ("Dmitry_Peskov"). The
// canonical name of an entity the resolver created is its best name so
// far: a full name beats a surname alone, then the most frequent full
// form, then the longest, then the alphabetically first. When a better
// name arrives (a document says "Dmitry Peskov" after others said only
// "Peskov") the entity is renamed and the old key is kept as a redirect:
// Canonical maps any key ever handed out to the current one, and Renamed
// lists the redirects, so a store can rewrite earlier documents' nodes.
// Entries given by Add keep their key for good.
type Index struct {
	mu      sync.Mutex
	byKey   map[string]*entry
	byName  map[string][]*entry // gazetteer.Key of every surface form and name
	bySur   map[string][]*entry // surname skeleton of persons
	renamed map[string]string   // old key → newer key
	rewrite map[string]string   // Key(surface) → name, from alias files
	split   map[string]bool     // Key(name) of entities joined by exact names only
}

type entry struct {
	key     string
	name    string
	typ     extract.EntityType
	kind    string
	fixed   bool           // key and name given by Add: never renamed
	forms   map[string]int // person full names (display form) with counts
	aliases map[string]bool
	sur     string // surname key, persons only
	first   string // first name of name, persons only
	count   int    // mentions resolved to it
	roles   []heldRole
}

// heldRole is a title an entity holds, learned from a Role fact.
type heldRole struct {
	title string // lower case, as written: "foreign minister"
	owner *entry
}

// titledRole is a role as coreference reads it: who holds which title of
// which owner, by key and names.
type titledRole struct {
	entity, title, owner string
}

// learnRoles records the Role facts of a resolved document, so that a
// later document saying only "the Russian president" finds its holder.
func (x *Index) learnRoles(doc *extract.Document) {
	for _, f := range doc.Facts {
		if f.Kind != extract.Role || f.Subject.Mention < 0 || f.Object.Mention < 0 {
			continue
		}
		e, o := x.byKey[x.follow(doc.Mentions[f.Subject.Mention].Entity)], x.byKey[x.follow(doc.Mentions[f.Object.Mention].Entity)]
		if e == nil || o == nil {
			continue
		}
		r := heldRole{strings.ToLower(f.RelText), o}
		if !slices.Contains(e.roles, r) {
			e.roles = append(e.roles, r)
		}
	}
}

// rolesOf returns the roles the index knows for the given entity keys.
func (x *Index) rolesOf(keys []string) []titledRole {
	x.mu.Lock()
	defer x.mu.Unlock()
	var out []titledRole
	for _, k := range keys {
		if e := x.byKey[x.follow(k)]; e != nil {
			for _, r := range e.roles {
				out = append(out, titledRole{k, r.title, r.owner.name})
			}
		}
	}
	return out
}

// Entry is one known entity, as Entries lists it.
type Entry struct {
	Key     string             // stable canonical key: "Dmitry_Peskov"
	Name    string             // display name: "Dmitry Peskov"
	Type    extract.EntityType // Person, Organization, Place, OtherEntity
	Kind    string             // finer kind when known: country, agency, ...
	Aliases []string           // surface forms seen or given, sorted
}

// NewIndex returns an empty index.
func NewIndex() *Index {
	return &Index{byKey: map[string]*entry{}, byName: map[string][]*entry{}, bySur: map[string][]*entry{},
		renamed: map[string]string{}, rewrite: map[string]string{}, split: map[string]bool{}}
}

// Add records a known entity, typically loaded from the graph (its
// rdfs:label is name, its skos:altLabels are aliases). Its key is kept as
// given. Adding a key again adds the aliases to it.
func (x *Index) Add(key, name string, typ extract.EntityType, aliases []string) {
	x.mu.Lock()
	defer x.mu.Unlock()
	e := x.byKey[key]
	if e == nil {
		e = &entry{key: key, name: name, typ: typ, fixed: true, forms: map[string]int{}, aliases: map[string]bool{}}
		if g, ok := gazetteer.Lookup(name); ok && g.Type == typ {
			e.kind = g.Kind
		}
		x.byKey[key] = e
		if typ == extract.Person {
			x.setPerson(e, parsePerson(name))
		}
	}
	e.fixed = true
	e.name = name
	for _, a := range append([]string{name}, aliases...) {
		x.addAlias(e, a)
	}
}

// Entries lists every entity, sorted by key.
func (x *Index) Entries() []Entry {
	x.mu.Lock()
	defer x.mu.Unlock()
	out := make([]Entry, 0, len(x.byKey))
	for _, e := range x.byKey {
		al := make([]string, 0, len(e.aliases))
		for a := range e.aliases {
			if a != e.name {
				al = append(al, a)
			}
		}
		slices.Sort(al)
		out = append(out, Entry{Key: e.key, Name: e.name, Type: e.typ, Kind: e.kind, Aliases: al})
	}
	slices.SortFunc(out, func(a, b Entry) int { return strings.Compare(a.Key, b.Key) })
	return out
}

// Canonical returns the current key of an entity given any key it ever
// had; an unknown key is returned unchanged.
func (x *Index) Canonical(key string) string {
	x.mu.Lock()
	defer x.mu.Unlock()
	return x.follow(key)
}

// Name returns the current display name of the entity with key (any key
// it ever had), or "" for an unknown key.
func (x *Index) Name(key string) string {
	x.mu.Lock()
	defer x.mu.Unlock()
	if e := x.byKey[x.follow(key)]; e != nil {
		return e.name
	}
	return ""
}

func (x *Index) follow(key string) string {
	for i := 0; i < 100; i++ {
		next, ok := x.renamed[key]
		if !ok {
			break
		}
		key = next
	}
	return key
}

// Renamed returns every key that was replaced, mapped to the current key.
func (x *Index) Renamed() map[string]string {
	x.mu.Lock()
	defer x.mu.Unlock()
	out := make(map[string]string, len(x.renamed))
	for old := range x.renamed {
		out[old] = x.follow(old)
	}
	return out
}

func (x *Index) addAlias(e *entry, a string) {
	if a == "" || e.aliases[a] {
		return
	}
	e.aliases[a] = true
	k := gazetteer.Key(a)
	if !slices.Contains(x.byName[k], e) {
		x.byName[k] = append(x.byName[k], e)
	}
}

func (x *Index) setPerson(e *entry, n personName) {
	sur := surnameKey(n.last)
	if e.sur != sur {
		if e.sur != "" {
			x.bySur[e.sur] = slices.DeleteFunc(x.bySur[e.sur], func(o *entry) bool { return o == e })
		}
		e.sur = sur
		x.bySur[sur] = append(x.bySur[sur], e)
	}
	e.first = n.first
}

// create makes a new entity named name, with a key unique in the index.
func (x *Index) create(name string, typ extract.EntityType, kind string) *entry {
	e := &entry{name: name, typ: typ, kind: kind, forms: map[string]int{}, aliases: map[string]bool{}}
	e.key = x.freeKey(name, nil)
	x.byKey[e.key] = e
	return e
}

// freeKey derives a key from name that no other entry than self holds.
func (x *Index) freeKey(name string, self *entry) string {
	base := KeyOf(name)
	key := base
	for n := 2; ; n++ {
		if o, ok := x.byKey[key]; !ok || o == self {
			if _, old := x.renamed[key]; !old {
				return key
			}
		}
		key = base + "_" + itoa(n)
	}
}

func itoa(n int) string {
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}

// rename gives a person entity its best name (see bestForm).
func (x *Index) rename(e *entry) {
	if best := bestForm(e.forms); !e.fixed && best != "" && best != e.name {
		x.setName(e, best)
	}
}

// setName gives e a new name and, when the key changes with it, a new key,
// keeping the old one as a redirect.
func (x *Index) setName(e *entry, name string) {
	e.name = name
	x.addAlias(e, name)
	if e.typ == extract.Person {
		x.setPerson(e, parsePerson(name))
	}
	old := e.key
	if key := x.freeKey(name, e); key != old {
		delete(x.byKey, old)
		e.key = key
		x.byKey[key] = e
		x.renamed[old] = key
	}
}

// bestForm picks the canonical full name: most frequent, then longest,
// then alphabetically first, so the choice depends on the forms seen and
// not on their order.
func bestForm(forms map[string]int) string {
	best := ""
	for f, n := range forms {
		switch {
		case best == "":
		case n != forms[best]:
			if n < forms[best] {
				continue
			}
		case len(f) != len(best):
			if len(f) < len(best) {
				continue
			}
		case f > best:
			continue
		}
		best = f
	}
	return best
}

// merge folds entity b into a, for alias files.
func (x *Index) merge(a, b *entry) {
	if a == b {
		return
	}
	for al := range b.aliases {
		x.addAlias(a, al)
	}
	for f, n := range b.forms {
		a.forms[f] += n
	}
	a.count += b.count
	for k, list := range x.byName {
		x.byName[k] = slices.DeleteFunc(list, func(o *entry) bool { return o == b })
	}
	if b.sur != "" {
		x.bySur[b.sur] = slices.DeleteFunc(x.bySur[b.sur], func(o *entry) bool { return o == b })
	}
	delete(x.byKey, b.key)
	x.renamed[b.key] = a.key
}

// KeyOf derives an entity key from a display name: ASCII letters and
// digits, other runs replaced by one underscore ("Dmitry S. Peskov" →
// "Dmitry_S_Peskov", "Côte d'Ivoire" → "Cote_d_Ivoire").
func KeyOf(name string) string {
	var b strings.Builder
	under := false
	for _, r := range gazetteer.Fold(name) {
		if r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			if under && b.Len() > 0 {
				b.WriteByte('_')
			}
			b.WriteRune(r)
			under = false
		} else {
			under = true
		}
	}
	if b.Len() == 0 {
		return "entity"
	}
	return b.String()
}
