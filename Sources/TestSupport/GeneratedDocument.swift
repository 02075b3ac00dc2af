/// Large plan documents of every numbering shape the importer reads, generated for its benchmark and its
/// memory test: the same text for the same shape and size on every machine.
public enum GeneratedDocument: String, CaseIterable, Sendable {
    /// 一、 pillars over 1. measures numbered into three digits (restarting in each pillar: a plan numbers no
    /// measure past 999), each with a body and a unit clause.
    case pillarsAndMeasures
    /// 一、 / （一） sections / 1. measures / （1） tasks.
    case sectionsAndTasks
    /// 一、 / （一） / heading-only 1. / （1） measures with unit clauses (the measure level at depth).
    case measuresAtDepth
    /// 第一章 / 第一条 articles.
    case articles
    /// A markdown task table, one row a measure.
    case taskTable
    /// pillarsAndMeasures as a PDF gives it: every line cut at 40 characters, a page number and a running
    /// header every 40 lines.
    case wrapped
    /// Lines of （（一））标题: numbers that never fit, the shape that was quadratic.
    case nestedParens
    /// The whole document on one line.
    case singleLine

    static let numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]

    static func chinese(_ n: Int) -> String {
        if n <= 10 { return numerals[n - 1] }
        if n < 20 { return "十" + (n % 10 == 0 ? "" : numerals[n % 10 - 1]) }
        return numerals[n / 10 - 1] + "十" + (n % 10 == 0 ? "" : numerals[n % 10 - 1])
    }

    static let bodies = [
        "推进政务服务一网通办，拓展高频事项集成服务，完善线上线下融合办理机制。",
        "深化商事登记改革，推行经营主体登记确认制，压缩企业开办时间至一个工作日。",
        "加强知识产权保护，建设快速维权中心，开展重点领域专项整治行动。",
        "优化融资服务，扩大普惠小微贷款投放，推广随申融平台服务。",
        "完善人才服务体系，建设人才服务综合体，为海内外人才提供一站式服务。",
    ]
    static let units = ["区发改委", "区经委", "区市场监管局", "区数据局", "区财政局", "区人社局", "区规划资源局"]

    static func body(_ n: Int) -> String { bodies[n % bodies.count] }
    static func clause(_ n: Int) -> String {
        "（牵头单位：\(units[n % units.count])；配合单位：\(units[(n + 3) % units.count])、各街镇；完成时限：2026年\(n % 12 + 1)月底前）"
    }

    /// The document, about `lines` lines long (the single-line shape: as many measures on one line).
    public func text(lines: Int) -> String {
        var out = ["某市2026年优化营商环境行动方案", "为持续优化营商环境，制定本方案。"]
        switch self {
        case .pillarsAndMeasures, .wrapped, .singleLine:
            let perPillar = min(999, max(1, lines / 10))
            for m in 1...max(1, lines - 10) {
                if (m - 1) % perPillar == 0 { out.append("\(Self.chinese(min(99, (m - 1) / perPillar + 1)))、重点任务第\(m)组") }
                out.append("\((m - 1) % perPillar + 1).推进第\(m)项改革。\(Self.body(m))\(Self.clause(m))")
            }
        case .sectionsAndTasks:
            var m = 0
            while out.count < lines {
                out.append("\(Self.chinese(min(99, out.count / 200 + 1)))、重点任务")
                for s in 1...10 where out.count < lines {
                    out.append("（\(Self.chinese(s))）优化第\(s)类服务")
                    for _ in 1...4 {
                        m += 1
                        out.append("\(m % 99 + 1).推进第\(m)项改革。\(Self.body(m))\(Self.clause(m))")
                        out.append("（1）梳理事项清单。")
                        out.append("（2）完善配套制度。")
                    }
                }
            }
        case .measuresAtDepth:
            var m = 0
            while out.count < lines {
                out.append("\(Self.chinese(min(99, out.count / 300 + 1)))、重点领域")
                for s in 1...10 where out.count < lines {
                    out.append("（\(Self.chinese(s))）优化第\(s)类环境")
                    for h in 1...3 {
                        out.append("\(h).深化第\(h)项改革")
                        for i in 1...8 {
                            m += 1
                            out.append("（\(i)）推进第\(m)项举措\(Self.clause(m))")
                        }
                    }
                }
            }
        case .articles:
            var m = 0
            // `for … in 1... where` would filter the chapters, never end the loop.
            for chapter in 1... {
                guard out.count < lines else { break }
                out.append("第\(Self.chinese(min(99, chapter)))章 重点任务")
                for _ in 1...20 {
                    m += 1
                    out.append("第\(Self.chinese(m % 99 + 1))条 \(Self.body(m))\(Self.clause(m))")
                }
            }
        case .taskTable:
            out.append("| 序号 | 工作任务 | 牵头单位 | 配合单位 | 完成时限 |")
            out.append("| --- | --- | --- | --- | --- |")
            for m in 1...max(1, lines - 4) {
                out.append("| \(m) | \(Self.body(m)) | \(Self.units[m % Self.units.count]) | 各街镇 | 2026年\(m % 12 + 1)月底前 |")
            }
        case .nestedParens:
            for n in 0..<lines { out.append("（（\(Self.chinese(n % 99 + 1))））标题\(n)") }
            out.append("一、重点任务")
            out.append("1.推进改革。\(Self.body(1))\(Self.clause(1))")
        }
        switch self {
        case .wrapped: return Self.wrapping(out, width: 40)
        case .singleLine: return out.joined(separator: "　") + "\n"
        default: return out.joined(separator: "\n") + "\n"
        }
    }

    /// Every line cut at `width` characters; a page number and the title every 40 lines.
    static func wrapping(_ lines: [String], width: Int) -> String {
        var cut: [String] = []
        for line in lines {
            var rest = Substring(line)
            while rest.count > width {
                cut.append(String(rest.prefix(width)))
                rest = rest.dropFirst(width)
            }
            cut.append(String(rest))
        }
        var out: [String] = []
        for (i, line) in cut.enumerated() {
            if i > 0, i % 40 == 0 { out += ["— \(i / 40) —", lines[0]] }
            out.append(line)
        }
        return out.joined(separator: "\n") + "\n"
    }
}
