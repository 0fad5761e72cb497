package source

import (
	"bytes"
	"compress/gzip"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kg/extract"
)

// collect reads all documents and errors of inputs.
func collect(t *testing.T, inputs []string, opts Options) ([]*extract.Document, ErrorList) {
	t.Helper()
	var docs []*extract.Document
	var errs ErrorList
	for doc, err := range Read(inputs, opts) {
		if err != nil {
			errs.Add(err)
			continue
		}
		docs = append(docs, doc)
	}
	return docs, errs
}

func TestParseText(t *testing.T) {
	tests := []struct {
		name                     string
		in                       string
		title, date, url, outlet string
		body                     string // prefix of the body
	}{
		{
			name:  "title date url",
			in:    "Russia sees little ground for optimism\n20220128\nhttps://www.wfdd.org/story/x\nUkraine's Foreign Minister said.\n",
			title: "Russia sees little ground for optimism", date: "20220128",
			url: "https://www.wfdd.org/story/x", outlet: "wfdd.org",
			body: "Ukraine's Foreign Minister said.",
		},
		{
			name: "first line is a sentence",
			in:   "MOSCOW—The Kremlin said Thursday that there was little ground for optimism.\nTensions have soared.\n",
			body: "MOSCOW—The Kremlin said",
		},
		{
			name:  "title then blank line",
			in:    "Moscow is pessimistic, but talks continue\n\nCredit…Tyler Hicks\n\nThe Kremlin warned.\n",
			title: "Moscow is pessimistic, but talks continue",
			body:  "Credit…Tyler Hicks",
		},
		{
			name:  "byline and long date",
			in:    "Talks resume in Geneva\nBy Jane Doe and John Roe\nJan. 28, 2022\n\nDiplomats met on Friday.\n",
			title: "Talks resume in Geneva", date: "Jan. 28, 2022",
			body: "Diplomats met on Friday.",
		},
		{
			name: "date and URL without title",
			in:   "2022-01-28T10:15:00Z\nhttps://example.com/a\nThe ministry said.\n",
			date: "2022-01-28T10:15:00Z", url: "https://example.com/a", outlet: "example.com",
			body: "The ministry said.",
		},
		{
			name:  "byline with affiliation",
			in:    "Talks resume\nBY JANE DOE, The Washington Post\nDiplomats met.\n",
			title: "Talks resume",
			body:  "Diplomats met.",
		},
		{
			name: "sentence starting with By is body",
			in:   "By Friday, Russia had massed troops near the border.\nMore.\n",
			body: "By Friday, Russia had",
		},
		{
			name: "newswire date",
			in:   "26-FEB-1987 15:01:01.79\nSALVADOR, Feb 26 - Showers continued.\n",
			date: "26-FEB-1987 15:01:01.79",
			body: "SALVADOR, Feb 26",
		},
		{
			name: "one line without period is body",
			in:   "Officials said talks would resume",
			body: "Officials said talks would resume",
		},
		{
			name: "long first line is body",
			in:   strings.Repeat("and the talks went on ", 10) + "\nMore text.\n",
			body: "and the talks",
		},
		{
			name:  "title with date-like words stays title",
			in:    "What happened on January 28\nThe council met.\n",
			title: "What happened on January 28",
			body:  "The council met.",
		},
		{
			name:  "CRLF lines",
			in:    "Headline here\r\n20220128\r\nBody text.\r\n",
			title: "Headline here", date: "20220128",
			body: "Body text.",
		},
		{
			name: "header only",
			in:   "Headline\n20220128\n",
			// The title rule needs text after it; the date is header; no body.
			title: "Headline", date: "20220128",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := ParseText(tt.in)
			m := doc.Meta
			if tt.name == "header only" {
				if doc.Text != "" {
					t.Errorf("Text = %q, want empty", doc.Text)
				}
				return
			}
			if m.Title != tt.title || m.Date != tt.date || m.URL != tt.url || m.Outlet != tt.outlet {
				t.Errorf("Meta = %+v, want title %q date %q url %q outlet %q", m, tt.title, tt.date, tt.url, tt.outlet)
			}
			if !strings.HasPrefix(doc.Text, tt.body) {
				t.Errorf("Text = %q, want prefix %q", doc.Text, tt.body)
			}
			if !strings.HasSuffix(tt.in, doc.Text) {
				t.Errorf("Text %q is not a suffix of the input", doc.Text)
			}
		})
	}
}

