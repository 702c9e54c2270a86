//! One frame of the whole window on a project of 10,000 documents and 500,000 spans: the
//! document list, the article, the annotation panel, layout cached. The target is 4 ms of CPU
//! for a frame with an article on screen. Run with `cargo bench --bench window`.

mod common;

use common::{corpus, large_project};
use daftar::ui::DaftarApp;
use eframe::egui;

fn main() {
    divan::main();
    common::remove_run_folders();
}

/// The window on the large project (saved beside the corpus so that articles open).
fn app() -> DaftarApp {
    let project = large_project();
    assert_eq!(project.corpus, "corpus");
    let path = corpus().with_file_name("large.daftar.ron");
    if !path.exists() {
        daftar::store::write_atomically(&path, daftar::store::to_ron(project).as_bytes()).unwrap();
    }
    DaftarApp::new(daftar::open::open_path(&path).unwrap())
}

fn bench_frames(bencher: divan::Bencher, filter: &str) {
    let mut app = app();
    app.filter.set_text(filter);
    let ctx = egui::Context::default();
    let input = || egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1400.0, 900.0),
        )),
        ..Default::default()
    };
    let mut frame = || {
        let output = ctx.run_ui(input(), |ui| app.window_ui(ui));
        ctx.tessellate(output.shapes, output.pixels_per_point).len()
    };
    frame();
    frame();
    bencher.bench_local(frame);
}

#[divan::bench(sample_count = 10)]
fn frame_with_10k_documents(bencher: divan::Bencher) {
    bench_frames(bencher, "");
}

#[divan::bench(sample_count = 10)]
fn frame_with_10k_documents_filtered(bencher: divan::Bencher) {
    bench_frames(bencher, "شانگهای");
}
