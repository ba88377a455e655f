//! Markdown and plain-text renderings of pages → [`Article`].
//!
//! A rendering of a news page keeps the page's header as lines: the headline (a `#` heading or
//! the first short line), a byline ("By X"), a date line ("Site, September 14, 2016"), label
//! lines ("Region: Middle East"), then the body, then footer notices. This module reads those
//! lines as metadata and keeps only the body as `text`.

use std::sync::OnceLock;

use pulldown_cmark::{Event, Parser, Tag as MdTag, TagEnd};
use regex::Regex;

use super::meta;
use super::notice::{self, Boilerplate};
use crate::model::{Article, RepublishedFrom, Source, Tag};
use crate::text::{find_date, squash, word_count};

/// One block of a rendering: a heading, paragraph, list item, quote or code block.
#[derive(Debug, Default, Clone)]
struct Block {
    heading: Option<u8>,
    /// Lines as separated by hard breaks (Markdown) or newlines (text).
    lines: Vec<String>,
    /// Link targets inside the block, in order.
    links: Vec<String>,
    /// Characters of text inside links.
    link_chars: usize,
}

impl Block {
    fn text(&self) -> String {
        self.lines
            .iter()
            .map(|l| squash(l))
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join("\n")
    }
    fn chars(&self) -> usize {
        self.lines.iter().map(|l| l.trim().chars().count()).sum()
    }
}

/// Extract from Markdown (`markdown = true`) or plain text.
pub fn extract_plain(input: &str, source: Source, markdown: bool) -> Article {
    let blocks = if markdown {
        markdown_blocks(input)
    } else {
        text_blocks(input)
    };
    assemble(blocks, source, markdown)
}

/// Is this "plain text" really a Markdown rendering (headings, links, emphasis)?
/// Saved pages often are, whatever their extension says.
pub fn looks_like_markdown(text: &str) -> bool {
    static LINK: OnceLock<Regex> = OnceLock::new();
    let link = LINK.get_or_init(|| Regex::new(r"\[[^\]\n]+\]\([^)\s]+\)").expect("md link regex"));
    let head: &str = &text[..text.floor_char_boundary(64 * 1024)];
    let headings = head
        .lines()
        .filter(|l| l.starts_with("# ") || l.starts_with("## "))
        .count();
    let links = link.find_iter(head).take(3).count();
    (headings >= 1 && links >= 1) || links >= 3 || (headings >= 2 && head.contains("**"))
}

fn markdown_blocks(input: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut cur: Option<Block> = None;
    let mut in_image = 0usize;
    let mut in_link = 0usize;
    let mut in_item = 0usize;
    let flush = |cur: &mut Option<Block>, blocks: &mut Vec<Block>| {
        if let Some(b) = cur.take() {
            if b.lines.iter().any(|l| !l.trim().is_empty()) {
                blocks.push(b);
            }
        }
    };
    let opts =
        pulldown_cmark::Options::ENABLE_TABLES | pulldown_cmark::Options::ENABLE_STRIKETHROUGH;
    for ev in Parser::new_ext(input, opts) {
        match ev {
            Event::Start(MdTag::Heading { level, .. }) => {
                flush(&mut cur, &mut blocks);
                cur = Some(Block {
                    heading: Some(level as u8),
                    lines: vec![String::new()],
                    ..Default::default()
                });
            }
            Event::Start(MdTag::Paragraph)
            | Event::Start(MdTag::CodeBlock(_))
            | Event::Start(MdTag::TableRow)
            | Event::Start(MdTag::TableHead)
                if in_item == 0 || cur.is_none() =>
            {
                flush(&mut cur, &mut blocks);
                cur = Some(Block {
                    lines: vec![String::new()],
                    ..Default::default()
                });
            }
            Event::Start(MdTag::Item) => {
                flush(&mut cur, &mut blocks);
                in_item += 1;
                cur = Some(Block {
                    lines: vec![String::new()],
                    ..Default::default()
                });
            }
            Event::End(TagEnd::Item) => {
                in_item = in_item.saturating_sub(1);
                flush(&mut cur, &mut blocks);
            }
            Event::End(TagEnd::Heading(_))
            | Event::End(TagEnd::Paragraph)
            | Event::End(TagEnd::CodeBlock)
            | Event::End(TagEnd::TableRow)
            | Event::End(TagEnd::TableHead)
                if in_item == 0 =>
            {
                flush(&mut cur, &mut blocks);
            }
            Event::Start(MdTag::Image { .. }) => in_image += 1,
            Event::End(TagEnd::Image) => in_image = in_image.saturating_sub(1),
            Event::Start(MdTag::Link { dest_url, .. }) => {
                in_link += 1;
                if let Some(b) = cur.as_mut() {
                    b.links.push(dest_url.to_string());
                }
            }
            Event::End(TagEnd::Link) => in_link = in_link.saturating_sub(1),
            Event::Text(t) | Event::Code(t) => {
                if in_image > 0 {
                    continue;
                }
                let b = cur.get_or_insert_with(|| Block {
                    lines: vec![String::new()],
                    ..Default::default()
                });
                if in_link > 0 {
                    b.link_chars += t.chars().count();
                }
                let last = b.lines.last_mut().expect("block has a line");
                if t.contains('\n') {
                    // Code blocks keep their lines.
                    let mut parts = t.split('\n');
                    last.push_str(parts.next().unwrap_or(""));
                    for p in parts {
                        b.lines.push(p.to_string());
                    }
                } else {
                    last.push_str(&t);
                }
            }
            Event::End(TagEnd::TableCell) => {
                if let Some(l) = cur.as_mut().and_then(|b| b.lines.last_mut()) {
                    l.push_str(" | ");
                }
            }
            Event::SoftBreak => {
                if let Some(l) = cur.as_mut().and_then(|b| b.lines.last_mut()) {
                    l.push(' ');
                }
            }
            Event::HardBreak => {
                if let Some(b) = cur.as_mut() {
                    b.lines.push(String::new());
                }
            }
            _ => {}
        }
    }
    flush(&mut cur, &mut blocks);
    blocks
}

