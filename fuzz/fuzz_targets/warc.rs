//! Arbitrary bytes as a WARC file, plain and as `.warc.gz`: reading must never panic, hang or
//! allocate past the limits.
#![no_main]

use std::io::Cursor;

use libfuzzer_sys::fuzz_target;
use stemma_input::{read_from, read_warc_bytes, FileKind, Format, ReadLimits};

fuzz_target!(|data: &[u8]| {
    let limits = ReadLimits {
        max_document_bytes: 64 * 1024,
    };
    for doc in read_warc_bytes(data, &limits).flatten() {
        assert!(doc.bytes.len() <= limits.max_document_bytes);
    }
    let gzipped = read_from(
        Cursor::new(data.to_vec()),
        "fuzz.warc.gz",
        FileKind::new(Format::Warc, true),
        &limits,
    );
    for doc in gzipped.flatten() {
        assert!(doc.bytes.len() <= limits.max_document_bytes);
    }
});
