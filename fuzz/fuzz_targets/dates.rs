//! Arbitrary text as a dateline and as a declared value: the date readers must never panic,
//! spans must be in order, on character boundaries, and every date a valid ISO day.
#![no_main]

use libfuzzer_sys::fuzz_target;

/// `YYYY-MM-DD` with a month 1–12 and a day 1–31.
fn iso_day(s: &str) -> bool {
    let b = s.as_bytes();
    let num = |r: std::ops::Range<usize>| s.get(r).and_then(|x| x.parse::<u32>().ok());
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && num(0..4).is_some()
        && num(5..7).is_some_and(|m| (1..=12).contains(&m))
        && num(8..10).is_some_and(|d| (1..=31).contains(&d))
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut last = 0;
    for (a, b, day) in stemma_core::dates::find_dates(&text) {
        assert!(last <= a && a < b && b <= text.len());
        assert!(text.is_char_boundary(a) && text.is_char_boundary(b));
        assert!(iso_day(&day));
        last = b;
    }
    if let Some(d) = stemma_core::dates::parse_date(&text) {
        assert!(d.get(..10).is_some_and(iso_day));
    }
});