fn text_blocks(input: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut cur = Block::default();
    for line in input.lines() {
        if line.trim().is_empty() {
            if !cur.lines.is_empty() {
                blocks.push(std::mem::take(&mut cur));
            }
        } else {
            cur.lines.push(line.trim_end().to_string());
        }
    }
    if !cur.lines.is_empty() {
        blocks.push(cur);
    }
    // A wrapped paragraph is one paragraph: join its lines unless they look like a header
    // (every line but the last is long; the last line of a paragraph may be short).
    for b in &mut blocks {
        let n = b.lines.len();
        if n > 1 && b.lines[..n - 1].iter().all(|l| word_count(l) >= 6) {
            let joined = b.lines.join(" ");
            b.lines = vec![joined];
        }
    }
    blocks
}

fn label_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(r"^\s*([A-Z][A-Za-z\-]*(?:[ \-][A-Za-z\-]+){0,2})\s*:\s*(\S.*)$")
            .expect("label regex")
    })
}

fn byline_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(r"(?i)^\s*(?:(?:(?:written|geschrieben|verfasst|escrito|écrit|rédigé|scritto|geschreven)\s+)?(?:by|von|par|por|door|di|da|av)\s*[:\-]?\s+|(?:author|authors|autor|autora|auteur|autore|verfasser)\s*:\s*)(\S.*)$")
            .expect("byline regex")
    })
}

/// Labels that introduce a page's declared sections or keywords.
const TAG_LABELS: &[&str] = &[
    "region",
    "regions",
    "theme",
    "themes",
    "topic",
    "topics",
    "section",
    "sections",
    "category",
    "categories",
    "tags",
    "tag",
    "keywords",
    "filed under",
    "country",
    "in-depth report",
    "subject",
    "subjects",
];

enum HeaderLine {
    Byline(Vec<String>),
    Tags(Vec<Tag>),
    Dated { name: String, date: String },
    Noise,
}

fn classify_header_line(line: &str, all_links: bool) -> Option<HeaderLine> {
    let line = squash(line);
    if line.is_empty() {
        return Some(HeaderLine::Noise);
    }
    // The values' lengths are bounded here, not in the patterns (a bounded repetition
    // compiles to one copy of its class per step).
    let at_most = crate::text::at_most_chars;
    if let Some(c) = byline_re().captures(&line).filter(|c| at_most(&c[1], 151)) {
        let names = meta::split_authors(&c[1]);
        if !names.is_empty() && word_count(&c[1]) <= 16 {
            return Some(HeaderLine::Byline(names));
        }
    }
    if let Some(c) = label_re().captures(&line).filter(|c| at_most(&c[2], 201)) {
        let label = c[1].trim().to_lowercase();
        let value = c[2].trim();
        let known = TAG_LABELS.contains(&label.as_str());
        if (known || all_links) && word_count(value) <= 12 {
            if matches!(label.as_str(), "published" | "updated" | "date" | "posted") {
                if let Some((_, d)) = find_date(value) {
                    return Some(HeaderLine::Dated {
                        name: String::new(),
                        date: d,
                    });
                }
            }
            let kind = label.trim_end_matches('s').to_string();
            let kind = match kind.as_str() {
                "categorie" => "category".to_string(),
                "keyword" | "tag" => "keyword".to_string(),
                "filed under" => "section".to_string(),
                _ => kind,
            };
            // "Theme: [A](#), [B](#)" declares two tags.
            let values: Vec<&str> = if all_links {
                value.split(", ").collect()
            } else {
                vec![value]
            };
            return Some(HeaderLine::Tags(
                values
                    .into_iter()
                    .map(str::trim)
                    .filter(|v| !v.is_empty())
                    .map(|v| Tag {
                        kind: kind.clone(),
                        value: v.to_string(),
                    })
                    .collect(),
            ));
        }
    }
    if let Some((at, date)) = find_date(&line) {
        let before = line[..at]
            .trim()
            .trim_end_matches([',', '|', '-', '–', '—', '·'])
            .trim();
        let before = before
            .trim_start_matches("Published")
            .trim_start_matches("Posted")
            .trim_start_matches("Updated")
            .trim_start_matches(" on")
            .trim_start_matches(':')
            .trim();
        let after_words = word_count(&line[at..]).saturating_sub(3);
        if word_count(before) <= 6 && after_words <= 4 {
            return Some(HeaderLine::Dated {
                name: before.to_string(),
                date,
            });
        }
    }
    None
}

