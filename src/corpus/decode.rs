//! Turning an article's bytes into text: byte order mark, then strict UTF-8, then detection of a
//! legacy encoding (windows-1256 is common for old Arabic and Persian files), or an encoding the
//! user names. Nothing is ever decoded with replacement characters: a file that does not decode
//! cleanly is reported, not mangled.

use encoding_rs::{Encoding, UTF_8};
use std::fmt;

use crate::i18n::{Arg, Words};

/// Articles larger than this are skipped: a news article is a few kilobytes, and a file this
/// large is almost certainly not one.
pub const MAX_ARTICLE_BYTES: usize = 8 * 1024 * 1024;

#[derive(Clone, Debug, PartialEq)]
pub struct Decoded {
    pub text: String,
    /// WHATWG name of the encoding the bytes were decoded from.
    pub encoding: &'static str,
    /// Anything worth telling the user (not UTF-8, not NFC, damaged before import…).
    pub warnings: Vec<DecodeWarning>,
}

/// Something worth telling the user about an article that was imported all the same.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DecodeWarning {
    /// Not in Unicode NFC: kept as it is (offsets count the characters as they are).
    NotNfc,
    /// Holds U+FFFD: damaged before it came to us.
    ReplacementCharacters,
    /// Decoded from a legacy encoding or UTF-16, not UTF-8.
    DecodedFrom {
        encoding: &'static str,
        how: EncodingFoundBy,
    },
}

/// How an encoding other than UTF-8 was chosen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EncodingFoundBy {
    ByteOrderMark,
    /// The user or the project named it.
    AsTold,
    Detected,
}

impl DecodeWarning {
    /// In words of the interface's language.
    pub fn describe(self, tr: Words) -> String {
        match self {
            DecodeWarning::NotNfc => tr.t("decode-warning-not-nfc"),
            DecodeWarning::ReplacementCharacters => tr.t("decode-warning-replacement"),
            DecodeWarning::DecodedFrom { encoding, how } => {
                let key = match how {
                    EncodingFoundBy::ByteOrderMark => "decode-warning-from-bom",
                    EncodingFoundBy::AsTold => "decode-warning-from-told",
                    EncodingFoundBy::Detected => "decode-warning-from-detected",
                };
                tr.t_with(key, &[("encoding", encoding.into())])
            }
        }
    }
}

impl fmt::Display for DecodeWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe(Words::ENGLISH))
    }
}

/// Why a file was not imported.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SkipReason {
    Empty,
    TooLarge {
        bytes: u64,
    },
    Binary,
    /// Mostly UTF-8, but with bytes that are not: a damaged file rather than a legacy encoding.
    InvalidUtf8 {
        at_byte: usize,
    },
    /// The named (or detected) encoding cannot decode the bytes.
    Undecodable {
        encoding: &'static str,
    },
    NotAnArticle,
    Unreadable {
        error: String,
    },
    /// Its name is not valid UTF-8: it could be stored only under a changed name, which would
    /// never find the file again (and two such files could become one).
    NameNotUnicode,
    /// A folder that cannot be read: its files are not imported, the others are.
    FolderUnreadable {
        error: String,
    },
}

impl SkipReason {
    /// In words of the interface's language; what the system said stays in its words.
    pub fn describe(&self, tr: Words) -> String {
        match self {
            SkipReason::Empty => tr.t("skip-empty"),
            SkipReason::TooLarge { bytes } => tr.t_with(
                "skip-too-large",
                &[
                    ("bytes", Arg::Said(tr.number(bytes))),
                    ("limit", Arg::Said(tr.number(MAX_ARTICLE_BYTES))),
                ],
            ),
            SkipReason::Binary => tr.t("skip-binary"),
            SkipReason::InvalidUtf8 { at_byte } => tr.t_with(
                "skip-invalid-utf8",
                &[("at", Arg::Said(tr.number(at_byte)))],
            ),
            SkipReason::Undecodable { encoding } => {
                tr.t_with("skip-undecodable", &[("encoding", (*encoding).into())])
            }
            SkipReason::NotAnArticle => tr.t("skip-not-an-article"),
            SkipReason::Unreadable { error } => {
                tr.t_with("skip-unreadable", &[("error", error.into())])
            }
            SkipReason::NameNotUnicode => tr.t("skip-name-not-unicode"),
            SkipReason::FolderUnreadable { error } => {
                tr.t_with("skip-folder-unreadable", &[("error", error.into())])
            }
        }
    }
}

