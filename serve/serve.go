// Package serve is kg's HTTP API: Gizmo queries in Cayley's format,
// entities, facts with provenance, statistics and exports, as JSON over
// HTTP.
//
// Invariants: every request runs under Config.Timeout and returns at most
// Config.Limit results; request bodies larger than Config.MaxBody are
// refused; the graph is changed only when Config.Writable is set, and then
// only by requests carrying "Authorization: Bearer TOKEN". Errors are JSON
// objects {"error": "..."} with a 4xx or 5xx status.
package serve

import (
	"context"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"

	"kg/graph"
)

// Config configures a Handler. The zero value serves read-only with the
// defaults below.
type Config struct {
	// Writable enables the write endpoints; they need Token.
	Writable bool
	// Token is the bearer token write requests must present. It must not
	// be empty when Writable is set.
	Token string
	// Timeout bounds each request's work; 0 means DefaultTimeout.
	Timeout time.Duration
	// Limit is the most results a request returns; 0 means DefaultLimit.
	// A request may ask for fewer with ?limit=N.
	Limit int
	// MaxBody is the largest request body accepted, in bytes; 0 means
	// DefaultMaxBody.
	MaxBody int64
}

// Defaults for the zero fields of Config.
const (
	DefaultTimeout = 10 * time.Second
	DefaultLimit   = 1000
	DefaultMaxBody = 1 << 20
)

// server serves one store.
type server struct {
	store *graph.Store
	cfg   Config
}

// Handler returns the HTTP API over s. It fails if cfg is inconsistent.
func Handler(s *graph.Store, cfg Config) (http.Handler, error) {
	if cfg.Writable && cfg.Token == "" {
		return nil, errors.New("a writable server needs a token")
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = DefaultTimeout
	}
	if cfg.Limit <= 0 {
		cfg.Limit = DefaultLimit
	}
	if cfg.MaxBody <= 0 {
		cfg.MaxBody = DefaultMaxBody
	}
	sv := &server{store: s, cfg: cfg}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", sv.healthz)
	mux.HandleFunc("POST /api/v1/query/gizmo", sv.gizmo)
	mux.HandleFunc("GET /api/v1/entities", sv.entities)
	mux.HandleFunc("GET /api/v1/entity/{name}", sv.entity)
	mux.HandleFunc("GET /api/v1/facts", sv.facts)
	mux.HandleFunc("GET /api/v1/stats", sv.stats)
	mux.HandleFunc("GET /api/v1/export", sv.export)
	mux.HandleFunc("POST /api/v1/import", sv.write(sv.importQuads))
	mux.HandleFunc("DELETE /api/v1/document/{id...}", sv.write(sv.removeDocument))
	return sv.limits(mux), nil
}

// limits bounds every request's body and running time.
func (sv *server) limits(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r.Body = http.MaxBytesReader(w, r.Body, sv.cfg.MaxBody)
		if r.URL.Path != "/api/v1/export" { // streams the whole graph
			ctx, cancel := context.WithTimeout(r.Context(), sv.cfg.Timeout)
			defer cancel()
			r = r.WithContext(ctx)
		}
		next.ServeHTTP(w, r)
	})
}

// write guards a write endpoint: the server must be writable and the
// request must carry the token.
func (sv *server) write(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if !sv.cfg.Writable {
			writeError(w, http.StatusForbidden, errors.New("read-only server (start kg serve with --writable --token T to allow writes)"))
			return
		}
		got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		if !ok || subtle.ConstantTimeCompare([]byte(got), []byte(sv.cfg.Token)) != 1 {
			w.Header().Set("WWW-Authenticate", `Bearer realm="kg"`)
			writeError(w, http.StatusUnauthorized, errors.New("missing or wrong bearer token"))
			return
		}
		h(w, r)
	}
}

// limit returns the ?limit= of a request, capped at the server's limit.
func (sv *server) limit(r *http.Request) (int, error) {
	s := r.URL.Query().Get("limit")
	if s == "" {
		return sv.cfg.Limit, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 {
		return 0, fmt.Errorf("limit=%q: want a positive number", s)
	}
	return min(n, sv.cfg.Limit), nil
}

// readBody reads a request body within the size limit.
func readBody(w http.ResponseWriter, r *http.Request) ([]byte, bool) {
	b, err := io.ReadAll(r.Body)
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &tooBig):
		writeError(w, http.StatusRequestEntityTooLarge, fmt.Errorf("request body larger than %d bytes", tooBig.Limit))
		return nil, false
	case err != nil:
		writeError(w, http.StatusBadRequest, fmt.Errorf("read request body: %w", err))
		return nil, false
	}
	return b, true
}

// writeJSON writes v as a JSON response with the status.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false) // IRIs are written <like this>
	enc.Encode(v)
}

// writeError writes {"error": msg} with the status.
func writeError(w http.ResponseWriter, status int, err error) {
	writeJSON(w, status, map[string]string{"error": err.Error()})
}

// fail reports a failed read of the graph: 504 when the request ran out of
// time, 499-like silence when the client went away, else 500.
func (sv *server) fail(w http.ResponseWriter, r *http.Request, err error) {
	switch {
	case errors.Is(err, context.DeadlineExceeded):
		writeError(w, http.StatusGatewayTimeout, fmt.Errorf("stopped after %s: %w", sv.cfg.Timeout, err))
	case r.Context().Err() != nil && errors.Is(err, context.Canceled):
		// The client is gone; nobody reads the answer.
	default:
		writeError(w, http.StatusInternalServerError, err)
	}
}

// Serve serves h on ln until ctx is done, then shuts down gracefully,
// giving requests in flight up to grace to finish.
func Serve(ctx context.Context, ln net.Listener, h http.Handler, grace time.Duration) error {
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		IdleTimeout:       2 * time.Minute,
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), grace)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return fmt.Errorf("shut down: %w", err)
	}
	return nil
}
