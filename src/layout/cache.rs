//! Layouts kept between frames, keyed by text, style and display scale. Asking again at another
//! width only re-wraps; layouts not asked for in a while are dropped.

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};

use super::{LayoutEngine, TextLayout, TextStyle};

#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct CacheKey {
    text_hash: u64,
    style: [u32; 2],
    direction: super::Direction,
    align: super::TextAlign,
    bold: bool,
    scale: u32,
}

impl CacheKey {
    fn new(text: &str, style: &TextStyle, scale: f32) -> Self {
        let mut hasher = DefaultHasher::new();
        text.hash(&mut hasher);
        CacheKey {
            text_hash: hasher.finish(),
            style: [style.font_size.to_bits(), style.line_height.to_bits()],
            direction: style.direction,
            align: style.align,
            bold: style.bold,
            scale: scale.to_bits(),
        }
    }
}

/// How many generations (frames) an unused layout survives.
const KEEP_UNUSED_FOR: u64 = 120;

#[derive(Default)]
pub struct LayoutCache {
    entries: HashMap<CacheKey, (TextLayout, u64)>,
    generation: u64,
    /// Texts laid out with a letter the bundled fonts lack (drawn as an empty box).
    missing_glyphs: std::collections::BTreeSet<String>,
}

impl LayoutCache {
    pub fn new() -> Self {
        Self::default()
    }

    /// The layout of `text`, made or re-wrapped as needed.
    pub fn get(
        &mut self,
        engine: &mut LayoutEngine,
        text: &str,
        style: &TextStyle,
        width: Option<f32>,
        scale: f32,
    ) -> &TextLayout {
        let key = CacheKey::new(text, style, scale);
        let generation = self.generation;
        let entry = self
            .entries
            .entry(key)
            .and_modify(|(layout, used)| {
                if layout.text() == text {
                    layout.rewrap(width);
                } else {
                    // A hash collision: lay this text out instead.
                    *layout = engine.layout(text, style, width, scale);
                }
                *used = generation;
            })
            .or_insert_with(|| {
                let layout = engine.layout(text, style, width, scale);
                if layout.has_missing_glyphs() {
                    self.missing_glyphs.insert(text.to_string());
                }
                (layout, generation)
            });
        &entry.0
    }

    /// The texts laid out so far that hold a letter the bundled fonts lack.
    pub fn texts_missing_glyphs(&self) -> impl Iterator<Item = &str> {
        self.missing_glyphs.iter().map(String::as_str)
    }

    /// Starts a new generation and drops layouts unused for a while. Call once per frame.
    pub fn end_frame(&mut self) {
        self.generation += 1;
        let generation = self.generation;
        self.entries
            .retain(|_, (_, used)| generation - *used <= KEEP_UNUSED_FOR);
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cached_layouts_rewrap_and_expire() {
        let mut engine = LayoutEngine::new();
        let mut cache = LayoutCache::new();
        let style = TextStyle::article(16.0);
        let text = "سازمان همکاری اقتصادی اکو در تهران نشست وزیران کشور را برگزار کرد.";
        let wide = cache
            .get(&mut engine, text, &style, Some(1000.0), 1.0)
            .lines()
            .len();
        let narrow = cache
            .get(&mut engine, text, &style, Some(120.0), 1.0)
            .lines()
            .len();
        assert!(narrow > wide);
        assert_eq!(cache.len(), 1, "a width change re-wraps the same entry");
        cache.get(&mut engine, text, &style, Some(120.0), 1.5);
        assert_eq!(cache.len(), 2, "another scale is another layout");
        for _ in 0..=KEEP_UNUSED_FOR {
            cache.end_frame();
        }
        cache.get(&mut engine, text, &style, Some(120.0), 1.0);
        cache.end_frame();
        assert_eq!(cache.len(), 1, "the unused one expired");
    }
}
