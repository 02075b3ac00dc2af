import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// Turns the bytes of a plan document into text: UTF-8 (with or without BOM), UTF-16 and UTF-32 (with or
/// without BOM), GB18030/GBK, which many Chinese government files still use, or Big5 (Taiwan, Hong Kong).
enum TextDecoding {
    /// GB18030 (a superset of GBK), Big5 as Microsoft's code page 950 (what Windows saves) and Big5 with
    /// Hong Kong's characters (HKSCS), read by the C library's iconv (glibc's gconv modules, in every Debian's
    /// libc6). On a tie the earlier wins: a plain Big5 file reads the same either way.
    static let legacyCharsets = ["GB18030", "CP950", "BIG5-HKSCS"]

    /// The text, and how many byte sequences could not be decoded (each now U+FFFD).
    static func decode(_ data: Data, source: String) throws(ImportError) -> (text: String, damaged: Int) {
        let (text, lossy) = try decodeText(data, source: source)
        return (text, lossy ? text.unicodeScalars.lazy.filter { $0 == "\u{FFFD}" }.count : 0)
    }

    /// The text, and whether it was read lossily (UTF-8 with a few broken sequences).
    static func decodeText(_ data: Data, source: String) throws(ImportError) -> (String, lossy: Bool) {
        let bytes = data
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            throw ImportError(source: source, problem: "file is empty", chinese: "文件是空的")
        }
        // UTF-32 before UTF-16: its little-endian BOM begins like UTF-16's.
        if bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]), let text = String(data: data.dropFirst(4), encoding: .utf32LittleEndian) {
            return (text, false)
        }
        if bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]), let text = String(data: data.dropFirst(4), encoding: .utf32BigEndian) {
            return (text, false)
        }
        if bytes.starts(with: [0xFF, 0xFE]), let text = String(data: data, encoding: .utf16LittleEndian) {
            return (text, false)
        }
        if bytes.starts(with: [0xFE, 0xFF]), let text = String(data: data, encoding: .utf16BigEndian) {
            return (text, false)
        }
        if let encoding = unmarkedUnicode(bytes), let text = String(data: data, encoding: encoding) { return (text, false) }
        if bytes.contains(0) {
            throw ImportError(source: source, problem: "file is binary (contains NUL bytes), not a plan document", chinese: "是二进制文件（含 NUL 字节），不是方案文件")
        }
        if let text = String(validating: bytes, as: UTF8.self) {
            return (text, false)
        }
        // A few broken sequences in otherwise UTF-8 text (a cut or damaged file) stay UTF-8;
        // GB18030 text read as UTF-8 is nearly all replacement characters.
        let lossy = String(decoding: bytes, as: UTF8.self)
        let replaced = lossy.unicodeScalars.lazy.filter { $0 == "\u{FFFD}" }.count
        let ideographs = lossy.unicodeScalars.lazy.filter { (0x4E00...0x9FFF).contains($0.value) }.count
        if replaced * 20 < ideographs { return (lossy, true) }
        // GB18030 reads nearly any bytes, Big5 bytes too (as rare characters): the reading with more of the
        // characters every plan is full of wins.
        let candidates = legacyCharsets.compactMap { decode(data, from: $0) }.filter { $0.contains(where: \.isIdeograph) }
        if let best = candidates.max(by: { commonCharacters(in: $0) < commonCharacters(in: $1) }) { return (best, false) }
        throw ImportError(source: source, problem: "file is not text in UTF-8, GB18030/GBK or Big5; save it as UTF-8 and import that", chinese: "不是 UTF-8、GB18030/GBK 或 Big5 文本；请另存为 UTF-8 再导入")
    }

    /// `data` read as `charset` by iconv; nil if a byte sequence is not of it.
    static func decode(_ data: Data, from charset: String) -> String? {
        let converter = iconv_open("UTF-8", charset)
        guard converter != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(converter) }
        var input = [UInt8](data)
        // UTF-8 takes at most 4 bytes for each character these encodings give in 1 to 4.
        var output = [UInt8](repeating: 0, count: input.count * 4 + 4)
        let written: Int? = input.withUnsafeMutableBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                var inPointer = UnsafeMutableRawPointer(source.baseAddress).map { $0.assumingMemoryBound(to: CChar.self) }
                var outPointer = UnsafeMutableRawPointer(target.baseAddress).map { $0.assumingMemoryBound(to: CChar.self) }
                var inLeft = source.count, outLeft = target.count
                guard iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft) != -1, inLeft == 0 else { return nil }
                return target.count - outLeft
            }
        }
        return written.map { String(decoding: output[0..<$0], as: UTF8.self) }
    }

    /// Punctuation and words of every plan, simplified and traditional.
    static let common = Set("，。、；：（）的和与在是为年月日推进進企业業服务務单位單位责任責任发展發展建设建設区區市".unicodeScalars)

    /// How many of the first 20,000 characters are common in plans.
    static func commonCharacters(in text: String) -> Int {
        text.unicodeScalars.prefix(20_000).lazy.filter { common.contains($0) }.count
    }

    /// UTF-32 or UTF-16 without a BOM, told by where the NUL bytes fall: text has newlines and digits, whose
    /// high bytes are NUL, always at the same offsets; a binary file has NULs anywhere.
    static func unmarkedUnicode(_ bytes: Data) -> String.Encoding? {
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
