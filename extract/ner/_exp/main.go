package main

import (
	"fmt"
	"log"
	"os"

	"kg/extract/ner"
	"kg/extract/tag"
)

func main() {
	d := "/work/shared/"
	train, err := ner.ReadCorpus(d+"uner/EWT/en_ewt-ud-train.iob2", d+"ud/EWT/en_ewt-ud-train.conllu")
	if err != nil {
		log.Fatal(err)
	}
	dev, _ := ner.ReadCorpus(d+"uner/EWT/en_ewt-ud-dev.iob2", d+"ud/EWT/en_ewt-ud-dev.conllu")
	test, _ := ner.ReadCorpus(d+"uner/EWT/en_ewt-ud-test.iob2", d+"ud/EWT/en_ewt-ud-test.conllu")
	corpus, err := ner.ReadNewsCorpus(d + "corpus/reuters21578.jsonl.gz")
	if err != nil {
		log.Fatal(err)
	}
	tg, err := tag.Load()
	if err != nil {
		log.Fatal(err)
	}
	for _, ex := range test {
		tg.Annotate(ex.Doc)
	}
	opts := ner.DefaultOptions()
	opts.Tagger, opts.Corpus, opts.Progress = tg, corpus, os.Stderr
	r, err := ner.Train(train, dev, opts)
	if err != nil {
		log.Fatal(err)
	}
	s, _ := ner.Evaluate(r, test)
	fmt.Print(s)
	f, _ := os.Create(os.Args[1])
	r.Write(f)
	f.Close()
}
