// Package warc streams WARC and WARC.gz archives (the Common Crawl News
// layout: one gzip member per record) and turns their HTML `response`
// records into pipeline inputs. A file is read one record at a time and is
// never loaded whole. A bad record becomes an error naming the file, the
// record number and its byte offset, and reading goes on with the next
// record; a truncated file ends with an error after its good records. In a
// WARC.gz no record comes out before its gzip member's checksum and size
// are verified, and after a corrupt member reading goes on at the next
// one. A file that does not begin with a WARC record gives one error,
// wrapping ErrNotWARC.
package warc
