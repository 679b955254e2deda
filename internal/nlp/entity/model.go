package entity

import (
	"bytes"
	_ "embed"
	"sync"
)

// modelData is the shipped tagger, trained on the CoNLL-2003 English
// training split (see train_test.go for the command that rebuilds it).
//
//go:embed model.bin.gz
var modelData []byte

var (
	loadOnce sync.Once
	loaded   *Tagger
	loadErr  error
)

// Default returns the embedded tagger, decoded once.
func Default() (*Tagger, error) {
	loadOnce.Do(func() {
		loaded, loadErr = ReadTagger(bytes.NewReader(modelData))
	})
	return loaded, loadErr
}
