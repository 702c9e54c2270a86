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
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let digest = Sha256::digest(text.as_bytes());
    let mut hex = String::with_capacity(64);
    for byte in digest {
        hex.push(char::from(HEX[usize::from(byte >> 4)]));
        hex.push(char::from(HEX[usize::from(byte & 0xF)]));
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
    let encoding = encoding_for_label(&document.encoding);
    // Most articles are UTF-8 without a byte order mark: the bytes read become the text
    // without a copy (a search reads every article).
    let plain_utf8 = encoding.is_none_or(|e| e == encoding_rs::UTF_8)
        && encoding_rs::Encoding::for_bom(&bytes).is_none()
        && !bytes.is_empty()
        && bytes.len() <= decode::MAX_ARTICLE_BYTES;
    let bytes = if plain_utf8 {
        match String::from_utf8(bytes) {
            Ok(text) => return Ok(text),
            Err(not_utf8) => not_utf8.into_bytes(),
        }
    } else {
        bytes
    };
    decode::decode_text_only(&bytes, encoding)
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
    fn read_text_gives_what_the_import_decoded_in_every_encoding() {
        let dir = tempfile::tempdir().unwrap();
        let persian = "سلام، ایران ۱۴۰۲";
        let arabic_yeh = persian.replace('\u{06CC}', "\u{064A}");
        let (cp1256, _, _) = encoding_rs::WINDOWS_1256.encode(&arabic_yeh);
        let mut with_bom = vec![0xEF, 0xBB, 0xBF];
        with_bom.extend_from_slice(persian.as_bytes());
        let mut utf16 = vec![0xFF, 0xFE];
        utf16.extend(persian.encode_utf16().flat_map(u16::to_le_bytes));
        let files: [(&str, Vec<u8>, &str); 5] = [
            ("plain.txt", persian.as_bytes().to_vec(), "UTF-8"),
            ("bom.txt", with_bom, "UTF-8"),
            ("utf16.txt", utf16, "UTF-16LE"),
            ("legacy.txt", cp1256.into_owned(), "windows-1256"),
            ("broken.txt", vec![0xD8, 0xA7, 0xFF, 0xD8], "UTF-8"),
        ];
        for (name, bytes, encoding) in files {
            std::fs::write(dir.path().join(name), &bytes).unwrap();
            let document =
                import::document_for_text(crate::model::DocId(1), name.to_string(), "", encoding);
            let read = read_text(dir.path(), &document);
            let decoded = read_document(dir.path(), &document).map(|d| d.text);
            assert_eq!(read, decoded, "{name}");
            if name == "broken.txt" {
                assert!(matches!(read, Err(SkipReason::InvalidUtf8 { at_byte: 2 })));
            } else {
                assert!(read.is_ok(), "{name}");
            }
        }
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
