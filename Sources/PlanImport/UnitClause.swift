import PlanModel

/// The responsible-unit clause that closes a measure: "(责任单位:A、B)", "（牵头单位：A；配合单位：B、C）",
/// "〔A、B牵头，C配合〕", "(A牵头,B按职责分工负责)", with an optional deadline inside.
struct UnitClause: Equatable {
    var units: [UnitRef]
    var deadline: Deadline?

    /// Splits a trailing unit clause off `text`. nil when the text does not end in one;
    /// brackets that are not unit clauses ("(国办发〔2019〕39号)", "(不含6亩)") are left alone.
    static func split(_ text: String, planYear: Int?) -> (text: String, clause: UnitClause)? {
        // Read as scalars: every mark, bracket and label it looks for is one scalar (graphemes cost several times more).
        let scalars = text.unicodeScalars
        var endIndex = scalars.endIndex
        while endIndex > scalars.startIndex {
            let c = scalars[scalars.index(before: endIndex)]
            guard c.isPadding || "。.；;".unicodeScalars.contains(c) else { break }
            endIndex = scalars.index(before: endIndex)
        }
        guard endIndex > scalars.startIndex else { return nil }
        guard scalars[scalars.index(before: endIndex)].bracketDepthChange < 0 else {
            guard scalars.contains(where: { $0 == ":" || $0 == "：" }) else { return nil }
            let chars = Array(scalars)
            return splitUnbracketed(chars, end: chars.count - scalars.distance(from: endIndex, to: scalars.endIndex), planYear: planYear)
        }
        // The bracket that opens the clause is at most 400 characters back: only those are read into an array.
        let tail = Array(scalars[..<endIndex].suffix(401))
        let end = tail.count
        var depth = 0
        var open = end - 1
        while open >= max(0, end - 400) {
            let c = tail[open]
            depth -= c.bracketDepthChange
            if depth == 0 { break }
            open -= 1
        }
        guard open >= 0, depth == 0,
              let clause = parse(Array(tail[(open + 1)..<(end - 1)]), planYear: planYear) else { return nil }
        let openIndex = scalars.index(endIndex, offsetBy: open - end)
        return (String(scalars[..<openIndex]).trimmingPadding(), clause)
    }

    /// A labelled clause without brackets that closes the text, on its own line or after the last sentence:
    /// "…机制。\n责任单位：A、B".
    static func splitUnbracketed(_ chars: [Unicode.Scalar], end: Int, planYear: Int?) -> (text: String, clause: UnitClause)? {
        guard chars[..<end].contains(where: { $0 == "：" || $0 == ":" }) else { return nil }
        let plain = simplify(Array(chars[..<end]))
        // Only a few starts before each "单位：" / "部门：" can open the clause.
        for colon in plain.indices where (plain[colon] == ":" || plain[colon] == "：") && colon >= 2
            && (["单位", "部门"].contains(String(scalars: plain[(colon - 2)..<colon]))
                || deadlineLabels.contains { String(scalars: plain[max(0, colon - $0.count)..<colon]) == $0 }) {
            for start in max(0, colon - 10)...(colon - 2) {
                // The line must open with the label itself: "明确牵头单位：" inside a sentence is text.
                let label = String(scalars: plain[start..<colon]).trimmingPadding()
                guard start == 0 || "。；;！？!?".unicodeScalars.contains(plain[start - 1]) || plain[start - 1].isNewline
                        || plain[start - 1].isPadding,
                      opensWithLabel(String(scalars: plain[start..<min(plain.count, start + 10)])),
                      unitLabelRoles.contains(where: { label.hasPrefix($0.word) }) || label.count == 2 || deadlineLabels.contains(label),
                      let clause = parseLabelled(Array(chars[start..<end]), plain: Array(plain[start...]), planYear: planYear),
                      clause.units.allSatisfy({ looksLikeUnit($0.name) })
                else { continue }
                return (String(scalars: chars[..<start]).trimmingPadding(), clause)
            }
        }
        return nil
    }

