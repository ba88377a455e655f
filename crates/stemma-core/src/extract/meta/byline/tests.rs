//! Bylines on invented snippets and pages (invented people and outlets).

use super::*;

fn authors(html: &str) -> Vec<String> {
    crate::extract::meta::tests::page(html).authors
}

const STORY: &str = "<p>The island council voted on Monday to approve a new ferry route between the old harbour and the mainland.</p><p>The service is expected to start in May, with four crossings a day in summer and two in winter.</p>";

/// A page with `head` inside `<head>` and `byline` right under the headline.
fn page(head: &str, byline: &str) -> String {
    format!(
        "<html><head>{head}</head><body><h1>Ferry route approved after long debate</h1>{byline}{STORY}</body></html>"
    )
}

#[test]
fn a_label_and_its_name_in_two_elements() {
    for (byline, name) in [
        ("<span>By</span><span>Ida Lunde</span>", "Ida Lunde"),
        ("<p>Written by</p><p>Ove Brask</p>", "Ove Brask"),
        (
            "<p>Author:</p><div class=\"post-author-name\">Cora Marsh</div>",
            "Cora Marsh",
        ),
        ("<span>Von</span> <span>Anna Berg</span>", "Anna Berg"),
        ("<span>Par</span><span>Jean Dupont</span>", "Jean Dupont"),
        ("<span>Escrito por</span><span>Ana Ruiz</span>", "Ana Ruiz"),
        (
            "<span>Door</span><span>Pieter de Vries</span>",
            "Pieter de Vries",
        ),
    ] {
        assert_eq!(authors(&page("", byline)), vec![name], "{byline}");
    }
    // A label far from any name stays a label.
    assert!(authors(&page("", "<span>By</span>")).is_empty());
}

#[test]
fn byline_labels() {
    for l in [
        "By",
        "Written by:",
        "Author",
        "Author(s)",
        "Contributors:",
        "Von",
        "Geschrieben von",
        "Écrit par",
        "Escrito por",
        "Scritto da",
    ] {
        assert!(collect::is_byline_label(l), "{l}");
    }
    for l in ["By the harbour", "Ida Lunde", "Authority", "Posted on"] {
        assert!(!collect::is_byline_label(l), "{l}");
    }
}

