package entity

import (
	"slices"
	"strings"
	"unicode"

	"kg/extract"
	"kg/extract/gazetteer"
)

// cluster is the mentions of one document that name one entity.
type cluster struct {
	members []int // mention indices, in text order
	typ     extract.EntityType
	kind    string
	// persons
	sur   string         // surname key
	first string         // first name of the first full name, "" if none
	forms map[string]int // full names (display forms) with counts
	last  string         // surname as written, for a surname-only cluster
	// places and organizations
	canon string
	entry *entry // linked entity
}

// cluster groups the mentions of the document. Persons with a full name
// come first, grouped by surname and compatible first name; then each
// surname alone joins the full name with that surname (the nearest one
// before it when several), or a group of its own. Other mentions group by
// canonical name; an acronym joins the name it abbreviates.
func (d *docState) cluster(x *Index) []*cluster {
	var out []*cluster
	type pm struct {
		i int
		n personName
	}
	var full, single []pm
	for i := range d.doc.Mentions {
		m := &d.doc.Mentions[i]
		if m.Type == extract.Person || d.info[i].gaz != nil || !d.capitalized(m.First) || m.End-m.First > 4 {
			continue
		}
		// A person the index knows, tagged as something else: the surname
		// alone, or a full name with a fitting first name.
		n := parsePerson(d.info[i].name)
		if n.first == "" && m.End-m.First > 1 {
			continue
		}
		for _, e := range x.bySur[surnameKey(n.last)] {
			if e.typ == extract.Person && e.first != "" && firstCompatible(e.first, n.first) {
				m.Type, m.Kind = extract.Person, ""
				break
			}
		}
	}
	for i, m := range d.doc.Mentions {
		if m.Type != extract.Person {
			continue
		}
		n := parsePerson(d.rewritten(x, i))
		switch {
		case n.last == "":
		case n.first != "":
			full = append(full, pm{i, n})
		default:
			single = append(single, pm{i, n})
		}
	}
	owner := map[int]*cluster{}
	for _, p := range full {
		sur := surnameKey(p.n.last)
		var c *cluster
		for _, o := range out {
			if o.sur == sur && firstCompatible(o.first, p.n.first) && x.mayJoin(o, p.n.display) {
				c = o
				break
			}
		}
		if c == nil {
			c = &cluster{typ: extract.Person, sur: sur, first: p.n.first, forms: map[string]int{}}
			out = append(out, c)
		}
		c.members = append(c.members, p.i)
		c.forms[p.n.display]++
		owner[p.i] = c
	}
	nfull := len(out)
	for _, p := range single {
		sur := surnameKey(p.n.last)
		var best *cluster
		bestAt := -1
		for _, o := range out[:nfull] {
			if o.sur != sur || x.split[gazetteer.Key(bestForm(o.forms))] {
				continue
			}
			// The nearest full name before the mention wins; else the first.
			at := -1
			for _, mi := range o.members {
				if mi < p.i {
					at = mi
				}
			}
			if best == nil || at > bestAt {
				best, bestAt = o, at
			}
		}
		if best == nil {
			for _, o := range out[nfull:] {
				if o.sur == sur {
					best = o
				}
			}
		}
		if best == nil {
			best = &cluster{typ: extract.Person, sur: sur, last: p.n.last, forms: map[string]int{}}
			out = append(out, best)
		}
		best.members = append(best.members, p.i)
		owner[p.i] = best
	}
	byCanon := map[string]*cluster{}
	for i, m := range d.doc.Mentions {
		if m.Type == extract.Person || d.info[i].canon == "" {
			continue
		}
		canon := d.info[i].canon
		if to, ok := x.rewrite[gazetteer.Key(d.info[i].surface)]; ok {
			canon = to
		}
		k := gazetteer.Key(canon)
		c := byCanon[k]
		if c == nil {
			c = &cluster{typ: m.Type, kind: m.Kind, canon: canon}
			byCanon[k] = c
			out = append(out, c)
		}
		if c.typ == extract.OtherEntity {
			c.typ = m.Type
		}
		c.members = append(c.members, i)
	}
	d.joinAcronyms(out, byCanon)
	for _, c := range out {
		slices.Sort(c.members)
	}
	return slices.DeleteFunc(out, func(c *cluster) bool { return len(c.members) == 0 })
}

// rewritten returns the name of person mention i after the index's alias
// rules: a rule for the whole surface ("Mr. P") or for the name wins.
func (d *docState) rewritten(x *Index, i int) string {
	for _, s := range []string{d.info[i].surface, d.info[i].name} {
		if to, ok := x.rewrite[gazetteer.Key(s)]; ok {
			return to
		}
	}
	return d.info[i].name
}

// mayJoin reports whether the full name display may join cluster c: a name
// an alias file marked "split" joins only its exact spelling.
func (x *Index) mayJoin(c *cluster, display string) bool {
	k := gazetteer.Key(display)
	for f := range c.forms {
		fk := gazetteer.Key(f)
		if fk != k && (x.split[fk] || x.split[k]) {
			return false
		}
	}
	return true
}

