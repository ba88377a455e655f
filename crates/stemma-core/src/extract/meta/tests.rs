use super::*;

#[test]
fn titles() {
    assert_eq!(
        clean_title(
            "Ferry Route Approved | The Island Post",
            Some("The Island Post")
        ),
        "Ferry Route Approved"
    );
    assert_eq!(
        clean_title(
            "Ferry Route Approved - Island Post",
            Some("The Island Post")
        ),
        "Ferry Route Approved"
    );
    assert_eq!(
        clean_title("Island Post: Ferry Route Approved", Some("Island Post")),
        "Island Post: Ferry Route Approved"
    );
    assert_eq!(
        clean_title("Ferry Route Approved | Island News", None),
        "Ferry Route Approved"
    );
    assert_eq!(
        clean_title("Cost-benefit - a primer", None),
        "Cost-benefit - a primer"
    );
}

#[test]
fn authors() {
    assert_eq!(
        split_authors("By Mara Velde and Tom Ash"),
        vec!["Mara Velde", "Tom Ash"]
    );
    assert_eq!(
        split_authors("By Mara Velde, Staff Writer"),
        vec!["Mara Velde"]
    );
    assert_eq!(
        split_authors("By Mara Velde | Updated March 3, 2022"),
        vec!["Mara Velde"]
    );
    assert_eq!(
        split_authors("Ann Lee, Bo Chan, Cy Dorn"),
        vec!["Ann Lee", "Bo Chan", "Cy Dorn"]
    );
    assert!(split_authors("https://example.test/author/x").is_empty());
}

#[test]
fn url_helpers() {
    assert_eq!(
        absolutize("/a/b", Some("https://news.test/x/y")),
        "https://news.test/a/b"
    );
    assert_eq!(host("https://www.news.test/a"), Some("news.test"));
    assert_eq!(
        date_from_url("https://news.test/2019/11/05/story").as_deref(),
        Some("2019-11-05")
    );
}

pub(super) fn page(body: &str) -> crate::model::Article {
    super::super::html::extract_html(
        body,
        crate::model::Source {
            path: "t.html".into(),
            format: crate::model::Format::Html,
            url: Some("https://harbour-gazette.test/news/ferry".into()),
            warc_record_id: None,
            warc_date: None,
        },
    )
}

const STORY: &str = "<p>The island council voted on Monday to approve a new ferry route between the old harbour and the mainland.</p><p>The service is expected to start in May, with four crossings a day in summer and two in winter.</p>";

#[test]
fn dateline_next_to_the_headline() {
    let html = format!(
        r#"<html><head><title>Ferry route | Harbour Gazette</title></head><body>
        <h1>Ferry route approved after long debate</h1>
        <div class="meta"><span>Published March 3, 2022</span></div>{STORY}
        <aside><ul><li><span>May 1, 2020</span> Old story</li></ul></aside></body></html>"#
    );
    assert_eq!(page(&html).published.as_deref(), Some("2022-03-03"));
}

#[test]
fn update_date_yields_to_declared_publication() {
    let html = format!(
        r#"<html><head><meta property="article:published_time" content="2021-06-01T08:00:00+02:00">
        <meta property="article:modified_time" content="2024-02-10T08:00:00+02:00"></head><body>
        <h1>Ferry route approved after long debate</h1><p class="byline">Last updated: Feb 10, 2024</p>{STORY}</body></html>"#
    );
    assert_eq!(
        page(&html).published.as_deref(),
        Some("2021-06-01T08:00:00+02:00")
    );
}

#[test]
fn a_visible_date_beats_a_far_declared_one() {
    let html = format!(
        r#"<html><head><script type="application/ld+json">{{"@type":"NewsArticle","datePublished":"2019-01-05"}}</script></head><body>
        <h1>Ferry route approved after long debate</h1><time class="entry-date">July 9, 2023</time>{STORY}</body></html>"#
    );
    assert_eq!(page(&html).published.as_deref(), Some("2023-07-09"));
}

#[test]
fn runs_of_dates_are_a_list_not_a_dateline() {
    let html = format!(
        r#"<html><body><h1>Ferry route approved after long debate</h1>{STORY}
        <div><span>June 1, 2023</span><a href="/a">One</a></div>
        <div><span>May 2, 2023</span><a href="/b">Two</a></div>
        <div><span>April 3, 2023</span><a href="/c">Three</a></div></body></html>"#
    );
    assert_eq!(page(&html).published, None);
}

