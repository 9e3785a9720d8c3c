//! Calendar dates: the reference (publication) date a document is read against.

use std::fmt;
use std::str::FromStr;

use crate::error::{Error, ErrorKind};

/// A proleptic Gregorian calendar date, validated on construction.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i16,
    month: u8,
    day: u8,
}

impl Date {
    /// Builds a date, or `None` when the day does not exist (e.g. 2025-02-29) or the year is
    /// outside 1..=9999.
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        if !(1..=9999).contains(&year) || !(1..=12).contains(&month) || day == 0 {
            return None;
        }
        (day <= days_in_month(year, month)).then_some(Date {
            year: year as i16,
            month: month as u8,
            day: day as u8,
        })
    }

    /// The year.
    pub fn year(self) -> i32 {
        i32::from(self.year)
    }

    /// The month, 1 to 12.
    pub fn month(self) -> u32 {
        u32::from(self.month)
    }

    /// The day of the month, 1 to 31.
    pub fn day(self) -> u32 {
        u32::from(self.day)
    }

    /// Parses the date at the start of an ISO 8601 / RFC 3339 value: `2025-08-15`, or a
    /// timestamp such as `2025-08-15T10:00:00Z`, whose time part is ignored.
    pub fn parse_prefix(s: &str) -> Result<Date, Error> {
        let s = s.trim();
        let invalid = || Error::new(ErrorKind::InvalidDate(s.to_string()));
        let date = s.get(..10).ok_or_else(invalid)?;
        let rest = &s[10..];
        if !(rest.is_empty() || rest.starts_with(['T', 't', ' '])) {
            return Err(invalid());
        }
        let b = date.as_bytes();
        if b[4] != b'-' || b[7] != b'-' {
            return Err(invalid());
        }
        let num = |r: std::ops::Range<usize>| -> Option<u32> {
            let part = &date[r];
            part.bytes().all(|c| c.is_ascii_digit()).then(|| part.parse().ok())?
        };
        match (num(0..4), num(5..7), num(8..10)) {
            (Some(y), Some(m), Some(d)) => Date::new(y as i32, m, d).ok_or_else(invalid),
            _ => Err(invalid()),
        }
    }
}

impl Date {
    /// Days since 1970-01-01 (negative before).
    pub fn days(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let (y, m, d) = (i64::from(self.year) - i64::from(self.month <= 2), i64::from(self.month), i64::from(self.day));
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let doy = (153 * ((m + 9) % 12) + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` days after 1970-01-01, if it is in 1..=9999.
    pub fn from_days(days: i64) -> Option<Date> {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = doy - (153 * mp + 2) / 5 + 1;
        let m = if mp < 10 { mp + 3 } else { mp - 9 };
        let y = yoe + era * 400 + i64::from(m <= 2);
        Date::new(i32::try_from(y).ok()?, m as u32, d as u32)
    }

    /// The date `n` days later (or earlier, for negative `n`).
    pub fn add_days(self, n: i64) -> Option<Date> {
        Date::from_days(self.days() + n)
    }

    /// Day of the week, Monday = 1 to Sunday = 7 (ISO 8601).
    pub fn weekday(self) -> u32 {
        ((self.days() + 3).rem_euclid(7) + 1) as u32
    }

    /// The ISO 8601 week: (week-numbering year, week 1 to 53).
    pub fn iso_week(self) -> (i32, u32) {
        let thursday = self.add_days(4 - i64::from(self.weekday())).unwrap_or(self);
        let jan1 = Date::new(thursday.year(), 1, 1).expect("January 1st exists");
        (thursday.year(), ((thursday.days() - jan1.days()) / 7 + 1) as u32)
    }
}

pub(crate) fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl FromStr for Date {
    type Err = Error;

    /// Parses exactly `YYYY-MM-DD`.
    fn from_str(s: &str) -> Result<Date, Error> {
        if s.len() != 10 {
            return Err(Error::new(ErrorKind::InvalidDate(s.to_string())));
        }
        Date::parse_prefix(s)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_dates_and_timestamps() {
        assert_eq!("2025-08-15".parse::<Date>().unwrap().to_string(), "2025-08-15");
        assert_eq!(Date::parse_prefix("2025-08-15T10:00:00Z").unwrap(), Date::new(2025, 8, 15).unwrap());
        assert_eq!("2024-02-29".parse::<Date>().unwrap().day(), 29);
    }

    #[test]
    fn arithmetic_weekdays_and_weeks() {
        let d = Date::new(2025, 8, 15).unwrap();
        assert_eq!(d.weekday(), 5); // a Friday
        assert_eq!(Date::from_days(d.days()), Some(d));
        assert_eq!(d.add_days(17).unwrap().to_string(), "2025-09-01");
        assert_eq!(d.add_days(-228).unwrap().to_string(), "2024-12-30");
        assert_eq!(d.iso_week(), (2025, 33));
        assert_eq!(Date::new(2024, 12, 30).unwrap().iso_week(), (2025, 1));
        assert_eq!(Date::new(1970, 1, 1).unwrap().days(), 0);
    }

    #[test]
    fn rejects_impossible_dates() {
        for bad in ["2025-02-29", "2025-13-01", "2025-00-10", "15/08/2025", "2025-8-15", "", "2025-08-15x", "1900-02-29"] {
            assert!(bad.parse::<Date>().is_err(), "{bad} should be rejected");
        }
    }
}
