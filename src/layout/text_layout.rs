//! One laid-out text: a parley layout per `\n` paragraph (parley treats a whole layout as one bidi
//! paragraph), stacked vertically. Internally everything is in pixels (layout happens at the
//! display scale so glyphs land on the pixel grid); the API speaks points.

use std::ops::Range;

use parley::{
    Alignment, AlignmentOptions, BaseDirection, FontContext, FontWeight, Layout, LayoutContext,
    LineHeight, OverflowWrap, PositionedLayoutItem, StyleProperty,
};
use unicode_segmentation::UnicodeSegmentation;

use super::breaks::BreakOverrides;
use super::fonts::{FAMILY, bundled_font_context};

/// An axis-aligned rectangle in points.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub min_x: f32,
    pub min_y: f32,
    pub max_x: f32,
    pub max_y: f32,
}

impl Rect {
    pub fn width(&self) -> f32 {
        self.max_x - self.min_x
    }
    pub fn height(&self) -> f32 {
        self.max_y - self.min_y
    }
    /// The rectangle grown by `by` on every side.
    pub fn expand(&self, by: f32) -> Rect {
        Rect {
            min_x: self.min_x - by,
            min_y: self.min_y - by,
            max_x: self.max_x + by,
            max_y: self.max_y + by,
        }
    }

    pub fn contains(&self, x: f32, y: f32) -> bool {
        (self.min_x..=self.max_x).contains(&x) && (self.min_y..=self.max_y).contains(&y)
    }
}

