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

/// The first line as a title, when it reads like one: short and not ending a sentence.
pub fn guess_title(text: &str) -> Option<String> {
    let first = text.lines().map(str::trim).find(|l| !l.is_empty())?;
    let is_short = first.chars().count() <= 160;
    let ends_sentence = first.ends_with(['.', ':', '։', '،']);
    (is_short && !ends_sentence && first.chars().any(char::is_alphabetic))
        .then(|| first.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

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
