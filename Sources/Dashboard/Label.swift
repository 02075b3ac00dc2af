import PlanModel

/// Every interface label in both languages: the one table of interface strings.
public enum Label: CaseIterable, Sendable {
    case appTitle, plans, plan, measure, help
    case district, year, measures, progress, doing, blocked, overdue, pillar, title, tasks, units, due
    case todo, done, statusWord, text, notes, history, noNotes, noHistory, noTasks, noPlans, noMeasures
    case moveUp, moveDown, open, back, top, bottom, pageUp, pageDown, focusLeft, focusRight
    case toggleDone, cycleStatus, block, addNote, setDue, undo, redo, search, nextMatch, previousMatch, clearSearch
    case filter, cycleTheme, reload, sync, quit
    case promptNote, promptBlocked, promptDue, promptSearch, promptFilter, confirm, cancel
    case enlarge, readOnly, recorded, undone, redone, nothingToUndo, nothingToRedo, withdrawn, wasUndone, reason, skipped, changedItSince, changedSince, goneFromPlans, reloaded, themeIs, themeBroken, badDay, noMatch, matches
    case filterIs, filterHint, lead, support, responsible, expected, actual, cleared, storeFailed, storeCreated, pressAnyKey
    case has, openTask, openTasks, pressAgainToForce, unknownId, notAMeasure, emptyNote, emptyUnitName, compositeUnitName
    case notAssigned, exportLedger, promptExport, exported, exportFailed, syncing, syncFailed, conflict
    case indexing, indexingSearch, reloading, reloadFailed, waitForJob, reading, waitForPlans, plansUnread
    case workload, unit, total, led, cycleOrder, sortedBy, orderOpen, orderOverdue, orderDone, orderName, noUnitRows
    case orderUrgency, orderDue, orderStatus, orderDocument, orderTitle
    case assignUnit, removeUnit, acceptSuggestion, noUnits, alreadyAssigned, noSuggestions, suggestedUnits, relatedMeasures
    case noRelated, assignTo, removeFrom, role, newUnit, toggleRole, similar, more, openRelated, id, openWorkload

    public func text(_ language: Language) -> String {
        let (en, zh) = strings
        return language == .zh ? zh : en
    }

