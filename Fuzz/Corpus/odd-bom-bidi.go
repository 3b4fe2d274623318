package p

var x = "‮ reversed ‬"
