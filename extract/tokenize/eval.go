package tokenize

import (
	"fmt"
	"strings"

	"kg/extract"
	"kg/extract/conllu"
)

// Counts scores one kind of boundary or span against gold.
type Counts struct {
	Gold, Predicted, Correct int
}

// Precision is Correct/Predicted, or 0 when nothing was predicted.
func (c Counts) Precision() float64 { return ratio(c.Correct, c.Predicted) }

// Recall is Correct/Gold, or 0 when there is no gold.
func (c Counts) Recall() float64 { return ratio(c.Correct, c.Gold) }

// F1 is the harmonic mean of precision and recall.
func (c Counts) F1() float64 {
	p, r := c.Precision(), c.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func (c Counts) String() string {
	return fmt.Sprintf("P %.2f%% R %.2f%% F1 %.2f%% (gold %d, predicted %d, correct %d)",
		100*c.Precision(), 100*c.Recall(), 100*c.F1(), c.Gold, c.Predicted, c.Correct)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Scores is how well the tokenizer reproduces a treebank's sentences and
// words.
type Scores struct {
	Documents int
	// Sentences scores sentence ends, except each document's last (which
	// is trivially right).
	Sentences Counts
	// InParagraph scores the sentence ends that are not at a line break:
	// the ones punctuation alone must find.
	InParagraph Counts
	// Tokens scores token spans against gold syntactic words, within
	// the sentences whose words could be aligned with their text.
	Tokens Counts
	// Unaligned counts sentences whose words do not spell their text
	// (left out of Tokens).
	Unaligned int
}

func (s Scores) String() string {
	return fmt.Sprintf("documents %d\nsentence ends  %v\n  in paragraph %v\ntokens         %v\nunaligned sentences %d",
		s.Documents, s.Sentences, s.InParagraph, s.Tokens, s.Unaligned)
}

// Evaluate rebuilds the raw text of each document of a CoNLL-U treebank
// from its "# text" lines (sentences of a paragraph joined by a space,
// paragraphs by a line break, documents as "# newdoc" says), tokenizes it
// with New, and scores the result against the gold sentences and words.
func Evaluate(sents []*conllu.Sentence) Scores {
	var sc Scores
	tok := New()
	for len(sents) > 0 {
		n := 1
		for n < len(sents) && !sents[n].NewDoc {
			n++
		}
		sc.add(tok, sents[:n])
		sents = sents[n:]
	}
	return sc
}

// add scores one document.
func (sc *Scores) add(tok *Tokenizer, sents []*conllu.Sentence) {
	sc.Documents++
	var b strings.Builder
	ends := make(map[int]bool)           // gold sentence ends but the last
	words := make(map[extract.Span]bool) // gold words of aligned sentences
	var aligned []extract.Span           // text of aligned sentences
	for i, s := range sents {
		if i > 0 {
			if s.NewPar {
				b.WriteByte('\n')
			} else {
				b.WriteByte(' ')
			}
		}
		start := b.Len()
		b.WriteString(s.Text)
		if i < len(sents)-1 {
			ends[b.Len()] = true
		}
		spans, ok := align(s, start)
		if !ok {
			sc.Unaligned++
			continue
		}
		aligned = append(aligned, extract.Span{Start: start, End: b.Len()})
		for _, sp := range spans {
			words[sp] = true
		}
	}
	doc := &extract.Document{Text: b.String()}
	tok.Annotate(doc) // never fails on a non-nil document

	atBreak := func(end int) bool { return strings.Contains(doc.Text[end:min(end+1, len(doc.Text))], "\n") }
	for end := range ends {
		sc.Sentences.Gold++
		if !atBreak(end) {
			sc.InParagraph.Gold++
		}
	}
	for _, s := range doc.Sentences[:max(len(doc.Sentences)-1, 0)] {
		hit := ends[s.Span.End]
		sc.Sentences.count(hit)
		if !atBreak(s.Span.End) {
			sc.InParagraph.count(hit)
		}
	}
	sc.Tokens.Gold += len(words)
	k := 0
	for _, t := range doc.Tokens {
		for k < len(aligned) && aligned[k].End < t.End {
			k++
		}
		if k < len(aligned) && aligned[k].Contains(t.Span) {
			sc.Tokens.count(words[t.Span])
		}
	}
}

// count adds one prediction, right or wrong.
func (c *Counts) count(correct bool) {
	c.Predicted++
	if correct {
		c.Correct++
	}
}

// align places the words of s in its text, which starts at offset start of
// the document, and reports whether they spell it.
func align(s *conllu.Sentence, start int) ([]extract.Span, bool) {
	spans := make([]extract.Span, 0, len(s.Words))
	pos := 0
	for _, w := range s.Words {
		pos += len(s.Text[pos:]) - len(strings.TrimLeft(s.Text[pos:], " "))
		if !strings.HasPrefix(s.Text[pos:], w.Form) {
			return nil, false
		}
		spans = append(spans, extract.Span{Start: start + pos, End: start + pos + len(w.Form)})
		pos += len(w.Form)
	}
	return spans, strings.TrimSpace(s.Text[pos:]) == ""
}
