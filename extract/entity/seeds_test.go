package entity_test

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"kg/extract"
	"kg/extract/entity"
	"kg/extract/ner"
	"kg/extract/openie"
	"kg/extract/parse"
	"kg/extract/tag"
	"kg/extract/tokenize"
)

var shared = flag.String("shared", "../../../shared", "directory of the shared corpora (seeds/, gold/seeds/)")

// stages returns tokenizer, tagger, parser and recognizer with their
// embedded models; a tagger or parser that does not load is left out (and
// said so), since the recognizer and the resolver work without them.
func stages(tb testing.TB) []extract.Annotator {
	out := []extract.Annotator{tokenize.New()}
	if tg, err := tag.Load(); err != nil {
		tb.Logf("without tagger: %v", err)
	} else {
		out = append(out, tg)
		if p, err := parse.Load(); err != nil {
			tb.Logf("without parser: %v", err)
		} else {
			out = append(out, p)
		}
	}
	n, err := ner.Load()
	if err != nil {
		tb.Skipf("no recognizer: %v", err)
	}
	return append(out, n)
}

// readSeed reads a seed article: title, date and URL lines, then the body.
func readSeed(path string) (*extract.Document, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	lines := strings.SplitN(string(b), "\n", 4)
	if len(lines) < 4 {
		return nil, fmt.Errorf("%s: want title, date and URL lines before the text", path)
	}
	id := strings.TrimSuffix(filepath.Base(path), ".txt")
	return &extract.Document{ID: id, Text: lines[3], Meta: extract.Meta{Title: lines[0], Source: path}}, nil
}

// BenchmarkSeedEntities resolves the five seed articles through the real
// tagger, parser and recognizer and scores the result against the public
// gold clusters in gold/seeds/entities.json:
//
//	go test ./extract/entity -run '^$' -bench SeedEntities -benchtime 1x -v
//
// It also runs the relation extractor and Coref after the resolver. It
// prints, for each gold cluster, the keys its surface forms got, the role
// facts, and the speakers found by coreference, and reports found (forms
// found as a mention), split (gold clusters spread over several keys),
// merged (distinct pairs sharing a key), roles (title roles the resolver
// added), gold-roles (the role lines of gold/seeds/facts.jsonl found in at
// least one document), speakers (Speech facts with an entity subject) and
// coref-speakers (of those, found through a pronoun or description).
func BenchmarkSeedEntities(b *testing.B) {
	seeds, _ := filepath.Glob(filepath.Join(*shared, "seeds", "*.txt"))
	gb, err := os.ReadFile(filepath.Join(*shared, "gold", "seeds", "entities.json"))
	if len(seeds) == 0 || err != nil {
		b.Skipf("no seeds or gold under %s (set -shared): %v", *shared, err)
	}
	var gold struct {
		Clusters map[string][]string
		Distinct [][2]string
	}
	if err := json.Unmarshal(gb, &gold); err != nil {
		b.Fatal(err)
	}
	st := stages(b)
	for b.Loop() {
		r := entity.New(nil)
		surfaces := map[string]map[string]bool{} // surface (and name) → keys
		var docs []*extract.Document
		for _, path := range seeds {
			doc, err := readSeed(path)
			if err != nil {
				b.Fatal(err)
			}
			for _, s := range append(st, r, openie.New(), entity.Coref{Index: r.Index()}) {
				if err := s.Annotate(doc); err != nil {
					b.Fatal(err)
				}
			}
			docs = append(docs, doc)
		}
		for _, doc := range docs {
			for _, m := range doc.Mentions {
				key := r.Index().Canonical(m.Entity)
				for _, s := range surfaceForms(doc, m) {
					if surfaces[s] == nil {
						surfaces[s] = map[string]bool{}
					}
					surfaces[s][key] = true
				}
			}
		}
		found, forms, split := 0, 0, 0
		keyOf := map[string]map[string]bool{}
		names := make([]string, 0, len(gold.Clusters))
		for n := range gold.Clusters {
			names = append(names, n)
		}
		sort.Strings(names)
		for _, n := range names {
			keys := map[string]bool{}
			var missing []string
			for _, f := range gold.Clusters[n] {
				forms++
				if ks := surfaces[f]; len(ks) > 0 {
					found++
					for k := range ks {
						keys[k] = true
					}
				} else {
					missing = append(missing, f)
				}
			}
			keyOf[n] = keys
			mark := ""
			if len(keys) > 1 {
				split++
				mark = "SPLIT "
			}
			b.Logf("%s%-45s keys %v missing %q", mark, n, sortedKeys(keys), missing)
		}
		merged := 0
		for _, d := range gold.Distinct {
			for k := range keyOf[d[0]] {
				if keyOf[d[1]][k] {
					merged++
					b.Logf("MERGED %s / %s in %s", d[0], d[1], k)
					break
				}
			}
		}
		roles, speakers, pronouns := 0, 0, 0
		for _, doc := range docs {
			for _, f := range doc.Facts {
				if f.Kind == extract.Speech && f.Subject.Head >= 0 {
					head := doc.Tokens[f.Subject.Head].Text
					if f.Subject.Mention >= 0 {
						speakers++
						if m := doc.Mentions[f.Subject.Mention]; m.First > f.Subject.Head || f.Subject.Head >= m.End {
							pronouns++
							b.Logf("speaker %s: %q → %s", doc.ID, f.Subject.Text, m.Name)
						}
					} else {
						b.Logf("speaker %s: %q (%s) unresolved", doc.ID, f.Subject.Text, head)
					}
				}
				if f.Kind == extract.Role && f.Subject.Mention >= 0 && f.Object.Mention >= 0 && titleRole(f.Relation) {
					roles++
					b.Logf("role %s: %s %s %s", doc.ID, doc.Mentions[f.Subject.Mention].Name, f.Relation,
						doc.Mentions[f.Object.Mention].Name)
				}
			}
		}
		hit, total := goldRoles(b, filepath.Join(*shared, "gold", "seeds", "facts.jsonl"), docs, r.Index())
		b.ReportMetric(float64(hit)/float64(max(total, 1)), "gold-roles")
		b.ReportMetric(float64(found)/float64(forms), "found")
		b.ReportMetric(float64(split), "split")
		b.ReportMetric(float64(merged), "merged")
		b.ReportMetric(float64(roles), "roles")
		b.ReportMetric(float64(speakers), "speakers")
		b.ReportMetric(float64(pronouns), "coref-speakers")
	}
}