/// The base direction of the text's paragraphs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Direction {
    Rtl,
    Ltr,
    /// Each paragraph by its first strong character (for short labels of unknown script).
    Auto,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TextAlign {
    /// Right in right-to-left paragraphs, left in left-to-right ones.
    Start,
    End,
    Center,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TextStyle {
    /// Font size in points.
    pub font_size: f32,
    /// Line height as a multiple of the font size.
    pub line_height: f32,
    pub direction: Direction,
    pub align: TextAlign,
    pub bold: bool,
}

impl TextStyle {
    /// Article text: right-to-left, comfortable line spacing.
    pub fn article(font_size: f32) -> Self {
        TextStyle {
            font_size,
            line_height: 1.8,
            direction: Direction::Rtl,
            align: TextAlign::Start,
            bold: false,
        }
    }

    /// A short label of unknown script.
    pub fn label(font_size: f32) -> Self {
        TextStyle {
            font_size,
            line_height: 1.4,
            direction: Direction::Auto,
            align: TextAlign::Start,
            bold: false,
        }
    }
}

/// Fonts and parley's scratch space: one per application (or per thread).
pub struct LayoutEngine {
    fonts: FontContext,
    context: LayoutContext<()>,
}

impl Default for LayoutEngine {
    fn default() -> Self {
        Self::new()
    }
}

impl LayoutEngine {
    pub fn new() -> Self {
        LayoutEngine {
            fonts: bundled_font_context(),
            context: LayoutContext::new(),
        }
    }

    /// Lays out `text`, wrapped at `width` points (`None`: no wrapping), at `scale` pixels per
    /// point.
    pub fn layout(
        &mut self,
        text: &str,
        style: &TextStyle,
        width: Option<f32>,
        scale: f32,
    ) -> TextLayout {
        let paragraphs = paragraph_ranges(text)
            .map(|range| {
                let layout = self.layout_paragraph(&text[range.clone()], style, scale);
                Paragraph {
                    range,
                    layout,
                    top_px: 0.0,
                    height_px: 0.0,
                    moves: Vec::new(),
                }
            })
            .collect();
        let tab_px = self.space_px(style, scale) * TAB_SPACES;
        let mut layout = TextLayout {
            text: text.to_string(),
            style: *style,
            scale,
            width,
            paragraphs,
            height_px: 0.0,
            tab_px,
        };
        layout.break_lines();
        layout
    }

    /// The width of a space in `style`, in pixels (tab stops are measured in it).
    fn space_px(&mut self, style: &TextStyle, scale: f32) -> f32 {
        let mut space = self.layout_paragraph(" ", style, scale);
        space.break_all_lines(None);
        space.full_width()
    }

    /// The font and layout contexts, for parley's editor.
    pub(crate) fn contexts(&mut self) -> (&mut FontContext, &mut LayoutContext<()>) {
        (&mut self.fonts, &mut self.context)
    }

    fn layout_paragraph(&mut self, text: &str, style: &TextStyle, scale: f32) -> Layout<()> {
        let overrides = BreakOverrides::new(text);
        let tailored = overrides.is_some();
        let answer = move |context| overrides.as_ref().and_then(|o| o.answer(context));
        let mut builder = self
            .context
            .ranged_builder(&mut self.fonts, text, scale, true);
        if tailored {
            builder.set_line_break_override(Some(&answer));
        }
        builder.set_base_direction(match style.direction {
            Direction::Rtl => BaseDirection::Rtl,
            Direction::Ltr => BaseDirection::Ltr,
            Direction::Auto => BaseDirection::Auto,
        });
        builder.push_default(StyleProperty::FontFamily(FAMILY.into()));
        builder.push_default(StyleProperty::FontSize(style.font_size));
        builder.push_default(StyleProperty::LineHeight(LineHeight::FontSizeRelative(
            style.line_height,
        )));
        // A word or URL longer than a line may break anywhere rather than spill (a URL that fits
        // is kept whole: `breaks.rs`).
        builder.push_default(StyleProperty::OverflowWrap(OverflowWrap::Anywhere));
        if style.bold {
            builder.push_default(StyleProperty::FontWeight(FontWeight::BOLD));
        }
        builder.build(text)
    }
}

/// Byte ranges of the `\n`-separated paragraphs (a `\r` before the `\n` is left out).
fn paragraph_ranges(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut start = 0;
    text.split('\n').map(move |part| {
        let range = start..start + part.strip_suffix('\r').unwrap_or(part).len();
        start += part.len() + 1;
        range
    })
}

struct Paragraph {
    /// Byte range in the whole text, without the line break.
    range: Range<usize>,
    layout: Layout<()>,
    top_px: f32,
    height_px: f32,
    /// How each line's clusters move (rule L1, tab stops): found for a line the first time it
    /// is drawn or measured after a wrap, then kept (visible lines only, once).
    moves: Vec<std::sync::OnceLock<LineMoves>>,
}

impl Paragraph {
    /// Line `index`'s moves (`line` is that line; tab stops `tab_px` apart).
    fn moves_of(
        &self,
        index: usize,
        line: &parley::Line<'_, ()>,
        text: &str,
        tab_px: f32,
    ) -> &LineMoves {
        static NONE: LineMoves = LineMoves {
            from: Vec::new(),
            ranges: Vec::new(),
            to: 0.0,
            rtl: false,
            tabs: Vec::new(),
        };
        match self.moves.get(index) {
            Some(cell) => cell.get_or_init(|| {
                LineMoves::of(
                    line,
                    &visual_clusters(line),
                    text,
                    self.layout.is_rtl(),
                    tab_px,
                )
            }),
            None => &NONE,
        }
    }
}

/// A cluster (one or more characters drawn as a unit) on a line.
#[derive(Clone, Debug, PartialEq)]
pub struct Cluster {
    /// Byte range in the whole text.
    pub range: Range<usize>,
    /// Left edge, in points.
    pub x: f32,
    pub width: f32,
    pub rtl: bool,
    /// Drawn with no glyph: no bundled font has one for it (an empty cell on screen).
    pub missing: bool,
}

/// One visual line.
#[derive(Clone, Debug, PartialEq)]
pub struct LineInfo {
    /// Byte range in the whole text, logical order.
    pub range: Range<usize>,
    pub top: f32,
    pub bottom: f32,
    pub baseline: f32,
    /// Clusters in visual order, left to right.
    pub clusters: Vec<Cluster>,
}

/// A glyph placed in pixels: `x` along the line, `y` the baseline (a whole pixel).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PositionedGlyph {
    pub id: u32,
    pub x: f32,
    pub y: f32,
}

/// Glyphs of one font at one size.
pub struct GlyphRun<'a> {
    pub font: &'a parley::FontData,
    /// Font size in pixels.
    pub font_size_px: f32,
    pub glyphs: Vec<PositionedGlyph>,
}

/// A laid-out text. Rewrapping to a new width reuses the shaping.
pub struct TextLayout {
    text: String,
    style: TextStyle,
    scale: f32,
    width: Option<f32>,
    paragraphs: Vec<Paragraph>,
    height_px: f32,
    /// The distance between tab stops, in pixels.
    tab_px: f32,
}

