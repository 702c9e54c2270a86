use super::*;

const MIXED: &str = "وزیر امور خارجه «ایران» در نشست ECO گفت: برنامه 2022-2024 در ۱۴۰۲/۰۴/۲۲ و 16.07.2021 تصویب شد.\nمی‌خواهم مُحَمَّد را ببینم (https://www.isna.ir/news/1402042214275/a-very-long-url-without-breaks)\nECO meeting in تهران on 13 July.";

fn layout(text: &str, width: f32) -> TextLayout {
    LayoutEngine::new().layout(text, &TextStyle::article(16.0), Some(width), 1.0)
}

#[test]
fn one_line_list_per_paragraph_and_every_byte_on_a_line() {
    let layout = layout(MIXED, 300.0);
    let lines = layout.lines();
    assert!(lines.len() > 3, "wrapped into several lines");
    // Lines tile each paragraph in logical order.
    let mut covered = vec![false; MIXED.len()];
    for line in &lines {
        for cluster in &line.clusters {
            for b in cluster.range.clone() {
                assert!(!covered[b], "byte {b} on two clusters");
                covered[b] = true;
            }
        }
    }
    for (b, c) in MIXED.char_indices() {
        if c != '\n' {
            assert!(covered[b], "byte {b} ({c:?}) on no line");
        }
    }
}

#[test]
fn right_to_left_lines_are_right_aligned() {
    let layout = layout("سلام دنیا", 400.0);
    let line = &layout.lines()[0];
    let right = line
        .clusters
        .iter()
        .map(|c| c.x + c.width)
        .fold(0.0, f32::max);
    assert!((right - 400.0).abs() < 1.0, "right edge at {right}");
    // Visual order: the first logical cluster is the rightmost.
    assert_eq!(line.clusters.last().unwrap().range.start, 0);
}

#[test]
fn long_urls_wrap() {
    let layout = layout(
        "https://www.isna.ir/news/1402042214275/%D8%B6%D8%B1%D9%88%D8%B1%D8%AA-%D8%AA%D9%88%D8%B3%D8%B9%D9%87",
        200.0,
    );
    assert!(layout.lines().len() > 1);
    for line in layout.lines() {
        for c in &line.clusters {
            assert!(c.x >= -0.5 && c.x + c.width <= 200.5, "{c:?} overflows");
        }
    }
}

#[test]
fn rewrap_matches_a_fresh_layout() {
    let mut engine = LayoutEngine::new();
    let style = TextStyle::article(16.0);
    let mut rewrapped = engine.layout(MIXED, &style, Some(500.0), 1.5);
    rewrapped.rewrap(Some(250.0));
    let fresh = engine.layout(MIXED, &style, Some(250.0), 1.5);
    assert_eq!(rewrapped.lines(), fresh.lines());
    assert_eq!(rewrapped.height(), fresh.height());
}

#[test]
fn blank_lines_take_space() {
    let layout = layout("الف\n\nب", 300.0);
    let lines = layout.lines();
    assert_eq!(lines.len(), 3);
    assert!(lines[1].top >= lines[0].bottom && lines[2].top >= lines[1].bottom);
    assert_eq!(lines[1].range, 7..7);
}

/// For every offset on a grapheme boundary, the caret's centre hit-tests back to that offset.
#[test]
fn caret_then_hit_test_returns_the_offset() {
    for scale in [1.0, 1.5] {
        let layout =
            LayoutEngine::new().layout(MIXED, &TextStyle::article(16.0), Some(320.0), scale);
        for (offset, _) in MIXED.grapheme_indices(true) {
            let caret = layout.caret(offset);
            let y = (caret.min_y + caret.max_y) / 2.0;
            let x = (caret.min_x + caret.max_x) / 2.0;
            let hit = layout.hit_test(x, y);
            // At a direction boundary two offsets share one caret position; a line's end and the
            // next line's start share one offset. Both are the same place for the user.
            let same_place = {
                let back = layout.caret(hit);
                (back.min_x - caret.min_x).abs() < 0.5 && (back.min_y - caret.min_y).abs() < 0.5
            };
            assert!(
                hit == offset || same_place,
                "scale {scale}: offset {offset} → caret {caret:?} → {hit}"
            );
        }
    }
}

