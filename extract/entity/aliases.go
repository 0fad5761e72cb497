package entity

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"kg/extract/gazetteer"
)

// Aliases are a user's corrections to entity resolution, read by
// ParseAliases and given to an Index by Apply. The format is one rule a
// line; blank lines and lines starting with # are ignored:
//
//	alias Mr. P = Dmitry Peskov      # this surface form names that entity
//	merge Kremlin press office = Kremlin   # one entity; the right name is canonical
//	split John Smith                 # joined only by its exact name, never
//	                                 # by a surname alone or a spelling variant
//
// Names compare as gazetteer.Key does: without case, dots or a leading
// "the".
type Aliases struct {
	rules []aliasRule
}

type aliasRule struct {
	op       string // "alias", "merge", "split"
	from, to string
}

// ParseAliases reads alias rules; name is used in error messages
// ("aliases.txt:3: ...").
func ParseAliases(r io.Reader, name string) (*Aliases, error) {
	a := &Aliases{}
	sc := bufio.NewScanner(r)
	for line := 1; sc.Scan(); line++ {
		s := strings.TrimSpace(sc.Text())
		if s == "" || s[0] == '#' {
			continue
		}
		op, rest, _ := strings.Cut(s, " ")
		rest = strings.TrimSpace(rest)
		switch op {
		case "alias", "merge":
			from, to, ok := strings.Cut(rest, "=")
			from, to = strings.TrimSpace(from), strings.TrimSpace(to)
			if !ok || from == "" || to == "" {
				return nil, fmt.Errorf("%s:%d: want %q", name, line, op+" NAME = CANONICAL NAME")
			}
			a.rules = append(a.rules, aliasRule{op, from, to})
		case "split":
			if rest == "" || strings.Contains(rest, "=") {
				return nil, fmt.Errorf("%s:%d: want %q", name, line, "split NAME")
			}
			a.rules = append(a.rules, aliasRule{op, rest, ""})
		default:
			return nil, fmt.Errorf("%s:%d: unknown rule %q (want alias, merge or split)", name, line, op)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return a, nil
}

// Apply makes the rules part of the index: later documents resolve by
// them, and a merge joins entities already known (the merged key then
// redirects, see Canonical).
func (x *Index) Apply(a *Aliases) {
	x.mu.Lock()
	defer x.mu.Unlock()
	for _, r := range a.rules {
		switch r.op {
		case "alias":
			x.rewrite[gazetteer.Key(r.from)] = r.to
		case "merge":
			x.rewrite[gazetteer.Key(r.from)] = r.to
			from, to := x.named(r.from), x.named(r.to)
			switch {
			case from != nil && to != nil:
				x.merge(to, from)
			case from != nil:
				x.setName(from, r.to)
				from.fixed = true
			}
		case "split":
			x.split[gazetteer.Key(r.from)] = true
		}
	}
}

// named returns the entity whose name (not merely an alias) is name.
func (x *Index) named(name string) *entry {
	for _, e := range x.byName[gazetteer.Key(name)] {
		if gazetteer.Key(e.name) == gazetteer.Key(name) {
			return e
		}
	}
	return nil
}
