// Package eval scores Parallax's stages on the gold sets in ../shared/data:
// extraction (bag-of-tokens P/R/F1), clustering (B-cubed) and summaries
// (ROUGE-1/2/L). The metrics follow ../shared/tools/score.py exactly, so
// the figures of `parallax eval` and of score.py agree.
package eval
