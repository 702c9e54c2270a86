//! Glyphs of the text engine rasterized by swash into an atlas texture and drawn as egui meshes.
//!
//! Glyphs are rendered at the display's pixel size with a few horizontal sub-pixel positions and
//! placed on whole pixels, so text is crisp at any scale. The atlas grows when full and is reset
//! when the display scale changes.

use std::collections::HashMap;

use eframe::egui::{self, Color32, ColorImage, Mesh, Pos2, TextureHandle, TextureOptions};
use etagere::{AtlasAllocator, size2};
use swash::scale::{Render, ScaleContext, Source, image::Content};
use swash::zeno::{Format, Vector};

use crate::layout::{GlyphRun, TextLayout};

/// Calls the given function with each glyph run to draw.
pub type GlyphRunSource<'a> = dyn Fn(&mut dyn FnMut(GlyphRun<'_>)) + 'a;

/// Horizontal sub-pixel positions a glyph is rendered at.
const SUBPIXEL_STEPS: f32 = 4.0;
const INITIAL_SIZE: i32 = 1024;
const MAX_SIZE: i32 = 8192;
/// Empty border around each glyph so that sampling never bleeds into a neighbour.
const PADDING: i32 = 1;

#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct GlyphKey {
    font: u64,
    font_index: u32,
    glyph: u32,
    size_bits: u32,
    subpixel: u8,
}

#[derive(Clone, Copy)]
struct AtlasGlyph {
    /// Top left in the atlas, in texels.
    x: i32,
    y: i32,
    width: i32,
    height: i32,
    /// Offset from the pen position to the image's top left, in pixels (y down).
    left: i32,
    top: i32,
}

pub struct GlyphAtlas {
    texture: TextureHandle,
    allocator: AtlasAllocator,
    size: i32,
    /// `None`: the glyph has no pixels (a space).
    glyphs: HashMap<GlyphKey, Option<AtlasGlyph>>,
    scaler: ScaleContext,
    /// Pixels per point the atlas was filled at.
    scale: f32,
    /// Empty boxes drawn so far: glyphs the bundled fonts lack (glyph 0).
    missing_drawn: usize,
}

impl GlyphAtlas {
    pub fn new(ctx: &egui::Context) -> Self {
        GlyphAtlas {
            texture: ctx.load_texture(
                "daftar-glyphs",
                blank(INITIAL_SIZE),
                TextureOptions::NEAREST,
            ),
            allocator: AtlasAllocator::new(size2(INITIAL_SIZE, INITIAL_SIZE)),
            size: INITIAL_SIZE,
            glyphs: HashMap::new(),
            scaler: ScaleContext::new(),
            scale: ctx.pixels_per_point(),
            missing_drawn: 0,
        }
    }

    /// How many empty boxes (letters the bundled fonts lack) were drawn so far.
    pub fn missing_glyphs_drawn(&self) -> usize {
        self.missing_drawn
    }

    /// Glyphs in the atlas (for tests and diagnostics).
    pub fn glyph_count(&self) -> usize {
        self.glyphs.len()
    }

    fn reset(&mut self, size: i32) {
        self.size = size;
        self.allocator = AtlasAllocator::new(size2(size, size));
        self.glyphs.clear();
        self.texture.set(blank(size), TextureOptions::NEAREST);
    }

    /// A mesh that draws the glyphs of `layout` on lines meeting `top..bottom` (layout points),
    /// with the layout's top left at `origin` (screen points).
    pub fn mesh_for(
        &mut self,
        layout: &TextLayout,
        origin: Pos2,
        top: f32,
        bottom: f32,
        color: Color32,
    ) -> Mesh {
        self.mesh_for_runs(layout.scale(), origin, color, &|f| {
            layout.for_each_glyph_run(top, bottom, f)
        })
    }

    /// A mesh for the glyph runs that `runs` produces (pixels from `origin`, laid out at
    /// `scale` pixels per point).
    pub fn mesh_for_runs(
        &mut self,
        scale: f32,
        origin: Pos2,
        color: Color32,
        runs: &GlyphRunSource<'_>,
    ) -> Mesh {
        if scale != self.scale {
            self.scale = scale;
            self.reset(self.size);
        }
        loop {
            match self.try_mesh(scale, origin, color, runs) {
                Some(mesh) => return mesh,
                // Full: start over in a larger atlas (or the same one, emptied, at the limit).
                None => self.reset((self.size * 2).min(MAX_SIZE)),
            }
        }
    }

