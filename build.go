package kg

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sync"
	"time"

	"kg/extract"
	"kg/extract/entity"
	"kg/graph"
	"kg/source"
)

// Extractor annotates a document with sentences, tokens, mentions and
// facts. It must be safe for concurrent use. *pipeline.Pipeline is one.
type Extractor interface {
	Process(doc *extract.Document) error
}

// BuildOptions control Build. The zero value reads inputs by file name,
// extracts with every core and keeps going past bad inputs.
type BuildOptions struct {
	// Extractor turns text into facts; nil means the default NLP pipeline,
	// which resolves entities against those already in the graph.
	Extractor Extractor
	// Aliases are the user's corrections to entity resolution (see
	// entity.ParseAliases), for the default pipeline; nil for none.
	Aliases *entity.Aliases
	// Source says how inputs are read (format, standard input, size limit).
	Source source.Options
	// Workers is the number of documents extracted at once; 0 means one per
	// CPU.
	Workers int
	// Batch is the number of documents committed to the graph together;
	// 0 means 32. An interrupted build keeps every committed batch.
	Batch int
	// Strict stops the build at the first input that cannot be read or
	// extracted, instead of skipping it.
	Strict bool
	// Progress, if set, is called after each document is stored, skipped or
	// found present, from one goroutine at a time.
	Progress func(Progress)
}

// Progress is the state of a running build.
type Progress struct {
	BuildStats
	Bytes, TotalBytes int64 // input read so far and in all (0 when unknown)
}

// BuildStats counts what a build did.
type BuildStats struct {
	Documents int              // extracted and stored
	Present   int              // already stored with the same content
	Skipped   int              // inputs or records not stored because of an error
	Sentences int              // in the stored documents
	Mentions  int              // entity mentions in the stored documents
	Facts     int              // facts in the stored documents
	Quads     int              // quads of the stored documents
	Errors    source.ErrorList // why inputs were skipped, sorted by file
	Ignored   []string         // files in directories not read (unknown type)
	Elapsed   time.Duration    // wall time of the build
}

// defaultBatch is the number of documents per commit when
// BuildOptions.Batch is 0.
const defaultBatch = 32

// job is one document on its way through extraction.
type job struct {
	seq int
	doc *extract.Document
	err error // extraction failed
}

// Build reads the inputs, extracts facts from every document not already
// in the graph with the same content, and stores them. Bad inputs are
// counted and listed in BuildStats.Errors, and skipped unless opts.Strict.
//
// Documents are extracted in parallel and committed in input order, in
// batches. When ctx is cancelled, Build stops reading, commits the
// documents already extracted and returns ctx.Err(); building the same
// inputs again resumes where it stopped. The returned stats are valid
// whatever the error.
func (g *Graph) Build(ctx context.Context, inputs []string, opts BuildOptions) (BuildStats, error) {
	start := time.Now()
	ex := opts.Extractor
	var def *extractor
	if ex == nil {
		var err error
		if def, err = newExtractor(ctx, g, opts.Aliases); err != nil {
			return BuildStats{}, fmt.Errorf("load NLP pipeline: %w", err)
		}
		ex = def
	}
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	batch := opts.Batch
	if batch <= 0 {
		batch = defaultBatch
	}

	r := source.NewReader(inputs, opts.Source)
	b := &builder{g: g, opts: opts, reader: r, batch: batch, start: start, def: def}
	b.stats.Ignored = r.Ignored()

	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	jobs := make(chan job, workers)
	done := make(chan job, workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				// A strict build stops reading at its first bad input but
				// still stores the documents read before it.
				if c := context.Cause(ctx); c == nil || c == errStrict {
					j.err = protect(ex.Process, j.doc)
				} else {
					j.doc = nil // interrupted before extraction
				}
				done <- j
			}
		}()
	}
	go func() {
		b.read(ctx, cancel, jobs)
		close(jobs)
		wg.Wait()
		close(done)
	}()
	err := b.commit(done)
	if err != nil {
		cancel(err)
		for range done { // let the reader and workers finish
		}
	}
	b.stats.Elapsed = time.Since(start)
	b.stats.Errors.Sort()
	if err == nil {
		err = context.Cause(ctx)
	}
	if errors.Is(err, errStrict) {
		err = b.strictErr
	}
	return b.stats, err
}

