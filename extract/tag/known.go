package tag

import (
	"bufio"
	"encoding/binary"
	"fmt"
	"io"
	"maps"
	"slices"

	"kg/extract"
	"kg/extract/conllu"
)

// tags is the analysis of a word the tagger need not score.
type tags struct {
	x extract.XPOS
	u extract.UPOS
}

// Words count as known when they occur this often in training, with one
// analysis at least this share of the time.
const (
	knownMinCount = 20
	knownMinShare = 0.99
)

// knownWords returns the frequent words of train (normalized forms, case
// kept) whose tags hardly vary, with those tags. Taking them as they are
// saves scoring about half of the tokens of running text and costs no
// accuracy.
func knownWords(train []*conllu.Sentence) map[string]tags {
	counts := make(map[string]map[tags]int)
	for _, s := range train {
		for _, w := range s.Words {
			f := normalize(w.Form)
			if counts[f] == nil {
				counts[f] = make(map[tags]int)
			}
			counts[f][tags{w.XPOS, w.UPOS}]++
		}
	}
	known := make(map[string]tags)
	for f, c := range counts {
		total, top, best := 0, 0, tags{}
		for t, n := range c {
			total += n
			if n > top || n == top && (t.x < best.x || t.x == best.x && t.u < best.u) {
				top, best = n, t
			}
		}
		if total >= knownMinCount && float64(top) >= knownMinShare*float64(total) {
			known[f] = best
		}
	}
	return known
}

func encodeKnown(w io.Writer, known map[string]tags) error {
	bw := bufio.NewWriter(w)
	writeUvarint(bw, uint64(len(known)))
	for _, f := range slices.Sorted(maps.Keys(known)) {
		writeString(bw, f)
		bw.WriteByte(byte(known[f].x))
		bw.WriteByte(byte(known[f].u))
	}
	return bw.Flush()
}

func decodeKnown(r io.ByteReader) (map[string]tags, error) {
	n, err := binary.ReadUvarint(r)
	if err != nil || n > 1<<20 {
		return nil, fmt.Errorf("known words: bad count %d: %v", n, err)
	}
	known := make(map[string]tags, n)
	for range n {
		f, err := readString(r)
		if err != nil {
			return nil, fmt.Errorf("known words: %w", err)
		}
		x, err1 := r.ReadByte()
		u, err2 := r.ReadByte()
		if err1 != nil || err2 != nil || int(x) >= extract.NumXPOS || int(u) >= extract.NumUPOS {
			return nil, fmt.Errorf("known words: bad tags for %q", f)
		}
		known[f] = tags{extract.XPOS(x), extract.UPOS(u)}
	}
	return known, nil
}
