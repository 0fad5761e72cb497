package parse

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"sync"
	"testing"

	"kg/extract"
	"kg/extract/parse/model"
	"kg/extract/tag"
)

// upos maps Penn tags to universal tags for hand-tagged test sentences.
var upos = map[string]extract.UPOS{
	"NN": extract.NOUN, "NNS": extract.NOUN, "NNP": extract.PROPN, "NNPS": extract.PROPN,
	"VB": extract.VERB, "VBD": extract.VERB, "VBG": extract.VERB, "VBN": extract.VERB,
	"VBP": extract.VERB, "VBZ": extract.VERB, "MD": extract.AUX, "JJ": extract.ADJ,
	"JJR": extract.ADJ, "JJS": extract.ADJ, "RB": extract.ADV, "IN": extract.ADP,
	"DT": extract.DET, "PRP": extract.PRON, "PRP$": extract.PRON, "CC": extract.CCONJ,
	"CD": extract.NUM, "TO": extract.PART, ".": extract.PUNCT, ",": extract.PUNCT,
	"``": extract.PUNCT, "''": extract.PUNCT, "POS": extract.PART, "WDT": extract.PRON,
	"WP": extract.PRON, "RP": extract.ADP, "HYPH": extract.PUNCT,
}

// tagged builds a one-sentence document from "word/XPOS" items; an item
// may give its universal tag too ("was/VBD/AUX"), and "_" leaves a tag empty.
func tagged(t testing.TB, s string) *extract.Document {
	t.Helper()
	doc := &extract.Document{}
	for _, item := range strings.Fields(s) {
		f := strings.Split(item, "/")
		word, xtag := f[0], f[1]
		u, ok := upos[xtag]
		if len(f) == 3 {
			u, ok = extract.ParseUPOS(f[2])
			ok = ok || f[2] == "_"
		}
		x, xok := extract.ParseXPOS(xtag)
		if !ok || !(xok || xtag == "_") {
			t.Fatalf("bad tag in %q", item)
		}
		if len(doc.Text) > 0 {
			doc.Text += " "
		}
		start := len(doc.Text)
		doc.Text += word
		doc.Tokens = append(doc.Tokens, extract.Token{Span: extract.Span{Start: start, End: len(doc.Text)},
			Text: word, Norm: word, UPOS: u, XPOS: x, Head: -1})
	}
	doc.Sentences = []extract.Sentence{{Span: extract.Span{End: len(doc.Text)}, End: len(doc.Tokens)}}
	return doc
}

// arc is an expected dependency: the dependent, its head ("" for the
// root) and the relations accepted.
type arc struct {
	dep, head string
	rels      []extract.DepRel
}

