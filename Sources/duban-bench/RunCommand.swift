import ArgumentParser
import Foundation

/// `duban-bench run`: generates each size, times Duban and Taskwarrior on the
/// same data and prints the Markdown table.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Time Duban and Taskwarrior side by side on synthetic data and print a Markdown table."
    )

    @OptionGroup var data: DataOptions

    @Option(help: "Untimed warm-up runs per command.")
    var warmup = 1

    @Option(help: "The duban binary (default: the one next to duban-bench).")
    var duban: String?

    @Option(help: "Also write the Markdown to this file.")
    var output: String?

    @Option(help: "Work directory (default: a new one under .build, removed at the end).")
    var work: String?

    @Flag(help: "Keep the generated stores and Taskwarrior data.")
    var keep = false

    func validate() throws {
        guard warmup >= 0 else { throw ValidationError("--warmup must be ≥ 0") }
    }

    func run() throws {
        let files = FileManager.default
        let dubanPath = duban ?? Bundle.main.executableURL?.deletingLastPathComponent().appending(path: "duban").path
        guard let dubanPath, files.isExecutableFile(atPath: dubanPath) else {
            throw ValidationError("no duban binary at \(dubanPath ?? "?"): build it with `swift build -c release` "
                                  + "or run scripts/bench")
        }
        let taskPath = RunCommand.find("task")
        if taskPath == nil {
            log("Taskwarrior not found: its rows are n/a. Install it with `apt-get install -y taskwarrior` (Debian/Ubuntu).")
        }
        // Under .build by default: out of the way of anything that tidies /tmp during a long run.
        let workURL = work.map { URL(fileURLWithPath: $0) } ?? RunCommand.packageRoot()
            .appending(path: ".build/duban-bench-work-\(ProcessInfo.processInfo.processIdentifier)")
        try files.createDirectory(at: workURL, withIntermediateDirectories: true)
        defer { if work == nil && !keep { try? files.removeItem(at: workURL) } }

        let runner = Runner(duban: dubanPath, runs: data.runs, warmup: warmup, work: workURL, taskwarrior: taskPath)
        try runner.prepare()
        var report = Report(header: header(runner: runner))

        log("samples…")
        report.sections.append(samplesSection(runner: runner))
        for size in data.sizes.sizes {
            log("\(size): generating…")
            report.sections.append(try section(for: size, runner: runner))
        }
        let markdown = report.markdown
        print(markdown, terminator: "")
        if let output {
            do {
                try markdown.write(toFile: output, atomically: true, encoding: .utf8)
            } catch {
                throw ValidationError("\(output): cannot write: \(error.localizedDescription)")
            }
        }
    }

    private func header(runner: Runner) -> [String] {
        let dubanVersion = (try? runner.once([runner.duban, "--version"], environment: [:]))?
            .trimmingCharacters(in: .whitespacesAndNewlines) ?? "?"
        let taskVersion = runner.taskwarrior.flatMap {
            try? runner.once([$0, "--version"], environment: runner.taskEnvironment(data: runner.work))
        }?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "not installed"
        let peakSource = ProcessRun.hasGNUTime ? "GNU time %M" : "wait4 ru_maxrss (floored at the runner's own RSS)"
        return [
            "## Benchmark run \(Date().formatted(.iso8601.year().month().day().dateSeparator(.dash)))",
            "",
            "- Machine: \(Machine.description)",
            "- Duban \(dubanVersion); Taskwarrior \(taskVersion)",
            "- Whole processes: \(warmup) warm-up + \(data.runs) timed runs each; wall ms median (min–max); "
                + "peak RSS median, from \(peakSource)",
            "- Load average at start: \(RunCommand.loadAverage) (other processes on the machine inflate the figures)",
            "- Data: seed \(data.seed), \(data.eventsPerMeasure) events per measure; "
                + "writing commands run on a fresh copy each time (copy not timed)",
        ]
    }

    private func samplesSection(runner: Runner) -> Report.Section {
        let root = RunCommand.packageRoot()
        let directory = root.appending(path: "Sources/duban/Samples")
        let samples = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
            .filter { $0.hasSuffix(".txt") }.sorted().map { directory.appending(path: $0).path }
        let store = runner.work.appending(path: "samples-store")
        let rows = Operation.onSamples(samples).map { operation in
            let duban = samples.isEmpty && operation.duban?.arguments.first == "parse"
                ? Outcome.unavailable("no \(Operation.samplesPattern)")
                : runner.measure(operation.duban, program: runner.duban, data: store,
                                 environment: runner.dubanEnvironment)
            log("  \(operation.name): duban \(duban.brief)")
            return (operation, duban, Outcome.none)
        }
        return Report.Section(title: "Samples (size-independent)", size: nil, rows: rows)
    }

    private func section(for size: Size, runner: Runner) throws -> Report.Section {
        let directory = runner.work.appending(path: size.description)
        defer { if !keep { try? FileManager.default.removeItem(at: directory) } }
        let data = BenchData(measures: size.measures, eventsPerMeasure: self.data.eventsPerMeasure, seed: self.data.seed)
        try data.write(to: directory)
        let store = directory.appending(path: "store")
        let generated = directory.appending(path: "store-as-generated")
        try FileManager.default.copyItem(at: store, to: generated)
        let taskData = directory.appending(path: "taskwarrior")
        let completed = data.measures.count { data.workspace.status(of: $0) == .done }
        let operations = Operation.onStore(openMeasure: data.openMeasure?.id ?? data.measures.first?.id ?? "",
                                           taskwarriorImport: directory.appending(path: "taskwarrior.json").path,
                                           planFiles: data.plans.map { generated.appending(path: "plans/\($0.id).json").path })
        var rows: [Report.Section.Row] = []
        for operation in operations {
            let duban = runner.measure(operation.duban, program: runner.duban,
                                       data: operation.duban?.asGenerated == true ? generated : store,
                                       environment: runner.dubanEnvironment)
            let task = runner.measure(operation.taskwarrior, program: runner.taskwarrior, data: taskData,
                                      environment: runner.taskEnvironment)
            if operation.taskwarrior?.startsEmpty == true, case .measured = task {
                try adoptImport(into: taskData, runner: runner, expected: size.measures)
            }
            log("  \(size) \(operation.name): duban \(duban.brief), task \(task.brief)")
            rows.append((operation, duban, task))
        }
        let plans = data.plans.count == 1 ? "1 plan" : "\(data.plans.count) plans"
        let title = "\(size) measures (\(plans), \(Report.grouped(data.events.count)) events; "
            + "\(Report.grouped(completed)) measures done = completed tasks)"
        return Report.Section(title: title, size: size, rows: rows)
    }

    /// Keeps the last import as the pristine Taskwarrior data, after the first
    /// command's garbage collection (moving completed tasks out of pending.data).
    private func adoptImport(into taskData: URL, runner: Runner, expected: Int) throws {
        let files = FileManager.default
        try? files.removeItem(at: taskData)
        try files.moveItem(at: taskData.deletingLastPathComponent().appending(path: "taskwarrior.scratch"),
                           to: taskData)
        guard let task = runner.taskwarrior else { return }
        let count = try runner.once([task, "count"], environment: runner.taskEnvironment(data: taskData))
        if Int(count.trimmingCharacters(in: .whitespacesAndNewlines)) != expected {
            log("warning: Taskwarrior counts \(count.trimmingCharacters(in: .whitespacesAndNewlines)) tasks, "
                + "expected \(expected)")
        }
    }

    /// The 1, 5 and 15 minute load averages from /proc/loadavg.
    static var loadAverage: String {
        let text = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? ""
        let fields = text.split(separator: " ").prefix(3)
        return fields.count == 3 ? fields.joined(separator: " ") : "unknown"
    }

    private func log(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    static func find(_ program: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(program)" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// The package directory: the nearest one holding Package.swift above the
    /// current directory, else above this executable (.build/release/..).
    static func packageRoot() -> URL {
        let starts = [URL(fileURLWithPath: FileManager.default.currentDirectoryPath), Bundle.main.executableURL]
        for start in starts.compactMap({ $0 }) {
            var directory = start
            while directory.path != "/" {
                if FileManager.default.fileExists(atPath: directory.appending(path: "Package.swift").path) {
                    return directory
                }
                directory = directory.deletingLastPathComponent()
            }
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }
}
