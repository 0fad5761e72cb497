package tag

import (
	"bufio"
	"cmp"
	"encoding/binary"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"unicode/utf8"

	"kg/extract"
)

// rule rewrites a form into its lemma: optionally lowercase it, cut bytes
// from its end, then append a string. "studies" → "study" is {cut 3, add "y"}.
type rule struct {
	lower bool
	cut   int
	add   string
}

// apply returns the lemma of form, or form itself when the rule does not fit.
func (r rule) apply(form string) string {
	if r.lower {
		form = strings.ToLower(form)
	}
	if r.cut > len(form) || (r.cut == len(form) && r.add == "") {
		return form
	}
	s := form[:len(form)-r.cut]
	if !utf8.ValidString(s) {
		return form
	}
	return s + r.add
}

// rulesFor returns the cheapest rule turning form into lemma as it is, and
// the cheapest one that lowercases form first. Counting both lets "The" and
// "the" agree on lowercasing, and "i" and "I" on "I".
func rulesFor(form, lemma string) (keep, low rule) {
	keep = diff(form, lemma)
	low = diff(strings.ToLower(form), lemma)
	low.lower = true
	return keep, low
}

func cost(r rule) int { return r.cut + len(r.add) }

func diff(form, lemma string) rule {
	p := 0
	for p < len(form) && p < len(lemma) && form[p] == lemma[p] {
		p++
	}
	for p > 0 && p < len(form) && !utf8.RuneStart(form[p]) {
		p--
	}
	return rule{cut: len(form) - p, add: lemma[p:]}
}

// maxSuffix is the longest suffix, in bytes, the lemmatizer learns rules for.
const maxSuffix = 6

// lemmatizer maps a form and its XPOS to a lemma. Known words come from a
// table of exceptions; others from the rule of their longest known suffix
// under their tag. Both tables keep only entries that differ from what the
// shorter suffix would give, so they stay small.
type lemmatizer struct {
	words    map[string]rule // key: XPOS byte + lowercased form
	suffixes map[string]rule // key: XPOS byte + suffix of the lowercased form
}

// key joins a tag and a string into a key of the lemmatizer's tables.
func key(x extract.XPOS, s string) string { return string(rune(x)) + s }

// lemma returns the lemma of form tagged x.
func (l *lemmatizer) lemma(form string, x extract.XPOS) string {
	low := strings.ToLower(form)
	var buf [64]byte // keys of most words fit: no allocation to look them up
	k := append(append(buf[:0], byte(x)), low...)
	if r, ok := l.words[string(k)]; ok {
		return r.apply(form)
	}
	return l.guess(low, x).apply(form)
}

// guess returns the rule of the longest suffix of low, shorter than low,
// known under x.
func (l *lemmatizer) guess(low string, x extract.XPOS) rule {
	return l.suffixRule(low, x, min(maxSuffix, len(low)-1))
}

// suffixRule returns the rule of the longest suffix of low of at most n
// bytes known under x.
func (l *lemmatizer) suffixRule(low string, x extract.XPOS, n int) rule {
	var buf [1 + maxSuffix]byte
	for k := n; k >= 0; k-- {
		key := append(append(buf[:0], byte(x)), low[len(low)-k:]...)
		if r, ok := l.suffixes[string(key)]; ok {
			return r
		}
	}
	return rule{}
}

