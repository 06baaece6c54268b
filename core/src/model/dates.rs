//! Dates and timestamps read from text by hand: `YYYY-MM-DD`, RFC 3339 timestamps and the HTTP
//! date of `Retry-After`. chrono holds the values and does the calendar; its general parser
//! (a format-string interpreter) is not used: it was about 17 KB of the WebAssembly module, and
//! these three forms are all the API and HTTP use.

use std::fmt;

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveTime, Timelike, Utc};

/// A date as the API writes it, `YYYY-MM-DD` (four-digit year, two-digit month and day).
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let b = text.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    NaiveDate::from_ymd_opt(i32::try_from(digits(b, 0, 4)?).ok()?, digits(b, 5, 2)?, digits(b, 8, 2)?)
}

/// An RFC 3339 timestamp, in UTC: `YYYY-MM-DDThh:mm:ss`, optional fraction of a second (up to
/// nanoseconds; more digits are cut), then `Z` or an offset `±hh:mm`. As RFC 3339 allows, `t`,
/// `z` and a space may stand for `T` and `Z`; as ISO 8601 allows, the offset may be written
/// without its colon (`+0200`), as chrono took it. A leap second (`:60`) is kept as chrono keeps
/// one; a moment that falls outside the years 0000-9999 in UTC is refused.
pub fn parse_timestamp(text: &str) -> Option<DateTime<Utc>> {
    let b = text.as_bytes();
    let date = parse_date(text.get(..10)?)?;
    if !matches!(b.get(10), Some(b'T' | b't' | b' ')) || b.get(13) != Some(&b':') || b.get(16) != Some(&b':') {
        return None;
    }
    let (hour, minute, second) = (digits(b, 11, 2)?, digits(b, 14, 2)?, digits(b, 17, 2)?);
    let mut at = 19;
    let mut nanos = 0;
    if b.get(at) == Some(&b'.') {
        let start = at + 1;
        at = start;
        while b.get(at).is_some_and(u8::is_ascii_digit) {
            if at - start < 9 {
                nanos = nanos * 10 + u32::from(b[at] - b'0');
            }
            at += 1;
        }
        if at == start {
            return None;
        }
        nanos *= 10u32.pow(9u32.saturating_sub((at - start) as u32));
    }
    in_utc(date, time_of_day(hour, minute, second, nanos)?, offset(b.get(at..)?)?)
}

/// An HTTP date as `Retry-After` carries it, in any of RFC 9110's three forms: IMF-fixdate
/// (`Sun, 06 Nov 1994 08:49:37 GMT`), rfc850 (`Sunday, 06-Nov-94 08:49:37 GMT`) and asctime
/// (`Sun Nov  6 08:49:37 1994`). As RFC 5322 allows, the weekday may be left out (when given,
/// it must be the date's), seconds too, the zone may be `GMT`, `UT`, `UTC`, `Z`, a US zone
/// (`EST`…`PDT`) or `±hhmm`, and a two-digit year is 2000-2049 or 1950-1999.
pub fn parse_http_date(text: &str) -> Option<DateTime<Utc>> {
    let (mut weekday, rest) = match text.split_once(',') {
        Some((weekday, rest)) => (Some(weekday.trim()), rest),
        None => (None, text),
    };
    let parts: Vec<&str> = rest.split_ascii_whitespace().collect();
    let (day, month, year, time, zone) = match parts.as_slice() {
        [first, month, day, time, year] if weekday.is_none() && first.bytes().all(|c| c.is_ascii_alphabetic()) => {
            weekday = Some(first);
            (*day, *month, *year, *time, "GMT")
        }
        [day, month, year, time, zone] => (*day, *month, *year, *time, *zone),
        [day_month_year, time, zone] => {
            let mut dmy = day_month_year.split('-');
            let (day, month, year) = (dmy.next()?, dmy.next()?, dmy.next()?);
            if dmy.next().is_some() {
                return None;
            }
            (day, month, year, *time, *zone)
        }
        _ => return None,
    };
    const MONTHS: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    let month = MONTHS.iter().position(|m| m.eq_ignore_ascii_case(month))? as u32 + 1;
    let year = match year.len() {
        4 => digits(year.as_bytes(), 0, 4)?,
        2 => match digits(year.as_bytes(), 0, 2)? {
            y @ 0..=49 => 2000 + y,
            y => 1900 + y,
        },
        _ => return None,
    };
    if day.len() > 2 {
        return None;
    }
    let date = NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, digits(day.as_bytes(), 0, day.len())?)?;
    if let Some(weekday) = weekday {
        const DAYS: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
        let name = DAYS.get(date.weekday().num_days_from_monday() as usize)?;
        let short = name.get(..3)?;
        if !(weekday.eq_ignore_ascii_case(name) || weekday.eq_ignore_ascii_case(short)) {
            return None;
        }
    }
    let t = time.as_bytes();
    let second = match t.len() {
        8 if t[5] == b':' => digits(t, 6, 2)?,
        5 => 0,
        _ => return None,
    };
    if t[2] != b':' {
        return None;
    }
    let time = time_of_day(digits(t, 0, 2)?, digits(t, 3, 2)?, second, 0)?;
    const ZONES: [(&str, i64); 12] = [
        ("GMT", 0),
        ("UT", 0),
        ("UTC", 0),
        ("Z", 0),
        ("EST", -300),
        ("EDT", -240),
        ("CST", -360),
        ("CDT", -300),
        ("MST", -420),
        ("MDT", -360),
        ("PST", -480),
        ("PDT", -420),
    ];
    let offset_minutes = match ZONES.iter().find(|(name, _)| name.eq_ignore_ascii_case(zone)) {
        Some((_, minutes)) => *minutes,
        None if zone.len() == 5 => offset(zone.as_bytes())?,
        None => return None,
    };
    in_utc(date, time, offset_minutes)
}

