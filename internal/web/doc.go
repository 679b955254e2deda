// Package web serves Parallax's HTML pages and its JSON API (/api/v1/)
// from a store.Store. Templates and the stylesheet are embedded; pages work
// without JavaScript and are served with a strict Content-Security-Policy.
package web
