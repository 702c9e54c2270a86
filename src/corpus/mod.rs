//! The corpus: scanning a folder of articles, decoding them, fingerprinting, importing into a
//! project, and verifying a project against the files on disk.

pub mod decode;
pub mod import;
pub mod reanchor;
pub mod scan;
pub mod verify;

pub use decode::{Decoded, MAX_ARTICLE_BYTES, SkipReason, decode, encoding_for_label};
pub use import::{
    FileOutcome, FileReport, ImportOptions, ImportReport, document_for_text, import_folder,
    import_folder_with_progress,
};
pub use verify::{Problem, verify};

use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

use crate::model::Document;

/// Lowercase hex SHA-256 of the text as UTF-8.
pub fn fingerprint(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    let mut hex = String::with_capacity(64);
    for byte in digest {
        use std::fmt::Write;
        let _ = write!(hex, "{byte:02x}");
    }
    hex
}

/// Where a document's file is, given the corpus folder.
pub fn document_path(corpus_root: &Path, document: &Document) -> PathBuf {
    document
        .path
        .split('/')
        .fold(corpus_root.to_path_buf(), |path, part| path.join(part))
}

/// Reads and decodes a document's article with the encoding it was imported with.
pub fn read_document(corpus_root: &Path, document: &Document) -> Result<Decoded, SkipReason> {
    let bytes = std::fs::read(document_path(corpus_root, document)).map_err(|e| {
        SkipReason::Unreadable {
            error: e.to_string(),
        }
    })?;
    decode(&bytes, encoding_for_label(&document.encoding))
}

/// A document's article text as [`read_document`] decodes it, without the import's checks
/// (`decode::decode_text_only`): for reading every article again.
pub fn read_text(corpus_root: &Path, document: &Document) -> Result<String, SkipReason> {
    let bytes = std::fs::read(document_path(corpus_root, document)).map_err(|e| {
        SkipReason::Unreadable {
            error: e.to_string(),
        }
    })?;
    decode::decode_text_only(&bytes, encoding_for_label(&document.encoding))
}

/// A document's article text, if it can be read and is still the text that was annotated
/// (`None` for an article changed on disk since: its offsets are for another text).
pub fn read_unchanged(corpus_root: &Path, document: &Document) -> Option<String> {
    read_document(corpus_root, document)
        .ok()
        .map(|decoded| decoded.text)
        .filter(|text| fingerprint(text) == document.fingerprint)
}

/// The first line as a title, when it reads like one: short and not ending a sentence.
pub fn guess_title(text: &str) -> Option<String> {
    let first = text.lines().map(str::trim).find(|l| !l.is_empty())?;
    let is_short = first.chars().count() <= 160;
    let ends_sentence = first.ends_with(['.', ':', '։', '،']);
    (is_short && !ends_sentence && first.chars().any(char::is_alphabetic))
        .then(|| first.to_string())
}

/// The publication date of a news article, when one of its first lines is a dateline alone
/// (`16.07.2021 12:19`, `۲۲ تیر ۱۴۰۲`): ISO `YYYY-MM-DD`. Only a day-precise date on a short
/// line counts, so a date inside a sentence is not taken for one.
pub fn guess_published(text: &str, language: &str) -> Option<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(4)
        .filter(|line| line.chars().count() <= 40)
        .find_map(|line| {
            let parsed = crate::text::dates::parse_date(line, language, None)?;
            (parsed.start.precision == crate::model::Precision::Day && parsed.end.is_none())
                .then_some(parsed.start.iso)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datelines_give_the_publication_date() {
        let sco = include_str!("../../assets/sample/004_ead77181adac0951.txt");
        assert_eq!(guess_published(sco, "fa").as_deref(), Some("2021-07-16"));
        assert_eq!(
            guess_published("عنوان\n\n۲۲ تیر ۱۴۰۲\n\nمتن", "fa").as_deref(),
            Some("2023-07-13")
        );
        let eco = include_str!("../../assets/sample/000_cc14a8d638cfba9c.txt");
        assert_eq!(guess_published(eco, "fa"), None);
        // A date inside a long sentence is not a dateline.
        let sentence = "جلسه در تاریخ 13 الی 14 ژوئیه ۲۰۲۱ به ریاست وزیر امور خارجه جمهوری تاجیکستان در دوشنبه برگزار شد";
        assert_eq!(guess_published(sentence, "fa"), None);
    }

    #[test]
    fn fingerprint_is_sha256_hex() {
        assert_eq!(
            fingerprint("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn titles_of_the_sample_articles() {
        let with_title = include_str!("../../assets/sample/004_ead77181adac0951.txt");
        assert_eq!(
            guess_title(with_title).as_deref(),
            Some("جلسه شورای وزیران خارجه کشورهای عضو سازمان همکاری شانگهای در دوشنبه برگزار شد")
        );
        let without = include_str!("../../assets/sample/000_cc14a8d638cfba9c.txt");
        assert_eq!(
            guess_title(without),
            None,
            "the first line is a long paragraph"
        );
    }
}
