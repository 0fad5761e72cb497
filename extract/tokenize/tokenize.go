// Package tokenize splits English news text into sentences and tokens.
//
// Tokens follow the conventions of the Universal Dependencies English-EWT
// treebank, which the tagger, parser and recognizer are trained on:
// contractions and clitics are split ("do|n't", "ca|n't", "it|'s",
// "Russia|'s"), as are "cannot", "gonna", "wanna" and "gotta"; a hyphen
// between words is its own token ("Russia|-|backed") unless the first part
// is a prefix EWT keeps whole ("e-mail", "ex-Soviet", "non-military") or
// both sides are digits ("713-853-3989"); punctuation is separate, while
// abbreviations ("U.S.", "Mr.", "Feb.", "Inc.", initials "S."), numbers
// ("8,500", "3.5", "5:00", "9/11"; "$4.25" is "$|4.25"), URLs, e-mail
// addresses, @handles, #hashtags and emoticons stay whole. As in EWT, an
// abbreviation that ends a sentence gives its period to the sentence:
// "in the U.S|." but "the U.S. response".
//
// Sentences end at final punctuation followed by a likely sentence start
// (with any closing quotes and brackets kept in the sentence they close),
// even when no space follows ("Russia.\"On", "defenses.While"); at blank
// lines; and at line breaks, so headlines and bylines stand alone. Text
// hard-wrapped at a fixed width, detected per document, is the exception:
// there only blank lines, indented lines and short lines end a paragraph.
// After an abbreviation that may end a sentence ("U.S.", "Inc.") only a
// word that usually starts one ("The", "But", "He") or a quotation does;
// titles ("Mr.", "Gen.") and initials before a name never end one.
//
// Invariants, for any input: tokens are in text order, do not overlap, and
// together cover every character that is not white space (Unicode White_Space,
// zero-width space and byte-order mark); Token.Text is the exact slice
// Document.Text[Start:End]; every token belongs to exactly one sentence, and
// sentences are in order and cover all tokens. Invalid UTF-8 is tolerated:
// stray bytes become tokens of their own.
//
// Token.Norm is the form models see. It equals Text except that:
//
//	“ ” „ ‟ « » ″ and the pairs `` ''   become "
//	‘ ’ ‚ ‛ ′ ` (quotes and apostrophes) become '   (so ’s → 's, n’t → n't)
//	— ― ⸺ and a free-standing – (dashes)  become --
//	– ‒ ‐ ‑ − inside a word (ranges, hyphens) become -
//	…                                     becomes ...
//	soft hyphens (U+00AD) are dropped, invalid UTF-8 becomes U+FFFD.
//
// These are the forms English-EWT mostly uses.
package tokenize

import (
	"errors"
	"strings"
	"unicode"
	"unicode/utf8"

	"kg/extract"
)

// Tokenizer splits documents into sentences and tokens. It holds no state
// and is safe for concurrent use.
type Tokenizer struct{}

// New returns a Tokenizer.
func New() *Tokenizer { return &Tokenizer{} }

// Annotate replaces doc.Sentences and doc.Tokens with the sentences and
// tokens of doc.Text. Each token has Text, Norm and Head = -1; tags are left
// empty.
func (*Tokenizer) Annotate(doc *extract.Document) error {
	if doc == nil {
		return errors.New("tokenize: nil document")
	}
	s := newScanner(doc.Text)
	s.scan()
	doc.Tokens, doc.Sentences = s.assemble(s.sentences())
	return nil
}

// kind classifies a token for sentence splitting.
type kind uint8

const (
	word     kind = iota // letters and digits, URLs, clitics
	abbrev               // a word with its final period: "U.S.", "Mr."
	period               // "."
	ellipsis             // "..", "...", "…"
	bang                 // runs of "!" and "?"
	opener               // opening quote or bracket
	closer               // closing quote or bracket
	punct                // any other punctuation or symbol
)

// gap is what separates a token from the one before it.
type gap uint8

