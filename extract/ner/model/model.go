// Package model holds the entity recognizer's trained weights, embedded in
// the binary. It is a leaf: it imports nothing, so only programs that
// recognize entities carry the model.
//
// ner.gz is written by "kg train ner" (or ner.Train and
// (*ner.Recognizer).Write) from Universal NER English-EWT.
package model

import _ "embed"

//go:embed ner.gz
var data string

// Data returns the gzipped model, as written by (*ner.Recognizer).Write.
func Data() string { return data }
