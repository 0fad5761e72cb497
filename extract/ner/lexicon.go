package ner

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"kg/extract"
	"kg/extract/tokenize"
)

// lexicon is what unlabelled news text says about words the annotated
// corpus may never show: how often a word is capitalized inside a sentence
// (so "Beyond" opening a sentence is no name, and "florida" is one), and a
// distributional class from the words around it (coarse and fine), which
// groups names of one kind together.
type lexicon map[string]lexEntry

type lexEntry struct {
	caps         uint8 // capitalization bucket (see capsBucket); 0 for no entry
	coarse, fine uint16
}

// Lexicon sizes: words seen fewer times get no entry; classes are found by
// spherical k-means over left and right neighbour counts.
const (
	lexMinCount = 5
	lexContexts = 400
	lexCoarse   = 64
	lexFine     = 512
	lexRounds   = 12
)

// ReadNewsCorpus reads unlabelled news articles from a JSON Lines file
// (gzipped when the name ends in .gz), one object with a "text" field a
// line, and returns their sentences as token forms.
func ReadNewsCorpus(path string) ([][]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("ner: %w", err)
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(path, ".gz") {
		zr, err := gzip.NewReader(f)
		if err != nil {
			return nil, fmt.Errorf("ner: %s: %w", path, err)
		}
		r = zr
	}
	tok := tokenize.New()
	var out [][]string
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for line := 1; sc.Scan(); line++ {
		var a struct{ Text string }
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			return nil, fmt.Errorf("ner: %s:%d: %w", path, line, err)
		}
		doc := &extract.Document{Text: a.Text}
		if err := tok.Annotate(doc); err != nil {
			return nil, fmt.Errorf("ner: %s:%d: %w", path, line, err)
		}
		for i := range doc.Sentences {
			var s []string
			for _, t := range doc.SentenceTokens(i) {
				s = append(s, t.Text)
			}
			out = append(out, s)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("ner: %s: %w", path, err)
	}
	return out, nil
}

// buildLexicon computes the lexicon of the words of sentences.
// Deterministic: equal input gives an equal lexicon.
func buildLexicon(sentences [][]string) lexicon {
	type stats struct{ n, upper, lower int }
	words := map[string]*stats{}
	for _, s := range sentences {
		for i, w := range s {
			k := strings.ToLower(w)
			st := words[k]
			if st == nil {
				st = &stats{}
				words[k] = st
			}
			st.n++
			if i == 0 || strings.ContainsAny(s[i-1], `.:?!"'`) || allCaps(w) {
				continue
			}
			if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
				st.upper++
			} else if unicode.IsLower(r) {
				st.lower++
			}
		}
	}
	var vocab []string
	for k, st := range words {
		if st.n >= lexMinCount {
			vocab = append(vocab, k)
		}
	}
	// Most frequent first, ties in byte order: the order fixes the result.
	slices.SortFunc(vocab, func(a, b string) int {
		if d := words[b].n - words[a].n; d != 0 {
			return d
		}
		return strings.Compare(a, b)
	})
	contexts := map[string]int{}
	for i, k := range vocab[:min(lexContexts, len(vocab))] {
		contexts[k] = i
	}
	index := map[string]int{}
	for i, k := range vocab {
		index[k] = i
	}
	// Neighbour counts: left contexts in [0, lexContexts), right ones after.
	counts := make([]map[int]float64, len(vocab))
	for i := range counts {
		counts[i] = map[int]float64{}
	}
	for _, s := range sentences {
		for i, w := range s {
			v, ok := index[strings.ToLower(w)]
			if !ok {
				continue
			}
			if i > 0 {
				if c, ok := contexts[strings.ToLower(s[i-1])]; ok {
					counts[v][c]++
				}
			}
			if i+1 < len(s) {
				if c, ok := contexts[strings.ToLower(s[i+1])]; ok {
					counts[v][lexContexts+c]++
				}
			}
		}
	}
	vecs := make([]sparse, len(vocab))
	for i, m := range counts {
		vecs[i] = newSparse(m)
	}
	coarse := kmeans(vecs, lexCoarse)
	fine := kmeans(vecs, lexFine)
	lex := lexicon{}
	for i, k := range vocab {
		st := words[k]
		lex[k] = lexEntry{caps: capsBucket(st.upper, st.lower), coarse: uint16(coarse[i]), fine: uint16(fine[i])}
	}
	return lex
}

