/// Anything that draws: one signature for every widget and screen.
public protocol Widget {
    func render(in rect: Rect, on canvas: inout Canvas)
}
