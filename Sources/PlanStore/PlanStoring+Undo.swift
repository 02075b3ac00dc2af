import PlanModel

extension PlanStoring {
    /// Undoes up to `steps` of the officer's latest changes, newest first, each
    /// decided and appended under the store's lock on the state as it is now.
    /// A change someone else has superseded since (the latest event on what it
    /// set is not it, by id), or whose measure is gone, is skipped and reported,
    /// and the officer's next change is tried: a skip never blocks the stack.
    public func undo(steps: Int, as factory: EventFactory) throws(StoreError) -> UndoOutcome {
        let own = try ledger(of: factory.officer)
        var outcome = UndoOutcome()
        for candidate in (own.recent[factory.officer] ?? []).reversed() where !own.undone.contains(candidate.id) {
            guard outcome.undone.count < steps else { break }
            let undo = factory.event(candidate.target, .undo(event: candidate.id, inverse: candidate.change.inverse))
            var superseding: Event?
            do throws(StoreError) {
                outcome.undone += try update([candidate.target]) { current throws(StoreError) in
                    superseding = current.ledger.superseding(candidate.id, on: candidate.target, candidate.change)
                    return current.isCurrent(undo.change, on: undo.target) ? [undo] : []
                }
                if outcome.undone.last?.id != undo.id {
                    outcome.skipped.append(.init(event: candidate, reason: superseding.map { .superseded(by: $0) } ?? .changed))
                }
            } catch {
                guard case .unknownId = error else { throw error }
                outcome.skipped.append(.init(event: candidate, reason: .gone))
            }
        }
        return outcome
    }
}
