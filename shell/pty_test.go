package shell_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/creack/pty"

	"kg/graph"
	"kg/pathq/pathqtest"
)

// These tests drive the real "kg shell" on a pseudo-terminal: what a user
// types goes through the terminal driver and readline exactly as at a
// keyboard, and Ctrl-C becomes SIGINT while a query runs.

var buildKG = sync.OnceValues(func() (string, error) {
	dir, err := os.MkdirTemp("", "kg-shell-test")
	if err != nil {
		return "", err
	}
	bin := filepath.Join(dir, "kg")
	out, err := exec.Command("go", "build", "-o", bin, "kg/cmd/kg").CombinedOutput()
	if err != nil {
		return "", &buildError{err, string(out)}
	}
	return bin, nil
})

type buildError struct {
	err error
	out string
}

func (e *buildError) Error() string { return e.err.Error() + "\n" + e.out }

// newsFile writes pathqtest.News to a Bolt graph file.
func newsFile(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "news.kg")
	s, err := graph.Open(path, graph.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Put(pathqtest.News()...); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// terminal is a kg process on a pseudo-terminal and what it has printed.
type terminal struct {
	t    *testing.T
	pty  *os.File
	cmd  *exec.Cmd
	mu   sync.Mutex
	out  bytes.Buffer
	seen int // offset into the plain text up to which expect has matched
	done chan struct{}
}

// startKG runs kg with args on a new pseudo-terminal.
func startKG(t *testing.T, args ...string) *terminal {
	t.Helper()
	bin, err := buildKG()
	if err != nil {
		t.Fatalf("build kg: %v", err)
	}
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), "TERM=xterm", "HOME="+t.TempDir(), "XDG_STATE_HOME=")
	f, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: 50, Cols: 200})
	if err != nil {
		t.Skipf("no pseudo-terminal: %v", err)
	}
	tm := &terminal{t: t, pty: f, cmd: cmd, done: make(chan struct{})}
	go func() {
		defer close(tm.done)
		buf := make([]byte, 4096)
		for {
			n, err := f.Read(buf)
			tm.mu.Lock()
			tm.out.Write(buf[:n])
			tm.mu.Unlock()
			if err != nil {
				return
			}
		}
	}()
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
		f.Close()
	})
	return tm
}

var ansi = regexp.MustCompile(`\x1b\[[0-9;?]*[A-Za-z]|\r`)

// text returns the output without terminal control sequences.
func (tm *terminal) text() string {
	tm.mu.Lock()
	defer tm.mu.Unlock()
	return ansi.ReplaceAllString(tm.out.String(), "")
}

