import FoundationEssentials
import PlanModel
#if canImport(Glibc)
import Glibc
#endif

/// The append-only event log: JSON Lines, one event per line, never rewritten
/// except to move a torn last line (a crash mid-append) aside.
struct Journal: Sendable {
    let path: String
    var rejectedPath: String { path + ".rejected" }

    /// Complete lines decoded from one read of the journal.
    struct Reading {
        var events: [Event] = []
        /// The offset just past the last complete line.
        var end = 0
        /// Where a torn last line starts, if the file does not end with a newline.
        var tornAt: Int?
        /// One line per complete line that could not be read (it stays in the journal).
        var problems: [String] = []
    }

    /// The encoded form of `text` as a JSON string (with its quotes), to search raw lines for.
    static func quoted(_ text: String) -> [UInt8] {
        let encoded = (try? StoreCoding.encode(text)) ?? Data()
        return Array(encoded)
    }

    /// Needles that find the lines of an event field, e.g. `"target":"p:1.1"`.
    static func needles(field: String, values: some Sequence<String>) -> [[UInt8]] {
        values.map { Array("\"\(field)\":".utf8) + quoted($0) }
    }

    /// A needle that finds the lines whose field starts with `value`, e.g. `"target":"p:1.1` (also `p:1.1.2`, `p:1.10`).
    static func prefixNeedle(field: String, value: String) -> [UInt8] {
        Array("\"\(field)\":".utf8) + quoted(value).dropLast()
    }

    // MARK: Reading

