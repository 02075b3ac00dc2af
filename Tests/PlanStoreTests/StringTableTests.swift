import Foundation
import Testing
@testable import PlanStore

/// The table hands back a string made once per distinct run of bytes, and only ever the
/// string of the bytes asked for, however many other strings share its slot.
@Suite("String table")
struct StringTableTests {
    static func string(_ table: StringTable, _ text: [UInt8]) throws -> String {
        try text.withUnsafeBufferPointer { bytes in try table.string(bytes) }
    }

    @Test("each of many names, of equal and unequal lengths, comes back as itself, first and again")
    func manyNames() throws {
        // More names than slots: slots are reused, and names of one length differ only in their bytes.
        let names = (0..<5_000).map { "区第\($0)局" } + (0..<3_000).map { String(format: "unit-%04d", $0) }
        let file = names.map { Array($0.utf8) }
        let table = StringTable()
        for round in 0..<2 {
            for (n, bytes) in file.enumerated() {
                #expect(try Self.string(table, bytes) == names[n], "round \(round)")
            }
        }
    }

    @Test("a name read twice from one file shares one string")
    func shared() throws {
        // Past 15 bytes, where a string is no longer kept inline but allocated.
        let name = "区规划和自然资源局", length = name.utf8.count
        let file = Array("\(name)|\(name)".utf8)
        let table = StringTable()
        try file.withUnsafeBufferPointer { all in
            let first = try table.string(UnsafeBufferPointer(rebasing: all[0..<length]))
            let second = try table.string(UnsafeBufferPointer(rebasing: all[(length + 1)...]))
            #expect(first == name && second == name)
            // One allocation: the second is the first, not a copy.
            #expect(first.utf8.withContiguousStorageIfAvailable { $0.baseAddress } == second.utf8.withContiguousStorageIfAvailable { $0.baseAddress })
        }
    }

    @Test("bytes that are not UTF-8 are refused, as they are without the table")
    func invalid() {
        #expect(throws: JSONReader.Unexpected.self) { try Self.string(StringTable(), [0xE5, 0x8C]) }
        #expect(throws: JSONReader.Unexpected.self) { try Self.string(StringTable(), [0x41, 0xFF, 0x42]) }
    }
}
