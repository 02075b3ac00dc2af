import Foundation

/// Turns the bytes of a plan document into text: UTF-8 (with or without BOM), UTF-16 with BOM,
/// or GB18030/GBK, which many Chinese government files still use.
enum TextDecoding {
    /// NSStringEncoding of GB18030 (kCFStringEncodingGB_18030_2000 | 0x80000000); a superset of GBK.
    static let gb18030 = String.Encoding(rawValue: 0x8000_0632)

    static func decode(_ data: Data, source: String) throws(ImportError) -> String {
        let bytes = [UInt8](data)
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            throw ImportError(source: source, problem: "file is empty")
        }
        // UTF-32 before UTF-16: its little-endian BOM begins like UTF-16's.
        if bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]), let text = String(data: data.dropFirst(4), encoding: .utf32LittleEndian) {
            return text
        }
        if bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]), let text = String(data: data.dropFirst(4), encoding: .utf32BigEndian) {
            return text
        }
        if bytes.starts(with: [0xFF, 0xFE]), let text = String(data: data, encoding: .utf16LittleEndian) {
            return text
        }
        if bytes.starts(with: [0xFE, 0xFF]), let text = String(data: data, encoding: .utf16BigEndian) {
            return text
        }
        if let encoding = unmarkedUnicode(bytes), let text = String(data: data, encoding: encoding) { return text }
        if bytes.contains(0) {
            throw ImportError(source: source, problem: "file is binary (contains NUL bytes), not a plan document")
        }
        if let text = String(validating: bytes, as: UTF8.self) {
            return text
        }
        // A few broken sequences in otherwise UTF-8 text (a cut or damaged file) stay UTF-8;
        // GB18030 text read as UTF-8 is nearly all replacement characters.
        let lossy = String(decoding: bytes, as: UTF8.self)
        let replaced = lossy.unicodeScalars.lazy.filter { $0 == "\u{FFFD}" }.count
        let ideographs = lossy.unicodeScalars.lazy.filter { (0x4E00...0x9FFF).contains($0.value) }.count
        if replaced * 20 < ideographs { return lossy }
        if let text = String(data: data, encoding: gb18030), text.contains(where: \.isIdeograph) {
            return text
        }
        throw ImportError(source: source, problem: "file is not text in UTF-8 or GB18030/GBK")
    }

    /// UTF-32 or UTF-16 without a BOM, told by where the NUL bytes fall: text has newlines and digits, whose
    /// high bytes are NUL, always at the same offsets; a binary file has NULs anywhere.
    static func unmarkedUnicode(_ bytes: [UInt8]) -> String.Encoding? {
        guard bytes.count >= 8, bytes.count % 2 == 0 else { return nil }
        var nuls = [0, 0, 0, 0]
        for (i, b) in bytes.enumerated() where b == 0 { nuls[i % 4] += 1 }
        let total = nuls.reduce(0, +)
        guard total >= 4, total * 100 >= bytes.count else { return nil }
        let quarter = bytes.count / 4
        if bytes.count % 4 == 0, nuls[3] == quarter, nuls[1] == 0 || nuls[2] >= quarter * 9 / 10 {
            if nuls[2] >= quarter * 9 / 10 { return .utf32LittleEndian }
        }
        if bytes.count % 4 == 0, nuls[0] == quarter, nuls[1] >= quarter * 9 / 10 { return .utf32BigEndian }
        // A CJK code unit may have a NUL low byte (一 is U+4E00), so three quarters of the NULs, not all, fall on one side.
        if (nuls[1] + nuls[3]) * 4 >= total * 3 { return .utf16LittleEndian }
        if (nuls[0] + nuls[2]) * 4 >= total * 3 { return .utf16BigEndian }
        return nil
    }
}