    /// Decodes the complete lines of `data` from `start` on; with `needles`, only
    /// the lines containing one of them (a fast filter before decoding).
    func read(_ data: Data, from start: Int, matching needles: [[UInt8]]? = nil) -> Reading {
        data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            var reading = Reading()
            let end = Journal.endOfLastLine(bytes)
            reading.end = max(end, min(start, bytes.count))
            if end < bytes.count { reading.tornAt = end }
            guard start < end else { return reading }
            let lines: [Range<Int>]
            if let needles {
                lines = Journal.lines(in: bytes, from: start, to: end, containing: needles)
            } else {
                lines = Journal.lines(in: bytes, from: start, to: end)
            }
            decode(lines, in: bytes, into: &reading)
            return reading
        }
    }

    /// Reads the whole file (nil if it does not exist).
    func contents() throws(StoreError) -> Data { try Disk.read(path) ?? Data() }

    /// The journal's size in bytes; 0 if there is none.
    func size() throws(StoreError) -> Int {
        guard let fd = try Disk.openExisting(path) else { return 0 }
        defer { close(fd) }
        return try Disk.size(fd, path: path)
    }

    /// The digest of the journal's first `count` bytes, read a megabyte at a time into one buffer (not held
    /// whole), and the digest's state after their whole blocks, for the digest of a longer prefix to go on
    /// from; nil if the journal is shorter.
    func digest(ofFirst count: Int) throws(StoreError) -> (digest: String, blocks: Digest)? {
        var blocks = Digest()
        guard count > 0 else { return (Digest.of(UnsafeRawBufferPointer(start: nil, count: 0)), blocks) }
        guard let fd = try Disk.openExisting(path) else { return nil }
        defer { close(fd) }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: min(count, 1 << 20), alignment: 32)
        defer { buffer.deallocate() }
        while true {
            // Whole blocks were taken so far, so reading goes on where they end.
            let wanted = min(buffer.count, count - blocks.count)
            let chunk = UnsafeMutableRawBufferPointer(rebasing: buffer[..<wanted])
            guard try Disk.read(fd, path: path, from: blocks.count, into: chunk) == wanted else { return nil }
            let taken = blocks.take(UnsafeRawBufferPointer(chunk))
            if blocks.count + (wanted - taken) == count {
                return (blocks.finished(UnsafeRawBufferPointer(rebasing: chunk[taken...])), blocks)
            }
        }
    }

    static func endOfLastLine(_ bytes: UnsafeRawBufferPointer) -> Int {
        ByteSearch.lineStart(in: bytes, before: bytes.count)
    }

    private static func lines(in bytes: UnsafeRawBufferPointer, from start: Int, to end: Int) -> [Range<Int>] {
        guard let base = bytes.baseAddress else { return [] }
        var result: [Range<Int>] = []
        var position = start
        while position < end, let newline = memchr(base + position, 0x0A, end - position) {
            let stop = base.distance(to: UnsafeRawPointer(newline))
            if stop > position { result.append(position..<stop) }
            position = stop + 1
        }
        return result
    }

    private static func lines(in bytes: UnsafeRawBufferPointer, from start: Int, to end: Int,
                              containing needles: [[UInt8]]) -> [Range<Int>] {
        var starts = Set<Int>()
        var result: [Range<Int>] = []
        for needle in needles.map(ByteSearch.init) {
            var position = start
            while let at = needle.firstOffset(in: bytes, from: position, to: end) {
                let lineStart = max(ByteSearch.lineStart(in: bytes, before: at), start)
                let lineEnd = ByteSearch.lineEnd(in: bytes, from: at, to: end)
                if starts.insert(lineStart).inserted { result.append(lineStart..<lineEnd) }
                position = lineEnd + 1
            }
        }
        return result.sorted { $0.lowerBound < $1.lowerBound }
    }

    /// Decodes each line with `EventReader`; the lines it declines (anything
    /// but the store's own form) go to `JSONDecoder`, all as one JSON array (much
    /// faster than line by line) and, if that fails, line by line to find and
    /// report the bad ones. An event id seen twice (a line duplicated by a merge) is folded once.
    private func decode(_ lines: [Range<Int>], in bytes: UnsafeRawBufferPointer, into reading: inout Reading) {
        let typed = bytes.assumingMemoryBound(to: UInt8.self)
        var events: [Event] = []
        events.reserveCapacity(lines.count)
        // Each declined line, and where among the events its event goes.
        var declined: [(at: Int, line: Range<Int>)] = []
        for line in lines {
            if let event = EventReader.event(UnsafeBufferPointer(rebasing: typed[line])) {
                events.append(event)
            } else {
                declined.append((events.count, line))
            }
        }
        if !declined.isEmpty {
            let slow = decodeWithJSONDecoder(declined.map(\.line), in: bytes, problems: &reading.problems)
            var merged: [Event] = []
            merged.reserveCapacity(events.count + declined.count)
            var next = 0
            for (place, event) in zip(declined, slow) {
                merged.append(contentsOf: events[next..<place.at])
                next = place.at
                if let event { merged.append(event) }
            }
            merged.append(contentsOf: events[next...])
            events = merged
        }
        var seen = Set<String>(minimumCapacity: events.count)
        reading.events = events.filter { seen.insert($0.id).inserted }
    }

    /// `events` without those whose id is on a line of `bytes[0..<end]`: so where
    /// a repeated line sits, before or after a snapshot's point, never matters.
    /// Only the ids of those lines are read; a line not in the store's own form is decoded.
    func dropping(_ events: [Event], foldedBefore end: Int, in bytes: UnsafeRawBufferPointer) -> [Event] {
        guard !events.isEmpty else { return events }
        let wanted = Set(events.map(\.id))
        var found = Set<String>()
        let typed = bytes.assumingMemoryBound(to: UInt8.self)
        for line in Journal.lines(in: bytes, from: 0, to: min(end, bytes.count)) {
            let text = UnsafeBufferPointer(rebasing: typed[line])
            guard let id = EventReader.id(text) ?? (try? StoreCoding.decoder().decode(Event.self, from: Data(text)))?.id else { continue }
            if wanted.contains(id) { found.insert(id) }
        }
        return found.isEmpty ? events : events.filter { !found.contains($0.id) }
    }

    /// The event of each line (nil for a line that cannot be read, which is reported).
    private func decodeWithJSONDecoder(_ lines: [Range<Int>], in bytes: UnsafeRawBufferPointer,
                                       problems: inout [String]) -> [Event?] {
        let decoder = StoreCoding.decoder()
        var batch = Data(capacity: lines.reduce(2) { $0 + $1.count + 1 })
        batch.append(UInt8(ascii: "["))
        for (n, line) in lines.enumerated() {
            if n > 0 { batch.append(UInt8(ascii: ",")) }
            batch.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[line]))
        }
        batch.append(UInt8(ascii: "]"))
        if let all = try? decoder.decode([Event].self, from: batch), all.count == lines.count { return all }
        return lines.map { line in
            let data = Data(UnsafeRawBufferPointer(rebasing: bytes[line]))
            do {
                return try decoder.decode(Event.self, from: data)
            } catch {
                let reason = JSONReader.firstError(in: data).map { "byte \(line.lowerBound + $0.offset): \($0.reason)" }
                    ?? "byte \(line.lowerBound): \(StoreCoding.describe(error))"
                problems.append("\(path): unreadable event skipped (kept in the journal) at \(reason)")
                return nil
            }
        }
    }

    // MARK: Writing (the caller holds the exclusive lock)

    /// Appends the events as lines and fsyncs before returning; on failure the
    /// journal is cut back to where it was, so nothing is half-recorded.
    /// Returns a message if a torn last line had to be moved aside first.
    func append(_ events: [Event]) throws(StoreError) -> String? {
        var lines = Data()
        for event in events {
            do {
                lines.append(try StoreCoding.encode(event))
            } catch {
                throw StoreError.badInput("event \(event.id) cannot be encoded: \(error)")
            }
            lines.append(0x0A)
        }
        let repaired = try repairTornTail()
        let fd = try Disk.openFile(path, O_WRONLY | O_APPEND | O_CREAT)
        defer { close(fd) }
        let size = try Disk.size(fd, path: path)
        do {
            try Disk.writeAll(fd, lines, path: path)
        } catch {
            _ = ftruncate(fd, off_t(size))
            _ = fsync(fd)
            throw error
        }
        return repaired
    }

    /// Whether the journal is empty, missing or ends with a newline (one byte read).
    private func endsCleanly() throws(StoreError) -> Bool {
        guard let fd = try Disk.openExisting(path) else { return true }
        defer { close(fd) }
        let size = try Disk.size(fd, path: path)
        guard size > 0 else { return true }
        var last: UInt8 = 0
        guard pread(fd, &last, 1, off_t(size - 1)) == 1 else { throw StoreError.io(file: path, operation: "read", code: errno) }
        return last == 0x0A
    }

    /// Moves a torn last line into `journal.jsonl.rejected` and cuts it from the
    /// journal; returns what was done, or nil if the journal ends cleanly.
    func repairTornTail() throws(StoreError) -> String? {
        guard try !endsCleanly(), let data = try Disk.read(path), !data.isEmpty, data.last != 0x0A else { return nil }
        let end = data.withUnsafeBytes { Journal.endOfLastLine($0) }
        var torn = Data(data[end...])
        torn.append(0x0A)
        let rejected = try Disk.openFile(rejectedPath, O_WRONLY | O_APPEND | O_CREAT)
        do throws(StoreError) {
            try Disk.writeAll(rejected, torn, path: rejectedPath)
            close(rejected)
        } catch {
            close(rejected)
            throw error
        }
        try Disk.syncDirectory(Path.parent(of: path))
        let fd = try Disk.openFile(path, O_WRONLY)
        defer { close(fd) }
        guard ftruncate(fd, off_t(end)) == 0 else { throw StoreError.io(file: path, operation: "truncate", code: errno) }
        try Disk.sync(fd, path: path)
        return "\(path): torn last line at byte \(end) (\(torn.count - 1) bytes) moved to \(rejectedPath)"
    }
}
