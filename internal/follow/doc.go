// Package follow makes the feeds a reader can follow — a story (an entry
// per event), an entity and any search — and keeps saved follows up to
// date: after an ingest rewrites briefs, Check records each follow's new
// entries and queues a webhook delivery of them, which a Deliverer sends,
// signed, with retries that survive restarts.
//
// Entry ids are URNs derived from stored ids only (a story's and an
// event's, an article's), never from a counter or the time of a request,
// so they are the same across restarts and hosts.
package follow
