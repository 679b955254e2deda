package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"text/tabwriter"

	"parallax/internal/groups"
	"parallax/internal/store"
)

func init() {
	register(command{Name: "groups", Summary: "outlet labels by dimension: import FILE.csv | list | export", Run: runGroups})
}

const groupsUsage = "[--db FILE] import FILE.csv | list | export"

func runGroups(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "groups", groupsUsage)
	db := dbFlag(fs)
	if err := applyEnv(fs); err != nil {
		return err
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return fmt.Errorf("%w: no action given", errUsage)
	}
	action := fs.Arg(0)
	run, ok := map[string]func(context.Context, *env, store.Store, []string) error{
		"import": groupsImport, "list": groupsList, "export": groupsExport,
	}[action]
	if !ok {
		fs.Usage()
		return fmt.Errorf("%w: unknown action %q", errUsage, action)
	}
	afs := newFlagSet(e, "groups "+action, groupsUsage)
	afs.StringVar(db, "db", *db, fs.Lookup("db").Usage)
	if err := parseFlags(afs, fs.Args()[1:]); err != nil {
		return err
	}
	st, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	return run(ctx, e, st, afs.Args())
}

// groupsImport reads a CSV of outlet,dimension,value and replaces the
// labels of each dimension it names.
func groupsImport(ctx context.Context, e *env, st store.Store, args []string) error {
	if len(args) != 1 {
		return fmt.Errorf("%w: import needs one CSV file (- for standard input)", errUsage)
	}
	var r io.Reader = e.Stdin
	if args[0] != "-" {
		f, err := os.Open(args[0])
		if err != nil {
			return fmt.Errorf("groups import: %w", err)
		}
		defer f.Close()
		r = f
	}
	labels, err := groups.Parse(r)
	if err != nil {
		return fmt.Errorf("groups import %s: %w", args[0], err)
	}
	if err := st.ImportLabels(ctx, labels); err != nil {
		return fmt.Errorf("groups import %s: %w", args[0], err)
	}
	dims := groups.Dimensions(labels)
	fmt.Fprintf(e.Stderr, "imported %d label(s) in %d dimension(s) from %s: %v (their earlier labels replaced)\n",
		len(labels), len(dims), args[0], dims)
	return nil
}

func groupsList(ctx context.Context, e *env, st store.Store, args []string) error {
	if len(args) > 0 {
		return fmt.Errorf("%w: list takes no arguments", errUsage)
	}
	labels, err := st.Labels(ctx)
	if err != nil {
		return fmt.Errorf("groups list: %w", err)
	}
	if len(labels) == 0 {
		fmt.Fprintln(e.Stderr, "no outlet labels: parallax groups import FILE.csv (columns outlet,dimension,value)")
		return nil
	}
	tw := tabwriter.NewWriter(e.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "DIMENSION\tVALUE\tOUTLET")
	for _, l := range labels {
		fmt.Fprintf(tw, "%s\t%s\t%s\n", l.Dimension, l.Value, l.Outlet)
	}
	return tw.Flush()
}

func groupsExport(ctx context.Context, e *env, st store.Store, args []string) error {
	if len(args) > 0 {
		return fmt.Errorf("%w: export takes no arguments", errUsage)
	}
	labels, err := st.Labels(ctx)
	if err != nil {
		return fmt.Errorf("groups export: %w", err)
	}
	return groups.Write(e.Stdout, labels)
}
