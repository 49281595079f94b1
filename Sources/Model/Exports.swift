// The IR carries source ranges, so whoever sees the model sees the diagnostics types too.
@_exported import Diagnostics
