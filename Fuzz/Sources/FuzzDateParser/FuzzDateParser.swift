import PathwayCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let buffer = UnsafeBufferPointer(start: data, count: size)
    if let day = DateParser.parse(buffer) {
        precondition(DateParser.parse(day.description) == day)
    }
    return 0
}
