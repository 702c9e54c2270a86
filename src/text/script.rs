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
    for c in text.chars() {
        match c {
            // پ چ ژ گ ک ی: Persian letters (keheh and Farsi yeh are Persian forms).
            '\u{067E}' | '\u{0686}' | '\u{0698}' | '\u{06AF}' | '\u{06A9}' | '\u{06CC}' => {
                persian += 1
            }
            // ي ك ة ى: Arabic forms of yeh and kaf, teh marbuta, alef maksura.
            '\u{064A}' | '\u{0643}' | '\u{0629}' | '\u{0649}' => arabic += 1,
            _ => {}
        }
        if ('\u{0600}'..='\u{06FF}').contains(&c) {
            arabic_script += 1;
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
