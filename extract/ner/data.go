package ner

import (
	"bufio"
	"fmt"
	"os"
	"strings"

	"kg/extract"
	"kg/extract/conllu"
)

// Example is one annotated sentence: a one-sentence document and its gold
// mentions (token indices into Doc.Tokens, in order, not overlapping).
type Example struct {
	Doc  *extract.Document
	Gold []extract.Mention
}

// ReadCorpus reads a Universal NER file (IOB2 columns: id, token, tag) and,
// when udPath is not empty, the Universal Dependencies CoNLL-U file of the
// same sentences, matched by sent_id, for their spacing and part-of-speech
// tags. A sentence whose words differ between the two files keeps the NER
// file's words, joined by spaces and untagged.
func ReadCorpus(unerPath, udPath string) ([]Example, error) {
	ud := map[string]*conllu.Sentence{}
	if udPath != "" {
		ss, err := conllu.ReadFile(udPath)
		if err != nil {
			return nil, fmt.Errorf("ner: %w", err)
		}
		for _, s := range ss {
			ud[s.ID] = s
		}
	}
	f, err := os.Open(unerPath)
	if err != nil {
		return nil, fmt.Errorf("ner: %w", err)
	}
	defer f.Close()
	var out []Example
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	var id string
	var words, tags []string
	flush := func() {
		if len(words) > 0 {
			out = append(out, example(ud[id], words, tags))
		}
		id, words, tags = "", nil, nil
	}
	for line := 1; sc.Scan(); line++ {
		text := sc.Text()
		switch {
		case text == "":
			flush()
		case strings.HasPrefix(text, "#"):
			if k, v, ok := strings.Cut(strings.TrimSpace(text[1:]), "="); ok && strings.TrimSpace(k) == "sent_id" {
				id = strings.TrimSpace(v)
			}
		default:
			f := strings.Split(text, "\t")
			if len(f) < 3 {
				return nil, fmt.Errorf("ner: %s:%d: want at least 3 tab-separated fields, have %d", unerPath, line, len(f))
			}
			words = append(words, f[1])
			tags = append(tags, f[2])
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("ner: %s: %w", unerPath, err)
	}
	flush()
	return out, nil
}

// example builds the example for one sentence of words and IOB2 tags,
// taking the document from its CoNLL-U sentence when the words agree.
func example(s *conllu.Sentence, words, tags []string) Example {
	var doc *extract.Document
	if s != nil && sameWords(s, words) {
		doc = s.Document()
	} else {
		doc = &extract.Document{}
		var b strings.Builder
		for i, w := range words {
			if i > 0 {
				b.WriteByte(' ')
			}
			start := b.Len()
			b.WriteString(w)
			doc.Tokens = append(doc.Tokens, extract.Token{Span: extract.Span{Start: start, End: b.Len()}, Text: w, Norm: w, Head: -1})
		}
		doc.Text = b.String()
		doc.Sentences = []extract.Sentence{{Span: extract.Span{End: len(doc.Text)}, End: len(doc.Tokens)}}
	}
	if s != nil {
		doc.ID = s.ID
	}
	gold := spans(tags)
	for i := range gold {
		m := &gold[i]
		m.Span = extract.Span{Start: doc.Tokens[m.First].Start, End: doc.Tokens[m.End-1].End}
	}
	return Example{Doc: doc, Gold: gold}
}

func sameWords(s *conllu.Sentence, words []string) bool {
	if len(s.Words) != len(words) {
		return false
	}
	for i, w := range s.Words {
		if w.Form != words[i] {
			return false
		}
	}
	return true
}

// spans reads IOB2 tags as mentions. An I- tag that does not continue a
// mention of its type starts one; tags of unknown types ("B-O" occurs in
// the data) count as O.
func spans(tags []string) []extract.Mention {
	var out []extract.Mention
	open := false
	for i, tag := range tags {
		prefix, name, _ := strings.Cut(tag, "-")
		t := extract.ParseEntityType(name)
		if t == extract.NoEntity || prefix != "B" && prefix != "I" {
			open = false
			continue
		}
		if prefix == "I" && open && out[len(out)-1].Type == t {
			out[len(out)-1].End = i + 1
			continue
		}
		out = append(out, extract.Mention{First: i, End: i + 1, Type: t})
		open = true
	}
	return out
}