#[test]
fn one_day_apart_is_a_time_zone() {
    // The declared UTC moment and the day printed under the headline in the page's own zone:
    // the printed day is the one its readers see.
    let html = format!(
        r#"<html><head><meta property="article:published_time" content="2022-05-04T01:30:00+00:00"></head><body>
        <h1>Ferry route approved after long debate</h1><span>May 3, 2022</span>{STORY}</body></html>"#
    );
    assert_eq!(page(&html).published.as_deref(), Some("2022-05-03"));
}

#[test]
fn ambiguous_numeric_date_reads_as_declared() {
    let html = format!(
        r#"<html><head><meta property="article:modified_time" content="2024-10-03T10:00:00Z"></head><body>
        <h1>Ferry route approved after long debate</h1><span class="date">03/10/2024</span>{STORY}</body></html>"#
    );
    assert_eq!(page(&html).published.as_deref(), Some("2024-10-03"));
}

#[test]
fn generic_publication_meta_keys() {
    let html = format!(
        r#"<html><head><meta name="x-published-date" content="2020-02-02T10:00:00Z"></head><body>{STORY}</body></html>"#
    );
    assert_eq!(
        page(&html).published.as_deref(),
        Some("2020-02-02T10:00:00Z")
    );
}

#[test]
fn headline_is_the_h1_when_declared_titles_reword_it() {
    let html = format!(
        r#"<html><head><title>Ferry Route Approved: 5 Things to Know | Harbour Gazette</title>
        <meta property="og:site_name" content="Harbour Gazette"></head><body>
        <h1>Harbour Gazette</h1><h1>Island council approves the new ferry route</h1>{STORY}</body></html>"#
    );
    assert_eq!(
        page(&html).title.as_deref(),
        Some("Island council approves the new ferry route")
    );
    // An <h1> that is only the site name in the title's suffix is not the headline.
    let html = format!(
        r#"<html><head><title>Ferry route approved after long debate | Gull Notes</title></head><body>
        <h1>Gull Notes</h1>{STORY}</body></html>"#
    );
    assert_eq!(
        page(&html).title.as_deref(),
        Some("Ferry route approved after long debate")
    );
}

#[test]
fn title_text_is_decoded() {
    assert_eq!(
        clean_text("Rock &#038; Roll&#x2019;s Day"),
        "Rock & Roll\u{2019}s Day"
    );
    assert_eq!(
        clean_text("Investor\u{e2}\u{80}\u{99}s Guide"),
        "Investor\u{2019}s Guide"
    );
    assert_eq!(clean_text("Caf\u{e9} life"), "Caf\u{e9} life");
}

#[test]
fn bylines_from_visible_text() {
    assert_eq!(
        parse_byline("By Mara Velde | March 3, 2022", false),
        vec!["Mara Velde"]
    );
    assert_eq!(
        parse_byline("Mara VeldeStaff Writer", true),
        vec!["Mara Velde"]
    );
    assert_eq!(
        parse_byline("Written byMara Velde", false),
        vec!["Mara Velde"]
    );
    assert_eq!(parse_byline("Tom AshMarch 3, 2022", true), vec!["Tom Ash"]);
    assert_eq!(parse_byline("Tom Ash7 min read", true), vec!["Tom Ash"]);
    assert_eq!(
        parse_byline("Posted on May 3, 2021 by Ida Lunde 12 Comments", false),
        vec!["Ida Lunde"]
    );
    assert_eq!(
        parse_byline(
            "Ida Lunde Last Updated: Dec 1, 2025 Fact checked by: Ove Brask",
            true
        ),
        vec!["Ida Lunde"]
    );
    assert_eq!(
        parse_byline("By Ida Lunde, Senior Editor, and Ove Brask", false),
        vec!["Ida Lunde"]
    );
    assert_eq!(
        parse_byline("Ida Lunde KESTREL NEWS", true),
        vec!["Ida Lunde"]
    );
    assert_eq!(
        parse_byline("By The Gull Notes editors", false),
        vec!["The Gull Notes editors"]
    );
    assert!(parse_byline("By joining our club you get 5% off every order.", false).is_empty());
    assert!(parse_byline("By default, photos come from our library", false).is_empty());
    assert!(parse_byline("Table of Contents", true).is_empty());
    assert!(parse_byline("Sat, 20 Dec, 2025 - 06:36", true).is_empty());
    // A glued name keeps its inner capitals.
    assert_eq!(parse_byline("By Ann McLeod", false), vec!["Ann McLeod"]);
}

