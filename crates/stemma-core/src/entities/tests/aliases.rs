//! Second names: "X (Y)", "X, also known as Y", slashes, acronyms, renamings, and the
//! evidence each alias keeps.

use super::*;

#[test]
fn entities_acronyms_explicit_and_implied() {
    let text = "The Bureau of Coastal Oversight (BCO) fined the Tessaline Shipping Group on \
Monday. A BCO inspector said the fine was fair, and the Northern Grain Council agreed. The NGC \
will appeal, the FBI said, and NATO stayed silent.";
    let ents = find_entities(None, text);
    check_spans(None, text, &ents);
    let bco = find(&ents, "Bureau of Coastal Oversight");
    assert_eq!(bco.kind, EntityKind::Organization);
    assert_eq!(
        alias(bco, "BCO").evidence.text,
        "Bureau of Coastal Oversight (BCO)"
    );
    assert_eq!(
        mention_texts(bco),
        ["Bureau of Coastal Oversight", "BCO", "BCO"]
    );
    let ngc = find(&ents, "Northern Grain Council");
    assert_eq!(mention_texts(ngc), ["Northern Grain Council", "NGC"]);
    assert_eq!(alias(ngc, "NGC").evidence.text, "NGC");
    assert_eq!(find(&ents, "FBI").kind, EntityKind::Organization);
    assert_eq!(find(&ents, "NATO").kind, EntityKind::Organization);
    let idx = |n: &str| ents.iter().position(|e| e.name == n);
    assert_eq!(
        resolve_name(&ents, "the BCO"),
        idx("Bureau of Coastal Oversight")
    );
    assert_eq!(resolve_name(&ents, "NGC"), idx("Northern Grain Council"));
    assert_eq!(
        resolve_name(&ents, "Tessaline Shipping Group"),
        idx("Tessaline Shipping Group")
    );
}

#[test]
fn entities_alias_constructions_with_their_evidence() {
    let cases: &[(&str, &str, &str, &str)] = &[
        (
            "Members of the Velvet Circle, also known as the Silk Lodge, met in Lima.",
            "Velvet Circle",
            "Silk Lodge",
            "Velvet Circle, also known as the Silk Lodge",
        ),
        (
            "Harrow Media, also called Harrow House, sold the paper.",
            "Harrow Media",
            "Harrow House",
            "Harrow Media, also called Harrow House",
        ),
        (
            "Tessaline Corp., formerly Brightwater Holdings, reported a loss.",
            "Tessaline Corp.",
            "Brightwater Holdings",
            "Tessaline Corp., formerly Brightwater Holdings",
        ),
        (
            "Ostrava Partners, formerly known as Ostrava Capital, hired staff.",
            "Ostrava Partners",
            "Ostrava Capital",
            "Ostrava Partners, formerly known as Ostrava Capital",
        ),
        (
            "The Kestrel Union, now called the Kestrel Alliance, marched.",
            "Kestrel Union",
            "Kestrel Alliance",
            "Kestrel Union, now called the Kestrel Alliance",
        ),
        (
            "Bluefin Motors renamed itself as Bluefin Mobility last year.",
            "Bluefin Motors",
            "Bluefin Mobility",
            "Bluefin Motors renamed itself as Bluefin Mobility",
        ),
        (
            "Orrin Labs rebranded as Orrin Health in May.",
            "Orrin Labs",
            "Orrin Health",
            "Orrin Labs rebranded as Orrin Health",
        ),
        (
            "Police blamed the Sable Movement (a.k.a. Sable Youth) for the fire.",
            "Sable Movement",
            "Sable Youth",
            "Sable Movement (a.k.a. Sable Youth)",
        ),
        (
            "Police blamed the Sable Movement (aka the Ash Boys) for the fire.",
            "Sable Movement",
            "Ash Boys",
            "Sable Movement (aka the Ash Boys)",
        ),
        (
            "Fighters of the Harbiya Network (aka al Harbiya) withdrew.",
            "Harbiya Network",
            "al Harbiya",
            "Harbiya Network (aka al Harbiya)",
        ),
        (
            "The Grey Wolves League ( a new name – Grey Wolves Union) held a rally.",
            "Grey Wolves League",
            "Grey Wolves Union",
            "Grey Wolves League ( a new name – Grey Wolves Union)",
        ),
        (
            "The Grey Wolves League (new brand — Lupine Front) held a rally.",
            "Grey Wolves League",
            "Lupine Front",
            "Grey Wolves League (new brand — Lupine Front)",
        ),
        (
            "Auditors of the Office of Fiscal Review (OFR) found gaps.",
            "Office of Fiscal Review",
            "OFR",
            "Office of Fiscal Review (OFR)",
        ),
        (
            "Doctors of the Red Lantern Society (Lantern Aid) treated them.",
            "Red Lantern Society",
            "Lantern Aid",
            "Red Lantern Society (Lantern Aid)",
        ),
        (
            "The Korvan Front changed its name to the Korvan Alliance in 2019.",
            "Korvan Front",
            "Korvan Alliance",
            "Korvan Front changed its name to the Korvan Alliance",
        ),
    ];
    for &(text, name, alias_name, evidence) in cases {
        let ents = find_entities(None, text);
        check_spans(None, text, &ents);
        let e = find(&ents, name);
        let a = alias(e, alias_name);
        assert_eq!(a.evidence.text, evidence, "{text}");
        assert!(!a.in_title);
        assert_eq!(
            a.evidence.start.get(),
            text[..text.find(evidence).unwrap()].chars().count()
        );
        assert!(
            mention_texts(e).contains(&alias_name),
            "{text}: {:?}",
            e.mentions
        );
        assert_eq!(
            ents.iter().filter(|x| x.name == alias_name).count(),
            0,
            "{text}"
        );
    }
}

