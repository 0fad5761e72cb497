// Package source reads news articles from files, directories, JSON Lines
// and standard input into extract.Document values.
//
// Inputs are read one document at a time (Reader.All is an iterator), so a
// corpus of any size is never held in memory at once; one document may be at
// most Options.MaxSize bytes.
//
// Formats, chosen by file name unless Options.Format says otherwise (a file
// named explicitly with another extension is read as text; in a directory it
// is ignored (see Reader.Ignored), so a README.md next to the articles is not
// read as one):
//
//	.txt .text            one article per file; see below for header lines
//	.jsonl .ndjson        one article per line: {"id","title","date","url","outlet","text"}
//	X.gz                  gzip-compressed X (.txt.gz, .jsonl.gz, .json.gz = JSON Lines)
//	-                     standard input, text or JSON Lines by its first byte
//
// gzip data is recognized by its magic number whatever the file is called.
// A text file's leading header lines become metadata (see ParseText): a
// short first line without final punctuation is the title; lines that are
// only a date, only a URL, or a "By NAME" byline are metadata too.
//
// Document IDs are the file's base name without extensions; when two files
// of one Reader share a base name, they use their path below the directory
// given as input instead ("2022/jan/x"), or, if that is shared too, their
// path as found ("corpus/2022/jan/x"), all without extensions. A JSON Lines record's ID is its "id" field (or FILE:LINE when it
// has none).
//
// Bad input never stops the reader: each problem is reported as an *Error
// naming the file (and line) and the offending file or record is skipped.
// In particular, text that is not valid UTF-8 is skipped, not repaired: the
// error gives the offset of the first bad byte, because such a file is
// usually in another encoding (Latin-1, UTF-16) and repairing it would turn
// names into U+FFFD. The caller decides whether to stop at the first error.
package source

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"iter"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync/atomic"

	"kg/extract"
)

// Format is how a file's content is read.
type Format uint8

// Formats. Auto chooses by file name (and, for standard input, by content).
const (
	Auto  Format = iota
	Text         // one article per file
	JSONL        // one JSON object per line
)

var formatNames = [...]string{"auto", "text", "jsonl"}

func (f Format) String() string {
	if int(f) < len(formatNames) {
		return formatNames[f]
	}
	return fmt.Sprintf("Format(%d)", f)
}

// ParseFormat maps "auto", "text" or "jsonl" to its Format.
func ParseFormat(s string) (Format, error) {
	for i, n := range formatNames {
		if s == n {
			return Format(i), nil
		}
	}
	return Auto, fmt.Errorf("unknown format %q (want auto, text or jsonl)", s)
}

// DefaultMaxSize is the default limit on one document's size in bytes.
const DefaultMaxSize = 8 << 20

// Options control a Reader. The zero value reads by file name from nothing
// on standard input with DefaultMaxSize.
type Options struct {
	Format  Format    // Auto: by file name
	Stdin   io.Reader // read for the input "-"
	MaxSize int       // largest document (text file or JSON line) in bytes; 0 means DefaultMaxSize
}

func (o Options) maxSize() int {
	if o.MaxSize <= 0 {
		return DefaultMaxSize
	}
	return o.MaxSize
}

// file is one input file found by expanding the inputs.
type file struct {
	path   string // as given or found by walking; "-" for stdin
	stem   string // path without directory and extensions
	rel    string // path below the input directory without extensions
	id     string // document ID for text files
	format Format
	size   int64
}

// Reader reads documents from a list of inputs.
type Reader struct {
	opts    Options
	files   []file
	errs    ErrorList // from expanding the inputs, reported first by All
	ignored []string  // files in directories with unknown extensions
	total   int64
	done    atomic.Int64
}

// NewReader expands inputs (files, directories, "-") into the list of files
// to read, in order: inputs in the order given, directories walked
// recursively in lexical order, hidden files and directories (".name")
// skipped. Problems found while expanding are reported by All.
func NewReader(inputs []string, opts Options) *Reader {
	r := &Reader{opts: opts}
	seen := map[string]bool{}
	for _, in := range inputs {
		r.expand(in, seen)
	}
	r.assignIDs()
	for _, f := range r.files {
		r.total += f.size
	}
	return r
}

// Ignored returns the files found in directories whose names do not say
// they are articles (README.md, photo.jpg); they are not read, and not
// reported as errors.
func (r *Reader) Ignored() []string { return r.ignored }

