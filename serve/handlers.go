package serve

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/cayleygraph/quad"

	"kg/export"
	"kg/graph"
)

// entityJSON is an entity as the API writes it.
type entityJSON struct {
	IRI       string   `json:"iri"`
	Key       string   `json:"key"`
	Name      string   `json:"name"`
	Type      string   `json:"type"`
	Kind      string   `json:"kind,omitempty"`
	Aliases   []string `json:"aliases"`
	Mentions  int      `json:"mentions"`
	Documents int      `json:"documents"`
}

func entityOf(e graph.Entity) entityJSON {
	aliases := e.Aliases
	if aliases == nil {
		aliases = []string{}
	}
	return entityJSON{IRI: e.IRI, Key: graph.LocalName(quad.IRI(e.IRI)), Name: e.Name, Type: e.Type, Kind: e.Kind,
		Aliases: aliases, Mentions: e.Mentions, Documents: e.Documents}
}

// factJSON is a fact occurrence as the API writes it.
type factJSON struct {
	Statement    string         `json:"statement"`
	Kind         string         `json:"kind"`
	Subject      string         `json:"subject"`
	Relation     string         `json:"relation"`
	Object       string         `json:"object"`
	ObjectIsIRI  bool           `json:"object_is_iri"`
	SubjectText  string         `json:"subject_text,omitempty"`
	RelText      string         `json:"rel_text,omitempty"`
	ObjectText   string         `json:"object_text,omitempty"`
	Quote        string         `json:"quote,omitempty"`
	Negated      bool           `json:"negated"`
	Modality     string         `json:"modality,omitempty"`
	Confidence   float64        `json:"confidence"`
	AttributedTo string         `json:"attributed_to,omitempty"`
	Asserted     bool           `json:"asserted"`
	Sentence     provenanceJSON `json:"sentence"`
}

