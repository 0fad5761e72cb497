package parse

import (
	"strings"
	"unicode"

	"kg/extract"
	"kg/extract/perceptron"
)

// move is an arc-hybrid transition.
type move int8

const (
	shift move = iota // push the first buffer word onto the stack
	left              // the first buffer word heads the stack top, which is popped
	right             // the second stack word heads the stack top, which is popped
	numMoves
)

// none marks an absent word, head or child.
const none = -1

// state is a parser configuration over one sentence of n words. Word n is
// the artificial root, which stays at the end of the buffer.
type state struct {
	n     int
	stack []int32
	b     int32 // first buffer word; the buffer is b..n

	head     []int32
	label    []extract.DepRel
	lc1, lc2 []int32  // leftmost and second-leftmost child
	rc1, rc2 []int32  // rightmost and second-rightmost child
	nl, nr   []uint8  // number of left and right children
	ls, rs   []uint64 // sets of left and right children's labels
	word     []uint64 // hashed normalized form
	suffix   []uint64 // hashed last three bytes of the normalized form
	tag      []uint8  // XPOS
	upos     []uint8
	shape    []uint8 // capitalization, digits and hyphens of the form
	punct    []int32 // punct[i] is the number of punctuation words before word i
}

// Values of word and tag features for absent words and the root.
var (
	noWord   = perceptron.Feature(0, "<none>")
	rootWord = perceptron.Feature(0, "<root>")
)

const (
	noTag   = 255
	rootTag = 254
)

// reset prepares st to parse toks, reusing its memory.
func (st *state) reset(toks []extract.Token) {
	n := len(toks)
	st.n = n
	st.stack = st.stack[:0]
	st.b = 0
	st.head = fill(st.head, n+1, none)
	st.lc1 = fill(st.lc1, n+1, none)
	st.lc2 = fill(st.lc2, n+1, none)
	st.rc1 = fill(st.rc1, n+1, none)
	st.rc2 = fill(st.rc2, n+1, none)
	st.label = resize(st.label, n+1)
	st.nl = resize(st.nl, n+1)
	st.nr = resize(st.nr, n+1)
	st.ls = resize(st.ls, n+1)
	st.rs = resize(st.rs, n+1)
	st.word = resize(st.word, n+1)
	st.suffix = resize(st.suffix, n+1)
	st.tag = resize(st.tag, n+1)
	st.upos = resize(st.upos, n+1)
	st.shape = resize(st.shape, n+1)
	st.punct = resize(st.punct, n+1)
	for i := range toks {
		t := &toks[i]
		form := t.Norm
		if form == "" {
			form = t.Text
		}
		st.shape[i] = shape(form)
		form = normalize(form)
		st.word[i] = perceptron.Feature(0, form)
		st.suffix[i] = perceptron.Feature(1, form[max(len(form)-3, 0):])
		st.tag[i] = uint8(t.XPOS)
		st.upos[i] = uint8(t.UPOS)
		st.punct[i+1] = st.punct[i]
		if t.UPOS == extract.PUNCT {
			st.punct[i+1]++
		}
	}
	st.word[n], st.suffix[n], st.tag[n], st.upos[n], st.shape[n] = rootWord, rootWord, rootTag, rootTag, rootTag
}

func fill(s []int32, n int, v int32) []int32 {
	s = resize(s, n)
	for i := range s {
		s[i] = v
	}
	return s
}

// resize returns a zeroed slice of length n, reusing s when it is big enough.
func resize[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	s = s[:n]
	clear(s)
	return s
}

// shape summarizes how a form is written: whether it starts with a capital,
// is all capitals, and holds digits or hyphens.
func shape(s string) uint8 {
	var sh uint8
	upper := true
	for i, r := range s {
		switch {
		case unicode.IsUpper(r):
			if i == 0 {
				sh |= 1
			}
		case unicode.IsLower(r):
			upper = false
		case unicode.IsDigit(r):
			sh |= 4
		case r == '-':
			sh |= 8
		}
	}
	if upper && sh&1 != 0 {
		sh |= 2
	}
	return sh
}

// normalize lowercases a form and writes every digit as 9, so that numbers
// of one shape share their features.
func normalize(s string) string {
	simple := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 || ('A' <= c && c <= 'Z') || ('0' <= c && c <= '9') {
			simple = false
			break
		}
	}
	if simple {
		return s
	}
	return strings.Map(func(r rune) rune {
		if unicode.IsDigit(r) {
			return '9'
		}
		return unicode.ToLower(r)
	}, s)
}

func (st *state) terminal() bool { return len(st.stack) == 0 && int(st.b) == st.n }

// s returns the i-th word from the top of the stack, or none.
func (st *state) s(i int) int32 {
	if i < len(st.stack) {
		return st.stack[len(st.stack)-1-i]
	}
	return none
}

// valid reports whether m may be applied. The root takes a dependent only
// when the stack holds one word, so each tree gets exactly one root.
func (st *state) valid(m move) bool {
	switch m {
	case shift:
		return int(st.b) < st.n
	case left:
		return len(st.stack) > 0 && (int(st.b) < st.n || len(st.stack) == 1)
	case right:
		return len(st.stack) > 1
	}
	return false
}

// arc returns the head and dependent of the arc that m makes.
func (st *state) arc(m move) (h, d int32) {
	if m == left {
		return st.b, st.s(0)
	}
	return st.s(1), st.s(0)
}

// apply performs m, labelling its arc (if any) with r.
func (st *state) apply(m move, r extract.DepRel) {
	if m == shift {
		st.stack = append(st.stack, st.b)
		st.b++
		return
	}
	h, d := st.arc(m)
	st.stack = st.stack[:len(st.stack)-1]
	st.head[d], st.label[d] = h, r
	bit := uint64(1) << (uint(r) & 63)
	if d < h {
		st.nl[h]++
		st.ls[h] |= bit
		switch {
		case st.lc1[h] == none || d < st.lc1[h]:
			st.lc1[h], st.lc2[h] = d, st.lc1[h]
		case st.lc2[h] == none || d < st.lc2[h]:
			st.lc2[h] = d
		}
		return
	}
	st.nr[h]++
	st.rs[h] |= bit
	switch {
	case st.rc1[h] == none || d > st.rc1[h]:
		st.rc1[h], st.rc2[h] = d, st.rc1[h]
	case st.rc2[h] == none || d > st.rc2[h]:
		st.rc2[h] = d
	}
}
