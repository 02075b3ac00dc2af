import PlanModel
import TerminalKit

extension AppState {
    /// The update step: folds one input into the state and says what the
    /// executable must do. Never reads the clock, the store or the terminal.
    public mutating func apply(_ input: Input) -> [Effect] {
        var effects: [Effect] = []
        switch input {
        case let .key(key):
            effects = handle(key)
        case let .loaded(workspace):
            replaceWorkspace(workspace)
            refreshSearch()
            refreshWorkload()
            message = Message(Label.reloaded.text(language))
            if screen == .measure, let id = selectedMeasure?.id { effects = [.loadHistory(measure: id), .loadSuggestions(measure: id)] }
        case let .recorded(events):
            for event in events { record(event) }
            if let event = events.last { message = Message(describe(event)) }
            refreshWorkload()
            if screen == .measure, let id = selectedMeasure?.id,
               events.contains(where: { $0.target == id || $0.target.hasPrefix(id + ".") }) {
                effects = [.loadHistory(measure: id)]
                if events.contains(where: { $0.target == id && [.assign, .unassign, .undo].contains($0.kind) }) {
                    effects.append(.loadSuggestions(measure: id))
                }
            }
        case let .history(measure, events):
            if measure == selectedMeasure?.id { history = events }
        case let .suggestions(found):
            if found.measure == selectedMeasure?.id { suggestions = found }
        case let .themeChanged(name, problem):
            themeName = name
            if let problem {
                message = Message("\(problem) — \(Label.themeBroken.text(language))", isError: true)
            } else {
                message = Message("\(Label.themeIs.text(language)): \(name)")
            }
        case let .notice(notice):
            switch notice {
            case .nothingToUndo: message = Message(Label.nothingToUndo.text(language))
            case let .storeFailed(reason): message = Message("\(Label.storeFailed.text(language)): \(reason)", isError: true)
            case let .storeCreated(path, plans): message = Message("\(Label.storeCreated.text(language)) \(path) (\(plans))")
            }
        }
        normalize()
        return effects
    }

    private mutating func handle(_ key: Key) -> [Effect] {
        if case let .resize(newSize) = key { size = newSize; return [] }
        if key == .control("c") { return [.quit] }
        if layout.isTooSmall { return key == .character("q") ? [.quit] : [] }
        // A warning about open tasks is confirmed only by the very next key, if it repeats the action.
        let pending = pendingForce
        pendingForce = nil
        if prompt != nil { return edit(key) }
        if picker != nil { return editPicker(key) }
        if showsHelp { scrollHelp(key); return [] }
        if case let .mouse(event) = key { return handle(event) }
        guard let action = KeyMap.action(for: key, screen: screen, searching: search.isActive) else { return [] }
        message = nil
        return perform(action, key: key, confirmed: pending.flatMap { $0.action == action ? $0.target : nil })
    }

    // MARK: Actions

