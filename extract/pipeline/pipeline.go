// Package pipeline assembles the stages of package extract into one
// annotator: tokenize → tag → parse → ner → entity → openie.
//
// A Pipeline holds only immutable models and stateless stages, so one value
// serves any number of goroutines. Documents that arrive already tokenized
// (benchmarks such as CaRB give one Penn-Treebank-tokenized sentence per
// line) enter through Pretokenized and ProcessTokens, which skip the
// tokenizer.
package pipeline

import (
	"fmt"

	"kg/extract"
	"kg/extract/ner"
	"kg/extract/openie"
	"kg/extract/parse"
	"kg/extract/tag"
	"kg/extract/tokenize"
)

// Pipeline runs the extraction stages in order.
type Pipeline struct {
	tokenizer extract.Annotator
	stages    []extract.Annotator // everything after tokenization
}

// New returns a pipeline that splits text with tokenizer and then runs
// stages in order. Entity resolution, which keeps a cross-document index,
// is passed in as one of the stages (before the extractor, so that roles it
// adds come first).
func New(tokenizer extract.Annotator, stages ...extract.Annotator) *Pipeline {
	return &Pipeline{tokenizer: tokenizer, stages: stages}
}

// Default returns the full pipeline with the embedded models:
// tokenize → tag → parse → ner → openie.
//
// Entity resolution (package entity) keeps a cross-document index and so is
// not built here: callers that resolve entities assemble the pipeline with
// New, placing the entity stage between the recognizer and the extractor.
func Default() (*Pipeline, error) {
	t, p, n, err := models()
	if err != nil {
		return nil, err
	}
	return New(tokenize.New(), t, p, n, openie.New()), nil
}

// Tokenized returns the default stages without a tokenizer, for input that
// is already split into sentences and tokens (see Pretokenized).
func Tokenized() (*Pipeline, error) {
	t, p, n, err := models()
	if err != nil {
		return nil, err
	}
	return New(nil, t, p, n, openie.New()), nil
}

// models loads the embedded tagger, parser and recognizer.
func models() (*tag.Tagger, *parse.Parser, *ner.Recognizer, error) {
	t, err := tag.Load()
	if err != nil {
		return nil, nil, nil, fmt.Errorf("pipeline: %w", err)
	}
	p, err := parse.Load()
	if err != nil {
		return nil, nil, nil, fmt.Errorf("pipeline: %w", err)
	}
	n, err := ner.Load()
	if err != nil {
		return nil, nil, nil, fmt.Errorf("pipeline: %w", err)
	}
	return t, p, n, nil
}

// Process annotates doc.Text from scratch: tokens, tags, tree, mentions,
// facts.
func (p *Pipeline) Process(doc *extract.Document) error {
	if p.tokenizer == nil {
		return fmt.Errorf("pipeline: %s: no tokenizer; use ProcessTokens for tokenized input", doc.ID)
	}
	if err := p.tokenizer.Annotate(doc); err != nil {
		return fmt.Errorf("pipeline: %s: %w", doc.ID, err)
	}
	return p.ProcessTokens(doc)
}

// ProcessTokens annotates a document whose Sentences and Tokens are already
// set.
func (p *Pipeline) ProcessTokens(doc *extract.Document) error {
	for _, s := range p.stages {
		if err := s.Annotate(doc); err != nil {
			return fmt.Errorf("pipeline: %s: %w", doc.ID, err)
		}
	}
	return nil
}

// ptbNorms maps Penn Treebank escapes to the characters models are trained on.
var ptbNorms = map[string]string{"``": "\"", "''": "\"", "-LRB-": "(", "-RRB-": ")", "-LSB-": "[",
	"-RSB-": "]", "-LCB-": "{", "-RCB-": "}"}

// Pretokenized returns a one-sentence document whose tokens are the
// space-separated words of line. The text is the line itself, so token texts
// are exactly the words given; Norm undoes the Penn Treebank escapes
// (“ and ” become ", -LRB- becomes (, ...).
func Pretokenized(id, line string) *extract.Document {
	doc := &extract.Document{ID: id, Text: line}
	for i := 0; i < len(line); {
		if line[i] == ' ' || line[i] == '\t' {
			i++
			continue
		}
		j := i
		for j < len(line) && line[j] != ' ' && line[j] != '\t' {
			j++
		}
		w := line[i:j]
		norm := w
		if n, ok := ptbNorms[w]; ok {
			norm = n
		}
		doc.Tokens = append(doc.Tokens, extract.Token{Span: extract.Span{Start: i, End: j}, Text: w, Norm: norm, Head: -1})
		i = j
	}
	if len(doc.Tokens) > 0 {
		doc.Sentences = []extract.Sentence{{Span: extract.Span{Start: doc.Tokens[0].Start,
			End: doc.Tokens[len(doc.Tokens)-1].End}, First: 0, End: len(doc.Tokens)}}
	}
	return doc
}
