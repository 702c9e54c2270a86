//! Dates as Persian and Arabic news write them, normalised to ISO 8601 with the calendar,
//! precision and original text kept: `۲۲ تیر ۱۴۰۲`, `1402/04/22` (Solar Hijri), `16.07.2021`,
//! `١٥ يوليو ٢٠٢١`, `15 تموز 2021`, `13 الی 14 ژوئیه` (Gregorian, month names in Persian or
//! Arabic, ranges), `1 محرم 1447` (Hijri, Umm al-Qura). A date without a year takes it from the
//! publication date. Calendar arithmetic is icu_calendar's.
//!
//! For a month-precision date in a calendar other than the Gregorian, `iso` is the ISO date of
//! the month's first day (an ISO month cannot name it).

use icu_calendar::Date;
use icu_calendar::cal::{Hijri, Iso, Persian};

use super::fold::MatchKey;
use crate::model::{Calendar, DateValue, Precision};

/// A date or a range of dates found in a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParsedDate {
    pub start: DateValue,
    /// The end of a range (`13 الی 14 ژوئیه`).
    pub end: Option<DateValue>,
}

/// Month names, folded by the match key when looked up.
const MONTHS: &[(&str, Calendar, u8)] = &[
    // Solar Hijri.
    ("فروردین", Calendar::SolarHijri, 1),
    ("اردیبهشت", Calendar::SolarHijri, 2),
    ("خرداد", Calendar::SolarHijri, 3),
    ("تیر", Calendar::SolarHijri, 4),
    ("مرداد", Calendar::SolarHijri, 5),
    ("شهریور", Calendar::SolarHijri, 6),
    ("مهر", Calendar::SolarHijri, 7),
    ("آبان", Calendar::SolarHijri, 8),
    ("آذر", Calendar::SolarHijri, 9),
    ("دی", Calendar::SolarHijri, 10),
    ("بهمن", Calendar::SolarHijri, 11),
    ("اسفند", Calendar::SolarHijri, 12),
    // Gregorian, as Persian writes it.
    ("ژانویه", Calendar::Gregorian, 1),
    ("فوریه", Calendar::Gregorian, 2),
    ("مارس", Calendar::Gregorian, 3),
    ("آوریل", Calendar::Gregorian, 4),
    ("مه", Calendar::Gregorian, 5),
    ("می", Calendar::Gregorian, 5),
    ("ژوئن", Calendar::Gregorian, 6),
    ("ژوئیه", Calendar::Gregorian, 7),
    ("جولای", Calendar::Gregorian, 7),
    ("اوت", Calendar::Gregorian, 8),
    ("آگوست", Calendar::Gregorian, 8),
    ("سپتامبر", Calendar::Gregorian, 9),
    ("اکتبر", Calendar::Gregorian, 10),
    ("نوامبر", Calendar::Gregorian, 11),
    ("دسامبر", Calendar::Gregorian, 12),
    // Gregorian, as Arabic writes it (Egyptian/Gulf and Levantine names).
    ("يناير", Calendar::Gregorian, 1),
    ("فبراير", Calendar::Gregorian, 2),
    ("أبريل", Calendar::Gregorian, 4),
    ("مايو", Calendar::Gregorian, 5),
    ("يونيو", Calendar::Gregorian, 6),
    ("يونيه", Calendar::Gregorian, 6),
    ("يوليو", Calendar::Gregorian, 7),
    ("يوليه", Calendar::Gregorian, 7),
    ("أغسطس", Calendar::Gregorian, 8),
    ("سبتمبر", Calendar::Gregorian, 9),
    ("أكتوبر", Calendar::Gregorian, 10),
    ("نوفمبر", Calendar::Gregorian, 11),
    ("ديسمبر", Calendar::Gregorian, 12),
    ("كانون الثاني", Calendar::Gregorian, 1),
    ("شباط", Calendar::Gregorian, 2),
    ("آذار", Calendar::Gregorian, 3),
    ("نيسان", Calendar::Gregorian, 4),
    ("أيار", Calendar::Gregorian, 5),
    ("حزيران", Calendar::Gregorian, 6),
    ("تموز", Calendar::Gregorian, 7),
    ("آب", Calendar::Gregorian, 8),
    ("أيلول", Calendar::Gregorian, 9),
    ("تشرين الأول", Calendar::Gregorian, 10),
    ("تشرين الثاني", Calendar::Gregorian, 11),
    ("كانون الأول", Calendar::Gregorian, 12),
    // Hijri.
    ("محرم", Calendar::Hijri, 1),
    ("صفر", Calendar::Hijri, 2),
    ("ربيع الأول", Calendar::Hijri, 3),
    ("ربيع الآخر", Calendar::Hijri, 4),
    ("ربيع الثاني", Calendar::Hijri, 4),
    ("جمادى الأولى", Calendar::Hijri, 5),
    ("جمادى الآخرة", Calendar::Hijri, 6),
    ("جمادى الثانية", Calendar::Hijri, 6),
    ("رجب", Calendar::Hijri, 7),
    ("شعبان", Calendar::Hijri, 8),
    ("رمضان", Calendar::Hijri, 9),
    ("شوال", Calendar::Hijri, 10),
    ("ذو القعدة", Calendar::Hijri, 11),
    ("ذو الحجة", Calendar::Hijri, 12),
];

