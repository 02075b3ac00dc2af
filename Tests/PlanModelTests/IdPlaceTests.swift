import Testing
@testable import PlanModel

/// Reading the place an id names (`PLAN:pillar.measure[.task]`) from its bytes.
@Suite("Id place")
struct IdPlaceTests {
    @Test("an id of the form gives its plan and place", arguments: [
        ("jiading-2026:1.2", "jiading-2026", IdPlace(pillar: 1, measure: 2)),
        ("jiading-2026:3.12.4", "jiading-2026", IdPlace(pillar: 3, measure: 12, task: 4)),
        ("x:10.200.3000", "x", IdPlace(pillar: 10, measure: 200, task: 3000)),
        ("syn100-2026:999999999.1", "syn100-2026", IdPlace(pillar: 999_999_999, measure: 1)),
        (":1.1", "", IdPlace(pillar: 1, measure: 1)),
    ])
    func parses(id: String, plan: String, place: IdPlace) {
        #expect(IdPlace.parse(id)?.plan == plan)
        #expect(IdPlace.parse(id)?.place == place)
        #expect(IdPlace.names(id, plan: plan, place: place))
        #expect(place.id(inPlan: plan) == id)
    }

    @Test("anything else names no place", arguments: [
        "jiading-2026", "jiading-2026:", "jiading-2026:1", "jiading-2026:1.", "jiading-2026:1.2.", "jiading-2026:.1.2",
        "jiading-2026:01.2", "jiading-2026:1.02", "jiading-2026:1.2.0", "jiading-2026:0.1", "jiading-2026:1.2.3.4",
        "jiading-2026:1..2", "jiading-2026:1.2a", "jiading-2026:+1.2", "jiading-2026:1.2 ", "jiading-2026:１.２",
        "jiading-2026:1234567890.1", "jiading-2026:18446744073709551617.1", "措施", "",
    ])
    func refuses(id: String) {
        #expect(IdPlace.parse(id) == nil)
    }

    @Test("an id names a place only in its own plan, and only that place")
    func namesOnlyItsPlace() {
        let place = IdPlace(pillar: 2, measure: 3, task: 1)
        #expect(IdPlace.names("minhang-2026:2.3.1", plan: "minhang-2026", place: place))
        #expect(!IdPlace.names("minhang-2026:2.3.1", plan: "minhang-202", place: place))
        #expect(!IdPlace.names("minhang-2026:2.3.1", plan: "minhang-2026x", place: place))
        #expect(!IdPlace.names("minhang-2026:2.3.1", plan: "jinshan-2026", place: place))
        #expect(!IdPlace.names("minhang-2026:2.3", plan: "minhang-2026", place: place))
        #expect(!IdPlace.names("minhang-2026:2.3.2", plan: "minhang-2026", place: place))
        #expect(!IdPlace.names("minhang-2026:2.3.1", plan: "minhang-2026", place: IdPlace(pillar: 2, measure: 3)))
    }
}