/// A plain-text headline written as a Markdown heading ("# Title", "## Title ##") without
/// its marks; any other line unchanged.
fn strip_atx_marks(line: &str) -> &str {
    let hashes = line.len() - line.trim_start_matches('#').len();
    if !(1..=6).contains(&hashes) || !line[hashes..].starts_with(char::is_whitespace) {
        return line;
    }
    let inner = line[hashes..].trim();
    let closed = inner.trim_end_matches('#');
    if closed.len() < inner.len() && closed.ends_with(char::is_whitespace) {
        closed.trim_end()
    } else {
        inner
    }
}

fn assemble(blocks: Vec<Block>, source: Source, markdown: bool) -> Article {
    let mut article = Article::empty(source);
    let mut title: Option<String> = None;
    let mut dated: Vec<(String, String)> = Vec::new();
    let mut body: Vec<String> = Vec::new();
    let mut notice: Option<RepublishedFrom> = None;
    let mut in_body = false;

    for (i, b) in blocks.iter().enumerate() {
        let text = b.text();
        if text.is_empty() {
            continue;
        }
        if !in_body {
            if title.is_none() && b.heading.is_some() {
                title = Some(squash(&text));
                continue;
            }
            if title.is_none()
                && !markdown
                && i == 0
                && b.lines.len() == 1
                && word_count(&text) <= 30
                && !text.ends_with('.')
            {
                title = Some(strip_atx_marks(&squash(&text)).to_string());
                continue;
            }
            // Header lines, one by one; a block is header only if all its lines are.
            let all_links = b.link_chars > 0 && b.link_chars * 10 >= b.chars() * 6;
            let classified: Option<Vec<HeaderLine>> = b
                .lines
                .iter()
                .filter(|l| !l.trim().is_empty())
                .map(|l| classify_header_line(l, all_links))
                .collect();
            if let Some(lines) = classified {
                for l in lines {
                    match l {
                        HeaderLine::Byline(names) => article.authors.extend(names),
                        HeaderLine::Tags(t) => article.tags.extend(t),
                        HeaderLine::Dated { name, date } => dated.push((name, date)),
                        HeaderLine::Noise => {}
                    }
                }
                continue;
            }
        }
        let link = b
            .links
            .iter()
            .find(|l| l.starts_with("http"))
            .map(String::as_str);
        if let Some(n) =
            notice::parse_notice(b.lines.first().map(String::as_str).unwrap_or(""), link)
        {
            notice.get_or_insert(n);
            if in_body {
                break;
            }
            continue;
        }
        match notice::boilerplate(&text) {
            Some(Boilerplate::FooterStart) if in_body => break,
            Some(_) => continue,
            None => {}
        }
        // Short unlabelled lines before the body (captions, "Share", menu remnants) are noise.
        if !in_body && b.heading.is_none() && word_count(&text) < 6 && i + 1 < blocks.len() {
            continue;
        }
        in_body = true;
        body.push(text);
    }

    if let Some((site, date)) = dated.first() {
        if !site.is_empty() {
            article.site_name = Some(site.clone());
        }
        article.published = Some(date.clone());
        article.published_source = Some("header".into());
    }
    // A second dated line naming someone else is the original's byline and date.
    let original = dated
        .iter()
        .skip(1)
        .find(|(n, _)| !n.is_empty() && Some(n) != article.site_name.as_ref());
    if let Some(n) = notice.as_mut() {
        if n.published.is_none() {
            if let Some((_, d)) = original.filter(|(name, _)| {
                n.name
                    .as_deref()
                    .is_some_and(|nn| nn.eq_ignore_ascii_case(name))
            }) {
                n.published = Some(d.clone());
            }
        }
    }
    article.text = body.join("\n\n");
    if notice.is_none() {
        notice = notice::wire_credit(&article.text).map(|name| RepublishedFrom {
            name: Some(name),
            url: None,
            published: None,
            evidence: article
                .text
                .lines()
                .next()
                .map(|l| l.chars().take(80).collect()),
        });
    }
    article.republished_from = notice;
    article.title = title.map(|t| meta::clean_title(&t, article.site_name.as_deref()));
    article.authors = meta::dedup_names(std::mem::take(&mut article.authors));
    article.language = crate::text::detect_language(&article.text);
    article
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Format;

    fn src() -> Source {
        Source {
            path: "t.md".into(),
            format: Format::Markdown,
            url: None,
            warc_record_id: None,
            warc_date: None,
        }
    }

    #[test]
    fn markdown_header_and_footer() {
        let md = "# Harbour Cranes Idle as Strike Enters Day Three | Port Gazette\n\nBy [Mara Velde](#) and Tom Ash\n\nPort Gazette, March 2, 2022\n\nSection: [Economy](#)\n\nDock workers at the northern terminal stayed off the job for a third day, union leaders said on Wednesday.\n\n\"We will not move a single container until the offer changes,\" said Ilse Korhonen, the union's chair.\n\nThe original source of this article is [Coastal Wire](https://coastal-wire.test/strike)\n\nCopyright © Port Gazette 2022\n";
        let a = extract_plain(md, src(), true);
        assert_eq!(
            a.title.as_deref(),
            Some("Harbour Cranes Idle as Strike Enters Day Three")
        );
        assert_eq!(a.authors, vec!["Mara Velde", "Tom Ash"]);
        assert_eq!(a.site_name.as_deref(), Some("Port Gazette"));
        assert_eq!(a.published.as_deref(), Some("2022-03-02"));
        assert_eq!(
            a.tags,
            vec![Tag {
                kind: "section".into(),
                value: "Economy".into()
            }]
        );
        let r = a.republished_from.unwrap();
        assert_eq!(r.name.as_deref(), Some("Coastal Wire"));
        assert_eq!(r.url.as_deref(), Some("https://coastal-wire.test/strike"));
        assert_eq!(a.text.split("\n\n").count(), 2);
        assert!(a.text.starts_with("Dock workers"));
        assert!(!a.text.contains("Copyright"));
        assert_eq!(a.language.as_deref(), Some("en"));
    }

    #[test]
    fn plain_text_title_and_wrapped_paragraphs() {
        let t = "Council Approves New Ferry Route\n\nBy Jonas Pirk\n\nThe city council voted on Monday to approve a ferry route\nbetween the old harbour and the island, officials said.\n\nThe service starts in May.\n";
        let a = extract_plain(t, src(), false);
        assert_eq!(a.title.as_deref(), Some("Council Approves New Ferry Route"));
        assert_eq!(a.authors, vec!["Jonas Pirk"]);
        assert_eq!(a.text, "The city council voted on Monday to approve a ferry route between the old harbour and the island, officials said.\n\nThe service starts in May.");
    }

    #[test]
    fn plain_text_heading_marks_leave_the_title() {
        let t = "# Council Approves New Ferry Route\n\nBy Jonas Pirk\n\nThe city council voted on Monday to approve a ferry route.\n";
        let a = extract_plain(t, src(), false);
        assert_eq!(a.title.as_deref(), Some("Council Approves New Ferry Route"));
        let a = extract_plain("## Ferry Route ##\n\nThe council voted.\n", src(), false);
        assert_eq!(a.title.as_deref(), Some("Ferry Route"));
        // A hashtag is no heading mark.
        let a = extract_plain("#FerryNews today\n\nThe council voted.\n", src(), false);
        assert_eq!(a.title.as_deref(), Some("#FerryNews today"));
    }

    #[test]
    fn header_bylines_in_other_languages() {
        for (line, names) in [
            (
                "Geschrieben von Anna Berg und Max Kurz",
                vec!["Anna Berg", "Max Kurz"],
            ),
            (
                "Escrito por Ana Ruiz y Luis Mora",
                vec!["Ana Ruiz", "Luis Mora"],
            ),
            ("Autor: Piotr Nowak", vec!["Piotr Nowak"]),
            ("Par Jean Dupont, MD", vec!["Jean Dupont, MD"]),
        ] {
            let t = format!("Council Approves New Ferry Route\n\n{line}\n\nThe city council voted on Monday to approve a ferry route between the old harbour and the island.\n");
            assert_eq!(extract_plain(&t, src(), false).authors, names, "{line}");
        }
    }

    #[test]
    fn empty_input() {
        let a = extract_plain("", src(), true);
        assert!(a.text.is_empty() && a.title.is_none());
    }
}
