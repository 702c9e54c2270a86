//! Pictures of a project, as data: the meetings on a timeline (a row per organization, planned
//! ones marked), outcomes by type and status, spans by label and review, documents by status per
//! annotator, and the spans made each week by each annotator. The window draws them (with our
//! text engine: names are Persian or Arabic); [`bars_svg`] and [`timeline_svg`] write them as SVG
//! files, whose text any browser lays out right to left.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::i18n::Words;
use crate::model::{DocStatus, LabelLanguage, MeetingId, Project, Realis, ReviewState};

/// Bars of stacked segments, one colour a series.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BarChart {
    pub title: String,
    /// The series the segments belong to, in the order they stack.
    pub series: Vec<String>,
    pub bars: Vec<Bar>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Bar {
    pub label: String,
    /// How many of each series (as `BarChart::series`).
    pub counts: Vec<usize>,
}

impl Bar {
    pub fn total(&self) -> usize {
        self.counts.iter().sum()
    }
}

impl BarChart {
    /// The largest bar's total.
    pub fn max(&self) -> usize {
        self.bars.iter().map(Bar::total).max().unwrap_or(0)
    }

    /// Counts of (bar, series) pairs; bars in the order given by `bar_order` (then by name),
    /// series in `series` order.
    fn from_pairs(
        title: &str,
        series: Vec<String>,
        pairs: impl Iterator<Item = (String, String)>,
    ) -> Self {
        let mut bars: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (bar, one) in pairs {
            let Some(index) = series.iter().position(|s| *s == one) else {
                continue;
            };
            bars.entry(bar).or_insert_with(|| vec![0; series.len()])[index] += 1;
        }
        BarChart {
            title: title.to_string(),
            bars: bars
                .into_iter()
                .map(|(label, counts)| Bar { label, counts })
                .collect(),
            series,
        }
    }
}

/// A meeting on the timeline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mark {
    pub meeting: MeetingId,
    /// Days since 1970-01-01, first and last (a month or a year covers all its days).
    pub first: i64,
    pub last: i64,
    /// Planned (or hypothetical): not held yet.
    pub planned: bool,
    /// Its dates as the articles give them (ISO).
    pub dates: String,
}

