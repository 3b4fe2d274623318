import ReviewModel

/// The ranges one hook run reviews, each once, and the refs it skips with the reason.
struct HookPlan {
    /// One range to review and the pushed refs that lead to it.
    struct Range {
        var base: Revision
        var head: Revision
        /// The refs whose push this range reviews, such as `refs/heads/feature`.
        var refs: [String]
        /// Explanations for refs whose base did not follow the usual rule, one sentence each.
        var explanations: [String]
    }

    private(set) var ranges: [Range] = []
    /// Lines naming the refs that were not reviewed, each with the reason.
    private(set) var skipped: [String] = []

    /// Adds `base..head` for `ref`, merging it with an earlier ref of the same range.
    mutating func add(base: Revision, head: Revision, ref: String, explanation: String?) {
        if let index = ranges.firstIndex(where: { $0.base.sha == base.sha && $0.head.sha == head.sha }) {
            ranges[index].refs.append(ref)
            if let explanation { ranges[index].explanations.append(explanation) }
            return
        }
        ranges.append(Range(base: base, head: head, refs: [ref], explanations: explanation.map { [$0] } ?? []))
    }

    mutating func skip(ref: String, reason: String) {
        skipped.append("\(ref): \(reason)")
    }
}
