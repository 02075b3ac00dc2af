/// Splits text into sentences at 。！？ outside brackets and quotes; closing quotes stay with their sentence.
enum SentenceSplitter {
    static func sentences(in text: String) -> [String] {
        // Scalars, not graphemes: every mark it looks for is one scalar.
        let chars = Array(text.unicodeScalars)
        var result: [String] = []
        var start = 0
        var depth = 0
        var i = 0
        func flush(_ end: Int) {
            var lo = start, hi = end
            while lo < hi, chars[lo].isPadding || chars[lo].isNewline { lo += 1 }
            while hi > lo, chars[hi - 1].isPadding || chars[hi - 1].isNewline { hi -= 1 }
            let s = String(scalars: chars[lo..<hi])
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
                while end < chars.count, "”’」』）)".unicodeScalars.contains(chars[end]) { end += 1 }
                flush(end)
                i = end
                continue
            }
            i += 1
        }
        flush(chars.count)
        return result
    }

    /// "一是……；二是……；三是……。": the enumerated points of a paragraph, each without its 一是 and closing
    /// punctuation as title, or nil when the paragraph does not enumerate at least two in order.
    static func enumeratedPoints(in text: String) -> [(title: String, text: String)]? {
        guard text.unicodeScalars.contains("是") else { return nil }
        let chars = Array(text)
        let numerals: [Character] = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
        var starts: [Int] = []
        var i = 0
        while i + 1 < chars.count, starts.count < numerals.count {
            if chars[i] == numerals[starts.count], chars[i + 1] == "是",
               i == 0 || Characters("。；;，,：:").contains(chars[i - 1]) || chars[i - 1].isPadding {
                starts.append(i)
            }
            i += 1
        }
        guard starts.count >= 2 else { return nil }
        return starts.enumerated().map { n, start in
            let end = n + 1 < starts.count ? starts[n + 1] : chars.count
            var point = Array(Array(chars[start..<end]).trimmingPadding())
            let text = String(point)
            point.removeFirst(2)
            while let last = point.last, Characters("；;，,。").contains(last) || last.isPadding { point.removeLast() }
            return (String(point), text)
        }
    }

    /// The sentence without its final 。！？ — how a sentence reads as a title.
    static func title(of sentence: String) -> String {
        var chars = Substring(sentence)
        while let last = chars.last, last.endsSentence || last.isPadding { chars.removeLast() }
        return String(chars)
    }
}
