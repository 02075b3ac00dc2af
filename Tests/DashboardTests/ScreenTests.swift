import Foundation
import PlanModel
import Testing
import TerminalKit
import TestSupport
@testable import Dashboard

@Suite("Screens rendered into the cell grid")
struct ScreenTests {
    static let sizes = [Size(width: 100, height: 30), Size(width: 60, height: 20)]

    func state(_ size: Size, language: Language = .en) -> AppState {
        AppState(workspace: FixturePlans.workspace, today: FixturePlans.today, language: language, size: size)
    }

    func lines(_ state: AppState) -> [String] { DashboardView.render(state).lines }

    @Test("every frame is the terminal's size, each row exactly its width in display columns", arguments: sizes)
    func frameSize(size: Size) {
        let screen = lines(state(size))
        #expect(screen.count == size.height)
        #expect(screen.allSatisfy { DisplayWidth.of($0) == size.width })
    }

    @Test("from 80 columns the plans screen shows each plan's id, so plans with similar titles differ",
          arguments: [Size(width: 80, height: 20), Size(width: 100, height: 30), Size(width: 60, height: 20)])
    func planIds(size: Size) throws {
        let screen = lines(state(size))
        let header = screen[1]
        for plan in FixturePlans.workspace.plans {
            let row = try #require(screen.first { $0.hasPrefix(String(plan.title.prefix(5))) && $0.contains(String(plan.year ?? 0)) })
            #expect(row.contains(" \(plan.id) ") == (size.width >= 80), "\(size) \(row)")
        }
        #expect(header.contains(" ID ") == (size.width >= 80))
        #expect(header.contains("District") == (size.width >= 100))
    }

    @Test("column headers are capitalised alike in English and are Chinese in zh",
          arguments: [Size(width: 100, height: 30), Size(width: 80, height: 20), Size(width: 60, height: 20)])
    func headers(size: Size) throws {
        var s = state(size)
        let plans = lines(s)[1]
        #expect(plans.contains("Doing Blocked Overdue") == (size.width >= 80))
        _ = s.apply(.key(.character("w")))
        let workload = lines(s)[1]
        _ = s.apply(.key(.escape))
        _ = s.openPlan("jinshan-2026")
        let plan = lines(s)[1]
        for header in [plans, workload, plan] {
            let words = header.split(separator: " ").filter { $0.first?.isLetter == true && $0.first?.isASCII == true }
            #expect(!words.isEmpty)
            #expect(words.allSatisfy { $0.first?.isUppercase == true }, "\(header)")
        }
        var zh = state(size, language: .zh)
        let zhPlans = lines(zh)[1]
        #expect(zhPlans.hasPrefix("方案") && zhPlans.contains("年度") && zhPlans.contains("进度"))
        #expect(zhPlans.contains("编号") == (size.width >= 80) && zhPlans.contains("逾期") == (size.width >= 80))
        _ = zh.apply(.key(.character("w")))
        #expect(lines(zh)[1].hasPrefix("责任单位") && !lines(zh)[1].contains { $0.isASCII && $0.isLetter })
    }

    @Test("the plan screen lines up the measure list at every size: same columns on every row", arguments: sizes)
    func planColumns(size: Size) throws {
        var s = state(size)
        let opened = s.openPlan("jinshan-2026"); #expect(opened)
        let screen = lines(s)
        let layout = s.layout
        let rows = Array(screen[(layout.body.row + 1)..<(layout.body.row + 5)])
        // The pane separator and the task-progress column end at the same display column on every row.
        let separators = rows.map { ScreenText.column(of: "│", in: $0) }
        #expect(Set(separators).count == 1)
        // The schedule column (its light) starts in the same column on every row.
        let lights = rows.map { row in ["● ", "! "].compactMap { ScreenText.column(of: $0, in: row) }.min() }
        #expect(Set(lights).count == 1 && !lights.contains(nil), "\(rows)")
        // Titles mixing CJK and ASCII are cut with … and the task column (1/3, –) still ends in the same place.
        let ends = rows.map { row -> Int in
            let marker = ["1/3 ", "0/2 ", "– "].first { row.contains($0) }!
            return ScreenText.column(of: marker, in: row)! + DisplayWidth.of(marker) - 1
        }
        #expect(Set(ends).count == 1, "\(rows)")
        let cut = try #require(rows.first { $0.contains("…") })
        let ellipsis = try #require(ScreenText.column(of: "…", in: cut))
        #expect(ellipsis < ends[0])
    }

