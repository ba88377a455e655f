//! Arbitrary text as an article: entities, attribution and speaker resolution must never
//! panic or hang, and every span must be code points inside the text.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let (title, body) = text.split_once('\n').unwrap_or(("", &text));
    let entities = stemma_core::entities::find_entities(Some(title), body);
    let n = body.chars().count();
    for q in stemma_core::attrib::quotes(body, &entities) {
        assert!(q.start <= q.end && q.end.get() <= n);
        if let Some(c) = &q.cue {
            assert!(c.start <= c.end && c.end.get() <= n);
        }
    }
    // The direct quotes of the other languages: each cites the text.
    let ix = stemma_core::attrib::CharIndex::new(body);
    for lang in ["de", "fr", "es"] {
        for q in stemma_core::attrib::foreign::quotes(lang, body, &ix) {
            assert!(q.cites(body));
        }
    }
});