/// The meetings of one organization.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimelineRow {
    pub organization: String,
    pub marks: Vec<Mark>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Timeline {
    pub rows: Vec<TimelineRow>,
    /// The days the marks span.
    pub first: i64,
    pub last: i64,
    /// Meetings without a date (not on the timeline), and cancelled ones left out.
    pub undated: usize,
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
pub fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month = i64::from(month);
    let day_of_year =
        (153 * (if month > 2 { month - 3 } else { month + 9 }) + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The (year, month, day) of days since 1970-01-01 (the inverse, `civil_from_days`).
pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let mp = (5 * day_of_year + 2) / 153;
    let day = (day_of_year - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// The first and last day an ISO date of any precision (`YYYY-MM-DD`, `YYYY-MM`, `YYYY`) means.
pub fn day_span(iso: &str) -> Option<(i64, i64)> {
    let mut parts = iso.split('-');
    let year: i64 = parts.next()?.parse().ok()?;
    let month: Option<u32> = parts.next().map(str::parse).transpose().ok()?;
    let day: Option<u32> = parts.next().map(str::parse).transpose().ok()?;
    match (month, day) {
        (Some(m @ 1..=12), Some(d @ 1..=31)) => {
            Some((days_from_civil(year, m, d), days_from_civil(year, m, d)))
        }
        (Some(m @ 1..=12), None) => {
            let first = days_from_civil(year, m, 1);
            let next = if m == 12 {
                days_from_civil(year + 1, 1, 1)
            } else {
                days_from_civil(year, m + 1, 1)
            };
            Some((first, next - 1))
        }
        (None, None) => Some((
            days_from_civil(year, 1, 1),
            days_from_civil(year + 1, 1, 1) - 1,
        )),
        _ => None,
    }
}

/// The meetings by date, a row per organization (by name), planned ones marked.
pub fn timeline(project: &Project) -> Timeline {
    let mut rows: BTreeMap<String, Vec<Mark>> = BTreeMap::new();
    let mut undated = 0;
    for meeting in &project.meetings {
        if meeting.realis == Realis::Cancelled {
            continue;
        }
        let start = meeting.start.as_ref().map(|d| d.value.iso.clone());
        let end = meeting.end.as_ref().map(|d| d.value.iso.clone());
        let span = start.as_deref().and_then(day_span);
        let Some((first, start_last)) = span else {
            undated += 1;
            continue;
        };
        let last = end
            .as_deref()
            .and_then(day_span)
            .map_or(start_last, |(_, l)| l.max(first));
        let organization = meeting
            .organization
            .as_ref()
            .and_then(|o| project.entity(o.value))
            .map_or_else(|| "(no organization)".to_string(), |e| e.name.clone());
        let dates = match &end {
            Some(end) if Some(end) != start.as_ref() => {
                format!("{}–{end}", start.unwrap_or_default())
            }
            _ => start.unwrap_or_default(),
        };
        rows.entry(organization).or_default().push(Mark {
            meeting: meeting.id,
            first,
            last,
            planned: matches!(meeting.realis, Realis::Planned | Realis::Hypothetical),
            dates,
        });
    }
    let marks = rows.values().flatten();
    let first = marks.clone().map(|m| m.first).min().unwrap_or(0);
    let last = marks.map(|m| m.last).max().unwrap_or(0);
    Timeline {
        rows: rows
            .into_iter()
            .map(|(organization, mut marks)| {
                marks.sort_by_key(|m| (m.first, m.meeting));
                TimelineRow {
                    organization,
                    marks,
                }
            })
            .collect(),
        first,
        last,
        undated,
    }
}

fn review_series(words: Words) -> Vec<String> {
    [
        ReviewState::Pending,
        ReviewState::Accepted,
        ReviewState::Rejected,
    ]
    .iter()
    .map(|s| words.review_state(*s))
    .collect()
}

/// Outcomes by type (bars) and status (segments), named in `language` (a key the schema does
/// not name, as it is).
pub fn outcomes_by_type(project: &Project, language: LabelLanguage) -> BarChart {
    let schema = &project.schema;
    let type_name = |key: &str| {
        schema
            .outcome_type(key)
            .map_or_else(|| key.to_string(), |c| c.names.get(language).to_string())
    };
    let status_name = |key: &str| {
        schema
            .outcome_status(key)
            .map_or_else(|| key.to_string(), |c| c.names.get(language).to_string())
    };
    let mut statuses: Vec<String> = project
        .outcomes
        .iter()
        .map(|o| status_name(&o.status))
        .collect();
    statuses.sort();
    statuses.dedup();
    BarChart::from_pairs(
        &Words::new(language).t("chart-outcomes-title"),
        statuses,
        project
            .outcomes
            .iter()
            .map(|o| (type_name(&o.kind), status_name(&o.status))),
    )
}

/// Spans by label (bars, named in `language`) and review (segments).
pub fn spans_by_label(project: &Project, language: LabelLanguage) -> BarChart {
    let name = |key: &str| {
        project
            .schema
            .label(key)
            .map_or_else(|| key.to_string(), |l| l.names.get(language).to_string())
    };
    let words = Words::new(language);
    BarChart::from_pairs(
        &words.t("chart-spans-title"),
        review_series(words),
        project.documents.iter().flat_map(|d| {
            d.spans
                .iter()
                .map(move |s| (name(&s.label), words.review_state(s.review.state)))
        }),
    )
}

/// Documents by annotator (bars: each annotator they are given to, or "not assigned") and
/// status (segments): where each person's queue stands.
pub fn documents_by_annotator(project: &Project, language: LabelLanguage) -> BarChart {
    let words = Words::new(language);
    BarChart::from_pairs(
        &words.t("chart-documents-title"),
        DocStatus::ALL
            .iter()
            .map(|s| words.doc_status(*s))
            .collect(),
        project.documents.iter().flat_map(move |d| {
            let status = words.doc_status(d.status);
            let people: Vec<String> = if d.assigned.is_empty() {
                vec![words.t("chart-not-assigned")]
            } else {
                d.assigned.clone()
            };
            people.into_iter().map(move |p| (p, status.clone()))
        }),
    )
}

/// Spans made each week (bars: the Monday starting it, ISO) by each annotator (segments).
pub fn spans_per_week(project: &Project, language: LabelLanguage) -> BarChart {
    let week_of = |created: &str| -> Option<String> {
        let (day, _) = day_span(created.get(..10)?)?;
        // 1970-01-01 was a Thursday: Monday is 3 days before.
        let monday = day - (day + 3).rem_euclid(7);
        let (y, m, d) = civil_from_days(monday);
        Some(format!("{y:04}-{m:02}-{d:02}"))
    };
    let spans = project.documents.iter().flat_map(|d| d.spans.iter());
    let mut people: Vec<String> = spans.clone().map(|s| s.author.to_string()).collect();
    people.sort();
    people.dedup();
    BarChart::from_pairs(
        &Words::new(language).t("chart-weeks-title"),
        people,
        spans.filter_map(|s| Some((week_of(&s.created)?, s.author.to_string()))),
    )
}

/// The pictures the window shows, each of which can be saved.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum ChartKind {
    #[default]
    Timeline,
    Outcomes,
    SpansByLabel,
    DocumentsByAnnotator,
    SpansPerWeek,
}

impl ChartKind {
    pub const ALL: [ChartKind; 5] = [
        ChartKind::Timeline,
        ChartKind::Outcomes,
        ChartKind::SpansByLabel,
        ChartKind::DocumentsByAnnotator,
        ChartKind::SpansPerWeek,
    ];

    /// Its tab's name.
    pub fn name(self) -> &'static str {
        match self {
            ChartKind::Timeline => "Meetings timeline",
            ChartKind::Outcomes => "Outcomes",
            ChartKind::SpansByLabel => "Spans per label",
            ChartKind::DocumentsByAnnotator => "Documents per annotator",
            ChartKind::SpansPerWeek => "Progress per week",
        }
    }

    /// A file name to offer when saving it.
    pub fn file_name(self) -> &'static str {
        match self {
            ChartKind::Timeline => "meetings-timeline.svg",
            ChartKind::Outcomes => "outcomes.svg",
            ChartKind::SpansByLabel => "spans-per-label.svg",
            ChartKind::DocumentsByAnnotator => "documents-per-annotator.svg",
            ChartKind::SpansPerWeek => "progress-per-week.svg",
        }
    }

    /// The bar chart it is (the timeline is not one), schema keys named in `language`.
    pub fn bars(self, project: &Project, language: LabelLanguage) -> Option<BarChart> {
        Some(match self {
            ChartKind::Timeline => return None,
            ChartKind::Outcomes => outcomes_by_type(project, language),
            ChartKind::SpansByLabel => spans_by_label(project, language),
            ChartKind::DocumentsByAnnotator => documents_by_annotator(project, language),
            ChartKind::SpansPerWeek => spans_per_week(project, language),
        })
    }

    /// It, as an SVG file.
    pub fn svg(self, project: &Project, language: LabelLanguage) -> String {
        match self.bars(project, language) {
            Some(chart) => bars_svg(&chart),
            None => timeline_svg(&timeline(project)),
        }
    }
}

