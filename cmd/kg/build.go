package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"kg"
	"kg/extract/entity"
	"kg/source"
)

// defaultGraph is the graph file kg build writes when -o is not given.
const defaultGraph = "kg.db"

// maxListed bounds the input errors kg build prints; the count is always
// printed.
const maxListed = 20

func buildCommand() *command {
	c := &command{
		name:  "build",
		args:  "[flags] INPUT...",
		short: "Extract facts from articles into a graph.",
		long: `
Build reads news articles, extracts who said what about whom, and stores the
facts with their sentences in a graph (by default the file ` + defaultGraph + `).

INPUT is a file, a directory (read recursively in name order; hidden files
are skipped, and so are files whose names do not say they are articles), or
- for standard input. Formats, by file name:

  .txt .text         one article per file. Leading header lines become
                     metadata: a short first line without final punctuation
                     is the title; lines that are only a date, only a URL,
                     or a "By NAME" byline are read as such.
  .jsonl .ndjson     one article per line: {"id","title","date","url","text"}
  NAME.gz            gzip-compressed; .json.gz is JSON Lines too

A document's ID is its file name without extensions (its path, when two
files share a name), or the "id" of a JSON Lines record.

Building is incremental: documents already in the graph with the same text
and metadata are not extracted again, and a changed document replaces its
older version. Interrupting a build (Ctrl-C) keeps every committed batch;
run the same command again to resume.

Inputs that cannot be read (not UTF-8, binary, empty, malformed JSON,
unreadable) are reported with file and line and skipped; the build then
exits with status 3. With -strict it stops at the first one, status 1.

An alias file (-aliases) corrects entity resolution, one rule a line:

  alias Mr. P = Dmitry Peskov            this surface form names that entity
  merge Kremlin press office = Kremlin   one entity; the right name wins
  split John Smith                       joined only by this exact name

Examples:

  kg build -o news.db articles/
  kg build -o news.db -j 2 2022-01/*.txt extra.jsonl.gz
  zcat dump.jsonl.gz | kg build -o news.db -
  kg build -store leveldb:news.ldb -json articles/ > summary.json
`,
	}
	c.run = func(ctx context.Context, e *env, args []string) error {
		fs := c.flags(e)
		out := fs.String("o", defaultGraph, "graph `file` to create or update")
		store := fs.String("store", "", "graph store `address` instead of a file: leveldb:DIR, postgres://..., mem")
		format := fs.String("format", "auto", "read inputs as `FORMAT`: auto (by file name), text or jsonl")
		strict := fs.Bool("strict", false, "stop at the first bad input (exit 1) instead of skipping it")
		quiet := fs.Bool("quiet", false, "print only errors: no progress, no summary")
		fs.BoolVar(quiet, "q", false, "short for -quiet")
		jsonOut := fs.Bool("json", false, "print the summary as JSON on standard output")
		workers := fs.Int("j", 0, "extract `N` documents at once (default: one per CPU)")
		maxSize := fs.Int("max-size", source.DefaultMaxSize, "skip articles (files or JSON lines) larger than `N` bytes")
		aliasFile := fs.String("aliases", "", "read corrections to entity resolution from `file` (see above)")
		if err := parse(fs, args); err != nil {
			return err
		}
		if fs.NArg() == 0 {
			return usagef("no inputs: name files, directories, or - for standard input")
		}
		addr := *out
		if *store != "" {
			if flagSet(fs, "o") {
				return usagef("-o and -store both name the graph; give one")
			}
			addr = *store
		}
		f, err := source.ParseFormat(*format)
		if err != nil {
			return usagef("-format: %v", err)
		}
		if *workers < 0 {
			return usagef("-j %d: want 0 (one per CPU) or more workers", *workers)
		}
		if *maxSize <= 0 {
			return usagef("-max-size %d: want a positive number of bytes", *maxSize)
		}
		var aliases *entity.Aliases
		if *aliasFile != "" {
			if aliases, err = readAliases(*aliasFile); err != nil {
				return err
			}
		}

		g, err := kg.Open(addr)
		if err != nil {
			return err
		}
		defer g.Close()
		opts := kg.BuildOptions{
			Source:  source.Options{Format: f, Stdin: e.stdin, MaxSize: *maxSize},
			Workers: *workers,
			Strict:  *strict,
			Aliases: aliases,
		}
		var bar *progressBar
		if !*quiet && isTerminalWriter(e.stderr) {
			bar = &progressBar{w: e.stderr}
			opts.Progress = bar.update
		}
		st, err := g.Build(ctx, fs.Args(), opts)
		bar.clear()
		printErrors(e.stderr, st.Errors, err)
		if len(st.Ignored) > 0 && !*quiet {
			fmt.Fprintf(e.stderr, "kg build: ignored %s in directories whose names do not say they are articles (first: %s); use -format text to read them\n",
				plural(len(st.Ignored), "file"), st.Ignored[0])
		}
		started := err == nil || errors.Is(err, context.Canceled) || st.Documents+st.Present+st.Skipped > 0
		switch {
		case !started: // failed before reading anything: the error says why
		case *jsonOut:
			if werr := writeJSON(e.stdout, buildSummary(addr, st)); werr != nil {
				return werr
			}
		case !*quiet:
			fmt.Fprintln(e.stderr, summaryLine(st))
		}
		if errors.Is(err, context.Canceled) {
			fmt.Fprintf(e.stderr, "kg build: interrupted after storing %s; run the same command again to resume\n", plural(st.Documents, "document"))
		}
		if err != nil {
			return err
		}
		if st.Skipped > 0 {
			return &partialError{fmt.Sprintf("%d inputs skipped (see above)", st.Skipped)}
		}
		return nil
	}
	return c
}