// expect waits until the output after the last match matches re.
func (tm *terminal) expect(re string) {
	tm.t.Helper()
	rx := regexp.MustCompile(re)
	deadline := time.Now().Add(15 * time.Second)
	for time.Now().Before(deadline) {
		text := tm.text()
		if loc := rx.FindStringIndex(text[tm.seen:]); loc != nil {
			tm.seen += loc[1]
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	tm.t.Fatalf("timed out waiting for %q; screen after last match:\n%s", re, tm.text()[tm.seen:])
}

func (tm *terminal) send(s string) {
	tm.t.Helper()
	if _, err := tm.pty.Write([]byte(s)); err != nil {
		tm.t.Fatal(err)
	}
}

// wait waits for the process to exit and returns its error.
func (tm *terminal) wait() error {
	tm.t.Helper()
	ch := make(chan error, 1)
	go func() { ch <- tm.cmd.Wait() }()
	select {
	case err := <-ch:
		return err
	case <-time.After(15 * time.Second):
		tm.t.Fatalf("kg did not exit; screen:\n%s", tm.text()[tm.seen:])
		return nil
	}
}

func TestInteractive(t *testing.T) {
	if testing.Short() {
		t.Skip("builds kg; skipped in -short mode")
	}
	graphFile := newsFile(t)
	history := filepath.Join(t.TempDir(), "history")
	tm := startKG(t, "shell", "-history", history, graphFile)
	tm.expect(`kg shell on .*news.kg. Type :help`)
	tm.expect(`kg> `)

	t.Run("complete entity", func(t *testing.T) {
		tm.t = t
		tm.send("Pes\t")
		tm.expect(`Peskov`)
		tm.send(" -> spokesman_of\r")
		tm.expect(`object\s+sources`)
		tm.expect(`Kremlin\s+2`)
		tm.expect(`kg> `)
	})
	t.Run("complete relation", func(t *testing.T) {
		tm.t = t
		tm.send("Kremlin <- spokes\t")
		tm.expect(`spokesman_of`)
		tm.send("\r")
		tm.expect(`Dmitry Peskov\s+2`)
		tm.expect(`kg> `)
	})
	t.Run("complete meta and IRI", func(t *testing.T) {
		tm.t = t
		tm.send(":sta\t\r")
		tm.expect(`documents\s+3`)
		tm.send(`g.V("<http://kg.local/entity/Kr` + "\t")
		tm.expect(`emlin>`)
		tm.send(`").In("<http://kg.local/rel/lead>").All()` + "\r")
		tm.expect(`entity:Vladimir_Putin`)
		tm.expect(`kg> `)
	})
	t.Run("multi-line gizmo", func(t *testing.T) {
		tm.t = t
		tm.send("g.V(\r")
		tm.expect(`\.\.\. `)
		tm.send(`"<http://kg.local/entity/Kyiv>"` + "\r")
		tm.expect(`\.\.\. `)
		tm.send(").All()\r")
		tm.expect(`id\s+─+\s+entity:Kyiv`)
		tm.expect(`kg> `)
	})
	t.Run("error keeps shell", func(t *testing.T) {
		tm.t = t
		tm.send("Peskv -> said\r")
		tm.expect(`error: col 1: no entity named "Peskv"; did you mean "Peskov"\?`)
		tm.expect(`kg> `)
	})
	t.Run("ctrl-c clears line", func(t *testing.T) {
		tm.t = t
		tm.send("Peskov -> something")
		tm.expect(`something`)
		tm.send("\x03")
		tm.expect(`\^C`)
		tm.send(":lang\r")
		tm.expect(`language: auto`)
		tm.expect(`kg> `)
	})
	t.Run("ctrl-c stops query", func(t *testing.T) {
		tm.t = t
		tm.send("while (true) {}\r")
		time.Sleep(300 * time.Millisecond)
		tm.send("\x03")
		tm.expect(`error: query interrupted`)
		tm.send("who said optimism\r")
		tm.expect(`Dmitry Peskov\s+"there was cautious optimism"`)
		tm.expect(`kg> `)
	})
	t.Run("timeout", func(t *testing.T) {
		tm.t = t
		tm.send(":timeout 200ms\r")
		tm.expect(`timeout: 200ms`)
		tm.send("while (true) {}\r")
		tm.expect(`error: query stopped after 200ms`)
		tm.expect(`kg> `)
	})
	tm.t = t
	tm.send("\x04")
	if err := tm.wait(); err != nil {
		t.Fatalf("kg shell after Ctrl-D: %v", err)
	}

	// The history survives a restart: Up recalls the last input.
	data, err := os.ReadFile(history)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Peskov -> spokesman_of\n", `g.V( "<http://kg.local/entity/Kyiv>" ).All()` + "\n"} {
		if !strings.Contains(string(data), want) {
			t.Errorf("history file lacks %q:\n%s", want, data)
		}
	}
	tm = startKG(t, "shell", "-history", history, graphFile)
	tm.expect(`kg> `)
	tm.send("\x1b[A")
	tm.expect(`while \(true\) \{\}`)
	tm.send("\x1b[A")
	tm.expect(`:timeout 200ms`)
	tm.send("\x03:quit\r")
	if err := tm.wait(); err != nil {
		t.Fatalf("kg shell after :quit: %v", err)
	}
}