impl TextLayout {
    pub fn text(&self) -> &str {
        &self.text
    }
    pub fn style(&self) -> &TextStyle {
        &self.style
    }
    pub fn scale(&self) -> f32 {
        self.scale
    }
    pub fn width(&self) -> Option<f32> {
        self.width
    }
    /// Total height in points.
    pub fn height(&self) -> f32 {
        self.height_px / self.scale
    }

    /// Widest line in points.
    pub fn content_width(&self) -> f32 {
        self.paragraphs
            .iter()
            .map(|p| p.layout.width())
            .fold(0.0, f32::max)
            / self.scale
    }

    /// Wraps again at a new width (cheap: no shaping).
    pub fn rewrap(&mut self, width: Option<f32>) {
        if self.width != width {
            self.width = width;
            self.break_lines();
        }
    }

    fn break_lines(&mut self) {
        let max_advance = self.width.map(|w| w * self.scale);
        let alignment = match self.style.align {
            TextAlign::Start => Alignment::Start,
            TextAlign::End => Alignment::End,
            TextAlign::Center => Alignment::Center,
        };
        let empty_line_px = (self.style.font_size * self.style.line_height * self.scale).round();
        let mut top = 0.0;
        for paragraph in &mut self.paragraphs {
            paragraph.layout.break_all_lines(max_advance);
            paragraph.moves = (0..paragraph.layout.len())
                .map(|_| std::sync::OnceLock::new())
                .collect();
            paragraph
                .layout
                .align(alignment, AlignmentOptions::default());
            paragraph.top_px = top;
            paragraph.height_px = if paragraph.layout.is_empty() {
                empty_line_px
            } else {
                paragraph.layout.height().ceil()
            };
            top += paragraph.height_px;
        }
        self.height_px = top;
    }

    /// Paragraphs whose vertical extent meets `top..bottom` (points).
    fn paragraphs_between(&self, top: f32, bottom: f32) -> impl Iterator<Item = &Paragraph> {
        let (top, bottom) = (top * self.scale, bottom * self.scale);
        let first = self
            .paragraphs
            .partition_point(|p| p.top_px + p.height_px < top);
        self.paragraphs[first..]
            .iter()
            .take_while(move |p| p.top_px <= bottom)
    }

    fn paragraph_at_offset(&self, offset: usize) -> &Paragraph {
        let index = self
            .paragraphs
            .partition_point(|p| p.range.end < offset)
            .min(self.paragraphs.len() - 1);
        &self.paragraphs[index]
    }

    fn paragraph_at_y(&self, y: f32) -> &Paragraph {
        let y = y * self.scale;
        let index = self
            .paragraphs
            .partition_point(|p| p.top_px + p.height_px <= y)
            .min(self.paragraphs.len() - 1);
        &self.paragraphs[index]
    }

    /// Every line, top to bottom.
    pub fn lines(&self) -> Vec<LineInfo> {
        self.lines_between(f32::NEG_INFINITY, f32::INFINITY)
    }

    /// The lines that meet `top..bottom` (points), top to bottom.
    pub fn lines_between(&self, top: f32, bottom: f32) -> Vec<LineInfo> {
        let mut lines = Vec::new();
        for paragraph in self.paragraphs_between(top, bottom) {
            self.push_lines(paragraph, &mut lines, |line_top, line_bottom, _| {
                !(line_bottom < top || line_top > bottom)
            });
        }
        lines
    }