// readAliases reads an entity alias file.
func readAliases(name string) (*entity.Aliases, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, fmt.Errorf("-aliases: %w", err)
	}
	defer f.Close()
	return entity.ParseAliases(f, name)
}

// flagSet reports whether the flag was given on the command line.
func flagSet(fs *flag.FlagSet, name string) bool {
	found := false
	fs.Visit(func(f *flag.Flag) { found = found || f.Name == name })
	return found
}

// plural formats a count of things: "1 file", "2 files".
func plural(n int, thing string) string {
	if n == 1 {
		return "1 " + thing
	}
	return fmt.Sprintf("%d %ss", n, thing)
}

// summaryLine is the one-line report of a build.
func summaryLine(st kg.BuildStats) string {
	return fmt.Sprintf("built %s (%d skipped, %d already present): %s, %s, %s in %s",
		plural(st.Documents, "document"), st.Skipped, st.Present, plural(st.Sentences, "sentence"),
		plural(st.Facts, "fact"), plural(st.Quads, "quad"), st.Elapsed.Round(time.Millisecond))
}

// buildJSON is the -json summary of a build.
type buildJSON struct {
	Graph     string   `json:"graph"`
	Documents int      `json:"documents"`
	Present   int      `json:"present"`
	Skipped   int      `json:"skipped"`
	Sentences int      `json:"sentences"`
	Mentions  int      `json:"mentions"`
	Facts     int      `json:"facts"`
	Quads     int      `json:"quads"`
	Seconds   float64  `json:"seconds"`
	Errors    []string `json:"errors"`
	Ignored   []string `json:"ignored"`
}

func buildSummary(addr string, st kg.BuildStats) buildJSON {
	s := buildJSON{
		Graph: addr, Documents: st.Documents, Present: st.Present, Skipped: st.Skipped,
		Sentences: st.Sentences, Mentions: st.Mentions, Facts: st.Facts, Quads: st.Quads,
		Seconds: st.Elapsed.Seconds(), Errors: []string{}, Ignored: st.Ignored,
	}
	for _, e := range st.Errors {
		s.Errors = append(s.Errors, e.Error())
	}
	if s.Ignored == nil {
		s.Ignored = []string{}
	}
	return s
}

// printErrors lists input errors, at most maxListed of them, leaving out
// the error the command returns (a strict build's first error).
func printErrors(w io.Writer, errs source.ErrorList, returned error) {
	n := 0
	for _, e := range errs {
		if error(e) == returned {
			continue
		}
		if n++; n > maxListed {
			fmt.Fprintf(w, "... and %d more\n", len(errs)-maxListed)
			break
		}
		fmt.Fprintln(w, e)
	}
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false) // IRIs are written <like this>
	return enc.Encode(v)
}

// isTerminalWriter reports whether w is a terminal.
func isTerminalWriter(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && isTerminal(f)
}

// progressBar draws the state of a build on one terminal line.
type progressBar struct {
	w     io.Writer
	last  time.Time
	drawn bool
}

func (b *progressBar) update(p kg.Progress) {
	now := time.Now()
	if now.Sub(b.last) < 200*time.Millisecond {
		return
	}
	b.last = now
	done := p.Documents + p.Present + p.Skipped
	line := fmt.Sprintf("%d documents", done)
	if secs := p.Elapsed.Seconds(); secs > 0 {
		line += fmt.Sprintf(", %.1f articles/s", float64(p.Documents)/secs)
	}
	if p.TotalBytes > 0 && p.Bytes > 0 {
		frac := float64(p.Bytes) / float64(p.TotalBytes)
		line = fmt.Sprintf("%3.0f%% %s", 100*frac, line)
		if frac > 0.01 && frac < 1 {
			eta := time.Duration(float64(p.Elapsed) * (1 - frac) / frac)
			line += ", ETA " + eta.Round(time.Second).String()
		}
	}
	fmt.Fprintf(b.w, "\r\033[K%s", line)
	b.drawn = true
}

// clear erases the bar; it is a no-op on a nil bar.
func (b *progressBar) clear() {
	if b != nil && b.drawn {
		fmt.Fprint(b.w, "\r\033[K")
	}
}

// openGraph opens the graph named on a command line.
func openGraph(addr string, opts ...kg.Option) (*kg.Graph, error) {
	if strings.TrimSpace(addr) == "" {
		return nil, usagef("empty graph name")
	}
	return kg.Open(addr, opts...)
}
