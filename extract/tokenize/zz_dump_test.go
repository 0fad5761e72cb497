package tokenize

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"kg/extract"
)

func TestDump(t *testing.T) {
	f := os.Getenv("DUMP")
	if f == "" {
		t.Skip()
	}
	b, _ := os.ReadFile(f)
	doc := &extract.Document{Text: string(b)}
	New().Annotate(doc)
	for i := range doc.Sentences {
		var parts []string
		for _, tk := range doc.SentenceTokens(i) {
			p := tk.Text
			if tk.Norm != tk.Text {
				p += "{" + tk.Norm + "}"
			}
			parts = append(parts, p)
		}
		fmt.Printf("[%d] %s\n", i, strings.Join(parts, "|"))
	}
}
