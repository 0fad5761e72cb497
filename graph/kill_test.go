package graph_test

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"kg/extract"
	"kg/graph"
)

// killDocs are the documents the writer process stores.
func killDocs() []*extract.Document {
	docs, _ := benchDocs(2000)
	return docs
}

// TestKillWriter kills a process that is writing documents (SIGKILL, after
// it reported some Puts done) and checks that the graph it leaves holds
// exactly the documents that carry a kg:hash marker, each complete, and
// everything reported done. With NoSync, committed data survives the
// process (not the machine) dying.
func TestKillWriter(t *testing.T) {
	if path := os.Getenv("KG_TEST_KILL_WRITER"); path != "" {
		writeUntilKilled(path)
		return
	}
	if testing.Short() {
		t.Skip("skipping process-kill test in short mode")
	}
	for _, tc := range []struct{ name, addr string }{
		{"bolt-nosync", "g.kg"},
		{"leveldb-nosync", "leveldb:g"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			addr := tc.addr
			if p, ok := strings.CutPrefix(addr, "leveldb:"); ok {
				addr = "leveldb:" + filepath.Join(t.TempDir(), p)
			} else {
				addr = filepath.Join(t.TempDir(), addr)
			}
			cmd := exec.Command(os.Args[0], "-test.run=^TestKillWriter$")
			cmd.Env = append(os.Environ(), "KG_TEST_KILL_WRITER="+addr)
			out, err := cmd.StdoutPipe()
			if err != nil {
				t.Fatal(err)
			}
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			done := 0
			sc := bufio.NewScanner(out)
			for sc.Scan() {
				if n, ok := strings.CutPrefix(sc.Text(), "done "); ok {
					done, _ = strconv.Atoi(n)
					if done >= 300 {
						break
					}
				}
			}
			cmd.Process.Signal(syscall.SIGKILL)
			cmd.Wait()
			if done == 0 {
				t.Fatal("writer reported nothing done")
			}

			s, err := graph.Open(addr, graph.Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			var marked []*extract.Document
			for i, d := range killDocs() {
				ok, err := s.Has(d.ID, graph.ContentHash(d))
				if err != nil {
					t.Fatal(err)
				}
				if ok {
					marked = append(marked, d)
				} else if i < done {
					t.Errorf("document %s was reported done but is missing", d.ID)
				}
			}
			want, err := graph.Open("mem", graph.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if err := want.Put(marked...); err != nil {
				t.Fatal(err)
			}
			var got, w bytes.Buffer
			if err := s.Export(&got); err != nil {
				t.Fatal(err)
			}
			if err := want.Export(&w); err != nil {
				t.Fatal(err)
			}
			if got.String() != w.String() {
				t.Errorf("graph after kill is not exactly the %d marked documents (%d vs %d bytes)", len(marked), got.Len(), w.Len())
			}
			t.Logf("killed after %d documents reported done; %d stored", done, len(marked))
		})
	}
}

// writeUntilKilled stores killDocs 20 at a time with NoSync and small
// transactions, printing how many are done after each Put.
func writeUntilKilled(addr string) {
	s, err := graph.Open(addr, graph.Options{NoSync: true, BatchQuads: 1000})
	if err != nil {
		fmt.Println(err)
		os.Exit(1)
	}
	docs := killDocs()
	for i := 0; i < len(docs); i += 20 {
		if err := s.Put(docs[i:min(i+20, len(docs))]...); err != nil {
			fmt.Println(err)
			os.Exit(1)
		}
		fmt.Printf("done %d\n", min(i+20, len(docs)))
	}
	s.Close()
	os.Exit(0)
}
