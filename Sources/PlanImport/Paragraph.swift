/// One non-empty line of a document after normalisation.
struct Paragraph: Equatable {
    var text: String
    /// The line was a markdown heading (`#`…); such a line never continues across a page gap.
    var isMarkedHeading: Bool = false
    /// Columns of markup removed from the line (heading marks, pinyin annotations): part of its width as the
    /// page laid it out, which tells a wrapped document.
    var markupColumns: Int = 0
}
