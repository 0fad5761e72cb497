// Package conllu reads and writes the CoNLL-U format of Universal
// Dependencies treebanks, and converts between its sentences and
// extract.Document.
//
// Multiword-token lines ("4-5 don't") and empty nodes ("8.1") are read past:
// a Sentence holds syntactic words only, which is what kg's tokenizer emits.
package conllu

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"kg/extract"
)

// Word is one syntactic word of a sentence.
type Word struct {
	ID         int // 1-based position in the sentence
	Form       string
	Lemma      string
	UPOS       extract.UPOS
	XPOS       extract.XPOS
	Feats      string
	Head       int // 0 for the root
	Dep        extract.DepRel
	Misc       string
	SpaceAfter bool
}

// Sentence is one sentence block.
type Sentence struct {
	ID     string // from "# sent_id ="
	Text   string // from "# text ="
	DocID  string // from "# newdoc id =", on the first sentence of a document
	NewDoc bool
	NewPar bool
	Words  []Word
}

// Reader reads sentences one at a time.
type Reader struct {
	sc   *bufio.Scanner
	name string
	line int
}

// NewReader returns a reader; name is used in error messages.
func NewReader(r io.Reader, name string) *Reader {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	return &Reader{sc: sc, name: name}
}

// Next returns the next sentence, or io.EOF after the last.
func (r *Reader) Next() (*Sentence, error) {
	var s *Sentence
	for r.sc.Scan() {
		r.line++
		line := r.sc.Text()
		if line == "" {
			if s != nil {
				return s, nil
			}
			continue
		}
		if s == nil {
			s = &Sentence{}
		}
		if strings.HasPrefix(line, "#") {
			key, val, _ := strings.Cut(strings.TrimSpace(line[1:]), "=")
			key, val = strings.TrimSpace(key), strings.TrimSpace(val)
			switch key {
			case "sent_id":
				s.ID = val
			case "text":
				s.Text = val
			case "newdoc", "newdoc id":
				s.NewDoc, s.DocID = true, val
			case "newpar", "newpar id":
				s.NewPar = true
			}
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 10 {
			return nil, fmt.Errorf("%s:%d: want 10 tab-separated fields, have %d", r.name, r.line, len(f))
		}
		if strings.ContainsAny(f[0], "-.") {
			continue // multiword token or empty node
		}
		w, err := parseWord(f)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", r.name, r.line, err)
		}
		s.Words = append(s.Words, w)
	}
	if err := r.sc.Err(); err != nil {
		return nil, fmt.Errorf("%s:%d: %w", r.name, r.line, err)
	}
	if s != nil {
		return s, nil
	}
	return nil, io.EOF
}

func parseWord(f []string) (Word, error) {
	id, err := strconv.Atoi(f[0])
	if err != nil {
		return Word{}, fmt.Errorf("bad ID %q", f[0])
	}
	w := Word{ID: id, Form: f[1], Lemma: f[2], Feats: f[5], Misc: f[9], SpaceAfter: true}
	w.UPOS, _ = extract.ParseUPOS(f[3])
	w.XPOS, _ = extract.ParseXPOS(f[4])
	if f[6] != "_" {
		if w.Head, err = strconv.Atoi(f[6]); err != nil {
			return Word{}, fmt.Errorf("bad HEAD %q", f[6])
		}
	}
	if f[7] != "_" {
		w.Dep, _ = extract.ParseDepRel(f[7])
	}
	for _, m := range strings.Split(f[9], "|") {
		if m == "SpaceAfter=No" {
			w.SpaceAfter = false
		}
	}
	return w, nil
}

// ReadFile reads every sentence of a CoNLL-U file.
func ReadFile(path string) ([]*Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []*Sentence
	r := NewReader(f, path)
	for {
		s, err := r.Next()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
}

// Document builds a one-sentence document from the sentence's words, their
// forms joined as SpaceAfter says, with every annotation the file had.
func (s *Sentence) Document() *extract.Document {
	var b strings.Builder
	doc := &extract.Document{ID: s.ID}
	for _, w := range s.Words {
		start := b.Len()
		b.WriteString(w.Form)
		head := -1
		if w.Head > 0 {
			head = w.Head - 1
		}
		doc.Tokens = append(doc.Tokens, extract.Token{
			Span: extract.Span{Start: start, End: b.Len()}, Text: w.Form, Norm: w.Form,
			Lemma: w.Lemma, UPOS: w.UPOS, XPOS: w.XPOS, Head: head, Dep: w.Dep,
		})
		if w.SpaceAfter {
			b.WriteByte(' ')
		}
	}
	doc.Text = strings.TrimRight(b.String(), " ")
	doc.Sentences = []extract.Sentence{{Span: extract.Span{Start: 0, End: len(doc.Text)}, First: 0, End: len(doc.Tokens)}}
	return doc
}

// Write writes every sentence of doc as CoNLL-U, with sent_id and text
// comments. Heads are written relative to their sentence.
func Write(w io.Writer, doc *extract.Document) error {
	bw := bufio.NewWriter(w)
	for i, s := range doc.Sentences {
		fmt.Fprintf(bw, "# sent_id = %s-%d\n# text = %s\n", doc.ID, i+1, oneLine(doc.Text[s.Span.Start:s.Span.End]))
		for j := s.First; j < s.End; j++ {
			t := &doc.Tokens[j]
			head := 0
			if t.Head >= 0 {
				head = t.Head - s.First + 1
			}
			misc := "_"
			if j+1 < s.End && doc.Tokens[j+1].Start == t.End {
				misc = "SpaceAfter=No"
			}
			fmt.Fprintf(bw, "%d\t%s\t%s\t%s\t%s\t_\t%d\t%s\t_\t%s\n", j-s.First+1, field(t.Text),
				field(t.Lemma), t.UPOS, t.XPOS, head, t.Dep, misc)
		}
		bw.WriteByte('\n')
	}
	return bw.Flush()
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// field makes a value safe for a tab-separated column.
func field(s string) string {
	if s == "" {
		return "_"
	}
	return strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return ' '
		}
		return r
	}, s)
}
