package pipeline

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"sync"

	"parallax/internal/ingest/files"
	"parallax/internal/model"
)

// restoreNear rebuilds the near-duplicate index from the stored originals
// (articles that are not themselves copies), recomputing their signatures.
func (p *Pipeline) restoreNear(arts ...[]*model.Article) {
	for _, as := range arts {
		for _, a := range as {
			if a.DuplicateOf == "" {
				p.near.Add(a.ID, p.near.Signature(a.Text))
			}
		}
	}
}

// linkNear links a, about to be placed, to the original it is a
// near-duplicate of, in the store and in a.DuplicateOf; an article that is
// none joins the index. Linking in placement order, by the one clusterer,
// makes the links independent of which process stored what first.
func (p *Pipeline) linkNear(ctx context.Context, a *model.Article) error {
	if a.DuplicateOf != "" {
		return nil // linked before (a reprocessed store): copies stay out of the index
	}
	sig := p.near.Signature(a.Text)
	id, _, ok := p.near.Find(sig)
	if !ok || id == a.ID {
		p.near.Add(a.ID, sig)
		return nil
	}
	if err := p.st.LinkNearDuplicate(ctx, a.ID, id); err != nil {
		return fmt.Errorf("pipeline: link near-duplicate %s: %w", a.ID, err)
	}
	a.DuplicateOf = id
	p.nearLinked++
	return nil
}

// ProvenanceFormat is how the pipeline encodes an input in
// model.Provenance.Raw: the queued Item as JSON, gzip-compressed.
const ProvenanceFormat = "item+json+gzip"

// provenance records where an input came from and the input itself.
func provenance(id string, it files.Item, a *model.Article) (model.Provenance, error) {
	raw, err := encodeItem(0, it)
	if err != nil {
		return model.Provenance{}, err
	}
	var buf bytes.Buffer
	z := gzipWriters.Get().(*gzip.Writer)
	defer gzipWriters.Put(z)
	z.Reset(&buf)
	if _, err := z.Write(raw); err != nil {
		return model.Provenance{}, err
	}
	if err := z.Close(); err != nil {
		return model.Provenance{}, err
	}
	return model.Provenance{ArticleID: id, Origin: it.Origin, Fetched: a.Fetched, Format: ProvenanceFormat, Raw: buf.Bytes()}, nil
}

// gzipWriters are reused: a new gzip.Writer allocates about a megabyte
// of tables, which made provenance a tenth of ingest's CPU time.
var gzipWriters = sync.Pool{New: func() any { return gzip.NewWriter(io.Discard) }}

// DecodeProvenance returns the input Item stored in a provenance record.
func DecodeProvenance(pr *model.Provenance) (files.Item, error) {
	if pr.Format != ProvenanceFormat {
		return files.Item{}, fmt.Errorf("pipeline: provenance of %s: unknown format %q", pr.ArticleID, pr.Format)
	}
	z, err := gzip.NewReader(bytes.NewReader(pr.Raw))
	if err != nil {
		return files.Item{}, fmt.Errorf("pipeline: provenance of %s: %w", pr.ArticleID, err)
	}
	raw, err := io.ReadAll(z)
	if err != nil {
		return files.Item{}, fmt.Errorf("pipeline: provenance of %s: %w", pr.ArticleID, err)
	}
	_, it, err := decodeItem(raw)
	return it, err
}