/// A time of day; a leap second (`60`) is kept as chrono keeps one (second 59, and a fraction
/// of one second or more).
fn time_of_day(hour: u32, minute: u32, second: u32, nanos: u32) -> Option<NaiveTime> {
    match second {
        60 => NaiveTime::from_hms_nano_opt(hour, minute, 59, 1_000_000_000 + nanos),
        _ => NaiveTime::from_hms_nano_opt(hour, minute, second, nanos),
    }
}

/// A local date and time at a UTC offset (in minutes), in UTC, if that falls within the years
/// 0000-9999 (what `YYYY` can write, so what lasku writes it can read again).
fn in_utc(date: NaiveDate, time: NaiveTime, offset_minutes: i64) -> Option<DateTime<Utc>> {
    let offset = FixedOffset::east_opt(i32::try_from(offset_minutes * 60).ok()?)?;
    let utc = date.and_time(time).checked_sub_offset(offset)?;
    (0..=9999).contains(&utc.year()).then(|| utc.and_utc())
}

/// A UTC timestamp written as chrono's `Serialize` writes one, RFC 3339 ending in `Z`
/// (`2026-03-01T08:00:00Z`): a fraction of a second only when there is one, in milli-, micro-
/// or nanoseconds, whichever is exact; a leap second as second 60. Written here because chrono's
/// writer goes through its general offset formatter, which would otherwise be the only reason
/// for that code in the WebAssembly module.
pub(crate) struct UtcTimestamp<'a>(pub(crate) &'a DateTime<Utc>);

impl fmt::Display for UtcTimestamp<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let moment = self.0.naive_utc();
        let time = moment.time();
        let (mut second, mut nano) = (time.second(), time.nanosecond());
        if nano >= 1_000_000_000 {
            second += 1;
            nano -= 1_000_000_000;
        }
        // NaiveDate's Display is the date part chrono writes (with a sign beyond 0000-9999).
        write!(f, "{}T{:02}:{:02}:{second:02}", moment.date(), time.hour(), time.minute())?;
        match nano {
            0 => {}
            _ if nano % 1_000_000 == 0 => write!(f, ".{:03}", nano / 1_000_000)?,
            _ if nano % 1_000 == 0 => write!(f, ".{:06}", nano / 1_000)?,
            _ => write!(f, ".{nano:09}")?,
        }
        f.write_str("Z")
    }
}

impl serde::Serialize for UtcTimestamp<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// The message for text that is not a [`parse_date`] date.
pub fn not_a_date(text: &str) -> String {
    format!("{text:?} is not a date (YYYY-MM-DD)")
}

