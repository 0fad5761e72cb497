package tokenize

import (
	"os"
	"path/filepath"
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
