//! Arbitrary bytes as an HTML page: extraction must never panic or hang.
#![no_main]

use libfuzzer_sys::fuzz_target;
use stemma_core::{Document, Format, Source};

fuzz_target!(|data: &[u8]| {
    let doc = Document {
        source: Source {
            path: "fuzz.html".to_owned(),
            format: Format::Html,
            url: None,
            warc_record_id: None,
            warc_date: None,
        },
        content_format: Format::Html,
        bytes: data.to_vec(),
        http_charset: None,
    };
    let _ = stemma_core::extract(&doc);
});