/// Words between the two days of a range.
const RANGE_WORDS: &[&str] = &["الی", "الى", "إلى", "تا", "و", "-", "–", "حتی", "حتى"];
/// Words that may stand between a month and its year.
const YEAR_WORDS: &[&str] = &["سال", "عام", "سنة", "سنه"];

fn fold(text: &str) -> String {
    MatchKey::new(text).as_str().to_string()
}

/// The ISO date of a day of `calendar`, if it exists.
pub fn to_iso(calendar: Calendar, year: i32, month: u8, day: u8) -> Option<(i32, u8, u8)> {
    let iso = match calendar {
        Calendar::Gregorian => Date::try_new_iso(year, month, day).ok()?,
        Calendar::SolarHijri => Date::try_new_persian(year, month, day)
            .ok()?
            .to_calendar(Iso),
        Calendar::Hijri => {
            Date::try_new_hijri_with_calendar(year, month, day, Hijri::new_umm_al_qura())
                .ok()?
                .to_calendar(Iso)
        }
    };
    Some((
        iso.year().extended_year(),
        iso.month().ordinal,
        iso.day_of_month().0,
    ))
}

/// The year of `calendar` that contains the ISO date `publication` (`YYYY-MM-DD`).
fn year_in(calendar: Calendar, publication: &str) -> Option<i32> {
    let mut parts = publication.split('-').map(|p| p.parse::<i32>().ok());
    let (year, month, day) = (parts.next()??, parts.next()??, parts.next()??);
    let iso = Date::try_new_iso(year, month as u8, day as u8).ok()?;
    Some(match calendar {
        Calendar::Gregorian => year,
        Calendar::SolarHijri => iso.to_calendar(Persian).year().extended_year(),
        Calendar::Hijri => iso
            .to_calendar(Hijri::new_umm_al_qura())
            .year()
            .extended_year(),
    })
}

fn value(
    calendar: Calendar,
    year: i32,
    month: u8,
    day: Option<u8>,
    original: &str,
) -> Option<DateValue> {
    let (y, m, d) = to_iso(calendar, year, month, day.unwrap_or(1))?;
    let (iso, precision) = match (day, calendar) {
        (Some(_), _) => (format!("{y:04}-{m:02}-{d:02}"), Precision::Day),
        (None, Calendar::Gregorian) => (format!("{y:04}-{m:02}"), Precision::Month),
        (None, _) => (format!("{y:04}-{m:02}-{d:02}"), Precision::Month),
    };
    Some(DateValue {
        iso,
        original: original.trim().to_string(),
        calendar,
        precision,
    })
}

/// The calendar a numeric year belongs to: Gregorian from 1800, else Solar Hijri for Persian
/// text and Hijri for Arabic.
fn calendar_of_year(year: i32, language: &str) -> Calendar {
    match (year >= 1800, language) {
        (true, _) => Calendar::Gregorian,
        (false, "ar") => Calendar::Hijri,
        (false, _) => Calendar::SolarHijri,
    }
}

/// Parses a date (or range) written in `original`. `language` ("fa", "ar") decides the calendar
/// of numeric dates with a pre-1800 year; `publication` (ISO) supplies a missing year.
pub fn parse_date(original: &str, language: &str, publication: Option<&str>) -> Option<ParsedDate> {
    let folded = fold(original);
    parse_numeric(&folded, original, language)
        .or_else(|| parse_worded(&folded, original, publication))
}

