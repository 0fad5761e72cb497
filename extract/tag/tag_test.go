package tag

import (
	"bytes"
	"strings"
	"sync"
	"testing"

	"kg/extract"
	"kg/extract/conllu"
	"kg/extract/tag/model"
)

// document makes a document of sentences whose tokens are separated by
// spaces, as a tokenizer would have split them.
func document(sentences ...string) *extract.Document {
	doc := &extract.Document{Text: strings.Join(sentences, " ")}
	off := 0
	for _, s := range sentences {
		first := len(doc.Tokens)
		for _, w := range strings.Fields(s) {
			start := off + strings.Index(doc.Text[off:], w)
			off = start + len(w)
			doc.Tokens = append(doc.Tokens, extract.Token{
				Span: extract.Span{Start: start, End: off}, Text: w, Norm: w, Head: -1})
		}
		doc.Sentences = append(doc.Sentences, extract.Sentence{
			Span:  extract.Span{Start: doc.Tokens[first].Start, End: off},
			First: first, End: len(doc.Tokens)})
	}
	return doc
}

// want is the expected analysis of one token; empty fields are not checked.
type want struct {
	word  string
	upos  extract.UPOS
	xpos  string
	lemma string
}

func TestAnnotate(t *testing.T) {
	tests := []struct {
		name, text string
		want       []want
	}{
		{"reported speech", "Kremlin spokesman Dmitry Peskov told reporters that the response left little ground for optimism .", []want{
			{word: "Kremlin", upos: extract.PROPN, lemma: "Kremlin"},
			{word: "spokesman", upos: extract.NOUN, xpos: "NN", lemma: "spokesman"},
			{word: "Dmitry", upos: extract.PROPN, xpos: "NNP"},
			{word: "Peskov", upos: extract.PROPN, xpos: "NNP", lemma: "Peskov"},
			{word: "told", upos: extract.VERB, xpos: "VBD", lemma: "tell"},
			{word: "reporters", upos: extract.NOUN, xpos: "NNS", lemma: "reporter"},
			{word: "that", upos: extract.SCONJ},
			{word: "left", upos: extract.VERB, lemma: "leave"},
			{word: "for", upos: extract.ADP},
			{word: ".", upos: extract.PUNCT, lemma: "."},
		}},
		{"sentence-initial capital and numbers", "The company said on Monday it would cut 1,200 jobs .", []want{
			{word: "The", upos: extract.DET, lemma: "the"},
			{word: "said", upos: extract.VERB, lemma: "say"},
			{word: "Monday", upos: extract.PROPN},
			{word: "would", upos: extract.AUX, xpos: "MD", lemma: "would"},
			{word: "1,200", upos: extract.NUM, xpos: "CD", lemma: "1200"}, // EWT drops the thousands separator,
			{word: "jobs", upos: extract.NOUN, lemma: "job"},
		}},
		{"auxiliaries and negation", "Officials were n't available for comment and have not been reached since .", []want{
			{word: "Officials", upos: extract.NOUN, lemma: "official"},
			{word: "were", upos: extract.AUX, lemma: "be"},
			{word: "n't", upos: extract.PART, lemma: "not"},
			{word: "have", upos: extract.AUX, lemma: "have"},
			{word: "been", upos: extract.AUX, lemma: "be"},
			{word: "reached", upos: extract.VERB, xpos: "VBN", lemma: "reach"},
		}},
		{"curly quotes", "\u201c We will respond , \u201d the ministry said in a statement .", []want{
			{word: "\u201c", upos: extract.PUNCT},
			{word: "\u201d", upos: extract.PUNCT},
			{word: "said", upos: extract.VERB, lemma: "say"},
			{word: "statement", upos: extract.NOUN},
		}},
	}
	tg := mustLoad(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := document(tt.text)
			if err := tg.Annotate(doc); err != nil {
				t.Fatal(err)
			}
			for _, w := range tt.want {
				tok := find(doc, w.word)
				if tok == nil {
					t.Fatalf("no token %q", w.word)
				}
				if tok.UPOS != w.upos || w.xpos != "" && tok.XPOS.String() != w.xpos || w.lemma != "" && tok.Lemma != w.lemma {
					t.Errorf("%s: got %s/%s lemma %q, want %s/%s lemma %q", w.word, tok.UPOS, tok.XPOS, tok.Lemma,
						w.upos, w.xpos, w.lemma)
				}
			}
		})
	}
}

func find(doc *extract.Document, word string) *extract.Token {
	for i := range doc.Tokens {
		if doc.Tokens[i].Text == word {
			return &doc.Tokens[i]
		}
	}
	return nil
}

