package shell

import (
	"cmp"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/cayleygraph/quad"

	"kg/graph"
)

// meta runs a meta command.
func (sh *Shell) meta(ctx context.Context, m Meta) error {
	switch m.Name {
	case "q", "quit", "exit":
		return errQuit
	case "h", "help", "?":
		sh.help()
		return nil
	case "why":
		if m.Arg == "" {
			return fmt.Errorf(":why wants a path query, such as :why Peskov -> spokesman_of")
		}
		return sh.why(ctx, m.Arg)
	case "entities":
		return sh.entities(ctx, m.Arg)
	case "schema":
		return sh.schema(ctx)
	case "stats":
		return sh.stats(ctx)
	case "sources":
		return sh.sources(ctx)
	case "export":
		return sh.export(m.Arg)
	case "lang":
		if m.Arg != "" {
			l, err := ParseLang(m.Arg)
			if err != nil {
				return err
			}
			sh.lang = l
		}
		fmt.Fprintf(sh.out, "language: %s\n", sh.lang)
		return nil
	case "format":
		if m.Arg != "" {
			f, err := ParseFormat(m.Arg)
			if err != nil {
				return err
			}
			sh.format = f
		}
		fmt.Fprintf(sh.out, "format: %s\n", sh.format)
		return nil
	case "timeout":
		if m.Arg != "" {
			d, err := time.ParseDuration(m.Arg)
			if err != nil || d < 0 {
				return fmt.Errorf("timeout %q: want a duration such as 30s, or 0 for none", m.Arg)
			}
			sh.timeout = d
		}
		fmt.Fprintf(sh.out, "timeout: %s\n", sh.timeout)
		return nil
	}
	var names []string
	for _, c := range metaCommands {
		names = append(names, c.name)
	}
	msg := fmt.Sprintf("unknown command :%s", m.Name)
	if s := matching(m.Name, names); len(s) > 0 {
		msg += fmt.Sprintf("; did you mean :%s?", s[0])
	}
	return fmt.Errorf("%s (:help lists commands)", msg)
}

// helpText explains both languages; the commands follow it.
const helpText = `Type a query and press Enter. Two languages share the prompt: input that
starts like JavaScript (g.V(...), var, function) is Gizmo, anything else is a
path query. :lang gizmo|path fixes one.

Path queries (names resolve by label or alias, any case; Tab completes):
  Peskov -> spokesman_of               what Peskov is spokesman of
  Kremlin <- spokesman_of              who is spokesman of the Kremlin
  ? -> reject -> ?                     every pair the relation joins
  Peskov -> ?                          every relation and object of Peskov
  ?who -> spokesman_of -> Kremlin      a named variable names its column
  Peskov -> spokesman_of -> ? -> based_in     two hops
  path Peskov Biden                    shortest connection (path A to B within N)
  who said "optimism"                  speakers of quotes containing the text
  "Dmitry Peskov" -> said              quote names with spaces, or <IRIs>

Gizmo (Cayley's JavaScript; docs/schema.md lists the IRIs):
  g.V("<http://kg.local/entity/Dmitry_Peskov>").Out().All()
  A line with open brackets or quotes continues on the next ("..." prompt).

Ctrl-C stops a running query or clears the line; Ctrl-D leaves.

Commands:`

func (sh *Shell) help() {
	fmt.Fprintln(sh.out, helpText)
	for _, c := range metaCommands {
		fmt.Fprintf(sh.out, "  %-28s %s\n", ":"+strings.TrimSpace(c.name+" "+c.args), c.help)
	}
}

// evidence is one sentence behind a result, for :why.
type evidence struct {
	Text     string `json:"text"`
	Title    string `json:"title,omitempty"`
	Outlet   string `json:"outlet,omitempty"`
	Date     string `json:"date,omitempty"`
	URL      string `json:"url,omitempty"`
	Document string `json:"document"`
}

// whySentences is how many sentences :why prints per row in a table.
const whySentences = 5