/// The selection rectangles of a range cover exactly the clusters inside it.
#[test]
fn selection_covers_exactly_its_clusters() {
    let layout = layout(MIXED, 320.0);
    let lines = layout.lines();
    let boundaries: Vec<usize> = MIXED.grapheme_indices(true).map(|(i, _)| i).collect();
    for (k, &start) in boundaries.iter().enumerate().step_by(7) {
        for &end in boundaries[k + 1..].iter().step_by(11).take(8) {
            let rects = layout.selection_rects(start..end);
            for line in &lines {
                for cluster in &line.clusters {
                    if MIXED[cluster.range.clone()].trim().is_empty() {
                        continue; // spaces at a line's end may hang outside the line box
                    }
                    let cx = cluster.x + cluster.width / 2.0;
                    let cy = (line.top + line.bottom) / 2.0;
                    let inside = cluster.range.start >= start && cluster.range.end <= end;
                    let covered = rects.iter().any(|r| r.contains(cx, cy));
                    assert_eq!(covered, inside, "range {start}..{end}, cluster {cluster:?}");
                }
            }
        }
    }
}

#[test]
fn hits_snap_to_grapheme_boundaries() {
    let text = "مُحَمَّد";
    let layout = layout(text, 300.0);
    for line in layout.lines() {
        for x in 0..300 {
            let offset = layout.hit_test(x as f32, (line.top + line.bottom) / 2.0);
            assert!(text.is_char_boundary(offset));
            let graphemes: Vec<usize> = text
                .grapheme_indices(true)
                .map(|(i, _)| i)
                .chain([text.len()])
                .collect();
            assert!(
                graphemes.contains(&offset),
                "{offset} is inside a letter with its harakat"
            );
        }
    }
}

#[test]
fn glyph_runs_are_on_whole_pixel_baselines() {
    let layout = LayoutEngine::new().layout(MIXED, &TextStyle::article(16.0), Some(300.0), 1.5);
    let mut glyphs = 0;
    layout.for_each_glyph_run(0.0, f32::INFINITY, |run| {
        for g in &run.glyphs {
            assert_eq!(g.y, g.y.round());
            glyphs += 1;
        }
        assert!((run.font_size_px - 24.0).abs() < 0.01);
    });
    assert!(glyphs > 100);
}

#[test]
fn visual_movement_crosses_paragraphs() {
    let text = "الف\nب";
    let layout = layout(text, 300.0);
    // In right-to-left text, moving left goes forward.
    let end_of_first = 6;
    assert_eq!(layout.move_visually(end_of_first, false), 7);
    assert_eq!(layout.move_visually(7, true), end_of_first);
    assert_eq!(layout.move_visually(0, false), 2);
}

#[test]
fn word_at_a_point_is_the_whole_word() {
    let text = "سلام دنیا";
    let layout = layout(text, 400.0);
    let line = &layout.lines()[0];
    let y = (line.top + line.bottom) / 2.0;
    // The rightmost cluster is the first letter of the first word.
    let first = line.clusters.last().unwrap();
    assert_eq!(layout.word_at(first.x + first.width / 2.0, y), 0..8);
    let leftmost = &line.clusters[0];
    assert_eq!(layout.word_at(leftmost.x + 1.0, y), 9..text.len());
}

#[test]
fn a_letter_the_fonts_lack_is_missing_and_invisible_marks_are_not() {
    let shown = |text: &str| !layout(text, 400.0).has_missing_glyphs();
    assert!(shown(
        "وزیر امور خارجه «ایران» ECO 2021-07-13 ۱۴۰۲ ٤ می‌خواهم"
    ));
    assert!(shown("\u{2066}2021-07-13\u{2069} \u{200F}"));
    // Devanagari and a CJK ideograph are in none of the bundled fonts.
    assert!(!shown("नमस्ते"));
    assert!(!shown("中"));
    let text = "سلام 中 دنیا";
    let at = text.find('中').unwrap();
    assert_eq!(
        layout(text, 400.0).missing_glyphs(),
        vec![at..at + '中'.len_utf8()]
    );
}