const (
	glued gap = iota // nothing
	space            // white space within a paragraph (or a wrapped line)
	brk              // a line or paragraph break that ends a sentence
)

// info is what the sentence splitter needs to know about a token.
type info struct {
	kind kind
	gap  gap
}

// scanner tokenizes one text.
type scanner struct {
	text      string
	toks      []extract.Token
	info      []info
	wrapped   bool // the text is hard-wrapped: single line breaks are spaces
	width     int  // longest line, in bytes, of wrapped text
	gap       gap  // gap before the next token emitted
	quoteOpen bool // a straight double quote is open in this paragraph
}

func newScanner(text string) *scanner {
	n := len(text)/5 + 1
	s := &scanner{text: text, toks: make([]extract.Token, 0, n), info: make([]info, 0, n), gap: brk}
	s.wrapped, s.width = layout(text)
	return s
}

// layout reports whether text is hard-wrapped prose, and the length of its
// longest line. In wrapped text, lines followed by another non-blank line
// are many, short (at most 100 bytes, the longest at least 50), mostly
// close to the longest, and often continue in lower case.
func layout(text string) (wrapped bool, width int) {
	for line := range strings.Lines(text) {
		width = max(width, len(strings.TrimRightFunc(line, isSpace)))
	}
	pairs, long, near, lower := 0, 0, 0, 0
	prevLen := -1 // length of the previous line, -1 if blank or none
	for line := range strings.Lines(text) {
		t := strings.TrimRightFunc(line, isSpace)
		body := strings.TrimLeftFunc(t, isSpace)
		if body == "" {
			prevLen = -1
			continue
		}
		if prevLen >= 0 {
			pairs++
			if prevLen > 100 {
				long++
			}
			if prevLen*4 >= width*3 {
				near++
			}
			if r, _ := utf8.DecodeRuneInString(body); unicode.IsLower(r) {
				lower++
			}
		}
		prevLen = len(t)
	}
	return width >= 50 && pairs >= 3 && long*10 <= pairs && near*3 >= pairs*2 && lower*4 >= pairs, width
}

// scan splits the text into white-space separated chunks and each chunk
// into tokens.
func (s *scanner) scan() {
	t := s.text
	lineStart := 0
	for i := 0; i < len(t); {
		r, n := runeAt(t, i)
		if !isSpace(r) {
			j := i + n
			for j < len(t) {
				r, n := runeAt(t, j)
				if isSpace(r) {
					break
				}
				j += n
			}
			s.chunk(i, j)
			i = j
			continue
		}
		end := i // end of the line's content, if a newline follows
		newlines, lastNL := 0, -1
		for i < len(t) {
			r, n := runeAt(t, i)
			if !isSpace(r) {
				break
			}
			if r == '\n' || r == '\r' && (i+1 == len(t) || t[i+1] != '\n') {
				newlines++
				lastNL = i
			}
			i += n
		}
		g := space
		switch {
		case newlines >= 2:
			g = brk
		case newlines == 1:
			g = s.lineGap(end-lineStart, i > lastNL+1)
		}
		if newlines > 0 {
			lineStart = lastNL + 1
		}
		if g > s.gap {
			s.gap = g
		}
		if g == brk {
			s.quoteOpen = false
		}
	}
}

// lineGap says what a single line break after a line of prevLen bytes
// means. In wrapped text only an indented next line or a short line ends a
// paragraph; otherwise every line is a paragraph or a headline.
func (s *scanner) lineGap(prevLen int, indented bool) gap {
	if !s.wrapped || indented || prevLen*10 < s.width*6 {
		return brk
	}
	return space
}

// emit appends the token text[start:end].
func (s *scanner) emit(start, end int, k kind) {
	text := s.text[start:end]
	s.toks = append(s.toks, extract.Token{
		Span: extract.Span{Start: start, End: end}, Text: text, Norm: normalize(text), Head: -1,
	})
	s.info = append(s.info, info{kind: k, gap: s.gap})
	s.gap = glued
}

