package tag

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"kg/extract/perceptron"
)

// Feature templates. The numbers only keep features apart in the hash
// space; they are part of the model, so changing them needs retraining.
const (
	fBias uint64 = iota + 1
	fWord
	fForm
	fPrefix1 // fPrefix1+k-1 for prefixes of k bytes, k = 1..4
	_
	_
	_
	fSuffix1 // fSuffix1+k-1 for suffixes of k bytes, k = 1..4
	_
	_
	_
	fShape
	fFlags
	fPrevWord
	fPrev2Word
	fNextWord
	fNext2Word
	fPrevSuffix
	fNextSuffix
	fPrevShape
	fNextShape
	fPrevTag
	fPrevTags
	fPrev2Tag
	fPrevTagWord
	fPrevTagSuffix
	fWordNext
	fPrevWordWord
	fPrevTagNextWord
	fSentenceCase
	fPrevNextFlags
	fPrevTagShape
	fPrevNextWord

	// Templates of the UPOS pass, which sees the XPOS of the whole sentence.
	uX
	uWordX
	uPrevX
	uNextX
	uTriX
	uNext2X
	uPrev2X
	uWordNextX
	uNextWordX
	uPrevWordX
	uPrevU
	uSuffixX
	uShapeX
	uWord
	uSentenceCase
)

// Hashes standing in for words and tags outside the sentence.
var (
	hStart = perceptron.Feature(0, "\x00<s>")
	hEnd   = perceptron.Feature(0, "\x00</s>")
)

// startTag stands for the tags before the first word.
const startTag = 255

// word is what features need of one token, computed once per sentence.
type word struct {
	norm   string // normalized form
	lower  string // norm lowercased
	hForm  uint64 // hash of the normalized form, case kept
	hWord  uint64 // hash of lower
	hSuf3  uint64 // hash of lower's last three bytes
	hShape uint64 // hash of the collapsed character shape (Xx, d.d, ...)
	flags  uint64 // capitalization, digit and hyphen flags
}

// Word flags.
const (
	flagUpper  = 1 << iota // first letter upper case
	flagAllCap             // every letter upper case, and more than one
	flagDigit
	flagHyphen
	flagFirst // first word of the sentence
	flagAlpha // has a letter
)

// fill computes w for form, the token's Norm, at sentence position i.
func (w *word) fill(form string, i int) {
	form = normalize(form)
	w.norm = form
	w.lower = strings.ToLower(form)
	w.hForm = perceptron.Feature(fForm, form)
	w.hWord = perceptron.Feature(fWord, w.lower)
	w.hSuf3 = perceptron.Feature(fSuffix1+2, suffix(w.lower, 3))
	w.flags = 0
	if i == 0 {
		w.flags |= flagFirst
	}
	var shape uint64 = fShape
	last, upper, letters := rune(-1), 0, 0
	for j, r := range form {
		var c rune
		switch {
		case unicode.IsUpper(r):
			c = 'X'
			upper++
			letters++
			if j == 0 {
				w.flags |= flagUpper
			}
		case unicode.IsLetter(r):
			c = 'x'
			letters++
		case unicode.IsDigit(r):
			c = 'd'
			w.flags |= flagDigit
		default:
			c = r
			if r == '-' {
				w.flags |= flagHyphen
			}
		}
		if c != last {
			shape = perceptron.Combine(shape, uint64(c))
			last = c
		}
	}
	if letters > 0 {
		w.flags |= flagAlpha
	}
	if upper > 1 && upper == letters {
		w.flags |= flagAllCap
	}
	w.hShape = shape
}

// normalize straightens curly quotes, as EWT mostly writes them and as the
// tokenizer's Norm does, so that both spellings share features.
func normalize(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return quotes.Replace(s)
		}
	}
	return s
}

var quotes = strings.NewReplacer("\u2018", "'", "\u2019", "'", "\u201c", "\"", "\u201d", "\"")

func suffix(s string, k int) string {
	if len(s) <= k {
		return s
	}
	return s[len(s)-k:]
}

// sentence holds the words of one sentence with two padding words on each
// side, so that words[i+2] is the word at position i.
type sentence struct {
	words []word
	feats []uint64
	title uint64 // sentence case: 0 normal, 1 most words capitalized, 2 all capitals
}

