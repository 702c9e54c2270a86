//! Other tools' formats, one file each: export to what analysts and NLP tools read (JSONL, CSV,
//! doccano, Label Studio, brat, CoNLL, spaCy JSONL, W3C Web Annotation) behind the [`Exporter`] trait, and
//! import of the formats that round-trip (brat, doccano, Label Studio) as pre-annotations.
//! Every format says which unit its offsets count (`docs/FORMATS.md`).

mod brat;
mod conll;
mod csv;
mod doccano;
pub mod export;
pub mod import;
mod jsonl;
mod label_studio;
mod records_json;
pub mod scope;
mod spacy;
pub mod units;
mod w3c;
pub mod write;

pub use export::{
    ExportDoc, ExportError, ExportFile, ExportOptions, ExportSet, ExportSummary, Exporter, Format,
    Scope, export_to_folder, sanitize_file_name,
};
pub use import::{ImportedDocument, ImportedSpan};
pub use write::write_files;
