/// Unicode code-point ordering for everything written out (team names, files, ids):
/// independent of locale and of Swift's String comparison rules.
public enum CodePoint {
    public static func less(_ a: String, _ b: String) -> Bool {
        var ia = a.unicodeScalars.makeIterator()
        var ib = b.unicodeScalars.makeIterator()
        while true {
            switch (ia.next(), ib.next()) {
            case (nil, nil): return false
            case (nil, _): return true
            case (_, nil): return false
            case let (x?, y?):
                if x != y { return x.value < y.value }
            }
        }
    }
}
