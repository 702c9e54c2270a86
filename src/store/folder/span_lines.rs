//! A fast reader for spans files exactly as Daftar writes them (one span per line, fields in
//! the struct's order, strings escaped as RON escapes them). Opening a large project is mostly
//! reading spans, and the general RON parser reads them at about a third of this speed.
//! Anything it does not recognise (a hand-edited file, a newer field, a damaged line) returns
//! `None`, and the caller reads the file with RON, which reports the problem precisely: this
//! reader never accepts what RON would not, nor reads a value differently (a test checks both).

use std::borrow::Cow;
use std::cell::Cell;
use std::collections::BTreeMap;

use crate::model::{
    Attributes, DiskState, DocId, DocStatus, Document, EntityId, Interner, Name, Quoted, Remark,
    Review, ReviewState, Span, SpanId,
};

struct Reader<'a> {
    text: &'a str,
    at: usize,
    names: Interner,
}

impl<'a> Reader<'a> {
    fn rest(&self) -> &'a str {
        &self.text[self.at..]
    }

    fn eat(&mut self, expected: &str) -> Option<()> {
        self.rest()
            .starts_with(expected)
            .then(|| self.at += expected.len())
    }

    fn peek(&self, expected: &str) -> bool {
        self.rest().starts_with(expected)
    }

    /// A field name: ASCII letters and `_`.
    fn ident(&mut self) -> Option<&'a str> {
        let rest = self.rest();
        let len = rest
            .bytes()
            .take_while(|b| b.is_ascii_lowercase() || b.is_ascii_uppercase() || *b == b'_')
            .count();
        (len > 0).then(|| {
            self.at += len;
            &rest[..len]
        })
    }

    /// An unsigned decimal integer as RON writes it (no sign, no leading `+`, no `_`).
    fn uint(&mut self) -> Option<u64> {
        let rest = self.rest();
        let len = rest.bytes().take_while(u8::is_ascii_digit).count();
        if len == 0 || (len > 1 && rest.starts_with('0')) {
            return None;
        }
        let value = rest[..len].parse().ok()?;
        self.at += len;
        Some(value)
    }

    /// A double-quoted string with the escapes `char::escape_debug` writes; borrowed from the
    /// text when it has none (most strings).
    fn string(&mut self) -> Option<Cow<'a, str>> {
        self.eat("\"")?;
        let mut out = String::new();
        loop {
            let rest = self.rest();
            // The first quote, backslash or line break (ASCII bytes: never inside a letter's
            // bytes, so a character boundary), found with memchr's SIMD search.
            let bytes = rest.as_bytes();
            let plain = memchr::memchr3(b'"', b'\\', b'\n', bytes)?;
            let plain = memchr::memchr(b'\r', &bytes[..plain]).unwrap_or(plain);
            if out.is_empty() && bytes[plain] == b'"' {
                self.at += plain + 1;
                return Some(Cow::Borrowed(&rest[..plain]));
            }
            out.push_str(&rest[..plain]);
            self.at += plain;
            match self.rest().as_bytes()[0] {
                b'"' => {
                    self.at += 1;
                    return Some(Cow::Owned(out));
                }
                b'\\' => {
                    self.at += 1;
                    let escaped = match self.rest().as_bytes().first()? {
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'0' => '\0',
                        b'\\' => '\\',
                        b'"' => '"',
                        b'\'' => '\'',
                        b'u' => {
                            self.at += 1;
                            self.eat("{")?;
                            let hex_len = self
                                .rest()
                                .bytes()
                                .take_while(u8::is_ascii_hexdigit)
                                .count();
                            let hex = &self.rest()[..hex_len];
                            let c = char::from_u32(u32::from_str_radix(hex, 16).ok()?)?;
                            self.at += hex_len;
                            self.eat("}")?;
                            out.push(c);
                            continue;
                        }
                        _ => return None,
                    };
                    self.at += 1;
                    out.push(escaped);
                }
                // A raw line break inside a string is not what Daftar writes.
                _ => return None,
            }
        }
    }

    /// A string as an owned `String`.
    fn owned_string(&mut self) -> Option<String> {
        self.string().map(Cow::into_owned)
    }

    /// A string many spans share (a label, an author, a time): one allocation for equal ones.
    fn name(&mut self) -> Option<Name> {
        let text = self.string()?;
        Some(self.names.name(&text))
    }

    /// `{"key": "value", …}`
    fn string_map(&mut self) -> Option<BTreeMap<String, String>> {
        self.eat("{")?;
        let mut map = BTreeMap::new();
        if self.eat("}").is_some() {
            return Some(map);
        }
        loop {
            let key = self.owned_string()?;
            self.eat(": ")?;
            let value = self.owned_string()?;
            if map.insert(key, value).is_some() {
                return None;
            }
            if self.eat("}").is_some() {
                return Some(map);
            }
            self.eat(", ")?;
        }
    }

    /// `(state: Accepted, comment: "…", reviewer: "…", at: "…")`, fields in that order.
    fn review(&mut self) -> Option<Review> {
        self.eat("(")?;
        let mut review = Review::default();
        let mut previous = 0;
        loop {
            let key = self.ident()?;
            self.eat(": ")?;
            let order = match key {
                "state" => {
                    review.state = match self.ident()? {
                        "Pending" => ReviewState::Pending,
                        "Accepted" => ReviewState::Accepted,
                        "Rejected" => ReviewState::Rejected,
                        _ => return None,
                    };
                    1
                }
                "comment" => {
                    review.comment = self.owned_string()?.into();
                    2
                }
                "reviewer" => {
                    review.reviewer = self.name()?;
                    3
                }
                "at" => {
                    review.at = self.name()?;
                    4
                }
                _ => return None,
            };
            if order <= previous {
                return None;
            }
            previous = order;
            if self.eat(")").is_some() {
                return Some(review);
            }
            self.eat(", ")?;
        }
    }

    /// One span, `(id: …, …)`, fields in the order `Span` declares them.
    fn span(&mut self) -> Option<Span> {
        self.eat("(")?;
        let (mut id, mut start, mut end, mut label, mut quote) = (None, None, None, None, None);
        // Quote and context are borrowed from the line until they are joined into one string.
        let (mut prefix, mut suffix) = (Cow::Borrowed(""), Cow::Borrowed(""));
        let mut span = Span {
            id: SpanId(0),
            start: 0,
            end: 0,
            label: Name::default(),
            quoted: Quoted::default(),
            entity: None,
            attributes: Attributes::default(),
            note: Remark::default(),
            author: Name::default(),
            created: Name::default(),
            review: Review::default(),
        };
        let mut previous = 0;
        loop {
            let key = self.ident()?;
            self.eat(": ")?;
            let order = match key {
                "id" => {
                    id = Some(self.uint()?);
                    1
                }
                "start" => {
                    start = Some(self.uint()?);
                    2
                }
                "end" => {
                    end = Some(self.uint()?);
                    3
                }
                "label" => {
                    label = Some(self.name()?);
                    4
                }
                "quote" => {
                    quote = Some(self.string()?);
                    5
                }
                "prefix" => {
                    prefix = self.string()?;
                    6
                }
                "suffix" => {
                    suffix = self.string()?;
                    7
                }
                "entity" => {
                    self.eat("Some(")?;
                    span.entity = Some(EntityId(self.uint()?));
                    self.eat(")")?;
                    8
                }
                "attributes" => {
                    span.attributes = self.string_map()?.into();
                    9
                }
                "note" => {
                    span.note = self.owned_string()?.into();
                    10
                }
                "author" => {
                    span.author = self.name()?;
                    11
                }
                "created" => {
                    span.created = self.name()?;
                    12
                }
                "review" => {
                    span.review = self.review()?;
                    13
                }
                _ => return None,
            };
            if order <= previous {
                return None;
            }
            previous = order;
            if self.eat(")").is_some() {
                break;
            }
            self.eat(", ")?;
        }
        span.id = SpanId(id?);
        span.start = usize::try_from(start?).ok()?;
        span.end = usize::try_from(end?).ok()?;
        span.label = label?;
        span.quoted = Quoted::new(&prefix, &quote?, &suffix);
        Some(span)
    }
}