#[test]
fn declared_organisation_yields_to_printed_byline() {
    let html = format!(
        r#"<html><head><script type="application/ld+json">{{"@type":"Article","author":{{"@type":"Organization","name":"Harbour Gazette"}}}}</script></head><body>
        <h1>Ferry route approved after long debate</h1><div class="post-author"><a href="/author/ida">Ida Lunde</a></div>{STORY}</body></html>"#
    );
    assert_eq!(page(&html).authors, vec!["Ida Lunde"]);
    // A declared person stands (against a byline element; a "By …" line right under the
    // headline outranks it, see byline/tests.rs).
    let html = format!(
        r#"<html><head><meta name="author" content="Ove Brask"></head><body>
        <h1>Ferry route approved after long debate</h1><span class="byline">Ida Lunde</span>{STORY}</body></html>"#
    );
    assert_eq!(page(&html).authors, vec!["Ove Brask"]);
    // A user name does not.
    let html = format!(
        r#"<html><head><meta name="author" content="ove.brask"></head><body>
        <h1>Ferry route approved after long debate</h1><span class="byline">By Ida Lunde</span>{STORY}</body></html>"#
    );
    assert_eq!(page(&html).authors, vec!["Ida Lunde"]);
}

#[test]
fn byline_inside_an_author_wrapper_and_inside_a_paragraph() {
    let html = format!(
        r#"<html><body><h1>Ferry route approved after long debate</h1>
        <div class="dateAndAuthorContainer"><span>Ida Lunde</span><span>April 2, 2021</span></div>{STORY}</body></html>"#
    );
    let a = page(&html);
    assert_eq!(a.authors, vec!["Ida Lunde"]);
    assert_eq!(a.published.as_deref(), Some("2021-04-02"));
    let html = format!(
        r#"<html><body><h1>Ferry route approved after long debate</h1>
        <p>Story by <a rel="author" href="/people/ove">Ove Brask</a> on 4 May 2020</p>{STORY}</body></html>"#
    );
    let a = page(&html);
    assert_eq!(a.authors, vec!["Ove Brask"]);
    assert_eq!(a.published.as_deref(), Some("2020-05-04"));
}

#[test]
fn labels_before_dates() {
    let t = "Published June 3, 2021 · Updated May 5, 2024";
    let d = find_dates(t);
    assert_eq!(label_before(t, d[0].0), DateKind::Published);
    assert_eq!(label_before(t, d[1].0), DateKind::Updated);
    assert_eq!(
        label_before("Last Updated: May 5, 2024", 14),
        DateKind::Updated
    );
}

fn page_without_url(body: &str) -> crate::model::Article {
    super::super::html::extract_html(
        body,
        crate::model::Source {
            path: "t.html".into(),
            format: crate::model::Format::Html,
            url: None,
            warc_record_id: None,
            warc_date: None,
        },
    )
}

fn published(a: &crate::model::Article) -> (Option<&str>, Option<&str>) {
    (a.published.as_deref(), a.published_source.as_deref())
}

#[test]
fn datelines_in_other_languages() {
    for (line, day) in [
        ("Veröffentlicht am 14. Februar 2012", "2012-02-14"),
        ("Publié le 1er mars 2020", "2020-03-01"),
        ("Publicado el 3 de marzo de 2021", "2021-03-03"),
        ("Party, 30.10.23", "2023-10-30"),
        ("14 сентября 2020", "2020-09-14"),
    ] {
        let html = format!(
            r#"<html><body><h1>Ferry route approved after long debate</h1>
            <div class="date">{line}</div>{STORY}</body></html>"#
        );
        assert_eq!(
            published(&page_without_url(&html)),
            (Some(day), Some("byline")),
            "{line}"
        );
    }
}

#[test]
fn declared_sources_are_named() {
    let html = format!(
        r#"<html><head><meta property="article:published_time" content="2021-06-01T08:00:00+02:00"></head>
        <body><h1>Ferry route approved after long debate</h1>{STORY}</body></html>"#
    );
    assert_eq!(
        published(&page_without_url(&html)),
        (
            Some("2021-06-01T08:00:00+02:00"),
            Some("meta:article:published_time")
        )
    );
}

