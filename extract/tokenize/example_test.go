package tokenize_test

import (
	"fmt"
	"strings"

	"kg/extract"
	"kg/extract/tokenize"
)

func ExampleTokenizer_Annotate() {
	doc := &extract.Document{Text: "MOSCOW—The Kremlin said there was “little ground for optimism” after the U.S. rejected Russia’s demands.\"We don't know,\" Mr. Peskov said."}
	if err := tokenize.New().Annotate(doc); err != nil {
		fmt.Println(err)
		return
	}
	for i := range doc.Sentences {
		var norms []string
		for _, t := range doc.SentenceTokens(i) {
			norms = append(norms, t.Norm)
		}
		fmt.Println(strings.Join(norms, " "))
	}
	// Output:
	// MOSCOW -- The Kremlin said there was " little ground for optimism " after the U.S. rejected Russia 's demands .
	// " We do n't know , " Mr. Peskov said .
}