    /// The text opens with a unit or deadline label ("配合单位：", "完成时限："): a clause line of its own.
    static func opensWithLabel(_ text: String) -> Bool {
        let prefix = text.unicodeScalars.prefix(10)
        guard prefix.contains(where: { $0 == ":" || $0 == "：" }) else { return false }
        var head = simplify(Array(prefix))
        if let first = head.first, "（(〔【".unicodeScalars.contains(first) { head.removeFirst() }
        guard let colon = head.firstIndex(where: { $0 == ":" || $0 == "：" }), colon >= 2 else { return false }
        let word = String(scalars: head[..<colon]).trimmingPadding()
        // Only the label itself before the colon: "效。(责任单位:" is a sentence's end, then a clause.
        guard word.allSatisfy(\.isIdeograph) else { return false }
        return word.hasSuffix("单位") || word.hasSuffix("部门") || deadlineLabels.contains(word)
    }

    // MARK: - Parsing the clause content

    /// The characters simplified, so 責任單位 and 牽頭 read as 责任单位 and 牵头 (one character for one).
    static func simplify(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        scalars.map { $0.isASCII ? $0 : SimplifiedChinese.simplified($0) }
    }

    static let unitLabelRoles: [(word: String, role: Role)] = [
        ("配合", .support), ("协办", .support), ("协同", .support), ("参与", .support), ("协助", .support),
        ("牵头", .lead), ("主责", .lead), ("主办", .lead), ("责任", .responsible), ("负责", .responsible),
        ("实施", .responsible), ("落实", .responsible),
    ]
    static let deadlineLabels = ["完成时限", "完成时间", "时间节点", "时限", "完成期限"]

    static let roleVerbs: [(word: String, role: Role)] = [
        ("按职责分工负责", .support), ("按职责分工落实", .support), ("按职责负责", .support), ("分工负责", .support),
        ("共同负责", .support), ("配合落实", .support), ("配合", .support), ("协助", .support), ("协同", .support),
        ("参与", .support), ("牵头负责", .lead), ("牵头", .lead), ("负责", .responsible),
    ]

    static func parse(_ content: [Unicode.Scalar], planYear: Int?) -> UnitClause? {
        let plain = simplify(content)
        if let labelled = parseLabelled(content, plain: plain, planYear: planYear) { return labelled }
        return parseVerbs(content, plain: plain, planYear: planYear)
    }

    /// "责任单位:A、B" / "牵头单位:A;配合单位:B、C" / "完成时限:6月底".
    static func parseLabelled(_ content: [Unicode.Scalar], plain: [Unicode.Scalar], planYear: Int?) -> UnitClause? {
        // Labels: (start, end of "：", role or nil for a deadline label).
        var labels: [(start: Int, end: Int, role: Role?)] = []
        var i = 0
        while i < plain.count {
            guard plain[i] == ":" || plain[i] == "：" else { i += 1; continue }
            var nameEnd = i
            while nameEnd > 0, plain[nameEnd - 1].isPadding { nameEnd -= 1 }
            var start = nameEnd
            while start > 0, !plain[start - 1].separatesNames, plain[start - 1] != "。", plain[start - 1] != " ", nameEnd - start < 8 { start -= 1 }
            let word = String(scalars: plain[start..<nameEnd])
            if deadlineLabels.contains(word) {
                labels.append((start, i + 1, nil))
            } else if word.hasSuffix("单位") || word.hasSuffix("部门") {
                let prefix = String(word.dropLast(2))
                let role = prefix.isEmpty ? .responsible
                    : prefix.count > 4 ? nil : unitLabelRoles.first(where: { prefix.utf8.contains(bytesOf: $0.word) })?.role
                if let role {
                    labels.append((start, i + 1, role))
                }
            }
            i += 1
        }
        guard let first = labels.first, plain[..<first.start].allSatisfy(\.isPadding) else { return nil }
        var units: [UnitRef] = []
        var deadline: Deadline?
        var sawLead = false
        for (n, label) in labels.enumerated() {
            let end = n + 1 < labels.count ? labels[n + 1].start : content.count
            let section = String(scalars: content[label.end..<end])
            guard var role = label.role else {
                let text = section.trimmingCharacters(in: "；;，,。 ")
                // Under a deadline label a bare month ("2026年12月") means the month's end.
                deadline = DeadlineParser.whole(text, planYear: planYear)
                    ?? DeadlineParser.whole(text + "底", planYear: planYear).map { Deadline(text: text, date: $0.date) }
                    ?? Deadline(text: text, date: nil)
                continue
            }
            if role == .lead { sawLead = true } else if role == .responsible, sawLead { role = .support }
            let (names, found) = names(in: section, planYear: planYear)
            deadline = deadline ?? found
            // "区商务委（牵头）" in a plain list marks its own role; the others then support it.
            let marked = names.map(markedRole)
            let others = role == .responsible && marked.contains { $0.role == .lead } ? Role.support : role
            units += marked.map { UnitRef(name: $0.name, role: $0.role ?? others) }
        }
        // A deadline label alone ("完成时限：2026年6月底") is a clause too.
        return units.isEmpty && deadline == nil ? nil : UnitClause(units: deduplicated(units), deadline: deadline)
    }

