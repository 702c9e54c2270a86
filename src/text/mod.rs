//! Text utilities that never rewrite the stored text: offset conversions, the match key used for
//! search and re-anchoring, and a tokenizer that keeps code-point spans.

pub mod dates;
pub mod edges;
pub mod fold;
pub mod offsets;
pub mod ordinals;
pub mod script;
pub mod tokenize;

pub use fold::{MatchKey, fold_char};
pub use offsets::OffsetIndex;
pub use tokenize::{Token, TokenKind, snap_to_words, tokenize};