#[test]
fn entities_aliases_unify_mentions_elsewhere() {
    let text = "Analysts say Lupine Front recruits in Riga. The Grey Wolves League (now Lupine \
Front) denies it. Later Lupine Front issued a statement, and the Grey Wolves League/Lupine Front \
split was denied by the Wolves League.";
    let ents = find_entities(None, text);
    check_spans(None, text, &ents);
    let gw = find(&ents, "Grey Wolves League");
    assert_eq!(gw.kind, EntityKind::Organization);
    assert_eq!(
        alias(gw, "Lupine Front").evidence.text,
        "Grey Wolves League (now Lupine Front)"
    );
    assert_eq!(
        mention_texts(gw),
        [
            "Lupine Front",
            "Grey Wolves League",
            "Lupine Front",
            "Lupine Front",
            "Grey Wolves League",
            "Lupine Front",
            "Wolves League"
        ]
    );
    assert!(ents.iter().all(|e| e.name != "Lupine Front"));
}

#[test]
fn entities_slash_alternatives_and_credits_in_parentheses() {
    let text = "OSLO (Reuters) - Fighters of the Tarsa Brigade (Tarsa Front/Liwa al-Tarsi) left \
Senator Mara Quist (R-Texas) and Hanne Dahl (Norway) unmoved.";
    let ents = find_entities(None, text);
    check_spans(None, text, &ents);
    let tarsa = find(&ents, "Tarsa Brigade");
    let ev = "Tarsa Brigade (Tarsa Front/Liwa al-Tarsi)";
    assert_eq!(alias(tarsa, "Tarsa Front").evidence.text, ev);
    assert_eq!(alias(tarsa, "Liwa al-Tarsi").evidence.text, ev);
    for e in &ents {
        assert!(
            e.aliases
                .iter()
                .all(|a| a.name != "Reuters" && a.name != "Norway"),
            "{e:?}"
        );
    }
    assert_eq!(find(&ents, "Norway").kind, EntityKind::Place);
    assert_eq!(find(&ents, "Mara Quist").roles, ["Senator"]);
}

#[test]
fn entities_headline_alias_found_by_its_alternative_name() {
    let title = "Watchdog Says Paxton Foods (Formerly Known As Miller Grain) Broke Rules";
    let text = "Paxton Foods broke the rules, the Food Standards Board said on Monday.";
    let ents = find_entities(Some(title), text);
    check_spans(Some(title), text, &ents);
    let p = find(&ents, "Paxton Foods");
    let a = alias(p, "Miller Grain");
    assert!(a.in_title);
    assert_eq!(
        a.evidence.text,
        "Paxton Foods (Formerly Known As Miller Grain)"
    );
    assert_eq!(p.aliases.len(), 1);
}

#[test]
fn a_place_takes_its_initials_in_parentheses_not_a_station() {
    // A dateline's station is no second name of the place; a place's initials are.
    let text = "NEW ARLAND (WKVT) -- Movers in New Arland charged more on moving day.\n\n\
                The Federated Isles of Morrow (FIM) sent an envoy to the United Kingdom (UK).";
    let ents = find_entities(None, text);
    check_spans(None, text, &ents);
    for e in &ents {
        assert!(e.aliases.iter().all(|a| a.name != "WKVT"), "{e:?}");
    }
    let uk = find(&ents, "United Kingdom");
    assert_eq!(alias(uk, "UK").evidence.text, "United Kingdom (UK)");
}
