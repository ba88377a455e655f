//! Golden records of the pages in `tests/fixtures/` (snapshotted with insta, plus explicit
//! checks of the fields a user cares about), and smaller pages: republication notices and wire
//! bylines.

use super::*;

// ---------------------------------------------------------------------------------------------
// Golden records

/// The one record of a fixture, extracted with the fixtures directory as working directory (so
/// `source.path` is the bare file name).
fn golden(name: &str) -> Value {
    let r = run_ok(&fixtures(), &[name]);
    let mut recs = r.records();
    assert_eq!(recs.len(), 1, "{name}: {}", r.stdout);
    recs.remove(0)
}

fn text(v: &Value) -> &str {
    v["text"].as_str().expect("text is a string")
}

fn paragraphs(v: &Value) -> Vec<&str> {
    text(v).split("\n\n").collect()
}

fn tags(v: &Value) -> Vec<(String, String)> {
    v["tags"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            (
                t["kind"].as_str().unwrap().to_owned(),
                t["value"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

fn tag(kind: &str, value: &str) -> (String, String) {
    (kind.to_owned(), value.to_owned())
}

/// `published` is that day (a date, or a date-time on that day).
fn assert_day(v: &Value, day: &str) {
    let p = v["published"]
        .as_str()
        .unwrap_or_else(|| panic!("no published date"));
    assert!(p.starts_with(day), "published {p:?}, expected {day}");
}

fn assert_absent(v: &Value, needles: &[&str]) {
    let t = text(v);
    for n in needles {
        assert!(!t.contains(n), "boilerplate {n:?} in the body:\n{t}");
    }
}

/// Every paragraph of every fixture is well formed.
fn assert_clean_text(v: &Value) {
    let t = text(v);
    assert_eq!(t, t.trim(), "leading or trailing whitespace");
    assert!(!t.contains("\n\n\n"));
    for p in t.split("\n\n") {
        assert!(!p.trim().is_empty(), "empty paragraph in {t:?}");
        assert_eq!(p, p.trim(), "paragraph with outer whitespace: {p:?}");
    }
}

macro_rules! snapshot_tests {
    ($($test:ident => $file:literal),* $(,)?) => {$(
        #[test]
        fn $test() {
            let v = golden($file);
            assert_clean_text(&v);
            insta::assert_json_snapshot!(stringify!($test), v);
        }
    )*};
}

snapshot_tests! {
    golden_news_article => "news_article.html",
    golden_blog_post => "blog_post.html",
    golden_republished => "republished.html",
    golden_wire_story => "wire_story.html",
    golden_repost_markdown => "repost.md",
    golden_plain_text => "plain_article.txt",
    golden_latin1_meta_charset => "latin1_meta.html",
    golden_no_charset => "no_charset.html",
}

#[test]
fn news_article_fields() {
    let v = golden("news_article.html");
    assert_eq!(v["title"], "Tidal Turbines Cleared for Marrow Bay Trial");
    assert_eq!(
        v["authors"],
        serde_json::json!(["Orla Fennimore", "Tobias Quell"])
    );
    assert_day(&v, "2024-03-12");
    assert_eq!(v["site_name"], "The Harbour Ledger");
    assert_eq!(v["language"], "en");
    assert_eq!(
        v["url"],
        "https://harbourledger.example/energy/2024/03/12/tidal-turbines-marrow-bay"
    );
    assert_eq!(v["republished_from"], Value::Null);
    let t = tags(&v);
    for want in [
        tag("section", "Energy"),
        tag("keyword", "tidal power"),
        tag("keyword", "Marrow Bay"),
        tag("keyword", "renewables"),
    ] {
        assert!(t.contains(&want), "{want:?} missing from {t:?}");
    }
    let p = paragraphs(&v);
    assert_eq!(p.len(), 6, "{p:#?}");
    assert!(p[0].starts_with("Six tidal turbines will be lowered"));
    assert!(p[5].starts_with("If the trial goes well"));
    assert_absent(
        &v,
        &[
            "cookies",
            "Accept all",
            "Home",
            "Share on",
            "Morning Ledger",
            "newsletter",
            "Subscribe",
            "Related stories",
            "wind farm",
            "Comments",
            "SeaDog77",
            "seals",
            "Copyright",
            "About us",
            "By Orla",
            "12 March 2024",
        ],
    );
}

#[test]
fn declared_date_time_is_kept_when_the_visible_date_agrees() {
    for (file, declared) in [
        ("news_article.html", "2024-03-12T07:30:00Z"),
        ("blog_post.html", "2023-09-18T16:42:10+00:00"),
        ("republished.html", "2024-02-09T10:00:00+00:00"),
        ("wire_story.html", "2023-10-03T14:20:00Z"),
    ] {
        assert_eq!(golden(file)["published"], declared, "{file}");
    }
}

#[test]
fn blog_post_fields() {
    let v = golden("blog_post.html");
    assert_eq!(v["title"], "Why I Stopped Buying Seed Potatoes");
    assert_eq!(v["authors"], serde_json::json!(["Hettie Vantongeren"]));
    assert_day(&v, "2023-09-18");
    assert_eq!(v["site_name"], "The Allotment Notebook");
    assert_eq!(v["language"], "en-US");
    assert_eq!(v["republished_from"], Value::Null);
    let p = paragraphs(&v);
    assert!(p[0].starts_with("For nine years I bought"), "{p:#?}");
    assert!(p.last().unwrap().starts_with("My neighbour on plot 15"));
    assert!(p.contains(&"Keep the best, eat the rest, and never save from a sick row."));
    assert_absent(
        &v,
        &[
            "Skip to the content",
            "Notes from plot 14B",
            "No Comments",
            "September 18, 2023",
            "Hettie has grown",
            "View Archive",
            "Onions that keep",
            "Leave a Reply",
            "Your email address",
            "Powered by WordPress",
            "saving seed",
        ],
    );
}

#[test]
fn blog_post_tags() {
    let v = golden("blog_post.html");
    let t = tags(&v);
    for want in [
        tag("section", "Vegetables"),
        tag("keyword", "potatoes"),
        tag("keyword", "saving seed"),
    ] {
        assert!(t.contains(&want), "{want:?} missing from {t:?}");
    }
}

#[test]
fn republished_fields() {
    let v = golden("republished.html");
    assert_eq!(
        v["title"],
        "Eel ladders return to the Gorsey sluices after forty years"
    );
    assert_eq!(v["authors"], serde_json::json!(["Imogen Strake"]));
    assert_eq!(v["site_name"], "Lowland Courier");
    assert_day(&v, "2024-02-09");
    assert_eq!(v["language"], "en-GB");
    let rep = &v["republished_from"];
    assert_eq!(rep["name"], "The Fen Observer");
    assert_eq!(
        rep["url"],
        "https://fenobserver.example/nature/2024/02/02/eel-ladders-gorsey-sluices"
    );
    assert!(rep["evidence"]
        .as_str()
        .unwrap()
        .contains("originally published on The Fen Observer"));
    let p = paragraphs(&v);
    assert_eq!(p.len(), 4, "{p:#?}");
    assert!(p[0].starts_with("Young eels will be able to climb"));
    assert!(p[3].starts_with("The trust will count the elvers"));
    assert_absent(
        &v,
        &[
            "originally published",
            "Most read",
            "Cattle show",
            "Log in",
            "By Imogen",
            "9 February 2024",
            "Mill Lane",
        ],
    );
}

#[test]
fn wire_story_fields() {
    let v = golden("wire_story.html");
    assert_eq!(
        v["title"],
        "Portville dockworkers end three-day strike after pay deal"
    );
    assert_eq!(v["site_name"], "Valley Gazette");
    assert_day(&v, "2023-10-03");
    assert!(tags(&v).contains(&tag("section", "Business")));
    assert_eq!(v["republished_from"]["name"], "Reuters");
    assert_eq!(v["republished_from"]["url"], Value::Null);
    let p = paragraphs(&v);
    assert!(
        p[0].starts_with("PORTVILLE, Oct 3 (Reuters) - Dockworkers at the port"),
        "{p:#?}"
    );
    assert!(p
        .iter()
        .any(|p| p.starts_with("Port operator Greyquay Terminals")));
    assert_absent(&v, &["Weather", "October 3, 2023", "Wire content"]);
}

#[test]
fn wire_story_credit_line_is_not_body() {
    let v = golden("wire_story.html");
    assert_absent(&v, &["Reporting by", "Editing by"]);
    assert!(paragraphs(&v)
        .last()
        .unwrap()
        .starts_with("Port operator Greyquay Terminals"));
}

#[test]
fn repost_markdown_fields() {
    let v = golden("repost.md");
    assert_eq!(v["source"]["format"], "markdown");
    assert_eq!(
        v["title"],
        "Salt Marsh Villages Vote to Share One Flood Warden: Three Parishes Pool Their Budgets"
    );
    assert_eq!(v["authors"], serde_json::json!(["Wren Alderidge"]));
    assert_eq!(v["site_name"], "Coastline Review");
    assert_eq!(v["published"], "2021-04-22");
    assert_eq!(v["language"], "en");
    let rep = &v["republished_from"];
    assert_eq!(rep["name"], "Estuary Voice");
    assert_eq!(rep["url"], Value::Null, "[X](#) is no URL");
    assert_eq!(rep["published"], "2021-04-19");
    assert!(tags(&v).contains(&tag("region", "Northern Estuaries")));
    let p = paragraphs(&v);
    assert_eq!(p.len(), 4, "{p:#?}");
    assert!(p[0].starts_with("Three salt marsh villages will share"));
    assert!(p[3].starts_with("The post will cost the three parishes"));
    assert_absent(
        &v,
        &[
            "original source",
            "Copyright",
            "Comment on",
            "Become a Member",
            "Articles by",
            "Disclaimer",
            "fair use",
            "copyrighted",
            "media inquiries",
            "Region:",
            "Theme:",
            "19 April 2021",
        ],
    );
}

#[test]
fn repost_markdown_theme_tags_are_split() {
    let v = golden("repost.md");
    let t = tags(&v);
    assert!(t.contains(&tag("theme", "Climate & Environment")), "{t:?}");
    assert!(t.contains(&tag("theme", "Local Government")), "{t:?}");
    assert_eq!(t.len(), 3, "{t:?}");
}

#[test]
fn plain_text_fields() {
    let v = golden("plain_article.txt");
    assert_eq!(v["source"]["format"], "text");
    assert_eq!(v["title"], "Night Buses Return to the Quarry Line");
    assert_eq!(v["authors"], serde_json::json!(["Ferdinand Oyelaran"]));
    assert_eq!(v["site_name"], "The Upland Herald");
    assert_eq!(v["published"], "2022-06-06");
    assert_eq!(v["language"], "en");
    let p = paragraphs(&v);
    assert_eq!(p.len(), 4, "{p:#?}");
    assert!(p[0].starts_with("Night buses will run again on the Quarry Line"));
    assert!(p[3].starts_with("The board expects the service"));
    assert_absent(&v, &["Copyright", "All rights reserved", "By Ferdinand"]);
}

#[test]
fn plain_text_wrapped_paragraphs_are_joined() {
    let v = golden("plain_article.txt");
    for p in paragraphs(&v) {
        assert!(!p.contains('\n'), "paragraph still hard-wrapped: {p:?}");
    }
    assert!(text(&v).contains("said on Monday, two years after the service was cut to save money."));
}

#[test]
fn latin1_meta_charset_fields() {
    let v = golden("latin1_meta.html");
    assert_eq!(v["title"], "Neue Fähre für den Bodmersee");
    assert_eq!(v["authors"], serde_json::json!(["Jörg Übelhör"]));
    assert_eq!(v["site_name"], "Der Seebote");
    assert_eq!(v["published"], "2022-11-04");
    assert_eq!(v["language"], "de");
    let t = text(&v);
    // windows-1252 characters outside Latin-1 proper: €, „ and “.
    assert!(t.contains("rund 2,4 Millionen €."), "{t}");
    assert!(
        t.contains("„Die alte Fähre ist über fünfzig Jahre alt"),
        "{t}"
    );
    assert!(t.contains("Käthe Süßmilch"), "{t}");
    assert!(!t.contains('\u{FFFD}') && !t.contains("Ã"), "mojibake: {t}");
    assert_absent(&v, &["Startseite", "© 2022"]);
}

#[test]
fn latin1_byline_is_not_body() {
    let v = golden("latin1_meta.html");
    assert_absent(&v, &["Von Jörg"]);
    assert!(text(&v).starts_with("Die Gemeinde Großweil hat am Donnerstag"));
}

#[test]
fn no_charset_is_detected() {
    let v = golden("no_charset.html");
    assert_eq!(v["title"], "Le marché de Pontbrévin déménage sur les quais");
    assert_eq!(v["language"], "fr");
    let t = text(&v);
    assert!(
        t.starts_with("Dès le mois prochain, le marché du samedi"),
        "{t}"
    );
    assert!(t.contains("« Les étals étaient trop serrés"), "{t}");
    assert!(t.contains("Hélène Graveleau"), "{t}");
    assert!(!t.contains('\u{FFFD}') && !t.contains("Ã"), "mojibake: {t}");
    assert_eq!(paragraphs(&v).len(), 4);
}

#[test]
fn fixtures_directory_in_one_run() {
    // The whole fixtures directory at once gives the same records as one file at a time,
    // in sorted order.
    let dir = fixtures();
    let r = run_ok(&dir, &["--jobs", "2", "."]);
    let mut names: Vec<String> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap())
        // Sub-directories (syndicate/) hold other commands' fixtures.
        .filter(|e| e.file_type().unwrap().is_file())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with('.'))
        .collect();
    names.sort();
    let expected: Vec<String> = names.iter().map(|n| format!("./{n}")).collect();
    assert_eq!(r.paths(), expected);
    for (rec, name) in r.records().iter().zip(&names) {
        let mut rec = rec.clone();
        rec["source"]["path"] = name.as_str().into();
        assert_eq!(rec, golden(name), "{name}");
    }
}

// ---------------------------------------------------------------------------------------------
// Smaller pages: republication notices and wire bylines

const EEL_BODY: &str = "<p>Young eels will be able to climb past the Gorsey sluices for the first \
    time in four decades after volunteers fitted two brush-lined ladders to the old gates.</p>\
    <p>The trust will count the elvers in a trap at the top of each ladder twice a week until \
    June and publish the numbers on its website.</p>";

/// An article page whose body ends with `tail`, extracted from a temporary file.
fn with_tail(tail: &str) -> Value {
    let dir = tempfile::tempdir().unwrap();
    let html = format!(
        "<!doctype html><html lang=\"en\"><head><title>Eel ladders return</title></head><body>\
         <article><h1>Eel ladders return</h1>{EEL_BODY}<p>{tail}</p></article></body></html>"
    );
    write(dir.path(), "page.html", html);
    let mut recs = run_ok(dir.path(), &["page.html"]).records();
    assert_eq!(recs.len(), 1);
    recs.remove(0)
}

const FEN_URL: &str = "https://fenobserver.example/nature/eel-ladders";

#[test]
fn republication_notice_variants() {
    let cases = [
        (
            format!("<em>This article was first published by <a href=\"{FEN_URL}\">The Fen Observer</a> on 2 February 2024.</em>"),
            "The Fen Observer",
            Some("2024-02-02"),
        ),
        (
            format!("This article was originally published on <a href=\"{FEN_URL}\">The Fen Observer</a>."),
            "The Fen Observer",
            None,
        ),
        (
            format!("The original source of this article is <a href=\"{FEN_URL}\">The Fen Observer</a>"),
            "The Fen Observer",
            None,
        ),
    ];
    for (tail, name, published) in cases {
        let v = with_tail(&tail);
        let rep = &v["republished_from"];
        assert_eq!(rep["name"], name, "{tail}");
        assert_eq!(rep["url"], FEN_URL, "{tail}");
        assert_eq!(rep["published"].as_str(), published, "{tail}");
        let p = paragraphs(&v);
        assert_eq!(p.len(), 2, "{tail}: {p:#?}");
        assert!(p[1].ends_with("publish the numbers on its website."));
    }
}

#[test]
fn republication_notice_name_stops_at_the_outlet() {
    for tail in [
        format!("This article is republished from <a href=\"{FEN_URL}\">The Fen Observer</a> under a Creative Commons license. Read the <a href=\"{FEN_URL}\">original article</a>."),
        format!("This story originally appeared in <a href=\"{FEN_URL}\">The Fen Observer</a> and is republished here with permission."),
    ] {
        let v = with_tail(&tail);
        assert_eq!(v["republished_from"]["name"], "The Fen Observer", "{tail}");
        assert_eq!(v["republished_from"]["url"], FEN_URL, "{tail}");
        assert_absent(&v, &["Creative Commons", "republished here"]);
    }
}

#[test]
fn wire_agency_is_not_part_of_an_author_name() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "ap.html",
        "<html><head><title>Storm closes mountain pass</title></head><body><article>\
         <h1>Storm closes mountain pass</h1>\
         <div class=\"byline\">By GRETA MOLLING and ABEL OSTRANDER Associated Press</div>\
         <p>KESTREL FALLS, Mont. (AP) — A late-season storm closed the only pass over the Kestrel \
         range on Sunday, stranding dozens of drivers overnight in a highway rest area.</p>\
         <p>Road crews expected to reopen the pass by Monday afternoon once plows had cleared \
         the drifts near the summit, the state transport office said.</p></article></body></html>",
    );
    let v = run_ok(dir.path(), &["ap.html"]).records().remove(0);
    assert_eq!(v["republished_from"]["name"], "Associated Press");
    let authors: Vec<String> = v["authors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a.as_str().unwrap().to_lowercase())
        .collect();
    assert!(authors.contains(&"greta molling".to_owned()), "{authors:?}");
    assert!(
        authors.contains(&"abel ostrander".to_owned()),
        "{authors:?}"
    );
    assert!(
        authors
            .iter()
            .all(|a| a == "associated press" || !a.contains("associated press")),
        "{authors:?}"
    );
}
