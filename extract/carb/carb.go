// Package carb scores open information extraction output with the CaRB
// benchmark's default metric (Bhardwaj, Aggarwal and Mausam, EMNLP 2019):
// lenient token matching of binarized tuples, greedy one-to-one matching for
// precision, many-to-one matching for recall, a precision-recall curve over
// every distinct confidence, its area, and the best F1 on it.
//
// The rules follow the description in ../shared/carb/SCORING.md, which was
// checked against the official scorer; every number this package prints is
// comparable with published CaRB figures.
package carb

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
)

// Tuple is one extraction: a relation phrase and its arguments, as written.
type Tuple struct {
	Rel  string
	Args []string
	Conf float64 // 1 for gold tuples
}

// Group is the tuples of one sentence, in file order.
type Group struct {
	Sentence string // as written in the file
	Tuples   []Tuple
}

// Set is a gold or predicted file: its sentence groups in order of first
// appearance.
type Set struct {
	Groups []Group
}

// ReadGold reads a CaRB gold file: SENTENCE, RELATION, ARG1, ARG2 ... per
// line, TAB-separated. Context arguments ("C: ...") are dropped, as the
// official scorer does; "T: " and "L: " prefixes are kept.
func ReadGold(r io.Reader) (*Set, error) {
	return read(r, func(f []string) (Tuple, error) {
		t := Tuple{Conf: 1}
		if len(f) > 1 {
			t.Rel = strings.TrimSpace(f[1])
		}
		for _, a := range f[min(2, len(f)):] {
			if strings.Contains(a, "C: ") {
				continue
			}
			t.Args = append(t.Args, strings.TrimSpace(a))
		}
		return t, nil
	})
}

// ReadPredictions reads the tabbed prediction format: SENTENCE, CONFIDENCE,
// RELATION, ARG1, ARG2 ... per line. Arguments are kept verbatim.
func ReadPredictions(r io.Reader) (*Set, error) {
	return read(r, func(f []string) (Tuple, error) {
		if len(f) < 3 {
			return Tuple{}, fmt.Errorf("want SENTENCE, CONFIDENCE and RELATION fields, have %d field(s)", len(f))
		}
		c, err := strconv.ParseFloat(strings.TrimSpace(f[1]), 64)
		if err != nil {
			return Tuple{}, fmt.Errorf("bad confidence %q", f[1])
		}
		return Tuple{Rel: f[2], Args: f[3:], Conf: c}, nil
	})
}

// ReadFile opens path and reads it with read (ReadGold or ReadPredictions).
func ReadFile(path string, read func(io.Reader) (*Set, error)) (*Set, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	s, err := read(f)
	if err != nil {
		return nil, fmt.Errorf("%s:%w", path, err)
	}
	return s, nil
}

// read groups the lines of a file by their raw sentence field.
func read(r io.Reader, tuple func([]string) (Tuple, error)) (*Set, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	s := &Set{}
	index := map[string]int{}
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		f := strings.Split(line, "\t")
		sent := strings.TrimSpace(f[0])
		t, err := tuple(f)
		if err != nil {
			return nil, fmt.Errorf("%d: %w", n, err)
		}
		i, ok := index[sent]
		if !ok {
			i = len(s.Groups)
			index[sent] = i
			s.Groups = append(s.Groups, Group{Sentence: sent})
		}
		s.Groups[i].Tuples = append(s.Groups[i].Tuples, t)
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	return s, nil
}

// bracketNames maps PTB bracket tokens to the brackets they stand for.
var bracketNames = strings.NewReplacer("-LRB-", "(", "-RRB-", ")", "-LSB-", "[", "-RSB-", "]", "-LCB-", "{", "-RCB-", "}")

// Key is the form that joins predicted sentences to gold ones: spaces
// removed, PTB bracket names replaced, ASCII punctuation removed.
func Key(sentence string) string {
	s := bracketNames.Replace(strings.ReplaceAll(sentence, " ", ""))
	return strings.Map(func(r rune) rune {
		if r < 128 && strings.ContainsRune("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", r) {
			return -1
		}
		return r
	}, s)
}

// byKey indexes groups by Key. When two sentences share a key, the one that
// first appeared later wins, as in the official scorer.
func (s *Set) byKey() map[string]*Group {
	m := make(map[string]*Group, len(s.Groups))
	for i := range s.Groups {
		m[Key(s.Groups[i].Sentence)] = &s.Groups[i]
	}
	return m
}