    /// `confirmed`: the target whose forced mark this key confirms.
    private mutating func perform(_ action: Action, key: Key, confirmed: String?) -> [Effect] {
        switch action {
        case .moveUp: move(by: -1)
        case .moveDown: move(by: 1)
        case .pageUp: move(by: -max(1, layout.listRows - 1), page: true)
        case .pageDown: move(by: max(1, layout.listRows - 1), page: true)
        case .top: move(by: -Int.max / 2)
        case .bottom: move(by: Int.max / 2)
        case .focusLeft: if screen == .plan { focus = .pillars }
        case .focusRight: if screen == .plan, !listedMeasures.isEmpty { focus = .measures }
        case .open: return open()
        case .back: return back()
        case .toggleDone:
            if let target = changeTarget { return toggleDone(target, key: key, confirmed: confirmed == target) }
        case .cycleStatus:
            if let target = changeTarget { return cycleStatus(target, key: key, confirmed: confirmed == target) }
        case .block: if let target = changeTarget { prompt = Prompt(kind: .blocked(target: target)) }
        case .addNote: if let target = changeTarget { prompt = Prompt(kind: .note(target: target)) }
        case .setDue:
            if let target = changeTarget, let measure = workspace.measure(measureID(of: target)) {
                prompt = Prompt(kind: .due(target: measure.id), text: workspace.dueDate(of: measure)?.description ?? "")
            }
        case .undo: return [.undo]
        case .workload: if screen == .plans || screen == .plan { openWorkload() }
        case .cycleOrder: cycleOrder()
        case .assignUnit: startPicker(.assign)
        case .removeUnit: startPicker(.remove)
        case .acceptSuggestion: return acceptSuggestion()
        case .search: prompt = Prompt(kind: .search); search = SearchState()
        case .nextMatch: step(through: 1)
        case .previousMatch: step(through: -1)
        case .clearSearch: search = SearchState()
        case .filter: prompt = Prompt(kind: .filter, text: filter.summary(language))
        case .cycleTheme:
            guard !themeNames.isEmpty else { return [] }
            let next = themeNames[((themeNames.firstIndex(of: themeName) ?? -1) + 1) % themeNames.count]
            return [.useTheme(next)]
        case .reload: return [.reload]
        case .help: showsHelp = true; helpOffset = 0
        case .quit: return [.quit]
        }
        return []
    }

    private mutating func move(by delta: Int, page: Bool = false) {
        switch screen {
        case .plans: planRow = clamp(planRow + delta, count: workspace.plans.count)
        case .plan:
            if focus == .pillars {
                let old = pillarRow
                pillarRow = clamp(pillarRow + delta, count: currentPlan?.pillars.count ?? 0)
                if pillarRow != old { measureRow = 0; measureOffset = 0 }
            } else {
                measureRow = clamp(measureRow + delta, count: listedMeasures.count)
            }
        case .measure:
            if page {
                measureScroll = max(0, measureScroll + delta)
            } else {
                checklistRow = clamp(checklistRow + delta, count: checklistCount)
                keepChecklistRowVisible()
            }
        case .workload:
            if let state = workload {
                let row = clamp(state.row + delta, count: state.rows.count)
                workload?.row = row
            }
        case .unitMeasures:
            if let state = workload {
                let row = clamp(state.measureRow + delta, count: state.measures.count)
                workload?.measureRow = row
            }
        }
    }

    /// The measure screen's cursor rows: the measure, its tasks, the suggested units, the related measures.
    var checklistCount: Int {
        guard let measure = selectedMeasure else { return 1 }
        let related = suggestions.map { $0.measure == measure.id ? $0.related.count : 0 } ?? 0
        return measure.tasks.count + 1 + shownSuggestions.count + related
    }

    private func clamp(_ value: Int, count: Int) -> Int { max(0, min(value, count - 1)) }

    private mutating func open() -> [Effect] {
        switch screen {
        case .plans:
            guard currentPlan != nil else { return [] }
            screen = .plan
            pillarRow = 0; measureRow = 0; pillarOffset = 0; measureOffset = 0
            focus = listedMeasures.isEmpty ? .pillars : .measures
        case .plan:
            if focus == .pillars {
                if !listedMeasures.isEmpty { focus = .measures }
            } else {
                return openMeasure(from: .plan)
            }
        case .workload: drillIntoUnit()
        case .unitMeasures: return openDrilledMeasure()
        case .measure: return openRelated()
        }
        return []
    }

    private mutating func back() -> [Effect] {
        switch screen {
        case .plans: break
        case .plan: screen = .plans
        case .measure:
            if let effects = returnFromRelated() { return effects }
            screen = measureOrigin; history = []; suggestions = nil
        case .workload: screen = workload?.origin ?? .plans; workload = nil
        case .unitMeasures: screen = .workload; workload?.unit = nil
        }
        return []
    }

    // MARK: Changes

    /// The measure id of a measure or task id (`PLAN:P.M.T` → `PLAN:P.M`).
    func measureID(of target: String) -> String {
        guard let location = workspace.location(of: target), location.task != nil,
              let dot = target.lastIndex(of: ".") else { return target }
        return String(target[..<dot])
    }