    /// "区商务委（牵头）" → ("区商务委", lead), "各街镇配合" → ("各街镇", support); a name without such a mark
    /// keeps the list's role.
    static func markedRole(_ name: String) -> (name: String, role: Role?) {
        // Every mark and verb ends in one of these (simplified): most names end otherwise and are not copied.
        guard let last = name.unicodeScalars.last, "）)责实合助同与头".unicodeScalars.contains(SimplifiedChinese.simplified(last)) else {
            return (name, nil)
        }
        let plain = String(scalars: simplify(Array(name.unicodeScalars)))
        for (mark, role) in [("（牵头）", Role.lead), ("(牵头)", .lead), ("（配合）", .support), ("(配合)", .support)] where plain.hasSuffix(mark) {
            return (String(name.dropLast(4)), role)
        }
        // "各街镇按职责分工负责" after a labelled list.
        if let verb = roleVerbs.first(where: { plain.hasSuffix($0.word) && plain.count > $0.word.count }) {
            return (String(name.dropLast(verb.word.count)), verb.role == .responsible ? nil : verb.role)
        }
        return (name, nil)
    }

    /// "A、B牵头,C、D配合" / "A牵头,B按职责分工负责" / "由A负责".
    static func parseVerbs(_ content: [Unicode.Scalar], plain: [Unicode.Scalar], planYear: Int?) -> UnitClause? {
        var groups: [(original: ArraySlice<Unicode.Scalar>, plain: ArraySlice<Unicode.Scalar>)] = []
        var depth = 0
        var start = 0
        for (i, c) in plain.enumerated() {
            if c == "(" || c == "（" { depth += 1 } else if c == ")" || c == "）" { depth = max(0, depth - 1) }
            if depth == 0, "，,；;。".unicodeScalars.contains(c) {
                groups.append((content[start..<i], plain[start..<i]))
                start = i + 1
            }
        }
        groups.append((content[start...], plain[start...]))

        var units: [UnitRef] = []
        var pending: [String] = []
        var deadline: Deadline?
        var sawLead = false
        var sawVerb = false
        for group in groups {
            let text = String(scalars: group.original).trimmingPadding()
            if text.isEmpty { continue }
            if let d = DeadlineParser.whole(text, planYear: planYear) {
                deadline = d
                continue
            }
            let plainText = String(scalars: group.plain).trimmingPadding()
            guard let verb = roleVerbs.first(where: { plainText.hasSuffix($0.word) }) else {
                // "甲海关、乙机场海关，综保区管委会配合": a list before the verb's own group shares its role.
                pending += names(in: text, planYear: planYear).names
                continue
            }
            sawVerb = true
            var role = verb.role
            if role == .lead { sawLead = true } else if role == .responsible, sawLead { role = .support }
            var namesText = String(text.dropLast(verb.word.count))
            if namesText.hasPrefix("由") { namesText.removeFirst() }
            // "A、B、C分别牵头": the adverb is not part of C's name.
            for adverb in ["分别", "各自"] where namesText.hasSuffix(adverb) { namesText.removeLast(adverb.count) }
            let (names, _) = names(in: namesText, planYear: planYear)
            guard !names.isEmpty else { return nil }
            units += (pending + names).map { UnitRef(name: $0, role: role) }
            pending = []
        }
        guard sawVerb, pending.isEmpty, !units.isEmpty,
              units.allSatisfy({ looksLikeUnit($0.name) }) else { return nil }
        return UnitClause(units: deduplicated(units), deadline: deadline)
    }

