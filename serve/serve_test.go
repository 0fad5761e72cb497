package serve_test

import (
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/cayleygraph/quad"

	"kg/graph"
	"kg/graph/graphtest"
	"kg/serve"
)

// newServer serves an in-memory graph of two sample documents.
func newServer(t testing.TB, cfg serve.Config) (*httptest.Server, *graph.Store) {
	t.Helper()
	s, err := graph.Open("mem", graph.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Put(graphtest.Sample("a", 0), graphtest.Sample("b", 1)); err != nil {
		t.Fatal(err)
	}
	h, err := serve.Handler(s, cfg)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(h)
	t.Cleanup(func() { ts.Close(); s.Close() })
	return ts, s
}

// call makes a request and returns the status and the decoded JSON body.
func call(t *testing.T, method, u, token, body string) (int, map[string]any) {
	t.Helper()
	req, err := http.NewRequest(method, u, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var v map[string]any
	if err := json.NewDecoder(resp.Body).Decode(&v); err != nil {
		t.Fatalf("%s %s: body is not a JSON object: %v", method, u, err)
	}
	return resp.StatusCode, v
}

func TestRead(t *testing.T) {
	ts, _ := newServer(t, serve.Config{Limit: 50})
	peskov := "<" + string(graph.EntityIRI("Dmitry_Peskov")) + ">"
	for _, tc := range []struct {
		name, method, path, body string
		status                   int
		check                    func(map[string]any) bool
	}{
		{"healthz", "GET", "/healthz", "", 200, func(v map[string]any) bool { return v["status"] == "ok" }},
		{"gizmo", "POST", "/api/v1/query/gizmo",
			`g.V("` + peskov + `").Out("<` + string(graph.RelationIRI("spokesman_of")) + `>").Unique().All()`, 200,
			func(v map[string]any) bool {
				r, _ := v["result"].([]any)
				return len(r) == 1 && r[0].(map[string]any)["id"] == "<"+string(graph.EntityIRI("Kremlin"))+">"
			}},
		{"gizmo-limit", "POST", "/api/v1/query/gizmo?limit=2", `g.V().All()`, 200,
			func(v map[string]any) bool { return len(v["result"].([]any)) == 2 }},
		{"gizmo-syntax", "POST", "/api/v1/query/gizmo", `g.V(`, 400, hasError},
		{"gizmo-empty", "POST", "/api/v1/query/gizmo", ` `, 400, hasError},
		{"gizmo-get", "GET", "/api/v1/query/gizmo", "", 405, nil},
		{"entities", "GET", "/api/v1/entities?type=person", "", 200, func(v map[string]any) bool {
			es := v["entities"].([]any)
			return len(es) == 2 && es[0].(map[string]any)["name"] == "Dmitry Peskov" && v["truncated"] == false
		}},
		{"entities-q", "GET", "/api/v1/entities?q=kyi", "", 200, func(v map[string]any) bool {
			es := v["entities"].([]any)
			return len(es) == 1 && es[0].(map[string]any)["kind"] == "city"
		}},
		{"entities-limit", "GET", "/api/v1/entities?limit=1", "", 200, func(v map[string]any) bool {
			return len(v["entities"].([]any)) == 1 && v["truncated"] == true
		}},
		{"entities-bad-limit", "GET", "/api/v1/entities?limit=x", "", 400, hasError},
		{"entity-alias", "GET", "/api/v1/entity/peskov", "", 200, func(v map[string]any) bool {
			e := v["entity"].(map[string]any)
			return e["key"] == "Dmitry_Peskov" && len(e["aliases"].([]any)) == 2 && len(v["facts"].([]any)) > 0
		}},
		{"entity-key", "GET", "/api/v1/entity/Dmitry_Peskov", "", 200, func(v map[string]any) bool {
			f := v["facts"].([]any)[0].(map[string]any)
			s := f["sentence"].(map[string]any)
			return s["title"] == "Kremlin rejects demand" && s["outlet"] == "News Example" && s["text"] != ""
		}},
		{"entity-missing", "GET", "/api/v1/entity/Nobody", "", 404, hasError},
		{"facts-negated", "GET", "/api/v1/facts?subject=Peskov&relation=comment+on&object=Kyiv", "", 200, func(v map[string]any) bool {
			fs := v["facts"].([]any)
			return len(fs) == 2 && fs[0].(map[string]any)["negated"] == true && fs[0].(map[string]any)["asserted"] == false
		}},
		{"facts-object-literal", "GET", "/api/v1/facts?object=rejected+the+demand", "", 200, func(v map[string]any) bool {
			return len(v["facts"].([]any)) == 2 // one speech fact per document
		}},
		{"facts-relation", "GET", "/api/v1/facts?relation=visit", "", 200, func(v map[string]any) bool {
			return len(v["facts"].([]any)) == 2
		}},
		{"stats", "GET", "/api/v1/stats", "", 200, func(v map[string]any) bool { return v["documents"] == 2.0 }},
		{"export-bad-format", "GET", "/api/v1/export?format=rdfxml", "", 400, hasError},
		{"export-around-missing", "GET", "/api/v1/export?format=dot&around=Nobody", "", 404, hasError},
		{"unknown", "GET", "/api/v1/nothing", "", 404, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.check == nil {
				resp, err := http.Get(ts.URL + tc.path)
				if tc.method != "GET" {
					resp, err = http.Post(ts.URL+tc.path, "text/plain", strings.NewReader(tc.body))
				}
				if err != nil {
					t.Fatal(err)
				}
				resp.Body.Close()
				if resp.StatusCode != tc.status {
					t.Errorf("status %d, want %d", resp.StatusCode, tc.status)
				}
				return
			}
			status, v := call(t, tc.method, ts.URL+tc.path, "", tc.body)
			if status != tc.status {
				t.Errorf("status %d, want %d: %v", status, tc.status, v)
			}
			if !tc.check(v) {
				t.Errorf("unexpected body: %v", v)
			}
		})
	}
}

func hasError(v map[string]any) bool { s, _ := v["error"].(string); return s != "" }

func TestExport(t *testing.T) {
	ts, s := newServer(t, serve.Config{})
	var want strings.Builder
	if err := s.Export(&want); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ query, contentType, prefix string }{
		{"", "application/n-quads", want.String()},
		{"?format=jsonld", "application/ld+json", `{"@context":`},
		{"?format=csv", "text/csv; charset=utf-8", "subject,relation,object,"},
		{"?format=graphml", "application/graphml+xml", `<?xml`},
		{"?format=dot&around=" + url.QueryEscape("Dmitry Peskov") + "&depth=1", "text/vnd.graphviz; charset=utf-8", "digraph kg {"},
	} {
		t.Run(tc.query, func(t *testing.T) {
			resp, err := http.Get(ts.URL + "/api/v1/export" + tc.query)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			body, _ := io.ReadAll(resp.Body)
			if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != tc.contentType || !strings.HasPrefix(string(body), tc.prefix) {
				t.Errorf("status %d, type %q, body %.80q", resp.StatusCode, resp.Header.Get("Content-Type"), body)
			}
		})
	}
}