/// A publication date as an analyst types it: an ISO date or any day Daftar reads
/// (`۲۲ تیر ۱۴۰۲`), normalised to `YYYY-MM-DD`; blank clears it (`Ok(None)`). A month or a year
/// alone is refused: a publication date is a day.
pub fn parse_publication_date(typed: &str, language: &str) -> Result<Option<String>, String> {
    let typed = typed.trim();
    if typed.is_empty() {
        return Ok(None);
    }
    match parse_date(typed, language, None) {
        Some(parsed) if parsed.start.precision == Precision::Day => Ok(Some(parsed.start.iso)),
        _ => Err(format!("“{typed}” is not a day Daftar can read")),
    }
}

/// `1402/04/22`, `2021-07-16`, `16.07.2021`, `16/07/2021`.
fn parse_numeric(folded: &str, original: &str, language: &str) -> Option<ParsedDate> {
    let token = folded
        .split_whitespace()
        .find(|t| t.chars().filter(|c| !c.is_ascii_digit()).count() == 2)?;
    let separator = token.chars().find(|c| !c.is_ascii_digit())?;
    if !matches!(separator, '/' | '-' | '.') {
        return None;
    }
    let parts: Vec<&str> = token.split(separator).collect();
    let numbers: Vec<i32> = parts
        .iter()
        .map(|p| p.parse().ok())
        .collect::<Option<_>>()?;
    let [a, b, c] = numbers[..] else { return None };
    let (year, month, day) = if parts[0].len() == 4 {
        (a, b, c)
    } else if parts[2].len() == 4 {
        (c, b, a)
    } else {
        return None;
    };
    let calendar = calendar_of_year(year, language);
    let start = value(
        calendar,
        year,
        u8::try_from(month).ok()?,
        Some(u8::try_from(day).ok()?),
        original,
    )?;
    Some(ParsedDate { start, end: None })
}

