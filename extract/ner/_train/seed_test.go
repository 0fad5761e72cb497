package main

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"kg/extract"
	"kg/extract/ner"
	"kg/extract/tag"
	"kg/extract/tokenize"
)

func TestSeeds(t *testing.T) {
	files, _ := filepath.Glob("/work/shared/seeds/*.txt")
	tk := tokenize.New()
	tg, _ := tag.Load()
	r, err := ner.Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		b, _ := os.ReadFile(f)
		doc := &extract.Document{Text: string(b)}
		tk.Annotate(doc)
		tg.Annotate(doc)
		r.Annotate(doc)
		fmt.Println("==", f)
		for _, m := range doc.Mentions {
			fmt.Printf("%v %s | ", m.Type, doc.Slice(m.Span))
		}
		fmt.Println()
	}
}