func allCaps(w string) bool {
	letters := 0
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters > 1
}

// capsBucket grades how often a word is capitalized inside sentences: 1
// (never) to 5 (always), 6 when it was seen there too seldom to tell.
func capsBucket(upper, lower int) uint8 {
	if upper+lower < 3 {
		return 6
	}
	r := float64(upper) / float64(upper+lower)
	switch {
	case r < 0.05:
		return 1
	case r < 0.3:
		return 2
	case r < 0.7:
		return 3
	case r < 0.95:
		return 4
	}
	return 5
}

// sparse is a unit vector of square-rooted counts, sorted by index.
type sparse struct {
	idx []int
	val []float64
}

func newSparse(m map[int]float64) sparse {
	var s sparse
	for i := range m {
		s.idx = append(s.idx, i)
	}
	slices.Sort(s.idx)
	var norm float64
	for _, i := range s.idx {
		v := math.Sqrt(m[i])
		s.val = append(s.val, v)
		norm += v * v
	}
	norm = math.Sqrt(norm)
	for j := range s.val {
		if norm > 0 {
			s.val[j] /= norm
		}
	}
	return s
}

// kmeans clusters unit vectors by cosine, starting from vectors spread
// evenly over the (frequency-ordered) list, and returns each one's cluster.
func kmeans(vecs []sparse, k int) []int {
	k = min(k, len(vecs))
	dim := 2 * lexContexts
	cent := make([][]float64, k)
	for c := range cent {
		cent[c] = make([]float64, dim)
		v := vecs[c*len(vecs)/k]
		for j, i := range v.idx {
			cent[c][i] = v.val[j]
		}
	}
	assign := make([]int, len(vecs))
	for range lexRounds {
		for n, v := range vecs {
			best, bestDot := 0, -1.0
			for c := range cent {
				var dot float64
				for j, i := range v.idx {
					dot += cent[c][i] * v.val[j]
				}
				if dot > bestDot {
					best, bestDot = c, dot
				}
			}
			assign[n] = best
		}
		for c := range cent {
			clear(cent[c])
		}
		for n, v := range vecs {
			for j, i := range v.idx {
				cent[assign[n]][i] += v.val[j]
			}
		}
		for c := range cent {
			var norm float64
			for _, x := range cent[c] {
				norm += x * x
			}
			if norm = math.Sqrt(norm); norm > 0 {
				for i := range cent[c] {
					cent[c][i] /= norm
				}
			}
		}
	}
	return assign
}

// encode writes the lexicon in key order.
func (l lexicon) encode(w *bufio.Writer) error {
	keys := make([]string, 0, len(l))
	for k := range l {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	writeUvarint(w, uint64(len(keys)))
	for _, k := range keys {
		e := l[k]
		writeUvarint(w, uint64(len(k)))
		w.WriteString(k)
		w.WriteByte(e.caps)
		writeUvarint(w, uint64(e.coarse))
		writeUvarint(w, uint64(e.fine))
	}
	return w.Flush()
}

func writeUvarint(w *bufio.Writer, v uint64) { w.Write(binary.AppendUvarint(nil, v)) }

func decodeLexicon(r *bufio.Reader) (lexicon, error) {
	n, err := binary.ReadUvarint(r)
	if err != nil {
		return nil, err
	}
	if n > 1<<24 {
		return nil, errors.New("implausible lexicon size")
	}
	l := make(lexicon, n)
	for range n {
		size, err := binary.ReadUvarint(r)
		if err != nil {
			return nil, err
		}
		if size > 1<<10 {
			return nil, errors.New("implausible word length")
		}
		b := make([]byte, size)
		if _, err := io.ReadFull(r, b); err != nil {
			return nil, err
		}
		caps, err := r.ReadByte()
		if err != nil {
			return nil, err
		}
		coarse, err := binary.ReadUvarint(r)
		if err != nil {
			return nil, err
		}
		fine, err := binary.ReadUvarint(r)
		if err != nil {
			return nil, err
		}
		l[string(b)] = lexEntry{caps: caps, coarse: uint16(coarse), fine: uint16(fine)}
	}
	return l, nil
}