impl fmt::Display for SkipReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe(Words::ENGLISH))
    }
}

/// Looks up an encoding by a label such as "windows-1256", "cp1256" or "utf-16le".
pub fn encoding_for_label(label: &str) -> Option<&'static Encoding> {
    let label = label.trim();
    let normalized = label
        .strip_prefix("cp")
        .filter(|rest| rest.chars().all(|c| c.is_ascii_digit()))
        .map(|digits| format!("windows-{digits}"));
    Encoding::for_label(normalized.as_deref().unwrap_or(label).as_bytes())
}

/// Decodes an article. `forced` skips detection (the user or the project says which encoding).
pub fn decode(bytes: &[u8], forced: Option<&'static Encoding>) -> Result<Decoded, SkipReason> {
    let (text, encoding, mut warnings) = decode_text(bytes, forced)?;
    if text.trim().is_empty() {
        return Err(SkipReason::Empty);
    }
    if looks_binary(&text) {
        return Err(SkipReason::Binary);
    }
    if !unicode_normalization::is_nfc(&text) {
        warnings.push(DecodeWarning::NotNfc);
    }
    if text.contains('\u{FFFD}') {
        warnings.push(DecodeWarning::ReplacementCharacters);
    }
    Ok(Decoded {
        text,
        encoding: encoding.name(),
        warnings,
    })
}

/// The text of an article [`decode`] takes (the very same text) without the checks that only
/// warn or refuse at import: for reading a whole corpus again (search), where the articles were
/// checked when they were imported and their fingerprints say whether they changed.
pub fn decode_text_only(
    bytes: &[u8],
    forced: Option<&'static Encoding>,
) -> Result<String, SkipReason> {
    decode_text(bytes, forced).map(|(text, _, _)| text)
}

/// Bytes to text: the byte order mark's encoding, else the one forced, else UTF-8, else a
/// detected legacy encoding (with a warning saying which).
fn decode_text(
    bytes: &[u8],
    forced: Option<&'static Encoding>,
) -> Result<(String, &'static Encoding, Vec<DecodeWarning>), SkipReason> {
    if bytes.len() > MAX_ARTICLE_BYTES {
        return Err(SkipReason::TooLarge {
            bytes: bytes.len() as u64,
        });
    }
    if bytes.is_empty() {
        return Err(SkipReason::Empty);
    }
    let mut warnings = Vec::new();
    let (text, encoding) = if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let text = decode_strictly(encoding, &bytes[bom_len..])?;
        if encoding != UTF_8 {
            warnings.push(DecodeWarning::DecodedFrom {
                encoding: encoding.name(),
                how: EncodingFoundBy::ByteOrderMark,
            });
        }
        (text, encoding)
    } else if let Some(encoding) = forced {
        if encoding == UTF_8 {
            (strict_utf8(bytes)?, encoding)
        } else {
            let text = decode_strictly(encoding, bytes)?;
            warnings.push(DecodeWarning::DecodedFrom {
                encoding: encoding.name(),
                how: EncodingFoundBy::AsTold,
            });
            (text, encoding)
        }
    } else if bytes.contains(&0) {
        return Err(SkipReason::Binary);
    } else if let Ok(text) = simdutf8::basic::from_utf8(bytes) {
        (text.to_string(), UTF_8)
    } else {
        if let Some(at_byte) = damaged_utf8(bytes) {
            return Err(SkipReason::InvalidUtf8 { at_byte });
        }
        let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
        detector.feed(bytes, true);
        let encoding = detector.guess(None, chardetng::Utf8Detection::Deny);
        let text = decode_strictly(encoding, bytes)?;
        warnings.push(DecodeWarning::DecodedFrom {
            encoding: encoding.name(),
            how: EncodingFoundBy::Detected,
        });
        (text, encoding)
    };
    Ok((text, encoding, warnings))
}

