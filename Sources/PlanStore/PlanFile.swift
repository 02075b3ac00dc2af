import Foundation
import PlanModel

/// A plan file: the plan schema's fields plus `"schema"`, and any top-level
/// fields a newer duban added, which are kept when the plan is re-imported.
struct PlanFile: Versioned {
    var schema: Int?
    var plan: Plan

    enum CodingKeys: String, CodingKey { case schema }

    init(from decoder: any Decoder) throws {
        schema = try decoder.container(keyedBy: CodingKeys.self).decodeIfPresent(Int.self, forKey: .schema)
        plan = try Plan(from: decoder)
    }

    /// The file for `plan`, keeping the unknown top-level fields of `previous` (the old file's bytes).
    static func encode(_ plan: Plan, keepingFieldsOf previous: Data?) throws(StoreError) -> Data {
        do {
            let encoder = StoreCoding.encoder()
            let decoder = StoreCoding.decoder()
            var object = try decoder.decode([String: JSONValue].self, from: encoder.encode(plan))
            if let previous, let old = try? decoder.decode([String: JSONValue].self, from: previous) {
                for (key, value) in old where object[key] == nil { object[key] = value }
            }
            object["schema"] = .integer(Schema.current)
            return try encoder.encode(object)
        } catch {
            throw StoreError.badInput("plan \(plan.id) cannot be encoded: \(error)")
        }
    }
}
