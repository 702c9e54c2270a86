//! The first window: the project's documents with their status and annotation counts.

use eframe::egui;

use crate::model::DiskState;
use crate::open::OpenedProject;

pub struct DaftarApp {
    opened: OpenedProject,
}

impl DaftarApp {
    pub fn new(opened: OpenedProject) -> Self {
        DaftarApp { opened }
    }

    pub fn document_list_ui(&self, ui: &mut egui::Ui) {
        let project = &self.opened.project;
        egui::ScrollArea::vertical().show(ui, |ui| {
            egui::Grid::new("documents")
                .striped(true)
                .num_columns(6)
                .show(ui, |ui| {
                    for heading in [
                        "Document",
                        "Language",
                        "Status",
                        "Spans",
                        "Characters",
                        "File",
                    ] {
                        ui.strong(heading);
                    }
                    ui.end_row();
                    for document in &project.documents {
                        ui.label(&document.path);
                        ui.label(&document.language);
                        ui.label(document.status.name());
                        ui.label(document.spans.len().to_string());
                        ui.label(document.chars.to_string());
                        ui.label(match &document.disk {
                            DiskState::Unchanged => "ok",
                            DiskState::Changed { .. } => "changed on disk",
                            DiskState::Missing => "missing",
                            DiskState::Unreadable { .. } => "unreadable",
                        });
                        ui.end_row();
                    }
                });
        });
    }
}

impl eframe::App for DaftarApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let project = &self.opened.project;
        egui::Panel::bottom("status").show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.label(format!(
                    "{} documents, {} spans — {}",
                    project.documents.len(),
                    project.span_count(),
                    self.opened.file.path().display()
                ));
            });
        });
        egui::CentralPanel::default().show(ui, |ui| {
            ui.heading(&project.name);
            if let Some(report) = &self.opened.import_report {
                ui.label(report.to_string());
            }
            ui.separator();
            self.document_list_ui(ui);
        });
    }
}