/// The message for text that is not a [`parse_timestamp`] timestamp.
pub fn not_a_timestamp(text: &str) -> String {
    format!("{text:?} is not a timestamp (RFC 3339, such as 2026-03-01T10:00:00Z)")
}

/// The number written by `len` ASCII digits from `at` (at least one).
fn digits(b: &[u8], at: usize, len: usize) -> Option<u32> {
    let part = b.get(at..at + len)?;
    if part.is_empty() {
        return None;
    }
    part.iter().try_fold(0u32, |n, d| d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0')))
}

/// A UTC offset in minutes from `Z`, `±hh:mm` or `±hhmm`, which must be all of `b`.
fn offset(b: &[u8]) -> Option<i64> {
    let (sign, rest) = match b.split_first()? {
        (b'Z' | b'z', []) => return Some(0),
        (b'+', rest) => (1, rest),
        (b'-', rest) => (-1, rest),
        _ => return None,
    };
    let (hours, minutes) = match rest {
        [_, _, b':', _, _] => (digits(rest, 0, 2)?, digits(rest, 3, 2)?),
        [_, _, _, _] => (digits(rest, 0, 2)?, digits(rest, 2, 2)?),
        _ => return None,
    };
    (hours < 24 && minutes < 60).then(|| sign * i64::from(hours * 60 + minutes))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn timestamps_are_written_as_chrono_writes_them() {
        let mut times = Vec::new();
        for (year, month, day) in [(2026, 3, 1), (0, 1, 1), (9999, 12, 31), (-1, 6, 15), (10_000, 1, 1), (1970, 1, 1)] {
            let Some(date) = NaiveDate::from_ymd_opt(year, month, day) else { continue };
            for (h, m, s) in [(0, 0, 0), (8, 5, 9), (23, 59, 59)] {
                for nano in
                    [0, 1, 10, 999, 1_000, 120_000, 1_000_000, 123_000_000, 999_999_999, 1_000_000_000, 1_500_000_000]
                {
                    if let Some(time) = NaiveTime::from_hms_nano_opt(h, m, s, nano) {
                        times.push(date.and_time(time).and_utc());
                    }
                }
            }
        }
        assert!(times.len() > 150);
        for time in times {
            let ours = serde_json::to_string(&UtcTimestamp(&time)).unwrap();
            assert_eq!(ours, serde_json::to_string(&time).unwrap());
            assert_eq!(format!("\"{}\"", UtcTimestamp(&time)), ours);
        }
    }

    #[test]
    fn dates_are_exactly_year_month_day() {
        assert_eq!(parse_date("2024-02-29"), NaiveDate::from_ymd_opt(2024, 2, 29));
        assert_eq!(parse_date("0001-01-01"), NaiveDate::from_ymd_opt(1, 1, 1));
        for bad in [
            "2023-02-29",
            "2024-13-01",
            "2024-00-10",
            "2024-01-32",
            "2024-1-05",
            " 2024-01-05",
            "2024-01-05 ",
            "+2024-01-05",
            "2024/01/05",
            "",
            "2024-01-0x",
            "２０２４-01-05",
        ] {
            assert_eq!(parse_date(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn dates_agree_with_chrono_on_every_day_of_many_years() {
        for year in (0..10000).filter(|y| y % 97 == 0 || y % 100 == 0 || (1999..2031).contains(y)) {
            for month in 0..=13 {
                for day in 0..=32 {
                    let text = format!("{year:04}-{month:02}-{day:02}");
                    assert_eq!(parse_date(&text), NaiveDate::from_ymd_opt(year, month, day), "{text}");
                    assert_eq!(parse_date(&text), text.parse::<NaiveDate>().ok(), "{text}");
                }
            }
        }
    }

    #[test]
    fn timestamps_are_rfc_3339_in_utc() {
        let utc = |s: &str| DateTime::parse_from_rfc3339(s).ok().map(|t| t.with_timezone(&Utc));
        for text in [
            "2026-03-01T10:00:00Z",
            "2026-03-01T10:00:00.5Z",
            "2026-03-01T10:00:00.123456789+02:00",
            "2026-03-01t23:59:59z",
            "2026-03-01T00:30:00-05:30",
            "2026-12-31T23:00:00-02:00",
            "2024-02-29T12:00:00+14:00",
        ] {
            assert_eq!(parse_timestamp(text), utc(text), "{text}");
            assert!(parse_timestamp(text).is_some(), "{text}");
        }
        assert_eq!(parse_timestamp("2026-03-01 10:00:00+0200"), utc("2026-03-01T10:00:00+02:00"));
        let long = parse_timestamp("2026-03-01T10:00:00.1234567891234Z").map(|t| t.timestamp_subsec_nanos());
        assert_eq!(long, Some(123_456_789));
        for bad in [
            "2026-03-01",
            "2026-03-01T10:00:00",
            "2026-03-01T10:00Z",
            "2026-03-01T24:00:00Z",
            "2026-03-01T10:60:00Z",
            "2026-03-01T10:00:00.Z",
            "2026-03-01T10:00:00+2:00",
            "2026-03-01T10:00:00+24:00",
            "2026-03-01T10:00:00Z ",
            "2026-03-01X10:00:00Z",
            "2026-02-30T10:00:00Z",
        ] {
            assert_eq!(parse_timestamp(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn leap_seconds_are_kept_and_moments_stay_within_four_digit_years() {
        let leap = parse_timestamp("2016-12-31T23:59:60Z");
        assert_eq!(leap, DateTime::parse_from_rfc3339("2016-12-31T23:59:60Z").ok().map(|t| t.with_timezone(&Utc)));
        assert!(leap.is_some());
        // At an offset too, the leap second stays one, as chrono's own reader keeps it.
        for text in ["2017-01-01T01:59:60+02:00", "2016-12-31T18:29:60.25-05:30"] {
            let theirs = DateTime::parse_from_rfc3339(text).ok().map(|t| t.with_timezone(&Utc));
            assert_eq!(parse_timestamp(text), theirs, "{text}");
            assert!(theirs.is_some_and(|t| t.timestamp_subsec_nanos() >= 1_000_000_000), "{text}");
        }
        assert!(parse_timestamp("2016-12-31T23:59:61Z").is_none());
        assert!(parse_timestamp("9999-12-31T23:30:00-01:00").is_none());
        assert!(parse_timestamp("0000-01-01T00:30:00+01:00").is_none());
        assert!(parse_timestamp("9999-12-31T23:30:00+01:00").is_some());
    }

    #[test]
    fn http_dates_come_in_rfc_9110s_three_forms() {
        let at = |h: u32, m: u32, s: u32| Utc.with_ymd_and_hms(1994, 11, 6, h, m, s).single();
        for text in [
            "Sun, 06 Nov 1994 08:49:37 GMT",
            "06 Nov 1994 08:49:37 GMT",
            "sun, 6 nov 1994 08:49:37 gmt",
            "Sun, 06 Nov 1994 08:49:37 UTC",
            "Sunday, 06-Nov-94 08:49:37 GMT",
            "Sun Nov  6 08:49:37 1994",
            "Sun, 06 Nov 1994 10:49:37 +0200",
            "Sun, 06 Nov 1994 03:49:37 EST",
        ] {
            assert_eq!(parse_http_date(text), at(8, 49, 37), "{text:?}");
        }
        assert_eq!(parse_http_date("Sun, 06 Nov 1994 08:49 GMT"), at(8, 49, 0));
        assert_eq!(
            parse_http_date("Fri, 06 Nov 26 08:49:37 GMT"),
            Utc.with_ymd_and_hms(2026, 11, 6, 8, 49, 37).single()
        );
        for bad in [
            "Mon, 06 Nov 1994 08:49:37 GMT",
            "Xyz, 06 Nov 1994 08:49:37 GMT",
            "06 Nox 1994 08:49:37 GMT",
            "31 Nov 1994 08:49:37 GMT",
            "06 Nov 1994 8:49:37 GMT",
            "06 Nov 1994 08:49:37",
            "06 Nov 1994 08:49:37 +01:00",
            "06 Nov 1994 08:49:37 XYZ",
            "06 Nov 1994 08:49:37 GMT x",
            "06 Nov 994 08:49:37 GMT",
            "Sunday, 06-Nov-94-1 08:49:37 GMT",
            "soon",
            "",
        ] {
            assert_eq!(parse_http_date(bad), None, "{bad:?}");
        }
    }
}
