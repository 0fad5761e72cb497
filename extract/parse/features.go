package parse

import "kg/extract/perceptron"

// Feature templates are numbered by their order in features and
// labelFeatures; the numbers are part of the model format.

func f1(k, a uint64) uint64 { return perceptron.Combine(k, a) }

func f2(k, a, b uint64) uint64 { return perceptron.Combine(perceptron.Combine(k, a), b) }

func f3(k, a, b, c uint64) uint64 {
	return perceptron.Combine(perceptron.Combine(perceptron.Combine(k, a), b), c)
}

func (st *state) w(i int32) uint64 {
	if i == none {
		return noWord
	}
	return st.word[i]
}

func (st *state) suf(i int32) uint64 {
	if i == none {
		return noWord
	}
	return st.suffix[i]
}

func (st *state) sh(i int32) uint64 {
	if i == none {
		return noTag
	}
	return uint64(st.shape[i])
}

func (st *state) t(i int32) uint64 {
	if i == none {
		return noTag
	}
	return uint64(st.tag[i])
}

func (st *state) u(i int32) uint64 {
	if i == none {
		return noTag
	}
	return uint64(st.upos[i])
}

// l is the label of word i, or a marker for no word.
func (st *state) l(i int32) uint64 {
	if i == none {
		return 255
	}
	return uint64(st.label[i])
}

func child(c []int32, i int32) int32 {
	if i == none {
		return none
	}
	return c[i]
}

func count(c []uint8, i int32) uint64 {
	if i == none {
		return 255
	}
	return uint64(c[i])
}

func set(c []uint64, i int32) uint64 {
	if i == none {
		return 1 << 63
	}
	return c[i]
}

// distance buckets the distance between two words.
func distance(a, b int32) uint64 {
	if a == none || b == none {
		return 0
	}
	d := b - a
	if d < 0 {
		d = -d
	}
	switch {
	case d <= 5:
		return uint64(d)
	case d <= 10:
		return 6
	}
	return 7
}

// between returns how many punctuation words (at most 3) lie strictly
// between words a < b.
func (st *state) between(a, b int32) uint64 {
	if a == none || b == none || a+1 >= b {
		return 0
	}
	return uint64(min(st.punct[b]-st.punct[a+1], 3))
}

// pair packs two small values into one.
func pair(a, b uint64) uint64 { return a<<16 | b }

