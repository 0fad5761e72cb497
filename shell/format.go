package shell

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"kg/graph"
	"kg/pathq"
)

// Format is how results are printed.
type Format uint8

// Formats.
const (
	Table Format = iota // aligned columns, long output cut
	JSON                // indented JSON, everything
)

func (f Format) String() string {
	if f == JSON {
		return "json"
	}
	return "table"
}

// ParseFormat maps "table" and "json" to a Format.
func ParseFormat(s string) (Format, error) {
	switch strings.ToLower(s) {
	case "table":
		return Table, nil
	case "json":
		return JSON, nil
	}
	return Table, fmt.Errorf("unknown format %q; want table or json", s)
}

// maxCell is the widest a table cell is printed, in characters.
const maxCell = 72

// writeTable prints header and rows as aligned columns, at most maxRows
// rows (all when maxRows <= 0), then a line counting the rest. more counts
// rows that were never fetched, on top of those cut here.
func writeTable(w io.Writer, header []string, rows [][]string, maxRows, more int) {
	if len(rows) == 0 && more == 0 {
		fmt.Fprintln(w, "(no results)")
		return
	}
	if maxRows > 0 && len(rows) > maxRows {
		more += len(rows) - maxRows
		rows = rows[:maxRows]
	}
	width := make([]int, len(header))
	numeric := make([]bool, len(header))
	for i, h := range header {
		width[i] = utf8.RuneCountInString(h)
		numeric[i] = len(rows) > 0
	}
	for _, r := range rows {
		for i, c := range r {
			r[i] = clip(c)
			width[i] = max(width[i], utf8.RuneCountInString(r[i]))
			if _, err := strconv.Atoi(c); err != nil {
				numeric[i] = false
			}
		}
	}
	line := func(cells []string) {
		var b strings.Builder
		for i, c := range cells {
			pad := strings.Repeat(" ", width[i]-utf8.RuneCountInString(c))
			if i > 0 {
				b.WriteString("  ")
			}
			if numeric[i] {
				b.WriteString(pad + c)
			} else if i < len(cells)-1 {
				b.WriteString(c + pad)
			} else {
				b.WriteString(c)
			}
		}
		fmt.Fprintln(w, b.String())
	}
	line(header)
	rule := make([]string, len(header))
	for i := range rule {
		rule[i] = strings.Repeat("─", width[i])
	}
	line(rule)
	for _, r := range rows {
		line(r)
	}
	switch {
	case more > 0:
		fmt.Fprintf(w, "… %s more %s; use :format json or a limit\n", thousands(more), plural(more, "row"))
	case len(rows) != 1:
		fmt.Fprintf(w, "(%s rows)\n", thousands(len(rows)))
	}
}

// clip shortens a cell to one line of at most maxCell characters.
func clip(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= maxCell {
		return s
	}
	r := []rune(s)
	return string(r[:maxCell-1]) + "…"
}

// thousands formats n with commas: 1,234.
func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}

// writeJSON prints v as kg query does: indented, IRIs unescaped.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// prefixes shorten IRIs in tables.
var prefixes = []struct{ iri, short string }{
	{graph.Base + "entity/", "entity:"},
	{graph.Base + "concept/", "concept:"},
	{graph.Base + "rel/", "rel:"},
	{graph.Base + "doc/", "doc:"},
	{graph.Base + "outlet/", "outlet:"},
	{graph.NS, "kg:"},
	{graph.RDF, "rdf:"},
	{graph.RDFS, "rdfs:"},
	{graph.SKOS, "skos:"},
	{graph.SchemaOrg, "schema:"},
	{graph.XSD, "xsd:"},
}

// shortIRI writes "<iri>" as prefix:local where a prefix fits.
func shortIRI(s string) string {
	if !strings.HasPrefix(s, "<") || !strings.HasSuffix(s, ">") {
		return s
	}
	iri := s[1 : len(s)-1]
	for _, p := range prefixes {
		if strings.HasPrefix(iri, p.iri) {
			return p.short + iri[len(p.iri):]
		}
	}
	return s
}

// gizmoTable lays out Gizmo results: one column per tag ("id" first) for
// maps, one "value" column for emitted scalars.
func gizmoTable(res []any) (header []string, rows [][]string) {
	keys := make(map[string]bool)
	scalars := false
	for _, r := range res {
		if m, ok := r.(map[string]any); ok {
			for k := range m {
				keys[k] = true
			}
		} else {
			scalars = true
		}
	}
	for k := range keys {
		if k != "id" {
			header = append(header, k)
		}
	}
	slices.Sort(header)
	if keys["id"] {
		header = append([]string{"id"}, header...)
	}
	if scalars || len(header) == 0 {
		header = append(header, "value")
	}
	for _, r := range res {
		row := make([]string, len(header))
		if m, ok := r.(map[string]any); ok {
			for i, h := range header {
				if v, ok := m[h]; ok {
					row[i] = cell(v)
				}
			}
		} else {
			row[len(row)-1] = cell(r)
		}
		rows = append(rows, row)
	}
	return header, rows
}

// cell formats a Gizmo value for a table.
func cell(v any) string {
	switch v := v.(type) {
	case string:
		return shortIRI(v)
	case nil:
		return ""
	case map[string]any, []any:
		b, _ := json.Marshal(v)
		return string(b)
	}
	return fmt.Sprint(v)
}

// pathTable lays out a path query result with a sources column.
func pathTable(r *pathq.Result) (header []string, rows [][]string) {
	header = append(slices.Clone(r.Columns), "sources")
	for _, row := range r.Rows {
		var cells []string
		for _, c := range row.Cells {
			t := c.Text
			if c.Literal {
				t = strconv.Quote(t)
			}
			cells = append(cells, t)
		}
		rows = append(rows, append(cells, strconv.Itoa(row.Sources)))
	}
	return header, rows
}

// pathJSON turns a path query result into JSON objects: each column's
// text, its IRI as column_iri when it is a node, and sources.
func pathJSON(r *pathq.Result) []map[string]any {
	out := []map[string]any{}
	for _, row := range r.Rows {
		out = append(out, rowJSON(r.Columns, row))
	}
	return out
}

// rowJSON is one row of pathJSON.
func rowJSON(columns []string, row pathq.Row) map[string]any {
	m := map[string]any{"sources": row.Sources}
	for i, c := range row.Cells {
		m[columns[i]] = c.Text
		if c.IRI != "" {
			m[columns[i]+"_iri"] = c.IRI
		}
	}
	return m
}