#[test]
fn the_canonical_url_dates_a_page_that_prints_no_date() {
    let html = format!(
        r#"<html><head><link rel="canonical" href="https://harbour-gazette.test/2013/08/07/ferry/"></head>
        <body><h1>Ferry route approved after long debate</h1>{STORY}</body></html>"#
    );
    assert_eq!(
        published(&page_without_url(&html)),
        (Some("2013-08-07"), Some("url"))
    );
}

#[test]
fn a_utc_declaration_yields_to_the_same_moment_in_the_page_zone() {
    let html = format!(
        r#"<html><head><script type="application/ld+json">{{"@type":"NewsArticle","datePublished":"2023-11-09T02:11:03+00:00"}}</script></head>
        <body><h1>Ferry route approved after long debate</h1>
        <time datetime="2023-11-08T21:11:03-05:00">Nov 8, 2023</time>{STORY}</body></html>"#
    );
    let day = |html: &str| {
        page_without_url(html)
            .published
            .map(|d| d[..10].to_string())
    };
    assert_eq!(day(&html).as_deref(), Some("2023-11-08"));
    // Without a printed date near the headline, the `<time>` far down the page says which
    // day the UTC moment is in the page's zone.
    let far = html
        .replace("<time", &format!("{}<time", "<p>x</p>".repeat(300)))
        .replace(">Nov 8, 2023<", "><");
    assert_eq!(
        page_without_url(&far).published.as_deref(),
        Some("2023-11-08T21:11:03-05:00")
    );
    // Another moment on the next day is not the same publication.
    let far = far.replace("21:11:03-05:00", "23:40:00-05:00");
    assert_eq!(
        page_without_url(&far).published.as_deref(),
        Some("2023-11-09T02:11:03+00:00")
    );
}

#[test]
fn implausible_dates_are_ignored() {
    let html = format!(
        r#"<html><head><meta property="article:published_time" content="2099-01-01">
        <meta name="date" content="1991-05-05"></head>
        <body><h1>Ferry route approved after long debate</h1>{STORY}</body></html>"#
    );
    assert_eq!(published(&page_without_url(&html)), (None, None));
}

#[test]
fn a_dateline_anywhere_is_the_last_resort() {
    let html = format!(
        r#"<html><body><div>{STORY}</div><footer><em>01.11.2023 11:35</em></footer></body></html>"#
    );
    assert_eq!(
        published(&page_without_url(&html)),
        (Some("2023-11-01"), Some("text"))
    );
}

#[test]
fn a_time_of_day_does_not_make_a_dateline_a_sentence() {
    let html = format!(
        r#"<html><body><h1>Ferry route approved after long debate</h1>
        <h2>Harbour (1 / 1) <span>06.11.2023 13:30 Uhr von Olga Berg</span> Symbolbild</h2>{STORY}</body></html>"#
    );
    assert_eq!(
        page_without_url(&html).published.as_deref(),
        Some("2023-11-06")
    );
}

#[test]
fn several_json_ld_articles_defer_to_the_meta_date() {
    let html = format!(
        r#"<html><head><meta property="article:published_time" content="2023-11-01 08:20:40">
        <script type="application/ld+json">[{{"@type":"NewsArticle","datePublished":"2023-08-09T10:28:37+00:00"}},
        {{"@type":"NewsArticle","datePublished":"2023-11-01T08:20:40+00:00"}}]</script></head>
        <body><h1>Ferry route approved after long debate</h1>{STORY}</body></html>"#
    );
    assert_eq!(
        published(&page_without_url(&html)),
        (
            Some("2023-11-01T08:20:40"),
            Some("meta:article:published_time")
        )
    );
}

#[test]
fn slashed_dates_read_in_the_page_language_order() {
    let html = |lang: &str| {
        format!(
            r#"<html lang="{lang}"><body><h1>Ferry route approved after long debate</h1>
            <div class="date">02/10/2020</div>{STORY}</body></html>"#
        )
    };
    assert_eq!(
        page_without_url(&html("en-GB")).published.as_deref(),
        Some("2020-10-02")
    );
    assert_eq!(
        page_without_url(&html("en-US")).published.as_deref(),
        Some("2020-02-10")
    );
}