// Files reports the number of files to read.
func (r *Reader) Files() int { return len(r.files) }

// Progress reports how many bytes of the input files have been read, and
// their total size (0 when unknown, e.g. for standard input).
func (r *Reader) Progress() (done, total int64) { return r.done.Load(), r.total }

func (r *Reader) expand(in string, seen map[string]bool) {
	if in == "-" {
		r.add(file{path: "-", stem: "stdin", format: r.opts.Format}, seen)
		return
	}
	fi, err := os.Stat(in)
	if err != nil {
		r.errs = append(r.errs, &Error{Path: in, Msg: "cannot read input", Err: unwrapPath(err)})
		return
	}
	if !fi.IsDir() {
		// A file named explicitly is read even with an unknown extension.
		f := r.classify(in, fi)
		if f.format == Auto {
			f.format = Text
		}
		r.add(f, seen)
		return
	}
	r.walk(in, in, []os.FileInfo{fi}, seen)
}

// walk adds the files under dir; ancestors are the directories on the way
// down, for detecting symbolic-link loops.
func (r *Reader) walk(root, dir string, ancestors []os.FileInfo, seen map[string]bool) {
	entries, err := os.ReadDir(dir) // sorted by name
	if err != nil {
		r.errs = append(r.errs, &Error{Path: dir, Msg: "cannot read directory", Err: unwrapPath(err)})
		return
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			continue
		}
		p := filepath.Join(dir, e.Name())
		fi, err := os.Stat(p) // follows symbolic links
		if err != nil {
			r.errs = append(r.errs, &Error{Path: p, Msg: "cannot read input", Err: unwrapPath(err)})
			continue
		}
		if fi.IsDir() {
			if loopsTo(fi, ancestors) {
				r.errs = append(r.errs, &Error{Path: p, Msg: "symbolic link loop: directory already being read"})
				continue
			}
			r.walk(root, p, append(ancestors[:len(ancestors):len(ancestors)], fi), seen)
			continue
		}
		if !fi.Mode().IsRegular() {
			continue // devices, sockets, pipes
		}
		f := r.classify(p, fi)
		if rel, err := filepath.Rel(root, p); err == nil {
			f.rel = filepath.ToSlash(filepath.Join(filepath.Dir(rel), f.stem))
		}
		if f.format == Auto {
			r.ignored = append(r.ignored, p)
			continue
		}
		r.add(f, seen)
	}
}

func loopsTo(fi os.FileInfo, ancestors []os.FileInfo) bool {
	for _, a := range ancestors {
		if os.SameFile(fi, a) {
			return true
		}
	}
	return false
}

func (r *Reader) add(f file, seen map[string]bool) {
	key := filepath.Clean(f.path)
	if seen[key] {
		return
	}
	seen[key] = true
	r.files = append(r.files, f)
}

// classify finds a file's format from Options.Format or its name.
func (r *Reader) classify(p string, fi os.FileInfo) file {
	stem, format := splitName(filepath.Base(p))
	if r.opts.Format != Auto {
		format = r.opts.Format
	}
	return file{path: p, stem: stem, format: format, size: fi.Size()}
}

// splitName splits a file name into its stem and the format its extensions
// name (Auto when unknown).
func splitName(name string) (stem string, f Format) {
	lower := strings.ToLower(name)
	lower = strings.TrimSuffix(lower, ".gz")
	for _, ext := range []string{".txt", ".text"} {
		if strings.HasSuffix(lower, ext) {
			return name[:len(lower)-len(ext)], Text
		}
	}
	for _, ext := range []string{".jsonl", ".ndjson", ".json"} {
		if strings.HasSuffix(lower, ext) {
			return name[:len(lower)-len(ext)], JSONL
		}
	}
	return strings.TrimSuffix(name, path.Ext(name)), Auto
}

// assignIDs gives text files their document IDs: the stem, or when stems
// collide the path below the input directory, or the whole path.
func (r *Reader) assignIDs() {
	stems, rels := map[string]int{}, map[string]int{}
	for i := range r.files {
		f := &r.files[i]
		if f.rel == "" {
			f.rel = f.stem
		}
		stems[f.stem]++
		rels[f.rel]++
	}
	for i := range r.files {
		f := &r.files[i]
		switch {
		case stems[f.stem] == 1 || f.path == "-":
			f.id = f.stem
		case rels[f.rel] == 1:
			f.id = f.rel
		default:
			f.id = filepath.ToSlash(filepath.Join(filepath.Dir(f.path), f.stem))
		}
	}
}

