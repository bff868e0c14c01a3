//! Dates as the editor answers write them (`17 May 2007`, `05/17/2017`, a date-time group for
//! now). The calendar arithmetic is [`crate::vocab::Date`]'s.

use crate::vocab::Date;
use crate::vocab::MONTHS;

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
        let (date, hour, minute) = Date::now_utc();
        DateTime { date, hour, minute }
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

#[cfg(test)]
mod tests {
    use super::*;

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
