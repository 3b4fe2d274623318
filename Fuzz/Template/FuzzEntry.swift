// The libFuzzer entry point. It is kept apart from TemplateFuzzing.swift, which the test
// target links as well, because a test bundle must not export a second one.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    fuzzTemplate(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    return 0
}