/// Writes `s` as RON writes a string: quoted, each character escaped as `char::escape_debug`
/// does (letters of Persian and Arabic pass through; their marks, controls and quotes do not).
fn write_string(out: &mut String, s: &str) {
    out.push('"');
    // Runs of characters written as they are go in one copy.
    let mut run = 0;
    for (at, c) in s.char_indices() {
        // Letters, digits and punctuation that escape_debug leaves alone, without asking the
        // Unicode tables: ASCII printables but the two quotes and the backslash, and the Arabic
        // block's letters and digits.
        let plain = matches!(c, ' '..='~' if c != '"' && c != '\\' && c != '\'')
            || matches!(c, '\u{0621}'..='\u{064A}' | '\u{0660}'..='\u{0669}' | '\u{0671}'..='\u{06D3}' | '\u{06F0}'..='\u{06F9}');
        if !plain {
            out.push_str(&s[run..at]);
            out.extend(c.escape_debug());
            run = at + c.len_utf8();
        }
    }
    out.push_str(&s[run..]);
    out.push('"');
}

/// One author's spans as Daftar's spans files hold them: the very bytes RON's pretty writer
/// gives with a depth limit of 1 (a test compares), written without it, which is the slow part
/// of saving a large project.
pub fn write_spans(spans: &[&Span]) -> String {
    use std::fmt::Write as _;
    if spans.is_empty() {
        return "[]\n".to_string();
    }
    let mut out = String::with_capacity(spans.len() * 320);
    out.push_str("[\n");
    for span in spans {
        let _ = write!(
            out,
            "  (id: {}, start: {}, end: {}, label: ",
            span.id.0, span.start, span.end
        );
        write_string(&mut out, &span.label);
        out.push_str(", quote: ");
        write_string(&mut out, span.quote());
        out.push_str(", prefix: ");
        write_string(&mut out, span.prefix());
        out.push_str(", suffix: ");
        write_string(&mut out, span.suffix());
        if let Some(entity) = span.entity {
            let _ = write!(out, ", entity: Some({})", entity.0);
        }
        if !span.attributes.is_empty() {
            out.push_str(", attributes: {");
            for (i, (key, value)) in span.attributes.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_string(&mut out, key);
                out.push_str(": ");
                write_string(&mut out, value);
            }
            out.push('}');
        }
        if !span.note.is_empty() {
            out.push_str(", note: ");
            write_string(&mut out, &span.note);
        }
        out.push_str(", author: ");
        write_string(&mut out, &span.author);
        out.push_str(", created: ");
        write_string(&mut out, &span.created);
        let review = &span.review;
        let state = match review.state {
            ReviewState::Pending => "Pending",
            ReviewState::Accepted => "Accepted",
            ReviewState::Rejected => "Rejected",
        };
        let _ = write!(out, ", review: (state: {state}");
        for (name, value) in [
            ("comment", review.comment.as_str()),
            ("reviewer", review.reviewer.as_str()),
            ("at", review.at.as_str()),
        ] {
            if !value.is_empty() {
                let _ = write!(out, ", {name}: ");
                write_string(&mut out, value);
            }
        }
        out.push_str(")),\n");
    }
    out.push_str("]\n");
    out
}