#[test]
fn a_date_marked_as_the_publication_beats_its_unmarked_neighbour() {
    let html = format!(
        r#"<html><body><h1>Ferry route approved after long debate</h1>
        <div class="author"><time>2018-08-29 14:15:57</time><time itemprop="datePublished" datetime="2018-06-22 10:20:00">22.06.2018</time></div>{STORY}</body></html>"#
    );
    assert_eq!(
        page_without_url(&html)
            .published
            .as_deref()
            .and_then(|d| d.get(..10)),
        Some("2018-06-22")
    );
}

#[test]
fn bylines_in_other_languages() {
    for (line, names) in [
        ("Von Anna Berg und Max Kurz", vec!["Anna Berg", "Max Kurz"]),
        (
            "Par Jean Dupont et Marie Lefort",
            vec!["Jean Dupont", "Marie Lefort"],
        ),
        ("Por Ana Ruiz y Luis Mora", vec!["Ana Ruiz", "Luis Mora"]),
    ] {
        let html = format!(
            r#"<html><body><h1>Ferry route approved after long debate</h1>
            <p>{line}</p>{STORY}</body></html>"#
        );
        assert_eq!(page_without_url(&html).authors, names, "{line}");
    }
}

#[test]
fn every_named_entity_is_decoded() {
    assert_eq!(
        decode_entities("Investor&rsquo;s caf&eacute; &amp; &#8220;bar&#x201D; &bogus; a&b&nbsp;c"),
        "Investor\u{2019}s caf\u{e9} & \u{201c}bar\u{201d} &bogus; a&b c"
    );
    assert_eq!(
        decode_entities("&rsquo;s café &eacute;"),
        "\u{2019}s café \u{e9}"
    );
    assert_eq!(
        decode_entities("&#xZZ; &#99999999; &"),
        "&#xZZ; &#99999999; &"
    );
}

#[test]
fn a_dateline_in_a_block_of_its_own_text() {
    // The date is the text of a `div` itself, not of a span or paragraph inside it.
    for (line, day) in [
        ("Posted on September 21, 2020 by Ann Berg", "2020-09-21"),
        ("Publié le 3 mars 2021", "2021-03-03"),
        ("Kim Soyeon 기자 | 2020-03-04 16:52:59", "2020-03-04"),
        ("27 Sep 2016", "2016-09-27"),
    ] {
        let html = format!(
            r#"<html><body><h1>Ferry route approved after long debate</h1>
            <div class="page-head"><div class="page-head-info"> {line} </div></div>{STORY}</body></html>"#
        );
        assert_eq!(
            published(&page_without_url(&html)),
            (Some(day), Some("byline")),
            "{line}"
        );
    }
}

#[test]
fn a_date_classed_title_attribute_is_a_machine_date() {
    // hAtom: `<abbr class="published" title="…">`, inside a meta line too long to be a dateline.
    let html = format!(
        r#"<html><body>{STORY}<p class="entry-meta">Autor: <span class="author vcard"><a rel="author" href="/?author=1">kinra</a></span> | Artikel veröffentlicht am <abbr class="published" title="Sonntag, Dezember 16th, 2012, 7:05 pm">16.12.2012</abbr> Kategorien: <a href="/c1">Überwachung</a>, <a href="/c2">Datenschutz</a>, <a href="/c3">Innenpolitik</a>, <a href="/c4">Bundestag</a>, <a href="/c5">Bundesrat</a>, <a href="/c6">Polizei</a>, <a href="/c7">Gerichte</a>, <a href="/c8">Gesetze</a>, <a href="/c9">Bürgerrechte</a>, <a href="/c10">Kommentare und Meinungen der Redaktion zu aktuellen Fragen</a>, <a href="/c11">Archiv der älteren Beiträge aus den Jahren 2007 bis 2008</a>, <a href="/c12">Leserbriefe und Antworten</a>, <a href="/c13">Veranstaltungen in der Region</a>, <a href="/c14">Termine</a>, <a href="/c15">Fotos und Videos aus dem Landtag</a>, <a href="/c16">Pressemitteilungen der Fraktionen</a></p></body></html>"#
    );
    assert_eq!(
        published(&page_without_url(&html)),
        (Some("2012-12-16"), Some("microformat"))
    );
    let html = format!(
        r#"<html><body><h1>Ferry route approved after long debate</h1><span class="updated" title="2013-04-04T18:52:11+00:00"></span>{STORY}</body></html>"#
    );
    assert_eq!(
        published(&page_without_url(&html)).0,
        Some("2013-04-04T18:52:11+00:00")
    );
}

