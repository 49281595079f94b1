import Foundation
import FuzzSupport

/// libFuzzer's callback: the input is the article file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    Scratch.load(article: Data(bytes: data, count: size))
    return 0
}

@_cdecl("FuzzArticle_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    fuzzerMain(argc, argv, fuzz)
}
