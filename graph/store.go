package graph

import (
	"context"
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/boltdb/bolt"
	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
	_ "github.com/cayleygraph/cayley/graph/kv/leveldb" // registers "leveldb"
	"github.com/cayleygraph/cayley/graph/memstore"
	_ "github.com/cayleygraph/cayley/graph/sql/postgres" // registers "postgres"
	"github.com/cayleygraph/quad"
	hbolt "github.com/hidal-go/hidalgo/kv/bolt"

	"kg/extract"
)

// Options configure Open.
type Options struct {
	// ReadOnly opens the store for queries only; writes fail with
	// ErrReadOnly. Several read-only processes may share a Bolt file.
	ReadOnly bool
	// NoSync skips the fsync after each committed write (Bolt, LevelDB).
	// Committed data still survives the process being killed, but not a
	// power failure or kernel crash.
	NoSync bool
	// LockTimeout is how long opening a Bolt file waits for another
	// process to release it; 0 means one second.
	LockTimeout time.Duration
	// BatchQuads is roughly how many quads go into one write transaction;
	// 0 means DefaultBatchQuads. A document is never split.
	BatchQuads int
}

// DefaultBatchQuads is the write transaction size used when
// Options.BatchQuads is 0.
const DefaultBatchQuads = 20000

// ErrInUse is returned (wrapped) by Open when another process holds the
// Bolt file or LevelDB directory.
var ErrInUse = errors.New("in use by another process")

// ErrReadOnly is returned by writes to a store opened read-only.
var ErrReadOnly = errors.New("graph is open read-only")

// Store is a knowledge graph in a Cayley quad store. Its methods are safe
// for concurrent use; writes are serialized.
type Store struct {
	qs   cgraph.QuadStore
	addr string
	opts Options
	mu   sync.Mutex // held by writers
}

// Open opens the graph at addr, creating it if it does not exist (unless
// opts.ReadOnly). addr is one of
//
//	mem                 an in-memory graph, lost on Close
//	leveldb:PATH        a LevelDB directory
//	postgres://...      a PostgreSQL database
//	PATH                a Bolt file, the default
func Open(addr string, opts Options) (*Store, error) {
	if opts.BatchQuads <= 0 {
		opts.BatchQuads = DefaultBatchQuads
	}
	if opts.LockTimeout <= 0 {
		opts.LockTimeout = time.Second
	}
	// Cayley's KV bloom filters cost ~80 MB and a scan of every quad at
	// open; without them Bolt loads as fast or faster (see BenchmarkPut).
	copts := cgraph.Options{"nosync": opts.NoSync, kv.OptNoBloom: true}
	var (
		qs  cgraph.QuadStore
		err error
	)
	switch {
	case addr == "":
		return nil, errors.New("open graph: empty address")
	case addr == "mem":
		qs = memstore.New()
	case strings.HasPrefix(addr, "leveldb:"):
		dir := strings.TrimPrefix(addr, "leveldb:")
		qs, err = openRegistered("leveldb", dir, copts, opts.ReadOnly)
		if errors.Is(err, syscall.EAGAIN) {
			err = ErrInUse
		}
	case strings.HasPrefix(addr, "postgres://"), strings.HasPrefix(addr, "postgresql://"):
		qs, err = openRegistered("postgres", addr, copts, opts.ReadOnly)
	default:
		qs, err = openBolt(addr, copts, opts)
	}
	if errors.Is(err, ErrInUse) {
		return nil, fmt.Errorf("graph %s is %w", redact(addr), err)
	} else if err != nil {
		return nil, fmt.Errorf("open graph %s: %w", redact(addr), err)
	}
	return &Store{qs: qs, addr: addr, opts: opts}, nil
}

// redact hides a password in a database URL.
func redact(addr string) string {
	at := strings.Index(addr, "@")
	scheme := strings.Index(addr, "://")
	if at < 0 || scheme < 0 || at < scheme {
		return addr
	}
	userinfo := addr[scheme+3 : at]
	if i := strings.Index(userinfo, ":"); i >= 0 {
		return addr[:scheme+3] + userinfo[:i] + ":***" + addr[at:]
	}
	return addr
}

// openRegistered opens a quad store registered with Cayley, initializing it
// first unless read-only.
func openRegistered(typ, addr string, copts cgraph.Options, readOnly bool) (cgraph.QuadStore, error) {
	if !readOnly {
		if err := cgraph.InitQuadStore(typ, addr, copts); err != nil && err != cgraph.ErrDatabaseExists {
			return nil, err
		}
	}
	return cgraph.NewQuadStore(typ, addr, copts)
}

