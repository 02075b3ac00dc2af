extension Workload {
    /// The counting state of `Workload.init`: a row of counts per unit the resolver found.
    /// A struct with mutating methods, not closures over local variables, so the hot loop
    /// has no boxed captures.
    struct Tally {
        var names: UnitResolver
        /// Per unit of `names`, its counts (the unit itself is set at the end, by use).
        var rows: [Row] = []
        private var touched: [(row: Int, lead: Bool)] = []

        init(directory: UnitDirectory) { names = UnitResolver(directory: directory) }

        mutating func add(_ state: Workspace.MeasureState, district: String, overdue: Bool) {
            touched.removeAll(keepingCapacity: true)
            for ref in state.units {
                for target in names.resolve(ref.name, in: district) {
                    while rows.count < names.units.count { rows.append(Row(unit: names.units[rows.count])) }
                    if let seen = touched.firstIndex(where: { $0.row == target.unit }) {
                        touched[seen].lead = touched[seen].lead || ref.role == .lead
                    } else {
                        touched.append((target.unit, ref.role == .lead))
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

        /// Adds `other`'s counts, its new units after these (see `UnitResolver.merge`).
        mutating func merge(_ other: Tally) {
            for (r, row) in zip(names.merge(other.names), other.rows) {
                guard r < rows.count else {
                    rows.append(row)
                    continue
                }
                rows[r].total += row.total
                rows[r].done += row.done
                rows[r].doing += row.doing
                rows[r].blocked += row.blocked
                rows[r].todo += row.todo
                rows[r].overdue += row.overdue
                rows[r].led += row.led
            }
        }

        /// The rows, each unit under its most used spelling.
        var named: [Row] {
            rows.indices.map { n in
                var row = rows[n]
                row.unit = names.byUse(n)
                return row
            }
        }
    }
}