fn strict_utf8(bytes: &[u8]) -> Result<String, SkipReason> {
    std::str::from_utf8(bytes)
        .map(str::to_string)
        .map_err(|e| SkipReason::InvalidUtf8 {
            at_byte: e.valid_up_to(),
        })
}

fn decode_strictly(encoding: &'static Encoding, bytes: &[u8]) -> Result<String, SkipReason> {
    if encoding == UTF_8 {
        return strict_utf8(bytes);
    }
    encoding
        .decode_without_bom_handling_and_without_replacement(bytes)
        .map(|text| text.into_owned())
        .ok_or(SkipReason::Undecodable {
            encoding: encoding.name(),
        })
}

/// A file that is mostly valid multi-byte UTF-8 with a few bad bytes is damaged UTF-8, not a legacy
/// encoding: decoding it as windows-1256 would silently turn every letter into garbage. Returns the
/// offset of the first bad byte in that case.
fn damaged_utf8(bytes: &[u8]) -> Option<usize> {
    let mut valid_multibyte = 0usize;
    let mut invalid = 0usize;
    let mut first_invalid = None;
    let mut offset = 0;
    for chunk in bytes.utf8_chunks() {
        valid_multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        offset += chunk.valid().len();
        if !chunk.invalid().is_empty() {
            invalid += 1;
            first_invalid.get_or_insert(offset);
        }
        offset += chunk.invalid().len();
    }
    (valid_multibyte >= 4 * invalid.max(1)).then_some(first_invalid?)
}

