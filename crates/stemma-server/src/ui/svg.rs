//! Charts and the story tree, drawn on the server as SVG strings: pure functions from data to
//! markup, so pages need nothing from outside and work offline. Every piece of text and every
//! attribute value goes through [`esc`]; links are only ever the UI's own paths.

use std::fmt::Write;

/// Text escaped for SVG/HTML content and double-quoted attribute values.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// At most `n` characters of `s`, with an ellipsis when cut.
fn clip(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(n.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

/// A bar chart of counts by label (in the order given): `svg.chart`, with a title for
/// screen readers and a tooltip on each bar.
pub fn bar_chart(title: &str, bars: &[(String, u64)]) -> String {
    const W: f64 = 860.0;
    const H: f64 = 260.0;
    const LEFT: f64 = 64.0;
    const RIGHT: f64 = 12.0;
    const TOP: f64 = 14.0;
    const BOTTOM: f64 = 56.0;
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {W} {H}" role="img" aria-label="{t}"><title>{t}</title>"#,
        t = esc(title)
    );
    if bars.is_empty() {
        let _ = write!(
            s,
            r#"<text class="empty" x="{}" y="{}" text-anchor="middle">Nothing to count</text></svg>"#,
            W / 2.0,
            H / 2.0
        );
        return s;
    }
    let max = bars.iter().map(|b| b.1).max().unwrap_or(0).max(1);
    let plot_w = W - LEFT - RIGHT;
    let plot_h = H - TOP - BOTTOM;
    let step = plot_w / bars.len() as f64;
    let bar_w = (step * 0.8).clamp(1.0, 56.0);
    let base = TOP + plot_h;
    // axis and three gridlines with their counts
    let mut last_tick = None;
    for i in 0..=2u64 {
        let v = max * i / 2;
        if last_tick == Some(v) {
            continue;
        }
        last_tick = Some(v);
        let y = base - plot_h * v as f64 / max as f64;
        let _ = write!(
            s,
            r#"<line class="grid" x1="{LEFT}" x2="{}" y1="{y:.1}" y2="{y:.1}"/><text class="tick" x="{}" y="{:.1}" text-anchor="end">{v}</text>"#,
            W - RIGHT,
            LEFT - 6.0,
            y + 4.0
        );
    }
    // at most about 12 labels under the bars
    let every = bars.len().div_ceil(12).max(1);
    for (i, (label, n)) in bars.iter().enumerate() {
        let h = plot_h * *n as f64 / max as f64;
        let x = LEFT + step * i as f64 + (step - bar_w) / 2.0;
        let _ = write!(
            s,
            r#"<rect class="bar" x="{x:.1}" y="{:.1}" width="{bar_w:.1}" height="{h:.1}"><title>{}: {n}</title></rect>"#,
            base - h,
            esc(label)
        );
        if i % every == 0 {
            let cx = x + bar_w / 2.0;
            let _ = write!(
                s,
                r#"<text class="label" x="{cx:.1}" y="{:.1}" text-anchor="end" transform="rotate(-35 {cx:.1} {:.1})">{}</text>"#,
                base + 14.0,
                base + 14.0,
                esc(&clip(label, 14))
            );
        }
    }
    s.push_str("</svg>");
    s
}

/// One member of a story, as the tree draws it.
#[derive(Debug, Clone, Default)]
pub struct TreeNode {
    /// The outlet (or the record when it has none).
    pub label: String,
    /// The date line.
    pub date: String,
    /// Lag and shared fraction, e.g. "+2 days · 87% shared".
    pub detail: String,
    /// `origin`, `copy` or `embedding`.
    pub role: String,
    /// The member it was copied from (an index into the nodes).
    pub parent: Option<usize>,
    pub notice_dropped: bool,
    pub byline_changed: bool,
    /// The article's page (an id, so a path of the UI's own).
    pub article: i64,
}

/// The depth of each node under its parents (a cycle or a bad index counts as a root).
fn depths(nodes: &[TreeNode]) -> Vec<usize> {
    let n = nodes.len();
    (0..n)
        .map(|i| {
            let mut d = 0;
            let mut at = i;
            while let Some(p) = nodes[at].parent.filter(|&p| p < n && p != at) {
                d += 1;
                at = p;
                if d >= n {
                    return 0;
                }
            }
            d
        })
        .collect()
}

/// The stemma: one row per member in the order given (origin first), indented under the copy
/// it came from, with an elbow from it; outlet, date, lag and shared fraction, and the dropped
/// notices and changed bylines as badges. `svg.stemma-tree`.
pub fn story_tree(title: &str, nodes: &[TreeNode]) -> String {
    const ROW: f64 = 58.0;
    const BOX_W: f64 = 250.0;
    const BOX_H: f64 = 42.0;
    const PAD: f64 = 10.0;
    let depth = depths(nodes);
    let max_depth = depth.iter().copied().max().unwrap_or(0);
    let indent = if max_depth > 0 {
        (240.0 / max_depth as f64).min(34.0)
    } else {
        34.0
    };
    let w = PAD * 2.0 + indent * max_depth as f64 + BOX_W + 430.0;
    let h = PAD * 2.0 + ROW * nodes.len().max(1) as f64 - (ROW - BOX_H);
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg class="stemma-tree" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w:.0} {h:.0}" width="{w:.0}" role="img" aria-label="{t}"><title>{t}</title>"#,
        t = esc(title)
    );
    let x_of = |i: usize| PAD + indent * depth[i] as f64;
    let y_of = |i: usize| PAD + ROW * i as f64;
    // edges first, under the boxes
    for (i, node) in nodes.iter().enumerate() {
        let Some(p) = node.parent.filter(|&p| p < nodes.len() && p != i) else {
            continue;
        };
        let px = x_of(p) + 14.0;
        let py = if p < i { y_of(p) + BOX_H } else { y_of(p) };
        let cy = y_of(i) + BOX_H / 2.0;
        let _ = write!(
            s,
            r#"<path class="edge" d="M{px:.1} {py:.1} V{cy:.1} H{:.1}"/>"#,
            x_of(i)
        );
    }
    for (i, node) in nodes.iter().enumerate() {
        let (x, y) = (x_of(i), y_of(i));
        let role = match node.role.as_str() {
            "origin" => "origin",
            "embedding" => "embedding",
            _ => "copy",
        };
        let _ = write!(
            s,
            r#"<a href="/article/{}"><g class="node {role}"><title>{}</title><rect x="{x:.1}" y="{y:.1}" width="{BOX_W}" height="{BOX_H}" rx="5"/><text class="outlet" x="{:.1}" y="{:.1}">{}</text><text class="date" x="{:.1}" y="{:.1}">{}</text></g></a>"#,
            node.article,
            esc(&format!("{} ({role})", node.label)),
            x + 9.0,
            y + 17.0,
            esc(&clip(&node.label, 30)),
            x + 9.0,
            y + 34.0,
            esc(&clip(&node.date, 34)),
        );
        let mut tx = x + BOX_W + 12.0;
        let ty = y + BOX_H / 2.0 + 5.0;
        let detail = if role == "origin" && node.detail.is_empty() {
            "origin".to_string()
        } else {
            node.detail.clone()
        };
        if !detail.is_empty() {
            let d = clip(&detail, 40);
            let _ = write!(
                s,
                r#"<text class="detail" x="{tx:.1}" y="{ty:.1}">{}</text>"#,
                esc(&d)
            );
            tx += 7.2 * d.chars().count() as f64 + 10.0;
        }
        for (on, class, text) in [
            (node.notice_dropped, "flag notice-dropped", "notice dropped"),
            (node.byline_changed, "flag byline-changed", "byline changed"),
        ] {
            if on {
                let bw = 7.0 * text.len() as f64 + 12.0;
                let _ = write!(
                    s,
                    r#"<g class="{class}"><rect x="{tx:.1}" y="{:.1}" width="{bw:.1}" height="20" rx="10"/><text x="{:.1}" y="{ty:.1}">{text}</text></g>"#,
                    ty - 15.0,
                    tx + 6.0
                );
                tx += bw + 6.0;
            }
        }
    }
    s.push_str("</svg>");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOSTILE: &str = "<script>alert(1)</script>\"' onload=x & \u{202e}";

    fn no_raw(svg: &str) {
        assert!(!svg.contains("<script"), "{svg}");
        assert!(!svg.contains("\"' onload"), "{svg}");
        assert!(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39; onload=x &amp;"));
    }

    #[test]
    fn chart_escapes_labels_and_draws_a_bar_each() {
        let bars = vec![
            ("2016-09".to_string(), 3),
            (HOSTILE.to_string(), 1),
            ("2016-11".to_string(), 0),
        ];
        let svg = bar_chart(HOSTILE, &bars);
        assert!(svg.starts_with("<svg class=\"chart\""));
        assert_eq!(svg.matches("<rect class=\"bar\"").count(), 3);
        // the tallest bar fills the plot, an empty one has no height
        assert!(svg.contains("height=\"190.0\""), "{svg}");
        // ticks 0, 1, 3 (no tick twice)
        assert_eq!(svg.matches("class=\"tick\"").count(), 3);
        assert_eq!(
            bar_chart("t", &[("a".into(), 1)])
                .matches("class=\"tick\"")
                .count(),
            2
        );
        assert!(svg.contains("height=\"0.0\""));
        no_raw(&svg);
        assert!(bar_chart("t", &[]).contains("Nothing to count"));
    }

    #[test]
    fn many_bars_get_a_dozen_labels() {
        let bars: Vec<(String, u64)> = (0..100).map(|i| (format!("d{i}"), i)).collect();
        let svg = bar_chart("t", &bars);
        assert_eq!(svg.matches("class=\"label\"").count(), 12);
    }

    #[test]
    fn tree_indents_under_parents_and_marks_flags() {
        let nodes = vec![
            TreeNode {
                label: "Alder Post".into(),
                role: "origin".into(),
                article: 1,
                ..TreeNode::default()
            },
            TreeNode {
                label: HOSTILE.into(),
                date: HOSTILE.into(),
                detail: "+1 day · 90% shared".into(),
                role: "copy".into(),
                parent: Some(0),
                notice_dropped: true,
                article: 2,
                ..TreeNode::default()
            },
            TreeNode {
                label: "Cedar".into(),
                role: "copy".into(),
                parent: Some(1),
                byline_changed: true,
                article: 3,
                ..TreeNode::default()
            },
        ];
        let svg = story_tree(HOSTILE, &nodes);
        assert!(svg.starts_with("<svg class=\"stemma-tree\""));
        assert_eq!(svg.matches("<path class=\"edge\"").count(), 2);
        assert_eq!(svg.matches("class=\"flag notice-dropped\"").count(), 1);
        assert_eq!(svg.matches("class=\"flag byline-changed\"").count(), 1);
        assert!(svg.contains("href=\"/article/3\""));
        // depth 0, 1, 2: the boxes step right
        assert!(svg.contains("<rect x=\"10.0\" y=\"10.0\""));
        assert!(svg.contains("<rect x=\"44.0\" y=\"68.0\""));
        assert!(svg.contains("<rect x=\"78.0\" y=\"126.0\""));
        assert!(!svg.contains("<script"));
        assert!(!svg.contains("\"' onload"));
    }

    #[test]
    fn a_cycle_or_a_bad_parent_is_a_root() {
        let nodes = vec![
            TreeNode {
                parent: Some(1),
                ..TreeNode::default()
            },
            TreeNode {
                parent: Some(0),
                ..TreeNode::default()
            },
            TreeNode {
                parent: Some(99),
                ..TreeNode::default()
            },
        ];
        assert_eq!(depths(&nodes), vec![0, 0, 0]);
        story_tree("t", &nodes);
    }
}
