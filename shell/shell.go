// Package shell is kg's interactive query shell: a REPL over a graph.Store
// that speaks Gizmo and kg's path language (package pathq), with meta
// commands (:why, :entities, :schema, ...), completion, history and
// multi-line input.
//
// A Shell reads from an io.Reader and writes to io.Writers; it never exits
// the process. Interactive shells use readline (prompt, Tab completion,
// history file, Ctrl-C to cancel); others read lines and print the same
// results without decoration, as JSON by default. Errors in one input are
// printed on one line and the shell goes on. Input handling that can be
// pure is: CheckGizmo, Detect and ParseMeta are functions of a string.
package shell

import (
	"bufio"
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/cayleygraph/quad"
	"github.com/chzyer/readline"

	"kg/graph"
	"kg/pathq"
)

// Config configures a Shell.
type Config struct {
	Store   *graph.Store
	Name    string        // the graph's address, for messages
	Timeout time.Duration // time limit of one query; 0 for none
	Lang    Lang
	Format  Format
	// Interactive makes a terminal shell: prompts, readline editing,
	// completion and history. Its input must be the terminal.
	Interactive bool
	HistoryFile string // history of an interactive shell; "" for none
	MaxRows     int    // table rows printed before the rest is counted; 0 for 50
	// Interrupt delivers Ctrl-C (SIGINT) while a query runs; each one
	// cancels the running query. nil when there is no terminal.
	Interrupt <-chan os.Signal
}

// Shell is one session over a store.
type Shell struct {
	cfg     Config
	in      io.Reader
	out     io.Writer
	errOut  io.Writer
	lang    Lang
	format  Format
	timeout time.Duration
	pending string // earlier lines of an unfinished Gizmo input

	names *pathq.Names // loads in the background
	eval  *pathq.Evaluator

	vocabOnce sync.Once
	vocab     *vocabulary
}

// errQuit ends Run without error.
var errQuit = errors.New("quit")

// New starts a session. It reads the graph's names for resolution and
// completion in the background, so that the prompt comes at once; path
// queries wait for them. Close the shell before the store.
func New(ctx context.Context, cfg Config, in io.Reader, out, errOut io.Writer) *Shell {
	if cfg.MaxRows <= 0 {
		cfg.MaxRows = 50
	}
	names := pathq.LoadNames(ctx, cfg.Store)
	return &Shell{cfg: cfg, in: in, out: out, errOut: errOut, lang: cfg.Lang, format: cfg.Format,
		timeout: cfg.Timeout, names: names, eval: pathq.New(cfg.Store, names)}
}

// Close stops loading the name index and waits for it to end.
func (sh *Shell) Close() { sh.names.Close() }

// Ready waits until the name index is loaded, or ctx is done.
func (sh *Shell) Ready(ctx context.Context) error {
	_, err := sh.names.Wait(ctx)
	return err
}

// Run reads and executes inputs until the end of input, :quit, or ctx is
// done. A non-interactive run returns an error counting the inputs that
// failed.
func (sh *Shell) Run(ctx context.Context) error {
	if sh.cfg.Interactive {
		return sh.runInteractive(ctx)
	}
	return sh.runScript(ctx)
}

