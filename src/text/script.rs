//! What script and language a text is in, judged from its letters.

/// Whether `c` is a letter of a right-to-left script (Arabic, Hebrew, Syriac, Thaana, N'Ko…).
pub fn is_rtl_letter(c: char) -> bool {
    matches!(c,
        '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}'
        | '\u{10800}'..='\u{10FFF}' | '\u{1E800}'..='\u{1EFFF}')
        && c.is_alphabetic()
}

/// Whether the first strong character of `text` is right-to-left (the Unicode bidi rule P2,
/// simplified to letters). `None` when there is no letter at all.
pub fn first_strong_is_rtl(text: &str) -> Option<bool> {
    text.chars().find(|c| c.is_alphabetic()).map(is_rtl_letter)
}

/// Whether most letters of `text` (the first few thousand are enough) are right-to-left:
/// an article's direction, even when it opens with a Latin name or a date. `None` without
/// letters.
pub fn mostly_rtl(text: &str) -> Option<bool> {
    let (mut rtl, mut ltr) = (0usize, 0usize);
    for c in text.chars().filter(|c| c.is_alphabetic()).take(4000) {
        if is_rtl_letter(c) {
            rtl += 1;
        } else {
            ltr += 1;
        }
    }
    (rtl + ltr > 0).then_some(rtl >= ltr)
}

/// Guesses "fa" (Persian), "ar" (Arabic) or "und" from letters only one of the two uses.
pub fn guess_language(text: &str) -> &'static str {
    let mut persian = 0usize;
    let mut arabic = 0usize;
    let mut arabic_script = 0usize;
    // Read over the UTF-8 bytes, not decoded characters: every character of the Arabic block
    // (U+0600..U+06FF) is two bytes whose first is 0xD8..0xDB.
    let bytes = text.as_bytes();
    for (at, &lead) in bytes.iter().enumerate() {
        if !(0xD8..=0xDB).contains(&lead) {
            continue;
        }
        arabic_script += 1;
        match (lead, bytes.get(at + 1).copied().unwrap_or(0)) {
            // پ چ ژ گ ک ی: Persian letters (keheh and Farsi yeh are Persian forms).
            (0xD9, 0xBE)
            | (0xDA, 0x86)
            | (0xDA, 0x98)
            | (0xDA, 0xAF)
            | (0xDA, 0xA9)
            | (0xDB, 0x8C) => persian += 1,
            // ي ك ة ى: Arabic forms of yeh and kaf, teh marbuta, alef maksura.
            (0xD9, 0x8A) | (0xD9, 0x83) | (0xD8, 0xA9) | (0xD9, 0x89) => arabic += 1,
            _ => {}
        }
    }
    if arabic_script < 20 {
        "und"
    } else if persian >= arabic {
        "fa"
    } else {
        "ar"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sample_articles_languages() {
        let fa = include_str!("../../assets/sample/000_cc14a8d638cfba9c.txt");
        let ar = include_str!("../../assets/sample/001_fbc263693fc4a0ea.txt");
        assert_eq!(guess_language(fa), "fa");
        assert_eq!(guess_language(ar), "ar");
        assert_eq!(guess_language("Hello world, nothing Arabic here."), "und");
    }

    /// The guess over bytes counts exactly what a count over characters does.
    #[test]
    fn the_guess_over_bytes_counts_what_the_characters_say() {
        fn by_characters(text: &str) -> &'static str {
            let persian = text.chars().filter(|c| "پچژگکی".contains(*c)).count();
            let arabic = text.chars().filter(|c| "يكةى".contains(*c)).count();
            let script = text
                .chars()
                .filter(|c| ('\u{0600}'..='\u{06FF}').contains(c))
                .count();
            match (script < 20, persian >= arabic) {
                (true, _) => "und",
                (false, true) => "fa",
                (false, false) => "ar",
            }
        }
        let mut texts: Vec<String> = crate::sample::ARTICLES
            .iter()
            .map(|(_, text)| text.to_string())
            .collect();
        // Around the thresholds: 19 and 20 letters of the block, ties, the block's edges,
        // letters of the blocks beside it (U+05FF, U+0700, U+FB50) and four-byte characters.
        for (letter, count) in [
            ("ی", 20),
            ("ي", 20),
            ("ب", 19),
            ("\u{0600}", 20),
            ("\u{06FF}", 20),
        ] {
            texts.push(letter.repeat(count));
        }
        texts.push(format!("{}{}", "ی".repeat(10), "ي".repeat(10)));
        texts.push(format!("{}{}", "ک".repeat(9), "ك".repeat(11)));
        texts.push("\u{05FF}\u{0700}\u{FB50}🇮🇷".repeat(30));
        for text in &texts {
            assert_eq!(guess_language(text), by_characters(text), "{text}");
        }
    }

    #[test]
    fn most_letters_decide_an_articles_direction() {
        assert_eq!(
            mostly_rtl("ECO: نشست وزیران کشور در تهران برگزار شد"),
            Some(true)
        );
        assert_eq!(
            mostly_rtl("The ECO ministers met in تهران on Monday"),
            Some(false)
        );
        assert_eq!(mostly_rtl("16.07.2021 12:19"), None);
    }

    #[test]
    fn first_strong_character_decides() {
        assert_eq!(first_strong_is_rtl("2021 ECO اکو"), Some(false));
        assert_eq!(first_strong_is_rtl("«۱۴۰۲» اکو ECO"), Some(true));
        assert_eq!(first_strong_is_rtl("12:19"), None);
    }
}
