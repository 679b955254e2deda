# Conveniences; the README's two commands work without make.
.PHONY: build run test lint bench eval fuzz

build:
	go build -o bin/parallax ./cmd/parallax

run:
	go run ./cmd/parallax serve

test:
	go test ./...

lint:
	gofmt -l . | (! grep .)
	go vet ./...

bench:
	go test -run '^$$' -bench . -benchmem ./...

eval:
	go run ./cmd/parallax eval extract
	go run ./cmd/parallax eval extract --text
	go run ./cmd/parallax eval cluster
	go run ./cmd/parallax eval summary
	go run ./cmd/parallax eval entities
