package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"kg/extract"
	"kg/extract/conllu"
	"kg/extract/ner"
	depparse "kg/extract/parse"
	"kg/extract/tag"
)

// trainer trains one embedded model from the shared data.
type trainer struct {
	name  string
	out   string // default output file, relative to the repository root
	train func(shared string, progress io.Writer) (writerTo, error)
}

// writerTo is a trained model that can store itself.
type writerTo interface{ Write(io.Writer) error }

// trainers lists every model "kg train" knows, in the order "kg train all"
// trains them. A new model adds its line here.
func trainers() []trainer {
	return []trainer{
		{name: "tagger", out: "extract/tag/model/tagger.gz", train: trainTagger},
		{name: "parser", out: "extract/parse/model/parser.gz", train: trainParser},
		{name: "ner", out: "extract/ner/model/ner.gz", train: trainNER},
	}
}

func trainCommand() *command {
	c := &command{
		name:  "train",
		args:  "[--shared DIR] [-o FILE] MODEL",
		short: "Train an embedded model (tagger, ...) from the shared treebanks.",
		long: `MODEL is one of: ` + strings.Join(trainerNames(), ", ") + `, or all.

Training reads the treebanks under the shared directory (ud/EWT, uner/EWT),
prints its progress per epoch, and writes the model where the package that
embeds it expects it, relative to the current directory, which should be the
repository root. Rebuild kg afterwards to embed the new model. Training is
deterministic: the same data gives the same file.`,
	}
	c.run = func(ctx context.Context, e *env, args []string) error {
		fset := c.flags(e)
		shared := fset.String("shared", "../shared", "directory of the shared training data")
		out := fset.String("o", "", "output file (default: the model's place in the repository)")
		if err := parse(fset, args); err != nil {
			return err
		}
		rest := fset.Args()
		if len(rest) == 0 {
			return usagef("which model? one of %s, all", strings.Join(trainerNames(), ", "))
		}
		name := rest[0]
		if err := parse(fset, rest[1:]); err != nil { // flags may follow the model
			return err
		}
		if fset.NArg() > 0 {
			return usagef("unexpected arguments %q", fset.Args())
		}
		var todo []trainer
		for _, t := range trainers() {
			if name == "all" || name == t.name {
				todo = append(todo, t)
			}
		}
		switch {
		case len(todo) == 0:
			return usagef("unknown model %q; want one of %s, all", name, strings.Join(trainerNames(), ", "))
		case len(todo) > 1 && *out != "":
			return usagef("-o names one file; train one model at a time with it")
		}
		for _, t := range todo {
			if err := ctx.Err(); err != nil {
				return err
			}
			path := t.out
			if *out != "" {
				path = *out
			}
			if err := runTrainer(t, *shared, path, e.stderr); err != nil {
				return fmt.Errorf("%s: %w", t.name, err)
			}
		}
		return nil
	}
	return c
}

func trainerNames() []string {
	var names []string
	for _, t := range trainers() {
		names = append(names, t.name)
	}
	return names
}

// runTrainer trains t and writes its model to path, replacing the old file
// only once the new one is complete.
func runTrainer(t trainer, shared, path string, progress io.Writer) error {
	fmt.Fprintf(progress, "training %s from %s\n", t.name, shared)
	start := time.Now()
	m, err := t.train(shared, progress)
	if err != nil {
		return err
	}
	f, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	if err := m.Write(f); err != nil {
		f.Close()
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return err
	}
	if err := os.Chmod(f.Name(), 0o644); err != nil {
		return err
	}
	if err := os.Rename(f.Name(), path); err != nil {
		return err
	}
	if fi, err := os.Stat(path); err == nil {
		fmt.Fprintf(progress, "wrote %s (%d bytes) in %s\n", path, fi.Size(), time.Since(start).Round(time.Second))
	}
	return nil
}

// readTreebank reads file rel of the shared directory, saying clearly when
// the directory or the file is missing.
func readTreebank(shared, rel string) ([]*conllu.Sentence, error) {
	path := filepath.Join(shared, rel)
	ss, err := conllu.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("missing %s: the shared training data is not there (set --shared)", path)
	}
	return ss, err
}

func trainTagger(shared string, progress io.Writer) (writerTo, error) {
	train, err := readTreebank(shared, "ud/EWT/en_ewt-ud-train.conllu")
	if err != nil {
		return nil, err
	}
	dev, err := readTreebank(shared, "ud/EWT/en_ewt-ud-dev.conllu")
	if err != nil {
		return nil, err
	}
	opts := tag.DefaultOptions()
	opts.Progress = progress
	return tag.Train(train, dev, opts)
}

// trainNER trains the entity recognizer on Universal NER English-EWT, with
// the part-of-speech tags of the embedded tagger (retrain the tagger and
// rebuild kg first for its changes to reach the recognizer) and word
// statistics from the Reuters news corpus.
func trainNER(shared string, progress io.Writer) (writerTo, error) {
	read := func(split string) ([]ner.Example, error) {
		uner := filepath.Join(shared, "uner", "EWT", "en_ewt-ud-"+split+".iob2")
		ud := filepath.Join(shared, "ud", "EWT", "en_ewt-ud-"+split+".conllu")
		for _, p := range []string{uner, ud} {
			if _, err := os.Stat(p); errors.Is(err, fs.ErrNotExist) {
				return nil, fmt.Errorf("missing %s: the shared training data is not there (set --shared)", p)
			}
		}
		return ner.ReadCorpus(uner, ud)
	}
	train, err := read("train")
	if err != nil {
		return nil, err
	}
	dev, err := read("dev")
	if err != nil {
		return nil, err
	}
	news := filepath.Join(shared, "corpus", "reuters21578.jsonl.gz")
	if _, err := os.Stat(news); errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("missing %s: the shared news corpus is not there (set --shared)", news)
	}
	corpus, err := ner.ReadNewsCorpus(news)
	if err != nil {
		return nil, err
	}
	tagger, err := tag.Load()
	if err != nil {
		return nil, err
	}
	opts := ner.DefaultOptions()
	opts.Tagger = tagger
	opts.Corpus = corpus
	opts.Progress = progress
	return ner.Train(train, dev, opts)
}

// trainParser trains the dependency parser on English-EWT with jackknifed
// tags (five folds, each tagged by a tagger trained on the other four), and
// chooses its epoch on the development set tagged by the embedded tagger
// (retrain the tagger first for its changes to reach the parser).
func trainParser(shared string, progress io.Writer) (writerTo, error) {
	train, err := readTreebank(shared, "ud/EWT/en_ewt-ud-train.conllu")
	if err != nil {
		return nil, err
	}
	dev, err := readTreebank(shared, "ud/EWT/en_ewt-ud-dev.conllu")
	if err != nil {
		return nil, err
	}
	tagger, err := tag.Load()
	if err != nil {
		return nil, err
	}
	train, err = depparse.Jackknife(train, 5, func(ss []*conllu.Sentence) (func(*extract.Document) error, error) {
		t, err := tag.Train(ss, dev, tag.DefaultOptions())
		if err != nil {
			return nil, err
		}
		return t.Annotate, nil
	}, progress)
	if err != nil {
		return nil, err
	}
	opts := depparse.DefaultOptions()
	opts.Tagger = tagger.Annotate
	opts.Log = progress
	return depparse.Train(train, dev, opts)
}
