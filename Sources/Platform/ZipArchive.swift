import CZlibSystem
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// A zip container (PKZIP APPNOTE) read from bytes in memory: the .docx a plan arrives as. Stored and
/// deflated entries; what Word never writes (encryption, ZIP64, archives split over disks) is refused.
/// Every offset and size is checked against the bytes, and a part is inflated only up to a limit, so a
/// damaged or hostile file is an error, never a crash or a filled memory.
public struct ZipArchive {
    public struct Entry: Sendable {
        public var name: String
        public var uncompressedSize: Int
        var compressedSize: Int
        var method: UInt16
        var flags: UInt16
        var crc: UInt32
        var localHeader: Int
    }

    public struct Failure: Error, Equatable, CustomStringConvertible {
        public var reason: String
        public var description: String { reason }
    }

    public let entries: [Entry]
    private let bytes: [UInt8]

    /// Reads the central directory; the entries' data is read when asked for.
    public init(_ bytes: [UInt8]) throws(Failure) {
        self.bytes = bytes
        let end = try Self.endRecord(in: bytes)
        guard bytes.le16(end + 4) == 0, bytes.le16(end + 6) == 0 else { throw Failure(reason: "an archive split over disks") }
        let count = Int(bytes.le16(end + 10))
        let directorySize = Int(bytes.le32(end + 12)), directoryStart = Int(bytes.le32(end + 16))
        guard count != 0xFFFF, directoryStart != 0xFFFF_FFFF else { throw Failure(reason: "a ZIP64 archive") }
        guard directoryStart + directorySize <= end else { throw Failure(reason: "the central directory lies outside the file") }
        var entries: [Entry] = []
        entries.reserveCapacity(count)
        var at = directoryStart
        for _ in 0..<count {
            guard at + 46 <= end, bytes.le32(at) == 0x0201_4B50 else { throw Failure(reason: "a damaged central directory at byte \(at)") }
            let nameLength = Int(bytes.le16(at + 28)), extraLength = Int(bytes.le16(at + 30)), commentLength = Int(bytes.le16(at + 32))
            guard at + 46 + nameLength <= end else { throw Failure(reason: "a damaged central directory at byte \(at)") }
            let entry = Entry(name: String(decoding: bytes[at + 46..<at + 46 + nameLength], as: UTF8.self),
                              uncompressedSize: Int(bytes.le32(at + 24)), compressedSize: Int(bytes.le32(at + 20)),
                              method: bytes.le16(at + 10), flags: bytes.le16(at + 8), crc: bytes.le32(at + 16),
                              localHeader: Int(bytes.le32(at + 42)))
            guard entry.compressedSize != 0xFFFF_FFFF, entry.uncompressedSize != 0xFFFF_FFFF, entry.localHeader != 0xFFFF_FFFF else {
                throw Failure(reason: "a ZIP64 archive")
            }
            entries.append(entry)
            at += 46 + nameLength + extraLength + commentLength
        }
        self.entries = entries
    }

    public subscript(name: String) -> Entry? { entries.first { $0.name == name } }

    /// The entry's bytes, checked against its CRC-32; more than `limit` bytes unpacked is a failure.
    public func contents(of entry: Entry, limit: Int) throws(Failure) -> [UInt8] {
        guard entry.flags & 1 == 0 else { throw Failure(reason: "\(entry.name) is encrypted") }
        guard entry.uncompressedSize <= limit else { throw Failure(reason: "\(entry.name) is larger than \(limit) bytes unpacked") }
        let header = entry.localHeader
        guard header + 30 <= bytes.count, bytes.le32(header) == 0x0403_4B50 else {
            throw Failure(reason: "\(entry.name) has no local header at byte \(header)")
        }
        let start = header + 30 + Int(bytes.le16(header + 26)) + Int(bytes.le16(header + 28))
        guard start + entry.compressedSize <= bytes.count else { throw Failure(reason: "\(entry.name) runs past the end of the file") }
        let packed = bytes[start..<start + entry.compressedSize]
        let unpacked: [UInt8]
        switch entry.method {
        case 0: unpacked = Array(packed)
        case 8: unpacked = try Self.inflate(packed, limit: limit, name: entry.name)
        default: throw Failure(reason: "\(entry.name) is packed with method \(entry.method), not stored or deflated")
        }
        guard unpacked.count == entry.uncompressedSize, Self.crc32(unpacked) == entry.crc else {
            throw Failure(reason: "\(entry.name) does not match its size or checksum")
        }
        return unpacked
    }

    /// The end of central directory record: the last signature within a comment's reach of the end.
    private static func endRecord(in bytes: [UInt8]) throws(Failure) -> Int {
        guard bytes.count >= 22 else { throw Failure(reason: "too short for a zip archive") }
        var at = bytes.count - 22
        let lowest = max(0, at - 0xFFFF)
        while at >= lowest {
            if bytes.le32(at) == 0x0605_4B50, at + 22 + Int(bytes.le16(at + 20)) == bytes.count { return at }
            at -= 1
        }
        throw Failure(reason: "no end of central directory")
    }

