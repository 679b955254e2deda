package entity

// FindUncached is Find without its memo, for benchmarks that read the
// same texts again and again.
var FindUncached = find
