// Package ner recognizes named entities: it finds the mentions of persons,
// organizations and places (and, as OtherEntity, other names such as
// events, products and works) in tokenized, tagged sentences.
//
// The recognizer is a greedy left-to-right BILOU sequence labeller over an
// averaged perceptron (extract/perceptron). Its features are the word, its
// shape, affixes and Penn tags, the same for two words on each side, the
// labels already given to the two words before, the gazetteer names the
// word is part of (extract/gazetteer), and a lexicon learned from
// unlabelled news: how often the word is capitalized inside a sentence and
// its distributional class. Decoding only ever chooses labels that continue
// a legal BILOU sequence, so every mention is well formed.
//
// After labelling, mentions are made to agree with the gazetteer (an exact
// gazetteer name takes its type; a capitalized one nothing covers becomes a
// mention), lose leading titles and honorifics ("Mr. Peskov" and "Foreign
// Minister Dmytro Kuleba" give the persons "Peskov" and "Dmytro Kuleba"),
// and take the type their text has most often in the document.
//
// Mentions never cross sentence boundaries and are in text order. The model
// is trained on Universal NER English-EWT by "kg train ner" (Train), stored
// with Write, embedded in extract/ner/model and decoded once by Load.
package ner

import (
	"bufio"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"

	"kg/extract"
	"kg/extract/ner/model"
	"kg/extract/perceptron"
)

// Recognizer finds entity mentions. It is immutable and safe for
// concurrent use.
type Recognizer struct {
	table *perceptron.Table
	lex   lexicon
}

// load decodes the embedded model once.
var load = sync.OnceValues(func() (*Recognizer, error) {
	r, err := Read(strings.NewReader(model.Data()))
	if err != nil {
		return nil, fmt.Errorf("ner: embedded model: %w", err)
	}
	return r, nil
})

// Load returns the recognizer trained on Universal NER English-EWT that is
// embedded in the binary. Every call returns the same value.
func Load() (*Recognizer, error) { return load() }

// magic opens a stored recognizer, inside the gzip stream.
const magic = "kgner1\n"

// Read loads a recognizer stored by Write.
func Read(r io.Reader) (*Recognizer, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("ner: %w", err)
	}
	br := bufio.NewReader(zr)
	head := make([]byte, len(magic))
	if _, err := io.ReadFull(br, head); err != nil || string(head) != magic {
		return nil, errors.New("ner: not a recognizer model")
	}
	t, err := perceptron.Decode(br)
	if err != nil {
		return nil, fmt.Errorf("ner: %w", err)
	}
	if t.Classes() != int(numLabels) {
		return nil, fmt.Errorf("ner: model has %d classes, want %d", t.Classes(), numLabels)
	}
	lex, err := decodeLexicon(br)
	if err != nil {
		return nil, fmt.Errorf("ner: lexicon: %w", err)
	}
	return &Recognizer{table: t, lex: lex}, nil
}

// Write stores the recognizer: its weights and its lexicon, gzipped.
func (r *Recognizer) Write(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	bw.WriteString(magic)
	if err := r.table.Encode(bw); err != nil {
		return err
	}
	if err := r.lex.encode(bw); err != nil {
		return err
	}
	return zw.Close()
}

// Features reports the number of weighted features in the model.
func (r *Recognizer) Features() int { return r.table.Len() }

// Annotate appends the mentions of every sentence of doc to doc.Mentions,
// in text order. It needs Sentences and Tokens; Penn tags (XPOS, UPOS)
// improve it but are not required.
//
// After labelling, mentions agree with the gazetteer, a mention loses
// leading titles ("Foreign Minister Dmytro Kuleba" gives the person "Dmytro
// Kuleba") and trailing weekdays and punctuation, and every mention of the
// document takes the type its text has most often in the document, a
// person's full name counting for its last word too.
func (r *Recognizer) Annotate(doc *extract.Document) error {
	d := decoder{sent: sentence{lex: r.lex}}
	before := len(doc.Mentions)
	for _, s := range doc.Sentences {
		if s.First < 0 || s.End > len(doc.Tokens) || s.First > s.End {
			return fmt.Errorf("ner: %s: sentence tokens [%d:%d] out of range (%d tokens)",
				doc.Position(s.Start), s.First, s.End, len(doc.Tokens))
		}
		toks := doc.Tokens[s.First:s.End]
		d.decode(r.table, toks, nil)
		start := len(doc.Mentions)
		doc.Mentions = mentions(d.labels, doc.Mentions)
		doc.Mentions = append(doc.Mentions[:start], d.sent.gazetteerMentions(doc.Mentions[start:])...)
		doc.Mentions = append(doc.Mentions[:start], d.sent.tidy(toks, doc.Mentions[start:])...)
		for i := start; i < len(doc.Mentions); i++ {
			m := &doc.Mentions[i]
			m.First += s.First
			m.End += s.First
			m.Span = extract.Span{Start: doc.Tokens[m.First].Start, End: doc.Tokens[m.End-1].End}
		}
	}
	harmonize(doc, doc.Mentions[before:])
	return nil
}

// decoder holds the buffers of one labelling run.
type decoder struct {
	sent   sentence
	feats  []uint64
	scores []float32
	labels []label
}

// decode labels toks greedily, choosing at each token the best label that
// continues a legal sequence. When learn is not nil it is called with each
// token's features and the label chosen, before the next token is labelled.
func (d *decoder) decode(m perceptron.Scorer, toks []extract.Token, learn func(i int, feats []uint64, guess label)) {
	d.sent.reset(toks)
	d.labels = d.labels[:0]
	if cap(d.scores) < int(numLabels) {
		d.scores = make([]float32, int(numLabels))
	}
	d.scores = d.scores[:numLabels]
	prev, prev2 := start, start
	for i := range toks {
		d.feats = d.sent.dynamic(i, prev, prev2, d.sent.static(i, d.feats[:0]))
		m.Scores(d.feats, d.scores)
		l := best(d.scores, prev, i == len(toks)-1)
		if learn != nil {
			learn(i, d.feats, l)
		}
		d.labels = append(d.labels, l)
		prev, prev2 = l, prev
	}
}

// best returns the highest-scoring label that may follow prev; at the end
// of a sentence it must also close every mention.
func best(scores []float32, prev label, end bool) label {
	b := label(numLabels)
	for l := label(0); l < numLabels; l++ {
		if !l.follows(prev) || end && l.open() {
			continue
		}
		if b == numLabels || scores[l] > scores[b] {
			b = l
		}
	}
	return b
}