// openBolt opens a Bolt file directly (Cayley's own registration waits
// forever for a locked file and wants a directory).
func openBolt(path string, copts cgraph.Options, opts Options) (cgraph.QuadStore, error) {
	if _, err := os.Stat(path); err != nil && opts.ReadOnly {
		return nil, err
	}
	db, err := hbolt.Open(path, &bolt.Options{Timeout: opts.LockTimeout, ReadOnly: opts.ReadOnly})
	if err == bolt.ErrTimeout {
		return nil, ErrInUse
	} else if err != nil {
		return nil, err
	}
	db.DB().NoSync = opts.NoSync
	if !opts.ReadOnly {
		if err := kv.Init(db, copts); err != nil && err != cgraph.ErrDatabaseExists {
			db.Close()
			return nil, err
		}
	}
	qs, err := kv.New(db, copts)
	if err != nil {
		db.Close()
		if err == cgraph.ErrNotInitialized {
			return nil, fmt.Errorf("%s is not a graph", path)
		}
		return nil, err
	}
	return qs, nil
}

// Close releases the store.
func (s *Store) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.qs.Close()
}

// QuadStore gives access to the underlying Cayley quad store, for query
// languages and tools that speak Cayley.
func (s *Store) QuadStore() cgraph.QuadStore { return s.qs }