// TestRunaway checks that an endless Gizmo program is stopped at the
// timeout with 504, and that the server still answers afterwards.
func TestRunaway(t *testing.T) {
	ts, _ := newServer(t, serve.Config{Timeout: 200 * time.Millisecond})
	start := time.Now()
	status, v := call(t, "POST", ts.URL+"/api/v1/query/gizmo", "", `while (true) {}`)
	if status != http.StatusGatewayTimeout || !hasError(v) {
		t.Errorf("runaway query: status %d, body %v; want 504 and an error", status, v)
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("runaway query took %s to stop", d)
	}
	if status, _ := call(t, "GET", ts.URL+"/healthz", "", ""); status != 200 {
		t.Errorf("after the runaway query: healthz status %d", status)
	}
}

func TestBodyLimit(t *testing.T) {
	ts, _ := newServer(t, serve.Config{MaxBody: 1 << 10})
	big := "g.V().All() //" + strings.Repeat("x", 2<<10)
	if status, v := call(t, "POST", ts.URL+"/api/v1/query/gizmo", "", big); status != http.StatusRequestEntityTooLarge || !hasError(v) {
		t.Errorf("2 KiB query with 1 KiB limit: status %d, body %v; want 413", status, v)
	}
}

func TestWrites(t *testing.T) {
	const token = "s3cret"
	q := graph.Line(quad.Quad{Subject: graph.EntityIRI("X"), Predicate: graph.Label, Object: quad.String("X"), Label: graph.DocIRI("x")}) + "\n"
	ro, _ := newServer(t, serve.Config{})
	rw, s := newServer(t, serve.Config{Writable: true, Token: token})
	for _, tc := range []struct {
		name, method, url, token, body string
		status                         int
	}{
		{"read-only-import", "POST", ro.URL + "/api/v1/import", token, q, http.StatusForbidden},
		{"read-only-delete", "DELETE", ro.URL + "/api/v1/document/a", token, "", http.StatusForbidden},
		{"no-token", "POST", rw.URL + "/api/v1/import", "", q, http.StatusUnauthorized},
		{"wrong-token", "POST", rw.URL + "/api/v1/import", "guess", q, http.StatusUnauthorized},
		{"import", "POST", rw.URL + "/api/v1/import", token, q, http.StatusOK},
		{"import-malformed", "POST", rw.URL + "/api/v1/import", token, "<a> <b> .\n", http.StatusBadRequest},
		{"delete", "DELETE", rw.URL + "/api/v1/document/a", token, "", http.StatusOK},
		{"delete-again", "DELETE", rw.URL + "/api/v1/document/a", token, "", http.StatusNotFound},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if status, v := call(t, tc.method, tc.url, tc.token, tc.body); status != tc.status {
				t.Errorf("status %d, want %d: %v", status, tc.status, v)
			}
		})
	}
	if ok, _ := s.Has("a", ""); ok {
		t.Errorf("document a still stored after DELETE")
	}
	if ok, _ := s.Has("b", ""); !ok {
		t.Errorf("document b gone after deleting a")
	}
	res, err := s.Gizmo(context.Background(), `g.V("<`+string(graph.EntityIRI("X"))+`>").Out().All()`, 0)
	if err != nil || len(res) != 1 {
		t.Errorf("imported quad: Gizmo = %v, %v", res, err)
	}
	if _, err := serve.Handler(s, serve.Config{Writable: true}); err == nil {
		t.Errorf("Handler accepted a writable config without a token")
	}
}

// TestShutdown checks that Serve returns when its context ends, after the
// request in flight has been answered.
func TestShutdown(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	release := make(chan struct{})
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		<-release
		io.WriteString(w, "done")
	})
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- serve.Serve(ctx, ln, h, 5*time.Second) }()
	got := make(chan string, 1)
	go func() {
		resp, err := http.Get("http://" + ln.Addr().String())
		if err != nil {
			got <- err.Error()
			return
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		got <- string(b)
	}()
	time.Sleep(100 * time.Millisecond) // let the request arrive
	cancel()
	close(release)
	if err := <-served; err != nil {
		t.Errorf("Serve = %v", err)
	}
	if b := <-got; b != "done" {
		t.Errorf("request in flight got %q, want done", b)
	}
}
