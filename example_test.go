package kg_test

import (
	"context"
	"fmt"
	"log"
	"os"
	"strings"

	"kg"
	"kg/source"
)

// Build articles into a graph and ask it a question with Gizmo.
func Example() {
	ctx := context.Background()
	g, err := kg.Open("mem") // or a file: kg.Open("news.db")
	if err != nil {
		log.Fatal(err)
	}
	defer g.Close()

	articles := `{"id":"a1","title":"Talks to resume","url":"https://www.example.com/a1","text":"Foreign Minister Sergey Lavrov said on Friday that talks would resume."}
{"id":"a2","text":"The mayor said the bridge would reopen in May."}
`
	st, err := g.Build(ctx, []string{"-"}, kg.BuildOptions{
		Source: source.Options{Stdin: strings.NewReader(articles)},
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%d documents, %d skipped\n", st.Documents, st.Skipped)

	res, err := g.Gizmo(ctx, `g.V("<http://kg.local/doc/a1>").Out("<http://schema.org/headline>").All()`, 0)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(res)

	// Building the same input again finds everything present.
	st, _ = g.Build(ctx, []string{"-"}, kg.BuildOptions{Source: source.Options{Stdin: strings.NewReader(articles)}})
	fmt.Printf("%d documents, %d already present\n", st.Documents, st.Present)
	// Output:
	// 2 documents, 0 skipped
	// [map[id:Talks to resume]]
	// 0 documents, 2 already present
}

// Import N-Quads and export them again; malformed lines are reported with
// their position and skipped.
func ExampleGraph_Import() {
	g, err := kg.Open("mem")
	if err != nil {
		log.Fatal(err)
	}
	defer g.Close()
	nq := `<http://kg.local/entity/Kremlin> <http://www.w3.org/2000/01/rdf-schema#label> "Kremlin" .
<http://kg.local/entity/Kremlin> <http://www.w3.org/2000/01/rdf-schema#label "broken .
`
	st, err := g.Import(strings.NewReader(nq), "kremlin.nq", false)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(st.Quads, "quads,", st.Skipped, "skipped:", st.Errors)
	if err := g.Export(os.Stdout); err != nil {
		log.Fatal(err)
	}
	// Output:
	// 1 quads, 1 skipped: kremlin.nq:2:77: character ' ' not allowed in IRI
	// <http://kg.local/entity/Kremlin> <http://www.w3.org/2000/01/rdf-schema#label> "Kremlin" .
}
