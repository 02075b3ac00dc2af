/// One non-empty line of a document after normalisation.
struct Paragraph: Equatable {
    var text: String
    /// The line was a markdown heading (`#`…); such a line never continues across a page gap.
    var isMarkedHeading: Bool = false
}