// runScript executes lines from the input without prompts. A Gizmo
// input waits for the next line: one starting with "." continues it, in
// the style of Cayley's examples.
func (sh *Shell) runScript(ctx context.Context) error {
	sc := bufio.NewScanner(sh.in)
	sc.Buffer(make([]byte, 0, 64*1024), 16<<20)
	var (
		failed, total, n int
		held             string // a complete Gizmo input that a ".Method" line may continue
		first, heldFirst int    // first lines of the pending and held inputs
	)
	run := func(input string, line int) error {
		total++
		err := sh.Exec(ctx, input)
		if err != nil && !errors.Is(err, errQuit) {
			failed++
			fmt.Fprintf(sh.errOut, "line %d: %v\n", line, err)
		}
		return err
	}
	for sc.Scan() {
		n++
		text := sc.Text()
		if held != "" {
			if strings.HasPrefix(strings.TrimSpace(text), ".") {
				sh.pending, first = held, heldFirst
			} else if err := run(held, heldFirst); errors.Is(err, errQuit) || ctx.Err() != nil {
				return cmp.Or(ctx.Err(), sh.scriptResult(failed, total))
			}
			held = ""
		}
		if sh.pending == "" {
			first = n
		}
		input, ok := sh.feed(text)
		switch {
		case !ok:
			continue
		case sh.isGizmo(input):
			held, heldFirst = input, first
		default:
			if err := run(input, first); errors.Is(err, errQuit) || ctx.Err() != nil {
				return cmp.Or(ctx.Err(), sh.scriptResult(failed, total))
			}
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read input: %w", err)
	}
	if held != "" {
		run(held, heldFirst)
	}
	if sh.pending != "" {
		failed++
		total++
		fmt.Fprintf(sh.errOut, "line %d: input ends inside an unfinished Gizmo query\n", first)
	}
	return sh.scriptResult(failed, total)
}

// isGizmo reports whether a complete input is a Gizmo query.
func (sh *Shell) isGizmo(input string) bool {
	_, meta := ParseMeta(input)
	return !meta && sh.langOf(input) == Gizmo
}

func (sh *Shell) scriptResult(failed, total int) error {
	if failed > 0 {
		return fmt.Errorf("%d of %d %s failed", failed, total, plural(total, "input"))
	}
	return nil
}

// feed adds one line of input. It returns a complete input to execute, or
// ok false while a Gizmo input is unfinished or the line is blank or a
// comment.
func (sh *Shell) feed(line string) (input string, ok bool) {
	if sh.pending == "" {
		t := strings.TrimSpace(line)
		if t == "" || strings.HasPrefix(t, "#") {
			return "", false
		}
		if !sh.isGizmo(t) {
			return t, true
		}
		line = t
	} else {
		line = sh.pending + "\n" + line
	}
	if CheckGizmo(line) == ErrIncomplete {
		sh.pending = line
		return "", false
	}
	sh.pending = ""
	return line, true
}

// langOf is the language an input is read in.
func (sh *Shell) langOf(input string) Lang {
	if sh.lang == Auto {
		return Detect(input)
	}
	return sh.lang
}

// Exec executes one complete input: a meta command, a Gizmo query or a path
// query, printing its results.
func (sh *Shell) Exec(ctx context.Context, input string) error {
	if m, ok := ParseMeta(input); ok {
		return sh.meta(ctx, m)
	}
	_, err := sh.Query(ctx, input, 0)
	return err
}

// Query runs a Gizmo or path query under the time limit and prints at most
// limit results (all when limit <= 0, though tables fetch a bounded
// number). It returns how many results it printed or counted.
func (sh *Shell) Query(ctx context.Context, input string, limit int) (int, error) {
	ctx, cancel := sh.queryContext(ctx)
	defer cancel()
	var (
		n   int
		err error
	)
	if sh.langOf(input) == Gizmo {
		n, err = sh.gizmo(ctx, input, limit)
	} else {
		n, err = sh.path(ctx, input, limit)
	}
	return n, sh.queryError(ctx, err)
}

// queryContext bounds a query by the time limit and cancels it on an
// interrupt.
func (sh *Shell) queryContext(ctx context.Context) (context.Context, context.CancelFunc) {
	var cancel context.CancelFunc
	if sh.timeout > 0 {
		ctx, cancel = context.WithTimeout(ctx, sh.timeout)
	} else {
		ctx, cancel = context.WithCancel(ctx)
	}
	if sh.cfg.Interrupt == nil {
		return ctx, cancel
	}
	// Forget interrupts that arrived while no query ran.
	for len(sh.cfg.Interrupt) > 0 {
		<-sh.cfg.Interrupt
	}
	done := make(chan struct{})
	go func() {
		select {
		case <-sh.cfg.Interrupt:
			cancel()
		case <-done:
		}
	}()
	return ctx, func() { close(done); cancel() }
}

// queryError words the errors of a stopped query.
func (sh *Shell) queryError(ctx context.Context, err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, context.DeadlineExceeded) || errors.Is(ctx.Err(), context.DeadlineExceeded):
		return fmt.Errorf("query stopped after %s (set a longer limit with :timeout or --timeout)", sh.timeout)
	case errors.Is(err, context.Canceled) || ctx.Err() != nil:
		return errors.New("query interrupted")
	}
	return err
}

// rowCap is how many Gizmo results a table fetches at most.
const rowCap = 100000

func (sh *Shell) gizmo(ctx context.Context, src string, limit int) (int, error) {
	fetch := limit
	if sh.format == Table && (limit <= 0 || limit > rowCap) {
		fetch = rowCap
	}
	res, err := sh.cfg.Store.Gizmo(ctx, src, fetch)
	if err != nil {
		return 0, err
	}
	if sh.format == JSON {
		return len(res), writeJSON(sh.out, res)
	}
	header, rows := gizmoTable(res)
	writeTable(sh.out, header, rows, sh.cfg.MaxRows, 0)
	if len(res) == rowCap {
		fmt.Fprintf(sh.out, "(stopped at %s results; add .Limit(n) or use :format json)\n", thousands(rowCap))
	}
	return len(res), nil
}