// All returns an iterator over the documents of all inputs. A non-nil error
// is a problem with one input, an *Error; the iteration continues after it
// unless the loop breaks.
func (r *Reader) All() iter.Seq2[*extract.Document, error] {
	return func(yield func(*extract.Document, error) bool) {
		for _, e := range r.errs {
			if !yield(nil, e) {
				return
			}
		}
		for _, f := range r.files {
			if !r.readFile(f, yield) {
				return
			}
		}
	}
}

// Read is a shorthand for NewReader(inputs, opts).All().
func Read(inputs []string, opts Options) iter.Seq2[*extract.Document, error] {
	return NewReader(inputs, opts).All()
}

// readFile yields the documents of f; it reports false when yield did.
func (r *Reader) readFile(f file, yield func(*extract.Document, error) bool) bool {
	var in io.Reader
	if f.path == "-" {
		if r.opts.Stdin == nil {
			return yield(nil, &Error{Path: "-", Msg: "no standard input"})
		}
		in = r.opts.Stdin
	} else {
		fh, err := os.Open(f.path)
		if err != nil {
			return yield(nil, &Error{Path: f.path, Msg: "cannot read input", Err: unwrapPath(err)})
		}
		defer fh.Close()
		in = fh
	}
	before := r.done.Load()
	defer func() { r.done.Store(before + f.size) }()
	cr := &countingReader{r: in, n: &r.done}
	br, err := decompress(bufio.NewReaderSize(cr, 64<<10))
	if err != nil {
		return yield(nil, &Error{Path: f.path, Msg: "bad gzip data", Err: err})
	}
	format := f.format
	if format == Auto { // standard input: JSON Lines when it starts with '{'
		format = Text
		if b, _ := peekNonSpace(br); b == '{' {
			format = JSONL
		}
	}
	if format == JSONL {
		return readJSONL(br, f, r.opts.maxSize(), yield)
	}
	doc, err := readText(br, f, r.opts.maxSize())
	return yield(doc, err)
}

// decompress returns a reader of the data in br, gunzipped when it starts
// with the gzip magic number.
func decompress(br *bufio.Reader) (*bufio.Reader, error) {
	magic, _ := br.Peek(2)
	if !bytes.Equal(magic, []byte{0x1f, 0x8b}) {
		return br, nil
	}
	zr, err := gzip.NewReader(br)
	if err != nil {
		return nil, err
	}
	return bufio.NewReaderSize(zr, 64<<10), nil
}

func peekNonSpace(br *bufio.Reader) (byte, error) {
	for n := 1; n <= 4096; n++ {
		b, err := br.Peek(n)
		if len(b) < n {
			return 0, err
		}
		switch c := b[n-1]; c {
		case ' ', '\t', '\r', '\n':
		default:
			return c, nil
		}
	}
	return 0, nil
}

// readText reads one text article of at most max bytes.
func readText(br *bufio.Reader, f file, max int) (*extract.Document, error) {
	data, err := io.ReadAll(io.LimitReader(br, int64(max)+1))
	if err != nil {
		return nil, &Error{Path: f.path, Msg: "read failed", Err: err}
	}
	if len(data) > max {
		return nil, &Error{Path: f.path, Msg: fmt.Sprintf("larger than the %d-byte limit for one article", max)}
	}
	if e := checkText(data); e != nil {
		e.Path = f.path
		return nil, e
	}
	doc := ParseText(string(bytes.TrimPrefix(data, utf8BOM)))
	if strings.TrimSpace(doc.Text) == "" {
		msg := "empty file"
		if len(bytes.TrimSpace(data)) > 0 {
			msg = "no article text after the header lines"
		}
		return nil, &Error{Path: f.path, Msg: msg}
	}
	doc.ID = f.id
	if f.path == "-" {
		sum := sha256.Sum256([]byte(doc.Text))
		doc.ID = "stdin-" + hex.EncodeToString(sum[:6])
	}
	doc.Meta.Source = f.path
	return doc, nil
}

type countingReader struct {
	r io.Reader
	n *atomic.Int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n.Add(int64(n))
	return n, err
}

// unwrapPath drops the *os.PathError wrapper, whose path the Error repeats.
func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
