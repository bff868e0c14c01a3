//! Dates as the editor answers write them (`17 May 2007`, `05/17/2017`, `Thu 17 May 2007 08:14
//! UTC`, a date-time group for now), and the two header dates decoded once for hover and inlay
//! hints: the date-time group's ([`dtg_time`]) and the DE line's julian day and filing time
//! ([`filing_time`]). The calendar arithmetic is [`crate::vocab::Date`]'s.

use crate::syntax::{Cable, DeLine, Dtg};
use crate::vocab::Date;
use crate::vocab::{MONTHS, MONTH_NAMES};

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

    /// `Thu 17 May 2007 08:14 UTC`: the weekday and month abbreviated, the time in UTC.
    pub fn short_text(self) -> String {
        format!(
            "{} {:02}:{:02} UTC",
            short_date(self.date),
            self.hour,
            self.minute
        )
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

/// `Thu 17 May 2007`: the weekday's and the month's first three letters.
pub fn short_date(date: Date) -> String {
    let month = MONTH_NAMES[(date.month.clamp(1, 12) - 1) as usize];
    format!(
        "{} {} {} {}",
        &date.weekday()[..3],
        date.day,
        &month[..3],
        date.year
    )
}

/// The date and time a date-time group stands for; `None` when it is no real date and time
/// ([`Dtg::valid`]: `321814Z MAY 07`, `172514Z MAY 07`, an unknown month).
pub fn dtg_time(dtg: &Dtg) -> Option<DateTime> {
    Some(DateTime {
        date: dtg.date()?,
        hour: dtg.hour,
        minute: dtg.minute,
    })
}

/// When the DE line says the cable was filed: the date of its julian day and, when the line
/// writes a real time (`0000`–`2359`), the hour and minute. The julian day carries no year; it
/// takes the date-time group's: the day nearest the group's date (across a year end too, as a
/// cable filed on 31 December under a group of 1 January is), or, when the group is no real date
/// but writes a year, that year's day. `None` without a DE julian day, without a year to read it
/// in, or for a day the year does not have (`000`, `366` in a common year).
pub fn filing_time(cable: &Cable<'_>, de: &DeLine) -> Option<(Date, Option<(u32, u32)>)> {
    let julian = de.julian_day?.value;
    let dtg = cable.header.dtg.as_ref().and_then(|l| l.dtg)?;
    let date = match dtg.date() {
        Some(d) => d.nearest_with_ordinal(julian)?,
        // A date-time group whose year cannot be read has year 0.
        None if dtg.year != 0 => Date::from_ordinal(dtg.year, julian)?,
        None => return None,
    };
    let time = de
        .time
        .map(|t| (t.value / 100, t.value % 100))
        .filter(|&(h, m)| h < 24 && m < 60);
    Some((date, time))
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
        assert_eq!(t.short_text(), "Mon 7 May 2007 08:04 UTC");
    }

    #[test]
    fn header_dates_decode_or_give_nothing() {
        let cable = crate::syntax::parse(
            "VZCZCXRO0001\nOO RUEHFK\nDE RUEHKO #2232/01 3650814\nZNY CCCCC ZZH\nO 010014Z JAN 08\n",
        );
        let dtg = cable.header.dtg.as_ref().and_then(|l| l.dtg).unwrap();
        assert_eq!(
            dtg_time(&dtg).map(DateTime::short_text).as_deref(),
            Some("Tue 1 Jan 2008 00:14 UTC")
        );
        // Filed on the last day of 2007 under a date-time group of 1 January 2008.
        let de = cable.header.de.as_ref().unwrap();
        assert_eq!(
            filing_time(&cable, de),
            Some((Date::new(2007, 12, 31).unwrap(), Some((8, 14))))
        );
        // A date-time group that is no date: no time, and the julian day read in its year.
        let cable = crate::syntax::parse(
            "VZCZCXRO0001\nOO RUEHFK\nDE RUEHKO #2232/01 1372514\nZNY CCCCC ZZH\nO 322514Z MAY 07\n",
        );
        let dtg = cable.header.dtg.as_ref().and_then(|l| l.dtg).unwrap();
        assert_eq!(dtg_time(&dtg), None);
        let de = cable.header.de.as_ref().unwrap();
        assert_eq!(
            filing_time(&cable, de),
            Some((Date::new(2007, 5, 17).unwrap(), None))
        );
    }
}
