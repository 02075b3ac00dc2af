import PlanModel

/// The structure pass: finds where the plan body starts and ends, decides which numbered level holds
/// the measures, and turns the outline into pillars, sections, measures and tasks.
struct StructureRecognizer {
    var planID: String
    var planYear: Int?

    /// Index of the first pillar heading: the first item numbered 1 in the outermost scheme used, from the
    /// plan's own title line on when an issuing notice (which may number its own paragraphs) comes first.
    static func bodyStart(in paragraphs: [Paragraph]) -> Int? {
        if let title = planTitleLine(in: paragraphs), let start = firstPillar(in: paragraphs[(title + 1)...]) { return start }
        return firstPillar(in: paragraphs[...])
    }

    /// After an issuing notice ("关于印发《…》的通知"): the line that is the notice's 《…》, else the first
    /// title line within three lines after the notice's signing date.
    static func planTitleLine(in paragraphs: [Paragraph]) -> Int? {
        let quoted = Set(PlanMetadata.noticeTitles(Array(paragraphs.prefix(12))).map { $0.filter { !$0.isPadding } })
        guard !quoted.isEmpty else { return nil }
        if let line = paragraphs.firstIndex(where: { quoted.contains($0.text.filter { !$0.isPadding }) }) { return line }
        guard let date = paragraphs.firstIndex(where: { Boilerplate.signingDate($0.text) != nil }) else { return nil }
        return paragraphs[(date + 1)...].prefix(3).firstIndex { PlanMetadata.isTitleLine($0.text) }
    }

    static func firstPillar(in paragraphs: ArraySlice<Paragraph>) -> Int? {
        var firstOne: [NumberMarker.Kind: Int] = [:]
        for (i, p) in zip(paragraphs.indices, paragraphs) {
            if let m = NumberMarker.parse(p.text), m.ordinal == 1, !m.continuesOnly, firstOne[m.kind] == nil { firstOne[m.kind] = i }
        }
        guard let top = firstOne.keys.min() else { return nil }
        return firstOne[top]
    }

    /// Where closing matter (抄送, signature, date) begins in the joined body.
    static func bodyEnd(in paragraphs: [Paragraph]) -> Int {
        var end = paragraphs.firstIndex { Boilerplate.startsClosingMatter($0.text) } ?? paragraphs.count
        while end > 1, Boilerplate.signingDate(paragraphs[end - 1].text) != nil || Boilerplate.isSignature(paragraphs[end - 1].text)
                || paragraphs[end - 1].text.hasPrefix("特此") {
            end -= 1
        }
        return end
    }

    func pillars(from body: ArraySlice<Paragraph>) -> [Pillar] {
        let outline = Outline(paragraphs: body)
        let levels = outline.levels
        guard let top = levels.first else { return [] }
        if levels.count == 1 || top > .chineseParen {
            // Only one numbering scheme, or none above "1.": official documents number pillars 一、 or （一）,
            // so the outermost items are measures (their numbered items tasks) of one unnamed pillar.
            let items = outline.roots
            guard items.contains(where: { outline.items[$0].hasBody || !outline.items[$0].children.isEmpty }) else { return [] }
            let measures = items.enumerated().map { m, index in
                measure(outline, index, id: "\(planID):1.\(m + 1)", section: nil)
            }
            return [Pillar(number: "", title: "", measures: measures)]
        }
        let measureLevel = Self.measureLevel(outline, levels: levels)
        return outline.roots.filter { outline.items[$0].marker.kind == top }.enumerated().map { p, root in
            let pillarItem = outline.items[root]
            // One paragraph under the pillar heading that closes with a unit clause is a measure of its own.
            if pillarItem.children.isEmpty,
               ([String(pillarItem.inlineBody)] + pillarItem.paragraphs).contains(where: { UnitClause.split($0, planYear: planYear) != nil }) {
                let only = measure(outline, root, id: "\(planID):\(p + 1).1", section: nil)
                return Pillar(number: pillarItem.marker.label, title: only.title, measures: [only])
            }
            var found: [(index: Int, section: Section?, leads: [UnitRef])] = []
            func collect(_ index: Int, _ section: Section?, _ leads: [UnitRef]) {
                let item = outline.items[index]
                if item.marker.kind >= measureLevel || item.children.isEmpty {
                    found.append((index, section, leads))
                } else {
                    let (title, own) = headingLeads(String(item.title))
                    for child in item.children { collect(child, Section(label: item.marker.label, title: title), own.isEmpty ? leads : own) }
                }
            }
            let (pillarTitle, pillarLeads) = headingLeads(String(pillarItem.title))
            for child in pillarItem.children { collect(child, nil, pillarLeads) }
            let measures = found.enumerated().map { m, entry in
                var found = measure(outline, entry.index, id: "\(planID):\(p + 1).\(m + 1)", section: entry.section)
                // A measure that names no lead of its own is led by its heading's lead; its own units support it.
                if !entry.leads.isEmpty, !found.units.contains(where: { $0.role == .lead }) {
                    found.units = entry.leads + found.units.filter { u in !entry.leads.contains { $0.name == u.name } }
                        .map { UnitRef(name: $0.name, role: .support) }
                }
                return found
            }
            return Pillar(number: pillarItem.marker.label, title: pillarTitle, measures: measures)
        }
    }

