//! Calendar dates as cables write them: date-time groups, `DECL:` dates, julian days. The
//! arithmetic (leap years, days of the year, weekdays, adding years) is the `jiff` crate's, on its
//! proleptic Gregorian civil dates.

use jiff::civil;

/// Month abbreviations as date-time groups write them (`170814Z MAY 07`).
pub const MONTHS: [&str; 12] = [
    "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC",
];

/// Full month names, as prose and hover text write them (`17 May 2007`).
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

/// The month (1–12) of a date-time-group abbreviation (`MAY`, any case), or 0 when it is none.
pub fn month_number(abbrev: &str) -> u32 {
    MONTHS
        .iter()
        .position(|m| m.eq_ignore_ascii_case(abbrev))
        .map_or(0, |i| i as u32 + 1)
}

/// The four-digit year of a two-digit one: `60`–`99` are 1960–1999, `00`–`59` are 2000–2059.
/// Released cables run from 1966 to 2010, and `DECL:` dates reach into the 2030s, so the pivot
/// at 60 reads every two-digit year of the corpus the way its writer meant it.
pub fn full_year(two_digits: u32) -> i32 {
    const PIVOT: u32 = 60;
    let yy = (two_digits % 100) as i32;
    if two_digits % 100 >= PIVOT {
        1900 + yy
    } else {
        2000 + yy
    }
}

/// A calendar date (no time zone, proleptic Gregorian calendar). Fields are as the calendar
/// counts them: `month` 1–12, `day` 1–31. [`Date::new`] accepts only real dates; any year is
/// accepted (a date-time group whose year cannot be read has year 0).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    /// The date, when `month` and `day` make one in `year` (29 February only in leap years).
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        (day >= 1 && day <= Date::days_in_month(year, month)).then_some(Date { year, month, day })
    }

    /// A date known to be valid, for the tables of this module.
    pub(crate) const fn known(year: i32, month: u32, day: u32) -> Date {
        Date { year, month, day }
    }

    /// The civil date of the same day in a year `jiff` holds (the same year when it can). Fields
    /// set by hand out of their ranges are held to the nearest real day.
    fn civil(self) -> civil::Date {
        let year = in_calendar(self.year);
        let month = self.month.clamp(1, 12);
        let day = self.day.clamp(1, Date::days_in_month(year, month));
        civil_date(year, month, day).expect("a day of a month of a year jiff holds")
    }

    /// Day of the year, 1-based (the julian day of a DE line).
    pub fn ordinal(self) -> u32 {
        self.civil().day_of_year() as u32
    }

    /// The date of a day of the year (1-based), or `None` when the year has no such day.
    pub fn from_ordinal(year: i32, ordinal: u32) -> Option<Date> {
        let shifted = in_calendar(year);
        let first = civil_date(shifted, 1, 1)?;
        let ordinal = i16::try_from(ordinal).ok()?;
        let d = first.with().day_of_year(ordinal).build().ok()?;
        Some(Date {
            year,
            month: d.month() as u32,
            day: d.day() as u32,
        })
    }

    /// The date with day of the year `ordinal` (1-based) nearest to this one: in this date's
    /// year, or in the year before or after when that is nearer (a DE line filed on 31 December
    /// under a date-time group of 1 January). `None` when no such year has that day (0, 367 …).
    pub fn nearest_with_ordinal(self, ordinal: u32) -> Option<Date> {
        let here = self.civil();
        [
            self.year,
            self.year.saturating_sub(1),
            self.year.saturating_add(1),
        ]
        .into_iter()
        .filter_map(|y| Date::from_ordinal(y, ordinal))
        .min_by_key(|d| {
            here.until(d.civil())
                .map_or(i32::MAX, |span| span.get_days().saturating_abs())
        })
    }

    /// The English name of the weekday (`Thursday`).
    pub fn weekday(self) -> &'static str {
        use civil::Weekday::*;
        // The Gregorian calendar repeats its weekdays every 400 years too (146,097 days).
        match self.civil().weekday() {
            Monday => "Monday",
            Tuesday => "Tuesday",
            Wednesday => "Wednesday",
            Thursday => "Thursday",
            Friday => "Friday",
            Saturday => "Saturday",
            Sunday => "Sunday",
        }
    }

    /// The same calendar day some years later (29 February becomes 28 February in a common
    /// year).
    pub fn add_years(self, years: i32) -> Date {
        let year = self.year.saturating_add(years);
        Date {
            year,
            month: self.month,
            day: self.day.min(Date::days_in_month(year, self.month)),
        }
    }

    /// Whole years from this date to a later one (negative when `to` is earlier).
    pub fn years_until(self, to: Date) -> i32 {
        let mut years = to.year - self.year;
        if (to.month, to.day) < (self.month, self.day) {
            years -= 1;
        }
        years
    }

    /// A date written `YYYY-MM-DD` (ISO 8601's calendar date, as `--date` and `date =` in
    /// `cablelint.toml` take it); `None` when the text is not one or the day does not exist.
    pub fn parse_iso(text: &str) -> Option<Date> {
        let b = text.as_bytes();
        let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
        if b.len() != 10
            || b[4] != b'-'
            || b[7] != b'-'
            || !digits(0..4)
            || !digits(5..7)
            || !digits(8..10)
        {
            return None;
        }
        Date::new(
            text[0..4].parse().ok()?,
            text[5..7].parse().ok()?,
            text[8..10].parse().ok()?,
        )
    }

    /// The date and the hour and minute now, in UTC, from the system clock.
    pub fn now_utc() -> (Date, u32, u32) {
        let now = jiff::tz::Offset::UTC.to_datetime(jiff::Timestamp::now());
        let date = Date {
            year: i32::from(now.year()),
            month: now.month() as u32,
            day: now.day() as u32,
        };
        (date, now.hour() as u32, now.minute() as u32)
    }

    /// The drafting date: `given` (`--date`, `date =` in `cablelint.toml`), else today in UTC.
    pub fn given_or_today(given: Option<Date>) -> Date {
        given.unwrap_or_else(|| Date::now_utc().0)
    }

    /// The number of days in a year: 366 in a leap year, 365 otherwise.
    pub fn days_in_year(year: i32) -> u32 {
        if Date::is_leap_year(year) {
            366
        } else {
            365
        }
    }

    /// Whether the year has a 29 February (Gregorian rules, proleptic).
    pub fn is_leap_year(year: i32) -> bool {
        civil_date(in_calendar(year), 1, 1).is_some_and(|d| d.in_leap_year())
    }

    /// The number of days in a month (1–12) of a year, or 0 when `month` is no month.
    pub fn days_in_month(year: i32, month: u32) -> u32 {
        civil_date(in_calendar(year), month, 1).map_or(0, |d| d.days_in_month() as u32)
    }
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// The civil date, when the numbers make one that `jiff` holds (years 1 to 9999 here).
fn civil_date(year: i32, month: u32, day: u32) -> Option<civil::Date> {
    if !(1..=9999).contains(&year) {
        return None;
    }
    let month = i8::try_from(month).ok()?;
    let day = i8::try_from(day).ok()?;
    civil::Date::new(year as i16, month, day).ok()
}

