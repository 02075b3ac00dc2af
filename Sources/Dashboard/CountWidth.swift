import TerminalKit

/// Columns wide enough for every count they hold: a count is never cut to `19613/99…`.
enum CountWidth {
    /// At least `minimum`, and wide enough for `done/total` with both as large as `largest`.
    static func fraction(largest: Int, minimum: Int) -> Int { max(minimum, 2 * String(largest).count + 1) }

    /// At least `minimum`, and wide enough for `largest` (and a one-column mark before it, as `!12`).
    static func count(largest: Int, minimum: Int, mark: Bool = false) -> Int {
        max(minimum, String(largest).count + (mark ? 1 : 0))
    }
}
