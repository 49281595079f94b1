import Diagnostics

/// The Vietnamese lint, for tests (the loader runs it on every file it reads).
public enum VietnameseLintProbe {
    public static func check(_ file: SourceFile) -> [Diagnostic] { VietnameseLint.check(file) }
}
