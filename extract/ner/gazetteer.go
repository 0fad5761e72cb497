package ner

import (
	"strings"
	"sync"

	"kg/extract"
	"kg/extract/gazetteer"
)

// gazIndex is what matching against the gazetteer needs beyond Lookup: the
// keys of the first words of every name (so most tokens are passed over
// with one map look-up) and the keys of every demonym.
type gazIndex struct {
	first    map[string]bool
	demonyms map[string]bool
	maxWords int
}

var gazIndexOnce = sync.OnceValue(func() *gazIndex {
	g := &gazIndex{first: map[string]bool{}, demonyms: map[string]bool{}, maxWords: gazetteer.MaxWords()}
	for _, e := range gazetteer.Entries() {
		for _, n := range append([]string{e.Name}, e.Aliases...) {
			if f := strings.Fields(gazetteer.Key(n)); len(f) > 0 {
				g.first[f[0]] = true
			}
		}
		for _, d := range e.Demonyms {
			g.demonyms[gazetteer.Key(d)] = true
		}
	}
	return g
})

// tokenKey is a cheap approximation of gazetteer.Key for one token: folded,
// lower case, without dots.
func tokenKey(form string) string {
	s := strings.ToLower(gazetteer.Fold(form))
	if strings.IndexByte(s, '.') >= 0 {
		s = strings.ReplaceAll(s, ".", "")
	}
	return s
}

// gazMatch is a token's place in a gazetteer name: the name's type and kind
// and the token's BILOU part in it.
type gazMatch struct {
	typ  extract.EntityType
	kind string
	part int
}

// matchGazetteer sets the gaz field of the words of s from the longest
// gazetteer names found left to right, and marks demonyms.
func (s *sentence) matchGazetteer() {
	g := gazIndexOnce()
	ws := s.words[window : len(s.words)-window]
	for i := 0; i < len(ws); i++ {
		k := tokenKey(ws[i].form)
		if g.demonyms[k] && ws[i].capitalized {
			ws[i].demonym = true
		}
		if !g.first[k] {
			continue
		}
		for n := min(g.maxWords, len(ws)-i); n >= 1; n-- {
			e, ok := gazetteer.Lookup(joinForms(ws[i : i+n]))
			if !ok {
				continue
			}
			for j := range n {
				part := inside
				switch {
				case n == 1:
					part = unit
				case j == 0:
					part = begin
				case j == n-1:
					part = last
				}
				ws[i+j].gaz = gazMatch{typ: e.Type, kind: e.Kind, part: part}
			}
			i += n - 1
			break
		}
	}
}

func joinForms(ws []word) string {
	if len(ws) == 1 {
		return ws[0].form
	}
	var b strings.Builder
	for i, w := range ws {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w.form)
	}
	return b.String()
}
