//! Calendar arithmetic the editor answers need: julian days, adding years, the current UTC time
//! and the date-time group form `DDHHMMZ MON YY`. No time-zone database: everything is UTC.

use std::time::{SystemTime, UNIX_EPOCH};

use crate::syntax::{days_in_month, Date};

/// Month abbreviations as date-time groups write them.
pub const MONTHS: [&str; 12] = [
    "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC",
];

/// Full month names for hover text.
pub const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

const WEEKDAYS: [&str; 7] = [
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
];

/// A UTC date with a time of day to the minute.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateTime {
    pub date: Date,
    pub hour: u32,
    pub minute: u32,
}

impl DateTime {
    /// The current UTC time from the system clock.
    pub fn now_utc() -> DateTime {
        let secs = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_secs() as i64)
            .unwrap_or(0);
        let days = secs.div_euclid(86_400);
        let rem = secs.rem_euclid(86_400);
        DateTime {
            date: date_from_days(days),
            hour: (rem / 3600) as u32,
            minute: ((rem % 3600) / 60) as u32,
        }
    }

    /// The date-time group `DDHHMMZ MON YY`.
    pub fn dtg(self) -> String {
        format!(
            "{:02}{:02}{:02}Z {} {:02}",
            self.date.day,
            self.hour,
            self.minute,
            MONTHS[(self.date.month - 1) as usize],
            self.date.year.rem_euclid(100)
        )
    }
}

/// Days since 1970-01-01 for a date (proleptic Gregorian calendar).
pub fn days_from_date(date: Date) -> i64 {
    let y = i64::from(date.year) - i64::from(date.month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(date.month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(date.day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date a number of days after 1970-01-01.
pub fn date_from_days(days: i64) -> Date {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
    Date { year, month, day }
}

/// The weekday name of a date.
pub fn weekday(date: Date) -> &'static str {
    WEEKDAYS[days_from_date(date).rem_euclid(7) as usize]
}

/// The date of a day of the year (1-based), or `None` when the year has no such day.
pub fn date_from_ordinal(year: i32, ordinal: u32) -> Option<Date> {
    if ordinal == 0 {
        return None;
    }
    let mut left = ordinal;
    for month in 1..=12 {
        let len = days_in_month(year, month);
        if left <= len {
            return Some(Date {
                year,
                month,
                day: left,
            });
        }
        left -= len;
    }
    None
}

/// The same calendar day some years later (29 February becomes 28 February in a common year).
pub fn add_years(date: Date, years: i32) -> Date {
    let year = date.year + years;
    let day = date.day.min(days_in_month(year, date.month));
    Date {
        year,
        month: date.month,
        day,
    }
}

/// `17 May 2007`.
pub fn long_date(date: Date) -> String {
    format!(
        "{} {} {}",
        date.day,
        MONTH_NAMES[(date.month.clamp(1, 12) - 1) as usize],
        date.year
    )
}

/// `05/17/2017`, the form `DECL:` uses.
pub fn decl_date(date: Date) -> String {
    format!("{:02}/{:02}/{:04}", date.month, date.day, date.year)
}

/// Whole years from one date to a later one (negative when `to` is earlier).
pub fn years_between(from: Date, to: Date) -> i32 {
    let mut years = to.year - from.year;
    if (to.month, to.day) < (from.month, from.day) {
        years -= 1;
    }
    years
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_round_trip() {
        for days in [-800_000i64, -1, 0, 1, 11_000, 13_650, 20_000, 60_000] {
            assert_eq!(days_from_date(date_from_days(days)), days);
        }
        assert_eq!(date_from_days(0), Date::new(1970, 1, 1).unwrap());
        assert_eq!(weekday(Date::new(2007, 5, 17).unwrap()), "Thursday");
    }

    #[test]
    fn ordinals_and_years() {
        assert_eq!(date_from_ordinal(2007, 137), Date::new(2007, 5, 17));
        assert_eq!(date_from_ordinal(2008, 60), Date::new(2008, 2, 29));
        assert_eq!(date_from_ordinal(2007, 366), None);
        let leap = Date::new(2008, 2, 29).unwrap();
        assert_eq!(add_years(leap, 10), Date::new(2018, 2, 28).unwrap());
        let d = Date::new(2007, 5, 17).unwrap();
        assert_eq!(years_between(d, Date::new(2017, 5, 17).unwrap()), 10);
        assert_eq!(years_between(d, Date::new(2017, 5, 16).unwrap()), 9);
    }

    #[test]
    fn dtg_form() {
        let t = DateTime {
            date: Date::new(2007, 5, 7).unwrap(),
            hour: 8,
            minute: 4,
        };
        assert_eq!(t.dtg(), "070804Z MAY 07");
    }
}
