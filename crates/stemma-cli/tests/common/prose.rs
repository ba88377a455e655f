//! Invented prose for the tests that need texts long enough to be syndicated (shared by the
//! test binaries through `#[path]`).

/// Invented prose: `n` words drawn by a seeded generator from a small vocabulary.
pub fn prose(seed: u64, n: usize) -> String {
    const VOCAB: [&str; 32] = [
        "harbour", "council", "lantern", "ferry", "orchard", "ledger", "quarry", "tidal", "budget",
        "bridge", "river", "school", "grain", "market", "storm", "levy", "choir", "museum", "tram",
        "permit", "clinic", "mill", "canal", "beacon", "pier", "garden", "tower", "meadow",
        "forge", "court", "station", "valley",
    ];
    let mut x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    let mut out = String::new();
    for i in 0..n {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        if i > 0 {
            out.push(' ');
        }
        out.push_str(VOCAB[(x % VOCAB.len() as u64) as usize]);
    }
    out
}
