import Foundation
import PlanModel
#if canImport(Glibc)
import Glibc
#endif

extension PlanFile {
    /// The measure and task texts of one plan file, read from the file when asked
    /// for (`DeferredText`). The file stays open, so the texts are those of the file
    /// the plan was read from even after a re-import or a sync replaced it (both
    /// write a new file and rename it). A file rewritten in place is not read
    /// back: a text whose quotes are no longer where they were reads as empty.
    final class Texts: DeferredText.Source {
        let fd: Int32

        /// Takes `fd` over: it is closed with the texts.
        init(fd: Int32) { self.fd = fd }

        deinit { close(fd) }

        func text(at place: DeferredText.Place) -> String {
            // The quotes around the text are read too, to check the place still holds a string.
            let count = Int(place.count) + 2
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: count) { buffer -> String in
                guard let base = buffer.baseAddress, place.offset > 0 else { return "" }
                var done = 0
                while done < count {
                    let n = pread(fd, base + done, count - done, off_t(place.offset) - 1 + off_t(done))
                    if n < 0, errno == EINTR { continue }
                    guard n > 0 else { return "" }
                    done += n
                }
                let quote = UInt8(ascii: "\"")
                guard buffer[0] == quote, buffer[count - 1] == quote else { return "" }
                let contents = UnsafeBufferPointer(rebasing: buffer[1..<count - 1])
                guard place.escaped else { return String(decoding: contents, as: UTF8.self) }
                guard let bytes = try? JSONReader.unescapedBytes(contents) else { return "" }
                return String(decoding: bytes, as: UTF8.self)
            }
        }
    }
}
