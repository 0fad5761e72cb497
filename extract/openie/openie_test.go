package openie

import (
	"fmt"
	"strings"
	"testing"

	"kg/extract"
	"kg/extract/conllu"
)

// render shows a fact compactly: kind relation(subject; object; extras)
// with its negation, modality and attribution.
func render(doc *extract.Document, f extract.Fact) string {
	args := []string{f.Subject.Text, f.Object.Text}
	for _, a := range f.Extra {
		args = append(args, a.Role+":"+a.Text)
	}
	s := fmt.Sprintf("%s %s(%s)", f.Kind, f.Relation, strings.Join(args, "; "))
	if f.Negated {
		s += " neg"
	}
	if f.Modality != "" {
		s += " mod=" + f.Modality
	}
	if f.Attributed >= 0 {
		s += " by=" + doc.Facts[f.Attributed].Subject.Text
	}
	return s
}

// treebank reads the CoNLL-U fixtures, keyed by sentence text.
func treebank(t *testing.T, path string) map[string]*extract.Document {
	t.Helper()
	ss, err := conllu.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	docs := map[string]*extract.Document{}
	for _, s := range ss {
		docs[s.Text] = s.Document()
	}
	return docs
}

// TestGoldTrees runs the extractor on gold trees from English-EWT and on
// hand-annotated news sentences, and checks the facts each must yield (and
// must not yield).
func TestGoldTrees(t *testing.T) {
	docs := treebank(t, "../../testdata/openie/ewt.conllu")
	for k, v := range treebank(t, "../../testdata/openie/news.conllu") {
		docs[k] = v
	}
	tests := []struct {
		text    string
		want    []string
		notWant []string
	}{
		{"The third was being run by the head of an investment firm.",
			[]string{"event run(the head of an investment firm; The third)"}, nil},
		{"The Commission said it had no legal grounds for such an exclusion.",
			[]string{"speech say(The Commission; it had no legal grounds for such an exclusion)",
				"event have_legal_grounds_for(it; such an exclusion) neg by=The Commission"},
			[]string{"event have_legal_grounds_for(it; such an exclusion)"}},
		{"A team from the court managed to take his deposition before he died.",
			[]string{"event manage_to_take(A team from the court; his deposition)"}, nil},
		{"Now you can tour Chernobyl and write your own story.",
			[]string{"event tour(you; Chernobyl) mod=can", "event write(you; your own story) mod=can"}, nil},
		{"\"Can you name the general who is in charge of Pakistan?\"",
			[]string{"copula be_in(the general; charge of Pakistan)"}, nil},
		{"He did not allow Palestinian radicals to launch operations against Israel from Iraq.",
			[]string{"event allow(He; Palestinian radicals) neg",
				"event launch_operation_against(Palestinian radicals; Israel; from:from Iraq) neg mod=allow"}, nil},
		{"He said that resistance was the only commonsense solution.",
			[]string{"copula be(resistance; the only commonsense solution) by=He"}, nil},
		{"Six crew members were from the Arakan region of Myanmar.",
			[]string{"copula be_from(Six crew members; the Arakan region of Myanmar)"}, nil},
		{"They're inseparable,\" he says.",
			[]string{"speech say(he; They 're inseparable)", "copula be(They; inseparable) by=he"}, nil},
		{"I would not suggest this pizza to anyone!!!",
			[]string{"event suggest(I; this pizza; to:to anyone) neg mod=would"}, nil},
		{"Germany would not allow the pipeline.",
			[]string{"event allow(Germany; the pipeline) neg mod=would"},
			[]string{"event allow(Germany; the pipeline)"}},
		{"Russia and Belarus held drills.",
			[]string{"event hold(Russia; drills)", "event hold(Belarus; drills)"}, nil},
		{"The envoys met in Paris on Wednesday.",
			[]string{"event meet_in(The envoys; Paris; time:on Wednesday)"}, nil},
		{"Minsk is the capital of Belarus.",
			[]string{"copula capital_of(Minsk; Belarus)"}, nil},
		{"Russia agreed to hold talks, Peskov told reporters.",
			[]string{"speech tell(Peskov; Russia agreed to hold talks; :reporters)",
				"event agree_to_hold(Russia; talks) by=Peskov"}, nil},
		{"The gas, which was delivered to Russia, was lost.",
			[]string{"event be_delivered_to(The gas; Russia)"}, nil},
		{"Berlin made an offer on the pipeline.",
			[]string{"event make_offer_on(Berlin; the pipeline)"}, nil},
		{"Russia would not supply gas if Berlin blocked the pipeline.",
			[]string{"event supply(Russia; gas) neg mod=would, if Berlin blocked the pipeline",
				"event block(Berlin; the pipeline) mod=if"},
			[]string{"event supply(Russia; gas)", "event block(Berlin; the pipeline)"}},
		{"Peskov, a spokesman, did n't comment.",
			[]string{"role be(Peskov; a spokesman)", "event comment(Peskov; ) neg"}, nil},
	}
	x := New()
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			doc, ok := docs[tt.text]
			if !ok {
				t.Fatalf("no fixture tree for %q", tt.text)
			}
			doc.Facts = nil
			if err := x.Annotate(doc); err != nil {
				t.Fatal(err)
			}
			got := map[string]bool{}
			var all []string
			for _, f := range doc.Facts {
				r := render(doc, f)
				got[r] = true
				all = append(all, r)
				if f.Confidence <= 0 || f.Confidence > 1 {
					t.Errorf("%s: confidence %v outside (0, 1]", r, f.Confidence)
				}
			}
			for _, w := range tt.want {
				if !got[w] {
					t.Errorf("missing %s\nhave:\n  %s", w, strings.Join(all, "\n  "))
				}
			}
			for _, w := range tt.notWant {
				if got[w] {
					t.Errorf("unwanted %s", w)
				}
			}
		})
	}
}