    /// Space: a done measure or task is reopened, anything else marked done.
    private mutating func toggleDone(_ target: String, key: Key, confirmed: Bool) -> [Effect] {
        guard let location = workspace.location(of: target) else { return [] }
        let done = location.task == nil ? workspace.measure(target).map { workspace.status(of: $0) == .done } ?? false
                                        : workspace.status(ofTask: target) == .done
        if done { return decide(target) { (w: Workspace) throws(ChangeRefusal) in try w.change(reopening: target) } }
        return mark(target, as: .done, key: key, confirmed: confirmed)
    }

    /// `s`: todo → doing → done → todo (blocked → todo).
    private mutating func cycleStatus(_ target: String, key: Key, confirmed: Bool) -> [Effect] {
        guard let location = workspace.location(of: target) else { return [] }
        let current = location.task == nil ? workspace.measure(target).map(workspace.status(of:)) ?? .todo
                                           : workspace.status(ofTask: target)
        return mark(target, as: current.cycled, key: key, confirmed: confirmed)
    }

    /// Marks with the shared rules. Done over open tasks is forced only when the
    /// same key is pressed again right after the warning (`confirmed`).
    private mutating func mark(_ target: String, as status: Status, key: Key, confirmed: Bool) -> [Effect] {
        do {
            return try workspace.change(marking: target, as: status, force: confirmed).map { [.record(target: target, change: $0)] } ?? []
        } catch {
            if case let .openTasks(measure, open) = error, let action = KeyMap.action(for: key, screen: screen, searching: search.isActive) {
                pendingForce = PendingForce(target: measure, action: action)
                message = Message(forceQuestion(measure, open: open.count, key: key), isError: true)
            } else {
                message = Message(describe(error), isError: true)
            }
            return []
        }
    }

    /// The change the rule decides as a `.record` effect; a refusal as an error message.
    mutating func decide(_ target: String, _ rule: (Workspace) throws(ChangeRefusal) -> Change?) -> [Effect] {
        do {
            return try rule(workspace).map { [.record(target: target, change: $0)] } ?? []
        } catch {
            message = Message(describe(error), isError: true)
            return []
        }
    }

    // MARK: Prompts

    private mutating func edit(_ key: Key) -> [Effect] {
        guard var current = prompt else { return [] }
        switch key {
        case let .character(c):
            current.text.append(c)
        case .backspace, .delete:
            if !current.text.isEmpty { current.text.removeLast() }
        case .control("u"):
            current.text = ""
        case .escape:
            prompt = nil
            if current.kind == .search { search = SearchState() }
            return []
        case .enter:
            return submit(current)
        default:
            return []
        }
        prompt = current
        if current.kind == .search { updateSearch(current.text) }
        return []
    }

    private mutating func submit(_ current: Prompt) -> [Effect] {
        let text = current.text.trimmingCharacters(in: " ")
        switch current.kind {
        case let .note(target):
            prompt = nil
            return text.isEmpty ? [] : decide(target) { (w: Workspace) throws(ChangeRefusal) in try w.change(noting: text, on: target) }
        case let .blocked(target):
            prompt = nil
            var effects = decide(target) { (w: Workspace) throws(ChangeRefusal) in try w.change(marking: target, as: .blocked) }
            if !text.isEmpty {
                effects += decide(target) { (w: Workspace) throws(ChangeRefusal) in try w.change(noting: text, on: target) }
            }
            return effects
        case let .due(target):
            let day = Day(text)
            guard text.isEmpty || day != nil else {
                message = Message(Label.badDay.text(language), isError: true)
                return []
            }
            prompt = nil
            return decide(target) { (w: Workspace) throws(ChangeRefusal) in try w.change(settingDue: day, of: target) }
        case .search:
            prompt = nil
            if search.matches.isEmpty {
                if !search.query.isEmpty { message = Message(Label.noMatch.text(language), isError: true) }
                search = SearchState()
            }
            return []
        case .filter:
            prompt = nil
            filter = MeasureFilter(parsing: text)
            measureRow = 0
            measureOffset = 0
            if screen == .plan, listedMeasures.isEmpty { focus = .pillars }
            return []
        }
    }

