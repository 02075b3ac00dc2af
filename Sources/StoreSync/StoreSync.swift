import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif
import PlanModel
import PlanStore

/// Shares a store with other officers through a git remote (a bare repository
/// on a shared drive, Gitea, GitLab): commit local changes, fetch, merge, push.
/// The journal merges as a union of lines (`.gitattributes`), so officers'
/// events never conflict as text; two versions of a plan file are settled by
/// keeping the newer document. The store's own lock is held while git touches
/// its files; fetch and push run without it.
public struct StoreSync {
    public let store: JSONPlanStore
    /// Who commits (the commit's author and message).
    public let officer: String
    let git: Git

    /// A push that lost a race with another officer's is retried this often (fetch, merge, push).
    static let pushAttempts = 5
    static let branch = "main"
    static let remoteBranch = "refs/remotes/origin/main"

    public init(store: JSONPlanStore, officer: String) {
        self.store = store
        self.officer = officer
        git = Git(directory: store.directory)
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Syncs with `remote` (remembered as `origin`), or with the remembered one.
    public func sync(remote: String? = nil) throws -> SyncSummary {
        try store.withSyncLock {
            let url = try prepare(remote: remote)
            var summary = SyncSummary(remote: url)
            let joining = try store.withExclusiveLock { () throws -> Bool in
                try finishInterruptedMerge()
                if try isEmptyNewRepository() { return true }
                try commitLocalChanges()
                return false
            }
            let before = Set(try journalIds())
            var sentIds = Set<String>()
            for attempt in 1...Self.pushAttempts {
                try fetch(url)
                guard try git.succeeds(["rev-parse", "-q", "--verify", Self.remoteBranch]) else {
                    // An empty remote: this store starts it.
                    if joining { try store.withExclusiveLock { try commitLocalChanges() } }
                    sentIds = Set(try journalIds())
                    summary.created = true
                    if try push(url) { break } else { continue }
                }
                let theirs = Set(try git.show(Self.remoteBranch + ":journal.jsonl").map(JSONPlanStore.eventIds(inJournal:)) ?? [])
                let head = try git.run(["rev-parse", "-q", "--verify", "HEAD"]).text
                try store.withExclusiveLock {
                    if joining && attempt == 1 {
                        // An empty store takes the remote's: this is how a new officer joins.
                        try git.check(["checkout", "-q", "-f", "-B", Self.branch, Self.remoteBranch])
                        summary.joined = true
                    } else {
                        summary.notes += try merge()
                    }
                }
                sentIds = before.subtracting(theirs)
                if !head.isEmpty { summary.plansChanged = try changedPlans(since: head, into: summary.plansChanged) }
                else { summary.plansChanged = try changedPlans(since: nil, into: summary.plansChanged) }
                if try push(url) { break }
                if attempt == Self.pushAttempts {
                    throw Failure(description: "\(url): the push lost \(attempt) races with other officers' pushes; run duban sync again (nothing is lost)")
                }
            }
            let events = try store.history(of: nil, since: nil)
            let receivedIds = Set(try journalIds()).subtracting(before)
            summary.received = events.filter { receivedIds.contains($0.id) }
            summary.sent = sentIds.count
            let fresh = receivedIds.union(sentIds)
            summary.conflicts = Conflict.find(in: events).filter {
                !$0.isSettled && (fresh.contains($0.standing.id) || fresh.contains($0.overridden.id))
            }
            return summary
        }
    }

    /// The unsettled conflicts of the whole journal (`duban conflicts`).
    public static func conflicts(in store: JSONPlanStore) throws -> [Conflict] {
        Conflict.find(in: try store.history(of: nil, since: nil)).filter { !$0.isSettled }
    }

    /// Whether the store has been synced (is a git repository of its own).
    public static func isShared(_ store: JSONPlanStore) -> Bool {
        FileManager.default.fileExists(atPath: store.directory.appendingPathComponent(".git").path)
    }

    // MARK: Steps

    /// Makes the store a repository with its ignore and merge rules and the officer's
    /// identity, remembers `remote` as origin, and returns the remote's URL.
    private func prepare(remote: String?) throws -> String {
        if !Self.isShared(store) {
            guard remote != nil else { throw Failure(description: Self.noRemote(store)) }
            try git.check(["init", "-q", "-b", Self.branch])
        }
        try write(".gitignore", Self.ignored)
        try write(".gitattributes", Self.attributes)
        // Set once (and when the officer changes): one read instead of a write per key each sync.
        let known = Set(try git.check(["config", "--local", "--list"]).text.split(separator: "\n").map(String.init))
        for (key, value) in [("user.name", officer), ("user.email", "duban@localhost"), ("core.autocrlf", "false"),
                             ("core.quotepath", "false"), ("merge.renames", "false"), ("commit.gpgsign", "false")]
        where !known.contains("\(key.lowercased())=\(value)") {
            try git.check(["config", key, value])
        }
        let origin = known.first { $0.hasPrefix("remote.origin.url=") }.map { String($0.dropFirst("remote.origin.url=".count)) }
        if let remote {
            if origin == nil {
                try git.check(["remote", "add", "origin", remote])
            } else if origin != remote {
                try git.check(["remote", "set-url", "origin", remote])
            }
            return remote
        }
        guard let origin, !origin.isEmpty else { throw Failure(description: Self.noRemote(store)) }
        return origin
    }

    private static func noRemote(_ store: JSONPlanStore) -> String {
        "\(store.directory.path): no remote to sync with yet; run duban sync --remote URL once (a bare git repository, see README \"Working together\")"
    }

    static let ignored = (["# Duban's local caches and locks: rebuilt from the shared files, never shared."]
                          + JSONPlanStore.localFiles).joined(separator: "\n") + "\n"

    /// The journal merges as a union of lines; the other files are never merged as
    /// text (no conflict markers in JSON): a sync settles them (`resolve`).
    static let attributes = """
        journal.jsonl merge=union
        store.json -merge
        aliases.json -merge
        plans/*.json -merge

        """

    private func write(_ name: String, _ text: String) throws {
        let url = store.directory.appendingPathComponent(name)
        if (try? String(contentsOf: url, encoding: .utf8)) == text { return }
        try store.replaceFile(name, with: Data(text.utf8))
    }

    /// Whether this is a repository without commits over a store with no plans and no events.
    private func isEmptyNewRepository() throws -> Bool {
        guard try !git.succeeds(["rev-parse", "-q", "--verify", "HEAD"]) else { return false }
        let plans = (try? FileManager.default.contentsOfDirectory(atPath: store.directory.appendingPathComponent("plans").path)) ?? []
        let aliases = FileManager.default.fileExists(atPath: store.directory.appendingPathComponent("aliases.json").path)
        let events = try journalIds()
        return plans.allSatisfy { !$0.hasSuffix(".json") } && !aliases && events.isEmpty
    }

    /// Commits the shared files if they changed: "李四: 3 events".
    private func commitLocalChanges() throws {
        try git.check(["add", "-A"])
        guard try !git.succeeds(["diff", "--cached", "--quiet"]) else { return }
        let numbers = try git.check(["diff", "--cached", "--numstat", "--", "journal.jsonl"]).text
        let added = Int(numbers.split(separator: "\t").first ?? "") ?? 0
        try git.check(["commit", "-q", "--no-verify", "-m", "\(officer): \(added) event\(added == 1 ? "" : "s")"])
    }

    private func fetch(_ url: String) throws {
        let run = try git.run(["fetch", "-q", "origin"])
        guard run.status == 0 else { throw Failure(description: "\(url): fetch failed: \(Git.message(of: run)); nothing is lost, run duban sync again") }
    }

    /// Pushes; false when another officer pushed first (then fetch and merge again).
    private func push(_ url: String) throws -> Bool {
        let run = try git.run(["push", "--porcelain", "origin", "HEAD:refs/heads/" + Self.branch])
        if run.status == 0 { return true }
        // The remote moved on since the fetch: `[rejected]` (not `[remote rejected]`, a hook's refusal),
        // or, when two pushes cross, the remote's branch changed under this one.
        if run.text.contains("\t[rejected]") || run.error.contains("cannot lock ref") { return false }
        throw Failure(description: "\(url): push failed: \(Git.message(of: run)); your changes are kept and go with the next sync")
    }

    /// Merges the fetched branch, settling every file git could not; returns what was decided.
    private func merge() throws -> [String] {
        let run = try git.run(["merge", "-q", "--no-edit", "--no-verify", "--allow-unrelated-histories",
                               "-m", "\(officer): merge", Self.remoteBranch])
        guard run.status != 0 else { return [] }
        let unmerged = try unmergedPaths()
        guard !unmerged.isEmpty else { throw Git.Failure(arguments: ["merge"], message: Git.message(of: run)) }
        let notes = try resolve(unmerged)
        try git.check(["commit", "-q", "--no-edit", "--no-verify"])
        return notes
    }

    /// A merge a killed sync left behind is finished first (the files in the working
    /// tree are the store's current ones), and git's lock files left by a killed git
    /// are removed: under the sync lock and the store lock no git of ours runs.
    private func finishInterruptedMerge() throws {
        let gitDirectory = store.directory.appendingPathComponent(".git")
        for stale in ["index.lock", "HEAD.lock", "config.lock", "packed-refs.lock", "refs/heads/main.lock",
                      "refs/remotes/origin/main.lock", "ORIG_HEAD.lock"] {
            unlink(gitDirectory.appendingPathComponent(stale).path)
        }
        guard FileManager.default.fileExists(atPath: gitDirectory.appendingPathComponent("MERGE_HEAD").path) else { return }
        _ = try resolve(try unmergedPaths())
        try git.check(["add", "-A"])
        try git.check(["commit", "-q", "--no-edit", "--no-verify"])
    }

    private func unmergedPaths() throws -> [String] {
        try git.check(["diff", "--name-only", "--diff-filter=U", "-z"]).output
            .split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
    }

    private func journalIds() throws -> [String] {
        let data = (try? Data(contentsOf: store.directory.appendingPathComponent("journal.jsonl"))) ?? Data()
        return JSONPlanStore.eventIds(inJournal: data)
    }

    /// The plans whose file differs between `head` (nil: nothing) and now, added to `known`.
    private func changedPlans(since head: String?, into known: [String]) throws -> [String] {
        let names: [String]
        if let head {
            names = try git.check(["diff", "--name-only", "-z", head, "HEAD", "--", "plans/"]).output
                .split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
        } else {
            names = try git.check(["ls-files", "-z", "--", "plans/"]).output
                .split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
        }
        let plans = names.filter { $0.hasSuffix(".json") }.map { String($0.dropFirst("plans/".count).dropLast(".json".count)) }
        return known + plans.filter { !known.contains($0) }
    }
}
