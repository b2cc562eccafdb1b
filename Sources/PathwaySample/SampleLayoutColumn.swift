/// One column of a written file: its heading and where its values come from.
struct SampleLayoutColumn: Sendable {
    enum Content: Sendable {
        /// The canonical cell at this index.
        case cell(Int, SampleColumnStyle)
        /// Messy free text (commas, quotes, line breaks) that pathway ignores.
        case notes
        /// The canonical cell at this index again (a duplicated heading).
        case copy(Int)
        /// An ignored column holding one of these values.
        case extra([String])
    }

    let heading: String
    let content: Content
}
