//! Body text and language on pages of every kind (fixtures under `tests/fixtures/body`,
//! invented text), with golden outputs (insta) and the property each page is there for.

use std::path::Path;

use stemma_core::{extract, Article, Document, Format, Source};

fn page(name: &str) -> Article {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/body")
        .join(name);
    let bytes = std::fs::read(&path).expect("fixture");
    let doc = Document {
        source: Source::file(name, Format::Html),
        content_format: Format::Html,
        bytes,
        http_charset: None,
    };
    extract(&doc).expect("extracts")
}

fn paragraphs(a: &Article) -> Vec<&str> {
    a.text.split("\n\n").filter(|p| !p.is_empty()).collect()
}

macro_rules! golden {
    ($($test:ident => $file:literal),* $(,)?) => {$(
        #[test]
        fn $test() {
            let a = page($file);
            insta::assert_json_snapshot!(
                stringify!($test),
                serde_json::json!({
                    "title": a.title,
                    "language": a.language,
                    "paragraphs": paragraphs(&a),
                })
            );
        }
    )*};
}

golden! {
    body_zh_short_paragraphs => "zh_short_paragraphs.html",
    body_ja_ruby_short_paragraphs => "ja_ruby_short_paragraphs.html",
    body_ar_news => "ar_news.html",
    body_ru_news => "ru_news.html",
    body_repeated_paragraphs => "repeated_paragraphs.html",
    body_caption_credit_lines => "caption_credit_lines.html",
    body_lead_teaser => "lead_teaser.html",
    body_tiny_page => "tiny_page.html",
    body_slideshow_hidden_sections => "slideshow_hidden_sections.html",
    body_section_headings_reference => "section_headings_reference.html",
    body_article_sections => "article_sections.html",
    body_image_captions => "image_captions.html",
    body_appendix_after_text => "appendix_after_text.html",
    body_hidden_copy_gallery => "hidden_copy_gallery.html",
    body_product_description => "product_description.html",
    body_linked_sentences => "linked_sentences.html",
    body_marked_lead => "marked_lead.html",
    body_nfc_bengali => "nfc_bengali.html",
}

#[test]
fn chinese_short_paragraphs_are_body() {
    let a = page("zh_short_paragraphs.html");
    assert_eq!(paragraphs(&a).len(), 5, "{:?}", a.text);
    assert!(a.text.starts_with("本周一，青湾市议会批准了"));
    assert!(!a.text.contains("版权所有"));
    assert_eq!(a.language.as_deref(), Some("zh"));
}

#[test]
fn japanese_body_leaves_out_furigana() {
    let a = page("ja_ruby_short_paragraphs.html");
    let p = paragraphs(&a);
    assert_eq!(p.len(), 4, "{:?}", a.text);
    assert_eq!(p[0], "市議会は月曜日、新しいフェリーを決めました。");
    assert_eq!(a.language.as_deref(), Some("ja"));
}

#[test]
fn arabic_and_russian_body_and_language() {
    let a = page("ar_news.html");
    assert_eq!(paragraphs(&a).len(), 3, "{:?}", a.text);
    assert_eq!(a.language.as_deref(), Some("ar"));
    let r = page("ru_news.html");
    assert_eq!(paragraphs(&r).len(), 3, "{:?}", r.text);
    assert_eq!(r.language.as_deref(), Some("ru"));
}

#[test]
fn identical_sibling_paragraphs_all_stay() {
    let a = page("repeated_paragraphs.html");
    assert_eq!(paragraphs(&a).len(), 3, "{:?}", a.text);
}

/// The body holds each of `inside` and none of `outside`.
fn assert_body(a: &Article, inside: &[&str], outside: &[&str]) {
    for s in inside {
        assert!(a.text.contains(s), "{s:?} missing from {:?}", a.text);
    }
    for s in outside {
        assert!(!a.text.contains(s), "{s:?} kept in {:?}", a.text);
    }
}

#[test]
fn a_credit_line_does_not_take_its_paragraph() {
    let a = page("caption_credit_lines.html");
    assert_body(
        &a,
        &[
            "The Pebble Mini fits in a shirt pocket",
            "comes in at half the price",
        ],
        &["Image credit"],
    );
}

#[test]
fn a_teaser_lead_that_the_description_names_leads_the_body() {
    let a = page("lead_teaser.html");
    let p = paragraphs(&a);
    assert_eq!(p.len(), 4, "{:?}", a.text);
    assert!(p[0].starts_with("The harbour town voted on Tuesday"));
    assert!(!a.text.contains("Bridge repairs"));
}

#[test]
fn a_one_line_page_gives_its_line() {
    let a = page("tiny_page.html");
    assert_eq!(a.text, "Reading room shut until Monday");
}

