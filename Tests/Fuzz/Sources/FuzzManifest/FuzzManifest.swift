import Foundation
import FuzzSupport

/// libFuzzer's callback: the input is the issue file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    Scratch.load(issue: Data(bytes: data, count: size))
    return 0
}

@_cdecl("FuzzManifest_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    fuzzerMain(argc, argv, fuzz)
}
