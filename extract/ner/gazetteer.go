package ner

import (
	"slices"
	"strings"
	"sync"

	"kg/extract"
	"kg/extract/gazetteer"
)

// gazIndex is what matching against the gazetteer fast needs: the keys of
// the first words of every name (so most tokens are passed over with one
// map look-up), the keys of every name (so only likely names reach the
// slower Lookup) and the keys of every demonym.
type gazIndex struct {
	first    map[string]bool
	names    map[string]bool
	demonyms map[string]bool
	maxWords int
}

var gazIndexOnce = sync.OnceValue(func() *gazIndex {
	g := &gazIndex{first: map[string]bool{}, names: map[string]bool{}, demonyms: map[string]bool{}, maxWords: gazetteer.MaxWords()}
	for _, e := range gazetteer.Entries() {
		for _, n := range append([]string{e.Name}, e.Aliases...) {
			k := gazetteer.Key(n)
			g.names[k] = true
			if f := strings.Fields(k); len(f) > 0 {
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
	var cands []int
	for i := 0; i < len(ws); i++ {
		k := tokenKey(ws[i].form)
		if g.demonyms[k] && ws[i].capitalized {
			ws[i].demonym = true
		}
		if !g.first[k] {
			continue
		}
		// Names whose keys match, shortest first; Lookup has the last word.
		cands = cands[:0]
		for n := 1; ; n++ {
			if g.names[k] {
				cands = append(cands, n)
			}
			if n == g.maxWords || i+n == len(ws) {
				break
			}
			k += " " + tokenKey(ws[i+n].form)
		}
		for c := len(cands) - 1; c >= 0; c-- {
			n := cands[c]
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

// gazetteerMentions makes the mentions of one sentence (token indices
// relative to it) agree with the gazetteer, which knows the news's
// institutions and places better than the web text the model learned from:
// a mention spanning exactly a gazetteer name takes its type (so "the
// Kremlin" is always an organization and "U.S." always a place), and a
// capitalized gazetteer name no mention touches becomes one.
func (s *sentence) gazetteerMentions(ms []extract.Mention) []extract.Mention {
	ws := s.words[window : len(s.words)-window]
	covered := make([]bool, len(ws))
	for i := range ms {
		m := &ms[i]
		for j := m.First; j < m.End; j++ {
			covered[j] = true
		}
		first := m.First
		if strings.EqualFold(ws[first].form, "the") && first+1 < m.End {
			first++ // "the Kremlin": names are looked up without "the"
		}
		if g := ws[first].gaz; g.typ != extract.NoEntity && (g.part == begin || g.part == unit) {
			if end := gazEnd(ws, first); end == m.End {
				m.Type = g.typ
			}
		}
	}
	n := len(ms)
	for i := 0; i < len(ws); i++ {
		g := ws[i].gaz
		if g.typ == extract.NoEntity || g.part != begin && g.part != unit || !ws[i].capitalized {
			continue
		}
		end := gazEnd(ws, i)
		free := true
		for j := i; j < end; j++ {
			free = free && !covered[j]
		}
		if free {
			ms = append(ms, extract.Mention{First: i, End: end, Type: g.typ})
		}
		i = end - 1
	}
	if len(ms) > n {
		slices.SortFunc(ms, func(a, b extract.Mention) int { return a.First - b.First })
	}
	return ms
}

// gazEnd returns the end of the gazetteer name that starts at ws[i].
func gazEnd(ws []word, i int) int {
	if ws[i].gaz.part == unit {
		return i + 1
	}
	j := i + 1
	for j < len(ws) && ws[j].gaz.part != last {
		j++
	}
	return min(j+1, len(ws))
}