func (s *sentence) reset(forms []string) {
	n := len(forms)
	if cap(s.words) < n+4 {
		s.words = make([]word, n+4)
	}
	s.words = s.words[:n+4]
	for i, f := range forms {
		s.words[i+2].fill(f, i)
	}
	for _, i := range []int{0, 1} {
		s.words[i] = word{hForm: hStart, hWord: hStart, hSuf3: hStart, hShape: hStart}
		s.words[n+2+i] = word{hForm: hEnd, hWord: hEnd, hSuf3: hEnd, hShape: hEnd}
	}
	// Headlines and shouted text capitalize words that are no names.
	var alpha, upper, caps int
	for _, w := range s.words[2 : n+2] {
		if w.flags&flagAlpha != 0 && len(w.lower) > 3 {
			alpha++
			if w.flags&flagUpper != 0 {
				upper++
			}
			if w.flags&flagAllCap != 0 {
				caps++
			}
		}
	}
	switch {
	case alpha >= 2 && 10*caps >= 8*alpha:
		s.title = 2
	case alpha >= 2 && 10*upper >= 7*alpha:
		s.title = 1
	default:
		s.title = 0
	}
}

// xposFeatures returns the features of word i for the XPOS pass, given the
// two tags predicted before it.
func (s *sentence) xposFeatures(i int, p1, p2 int) []uint64 {
	w := s.words[i : i+5] // w[2] is word i
	cur := &w[2]
	c := perceptron.Combine
	f := append(s.feats[:0],
		fBias,
		cur.hWord,
		cur.hForm,
		c(fShape, cur.hShape),
		c(fFlags, cur.flags),
		c(fPrevWord, w[1].hWord),
		c(fPrev2Word, w[0].hWord),
		c(fNextWord, w[3].hWord),
		c(fNext2Word, w[4].hWord),
		c(fPrevSuffix, w[1].hSuf3),
		c(fNextSuffix, w[3].hSuf3),
		c(fPrevShape, w[1].hShape),
		c(fNextShape, w[3].hShape),
		c(fPrevTag, uint64(p1)),
		c(fPrevTags, uint64(p1)<<8|uint64(p2)),
		c(fPrev2Tag, uint64(p2)),
		c(c(fPrevTagWord, uint64(p1)), cur.hWord),
		c(c(fPrevTagSuffix, uint64(p1)), cur.hSuf3),
		c(c(fWordNext, cur.hWord), w[3].hWord),
		c(c(fPrevWordWord, w[1].hWord), cur.hWord),
		c(c(fPrevTagNextWord, uint64(p1)), w[3].hWord),
		c(fSentenceCase, s.title<<8|cur.flags),
		c(fPrevNextFlags, w[1].flags<<16|cur.flags<<8|w[3].flags),
		c(c(fPrevTagShape, uint64(p1)), cur.hShape),
		c(c(fPrevNextWord, w[1].hWord), w[3].hWord),
	)
	for k := 1; k <= 4 && k < len(cur.lower); k++ {
		f = append(f,
			perceptron.Feature(fPrefix1+uint64(k-1), cur.lower[:k]),
			perceptron.Feature(fSuffix1+uint64(k-1), cur.lower[len(cur.lower)-k:]))
	}
	s.feats = f
	return f
}

// uposFeatures returns the features of word i for the UPOS pass, given the
// XPOS tags of the whole sentence and the UPOS predicted before i.
func (s *sentence) uposFeatures(i int, x []int, prevU int) []uint64 {
	w := s.words[i : i+5]
	cur := &w[2]
	xt := func(j int) uint64 { // XPOS at i+j, padded
		if k := i + j; k >= 0 && k < len(x) {
			return uint64(x[k])
		}
		return startTag
	}
	c := perceptron.Combine
	x0 := xt(0)
	f := append(s.feats[:0],
		c(uX, x0),
		c(c(uWordX, x0), cur.hWord),
		c(uWord, cur.hWord),
		c(uPrevX, xt(-1)<<8|x0),
		c(uNextX, x0<<8|xt(1)),
		c(uTriX, xt(-1)<<16|x0<<8|xt(1)),
		c(uNext2X, x0<<16|xt(1)<<8|xt(2)),
		c(uPrev2X, xt(-2)<<16|xt(-1)<<8|x0),
		c(c(uWordNextX, cur.hWord), xt(1)),
		c(c(uNextWordX, x0), w[3].hWord),
		c(c(uPrevWordX, x0), w[1].hWord),
		c(uPrevU, x0<<8|uint64(prevU)),
		c(c(uSuffixX, x0), cur.hSuf3),
		c(c(uShapeX, x0), cur.hShape),
		c(uSentenceCase, s.title<<16|x0<<8|cur.flags),
	)
	s.feats = f
	return f
}
