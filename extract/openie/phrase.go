package openie

import (
	"sort"
	"strings"

	"kg/extract"
)

// phrase is an argument: a head token and the tokens shown for it, in text
// order (indices into Document.Tokens).
type phrase struct {
	head int
	toks []int
	role string // for extra arguments: "time", "place", or the preposition
	prep []int  // leading case-marking tokens, part of toks
}

// text returns the phrase's tokens joined by single spaces.
func (a *phrase) text(doc *extract.Document) string {
	var b strings.Builder
	for i, t := range a.toks {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(doc.Tokens[t].Text)
	}
	return b.String()
}

// contiguous reports whether the phrase covers a gapless run of tokens.
func (a *phrase) contiguous() bool {
	return len(a.toks) > 0 && a.toks[len(a.toks)-1]-a.toks[0] == len(a.toks)-1
}

// withoutPrep returns the phrase minus its leading case-marking tokens.
func (a *phrase) withoutPrep() *phrase {
	if len(a.prep) == 0 {
		return a
	}
	out := &phrase{head: a.head, role: a.role}
	for _, t := range a.toks {
		if !contains(a.prep, t) {
			out.toks = append(out.toks, t)
		}
	}
	return out
}

func contains(s []int, x int) bool {
	for _, y := range s {
		if y == x {
			return true
		}
	}
	return false
}

// subtree collects the tokens under head, skipping the dependents for which
// skip returns true (with their subtrees; top tells whether the dependent
// is a child of head), then trims punctuation and conjunctions from both
// ends.
func (s *sentence) subtree(head int, skip func(dep int, top bool) bool) []int {
	var out []int
	var walk func(t int, top bool)
	walk = func(t int, top bool) {
		if len(out) > s.end-s.first {
			return // a cycle in a malformed tree
		}
		out = append(out, t)
		for _, c := range s.kids[t-s.first] {
			if skip != nil && skip(c, top) {
				continue
			}
			walk(c, false)
		}
	}
	walk(head, true)
	sort.Ints(out)
	return s.trim(out, head)
}

// trim drops punctuation, coordinating conjunctions and subordinators from
// the edges of toks, never the head. Paired quotes and brackets are kept
// when both ends are inside.
func (s *sentence) trim(toks []int, head int) []int {
	edge := func(t int) bool {
		if t == head {
			return false
		}
		tok := &s.doc.Tokens[t]
		switch tok.Dep {
		case extract.Punct, extract.Cc, extract.Mark:
			return true
		}
		return false
	}
	for len(toks) > 0 && edge(toks[0]) && !s.pairedAt(toks) {
		toks = toks[1:]
	}
	for len(toks) > 0 && edge(toks[len(toks)-1]) && !s.pairedAt(toks) {
		toks = toks[:len(toks)-1]
	}
	return toks
}

// pairedAt reports whether toks opens with a quote or bracket and ends with
// its closer, with no gap: such a phrase is kept whole.
func (s *sentence) pairedAt(toks []int) bool {
	if len(toks) < 2 {
		return false
	}
	a, b := s.doc.Tokens[toks[0]].Text, s.doc.Tokens[toks[len(toks)-1]].Text
	switch a {
	case "``", "\"", "“":
		return b == "''" || b == "\"" || b == "”"
	case "(", "-LRB-":
		return b == ")" || b == "-RRB-"
	}
	return false
}
