package main

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"kg/extract/carb"
)

func evalCommand() *command {
	c := &command{
		name:  "eval",
		args:  "carb [flags] --gold GOLD.tsv (SENTENCES.txt | --pred PRED.tsv)",
		short: "Score the extractor on a benchmark (CaRB).",
		long: `"kg eval carb" runs the extractor on SENTENCES.txt (one tokenized sentence
per line, as CaRB's dev.txt and test.txt) and scores its output against the
gold tuples with CaRB's default metric: area under the precision-recall
curve (AUC) and precision, recall and F1 at the best threshold. With --pred
it scores an existing prediction file in CaRB's tabbed format instead.`,
	}
	c.run = func(ctx context.Context, e *env, args []string) error {
		if len(args) > 0 && (args[0] == "-h" || args[0] == "-help" || args[0] == "--help") {
			c.usage(e.stderr, nil)
			return errHelp
		}
		if len(args) == 0 || args[0] != "carb" {
			return usagef("want a benchmark name: carb")
		}
		fs := c.flags(e)
		goldPath := fs.String("gold", "", "CaRB gold `file` (gold/dev.tsv)")
		predPath := fs.String("pred", "", "score this prediction `file` instead of running the extractor")
		asJSON := fs.Bool("json", false, "print the result as JSON")
		if err := parse(fs, args[1:]); err != nil {
			return err
		}
		if *goldPath == "" {
			return usagef("--gold is required")
		}
		if (*predPath == "") == (fs.NArg() == 0) || fs.NArg() > 1 {
			return usagef("want either SENTENCES.txt or --pred FILE")
		}
		gold, err := carb.ReadFile(*goldPath, carb.ReadGold)
		if err != nil {
			return err
		}
		var pred *carb.Set
		if *predPath != "" {
			if pred, err = carb.ReadFile(*predPath, carb.ReadPredictions); err != nil {
				return err
			}
		} else {
			in, name, err := input(e, fs.Arg(0))
			if err != nil {
				return err
			}
			lines, err := readLines(in, name)
			in.Close()
			if err != nil {
				return err
			}
			out, err := carbExtract(ctx, lines)
			if err != nil {
				return err
			}
			if pred, err = carb.ReadPredictions(strings.NewReader(strings.Join(out, ""))); err != nil {
				return err
			}
		}
		r := carb.Evaluate(gold, pred)
		if *asJSON {
			return json.NewEncoder(e.stdout).Encode(map[string]float64{"auc": r.AUC, "precision": r.P,
				"recall": r.R, "f1": r.F1, "threshold": r.Threshold, "thresholds": float64(len(r.Curve))})
		}
		fmt.Fprintf(e.stdout, "AUC %.3f  P %.3f  R %.3f  F1 %.3f  (threshold %.4f, %d thresholds)\n",
			r.AUC, r.P, r.R, r.F1, r.Threshold, len(r.Curve))
		return nil
	}
	return c
}
