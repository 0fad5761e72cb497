package tokenize

import (
	"strings"
	"unicode/utf8"
)

// normalize returns the form of a token that models see; see the package
// documentation for the mapping. Tokens that need no change are returned
// as they are, without allocating.
func normalize(t string) string {
	if !needsNorm(t) {
		return t
	}
	if t == "``" || t == "''" {
		return `"`
	}
	dashes := true // the token is all dashes
	for _, r := range t {
		dashes = dashes && isDash(r)
	}
	if dashes {
		return "--"
	}
	var b strings.Builder
	b.Grow(len(t))
	for i := 0; i < len(t); {
		r, n := utf8.DecodeRuneInString(t[i:])
		switch r {
		case '“', '”', '„', '‟', '«', '»', '″':
			b.WriteByte('"')
		case '‘', '’', '‚', '‛', '′', '`', 'ʼ':
			b.WriteByte('\'')
		case '—', '―', '⸺':
			b.WriteString("--")
		case '–', '‒', '‐', '‑', '−':
			b.WriteByte('-')
		case '…':
			b.WriteString("...")
		case '\u00ad':
		case utf8.RuneError:
			if n == 1 {
				b.WriteRune(utf8.RuneError)
			} else {
				b.WriteString(t[i : i+n])
			}
		default:
			b.WriteString(t[i : i+n])
		}
		i += n
	}
	if b.Len() == 0 || b.String() == t {
		return t // a lone soft hyphen stays itself: Norm is never empty
	}
	return b.String()
}

// needsNorm reports whether normalize would change t.
func needsNorm(t string) bool {
	for i := 0; i < len(t); i++ {
		if c := t[i]; c >= utf8.RuneSelf || c == '`' || c == '\'' && t == "''" {
			return true
		}
	}
	return false
}
