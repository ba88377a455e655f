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
    assert!(html.contains("<p class=\"error\""), "{html}");
}

#[tokio::test]
async fn article_shows_metadata_the_notice_marked_quotes_and_its_story() {
    let tmp = demo_store();
    let id = article_id(tmp.path(), "https://birch-times.example/world/velmar");
    let (status, html) = get(tmp.path(), &format!("/article/{id}")).await;
    assert_eq!(status, StatusCode::OK, "{html}");
    let doc = Html::parse_document(&html);
    let one = |s: &str| {
        let t = texts(&doc, &format!("article.record {s}"));
        assert_eq!(t.len(), 1, "{s}: {t:?}");
        t[0].clone()
    };
    assert_eq!(one("h1.headline"), "Lavrov says Velmar talks will go on");
    assert_eq!(one(".byline"), "By Mira Stone");
    assert_eq!(one(".site"), "Birch Times");
    assert_eq!(one(".published"), "2016-09-15");
    assert_eq!(
        texts(&doc, "ul.tags li"),
        vec!["section: World", "keyword: ceasefire"]
    );
    let notice = one(".notice");
    assert!(
        notice.contains("Alder Post") && notice.contains("originally published by the Alder Post"),
        "{notice}"
    );
    assert_eq!(
        attrs(&doc, ".notice a", "href"),
        vec!["https://alder-post.example/alder/velmar.html"]
    );
    // both quotes marked, with their speaker, each followed by the speaker's link
    let marks: Vec<_> = doc.select(&sel("div.body mark.quote")).collect();
    assert_eq!(marks.len(), 2);
    assert_eq!(
        marks[0].text().collect::<String>(),
        "“The talks on Velmar will go on until the guns fall silent,”"
    );
    for m in &marks {
        assert_eq!(m.value().attr("data-speaker"), Some(LAVROV));
        let next = m
            .next_sibling()
            .and_then(scraper::ElementRef::wrap)
            .unwrap();
        assert_eq!(next.value().attr("class"), Some("speaker"));
        assert_eq!(next.value().attr("href"), Some("/entity/Sergey%20Lavrov"));
    }
    // the text around them is kept whole: paragraphs as in the record
    assert_eq!(doc.select(&sel("div.body p")).count(), 12);
    let body: String = doc
        .select(&sel("div.body"))
        .next()
        .unwrap()
        .text()
        .collect();
    assert!(body.contains("Sergey Lavrov, the foreign minister, said after the meeting."));
    // the story, with the three copies, origin first
    let links = attrs(&doc, "section.copies a.story-link", "href");
    assert_eq!(links.len(), 1);
    assert!(links[0].starts_with("/story/"));
    let rows = texts(&doc, "section.copies .copy-list .copy-outlet");
    assert_eq!(rows, vec!["Alder Post", "Birch Times (this)", "Cedar News"]);
    // the entities it names link to their pages
    assert!(attrs(&doc, ".entities a", "href")
        .contains(&"/entity/Jabhat%20Fateh%20al-Sham".to_string()));
}