// chunk tokenizes text[lo:hi], which holds no white space.
func (s *scanner) chunk(lo, hi int) {
	if s.gap == glued {
		s.gap = space
	}
	for i := lo; i < hi; {
		if j := s.special(i, hi); j > i {
			s.emit(i, j, word)
			i = j
			continue
		}
		r, n := runeAt(s.text, i)
		if isWordRune(r) && r != '_' {
			i = s.word(i, hi)
		} else {
			i = s.punct(i, i+n, lo, hi, r)
		}
	}
}

// special returns the end of a URL, e-mail address, @handle or #hashtag
// starting at i, or i if there is none.
func (s *scanner) special(i, hi int) int {
	t := s.text[i:hi]
	switch {
	case hasPrefixFold(t, "http://") || hasPrefixFold(t, "https://") || hasPrefixFold(t, "ftp://"):
		return i + trimURL(t)
	case hasPrefixFold(t, "www.") && len(t) > 4 && isASCIIAlnum(t[4]):
		return i + trimURL(t)
	case t[0] == '@' || t[0] == '#':
		j := 1
		letters := false
		for j < len(t) {
			r, n := runeAt(t, j)
			if !isWordRune(r) {
				break
			}
			letters = letters || unicode.IsLetter(r)
			j += n
		}
		if letters && (t[0] == '#' || j < len(t) && t[j] != '@' || j == len(t)) {
			return i + j
		}
	case isASCIIAlnum(t[0]) && strings.IndexByte(t, '@') > 0:
		return i + email(t)
	case t[0] == ':' || t[0] == ';' || t[0] == '=':
		return i + emoticon(t)
	}
	return i
}

// emoticon returns the length of a smiley such as ":-)" that ends the
// chunk t or is followed by punctuation, or 0.
func emoticon(t string) int {
	j := 1
	if j < len(t) && t[j] == '-' {
		j++
	}
	if j == len(t) || strings.IndexByte(")(DPp/|", t[j]) < 0 {
		return 0
	}
	j++
	if j < len(t) && isASCIIAlnum(t[j]) {
		return 0
	}
	return j
}

// email returns the length of an e-mail address at the start of t, or 0.
func email(t string) int {
	at := 0
	for at < len(t) && (isASCIIAlnum(t[at]) || strings.IndexByte("._%+-", t[at]) >= 0) {
		at++
	}
	if at == 0 || at >= len(t) || t[at] != '@' {
		return 0
	}
	end := at + 1
	for end < len(t) && (isASCIIAlnum(t[end]) || t[end] == '.' || t[end] == '-') {
		end++
	}
	for end > at+1 && (t[end-1] == '.' || t[end-1] == '-') {
		end--
	}
	if !isASCIILetter(t[end-1]) || !strings.Contains(t[at+1:end], ".") {
		return 0 // the domain needs a dot and must end in a letter
	}
	return end
}

// trimURL returns the length of the URL at the start of t, without
// punctuation that ends the sentence or closes a bracket opened before it.
func trimURL(t string) int {
	end := len(t)
	open := strings.Count(t, "(") - strings.Count(t, ")") // unclosed brackets in t[:end]
	for end > 0 {
		c := t[end-1]
		if c == ')' {
			if open >= 0 {
				break
			}
			open++
		}
		if strings.IndexByte(".,;:!?'\")]}>", c) < 0 {
			r, n := utf8.DecodeLastRuneInString(t[:end])
			if r != '”' && r != '’' && r != '»' {
				break
			}
			end -= n
			continue
		}
		end--
	}
	return end
}

