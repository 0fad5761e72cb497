package ner

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"kg/extract"
	"kg/extract/perceptron"
)

// Feature templates. Each feature hashes a template with its value, so equal
// values under different templates stay apart.
const (
	fBias uint64 = iota + 1
	fForm
	fLower
	fPrefix
	fSuffix
	fShape
	fShort
	fLowerAt  // lowercase word at an offset
	fShapeAt  // short shape at an offset
	fXPOSAt   // XPOS at an offset
	fUPOS     // UPOS of the token
	fXPOSPair // XPOS bigrams around the token
	fBigram   // word bigrams around the token
	fShapes   // short shapes of the previous, this and the next token
	fInitial  // first token of the sentence, with its shape
	fTitled   // sentence mostly capitalized (a headline), with the shape
	fPrev     // previous label
	fPrev2    // previous two labels
	fPrevWord // previous label with this word
	fPrevShape
	fGazKind   // gazetteer kind of the name the token is part of, with the part
	fGazType   // gazetteer type, with the part
	fGazAt     // gazetteer type of a neighbour
	fDemonym   // the token is a demonym ("Russian")
	fShapeWord // a neighbour's word with the token's shape
	fPrevNext  // previous label with the next word
	fCaps      // how often the word is capitalized in news, with whether it is here
	fCoarse    // coarse distributional class of the word
	fFine      // fine distributional class of the word
	fFineAt    // fine class of a neighbour
)

// window is how far context features look on each side.
const window = 2

// word is what the features need of one token, computed once per sentence.
type word struct {
	form, lower  string
	lowerH       uint64 // hashes of lower, shape and short shape
	shapeH       uint64
	shortH       uint64
	xpos         extract.XPOS
	upos         extract.UPOS
	capitalized  bool
	alphabetical bool
	demonym      bool
	gaz          gazMatch // zero when the token is in no gazetteer name
	lex          lexEntry // zero when the word is not in the lexicon
}

// padding stands for the positions before and after a sentence.
var padding = word{
	lowerH: perceptron.Feature(fLower, "<pad>"),
	shapeH: perceptron.Feature(fShape, "<pad>"),
	shortH: perceptron.Feature(fShort, "<pad>"),
}

// sentence holds the words of one sentence with padding on both sides.
type sentence struct {
	lex    lexicon
	words  []word // len(tokens) + 2*window
	titled bool   // most alphabetic words capitalized, as in headlines
}

func (s *sentence) reset(toks []extract.Token) {
	s.words = s.words[:0]
	for range window {
		s.words = append(s.words, padding)
	}
	var alpha, caps int
	var buf []byte
	for i := range toks {
		t := &toks[i]
		form := t.Norm
		if form == "" {
			form = t.Text
		}
		w := word{form: form, lower: strings.ToLower(form), xpos: t.XPOS, upos: t.UPOS}
		var short string
		buf, short = shapes(buf[:0], form)
		w.lowerH = perceptron.Feature(fLower, w.lower)
		w.shapeH = perceptron.Feature(fShape, string(buf[:len(buf)-len(short)]))
		w.shortH = perceptron.Feature(fShort, short)
		r, _ := utf8.DecodeRuneInString(form)
		w.capitalized = unicode.IsUpper(r)
		w.alphabetical = unicode.IsLetter(r)
		w.lex = s.lex[w.lower]
		if w.alphabetical {
			alpha++
			if w.capitalized {
				caps++
			}
		}
		s.words = append(s.words, w)
	}
	for range window {
		s.words = append(s.words, padding)
	}
	s.matchGazetteer()
	s.titled = alpha >= 4 && caps*4 >= alpha*3
}

// shapes appends to buf the shape of s (X for upper case, x for lower case,
// d for digits, other characters as they are; runs longer than four cut to
// four) followed by its short shape (runs cut to one). It returns buf and
// the short shape, which aliases buf's tail.
func shapes(buf []byte, s string) ([]byte, string) {
	var prev byte
	run := 0
	for _, r := range s {
		c := shapeClass(r)
		if c == prev {
			run++
		} else {
			prev, run = c, 1
		}
		if run <= 4 {
			buf = append(buf, c)
		}
	}
	n := len(buf)
	prev = 0
	for i := 0; i < n; i++ {
		if buf[i] != prev {
			buf = append(buf, buf[i])
			prev = buf[i]
		}
	}
	return buf, string(buf[n:])
}

