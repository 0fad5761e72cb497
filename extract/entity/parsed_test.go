package entity

import (
	"slices"
	"strings"
	"testing"

	"kg/extract"
	"kg/extract/conllu"
)

// parsedDocs reads testdata/entity/parsed.conllu: hand-made parses whose
// MISC column marks recognizer mentions as Entity=B-PER, I-PER, ...
func parsedDocs(t *testing.T) map[string]*extract.Document {
	t.Helper()
	sents, err := conllu.ReadFile("../../testdata/entity/parsed.conllu")
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]*extract.Document{}
	for _, s := range sents {
		doc := s.Document()
		for i, w := range s.Words {
			_, label, ok := strings.Cut(w.Misc, "Entity=")
			if !ok {
				continue
			}
			label, _, _ = strings.Cut(label, "|")
			tok := doc.Tokens[i]
			if strings.HasPrefix(label, "B-") {
				doc.Mentions = append(doc.Mentions, extract.Mention{Span: tok.Span, First: i, End: i + 1,
					Type: extract.ParseEntityType(label[2:])})
			} else if n := len(doc.Mentions); n > 0 {
				doc.Mentions[n-1].End, doc.Mentions[n-1].Span.End = i+1, tok.End
			}
		}
		out[s.ID] = doc
	}
	return out
}

func TestParsed(t *testing.T) {
	tests := []struct {
		id       string
		mentions []string // surface forms after repair
		roles    []string
	}{
		{"appos-paren", []string{"Sergey Lavrov", "Russian"}, []string{"Sergey Lavrov foreign_minister_of Russia"}},
		{"first-name-missed", []string{"Kremlin", "Dimitry Peskov"}, []string{"Dimitry Peskov spokesman_of Kremlin"}},
		{"not-a-name", []string{"Peskov"}, nil},
	}
	docs := parsedDocs(t)
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			doc := docs[tt.id]
			if doc == nil {
				t.Fatalf("no sentence %s in the fixture", tt.id)
			}
			if err := New(nil).Annotate(doc); err != nil {
				t.Fatal(err)
			}
			var ms, roles []string
			for _, m := range doc.Mentions {
				ms = append(ms, doc.Slice(m.Span))
			}
			for _, f := range doc.Facts {
				roles = append(roles, doc.Mentions[f.Subject.Mention].Name+" "+f.Relation+" "+doc.Mentions[f.Object.Mention].Name)
			}
			if !slices.Equal(ms, tt.mentions) || !slices.Equal(roles, tt.roles) {
				t.Errorf("mentions %q roles %q; want %q %q", ms, roles, tt.mentions, tt.roles)
			}
		})
	}
}
