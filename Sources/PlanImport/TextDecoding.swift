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
        if bytes.starts(with: [0xFF, 0xFE]), let text = String(data: data, encoding: .utf16LittleEndian) {
            return text
        }
        if bytes.starts(with: [0xFE, 0xFF]), let text = String(data: data, encoding: .utf16BigEndian) {
            return text
        }
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
}