    private var strings: (String, String) {
        switch self {
        case .appTitle: ("Duban", "督办")
        case .plans: ("Plans", "行动方案")
        case .plan: ("Plan", "方案")
        case .measure: ("Measure", "措施")
        case .help: ("help", "帮助")
        case .district: ("District", "区")
        case .year: ("Year", "年度")
        case .measures: ("Measures", "措施数")
        case .progress: ("Progress", "进度")
        case .doing: Label.words(.doing)
        case .blocked: Label.words(.blocked)
        case .overdue: ("overdue", "逾期")
        case .pillar: ("Pillars", "板块")
        case .title: ("Title", "标题")
        case .tasks: ("Tasks", "任务")
        case .units: ("Units", "责任单位")
        case .due: ("Due", "期限")
        case .todo: Label.words(.todo)
        case .done: Label.words(.done)
        case .statusWord: ("Status", "状态")
        case .text: ("Text", "正文")
        case .notes: ("Notes", "备注")
        case .history: ("History", "历史")
        case .noNotes: ("no notes", "暂无备注")
        case .noHistory: ("no changes yet", "暂无记录")
        case .noTasks: ("no tasks", "无任务")
        case .noPlans: ("No plans in the store.", "暂无行动方案。")
        case .noMeasures: ("No measures match.", "没有符合条件的措施。")
        case .moveUp: ("up", "上移")
        case .moveDown: ("down", "下移")
        case .open: ("open", "打开")
        case .back: ("back", "返回")
        case .top: ("top", "顶部")
        case .bottom: ("bottom", "底部")
        case .pageUp: ("page up", "上一页")
        case .pageDown: ("page down", "下一页")
        case .focusLeft: ("pillars", "板块")
        case .focusRight: ("measures", "措施")
        case .toggleDone: ("done", "完成")
        case .cycleStatus: ("status", "状态")
        case .block: ("blocked", "受阻")
        case .addNote: ("note", "备注")
        case .setDue: ("due date", "期限")
        case .undo: ("undo", "撤销")
        case .redo: ("redo", "重做")
        case .search: ("search", "搜索")
        case .nextMatch: ("next match", "下一个")
        case .previousMatch: ("previous match", "上一个")
        case .clearSearch: ("clear search", "清除搜索")
        case .filter: ("filter", "筛选")
        case .cycleTheme: ("theme", "主题")
        case .reload: ("reload", "刷新")
        case .sync: ("sync", "同步")
        case .syncing: ("Syncing…", "同步中…")
        case .syncFailed: ("Sync failed", "同步失败")
        case .indexing: ("Indexing…", "建立索引…")
        case .indexingSearch: ("Indexing for search…", "建立搜索索引…")
        case .reloading: ("Reloading…", "刷新中…")
        case .reloadFailed: ("Reload failed", "刷新失败")
        case .waitForJob: ("changes, r and S wait until it ends", "修改、r 和 S 须等它完成")
        case .reading: ("Reading the plans…", "正在读取方案…")
        case .waitForPlans: ("keys take effect once they are read", "读完后按键随即生效")
        case .plansUnread: ("The plans were not read: r reads them again", "方案未能读取：按 r 重新读取")
        case .conflict: ("conflict", "冲突")
        case .quit: ("quit", "退出")
        case .promptNote: ("Note", "备注")
        case .promptBlocked: ("Blocked, why", "受阻原因")
        case .promptDue: ("Due (empty clears)", "期限（留空清除）")
        case .promptSearch: ("Search", "搜索")
        case .promptFilter: ("Filter (todo doing done blocked overdue, or a unit)", "筛选（待办 进行中 已完成 受阻 逾期，或单位）")
        case .confirm: ("confirm", "确认")
        case .cancel: ("cancel", "取消")
        case .enlarge: ("Please enlarge the window", "请放大窗口")
        case .recorded: ("Recorded", "已记录")
        case .undone: ("Undone", "撤销")
        case .redone: ("Redone", "重做")
        case .nothingToUndo: ("Nothing to undo", "没有可撤销的操作")
        case .nothingToRedo: ("Nothing to redo", "没有可重做的操作")
        case .withdrawn: ("withdrawn", "已撤回")
        case .wasUndone: ("undone", "已撤销")
        case .reason: ("reason", "原因")
        case .readOnly: ("read-only", "只读")
        case .skipped: ("skipped", "跳过")
        case .changedItSince: ("changed it since", "已改过")
        case .changedSince: ("changed since", "已被改过")
        case .goneFromPlans: ("no longer in a plan", "已不在方案中")
        case .reloaded: ("Reloaded", "已刷新")
        case .themeIs: ("Theme", "主题")
        case .themeBroken: ("using the default theme", "改用默认主题")
        case .badDay: ("Not a day (2026-12-31, 2026年12月31日, 12-31, 月底, 年底): ", "无法识别的日期（可写 2026-12-31、2026年12月31日、12-31、月底、年底）：")
        case .noMatch: ("No match", "无匹配")
        case .matches: ("matches", "处匹配")
        case .filterIs: ("Filter", "筛选")
        case .filterHint: ("f changes, f then Enter on empty clears", "按 f 修改，留空确认即清除")
        case .lead: Label.words(Role.lead)
        case .support: Label.words(Role.support)
        case .responsible: Label.words(Role.responsible)
        case .expected: ("expected", "序时进度")
        case .actual: ("actual", "实际进度")
        case .exportLedger: ("ledger", "导出台账")
        case .promptExport: ("Save the ledger (xlsx) as", "台账（xlsx）保存为")
        case .exported: ("ledger written", "台账已导出")
        case .exportFailed: ("cannot write the ledger", "台账导出失败")
        case .cleared: ("cleared", "已清除")
        case .storeFailed: ("Could not save", "保存失败")
        case .storeCreated: ("New store with the sample plans:", "已新建存储并导入示例方案：")
        case .pressAnyKey: ("any key closes", "按任意键关闭")
        case .has: ("has", "还有")
        case .openTask: ("open task", "项任务未完成")
        case .openTasks: ("open tasks", "项任务未完成")
        case .pressAgainToForce: ("press {key} again to mark it done anyway", "再按 {key} 仍标记为已完成")
        case .unknownId: ("Unknown id", "未知编号")
        case .notAMeasure: ("needs a measure, not a task", "须为措施，不能是任务")
        case .emptyNote: ("The note is empty", "备注为空")
        case .emptyUnitName: ("The unit name is empty", "单位名称为空")
        case .compositeUnitName: ("one unit at a time (no 、 , ， ; ；)", "一次只能添加一个单位（不能含 、 , ， ; ；）")
        case .notAssigned: ("is not a unit of", "不是其责任单位：")
        case .workload: ("Workload", "工作量")
        case .unit: ("Unit", "责任单位")
        case .total: ("Total", "合计")
        case .led: ("Led", "牵头")
        case .cycleOrder: ("sort", "排序")
        case .sortedBy: ("Sorted", "排序")
        case .orderOpen: ("most open first", "未完成多者在前")
        case .orderOverdue: ("most overdue first", "逾期多者在前")
        case .orderDone: ("highest completion first", "完成率高者在前")
        case .orderName: ("by name", "按名称")
        case .orderUrgency: ("urgency", "紧急程度")
        case .orderDue: ("due date", "期限")
        case .orderStatus: ("status", "状态")
        case .orderDocument: ("document order", "文件顺序")
        case .orderTitle: ("title", "标题")
        case .noUnitRows: ("No units named in these measures.", "这些措施未列责任单位。")
        case .assignUnit: ("assign unit", "添加单位")
        case .removeUnit: ("remove unit", "移除单位")
        case .acceptSuggestion: ("accept suggestion", "采纳建议")
        case .noUnits: ("The measure has no units", "该措施暂无责任单位")
        case .alreadyAssigned: ("already assigned", "已是责任单位")
        case .noSuggestions: ("No suggested units", "暂无建议单位")
        case .suggestedUnits: ("Suggested units (y accepts)", "建议责任单位（按 y 采纳）")
        case .relatedMeasures: ("Related measures in other plans (Enter opens)", "其他方案中的相似措施（按 Enter 打开）")
        case .noRelated: ("none found", "未找到")
        case .assignTo: ("Assign a unit to", "添加责任单位：")
        case .removeFrom: ("Remove a unit from", "移除责任单位：")
        case .role: ("Role", "角色")
        case .newUnit: ("new unit", "新建单位")
        case .toggleRole: ("lead/support", "牵头/配合")
        case .similar: ("like", "参照")
        case .more: ("more", "更多")
        case .id: ("ID", "编号")
        case .openWorkload: ("workload", "工作量")
        case .openRelated: ("open related measure", "打开相似措施")
        }
    }

    /// The text as a column header: capitalised in English (`doing` → `Doing`),
    /// so that status words and other headers read alike.
    public func heading(_ language: Language) -> String {
        let word = text(language)
        return language == .en ? word.prefix(1).uppercased() + word.dropFirst() : word
    }

    /// A status's words are PlanModel's (`Status.word(in:)`), which the ledger uses too.
    private static func words(_ status: Status) -> (String, String) { (status.word(in: .en), status.word(in: .zh)) }
    /// A role's words likewise are PlanModel's (`Role.word(in:)`), which the command line uses.
    private static func words(_ role: Role) -> (String, String) { (role.word(in: .en), role.word(in: .zh)) }

    public static func of(_ status: Status) -> Label {
        switch status {
        case .todo: .todo
        case .doing: .doing
        case .done: .done
        case .blocked: .blocked
        }
    }

    public static func of(_ role: Role) -> Label {
        switch role {
        case .lead: .lead
        case .support: .support
        case .responsible: .responsible
        }
    }
}
