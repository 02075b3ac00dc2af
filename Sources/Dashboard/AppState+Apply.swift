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
            jobs.remove(.load)
            jobs.remove(.reload)
            let earlier = self.workspace.ledger, outlined = self.workspace.isSlice
            replaceWorkspace(workspace)
            refreshSearch()
            refreshWorkload()
            // The whole plans after their outline: nothing to tell (a first run's notice stays), the screen was
            // theirs already; the keys that waited for them are handled now.
            if !outlined {
                message = Message(describeChanges(since: earlier))
            } else if !waitingKeys.isEmpty {
                message = nil
            }
            effects = reloads(after: nil)
            let waited = waitingKeys
            waitingKeys = []
            for key in waited { effects += handle(key) }
        case let .synced(workspace, summary):
            jobs.remove(.sync)
            replaceWorkspace(workspace)
            refreshSearch()
            refreshWorkload()
            message = Message(summary)
            effects = reloads(after: nil)
        case let .recorded(events):
            for event in events { record(event) }
            message = noteRecorded(events)
            refreshWorkload()
            effects = reloads(after: events)
        case let .undone(outcome):
            for event in outcome.undone { record(event) }
            message = noteUndone(outcome)
            refreshWorkload()
            effects = reloads(after: outcome.undone)
        case let .history(measure, events):
            if measure == selectedMeasure?.id { history = events }
        case let .suggestions(found):
            jobs.remove(.index)
            if found.measure == selectedMeasure?.id { suggestions = found }
        case let .searchIndexed(index, generation):
            receive(index, generation: generation)
        case let .themeChanged(name, problem):
            themeName = name
            if let problem {
                message = Message("\(problem) — \(Label.themeBroken.text(language))", isError: true)
            } else {
                message = Message("\(Label.themeIs.text(language)): \(name)")
            }
        case let .notice(notice):
            redoing = nil
            message = describe(notice)
            if case .syncFailed = notice { jobs.remove(.sync) }
            if case .reloadFailed = notice {
                jobs.subtract([.load, .reload])
                waitingKeys = []
            }
        case let .started(job):
            jobs.insert(job)
        }
        normalize()
        return effects + buildSearchIndexIfWaited()
    }

    /// What the screen on show reads from the store again after the workspace
    /// changed: after `events` were recorded, or after a reload (nil).
    private func reloads(after events: [Event]?) -> [Effect] {
        switch screen {
        case .measure:
            guard let id = selectedMeasure?.id else { return [] }
            guard let events else { return [.loadHistory(measure: id), .loadSuggestions(measure: id)] }
            guard events.contains(where: { $0.target == id || $0.target.hasPrefix(id + ".") }) else { return [] }
            // Suggestions depend on the measure's units.
            let unitsChanged = events.contains { $0.target == id && [.assign, .unassign, .undo].contains($0.kind) }
            return [.loadHistory(measure: id)] + (unitsChanged ? [.loadSuggestions(measure: id)] : [])
        case .plans, .plan, .workload, .unitMeasures:
            return []
        }
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
        if waitsForPlans(key) { return [] }
        if case let .mouse(event) = key { return handle(event) }
        guard let action = KeyMap.action(for: key, screen: screen, searching: search.isActive) else { return [] }
        message = nil
        // One store job at a time, and no change decided on plans about to be replaced.
        if action.needsStore, let job = Job.allCases.first(where: { $0.holdsStore && jobs.contains($0) }) {
            message = Message("\(job.label.text(language)) \(Label.waitForJob.text(language))", isError: true)
            return []
        }
        return perform(action, key: key, confirmed: pending.flatMap { $0.action == action ? $0.target : nil })
    }

    /// Whether `key` is kept for later, or refused, because only the plans' outline is read (the first frame of
    /// a large store, `Workspace.isSlice`): what needs their measures waits for them while they are read, and so
    /// does every key after it, to keep their order; if reading them failed, it is refused.
    private mutating func waitsForPlans(_ key: Key) -> Bool {
        guard workspace.isSlice else { return false }
        let needsPlans: Bool
        if case .mouse = key { needsPlans = true } else {
            needsPlans = !(KeyMap.action(for: key, screen: screen, searching: search.isActive)?.needsOnlyOutline ?? true)
        }
        guard needsPlans || !waitingKeys.isEmpty else { return false }
        if jobs.contains(.load) {
            waitingKeys.append(key)
            message = Message("\(Label.reading.text(language)) \(Label.waitForPlans.text(language))")
        } else {
            message = Message(Label.plansUnread.text(language), isError: true)
        }
        return true
    }

    /// `confirmed`: the target whose forced mark this key confirms.
    private mutating func perform(_ action: Action, key: Key, confirmed: String?) -> [Effect] {
        switch action {
        case .moveUp: move(by: -1)
        case .moveDown: move(by: 1)
        case .pageUp: page(by: -1)
        case .pageDown: page(by: 1)
        case .top: moveToEnd(bottom: false)
        case .bottom: moveToEnd(bottom: true)
        case .focusLeft: if screen == .plan { focus = .pillars }
        case .focusRight: if screen == .plan, !listedMeasures.isEmpty { focus = .measures }
        case .open: return open()
        case .back: return back()
        case .toggleDone:
            if let target = changeTarget { return toggleDone(target, key: key, confirmed: confirmed == target) }
        case .cycleStatus:
            if let target = changeTarget { return cycleStatus(target, key: key, confirmed: confirmed == target) }
        case .block: if let target = changeTarget { prompt = Prompt(kind: .blocked(target: target)) }
        case .addNote:
            // On a note row, `n` edits that note, its text in the prompt.
            if case let .note(i) = checklistRow, let measure = selectedMeasure, workspace.notes(of: measure).indices.contains(i) {
                let (target, note) = workspace.notes(of: measure)[i]
                prompt = Prompt(kind: .editNote(target: target, note: note.id), text: note.text)
            } else if let target = changeTarget {
                prompt = Prompt(kind: .note(target: target))
            }
        case .setDue:
            if let target = changeTarget, let measure = workspace.measure(measureID(of: target)) {
                prompt = Prompt(kind: .due(target: measure.id), text: workspace.dueDate(of: measure)?.description ?? "")
            }
        case .undo: return [.undo(undoScope)]
        case .redo: return redo()
        case .workload: if screen == .plans || screen == .plan { openWorkload() }
        case .cycleOrder: if screen == .workload { cycleOrder() } else { cycleMeasureOrder() }
        case .assignUnit: startPicker(.assign)
        case .removeUnit: startPicker(.remove)
        case .acceptSuggestion: return acceptSuggestion()
        case .search:
            prompt = Prompt(kind: .search)
            search = SearchState()
            search.origin = SearchState.Origin(screen: screen, focus: focus, planCursor: planCursor, pillarCursor: pillarCursor,
                                               measureCursor: measureCursor, workload: workload)
        case .nextMatch: step(through: 1)
        case .previousMatch: step(through: -1)
        case .clearSearch: search = SearchState()
        case .filter: prompt = Prompt(kind: .filter, text: filter.summary(language))
        case .exportLedger: startExport()
        case .cycleTheme:
            guard !themeNames.isEmpty else { return [] }
            let next = themeNames[((themeNames.firstIndex(of: themeName) ?? -1) + 1) % themeNames.count]
            return [.useTheme(next)]
        case .reload:
            jobs.insert(.reload)
            return [.reload]
        case .sync:
            jobs.insert(.sync)
            return [.sync]
        case .help: showsHelp = true; helpOffset = 0
        case .quit: return [.quit]
        }
        return []
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
