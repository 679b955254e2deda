package main

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"text/tabwriter"
	"time"

	"parallax/internal/store"
	"parallax/internal/web"
)

func init() {
	register(command{Name: "apikey", Summary: "API keys for the API's write calls: create NAME | list | revoke NAME", Run: runAPIKey})
}

const apikeyUsage = "[--db FILE] create NAME | list | revoke NAME"

// runAPIKey manages API keys (Authorization: Bearer KEY on /api/v1/
// writes). The store keeps only each key's hash: create prints the key
// once.
func runAPIKey(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "apikey", apikeyUsage)
	db := dbFlag(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	action, rest := fs.Arg(0), fs.Args()
	if len(rest) > 0 {
		rest = rest[1:]
	}
	want := map[string]int{"create": 1, "list": 0, "revoke": 1}
	n, ok := want[action]
	if !ok || len(rest) != n {
		fs.Usage()
		return fmt.Errorf("%w: apikey %s", errUsage, apikeyUsage)
	}
	st, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	switch action {
	case "create":
		return apikeyCreate(ctx, e, st, rest[0])
	case "revoke":
		if err := st.RevokeAPIKey(ctx, rest[0]); err != nil {
			if errors.Is(err, store.ErrNotFound) {
				return fmt.Errorf("no API key named %q", rest[0])
			}
			return err
		}
		fmt.Fprintf(e.Stderr, "revoked API key %q\n", rest[0])
		return nil
	}
	return apikeyList(ctx, e, st)
}

func apikeyCreate(ctx context.Context, e *env, st store.Store, name string) error {
	name = strings.TrimSpace(name)
	if name == "" || len(name) > 64 || strings.ContainsFunc(name, func(r rune) bool { return r <= ' ' }) {
		return fmt.Errorf("%w: a key's name is 1 to 64 bytes without spaces", errUsage)
	}
	key, hash := web.NewAPIKey()
	if err := st.CreateAPIKey(ctx, store.APIKey{Name: name, Hash: hash, Created: time.Now()}); err != nil {
		if errors.Is(err, store.ErrExists) {
			return fmt.Errorf("an API key named %q exists: revoke it first, or choose another name", name)
		}
		return err
	}
	fmt.Fprintln(e.Stdout, key)
	fmt.Fprintf(e.Stderr, "created API key %q: it is shown once, keep it (send it as Authorization: Bearer KEY)\n", name)
	return nil
}

func apikeyList(ctx context.Context, e *env, st store.Store) error {
	keys, err := st.APIKeys(ctx)
	if err != nil {
		return err
	}
	if len(keys) == 0 {
		fmt.Fprintln(e.Stderr, "no API keys: parallax apikey create NAME")
		return nil
	}
	tw := tabwriter.NewWriter(e.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "NAME\tCREATED")
	for _, k := range keys {
		fmt.Fprintf(tw, "%s\t%s\n", k.Name, when(k.Created, "?"))
	}
	return tw.Flush()
}