    private static func inflate(_ packed: ArraySlice<UInt8>, limit: Int, name: String) throws(Failure) -> [UInt8] {
        var stream = z_stream()
        guard inflateInit2_(&stream, -MAX_WBITS, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw Failure(reason: "zlib could not start")
        }
        defer { inflateEnd(&stream) }
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        var result = Z_OK
        var input = Array(packed)
        input.withUnsafeMutableBufferPointer { source in
            stream.next_in = source.baseAddress
            stream.avail_in = UInt32(source.count)
            repeat {
                chunk.withUnsafeMutableBufferPointer { target in
                    stream.next_out = target.baseAddress
                    stream.avail_out = UInt32(target.count)
                    result = CZlibSystem.inflate(&stream, Z_NO_FLUSH)
                    out.append(contentsOf: target[0..<target.count - Int(stream.avail_out)])
                }
            } while result == Z_OK && out.count <= limit && (stream.avail_in > 0 || stream.avail_out == 0)
        }
        guard out.count <= limit else { throw Failure(reason: "\(name) is larger than \(limit) bytes unpacked") }
        guard result == Z_STREAM_END else { throw Failure(reason: "\(name) is damaged (its deflated data does not end)") }
        return out
    }

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBufferPointer { UInt32(CZlibSystem.crc32(0, $0.baseAddress, UInt32($0.count))) }
    }

    /// A zip archive of `files` in order, each deflated, dated `modified` (UTC, to the two seconds zip keeps):
    /// the .xlsx container Excel, WPS and LibreOffice read.
    public static func archive(_ files: [(name: String, bytes: [UInt8])], modified: Date) -> [UInt8] {
        var seconds = time_t(modified.timeIntervalSince1970), parts = tm()
        gmtime_r(&seconds, &parts)
        let time = UInt16(parts.tm_hour << 11 | parts.tm_min << 5 | parts.tm_sec / 2)
        let date = UInt16(max(0, parts.tm_year - 80) << 9 | (parts.tm_mon + 1) << 5 | parts.tm_mday)
        var out: [UInt8] = [], directory: [UInt8] = []
        for file in files {
            let packed = deflate(file.bytes), name = Array(file.name.utf8), crc = crc32(file.bytes)
            let offset = out.count
            // Version 2.0, UTF-8 names (bit 11), deflated; then the same fields in local and central headers.
            func common(_ to: inout [UInt8]) {
                to.append16(20); to.append16(0x0800); to.append16(8); to.append16(time); to.append16(date)
                to.append32(crc); to.append32(UInt32(packed.count)); to.append32(UInt32(file.bytes.count))
                to.append16(UInt16(name.count)); to.append16(0)
            }
            out.append32(0x0403_4B50)
            common(&out)
            out += name
            out += packed
            directory.append32(0x0201_4B50)
            directory.append16(20)
            common(&directory)
            directory.append16(0); directory.append16(0); directory.append16(0); directory.append32(0)
            directory.append32(UInt32(offset))
            directory += name
        }
        let directoryStart = out.count
        out += directory
        out.append32(0x0605_4B50)
        out.append16(0); out.append16(0)
        out.append16(UInt16(files.count)); out.append16(UInt16(files.count))
        out.append32(UInt32(directory.count)); out.append32(UInt32(directoryStart))
        out.append16(0)
        return out
    }

    private static func deflate(_ bytes: [UInt8]) -> [UInt8] {
        var stream = z_stream()
        guard deflateInit2_(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY,
                            zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else { fatalError("zlib could not start") }
        defer { deflateEnd(&stream) }
        var out = [UInt8](repeating: 0, count: Int(deflateBound(&stream, UInt(bytes.count))))
        var input = bytes
        let written = input.withUnsafeMutableBufferPointer { source in
            out.withUnsafeMutableBufferPointer { target in
                stream.next_in = source.baseAddress
                stream.avail_in = UInt32(source.count)
                stream.next_out = target.baseAddress
                stream.avail_out = UInt32(target.count)
                // deflateBound makes room for the whole stream: one call finishes it.
                precondition(CZlibSystem.deflate(&stream, Z_FINISH) == Z_STREAM_END)
                return target.count - Int(stream.avail_out)
            }
        }
        return Array(out[0..<written])
    }
}

private extension [UInt8] {
    func le16(_ at: Int) -> UInt16 { UInt16(self[at]) | UInt16(self[at + 1]) << 8 }
    func le32(_ at: Int) -> UInt32 { UInt32(le16(at)) | UInt32(le16(at + 2)) << 16 }
    mutating func append16(_ value: UInt16) { append(UInt8(value & 0xFF)); append(UInt8(value >> 8)) }
    mutating func append32(_ value: UInt32) { append16(UInt16(value & 0xFFFF)); append16(UInt16(value >> 16)) }
}
