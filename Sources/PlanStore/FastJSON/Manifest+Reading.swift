import FoundationEssentials

extension Manifest {
    /// `store.json` read by hand, in the form the store writes it; nil where the reader declines.
    static func read(_ data: Data) -> Manifest? {
        JSONReader.read(data) { reader throws(JSONReader.Unexpected) in
            var schema: Int?, format: String?, created: Date?
            try reader.object { reader, key throws(JSONReader.Unexpected) in
                switch key {
                case "schema": schema = reader.null() ? nil : try reader.int()
                case "format": format = try reader.string()
                case "created": created = try required(StoreTime.parse(try reader.string()))
                default: try reader.skipValue()
                }
            }
            try reader.end()
            return Manifest(schema: schema, format: try required(format), created: try required(created))
        }
    }
}
