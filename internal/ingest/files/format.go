package files

import (
	"context"
	"strings"
	"sync"
)

// FormatReader reads one file of a registered format and emits its Items
// (one per article or bad record), like Walk does for built-in kinds.
type FormatReader func(ctx context.Context, path string, opts Options, emit func(Item) error) error

var formats struct {
	sync.RWMutex
	bySuffix map[string]FormatReader
}

// Register makes Walk read files whose name ends in suffix (".warc.gz";
// case-insensitive) with read. Packages for other formats call it from
// init, so a program reads a format by importing its package.
func Register(suffix string, read FormatReader) {
	formats.Lock()
	defer formats.Unlock()
	if formats.bySuffix == nil {
		formats.bySuffix = map[string]FormatReader{}
	}
	formats.bySuffix[strings.ToLower(suffix)] = read
}

// formatOf returns the registered reader for a file name, if any.
func formatOf(name string) (FormatReader, bool) {
	formats.RLock()
	defer formats.RUnlock()
	lower := strings.ToLower(name)
	for suffix, read := range formats.bySuffix {
		if strings.HasSuffix(lower, suffix) {
			return read, true
		}
	}
	return nil, false
}

func registered(name string) bool {
	_, ok := formatOf(name)
	return ok
}
