//! The text engine at DESIGN.md's scale: lay out a 50 KB and a 1 MB article, re-wrap, hit-test,
//! and one whole egui frame (layout cached, glyphs drawn, tessellated) with a 50 KB article on
//! screen. Run with `cargo bench --bench text_layout`; numbers go in docs/PERFORMANCE.md.

use daftar::layout::{LayoutEngine, TextLayout, TextStyle};
use daftar::sample::ARTICLES;
use daftar::ui::article_view::{ArticleView, TextSelection};
use daftar::ui::text_engine::TextEngine;
use eframe::egui;

fn main() {
    divan::main();
}

/// Sample articles one after another until `bytes` is reached.
fn article_of(bytes: usize) -> String {
    let mut text = String::new();
    for (_, article) in ARTICLES.iter().cycle() {
        if text.len() >= bytes {
            break;
        }
        text.push_str(article);
        text.push('\n');
    }
    text
}

fn style() -> TextStyle {
    TextStyle::article(18.0)
}

#[divan::bench(args = [50_000, 1_000_000], sample_count = 10)]
fn layout(bencher: divan::Bencher, bytes: usize) {
    let text = article_of(bytes);
    let mut engine = LayoutEngine::new();
    bencher.bench_local(|| engine.layout(&text, &style(), Some(800.0), 1.0));
}

#[divan::bench(sample_count = 20)]
fn rewrap_50kb(bencher: divan::Bencher) {
    let text = article_of(50_000);
    let mut layout = LayoutEngine::new().layout(&text, &style(), Some(800.0), 1.0);
    let mut wide = false;
    bencher.bench_local(|| {
        wide = !wide;
        layout.rewrap(Some(if wide { 820.0 } else { 800.0 }));
    });
}

#[divan::bench(sample_count = 20)]
fn hit_test_50kb(bencher: divan::Bencher) {
    let text = article_of(50_000);
    let layout: TextLayout = LayoutEngine::new().layout(&text, &style(), Some(800.0), 1.0);
    let height = layout.height();
    let mut i = 0u32;
    bencher.bench_local(|| {
        i = i.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        let x = (i % 800) as f32;
        let y = ((i / 800) % height as u32) as f32;
        layout.hit_test(x, y)
    });
}

#[divan::bench(sample_count = 20)]
fn frame_with_50kb_article(bencher: divan::Bencher) {
    let text = article_of(50_000);
    let ctx = egui::Context::default();
    let mut engine: Option<TextEngine> = None;
    let mut selection = TextSelection {
        anchor: 100,
        focus: 900,
    };
    let input = || egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1200.0, 800.0),
        )),
        ..Default::default()
    };
    let mut frame = || {
        let output = ctx.run_ui(input(), |ui| {
            let engine = engine.get_or_insert_with(|| TextEngine::new(ui.ctx()));
            egui::ScrollArea::vertical().show(ui, |ui| {
                ArticleView {
                    text: &text,
                    style: style(),
                    highlights: &[],
                    selected_highlight: None,
                    scroll_to: None,
                }
                .ui(ui, engine, &mut selection);
            });
            engine.end_frame();
        });
        ctx.tessellate(output.shapes, output.pixels_per_point).len()
    };
    frame(); // lays out and fills the glyph atlas once
    bencher.bench_local(frame);
}
