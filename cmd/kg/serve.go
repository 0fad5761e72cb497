package main

import (
	"context"
	"fmt"
	"kg"
	"net"
	"time"

	"kg/serve"
)

func serveCommand() *command {
	c := &command{
		name:  "serve",
		args:  "[flags] GRAPH",
		short: "Serve a graph over HTTP: Gizmo queries, entities, facts, exports.",
		long: `
Serve answers HTTP requests about GRAPH on -addr, 127.0.0.1:8080 unless
told otherwise (port 0 picks a free port). It prints the address it
listens on and runs until interrupted (SIGINT or SIGTERM), then lets
requests in flight finish.

Endpoints (JSON unless noted; errors are {"error": "..."}):

  POST   /api/v1/query/gizmo          body: a Gizmo program; {"result": [...]} as in Cayley
  GET    /api/v1/entities?type=&q=    entities, the most mentioned first
  GET    /api/v1/entity/NAME          one entity (name, alias or key) with its facts
  GET    /api/v1/facts?subject=&relation=&object=
                                      facts with sentence, document, outlet and URL
  GET    /api/v1/stats                counts, as kg stats -json
  GET    /api/v1/export?format=F      the graph: nquads (default), jsonld, csv, tsv,
                                      graphml, dot (&around=NAME&depth=N)
  GET    /healthz                     {"status": "ok"}
  POST   /api/v1/import               N-Quads body (with -writable)
  DELETE /api/v1/document/ID          remove a document (with -writable)

Every request stops after -timeout and returns at most -limit results
(?limit=N asks for fewer). Bodies over -max-body bytes are refused. The
graph is opened read-only unless -writable is given; write requests then
need the header "Authorization: Bearer TOKEN" with the -token value.

Examples:

  kg serve news.db
  curl -s localhost:8080/api/v1/entity/Peskov
  curl -s -d 'g.V().Has("<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>", "<http://schema.org/Person>").All()' localhost:8080/api/v1/query/gizmo
  kg serve -writable -token "$(cat token)" -addr 127.0.0.1:9000 news.db
`,
	}
	c.run = func(ctx context.Context, e *env, args []string) error {
		fs := c.flags(e)
		addr := fs.String("addr", "127.0.0.1:8080", "listen on `host:port`")
		writable := fs.Bool("writable", false, "allow write requests (needs -token)")
		token := fs.String("token", "", "bearer `token` write requests must present")
		timeout := fs.Duration("timeout", serve.DefaultTimeout, "stop a request that runs longer than `D`")
		limit := fs.Int("limit", serve.DefaultLimit, "return at most `N` results per request")
		maxBody := fs.Int64("max-body", serve.DefaultMaxBody, "refuse request bodies over `bytes`")
		if err := parse(fs, args); err != nil {
			return err
		}
		if fs.NArg() != 1 {
			return usagef("want one GRAPH, got %d arguments", fs.NArg())
		}
		switch {
		case *writable && *token == "":
			return usagef("-writable needs -token")
		case !*writable && *token != "":
			return usagef("-token without -writable: the server is read-only")
		case *timeout <= 0 || *limit <= 0 || *maxBody <= 0:
			return usagef("-timeout, -limit and -max-body must be positive")
		}
		opts := []kg.Option{kg.MustExist()}
		if !*writable {
			opts = []kg.Option{kg.ReadOnly()}
		}
		g, err := openGraph(fs.Arg(0), opts...)
		if err != nil {
			return err
		}
		defer g.Close()
		h, err := serve.Handler(g.Store(), serve.Config{Writable: *writable, Token: *token, Timeout: *timeout, Limit: *limit, MaxBody: *maxBody})
		if err != nil {
			return err
		}
		ln, err := net.Listen("tcp", *addr)
		if err != nil {
			return err
		}
		mode := "read-only"
		if *writable {
			mode = "writable"
		}
		fmt.Fprintf(e.stdout, "kg serve: %s (%s) on http://%s\n", fs.Arg(0), mode, ln.Addr())
		if err := serve.Serve(ctx, ln, h, 10*time.Second); err != nil {
			return err
		}
		fmt.Fprintf(e.stderr, "kg serve: stopped\n")
		return nil
	}
	return c
}
