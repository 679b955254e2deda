package store

import (
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
)

// Migration is one numbered schema change of an implementation's
// database, for implementations that embed their migrations.
type Migration struct {
	Version int
	Name    string
	SQL     string
}

// LoadMigrations returns the *.sql files in dir of fsys as migrations
// ordered by version. A file is named NNNN_what.sql; versions start at 1
// and have no gaps. A file that breaks the rule gives an error wrapping
// bad.
func LoadMigrations(fsys fs.FS, dir string, bad error) ([]Migration, error) {
	names, err := fs.Glob(fsys, path.Join(dir, "*.sql"))
	if err != nil {
		return nil, err
	}
	var ms []Migration
	for _, name := range names {
		base := path.Base(name)
		num, _, ok := strings.Cut(base, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || v < 1 {
			return nil, fmt.Errorf("%w: %s", bad, base)
		}
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		ms = append(ms, Migration{Version: v, Name: base, SQL: string(b)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].Version < ms[j].Version })
	for i, m := range ms {
		if m.Version != i+1 {
			return nil, fmt.Errorf("%w: %s (expected version %d)", bad, m.Name, i+1)
		}
	}
	return ms, nil
}
