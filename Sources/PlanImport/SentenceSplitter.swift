/// Splits text into sentences at 。！？ outside brackets and quotes; closing quotes stay with their sentence.
enum SentenceSplitter {
    static func sentences(in text: String) -> [String] {
        let chars = Array(text)
        var result: [String] = []
        var start = 0
        var depth = 0
        var i = 0
        func flush(_ end: Int) {
            let s = String(Array(chars[start..<end]).trimmingPadding())
            if !s.isEmpty { result.append(s) }
            start = end
        }
        while i < chars.count {
            let c = chars[i]
            if c.isOpeningBracket { depth += 1 } else if c.isClosingBracket { depth = max(0, depth - 1) }
            if c.isNewline {
                flush(i)
                depth = 0
            } else if c.endsSentence, depth == 0 {
                var end = i + 1
                while end < chars.count, Characters("”’」』）)").contains(chars[end]) { end += 1 }
                flush(end)
                i = end
                continue
            }
            i += 1
        }
        flush(chars.count)
        return result
    }

    /// The sentence without its final 。！？ — how a sentence reads as a title.
    static func title(of sentence: String) -> String {
        var chars = Array(sentence)
        while let last = chars.last, last.endsSentence || last.isPadding { chars.removeLast() }
        return String(chars)
    }
}
