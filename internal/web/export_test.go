package web

// TotalLabel exposes totalLabel to the tests of package web_test.
var TotalLabel = totalLabel
