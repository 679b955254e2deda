package main

import (
	"fmt"
	"os"

	"parallax/internal/eval"
)

// evalEntities scores the entity finder on a CoNLL set (PER/ORG/LOC, the
// figures of score_ner.py), beside the former rule finder.
func evalEntities(e *env, args []string) error {
	fs := newFlagSet(e, "eval entities", "[--dir DIR] [--out PRED.txt] [--json]")
	dir := fs.String("dir", dataPath("ner", "dev"), "CoNLL set: conll.txt")
	out := fs.String("out", "", "write the finder's tags to PRED.txt (TOKEN TAG lines) for score_ner.py")
	asJSON := fs.Bool("json", false, "print one JSON object")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	set, err := eval.ReadNERSet(*dir)
	if err != nil {
		return err
	}
	model, err := eval.ParallaxNER()
	if err != nil {
		return fmt.Errorf("eval entities: %w", err)
	}
	res := []eval.NERResult{eval.RunNER(set, model), eval.RunNER(set, eval.RulesNER())}
	if *out != "" {
		if err := writeNERPred(*out, set, res[0].Pred); err != nil {
			return err
		}
	}
	if *asJSON {
		return printJSON(e.Stdout, map[string]any{"set": set.Path, "results": res})
	}
	tw := newTable(e.Stdout)
	fmt.Fprintln(tw, "finder\tP\tR\tF1\tPER F1\tORG F1\tLOC F1\tgold\tpred\tcorrect\ttokens/s")
	for _, r := range res {
		s := r.Score
		fmt.Fprintf(tw, "%s\t%.4f\t%.4f\t%.4f\t%.4f\t%.4f\t%.4f\t%d\t%d\t%d\t%.0f\n", r.Finder, s.Precision, s.Recall, s.F1,
			s.PerType["PER"].F1, s.PerType["ORG"].F1, s.PerType["LOC"].F1, s.Gold, s.Pred, s.Correct, r.TokensPerSec)
	}
	return tw.Flush()
}

func writeNERPred(path string, set *eval.NERSet, pred [][]string) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("eval entities: %w", err)
	}
	if err := eval.WriteNERPred(f, set, pred); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