#[test]
fn a_dateline_beside_a_list_of_another_shape_is_no_run() {
    let html = format!(
        r#"<html><body><h1>Ferry route approved after long debate</h1><p><em>10.11.2021</em></p>{STORY}
        <span class="date">Nr. 34 vom 08. November 2021</span><a href="/34">Fähre</a>
        <span class="date">Nr. 32 vom 05. November 2021</span><a href="/32">Hafen</a>
        <span class="date">Nr. 31 vom 03. November 2021</span><a href="/31">Insel</a></body></html>"#
    );
    assert_eq!(published(&page_without_url(&html)).0, Some("2021-11-10"));
    // Items that repeat one date ("Recorded on …") among items of other dates: a run too.
    let item = |d: &str| {
        format!(
            r#"<div class="episode"><span class="date">{d}</span><a href="/e">Episode</a></div>
            <div class="episode"><span class="date">Duration: 12:30 | Recorded on August 19, 2025</span></div>"#
        )
    };
    let html = format!(
        r#"<html><head><meta property="article:published_time" content="2023-11-21T09:00:00Z"></head><body>
        <div class="podcasts">{}{}{}</div><h1>Ferry route approved after long debate</h1>{STORY}</body></html>"#,
        item("Nov 18, 2025"),
        item("Nov 11, 2025"),
        item("Nov 4, 2025")
    );
    assert_eq!(
        published(&page_without_url(&html)).0,
        Some("2023-11-21T09:00:00Z")
    );
}

#[test]
fn a_menu_of_dated_links_is_no_dateline() {
    let html = format!(
        r#"<html><body><h1>Ferry route approved after long debate</h1>
        <div class="menu-item"><a href="/12m">12M – 12. Mai 2012</a></div>
        <div class="menu-item"><a href="/15o">#15o – 15.10.11</a></div>
        <p>The council met in the old town hall, which was full, and the debate went on for hours.</p>
        <p>Many islanders spoke, and most of them spoke in favour of the route and its timetable.</p>
        <div class="entry-meta"><div class="posted">Publiziert am 13. Januar 2014 von Ute Riebe</div></div>{STORY}</body></html>"#
    );
    assert_eq!(published(&page_without_url(&html)).0, Some("2014-01-13"));
}

#[test]
fn author_markup_does_not_make_a_sentence_a_dateline() {
    let html = format!(
        r#"<html><body><h1>Ferry route approved after long debate</h1>
        <div class="post-author"><p>Wir suchen zum 1. April 2016 eine Fährfrau oder einen Fährmann in Teilzeit für die Linie zur Insel, die Stelle ist auf ein Jahr befristet.</p></div>{STORY}
        <p>Posted</p><p>More about the harbour, the ferry and the island council's plans for the coming year and after.</p><p>The council thanked all who came.</p>
        <time class="published" datetime="2016-01-15T09:00:18+00:00">15/01/2016</time></body></html>"#
    );
    assert_eq!(
        published(&page_without_url(&html)).0.map(|d| &d[..10]),
        Some("2016-01-15")
    );
}

#[test]
fn a_declared_day_printed_near_the_headline_beats_a_nearer_date() {
    let html = format!(
        r#"<html><head><meta property="article:published_time" content="2022-08-14T15:43:26+02:00"></head><body>
        <h1>Ferry route approved after long debate</h1><p>14/08/2021</p><p>Photo: Harbour Gazette archive</p>
        <p>14 August 2022, 15:40</p>{STORY}</body></html>"#
    );
    assert_eq!(
        published(&page_without_url(&html)),
        (
            Some("2022-08-14T15:43:26+02:00"),
            Some("meta:article:published_time")
        )
    );
    // A day printed as the update does not vouch for a declared publication.
    let html = format!(
        r#"<html><head><meta name="dc.date" content="2021-10-15"></head><body>
        <h1>Ferry route approved after long debate</h1><p>13.10.2021</p>{STORY}
        <p class="date">Zuletzt geändert am: 15.10.2021</p></body></html>"#
    );
    assert_eq!(published(&page_without_url(&html)).0, Some("2021-10-13"));
}
