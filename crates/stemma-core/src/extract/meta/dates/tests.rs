//! Dates on invented pages: datelines in many languages, marked and unmarked dates, the
//! crawl date as the latest possible day, relative dates, and the work a page of many dates
//! costs.

use super::WORK;
use crate::model::{Article, Format, Source};

/// A page of the invented "Harbour Gazette", read from a crawl on `crawled` when given.
fn read(html: &str, crawled: Option<&str>) -> Article {
    crate::extract::html::extract_html(
        html,
        Source {
            path: "t.html".into(),
            format: Format::Html,
            url: Some("https://harbour-gazette.test/news/ferry".into()),
            warc_record_id: None,
            warc_date: crawled.map(str::to_string),
        },
    )
}

const STORY: &str = "<p>The island council voted on Monday to approve a new ferry route between the old harbour and the mainland.</p><p>The service is expected to start in May, with four crossings a day in summer and two in winter.</p>";

/// A page whose headline is followed by `under` and the story, with `head` in its `<head>`.
fn story(head: &str, under: &str) -> String {
    format!(
        "<html><head><title>Ferry route | Harbour Gazette</title>{head}</head><body>\
         <h1>Ferry route approved after long debate</h1>{under}{STORY}</body></html>"
    )
}

fn day(a: &Article) -> Option<&str> {
    a.published.as_deref().and_then(|d| d.get(..10))
}

#[test]
fn datelines_in_many_languages() {
    for (line, want) in [
        ("Published Sept. 14, 2016", "2016-09-14"),
        ("Veröffentlicht am 14. Februar 2012", "2012-02-14"),
        ("Von Musterverband 4. 2. 2022.", "2022-02-04"),
        ("Publié le 1er mars 2020", "2020-03-01"),
        ("Publicado el 3 de marzo de 2021", "2021-03-03"),
        ("Pubblicato il 12 maggio 2019", "2019-05-12"),
        ("Publicado em 5 de outubro de 2022", "2022-10-05"),
        ("Gepubliceerd op 7 maart 2018", "2018-03-07"),
        ("Опубликовано 14 сентября 2020", "2020-09-14"),
        ("Opublikowano 3 października 2019", "2019-10-03"),
        ("Yayınlanma 14 Şubat 2012", "2012-02-14"),
        ("نشر في 5 مارس 2021", "2021-03-05"),
        ("25/12/2021 – 10:30", "2021-12-25"),
        ("2021-07-09 08:00", "2021-07-09"),
    ] {
        let a = read(&story("", &format!("<p><span>{line}</span></p>")), None);
        assert_eq!(day(&a), Some(want), "{line}");
        assert_eq!(a.published_source.as_deref(), Some("byline"), "{line}");
    }
}

#[test]
fn a_report_opening_with_its_dateline() {
    let under = "<p><strong>Karlsruhe, (12.11.2021). The island council voted on Monday to approve a new ferry route between the harbour and the mainland.</strong></p>";
    assert_eq!(day(&read(&story("", under), None)), Some("2021-11-12"));
    // The same date inside the sentence is a date the text mentions, not its dateline.
    let under = "<p><strong>The island council said on Monday that the ferry of 12.11.2021 would run between the harbour and the mainland.</strong></p>";
    assert_eq!(day(&read(&story("", under), None)), None);
}

#[test]
fn a_span_of_days_is_no_dateline() {
    let under = "<p><span>Mo. 15.11.2021 - Di. 16.11.2021 Workshop</span></p>";
    assert_eq!(day(&read(&story("", under), None)), None);
    // A dash before the update date is no span.
    let under = "<p><span>August 16, 2019 - Updated July 9, 2025</span></p>";
    assert_eq!(day(&read(&story("", under), None)), Some("2019-08-16"));
}

#[test]
fn a_marked_date_beats_a_nearer_unmarked_one() {
    // A citation just above the headline; the page's own dateline in date markup below it.
    let html = format!(
        "<html><head><title>Ferry</title></head><body>\
         <p><span>Mara Quill, harbour master, Gazette, 27 June 2019</span></p>{}\
         <h1>Ferry route approved after long debate</h1>{}\
         <div class=\"date\">Le 28 juin 2019</div>{STORY}</body></html>",
        "<p>x</p>".repeat(10),
        "<p>x</p>".repeat(60)
    );
    assert_eq!(day(&read(&html, None)), Some("2019-06-28"));
}

