//! The unit each format counts its offsets in, said once: a format's writer and its reader both
//! convert through its constant here, so they cannot disagree (Label Studio's once did: UTF-16
//! written, code points meant). Daftar itself counts code points.

use crate::text::OffsetIndex;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OffsetUnit {
    /// Unicode scalar values: Python string indices (brat, Label Studio, spaCy, W3C).
    CodePoints,
    /// UTF-16 code units: JavaScript string indices (doccano).
    Utf16,
}

pub const BRAT: OffsetUnit = OffsetUnit::CodePoints;
pub const DOCCANO: OffsetUnit = OffsetUnit::Utf16;
pub const LABEL_STUDIO: OffsetUnit = OffsetUnit::CodePoints;
pub const SPACY: OffsetUnit = OffsetUnit::CodePoints;
pub const W3C: OffsetUnit = OffsetUnit::CodePoints;

impl OffsetUnit {
    fn name(self) -> &'static str {
        match self {
            OffsetUnit::CodePoints => "characters",
            OffsetUnit::Utf16 => "UTF-16 units",
        }
    }

    /// This unit's offset of the code point offset `chars` of the indexed text.
    pub fn of_char(self, offsets: &OffsetIndex, chars: usize) -> usize {
        match self {
            OffsetUnit::CodePoints => chars,
            OffsetUnit::Utf16 => offsets.utf16_of_char(chars).unwrap_or(0),
        }
    }

    /// The code point offsets of `start..end` given in this unit, or why they cannot be: past
    /// the text's end, or inside a character (whether they make a span is the importer's).
    pub fn to_chars(
        self,
        offsets: &OffsetIndex,
        start: u64,
        end: u64,
    ) -> Result<(usize, usize), String> {
        let convert = |at: u64| -> Option<usize> {
            let at = usize::try_from(at).ok()?;
            match self {
                OffsetUnit::CodePoints => (at <= offsets.chars()).then_some(at),
                OffsetUnit::Utf16 => offsets.char_of_utf16(at),
            }
        };
        match (convert(start), convert(end)) {
            (Some(s), Some(e)) => Ok((s, e)),
            _ => Err(format!(
                "span {start}..{end} does not fit the text ({} {}){}",
                self.of_char(offsets, offsets.chars()),
                self.name(),
                if self == OffsetUnit::Utf16 {
                    " or splits a character"
                } else {
                    ""
                }
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_unit_round_trips_and_refuses_what_does_not_fit() {
        let text = "a😀ب";
        let offsets = OffsetIndex::new(text);
        for unit in [OffsetUnit::CodePoints, OffsetUnit::Utf16] {
            for chars in 0..=3 {
                let there = unit.of_char(&offsets, chars) as u64;
                assert_eq!(unit.to_chars(&offsets, there, there), Ok((chars, chars)));
            }
        }
        assert_eq!(OffsetUnit::Utf16.of_char(&offsets, 3), 4);
        assert!(
            OffsetUnit::Utf16
                .to_chars(&offsets, 2, 3)
                .unwrap_err()
                .contains("splits a character")
        );
        assert!(
            OffsetUnit::CodePoints
                .to_chars(&offsets, 1, 4)
                .unwrap_err()
                .contains("(3 characters)")
        );
    }
}
