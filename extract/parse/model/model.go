// Package model holds the parser's trained weights, embedded in the program.
// It is a leaf package so that only programs that parse link the model.
//
// parser.gz is written by "kg train parser" (see package parse).
package model

import (
	_ "embed"
	"io"
	"strings"
)

//go:embed parser.gz
var data string

// Open returns a reader over the stored model.
func Open() io.Reader { return strings.NewReader(data) }