// word tokenizes the word starting at i, splitting off clitics and
// hyphens, and returns where it ends.
func (s *scanner) word(i, hi int) int {
	t := s.text
	start, seg, j := i, i, i // current token, current segment, position
scan:
	for j < hi {
		r, n := runeAt(t, j)
		if isWordRune(r) {
			j += n
			continue
		}
		if j+n >= hi {
			break
		}
		r2, n2 := runeAt(t, j+n)
		if !isWordRune(r2) {
			break
		}
		digitBefore := isASCIIDigit(t[j-1])
		switch {
		case r == '.':
			// 3.5, U.S, a.m, Ph.D, example.com, BHAM.L, but not defenses.While
			if !(digitBefore && isDigit(r2) || j-seg == 1 && !digitBefore || unicode.IsLower(r2) ||
				j-seg == 2 && initial(t[j+1:hi]) || ticker(t[seg:j], t[j+1:hi])) {
				break scan
			}
		case r == ',':
			// 8,500 but not 1,2
			if !digitBefore || !threeDigits(t[j+1:hi]) {
				break scan
			}
		case r == ':':
			if !digitBefore || !isDigit(r2) {
				break scan
			}
		case r == '/':
			// 9/11, 11/28/2000, b/c, w/o
			if !(digitBefore && isDigit(r2) || j-seg == 1 && oneLetter(t[j+1:hi])) {
				break scan
			}
		case r == '&':
			// AT&T, P&L
			if !unicode.IsLetter(r2) || !isASCIILetter(t[j-1]) {
				break scan
			}
		case isHyphen(r):
			if digitBefore && isDigit(r2) || r == '-' && prefixes.has(lowerASCII(t[start:j])) {
				break
			}
			s.emit(start, j, word)
			s.emit(j, j+n, punct)
			j += n
			start, seg = j, j
			continue
		case isApostrophe(r):
			e := j + n
			for e < hi {
				r, n := runeAt(t, e)
				if !isWordRune(r) {
					break
				}
				e += n
			}
			switch suffix := t[j+n : e]; {
			case isClitic(suffix) && !(digitBefore && (suffix == "s" || suffix == "S")):
				// it's, Russia's, we'll; but 80's stays whole
				s.emit(start, j, word)
				s.emit(j, e, word)
				return e
			case (suffix == "t" || suffix == "T") && j-1 > start && (t[j-1] == 'n' || t[j-1] == 'N'):
				// don't, can't → ca|n't, won't → wo|n't
				s.emit(start, j-1, word)
				s.emit(j-1, e, word)
				return e
			case !unicode.IsLetter(r2) && !(digitBefore && isDigit(r2)):
				break scan
			}
			// O'Brien, Sha'lan: one word
		default:
			break scan
		}
		j += n + n2
		seg = j - n2
	}
	if start == j {
		return j
	}
	w := t[start:j]
	if j < hi && t[j] == '.' && (j+1 == hi || t[j+1] != '.') && s.keepsPeriod(w, j+1) {
		s.emit(start, j+1, abbrev)
		return j + 1
	}
	if k := splitFused(w); k > 0 {
		s.emit(start, start+k, word)
		start += k
	}
	s.emit(start, j, word)
	return j
}

// keepsPeriod reports whether the word w, followed by a period that ends at
// after, is an abbreviation that keeps its period.
func (s *scanner) keepsPeriod(w string, after int) bool {
	if numberTitles.has(w) {
		return nextIsDigit(s.text[after:])
	}
	if titles.has(w) || abbreviations.has(w) {
		return true
	}
	r, n := utf8.DecodeRuneInString(w)
	if n == len(w) {
		return unicode.IsUpper(r) // an initial: "Dmitry S. Peskov"
	}
	if strings.IndexByte(w, '.') < 0 {
		return false
	}
	// letter-and-period abbreviations: U.S., a.m., Ph.D., e.g.
	for part := range strings.SplitSeq(w, ".") {
		if len(part) == 0 || len(part) > 2 || !isASCIILetter(part[0]) || !isASCIILetter(part[len(part)-1]) {
			return false
		}
	}
	return true
}

// nextIsDigit reports whether the next non-space character of t is a digit.
func nextIsDigit(t string) bool {
	t = strings.TrimLeft(t, " \t")
	return t != "" && isASCIIDigit(t[0])
}

