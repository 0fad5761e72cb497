// Package parse assigns Universal Dependencies trees to tagged sentences.
//
// The parser is a greedy arc-hybrid transition system (Kuhlmann et al.
// 2011) whose transitions are chosen by an averaged perceptron over rich
// hashed features in the style of Zhang & Nivre (2011); a second perceptron
// labels each arc when it is made. It is trained with the dynamic oracle of
// Goldberg & Nivre (2013), exploring its own mistakes.
//
// The artificial root sits at the end of the buffer and may take a dependent
// only when that dependent is the last word on the stack, so every parsed
// sentence is a tree with exactly one root. Heads are written as indices into
// Document.Tokens (-1 for the root); labels are extract.DepRel values,
// subtypes included. A Parser is immutable and safe for concurrent use.
//
// The embedded model (package parse/model) is trained on English-EWT by
// "kg train parser": the training sentences carry jackknifed tags (each fifth
// tagged by a tagger trained on the rest), so that the parser learns from
// tagging errors like those it meets, and the epoch is chosen on the
// development set tagged by the embedded tagger. Evaluate and the package's
// tests print attachment scores; BenchmarkParse prints words per second.
package parse

import (
	"bufio"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"sync"

	"kg/extract"
	"kg/extract/parse/model"
	"kg/extract/perceptron"
)

// Parser is a trained dependency parser.
type Parser struct {
	moves  perceptron.Scorer // scores the transitions shift, left, right
	labels perceptron.Scorer // scores the labels of a new arc
}

// load decodes the embedded model once.
var load = sync.OnceValues(func() (*Parser, error) {
	p, err := Read(model.Open())
	if err != nil {
		return nil, fmt.Errorf("parse: embedded model: %w", err)
	}
	return p, nil
})

// Load returns the parser with the model embedded in the program, decoding it
// on first use.
func Load() (*Parser, error) { return load() }

// Annotate parses every sentence of doc, setting each token's Head and Dep.
// It reads the tokens' Norm (or Text), UPOS and XPOS.
func (p *Parser) Annotate(doc *extract.Document) error {
	var st state
	for i, s := range doc.Sentences {
		if s.First < 0 || s.End > len(doc.Tokens) || s.First > s.End {
			return fmt.Errorf("parse: sentence %d: token range [%d,%d) outside the document's %d tokens",
				i, s.First, s.End, len(doc.Tokens))
		}
		toks := doc.Tokens[s.First:s.End]
		if len(toks) == 0 {
			continue
		}
		st.reset(toks)
		p.run(&st)
		for j := range toks {
			h := int(st.head[j])
			if h == len(toks) {
				toks[j].Head = -1
			} else {
				toks[j].Head = s.First + h
			}
			toks[j].Dep = st.label[j]
		}
	}
	return nil
}

// run parses greedily from the initial state to the end.
func (p *Parser) run(st *state) {
	var feats []uint64
	var scores [numMoves]float32
	lscores := make([]float32, p.labels.Classes())
	for !st.terminal() {
		feats = st.features(feats[:0])
		p.moves.Scores(feats, scores[:])
		m := best(st, scores[:], nil)
		st.apply(m, p.label(st, m, &feats, lscores))
	}
}

// label chooses the label of the arc move m would make; feats is a reusable
// buffer.
func (p *Parser) label(st *state, m move, feats *[]uint64, scores []float32) extract.DepRel {
	if m == shift {
		return extract.NoDep
	}
	h, d := st.arc(m)
	if int(h) == st.n {
		return extract.Root
	}
	*feats = st.labelFeatures((*feats)[:0], h, d)
	p.labels.Scores(*feats, scores)
	return bestLabel(scores)
}

// bestLabel returns the highest-scoring relation other than NoDep and Root,
// which only the artificial root's arc receives.
func bestLabel(scores []float32) extract.DepRel {
	best := extract.Acl
	for r := extract.Acl; int(r) < len(scores); r++ {
		if r != extract.Root && scores[r] > scores[best] {
			best = r
		}
	}
	return best
}

// best returns the highest-scoring valid move; when cost is not nil, only
// moves of zero cost count.
func best(st *state, scores []float32, cost *[numMoves]int) move {
	m := move(-1)
	for c := shift; c < numMoves; c++ {
		if !st.valid(c) || (cost != nil && cost[c] != 0) {
			continue
		}
		if m < 0 || scores[c] > scores[m] {
			m = c
		}
	}
	return m
}

const magic = "kgparse2"

// Write stores the parser's model gzipped: a header, then the transition
// table and the label table.
func (p *Parser) Write(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	bw.WriteString(magic)
	for _, s := range []perceptron.Scorer{p.moves, p.labels} {
		t, ok := s.(*perceptron.Table)
		if !ok {
			return errors.New("parse: only an averaged model can be written")
		}
		if err := t.Encode(bw); err != nil {
			return err
		}
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

// Read loads a parser stored by Write.
func Read(r io.Reader) (*Parser, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("parse: %w", err)
	}
	br := bufio.NewReader(zr)
	head := make([]byte, len(magic))
	if _, err := io.ReadFull(br, head); err != nil || string(head) != magic {
		return nil, errors.New("parse: not a parser model")
	}
	var tables [2]*perceptron.Table
	for i := range tables {
		if tables[i], err = perceptron.Decode(br); err != nil {
			return nil, fmt.Errorf("parse: table %d: %w", i+1, err)
		}
	}
	if c := tables[0].Classes(); c != int(numMoves) {
		return nil, fmt.Errorf("parse: transition table has %d classes, want %d", c, numMoves)
	}
	if c := tables[1].Classes(); c != extract.NumDepRel {
		return nil, fmt.Errorf("parse: label table has %d classes, want %d", c, extract.NumDepRel)
	}
	return &Parser{moves: tables[0], labels: tables[1]}, nil
}
