package source_test

import (
	"fmt"
	"strings"

	"kg/source"
)

// Read documents from JSON Lines on standard input; bad records are
// reported with their line and skipped.
func ExampleRead() {
	in := `{"id":"a1","title":"Talks resume","url":"https://www.example.com/a1","text":"Officials said talks would resume."}
{"id":"a2","text":
{"id":"a3","text":"The mayor said the bridge would reopen."}
`
	for doc, err := range source.Read([]string{"-"}, source.Options{Stdin: strings.NewReader(in)}) {
		if err != nil {
			fmt.Println("skipped:", err)
			continue
		}
		fmt.Printf("%s %q from %s (%s)\n", doc.ID, doc.Meta.Title, doc.Meta.Source, doc.Meta.Outlet)
	}
	// Output:
	// a1 "Talks resume" from -:1 (example.com)
	// skipped: -:2:18: malformed JSON: unexpected end of JSON input
	// a3 "" from -:3 ()
}

// A text file's header lines become metadata.
func ExampleParseText() {
	doc := source.ParseText("Russia sees little ground for optimism\n20220128\nhttps://www.wfdd.org/story/russia\nUkraine's Foreign Minister Dmytro Kuleba said ...\n")
	fmt.Printf("title: %s\ndate: %s\noutlet: %s\ntext: %s", doc.Meta.Title, doc.Meta.Date, doc.Meta.Outlet, doc.Text)
	// Output:
	// title: Russia sees little ground for optimism
	// date: 20220128
	// outlet: wfdd.org
	// text: Ukraine's Foreign Minister Dmytro Kuleba said ...
}
