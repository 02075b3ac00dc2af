import FoundationEssentials
import JSONTree
import PlanModel
import TerminalKit
#if canImport(Glibc)
import Glibc
#endif

/// How commands print: JSON for `--json` (sorted keys, like the store's
/// files, through the one `JSONWriter`), and the plain words and days of the text listings.
enum Output {
    static func json(_ value: some Encodable) throws {
        try print(json: JSONWriter(layout: .pretty).encode(value))
    }

    /// A listing, written by as many threads as there are processors, each run of rows as it comes.
    static func json<Row: Encodable & Sendable>(_ rows: [Row]) throws {
        try JSONWriter(layout: .pretty).write(elements: rows, workers: Processors.count,
                                              to: standardOutput)
        try [UInt8(0x0A)].withUnsafeBufferPointer(standardOutput)
    }

    /// A listing of `JSONObject` rows (`list`'s, `search`'s, `workload`'s), each run written where it lies.
    static func json<Row: JSONObject & Sendable>(_ rows: [Row]) throws {
        try JSONWriter(layout: .pretty).write(elements: rows, workers: Processors.count,
                                              to: standardOutput)
        try [UInt8(0x0A)].withUnsafeBufferPointer(standardOutput)
    }

    private static func print(json: [UInt8]) throws {
        try json.withUnsafeBufferPointer(standardOutput)
        try [UInt8(0x0A)].withUnsafeBufferPointer(standardOutput)
    }

    /// Straight from the buffer: no copy of a listing of many megabytes into a `Data`.
    static func standardOutput(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        if let failure = write(bytes, to: STDOUT_FILENO) {
            throw CommandFailure(description: "standard output: write failed: \(String(cString: strerror(failure)))", exitCode: 1)
        }
    }

    /// A message or prompt on standard error, as it is (callers sanitise what they put in it).
    static func standardError(_ text: String) {
        var text = text
        text.withUTF8 { _ = write($0, to: STDERR_FILENO) }
    }

    /// Every byte written to `fd`, or the `errno` that stopped it.
    private static func write(_ bytes: UnsafeBufferPointer<UInt8>, to fd: Int32) -> Int32? {
        var offset = 0
        while let base = bytes.baseAddress, offset < bytes.count {
            let written = Glibc.write(fd, base + offset, bytes.count - offset)
            if written < 0, errno != EINTR { return errno }
            offset += max(written, 0)
        }
        return nil
    }

    /// A store warning (a torn journal line set aside, a snapshot fallback): one line on stderr.
    /// `--lang`, else the settings' language, else the locale (`LC_ALL`, `LANG`).
    static func language(_ explicit: Language?) -> Language {
        explicit ?? Settings.current.language ?? Language.detect(environment: Home.environment)
    }

    /// The interface language as the process starts, before its arguments are parsed (`--lang` among
    /// them, else the settings, else the locale): swift-argument-parser reads help texts from static
    /// configurations, so they are chosen here.
    static let interfaceLanguage = language(commandLineLanguage)

    /// `--lang` as the arguments give it, before they are parsed.
    static let commandLineLanguage: Language? = {
        let arguments = CommandLine.arguments
        var explicit: Language?
        for (i, argument) in arguments.enumerated() {
            if argument == "--lang", arguments.indices.contains(i + 1) { explicit = Language(rawValue: arguments[i + 1]) }
            if argument.hasPrefix("--lang=") { explicit = Language(rawValue: String(argument.dropFirst("--lang=".count))) }
        }
        return explicit
    }()

    /// A help text (abstract, discussion, option) in the interface language. The Chinese is wrapped here, to
    /// the 54 columns swift-argument-parser leaves beside the options, since it wraps by characters, not columns.
    static func help(_ en: String, _ zh: String) -> String {
        interfaceLanguage == .zh ? TextLayout.wrap(zh, width: 52).joined(separator: "\n") : en
    }

    @Sendable static func warn(_ message: String) {
        standardError("duban: \(TerminalText.sanitized(message, keepingLineFeeds: true))\n")
    }

    /// The local calendar day of `date`: "today" for overdue. From the zone's offset at that moment
    /// (the C library's `localtime_r`, which reads TZ and /etc/localtime; FoundationEssentials alone
    /// knows no zone but UTC), and in the plans' Gregorian years whatever the locale's calendar.
    static func day(of date: Date) -> Day? {
        Day(date, utcOffset: utcOffset(at: date))
    }

