import ArgumentParser

/// The values of an option that is an enum of strings (status, light, order, format…), as swift-argument-parser
/// lists them by default but without its key path (`\.rawValue.defaultValueDescription`) and `reduce(into:)`,
/// whose first use cost every start of a command with such an option three scans of the binary's protocol
/// conformances (~0.75 M instructions). Their raw values are their descriptions, so there are none to add.
extension ExpressibleByArgument where Self: CaseIterable & RawRepresentable, RawValue == String {
    public static var allValueStrings: [String] { allCases.map { $0.rawValue } }
    public static var allValueDescriptions: [String: String] { [:] }
}
