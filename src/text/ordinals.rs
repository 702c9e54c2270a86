//! Ordinal numbers as Persian and Arabic news write them: چهارمین (4), سومین (3), ۷۵امین and
//! 75 امین (75), بیست و پنجمین (25); الرابع (4), الثالثة (3), الخامس والسبعين (75),
//! الحادي عشر (11). Text is compared through the match key's folding (ي/ی, ك/ک, ة/ه, أ/ا,
//! digits), so spelling variants read alike.

use super::fold::fold_char;

/// The number an ordinal expression stands for, if it is one.
pub fn parse_ordinal(text: &str) -> Option<u32> {
    let folded: String = text.chars().filter_map(fold_char).collect();
    let folded = folded.trim();
    parse_digits(folded)
        .or_else(|| parse_persian(folded))
        .or_else(|| parse_arabic(folded))
}

/// The number a cardinal word or figure stands for: `2`, `۲`, `دو`, `بیست و پنج`, `ثلاث`, `ثلاثة`.
pub fn parse_cardinal(text: &str) -> Option<u32> {
    let folded: String = text.chars().filter_map(fold_char).collect();
    let folded = folded.trim();
    if !folded.is_empty() && folded.chars().all(|c| c.is_ascii_digit()) {
        return folded.parse().ok();
    }
    persian_number(folded).or_else(|| arabic_cardinal(folded))
}

/// Arabic cardinals (folded: ة is ه, أ is ا): اثنان, ثلاث, ثلاثه, اربعه…
fn arabic_cardinal(word: &str) -> Option<u32> {
    let word = word.strip_suffix('ه').unwrap_or(word);
    Some(match word {
        "واحد" => 1,
        "اثنان" | "اثنین" | "اثنتان" | "اثنتین" => 2,
        "ثلاث" => 3,
        "اربع" => 4,
        "خمس" => 5,
        "ست" => 6,
        "سبع" => 7,
        "ثمان" | "ثمانی" => 8,
        "تسع" => 9,
        "عشر" => 10,
        _ => return None,
    })
}

/// `75 امین`, `۷۵امین`, `4ام`, `3rd`-less digits with a Persian ordinal suffix.
fn parse_digits(text: &str) -> Option<u32> {
    let digits: String = text.chars().take_while(char::is_ascii_digit).collect();
    if digits.is_empty() {
        return None;
    }
    let rest = text[digits.len()..].trim_start_matches([' ', '-']);
    matches!(rest, "امین" | "مین" | "ام" | "م" | "این" | "").then(|| digits.parse().ok())?
}

const PERSIAN_UNITS: [(&str, u32); 19] = [
    ("یک", 1),
    ("دو", 2),
    ("سه", 3),
    ("چهار", 4),
    ("پنج", 5),
    ("شش", 6),
    ("هفت", 7),
    ("هشت", 8),
    ("نه", 9),
    ("ده", 10),
    ("یازده", 11),
    ("دوازده", 12),
    ("سیزده", 13),
    ("چهارده", 14),
    ("پانزده", 15),
    ("شانزده", 16),
    ("هفده", 17),
    ("هجده", 18),
    ("نوزده", 19),
];

const PERSIAN_TENS: [(&str, u32); 9] = [
    ("بیست", 20),
    ("سی", 30),
    ("چهل", 40),
    ("پنجاه", 50),
    ("شصت", 60),
    ("هفتاد", 70),
    ("هشتاد", 80),
    ("نود", 90),
    ("صد", 100),
];

fn persian_word(word: &str) -> Option<u32> {
    match word {
        "اول" | "نخست" => return Some(1),
        "دوم" => return Some(2),
        "سوم" => return Some(3),
        "سی" => return Some(30),
        _ => {}
    }
    PERSIAN_UNITS
        .iter()
        .chain(&PERSIAN_TENS)
        .find(|(w, _)| *w == word)
        .map(|&(_, n)| n)
}

/// `چهارمین`, `سومین`, `اولین`, `نخستین`, `بیست و پنجمین`, `هفتادوپنجمین`, `چهارم`.
fn parse_persian(text: &str) -> Option<u32> {
    let stem = text
        .strip_suffix("مین")
        .or_else(|| {
            text.strip_suffix("ین")
                .filter(|s| matches!(*s, "اول" | "نخست"))
        })
        .or_else(|| text.strip_suffix('م'))?;
    // "سومین" → stem "سو", "دومین" → "دو", "سی‌امین" → "سیا".
    let stem = stem.strip_suffix('ا').unwrap_or(stem);
    persian_number(stem)
}