/// A year with the same leap-year rule as `year` inside the range `jiff` holds (the Gregorian
/// calendar repeats every 400 years).
fn in_calendar(year: i32) -> i32 {
    if (1..=9999).contains(&year) {
        year
    } else {
        2000 + year.rem_euclid(400)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Date {
        Date::new(y, m, day).expect("a valid date")
    }

    #[test]
    fn leap_years_and_month_lengths() {
        assert!(Date::is_leap_year(2008) && Date::is_leap_year(2000));
        assert!(!Date::is_leap_year(1900) && !Date::is_leap_year(2007));
        assert_eq!(Date::days_in_month(2008, 2), 29);
        assert_eq!(Date::days_in_month(2007, 2), 28);
        assert_eq!(Date::days_in_month(2007, 13), 0);
        assert_eq!(Date::days_in_month(0, 2), 29);
        assert_eq!(Date::new(2007, 2, 29), None);
        assert_eq!(Date::new(2007, 0, 1), None);
        // Years outside jiff's range keep the Gregorian rules (a DTG with an unreadable year
        // is year 0).
        assert_eq!(Date::new(0, 2, 29).map(Date::ordinal), Some(60));
    }

    #[test]
    fn ordinals_weekdays_and_years() {
        assert_eq!(d(2007, 5, 17).ordinal(), 137);
        assert_eq!(d(2008, 3, 15).ordinal(), 75);
        assert_eq!(Date::from_ordinal(2007, 137), Some(d(2007, 5, 17)));
        assert_eq!(Date::from_ordinal(2008, 60), Some(d(2008, 2, 29)));
        assert_eq!(Date::from_ordinal(2007, 366), None);
        assert_eq!(Date::from_ordinal(2007, 0), None);
        assert_eq!(
            d(2007, 5, 17).nearest_with_ordinal(136),
            Some(d(2007, 5, 16))
        );
        assert_eq!(
            d(2008, 1, 1).nearest_with_ordinal(365),
            Some(d(2007, 12, 31))
        );
        assert_eq!(d(2007, 12, 31).nearest_with_ordinal(1), Some(d(2008, 1, 1)));
        assert_eq!(
            d(2009, 1, 1).nearest_with_ordinal(366),
            Some(d(2008, 12, 31))
        );
        assert_eq!(d(2007, 5, 17).nearest_with_ordinal(0), None);
        assert_eq!(d(2007, 5, 17).weekday(), "Thursday");
        assert_eq!(d(1970, 1, 1).weekday(), "Thursday");
        assert_eq!(d(2008, 2, 29).add_years(10), d(2018, 2, 28));
        assert_eq!(d(2007, 5, 17).years_until(d(2017, 5, 17)), 10);
        assert_eq!(d(2007, 5, 17).years_until(d(2017, 5, 16)), 9);
        assert_eq!(d(2007, 5, 17).to_string(), "2007-05-17");
    }

    #[test]
    fn two_digit_years_pivot_at_60() {
        assert_eq!(full_year(59), 2059);
        assert_eq!(full_year(60), 1960);
        assert_eq!(full_year(7), 2007);
        assert_eq!(month_number("MAY"), 5);
        assert_eq!(month_number("may"), 5);
        assert_eq!(month_number("MAI"), 0);
    }
}
