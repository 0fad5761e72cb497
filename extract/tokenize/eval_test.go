package tokenize

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kg/extract/conllu"
)

// sharedDir is where training and evaluation data live: $KG_SHARED, or
// ../shared beside the repository.
func sharedDir() string {
	if d := os.Getenv("KG_SHARED"); d != "" {
		return d
	}
	return filepath.Join("..", "..", "..", "shared")
}

// TestEWT prints how well the tokenizer reproduces the sentences and words
// of UD English-EWT. It measures; it asserts only that evaluation runs.
//
//	go test ./extract/tokenize -run TestEWT -v
func TestEWT(t *testing.T) {
	for _, split := range []string{"dev", "test"} {
		path := filepath.Join(sharedDir(), "ud", "EWT", "en_ewt-ud-"+split+".conllu")
		if _, err := os.Stat(path); err != nil {
			t.Skipf("EWT not found (set KG_SHARED to the directory holding ud/EWT): %v", err)
		}
		t.Run(split, func(t *testing.T) {
			sents, err := conllu.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			sc := Evaluate(sents)
			t.Logf("%s (%d sentences)\n%v", path, len(sents), sc)
		})
	}
}

// treebank is a small CoNLL-U text: one document of two paragraphs.
const treebank = `# newdoc id = d1
# newpar id = p1
# text = We don't know.
1	We	we	PRON	PRP	_	3	nsubj	_	_
2	do	do	AUX	VBP	_	3	aux	_	SpaceAfter=No
3	n't	not	PART	RB	_	3	advmod	_	_
4	know	know	VERB	VB	_	0	root	_	SpaceAfter=No
5	.	.	PUNCT	.	_	4	punct	_	_

# text = They met in the U.S.
1	They	they	PRON	PRP	_	2	nsubj	_	_
2	met	meet	VERB	VBD	_	0	root	_	_
3	in	in	ADP	IN	_	5	case	_	_
4	the	the	DET	DT	_	5	det	_	_
5	U.S	U.S	PROPN	NNP	_	2	obl	_	SpaceAfter=No
6	.	.	PUNCT	.	_	2	punct	_	_

# newpar id = p2
# text = Wide gulf
1	Wide	wide	ADJ	JJ	_	2	amod	_	_
2	gulf	gulf	NOUN	NN	_	0	root	_	_

`

func TestEvaluate(t *testing.T) {
	r := conllu.NewReader(strings.NewReader(treebank), "treebank")
	var sents []*conllu.Sentence
	for {
		s, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		sents = append(sents, s)
	}
	got := Evaluate(sents)
	want := Scores{
		Documents:   1,
		Sentences:   Counts{Gold: 2, Predicted: 2, Correct: 2},
		InParagraph: Counts{Gold: 1, Predicted: 1, Correct: 1},
		Tokens:      Counts{Gold: 13, Predicted: 13, Correct: 13},
	}
	if got != want {
		t.Errorf("Evaluate:\n got %+v\nwant %+v", got, want)
	}
	if f := got.Tokens.F1(); f != 1 {
		t.Errorf("token F1 = %v, want 1", f)
	}
}
