import GitReader
import ReviewModel

/// Picks the base and head of a review from the request, as git would read them.
enum RevisionChoice {
    /// The base, the head, and a note saying how the base was chosen when the user did not
    /// name it: the request's own `baseNote`, or the default base's note.
    static func resolve(_ request: ReviewRequest, in repository: GitRepository) throws -> (Revision, Revision, String?) {
        var base: Revision?
        var head: Revision?

        if let range = request.range {
            if range.contains("..") {
                let pair = try repository.resolveRange(range)
                base = pair.base
                head = pair.head
            } else {
                base = try repository.resolve(range)
            }
        }
        if let explicit = request.base { base = try repository.resolve(explicit) }
        if let explicit = request.head { head = try repository.resolve(explicit) }

        let resolvedHead = try head ?? repository.resolve("HEAD")
        if request.wholeTree {
            return (resolvedHead, resolvedHead, nil)
        }
        if let base {
            return (base, resolvedHead, request.baseNote)
        }
        let chosen = try repository.defaultBase(head: resolvedHead)
        return (chosen.base, resolvedHead, chosen.note)
    }
}