#[test]
fn a_cited_date_yields_to_the_declared_one() {
    let head = r#"<meta property="article:published_time" content="2021-11-12T13:00:00">"#;
    let under = format!(
        "{}<p><span>Enzyklika of the harbour, 25. Dezember 2005:</span></p>",
        "<p>x</p>".repeat(15)
    );
    let a = read(&story(head, &under), None);
    assert_eq!(day(&a), Some("2021-11-12"));
    assert_eq!(
        a.published_source.as_deref(),
        Some("meta:article:published_time")
    );
    // A bare date as far away is a dateline still.
    let bare = format!(
        "{}<p><span>7 min read · 25. Dezember 2005</span></p>",
        "<p>x</p>".repeat(15)
    );
    assert_eq!(day(&read(&story(head, &bare), None)), Some("2005-12-25"));
    // Right under the headline, the same unmarked date is the dateline.
    let a = read(
        &story(head, "<p><span>Harbour, 25. Dezember 2005</span></p>"),
        None,
    );
    assert_eq!(day(&a), Some("2005-12-25"));
}

#[test]
fn nothing_is_published_after_the_crawl() {
    // Declared for a day after the page was read: not its publication date.
    let head = r#"<meta property="article:published_time" content="2024-06-01T10:00:00Z">"#;
    let under = "<p><span class=\"date\">March 1, 2024</span></p>";
    let a = read(&story(head, under), Some("2024-03-05T10:20:30Z"));
    assert_eq!(day(&a), Some("2024-03-01"));
    assert_eq!(a.published_source.as_deref(), Some("byline"));
    // Alone, it is no date; read later, it stands.
    assert_eq!(
        day(&read(&story(head, ""), Some("2024-03-05T10:20:30Z"))),
        None
    );
    let a = read(&story(head, ""), Some("2024-07-05T10:20:30Z"));
    assert_eq!(day(&a), Some("2024-06-01"));
}

#[test]
fn relative_dates_count_back_from_the_crawl() {
    for (line, want) in [
        ("vor 3 Tagen", "2024-03-02"),
        ("2 days ago", "2024-03-03"),
        ("il y a 5 heures", "2024-03-05"),
        ("hace 4 días", "2024-03-01"),
    ] {
        let under = format!("<p><span class=\"date\">{line}</span></p>");
        let a = read(&story("", &under), Some("2024-03-05T10:20:30Z"));
        assert_eq!(day(&a), Some(want), "{line}");
        // Without the day the page was read, no day.
        assert_eq!(day(&read(&story("", &under), None)), None, "{line}");
    }
}

#[test]
fn a_declared_day_printed_further_down_beats_a_nearer_bare_date() {
    let head = r#"<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2022-08-14T15:40:00+02:00"}</script>"#;
    let under = format!(
        "{}<p><span>14/08/2021</span></p>{}<p><span>14 August 2022, 15:40</span></p>",
        "<p>x</p>".repeat(10),
        "<p>x</p>".repeat(25)
    );
    assert_eq!(day(&read(&story(head, &under), None)), Some("2022-08-14"));
}

/// Candidates looked at while choosing the dateline of a page of `n` dated items.
fn work_for(n: usize) -> u64 {
    let mut items = String::new();
    for i in 0..n {
        // Days, months and markup vary, so that runs and shapes are all looked at.
        let d = 1 + i % 28;
        let m = 1 + i % 12;
        let class = ["date", "meta", "byline", "x"][i % 4];
        items.push_str(&format!(
            "<li><span class=\"{class}\">{d:02}.{m:02}.2019</span> <a href=\"/s{i}\">Story {i}</a></li>"
        ));
    }
    let html = story("", &format!("<ul>{items}</ul>"));
    WORK.with(|w| w.set(0));
    let a = read(&html, None);
    assert!(a.title.is_some());
    WORK.with(|w| w.get())
}

#[test]
fn many_dates_cost_work_in_proportion() {
    let small = work_for(300);
    let big = work_for(2400);
    // Eight times the dates: linear is eight times the work, quadratic sixty-four.
    assert!(small > 300, "{small}");
    assert!(big <= small * 12, "{small} {big}");
}

#[test]
fn a_long_report_opening_with_its_dateline() {
    let lead = "The island council voted on Monday to approve a new ferry route between the old harbour and the mainland, after a debate that lasted well into the night and left several members of the council unhappy with the timetable.";
    let under = format!("<p><strong>Karlsruhe, (12.11.2021). {lead}</strong></p>");
    assert_eq!(day(&read(&story("", &under), None)), Some("2021-11-12"));
    let under = format!("<div>BERLIN, 3. März 2021 – {lead}</div>");
    assert_eq!(day(&read(&story("", &under), None)), Some("2021-03-03"));
    // A long paragraph that mentions a date in its first words is no dateline.
    let under = format!("<p>On 12.11.2021, {lead}</p>");
    assert_eq!(day(&read(&story("", &under), None)), None);
}

