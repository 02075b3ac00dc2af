import FoundationEssentials
import JSONTree
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
            let extra = try previous.map { try StoreCoding.decoder().decode(Extra.self, from: $0).fields } ?? [:]
            return try StoreCoding.encode(Output(plan: plan, extra: extra))
        } catch {
            throw StoreError.badInput("plan \(plan.id) cannot be encoded: \(error)")
        }
    }

    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// The top-level keys a plan file has that this build's `Plan` does not write.
    private struct Extra: Decodable {
        var fields: [String: JSONValue] = [:]

        /// What `Plan` writes (it writes every key, null or not), found by encoding an empty one.
        static let known: Set<String> = {
            let empty = Plan(id: "", title: "", pillars: [])
            let keys = (try? JSONDecoder().decode([String: JSONValue].self, from: StoreCoding.encode(empty)))?.keys
            return Set(keys ?? [:].keys).union(["schema"])
        }()

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: AnyKey.self)
            for key in c.allKeys where !Self.known.contains(key.stringValue) {
                fields[key.stringValue] = try c.decode(JSONValue.self, forKey: key)
            }
        }
    }

    private struct Output: Encodable {
        var plan: Plan
        var extra: [String: JSONValue]

        func encode(to encoder: any Encoder) throws {
            try plan.encode(to: encoder)
            var c = encoder.container(keyedBy: AnyKey.self)
            try c.encode(Schema.current, forKey: AnyKey(stringValue: "schema"))
            for (key, value) in extra { try c.encode(value, forKey: AnyKey(stringValue: key)) }
        }
    }
}
