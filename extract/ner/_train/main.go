package main

import (
	"flag"
	"fmt"
	"log"
	"os"

	"kg/extract"
	"kg/extract/ner"
	"kg/extract/tag"
)

func main() {
	epochs := flag.Int("epochs", 10, "")
	prune := flag.Float64("prune", 0.01, "")
	out := flag.String("o", "extract/ner/model/ner.gz", "")
	dump := flag.Bool("dump", false, "")
	retag := flag.Bool("retag", true, "")
	nopos := flag.Bool("nopos", false, "")
	full := flag.Bool("full", false, "")
	cached := flag.Bool("cached", false, "")
	flag.Parse()
	d := "/work/shared/"
	train, err := ner.ReadCorpus(d+"uner/EWT/en_ewt-ud-train.iob2", d+"ud/EWT/en_ewt-ud-train.conllu")
	if err != nil {
		log.Fatal(err)
	}
	dev, err := ner.ReadCorpus(d+"uner/EWT/en_ewt-ud-dev.iob2", d+"ud/EWT/en_ewt-ud-dev.conllu")
	if err != nil {
		log.Fatal(err)
	}
	test, err := ner.ReadCorpus(d+"uner/EWT/en_ewt-ud-test.iob2", d+"ud/EWT/en_ewt-ud-test.conllu")
	if err != nil {
		log.Fatal(err)
	}
	opts := ner.Options{Epochs: *epochs, Prune: float32(*prune), Progress: os.Stderr}
	if *retag {
		tg, err := tag.Load()
		if err != nil {
			log.Fatal(err)
		}
		opts.Tagger = tg
		for _, ex := range test {
			tg.Annotate(ex.Doc)
		}
	}
	if *cached {
		b, _ := os.ReadFile("/tmp/jack.bin")
		for _, ex := range train {
			for i := range ex.Doc.Tokens {
				ex.Doc.Tokens[i].XPOS, ex.Doc.Tokens[i].UPOS = extract.XPOS(b[0]), extract.UPOS(b[1])
				b = b[2:]
			}
		}
		opts.Tagger = nil
		tg, _ := tag.Load()
		for _, ex := range dev {
			tg.Annotate(ex.Doc)
		}
	}
	if *nopos {
		opts.Tagger = nil
		for _, set := range [][]ner.Example{train, dev, test} {
			for _, ex := range set {
				for i := range ex.Doc.Tokens {
					ex.Doc.Tokens[i].XPOS, ex.Doc.Tokens[i].UPOS = 0, 0
				}
			}
		}
	}
	if *full {
		train = append(train, dev...)
		dev = nil
	}
	r, err := ner.Train(train, dev, opts)
	if err != nil {
		log.Fatal(err)
	}
	s, _ := ner.Evaluate(r, test)
	fmt.Printf("test (%d features):\n%v", r.Features(), s)
	if *dump {
		for _, ex := range dev {
			doc := *ex.Doc
			doc.Mentions = nil
			r.Annotate(&doc)
			g := map[string]bool{}
			for _, m := range ex.Gold {
				g[fmt.Sprint(m.First, m.End, m.Type)] = true
			}
			p := map[string]bool{}
			for _, m := range doc.Mentions {
				p[fmt.Sprint(m.First, m.End, m.Type)] = true
				if !g[fmt.Sprint(m.First, m.End, m.Type)] {
					fmt.Printf("FP %v %q\t| %s\n", m.Type, doc.Slice(m.Span), doc.Text)
				}
			}
			for _, m := range ex.Gold {
				if !p[fmt.Sprint(m.First, m.End, m.Type)] {
					fmt.Printf("FN %v %q\t| %s\n", m.Type, doc.Slice(m.Span), doc.Text)
				}
			}
		}
	}
	f, err := os.Create(*out)
	if err != nil {
		log.Fatal(err)
	}
	if err := r.Write(f); err != nil {
		log.Fatal(err)
	}
	f.Close()
}