// joinAcronyms moves a one-word capitals mention ("CSIS") into the
// cluster whose name it abbreviates ("Center for Strategic and
// International Studies").
func (d *docState) joinAcronyms(out []*cluster, byCanon map[string]*cluster) {
	for _, c := range out {
		if c.typ == extract.Person || strings.ContainsRune(c.canon, ' ') || len(c.canon) < 2 || !allUpper(c.canon) {
			continue
		}
		if _, known := gazetteer.Lookup(c.canon); known {
			continue
		}
		for _, o := range out {
			if o != c && o.typ == extract.Organization && initials(o.canon) == c.canon {
				o.members = append(o.members, c.members...)
				c.members = nil
				delete(byCanon, gazetteer.Key(c.canon))
				break
			}
		}
	}
}

func allUpper(s string) bool {
	for _, r := range s {
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// initials of the capitalized words of name: "Center for Strategic and
// International Studies" → "CSIS".
func initials(name string) string {
	var b strings.Builder
	for _, w := range strings.Fields(name) {
		if r := []rune(w)[0]; unicode.IsUpper(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// link finds or makes the index entity of every cluster and sets the
// mentions' Entity and Name. Full-name persons link first so that a
// surname alone can join an entity they just named.
func (d *docState) link(x *Index, clusters []*cluster) {
	for _, c := range clusters {
		if c.typ == extract.Person && len(c.forms) > 0 {
			d.linkPerson(x, c)
		}
	}
	for _, c := range clusters {
		switch {
		case c.typ == extract.Person && len(c.forms) == 0:
			d.linkSurname(x, c)
		case c.typ != extract.Person:
			d.linkOther(x, c)
		}
	}
	for _, c := range clusters {
		e := c.entry
		e.count += len(c.members)
		for _, i := range c.members {
			x.addAlias(e, d.info[i].surface)
			x.addAlias(e, d.info[i].name)
		}
	}
	for _, c := range clusters {
		for _, i := range c.members {
			d.doc.Mentions[i].Entity = c.entry.key
			d.doc.Mentions[i].Name = c.entry.name
		}
	}
}

// linkPerson links a cluster with a full name to the person entity that
// fits it best (see fit), or to a new one.
func (d *docState) linkPerson(x *Index, c *cluster) {
	display := bestForm(c.forms)
	var best *entry
	bestFit := -1
	candidates := append(slices.Clone(x.byName[gazetteer.Key(display)]), x.bySur[c.sur]...)
	for _, e := range candidates {
		f := x.fit(e, c.first, c.sur, display)
		if f > bestFit || f == bestFit && f >= 0 && better(e, best) {
			best, bestFit = e, f
		}
	}
	if best == nil {
		best = x.create(display, extract.Person, "")
		x.setPerson(best, parsePerson(display))
	}
	for f, n := range c.forms {
		best.forms[f] += n
	}
	x.rename(best)
	c.entry = best
}

// fit grades how well person entity e fits a full name (first name, surname
// key, display form): 4 it has this very name, 3 the same first name up to
// transliteration, 2 a spelling variant of it, 1 a short form or nickname,
// 0 e is known by its surname alone; -1 it does not fit. Under a "split"
// rule only the very name fits.
func (x *Index) fit(e *entry, first, sur, display string) int {
	if e.typ != extract.Person {
		return -1
	}
	same := e.aliases[display] || gazetteer.Key(e.name) == gazetteer.Key(display)
	switch {
	case same:
		return 4
	case x.split[gazetteer.Key(e.name)] || x.split[gazetteer.Key(display)] || e.sur != sur:
		return -1
	case e.first == "":
		return 0
	case gazetteer.Skeleton(e.first) == gazetteer.Skeleton(first):
		return 3
	case gazetteer.Close(firstKey(e.first), firstKey(first)):
		return 2
	case firstCompatible(e.first, first):
		return 1
	}
	return -1
}

// better orders entities of equal fit: more mentions, then smaller key.
func better(a, b *entry) bool {
	if b == nil {
		return true
	}
	if a.count != b.count {
		return a.count > b.count
	}
	return a.key < b.key
}

// linkSurname links a cluster of surname-only mentions: to an entity that
// has this surname (the most mentioned when several), else to a new entity
// named by the surname.
func (d *docState) linkSurname(x *Index, c *cluster) {
	var best *entry
	for _, i := range c.members {
		for _, e := range x.byName[gazetteer.Key(d.rewritten(x, i))] {
			if e.typ == extract.Person {
				c.entry = e
				return
			}
		}
	}
	for _, e := range x.bySur[c.sur] {
		if e.typ == extract.Person && !x.split[gazetteer.Key(e.name)] && better(e, best) {
			best = e
		}
	}
	if best == nil {
		best = x.create(c.last, extract.Person, "")
		x.setPerson(best, personName{last: c.last})
		x.addAlias(best, c.last)
	}
	c.entry = best
}

// linkOther links a place or organization by its canonical name or any of
// its surface forms.
func (d *docState) linkOther(x *Index, c *cluster) {
	names := []string{c.canon}
	for _, i := range c.members {
		names = append(names, d.info[i].name)
	}
	for _, n := range names {
		for _, e := range x.byName[gazetteer.Key(n)] {
			if e.typ == c.typ || e.typ == extract.OtherEntity || c.typ == extract.OtherEntity {
				c.entry = e
				return
			}
		}
	}
	c.entry = x.create(c.canon, c.typ, c.kind)
	x.addAlias(c.entry, c.canon)
}
