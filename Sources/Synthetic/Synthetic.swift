import PlanModel

/// Deterministic synthetic plans and histories shaped like real district
/// action plans, for benchmarks and scale tests. The same seed always gives
/// the same output.
public enum Synthetic {
    /// Measures per generated plan (the last plan may hold fewer).
    public static let measuresPerPlan = 1_000
    public static let year = 2026
    /// Characters of a measure title and body.
    public static let titleLength = 24...36
    public static let bodyLength = 160...240
    public static let unitsPerMeasure = 1...6
    public static let tasksPerMeasure = 0...7
    public static let pillarsPerPlan = 4...6

    /// Plans holding exactly `measures` measures, about `measuresPerPlan` each,
    /// ids `syn<k>-2026` (k from 1) and measure ids `syn<k>-2026:P.M`.
    public static func plans(measures: Int, seed: UInt64) -> [Plan] {
        guard measures > 0 else { return [] }
        let planCount = (measures + measuresPerPlan - 1) / measuresPerPlan
        var prose = Prose(random: SplitMix64(seed: seed))
        return (0..<planCount).map { k in
            let size = measures / planCount + (k < measures % planCount ? 1 : 0)
            return plan(number: k + 1, measures: size, prose: &prose)
        }
    }

    private static func plan(number: Int, measures: Int, prose: inout Prose) -> Plan {
        let district = Vocabulary.districts[(number - 1) % Vocabulary.districts.count]
        let id = "syn\(number)-\(year)"
        let pillarCount = min(measures, prose.random.int(in: pillarsPerPlan))
        let issued = Day(year: year, month: prose.random.int(in: 1...3), day: prose.random.int(in: 1...28))
        var label = 0
        let pillars = (0..<pillarCount).map { p in
            let count = measures / pillarCount + (p < measures % pillarCount ? 1 : 0)
            let ms = (0..<count).map { m in
                label += 1
                return measure(id: "\(id):\(p + 1).\(m + 1)", label: String(label), prose: &prose)
            }
            return Pillar(number: Vocabulary.chineseNumerals[p], title: prose.random.pick(Vocabulary.pillarTitles),
                          measures: ms)
        }
        let theme = prose.random.pick(Vocabulary.planThemes)
        return Plan(id: id, title: "\(district.name)\(theme)行动方案（\(year)年）", district: district.name,
                    year: year, docNumber: "\(district.short)府办发〔\(year)〕\(number)号", date: issued,
                    pillars: pillars)
    }

    private static func measure(id: String, label: String, prose: inout Prose) -> Measure {
        var names = Vocabulary.units
        let unitCount = prose.random.int(in: unitsPerMeasure)
        let undistinguished = prose.random.chance(0.15)
        let units = (0..<unitCount).map { i in
            let name = names.remove(at: prose.random.int(below: names.count))
            let role: Role = undistinguished ? .responsible : (i == 0 ? .lead : .support)
            return UnitRef(name: name, role: role)
        }
        var deadline: Deadline?
        if prose.random.chance(0.6) {
            let stated = prose.random.pick(Vocabulary.deadlines)
            deadline = Deadline(text: stated.text, date: stated.month.flatMap {
                Day(year: year, month: $0, day: Day.length(ofMonth: $0, year: year))
            })
        }
        let tasks = (0..<prose.random.int(in: tasksPerMeasure)).map { t in
            PlanTask(id: "\(id).\(t + 1)", title: prose.random.pick(Vocabulary.taskLeads),
                 text: prose.body(length: 30...80))
        }
        return Measure(id: id, label: label, title: prose.title(length: titleLength),
                       text: prose.body(length: bodyLength), units: units, deadline: deadline, tasks: tasks)
    }
}
