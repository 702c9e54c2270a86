//! The `daftar layout --json` diagnostic: lines and their clusters in visual order, with UTF-8
//! byte offsets into the whole text, so the layout can be checked against reference bidi
//! implementations.

use std::fmt::Write;

use super::TextLayout;

/// `{"text_bytes": N, "missing_glyphs": M, "lines": [{"range": [s, e], "clusters": [{"s", "e",
/// "x", "w", "rtl"[, "missing": true]}…]}…]}`: `missing_glyphs` counts the clusters drawn with no
/// glyph, each marked `"missing": true`.
pub fn layout_json(layout: &TextLayout) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "{{\"text_bytes\": {}, \"missing_glyphs\": {}, \"lines\": [",
        layout.text().len(),
        layout.missing_glyphs().len()
    );
    for (i, line) in layout.lines().iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        let _ = write!(
            out,
            "{{\"range\": [{}, {}], \"clusters\": [",
            line.range.start, line.range.end
        );
        for (j, cluster) in line.clusters.iter().enumerate() {
            if j > 0 {
                out.push_str(", ");
            }
            let _ = write!(
                out,
                "{{\"s\": {}, \"e\": {}, \"x\": {:.2}, \"w\": {:.2}, \"rtl\": {}{}}}",
                cluster.range.start,
                cluster.range.end,
                cluster.x,
                cluster.width,
                cluster.rtl,
                if cluster.missing {
                    ", \"missing\": true"
                } else {
                    ""
                }
            );
        }
        out.push_str("]}");
    }
    out.push_str("]}\n");
    out
}