#[test]
fn emoji_flags_subscripts_symbols_and_tabs_are_drawn_by_the_fallback_fonts() {
    // What articles quoting tweets and reports hold; Vazirmatn alone had none of these.
    let text = "خبر فوری 😀 👍🏽 🇮🇷 👨‍👩‍👧 #️⃣ H₂O و CO₂ در m² ✓ ★ ☎ ♥ ⚠ → ⇒ ≈ ≠ ≤ ∞ √ ∑ π € ° ± × ÷ © ™ … 𝐀𝐁 𝑥 ∈ ∀ α β Ω Ж ① ½\tپایان";
    let laid = layout(text, 400.0);
    let missing: Vec<&str> = laid
        .missing_glyphs()
        .into_iter()
        .map(|r| &text[r])
        .collect();
    assert!(missing.is_empty(), "no glyph for {missing:?}");
    // A flag and an emoji sequence are one cluster each, not one per code point.
    let clusters: Vec<String> = laid
        .lines()
        .iter()
        .flat_map(|l| l.clusters.iter().map(|c| text[c.range.clone()].to_string()))
        .collect();
    for sequence in ["🇮🇷", "👨‍👩‍👧", "👍🏽"] {
        assert!(
            clusters.iter().any(|c| c == sequence),
            "{sequence} split: {clusters:?}"
        );
    }
}

/// The text of a line's clusters, left to right, spaces shown as `␠`.
fn visual(layout: &TextLayout, line: &LineInfo) -> String {
    line.clusters
        .iter()
        .map(|c| layout.text()[c.range.clone()].replace(' ', "␠"))
        .collect()
}

#[test]
fn a_space_after_a_latin_word_at_a_wrap_goes_to_the_lines_left_end() {
    // UAX #9 L1: `سلام Hello world` wrapped after Hello is `␠Hello␠سلام` (FriBidi), not
    // `Hello␠␠سلام`: one gap between the words, the trailing space at the line's end.
    let laid = layout("سلام Hello world", 90.0);
    let lines = laid.lines();
    assert_eq!(visual(&laid, &lines[0]), "␠Hello␠مالس");
    // The words end at the right margin and the gap between them is one space.
    let ink: Vec<&Cluster> = lines[0].clusters.iter().filter(|c| c.width > 0.0).collect();
    let last = ink.last().unwrap();
    assert!((last.x + last.width - 90.0).abs() < 0.5);
    // Hit-testing follows the moved clusters: the right half of the o is the offset after it.
    let o = lines[0]
        .clusters
        .iter()
        .find(|c| &laid.text()[c.range.clone()] == "o")
        .unwrap();
    let y = (lines[0].top + lines[0].bottom) / 2.0;
    let after_hello = laid.text().find("Hello").unwrap() + 5;
    assert_eq!(laid.hit_test(o.x + o.width * 0.8, y), after_hello);
}

/// The text of each line (logical order), at `width`.
fn line_texts(text: &str, width: f32) -> Vec<String> {
    let laid = layout(text, width);
    laid.lines()
        .iter()
        .map(|l| text[l.range.clone()].to_string())
        .collect()
}

#[test]
fn a_word_initial_hyphen_stays_with_its_word_lb20a() {
    // Before, `دبیر -عمومی` could break after the hyphen, leaving it alone at a line end.
    let text = "دبیر -عمومی سازمان";
    for width in (30..=200).step_by(2) {
        for line in line_texts(text, width as f32) {
            assert!(
                !line.trim_end().ends_with('-'),
                "at {width}: a line ends with the hyphen: {line:?}"
            );
        }
    }
    // A hyphen between words still allows a break after it (2022-2024 stays breakable too).
    let lines = line_texts("همکاری‌های-منطقه‌ای-اقتصادی-فرهنگی", 90.0);
    assert!(lines.len() > 1 && lines[0].ends_with('-'), "{lines:?}");
}