#[test]
fn the_local_day_of_a_utc_midnight_is_no_update() {
    // Declared as 23:00 UTC, printed as the next day, updated later that day: the printed day.
    let head = r#"<meta property="article:published_time" content="2021-11-04T23:00:00Z"><meta property="article:modified_time" content="2021-11-05T12:42:00Z">"#;
    let under = "<p><span class=\"date\">5. November 2021</span></p>";
    assert_eq!(day(&read(&story(head, under), None)), Some("2021-11-05"));
    // Printed as the update's day, days after the declared publication: the publication.
    let head = head.replace("2021-11-04T23", "2021-11-01T10");
    assert_eq!(day(&read(&story(&head, under), None)), Some("2021-11-01"));
}

#[test]
fn the_url_of_the_page_dates_it() {
    // Written day first in a path segment.
    let head = r#"<link rel="canonical" href="https://harbour-gazette.test/meldungen/29-10-2021">"#;
    let a = read(&story(head, ""), None);
    assert_eq!(day(&a), Some("2021-10-29"));
    assert_eq!(a.published_source.as_deref(), Some("url"));
    // A URL made years before the declared publication: the page went up on the URL's day.
    let head = r#"<link rel="canonical" href="https://harbour-gazette.test/home/2017/7/12/ferry"><script type="application/ld+json">{"@type":"BlogPosting","datePublished":"2019-06-17T18:28:00+02:00"}</script>"#;
    assert_eq!(day(&read(&story(head, ""), None)), Some("2017-07-12"));
    // The URL's day or the one before it: the declared moment, in its own zone.
    let head = head.replace("2017/7/12", "2019/6/16");
    assert_eq!(day(&read(&story(&head, ""), None)), Some("2019-06-17"));
}

#[test]
fn an_embedded_post_does_not_date_the_page() {
    // A quoted social post right under the headline carries the post's date, not the page's.
    let head = r#"<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2018-05-23T15:30:00Z"}</script>"#;
    let under = r#"<blockquote class="social-embed"><p><a href="https://social.test/p/1">A post shared by Mara Quill</a> on <time datetime="2018-03-27T07:08:52+00:00">Mar 27, 2018</time></p></blockquote>"#;
    let a = read(&story(head, under), None);
    assert_eq!(day(&a), Some("2018-05-23"));
    assert_eq!(a.published_source.as_deref(), Some("json-ld"));
    // Nothing declared: the embed's date is still not the page's.
    assert_eq!(day(&read(&story("", under), None)), None);
    // After the quote, the page's own dateline counts again.
    let after = format!("{under}<p><span class=\"date\">May 23, 2018</span></p>");
    assert_eq!(day(&read(&story("", &after), None)), Some("2018-05-23"));
}

#[test]
fn a_date_label_in_its_own_element_labels_the_next() {
    // "Datum:" and its value in two spans, then a list of the days a law takes effect.
    let under = "<div><span class=\"label\">Datum:</span> <span class=\"value\">18.10.2021</span></div>\
         <ul><li><p>1. Januar 2022</p></li><li><p>1. Juli 2022</p></li><li><p>1. Januar 2023</p></li></ul>";
    for (label, want) in [
        ("Datum:", Some("2021-10-18")),
        ("Published on", Some("2021-10-18")),
        ("Fecha:", Some("2021-10-18")),
        // No label: one item of the list of dates.
        ("", None),
    ] {
        let html = story("", &under.replace("Datum:", label));
        assert_eq!(day(&read(&html, None)), want, "{label}");
    }
    // A byline label is not taken for a date label: its value is the author.
    let a = read(
        &story("", "<p><span>Posted by</span> <span>Mara Quill</span></p>"),
        None,
    );
    assert_eq!(a.authors, vec!["Mara Quill".to_string()]);
}

#[test]
fn a_short_date_in_a_byline() {
    let under = r#"<p class="byline">von <a href="/author/mara-quill" rel="author">Mara Quill</a>, 8.5.12</p>"#;
    assert_eq!(day(&read(&story("", under), None)), Some("2012-05-08"));
    // The same figures in a plain line are a version or a score, not a date.
    let under = "<p><span>Release 8.5.12 of the ferry timetable app</span></p>";
    assert_eq!(day(&read(&story("", under), None)), None);
}
