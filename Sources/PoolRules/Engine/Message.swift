/// Fills the `%@` placeholders of a finding message template with `values`, in order.
func formatMessage(_ template: String, _ values: String...) -> String {
    let pieces = template.split(separator: "%@", omittingEmptySubsequences: false)
    var result = String(pieces[0])
    for (index, piece) in pieces.dropFirst().enumerated() {
        result += (index < values.count ? values[index] : "") + piece
    }
    return result
}
