/// A responsible unit (责任单位) of one district: every spelling of it in that
/// district's plans is one unit, shown under the name the plans use most.
public struct ResponsibleUnit: Hashable, Codable, Sendable {
    /// The plan's `districtKey`, e.g. `jinshan`.
    public var district: String
    /// The canonical name (`UnitDirectory.canonicalName`).
    public var canonicalName: String
    /// The name the district's plans use (the most frequent spelling).
    public var name: String
    /// Every spelling the plans use, most frequent first.
    public var spellings: [String]

    public init(district: String, canonicalName: String, name: String, spellings: [String]) {
        self.district = district
        self.canonicalName = canonicalName
        self.name = name
        self.spellings = spellings
    }

    /// `district/canonical`, stable across spellings: for drill-down and filters.
    public var id: String { ResponsibleUnit.id(district: district, canonicalName: canonicalName) }

    public static func id(district: String, canonicalName: String) -> String { "\(district)/\(canonicalName)" }
}