    /// The lines of `paragraph` that `wanted(top, bottom, byte range in the paragraph)` keeps,
    /// with their clusters (built only for those: a line's clusters are the costly part).
    fn push_lines(
        &self,
        paragraph: &Paragraph,
        lines: &mut Vec<LineInfo>,
        wanted: impl Fn(f32, f32, &Range<usize>) -> bool,
    ) {
        let s = self.scale;
        if paragraph.layout.is_empty() {
            let start = paragraph.range.start;
            let (top, bottom) = (
                paragraph.top_px / s,
                (paragraph.top_px + paragraph.height_px) / s,
            );
            if wanted(top, bottom, &(0..0)) {
                lines.push(LineInfo {
                    range: start..start,
                    top,
                    bottom,
                    baseline: (paragraph.top_px + paragraph.height_px * 0.75) / s,
                    clusters: Vec::new(),
                });
            }
            return;
        }
        for line in paragraph.layout.lines() {
            let metrics = line.metrics();
            let line_top = (paragraph.top_px + metrics.block_min_coord) / s;
            let line_bottom = (paragraph.top_px + metrics.block_max_coord) / s;
            let range = line.text_range();
            let range =
                range.start.min(paragraph.range.len())..range.end.min(paragraph.range.len());
            if !wanted(line_top, line_bottom, &range) {
                continue;
            }
            let paragraph_text = &self.text[paragraph.range.clone()];
            let visual = visual_clusters(&line);
            let moves = LineMoves::of(
                &line,
                &visual,
                paragraph_text,
                paragraph.layout.is_rtl(),
                self.tab_px,
            );
            let mut clusters = Vec::with_capacity(visual.len());
            for (range, x, width, cluster) in visual {
                if range.end > paragraph.range.len() {
                    continue; // parley's stand-in for an empty paragraph
                }
                clusters.push(Cluster {
                    x: moves.cluster_x(&range, x) / s,
                    width: moves.cluster_width(&range, width) / s,
                    rtl: cluster.is_rtl(),
                    // Whitespace (a tab) is a gap, not a missing letter.
                    missing: cluster.glyphs().any(|g| g.id == 0)
                        && !paragraph_text[range.clone()]
                            .chars()
                            .all(char::is_whitespace),
                    range: range.start + paragraph.range.start..range.end + paragraph.range.start,
                });
            }
            clusters.sort_by(|a, b| a.x.total_cmp(&b.x));
            lines.push(LineInfo {
                range: range.start + paragraph.range.start..range.end + paragraph.range.start,
                top: line_top,
                bottom: line_bottom,
                baseline: (paragraph.top_px + metrics.baseline) / s,
                clusters,
            });
        }
    }

    /// The lines of one paragraph.
    fn lines_of(&self, paragraph: &Paragraph) -> Vec<LineInfo> {
        let top = paragraph.top_px / self.scale;
        let bottom = (paragraph.top_px + paragraph.height_px) / self.scale;
        let mut lines = self.lines_between(top, bottom);
        lines.retain(|l| {
            l.range.start >= paragraph.range.start && l.range.end <= paragraph.range.end
        });
        lines
    }

    /// The line at height `y` (points), or the nearest one.
    fn line_at_y(&self, y: f32) -> LineInfo {
        let mut lines = self.lines_of(self.paragraph_at_y(y));
        let index = lines
            .iter()
            .position(|l| y < l.bottom)
            .unwrap_or(lines.len().saturating_sub(1));
        lines.swap_remove(index)
    }

    /// The line that shows the caret at `offset`: the one with a cluster starting there, else
    /// the one ending there.
    fn line_of_offset(&self, offset: usize) -> LineInfo {
        let mut lines = self.lines_of(self.paragraph_at_offset(offset));
        let index = lines
            .iter()
            .position(|l| l.range.start <= offset && offset < l.range.end)
            .or_else(|| lines.iter().position(|l| l.range.end == offset))
            .unwrap_or(0);
        lines.swap_remove(index)
    }

    /// The text offset nearest to a point (points), on a grapheme boundary.
    pub fn hit_test(&self, x: f32, y: f32) -> usize {
        self.hit_test_caret(x, y).0
    }

    /// The text offset nearest to a point, as [`hit_test`](Self::hit_test), and the caret for
    /// it where the hand put it: at the edge of the clicked cluster nearest the pointer. At a
    /// direction change or a soft wrap one offset has two places on screen, and
    /// [`caret`](Self::caret) alone picks one by rule: after a click on the right half of `a`
    /// in `a ب` it drew the caret on the left edge of `a`.
    pub fn hit_test_caret(&self, x: f32, y: f32) -> (usize, Rect) {
        let line = self.line_at_y(y);
        let Some(nearest) = nearest_cluster(&line, x) else {
            return (line.range.start, self.caret(line.range.start));
        };
        // The half of a cluster nearer its logical start gives its start, the other its end.
        let in_left_half = x < nearest.x + nearest.width / 2.0;
        let own = if in_left_half == nearest.rtl {
            nearest.range.end
        } else {
            nearest.range.start
        };
        let offset = self.snap_to_grapheme(own);
        // The edge of the clicked cluster, when the offset is that edge's (not moved inside a
        // grapheme).
        let caret = if offset == own {
            let at = if in_left_half {
                nearest.x
            } else {
                nearest.x + nearest.width
            };
            Rect {
                min_x: at,
                min_y: line.top,
                max_x: at + 1.0 / self.scale,
                max_y: line.bottom,
            }
        } else {
            self.caret(offset)
        };
        (offset, caret)
    }