// features appends the transition features of st to f.
func (st *state) features(f []uint64) []uint64 {
	s0, s1, s2 := st.s(0), st.s(1), st.s(2)
	b0 := st.b
	b1, b2 := b0+1, b0+2
	if int(b1) > st.n {
		b1 = none
	}
	if int(b2) > st.n {
		b2 = none
	}
	s0w, s0t, s1w, s1t, b0w, b0t := st.w(s0), st.t(s0), st.w(s1), st.t(s1), st.w(b0), st.t(b0)
	b1w, b1t, b2w, b2t, s2t := st.w(b1), st.t(b1), st.w(b2), st.t(b2), st.t(s2)
	s0l1, s0l2 := child(st.lc1, s0), child(st.lc2, s0)
	s0r1, s0r2 := child(st.rc1, s0), child(st.rc2, s0)
	b0l1, b0l2 := child(st.lc1, b0), child(st.lc2, b0)
	s1l1, s1r1 := child(st.lc1, s1), child(st.rc1, s1)
	d := distance(s0, b0)
	d1 := distance(s1, s0)
	p := st.between(s0, b0)
	p1 := st.between(s1, s0)

	f = append(f,
		// Words and tags of the stack and buffer.
		f1(1, s0w), f1(2, s0t), f2(3, s0w, s0t),
		f1(4, s1w), f1(5, s1t), f2(6, s1w, s1t),
		f1(7, b0w), f1(8, b0t), f2(9, b0w, b0t),
		f1(10, b1w), f1(11, b1t), f2(12, b1w, b1t),
		f1(13, b2w), f1(14, b2t), f2(15, b2w, b2t),
		// Pairs.
		f3(16, s0w, b0w, pair(s0t, b0t)), f3(17, s0w, b0w, s0t), f3(18, s0w, b0w, b0t),
		f2(19, s0w, pair(s0t, b0t)), f2(20, b0w, pair(s0t, b0t)), f2(21, s0w, b0w),
		f1(22, pair(s0t, b0t)), f1(23, pair(b0t, b1t)),
		f2(24, s1w, s0w), f1(25, pair(s1t, s0t)), f2(26, s1w, pair(s1t, s0t)), f2(27, s0w, pair(s1t, s0t)),
		// Tag trigrams.
		f3(28, s1t, s0t, b0t), f3(29, b0t, b1t, b2t), f3(30, s0t, b0t, b1t), f3(31, s2t, s1t, s0t),
		f3(32, s0t, st.t(s0l1), b0t), f3(33, s0t, st.t(s0r1), b0t), f3(34, s0t, b0t, st.t(b0l1)),
		f3(35, s1t, st.t(s1r1), s0t), f3(36, s1t, s0t, st.t(s0l1)), f3(37, s1t, s0t, st.t(s0r1)),
		// Distances.
		f2(38, s0w, d), f2(39, s0t, d), f2(40, b0w, d), f2(41, b0t, d),
		f3(42, s0w, b0w, d), f3(43, s0t, b0t, d), f3(44, s1t, s0t, d1), f3(45, s1w, s0w, d1),
		// Valencies.
		f2(46, s0w, count(st.nr, s0)), f2(47, s0t, count(st.nr, s0)),
		f2(48, s0w, count(st.nl, s0)), f2(49, s0t, count(st.nl, s0)),
		f2(50, b0w, count(st.nl, b0)), f2(51, b0t, count(st.nl, b0)),
		f2(52, s1t, count(st.nr, s1)),
		// Children.
		f1(53, st.w(s0l1)), f1(54, st.t(s0l1)), f1(55, st.l(s0l1)),
		f1(56, st.w(s0r1)), f1(57, st.t(s0r1)), f1(58, st.l(s0r1)),
		f1(59, st.w(b0l1)), f1(60, st.t(b0l1)), f1(61, st.l(b0l1)),
		f2(62, st.t(s1r1), st.l(s1r1)), f1(63, st.l(s1l1)),
		f1(64, pair(st.t(s0l2), st.l(s0l2))), f1(65, pair(st.t(s0r2), st.l(s0r2))),
		f1(66, pair(st.t(b0l2), st.l(b0l2))),
		f3(67, s0t, st.t(s0l1), st.t(s0l2)), f3(68, s0t, st.t(s0r1), st.t(s0r2)),
		f3(69, b0t, st.t(b0l1), st.t(b0l2)),
		f3(70, s0t, st.l(s0l1), st.l(s0l2)), f3(71, s0t, st.l(s0r1), st.l(s0r2)),
		f3(72, b0t, st.l(b0l1), st.l(b0l2)),
		// Label sets.
		f2(73, s0w, set(st.rs, s0)), f2(74, s0t, set(st.rs, s0)),
		f2(75, s0w, set(st.ls, s0)), f2(76, s0t, set(st.ls, s0)),
		f2(77, b0w, set(st.ls, b0)), f2(78, b0t, set(st.ls, b0)),
		f2(79, s1t, set(st.rs, s1)),
		// Universal tags and a bias.
		f1(80, pair(st.u(s0), st.u(b0))), f2(81, pair(st.u(s1), st.u(s0)), st.u(b0)),
		f1(82, pair(st.u(b0), st.u(b1))), f1(83, 0),
		// Punctuation between the words.
		f3(84, s0t, b0t, p), f3(85, s1t, s0t, p1), f3(86, s0w, b0t, p), f3(87, s0t, b0w, p),
		// Suffixes, which carry word classes when the tags are wrong.
		f1(88, st.suf(s0)), f1(89, st.suf(b0)), f1(90, st.suf(b1)), f2(91, st.suf(s0), st.suf(b0)),
		f2(92, st.suf(s1), st.suf(s0)),
		// Universal tag trigrams, robust to confusions among Penn tags.
		f3(93, st.u(b0), st.u(b1), st.u(b2)), f3(94, st.u(s0), st.u(b0), st.u(b1)),
		f3(95, st.u(s2), st.u(s1), st.u(s0)),
		// Shapes: capitals mark names when the tags miss them.
		f2(96, st.sh(s0), st.sh(b0)), f2(97, st.sh(b0), st.sh(b1)), f3(98, s0t, st.sh(b0), b0t),
		f3(99, st.sh(s0), s0t, b0t), f3(100, st.sh(s1), st.sh(s0), st.sh(b0)),
	)
	return f
}

// labelFeatures appends the features for labelling the arc from h to d.
func (st *state) labelFeatures(f []uint64, h, d int32) []uint64 {
	var dir uint64
	near := child(st.rc1, h) // h's child nearest to d on d's side
	if d < h {
		dir = 1
		near = child(st.lc1, h)
	}
	hw, ht, dw, dt := st.w(h), st.t(h), st.w(d), st.t(d)
	dist := distance(h, d)
	prev, next := d-1, d+1
	if prev < 0 {
		prev = none
	}
	if int(next) >= st.n {
		next = none
	}
	dl1 := child(st.lc1, d)
	f = append(f,
		f1(1, pair(dir, dist)),
		f2(2, hw, dir), f2(3, ht, dir), f3(4, hw, ht, dir),
		f2(5, dw, dir), f2(6, dt, dir), f3(7, dw, dt, dir),
		f3(8, hw, dw, dir), f2(9, pair(ht, dt), dir), f3(10, ht, dw, dir), f3(11, hw, dt, dir),
		f3(12, pair(st.u(h), st.u(d)), dir, dist),
		f2(13, dt, set(st.ls, d)), f2(14, dt, set(st.rs, d)),
		f3(15, pair(ht, dt), set(st.ls, d), dir), f3(16, pair(ht, dt), set(st.rs, d), dir),
		f3(17, pair(ht, dt), st.l(near), dir),
		f3(18, pair(ht, dt), set(st.ls, h), dir), f3(19, pair(ht, dt), set(st.rs, h), dir),
		f3(20, pair(st.t(prev), st.t(next)), dt, dir),
		f3(21, dw, st.w(dl1), dir), f3(22, pair(ht, dt), st.w(dl1), dir),
		f3(23, hw, st.u(d), dir), f3(24, dw, st.w(next), dir),
		f3(25, pair(ht, dt), pair(st.l(child(st.lc1, d)), st.l(child(st.rc1, d))), dir),
		f3(26, pair(ht, dt), st.between(min(h, d), max(h, d)), dir),
	)
	return f
}
