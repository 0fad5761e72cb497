package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestScripts runs the CLI scenarios in testdata/*.txtar. Each archive's
// comment is a script, one command per line ("#" starts a comment); its
// files are written to a fresh directory $WORK first. Commands:
//
//	kg ARGS...          run kg through Main with buffers for stdin/stdout/stderr;
//	                    the exit code must be 0 unless an "exit" line follows
//	exit N              the last kg command exited with N
//	stdin FILE          the next kg command reads FILE
//	stdout RE           the last stdout matches the regular expression RE
//	! stdout RE         ... does not match (stderr likewise)
//	cp stdout FILE      save the last stdout (or stderr) as FILE
//	cmp FILE1 FILE2     the two files are identical
//	grepcount N RE FILE FILE has N lines matching RE
//
// Arguments are split at spaces; single quotes group; $WORK and $TESTDATA
// (the repository's testdata directory) are expanded.
func TestScripts(t *testing.T) {
	files, err := filepath.Glob("testdata/*.txtar")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no testdata/*.txtar scripts")
	}
	testdata, err := filepath.Abs("../../testdata")
	if err != nil {
		t.Fatal(err)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			script, archive := parseTxtar(string(data))
			work := t.TempDir()
			for name, content := range archive {
				p := filepath.Join(work, name)
				if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			s := &scriptState{t: t, work: work, vars: map[string]string{"WORK": work, "TESTDATA": testdata}}
			for i, line := range strings.Split(script, "\n") {
				line = strings.TrimSpace(line)
				if line == "" || strings.HasPrefix(line, "#") {
					continue
				}
				s.line = fmt.Sprintf("%s:%d", file, i+1)
				s.run(line)
			}
			s.checkExit()
		})
	}
}

// parseTxtar splits a txtar archive into its comment and its files.
func parseTxtar(s string) (comment string, files map[string]string) {
	files = map[string]string{}
	marker := regexp.MustCompile(`(?m)^-- (.+) --$\n?`)
	locs := marker.FindAllStringSubmatchIndex(s, -1)
	if len(locs) == 0 {
		return s, files
	}
	comment = s[:locs[0][0]]
	for i, loc := range locs {
		end := len(s)
		if i+1 < len(locs) {
			end = locs[i+1][0]
		}
		files[s[loc[2]:loc[3]]] = s[loc[1]:end]
	}
	return comment, files
}

type scriptState struct {
	t              *testing.T
	work           string
	vars           map[string]string
	line           string // file:line of the current command, for messages
	stdin          string // file for the next kg command
	stdout, stderr string
	code           int
	codeChecked    bool
}

func (s *scriptState) fatalf(format string, args ...any) {
	s.t.Helper()
	s.t.Fatalf("%s: %s\nstdout:\n%s\nstderr:\n%s", s.line, fmt.Sprintf(format, args...), s.stdout, s.stderr)
}

// checkExit fails unless the last kg command succeeded or its exit code
// was checked.
func (s *scriptState) checkExit() {
	s.t.Helper()
	if !s.codeChecked && s.code != 0 {
		s.fatalf("kg exited with %d", s.code)
	}
	s.codeChecked = true
}

func (s *scriptState) path(name string) string {
	if filepath.IsAbs(name) {
		return name
	}
	return filepath.Join(s.work, name)
}

func (s *scriptState) run(line string) {
	s.t.Helper()
	args := s.split(line)
	neg := args[0] == "!"
	if neg {
		args = args[1:]
	}
	switch args[0] {
	case "kg":
		s.checkExit()
		var in []byte
		if s.stdin != "" {
			var err error
			if in, err = os.ReadFile(s.path(s.stdin)); err != nil {
				s.fatalf("%v", err)
			}
			s.stdin = ""
		}
		var out, errOut bytes.Buffer
		e := &env{stdin: bytes.NewReader(in), stdout: &out, stderr: &errOut}
		wd, _ := os.Getwd()
		if err := os.Chdir(s.work); err != nil {
			s.fatalf("%v", err)
		}
		s.code = Main(context.Background(), e, args[1:])
		os.Chdir(wd)
		s.stdout, s.stderr = out.String(), errOut.String()
		s.codeChecked = false
	case "exit":
		want, _ := strconv.Atoi(args[1])
		if s.code != want {
			s.fatalf("kg exited with %d, want %d", s.code, want)
		}
		s.codeChecked = true
	case "stdin":
		s.stdin = args[1]
	case "stdout", "stderr":
		text := s.stdout
		if args[0] == "stderr" {
			text = s.stderr
		}
		re, err := regexp.Compile(`(?m)` + args[1])
		if err != nil {
			s.fatalf("%v", err)
		}
		if re.MatchString(text) == neg {
			s.fatalf("%s %s%q: no match", map[bool]string{true: "!", false: ""}[neg], args[0], args[1])
		}
	case "cp":
		text := s.stdout
		if args[1] == "stderr" {
			text = s.stderr
		}
		if err := os.WriteFile(s.path(args[2]), []byte(text), 0o644); err != nil {
			s.fatalf("%v", err)
		}
	case "cmp":
		a, err1 := os.ReadFile(s.path(args[1]))
		b, err2 := os.ReadFile(s.path(args[2]))
		if err1 != nil || err2 != nil {
			s.fatalf("cmp: %v %v", err1, err2)
		}
		if !bytes.Equal(a, b) {
			s.fatalf("%s and %s differ (%d and %d bytes)", args[1], args[2], len(a), len(b))
		}
	case "grepcount":
		want, _ := strconv.Atoi(args[1])
		data, err := os.ReadFile(s.path(args[3]))
		if err != nil {
			s.fatalf("%v", err)
		}
		re := regexp.MustCompile(args[2])
		n := 0
		for _, l := range strings.Split(string(data), "\n") {
			if re.MatchString(l) {
				n++
			}
		}
		if n != want {
			s.fatalf("%s: %d lines match %q, want %d", args[3], n, args[2], want)
		}
	default:
		s.fatalf("unknown script command %q", args[0])
	}
}

// split splits a script line into words: spaces separate, single quotes
// group, $NAME expands.
func (s *scriptState) split(line string) []string {
	var words []string
	var b strings.Builder
	inWord, quoted := false, false
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case c == '\'':
			quoted = !quoted
			inWord = true
		case c == ' ' && !quoted:
			if inWord {
				words = append(words, b.String())
				b.Reset()
				inWord = false
			}
		case c == '$' && !quoted:
			j := i + 1
			for j < len(line) && (line[j] == '_' || 'A' <= line[j] && line[j] <= 'Z') {
				j++
			}
			b.WriteString(s.vars[line[i+1:j]])
			i = j - 1
			inWord = true
		default:
			b.WriteByte(c)
			inWord = true
		}
	}
	if inWord {
		words = append(words, b.String())
	}
	return words
}
