package p

var s = "never closed
var r = `raw never closed