func (sh *Shell) why(ctx context.Context, src string) error {
	ctx, cancel := sh.queryContext(ctx)
	defer cancel()
	r, err := sh.eval.Run(ctx, src, 0)
	if err != nil {
		return sh.queryError(ctx, err)
	}
	rows := r.Rows
	more := 0
	if sh.format == Table && len(rows) > sh.cfg.MaxRows {
		more = len(rows) - sh.cfg.MaxRows
		rows = rows[:sh.cfg.MaxRows]
	}
	var out []map[string]any
	if sh.format == Table {
		sh.notes(sh.out, r)
		if len(rows) == 0 {
			fmt.Fprintln(sh.out, "(no results)")
		}
	}
	prov := make(map[string]graph.Provenance)
	for i, row := range rows {
		var ev []evidence
		for _, s := range row.Sentences {
			p, ok := prov[s]
			if !ok {
				if p, err = sh.cfg.Store.Provenance(ctx, s); err != nil {
					return sh.queryError(ctx, err)
				}
				prov[s] = p
			}
			ev = append(ev, evidence{p.Text, p.Title, p.Outlet, p.Date, p.URL, p.Document})
		}
		if sh.format == JSON {
			m := rowJSON(r.Columns, row)
			m["evidence"] = ev
			out = append(out, m)
			continue
		}
		var cells []string
		for j, c := range row.Cells {
			cells = append(cells, fmt.Sprintf("%s: %s", r.Columns[j], c.Text))
		}
		fmt.Fprintf(sh.out, "%d. %s — %s, %s\n", i+1, strings.Join(cells, ", "),
			counted(row.Sources, "source", "sources"), counted(len(row.Sentences), "sentence", "sentences"))
		for j, e := range ev {
			if j == whySentences {
				fmt.Fprintf(sh.out, "   … %d more\n", len(ev)-j)
				break
			}
			fmt.Fprintf(sh.out, "   %q\n", e.Text)
			var from []string
			for _, s := range []string{e.Title, e.Outlet, e.Date} {
				if s != "" {
					from = append(from, s)
				}
			}
			if len(from) == 0 {
				from = append(from, e.Document)
			}
			fmt.Fprintf(sh.out, "     — %s\n", strings.Join(from, " · "))
		}
	}
	if sh.format == JSON {
		sh.notes(sh.errOut, r)
		if out == nil {
			out = []map[string]any{}
		}
		return writeJSON(sh.out, out)
	}
	if more > 0 {
		fmt.Fprintf(sh.out, "… %s more %s; use :format json or a narrower query\n", thousands(more), plural(more, "row"))
	}
	return nil
}

// parseType maps :entities' type argument to a schema.org class.
func parseType(s string) (string, bool) {
	switch strings.ToLower(s) {
	case "person", "people", "per", "persons":
		return "Person", true
	case "organization", "organisation", "org", "orgs", "organizations":
		return "Organization", true
	case "place", "places", "loc", "location":
		return "Place", true
	case "thing", "things", "other", "oth":
		return "Thing", true
	}
	return "", false
}

func (sh *Shell) entities(ctx context.Context, arg string) error {
	var q graph.EntityQuery
	if first, rest, _ := strings.Cut(arg, " "); first != "" {
		if t, ok := parseType(first); ok {
			q.Type, arg = t, strings.TrimSpace(rest)
		}
	}
	q.Match = arg
	ctx, cancel := sh.queryContext(ctx)
	defer cancel()
	ents, err := sh.cfg.Store.Entities(ctx, q)
	if err != nil {
		return sh.queryError(ctx, err)
	}
	if sh.format == JSON {
		if ents == nil {
			ents = []graph.Entity{}
		}
		return writeJSON(sh.out, ents)
	}
	var rows [][]string
	for _, e := range ents {
		aliases := slices.DeleteFunc(slices.Clone(e.Aliases), func(a string) bool { return a == e.Name })
		rows = append(rows, []string{e.Name, e.Type, e.Kind, strconv.Itoa(e.Mentions), strconv.Itoa(e.Documents), strings.Join(aliases, ", ")})
	}
	writeTable(sh.out, []string{"name", "type", "kind", "mentions", "documents", "aliases"}, rows, sh.cfg.MaxRows, 0)
	return nil
}

