/// Assembles action-plan Chinese text of a length in a given range (in
/// characters) from the vocabulary's phrases.
struct Prose {
    var random: SplitMix64

    /// "深化…，强化…" phrases up to a length drawn from `length`.
    mutating func title(length: ClosedRange<Int>) -> String {
        let target = random.int(in: length)
        var parts = [phrase()]
        while parts.joined(separator: "，").count < target {
            parts.append(random.chance(0.5) ? phrase() : random.pick(Vocabulary.clauses))
        }
        return Prose.fit(parts, separator: "，", terminator: "", in: length)
    }

    /// Sentences of phrases and clauses, ending in "。", up to a length drawn from `length`.
    mutating func body(length: ClosedRange<Int>) -> String {
        let target = random.int(in: length)
        var sentences: [String] = []
        while sentences.joined().count < target {
            var sentence = phrase() + "，" + random.pick(Vocabulary.clauses)
            if random.chance(0.4) { sentence += "，" + random.pick(Vocabulary.clauses) }
            sentences.append(sentence + "。")
        }
        return Prose.fit(sentences, separator: "", terminator: "。", in: length)
    }

    mutating func phrase() -> String { random.pick(Vocabulary.verbs) + random.pick(Vocabulary.objects) }

    /// The parts joined; when too long, without the last part if that still
    /// fits (a whole phrase reads better), else cut and closed with `terminator`.
    private static func fit(_ parts: [String], separator: String, terminator: String,
                            in length: ClosedRange<Int>) -> String {
        let text = parts.joined(separator: separator)
        guard text.count > length.upperBound else { return text }
        let shorter = parts.dropLast().joined(separator: separator)
        if length.contains(shorter.count) { return shorter }
        return String(text.prefix(length.upperBound - terminator.count)) + terminator
    }
}