// splitFused returns where EWT splits a fused word ("can|not", "gon|na"),
// or 0.
func splitFused(w string) int {
	switch len(w) {
	case 5:
		if strings.EqualFold(w, "gonna") || strings.EqualFold(w, "wanna") || strings.EqualFold(w, "gotta") {
			return 3
		}
	case 6:
		if strings.EqualFold(w, "cannot") {
			return 3
		}
	}
	return 0
}

// punct emits the punctuation or symbol token starting at i, whose first
// rune ends at j, inside the chunk text[lo:hi]; it returns where the token
// ends.
func (s *scanner) punct(i, j, lo, hi int, r rune) int {
	t := s.text
	var next rune // the rune after the first, if any
	if j < hi {
		next, _ = runeAt(t, j)
	}
	switch {
	case r == '.' || r == '…':
		for j < hi && (t[j] == '.' || strings.HasPrefix(t[j:hi], "…")) {
			_, n := runeAt(t, j)
			j += n
		}
		if r == '.' && j == i+1 {
			s.emit(i, j, period)
		} else {
			s.emit(i, j, ellipsis)
		}
	case r == '!' || r == '?':
		for j < hi && (t[j] == '!' || t[j] == '?') {
			j++
		}
		s.emit(i, j, bang)
	case r == '-' || isDash(r):
		for j < hi {
			r2, n := runeAt(t, j)
			if r2 != r {
				break
			}
			j += n
		}
		s.emit(i, j, punct)
	case r == '"':
		s.emit(i, j, s.straightQuote(i, j, lo, hi))
	case isQuoteMark(r) && isQuoteMark(next):
		// a double quote typed as two single ones: `` '' ‘’ ’’
		for j < hi {
			r, n := runeAt(t, j)
			if !isQuoteMark(r) {
				break
			}
			j += n
		}
		switch {
		case r == '`' || r == '‘' && !strings.HasPrefix(t[i:j], "‘’’"):
			s.emit(i, j, opener)
		case t[i:j] == "’’":
			s.emit(i, j, closer)
		default:
			s.emit(i, j, s.straightQuote(i, j, lo, hi))
		}
	case isApostrophe(r):
		return s.apostrophe(i, j, lo, hi, r)
	case strings.ContainsRune("([{“„«‹", r):
		s.emit(i, j, opener)
	case strings.ContainsRune(")]}”»›", r):
		s.emit(i, j, closer)
	case r < utf8.RuneSelf && strings.IndexByte("=*_$+<>~^#|\\", byte(r)) >= 0:
		// a run of one symbol: "====", "***", "$$$"
		for j < hi && t[j] == t[i] {
			j++
		}
		s.emit(i, j, punct)
	case r == utf8.RuneError && j == i+1:
		for j < hi {
			if r, n := runeAt(t, j); r != utf8.RuneError || n != 1 {
				break
			}
			j++
		}
		s.emit(i, j, punct)
	default:
		// a symbol with any combining marks, joiners, variation
		// selectors and skin tones that follow it, so emoji sequences
		// stay whole
		for j < hi {
			r, n := runeAt(t, j)
			if r == '\u200d' && j+n < hi {
				_, n2 := runeAt(t, j+n)
				j += n + n2
				continue
			}
			if !unicode.In(r, unicode.Mn, unicode.Me, unicode.Mc, unicode.Variation_Selector) && !('\U0001F3FB' <= r && r <= '\U0001F3FF') {
				break
			}
			j += n
		}
		s.emit(i, j, punct)
	}
	return j
}

// straightQuote tells whether the straight double quote text[i:j] opens or
// closes a quotation, from the spaces around it or, when it has none or
// both, from whether a quotation is open.
func (s *scanner) straightQuote(i, j, lo, hi int) kind {
	before := i == lo || len(s.info) > 0 && s.info[len(s.info)-1].kind == opener
	after := j == hi
	if !after {
		r, _ := runeAt(s.text, j)
		after = strings.ContainsRune(".,;:!?)]}”’", r)
	}
	k := opener
	switch {
	case before && !after:
	case after && !before:
		k = closer
	case s.quoteOpen:
		k = closer
	}
	s.quoteOpen = k == opener
	return k
}