func TestParseNews(t *testing.T) {
	p, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, sentence string
		want           []arc
	}{
		{
			name: "reported speech",
			sentence: "Kremlin/NNP spokesman/NN Dmitry/NNP Peskov/NNP told/VBD reporters/NNS that/IN/SCONJ the/DT " +
				"response/NN left/VBD little/JJ ground/NN for/IN optimism/NN ./.",
			want: []arc{
				{"told", "", []extract.DepRel{extract.Root}},
				{"Dmitry", "told", []extract.DepRel{extract.Nsubj}},
				{"Peskov", "Dmitry", []extract.DepRel{extract.Flat}},
				{"reporters", "told", []extract.DepRel{extract.Obj, extract.Iobj}},
				{"left", "told", []extract.DepRel{extract.Ccomp}},
				{"response", "left", []extract.DepRel{extract.Nsubj}},
				{"ground", "left", []extract.DepRel{extract.Obj}},
				{"that", "left", []extract.DepRel{extract.Mark}},
			},
		},
		{
			// EWT has few reporting clauses after the report, so whether
			// "said" or "imposed" heads this sentence is left open.
			name: "trailing attribution",
			sentence: "The/DT United/NNP States/NNP imposed/VBD new/JJ sanctions/NNS on/IN Russia/NNP on/IN " +
				"Friday/NNP ,/, officials/NNS said/VBD ./.",
			want: []arc{
				{"States", "imposed", []extract.DepRel{extract.Nsubj}},
				{"sanctions", "imposed", []extract.DepRel{extract.Obj}},
				{"Friday", "imposed", []extract.DepRel{extract.Obl, extract.OblTmod}},
				{"officials", "said", []extract.DepRel{extract.Nsubj}},
			},
		},
		{
			name:     "passive with agent",
			sentence: "The/DT bill/NN was/VBD/AUX signed/VBN by/IN the/DT president/NN on/IN Tuesday/NNP ./.",
			want: []arc{
				{"signed", "", []extract.DepRel{extract.Root}},
				{"bill", "signed", []extract.DepRel{extract.NsubjPass}},
				{"was", "signed", []extract.DepRel{extract.AuxPass}},
				{"president", "signed", []extract.DepRel{extract.OblAgent, extract.Obl}},
				{"Tuesday", "signed", []extract.DepRel{extract.Obl, extract.OblTmod}},
			},
		},
		{
			name: "said with apposition",
			sentence: "Angela/NNP Merkel/NNP ,/, the/DT German/JJ chancellor/NN ,/, said/VBD the/DT " +
				"talks/NNS would/MD continue/VB ./.",
			want: []arc{
				{"said", "", []extract.DepRel{extract.Root}},
				{"Angela", "said", []extract.DepRel{extract.Nsubj}},
				{"Merkel", "Angela", []extract.DepRel{extract.Flat}},
				{"chancellor", "Angela", []extract.DepRel{extract.Appos}},
				{"continue", "said", []extract.DepRel{extract.Ccomp}},
				{"talks", "continue", []extract.DepRel{extract.Nsubj}},
				{"would", "continue", []extract.DepRel{extract.Aux}},
			},
		},
		{
			name:     "possessive",
			sentence: "The/DT company/NN 's/POS shares/NNS rose/VBD 5/CD percent/NN on/IN Monday/NNP ./.",
			want: []arc{
				{"rose", "", []extract.DepRel{extract.Root}},
				{"company", "shares", []extract.DepRel{extract.NmodPoss}},
				{"'s", "company", []extract.DepRel{extract.Case}},
				{"shares", "rose", []extract.DepRel{extract.Nsubj}},
				{"Monday", "rose", []extract.DepRel{extract.Obl, extract.OblTmod}},
			},
		},
	}
	tagger, err := tag.Load()
	if err != nil {
		t.Fatal(err)
	}
	taggers := []struct {
		name string
		tag  func(*extract.Document) error
	}{
		{"hand tags", func(*extract.Document) error { return nil }},
		{"embedded tagger", tagger.Annotate},
	}
	for _, tc := range tests {
		for _, tg := range taggers {
			t.Run(tc.name+"/"+tg.name, func(t *testing.T) {
				testParse(t, p, tg.tag, tc.sentence, tc.want)
			})
		}
	}
}

// testParse tags and parses a hand-tagged sentence and checks the arcs.
func testParse(t *testing.T, p *Parser, tag func(*extract.Document) error, sentence string, want []arc) {
	doc := tagged(t, sentence)
	if err := tag(doc); err != nil {
		t.Fatal(err)
	}
	if err := p.Annotate(doc); err != nil {
		t.Fatal(err)
	}
	checkTree(t, doc)
	index := map[string]int{}
	for i, tok := range doc.Tokens {
		index[tok.Text] = i
	}
	for _, a := range want {
		tok := doc.Tokens[index[a.dep]]
		head := ""
		if tok.Head >= 0 {
			head = doc.Tokens[tok.Head].Text
		}
		if head != a.head || !contains(a.rels, tok.Dep) {
			t.Errorf("%s: head %q rel %s, want head %q rel %v\n%s", a.dep, head, tok.Dep, a.head, a.rels, show(doc))
		}
	}
}

func contains(rels []extract.DepRel, r extract.DepRel) bool {
	for _, x := range rels {
		if x == r {
			return true
		}
	}
	return false
}

// show renders a parse for failure messages.
func show(doc *extract.Document) string {
	var b strings.Builder
	for i, t := range doc.Tokens {
		head := "ROOT"
		if t.Head >= 0 {
			head = doc.Tokens[t.Head].Text
		}
		fmt.Fprintf(&b, "  %d %s/%s <-%s- %s\n", i, t.Text, t.XPOS, t.Dep, head)
	}
	return b.String()
}