// TestTuples checks the CaRB convention on gold trees.
func TestTuples(t *testing.T) {
	docs := treebank(t, "../../testdata/openie/news.conllu")
	for k, v := range treebank(t, "../../testdata/openie/ewt.conllu") {
		docs[k] = v
	}
	tests := []struct{ text, want string }{
		{"Minsk is the capital of Belarus.", "is | Minsk | the capital of Belarus"},
		{"The third was being run by the head of an investment firm.", "was being run by | The third | the head of an investment firm"},
		{"The envoys met in Paris on Wednesday.", "met in | The envoys | Paris | on Wednesday"},
		{"Russia agreed to hold talks, Peskov told reporters.", "told | Peskov | Russia agreed to hold talks | reporters"},
		{"Peskov, a spokesman, did n't comment.", "is | Peskov | a spokesman"},
		{"The gas, which was delivered to Russia, was lost.", "was delivered to | The gas | Russia"},
	}
	x := New()
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			doc, ok := docs[tt.text]
			if !ok {
				t.Fatalf("no fixture tree for %q", tt.text)
			}
			var all []string
			for _, tu := range x.Tuples(doc) {
				s := strings.Join(append([]string{tu.Rel}, tu.Args...), " | ")
				if s == tt.want {
					return
				}
				all = append(all, s)
			}
			t.Errorf("missing %s\nhave:\n  %s", tt.want, strings.Join(all, "\n  "))
		})
	}
}

// TestConfidenceGraded checks that confidence follows the cues: a hedged
// or inherited proposition ranks below a plain one.
func TestConfidenceGraded(t *testing.T) {
	docs := treebank(t, "../../testdata/openie/news.conllu")
	x := New()
	conf := func(text, rel string) float64 {
		doc := docs[text]
		doc.Facts = nil
		x.Annotate(doc)
		for _, f := range doc.Facts {
			if f.Relation == rel {
				return f.Confidence
			}
		}
		t.Fatalf("%q: no %s fact", text, rel)
		return 0
	}
	plain := conf("Russia and Belarus held drills.", "hold")
	modal := conf("Germany would not allow the pipeline.", "allow")
	intrans := conf("Peskov, a spokesman, did n't comment.", "comment")
	if !(plain > modal && modal > intrans) {
		t.Errorf("confidences plain %.3f, modal %.3f, intransitive %.3f: want them decreasing", plain, modal, intrans)
	}
}