/// The spans of a spans file written by Daftar, or `None` if it is not exactly that.
pub fn read_spans(text: &str) -> Option<Vec<Span>> {
    // Each thread keeps its interner across the files it reads: a project's labels and authors
    // are allocated once per thread, not once per file.
    thread_local! {
        static NAMES: Cell<Interner> = Cell::new(Interner::default());
    }
    let mut reader = Reader {
        text,
        at: 0,
        names: NAMES.take(),
    };
    let spans = reader.spans();
    NAMES.set(reader.names);
    spans
}

impl Reader<'_> {
    fn spans(&mut self) -> Option<Vec<Span>> {
        if self.eat("[]\n").is_some() {
            return self.rest().is_empty().then(Vec::new);
        }
        self.eat("[\n")?;
        // A span a line: the list is made at its size once, not grown by doubling (a large
        // project's spans are most of the memory an open touches).
        let lines = memchr::memchr_iter(b'\n', self.text.as_bytes()).count();
        let mut spans = Vec::with_capacity(lines);
        while !self.peek("]") {
            self.eat("  ")?;
            spans.push(self.span()?);
            self.eat(",\n")?;
        }
        self.eat("]\n")?;
        self.rest().is_empty().then_some(spans)
    }
}

/// A document's own file (`d<id>.ron`) exactly as Daftar writes it: a field a line, in the
/// order `Document` declares them, its spans (kept in files of their own) an empty list.
/// Opening a large project reads one for each document, and RON took a tenth of the open over
/// them. `None` for anything else, which the caller reads with RON: the same rule as
/// [`read_spans`], and a file on disk that changed (`disk`) is always left to RON.
pub fn read_document(text: &str) -> Option<Document> {
    let mut reader = Reader {
        text,
        at: 0,
        names: Interner::default(),
    };
    reader.document()
}

