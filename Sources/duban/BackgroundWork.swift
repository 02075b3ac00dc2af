import Dashboard
import Dispatch
import FoundationEssentials
import PlanModel
import Synchronization

/// Work the dashboard runs on other threads so keys go on being handled: the
/// similarity and search indexes, reloads and syncs. Their outcomes wait here until the loop,
/// on the main thread (the only one that touches curses and the state), takes them.
final class BackgroundWork: @unchecked Sendable {
    enum Outcome: Sendable {
        case input(Input)
        /// The similarity index, built from the plans as they were at `generation` (`SimilarityCache`).
        case indexed(SimilarityIndex, generation: Int)
    }

    private let queue = Mutex<(finished: [Outcome], outstanding: Int)>(([], 0))
    /// Reloads and syncs: the process waits for them before it exits, so a sync is never cut off halfway.
    private let storeWork = DispatchGroup()

    /// True when nothing runs and nothing waits to be taken: the loop may then block on the keyboard.
    var isIdle: Bool { queue.withLock { $0.outstanding == 0 } }

    func start(holdsStore: Bool = false, _ work: @escaping @Sendable () -> Outcome) {
        queue.withLock { $0.outstanding += 1 }
        if holdsStore { storeWork.enter() }
        DispatchQueue.global(qos: .userInitiated).async {
            let outcome = work()
            self.queue.withLock { $0.finished.append(outcome) }
            if holdsStore { self.storeWork.leave() }
        }
    }

    /// The outcomes finished since the last call, in the order they finished.
    func take() -> [Outcome] {
        queue.withLock { queue in
            defer { queue.outstanding -= queue.finished.count; queue.finished = [] }
            return queue.finished
        }
    }

    func waitForStoreWork() { storeWork.wait() }
}
