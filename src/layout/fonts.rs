//! The bundled fonts. Daftar never looks up system fonts: the same text lays out the same way on
//! every machine.

use std::sync::Arc;

use parley::FontContext;
use parley::fontique::{Blob, Collection, CollectionOptions, SourceCache};

/// Vazirmatn (SIL Open Font License, `assets/fonts/OFL.txt`): Persian/Arabic and Latin. Not the
/// "FD" variant, which draws Latin digits as Persian ones.
pub const VAZIRMATN_REGULAR: &[u8] = include_bytes!("../../assets/fonts/Vazirmatn-Regular.ttf");
pub const VAZIRMATN_BOLD: &[u8] = include_bytes!("../../assets/fonts/Vazirmatn-Bold.ttf");

/// Fallbacks for what Vazirmatn has no glyph for (Noto, SIL Open Font License,
/// `assets/fonts/OFL-Noto.txt`; made by `scripts/fonts/fallback_fonts.sh`): Greek, Cyrillic,
/// subscripts and superscripts (H₂O), mathematical letters and operators, symbols and arrows,
/// and emoji with their flags and sequences in monochrome outlines. Without them such characters
/// were blank cells: articles quote tweets and reports use symbols.
pub const FALLBACKS: [&[u8]; 5] = [
    include_bytes!("../../assets/fonts/NotoSans-Regular.ttf"),
    include_bytes!("../../assets/fonts/NotoSansMath-Regular.ttf"),
    include_bytes!("../../assets/fonts/NotoSansSymbols-Regular.ttf"),
    include_bytes!("../../assets/fonts/NotoSansSymbols2-Regular.ttf"),
    include_bytes!("../../assets/fonts/NotoEmoji-Regular.ttf"),
];

/// The families every text is laid out in, as a CSS font-family list: parley takes each cluster
/// from the first family that has glyphs for it.
pub const FAMILY: &str = "Vazirmatn, \"Noto Sans\", \"Noto Sans Math\", \"Noto Sans Symbols\", \"Noto Sans Symbols2\", \"Noto Emoji\"";

/// A font context holding only the bundled fonts.
pub fn bundled_font_context() -> FontContext {
    let mut collection = Collection::new(CollectionOptions {
        shared: false,
        system_fonts: false,
    });
    for bytes in [VAZIRMATN_REGULAR, VAZIRMATN_BOLD]
        .into_iter()
        .chain(FALLBACKS)
    {
        collection.register_fonts(Blob::new(Arc::new(bytes)), None);
    }
    FontContext {
        collection,
        source_cache: SourceCache::default(),
    }
}
