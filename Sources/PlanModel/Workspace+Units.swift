extension Workspace {
    /// The measures a unit takes part in (any spelling of it, after the store's
    /// assignments), in plan order: `duban list --unit U` and the workload drill-down.
    /// `district` limits the match to one district's plans.
    public func measures(naming name: String, district: String? = nil, directory: UnitDirectory) -> [Measure] {
        let canonical = directory.canonicalName(name)
        var result: [Measure] = []
        for plan in plans where district == nil || plan.districtKey == district {
            for measure in plan.measures where units(of: measure).contains(where: { ref in
                UnitDirectory.names(in: ref.name).contains { directory.canonicalName($0) == canonical }
            }) {
                result.append(measure)
            }
        }
        return result
    }
}
