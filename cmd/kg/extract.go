package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"sync"

	"kg/extract"
	"kg/extract/openie"
	"kg/extract/pipeline"
)

func extractCommand() *command {
	c := &command{
		name:  "extract",
		args:  "[flags] [FILE]",
		short: "Print the facts extracted from a text (or one sentence per line).",
		long: `With --format json (the default) or tsv, FILE (or standard input) is one
document of plain text; every fact is printed with its kind, arguments,
negation, modality, attribution and confidence.

With --format carb, every line is one sentence already tokenized in the
Penn Treebank style (as in the CaRB benchmark), and each extraction is
printed in CaRB's tabbed format: SENTENCE, CONFIDENCE, RELATION, ARG1,
ARG2 ... Score the output with "kg eval carb --pred".`,
	}
	c.run = func(ctx context.Context, e *env, args []string) error {
		fs := c.flags(e)
		format := fs.String("format", "json", "output `format`: json, tsv or carb")
		if err := parse(fs, args); err != nil {
			return err
		}
		if fs.NArg() > 1 {
			return usagef("want at most one FILE, have %d", fs.NArg())
		}
		in, name, err := input(e, fs.Arg(0))
		if err != nil {
			return err
		}
		defer in.Close()
		switch *format {
		case "carb":
			lines, err := readLines(in, name)
			if err != nil {
				return err
			}
			out, err := carbExtract(ctx, lines)
			if err != nil {
				return err
			}
			w := bufio.NewWriter(e.stdout)
			for _, l := range out {
				w.WriteString(l)
			}
			return w.Flush()
		case "json", "tsv":
			text, err := io.ReadAll(in)
			if err != nil {
				return fmt.Errorf("%s: %w", name, err)
			}
			p, err := pipeline.Default()
			if err != nil {
				return err
			}
			doc := &extract.Document{ID: name, Text: string(text), Meta: extract.Meta{Source: name}}
			if err := p.Process(doc); err != nil {
				return err
			}
			if *format == "json" {
				return writeFactsJSON(e.stdout, doc)
			}
			return writeFactsTSV(e.stdout, doc)
		default:
			return usagef("unknown format %q (want json, tsv or carb)", *format)
		}
	}
	return c
}

// input opens path, or standard input when path is "" or "-".
func input(e *env, path string) (io.ReadCloser, string, error) {
	if path == "" || path == "-" {
		return io.NopCloser(e.stdin), "stdin", nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, "", err
	}
	return f, path, nil
}

// readLines returns the non-blank lines of r, without line ends.
func readLines(r io.Reader, name string) ([]string, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	var lines []string
	for sc.Scan() {
		if l := strings.TrimSpace(sc.Text()); l != "" {
			lines = append(lines, l)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return lines, nil
}

// carbExtract runs the pipeline on tokenized sentences, one per line, on
// every core, and returns for each line its extractions in CaRB's tabbed
// format (each ending in a newline), in input order.
func carbExtract(ctx context.Context, lines []string) ([]string, error) {
	p, err := pipeline.Tokenized()
	if err != nil {
		return nil, err
	}
	x := openie.New()
	out := make([]string, len(lines))
	errs := make([]error, len(lines))
	next := make(chan int)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				doc := pipeline.Pretokenized(fmt.Sprintf("line%d", i+1), lines[i])
				if err := p.ProcessTokens(doc); err != nil {
					errs[i] = fmt.Errorf("line %d: %w", i+1, err)
					continue
				}
				var b strings.Builder
				for _, t := range x.Tuples(doc) {
					fmt.Fprintf(&b, "%s\t%.4f\t%s", lines[i], t.Confidence, oneField(t.Rel))
					for _, a := range t.Args {
						b.WriteString("\t" + oneField(a))
					}
					b.WriteByte('\n')
				}
				out[i] = b.String()
			}
		}()
	}
	for i := range lines {
		if ctx.Err() != nil {
			break
		}
		next <- i
	}
	close(next)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// oneField makes s safe for a TAB-separated column.
func oneField(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return ' '
		}
		return r
	}, s)
}

// jsonArg and jsonFact are the JSON form of extracted facts.
type jsonArg struct {
	Text    string `json:"text"`
	Start   int    `json:"start"`
	End     int    `json:"end"`
	Role    string `json:"role,omitempty"`
	Mention int    `json:"mention"`
}

type jsonFact struct {
	Kind       string    `json:"kind"`
	Subject    jsonArg   `json:"subject"`
	Relation   string    `json:"relation"`
	RelText    string    `json:"rel_text"`
	Object     *jsonArg  `json:"object,omitempty"`
	Extra      []jsonArg `json:"extra,omitempty"`
	Negated    bool      `json:"negated,omitempty"`
	Modality   string    `json:"modality,omitempty"`
	Attributed int       `json:"attributed"`
	Confidence float64   `json:"confidence"`
	Sentence   int       `json:"sentence"`
	Text       string    `json:"text"`
}

func toJSONArg(a extract.Arg) jsonArg {
	return jsonArg{Text: a.Text, Start: a.Start, End: a.End, Role: a.Role, Mention: a.Mention}
}

// writeFactsJSON writes doc's facts as one JSON object per line.
func writeFactsJSON(w io.Writer, doc *extract.Document) error {
	enc := json.NewEncoder(w)
	for _, f := range doc.Facts {
		j := jsonFact{Kind: f.Kind.String(), Subject: toJSONArg(f.Subject), Relation: f.Relation,
			RelText: f.RelText, Negated: f.Negated, Modality: f.Modality, Attributed: f.Attributed,
			Confidence: f.Confidence, Sentence: f.Sentence, Text: doc.Slice(doc.Sentences[f.Sentence].Span)}
		if f.Object.Text != "" {
			o := toJSONArg(f.Object)
			j.Object = &o
		}
		for _, a := range f.Extra {
			j.Extra = append(j.Extra, toJSONArg(a))
		}
		if err := enc.Encode(j); err != nil {
			return err
		}
	}
	return nil
}

// writeFactsTSV writes doc's facts one per line: sentence, kind, confidence,
// subject, relation, object, negation, modality, attribution, extras.
func writeFactsTSV(w io.Writer, doc *extract.Document) error {
	bw := bufio.NewWriter(w)
	for _, f := range doc.Facts {
		neg := ""
		if f.Negated {
			neg = "not"
		}
		fmt.Fprintf(bw, "%d\t%s\t%.3f\t%s\t%s\t%s\t%s\t%s\t%d", f.Sentence, f.Kind, f.Confidence,
			oneField(f.Subject.Text), f.Relation, oneField(f.Object.Text), neg, oneField(f.Modality), f.Attributed)
		for _, a := range f.Extra {
			fmt.Fprintf(bw, "\t%s:%s", a.Role, oneField(a.Text))
		}
		bw.WriteByte('\n')
	}
	return bw.Flush()
}