// checkTree fails unless every sentence of doc is a tree: heads inside the
// sentence, exactly one root labelled root, no cycles, every word labelled.
func checkTree(t *testing.T, doc *extract.Document) {
	t.Helper()
	for si, s := range doc.Sentences {
		roots := 0
		for i := s.First; i < s.End; i++ {
			tok := doc.Tokens[i]
			switch {
			case tok.Head == -1:
				roots++
				if tok.Dep != extract.Root {
					t.Errorf("sentence %d: root %d labelled %s", si, i, tok.Dep)
				}
			case tok.Head < s.First || tok.Head >= s.End || tok.Head == i:
				t.Fatalf("sentence %d: token %d has head %d outside [%d,%d)", si, i, tok.Head, s.First, s.End)
			case tok.Dep == extract.NoDep || tok.Dep == extract.Root:
				t.Errorf("sentence %d: token %d labelled %s", si, i, tok.Dep)
			}
			for h, steps := i, 0; h != -1; h, steps = doc.Tokens[h].Head, steps+1 {
				if steps > s.End-s.First {
					t.Fatalf("sentence %d: cycle through token %d", si, i)
				}
			}
		}
		if n := s.End - s.First; n > 0 && roots != 1 {
			t.Errorf("sentence %d: %d roots", si, roots)
		}
	}
}

func TestWellFormed(t *testing.T) {
	p, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	long := strings.Repeat("the/DT cat/NN sat/VBD ,/, ", 125)
	tests := []struct {
		name      string
		sentences []string
	}{
		{"one word", []string{"Hello/UH/INTJ"}},
		{"one punctuation", []string{"./."}},
		{"only punctuation", []string{",/, ,/, ./. ./."}},
		{"untagged", []string{"words/_/_ without/_/_ tags/_/_"}},
		{"no verb", []string{"the/DT the/DT the/DT of/IN of/IN"}},
		{"500 words", []string{long}},
		{"several sentences", []string{"He/PRP left/VBD ./.", "./.", "She/PRP stayed/VBD home/NN ./."}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := &extract.Document{}
			for _, s := range tc.sentences {
				d := tagged(t, s)
				off, first := len(doc.Text), len(doc.Tokens)
				for _, tok := range d.Tokens {
					tok.Span = extract.Span{Start: tok.Start + off, End: tok.End + off}
					doc.Tokens = append(doc.Tokens, tok)
				}
				doc.Text += d.Text
				doc.Sentences = append(doc.Sentences, extract.Sentence{
					Span: extract.Span{Start: off, End: len(doc.Text)}, First: first, End: len(doc.Tokens)})
			}
			if err := p.Annotate(doc); err != nil {
				t.Fatal(err)
			}
			checkTree(t, doc)
		})
	}
}

func TestAnnotateBadRange(t *testing.T) {
	p, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	doc := tagged(t, "He/PRP left/VBD ./.")
	doc.Sentences[0].End = 7
	if err := p.Annotate(doc); err == nil {
		t.Error("Annotate accepted a sentence past the last token")
	}
}

func TestConcurrent(t *testing.T) {
	p, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	const s = "Officials/NNS said/VBD on/IN Monday/NNP that/IN the/DT talks/NNS had/VBD/AUX failed/VBN ./."
	want := show(parsed(t, p, s))
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 50 {
				if got := show(parsed(t, p, s)); got != want {
					t.Errorf("concurrent parse differs:\n%s\nwant\n%s", got, want)
					return
				}
			}
		})
	}
	wg.Wait()
}

func parsed(t testing.TB, p *Parser, s string) *extract.Document {
	doc := tagged(t, s)
	if err := p.Annotate(doc); err != nil {
		t.Error(err)
	}
	return doc
}

func TestRoundTrip(t *testing.T) {
	p, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := p.Write(&buf); err != nil {
		t.Fatal(err)
	}
	q, err := Read(&buf)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{
		"The/DT minister/NN denied/VBD the/DT report/NN on/IN state/NN television/NN ./.",
		"Officials/NNS said/VBD on/IN Monday/NNP that/IN/SCONJ the/DT talks/NNS had/VBD/AUX failed/VBN ./.",
	} {
		if a, b := show(parsed(t, p, s)), show(parsed(t, q, s)); a != b {
			t.Errorf("reloaded model parses differently:\n%s\nwant\n%s", b, a)
		}
	}
}

func TestReadErrors(t *testing.T) {
	good, err := io.ReadAll(model.Open())
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		data []byte
	}{
		{"empty", nil},
		{"not a model", []byte("hello, world")},
		{"truncated", good[:len(good)/2]},
		{"header only", []byte(magic)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := Read(bytes.NewReader(tc.data)); err == nil {
				t.Error("Read succeeded")
			}
		})
	}
}