func (sh *Shell) schema(ctx context.Context) error {
	st, err := sh.cfg.Store.Stats(ctx)
	if err != nil {
		return err
	}
	type rel struct {
		Relation string `json:"relation"`
		Count    int    `json:"count"`
		IRI      string `json:"iri"`
	}
	var rels []rel
	for name, n := range st.Relations {
		rels = append(rels, rel{name, n, string(graph.RelationIRI(name))})
	}
	slices.SortFunc(rels, func(a, b rel) int { return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Relation, b.Relation)) })
	if sh.format == JSON {
		if rels == nil {
			rels = []rel{}
		}
		return writeJSON(sh.out, rels)
	}
	var rows [][]string
	for _, r := range rels {
		rows = append(rows, []string{r.Relation, strconv.Itoa(r.Count), "<" + r.IRI + ">"})
	}
	writeTable(sh.out, []string{"relation", "facts", "gizmo"}, rows, 0, 0)
	return nil
}

func (sh *Shell) stats(ctx context.Context) error {
	st, err := sh.cfg.Store.Stats(ctx)
	if err != nil {
		return err
	}
	if sh.format == JSON {
		return writeJSON(sh.out, st)
	}
	rows := [][]string{
		{"quads", strconv.FormatInt(st.Quads, 10)},
		{"documents", strconv.Itoa(st.Documents)},
		{"sentences", strconv.Itoa(st.Sentences)},
		{"entities", strconv.Itoa(st.Entities)},
		{"facts", strconv.Itoa(st.Statements)},
		{"relations", strconv.Itoa(len(st.Relations))},
	}
	writeTable(sh.out, []string{"graph", sh.cfg.Name}, rows, 0, 0)
	return nil
}

func (sh *Shell) sources(ctx context.Context) error {
	var docs []quad.Value
	err := sh.cfg.Store.Each(ctx, quad.Predicate, graph.RDFType, func(q quad.Quad) {
		if q.Object == graph.NewsArticle {
			docs = append(docs, q.Subject)
		}
	})
	if err != nil {
		return err
	}
	var ps []graph.Provenance
	for _, d := range docs {
		p, err := sh.cfg.Store.Provenance(ctx, graph.ValueString(d))
		if err != nil {
			return err
		}
		ps = append(ps, p)
	}
	slices.SortFunc(ps, func(a, b graph.Provenance) int {
		return cmp.Or(cmp.Compare(a.Outlet, b.Outlet), cmp.Compare(a.Date, b.Date), cmp.Compare(a.Title, b.Title))
	})
	if sh.format == JSON {
		out := []evidence{}
		for _, p := range ps {
			out = append(out, evidence{Title: p.Title, Outlet: p.Outlet, Date: p.Date, URL: p.URL, Document: p.Document})
		}
		return writeJSON(sh.out, out)
	}
	var rows [][]string
	outlets := make(map[string]bool)
	for _, p := range ps {
		outlets[p.Outlet] = true
		rows = append(rows, []string{p.Outlet, p.Date, p.Title, p.Source})
	}
	writeTable(sh.out, []string{"outlet", "date", "title", "source"}, rows, sh.cfg.MaxRows, 0)
	fmt.Fprintf(sh.out, "%s from %s\n", counted(len(ps), "document", "documents"), counted(len(outlets), "outlet", "outlets"))
	return nil
}

// export writes the graph to a file, replacing it only when complete.
func (sh *Shell) export(name string) error {
	if name == "" {
		return fmt.Errorf(":export wants a file name")
	}
	tmp, err := os.CreateTemp(filepath.Dir(name), ".kg-export-*")
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	defer os.Remove(tmp.Name())
	if err := sh.cfg.Store.Export(tmp); err != nil {
		tmp.Close()
		return fmt.Errorf("export %s: %w", name, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("export %s: %w", name, err)
	}
	if err := os.Rename(tmp.Name(), name); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	fi, err := os.Stat(name)
	if err == nil {
		fmt.Fprintf(sh.out, "wrote %s (%s bytes)\n", name, thousands(int(fi.Size())))
	}
	return err
}
