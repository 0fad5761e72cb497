package tokenize

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"

	"kg/extract"
)

func TestReut(t *testing.T) {
	if os.Getenv("REUT") == "" {
		t.Skip()
	}
	f, _ := os.Open("/work/shared/corpus/reuters21578.jsonl.gz")
	z, _ := gzip.NewReader(f)
	sc := bufio.NewScanner(z)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	n := 0
	wrapped := 0
	for sc.Scan() {
		var r struct{ Text string }
		json.Unmarshal(sc.Bytes(), &r)
		n++
		w, _ := layout(r.Text)
		if w {
			wrapped++
		}
		if n >= 300 && n < 303 {
			doc := &extract.Document{Text: r.Text}
			New().Annotate(doc)
			fmt.Println("=====", w)
			for _, s := range doc.Sentences {
				fmt.Printf("  > %s\n", strings.ReplaceAll(doc.Slice(s.Span), "\n", "⏎"))
			}
		}
	}
	fmt.Println("docs", n, "wrapped", wrapped)
}
