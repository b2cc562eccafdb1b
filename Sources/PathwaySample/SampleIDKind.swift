/// The id series of the sample: a prefix and a minimum number of digits (C0000001, CH000001, ...).
enum SampleIDKind: Sendable {
    case contact, enquiry, conference, audit, child

    var prefix: [UInt8] {
        switch self {
        case .contact: return Array("C".utf8)
        case .enquiry: return Array("S".utf8)
        case .conference: return Array("CP".utf8)
        case .audit: return Array("A".utf8)
        case .child: return Array("CH".utf8)
        }
    }

    var width: Int {
        switch self {
        case .contact, .enquiry, .audit: return 7
        case .conference, .child: return 6
        }
    }
}