    /// The word (or the run of spaces or punctuation) at a point, as a byte range: the word
    /// (UAX #29 boundaries) of the cluster nearest the point, on this layout's own cluster
    /// positions (which place trailing whitespace as rule L1 says, as parley's do not).
    pub fn word_at(&self, x: f32, y: f32) -> Range<usize> {
        let line = self.line_at_y(y);
        let Some(nearest) = nearest_cluster(&line, x) else {
            return line.range.start..line.range.start;
        };
        let paragraph = self.paragraph_at_offset(nearest.range.start);
        let text = &self.text[paragraph.range.clone()];
        let local = nearest.range.start - paragraph.range.start;
        let word = text
            .split_word_bound_indices()
            .find(|(start, word)| *start <= local && local < start + word.len())
            .map_or(local..local, |(start, word)| start..start + word.len());
        word.start + paragraph.range.start..word.end + paragraph.range.start
    }

    /// Moves `offset` to the grapheme boundary at or before it (never inside a letter and its
    /// harakat, or inside an emoji sequence).
    pub fn snap_to_grapheme(&self, offset: usize) -> usize {
        let paragraph = self.paragraph_at_offset(offset);
        let text = &self.text[paragraph.range.clone()];
        let local = offset.saturating_sub(paragraph.range.start).min(text.len());
        let boundary = text
            .grapheme_indices(true)
            .map(|(i, _)| i)
            .take_while(|&i| i <= local)
            .last()
            .unwrap_or(0);
        let boundary = if local == text.len() { local } else { boundary };
        paragraph.range.start + boundary
    }

    /// The caret at `offset`, as a rectangle one pixel wide (points): at the logical start of the
    /// cluster that begins at `offset`, or else after the cluster that ends there.
    pub fn caret(&self, offset: usize) -> Rect {
        let line = self.line_of_offset(offset);
        let starting = line.clusters.iter().find(|c| c.range.start == offset);
        let ending = || line.clusters.iter().find(|c| c.range.end == offset);
        let x = match (starting, ending()) {
            (Some(c), _) if c.rtl => c.x + c.width,
            (Some(c), _) => c.x,
            (None, Some(c)) if c.rtl => c.x,
            (None, Some(c)) => c.x + c.width,
            (None, None) => match (self.style.direction, line.clusters.first()) {
                (_, Some(c)) => c.x,
                (Direction::Ltr, None) => 0.0,
                (_, None) => self.width.unwrap_or(0.0),
            },
        };
        Rect {
            min_x: x,
            min_y: line.top,
            max_x: x + 1.0 / self.scale,
            max_y: line.bottom,
        }
    }

    /// Rectangles that cover the clusters of `range` (bytes), one per line and run of one
    /// direction (points).
    pub fn selection_rects(&self, range: Range<usize>) -> Vec<Rect> {
        let mut rects: Vec<Rect> = Vec::new();
        if range.start >= range.end {
            return rects;
        }
        let mut lines = Vec::new();
        let first = self
            .paragraphs
            .partition_point(|p| p.range.end < range.start);
        for paragraph in self.paragraphs[first..]
            .iter()
            .take_while(|p| p.range.start <= range.end)
        {
            let start = paragraph.range.start;
            self.push_lines(paragraph, &mut lines, |_, _, line| {
                line.start + start < range.end && range.start < line.end + start
            });
        }
        for line in &lines {
            let mut previous: Option<&Cluster> = None;
            for cluster in &line.clusters {
                let inside = cluster.range.start >= range.start && cluster.range.end <= range.end;
                if !inside {
                    previous = None;
                    continue;
                }
                match (previous, rects.last_mut()) {
                    (Some(p), Some(rect)) if p.rtl == cluster.rtl => {
                        rect.max_x = cluster.x + cluster.width;
                    }
                    _ => rects.push(Rect {
                        min_x: cluster.x,
                        min_y: line.top,
                        max_x: cluster.x + cluster.width,
                        max_y: line.bottom,
                    }),
                }
                previous = Some(cluster);
            }
        }
        rects
    }

