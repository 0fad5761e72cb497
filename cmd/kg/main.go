// Command kg builds a knowledge graph from news articles and lets you query it.
//
// Run "kg help" for the list of commands and "kg help COMMAND" (or
// "kg COMMAND -h") for one command's usage.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"strings"
	"syscall"
)

// Exit codes, documented in the README.
const (
	exitOK      = 0 // success
	exitError   = 1 // the command failed
	exitUsage   = 2 // bad command line
	exitPartial = 3 // finished, but some inputs were skipped (see the summary)
)

// command is one subcommand.
type command struct {
	name  string
	args  string // synopsis after the name, e.g. "[flags] GRAPH"
	short string // one line for "kg help"
	long  string // paragraphs for "kg help NAME"
	run   func(ctx context.Context, env *env, args []string) error
}

// env is what a command may touch of the outside world; tests replace it.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	tty            bool // stdout is a terminal: progress bars and colour allowed
}

// usageError marks a bad invocation: kg prints the command's usage and exits 2.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, a ...any) error { return &usageError{fmt.Sprintf(format, a...)} }

// partialError marks a run that finished but skipped some inputs: exit 3.
type partialError struct{ msg string }

func (e *partialError) Error() string { return e.msg }

func commands() []*command {
	cs := []*command{
		helpCommand(),
	}
	cs = append(cs, extraCommands()...)
	sort.Slice(cs, func(i, j int) bool { return cs[i].name < cs[j].name })
	return cs
}

func lookup(name string) *command {
	for _, c := range commands() {
		if c.name == name {
			return c
		}
	}
	return nil
}

// flags returns a flag set for c that prints c's usage on -h.
func (c *command) flags(e *env) *flag.FlagSet {
	fs := flag.NewFlagSet("kg "+c.name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() { c.usage(e.stderr, fs) }
	return fs
}

func (c *command) usage(w io.Writer, fs *flag.FlagSet) {
	fmt.Fprintf(w, "usage: kg %s %s\n\n%s\n", c.name, c.args, c.short)
	if c.long != "" {
		fmt.Fprintf(w, "\n%s\n", strings.TrimSpace(c.long))
	}
	if fs != nil {
		n := 0
		fs.VisitAll(func(*flag.Flag) { n++ })
		if n > 0 {
			fmt.Fprintf(w, "\nflags:\n")
			fs.SetOutput(w)
			fs.PrintDefaults()
		}
	}
}

// parse parses args with fs; -h and bad flags become a usage error, already
// reported by the flag package.
func parse(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return errHelp
		}
		return &usageError{}
	}
	return nil
}

var errHelp = errors.New("help requested")

func helpCommand() *command {
	return &command{
		name:  "help",
		args:  "[COMMAND]",
		short: "Show the commands, or one command's usage.",
		run: func(ctx context.Context, e *env, args []string) error {
			if len(args) == 0 {
				mainUsage(e.stdout)
				return nil
			}
			c := lookup(args[0])
			if c == nil {
				return usagef("unknown command %q", args[0])
			}
			return c.run(ctx, &env{stdin: e.stdin, stdout: e.stdout, stderr: e.stdout}, []string{"-h"})
		},
	}
}

func mainUsage(w io.Writer) {
	fmt.Fprintf(w, "kg builds a knowledge graph of who said what, about whom, from news articles.\n\n")
	fmt.Fprintf(w, "usage: kg COMMAND [flags] [args]\n\ncommands:\n")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-9s %s\n", c.name, c.short)
	}
	fmt.Fprintf(w, "\nRun \"kg help COMMAND\" for a command's flags.\n")
}

// Main runs kg with args (without the program name) and returns the exit code.
func Main(ctx context.Context, e *env, args []string) (code int) {
	defer func() {
		if p := recover(); p != nil {
			fmt.Fprintf(e.stderr, "kg: internal error: %v\nThis is a bug in kg; please report it with the command line that caused it.\n", p)
			code = exitError
		}
	}()
	if len(args) == 0 || args[0] == "-h" || args[0] == "-help" || args[0] == "--help" {
		mainUsage(e.stdout)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	c := lookup(args[0])
	if c == nil {
		fmt.Fprintf(e.stderr, "kg: unknown command %q; run \"kg help\" for the list\n", args[0])
		return exitUsage
	}
	err := c.run(ctx, e, args[1:])
	var ue *usageError
	var pe *partialError
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, errHelp):
		return exitOK
	case errors.As(err, &ue):
		if ue.msg != "" {
			fmt.Fprintf(e.stderr, "kg %s: %s\n", c.name, ue.msg)
			fmt.Fprintf(e.stderr, "run \"kg help %s\" for usage\n", c.name)
		}
		return exitUsage
	case errors.As(err, &pe):
		fmt.Fprintf(e.stderr, "kg %s: %s\n", c.name, pe.msg)
		return exitPartial
	case errors.Is(err, context.Canceled):
		fmt.Fprintf(e.stderr, "kg %s: interrupted\n", c.name)
		return 130
	default:
		fmt.Fprintf(e.stderr, "kg %s: %v\n", c.name, err)
		return exitError
	}
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	e := &env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, tty: isTerminal(os.Stdout)}
	os.Exit(Main(ctx, e, os.Args[1:]))
}

func isTerminal(f *os.File) bool {
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}