#[test]
fn the_share_card_label_names_the_author_when_nothing_is_printed() {
    let head = r#"<meta name="twitter:label1" content="Written by"><meta name="twitter:data1" content="Ove Brask"><meta name="twitter:label2" content="Est. reading time"><meta name="twitter:data2" content="4 minutes">"#;
    assert_eq!(authors(&page(head, "")), vec!["Ove Brask"]);
    // Geschrieben von: the same in German.
    let head = r#"<meta name="twitter:label1" content="Geschrieben von"><meta name="twitter:data1" content="Anna Berg">"#;
    assert_eq!(authors(&page(head, "")), vec!["Anna Berg"]);
    // The printed byline outranks it (the card names the account that posted).
    let head = r#"<meta name="twitter:label1" content="Written by"><meta name="twitter:data1" content="Ove Brask">"#;
    assert_eq!(
        authors(&page(head, r#"<span class="byline">Ida Lunde</span>"#)),
        vec!["Ida Lunde"]
    );
}

#[test]
fn scholarly_meta_tags_list_every_author() {
    let head = r#"<meta name="citation_author" content="Lunde, Ida K."><meta name="citation_author" content="Brask, Ove">"#;
    assert_eq!(authors(&page(head, "")), vec!["Ida K. Lunde", "Ove Brask"]);
    let head = r#"<meta name="DC.Creator" content="Ida Lunde"><meta name="DC.Contributor" content="Ida Lunde"><meta name="DC.Contributor" content="Ove Brask"><meta name="DC.Contributor" content="Cora Marsh">"#;
    assert_eq!(
        authors(&page(head, "")),
        vec!["Ida Lunde", "Ove Brask", "Cora Marsh"]
    );
}

#[test]
fn names_glued_by_the_markup_come_apart() {
    assert_eq!(parse_byline("Ida LundeOve Brask", true), vec!["Ida Lunde"]);
    assert_eq!(parse_byline("Ida LundeEdTech", true), vec!["Ida Lunde"]);
    // A brand is one word, alone or after a byline word or a role.
    assert_eq!(parse_byline("By KelpWorks", false), vec!["KelpWorks"]);
    assert_eq!(parse_byline("Team KelpWorks", true), vec!["Team KelpWorks"]);
    assert_eq!(parse_byline("Ann McLeod", false), vec!["Ann McLeod"]);
}

#[test]
fn post_nominals_stay_with_the_name() {
    assert_eq!(
        parse_byline("By Ida Lunde, MD, MPH", false),
        vec!["Ida Lunde, MD, MPH"]
    );
    assert_eq!(split_authors("Ove Brask, Ph.D."), vec!["Ove Brask, Ph.D."]);
    // … but a role after a comma goes, and so does a reviewer.
    assert_eq!(
        parse_byline("By Ida Lunde, Senior Editor", false),
        vec!["Ida Lunde"]
    );
    assert_eq!(
        parse_byline("By Ida Lunde, DVM. Reviewed by Ove Brask, DVM", false),
        vec!["Ida Lunde, DVM."]
    );
    assert!(is_credential("RN"));
    assert!(!is_credential("AP"));
    assert!(!is_credential("Ida"));
}

#[test]
fn widget_leftovers_around_a_name_go() {
    // The avatar's initials, and the name printed again in a card.
    assert_eq!(parse_byline("CM Cora Marsh", true), vec!["Cora Marsh"]);
    assert_eq!(
        parse_byline("Ida Lunde Ida Lunde is a reporter on the islands", true),
        vec!["Ida Lunde"]
    );
    assert_eq!(
        parse_byline("Written By Ida Lunde × Ida Lunde", false),
        vec!["Ida Lunde"]
    );
    // A middle initial is no article.
    assert_eq!(
        parse_byline("Author(s) Tomas A. Vell", true),
        vec!["Tomas A. Vell"]
    );
    // "By the end" opens a sentence, not an outlet's byline.
    assert!(parse_byline("By the end of this guide you will know", false).is_empty());
}

#[test]
fn a_by_line_under_the_headline_outranks_a_declared_person() {
    let head = r#"<script type="application/ld+json">{"@type":"NewsArticle","author":{"@type":"Person","name":"Ove Brask"}}</script>"#;
    assert_eq!(
        authors(&page(head, "<p>By Ida Lunde on May 3, 2024</p>")),
        vec!["Ida Lunde"]
    );
    // Not when the declared name is the printed one less an outlet tail.
    let head = r#"<meta name="author" content="Ida Lunde">"#;
    assert_eq!(
        authors(&page(head, "<p>By Ida Lunde Harbour Desk</p>")),
        vec!["Ida Lunde"]
    );
    // A declared one-word login yields to a printed full name.
    let head = r#"<meta name="author" content="IdaL">"#;
    assert_eq!(
        authors(&page(head, r#"<span class="byline">Ida Lunde</span>"#)),
        vec!["Ida Lunde"]
    );
}

#[test]
fn a_fuller_printed_list_extends_the_declared_lead_author() {
    let head = r#"<meta name="author" content="Ida Lunde">"#;
    assert_eq!(
        authors(&page(
            head,
            r#"<div class="byline">Written by Dr Ida Lunde, Ove Brask, Cora Marsh</div>"#
        )),
        vec!["Dr Ida Lunde", "Ove Brask", "Cora Marsh"]
    );
    // A list of author links, one element each.
    let links = r#"<ul><li><a href="/people/ida-lunde">Ida Lunde</a></li><li><a href="/people/ove-brask">Ove Brask</a></li></ul>"#;
    assert_eq!(authors(&page("", links)), vec!["Ida Lunde", "Ove Brask"]);
}

#[test]
fn the_outlet_is_dropped_from_a_list_of_writers() {
    let head = r#"<meta property="og:site_name" content="Harbour Gazette"><script type="application/ld+json">{"@type":"NewsArticle","author":[{"@type":"Person","name":"Ida Lunde"},{"@type":"Person","name":"Ove Brask"},{"@type":"Organization","name":"Harbour Gazette"}]}</script>"#;
    assert_eq!(authors(&page(head, "")), vec!["Ida Lunde", "Ove Brask"]);
}

#[test]
fn an_author_box_far_below_is_the_last_resort() {
    let long: String = (0..120).map(|_| STORY).collect();
    let body = |head: &str| {
        format!(
            r#"<html><head>{head}</head><body><h1>Ferry route approved after long debate</h1>{long}<div class="author-box"><a rel="author" href="/author/ida-lunde">Ida Lunde</a></div></body></html>"#
        )
    };
    assert_eq!(authors(&body("")), vec!["Ida Lunde"]);
    // A declared author stands against it.
    assert_eq!(
        authors(&body(r#"<meta name="author" content="Ove Brask">"#)),
        vec!["Ove Brask"]
    );
}

#[test]
fn a_label_over_a_list_of_author_links() {
    let list = r#"<div><h6>Author(s)</h6><ul><li><a href="/library/?_author=Ida%20Lunde">Ida Lunde</a></li><li><a href="/library/?_author=Ove%20Brask">Ove Brask</a></li><li><a href="/library/?_author=Cora%20A.%20Marsh">Cora A. Marsh</a></li></ul></div>"#;
    assert_eq!(
        authors(&page("", list)),
        vec!["Ida Lunde", "Ove Brask", "Cora A. Marsh"]
    );
    // Links to other pages after the label's author are not authors.
    let other = r#"<div><span>By</span> <a href="/author/ida-lunde">Ida Lunde</a></div><ul><li><a href="/news/ferry-timetable">Ferry Timetable</a></li></ul>"#;
    assert_eq!(authors(&page("", other)), vec!["Ida Lunde"]);
}
