// Package tag assigns part-of-speech tags (Universal and Penn) and lemmas to
// the tokens of a Document.
//
// Tagging is greedy, left to right, one sentence at a time, with two
// averaged perceptrons over hashed features: the first predicts the Penn tag
// (XPOS) from the word, its spelling, its neighbours and the two tags before
// it; the second predicts the universal tag (UPOS) from the word and the Penn
// tags of the whole sentence. Frequent words that have one analysis in the
// training data take it without scoring. Lemmas come from a table of known
// words and rules for suffixes, both keyed by the Penn tag.
//
// Features read Token.Norm (Token.Text when Norm is empty), with curly
// quotes straightened. Annotate sets UPOS, XPOS and Lemma of every token of
// every sentence and touches nothing else.
//
// The model is trained on English-EWT by "kg train tagger" (see Train) and
// embedded in package tag/model; Load decodes it once. A Tagger is immutable
// and safe for concurrent use.
package tag

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"sync"

	"kg/extract"
	"kg/extract/perceptron"
	"kg/extract/tag/model"
)

// Tagger tags and lemmatizes tokens.
type Tagger struct {
	xpos, upos *perceptron.Table
	known      map[string]tags // frequent words with one analysis
	lemmas     *lemmatizer
	scratch    sync.Pool // of *buffers
}

// buffers is the per-call scratch space of one tagging call.
type buffers struct {
	sentence
	forms  []string
	x, u   []int
	scores []float32
}

// Load returns the tagger embedded in the binary. The model is decoded on
// first use only; every call returns the same Tagger.
func Load() (*Tagger, error) { return load() }

var load = sync.OnceValues(func() (*Tagger, error) {
	if len(model.Tagger) == 0 {
		return nil, errors.New("tag: no embedded model; run \"kg train tagger\"")
	}
	t, err := Read(bytes.NewReader(model.Tagger))
	if err != nil {
		return nil, fmt.Errorf("tag: embedded model: %w", err)
	}
	return t, nil
})

// Annotate sets UPOS, XPOS and Lemma of every token of doc, sentence by
// sentence. Tokens outside any sentence are left alone.
func (t *Tagger) Annotate(doc *extract.Document) error {
	b := t.buffers()
	defer t.scratch.Put(b)
	for i, s := range doc.Sentences {
		if s.First < 0 || s.First > s.End || s.End > len(doc.Tokens) {
			return fmt.Errorf("tag: sentence %d has tokens [%d:%d) of %d", i, s.First, s.End, len(doc.Tokens))
		}
		t.tagSentence(b, doc.Tokens[s.First:s.End])
	}
	return nil
}

func (t *Tagger) buffers() *buffers {
	if b, ok := t.scratch.Get().(*buffers); ok {
		return b
	}
	return &buffers{}
}

func (t *Tagger) tagSentence(b *buffers, toks []extract.Token) {
	b.forms = b.forms[:0]
	for i := range toks {
		f := toks[i].Norm
		if f == "" {
			f = toks[i].Text
		}
		b.forms = append(b.forms, f)
	}
	predict(b, t.known, t.xpos, t.upos, nil)
	for i := range toks {
		x := extract.XPOS(b.x[i])
		toks[i].XPOS = x
		toks[i].UPOS = extract.UPOS(b.u[i])
		toks[i].Lemma = t.lemmas.lemma(b.forms[i], x)
	}
}

// predict tags b.forms greedily, setting b.x and b.u to the XPOS and UPOS
// classes. Known words take their tags without scoring; the others are
// scored by xs and us. When training, tr learns from each scored decision.
func predict(b *buffers, known map[string]tags, xs, us perceptron.Scorer, tr *teacher) {
	b.reset(b.forms)
	b.x, b.u = b.x[:0], b.u[:0]
	p1, p2 := startTag, startTag
	for i := range b.forms {
		c := int(known[b.words[i+2].norm].x)
		if c == 0 {
			feats := b.xposFeatures(i, p1, p2)
			c = best(xs, feats, &b.scores)
			if tr != nil {
				tr.xpos.Update(feats, int(tr.gold.Words[i].XPOS), c)
				tr.xpos.Tick()
			}
		}
		b.x = append(b.x, c)
		p1, p2 = c, p1
	}
	prev := startTag
	for i := range b.forms {
		c := int(known[b.words[i+2].norm].u)
		if c == 0 {
			feats := b.uposFeatures(i, b.x, prev)
			c = best(us, feats, &b.scores)
			if tr != nil {
				tr.upos.Update(feats, int(tr.gold.Words[i].UPOS), c)
				tr.upos.Tick()
			}
		}
		b.u = append(b.u, c)
		prev = c
	}
}

// best returns the highest-scoring class of m for feats, never class 0
// (the "no tag" value of both tag sets).
func best(m perceptron.Scorer, feats []uint64, scores *[]float32) int {
	if len(*scores) < m.Classes() {
		*scores = make([]float32, m.Classes())
	}
	sc := (*scores)[:m.Classes()]
	m.Scores(feats, sc)
	return 1 + perceptron.Argmax(sc[1:])
}

const magic = "kgtag1\n"

// Write stores the tagger gzipped: both perceptrons and the lemma tables.
func (t *Tagger) Write(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.DefaultCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	bw.WriteString(magic)
	for _, m := range []*perceptron.Table{t.xpos, t.upos} {
		if err := m.Encode(bw); err != nil {
			return fmt.Errorf("tag: %w", err)
		}
	}
	if err := t.lemmas.encode(bw); err != nil {
		return fmt.Errorf("tag: %w", err)
	}
	if err := encodeKnown(bw, t.known); err != nil {
		return fmt.Errorf("tag: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("tag: %w", err)
	}
	return zw.Close()
}

// Read loads a tagger stored by Write.
func Read(r io.Reader) (*Tagger, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("tag: %w", err)
	}
	br := bufio.NewReader(zr)
	head := make([]byte, len(magic))
	if _, err := io.ReadFull(br, head); err != nil || string(head) != magic {
		return nil, errors.New("tag: not a tagger model")
	}
	t := &Tagger{}
	if t.xpos, err = perceptron.Decode(br); err != nil {
		return nil, fmt.Errorf("tag: XPOS model: %w", err)
	}
	if t.upos, err = perceptron.Decode(br); err != nil {
		return nil, fmt.Errorf("tag: UPOS model: %w", err)
	}
	if t.lemmas, err = decodeLemmatizer(br); err != nil {
		return nil, fmt.Errorf("tag: %w", err)
	}
	if t.known, err = decodeKnown(br); err != nil {
		return nil, fmt.Errorf("tag: %w", err)
	}
	if t.xpos.Classes() != extract.NumXPOS || t.upos.Classes() != extract.NumUPOS {
		return nil, fmt.Errorf("tag: model has %d XPOS and %d UPOS classes, want %d and %d",
			t.xpos.Classes(), t.upos.Classes(), extract.NumXPOS, extract.NumUPOS)
	}
	return t, nil
}