func TestOutlet(t *testing.T) {
	tests := []struct{ url, want string }{
		{"https://www.wfdd.org/story/x", "wfdd.org"},
		{"http://m.example.org/a?b=c", "example.org"},
		{"www.nytimes.com/2022/01/28/world", "nytimes.com"},
		{"https://EDITION.CNN.com:443/x", "edition.cnn.com"},
		{"not a url", ""},
	}
	for _, tt := range tests {
		t.Run(tt.url, func(t *testing.T) {
			if got := Outlet(tt.url); got != tt.want {
				t.Errorf("Outlet(%q) = %q, want %q", tt.url, got, tt.want)
			}
		})
	}
}

func TestSeeds(t *testing.T) {
	docs, errs := collect(t, []string{"../testdata/seeds"}, Options{})
	if errs.Len() > 0 {
		t.Fatalf("errors: %v", errs)
	}
	var ids []string
	for _, d := range docs {
		ids = append(ids, d.ID)
		if !strings.HasPrefix(d.Meta.Source, "../testdata/seeds/") {
			t.Errorf("%s: Source = %q", d.ID, d.Meta.Source)
		}
	}
	want := "000_4b0c201c662fbe5f 001_59f927b8ece5e2e9 002_4256778c1e978232 003_191ea25ab2cce821 004_f396a53512de1b8e"
	if got := strings.Join(ids, " "); got != want {
		t.Fatalf("IDs = %s, want %s", got, want)
	}
	if m := docs[1].Meta; m.Title == "" || m.Date != "20220128" || m.Outlet != "wfdd.org" {
		t.Errorf("001 Meta = %+v", m)
	}
	if m := docs[4].Meta; !strings.HasPrefix(m.Title, "Moscow is pessimistic") {
		t.Errorf("004 Meta = %+v", m)
	}
	if m := docs[0].Meta; m.Title != "" {
		t.Errorf("000 has title %q; its first line is a sentence", m.Title)
	}
}

func TestBadInput(t *testing.T) {
	tests := []struct {
		file string
		docs int
		errs []string // substrings of the errors, in order
	}{
		{"latin1.txt", 0, []string{"latin1.txt:1:16: invalid UTF-8 (byte 0xE9 at offset 15"}},
		{"image.txt", 0, []string{"image.txt: not text: a PNG image"}},
		{"nul.txt", 0, []string{"nul.txt:1:18: binary data (NUL byte at offset 17)"}},
		{"utf16.txt", 0, []string{"utf16.txt: not text: UTF-16"}},
		{"empty.txt", 0, []string{"empty.txt: empty file"}},
		{"blank.txt", 0, []string{"blank.txt: empty file"}},
		{"header-only.txt", 0, []string{"header-only.txt: no article text after the header lines"}},
		{"compressed.txt", 1, nil},
		{"report.pdf", 0, []string{"report.pdf: not text: a PDF document"}},
		{"good.jsonl.gz", 1, nil},
		{"mixed.jsonl", 3, []string{
			"mixed.jsonl:3:",
			"mixed.jsonl:4: no \"text\"",
			"mixed.jsonl:5: bad \"id\"",
			"mixed.jsonl:6:", // nested too deep
			"mixed.jsonl:8:29: invalid UTF-8",
			"mixed.jsonl:10:2: malformed JSON",
		}},
		{"array.json", 0, []string{"array.json: a JSON array, not JSON Lines"}},
		{"missing.txt", 0, []string{"missing.txt: cannot read input: no such file or directory"}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			docs, errs := collect(t, []string{filepath.Join("../testdata/source", tt.file)}, Options{})
			if len(docs) != tt.docs {
				t.Errorf("%d documents, want %d", len(docs), tt.docs)
			}
			if len(errs) != len(tt.errs) {
				t.Fatalf("errors:\n%v\nwant %d", errs, len(tt.errs))
			}
			for i, e := range errs {
				if !strings.Contains(e.Error(), tt.errs[i]) {
					t.Errorf("error %d = %q, want it to contain %q", i, e, tt.errs[i])
				}
			}
		})
	}
}

func TestJSONLRecords(t *testing.T) {
	docs, _ := collect(t, []string{"../testdata/source/mixed.jsonl"}, Options{})
	got := []string{}
	for _, d := range docs {
		got = append(got, d.ID+"@"+d.Meta.Source)
	}
	want := "a1@../testdata/source/mixed.jsonl:1 42@../testdata/source/mixed.jsonl:7 mixed:9@../testdata/source/mixed.jsonl:9"
	if strings.Join(got, " ") != want {
		t.Errorf("got %v, want %s", got, want)
	}
	if m := docs[0].Meta; m.Title != "First" || m.Date != "2022-01-28" || m.Outlet != "example.com" {
		t.Errorf("a1 Meta = %+v", m)
	}
}

