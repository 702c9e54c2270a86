//! The bundled fonts. Daftar never looks up system fonts: the same text lays out the same way on
//! every machine.

use std::sync::Arc;

use parley::FontContext;
use parley::fontique::{Blob, Collection, CollectionOptions, SourceCache};

/// Vazirmatn (SIL Open Font License, `assets/fonts/OFL.txt`): Persian/Arabic and Latin. Not the
/// "FD" variant, which draws Latin digits as Persian ones.
pub const VAZIRMATN_REGULAR: &[u8] = include_bytes!("../../assets/fonts/Vazirmatn-Regular.ttf");
pub const VAZIRMATN_BOLD: &[u8] = include_bytes!("../../assets/fonts/Vazirmatn-Bold.ttf");

/// The family every text is laid out in.
pub const FAMILY: &str = "Vazirmatn";

/// A font context holding only the bundled fonts.
pub fn bundled_font_context() -> FontContext {
    let mut collection = Collection::new(CollectionOptions {
        shared: false,
        system_fonts: false,
    });
    for bytes in [VAZIRMATN_REGULAR, VAZIRMATN_BOLD] {
        collection.register_fonts(Blob::new(Arc::new(bytes)), None);
    }
    FontContext {
        collection,
        source_cache: SourceCache::default(),
    }
}
