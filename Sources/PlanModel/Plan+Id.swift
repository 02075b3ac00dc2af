extension Plan {
    /// The same plan under another id: measure and task ids (`PLAN:P.M[.T]`) follow.
    public func withId(_ newId: String) -> Plan {
        var plan = self
        let prefix = id + ":"
        func renamed(_ itemId: String) -> String {
            itemId.hasPrefix(prefix) ? newId + ":" + itemId.dropFirst(prefix.count) : itemId
        }
        plan.id = newId
        for p in plan.pillars.indices {
            for m in plan.pillars[p].measures.indices {
                plan.pillars[p].measures[m].id = renamed(plan.pillars[p].measures[m].id)
                for t in plan.pillars[p].measures[m].tasks.indices {
                    plan.pillars[p].measures[m].tasks[t].id = renamed(plan.pillars[p].measures[m].tasks[t].id)
                }
            }
        }
        return plan
    }
}
