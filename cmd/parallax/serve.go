package main

import (
	"context"
	"os"

	"parallax/internal/web"
)

func init() {
	register(command{Name: "serve", Summary: "serve the web UI and JSON API over the store", Run: runServe})
}

func runServe(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "serve", "[--db FILE] [--addr 127.0.0.1:8080]")
	db := dbFlag(fs)
	defAddr := "127.0.0.1:8080"
	if v := os.Getenv("PARALLAX_ADDR"); v != "" {
		defAddr = v
	}
	addr := fs.String("addr", defAddr, "listen address (env PARALLAX_ADDR)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	st, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	return web.Serve(ctx, st, *addr, e.Log)
}