#[tokio::test]
async fn article_errors_are_pages() {
    let tmp = demo_store();
    let (status, html) = get(tmp.path(), "/article/99999").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(html.contains("<p class=\"error\""));
    let (status, _) = get(tmp.path(), "/article/abc").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn entity_page_has_names_with_evidence_roles_quotes_and_a_chart() {
    let tmp = demo_store();
    // by an alias: the organisation under all its names, with the words that assert each
    let (status, html) = get(tmp.path(), "/entity/Al%20Nusra%20Front").await;
    assert_eq!(status, StatusCode::OK, "{html}");
    let doc = Html::parse_document(&html);
    assert_eq!(texts(&doc, "h1.entity-name"), vec!["Jabhat Fateh al-Sham"]);
    let names = texts(&doc, "section.names dt");
    assert_eq!(names, vec!["Jabhat Fateh al-Sham", "Al Nusra Front"]);
    let evidence = texts(&doc, "section.names dd");
    assert_eq!(
        evidence.len(),
        2,
        "its own name, then the words asserting the alias: {evidence:?}"
    );
    assert!(
        evidence[1].contains("formerly known as the Al Nusra Front"),
        "{evidence:?}"
    );
    // the three copies that assert it with the same words, each linked
    assert_eq!(doc.select(&sel("section.names dd a")).count(), 3);

    // a person: roles, quotes by him with outlet, date and article link, the chart
    let (status, html) = get(tmp.path(), "/entity/Sergey%20Lavrov").await;
    assert_eq!(status, StatusCode::OK);
    let doc = Html::parse_document(&html);
    assert_eq!(texts(&doc, "h1.entity-name"), vec![LAVROV]);
    assert!(texts(&doc, "section.roles li").contains(&"foreign minister".to_string()));
    let quotes: Vec<_> = doc
        .select(&sel("section.quotes-by ul.quotes > li.quote"))
        .collect();
    assert_eq!(
        quotes.len(),
        2,
        "two quotes, each once though three outlets carried them"
    );
    let first = &quotes[0];
    let t = |s: &str| {
        first
            .select(&sel(s))
            .map(|e| e.text().collect::<String>())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        t(".quote-text"),
        vec!["“The talks on Velmar will go on until the guns fall silent,”"]
    );
    assert_eq!(t(".outlet"), vec!["Alder Post"]);
    assert_eq!(t(".date"), vec!["2016-09-14"]);
    assert!(t(".also")[0].contains("Birch Times") && t(".also")[0].contains("Cedar News"));
    let link = first.select(&sel("a.article-link")).next().unwrap();
    assert!(link.value().attr("href").unwrap().starts_with("/article/"));
    // the chart: one bar for September 2016 holding all six appearances
    let chart = doc.select(&sel("svg.chart")).next().expect("a chart");
    let bars: Vec<String> = chart
        .select(&sel("rect.bar title"))
        .map(|t| t.text().collect())
        .collect();
    assert_eq!(bars, vec!["2016-09: 6"]);
    // the articles naming him
    assert_eq!(doc.select(&sel("section.articles li")).count(), 3);
}

#[tokio::test]
async fn a_speaker_without_an_entity_gets_a_quotes_page_and_an_unknown_name_a_404() {
    let tmp = tempfile::tempdir().unwrap();
    let text = "“The bridge opens in May,” said Ivo Marr.";
    let mut a = article(
        "g.html",
        "Gull Courier",
        "2021-04-01",
        "Bridge date set",
        text,
    );
    a.quotes = vec![quote(text, "“The bridge opens in May,”", "Ivo Marr")];
    fill(tmp.path(), vec![a]);
    let (status, html) = get(tmp.path(), "/entity/Ivo%20Marr").await;
    assert_eq!(status, StatusCode::OK, "{html}");
    let doc = Html::parse_document(&html);
    assert_eq!(texts(&doc, "h1.entity-name"), vec!["Ivo Marr"]);
    assert_eq!(doc.select(&sel("ul.quotes > li.quote")).count(), 1);
    let (status, html) = get(tmp.path(), "/entity/Nobody%20Here").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(html.contains("<p class=\"error\""));
}

#[tokio::test]
async fn quotes_and_attention_pages() {
    let tmp = demo_store();
    let (status, html) = get(tmp.path(), "/quotes?speaker=Ona%20Fell").await;
    assert_eq!(status, StatusCode::OK);
    let doc = Html::parse_document(&html);
    assert_eq!(
        texts(&doc, "ul.quotes > li.quote .quote-text"),
        vec!["“Passengers have waited long enough,”"]
    );
    let (_, html) = get(tmp.path(), "/quotes?q=ceasefire").await;
    assert_eq!(
        Html::parse_document(&html).select(&sel("li.quote")).count(),
        1
    );
    let (_, html) = get(tmp.path(), "/quotes").await;
    assert_eq!(
        Html::parse_document(&html).select(&sel("li.quote")).count(),
        3
    );

    let (status, html) = get(tmp.path(), "/attention?q=Velmar&by=month").await;
    assert_eq!(status, StatusCode::OK);
    let doc = Html::parse_document(&html);
    let bars: Vec<String> = doc
        .select(&sel("svg.chart rect.bar title"))
        .map(|t| t.text().collect())
        .collect();
    // September 2016 to March 2017, the empty months drawn too
    assert_eq!(bars.len(), 7, "{bars:?}");
    assert_eq!(bars[0], "2016-09: 3");
    assert_eq!(bars[6], "2017-03: 1");
    let (_, html) = get(tmp.path(), "/attention?entity=Sergey%20Lavrov&by=day").await;
    let doc = Html::parse_document(&html);
    assert_eq!(
        doc.select(&sel("svg.chart rect.bar")).count(),
        4,
        "14th to 17th September"
    );
    let (status, _) = get(tmp.path(), "/attention?q=x&by=year").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn story_page_draws_the_tree_and_lists_members_origin_first() {
    let tmp = demo_store();
    let origin_id = article_id(tmp.path(), "https://alder-post.example/alder/velmar.html");
    // the article page's story link leads here
    let (_, html) = get(tmp.path(), &format!("/article/{origin_id}")).await;
    let href = attrs(&Html::parse_document(&html), "a.story-link", "href").remove(0);
    let (status, html) = get(tmp.path(), &href).await;
    assert_eq!(status, StatusCode::OK, "{html}");
    let doc = Html::parse_document(&html);
    let tree = doc
        .select(&sel("svg.stemma-tree"))
        .next()
        .expect("the tree");
    // a box per member, an edge per copy, each box a link to its article
    assert_eq!(tree.select(&sel("g.node")).count(), 3);
    assert_eq!(tree.select(&sel("g.node.origin")).count(), 1);
    assert_eq!(tree.select(&sel("path.edge")).count(), 2);
    let outlets: Vec<String> = tree
        .select(&sel("text.outlet"))
        .map(|t| t.text().collect())
        .collect();
    assert_eq!(outlets, vec!["Alder Post", "Birch Times", "Cedar News"]);

    let members: Vec<_> = doc.select(&sel("ol.members > li.member")).collect();
    let roles: Vec<_> = members
        .iter()
        .map(|m| m.value().attr("data-role").unwrap())
        .collect();
    assert_eq!(roles, vec!["origin", "copy", "copy"]);
    let field = |i: usize, s: &str| -> String {
        members[i]
            .select(&sel(s))
            .map(|e| e.text().collect::<String>())
            .collect()
    };
    assert_eq!(field(0, ".outlet"), "Alder Post");
    assert_eq!(field(1, ".outlet"), "Birch Times");
    assert_eq!(field(1, ".lag"), "lag +1 day");
    assert_eq!(field(2, ".lag"), "lag +3 days");
    assert!(
        field(1, ".shared").ends_with("% shared"),
        "{}",
        field(1, ".shared")
    );
    assert_eq!(field(0, ".lag"), "");
    // the Cedar copy changed the byline; the Birch copy kept its notice
    assert_eq!(members[2].select(&sel(".flag-byline-changed")).count(), 1);
    assert_eq!(members[1].select(&sel(".flag-byline-changed")).count(), 0);
    assert!(field(1, ".notice-state").contains("kept"));
    assert_eq!(tree.select(&sel(".flag.byline-changed")).count(), 1);

    let (status, _) = get(tmp.path(), "/story/424242").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn home_lists_outlets_speakers_and_entities_and_unknown_paths_are_error_pages() {
    let tmp = demo_store();
    let (status, html) = get(tmp.path(), "/").await;
    assert_eq!(status, StatusCode::OK);
    let doc = Html::parse_document(&html);
    assert!(texts(&doc, ".top-speakers li").contains(&"Sergey Lavrov 3 articles".to_string()));
    assert_eq!(doc.select(&sel(".top-outlets li")).count(), 4);
    assert!(
        attrs(&doc, ".top-outlets a", "href").contains(&"/search?site=Dune%20Gazette".to_string())
    );
    assert_eq!(doc.select(&sel("form.search input[name=q]")).count(), 1);

    let (status, html) = get(tmp.path(), "/no/such/page").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let doc = Html::parse_document(&html);
    assert_eq!(texts(&doc, "p.error"), vec!["no page at /no/such/page"]);
    // a malformed query or path is a 400 page too, not a plain-text rejection
    for uri in [
        "/search?q=a&page=1&page=2",
        "/entity/%FF%FE",
        "/quotes?speaker=a&speaker=b",
    ] {
        let (status, html) = get(tmp.path(), uri).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{uri}");
        assert_eq!(
            Html::parse_document(&html).select(&sel("p.error")).count(),
            1,
            "{uri}: {html}"
        );
    }
    // under /api/ the error stays JSON
    let (status, body) = get(tmp.path(), "/api/no-such-endpoint").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let v: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(v["code"], "not_found");
}
