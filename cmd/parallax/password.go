package main

import (
	"fmt"
	"os"
	"strings"

	"parallax/internal/web"
)

// operatorPassword reads the operator's password, from the file given
// (--password-file, env PARALLAX_PASSWORD_FILE; its first line) or else
// PARALLAX_PASSWORD, and returns only its hash (nil when none is set).
// The password is never logged or printed.
func operatorPassword(file string) ([]byte, error) {
	pw := os.Getenv("PARALLAX_PASSWORD")
	if file != "" {
		b, err := os.ReadFile(file)
		if err != nil {
			return nil, fmt.Errorf("%w: password file: %v", errUsage, err)
		}
		pw, _, _ = strings.Cut(string(b), "\n")
		pw = strings.TrimSuffix(pw, "\r")
		if pw == "" {
			return nil, fmt.Errorf("%w: password file %s: first line is empty", errUsage, file)
		}
	}
	if pw == "" {
		return nil, nil
	}
	return web.HashPassword(pw)
}