// provenanceJSON is the sentence and document stating a fact.
type provenanceJSON struct {
	IRI      string `json:"iri"`
	Text     string `json:"text"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Document string `json:"document"`
	Title    string `json:"title,omitempty"`
	Date     string `json:"date,omitempty"`
	URL      string `json:"url,omitempty"`
	Outlet   string `json:"outlet,omitempty"`
	Source   string `json:"source,omitempty"`
}

func factOf(f graph.FactRecord) factJSON {
	p := f.Sentence
	return factJSON{
		Statement: f.Statement, Kind: f.Kind, Subject: f.Subject, Relation: f.Relation,
		Object: f.Object, ObjectIsIRI: f.ObjectIsIRI, SubjectText: f.SubjectText, RelText: f.RelText,
		ObjectText: f.ObjectText, Quote: f.Quote, Negated: f.Negated, Modality: f.Modality,
		Confidence: f.Confidence, AttributedTo: f.AttributedTo, Asserted: f.Asserted,
		Sentence: provenanceJSON{IRI: p.IRI, Text: p.Text, Start: p.Start, End: p.End, Document: p.Document,
			Title: p.Title, Date: p.Date, URL: p.URL, Outlet: p.Outlet, Source: p.Source},
	}
}

// factsOf converts at most limit facts and reports whether it cut any.
func factsOf(facts []graph.FactRecord, limit int) ([]factJSON, bool) {
	out := make([]factJSON, 0, min(len(facts), limit))
	for _, f := range facts[:min(len(facts), limit)] {
		out = append(out, factOf(f))
	}
	return out, len(facts) > limit
}

func (sv *server) healthz(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

// gizmo runs the Gizmo program in the request body and answers as Cayley
// does: {"result": [...]} or {"error": "..."}.
func (sv *server) gizmo(w http.ResponseWriter, r *http.Request) {
	limit, err := sv.limit(r)
	if err != nil {
		writeError(w, http.StatusBadRequest, err)
		return
	}
	body, ok := readBody(w, r)
	if !ok {
		return
	}
	if len(bytes.TrimSpace(body)) == 0 {
		writeError(w, http.StatusBadRequest, errors.New("empty query: send the Gizmo program as the request body"))
		return
	}
	res, err := sv.store.Gizmo(r.Context(), string(body), limit)
	switch {
	case r.Context().Err() != nil:
		sv.fail(w, r, r.Context().Err())
	case err != nil:
		writeError(w, http.StatusBadRequest, err)
	default:
		writeJSON(w, http.StatusOK, map[string]any{"result": res})
	}
}

// entities lists entities: ?type= (Person, Organization, Place, Thing),
// ?q= (substring of a name or alias), ?limit=.
func (sv *server) entities(w http.ResponseWriter, r *http.Request) {
	limit, err := sv.limit(r)
	if err != nil {
		writeError(w, http.StatusBadRequest, err)
		return
	}
	q := r.URL.Query()
	typ := q.Get("type")
	if typ != "" {
		typ = strings.ToUpper(typ[:1]) + strings.ToLower(typ[1:])
	}
	ents, err := sv.store.Entities(r.Context(), graph.EntityQuery{Type: typ, Match: q.Get("q"), Limit: limit + 1})
	if err != nil {
		sv.fail(w, r, err)
		return
	}
	out := make([]entityJSON, 0, len(ents))
	for _, e := range ents[:min(len(ents), limit)] {
		out = append(out, entityOf(e))
	}
	writeJSON(w, http.StatusOK, map[string]any{"entities": out, "truncated": len(ents) > limit})
}

// entity describes the entity with a name, alias or key, with its facts.
// When several entities share the name, the most mentioned is described
// and the others are listed.
func (sv *server) entity(w http.ResponseWriter, r *http.Request) {
	limit, err := sv.limit(r)
	if err != nil {
		writeError(w, http.StatusBadRequest, err)
		return
	}
	name := r.PathValue("name")
	ents, err := sv.store.Lookup(r.Context(), name)
	if err != nil {
		sv.fail(w, r, err)
		return
	}
	if len(ents) == 0 {
		writeError(w, http.StatusNotFound, fmt.Errorf("no entity named %q", name))
		return
	}
	facts, err := sv.store.Facts(r.Context(), ents[0].IRI)
	if err != nil {
		sv.fail(w, r, err)
		return
	}
	others := make([]entityJSON, 0, len(ents)-1)
	for _, e := range ents[1:] {
		others = append(others, entityOf(e))
	}
	fs, cut := factsOf(facts, limit)
	writeJSON(w, http.StatusOK, map[string]any{"entity": entityOf(ents[0]), "facts": fs, "truncated": cut, "others": others})
}

// facts lists fact occurrences filtered by ?subject= and ?object= (entity
// names, aliases or keys; an object may also be a concept or the text of a
// literal) and ?relation= (such as spokesman_of or "spokesman of").
func (sv *server) facts(w http.ResponseWriter, r *http.Request) {
	limit, err := sv.limit(r)
	if err != nil {
		writeError(w, http.StatusBadRequest, err)
		return
	}
	q := r.URL.Query()
	ctx := r.Context()
	subj, _, err := sv.nodes(r, q.Get("subject"))
	if err != nil {
		sv.fail(w, r, err)
		return
	}
	obj, objEntity, err := sv.nodes(r, q.Get("object"))
	if err != nil {
		sv.fail(w, r, err)
		return
	}
	rel := strings.ReplaceAll(strings.TrimSpace(q.Get("relation")), " ", "_")
	objText := strings.ToLower(strings.TrimSpace(q.Get("object")))
	var all []graph.FactRecord
	from := subj
	if from == nil && objEntity {
		from = obj
	}
	if from == nil {
		all, err = sv.store.AllFacts(ctx)
	} else {
		for iri := range from {
			var fs []graph.FactRecord
			if fs, err = sv.store.Facts(ctx, iri); err != nil {
				break
			}
			all = append(all, fs...)
		}
	}
	if err != nil {
		sv.fail(w, r, err)
		return
	}
	var keep []graph.FactRecord
	seen := make(map[string]bool)
	for _, f := range all {
		switch {
		case seen[f.Statement],
			subj != nil && !subj[f.Subject],
			rel != "" && f.Relation != rel,
			obj != nil && !obj[f.Object] && (f.ObjectIsIRI || !strings.Contains(strings.ToLower(f.Object), objText)):
			continue
		}
		seen[f.Statement] = true
		keep = append(keep, f)
	}
	slices.SortFunc(keep, func(a, b graph.FactRecord) int {
		return cmp.Or(cmp.Compare(a.Sentence.Document, b.Sentence.Document), cmp.Compare(a.Sentence.Start, b.Sentence.Start), cmp.Compare(a.Statement, b.Statement))
	})
	out, cut := factsOf(keep, limit)
	writeJSON(w, http.StatusOK, map[string]any{"facts": out, "truncated": cut})
}

// nodes returns the IRIs a name may denote, the entities Lookup finds and
// the concept of that name, and whether it found entities. It returns nil
// for an empty name.
func (sv *server) nodes(r *http.Request, name string) (map[string]bool, bool, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return nil, false, nil
	}
	ents, err := sv.store.Lookup(r.Context(), name)
	if err != nil {
		return nil, false, err
	}
	iris := map[string]bool{string(graph.ConceptIRI(strings.ToLower(name))): true}
	for _, e := range ents {
		iris[e.IRI] = true
	}
	return iris, len(ents) > 0, nil
}

// stats counts the graph's quads, documents, sentences, entities, facts
// and facts by relation.
func (sv *server) stats(w http.ResponseWriter, r *http.Request) {
	st, err := sv.store.Stats(r.Context())
	if err != nil {
		sv.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{
		"quads": st.Quads, "documents": st.Documents, "sentences": st.Sentences,
		"entities": st.Entities, "facts": st.Statements, "relations": st.Relations,
	})
}

// export streams the graph: ?format= (default nquads; see export.Formats),
// and for graphml and dot ?around=ENTITY&depth=N.
func (sv *server) export(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	format := q.Get("format")
	if format == "" {
		format = export.Formats()[0]
	}
	opts := export.Options{Around: q.Get("around")}
	if d := q.Get("depth"); d != "" {
		n, err := strconv.Atoi(d)
		if err != nil {
			writeError(w, http.StatusBadRequest, fmt.Errorf("depth=%q: want a number", d))
			return
		}
		opts.Depth = n
	}
	if err := export.Check(format, opts); err != nil {
		writeError(w, http.StatusBadRequest, err)
		return
	}
	if opts.Around != "" {
		ents, err := sv.store.Lookup(r.Context(), opts.Around)
		if err != nil {
			sv.fail(w, r, err)
			return
		}
		if len(ents) == 0 {
			writeError(w, http.StatusNotFound, fmt.Errorf("no entity named %q", opts.Around))
			return
		}
	}
	w.Header().Set("Content-Type", export.ContentType(format))
	ew := &lazyWriter{w: w}
	if err := export.Write(r.Context(), sv.store, ew, format, opts); err != nil && !ew.started {
		w.Header().Del("Content-Type")
		sv.fail(w, r, err)
	}
}

// lazyWriter records whether anything was written, so that an error
// before the first byte can still become an error response.
type lazyWriter struct {
	w       http.ResponseWriter
	started bool
}

func (l *lazyWriter) Write(p []byte) (int, error) {
	l.started = true
	return l.w.Write(p)
}

// importQuads adds the N-Quads of the request body; malformed lines are
// skipped and reported.
func (sv *server) importQuads(w http.ResponseWriter, r *http.Request) {
	body, ok := readBody(w, r)
	if !ok {
		return
	}
	st, err := sv.store.Import(bytes.NewReader(body), "request", graph.ImportOptions{})
	if err != nil {
		writeError(w, http.StatusInternalServerError, err)
		return
	}
	errs := make([]string, 0, len(st.Errors))
	for _, e := range st.Errors {
		errs = append(errs, e.Error())
	}
	status := http.StatusOK
	if st.Skipped > 0 {
		status = http.StatusBadRequest
	}
	writeJSON(w, status, map[string]any{"lines": st.Lines, "quads": st.Quads, "skipped": st.Skipped, "errors": errs})
}

// removeDocument deletes a document and every quad it contributed.
func (sv *server) removeDocument(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	ok, err := sv.store.Has(id, "")
	if err != nil {
		sv.fail(w, r, err)
		return
	}
	if !ok {
		writeError(w, http.StatusNotFound, fmt.Errorf("no document %q", id))
		return
	}
	if err := sv.store.Remove(id); err != nil {
		writeError(w, http.StatusInternalServerError, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"removed": id})
}