#[test]
fn a_url_that_fits_is_kept_whole_and_one_that_does_not_still_wraps() {
    let url = "https://www.isna.ir/news/1402042214275";
    let text = format!("خبر را در {url} بخوانید");
    let whole_width = layout(url, 2000.0).content_width();
    for width in [whole_width + 10.0, whole_width + 60.0, whole_width + 120.0] {
        let lines = line_texts(&text, width);
        assert!(
            lines.iter().any(|l| l.contains(url)),
            "at {width}: the URL was broken: {lines:?}"
        );
        assert!(
            !lines.iter().any(|l| l.trim_end().ends_with("https://")),
            "{lines:?}"
        );
    }
    // Narrower than the URL: it breaks rather than spill past the edge.
    let narrow = layout(&text, whole_width / 2.0);
    for line in narrow.lines() {
        for cluster in &line.clusters {
            assert!(cluster.x >= -0.5 && cluster.x + cluster.width <= whole_width / 2.0 + 0.5);
        }
    }
}

#[test]
fn the_caret_goes_where_the_click_was_at_a_direction_change() {
    let laid = layout("a ب", 200.0);
    let line = &laid.lines()[0];
    let y = (line.top + line.bottom) / 2.0;
    let a = line
        .clusters
        .iter()
        .find(|c| &laid.text()[c.range.clone()] == "a")
        .unwrap();
    // The right half of `a`: the offset after it, and the caret on its right edge.
    let (offset, caret) = laid.hit_test_caret(a.x + a.width * 0.75, y);
    assert_eq!(offset, 1);
    assert!(
        (caret.min_x - (a.x + a.width)).abs() < 0.01,
        "{caret:?} vs {a:?}"
    );
    // The rule alone put it on the left edge: the click is what tells them apart.
    assert!((laid.caret(1).min_x - a.x).abs() < 0.01);
    // The left half: before it, on its left edge.
    let (offset, caret) = laid.hit_test_caret(a.x + a.width * 0.25, y);
    assert_eq!(offset, 0);
    assert!((caret.min_x - a.x).abs() < 0.01);
}

#[test]
fn every_click_on_mixed_text_puts_the_caret_on_the_nearest_edge_of_what_was_clicked() {
    let text = "وزیر امور خارجه «ایران» در نشست (ECO) گفت: برنامه 2022-2024 در ۱۴۰۲/۰۴/۲۲ تصویب شد و UN-Habitat و IMF گفتند 3.5% رشد، سلام Hello world";
    let mut clicks = 0;
    for width in [120.0, 200.0, 330.0, 600.0] {
        let laid = layout(text, width);
        for line in laid.lines() {
            let y = (line.top + line.bottom) / 2.0;
            for c in line.clusters.iter().filter(|c| c.width > 1.0) {
                for (fraction, edge) in [(0.2, c.x), (0.8, c.x + c.width)] {
                    let (offset, caret) = laid.hit_test_caret(c.x + c.width * fraction, y);
                    clicks += 1;
                    assert!(
                        (caret.min_x - edge).abs() < 0.01 && caret.min_y == line.top,
                        "width {width}: a click at {fraction} of {:?} put the caret at {} (offset {offset}), not {edge}",
                        &text[c.range.clone()],
                        caret.min_x
                    );
                }
            }
        }
    }
    assert!(clicks > 400);
}

/// What a range's selection covers, read off every line's clusters: the slow way selection
/// rects were found before they built only the lines meeting the range.
fn covered_by_lines(layout: &TextLayout, range: Range<usize>) -> Vec<(u32, u32, u32)> {
    let mut cells: Vec<(u32, u32, u32)> = layout
        .lines()
        .iter()
        .flat_map(|line| {
            line.clusters
                .iter()
                .filter(|c| c.range.start >= range.start && c.range.end <= range.end)
                .map(|c| {
                    (
                        line.top.round() as u32,
                        c.x.round() as u32,
                        (c.x + c.width).round() as u32,
                    )
                })
                .collect::<Vec<_>>()
        })
        .collect();
    cells.sort();
    cells
}

