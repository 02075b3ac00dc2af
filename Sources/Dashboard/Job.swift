/// Slow work the executable does in the background while keys go on being handled.
/// The title bar names each one while it runs; its result input ends it.
public enum Job: CaseIterable, Equatable, Hashable, Sendable {
    /// Building the similarity index for related measures and unit suggestions (seconds at
    /// 100,000 measures), started by the first measure opened; ended by `.suggestions`.
    case index
    /// Building the search index (a second at 100,000 measures), started by a search when
    /// there is none; ended by `.searchIndexed`.
    case searchIndex
    /// Reading the whole store after a first frame made from the indexes (`Workspace.isSlice`);
    /// ended by `.loaded` or `.notice(.reloadFailed)`.
    case load
    /// Reading the store again (`r`); ended by `.loaded` or `.notice(.reloadFailed)`.
    case reload
    /// Syncing with the other officers (`S`); ended by `.synced` or `.notice(.syncFailed)`.
    case sync

    var label: Label {
        switch self {
        case .index: .indexing
        case .searchIndex: .indexingSearch
        case .load: .reading
        case .reload: .reloading
        case .sync: .syncing
        }
    }

    /// Reads or rewrites the whole store: changes wait until it ends, as does a second one.
    var holdsStore: Bool { self == .load || self == .reload || self == .sync }
}
