extension Plan {
    /// The same plan under another id: measure and task ids (`PLAN:P.M[.T]`) follow.
    public func withId(_ newId: String) -> Plan {
        var plan = self
        let prefix = id + ":"
        func renamed(_ itemId: String) -> String {
            itemId.hasPrefix(prefix) ? newId + ":" + itemId.dropFirst(prefix.count) : itemId
        }
        plan.id = newId
        plan.updateMeasures { measure in
            measure.id = renamed(measure.id)
            for t in measure.tasks.indices { measure.tasks[t].id = renamed(measure.tasks[t].id) }
        }
        return plan
    }
}
