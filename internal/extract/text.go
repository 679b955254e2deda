package extract

// extractText runs the scraped-text path.
func extractText(data []byte, opts Options) (*Result, error) {
	return nil, ErrNoText
}
