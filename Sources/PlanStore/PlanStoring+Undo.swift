import PlanModel

extension PlanStoring {
    /// Undoes up to `steps` of the officer's latest steps (`Event.isSameStep`:
    /// a block with its reason is one) that touch `scope`, newest first, each
    /// decided and appended under the store's lock on the state as it is now.
    /// A change someone else has superseded since (the latest event on what it
    /// set is not it, by id), or whose measure is gone, is skipped and reported;
    /// a step none of whose changes can be undone is passed over for the one
    /// before it: a skip never blocks the stack.
    public func undo(steps: Int, in scope: UndoScope = .everything, as factory: EventFactory) throws(StoreError) -> UndoOutcome {
        let own = try ledger(of: factory.officer)
        let open = (own.recent[factory.officer] ?? []).filter { !own.undone.contains($0.id) }
        var outcome = UndoOutcome()
        var count = 0
        for step in open.steps().reversed() where scope.contains(step) {
            guard count < steps else { break }
            // Undone newest first, so each inverse meets the value its change left.
            let candidates = Array(step.reversed())
            let undos = candidates.map { factory.event($0.target, .undo(event: $0.id, inverse: $0.change.inverse)) }
            var skipped: [UndoOutcome.Skip] = []
            do throws(StoreError) {
                let recorded = try update(Array(Set(step.map(\.target))).sorted()) { current throws(StoreError) in
                    var state = current
                    var accepted: [Event] = []
                    skipped = []
                    for (candidate, undo) in zip(candidates, undos) {
                        if state.isCurrent(undo.change, on: undo.target) {
                            accepted.append(undo)
                            state.apply(undo)
                        } else {
                            let superseding = current.ledger.superseding(candidate.id, on: candidate.target, candidate.change)
                            skipped.append(.init(event: candidate, reason: superseding.map { .superseded(by: $0) } ?? .changed))
                        }
                    }
                    return accepted
                }
                let ids = Set(recorded.map(\.id))
                for (candidate, undo) in zip(candidates, undos) where ids.contains(undo.id) {
                    outcome.undone.append(undo)
                    outcome.reverted.append(candidate)
                }
                outcome.skipped += skipped
                if !recorded.isEmpty { count += 1 }
            } catch {
                guard case .unknownId = error else { throw error }
                outcome.skipped += candidates.map { .init(event: $0, reason: .gone) }
            }
        }
        return outcome
    }
}
