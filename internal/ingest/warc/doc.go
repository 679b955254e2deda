// Package warc streams WARC and WARC.gz archives (the Common Crawl News
// layout: one gzip member per record) and turns their HTML `response`
// records into pipeline inputs. A file is read one record at a time and is
// never loaded whole. A bad record becomes an error naming the file, the
// record number and its byte offset, and reading goes on with the next
// record; a truncated file ends with an error after its good records.
package warc
