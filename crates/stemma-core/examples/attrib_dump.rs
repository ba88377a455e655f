//! Print what attribution finds in a text file: `cargo run --example attrib_dump FILE`.
fn main() {
    let path = std::env::args().nth(1).expect("usage: attrib_dump FILE");
    let text = std::fs::read_to_string(path).expect("reading the file");
    for f in stemma_core::attrib::find(&text) {
        let s = |r: stemma_core::attrib::Range| stemma_core::offset::slice(&text, r.0, r.1);
        println!(
            "[{}] src={:?} content={:?} {:?}",
            s(f.cue),
            f.source.map(s),
            f.content.iter().map(|&r| s(r)).collect::<Vec<_>>(),
            f.kind
        );
    }
}
