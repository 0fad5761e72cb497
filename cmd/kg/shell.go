package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"time"

	"kg"
	"kg/shell"
)

func shellCommand() *command {
	c := &command{
		name:  "shell",
		args:  "[flags] GRAPH",
		short: "Explore a graph interactively with path queries and Gizmo.",
		long: `
Shell opens GRAPH read-only and reads queries: path queries such as

  Peskov -> spokesman_of
  ? -> reject -> ?
  path Peskov Biden
  who said "optimism"

and Gizmo (JavaScript) queries such as g.V("<http://kg.local/entity/Kyiv>").In().All().
Meta commands start with a colon: :why QUERY shows the sentences behind each
result, :entities, :schema, :stats, :sources, :export FILE, :lang, :format,
:help, :quit.

On a terminal the shell edits lines with history (saved in
$XDG_STATE_HOME/kg/history, else ~/.kg_history; see -history), completes
commands, names and relations with Tab, continues unfinished Gizmo input on
a "..." prompt, and stops a running query on Ctrl-C. Otherwise it reads
queries line by line from standard input and prints JSON, as kg query does:

  kg shell news.db < questions.txt
`,
	}
	c.run = func(ctx context.Context, e *env, args []string) error {
		fs := c.flags(e)
		timeout := fs.Duration("timeout", 10*time.Second, "stop a query that runs longer than `D`; 0 for never")
		history := fs.String("history", "", "history `file` (default $XDG_STATE_HOME/kg/history or ~/.kg_history); \"none\" for no history")
		lang := fs.String("lang", "auto", "query `language`: auto, gizmo or path")
		format := fs.String("format", "", "output `format`: table or json (default table on a terminal, json otherwise)")
		rows := fs.Int("rows", 50, "print at most `N` table rows per result")
		if err := parse(fs, args); err != nil {
			return err
		}
		if fs.NArg() != 1 {
			return usagef("want GRAPH, got %d arguments", fs.NArg())
		}
		l, err := shell.ParseLang(*lang)
		if err != nil {
			return usagef("-lang: %v", err)
		}
		interactive := e.tty && isTerminalReader(e.stdin)
		f := shell.JSON
		if interactive {
			f = shell.Table
		}
		if *format != "" {
			if f, err = shell.ParseFormat(*format); err != nil {
				return usagef("-format: %v", err)
			}
		}
		g, err := openGraph(fs.Arg(0), kg.ReadOnly())
		if err != nil {
			return err
		}
		defer g.Close()
		cfg := shell.Config{Store: g.Store(), Name: fs.Arg(0), Timeout: *timeout, Lang: l, Format: f,
			Interactive: interactive, MaxRows: *rows}
		if interactive {
			if cfg.HistoryFile, err = historyFile(*history); err != nil {
				return err
			}
			// Ctrl-C cancels the running query, not the shell.
			intr := make(chan os.Signal, 1)
			signal.Notify(intr, os.Interrupt)
			defer signal.Stop(intr)
			cfg.Interrupt = intr
			ctx = context.WithoutCancel(ctx)
		}
		sh := shell.New(ctx, cfg, e.stdin, e.stdout, e.stderr)
		defer sh.Close()
		return sh.Run(ctx)
	}
	return c
}

// historyFile returns the history file a -history flag names: the flag's
// file, nothing for "none", else $XDG_STATE_HOME/kg/history (created) or
// ~/.kg_history.
func historyFile(flag string) (string, error) {
	switch flag {
	case "none":
		return "", nil
	case "":
	default:
		return flag, nil
	}
	if state := os.Getenv("XDG_STATE_HOME"); state != "" {
		dir := filepath.Join(state, "kg")
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return "", fmt.Errorf("history: %w", err)
		}
		return filepath.Join(dir, "history"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", nil // no home: no history
	}
	return filepath.Join(home, ".kg_history"), nil
}

// isTerminalReader reports whether r is a terminal.
func isTerminalReader(r any) bool {
	f, ok := r.(*os.File)
	return ok && isTerminal(f)
}

// queryLang runs kg query for a language other than Gizmo through the
// shell, so that both print the same JSON.
func queryLang(ctx context.Context, e *env, g *kg.Graph, lang, q string, limit int, timeout time.Duration) error {
	l, err := shell.ParseLang(lang)
	if err != nil {
		return usagef("-lang: %v", err)
	}
	cfg := shell.Config{Store: g.Store(), Name: g.Addr(), Timeout: timeout, Lang: l, Format: shell.JSON}
	sh := shell.New(ctx, cfg, e.stdin, e.stdout, e.stderr)
	defer sh.Close()
	n, err := sh.Query(ctx, q, limit)
	if err != nil {
		return fmt.Errorf("%s: %w", g.Addr(), err)
	}
	if limit > 0 && n == limit {
		fmt.Fprintf(e.stderr, "kg query: showing the first %d results; use -limit 0 for all\n", limit)
	}
	return nil
}