    @Test("the units column exists at 80 columns and grows with the window: whole names at 200; a unit filter puts its unit first")
    func unitsColumn() throws {
        var narrow = state(Size(width: 80, height: 24))
        let opened = narrow.openPlan("jinshan-2026"); #expect(opened)
        #expect(lines(narrow)[1].contains("Units"))
        var wide = state(Size(width: 200, height: 30))
        _ = wide.openPlan("jinshan-2026")
        let first = try #require(lines(wide).first { $0.contains("拓展“一件事”集成服务") })
        #expect(first.contains("发改委,政务服务办 "))
        _ = wide.apply(.key(.character("f")))
        for key in ScreenText.keys(typing: "政务") { _ = wide.apply(.key(key)) }
        _ = wide.apply(.key(.enter))
        #expect(try #require(lines(wide).first { $0.contains("拓展“一件事”集成服务") }).contains("政务服务办,发改委"))
    }

    @Test("the plan screen shows pillars with progress, marks, task progress and traffic lights")
    func planContent() throws {
        var s = state(Size(width: 100, height: 30))
        let opened = s.openPlan("jinshan-2026"); #expect(opened)
        let screen = lines(s)
        #expect(screen.contains { $0.contains("一") && $0.contains("打造高效便捷的政务") && $0.contains("1/4") })
        let first = try #require(screen.first { $0.contains("拓展“一件事”集成服务") })
        #expect(first.contains("◐"))                  // doing: one of three tasks done
        #expect(first.contains("1/3"))
        #expect(first.contains("发改委"))              // units, shortened
        #expect(first.contains("● 10 days left"))     // due within 14 days
        #expect(screen.contains { $0.contains("✓") && $0.contains("完善惠企政策") })
    }

    /// The text and style of the schedule column (from its light to the line's end) on the row of a measure of the plan screen.
    func dueSlots(_ title: String, in canvas: Canvas) throws -> (text: String, slots: Set<StyleSlot>) {
        let row = try #require(canvas.lines.firstIndex { $0.contains(title) })
        let line = canvas.lines[row]
        let date = try #require(line.range(of: #"[!●] [^│]*[^ ]"#, options: .regularExpression))
        let start = DisplayWidth.of(line[..<date.lowerBound])
        let width = DisplayWidth.of(line[date])
        return (String(line[date]), Set(canvas.slots(row: row)[start..<(start + width)]))
    }

    @Test("lights: overdue red with ! and the days late, due within 14 days yellow, behind its 序时进度 yellow, done green; the date alone in a narrow pane",
          arguments: sizes)
    func lights(size: Size) throws {
        var s = state(size)
        let opened = s.openPlan("jinshan-2026"); #expect(opened)
        _ = s.apply(.key(.character("G"))) // the cursor on 1.4, away from the rows checked
        var canvas = DashboardView.render(s)
        // A wide measure pane says what is left or late; a narrow one shows the date (MM-DD).
        func shown(_ light: String, _ date: String, _ remaining: String) -> String {
            light + " " + (size.width >= 100 ? remaining : date)
        }
        let soon = try dueSlots("拓展", in: canvas)                             // 06-30, 10 days after today
        #expect(soon.text == shown("●", "06-30", "10 days left") && soon.slots == [.statusDueSoon])
        let done = try dueSlots("完善惠企", in: canvas)                          // done on time: the date
        #expect(done.text == "● 09-30" && done.slots == [.statusOnTrack])
        _ = s.apply(.key(.character("g")))
        canvas = DashboardView.render(s)
        // 12-31 is far, but nothing is done half-way through the year: behind its 序时进度.
        let behind = try dueSlots("完善诉求", in: canvas)
        #expect(behind.text == shown("●", "12-31", "194 days left") && behind.slots == [.statusDueSoon])
        _ = s.apply(.key(.left))
        _ = s.apply(.key(.character("j")))
        _ = s.apply(.key(.right))
        _ = s.apply(.key(.character("j")))                                      // the cursor on 2.2
        canvas = DashboardView.render(s)
        let overdue = try dueSlots("促进公平", in: canvas)                       // 05-31, passed
        #expect(overdue.text == shown("!", "05-31", "20 days late") && overdue.slots == [.statusOverdue])
    }

    @Test("the measure screen says the days left or late, the light in words and both progress fractions")
    func measureLight() throws {
        var s = state(Size(width: 100, height: 30))
        let opened = s.openPlan("jinshan-2026"); #expect(opened)
        _ = s.apply(.key(.enter))
        #expect(lines(s).contains { $0.contains("Due 2026-06-30 10 days left") })
        #expect(lines(s).contains { $0.contains("● yellow light  expected 94%  actual 33%") })
        _ = s.apply(.key(.escape))
        for key: Key in [.left, .character("j"), .right, .enter] { _ = s.apply(.key(key)) }
        #expect(lines(s).contains { $0.contains("Due 2026-05-31 20 days late") })
        #expect(lines(s).contains { $0.contains("! red light  expected 100%  actual 0%") })
    }