/// A Persian number in words: `پنج`, `بیست و پنج`, `هفتادوپنج` (the و may be glued).
fn persian_number(text: &str) -> Option<u32> {
    let text = text.trim();
    if let Some(value) = persian_word(text).or((text == "سو").then_some(3)) {
        return Some(value);
    }
    if let Some((left, right)) = text.split_once(" و ") {
        return Some(persian_number(left)? + persian_number(right)?);
    }
    text.match_indices('و').find_map(|(i, and)| {
        Some(persian_number(&text[..i])? + persian_number(&text[i + and.len()..])?)
    })
}

const ARABIC_UNITS: [(&str, u32); 10] = [
    ("اول", 1),
    ("اولی", 1),
    ("ثانی", 2),
    ("ثالث", 3),
    ("رابع", 4),
    ("خامس", 5),
    ("سادس", 6),
    ("سابع", 7),
    ("ثامن", 8),
    ("تاسع", 9),
];

const ARABIC_TENS: [(&str, u32); 8] = [
    ("عشرین", 20),
    ("ثلاثین", 30),
    ("اربعین", 40),
    ("خمسین", 50),
    ("ستین", 60),
    ("سبعین", 70),
    ("ثمانین", 80),
    ("تسعین", 90),
];

fn arabic_word(word: &str) -> Option<u32> {
    let word = word.strip_prefix("ال").unwrap_or(word);
    // Feminine forms end in ة (folded to ه); tens may end in ون instead of ین.
    let word = word.strip_suffix('ه').unwrap_or(word);
    let tens_form = word.strip_suffix("ون").map(|stem| format!("{stem}ین"));
    let word = tens_form.as_deref().unwrap_or(word);
    match word {
        "عاشر" => return Some(10),
        "حادی" => return Some(1),
        "مائ" | "مئ" => return Some(100),
        _ => {}
    }
    ARABIC_UNITS
        .iter()
        .chain(&ARABIC_TENS)
        .find(|(w, _)| *w == word)
        .map(|&(_, n)| n)
}

/// `الرابع`, `الثالثة`, `الخامس والسبعين`, `الحادي عشر`, `الثاني عشر`.
fn parse_arabic(text: &str) -> Option<u32> {
    let mut total = 0;
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let word = word
            .strip_prefix('و')
            .filter(|w| arabic_word(w).is_some())
            .unwrap_or(word);
        if matches!(word, "عشر" | "عشره") {
            total += 10;
            continue;
        }
        total += arabic_word(word)?;
    }
    (total > 0).then_some(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn persian_ordinals() {
        for (text, n) in [
            ("چهارمین", 4),
            ("سومین", 3),
            ("اولین", 1),
            ("نخستین", 1),
            ("دومین", 2),
            ("پنجمین", 5),
            ("چهارم", 4),
            ("بیست و پنجمین", 25),
            ("هفتادوپنجمین", 75),
            ("75 امین", 75),
            ("۷۵امین", 75),
            ("۷۵ امین", 75),
        ] {
            assert_eq!(parse_ordinal(text), Some(n), "{text}");
        }
    }

    #[test]
    fn arabic_ordinals() {
        for (text, n) in [
            ("الرابع", 4),
            ("الثالثة", 3),
            ("الأول", 1),
            ("الأولى", 1),
            ("الثاني", 2),
            ("العاشر", 10),
            ("الحادي عشر", 11),
            ("الثاني عشر", 12),
            ("الخامس والسبعين", 75),
            ("الخامس والسبعون", 75),
            ("الخامسة والسبعين", 75),
        ] {
            assert_eq!(parse_ordinal(text), Some(n), "{text}");
        }
    }

    #[test]
    fn ordinals_in_the_sample_articles() {
        // 000: «در چهارمین نشست وزیران کشور عضو سازمان همکاری اقتصادی اکو»
        let persian = include_str!("../../assets/sample/000_cc14a8d638cfba9c.txt");
        assert!(persian.contains("چهارمین"));
        assert_eq!(parse_ordinal("چهارمین"), Some(4));
    }

    #[test]
    fn other_words_are_not_ordinals() {
        for text in [
            "نشست",
            "وزیران",
            "اکو",
            "الاجتماع",
            "",
            "2021-2022",
            "دوشنبه",
        ] {
            assert_eq!(parse_ordinal(text), None, "{text}");
        }
    }
}

#[cfg(test)]
mod cardinal_tests {
    use super::parse_cardinal;

    #[test]
    fn cardinals_in_figures_and_words() {
        assert_eq!(parse_cardinal("2"), Some(2));
        assert_eq!(parse_cardinal("۱۵"), Some(15));
        assert_eq!(parse_cardinal("دو"), Some(2));
        assert_eq!(parse_cardinal("بیست و پنج"), Some(25));
        assert_eq!(parse_cardinal("ثلاث"), Some(3));
        assert_eq!(parse_cardinal("أربعة"), Some(4));
        assert_eq!(parse_cardinal("کشور"), None);
        assert_eq!(parse_cardinal(""), None);
    }
}
