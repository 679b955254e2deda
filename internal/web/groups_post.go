package web

import (
	"errors"
	"fmt"
	"net/http"
	"strings"

	"parallax/internal/groups"
)

// maxGroupsUpload bounds the body of POST /groups.
const maxGroupsUpload = 8 << 20

// groupsImportJSON answers a successful POST /groups.
type groupsImportJSON struct {
	Imported   int      `json:"imported"`
	Dimensions []string `json:"dimensions"`
}

// postGroups is POST /groups: a multipart form whose "file" is a CSV of
// outlet,dimension,value rows (groups.Parse); it replaces the labels of
// each dimension the file names, as `parallax groups import` does.
// Answers JSON, or for a browser's form (Accept: text/html) a redirect to
// /blindspots; a bad file is a 400 naming its line.
func (h *handler) postGroups(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, maxGroupsUpload)
	f, _, err := r.FormFile("file")
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			h.failJSON(w, r, badRequest{fmt.Sprintf("upload over %d bytes", maxGroupsUpload)})
			return
		}
		h.failJSON(w, r, badRequest{"expected a multipart form with a CSV in field \"file\""})
		return
	}
	defer f.Close()
	labels, err := groups.Parse(f)
	if err != nil {
		h.failJSON(w, r, badRequest{err.Error()})
		return
	}
	if err := h.st.ImportLabels(r.Context(), labels); err != nil {
		h.failJSON(w, r, fmt.Errorf("import labels: %w", err))
		return
	}
	dims := groups.Dimensions(labels)
	h.log.Info("web: outlet labels imported", "labels", len(labels), "dimensions", strings.Join(dims, ","))
	if strings.Contains(r.Header.Get("Accept"), "text/html") {
		http.Redirect(w, r, "/blindspots", http.StatusSeeOther)
		return
	}
	h.writeJSON(w, r, http.StatusOK, groupsImportJSON{Imported: len(labels), Dimensions: dims})
}