    /// The unit names of a list, split on 、 , ， ; ； 及 and spaces outside brackets; a trailing deadline is split off.
    static func names(in text: String, planYear: Int?) -> (names: [String], deadline: Deadline?) {
        let chars = Array(text.unicodeScalars)
        var names: [String] = []
        var deadline: Deadline?
        var depth = 0
        var current: [Unicode.Scalar] = []
        func flush() {
            var name = String(scalars: current).trimmingPadding()
            current = []
            if name.unicodeScalars.first == "由" { name.removeFirst() }
            // "A、B等部门": the list's closing 等 is not part of B's name.
            for tail in ["等相关部门", "等相关单位", "等有关部门", "等有关单位", "等部门", "等单位", "等"]
            where name.unicodeScalars.last.map({ "等门位".unicodeScalars.contains($0) }) ?? false && name.count > tail.count && name.hasSuffix(tail) {
                name.removeLast(tail.count)
                break
            }
            // "B等市级各有关部门" (a list cut at a line end: "A、B等" / "市级各有关部门"): B, then the catch-all.
            if name.unicodeScalars.contains("等"), let stop = name.firstIndex(of: "等"), name.index(after: stop) != name.endIndex, stop != name.startIndex,
               Self.isCatchAll(String(name[name.index(after: stop)...])) {
                let rest = String(name[name.index(after: stop)...])
                name = String(name[..<stop])
                names.append(name)
                names.append(rest)
                return
            }
            guard !name.isEmpty else { return }
            if let d = DeadlineParser.whole(name, planYear: planYear) {
                deadline = d
            } else if let (rest, d) = DeadlineParser.trailing(name, planYear: planYear), !rest.isEmpty {
                deadline = d
                names.append(rest.trimmingPadding())
            } else {
                names.append(name)
            }
        }
        var i = 0
        while i < chars.count {
            let c = chars[i]
            depth = max(0, depth + c.bracketDepthChange)
            // "96345 服务热线": a space after a number or code goes on with the name.
            if c.isPadding, !current.isEmpty, current.allSatisfy(\.isASCIILetterOrDigit) {
                i += 1
                continue
            }
            let and = c == "及"
            if depth == 0, c.separatesNames || and || c.isPadding {
                if and, current.last == "以" { current.removeLast() }
                flush()
            } else {
                current.append(c)
            }
            i += 1
        }
        flush()
        return (names, deadline)
    }

    /// A name for a group of units: "各有关部门", "市级各相关单位", "各成员单位".
    static func isCatchAll(_ name: String) -> Bool {
        (name.contains("各") || name.contains("有关") || name.contains("相关")) && (name.hasSuffix("部门") || name.hasSuffix("单位"))
    }

    /// Unit names are short and are not sentences.
    static func looksLikeUnit(_ name: String) -> Bool {
        name.count <= 30 && !name.unicodeScalars.contains(where: { "。！？!?《》".unicodeScalars.contains($0) }) && !name.contains("的")
    }

    static func deduplicated(_ units: [UnitRef]) -> [UnitRef] {
        var seen: Set<String> = []
        return units.filter { seen.insert($0.name).inserted }
    }
}

private extension String {
    func trimmingCharacters(in set: String) -> String {
        var chars = Substring(self).unicodeScalars
        while let f = chars.first, set.unicodeScalars.contains(f) || f.isPadding { chars.removeFirst() }
        while let l = chars.last, set.unicodeScalars.contains(l) || l.isPadding { chars.removeLast() }
        return String(chars)
    }
}

extension String.UTF8View {
    /// The UTF-8 bytes of `word` stand together in these: a substring test without Foundation's `range(of:)`.
    func contains(bytesOf word: String) -> Bool {
        let needle = Array(word.utf8)
        guard !needle.isEmpty else { return true }
        let haystack = Array(self)
        guard haystack.count >= needle.count else { return false }
        return (0...(haystack.count - needle.count)).contains { start in haystack[start..<(start + needle.count)].elementsEqual(needle) }
    }
}