// trainLemmatizer learns the tables from (form, XPOS, lemma) triples. The
// word table takes the rule that explains most of a word's occurrences.
// Rules for suffixes are counted over distinct words, as unknown words are
// rare ones.
func trainLemmatizer(words []lemmaExample) *lemmatizer {
	byWord := make(map[string]map[rule]int)   // key(x, low) → rule counts
	bySuffix := make(map[string]map[rule]int) // key(x, suffix) → counts over distinct words
	var lowers [256][2]int                    // per XPOS: capitalized words whose lemma keeps case, is lowercased
	for _, w := range words {
		k := key(w.xpos, strings.ToLower(w.form))
		if byWord[k] == nil {
			byWord[k] = make(map[rule]int)
		}
		keep, low := rulesFor(w.form, w.lemma)
		byWord[k][keep]++
		if low != keep {
			byWord[k][low]++
			if cost(low) < cost(keep) {
				lowers[w.xpos][1]++
			} else if cost(keep) < cost(low) {
				lowers[w.xpos][0]++
			}
		}
	}
	for k, counts := range byWord {
		x, low := extract.XPOS(k[0]), k[1:]
		r := majority(counts)
		// Whether an unknown word is lowercased depends on its tag only:
		// lowercase words cannot tell.
		r.lower = lowers[x][1] >= lowers[x][0]
		// Suffixes shorter than the word, long enough for the rule to cut
		// within them only.
		for n := r.cut; n <= min(maxSuffix, len(low)-1); n++ {
			sk := key(x, low[len(low)-n:])
			if bySuffix[sk] == nil {
				bySuffix[sk] = make(map[rule]int)
			}
			bySuffix[sk][r]++
		}
	}
	l := &lemmatizer{words: make(map[string]rule), suffixes: make(map[string]rule)}
	// Shorter suffixes first, so that each is compared with the rule its
	// parent will give.
	keys := slices.SortedFunc(maps.Keys(bySuffix), func(a, b string) int {
		return cmp.Or(cmp.Compare(len(a), len(b)), strings.Compare(a, b))
	})
	for _, k := range keys {
		r := majority(bySuffix[k])
		x, suf := extract.XPOS(k[0]), k[1:]
		if len(suf) == 0 || l.suffixRule(suf, x, len(suf)-1) != r {
			l.suffixes[k] = r
		}
	}
	for k, counts := range byWord {
		x, low := extract.XPOS(k[0]), k[1:]
		if r := majority(counts); l.guess(low, x) != r {
			l.words[k] = r
		}
	}
	return l
}

// lemmaExample is one training token.
type lemmaExample struct {
	form, lemma string
	xpos        extract.XPOS
}

// majority returns the most frequent rule, breaking ties by the rule itself
// so that training is deterministic.
func majority(counts map[rule]int) rule {
	var best rule
	n := -1
	for r, c := range counts {
		if c > n || c == n && less(r, best) {
			best, n = r, c
		}
	}
	return best
}

func less(a, b rule) bool {
	if a.cut != b.cut {
		return a.cut < b.cut
	}
	if a.add != b.add {
		return a.add < b.add
	}
	return a.lower && !b.lower
}

// encode writes both tables, sorted so that equal tables give equal bytes.
func (l *lemmatizer) encode(w io.Writer) error {
	bw := bufio.NewWriter(w)
	for _, m := range []map[string]rule{l.words, l.suffixes} {
		writeUvarint(bw, uint64(len(m)))
		for _, k := range slices.Sorted(maps.Keys(m)) {
			r := m[k]
			flags := uint64(r.cut) << 1
			if r.lower {
				flags |= 1
			}
			writeString(bw, k)
			writeUvarint(bw, flags)
			writeString(bw, r.add)
		}
	}
	return bw.Flush()
}

func decodeLemmatizer(r io.ByteReader) (*lemmatizer, error) {
	l := &lemmatizer{}
	for _, m := range []*map[string]rule{&l.words, &l.suffixes} {
		n, err := binary.ReadUvarint(r)
		if err != nil || n > 1<<24 {
			return nil, fmt.Errorf("lemma table size: %v", cmp.Or(err, fmt.Errorf("%d entries", n)))
		}
		*m = make(map[string]rule, n)
		for range n {
			k, err1 := readString(r)
			flags, err2 := binary.ReadUvarint(r)
			add, err3 := readString(r)
			if err := cmp.Or(err1, err2, err3); err != nil {
				return nil, fmt.Errorf("lemma table: %w", err)
			}
			(*m)[k] = rule{lower: flags&1 != 0, cut: int(flags >> 1), add: add}
		}
	}
	return l, nil
}

func writeUvarint(w *bufio.Writer, v uint64) {
	w.Write(binary.AppendUvarint(nil, v))
}

func writeString(w *bufio.Writer, s string) {
	writeUvarint(w, uint64(len(s)))
	w.WriteString(s)
}

func readString(r io.ByteReader) (string, error) {
	n, err := binary.ReadUvarint(r)
	if err != nil {
		return "", err
	}
	if n > 1<<16 {
		return "", fmt.Errorf("string of %d bytes", n)
	}
	b := make([]byte, n)
	for i := range b {
		if b[i], err = r.ReadByte(); err != nil {
			return "", err
		}
	}
	return string(b), nil
}
