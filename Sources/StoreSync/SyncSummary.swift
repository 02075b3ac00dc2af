import PlanModel

/// What one sync did, for the command line and the dashboard's status line.
public struct SyncSummary: Sendable {
    public var remote: String
    /// Other officers' events this store did not have, in fold order.
    public var received: [Event] = []
    /// How many of this store's events the remote did not have.
    public var sent = 0
    /// Plans whose document changed with the merge (ids).
    public var plansChanged: [String] = []
    /// What was decided for plan files changed on both sides (the newer document kept).
    public var notes: [String] = []
    /// Conflicts among the events received or sent, not yet settled.
    public var conflicts: [Conflict] = []
    /// This store started the remote (it was empty).
    public var created = false
    /// This store was empty and took the remote's.
    public var joined = false

    /// The one-line summary: `received 3 events (李四 2, 王五 1), sent 2, plans changed 1, conflicts 1`.
    public func line(in language: Language) -> String {
        var byOfficer: [(String, Int)] = []
        for event in received {
            if let at = byOfficer.firstIndex(where: { $0.0 == event.officer }) { byOfficer[at].1 += 1 } else { byOfficer.append((event.officer, 1)) }
        }
        func listed(_ items: [String]) -> String {
            items.isEmpty ? "" : language.pick(" (" + items.joined(separator: ", ") + ")", "（" + items.joined(separator: "，") + "）")
        }
        let from = listed(byOfficer.map { "\($0.0) \($0.1)" })
        let plans = listed(plansChanged)
        let start = joined ? language.pick("joined \(remote): ", "已加入 \(remote)：")
            : created ? language.pick("started \(remote): ", "已建立 \(remote)：") : ""
        return start + language.pick(
            "received \(received.count) event\(received.count == 1 ? "" : "s")\(from), sent \(sent), plans changed \(plansChanged.count)\(plans), conflicts \(conflicts.count)",
            "收到 \(received.count) 条变更\(from)，发出 \(sent) 条，方案变动 \(plansChanged.count) 个\(plans)，冲突 \(conflicts.count) 处")
    }
}
