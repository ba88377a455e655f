//! Quote modes on the command line: `attribute` prints every attribution unless asked for the
//! quotes of some modes (a refusal to comment is an attribution, no quote), `extract`
//! keeps speech unless asked.

use super::*;

/// One speech, one thought and one finding, in invented news.
const THREE_MODES: &str = "“The dam is safe,” said engineer Lotte Brandvik.\n\n\
    Harald Quist believes that the levy will fail in the spring.\n\n\
    A poll released Monday shows that most voters oppose the levy.\n";

fn modes_of(recs: &[Value], field: &str) -> Vec<String> {
    recs[0][field]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["mode"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn attribute_prints_every_mode_unless_asked() {
    let dir = tempfile::tempdir().unwrap();
    let all = attribute(dir.path(), &["-"], Some(THREE_MODES.into()));
    assert_eq!(all.code, 0, "{}", all.stderr);
    assert_eq!(
        modes_of(&all.records(), "attributions"),
        ["speech", "thought", "evidence"]
    );
    let speech = attribute(
        dir.path(),
        &["--modes", "speech", "-"],
        Some(THREE_MODES.into()),
    );
    assert_eq!(modes_of(&speech.records(), "attributions"), ["speech"]);
    let bad = attribute(
        dir.path(),
        &["--modes", "gossip", "-"],
        Some(THREE_MODES.into()),
    );
    assert_eq!(bad.code, 2, "{}", bad.stderr);
}

#[test]
fn extract_quotes_are_speech_unless_asked() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "modes.txt", THREE_MODES);
    let r = run_ok(dir.path(), &["modes.txt"]);
    assert_eq!(modes_of(&r.records(), "quotes"), ["speech"]);
    let r = run_ok(dir.path(), &["--modes", "speech,evidence", "modes.txt"]);
    assert_eq!(modes_of(&r.records(), "quotes"), ["speech", "evidence"]);
}

#[test]
fn a_refusal_is_an_attribution_but_no_quote() {
    let text = "“The dam is safe,” said engineer Lotte Brandvik.\n\n\
                Harbour master Dunstan Okoro declined to comment on the dam.\n";
    let dir = tempfile::tempdir().unwrap();
    let cues = |args: &[&str]| -> Vec<String> {
        let r = attribute(dir.path(), args, Some(text.into()));
        assert_eq!(r.code, 0, "{}", r.stderr);
        r.records()[0]["attributions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["cue"]["text"].as_str().unwrap().to_string())
            .collect()
    };
    // Every attribution, as PolNeAR marks them; a reader's quotes leave the refusal out.
    assert_eq!(cues(&["-"]), ["said", "declined"]);
    assert_eq!(cues(&["--modes", "speech", "-"]), ["said"]);
    write(dir.path(), "refusal.txt", text);
    let r = run_ok(dir.path(), &["refusal.txt"]);
    assert_eq!(r.records()[0]["quotes"].as_array().unwrap().len(), 1);
}