/// Text with control characters other than tab, newlines and form feed is not an article.
fn looks_binary(text: &str) -> bool {
    // Control characters are C0 and DEL (one byte each) and C1 (U+0080..U+009F: 0xC2 then
    // 0x80..0x9F), so they are counted over the bytes, without decoding the text.
    let bytes = text.as_bytes();
    let controls = bytes
        .iter()
        .enumerate()
        .filter(|&(at, &b)| match b {
            b'\t' | b'\n' | b'\r' | 0x0C => false,
            0x00..=0x1F | 0x7F => true,
            // NEXT LINE (U+0085) is a line break.
            0xC2 => bytes
                .get(at + 1)
                .is_some_and(|&next| (0x80..=0x9F).contains(&next) && next != 0x85),
            _ => false,
        })
        .count();
    controls > 0 && controls * 100 >= text.chars().count().max(1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::{UTF_16LE, WINDOWS_1256};

    const PERSIAN: &str = "چهارمین نشست وزیران کشور عضو سازمان همکاری اقتصادی اکو در تهران برگزار شد و پاکستان میزبان نشست بعدی شد.";

    #[test]
    fn utf8_is_taken_as_it_is() {
        let decoded = decode(PERSIAN.as_bytes(), None).unwrap();
        assert_eq!(decoded.text, PERSIAN);
        assert_eq!(decoded.encoding, "UTF-8");
        assert!(decoded.warnings.is_empty());
    }

    /// Persian as old windows-1256 files hold it: that code page has no Farsi yeh (U+06CC),
    /// so those files use the Arabic yeh (U+064A).
    fn persian_for_1256() -> String {
        PERSIAN.replace('\u{06CC}', "\u{064A}")
    }

    #[test]
    fn windows_1256_is_detected_and_warned_about() {
        let text = persian_for_1256();
        let (bytes, _, lossy) = WINDOWS_1256.encode(&text);
        assert!(!lossy);
        let decoded = decode(&bytes, None).unwrap();
        assert_eq!(decoded.text, text);
        assert_eq!(decoded.encoding, "windows-1256");
        assert!(decoded.warnings[0].to_string().contains("windows-1256"));
    }

    #[test]
    fn utf16_with_bom() {
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend(PERSIAN.encode_utf16().flat_map(u16::to_le_bytes));
        let decoded = decode(&bytes, None).unwrap();
        assert_eq!(decoded.text, PERSIAN);
        assert_eq!(decoded.encoding, UTF_16LE.name());
        assert!(decoded.warnings[0].to_string().contains("byte order mark"));
    }

    #[test]
    fn utf8_bom_is_dropped_without_warning() {
        let mut bytes = vec![0xEF, 0xBB, 0xBF];
        bytes.extend_from_slice(PERSIAN.as_bytes());
        let decoded = decode(&bytes, None).unwrap();
        assert_eq!(decoded.text, PERSIAN);
        assert!(decoded.warnings.is_empty());
    }

    #[test]
    fn damaged_utf8_is_reported_not_mangled() {
        let mut bytes = PERSIAN.as_bytes().to_vec();
        let at = PERSIAN.find(' ').unwrap();
        bytes.insert(at, 0xFF);
        assert_eq!(
            decode(&bytes, None),
            Err(SkipReason::InvalidUtf8 { at_byte: at })
        );
    }

    /// The count over bytes finds the control characters `char::is_control` names.
    #[test]
    fn control_characters_are_counted_over_the_bytes_as_over_the_characters() {
        fn by_characters(text: &str) -> bool {
            let controls = text
                .chars()
                .filter(|&c| {
                    c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{0C}' | '\u{85}')
                })
                .count();
            controls > 0 && controls * 100 >= text.chars().count().max(1)
        }
        let every: String = ('\u{0}'..='\u{2FF}').collect();
        let texts = [
            every.clone(),
            format!("{}{}", "ب".repeat(99), '\u{1}'),
            format!("{}{}", "ب".repeat(100), '\u{1}'),
            format!("{}{}", "ب".repeat(99), '\u{9F}'),
            format!("{}{}", "ب".repeat(99), '\u{85}'),
            format!("{}{}", "ب".repeat(99), '\u{7F}'),
            "\t\n\r\u{0C}\u{85}".repeat(10),
            "¢£¤ÀÂ\u{A0}".repeat(10),
            PERSIAN.to_string(),
        ];
        for text in &texts {
            assert_eq!(looks_binary(text), by_characters(text), "{text:?}");
        }
        assert!(looks_binary(&format!("{}{}", "ب".repeat(99), '\u{1}')));
        assert!(!looks_binary(&format!("{}{}", "ب".repeat(100), '\u{1}')));
    }

    #[test]
    fn empty_binary_and_huge_files_are_skipped() {
        assert_eq!(decode(b"", None), Err(SkipReason::Empty));
        assert_eq!(decode(b" \n\t ", None), Err(SkipReason::Empty));
        assert_eq!(
            decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", None),
            Err(SkipReason::Binary)
        );
        let huge = vec![b'a'; MAX_ARTICLE_BYTES + 1];
        assert!(matches!(
            decode(&huge, None),
            Err(SkipReason::TooLarge { .. })
        ));
    }

    #[test]
    fn a_named_encoding_skips_detection() {
        let text = persian_for_1256();
        let (bytes, _, _) = WINDOWS_1256.encode(&text);
        let decoded = decode(&bytes, encoding_for_label("cp1256")).unwrap();
        assert_eq!(decoded.text, text);
        assert_eq!(
            decode(&bytes, Some(UTF_8)),
            Err(SkipReason::InvalidUtf8 { at_byte: 0 })
        );
    }

    #[test]
    fn decomposed_text_is_kept_and_flagged() {
        // Alef + combining madda above instead of the precomposed آ.
        let text = "\u{0627}\u{0653}ب و آب یکی نیستند در بایت‌ها";
        let decoded = decode(text.as_bytes(), None).unwrap();
        assert_eq!(decoded.text, text);
        assert!(decoded.warnings.contains(&DecodeWarning::NotNfc));
    }
}