// TestSentencesApart checks that each sentence is tagged on its own: a
// sentence tags the same alone and after another one.
func TestSentencesApart(t *testing.T) {
	tg := mustLoad(t)
	first, second := "Prices rose .", "Talks continue in Geneva ."
	alone, both := document(second), document(first, second)
	for _, d := range []*extract.Document{alone, both} {
		if err := tg.Annotate(d); err != nil {
			t.Fatal(err)
		}
	}
	got := both.SentenceTokens(1)
	for i, tok := range alone.Tokens {
		if got[i].UPOS != tok.UPOS || got[i].XPOS != tok.XPOS || got[i].Lemma != tok.Lemma {
			t.Errorf("%s: %s/%s %q after another sentence, %s/%s %q alone", tok.Text,
				got[i].UPOS, got[i].XPOS, got[i].Lemma, tok.UPOS, tok.XPOS, tok.Lemma)
		}
	}
}

func TestAnnotateBadSentence(t *testing.T) {
	tg := mustLoad(t)
	tests := []struct {
		name       string
		first, end int
	}{
		{"past the tokens", 0, 9},
		{"reversed", 2, 1},
		{"negative", -1, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := document("Prices rose .")
			doc.Sentences[0].First, doc.Sentences[0].End = tt.first, tt.end
			if err := tg.Annotate(doc); err == nil {
				t.Error("Annotate accepted a sentence outside the tokens")
			}
		})
	}
}

func TestEmpty(t *testing.T) {
	tg := mustLoad(t)
	for name, doc := range map[string]*extract.Document{
		"no sentences":         {},
		"sentence of no words": {Sentences: []extract.Sentence{{}}},
	} {
		if err := tg.Annotate(doc); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// TestConcurrent tags one text from several goroutines; run with -race.
func TestConcurrent(t *testing.T) {
	tg := mustLoad(t)
	text := "Kremlin spokesman Dmitry Peskov told reporters that the response left little ground for optimism ."
	ref := document(text)
	if err := tg.Annotate(ref); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for range 20 {
				doc := document(text)
				if err := tg.Annotate(doc); err != nil {
					t.Error(err)
					return
				}
				for i := range doc.Tokens {
					if doc.Tokens[i] != ref.Tokens[i] {
						t.Errorf("token %d: %+v, alone %+v", i, doc.Tokens[i], ref.Tokens[i])
						return
					}
				}
			}
		})
	}
	wg.Wait()
}

// TestWriteRead checks that the embedded model survives a write and a read
// unchanged.
func TestWriteRead(t *testing.T) {
	tg := mustLoad(t)
	var a, b bytes.Buffer
	if err := tg.Write(&a); err != nil {
		t.Fatal(err)
	}
	again, err := Read(bytes.NewReader(a.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if err := again.Write(&b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Errorf("model written after a round trip differs: %d bytes, then %d", a.Len(), b.Len())
	}
}

func TestReadRejects(t *testing.T) {
	for name, data := range map[string][]byte{
		"empty":     nil,
		"not gzip":  []byte("tagger"),
		"truncated": model.Tagger[:len(model.Tagger)/3],
	} {
		if _, err := Read(bytes.NewReader(data)); err == nil {
			t.Errorf("%s: Read succeeded", name)
		}
	}
}

// toyTreebank is a tiny training set built in code.
func toyTreebank() []*conllu.Sentence {
	rows := [][]string{
		{"The", "the", "DET", "DT"}, {"dogs", "dog", "NOUN", "NNS"}, {"barked", "bark", "VERB", "VBD"}, {".", ".", "PUNCT", "."},
		{"A", "a", "DET", "DT"}, {"cat", "cat", "NOUN", "NN"}, {"sleeps", "sleep", "VERB", "VBZ"}, {".", ".", "PUNCT", "."},
		{"Cats", "cat", "NOUN", "NNS"}, {"were", "be", "AUX", "VBD"}, {"sleeping", "sleep", "VERB", "VBG"}, {".", ".", "PUNCT", "."},
	}
	var out []*conllu.Sentence
	for i := 0; i < len(rows); i += 4 {
		s := &conllu.Sentence{}
		for j, r := range rows[i : i+4] {
			u, _ := extract.ParseUPOS(r[2])
			x, _ := extract.ParseXPOS(r[3])
			s.Words = append(s.Words, conllu.Word{ID: j + 1, Form: r[0], Lemma: r[1], UPOS: u, XPOS: x, SpaceAfter: true})
		}
		out = append(out, s)
	}
	return out
}

func TestTrain(t *testing.T) {
	data := toyTreebank()
	opts := Options{Epochs: 5, Seed: 1}
	var models [2]bytes.Buffer
	for i := range models {
		tg, err := Train(data, data, opts)
		if err != nil {
			t.Fatal(err)
		}
		if sc := Evaluate(tg, data); sc.UPOS != 1 || sc.XPOS != 1 || sc.Lemma != 1 {
			t.Errorf("on its training data: %v, want all right", sc)
		}
		if err := tg.Write(&models[i]); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(models[0].Bytes(), models[1].Bytes()) {
		t.Error("two trainings on the same data gave different models")
	}
}

func TestTrainRejects(t *testing.T) {
	tests := []struct {
		name string
		data []*conllu.Sentence
		opts Options
	}{
		{"no data", nil, Options{Epochs: 1}},
		{"no epochs", toyTreebank(), Options{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := Train(tt.data, tt.data, tt.opts); err == nil {
				t.Error("Train succeeded")
			}
		})
	}
}