    /// Moves an offset one cluster left (`right == false`) or right on screen. At the end of a
    /// line it continues on the next line in reading order (or the previous one, going back).
    pub fn move_visually(&self, offset: usize, right: bool) -> usize {
        let line = self.line_of_offset(offset);
        let x = self.caret(offset).min_x;
        let center = |c: &Cluster| c.x + c.width / 2.0;
        let next = if right {
            line.clusters
                .iter()
                .filter(|c| center(c) > x)
                .min_by(|a, b| center(a).total_cmp(&center(b)))
        } else {
            line.clusters
                .iter()
                .filter(|c| center(c) < x)
                .max_by(|a, b| center(a).total_cmp(&center(b)))
        };
        if let Some(cluster) = next {
            // Crossing a cluster lands on its far edge: which logical end that is depends on
            // the cluster's direction.
            let to_start = right == cluster.rtl;
            let target = if to_start {
                cluster.range.start
            } else {
                cluster.range.end
            };
            // Where a direction boundary puts two offsets on one spot, step past it.
            if target != offset {
                return target;
            }
        }
        // At the edge of the line: forward in reading order goes to the next line.
        let rtl = match self.style.direction {
            Direction::Rtl => true,
            Direction::Ltr => false,
            Direction::Auto => line.clusters.first().is_some_and(|c| c.rtl),
        };
        if right != rtl {
            if offset < line.range.end {
                line.range.end
            } else {
                self.next_line_start(line.range.end).unwrap_or(offset)
            }
        } else if offset > line.range.start {
            line.range.start
        } else {
            self.previous_line_end(line.range.start).unwrap_or(offset)
        }
    }

    fn next_line_start(&self, after: usize) -> Option<usize> {
        let lines = self.lines();
        lines
            .iter()
            .map(|l| l.range.start)
            .find(|&start| start > after)
    }

    fn previous_line_end(&self, before: usize) -> Option<usize> {
        let lines = self.lines();
        lines
            .iter()
            .rev()
            .map(|l| l.range.end)
            .find(|&end| end < before)
    }

    /// The byte ranges of the clusters drawn with no glyph (no bundled font has one), in
    /// logical order. Marks that are drawn as nothing (ZWNJ, direction isolates) are not missing.
    pub fn missing_glyphs(&self) -> Vec<Range<usize>> {
        let mut missing: Vec<Range<usize>> = self
            .lines()
            .into_iter()
            .flat_map(|line| line.clusters.into_iter())
            .filter(|c| c.missing)
            .map(|c| c.range)
            .collect();
        missing.sort_by_key(|r| r.start);
        missing
    }

    /// Whether a letter of the text has no glyph in the bundled fonts (it would show as an empty
    /// box).
    pub fn has_missing_glyphs(&self) -> bool {
        !self.missing_glyphs().is_empty()
    }

    /// Calls `f` with each glyph run on lines meeting `top..bottom` (points). Glyph positions are
    /// in pixels from the layout's top left; baselines are whole pixels.
    pub fn for_each_glyph_run(&self, top: f32, bottom: f32, mut f: impl FnMut(GlyphRun<'_>)) {
        let (top_px, bottom_px) = (top * self.scale, bottom * self.scale);
        for paragraph in self.paragraphs_between(top, bottom) {
            let text = &self.text[paragraph.range.clone()];
            glyph_runs(
                &paragraph.layout,
                Some(&|index, line: &parley::Line<'_, ()>| {
                    paragraph.moves_of(index, line, text, self.tab_px)
                }),
                paragraph.top_px,
                top_px..bottom_px,
                &mut f,
            );
        }
    }
}

/// A line's trailing whitespace moves, by its index and the line.
pub(crate) type TrailingOf<'t> = dyn Fn(usize, &parley::Line<'_, ()>) -> &'t LineMoves + 't;

/// Calls `f` with each glyph run of a parley layout placed `top_px` down, on lines meeting
/// `visible_px` (pixels from the same origin). With each line's `trailing` whitespace moves,
/// it is placed as rule L1 says ([`LineMoves`]); without (an editor, whose caret is
/// parley's), as parley placed it.
pub(crate) fn glyph_runs<'t>(
    layout: &Layout<()>,
    trailing: Option<&TrailingOf<'t>>,
    top_px: f32,
    visible_px: Range<f32>,
    f: &mut impl FnMut(GlyphRun<'_>),
) {
    let none = LineMoves::default();
    for (index, line) in layout.lines().enumerate() {
        let metrics = line.metrics();
        let line_top = top_px + metrics.block_min_coord;
        let line_bottom = top_px + metrics.block_max_coord;
        if line_bottom < visible_px.start || line_top > visible_px.end {
            continue;
        }
        let moves = match trailing {
            Some(trailing) => trailing(index, &line),
            None => &none,
        };
        for item in line.items() {
            let PositionedLayoutItem::GlyphRun(glyph_run) = item else {
                continue;
            };
            let run = glyph_run.run();
            let glyphs = glyph_run
                .positioned_glyphs()
                .map(|g| PositionedGlyph {
                    id: g.id,
                    x: g.x + moves.shift(g.x),
                    y: (top_px + g.y).round(),
                })
                .collect();
            f(GlyphRun {
                font: run.font(),
                font_size_px: run.font_size(),
                glyphs,
            });
        }
    }
}

