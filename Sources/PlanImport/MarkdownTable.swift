/// A task table written as a markdown table (`| 序号 | 工作任务 | 牵头单位 | 完成时限 |`) or with tabs: each row becomes
/// a numbered line with its unit columns as a labelled clause, so the structure pass reads it like prose.
struct MarkdownTable {
    var header: [String]?

    /// Cells of a `| … |` line or of a tab-separated line (a table pasted from Word), or nil if the line is
    /// not a table row.
    static func cells(_ line: String) -> [String]? {
        guard line.utf8.contains(where: { $0 == UInt8(ascii: "|") || $0 == UInt8(ascii: "\t") }) else { return nil }
        let trimmed = line.trimmingPadding()
        if trimmed.first != "|" {
            // Split before trimming: empty trailing cells are tabs too.
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map { String($0).trimmingPadding() }
            return cells.count >= 3 ? cells : nil
        }
        guard trimmed.count > 1 else { return nil }
        var parts = trimmed.split(separator: "|", omittingEmptySubsequences: false).map { String($0).trimmingPadding() }
        parts.removeFirst()
        if trimmed.last == "|" { parts.removeLast() }
        return parts
    }

    /// `| --- | :---: |`: the line under the header.
    static func isDelimiter(_ cells: [String]) -> Bool {
        cells.allSatisfy { cell in !cell.isEmpty && cell.allSatisfy { Characters("-:—").contains($0) || $0.isPadding } }
    }

    /// A header row without a delimiter under it: it names a number or unit column and has no numbers.
    static func isHeader(_ cells: [String]) -> Bool {
        cells.contains { $0.contains("序号") || $0.hasSuffix("单位") || $0.hasSuffix("部门") }
            && !cells.contains { !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }
    }

    /// The row as a plan line: "1. 任务。（牵头单位：A；完成时限：B）".
    func line(_ cells: [String]) -> String {
        guard let header else { return cells.filter { !$0.isEmpty }.joined(separator: "　") }
        var number = ""
        var texts: [String] = []
        var clauses: [String] = []
        for (name, cell) in zip(header, cells) where !cell.isEmpty {
            if name.contains("序号") || name.contains("编号") || name.contains("序號") {
                number = ChineseNumeral.value(of: Array(cell)) != nil ? cell + "、" : cell + ". "
            } else if name.hasSuffix("单位") || name.hasSuffix("部门") || name.hasSuffix("單位") {
                clauses.append("\(name)：\(cell)")
            } else if name.contains("单位") || name.contains("部门") {
                clauses.append("责任单位：\(cell)")
            } else if ["时限", "时间", "期限", "時限", "時間"].contains(where: name.contains) {
                clauses.append("完成时限：\(cell)")
            } else {
                texts.append(cell)
            }
        }
        let body = texts.map { Characters("。.；;").contains($0.last ?? " ") ? $0 : $0 + "。" }.joined()
        let clause = clauses.isEmpty ? "" : "（\(clauses.joined(separator: "；"))）"
        return number + body + clause
    }
}