#[test]
fn selection_rects_cover_exactly_the_clusters_of_the_range_on_every_line() {
    let text = crate::sample::ARTICLES
        .iter()
        .map(|(_, t)| *t)
        .collect::<Vec<_>>()
        .join("\n");
    let text = format!("{MIXED}\n{text}");
    let layout = layout(&text, 420.0);
    let boundaries: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    for step in [7usize, 61, 389, 2011] {
        for start in (0..boundaries.len()).step_by(step.max(1) * 13).take(40) {
            let end = boundaries[(start + step).min(boundaries.len() - 1)];
            let range = boundaries[start]..end;
            let rects = layout.selection_rects(range.clone());
            // Every cluster inside the range lies inside one of the rectangles, on its line.
            for (top, left, right) in covered_by_lines(&layout, range.clone()) {
                assert!(
                    rects.iter().any(|r| r.min_y.round() as u32 == top
                        && r.min_x.round() as u32 <= left
                        && right <= r.max_x.round() as u32),
                    "{range:?}: cluster at {top},{left}..{right} outside {rects:?}"
                );
            }
            assert_eq!(
                rects.is_empty(),
                covered_by_lines(&layout, range).is_empty()
            );
        }
    }
}

/// The clusters of the only line of `text`, by their byte offset.
fn cluster_at(line: &LineInfo, byte: usize) -> &Cluster {
    line.clusters
        .iter()
        .find(|c| c.range.start == byte)
        .unwrap_or_else(|| panic!("no cluster at {byte}"))
}

#[test]
fn text_after_a_tab_starts_at_the_next_tab_stop_from_the_lines_start_edge() {
    for (text, rtl) in [
        ("ab\tc\tlonger words\tz", false),
        ("سلام\tدنیا\tHello\tپایان", true),
    ] {
        let style = TextStyle {
            direction: if rtl { Direction::Rtl } else { Direction::Ltr },
            ..TextStyle::article(16.0)
        };
        let laid = LayoutEngine::new().layout(text, &style, Some(700.0), 1.0);
        let stop = laid.tab_px;
        assert!(stop > 4.0, "tab stops {stop} px apart");
        let lines = laid.lines();
        assert_eq!(lines.len(), 1);
        let line = &lines[0];
        let start_edge = if rtl {
            line.clusters
                .iter()
                .map(|c| c.x + c.width)
                .fold(f32::MIN, f32::max)
        } else {
            line.clusters.iter().map(|c| c.x).fold(f32::MAX, f32::min)
        };
        let tabs: Vec<usize> = text.match_indices('\t').map(|(at, _)| at).collect();
        let mut previous = 0.0;
        for tab in tabs {
            // The tab's far edge (where what follows it begins) is on a stop, further than the
            // previous one.
            let cell = cluster_at(line, tab);
            let far = if rtl {
                start_edge - cell.x
            } else {
                cell.x + cell.width - start_edge
            };
            let stops = far / stop;
            assert!(
                (stops - stops.round()).abs() < 0.01 && stops.round() >= 1.0,
                "{text:?}: the tab at {tab} ends {far} px from the start edge ({stops} stops)"
            );
            assert!(far > previous && cell.width > 0.0);
            previous = far;
        }
        // Nothing overlaps.
        let mut cells: Vec<&Cluster> = line.clusters.iter().collect();
        cells.sort_by(|a, b| a.x.total_cmp(&b.x));
        for pair in cells.windows(2) {
            assert!(
                pair[0].x + pair[0].width <= pair[1].x + 0.01,
                "{text:?}: {:?} overlaps {:?}",
                pair[0],
                pair[1]
            );
        }
        // The glyphs are drawn where the clusters now are: the first letter after the last tab.
        let after = text.rfind('\t').unwrap() + 1;
        let cell = cluster_at(line, after);
        let mut glyph_xs = Vec::new();
        laid.for_each_glyph_run(f32::MIN, f32::MAX, |run| {
            glyph_xs.extend(run.glyphs.iter().map(|g| g.x / laid.scale));
        });
        assert!(
            glyph_xs
                .iter()
                .any(|x| *x >= cell.x - 0.5 && *x <= cell.x + cell.width + 0.5),
            "{text:?}: no glyph drawn at {cell:?}"
        );
    }
}