/// The cluster of `line` whose centre is nearest to `x`.
fn nearest_cluster(line: &LineInfo, x: f32) -> Option<&Cluster> {
    let distance = |c: &Cluster| (x - (c.x + c.width / 2.0)).abs();
    line.clusters
        .iter()
        .min_by(|a, b| distance(a).total_cmp(&distance(b)))
}

/// A cluster of a line: its byte range in the paragraph, left edge and advance in pixels, and
/// parley's cluster.
type VisualCluster<'a> = (Range<usize>, f32, f32, parley::Cluster<'a, ()>);

/// A line's clusters in visual order, left to right.
fn visual_clusters<'a>(line: &parley::Line<'a, ()>) -> Vec<VisualCluster<'a>> {
    let mut clusters = Vec::new();
    for item in line.items() {
        let PositionedLayoutItem::GlyphRun(glyph_run) = item else {
            continue;
        };
        let mut x = glyph_run.offset();
        for cluster in glyph_run.run().visual_clusters() {
            clusters.push((cluster.text_range(), x, cluster.advance(), cluster));
            x += cluster.advance();
        }
    }
    clusters
}

/// How a line's clusters move from where parley put them.
///
/// Rule L1 of the bidi algorithm: whitespace at the end of a line takes the paragraph's level,
/// so it sits at the line's end in reading order (the left end of a right-to-left line), not
/// beside the word it followed. parley leaves a space after a Latin word inside the word's
/// left-to-right run: `سلام Hello world` wrapped after `Hello` showed `Hello␠␠سلام` where
/// FriBidi has `␠Hello␠سلام`.
///
/// Tab stops: parley gives a tab the width of a space; a tab here reaches the next stop, a
/// multiple of [`TAB_SPACES`] spaces from the line's start edge (the right edge of a
/// right-to-left paragraph), and what follows it moves on. A tab is a segment separator (UAX #9):
/// the text after it lies further from the start edge. Everything is in the line's pixels.
#[derive(Clone, Debug, Default)]
pub(crate) struct LineMoves {
    /// Where the trailing whitespace clusters were (left edge, advance), left to right.
    from: Vec<(f32, f32)>,
    /// Their byte ranges in the paragraph, same order.
    ranges: Vec<Range<usize>>,
    /// Where the first of them goes.
    to: f32,
    rtl: bool,
    /// The tabs widened to their stops, nearest the start edge first.
    tabs: Vec<Tab>,
}

/// A tab of a line: where parley put it, its byte range, and how much wider it is now.
#[derive(Clone, Debug)]
struct Tab {
    x: f32,
    range: Range<usize>,
    extra: f32,
}

/// How many spaces apart tab stops are (a typewriter's, and a terminal's).
pub const TAB_SPACES: f32 = 8.0;

