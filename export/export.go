// Package export writes a kg graph in formats other tools read: N-Quads
// (the store's own export), JSON-LD, CSV and TSV tables of facts with
// their provenance, GraphML and Graphviz DOT.
//
// Every writer is deterministic: equal graphs give identical bytes.
// JSON-LD and N-Quads carry every quad; the tables carry one row per fact
// occurrence; GraphML and DOT carry the network of entities and concepts
// joined by facts, optionally cut to the neighbourhood of one entity.
package export

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strings"

	"kg/graph"
)

// format is one output format.
type format struct {
	name, contentType string
	network           bool // a network writer, which honours Options.Around
	write             func(ctx context.Context, s *graph.Store, w io.Writer, opts Options) error
}

// formats lists the formats, the default first.
var formats = []format{
	{"nquads", "application/n-quads", false, func(_ context.Context, s *graph.Store, w io.Writer, _ Options) error { return s.Export(w) }},
	{"jsonld", "application/ld+json", false, func(ctx context.Context, s *graph.Store, w io.Writer, _ Options) error { return JSONLD(ctx, s, w) }},
	{"csv", "text/csv; charset=utf-8", false, func(ctx context.Context, s *graph.Store, w io.Writer, _ Options) error { return Table(ctx, s, w, ',') }},
	{"tsv", "text/tab-separated-values; charset=utf-8", false, func(ctx context.Context, s *graph.Store, w io.Writer, _ Options) error { return Table(ctx, s, w, '\t') }},
	{"graphml", "application/graphml+xml", true, writeNetwork(GraphML)},
	{"dot", "text/vnd.graphviz; charset=utf-8", true, writeNetwork(DOT)},
}

// Options select what Write writes.
type Options struct {
	// Around, if not empty, names an entity (name, alias or key, as
	// graph.Store.Lookup takes it); network formats then write only the
	// part of the network within Depth facts of it.
	Around string
	// Depth is how many facts away from Around the network reaches;
	// 0 means DefaultDepth.
	Depth int
}

// DefaultDepth is the neighbourhood depth used when Options.Depth is 0.
const DefaultDepth = 2

// Formats returns the names of the formats Write knows, the default
// ("nquads") first.
func Formats() []string {
	names := make([]string, len(formats))
	for i, f := range formats {
		names[i] = f.name
	}
	return names
}

// lookup returns the format called name.
func lookup(name string) (*format, error) {
	i := slices.IndexFunc(formats, func(f format) bool { return f.name == name })
	if i < 0 {
		return nil, fmt.Errorf("unknown format %q (want one of %s)", name, strings.Join(Formats(), ", "))
	}
	return &formats[i], nil
}

// Check reports whether name is a known format and opts suit it.
func Check(name string, opts Options) error {
	f, err := lookup(name)
	if err != nil {
		return err
	}
	if opts.Around != "" && !f.network {
		return fmt.Errorf("format %s writes the whole graph; a neighbourhood (around) needs graphml or dot", name)
	}
	if opts.Depth < 0 {
		return fmt.Errorf("depth %d: want 0 (default %d) or more", opts.Depth, DefaultDepth)
	}
	return nil
}

// ContentType returns the media type of a format, or "" if it is unknown.
func ContentType(name string) string {
	if f, err := lookup(name); err == nil {
		return f.contentType
	}
	return ""
}

// Write writes the graph in the named format (see Formats).
func Write(ctx context.Context, s *graph.Store, w io.Writer, name string, opts Options) error {
	if err := Check(name, opts); err != nil {
		return err
	}
	f, _ := lookup(name)
	return f.write(ctx, s, w, opts)
}

// writeNetwork adapts a network writer to a format's write function.
func writeNetwork(write func(io.Writer, *Network) error) func(context.Context, *graph.Store, io.Writer, Options) error {
	return func(ctx context.Context, s *graph.Store, w io.Writer, opts Options) error {
		n, err := Load(ctx, s)
		if err != nil {
			return err
		}
		if opts.Around != "" {
			ents, err := s.Lookup(ctx, opts.Around)
			if err != nil {
				return err
			}
			if len(ents) == 0 {
				return fmt.Errorf("no entity named %q", opts.Around)
			}
			depth := opts.Depth
			if depth == 0 {
				depth = DefaultDepth
			}
			var roots []string
			for _, e := range ents {
				roots = append(roots, e.IRI)
			}
			n = n.Around(roots, depth)
		}
		return write(w, n)
	}
}
