import FoundationEssentials
import JSONTree
import PlanModel
import PlanStore

/// Settling the files a merge left unmerged. The journal never should be (it
/// merges by union), but is settled the same way if it is; a plan file changed
/// on both sides keeps the newer document; aliases add up; anything else keeps ours.
extension StoreSync {
    func resolve(_ paths: [String]) throws -> [String] {
        var notes: [String] = []
        for path in paths {
            let ours = try git.show(":2:" + path), theirs = try git.show(":3:" + path)
            var chosen = ours ?? theirs
            if let ours, let theirs {
                if path == "journal.jsonl" {
                    chosen = Self.union(ours, theirs)
                } else if path.hasPrefix("plans/") {
                    let (newer, note) = try newerPlan(path, ours: ours, theirs: theirs)
                    chosen = newer
                    notes.append(note)
                } else if path == "aliases.json" {
                    chosen = Self.mergedAliases(ours, theirs) ?? ours
                }
            }
            let url = store.directory.appendingPathComponent(path)
            if let chosen {
                try store.replaceFile(path, with: chosen)
                try git.check(["add", "--", path])
            } else {
                try? FileManager.default.removeItem(at: url)
                try git.check(["rm", "-q", "--cached", "--ignore-unmatch", "--", path])
            }
        }
        return notes
    }

    /// Our lines, then theirs that we lack, each ending with a newline.
    static func union(_ ours: Data, _ theirs: Data) -> Data {
        func lines(_ data: Data) -> [Data] { data.split(separator: 0x0A).map { Data($0) } }
        let mine = lines(ours)
        let known = Set(mine)
        var result = Data()
        for line in mine + lines(theirs).filter({ !known.contains($0) }) {
            result.append(line)
            result.append(0x0A)
        }
        return result
    }

    static func mergedAliases(_ ours: Data, _ theirs: Data) -> Data? {
        guard var merged = try? UnitAliasFile.decode(ours), let other = try? UnitAliasFile.decode(theirs) else { return nil }
        for (name, others) in other.aliases {
            let mine = merged.aliases[name] ?? []
            merged.aliases[name] = mine + others.filter { !mine.contains($0) }
        }
        return (try? JSONWriter(layout: .pretty).encode(merged)).map { Data($0) }
    }

    /// The newer of two versions of a plan file: by the document's own date, else
    /// by when each was imported (committed); progress stays with the measure ids.
    func newerPlan(_ path: String, ours: Data, theirs: Data) throws -> (Data, String) {
        guard let mine = JSONPlanStore.plan(inFile: ours), let other = JSONPlanStore.plan(inFile: theirs) else {
            let readable = JSONPlanStore.plan(inFile: ours) != nil ? ours : theirs
            return (readable, "\(path): one version could not be read; kept the readable one")
        }
        let takeTheirs: Bool
        if mine.date != other.date {
            // A document with a date is newer than one without.
            switch (mine.date, other.date) {
            case let (.some(a), .some(b)): takeTheirs = a < b
            case (.none, _): takeTheirs = true
            case (_, .none): takeTheirs = false
            }
        } else {
            takeTheirs = try commitTime("MERGE_HEAD", path) > commitTime("HEAD", path)
        }
        let (kept, dropped) = takeTheirs ? (other, mine) : (mine, other)
        let ids = Set(kept.measures.map(\.id))
        let vanished = dropped.measures.filter { !ids.contains($0.id) }.count
        let when = kept.date.map { "dated \($0)" } ?? "imported later"
        var note = "\(kept.id): kept the newer document (\(when), \(takeTheirs ? "from the remote" : "this store's"))"
        if vanished > 0 { note += "; \(vanished) measures only in the other version keep their history" }
        return (takeTheirs ? theirs : ours, note)
    }

    private func commitTime(_ revision: String, _ path: String) throws -> Int {
        Int(try git.run(["log", "-1", "--format=%ct", revision, "--", path]).text) ?? 0
    }
}