impl LineMoves {
    /// `clusters` are the line's, as [`visual_clusters`] gives them; `tab_px` is the distance
    /// between tab stops (0: tabs keep parley's width).
    fn of(
        line: &parley::Line<'_, ()>,
        clusters: &[VisualCluster<'_>],
        paragraph: &str,
        rtl: bool,
        tab_px: f32,
    ) -> Self {
        let range = line.text_range();
        let text = &paragraph[range.start.min(paragraph.len())..range.end.min(paragraph.len())];
        let trailing_from = range.start + text.trim_end_matches(char::is_whitespace).len();
        let mut moves = LineMoves {
            rtl,
            ..LineMoves::default()
        };
        if trailing_from < range.end {
            for (range, x, width, _) in clusters {
                if range.start >= trailing_from {
                    moves.from.push((*x, *width));
                    moves.ranges.push(range.clone());
                }
            }
        }
        let is_tab = |r: &Range<usize>| paragraph.get(r.clone()) == Some("\t");
        let has_tabs = clusters
            .iter()
            .any(|(r, ..)| r.start < trailing_from && is_tab(r));
        let mut total_extra = 0.0;
        if has_tabs && tab_px > 0.0 {
            // Distances from the start edge, after L1 (tabs are never trailing here).
            let placed: Vec<(f32, f32, &Range<usize>)> = clusters
                .iter()
                .filter(|(r, ..)| r.start < trailing_from)
                .map(|(r, x, w, _)| (x + moves.trailing_shift(*x), *w, r))
                .collect();
            let start = if rtl {
                placed
                    .iter()
                    .map(|(x, w, _)| x + w)
                    .fold(f32::MIN, f32::max)
            } else {
                placed.iter().map(|(x, ..)| *x).fold(f32::MAX, f32::min)
            };
            let mut tabs: Vec<(f32, f32, &Range<usize>, f32)> = clusters
                .iter()
                .filter(|(r, ..)| r.start < trailing_from && is_tab(r))
                .map(|(r, x, w, _)| (*x, *w, r, x + moves.trailing_shift(*x)))
                .collect();
            if rtl {
                tabs.sort_by(|a, b| b.0.total_cmp(&a.0));
            } else {
                tabs.sort_by(|a, b| a.0.total_cmp(&b.0));
            }
            for (x, width, range, placed_x) in tabs {
                let distance = if rtl {
                    start - (placed_x + width)
                } else {
                    placed_x - start
                } + total_extra;
                let mut wide = ((distance / tab_px).floor() + 1.0) * tab_px - distance;
                // A stop closer than half a space is passed for the next (as CSS `tab-size`).
                if wide < 0.5 * tab_px / TAB_SPACES {
                    wide += tab_px;
                }
                let extra = wide - width;
                moves.tabs.push(Tab {
                    x,
                    range: range.clone(),
                    extra,
                });
                total_extra += extra;
            }
        }
        if !moves.from.is_empty() {
            let moved: f32 = moves.from.iter().map(|(_, w)| w).sum();
            let left = clusters.first().map_or(0.0, |c| c.1);
            let right = clusters.last().map_or(0.0, |c| c.1 + c.2);
            moves.to = if rtl {
                left - total_extra
            } else {
                right - moved + total_extra
            };
        }
        moves
    }

    /// How far rule L1 moves something that was at `x` (not trailing whitespace).
    fn trailing_shift(&self, x: f32) -> f32 {
        if self.rtl {
            // The whitespace leaves for the left end: what was left of it moves right.
            self.from
                .iter()
                .filter(|(at, _)| *at > x)
                .map(|(_, w)| w)
                .sum()
        } else {
            -self
                .from
                .iter()
                .filter(|(at, _)| *at < x)
                .map(|(_, w)| w)
                .sum::<f32>()
        }
    }

    /// How far the tabs between the start edge and `x` push what was at `x`.
    fn tab_shift(&self, x: f32) -> f32 {
        if self.rtl {
            -self
                .tabs
                .iter()
                .filter(|t| t.x > x)
                .map(|t| t.extra)
                .sum::<f32>()
        } else {
            self.tabs.iter().filter(|t| t.x < x).map(|t| t.extra).sum()
        }
    }

    /// How far something that was at `x` (not trailing whitespace) moves.
    fn shift(&self, x: f32) -> f32 {
        self.trailing_shift(x) + self.tab_shift(x)
    }

    /// Where the cluster `range` that was at `x` goes.
    fn cluster_x(&self, range: &Range<usize>, x: f32) -> f32 {
        if let Some(index) = self.ranges.iter().position(|r| r == range) {
            return self.to + self.from[..index].iter().map(|(_, w)| w).sum::<f32>();
        }
        match self.tabs.iter().find(|t| t.range == *range) {
            // A right-to-left tab keeps its right edge and grows to the left.
            Some(tab) if self.rtl => x + self.shift(x) - tab.extra,
            _ => x + self.shift(x),
        }
    }

    /// How wide the cluster `range` of width `width` is now.
    fn cluster_width(&self, range: &Range<usize>, width: f32) -> f32 {
        self.tabs
            .iter()
            .find(|t| t.range == *range)
            .map_or(width, |t| width + t.extra)
    }
}

mod motion;
pub use motion::{CaretMotion, ScreenEdge};

#[cfg(test)]
mod tests;