func (sh *Shell) path(ctx context.Context, src string, limit int) (int, error) {
	r, err := sh.eval.Run(ctx, src, limit)
	if err != nil {
		return 0, err
	}
	if sh.format == JSON {
		sh.notes(sh.errOut, r)
		return len(r.Rows), writeJSON(sh.out, pathJSON(r))
	}
	sh.notes(sh.out, r)
	header, rows := pathTable(r)
	writeTable(sh.out, header, rows, sh.cfg.MaxRows, r.Total-len(r.Rows))
	return len(r.Rows), nil
}

// notes prints how the query was read; in scripts they go to the error
// stream so that standard output stays JSON.
func (sh *Shell) notes(w io.Writer, r *pathq.Result) {
	if !sh.cfg.Interactive && sh.format == Table {
		w = sh.errOut
	}
	for _, n := range r.Notes {
		fmt.Fprintf(w, "note: %s\n", n)
	}
}

// vocabulary returns the names completion offers, computed once the index
// is loaded; until then it offers only commands and keywords.
func (sh *Shell) vocabulary() *vocabulary {
	x := sh.names.Loaded()
	if x == nil {
		return &vocabulary{}
	}
	sh.vocabOnce.Do(func() {
		v := &vocabulary{names: x.Names()}
		for _, e := range x.Entities() {
			v.iris = append(v.iris, "<"+e.IRI+">")
		}
		for _, r := range x.Relations() {
			v.relations = append(v.relations, r.Name)
			v.iris = append(v.iris, "<"+string(graph.RelationIRI(r.Name))+">")
		}
		for _, p := range schemaTerms {
			v.iris = append(v.iris, "<"+string(p)+">")
		}
		sh.vocab = v
	})
	return sh.vocab
}

// schemaTerms are the schema's IRIs offered in Gizmo strings.
var schemaTerms = []quad.IRI{
	graph.Label, graph.AltLabel, graph.RDFType, graph.Mentions, graph.Text, graph.InDocument,
	graph.Quote, graph.FactKind, graph.RDFSubject, graph.RDFPredicate, graph.RDFObject, graph.Sentence,
	graph.Headline, graph.Publisher, graph.DatePublished, graph.Person, graph.Organization, graph.Place,
	graph.Negated, graph.Modality, graph.AttributedTo, graph.Kind,
}

// prompts of an interactive shell.
const (
	prompt         = "kg> "
	continuePrompt = "... "
)

func (sh *Shell) runInteractive(ctx context.Context) error {
	in, ok := sh.in.(io.ReadCloser)
	if !ok {
		in = io.NopCloser(sh.in)
	}
	rl, err := readline.NewEx(&readline.Config{
		Prompt:                 prompt,
		HistoryFile:            sh.cfg.HistoryFile,
		HistoryLimit:           5000,
		DisableAutoSaveHistory: true,
		HistorySearchFold:      true,
		AutoComplete:           completer{sh},
		InterruptPrompt:        "^C",
		EOFPrompt:              "",
		Stdin:                  in,
		Stdout:                 sh.out,
		Stderr:                 sh.errOut,
		FuncIsTerminal:         func() bool { return true },
	})
	if err != nil {
		return fmt.Errorf("start line editor: %w", err)
	}
	defer rl.Close()
	sh.banner()
	for ctx.Err() == nil {
		line, err := rl.Readline()
		switch {
		case errors.Is(err, readline.ErrInterrupt):
			// Ctrl-C at the prompt drops the line and any unfinished input.
			sh.pending = ""
			rl.SetPrompt(prompt)
			continue
		case errors.Is(err, io.EOF):
			if sh.pending != "" {
				sh.pending = ""
				rl.SetPrompt(prompt)
				fmt.Fprintln(sh.out)
				continue
			}
			return nil
		case err != nil:
			return err
		}
		input, ok := sh.feed(line)
		if !ok {
			if sh.pending != "" {
				rl.SetPrompt(continuePrompt)
			}
			continue
		}
		rl.SetPrompt(prompt)
		rl.SaveHistory(strings.Join(strings.Fields(input), " "))
		err = sh.Exec(ctx, input)
		if errors.Is(err, errQuit) {
			return nil
		}
		if err != nil {
			fmt.Fprintf(sh.errOut, "error: %v\n", err)
		}
	}
	return nil
}

// banner greets an interactive user.
func (sh *Shell) banner() {
	fmt.Fprintf(sh.out, "kg shell on %s. Type :help for help; Tab completes; Ctrl-D leaves.\n", sh.cfg.Name)
}

func counted(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return thousands(n) + " " + many
}