    // MARK: Search

    private mutating func updateSearch(_ query: String) {
        let previous = search
        let narrowing = !previous.query.isEmpty && query.hasPrefix(previous.query)
        search.query = query
        search.matches = query.isEmpty ? [] : searchIndex.matches(of: query, within: narrowing ? previous.matches : nil)
        search.current = nil
        guard !search.matches.isEmpty else { return }
        // Start at the first match at or after the cursor, as an editor's incremental search does.
        let here = (planRow, pillarRow, selectedMeasureIndex ?? 0)
        let first = search.matches.firstIndex { i in
            let e = searchIndex.entries[i]
            return (e.plan, e.pillar, e.measure) >= here
        } ?? 0
        jump(toMatch: first)
    }

    private var selectedMeasureIndex: Int? {
        let listed = listedMeasures
        return screen == .plans || !listed.indices.contains(measureRow) ? nil : listed[measureRow]
    }

    private mutating func refreshSearch() {
        guard !search.query.isEmpty else { return }
        search.matches = searchIndex.matches(of: search.query)
        search.current = search.matches.isEmpty ? nil : min(search.current ?? 0, search.matches.count - 1)
    }

    private mutating func step(through delta: Int) {
        guard !search.matches.isEmpty else { return }
        let count = search.matches.count
        let next = search.current.map { (($0 + delta) % count + count) % count } ?? 0
        jump(toMatch: next)
    }

    private mutating func jump(toMatch index: Int) {
        search.current = index
        let entry = searchIndex.entries[search.matches[index]]
        planRow = entry.plan
        pillarRow = entry.pillar
        if !listedMeasures.contains(entry.measure) { filter = MeasureFilter() }
        measureRow = listedMeasures.firstIndex(of: entry.measure) ?? 0
        screen = .plan
        focus = .measures
        history = []
        workload = nil
    }

    // MARK: Mouse

    private mutating func handle(_ event: MouseEvent) -> [Effect] {
        switch event.kind {
        case .wheelUp: move(by: -3); return []
        case .wheelDown: move(by: 3); return []
        case .click: break
        }
        let layout = self.layout
        let row = event.row - layout.body.row - 1 // below the list header
        guard row >= 0, row < layout.listRows else { return [] }
        switch screen {
        case .plans:
            let index = planOffset + row
            guard index < workspace.plans.count else { return [] }
            if index == planRow { return open() }
            planRow = index
        case .plan:
            if event.column < layout.separatorColumn {
                let index = pillarOffset + row
                guard index < (currentPlan?.pillars.count ?? 0) else { return [] }
                focus = .pillars
                if index != pillarRow { pillarRow = index; measureRow = 0; measureOffset = 0 }
            } else if event.column > layout.separatorColumn {
                let index = measureOffset + row
                guard index < listedMeasures.count else { return [] }
                if focus == .measures, index == measureRow { return open() }
                focus = .measures
                measureRow = index
            }
        case .measure, .workload, .unitMeasures:
            break
        }
        return []
    }

    // MARK: Keeping cursors valid