// surfaceForms is what a gold surface form may match of a mention: its
// text, the text with the determiner, honorific or title before it, and
// the text with a following possessive.
func surfaceForms(doc *extract.Document, m extract.Mention) []string {
	out := []string{doc.Slice(m.Span)}
	for back := 1; back <= 4 && m.First-back >= 0; back++ {
		out = append(out, doc.Text[doc.Tokens[m.First-back].Start:m.Span.End])
	}
	if m.End < len(doc.Tokens) && strings.HasPrefix(doc.Tokens[m.End].Text, "'") {
		out = append(out, doc.Text[m.Span.Start:doc.Tokens[m.End].End])
	}
	return out
}

func sortedKeys(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// titleRole reports whether a role relation comes from a title
// (spokesman_of, ambassador_to, fellow_at) rather than a copula.
func titleRole(rel string) bool {
	return strings.HasSuffix(rel, "_of") || strings.HasSuffix(rel, "_to") || strings.HasSuffix(rel, "_at")
}

// goldRoles counts the gold role facts ({"kind": "role", "s": name, "r":
// [relation words], "o": {"entity": [names]}}) that some document states
// with the resolved canonical names.
func goldRoles(b *testing.B, path string, docs []*extract.Document, idx *entity.Index) (hit, total int) {
	f, err := os.Open(path)
	if err != nil {
		b.Logf("no gold facts: %v", err)
		return 0, 0
	}
	defer f.Close()
	names := map[string]string{} // key → name
	for _, e := range idx.Entries() {
		names[e.Key] = e.Name
	}
	name := func(doc *extract.Document, m int) string { return names[idx.Canonical(doc.Mentions[m].Entity)] }
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var g struct {
			ID, Kind, S string
			R           []string
			O           struct{ Entity []string }
		}
		if err := json.Unmarshal(sc.Bytes(), &g); err != nil {
			b.Fatalf("%s: %v", path, err)
		}
		if g.Kind != "role" {
			continue
		}
		total++
		found := false
		for _, doc := range docs {
			for _, fa := range doc.Facts {
				if fa.Kind != extract.Role || fa.Subject.Mention < 0 || fa.Object.Mention < 0 ||
					name(doc, fa.Subject.Mention) != g.S {
					continue
				}
				for _, r := range g.R {
					if strings.Contains(fa.Relation, strings.ReplaceAll(r, " ", "_")) {
						for _, o := range g.O.Entity {
							found = found || name(doc, fa.Object.Mention) == o
						}
					}
				}
			}
		}
		if found {
			hit++
		} else {
			b.Logf("gold role %s missed: %s %v %v", g.ID, g.S, g.R, g.O.Entity)
		}
	}
	return hit, total
}