// apostrophe emits a token starting with an apostrophe or single quote:
// a clitic after a word ("U.S.'s"), a decade ("'90s"), or a quote mark.
func (s *scanner) apostrophe(i, j, lo, hi int, r rune) int {
	t := s.text
	e := j
	for e < hi {
		r, n := runeAt(t, e)
		if !isWordRune(r) {
			break
		}
		e += n
	}
	switch suffix := t[j:e]; {
	case i > lo && isClitic(suffix):
		s.emit(i, e, word)
		return e
	case len(suffix) >= 2 && isASCIIDigit(suffix[0]) && isASCIIDigit(suffix[1]) && (len(suffix) == 2 || suffix[2:] == "s"):
		s.emit(i, e, word)
		return e
	}
	k := closer
	switch {
	case r == '‘' || r == '‛' || r == '‚':
		k = opener
	case r == '\'' && i == lo && j < hi:
		k = opener
	}
	s.emit(i, j, k)
	return j
}

// sentences groups the tokens into sentences and returns the index after
// the last token of each.
func (s *scanner) sentences() []int {
	var ends []int
	n := len(s.toks)
	start := 0
	title := false // the current line is in title case
	for k := 0; k < n; {
		if s.info[k].gap == brk {
			if k > start {
				ends = append(ends, k)
				start = k
			}
			title = s.titleCase(k)
		}
		switch s.info[k].kind {
		case period, ellipsis, bang:
		case abbrev:
			if k == start || title {
				k++ // "U.S. Officials Say ..."
				continue
			}
		default:
			k++
			continue
		}
		if k == start+1 && s.info[k].kind == period && listMarker(s.toks[start].Text) {
			k++ // "1. The attachment ...", "b. The pricing ..."
			continue
		}
		m := k + 1
		for m < n && s.info[m].kind == closer && s.info[m].gap != brk {
			m++
		}
		if m < n && s.info[m].gap != brk && s.endsAfter(k, m) {
			ends = append(ends, m)
			start = m
		}
		k = m
	}
	if start < n {
		ends = append(ends, n)
	}
	return ends
}

// assemble makes the document's tokens and sentences from the sentence
// ends. An abbreviation that ends a sentence gives its period to the
// sentence, as in English-EWT: "in the U.S|." (but "the U.S. response").
func (s *scanner) assemble(ends []int) ([]extract.Token, []extract.Sentence) {
	var cut []int // abbreviations ending a sentence, before any closing quotes
	first := 0
	for _, end := range ends {
		k := end - 1
		for k > first && s.info[k].kind == closer {
			k--
		}
		if s.info[k].kind == abbrev {
			cut = append(cut, k)
		}
		first = end
	}
	toks := s.toks
	if len(cut) > 0 {
		toks = make([]extract.Token, 0, len(s.toks)+len(cut))
		prev := 0
		for _, k := range cut {
			w := s.toks[k]
			dot := w
			w.End--
			w.Text, w.Norm = w.Text[:len(w.Text)-1], w.Norm[:len(w.Norm)-1]
			dot.Start, dot.Text, dot.Norm = w.End, ".", "."
			toks = append(append(toks, s.toks[prev:k]...), w, dot)
			prev = k + 1
		}
		toks = append(toks, s.toks[prev:]...)
	}
	sents := make([]extract.Sentence, 0, len(ends))
	first, c := 0, 0
	for _, end := range ends {
		for c < len(cut) && cut[c] < end {
			c++
		}
		end += c
		sents = append(sents, extract.Sentence{
			Span:  extract.Span{Start: toks[first].Start, End: toks[end-1].End},
			First: first, End: end,
		})
		first = end
	}
	return toks, sents
}

