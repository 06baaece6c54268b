// Hand-written companion of the generated Lasku.swift (same module).
//
// - The conversions uniffi.toml names for the custom types: decimals cross the FFI as plain
//   text ("124.00"), calendar dates as "YYYY-MM-DD". The text always comes from lasku, so it
//   always parses; the fallbacks only keep these functions total.
// - `ClientOptions.forSwift()`: names Swift and the platform in the user agent.

import Foundation

/// A decimal from lasku's text form (`"124.00"`), read the same way in every locale.
public func laskuDecimal(fromWire text: String) -> Decimal {
    return Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) ?? Decimal.nan
}

/// A decimal in lasku's text form: plain digits, `.` as the separator.
public func laskuWire(decimal value: Decimal) -> String {
    var value = value
    return NSDecimalString(&value, Locale(identifier: "en_US_POSIX"))
}

/// A calendar date (year, month, day) from `YYYY-MM-DD`.
public func laskuDate(fromWire text: String) -> DateComponents {
    let parts = text.split(separator: "-").map { Int($0) ?? 0 }
    var date = DateComponents()
    if parts.count == 3 {
        date.year = parts[0]
        date.month = parts[1]
        date.day = parts[2]
    }
    return date
}

/// A calendar date as `YYYY-MM-DD` (its year, month and day; other components are ignored).
public func laskuWire(date: DateComponents) -> String {
    return String(format: "%04d-%02d-%02d", date.year ?? 0, date.month ?? 0, date.day ?? 0)
}

/// The platform this code runs on, for the user agent: `ios 17.4`, `macos 14.3`, ...
public func swiftRuntime() -> String {
    let v = ProcessInfo.processInfo.operatingSystemVersion
    #if os(iOS)
    let os = "ios"
    #elseif os(macOS)
    let os = "macos"
    #elseif os(tvOS)
    let os = "tvos"
    #elseif os(watchOS)
    let os = "watchos"
    #elseif os(Linux)
    let os = "linux"
    #else
    let os = "unknown"
    #endif
    return "\(os) \(v.majorVersion).\(v.minorVersion)"
}

extension ClientOptions {
    /// These options with the user agent naming Swift and this platform, unless already set:
    /// `try Client(apiKey: key, options: ClientOptions(baseUrl: url).forSwift())`.
    public func forSwift() -> ClientOptions {
        var options = self
        if options.language == nil { options.language = "swift" }
        if options.runtime == nil { options.runtime = swiftRuntime() }
        return options
    }
}
