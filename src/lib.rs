//! Daftar: annotate Persian and Arabic news articles with entities, the diplomatic meetings they
//! report and the outcomes of those meetings; review; export.
//!
//! Everything but `ui` is free of egui: `app` is the whole application without a window, so it
//! is tested without one, and the command line builds without the `gui` feature.

pub mod agreement;
pub mod app;
pub mod charts;
pub mod cli;
pub mod corpus;
pub mod edit;
pub mod gazetteer;
pub mod i18n;
pub mod interchange;
pub mod layout;
pub mod model;
pub mod open;
pub mod parallel;
pub mod records;
pub mod sample;
pub mod search;
pub mod store;
pub mod sync;
pub mod text;
#[cfg(feature = "gui")]
pub mod ui;

// The allocator of everything built on this library (the program, its tests and benchmarks):
// mimalloc reuses memory one thread freed on another, where glibc's per-thread arenas keep it
// (an import quotes its 500,000 spans on every core: 573 MB at its peak with glibc, 410 MB with
// mimalloc), and a project is millions of short strings, which it allocates faster.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
