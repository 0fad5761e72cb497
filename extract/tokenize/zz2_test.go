package tokenize

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"kg/extract"
	"kg/extract/conllu"
)

func TestDbg(t *testing.T) {
	if os.Getenv("DBG") == "" {
		t.Skip()
	}
	sents, _ := conllu.ReadFile("/work/shared/ud/EWT/en_ewt-ud-" + os.Getenv("DBG") + ".conllu")
	for len(sents) > 0 {
		n := 1
		for n < len(sents) && !sents[n].NewDoc {
			n++
		}
		doc := sents[:n]
		sents = sents[n:]
		var b strings.Builder
		ends := map[int]bool{}
		words := map[extract.Span]bool{}
		for i, s := range doc {
			if i > 0 {
				if s.NewPar {
					b.WriteByte('\n')
				} else {
					b.WriteByte(' ')
				}
			}
			st := b.Len()
			b.WriteString(s.Text)
			ends[b.Len()] = true
			if sp, ok := align(s, st); ok {
				for _, x := range sp {
					words[x] = true
				}
			}
		}
		d := &extract.Document{Text: b.String()}
		New().Annotate(d)
		pred := map[int]bool{}
		for _, s := range d.Sentences {
			pred[s.Span.End] = true
		}
		ctx := func(e int) string {
			return strings.ReplaceAll(d.Text[max(0, e-40):e]+"‖"+d.Text[e:min(len(d.Text), e+30)], "\n", "⏎")
		}
		if os.Getenv("MODE") == "sent" {
			for e := range ends {
				if !pred[e] {
					fmt.Println("MISS", ctx(e))
				}
			}
			for e := range pred {
				if !ends[e] {
					fmt.Println("FALSE", ctx(e))
				}
			}
		} else {
			for _, tk := range d.Tokens {
				if !words[tk.Span] {
					fmt.Printf("TOK %q   in %q\n", tk.Text, d.Text[max(0, tk.Start-15):min(len(d.Text), tk.End+15)])
				}
			}
		}
	}
}
