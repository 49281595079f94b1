internal import CCairo

public enum PDFError: Error, CustomStringConvertible {
    case cairo(String, String)
    case image(String, String)
    case finishing(String)
    case writing(String)

    public var description: String {
        switch self {
        case .cairo(let what, let status): "cairo could not \(what): \(status)"
        case .image(let file, let status): "cannot draw the image '\(file)': \(status)"
        case .finishing(let what): "the PDF finishing step (qpdf) failed: \(what)"
        case .writing(let what): "cannot write the PDF: \(what)"
        }
    }
}

/// Throws when cairo reports an error for `what`.
func check(_ status: cairo_status_t, _ what: String) throws {
    guard status == CAIRO_STATUS_SUCCESS else {
        throw PDFError.cairo(what, String(cString: cairo_status_to_string(status)))
    }
}
