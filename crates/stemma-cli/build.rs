//! Link the `stemma` binary as a fixed-address executable on Linux: a position-independent
//! one makes the dynamic loader patch some 56 000 addresses in the program's tables at every
//! start (about a millisecond, a seventh of a one-file `stemma attribute` run). The libraries,
//! heap and stack are still placed at random.
fn main() {
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("linux") {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
}
