package gazetteer

import "strings"

// Skeleton reduces one name word to the form its English transliterations
// share, so that variants compare equal: Sergey and Sergei give "sergei",
// Alexey, Aleksei and Alexei give "alexei", Zelensky, Zelenskyy and
// Zelenskiy give "zelenski", Zaytsev and Zaitsev give "zaitsev".
//
// The rules, in order: fold diacritics and case, keep letters only; kh→h,
// ks→x, ph→f, w→v, ck→k; y→i; a leading ie→e and ju→iu (Yevgeny/Evgeny,
// Julia/Yulia); finally runs of one letter collapse to one.
func Skeleton(word string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(Fold(word)) {
		if r >= 'a' && r <= 'z' {
			b.WriteRune(r)
		}
	}
	s := skeletonRules.Replace(b.String())
	s = strings.ReplaceAll(s, "y", "i")
	if rest, ok := strings.CutPrefix(s, "ie"); ok {
		s = "e" + rest
	} else if rest, ok := strings.CutPrefix(s, "ju"); ok {
		s = "iu" + rest
	}
	out := []byte(s)[:0]
	for i := 0; i < len(s); i++ {
		if i == 0 || s[i] != s[i-1] {
			out = append(out, s[i])
		}
	}
	return string(out)
}

var skeletonRules = strings.NewReplacer("kh", "h", "ks", "x", "ph", "f", "w", "v", "ck", "k")

// Close reports whether two skeletons differ by at most one inserted,
// deleted or replaced letter, and both are long enough (five letters) for
// that to be a spelling variant rather than another name: "dmitri" and
// "dimitri", "volodimir" and "volodmir".
func Close(a, b string) bool {
	if a == b {
		return true
	}
	if len(a) < 5 || len(b) < 5 {
		return false
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	switch len(b) - len(a) {
	case 0:
		diff := 0
		for i := range a {
			if a[i] != b[i] {
				diff++
			}
		}
		return diff == 1
	case 1:
		i := 0
		for i < len(a) && a[i] == b[i] {
			i++
		}
		return a[i:] == b[i+1:]
	}
	return false
}
