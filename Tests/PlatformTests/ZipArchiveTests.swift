import Foundation
@testable import Platform
import Testing
import ZIPFoundation

/// The zip container of .docx (read) and .xlsx (written), checked against ZIPFoundation, an independent
/// implementation, and against damaged and hostile archives.
@Suite("Zip archives")
struct ZipArchiveTests {
    /// Files of every kind a workbook or document holds: empty, tiny, repetitive XML, random bytes.
    static func files(seed: UInt64) -> [(name: String, bytes: [UInt8])] {
        var generator = SplitMix(seed: seed)
        let random = (0..<300_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let xml = Array(String(repeating: "<row r=\"1\"><c t=\"s\"><v>区发改委</v></c></row>", count: 5_000).utf8)
        return [("[Content_Types].xml", Array("<Types/>".utf8)), ("empty", []), ("xl/worksheets/sheet1.xml", xml),
                ("word/media/random.bin", random), ("目录/名字.xml", Array("中文".utf8))]
    }

    @Test("an archive written here is read back by ZIPFoundation, every file the same", arguments: [1, 2] as [UInt64])
    func writtenIsReadByZIPFoundation(seed: UInt64) throws {
        let files = Self.files(seed: seed)
        let data = Data(ZipArchive.archive(files, modified: Date(timeIntervalSince1970: 1_782_864_000)))
        let archive = try Archive(data: data, accessMode: .read)
        var read: [String: [UInt8]] = [:]
        for entry in archive {
            var bytes: [UInt8] = []
            _ = try archive.extract(entry) { bytes += $0 }
            read[entry.path] = bytes
        }
        #expect(read == Dictionary(uniqueKeysWithValues: files.map { ($0.name, $0.bytes) }))
        // Deflated: the repetitive sheet takes a fraction of its size (the whole archive's size could not tell).
        let sheet = try #require(archive["xl/worksheets/sheet1.xml"])
        #expect(sheet.compressedSize * 20 < sheet.uncompressedSize, "\(sheet.compressedSize) of \(sheet.uncompressedSize)")
    }

    @Test("the entries' date is the given day in UTC (2026-07-01 00:00 → DOS date and time)")
    func dosDate() {
        let bytes = ZipArchive.archive([("a", [1])], modified: Date(timeIntervalSince1970: 1_782_864_000))
        #expect(Array(bytes[10..<14]) == [0, 0, 0xE1, 0x5C]) // time 00:00:00; date (2026-1980)<<9 | 7<<5 | 1
    }

    @Test("an archive ZIPFoundation writes, deflated and stored, is read here", arguments: [true, false])
    func readsZIPFoundation(deflated: Bool) throws {
        let method: CompressionMethod = deflated ? .deflate : .none
        let files = Self.files(seed: 3)
        let archive = try Archive(data: Data(), accessMode: .create)
        for file in files {
            try archive.addEntry(with: file.name, type: .file, uncompressedSize: Int64(file.bytes.count), compressionMethod: method) { at, size in
                Data(file.bytes[Int(at)..<Int(at) + size])
            }
        }
        let zip = try ZipArchive([UInt8](try #require(archive.data)))
        #expect(zip.entries.map(\.name) == files.map(\.name))
        for file in files {
            #expect(try zip.contents(of: try #require(zip[file.name]), limit: 1 << 20) == file.bytes, "\(file.name)")
        }
    }

    @Test("every truncation and every changed byte of an archive is an error or the true contents, never a crash")
    func damaged() throws {
        let files = [("word/document.xml", Array(String(repeating: "<w:p>一、测试</w:p>", count: 20).utf8)), ("b", Array("stored?".utf8))]
        let original = ZipArchive.archive(files, modified: Date(timeIntervalSince1970: 0))
        func check(_ bytes: [UInt8]) {
            guard let zip = try? ZipArchive(bytes) else { return }
            for entry in zip.entries {
                guard let contents = try? zip.contents(of: entry, limit: 1 << 20) else { continue }
                #expect(files.contains { $0.0 == entry.name && $0.1 == contents } || files.contains { $0.1 == contents },
                        "\(entry.name) read as something it never held")
            }
        }
        for length in 0..<original.count { check(Array(original[0..<length])) }
        for offset in original.indices {
            for value in [0x00, 0xFF, original[offset] ^ 0x01] as [UInt8] {
                var damaged = original
                damaged[offset] = value
                check(damaged)
            }
        }
    }

    @Test("a part larger than the limit is refused, also when the directory understates its size (a zip bomb)")
    func limit() throws {
        let zeros = [UInt8](repeating: 0, count: 4 << 20)
        var bytes = ZipArchive.archive([("bomb.xml", zeros)], modified: Date(timeIntervalSince1970: 0))
        let zip = try ZipArchive(bytes)
        #expect(throws: ZipArchive.Failure(reason: "bomb.xml is larger than 1048576 bytes unpacked")) {
            try zip.contents(of: zip.entries[0], limit: 1 << 20)
        }
        // The central directory's uncompressed size (at 24 past its signature) made 100 bytes: inflating stops at the limit.
        let directory = try #require(bytes.indices.first { bytes[$0..<$0 + 4] == [0x50, 0x4B, 0x01, 0x02] })
        bytes.replaceSubrange(directory + 24..<directory + 28, with: [100, 0, 0, 0])
        let lying = try ZipArchive(bytes)
        #expect(throws: ZipArchive.Failure(reason: "bomb.xml is larger than 1048576 bytes unpacked")) {
            try lying.contents(of: lying.entries[0], limit: 1 << 20)
        }
    }

    @Test("encrypted entries, other packing methods and non-archives are refused by name")
    func refused() throws {
        var bytes = ZipArchive.archive([("secret.xml", Array("x".utf8))], modified: Date(timeIntervalSince1970: 0))
        let directory = try #require(bytes.indices.first { bytes[$0..<$0 + 4] == [0x50, 0x4B, 0x01, 0x02] })
        var encrypted = bytes
        encrypted[directory + 8] |= 1
        let zip = try ZipArchive(encrypted)
        #expect(throws: ZipArchive.Failure(reason: "secret.xml is encrypted")) { try zip.contents(of: zip.entries[0], limit: 100) }
        bytes[directory + 10] = 12 // bzip2
        let bzip = try ZipArchive(bytes)
        #expect(throws: ZipArchive.Failure(reason: "secret.xml is packed with method 12, not stored or deflated")) {
            try bzip.contents(of: bzip.entries[0], limit: 100)
        }
        #expect(throws: ZipArchive.Failure(reason: "no end of central directory")) { try ZipArchive(Array(repeating: 7, count: 100)) }
        #expect(throws: ZipArchive.Failure(reason: "too short for a zip archive")) { try ZipArchive([0x50, 0x4B, 3, 4]) }
    }
}

/// A seeded generator: the same bytes in every run.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