    /// Clamps every cursor and scrolls every list so its cursor is visible.
    mutating func normalize() {
        let layout = self.layout
        helpOffset = showsHelp ? max(0, min(helpOffset, helpGrid.maxOffset)) : 0
        planRow = clamp(planRow, count: workspace.plans.count)
        planOffset = Table.offset(showing: planRow, visibleRows: layout.listRows, current: planOffset,
                                  rowCount: workspace.plans.count)
        let pillarCount = currentPlan?.pillars.count ?? 0
        pillarRow = clamp(pillarRow, count: pillarCount)
        pillarOffset = Table.offset(showing: pillarRow, visibleRows: layout.listRows, current: pillarOffset, rowCount: pillarCount)
        let listed = listedMeasures.count
        measureRow = clamp(measureRow, count: listed)
        measureOffset = Table.offset(showing: measureRow, visibleRows: layout.listRows, current: measureOffset, rowCount: listed)
        if screen == .measure {
            guard selectedMeasure != nil else { screen = .plan; return }
            checklistRow = clamp(checklistRow, count: checklistCount)
            let lines = MeasureScreen.document(for: self, width: layout.body.width).lines.count
            measureScroll = max(0, min(measureScroll, lines - layout.body.height))
        } else if screen == .plan, focus == .measures, listed == 0 {
            focus = .pillars
        }
        if var state = workload {
            state.row = clamp(state.row, count: state.rows.count)
            state.offset = Table.offset(showing: state.row, visibleRows: layout.listRows, current: state.offset, rowCount: state.rows.count)
            state.measureRow = clamp(state.measureRow, count: state.measures.count)
            state.measureOffset = Table.offset(showing: state.measureRow, visibleRows: layout.listRows, current: state.measureOffset,
                                               rowCount: state.measures.count)
            workload = state
        }
    }

    private mutating func keepChecklistRowVisible() {
        let document = MeasureScreen.document(for: self, width: layout.body.width)
        guard document.checklistLines.indices.contains(checklistRow) else { return }
        let line = document.checklistLines[checklistRow]
        let height = layout.body.height
        if line < measureScroll { measureScroll = line }
        if line >= measureScroll + height { measureScroll = line - height + 1 }
    }

    // MARK: Messages

    /// `3.6` for `jinshan-2026:3.6`: the plan is on screen already.
    func shortID(_ id: String) -> String {
        id.split(separator: ":", maxSplits: 1).last.map(String.init) ?? id
    }

    /// `3.6 has 7 open tasks — press Space again to mark it done anyway`.
    private func forceQuestion(_ measure: String, open: Int, key: Key) -> String {
        let tasks = (open == 1 ? Label.openTask : Label.openTasks).text(language)
        let again = Label.pressAgainToForce.text(language).replacingOccurrences(of: "{key}", with: key.name)
        return "\(shortID(measure)) \(Label.has.text(language)) \(open) \(tasks) — \(again)"
    }

    /// A refused change in words (the dashboard's rules are the CLI's; only the wording differs).
    func describe(_ refusal: ChangeRefusal) -> String {
        switch refusal {
        case let .unknownId(id): return "\(Label.unknownId.text(language)): \(id)"
        case let .notAMeasure(id): return "\(shortID(id)): \(Label.notAMeasure.text(language))"
        case let .openTasks(measure, open): return "\(shortID(measure)) \(Label.has.text(language)) \(open.count) \(Label.openTasks.text(language))"
        case .emptyNote: return Label.emptyNote.text(language)
        case .emptyUnitName: return Label.emptyUnitName.text(language)
        case let .compositeUnitName(name): return "\(name): \(Label.compositeUnitName.text(language))"
        case let .notAssigned(unit, measure, _): return "\(unit): \(Label.notAssigned.text(language)) \(shortID(measure))"
        }
    }

    private func describe(_ event: Event) -> String {
        let target = shortID(event.target)
        switch event.change {
        case .undo: return "\(Label.undone.text(language)) \(target)"
        case let .status(status, _, _):
            let word = status.map { Label.of($0).text(language) } ?? "—"
            return "\(Label.recorded.text(language)) \(target): \(word)"
        case .note: return "\(Label.recorded.text(language)) \(target): \(Label.promptNote.text(language))"
        case let .due(day, _):
            return "\(Label.recorded.text(language)) \(target): \(Label.due.text(language)) \(day?.description ?? Label.cleared.text(language))"
        case .assign, .unassign: return "\(Label.recorded.text(language)) \(target): \(describeChange(event.change))"
        }
    }
}

extension String {
    func trimmingCharacters(in character: Character) -> String {
        var s = Substring(self)
        while s.first == character { s.removeFirst() }
        while s.last == character { s.removeLast() }
        return String(s)
    }
}