/// `۲۲ تیر ۱۴۰۲`, `13 الی 14 ژوئیه`, `١٥ يوليو ٢٠٢١`, `16 الی 17 سپتامبر سال 2021`, `تیر ۱۴۰۲`.
fn parse_worded(folded: &str, original: &str, publication: Option<&str>) -> Option<ParsedDate> {
    let words: Vec<&str> = folded.split_whitespace().collect();
    // The month: one or two words.
    let (at, width, calendar, month) = (0..words.len()).find_map(|i| {
        [2, 1].into_iter().find_map(|width| {
            let name = words.get(i..i + width)?.join(" ");
            MONTHS
                .iter()
                .find(|(m, _, _)| fold(m) == name)
                .map(|&(_, calendar, month)| (i, width, calendar, month))
        })
    })?;
    let number = |word: &str| word.parse::<i32>().ok();
    let day = at
        .checked_sub(1)
        .and_then(|i| number(words[i]))
        .filter(|d| (1..=31).contains(d));
    let first_day = day.and_then(|_| {
        let connector = words.get(at.checked_sub(2)?)?;
        RANGE_WORDS
            .iter()
            .any(|w| fold(w) == *connector)
            .then(|| number(words.get(at.checked_sub(3)?)?))?
            .filter(|d| (1..=31).contains(d))
    });
    let mut after = at + width;
    if words
        .get(after)
        .is_some_and(|w| YEAR_WORDS.iter().any(|y| fold(y) == *w))
    {
        after += 1;
    }
    let year = words
        .get(after)
        .and_then(|w| number(w))
        .filter(|y| (100..=9999).contains(y))
        .or_else(|| year_in(calendar, publication?))?;
    let (start_day, end_day) = match (first_day, day) {
        (Some(first), Some(last)) => (Some(first), Some(last)),
        (None, day) => (day, None),
        (Some(_), None) => unreachable!("a range needs its last day"),
    };
    let start = value(calendar, year, month, start_day.map(|d| d as u8), original)?;
    let end = match end_day {
        Some(d) => Some(value(calendar, year, month, Some(d as u8), original)?),
        None => None,
    };
    Some(ParsedDate { start, end })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_publication_date_is_a_day_in_any_calendar_or_nothing() {
        assert_eq!(
            parse_publication_date(" ۲۲ تیر ۱۴۰۲ ", "fa"),
            Ok(Some("2023-07-13".into()))
        );
        assert_eq!(
            parse_publication_date("2021-07-16", "und"),
            Ok(Some("2021-07-16".into()))
        );
        assert_eq!(parse_publication_date("  ", "fa"), Ok(None));
        assert!(
            parse_publication_date("تیر ۱۴۰۲", "fa").is_err(),
            "a month is not a day"
        );
        assert!(parse_publication_date("فردا", "fa").is_err());
    }

    fn iso(
        text: &str,
        language: &str,
        publication: Option<&str>,
    ) -> (String, Option<String>, Calendar, Precision) {
        let parsed = parse_date(text, language, publication).unwrap_or_else(|| panic!("{text}"));
        (
            parsed.start.iso.clone(),
            parsed.end.map(|e| e.iso),
            parsed.start.calendar,
            parsed.start.precision,
        )
    }

    /// Text, language, publication date, and the expected start, end, calendar, precision.
    type Case<'a> = (
        &'a str,
        &'a str,
        Option<&'a str>,
        (&'a str, Option<&'a str>, Calendar, Precision),
    );

    #[test]
    fn the_issues_examples() {
        use Calendar::*;
        use Precision::*;
        let table: [Case; 8] = [
            (
                "۲۲ تیر ۱۴۰۲",
                "fa",
                None,
                ("2023-07-13", None, SolarHijri, Day),
            ),
            (
                "1402/04/22",
                "fa",
                None,
                ("2023-07-13", None, SolarHijri, Day),
            ),
            (
                "13 الی 14 ژوئیه",
                "fa",
                Some("2021-07-16"),
                ("2021-07-13", Some("2021-07-14"), Gregorian, Day),
            ),
            (
                "16.07.2021",
                "fa",
                None,
                ("2021-07-16", None, Gregorian, Day),
            ),
            (
                "١٥ يوليو ٢٠٢١",
                "ar",
                None,
                ("2021-07-15", None, Gregorian, Day),
            ),
            (
                "15 تموز 2021",
                "ar",
                None,
                ("2021-07-15", None, Gregorian, Day),
            ),
            ("1 محرم 1447", "ar", None, ("2025-06-26", None, Hijri, Day)),
            (
                "تیر ۱۴۰۲",
                "fa",
                None,
                ("2023-06-22", None, SolarHijri, Month),
            ),
        ];
        for (text, language, publication, (start, end, calendar, precision)) in table {
            assert_eq!(
                iso(text, language, publication),
                (
                    start.to_string(),
                    end.map(str::to_string),
                    calendar,
                    precision
                ),
                "{text}"
            );
        }
    }

    #[test]
    fn the_sample_articles_dates() {
        let article = include_str!("../../assets/sample/004_ead77181adac0951.txt");
        for (text, expected) in [
            ("16.07.2021", ("2021-07-16", None)),
            ("13 الی 14 ژوئیه", ("2021-07-13", Some("2021-07-14"))),
            (
                "16 الی 17 سپتامبر سال 2021",
                ("2021-09-16", Some("2021-09-17")),
            ),
        ] {
            assert!(article.contains(text), "{text} is in the article");
            let (start, end, _, _) = iso(text, "fa", Some("2021-07-16"));
            assert_eq!((start.as_str(), end.as_deref()), expected, "{text}");
        }
    }

    #[test]
    fn the_original_text_is_kept() {
        let parsed = parse_date("۲۲ تیر ۱۴۰۲", "fa", None).unwrap();
        assert_eq!(parsed.start.original, "۲۲ تیر ۱۴۰۲");
    }

    #[test]
    fn a_missing_year_comes_from_the_publication_date_in_the_months_calendar() {
        // Published 2023-07-20, which is 29 Tir 1402: "۲۲ تیر" is in 1402.
        let (start, ..) = iso("۲۲ تیر", "fa", Some("2023-07-20"));
        assert_eq!(start, "2023-07-13");
        assert!(
            parse_date("۲۲ تیر", "fa", None).is_none(),
            "no year, no publication date"
        );
    }

    #[test]
    fn impossible_dates_and_other_text_are_not_dates() {
        assert!(
            parse_date("31 اسفند 1402", "fa", None).is_none(),
            "Esfand has 29 or 30 days"
        );
        assert!(
            parse_date("30 اسفند 1403", "fa", None).is_some(),
            "1403 is a leap year"
        );
        assert!(parse_date("30 فوریه 2021", "fa", None).is_none());
        assert!(parse_date("نشست وزیران", "fa", None).is_none());
        assert!(parse_date("12:19", "fa", None).is_none());
    }
}