// Put stores documents. Each document replaces any earlier version with
// the same ID, and only the difference is written, so putting an unchanged
// document writes nothing.
//
// Documents are written in batches of two transactions: the first deletes
// what changed documents no longer state, together with their kg:hash
// marker; the second adds the new quads and the new marker. (Cayley's KV
// stores corrupt quads when one transaction both adds and deletes quads of
// the same node.) A new document thus lands in one transaction with its
// marker, and an interrupted Put leaves every document either complete
// and marked, or unmarked so that Has reports it missing and the next Put
// completes it.
func (s *Store) Put(docs ...*extract.Document) error {
	if s.opts.ReadOnly {
		return ErrReadOnly
	}
	ctx := context.Background()
	s.mu.Lock()
	defer s.mu.Unlock()
	var (
		dels, adds []quad.Quad
		pending    = make(map[string]bool) // IDs of documents in the batch
	)
	flush := func() error {
		for _, b := range []struct {
			quads  []quad.Quad
			action cgraph.Procedure
		}{{dels, cgraph.Delete}, {adds, cgraph.Add}} {
			if len(b.quads) == 0 {
				continue
			}
			deltas := make([]cgraph.Delta, len(b.quads))
			for i, q := range b.quads {
				deltas[i] = cgraph.Delta{Quad: q, Action: b.action}
			}
			if err := s.qs.ApplyDeltas(deltas, cgraph.IgnoreOpts{IgnoreDup: true, IgnoreMissing: true}); err != nil {
				return fmt.Errorf("write documents: %w", err)
			}
		}
		dels, adds = dels[:0], adds[:0]
		clear(pending)
		return nil
	}
	for _, doc := range docs {
		if err := Check(doc); err != nil {
			return err
		}
		if pending[doc.ID] {
			if err := flush(); err != nil {
				return err
			}
		}
		old, err := s.docQuads(ctx, doc.ID)
		if err != nil {
			return err
		}
		d, a := diff(old, Quads(doc))
		if len(d)+len(a) > 0 {
			// Unmark the document while it changes, even if its hash does not.
			iri := DocIRI(doc.ID)
			marker := quad.Quad{Subject: iri, Predicate: Hash, Object: quad.String(ContentHash(doc)), Label: iri}
			if slices.Contains(old, marker) {
				d, a = append(d, marker), append(a, marker)
			}
		}
		dels, adds = append(dels, d...), append(adds, a...)
		pending[doc.ID] = true
		if len(dels)+len(adds) >= s.opts.BatchQuads {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	return flush()
}

// diff returns the quads to delete and to add to turn old into new.
func diff(old, new []quad.Quad) (dels, adds []quad.Quad) {
	kept := make(map[quad.Quad]bool, len(old))
	for _, q := range old {
		kept[q] = false
	}
	for _, q := range new {
		if _, ok := kept[q]; ok {
			kept[q] = true
		} else {
			adds = append(adds, q)
		}
	}
	for _, q := range old {
		if !kept[q] {
			dels = append(dels, q)
		}
	}
	return dels, adds
}

// Check reports whether a document is consistent enough to store: an ID,
// valid UTF-8 text, and spans and indices that lie inside it.
func Check(doc *extract.Document) error {
	bad := func(format string, args ...any) error {
		return fmt.Errorf("document %q: %s", doc.ID, fmt.Sprintf(format, args...))
	}
	if doc.ID == "" {
		return errors.New("document without ID")
	}
	n := len(doc.Text)
	span := func(s extract.Span) bool { return 0 <= s.Start && s.Start <= s.End && s.End <= n }
	for i, s := range doc.Sentences {
		if !span(s.Span) {
			return bad("sentence %d: span %d-%d outside text of %d bytes", i, s.Start, s.Span.End, n)
		}
	}
	for i, m := range doc.Mentions {
		if !span(m.Span) {
			return bad("mention %d: span %d-%d outside text of %d bytes", i, m.Start, m.Span.End, n)
		}
	}
	for i, f := range doc.Facts {
		if !span(f.Span) {
			return bad("fact %d: span %d-%d outside text of %d bytes", i, f.Start, f.End, n)
		}
		for _, a := range append([]extract.Arg{f.Subject, f.Object}, f.Extra...) {
			if a.Mention >= len(doc.Mentions) {
				return bad("fact %d: mention %d out of range", i, a.Mention)
			}
		}
	}
	return nil
}

// Has reports whether the document with the ID is stored with the given
// content hash (see ContentHash), or, if hash is "", in any version.
func (s *Store) Has(docID, hash string) (bool, error) {
	d := DocIRI(docID)
	if hash != "" {
		return s.hasQuad(quad.Quad{Subject: d, Predicate: Hash, Object: quad.String(hash), Label: d}), nil
	}
	return s.hasQuad(quad.Quad{Subject: d, Predicate: RDFType, Object: NewsArticle, Label: d}), nil
}

// hasQuad reports whether the store holds q.
func (s *Store) hasQuad(q quad.Quad) bool {
	ref := s.qs.ValueOf(q.Subject)
	if ref == nil {
		return false
	}
	ctx := context.Background()
	it := s.qs.QuadIterator(quad.Subject, ref)
	defer it.Close()
	for it.Next(ctx) {
		if s.qs.Quad(it.Result()) == q {
			return true
		}
	}
	return false
}

// Remove deletes every quad of the document with the ID. Removing a
// document that is not stored is no error.
func (s *Store) Remove(docID string) error {
	if s.opts.ReadOnly {
		return ErrReadOnly
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	old, err := s.docQuads(context.Background(), docID)
	if err != nil || len(old) == 0 {
		return err
	}
	deltas := make([]cgraph.Delta, len(old))
	for i, q := range old {
		deltas[i] = cgraph.Delta{Quad: q, Action: cgraph.Delete}
	}
	if err := s.qs.ApplyDeltas(deltas, cgraph.IgnoreOpts{IgnoreMissing: true}); err != nil {
		return fmt.Errorf("remove document %q: %w", docID, err)
	}
	return nil
}

// docQuads returns the quads a document owns: those labelled with its IRI
// or with one of its sentences.
func (s *Store) docQuads(ctx context.Context, docID string) ([]quad.Quad, error) {
	d := DocIRI(docID)
	quads, err := s.labelled(ctx, d)
	if err != nil {
		return nil, err
	}
	n := len(quads)
	for _, q := range quads[:n] {
		if q.Predicate == InDocument && q.Object == d {
			more, err := s.labelled(ctx, q.Subject)
			if err != nil {
				return nil, err
			}
			quads = append(quads, more...)
		}
	}
	return quads, nil
}

// labelled returns the quads with the given label.
func (s *Store) labelled(ctx context.Context, label quad.Value) ([]quad.Quad, error) {
	ref := s.qs.ValueOf(label)
	if ref == nil {
		return nil, nil
	}
	return s.quadsOf(ctx, quad.Label, ref)
}

// quadsOf returns the quads with ref in direction dir.
func (s *Store) quadsOf(ctx context.Context, dir quad.Direction, ref cgraph.Ref) ([]quad.Quad, error) {
	it := s.qs.QuadIterator(dir, ref)
	defer it.Close()
	var quads []quad.Quad
	for it.Next(ctx) {
		quads = append(quads, s.qs.Quad(it.Result()))
	}
	if err := it.Err(); err != nil {
		return nil, fmt.Errorf("read graph: %w", err)
	}
	return quads, nil
}