/// A colour per series index, the same in the window and the SVG files.
pub fn series_color(index: usize) -> [u8; 3] {
    const COLORS: [[u8; 3]; 8] = [
        [76, 120, 168],
        [245, 133, 24],
        [84, 162, 75],
        [228, 87, 86],
        [114, 183, 178],
        [178, 121, 162],
        [238, 202, 59],
        [157, 117, 93],
    ];
    COLORS[index % COLORS.len()]
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn rgb([r, g, b]: [u8; 3]) -> String {
    format!("rgb({r},{g},{b})")
}

/// An SVG file's opening: its size, fonts, title and heading.
fn svg_start(width: f64, height: f64, title: &str, heading: &str) -> String {
    let mut svg = String::new();
    let _ = writeln!(
        svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" font-family="Vazirmatn, Noto Sans, sans-serif" font-size="13">"#
    );
    let _ = writeln!(svg, "<title>{}</title>", escape(title));
    let _ = writeln!(
        svg,
        r#"<text x="10" y="22" font-size="16">{}</text>"#,
        escape(heading)
    );
    svg
}

/// A bar chart as an SVG file: horizontal bars, a legend of the series.
pub fn bars_svg(chart: &BarChart) -> String {
    let (label_width, bar_width, row) = (220.0, 480.0, 26.0);
    let height =
        70.0 + row * chart.bars.len() as f64 + 24.0 * chart.series.len().div_ceil(4) as f64;
    let width = label_width + bar_width + 80.0;
    let scale = bar_width / chart.max().max(1) as f64;
    let mut svg = svg_start(width, height, &chart.title, &chart.title);
    for (i, bar) in chart.bars.iter().enumerate() {
        let y = 40.0 + row * i as f64;
        let _ = writeln!(
            svg,
            r#"<text x="{}" y="{}" text-anchor="end">{}</text>"#,
            label_width - 8.0,
            y + 16.0,
            escape(&bar.label)
        );
        let mut x = label_width;
        for (series, count) in bar.counts.iter().enumerate() {
            if *count == 0 {
                continue;
            }
            let w = *count as f64 * scale;
            let _ = writeln!(
                svg,
                r#"<rect x="{x:.1}" y="{:.1}" width="{w:.1}" height="{:.1}" fill="{}"><title>{}: {count}</title></rect>"#,
                y + 4.0,
                row - 8.0,
                rgb(series_color(series)),
                escape(&chart.series[series])
            );
            x += w;
        }
        let _ = writeln!(
            svg,
            r#"<text x="{:.1}" y="{}">{}</text>"#,
            x + 6.0,
            y + 16.0,
            bar.total()
        );
    }
    let legend_y = 50.0 + row * chart.bars.len() as f64;
    for (i, series) in chart.series.iter().enumerate() {
        let (x, y) = (
            label_width + 160.0 * (i % 4) as f64,
            legend_y + 24.0 * (i / 4) as f64,
        );
        let _ = writeln!(
            svg,
            r#"<rect x="{x}" y="{y}" width="12" height="12" fill="{}"/><text x="{}" y="{}">{}</text>"#,
            rgb(series_color(i)),
            x + 18.0,
            y + 11.0,
            escape(series)
        );
    }
    svg.push_str("</svg>\n");
    svg
}

/// The timeline as an SVG file: a row per organization, a bar from first to last day for each
/// meeting (a hollow one when planned), years marked along the top.
pub fn timeline_svg(timeline: &Timeline) -> String {
    let (label_width, plot_width, row) = (240.0, 640.0, 30.0);
    let height = 60.0 + row * timeline.rows.len() as f64 + 30.0;
    let width = label_width + plot_width + 40.0;
    let days = (timeline.last - timeline.first).max(1) as f64;
    let x_of = |day: i64| label_width + (day - timeline.first) as f64 / days * plot_width;
    let mut svg = svg_start(
        width,
        height,
        "Meetings by date",
        "Meetings by date (hollow: planned)",
    );
    let (first_year, _, _) = civil_from_days(timeline.first);
    let (last_year, _, _) = civil_from_days(timeline.last);
    for year in first_year..=last_year + 1 {
        let day = days_from_civil(year, 1, 1);
        if day < timeline.first || day > timeline.last {
            continue;
        }
        let x = x_of(day);
        let _ = writeln!(
            svg,
            r##"<line x1="{x:.1}" y1="36" x2="{x:.1}" y2="{}" stroke="#bbb"/><text x="{:.1}" y="34">{year}</text>"##,
            height - 20.0,
            x + 3.0
        );
    }
    for (i, line) in timeline.rows.iter().enumerate() {
        let y = 44.0 + row * i as f64;
        let _ = writeln!(
            svg,
            r#"<text x="{}" y="{}" text-anchor="end">{}</text>"#,
            label_width - 10.0,
            y + 18.0,
            escape(&line.organization)
        );
        for mark in &line.marks {
            let x = x_of(mark.first);
            let w = (x_of(mark.last + 1) - x).max(6.0);
            let color = rgb(series_color(i));
            let fill = if mark.planned {
                "none".to_string()
            } else {
                color.clone()
            };
            let _ = writeln!(
                svg,
                r#"<rect x="{x:.1}" y="{:.1}" width="{w:.1}" height="16" fill="{fill}" stroke="{color}" stroke-width="2"><title>{} {}</title></rect>"#,
                y + 6.0,
                escape(&mark.dates),
                if mark.planned { "(planned)" } else { "" }
            );
        }
    }
    if timeline.undated > 0 {
        let _ = writeln!(
            svg,
            r#"<text x="10" y="{}">Meetings without a date, not shown: {}.</text>"#,
            height - 6.0,
            timeline.undated
        );
    }
    svg.push_str("</svg>\n");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Project {
        crate::store::from_ron(crate::sample::PROJECT, std::path::Path::new("sample")).unwrap()
    }

    #[test]
    fn days_round_trip_and_partial_dates_cover_their_month_or_year() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2021, 7, 13), 18_821);
        for day in [-800_000, -1, 0, 59, 18_821, 20_000, 400_000] {
            let (y, m, d) = civil_from_days(day);
            assert_eq!(days_from_civil(y, m, d), day);
        }
        let (first, last) = day_span("2024-02").unwrap();
        assert_eq!(last - first, 28, "a leap February");
        let (first, last) = day_span("2021").unwrap();
        assert_eq!(last - first, 364);
        assert_eq!(day_span("2021-13"), None);
        assert_eq!(day_span("soon"), None);
    }

    #[test]
    fn the_samples_meetings_lie_on_the_timeline_by_organization_planned_marked() {
        let project = sample();
        let timeline = timeline(&project);
        let marks: usize = timeline.rows.iter().map(|r| r.marks.len()).sum();
        let dated = project
            .meetings
            .iter()
            .filter(|m| m.start.is_some())
            .count();
        assert_eq!(marks, dated);
        assert_eq!(timeline.undated, project.meetings.len() - dated);
        let sco = timeline
            .rows
            .iter()
            .find(|r| r.organization.contains("شانگهای"))
            .unwrap();
        // The foreign ministers in July, held; the summit in September, planned.
        assert_eq!(sco.marks.len(), 2);
        assert!(!sco.marks[0].planned && sco.marks[1].planned);
        assert_eq!(sco.marks[0].first, days_from_civil(2021, 7, 13));
        assert_eq!(sco.marks[0].last, days_from_civil(2021, 7, 14));
        assert!(timeline.first <= sco.marks[0].first && sco.marks[1].last <= timeline.last);
    }

    #[test]
    fn bar_charts_count_every_outcome_span_and_document() {
        let project = sample();
        let outcomes = outcomes_by_type(&project, LabelLanguage::English);
        assert_eq!(
            outcomes.bars.iter().map(Bar::total).sum::<usize>(),
            project.outcomes.len()
        );
        let spans = spans_by_label(&project, LabelLanguage::Persian);
        // Named in the language asked for: the Persian name of GPE.
        assert!(
            spans.bars.iter().any(|b| b.label == "کشور یا شهر"),
            "{spans:?}"
        );
        let all: usize = project.documents.iter().map(|d| d.spans.len()).sum();
        assert_eq!(spans.bars.iter().map(Bar::total).sum::<usize>(), all);
        let documents = documents_by_annotator(&project, LabelLanguage::English);
        assert!(documents.bars.iter().map(Bar::total).sum::<usize>() >= project.documents.len());
        let weeks = spans_per_week(&project, LabelLanguage::English);
        assert_eq!(weeks.bars.iter().map(Bar::total).sum::<usize>(), all);
        assert!(
            weeks.bars.iter().all(|b| {
                let (day, _) = day_span(&b.label).unwrap();
                (day + 3).rem_euclid(7) == 0
            }),
            "weeks start on Mondays"
        );
    }

    #[test]
    fn charts_are_written_as_svg_with_their_names_escaped() {
        let project = sample();
        let svg = timeline_svg(&timeline(&project));
        assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"));
        assert!(svg.contains("سازمان همکاری شانگهای"));
        assert!(
            svg.contains(r#"fill="none""#),
            "a planned meeting is hollow"
        );
        let chart = BarChart {
            title: "a <b> & c".into(),
            series: vec!["x".into()],
            bars: vec![Bar {
                label: "\"q\"".into(),
                counts: vec![3],
            }],
        };
        let svg = bars_svg(&chart);
        assert!(svg.contains("a &lt;b&gt; &amp; c") && svg.contains("&quot;q&quot;"));
        assert!(!svg.contains("<b>"));
    }
}