// titleCase reports whether the line starting at token k is a headline in
// title case: at least three words, most of them capitalized apart from
// short function words.
func (s *scanner) titleCase(k int) bool {
	words, caps := 0, 0
	for ; k < len(s.toks) && (words == 0 || s.info[k].gap != brk); k++ {
		w := s.toks[k].Text
		r, _ := utf8.DecodeRuneInString(w)
		if s.info[k].kind != word || !unicode.IsLetter(r) || minorWords.has(w) {
			continue
		}
		words++
		if unicode.IsUpper(r) {
			caps++
		}
	}
	return words >= 3 && caps*10 >= words*8
}

// brandName reports whether the exclamation mark at token k ends a
// capitalized name such as "Yahoo!".
func (s *scanner) brandName(k int) bool {
	if k == 0 || s.info[k].gap != glued || s.toks[k].Text != "!" {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s.toks[k-1].Text)
	return unicode.IsUpper(r)
}

// attribution reports whether the tokens from m are a capitalized name of
// up to three words and a verb of saying: "Peskov asked", "Dmitry Peskov
// said".
func (s *scanner) attribution(m int) bool {
	for k := m; k < len(s.toks) && k <= m+3 && s.info[k].gap != brk; k++ {
		w := s.toks[k].Text
		if k > m && speechVerbs.has(w) {
			return true
		}
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) || s.info[k].kind != word {
			return false
		}
	}
	return false
}

// listMarker reports whether w, followed by a period at the start of a
// sentence, numbers an item of a list: one to three digits or one letter.
func listMarker(w string) bool {
	if len(w) == 1 {
		return isASCIIAlnum(w[0])
	}
	for i := 0; i < len(w); i++ {
		if !isASCIIDigit(w[i]) {
			return false
		}
	}
	return len(w) <= 3
}

// endsAfter decides whether the sentence ending punctuation (or
// abbreviation) at token k, with closing quotes and brackets up to token m,
// ends a sentence before token m.
func (s *scanner) endsAfter(k, m int) bool {
	next := s.toks[m].Text
	r, _ := utf8.DecodeRuneInString(next)
	upper := unicode.IsUpper(r) || unicode.IsTitle(r)
	if s.info[m].kind == opener {
		// a quote or bracket opening the next sentence
		upper = m+1 == len(s.toks) || s.info[m+1].gap == brk
		if !upper {
			r, _ := utf8.DecodeRuneInString(s.toks[m+1].Text)
			upper = unicode.IsUpper(r) || isDigit(r) || s.info[m+1].kind == opener
		}
	}
	digit := isDigit(r)
	switch s.info[k].kind {
	case period:
		if upper || digit {
			return true
		}
		if unicode.IsLetter(r) {
			// "... not that great. if you want ..."; a closing quote
			// before a lower-case word marks "..." he said.
			return m == k+1 && unicode.IsLower(r)
		}
		if s.info[m].kind != punct {
			return false
		}
		// a symbol opening the next sentence ($, *, •), not one
		// continuing this one (, ; : %)
		return !strings.ContainsAny(next, ",;:%-/")
	case bang:
		if m > k+1 && s.attribution(m) {
			return false // "Why now?" Peskov asked.
		}
		// "where did you grow up? india?", but "Yahoo! and AOL"
		return upper || digit || m == k+1 && unicode.IsLower(r) && !s.brandName(k)
	case ellipsis:
		return upper || digit
	}
	// an abbreviation with its period
	w := strings.TrimSuffix(s.toks[k].Text, ".")
	switch {
	case titles.has(w) || numberTitles.has(w):
		return false
	case digit:
		return false
	case s.info[m].kind == opener:
		// a quotation may open the next sentence; a bracket continues
		// this one: "Inc. (713) ..."
		return upper && !strings.ContainsAny(next, "([{")
	}
	return upper && starters.has(next)
}

// runeAt decodes the rune at byte i of t; invalid UTF-8 gives
// (utf8.RuneError, 1).
func runeAt(t string, i int) (rune, int) {
	if c := t[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(t[i:])
}

// isSpace reports whether r separates tokens: Unicode white space, the
// zero-width space and the byte-order mark.
func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || '\t' <= r && r <= '\r'
	}
	return unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff'
}

