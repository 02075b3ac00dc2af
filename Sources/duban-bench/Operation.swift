/// One row of the benchmark: a Duban command and its Taskwarrior counterpart.
struct Operation {
    var name: String
    var duban: Command?
    var taskwarrior: Command?

    struct Command {
        var arguments: [String]
        /// Changes the data: each run gets a fresh copy (copying is not timed).
        var writes = false
        /// Starts from an empty data directory (Taskwarrior's import).
        var startsEmpty = false
        /// Runs on a fresh copy of the store as generated, before any command
        /// wrote a snapshot or index into it (compaction's full cost).
        var asGenerated = false
        /// Shown in the table instead of the arguments.
        var display: String?
        /// Run untimed after each run, on the same data, to put it back (e.g.
        /// `undo` after `done`): runs then see the store as it is in use, its
        /// caches built, rather than a fresh copy.
        var restore: [String]?
        /// Run once per file, the file appended to the arguments, as one timed
        /// whole (a shell loop: `duban parse` takes one document at a time).
        var eachFile: [String] = []
    }

    /// The word searched for: a phrase of the synthetic vocabulary.
    static let searchTerm = "融资"

    /// The rows measured on each synthetic store. Duban command names are the
    /// CLI's; a command the binary lacks shows as n/a.
    static func onStore(openMeasure: String, taskwarriorImport: String, planFiles: [String]) -> [Operation] {
        [
            Operation(name: "import", duban: Command(arguments: ["import"] + planFiles, startsEmpty: true,
                                                     display: "import plans/*.json"),
                      taskwarrior: Command(arguments: ["import", taskwarriorImport], startsEmpty: true)),
            Operation(name: "store open ↔ count", duban: Command(arguments: ["plans", "--json"]),
                      taskwarrior: Command(arguments: ["count"])),
            Operation(name: "list ↔ export", duban: Command(arguments: ["list", "--json"]),
                      taskwarrior: Command(arguments: ["export"])),
            Operation(name: "workload ↔ summary", duban: Command(arguments: ["workload", "--json"]),
                      taskwarrior: Command(arguments: ["summary"])),
            Operation(name: "search ↔ /regex/ list", duban: Command(arguments: ["search", searchTerm]),
                      taskwarrior: Command(arguments: ["/\(searchTerm)/", "list"])),
            Operation(name: "done ↔ done", duban: Command(arguments: ["done", openMeasure], restore: ["undo"]),
                      taskwarrior: Command(arguments: ["1", "done"], writes: true)),
            Operation(name: "compaction", duban: Command(arguments: ["compact"], writes: true, asGenerated: true),
                      taskwarrior: nil),
            Operation(name: "first frame 100x30", duban: Command(arguments: ["--render-once", "100x30"]),
                      taskwarrior: nil),
            Operation(name: "ledger as xlsx", duban: Command(arguments: ["report", "--format", "xlsx"]), taskwarrior: nil),
        ]
    }

    static let samplesPattern = "Sources/duban/Samples/*.txt"

    /// The rows measured once, on the bundled sample documents.
    static func onSamples(_ samples: [String]) -> [Operation] {
        [
            Operation(name: "parse 5 samples",
                      duban: Command(arguments: ["parse"], display: "parse \(samplesPattern)", eachFile: samples),
                      taskwarrior: nil),
            Operation(name: "first frame 100x30 (samples)",
                      duban: Command(arguments: ["--render-once", "100x30"]), taskwarrior: nil),
            // After the first frame, whose warm-up run created the store.
            Operation(name: "ledger as xlsx (samples)",
                      duban: Command(arguments: ["report", "--format", "xlsx"]), taskwarrior: nil),
        ]
    }
}
