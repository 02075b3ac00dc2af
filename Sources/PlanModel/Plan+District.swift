extension Plan {
    /// The district a plan belongs to, as a key: the id without its year
    /// (`jiading-2024` and `jiading-2026` share `jiading`). Units are per district.
    public var districtKey: String {
        guard let dash = id.lastIndex(of: "-"), id[id.index(after: dash)...].allSatisfy(\.isNumber),
              dash != id.startIndex, id.index(after: dash) != id.endIndex else { return id }
        return String(id[..<dash])
    }
}