func TestDirectory(t *testing.T) {
	docs, errs := collect(t, []string{"../testdata/source/corpus"}, Options{})
	var ids []string
	for _, d := range docs {
		ids = append(ids, d.ID)
	}
	// Hidden files are skipped; the two b.txt get path IDs; photo.jpg is
	// ignored.
	r := NewReader([]string{"../testdata/source/corpus"}, Options{})
	if got := r.Ignored(); len(got) != 1 || filepath.Base(got[0]) != "photo.jpg" {
		t.Errorf("Ignored() = %v, want photo.jpg", got)
	}
	want := "a b sub/b"
	if got := strings.Join(ids, " "); got != want {
		t.Errorf("IDs = %q, want %q", got, want)
	}
	if len(errs) != 0 {
		t.Errorf("errors = %v, want none", errs)
	}
	if m := docs[1].Meta; m.Title != "Second article" || !strings.HasPrefix(docs[1].Text, "The ministry") {
		t.Errorf("b.txt: Meta %+v, Text %q", m, docs[1].Text)
	}

	// With --format text, the unknown file is read (and found binary).
	_, errs = collect(t, []string{"../testdata/source/corpus"}, Options{Format: Text})
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "photo.jpg: not text: a JPEG image") {
		t.Errorf("errors with Format Text = %v", errs)
	}
}

func TestSymlinkLoop(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "a", "x.txt"), "The mayor said so.\n")
	if err := os.Symlink("..", filepath.Join(dir, "a", "up")); err != nil {
		t.Skip("no symbolic links:", err)
	}
	docs, errs := collect(t, []string{dir}, Options{})
	if len(docs) != 1 || docs[0].ID != "x" {
		t.Errorf("docs = %v, want x once", docs)
	}
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "symbolic link loop") {
		t.Errorf("errors = %v, want a loop", errs)
	}
}

func TestUnreadable(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "secret.txt")
	write(t, p, "The mayor said so.\n")
	if err := os.Chmod(p, 0); err != nil {
		t.Fatal(err)
	}
	if f, err := os.Open(p); err == nil {
		f.Close()
		t.Skip("running with permission to read any file")
	}
	_, errs := collect(t, []string{dir}, Options{})
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "secret.txt: cannot read input: permission denied") {
		t.Errorf("errors = %v", errs)
	}
}

func TestSizeLimit(t *testing.T) {
	dir := t.TempDir()
	long := strings.Repeat("word ", 1000) // one 5000-byte line
	write(t, filepath.Join(dir, "long.txt"), long)
	write(t, filepath.Join(dir, "long.jsonl"),
		`{"id":"a","text":"`+long+`"}`+"\n"+`{"id":"b","text":"short"}`+"\n")
	docs, errs := collect(t, []string{dir}, Options{MaxSize: 1000})
	if len(docs) != 1 || docs[0].ID != "b" {
		t.Errorf("docs = %v, want only b", docs)
	}
	want := []string{"long.jsonl:1: line longer than the 1000-byte limit", "long.txt: larger than the 1000-byte limit"}
	if len(errs) != len(want) {
		t.Fatalf("errors = %v", errs)
	}
	for i, w := range want {
		if !strings.Contains(errs[i].Error(), w) {
			t.Errorf("error %d = %v, want %q", i, errs[i], w)
		}
	}
}

func TestStdin(t *testing.T) {
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte(`{"id":"z","text":"Zipped JSON Lines."}` + "\n"))
	zw.Close()
	tests := []struct {
		name, in string
		id       string
	}{
		{"text", "Headline\n\nThe mayor said so.\n", "stdin-"},
		{"jsonl", ` {"id":"j1","text":"JSON on stdin."}` + "\n", "j1"},
		{"gzip jsonl", gz.String(), "z"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, errs := collect(t, []string{"-"}, Options{Stdin: strings.NewReader(tt.in)})
			if errs.Len() > 0 || len(docs) != 1 || !strings.HasPrefix(docs[0].ID, tt.id) {
				t.Errorf("docs %v errs %v, want ID %q", docs, errs, tt.id)
			}
		})
	}
}

func TestStopEarly(t *testing.T) {
	n := 0
	for _, err := range Read([]string{"../testdata/source/mixed.jsonl"}, Options{}) {
		n++
		if err != nil {
			break
		}
	}
	if n != 2 {
		t.Errorf("read %d items before stopping at the first error, want 2", n)
	}
}

func TestErrorList(t *testing.T) {
	var l ErrorList
	if l.Err() != nil {
		t.Fatal("empty list is an error")
	}
	l.Add(&Error{Path: "b.txt", Msg: "empty file"})
	l.Add(&Error{Path: "a.jsonl", Line: 3, Column: 7, Msg: "malformed JSON", Err: errors.New("unexpected end")})
	l.Sort()
	want := "a.jsonl:3:7: malformed JSON: unexpected end (and 1 more errors)"
	if got := l.Err().Error(); got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}

func write(t *testing.T, path, s string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}