    /// The local time of `date`, broken down.
    private static func local(_ date: Date) -> tm {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down)), parts = tm()
        localtime_r(&seconds, &parts)
        return parts
    }

    /// Seconds east of UTC of the local zone at `date`.
    static func utcOffset(at date: Date) -> Int { local(date).tm_gmtoff }

    /// "Today" for every command and the dashboard: `$DUBAN_TODAY` (YYYY-MM-DD, for
    /// tests, demos and back-dated reports), else the local day of the clock.
    static func today(environment: [String: String] = Home.environment) throws -> Day {
        if let fixed = environment["DUBAN_TODAY"], !fixed.isEmpty {
            guard let day = Day(fixed) else { throw CommandFailure.badInput("DUBAN_TODAY must be YYYY-MM-DD, not '\(fixed)'") }
            return day
        }
        guard let today = day(of: Date()) else { throw CommandFailure(description: "the system clock gives no calendar day", exitCode: 1) }
        return today
    }

    /// Seconds east of UTC of the local zone: the days of event times.
    static var utcOffset: Int { utcOffset(at: Date()) }

    /// Whether standard output is a terminal (text for it is sanitised; xlsx refused).
    static var toTerminal: Bool { isatty(STDOUT_FILENO) == 1 }

    /// Prints a human-readable listing: always through the terminal sanitiser, since a
    /// pipe often ends in a terminal too (`| less -R`, `| head`). Build its one-line
    /// fields with `TerminalText.sanitized` so a line break inside one shows as `↵`.
    static func print(_ text: String, terminator: String = "\n") {
        Swift.print(TerminalText.sanitized(text, keepingLineFeeds: true), terminator: terminator)
    }

    /// Prints a document format (Markdown, CSV): sanitised for a terminal, exact when
    /// redirected to a file or a pipe, like `--output`.
    static func document(_ text: String) {
        Swift.print(toTerminal ? TerminalText.sanitized(text, keepingLineFeeds: true) : text, terminator: "")
    }

    /// A plain-text table aligned in display columns (CJK = 2); columns
    /// `numericFrom..<numericTo` are right-aligned.
    static func table(header: [String], rows: [[String]], numericFrom: Int, numericTo: Int = .max) -> String {
        tableLines(header: header, rows: rows, numericFrom: numericFrom, numericTo: numericTo).joined(separator: "\n")
    }

    /// The lines of `table`: the header's, then a row's each.
    static func tableLines(header: [String], rows: [[String]], numericFrom: Int, numericTo: Int = .max) -> [String] {
        let all = [header] + rows.map { $0.map { TerminalText.sanitized($0) } }
        // Each cell measured once; no cell is wider than its column, so each is only padded.
        let cellWidths = all.map { $0.map(DisplayWidth.of) }
        let widths = header.indices.map { column in cellWidths.map { $0[column] }.max() ?? 0 }
        // A line's UTF-8 made in one buffer (joined padded strings cost three times as much: a search lists thousands).
        return zip(all, cellWidths).map { row, rowWidths in
            var line: [UInt8] = []
            line.reserveCapacity(widths.reduce(2 * widths.count) { $0 + 2 * $1 })
            for column in row.indices {
                if column > 0 { line += [0x20, 0x20] }
                let gap = repeatElement(UInt8(0x20), count: widths[column] - rowWidths[column])
                let numeric = column >= numericFrom && column < numericTo
                if numeric { line += gap }
                line += row[column].utf8
                if !numeric { line += gap }
            }
            while line.last == 0x20 { line.removeLast() }
            return String(decoding: line, as: UTF8.self)
        }
    }

    /// Local midnight at the start of `day`.
    static func start(of day: Day) -> Date? {
        var parts = tm()
        (parts.tm_year, parts.tm_mon, parts.tm_mday, parts.tm_isdst) = (Int32(day.year - 1900), Int32(day.month - 1), Int32(day.day), -1)
        let seconds = mktime(&parts)
        return seconds == -1 ? nil : Date(timeIntervalSince1970: Double(seconds))
    }

    /// An event time in local time to the minute, e.g. `2026-11-21 17:30`.
    static func time(_ date: Date) -> String {
        let parts = local(date)
        let day = Day(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))?.description ?? ""
        return day + " " + pad(Int(parts.tm_hour)) + ":" + pad(Int(parts.tm_min))
    }

    private static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    /// What an event did, in a few words in the interface language: `done`, `note: …`,
    /// `assign 区经委 (support)` / `已完成`, `备注：…`; quoted text sanitised as one line.
    static func describe(_ change: Change, in language: Language = Output.language(nil)) -> String {
        func was(_ text: String) -> String { language.pick(" (was \(text))", "（原为\(text)）") }
        switch change {
        case let .status(status, previous, force):
            let word = status?.word(in: language) ?? language.pick("unmarked", "取消标记")
            return word + (previous.map { was($0.word(in: language)) } ?? "") + (force ? language.pick(" (forced)", "（强制）") : "")
        case let .note(text): return language.pick("note: ", "备注：") + TerminalText.sanitized(text)
        case let .editNote(note, text, previous):
            return language.pick("note \(TerminalText.sanitized(note)) edited: ", "备注 \(TerminalText.sanitized(note)) 改为：")
                + TerminalText.sanitized(text) + was(TerminalText.sanitized(previous))
        case let .assign(unit, newRole, previous):
            return language.pick("assign ", "添加单位 ") + "\(TerminalText.sanitized(unit)) (\(newRole.word(in: language)))" + (previous.map { was($0.word(in: language)) } ?? "")
        case let .unassign(unit, previous): return language.pick("unassign ", "移除单位 ") + TerminalText.sanitized(unit) + was(previous.word(in: language))
        case let .due(day, previous):
            return (day.map { language.pick("due \($0)", "期限 \($0)") } ?? language.pick("due cleared", "清除期限"))
                + (previous.map { was("\($0)") } ?? "")
        case let .undo(event, inverse):
            return language.pick("undo ", "撤销 ") + TerminalText.sanitized("\(event)")
                + (inverse.map { language.pick(": ", "：") + describe($0, in: language) } ?? language.pick(": note withdrawn", "：备注已撤回"))
        }
    }

    /// One line per event; an event an undo among them withdrew is marked so (a note: `withdrawn`).
    static func lines(_ events: [Event], in language: Language = Output.language(nil)) -> [String] {
        let undone = events.undoneIDs
        return events.map { event in
            let word = event.kind == .note ? language.pick("withdrawn", "已撤回") : language.pick("undone", "已撤销")
            let mark = undone.contains(event.id) ? language.pick(" (\(word))", "（\(word)）") : ""
            return "\(time(event.time))  \(TerminalText.sanitized(event.officer))  \(TerminalText.sanitized(event.target))  \(describe(event.change, in: language))\(mark)"
        }
    }
}
