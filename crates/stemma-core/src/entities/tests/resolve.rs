//! Resolving a name or a description ("the minister", "the company") to the entity it
//! stands for at a point of the text.

use super::*;

/// Each (description, code point, expected entity name) resolves as expected in `ents`.
fn descriptions(ents: &[Entity], cases: &[(&str, usize, Option<&str>)]) {
    let idx = |n: &str| ents.iter().position(|e| e.name == n);
    for &(description, at, want) in cases {
        assert_eq!(
            resolve_description(ents, description, Char::new(at)),
            want.and_then(idx),
            "{description:?} at {at}"
        );
    }
}

#[test]
fn entities_resolve_names_and_descriptions_of_the_wire_story() {
    let ents = find_entities(Some(TITLE), BODY);
    let idx = |n: &str| ents.iter().position(|e| e.name == n);
    for (name, want) in [
        ("Dovanu", Some("Mirela Dovanu")),
        ("Keller", Some("Tomas Keller")),
        ("the Qarnun Front", Some("Jabhat Al Qarnun")),
        ("Jabhat Nasr al-Ghad", Some("Jabhat Al Qarnun")),
        ("al-Harbiya", Some("Jabhat Al Qarnun")),
        ("Ms. Dovanu", Some("Mirela Dovanu")),
        ("Halvorsen", None),
    ] {
        assert_eq!(resolve_name(&ents, name), want.and_then(idx), "{name:?}");
    }
    let end = BODY.chars().count();
    descriptions(
        &ents,
        &[
            ("the Moldovan minister", end, Some("Mirela Dovanu")),
            ("the interior minister", end, Some("Mirela Dovanu")),
            ("the high representative", end, Some("Tomas Keller")),
            ("the Chilean minister", end, None),
            ("the defense minister", end, None),
            ("the front", end, Some("Jabhat Al Qarnun")),
            ("the senator", end, None),
            // A president or chancellor is a leader; a minister is not.
            ("the Moldovan leader", end, None),
        ],
    );
}

#[test]
fn entities_resolve_description_prefers_the_last_mentioned_before_the_point() {
    let text = "Senator Mara Quist spoke first. Then Senator Ivo Brandt replied. Hours later \
Senator Mara Quist spoke again. The Tessaline Party and the Ministry of Harbours both objected.";
    let ents = find_entities(None, text);
    let idx = |n: &str| ents.iter().position(|e| e.name == n);
    let at = |s: &str| text[..text.find(s).unwrap()].chars().count();
    descriptions(
        &ents,
        &[
            ("the senator", at("Then"), Some("Mara Quist")),
            ("the senator", at("Hours"), Some("Ivo Brandt")),
            ("the senator", at("The Tessaline"), Some("Mara Quist")),
            ("the senator", 0, Some("Mara Quist")),
            ("the party", text.len(), Some("Tessaline Party")),
            ("the ministry", text.len(), Some("Ministry of Harbours")),
            ("the campaign", text.len(), None),
            // Any organisation for "the group": the last one mentioned.
            ("the group", text.len(), Some("Ministry of Harbours")),
            ("", text.len(), None),
        ],
    );
    assert_eq!(resolve_name(&ents, ""), None);
    assert_eq!(resolve_name(&ents, "Senator Brandt"), idx("Ivo Brandt"));
}

#[test]
fn entities_resolve_description_by_synonym_and_any_organisation() {
    let text = "Chilean President Hana Lisk met Foreign Minister Tovo Reyes. Brightwater \
Holdings and the Lisk Foundation paid for the dinner.";
    let ents = find_entities(None, text);
    let end = text.chars().count();
    let before_foundation = text[..text.find("and the Lisk").unwrap()].chars().count();
    descriptions(
        &ents,
        &[
            ("the Chilean leader", end, Some("Hana Lisk")),
            ("the president", end, Some("Hana Lisk")),
            ("the minister", end, Some("Tovo Reyes")),
            ("the foundation", end, Some("Lisk Foundation")),
            ("the company", end, Some("Lisk Foundation")),
            (
                "the company",
                before_foundation,
                Some("Brightwater Holdings"),
            ),
        ],
    );
}