func shapeClass(r rune) byte {
	switch {
	case unicode.IsUpper(r):
		return 'X'
	case unicode.IsLetter(r):
		return 'x'
	case unicode.IsDigit(r):
		return 'd'
	case r < utf8.RuneSelf:
		return byte(r)
	}
	return '*'
}

// static appends the features of token i that do not depend on labels.
func (s *sentence) static(i int, f []uint64) []uint64 {
	ws := s.words
	j := i + window
	w := &ws[j]
	c := perceptron.Combine
	f = append(f, perceptron.Feature(fBias, ""),
		perceptron.Feature(fForm, w.form),
		w.lowerH, w.shapeH, w.shortH,
		c(fUPOS, uint64(w.upos)),
	)
	for n := 1; n <= 3 && n < len(w.lower); n++ {
		f = append(f, c(perceptron.Feature(fPrefix, w.lower[:n]), uint64(n)))
	}
	for n := 1; n <= 4 && n < len(w.lower); n++ {
		f = append(f, c(perceptron.Feature(fSuffix, w.lower[len(w.lower)-n:]), uint64(n)))
	}
	for d := -window; d <= window; d++ {
		o := &ws[j+d]
		off := uint64(d + window)
		f = append(f, c(c(fXPOSAt, off), uint64(o.xpos)))
		if d != 0 {
			f = append(f, c(c(fLowerAt, off), o.lowerH), c(c(fShapeAt, off), o.shortH))
		}
	}
	f = append(f,
		c(c(fXPOSPair, uint64(ws[j-1].xpos)), uint64(w.xpos)),
		c(c(fXPOSPair+100, uint64(w.xpos)), uint64(ws[j+1].xpos)),
		c(c(fBigram, ws[j-1].lowerH), w.lowerH),
		c(c(fBigram+100, w.lowerH), ws[j+1].lowerH),
		c(c(c(fShapes, ws[j-1].shortH), w.shortH), ws[j+1].shortH),
		c(c(fShapeWord, ws[j-1].lowerH), w.shortH),
		c(c(fShapeWord+100, w.shortH), ws[j+1].lowerH),
	)
	if i == 0 {
		f = append(f, c(fInitial, w.shapeH), c(fInitial+100, uint64(w.lex.caps)))
	}
	if w.gaz.typ != extract.NoEntity {
		part := uint64(w.gaz.part)
		f = append(f, c(perceptron.Feature(fGazKind, w.gaz.kind), part), c(c(fGazType, uint64(w.gaz.typ)), part))
	}
	for _, d := range [...]int{-1, 1} {
		if t := ws[j+d].gaz.typ; t != extract.NoEntity {
			f = append(f, c(c(fGazAt, uint64(d+window)), uint64(t)))
		}
	}
	if w.lex.caps != 0 {
		capped := uint64(0)
		if w.capitalized {
			capped = 1
		}
		f = append(f, c(c(fCaps, uint64(w.lex.caps)), capped),
			c(fCoarse, uint64(w.lex.coarse)), c(fFine, uint64(w.lex.fine)))
	}
	for _, d := range [...]int{-1, 1} {
		if o := &ws[j+d]; o.lex.caps != 0 {
			f = append(f, c(c(fFineAt, uint64(d+window)), uint64(o.lex.fine)),
				c(c(fFineAt+100, uint64(d+window)), uint64(o.lex.caps)))
		}
	}
	if w.demonym {
		f = append(f, perceptron.Feature(fDemonym, ""))
	}
	if s.titled {
		f = append(f, c(fTitled, w.shortH))
	}
	return f
}

// dynamic appends the features of token i that depend on the labels of the
// two tokens before it.
func (s *sentence) dynamic(i int, prev, prev2 label, f []uint64) []uint64 {
	w := &s.words[i+window]
	c := perceptron.Combine
	return append(f,
		c(fPrev, uint64(prev)),
		c(c(fPrev2, uint64(prev)), uint64(prev2)),
		c(c(fPrevWord, uint64(prev)), w.lowerH),
		c(c(fPrevShape, uint64(prev)), w.shapeH),
		c(c(fPrevNext, uint64(prev)), s.words[i+window+1].lowerH),
	)
}
