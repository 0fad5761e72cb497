// Package model holds the tagger's trained model, embedded in the binary.
//
// It is a leaf package of bytes only, so that nothing else is linked along
// with it. The file is written by "kg train tagger" and read by package tag.
package model

import _ "embed"

// Tagger is the gzipped tagger model (see tag.Read).
//
//go:embed tagger.gz
var Tagger []byte
