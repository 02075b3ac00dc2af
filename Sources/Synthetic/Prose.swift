/// Assembles action-plan Chinese text of a length in a given range (in
/// characters) from the vocabulary's phrases.
struct Prose {
    var random: SplitMix64

    /// "深化…，强化…" phrases up to a length drawn from `length`; cut at its upper bound.
    mutating func title(length: ClosedRange<Int>) -> String {
        let target = random.int(in: length)
        var text = phrase()
        while text.count < target {
            text += "，" + (random.chance(0.5) ? phrase() : random.pick(Vocabulary.clauses))
        }
        return String(text.prefix(length.upperBound))
    }

    /// Sentences of phrases and clauses, ending in "。", up to a length drawn from `length`.
    mutating func body(length: ClosedRange<Int>) -> String {
        let target = random.int(in: length)
        var text = ""
        while text.count < target {
            text += phrase() + "，" + random.pick(Vocabulary.clauses)
            if random.chance(0.4) { text += "，" + random.pick(Vocabulary.clauses) }
            text += "。"
        }
        guard text.count > length.upperBound else { return text }
        return String(text.prefix(length.upperBound - 1)) + "。"
    }

    mutating func phrase() -> String { random.pick(Vocabulary.verbs) + random.pick(Vocabulary.objects) }
}