    @Test("the measure screen wraps the measure's text whole: the lines under Text read back as every character of it",
          arguments: sizes, ["jinshan-2026:2.2", "jinshan-2026:3.6"])
    func measureText(size: Size, id: String) throws {
        var s = state(size)
        let location = try #require(s.workspace.location(of: id))
        let opened = s.openPlan("jinshan-2026"); #expect(opened)
        _ = s.apply(.key(.left))
        for _ in 0..<location.pillar { _ = s.apply(.key(.down)) }
        _ = s.apply(.key(.right))
        for _ in 0..<location.measure { _ = s.apply(.key(.down)) }
        _ = s.apply(.key(.enter))
        let screen = lines(s)
        let heading = try #require(screen.firstIndex { $0.trimmingCharacters(in: .whitespaces) == "Text" })
        let body = screen[(heading + 1)...].prefix { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        let text = try #require(s.workspace.measure(id)).text
        #expect(body.map { $0.trimmingCharacters(in: .whitespaces) }.joined() == text)
    }

    @Test("the measure screen lists the tasks as a checklist")
    func checklist() throws {
        var s = state(Size(width: 100, height: 30))
        let opened = s.openPlan("jinshan-2026"); #expect(opened)
        _ = s.apply(.key(.enter))
        let screen = lines(s)
        #expect(screen.contains { $0.contains("✓ 1. 深化“开店一件事”集成服务") })
        #expect(screen.contains { $0.contains("○ 2. 在重点园区探索设立营商服务点") })
        #expect(screen.contains { $0.contains("Tasks 1/3") && $0.contains("Due 2026-06-30 10 days left") })
    }

    @Test("the help overlay lists every key of the current screen from the key map")
    func help() {
        var s = state(Size(width: 100, height: 30))
        let opened = s.openPlan("jinshan-2026"); #expect(opened)
        _ = s.apply(.key(.character("?")))
        let all = lines(s).joined(separator: "\n")
        for binding in KeyMap.bindings(for: .plan, searching: false) {
            #expect(all.contains(binding.keyNames), "\(binding.keyNames)")
            #expect(all.contains(binding.label.text(.en)))
        }
        _ = s.apply(.key(.character("x")))
        #expect(!s.showsHelp)
    }

    /// Every picture of the help overlay while ↓ scrolls it to the end.
    func helpPictures(_ s: inout AppState) -> [[String]] {
        var pictures = [lines(s)]
        for _ in 0..<40 where s.helpOffset < s.helpGrid.maxOffset {
            _ = s.apply(.key(.down))
            pictures.append(lines(s))
        }
        return pictures
    }

    @Test("every binding of the help overlay is reachable, key beside its label, on every screen and size",
          arguments: sizes, [Language.en, .zh])
    func helpReachesEveryBinding(size: Size, language: Language) throws {
        var s = state(size, language: language)
        let opened = s.openPlan("jinshan-2026"); #expect(opened)
        for screen in [Screen.plan, .measure] {
            if screen == .measure { _ = s.apply(.key(.enter)) }
            #expect(s.screen == screen)
            _ = s.apply(.key(.character("?")))
            let grid = s.helpGrid
            let pictures = helpPictures(&s)
            #expect(s.showsHelp)
            let rows = pictures.flatMap { $0 }
            for binding in KeyMap.bindings(for: screen, searching: false) {
                let entry = TextLayout.fit(binding.keyNames, toWidth: grid.keyWidth) + " " + binding.label.text(language)
                #expect(rows.contains { $0.contains(entry) }, "\(screen) \(size): \(entry)")
            }
            #expect(pictures.allSatisfy { $0.joined().contains(Label.pressAnyKey.text(language)) })
            _ = s.apply(.key(.character("x")))
            #expect(!s.showsHelp)
        }
    }

    @Test("the help fits the plan screen's keys in two columns at 60×20 and 100×30", arguments: sizes)
    func helpColumns(size: Size) {
        var s = state(size)
        _ = s.openPlan("jinshan-2026")
        _ = s.apply(.key(.character("?")))
        let bindings = KeyMap.bindings(for: .plan, searching: false)
        let grid = s.helpGrid
        #expect(grid.columns == 2 && grid.maxOffset == 0)
        let screen = lines(s)
        #expect(!screen.joined().contains("more"))
        // The first binding and the one that starts the second column share a row.
        let second = bindings[grid.rows]
        #expect(screen.contains { $0.contains(bindings[0].label.text(.en) + " ") && $0.contains(second.keyNames + " ") })
        #expect(screen.contains { $0.contains(bindings[bindings.count - 1].label.text(.en)) })
    }

    @Test("at 60×20 the measure screen's help scrolls with ↑/↓/PgUp/PgDn and says there is more; other keys close it")
    func helpScrolls() throws {
        var s = state(Size(width: 60, height: 20))
        _ = s.openPlan("jinshan-2026")
        _ = s.apply(.key(.enter))
        _ = s.apply(.key(.character("?")))
        let count = KeyMap.bindings(for: .measure, searching: false).count
        #expect(s.helpGrid.columns == 1 && s.helpGrid.visibleRows == 15 && count == 24)
        #expect(lines(s).contains { $0.contains("any key closes") && $0.contains("▼ more 1–15/24") })
        _ = s.apply(.key(.pageDown))
        #expect(s.helpOffset == 9 && lines(s).contains { $0.contains("▲ more 10–24/24") })
        #expect(lines(s).contains { $0.contains("q") && $0.contains("quit") })
        _ = s.apply(.key(.up))
        #expect(s.helpOffset == 8 && lines(s).contains { $0.contains("▲▼ more 9–23/24") })
        _ = s.apply(.key(.pageUp))
        #expect(s.helpOffset == 0 && s.showsHelp)
        _ = s.apply(.key(.character("j"))) // only arrows and pages scroll; j closes, as any other key
        #expect(!s.showsHelp && s.screen == .measure && s.checklistRow == .measure)
        _ = s.apply(.key(.character("?")))
        #expect(s.helpOffset == 0)
        _ = s.apply(.key(.escape))
        #expect(!s.showsHelp && s.screen == .measure)
    }

    @Test("a terminal below the minimum size asks to be enlarged, in the interface language")
    func tooSmall() {
        let en = lines(state(Size(width: 30, height: 8))).joined()
        #expect(en.contains("Please enlarge the window"))
        let zh = lines(state(Size(width: 30, height: 8), language: .zh)).joined()
        #expect(zh.contains("请放大窗口"))
    }

    @Test("labels are Chinese with --lang zh and English otherwise")
    func language() {
        let zh = lines(state(Size(width: 100, height: 30), language: .zh))
        #expect(zh[0].contains("督办"))
        #expect(zh[1].contains("进行中") && zh[1].contains("逾期"))
        #expect(zh.last?.contains("退出") == true)
        #expect(Language.detect(environment: ["LANG": "zh_CN.UTF-8"]) == .zh)
        #expect(Language.detect(environment: ["LC_ALL": "C.UTF-8", "LANG": "zh_CN.UTF-8"]) == .en)
        #expect(Language.detect(environment: [:]) == .en)
    }

    @Test("every label has text in both languages")
    func labels() {
        for label in Label.allCases {
            #expect(!label.text(.en).isEmpty)
            #expect(!label.text(.zh).isEmpty)
        }
    }

    @Test("search matches are highlighted in the list")
    func highlight() throws {
        var s = state(Size(width: 100, height: 30))
        _ = s.applyIndexingAtOnce(.key(.character("/")))
        for key in ScreenText.keys(typing: "ai+") { _ = s.apply(.key(key)) }
        _ = s.apply(.key(.enter))
        let canvas = DashboardView.render(s)
        let row = try #require(canvas.lines.firstIndex { $0.contains("AI+政务") })
        let start = try #require(ScreenText.column(of: "AI+", in: canvas.lines[row]))
        let slots = canvas.slots(row: row)
        // The selected row is restyled as a whole; the match keeps its own style on top.
        #expect(slots[start] == .searchMatch && slots[start + 2] == .searchMatch)
        #expect(canvas.lines[28].contains("/ai+"))
    }

    @Test("a query in traditional and full-width characters (ＡＩ＋政務) finds and highlights the simplified AI+政务")
    func highlightFolded() throws {
        var s = state(Size(width: 100, height: 30))
        _ = s.applyIndexingAtOnce(.key(.character("/")))
        for key in ScreenText.keys(typing: "ＡＩ＋政務") { _ = s.apply(.key(key)) }
        _ = s.apply(.key(.enter))
        #expect(s.search.isActive)
        let canvas = DashboardView.render(s)
        let row = try #require(canvas.lines.firstIndex { $0.contains("AI+政务") })
        let start = try #require(ScreenText.column(of: "AI+政务", in: canvas.lines[row]))
        let slots = canvas.slots(row: row)
        #expect(slots[start..<(start + 7)].allSatisfy { $0 == .searchMatch })
        #expect(slots[start + 7] != .searchMatch)
    }

    @Test("a note on a task: the prompt names the task, and the measure's notes list it with the task's number")
    func taskNote() throws {
        var s = state(Size(width: 100, height: 30))
        let opened = s.openPlan("jinshan-2026"); #expect(opened)
        _ = s.apply(.key(.enter))
        _ = s.apply(.key(.character("j")))                // the first task's row
        _ = s.apply(.key(.character("n")))
        let task = try #require(s.workspace.measure("jinshan-2026:1.1")?.tasks.first)
        #expect(lines(s).contains { $0.hasPrefix(" Note → 1.1.1 \(task.title.prefix(4))") }, "\(lines(s))")
        for key in ScreenText.keys(typing: "已对接") { _ = s.apply(.key(key)) }
        let effects = s.apply(.key(.enter))
        guard case let .record(target, changes) = try #require(effects.first), let change = changes.first else { Issue.record("no record"); return }
        #expect(target == task.id && changes == [.note("已对接")])
        _ = s.apply(.recorded([Event(id: "20260620T010000.000Z-1", time: Date(timeIntervalSince1970: 1_781_917_200), officer: "li",
                                     target: target, change: change)]))
        #expect(lines(s).contains { $0.contains("li [1.1.1]: 已对接") }, "\(lines(s))")
    }

    @Test("units all 'responsible' are listed without a role; where roles differ, each says its role")
    func unitRoles() throws {
        func workspace(_ roles: [Role]) -> Workspace {
            let units = zip(["区发改委", "区经委"], roles).map { UnitRef(name: $0, role: $1) }
            return Workspace(plans: [Plan(id: "r-2026", title: "方案", pillars: [Pillar(number: "一", title: "板块", measures: [
                Measure(id: "r-2026:1.1", label: "1.", title: "措施", text: "正文。", units: units, deadline: nil, tasks: []),
            ])])])
        }
        for (roles, line) in [([Role.responsible, .responsible], "责任单位: 区发改委、区经委"),
                              ([.lead, .responsible], "责任单位: 区发改委（牵头）、区经委（责任）")] {
            var s = AppState(workspace: workspace(roles), today: FixturePlans.today, language: .zh, size: Size(width: 100, height: 30))
            let opened = s.openPlan("r-2026"); #expect(opened)
            _ = s.apply(.key(.enter))
            #expect(lines(s).contains { $0.trimmingCharacters(in: .whitespaces) == line }, "\(lines(s))")
        }
    }
}

@Suite("Counts never cut mid-number")
struct CountWidthTests {
    /// One plan of 12,345 measures of one unit: 1,234 done, 10,000 doing; the first measure has 1,000 tasks.
    static let workspace: Workspace = {
        let measures = (1...12_345).map { n in
            Measure(id: "big-2026:1.\(n)", label: "\(n)", title: "措施\(n)", text: "", units: [UnitRef(name: "区发改委", role: .lead)],
                    tasks: n == 1 ? (1...1_000).map { PlanTask(id: "big-2026:1.1.\($0)", title: "t", text: "") } : [])
        }
        var workspace = Workspace(plans: [Plan(id: "big-2026", title: "大方案", year: 2026,
                                               pillars: [Pillar(number: "一", title: "全部", measures: measures)])])
        let time = Date(timeIntervalSince1970: 1_790_000_000)
        for n in 2...11_235 {
            let status: Status = n <= 1_235 ? .done : .doing
            workspace.apply(Event(id: "e\(n)", time: time, officer: "wang", target: "big-2026:1.\(n)",
                                  change: .status(status, previous: nil, force: false)))
        }
        return workspace
    }()

    @Test("plans, plan and workload screens show 1234/12345, 10000 and 0/1000 whole, at both sizes",
          arguments: ScreenTests.sizes)
    func wholeCounts(size: Size) throws {
        var state = AppState(workspace: Self.workspace, today: FixturePlans.today, language: .en, size: size)
        let plans = DashboardView.render(state).lines.joined(separator: "\n")
        #expect(plans.contains("1234/12345") && plans.contains("10000"), "\(plans)")
        let opened = state.openPlan("big-2026")
        #expect(opened)
        let plan = DashboardView.render(state).lines.joined(separator: "\n")
        #expect(plan.contains("1234/12345") && plan.contains("0/1000"), "\(plan)")
        _ = state.apply(.key(.character("w")))
        let workload = DashboardView.render(state).lines.joined(separator: "\n")
        #expect(workload.contains("12345") && workload.contains("10000") && workload.contains("1234"), "\(workload)")
    }
}