impl Reader<'_> {
    /// `Some("…")`
    fn some_string(&mut self) -> Option<String> {
        self.eat("Some(")?;
        let text = self.owned_string()?;
        self.eat(")")?;
        Some(text)
    }

    /// A list of strings, a line each (`[\n    "…",\n    "…",\n  ]`), or `[]`.
    fn string_list(&mut self) -> Option<Vec<String>> {
        if self.eat("[]").is_some() {
            return Some(Vec::new());
        }
        self.eat("[\n")?;
        let mut list = Vec::new();
        while self.eat("  ]").is_none() {
            self.eat("    ")?;
            list.push(self.owned_string()?);
            self.eat(",\n")?;
        }
        Some(list)
    }

    fn document(&mut self) -> Option<Document> {
        self.eat("(\n")?;
        let (mut id, mut path, mut fingerprint, mut chars) = (None, None, None, None);
        let (mut encoding, mut language) = (None, None);
        let mut document = Document {
            id: DocId(0),
            path: String::new(),
            fingerprint: String::new(),
            chars: 0,
            encoding: String::new(),
            language: String::new(),
            title: None,
            published: None,
            source: None,
            status: DocStatus::default(),
            disk: DiskState::default(),
            labels: Vec::new(),
            note: String::new(),
            assigned: Vec::new(),
            spans: Vec::new(),
        };
        let mut previous = 0;
        while self.eat(")\n").is_none() {
            self.eat("  ")?;
            let key = self.ident()?;
            self.eat(": ")?;
            let order = match key {
                "id" => {
                    id = Some(self.uint()?);
                    1
                }
                "path" => {
                    path = Some(self.owned_string()?);
                    2
                }
                "fingerprint" => {
                    fingerprint = Some(self.owned_string()?);
                    3
                }
                "chars" => {
                    chars = Some(usize::try_from(self.uint()?).ok()?);
                    4
                }
                "encoding" => {
                    encoding = Some(self.owned_string()?);
                    5
                }
                "language" => {
                    language = Some(self.owned_string()?);
                    6
                }
                "title" => {
                    document.title = Some(self.some_string()?);
                    7
                }
                "published" => {
                    document.published = Some(self.some_string()?);
                    8
                }
                "source" => {
                    document.source = Some(self.some_string()?);
                    9
                }
                "status" => {
                    document.status = match self.ident()? {
                        "New" => DocStatus::New,
                        "InProgress" => DocStatus::InProgress,
                        "ReadyForReview" => DocStatus::ReadyForReview,
                        "Reviewed" => DocStatus::Reviewed,
                        "NeedsChanges" => DocStatus::NeedsChanges,
                        _ => return None,
                    };
                    10
                }
                "labels" => {
                    document.labels = self.string_list()?;
                    12
                }
                "note" => {
                    document.note = self.owned_string()?;
                    13
                }
                "assigned" => {
                    document.assigned = self.string_list()?;
                    14
                }
                "spans" => {
                    self.eat("[]")?;
                    15
                }
                // `disk` (11) and anything else.
                _ => return None,
            };
            if order <= previous {
                return None;
            }
            previous = order;
            self.eat(",\n")?;
        }
        document.id = DocId(id?);
        document.path = path?;
        document.fingerprint = fingerprint?;
        document.chars = chars?;
        document.encoding = encoding?;
        document.language = language?;
        self.rest().is_empty().then_some(document)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::folder::ron_text;

    fn span(id: u64, quote: &str) -> Span {
        let text = format!("{quote} پس از آن");
        let mut span = Span::quoting(SpanId(id), &text, 0, quote.chars().count(), "PER", "مریم")
            .unwrap_or_else(|| panic!("{quote:?}"));
        span.created = "2026-11-30T10:00:00Z".into();
        span
    }

    /// Texts a span may hold: marks that RON writes as \u{…}, quotes, backslashes, line breaks,
    /// tabs, control characters, bidi controls, emoji, a NUL.
    const HARD: &[&str] = &[
        "اسکندر مومنی",
        "مُحَمَّد",
        "«نقل» \"quoted\" 'single'",
        "back\\slash",
        "line\nbreak\r\ntab\there",
        "\u{200f}RLM \u{2067}isolate\u{2069} \u{200c}zwnj",
        "🇮🇷 👨‍👩‍👧 H₂O",
        "nul\u{0}and\u{1b}escape",
        "}{)(\", ,",
    ];

    /// A span of each hard text, with every optional field of a span set somewhere.
    fn hard_spans() -> Vec<Span> {
        let mut spans: Vec<Span> = HARD
            .iter()
            .enumerate()
            .map(|(i, q)| span(i as u64 + 1, q))
            .collect();
        spans[0].entity = Some(EntityId(42));
        spans[1]
            .attributes
            .insert("orphaned_from".into(), "3..9".into());
        spans[1]
            .attributes
            .insert("کلید".into(), "مقدار \"x\"".into());
        spans[2].note = "یادداشت\nدو خط".into();
        spans[3].review = Review {
            state: ReviewState::Rejected,
            comment: "curation: took رضا's".into(),
            reviewer: "سارا".into(),
            at: "2026-11-30T11:00:00Z".into(),
        };
        spans[4].review.state = ReviewState::Accepted;
        spans[4].review.reviewer = "x".into();
        spans[5].author = Default::default();
        spans[6].id = SpanId((1 << 53) - 1);
        spans
    }

    #[test]
    fn reads_what_daftar_writes_exactly_as_ron_does() {
        let spans = hard_spans();
        let text = ron_text(&spans, 1);
        let by_ron: Vec<Span> = ron::from_str(&text).unwrap();
        assert_eq!(by_ron, spans, "the writer round-trips through RON");
        assert_eq!(read_spans(&text), Some(spans), "{text}");
        assert_eq!(
            read_spans(&ron_text(&Vec::<Span>::new(), 1)),
            Some(Vec::new())
        );
    }

    #[test]
    fn spans_read_from_files_share_their_labels_authors_and_times() {
        let spans = hard_spans();
        let first = read_spans(&ron_text(&spans, 1)).unwrap();
        let second = read_spans(&ron_text(&spans, 1)).unwrap();
        // hard_spans' first two spans have the same label, author and time.
        assert!(first[0].label.shares_with(&first[1].label));
        assert!(first[0].author.shares_with(&first[1].author));
        assert!(first[0].created.shares_with(&first[1].created));
        // Across files too: a project's few labels are allocated once per thread.
        assert!(first[0].label.shares_with(&second[0].label));
        // A string with escapes is read as well as a plain one, and its name shared the same.
        let mut escaped = spans[..2].to_vec();
        for span in &mut escaped {
            span.author = "«نقل» \"x\"".into();
        }
        let read = read_spans(&ron_text(&escaped, 1)).unwrap();
        assert_eq!(read, escaped);
        assert!(read[0].author.shares_with(&read[1].author));
    }

    #[test]
    fn writes_the_very_bytes_ron_writes() {
        let mut spans = hard_spans();
        // Every character of the Arabic blocks and of Latin-1, and the sample's spans.
        let every: String = ('\u{0}'..='\u{7FF}')
            .chain('\u{FB50}'..='\u{FDFF}')
            .collect();
        spans[7].note = every.into();
        let sample =
            crate::store::from_ron(crate::sample::PROJECT, std::path::Path::new("s")).unwrap();
        spans.extend(
            sample
                .documents
                .iter()
                .flat_map(|d| d.spans.iter().cloned()),
        );
        let refs: Vec<&Span> = spans.iter().collect();
        assert_eq!(write_spans(&refs), ron_text(&refs, 1));
        assert_eq!(write_spans(&[]), ron_text(&Vec::<&Span>::new(), 1));
    }

    #[test]
    fn anything_else_is_left_to_ron() {
        let spans = vec![span(1, "اسکندر مومنی"), span(2, "مُحَمَّد")];
        let text = ron_text(&spans, 1);
        let cases = [
            text.replacen("(id: 1,", "(id: 1, id: 2,", 1),
            text.replacen("label:", "lable:", 1),
            text.replacen("start: 0", "start: -1", 1),
            text.replacen("start: 0", "start: 00", 1),
            text.replacen("Pending", "Maybe", 1),
            text.replacen("\"PER\"", "PER", 1),
            text.replace("\n", "\r\n"),
            format!("{text} "),
            text[..text.len() - 3].to_string(),
            text.replacen(", quote:", ",  quote:", 1),
            text.replacen("end: ", "xend: ", 1),
        ];
        for case in cases {
            assert_eq!(read_spans(&case), None, "{case}");
        }
        // A file with its fields in another order is still RON's to read.
        let reordered = text.replacen("start: 0, end: ", "end: 0, start: ", 1);
        assert_eq!(read_spans(&reordered), None);
    }

    #[test]
    fn damaged_lines_never_read_differently_from_ron() {
        let spans: Vec<Span> = HARD
            .iter()
            .enumerate()
            .map(|(i, q)| span(i as u64 + 1, q))
            .collect();
        never_reads_damage_differently_from_ron(&ron_text(&spans, 1), read_spans);
    }

    /// Every single-byte cut of `text` and every byte flipped to a quote, a backslash, a digit
    /// or a space: what `fast` reads of it, RON reads the same.
    fn never_reads_damage_differently_from_ron<T>(text: &str, fast: impl Fn(&str) -> Option<T>)
    where
        T: PartialEq + std::fmt::Debug + serde::de::DeserializeOwned,
    {
        let bytes = text.as_bytes();
        for at in 0..bytes.len() {
            for replacement in [None, Some(b'"'), Some(b'\\'), Some(b'7'), Some(b' ')] {
                let mut damaged = bytes.to_vec();
                match replacement {
                    None => damaged.truncate(at),
                    Some(b) => damaged[at] = b,
                }
                let Ok(damaged) = String::from_utf8(damaged) else {
                    continue;
                };
                if let Some(read) = fast(&damaged) {
                    let by_ron: Result<T, _> = ron::from_str(&damaged);
                    assert_eq!(by_ron.ok(), Some(read), "{damaged}");
                }
            }
        }
    }

    /// Documents' own files with every field Daftar writes set somewhere, hard texts in them.
    fn hard_documents() -> Vec<Document> {
        let sample =
            crate::store::from_ron(crate::sample::PROJECT, std::path::Path::new("s")).unwrap();
        let mut documents: Vec<Document> =
            sample.documents.iter().map(|d| d.without_spans()).collect();
        let first = documents[0].clone();
        for (i, (text, status)) in HARD.iter().zip(DocStatus::ALL.iter().cycle()).enumerate() {
            let mut document = first.clone();
            document.id = DocId(1000 + i as u64);
            document.title = Some(text.to_string());
            document.published = (i % 2 == 0).then(|| "2026-11-30".to_string());
            document.source = (i % 3 == 0).then(|| text.to_string());
            document.status = *status;
            document.note = text.to_string();
            document.labels = vec![text.to_string(), "سیاسی".into()];
            document.assigned = HARD[..i % 3].iter().map(|s| s.to_string()).collect();
            documents.push(document);
        }
        documents
    }

    #[test]
    fn reads_a_documents_own_file_exactly_as_ron_does() {
        for document in hard_documents() {
            let text = ron_text(&document, 2);
            let by_ron: Document = ron::from_str(&text).unwrap();
            assert_eq!(by_ron, document, "the writer round-trips through RON");
            assert_eq!(read_document(&text), Some(document), "{text}");
        }
    }

    #[test]
    fn a_documents_file_with_anything_else_is_left_to_ron() {
        let document = hard_documents().pop().unwrap();
        let mut changed = document.clone();
        changed.disk = DiskState::Changed {
            fingerprint: "0".repeat(64),
        };
        let text = ron_text(&document, 2);
        let cases = [
            ron_text(&changed, 2),
            text.replacen("  id:", "  id: 1,\n  id:", 1),
            text.replacen("status: ", "status: Maybe", 1),
            text.replacen("spans: []", "spans: [()]", 1),
            text.replacen("  path: ", "  source: Some(\"x\"),\n  path: ", 1),
            text.replace("\n", "\r\n"),
            format!("{text} "),
            text.replacen("  chars: ", "  chars: -", 1),
        ];
        for case in cases {
            assert_eq!(read_document(&case), None, "{case}");
        }
    }

    #[test]
    fn damaged_documents_files_never_read_differently_from_ron() {
        let text = ron_text(&hard_documents().pop().unwrap(), 2);
        never_reads_damage_differently_from_ron(&text, read_document);
    }
}