// errStrict cancels a strict build at its first bad input.
var errStrict = errors.New("stopped at the first bad input")

// protect runs one extraction step, turning a panic into an error so that
// one bad document cannot take the build down.
func protect(step func(*extract.Document) error, doc *extract.Document) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("internal error: %v", p)
		}
	}()
	return step(doc)
}

// builder holds the state of one Build shared by its reader and committer.
type builder struct {
	g      *Graph
	opts   BuildOptions
	reader *source.Reader
	batch  int
	start  time.Time
	def    *extractor // the default extractor, whose ordered stages the committer runs

	mu        sync.Mutex // guards stats: the reader counts present and skipped documents
	stats     BuildStats
	strictErr error             // the bad input that stopped a strict build
	seen      map[string]string // document ID → where it was read, for duplicates
}

// read sends the documents that need extracting to jobs, in input order.
func (b *builder) read(ctx context.Context, cancel context.CancelCauseFunc, jobs chan<- job) {
	b.seen = make(map[string]string)
	seq := 0
	for doc, err := range b.reader.All() {
		if ctx.Err() != nil {
			return
		}
		if err == nil {
			err = b.duplicate(doc)
		}
		if err != nil {
			if b.skip(err) {
				cancel(errStrict)
				return
			}
			continue
		}
		present, err := b.g.store.Has(doc.ID, graph.ContentHash(doc))
		if err != nil {
			cancel(fmt.Errorf("%s: %w", doc.Meta.Source, err))
			return
		}
		if present {
			b.update(func(s *BuildStats) { s.Present++ })
			continue
		}
		select {
		case jobs <- job{seq: seq, doc: doc}:
			seq++
		case <-ctx.Done():
			return
		}
	}
}

// duplicate reports a document whose ID was already read in this build.
func (b *builder) duplicate(doc *extract.Document) error {
	if where, ok := b.seen[doc.ID]; ok {
		return &source.Error{Path: doc.Meta.Source, Msg: fmt.Sprintf("duplicate document ID %q (first read from %s)", doc.ID, where)}
	}
	b.seen[doc.ID] = doc.Meta.Source
	return nil
}

// skip counts a bad input. It reports whether the build must stop.
func (b *builder) skip(err error) bool {
	b.update(func(s *BuildStats) {
		s.Skipped++
		s.Errors.Add(err)
		if b.opts.Strict && b.strictErr == nil {
			b.strictErr = err
		}
	})
	return b.opts.Strict
}

// update changes the stats and reports progress.
func (b *builder) update(f func(*BuildStats)) {
	b.mu.Lock()
	defer b.mu.Unlock()
	f(&b.stats)
	if b.opts.Progress != nil {
		done, total := b.reader.Progress()
		s := b.stats
		s.Elapsed = time.Since(b.start)
		b.opts.Progress(Progress{BuildStats: s, Bytes: done, TotalBytes: total})
	}
}

// commit stores extracted documents in input order, batch by batch, until
// done is closed.
func (b *builder) commit(done <-chan job) error {
	pending := map[int]job{} // extracted out of order
	next := 0
	var batch []*extract.Document
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		if b.def != nil {
			for _, doc := range batch {
				b.def.canonicalize(doc)
			}
		}
		if err := b.g.store.Put(batch...); err != nil {
			return err
		}
		for _, doc := range batch {
			b.update(func(s *BuildStats) {
				s.Documents++
				s.Sentences += len(doc.Sentences)
				s.Mentions += len(doc.Mentions)
				s.Facts += len(doc.Facts)
				s.Quads += len(graph.Quads(doc))
			})
		}
		batch = batch[:0]
		return nil
	}
	for j := range done {
		pending[j.seq] = j
		for {
			j, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			if j.doc == nil { // interrupted
				continue
			}
			if j.err == nil && b.def != nil {
				j.err = protect(b.def.resolve, j.doc)
			}
			if j.err != nil {
				if b.skip(&source.Error{Path: j.doc.Meta.Source, Msg: "extraction failed", Err: j.err}) {
					if err := flush(); err != nil {
						return err
					}
					return errStrict
				}
				continue
			}
			batch = append(batch, j.doc)
			if len(batch) >= b.batch {
				if err := flush(); err != nil {
					return err
				}
			}
		}
	}
	return flush()
}
