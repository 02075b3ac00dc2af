import FoundationEssentials
import Synchronization
import PlanModel
#if canImport(Glibc)
import Glibc
#endif

extension PlanFile {
    /// The measure and task texts of one plan file, read from the file when asked
    /// for (`DeferredText`). The file stays open until the first text is asked for,
    /// and is then read whole and closed: a search reads every text, one `pread`
    /// each made `search` slower than building all the strings at open. So the
    /// texts are those of the file the plan was read from even after a re-import
    /// or a sync replaced it (both write a new file and rename it). A file
    /// rewritten in place before the first text is read is not read back: a text
    /// whose quotes are no longer where they were reads as empty.
    final class Texts: DeferredText.Source, @unchecked Sendable {
        private let lock = Mutex<Void>(())
        /// The open file, until `contents` is read from it; -1 after.
        private var fd: Int32
        private var contents: Data?

        /// Takes `fd` over: it is closed when the file has been read, or with the texts.
        init(fd: Int32) { self.fd = fd }

        /// The file's bytes, already read (no file stays open).
        init(contents: Data) {
            fd = -1
            self.contents = contents
        }

        deinit { if fd >= 0 { close(fd) } }

        private func fileContents() -> Data {
            lock.withLock { _ in
                if let contents { return contents }
                let read = (try? Disk.read(fd, path: "")) ?? Data()
                close(fd)
                fd = -1
                contents = read
                return read
            }
        }

        func withUTF8<R>(at place: DeferredText.Place, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
            let file = fileContents()
            // The quotes around the text are read too, to check the place still holds a string.
            let start = Int(place.offset) - 1, end = Int(place.offset) + Int(place.count) + 1
            let none = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
            guard start >= 0, end <= file.count else { return body(none) }
            return file.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> R in
                let buffer = raw.bindMemory(to: UInt8.self)
                let quote = UInt8(ascii: "\"")
                guard buffer[start] == quote, buffer[end - 1] == quote else { return body(none) }
                let contents = UnsafeBufferPointer(rebasing: buffer[(start + 1)..<(end - 1)])
                guard place.escaped else { return body(contents) }
                guard let bytes = try? JSONReader.unescapedBytes(contents) else { return body(none) }
                return bytes.withUnsafeBufferPointer(body)
            }
        }
    }
}
