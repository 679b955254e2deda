package web

import (
	"bytes"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"parallax/internal/groups"
)

// maxGroupsUpload bounds the body of POST /groups: that of every write
// (requireWrite).
const maxGroupsUpload = maxWriteBody

// groupsImportJSON answers a successful POST /groups.
type groupsImportJSON struct {
	Imported   int      `json:"imported"`
	Dimensions []string `json:"dimensions"`
}

// postGroups is POST /groups: a multipart form whose "file" is a CSV of
// outlet,dimension,value rows (groups.Parse); it replaces the labels of
// each dimension the file names, as `parallax groups import` does.
// Answers JSON, or for a browser's form (Accept: text/html, the form on
// /blindspots) a redirect to /blindspots or an error page; a bad file is
// a 400 naming its line. Registered through writeOnly.
func (h *handler) postGroups(w http.ResponseWriter, r *http.Request) {
	browser := strings.Contains(r.Header.Get("Accept"), "text/html")
	fail := h.failJSON
	if browser {
		fail = h.fail
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxGroupsUpload)
	f, _, err := r.FormFile("file")
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			fail(w, r, badRequest{fmt.Sprintf("upload over %d bytes", maxGroupsUpload)})
			return
		}
		fail(w, r, badRequest{"expected a multipart form with a CSV in field \"file\""})
		return
	}
	defer f.Close()
	labels, err := groups.Parse(f)
	if err != nil {
		fail(w, r, badRequest{err.Error()})
		return
	}
	if err := h.st.ImportLabels(r.Context(), labels); err != nil {
		fail(w, r, fmt.Errorf("import labels: %w", err))
		return
	}
	dims := groups.Dimensions(labels)
	h.log.Info("web: outlet labels imported", "labels", len(labels), "dimensions", strings.Join(dims, ","))
	if browser {
		http.Redirect(w, r, "/blindspots", http.StatusSeeOther)
		return
	}
	h.writeJSON(w, r, http.StatusOK, groupsImportJSON{Imported: len(labels), Dimensions: dims})
}

// exportGroups is GET /groups.csv: the labels as `parallax groups export`
// writes them.
func (h *handler) exportGroups(w http.ResponseWriter, r *http.Request) {
	labels, err := h.st.Labels(r.Context())
	if err != nil {
		h.fail(w, r, err)
		return
	}
	var buf bytes.Buffer
	if err := groups.Write(&buf, labels); err != nil {
		h.fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="parallax-groups.csv"`)
	w.Header().Set("Cache-Control", "no-store")
	_, _ = w.Write(buf.Bytes())
}