// isWordRune reports whether r belongs inside a word: letters, digits,
// combining marks, the underscore, soft hyphens and zero-width joiners.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || r == '_'
	}
	if r == utf8.RuneError || r == 'ʼ' { // the modifier letter apostrophe is an apostrophe
		return false
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.In(r, unicode.Mn, unicode.Mc) ||
		r == '\u00ad' || r == '\u200c' || r == '\u200d'
}

func isDigit(r rune) bool { return '0' <= r && r <= '9' || r > utf8.RuneSelf && unicode.IsDigit(r) }

func isASCIIDigit(c byte) bool  { return '0' <= c && c <= '9' }
func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }
func isASCIIAlnum(c byte) bool  { return isASCIILetter(c) || isASCIIDigit(c) }

// isHyphen reports whether r joins the parts of a word or a range.
func isHyphen(r rune) bool { return r == '-' || r == '‐' || r == '‑' || r == '–' || r == '‒' }

// isDash reports whether r is a dash or hyphen other than ASCII '-'.
func isDash(r rune) bool {
	return r == '—' || r == '―' || r == '⸺' || r == '–' || r == '‒' || r == '‐' || r == '‑' || r == '−'
}

// isApostrophe reports whether r may stand for an apostrophe. News text
// misuses the left single quote ("Ukraine‘s") and web text the backquote.
func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == '‘' || r == '`' || r == 'ʼ' }

// isQuoteMark reports whether r is a single quote mark, of which two in a
// row make a double quote.
func isQuoteMark(r rune) bool { return r == '\'' || r == '’' || r == '‘' || r == '`' }

// isClitic reports whether s, after an apostrophe, is a clitic EWT splits
// off: 's 're 'll 've 'd 'm.
func isClitic(s string) bool {
	switch len(s) {
	case 1:
		c := s[0] | 0x20
		return c == 's' || c == 'd' || c == 'm'
	case 2:
		return strings.EqualFold(s, "re") || strings.EqualFold(s, "ll") || strings.EqualFold(s, "ve")
	}
	return false
}

// initial reports whether t starts with a letter and a period: "D." of
// "Ph.D.".
func initial(t string) bool { return len(t) >= 2 && isASCIILetter(t[0]) && t[1] == '.' }

// ticker reports whether a period between left and right belongs to a
// stock ticker or file name such as "BHAM.L", "AAPL.O" or "ENRON.XLS":
// capitals, then one to three capitals ending the word.
func ticker(left, right string) bool {
	for i := 0; i < len(left); i++ {
		if c := left[i]; !('A' <= c && c <= 'Z') {
			return false
		}
	}
	n := 0
	for n < len(right) && 'A' <= right[n] && right[n] <= 'Z' {
		n++
	}
	return len(left) >= 2 && 1 <= n && n <= 3 && (n == len(right) || !isASCIIAlnum(right[n]) && right[n] != '.')
}

// threeDigits reports whether t starts with exactly three digits.
func threeDigits(t string) bool {
	return len(t) >= 3 && isASCIIDigit(t[0]) && isASCIIDigit(t[1]) && isASCIIDigit(t[2]) &&
		(len(t) == 3 || !isASCIIDigit(t[3]))
}

// oneLetter reports whether t starts with a single letter ending the word.
func oneLetter(t string) bool {
	return len(t) >= 1 && isASCIILetter(t[0]) && (len(t) == 1 || !isASCIIAlnum(t[1]))
}

// hasPrefixFold reports whether t begins with the ASCII prefix p, ignoring case.
func hasPrefixFold(t, p string) bool { return len(t) >= len(p) && strings.EqualFold(t[:len(p)], p) }

// lowerASCII lower-cases short ASCII words without allocating when they
// are already lower case.
func lowerASCII(w string) string {
	for i := 0; i < len(w); i++ {
		if 'A' <= w[i] && w[i] <= 'Z' {
			return strings.ToLower(w)
		}
	}
	return w
}
