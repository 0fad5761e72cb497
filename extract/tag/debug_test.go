package tag

import (
	"fmt"
	"os"
	"bytes"
	"kg/extract"
	"kg/extract/perceptron"
	"sort"
	"testing"
)

func TestDebugLemma(t *testing.T) {
	gold := readEWT(t, "dev")
	tg := mustLoad(t)
	errs := map[string]int{}
	for _, s := range gold {
		doc := s.Document()
		tg.Annotate(doc)
		for i, w := range s.Words {
			tok := doc.Tokens[i]
			if tok.Lemma != w.Lemma && (tok.XPOS == w.XPOS) == (os.Getenv("RIGHT") != "") {
				errs[fmt.Sprintf("%s/%s/%s %s->%s", w.Form, w.XPOS, tok.XPOS, w.Lemma, tok.Lemma)]++
			}
		}
	}
	var ks []string
	for k := range errs { ks = append(ks, k) }
	sort.Slice(ks, func(i, j int) bool { return errs[ks[i]] > errs[ks[j]] })
	for _, k := range ks[:min(60, len(ks))] { t.Log(errs[k], k) }
	t.Log(len(ks))
}

func TestDebugTrain(t *testing.T) {
	if os.Getenv("KG_TRAIN") == "" {
		t.Skip()
	}
	train, dev := readEWT(t, "train"), readEWT(t, "dev")
	opts := DefaultOptions()
	opts.Progress = os.Stderr
	tg, err := Train(train, dev, opts)
	if err != nil {
		t.Fatal(err)
	}
	f, _ := os.Create("model/tagger.gz")
	tg.Write(f)
	f.Close()
}

func TestDebugPrune(t *testing.T) {
	if os.Getenv("KG_PRUNE") == "" {
		t.Skip()
	}
	train, dev := readEWT(t, "train"), readEWT(t, "dev")
	var lemmas []lemmaExample
	for _, s := range train {
		for _, w := range s.Words {
			lemmas = append(lemmas, lemmaExample{form: w.Form, lemma: w.Lemma, xpos: w.XPOS})
		}
	}
	lem := trainLemmatizer(lemmas)
	xm, um := perceptron.New(extract.NumXPOS), perceptron.New(extract.NumUPOS)
	var b buffers
	for ep := 0; ep < 8; ep++ {
		for _, s := range train {
			trainSentence(&b, s, xm, um)
		}
	}
	for _, p := range []float32{0.1, 0.5, 1, 2, 4} {
		tg := &Tagger{xpos: xm.Average(p), upos: um.Average(p), lemmas: lem}
		var buf bytes.Buffer
		tg.Write(&buf)
		tg2, err := Read(&buf)
		if err != nil {
			t.Fatal(err)
		}
		var buf2 bytes.Buffer
		tg.Write(&buf2)
		t.Logf("prune %v: %v size %d feats %d %d", p, Evaluate(tg2, dev), buf2.Len(), tg.xpos.Len(), tg.upos.Len())
	}
}
