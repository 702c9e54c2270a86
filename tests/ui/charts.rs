//! The charts window as an analyst opens it (issue 14): Ctrl+Shift+T, the meetings on the
//! timeline, then the other charts by their tabs.

use daftar::charts::ChartKind;
use daftar::ui::charts_window::{bar_name, mark_name};
use eframe::egui;
use egui_kittest::kittest::Queryable;

use super::{click_label, press, sample_project_harness};

#[test]
fn the_timeline_draws_every_dated_meeting_and_the_tabs_the_other_charts() {
    let (_dir, _project, mut harness) = sample_project_harness();
    press(
        &mut harness,
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::T,
    );
    let project = harness.state().session.project().clone();
    let timeline = daftar::charts::timeline(&project);
    assert!(!timeline.rows.is_empty());
    for row in &timeline.rows {
        harness.get_by_label(&row.organization);
        for mark in &row.marks {
            let drawn = harness.get_by_label(&mark_name(mark)).rect();
            assert!(drawn.width() >= 6.0, "{}", mark_name(mark));
        }
    }
    // The SCO's July meeting ends before its planned September summit begins, left to right.
    let sco = timeline
        .rows
        .iter()
        .find(|r| r.organization.contains("شانگهای"))
        .unwrap();
    let july = harness.get_by_label(&mark_name(&sco.marks[0])).rect();
    let september = harness.get_by_label(&mark_name(&sco.marks[1])).rect();
    assert!(july.max.x < september.min.x);

    click_label(&mut harness, ChartKind::SpansByLabel.name());
    let chart = daftar::charts::spans_by_label(&project, daftar::model::LabelLanguage::English);
    let widths: Vec<f32> = chart
        .bars
        .iter()
        .map(|bar| harness.get_by_label(&bar_name(bar)).rect().width())
        .collect();
    assert!(widths.iter().all(|w| *w > 0.0));
    click_label(&mut harness, ChartKind::Outcomes.name());
    for bar in
        &daftar::charts::outcomes_by_type(&project, daftar::model::LabelLanguage::English).bars
    {
        harness.get_by_label(&bar_name(bar));
    }
}
