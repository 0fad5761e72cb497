package entity_test

import (
	"path/filepath"
	"testing"

	"kg/extract/entity"
)

func TestZZDebug(t *testing.T) {
	seeds, _ := filepath.Glob(filepath.Join(*shared, "seeds", "*.txt"))
	st := stages(t)
	r := entity.New(nil)
	for _, path := range seeds {
		doc, _ := readSeed(path)
		for _, s := range st {
			s.Annotate(doc)
		}
		before := map[int]string{}
		for _, m := range doc.Mentions {
			before[m.Start] = doc.Slice(m.Span) + "/" + m.Type.String()
		}
		r.Annotate(doc)
		for _, m := range doc.Mentions {
			t.Logf("%s %-35q %s %-25s %s  (ner %q)", doc.ID[:3], doc.Slice(m.Span), m.Type, m.Kind, m.Entity, before[m.Start])
		}
	}
}
