//! The web UI's pages over an invented archive: what each shows, with the selectors the
//! browser walk relies on (/work/UI-CONTRACT.md).

mod ui_fixture;

use axum::http::StatusCode;
use scraper::{Html, Selector};
use ui_fixture::*;

fn sel(s: &str) -> Selector {
    Selector::parse(s).unwrap()
}

fn texts(doc: &Html, s: &str) -> Vec<String> {
    doc.select(&sel(s))
        .map(|e| e.text().collect::<String>().trim().to_string())
        .collect()
}

fn attrs(doc: &Html, s: &str, attr: &str) -> Vec<String> {
    doc.select(&sel(s))
        .filter_map(|e| e.value().attr(attr).map(str::to_string))
        .collect()
}

#[tokio::test]
async fn search_marks_matched_words_and_offers_facets_that_filter() {
    let tmp = demo_store();
    let (status, html) = get(tmp.path(), "/search?q=Velmar").await;
    assert_eq!(status, StatusCode::OK, "{html}");
    let doc = Html::parse_document(&html);
    // all four articles mention Velmar
    assert_eq!(doc.select(&sel("ol.results > li.hit")).count(), 4, "{html}");
    let titles = attrs(&doc, "li.hit a.hit-title", "href");
    assert!(
        titles.iter().all(|h| h.starts_with("/article/")),
        "{titles:?}"
    );
    let marks = texts(&doc, "li.hit .snippet mark");
    assert!(
        !marks.is_empty() && marks.iter().all(|m| m == "Velmar"),
        "{marks:?}"
    );
    assert_eq!(texts(&doc, "li.hit .hit-site").len(), 4);
    assert!(texts(&doc, "li.hit .hit-date").contains(&"2017-03-02".to_string()));
    // the header's box keeps the words
    assert_eq!(
        attrs(&doc, "form.search input[name=q]", "value"),
        vec!["Velmar"]
    );

    // facets: outlets with counts, speakers, entities, months
    let facet_text = texts(&doc, "aside.facets li").join(" | ");
    for want in [
        "Alder Post 1",
        "Dune Gazette 1",
        "Sergey Lavrov 3",
        "Ona Fell 1",
        "2016-09 3",
        "2017-03 1",
    ] {
        assert!(facet_text.contains(want), "{want} not in {facet_text}");
    }
    // a facet link adds its filter and keeps the words
    let dune = doc
        .select(&sel("aside.facets a"))
        .find(|a| a.text().collect::<String>() == "Dune Gazette")
        .and_then(|a| a.value().attr("href"))
        .unwrap()
        .to_string();
    assert_eq!(dune, "/search?q=Velmar&site=Dune%20Gazette");
    let (_, html) = get(tmp.path(), &dune).await;
    let doc = Html::parse_document(&html);
    assert_eq!(
        texts(&doc, "li.hit a.hit-title"),
        vec!["Ferry timetable doubles"]
    );
    // the filter in force can be removed
    assert_eq!(
        attrs(&doc, ".active-filters a.remove", "href"),
        vec!["/search?q=Velmar"]
    );

    // the date facet is a range
    let (_, html) = get(tmp.path(), "/search?q=Velmar&from=2016-09-01&to=2016-09-30").await;
    let doc = Html::parse_document(&html);
    assert_eq!(doc.select(&sel("li.hit")).count(), 3);
    // the speaker and entity facets
    let (_, html) = get(tmp.path(), "/search?q=Velmar&speaker=Ona%20Fell").await;
    assert_eq!(
        Html::parse_document(&html).select(&sel("li.hit")).count(),
        1
    );
    let (_, html) = get(tmp.path(), "/search?q=&entity=Al%20Nusra%20Front").await;
    assert_eq!(
        Html::parse_document(&html).select(&sel("li.hit")).count(),
        3,
        "{html}"
    );
}

#[tokio::test]
async fn search_pages_through_results() {
    let tmp = tempfile::tempdir().unwrap();
    let articles = (0..45)
        .map(|i| {
            article(
                &format!("p{i}.html"),
                "Elm Ledger",
                "2020-01-01",
                &format!("Granary note {i}"),
                &format!(
                    "The granary ledger entry {i} lists {} sacks of barley.",
                    i * 7
                ),
            )
        })
        .collect();
    fill(tmp.path(), articles);
    let (_, html) = get(tmp.path(), "/search?q=granary").await;
    let doc = Html::parse_document(&html);
    assert_eq!(doc.select(&sel("li.hit")).count(), 20);
    assert_eq!(texts(&doc, "p.summary"), vec!["1–20 of 45"]);
    assert_eq!(
        attrs(&doc, "nav.pager a[rel=next]", "href"),
        vec!["/search?q=granary&page=2"]
    );
    let mut seen: Vec<String> = attrs(&doc, "li.hit a.hit-title", "href");
    for page in [2, 3] {
        let (_, html) = get(tmp.path(), &format!("/search?q=granary&page={page}")).await;
        let doc = Html::parse_document(&html);
        seen.extend(attrs(&doc, "li.hit a.hit-title", "href"));
        assert_eq!(
            doc.select(&sel("nav.pager a[rel=next]")).count(),
            usize::from(page == 2)
        );
    }
    seen.sort();
    seen.dedup();
    assert_eq!(seen.len(), 45, "every result once over the pages");
    // a bad page number is an error page, not a panic
    let (status, html) = get(tmp.path(), "/search?q=granary&page=x").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(html.contains("class=\"error\""));
}

#[tokio::test]
async fn search_without_an_archive_says_so() {
    let tmp = tempfile::tempdir().unwrap();
    let (status, html) = get(&tmp.path().join("none"), "/search?q=x").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(html.contains("<p class=\"error\">"), "{html}");
}