#[test]
fn a_slideshow_keeps_the_sections_it_hides() {
    let a = page("slideshow_hidden_sections.html");
    assert!(a.text.starts_with("Some objects arrive"), "{:?}", a.text);
    // The hidden sections are the article; a hidden teaser is still not body.
    assert_body(
        &a,
        &["5. A Bread Bag With a Window", "It washes at forty degrees"],
        &["pressure cooker", "houseplants"],
    );
}

#[test]
fn section_headings_and_sibling_sections_stay() {
    let a = page("section_headings_reference.html");
    let p = paragraphs(&a);
    // The `<h1>` of each section is a heading of the body, not the headline.
    assert!(p.contains(&"Our Story"), "{:?}", a.text);
    assert!(p.contains(&"What We Do Now"), "{:?}", a.text);
    assert!(!p.contains(&"About us"), "{:?}", a.text);
    // Soft hyphens join the word they cut.
    assert_body(&a, &["Mitgliederversammlung"], &["Follow us"]);
}

#[test]
fn article_sections_without_headings_are_one_page() {
    // Sibling `<article>`s without headlines of their own are the sections of one story,
    // not a story and its teasers: all of them are body.
    let a = page("article_sections.html");
    assert_body(
        &a,
        &[
            "The kitchen came with the flat",
            "every piece does two jobs",
            "let the plants bring the colour",
        ],
        &["All rights reserved"],
    );
}

#[test]
fn captions_and_credits_beside_images_are_not_body() {
    let a = page("image_captions.html");
    assert_body(
        &a,
        &[
            "Seit Oktober misst eine neue Station",
            "Gebaut hat sie ein Team",
            // Prose right after an image, with no caption's mark, stays.
            "So sah der Gipfel am ersten Messtag aus",
            "Im Frühjahr wollen wir",
        ],
        &["kurz nach dem Aufbau", "Lene Haubrich", "Abbildung 2"],
    );
}

#[test]
fn the_appendix_after_the_text_is_not_body() {
    // The author box and the call for support follow the paragraphs, outside their parent.
    let a = page("appendix_after_text.html");
    assert_eq!(paragraphs(&a).len(), 3, "{:?}", a.text);
    assert_body(
        &a,
        &["Every winter somebody", "until the water warms again"],
        &["About the writer", "buy me a coffee", "no paywall"],
    );
}

#[test]
fn a_hidden_copy_of_the_text_does_not_shrink_the_visible_one() {
    // The page restates its article in a hidden metadata block; the visible text sits in a
    // wrapper whose class (`gallery`) is a weak boilerplate hint. Judged against the prose
    // the reader sees, the wrapper holds nearly all of it and stays.
    let a = page("hidden_copy_gallery.html");
    assert_eq!(paragraphs(&a).len(), 3, "{:?}", a.text);
    assert_body(
        &a,
        &[
            "Die Bergwacht Talfeld hat am Hohen Kamm",
            "Bisher mussten die Helferinnen",
        ],
        &["Alle Rechte vorbehalten"],
    );
}

#[test]
fn a_product_description_is_body_and_the_author_card_is_not() {
    // `itemprop=description` on a product's text is its body; the same property inside the
    // author's card (`itemprop=author`) is a bio. The shop's banner, sidebar and footer
    // (boilerplate roles) are no share of the page's prose.
    let a = page("product_description.html");
    assert_body(
        &a,
        &[
            "lässt sich von oben und von vorne öffnen",
            "verschließbare Bodenluke",
        ],
        &["Jola Brandt", "Kostenloser Versand", "Kundendienst"],
    );
}

#[test]
fn a_sentence_that_runs_into_a_link_stays() {
    let a = page("linked_sentences.html");
    assert_body(
        &a,
        &[
            "who for the last eight months combined the role",
            "where she ran internal communications",
        ],
        // A teaser opens with its linked headline; a bare link is a link.
        &["Tessa Orm", "More people news"],
    );
}

#[test]
fn a_lead_marked_by_its_class_between_headline_and_body_leads() {
    let a = page("marked_lead.html");
    let p = paragraphs(&a);
    assert_eq!(p.len(), 4, "{:?}", a.text);
    assert!(p[0].starts_with("Heute fast vergessen"), "{:?}", a.text);
    assert_body(
        &a,
        &["Erst mit der Eisenbahn"],
        &["Ein Floß auf dem Fluss", "Ilse Varga"],
    );
}

#[test]
fn body_text_is_in_one_normal_form() {
    // The page writes "য়" as one code point (U+09DF); NFC spells it য + nukta.
    let a = page("nfc_bengali.html");
    assert!(a.text.contains("\u{9af}\u{9bc}"), "{:?}", a.text);
    assert!(!a.text.contains('\u{9df}'), "{:?}", a.text);
}
