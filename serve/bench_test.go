package serve_test

import (
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"kg/graph"
	"kg/graph/graphtest"
	"kg/serve"
)

var benchGraph = flag.String("graph", "", "benchmark against this built graph (opened read-only) instead of sample documents")

// benchRequests are the requests BenchmarkServe cycles through.
var benchRequests = []struct{ name, method, path, body string }{
	{"entities", "GET", "/api/v1/entities?limit=20", ""},
	{"entity", "GET", "/api/v1/entity/Dmitry_Peskov?limit=20", ""},
	{"facts", "GET", "/api/v1/facts?subject=Peskov&limit=20", ""},
	{"gizmo", "POST", "/api/v1/query/gizmo?limit=20", `g.V("<` + string(graph.EntityIRI("Dmitry_Peskov")) + `>").In("<` + string(graph.Mentions) + `>").Out("<` + string(graph.Text) + `>").All()`},
	{"stats", "GET", "/api/v1/stats", ""},
}

// benchStore opens -graph, or an in-memory graph of 50 sample documents.
func benchStore(b *testing.B) *graph.Store {
	if *benchGraph != "" {
		s, err := graph.Open(*benchGraph, graph.Options{ReadOnly: true})
		if err != nil {
			b.Fatal(err)
		}
		return s
	}
	s, err := graph.Open("mem", graph.Options{})
	if err != nil {
		b.Fatal(err)
	}
	for i := range 50 {
		if err := s.Put(graphtest.Sample(fmt.Sprintf("doc%02d", i), i%2)); err != nil {
			b.Fatal(err)
		}
	}
	return s
}

// BenchmarkServe sends b.N requests, cycling through benchRequests, from
// 8 concurrent clients over loopback, and reports requests per second and
// latency percentiles. Any error or non-200 answer fails it.
//
//	go test ./serve -run '^$' -bench Serve -benchtime 2000x
//	go test ./serve -run '^$' -bench Serve -benchtime 2000x -graph /tmp/seeds.db
func BenchmarkServe(b *testing.B) {
	s := benchStore(b)
	defer s.Close()
	h, err := serve.Handler(s, serve.Config{})
	if err != nil {
		b.Fatal(err)
	}
	ts := httptest.NewServer(h)
	defer ts.Close()
	const clients = 8
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: clients}, Timeout: 30 * time.Second}
	var (
		next, failures atomic.Int64
		mu             sync.Mutex
		lat            = make([]time.Duration, 0, b.N)
		wg             sync.WaitGroup
	)
	b.ResetTimer()
	start := time.Now()
	for range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var mine []time.Duration
			for {
				i := next.Add(1) - 1
				if i >= int64(b.N) {
					break
				}
				rq := benchRequests[i%int64(len(benchRequests))]
				req, _ := http.NewRequest(rq.method, ts.URL+rq.path, strings.NewReader(rq.body))
				t0 := time.Now()
				resp, err := client.Do(req)
				if err == nil {
					_, err = io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
					if err == nil && resp.StatusCode != http.StatusOK {
						err = fmt.Errorf("%s: status %d", rq.name, resp.StatusCode)
					}
				}
				mine = append(mine, time.Since(t0))
				if err != nil && failures.Add(1) == 1 {
					b.Errorf("request %d (%s): %v", i, rq.name, err)
				}
			}
			mu.Lock()
			lat = append(lat, mine...)
			mu.Unlock()
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	b.StopTimer()
	slices.Sort(lat)
	pct := func(p float64) float64 { return float64(lat[int(p*float64(len(lat)-1))]) / float64(time.Millisecond) }
	b.ReportMetric(float64(b.N)/elapsed.Seconds(), "req/s")
	b.ReportMetric(pct(0.50), "p50-ms")
	b.ReportMetric(pct(0.99), "p99-ms")
	b.ReportMetric(float64(failures.Load()), "errors")
}
