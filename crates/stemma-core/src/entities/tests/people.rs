//! People whose names look like something else: a surname that is also a given name, a
//! network's name after a sports position.

use super::*;

#[test]
fn a_surname_that_is_a_given_name_joins_a_person_a_role_introduced() {
    let text = "Ostry forward Jalen Marcus scored 30. “Every night is a gift,” Marcus said.";
    let ents = find_entities(None, text);
    let jalen = find(&ents, "Jalen Marcus");
    assert_eq!(jalen.kind, EntityKind::Person);
    assert_eq!(mention_texts(jalen), ["Jalen Marcus", "Marcus"]);
    assert!(
        ents.iter().all(|e| e.name != "Marcus"),
        "{:?}",
        names_of(&ents)
    );
}

#[test]
fn a_surname_that_is_a_networks_name_is_a_persons() {
    let text = "Liam Fox said the deal was dead. Winger Dennis Fox said the team would regroup.";
    let ents = find_entities(None, text);
    assert_eq!(find(&ents, "Liam Fox").kind, EntityKind::Person);
    let dennis = find(&ents, "Dennis Fox");
    assert_eq!(dennis.kind, EntityKind::Person);
    assert_eq!(dennis.roles, ["Winger"]);
    let ents = find_entities(None, "FOX reported the trade on Monday.");
    assert_eq!(find(&ents, "FOX").kind, EntityKind::Organization);
}
