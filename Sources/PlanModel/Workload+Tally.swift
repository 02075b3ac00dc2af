import Foundation

extension Workload {
    /// The counting state of `Workload.init`: rows, spelling counts and the
    /// memo of resolved names. A struct with mutating methods, not closures over
    /// local variables, so the hot loop has no boxed captures.
    struct Tally {
        typealias Target = (row: Int, spelling: Int)

        let directory: UnitDirectory
        var rows: [Row] = []
        /// Per row, how often each of its spellings is used.
        var spellingCounts: [[Int]] = []
        private var rowByUnitId: [String: Int] = [:]
        /// FNV-1a of name and district → entries. Hashing the UTF-8 bytes is much
        /// cheaper than String hashing, which normalises non-ASCII text each time.
        private var memo: [UInt64: [(name: String, district: String, targets: [Target])]] = [:]
        private var touched: [(row: Int, lead: Bool)] = []

        init(directory: UnitDirectory) { self.directory = directory }

        mutating func add(_ state: Workspace.MeasureState, district: String, overdue: Bool) {
            touched.removeAll(keepingCapacity: true)
            for ref in state.units {
                for target in targets(of: ref.name, in: district) {
                    spellingCounts[target.row][target.spelling] += 1
                    if let seen = touched.firstIndex(where: { $0.row == target.row }) {
                        touched[seen].lead = touched[seen].lead || ref.role == .lead
                    } else {
                        touched.append((target.row, ref.role == .lead))
                    }
                }
            }
            for (row, lead) in touched {
                rows[row].total += 1
                switch state.status {
                case .done: rows[row].done += 1
                case .doing: rows[row].doing += 1
                case .blocked: rows[row].blocked += 1
                case .todo: rows[row].todo += 1
                }
                if overdue { rows[row].overdue += 1 }
                if lead { rows[row].led += 1 }
            }
        }

        /// Adds `other`'s counts: its units not seen yet come after these, in its order, as its
        /// spellings not seen yet do within a unit, so adding the plans' tallies in plan order
        /// gives what one tally over every plan would.
        mutating func merge(_ other: Tally) {
            for (r, row) in other.rows.enumerated() {
                let id = row.unit.id
                guard let known = rowByUnitId[id] else {
                    rowByUnitId[id] = rows.count
                    rows.append(row)
                    spellingCounts.append(other.spellingCounts[r])
                    continue
                }
                rows[known].total += row.total
                rows[known].done += row.done
                rows[known].doing += row.doing
                rows[known].blocked += row.blocked
                rows[known].todo += row.todo
                rows[known].overdue += row.overdue
                rows[known].led += row.led
                for (s, spelling) in row.unit.spellings.enumerated() {
                    if let index = rows[known].unit.spellings.firstIndex(of: spelling) {
                        spellingCounts[known][index] += other.spellingCounts[r][s]
                    } else {
                        rows[known].unit.spellings.append(spelling)
                        spellingCounts[known].append(other.spellingCounts[r][s])
                    }
                }
            }
        }

        private mutating func targets(of name: String, in district: String) -> [Target] {
            // 0xFF never occurs in UTF-8: it separates name and district.
            let hash = district.fnv1a(seed: (name.fnv1a() ^ 0xFF) &* 0x100_0000_01b3)
            if let entry = memo[hash]?.first(where: { $0.name.hasSameBytes(as: name) && $0.district.hasSameBytes(as: district) }) {
                return entry.targets
            }
            let targets = UnitDirectory.names(in: name).map { resolve($0, in: district) }
            memo[hash, default: []].append((name, district, targets))
            return targets
        }

        private mutating func resolve(_ spelling: String, in district: String) -> Target {
            let canonical = directory.canonicalName(spelling)
            let id = ResponsibleUnit.id(district: district, canonicalName: canonical)
            let row: Int
            if let known = rowByUnitId[id] {
                row = known
            } else {
                row = rows.count
                rowByUnitId[id] = row
                rows.append(Row(unit: ResponsibleUnit(district: district, canonicalName: canonical, name: spelling, spellings: [])))
                spellingCounts.append([])
            }
            if let index = rows[row].unit.spellings.firstIndex(of: spelling) { return (row, index) }
            rows[row].unit.spellings.append(spelling)
            spellingCounts[row].append(0)
            return (row, rows[row].unit.spellings.count - 1)
        }
    }
}