    fn try_mesh(
        &mut self,
        scale: f32,
        origin: Pos2,
        color: Color32,
        runs: &GlyphRunSource<'_>,
    ) -> Option<Mesh> {
        // The layout's origin on the pixel grid.
        let origin_px = ((origin.x * scale).round(), (origin.y * scale).round());
        let mut mesh = Mesh::with_texture(self.texture.id());
        let mut full = false;
        let texel = 1.0 / self.size as f32;
        runs(&mut |run| {
            if full {
                return;
            }
            let font = run.font;
            for glyph in &run.glyphs {
                if glyph.id == 0 {
                    self.missing_drawn += 1;
                }
                let x = glyph.x.floor();
                let mut subpixel = ((glyph.x - x) * SUBPIXEL_STEPS).round() as u8;
                let mut pen_x = x;
                if f32::from(subpixel) >= SUBPIXEL_STEPS {
                    subpixel = 0;
                    pen_x += 1.0;
                }
                let key = GlyphKey {
                    font: font.data.id(),
                    font_index: font.index,
                    glyph: glyph.id,
                    size_bits: run.font_size_px.to_bits(),
                    subpixel,
                };
                let atlas_glyph = match self.glyphs.get(&key) {
                    Some(entry) => *entry,
                    None => match self.rasterize(key, font.data.data(), run.font_size_px) {
                        Ok(entry) => entry,
                        Err(AtlasFull) => {
                            full = true;
                            return;
                        }
                    },
                };
                let Some(g) = atlas_glyph else { continue };
                let min_x = origin_px.0 + pen_x + g.left as f32;
                let min_y = origin_px.1 + glyph.y - g.top as f32;
                let rect = egui::Rect::from_min_size(
                    egui::pos2(min_x / scale, min_y / scale),
                    egui::vec2(g.width as f32 / scale, g.height as f32 / scale),
                );
                let uv = egui::Rect::from_min_size(
                    egui::pos2(g.x as f32 * texel, g.y as f32 * texel),
                    egui::vec2(g.width as f32 * texel, g.height as f32 * texel),
                );
                mesh.add_rect_with_uv(rect, uv, color);
            }
        });
        (!full).then_some(mesh)
    }

    fn rasterize(
        &mut self,
        key: GlyphKey,
        font_data: &[u8],
        size_px: f32,
    ) -> Result<Option<AtlasGlyph>, AtlasFull> {
        let Some(font) = swash::FontRef::from_index(font_data, key.font_index as usize) else {
            self.glyphs.insert(key, None);
            return Ok(None);
        };
        let mut scaler = self.scaler.builder(font).size(size_px).hint(false).build();
        let image = Render::new(&[Source::Outline])
            .format(Format::Alpha)
            .offset(Vector::new(f32::from(key.subpixel) / SUBPIXEL_STEPS, 0.0))
            .render(&mut scaler, key.glyph as u16);
        let Some(image) = image.filter(|i| i.placement.width > 0 && i.placement.height > 0) else {
            self.glyphs.insert(key, None);
            return Ok(None);
        };
        let (width, height) = (image.placement.width as i32, image.placement.height as i32);
        let allocation = self
            .allocator
            .allocate(size2(width + 2 * PADDING, height + 2 * PADDING))
            .ok_or(AtlasFull)?;
        let x = allocation.rectangle.min.x + PADDING;
        let y = allocation.rectangle.min.y + PADDING;
        let coverage: Vec<u8> = match image.content {
            Content::Mask => image.data,
            // Colour glyphs (emoji) are not in our fonts; keep their alpha if one turns up.
            _ => image.data.chunks_exact(4).map(|p| p[3]).collect(),
        };
        let pixels = coverage
            .into_iter()
            .map(Color32::from_white_alpha)
            .collect();
        let glyph_image = ColorImage::new([width as usize, height as usize], pixels);
        self.texture.set_partial(
            [x as usize, y as usize],
            glyph_image,
            TextureOptions::NEAREST,
        );
        let entry = AtlasGlyph {
            x,
            y,
            width,
            height,
            left: image.placement.left,
            top: image.placement.top,
        };
        self.glyphs.insert(key, Some(entry));
        Ok(Some(entry))
    }
}

struct AtlasFull;

fn blank(size: i32) -> ColorImage {
    ColorImage::filled([size as usize, size as usize], Color32::TRANSPARENT)
}