    /// A pillar or section heading that names a lead ("市场准入领域（省发展改革委牵头）",
    /// "优化纳税服务（指标牵头单位：市税务局）"): the title without the clause, and the leads.
    func headingLeads(_ title: String) -> (title: String, leads: [UnitRef]) {
        guard let (rest, clause) = UnitClause.split(title, planYear: planYear), !rest.isEmpty else { return (title, []) }
        let leads = clause.units.filter { $0.role == .lead }
        return leads.isEmpty ? (title, []) : (rest, leads)
    }

    /// The measure level: the outermost level below the pillars whose items mostly carry their own body
    /// (text or a unit clause) and mostly have no numbered items of their own; levels above it that only
    /// head others are sections.
    static func measureLevel(_ outline: Outline, levels: [NumberMarker.Kind]) -> NumberMarker.Kind {
        var withBodies: [NumberMarker.Kind] = []
        for level in levels.dropFirst() {
            // Counted in place: a filtered copy of the items was the parse's peak memory (items are large).
            var count = 0, bodies = 0, parents = 0
            for item in outline.items where item.marker.kind == level {
                count += 1
                if item.hasBody || UnitClause.split(String(item.title), planYear: nil) != nil { bodies += 1 }
                if !item.children.isEmpty { parents += 1 }
            }
            if bodies * 2 > count {
                if parents * 2 <= count { return level }
                withBodies.append(level)
            }
        }
        return withBodies.last ?? levels[levels.count - 1]
    }

    // MARK: - Measures and tasks

    func measure(_ outline: Outline, _ index: Int, id: String, section: Section?) -> Measure {
        let item = outline.items[index]
        var title = String(item.title)
        var units: [UnitRef] = []
        var deadline: Deadline?
        func take(_ clause: UnitClause) {
            units += clause.units.filter { u in !units.contains { $0.name == u.name } }
            deadline = deadline ?? clause.deadline
        }
        // Own paragraphs with unit clauses split off.
        var own: [String] = []
        if item.inlineBody.isEmpty, let (rest, clause) = UnitClause.split(title, planYear: planYear) {
            title = rest
            take(clause)
        }
        for text in (item.inlineBody.isEmpty ? [] : [String(item.inlineBody)]) + item.paragraphs {
            if let (rest, clause) = UnitClause.split(text, planYear: planYear) {
                take(clause)
                if !rest.isEmpty { own.append(rest) }
            } else {
                own.append(text)
            }
        }
        // Numbered sub-items are the tasks.
        var tasks: [PlanTask] = []
        var subLines: [String] = []
        var childUnits: [UnitRef] = []
        for child in item.children {
            var lines: [String] = []
            func gather(_ i: Int) {
                let c = outline.items[i]
                lines.append(c.line)
                lines += c.paragraphs
                c.children.forEach(gather)
            }
            gather(child)
            var text = lines.joined(separator: "\n")
            if let (rest, clause) = UnitClause.split(text, planYear: planYear) {
                text = rest
                childUnits += clause.units.filter { u in !childUnits.contains { $0.name == u.name } }
                deadline = deadline ?? clause.deadline
            }
            subLines.append(text)
            let body = String(text.dropFirst(outline.items[child].line.count - outline.items[child].marker.rest.count))
            tasks.append(PlanTask(id: "\(id).\(tasks.count + 1)", title: String(outline.items[child].title),
                                        text: body.trimmingPadding()))
        }
        if units.isEmpty { units = childUnits }
        if tasks.isEmpty { tasks = taskList(from: own, measureID: id, titleOnItsOwnLine: item.inlineBody.isEmpty) }
        let text = (own + subLines).joined(separator: "\n")
        if deadline == nil { deadline = DeadlineParser.stated(in: own.joined(separator: "\n"), planYear: planYear) }
        return Measure(id: id, label: item.marker.label, title: title, section: section, text: text,
                       units: units, deadline: deadline, tasks: tasks)
    }

    /// Tasks from lead phrases ("推进关联事项集成办。…") when most paragraphs open with one, else from
    /// "一是…；二是…" points, else one per sentence.
    func taskList(from paragraphs: [String], measureID: String, titleOnItsOwnLine: Bool) -> [PlanTask] {
        var tasks: [PlanTask] = []
        func add(_ title: String, _ text: String) {
            tasks.append(PlanTask(id: "\(measureID).\(tasks.count + 1)", title: title, text: text))
        }
        let leads = paragraphs.map(Self.leadPhrase)
        let leadMode = titleOnItsOwnLine && paragraphs.count >= 2 && leads.filter { $0 != nil }.count * 2 > paragraphs.count
        for (paragraph, lead) in zip(paragraphs, leads) {
            if leadMode, let lead {
                add(lead, paragraph)
            } else if let points = SentenceSplitter.enumeratedPoints(in: paragraph) {
                for point in points { add(point.title, point.text) }
            } else {
                for sentence in SentenceSplitter.sentences(in: paragraph) {
                    add(SentenceSplitter.title(of: sentence), sentence)
                }
            }
        }
        return tasks
    }

    /// A short phrase ending in "。" at the start of a paragraph, with no comma or enumeration inside,
    /// followed by more text.
    static func leadPhrase(_ paragraph: String) -> String? {
        // Only the first 27 characters can hold a lead and the character after it.
        // Scalars: comparing Characters to "。" went through String's normalising compare.
        let head = paragraph.unicodeScalars.prefix(27)
        guard let stop = head.firstIndex(of: "。"), head.index(after: stop) != head.endIndex else { return nil }
        let lead = head[..<stop]
        guard lead.count >= 2, lead.count <= 25, !lead.contains(where: { "，,、；;：:".unicodeScalars.contains($0) }) else { return nil }
        return String(lead)
    }
}
