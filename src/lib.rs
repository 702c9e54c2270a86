//! Daftar: annotate Persian and Arabic news articles with entities, the diplomatic meetings they
//! report and the outcomes of those meetings; review; export.
//!
//! Everything but `ui` is free of egui, so it can be tested without a window.

pub mod cli;
pub mod corpus;
pub mod edit;
pub mod export;
pub mod layout;
pub mod model;
pub mod open;
pub mod records;
pub mod sample;
pub mod store;
pub mod text;
pub mod ui;
