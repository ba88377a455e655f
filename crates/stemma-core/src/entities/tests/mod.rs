//! Entity finding on invented sentences, one construction at a time.

use super::*;
use crate::offset::Char;
use proptest::prelude::*;

mod aliases;
mod people;
mod resolve;

fn find<'a>(ents: &'a [Entity], name: &str) -> &'a Entity {
    ents.iter()
        .find(|e| e.name == name)
        .unwrap_or_else(|| panic!("no entity {name:?} in {:#?}", names_of(ents)))
}

fn names_of(ents: &[Entity]) -> Vec<(&str, EntityKind)> {
    ents.iter().map(|e| (e.name.as_str(), e.kind)).collect()
}

fn mention_texts(e: &Entity) -> Vec<&str> {
    e.mentions.iter().map(|m| m.text.as_str()).collect()
}

/// The mention texts of the entity of `ents` named `name`.
fn mentions_of<'a>(ents: &'a [Entity], name: &str) -> Vec<&'a str> {
    mention_texts(find(ents, name))
}

/// Each of `names` is an entity of `ents`, an organisation.
fn organisations(ents: &[Entity], names: &[&str]) {
    for name in names {
        assert_eq!(find(ents, name).kind, EntityKind::Organization, "{name}");
    }
}

fn alias<'a>(e: &'a Entity, name: &str) -> &'a Alias {
    e.aliases
        .iter()
        .find(|a| a.name == name)
        .unwrap_or_else(|| panic!("{:?} has no alias {name:?}: {:#?}", e.name, e.aliases))
}

/// Every span lies inside its text and holds the slice it points at.
fn check_spans(title: Option<&str>, text: &str, ents: &[Entity]) {
    let slice =
        |s: &str, a: Char, b: Char| s.chars().skip(a.get()).take(b.since(a)).collect::<String>();
    let n = text.chars().count();
    for e in ents {
        for m in &e.mentions {
            assert!(m.start <= m.end && m.end.get() <= n, "{m:?}");
            assert_eq!(slice(text, m.start, m.end), m.text);
        }
        for a in &e.aliases {
            let src = if a.in_title {
                title.unwrap_or("")
            } else {
                text
            };
            let ev = &a.evidence;
            assert!(
                ev.start <= ev.end && ev.end.get() <= src.chars().count(),
                "{ev:?}"
            );
            assert_eq!(slice(src, ev.start, ev.end), ev.text);
        }
    }
}

const TITLE: &str =
    "Guarding the Rebels in Chile: EU-Led Mission is Slow to Hit Al Qarnun (aka al Harbiya): Dovanu";

const BODY: &str =
    "Moldovan Interior Minister Mirela Dovanu said at a briefing on Friday that the \
EU-led observer mission is 'slow' to act against Jabhat Al Qarnun (Al Qarnun Front/Jabhat Nasr \
al-Ghad) cells in Chile. She added that the matter will be raised with Brussels.

\"We have no reason to doubt [EU High Representative] Tomas Keller, but what we see [in Chile] is \
that the mission avoids the bases of the Qarnun Front,\" Dovanu said.

Dovanu added that several parties have been treating Jabhat Al Qarnun ( a new brand - Jabhat \
Nasr al-Ghad) as a partner worth keeping.

\"This needs a frank talk with our European friends,\" the Moldovan minister added.";

#[test]
fn entities_headline_and_body_like_a_wire_story() {
    let ents = find_entities(Some(TITLE), BODY);
    check_spans(Some(TITLE), BODY, &ents);

    let dovanu = find(&ents, "Mirela Dovanu");
    assert_eq!(dovanu.kind, EntityKind::Person);
    assert_eq!(dovanu.roles, ["Moldovan Interior Minister"]);
    assert_eq!(mention_texts(dovanu), ["Mirela Dovanu", "Dovanu", "Dovanu"]);

    let keller = find(&ents, "Tomas Keller");
    assert_eq!(keller.kind, EntityKind::Person);
    assert_eq!(keller.roles, ["EU High Representative"]);

    let front = find(&ents, "Jabhat Al Qarnun");
    assert_eq!(front.kind, EntityKind::Organization);
    let head = alias(front, "Al Qarnun");
    assert!(head.in_title);
    assert_eq!(head.evidence.text, "Al Qarnun");
    let aka = alias(front, "al Harbiya");
    assert!(aka.in_title);
    assert_eq!(aka.evidence.text, "Al Qarnun (aka al Harbiya)");
    let slash = "Jabhat Al Qarnun (Al Qarnun Front/Jabhat Nasr al-Ghad)";
    assert_eq!(alias(front, "Al Qarnun Front").evidence.text, slash);
    assert_eq!(alias(front, "Jabhat Nasr al-Ghad").evidence.text, slash);
    assert!(!alias(front, "Jabhat Nasr al-Ghad").in_title);
    assert_eq!(alias(front, "Qarnun Front").evidence.text, "Qarnun Front");
    assert_eq!(
        mention_texts(front),
        [
            "Jabhat Al Qarnun",
            "Al Qarnun Front",
            "Jabhat Nasr al-Ghad",
            "Qarnun Front",
            "Jabhat Al Qarnun",
            "Jabhat Nasr al-Ghad"
        ]
    );

    assert_eq!(find(&ents, "Chile").kind, EntityKind::Place);
    assert_eq!(find(&ents, "Chile").mentions.len(), 2);
    assert_eq!(find(&ents, "Brussels").kind, EntityKind::Place);
    // Demonyms, weekdays, pronouns and sentence-initial words are not entities.
    for not in [
        "Moldovan", "European", "Friday", "She", "This", "We", "EU-led",
    ] {
        assert!(
            ents.iter().all(|e| e.name != not),
            "{not} in {:?}",
            names_of(&ents)
        );
    }
    // Ordered by first mention.
    let firsts: Vec<Char> = ents.iter().map(|e| e.mentions[0].start).collect();
    assert!(firsts.windows(2).all(|w| w[0] <= w[1]));
    // Deterministic.
    assert_eq!(ents, find_entities(Some(TITLE), BODY));
}

#[test]
fn entities_a_party_and_state_between_commas_is_no_entity() {
    // The wire style of "(D-Ohio)": between commas, the state a word or an abbreviation.
    let text = "Rep. Dorian Vale, D-N.Y., and Sen. Petra Lusk, R-Texas, spoke first. Later \
Rep. Amos Kettering, R-Ky. Then Gov. Ilse Brandt, I-Vt., said no. The D-Day landings were \
remembered, D-Day veterans said.";
    let ents = find_entities(None, text);
    check_spans(None, text, &ents);
    for party in ["D-N.Y.", "R-Texas", "R-Ky", "I-Vt"] {
        assert!(
            !ents.iter().any(|e| e.name.starts_with(party)),
            "{party}: {:?}",
            names_of(&ents)
        );
    }
    for person in ["Dorian Vale", "Petra Lusk", "Amos Kettering", "Ilse Brandt"] {
        assert_eq!(find(&ents, person).kind, EntityKind::Person, "{person}");
    }
}

#[test]
fn entities_titles_before_names_are_roles() {
    let text = "US Secretary of State Carl Brenner met Prime Minister Narendra Kowal and \
Attorney General Lena Sorvik in Oslo. Later, former Defense Secretary Paul Anker joined them. \
Senator Lydia Marsh (D-Ohio) and Sen. Oren Pike arrived with Mr. Hal Duggan and Dr. Ines Varga.";
    let ents = find_entities(None, text);
    check_spans(None, text, &ents);
    assert_eq!(find(&ents, "Carl Brenner").roles, ["US Secretary of State"]);
    assert_eq!(find(&ents, "Narendra Kowal").roles, ["Prime Minister"]);
    assert_eq!(find(&ents, "Lena Sorvik").roles, ["Attorney General"]);
    assert_eq!(
        find(&ents, "Paul Anker").roles,
        ["former Defense Secretary"]
    );
    assert_eq!(find(&ents, "Lydia Marsh").roles, ["Senator"]);
    assert_eq!(find(&ents, "Oren Pike").roles, ["Sen."]);
    let duggan = find(&ents, "Hal Duggan");
    assert!(duggan.roles.is_empty());
    assert_eq!(duggan.kind, EntityKind::Person);
    assert_eq!(find(&ents, "Ines Varga").roles, ["Dr."]);
    for e in &ents {
        assert!(
            !e.name.contains("Ohio") && !e.name.starts_with("D-"),
            "{:?}",
            names_of(&ents)
        );
        if e.name != "Oslo" {
            assert_eq!(e.kind, EntityKind::Person, "{}", e.name);
        }
    }
}

#[test]
fn entities_roles_around_names() {
    let text = "\"We will not sign,\" [Moldovan Foreign Minister] Ana Rusu told reporters.

Rusu, Moldova's foreign minister, spoke after Greta Halvorsen, a spokeswoman for the Northern \
Grain Council, said the talks had stalled. The Chilean trade minister, Ramon Ochoa, agreed, and \
Pentagon spokesman Aldo Ferris declined to comment.";
    let ents = find_entities(None, text);
    check_spans(None, text, &ents);
    let rusu = find(&ents, "Ana Rusu");
    assert_eq!(
        rusu.roles,
        ["Moldovan Foreign Minister", "Moldova's foreign minister"]
    );
    assert_eq!(mention_texts(rusu), ["Ana Rusu", "Rusu"]);
    assert_eq!(
        find(&ents, "Greta Halvorsen").roles,
        ["spokeswoman for the Northern Grain Council"]
    );
    assert_eq!(find(&ents, "Ramon Ochoa").roles, ["Chilean trade minister"]);
    assert_eq!(find(&ents, "Aldo Ferris").roles, ["Pentagon spokesman"]);
    assert_eq!(
        find(&ents, "Northern Grain Council").kind,
        EntityKind::Organization
    );
    assert_eq!(find(&ents, "Pentagon").kind, EntityKind::Organization);
    let end = text.chars().count();
    let idx = |n: &str| ents.iter().position(|e| e.name == n);
    assert_eq!(
        resolve_description(&ents, "the spokeswoman", Char::new(end)),
        idx("Greta Halvorsen")
    );
    assert_eq!(
        resolve_description(&ents, "the Moldovan minister", Char::new(end)),
        idx("Ana Rusu")
    );
    assert_eq!(
        resolve_description(&ents, "the trade minister", Char::new(end)),
        idx("Ramon Ochoa")
    );
    assert_eq!(
        resolve_description(&ents, "the council", Char::new(end)),
        idx("Northern Grain Council")
    );
}

#[test]
fn entities_name_shapes_initials_hyphens_apostrophes_connectors() {
    let text = "Patrick J. O'Malley, Jean-Luc Marchetti and Charles de Villiers visited the \
Department of State and the Syrian Observatory for Human Rights. Later O’Malley met Abu Karim \
al-Tayeb, and al-Tayeb praised the Bank of Lisbon. Marchetti left.";
    let ents = find_entities(None, text);
    check_spans(None, text, &ents);
    let om = find(&ents, "Patrick J. O'Malley");
    assert_eq!(mention_texts(om), ["Patrick J. O'Malley", "O’Malley"]);
    assert_eq!(om.kind, EntityKind::Person);
    assert_eq!(
        mentions_of(&ents, "Jean-Luc Marchetti"),
        ["Jean-Luc Marchetti", "Marchetti"]
    );
    find(&ents, "Charles de Villiers");
    assert_eq!(
        find(&ents, "Department of State").kind,
        EntityKind::Organization
    );
    assert_eq!(
        find(&ents, "Syrian Observatory for Human Rights").kind,
        EntityKind::Organization
    );
    let tayeb = find(&ents, "Abu Karim al-Tayeb");
    assert_eq!(mention_texts(tayeb), ["Abu Karim al-Tayeb", "al-Tayeb"]);
    assert_eq!(find(&ents, "Bank of Lisbon").kind, EntityKind::Organization);
    assert!(ents.iter().all(|e| e.name != "Later"));
}

#[test]
fn entities_sentence_starts_and_common_words_are_not_names() {
    let text = "However, the vote was delayed. On Tuesday the Meridian Party met. But Kowalczyk \
refused. Officials said nothing. In March, Protesters gathered. I was there. Kowalczyk spoke \
again. Yesterday Syrians and Americans watched the American team.";
    let ents = find_entities(None, text);
    check_spans(None, text, &ents);
    assert_eq!(
        names_of(&ents),
        [
            ("Meridian Party", EntityKind::Organization),
            ("Kowalczyk", EntityKind::Other)
        ]
    );
    assert_eq!(mention_texts(&ents[1]), ["Kowalczyk", "Kowalczyk"]);
}

#[test]
fn entities_and_inside_organisation_names_and_words_that_are_not_names() {
    let text = "The Ports and Harbours Authority sued Tessaline and Orrin. Fifty-one workers \
left. THE ANSWER IS YES, said the White House, and Republican Ivo Brandt agreed. Democratic \
leaders and the Republican Party disagreed.";
    let ents = find_entities(None, text);
    check_spans(None, text, &ents);
    assert_eq!(
        find(&ents, "Ports and Harbours Authority").kind,
        EntityKind::Organization
    );
    find(&ents, "Tessaline");
    find(&ents, "Orrin");
    assert_eq!(find(&ents, "White House").kind, EntityKind::Organization);
    assert_eq!(find(&ents, "Ivo Brandt").roles, ["Republican"]);
    assert_eq!(
        find(&ents, "Republican Party").kind,
        EntityKind::Organization
    );
    let text2 = "Editor Lise Marrow of the Argus Herald of Port Arden resigned.";
    let ents2 = find_entities(None, text2);
    assert_eq!(find(&ents2, "Lise Marrow").roles, ["Editor"]);
    assert!(ents2
        .iter()
        .all(|e| e.kind != EntityKind::Person || e.name == "Lise Marrow"));
    for not in ["one", "Fifty-one", "IS", "YES", "Democratic", "Republican"] {
        assert!(
            ents.iter().all(|e| e.name != not),
            "{not}: {:?}",
            names_of(&ents)
        );
    }
}

#[test]
fn entities_a_possessive_inside_a_sentence_opens_an_organisations_name() {
    // "Our" mid-sentence, capitalised, before an organisation's head word: the name's own; a
    // political action committee is an organisation; the sentence-opening "Our" is the capital
    // every sentence has, so that mention is the name without it.
    let text = "The ads come from Our Harbours PAC, a group aimed at the mayor. Our Harbours \
PAC spent $2 million. Our town has changed, Ivo Brandt said.\n\nGifts for Your Wedding \
Party\n\nMisha’s My Consulting Review";
    let ents = find_entities(None, text);
    check_spans(None, text, &ents);
    let pac = find(&ents, "Our Harbours PAC");
    assert_eq!(pac.kind, EntityKind::Organization);
    assert_eq!(mention_texts(pac).len(), 2, "{:?}", mention_texts(pac));
    assert!(ents.iter().all(|e| !e.name.starts_with("Our town")
        && !e.name.contains("My ")
        && !e.name.starts_with("Your")));
}

#[test]
fn entities_a_name_inside_a_hyphenated_word_yields_to_a_name_of_its_own() {
    // "Kessel" after "Hypo-Kessel" (a video account mocking her) and "the Vance-Kessel
    // ticket" is Ada Kessel; a lone surname with no one else to go to still finds the
    // hyphenated name.
    let text = "Senator Ada Kessel spoke on Monday. A video account called Hypo-Kessel mocked \
her, and the Vance-Kessel ticket drew a crowd. Kessel said the levy would go. Kessel left.";
    let ents = find_entities(None, text);
    check_spans(None, text, &ents);
    let ada = find(&ents, "Ada Kessel");
    assert_eq!(
        mention_texts(ada),
        ["Ada Kessel", "Kessel", "Kessel"],
        "{:?}",
        names_of(&ents)
    );
    // Resolving a speaker's mention against the entities makes the same choice, whichever
    // is named first.
    let text3 = "A video account called Hypo-Kessel mocked Senator Ada Kessel on Monday.";
    let ents3 = find_entities(None, text3);
    let i = ents3.iter().position(|e| e.name == "Ada Kessel");
    assert!(i.is_some(), "{:?}", names_of(&ents3));
    assert_eq!(resolve_name(&ents3, "Kessel"), i, "{:?}", names_of(&ents3));
    let text2 = "Evelyn Tran-Whitaker won. Whitaker said so.";
    let ents2 = find_entities(None, text2);
    assert_eq!(
        mention_texts(find(&ents2, "Evelyn Tran-Whitaker")),
        ["Evelyn Tran-Whitaker", "Whitaker"]
    );
}

#[test]
fn entities_a_group_for_a_cause_is_one_organisation() {
    let text = "The levy was opposed by Citizens for Honest Trade and by Americans for Open \
Ports. Lawyers for Brekke did not respond. Citizens for Open Ports said so.";
    let ents = find_entities(None, text);
    check_spans(None, text, &ents);
    organisations(
        &ents,
        &[
            "Citizens for Honest Trade",
            "Americans for Open Ports",
            "Citizens for Open Ports",
        ],
    );
    assert!(
        ents.iter().all(|e| !e.name.starts_with("Lawyers")),
        "{:?}",
        names_of(&ents)
    );
}

#[test]
fn entities_a_lone_given_name_is_the_one_person_who_has_it() {
    let text = "Marguerite Okafor mapped the lost rivers of Halden. Engineers phoned Marguerite \
first. Tomas Brekke and Tomas Lind disagreed; Tomas left.";
    let ents = find_entities(None, text);
    check_spans(None, text, &ents);
    assert_eq!(
        mentions_of(&ents, "Marguerite Okafor"),
        ["Marguerite Okafor", "Marguerite"]
    );
    // Two people share "Tomas": the lone one is neither.
    assert_eq!(mentions_of(&ents, "Tomas Brekke"), ["Tomas Brekke"]);
    assert_eq!(mentions_of(&ents, "Tomas Lind"), ["Tomas Lind"]);
}

#[test]
fn entities_a_plural_possessive_inside_an_organisations_name() {
    let text = "The Consumers' Council of Eastmark said the fine was small. Fishermen’s Union \
leaders met the Pilots’ Association. Residents' complaints grew.";
    let ents = find_entities(None, text);
    check_spans(None, text, &ents);
    organisations(
        &ents,
        &["Consumers' Council of Eastmark", "Pilots’ Association"],
    );
    // No organisation's head word after it: the possessive ends the name.
    assert!(
        ents.iter().all(|e| !e.name.starts_with("Residents")),
        "{:?}",
        names_of(&ents)
    );
}

#[test]
fn entities_surname_courtesy_and_speech_make_people() {
    let text = "Ms. Dalia Fenwick runs the clinic. Fenwick said funds were short. Mr. Obrecht, \
her deputy, agreed. Later Brannigan said the plan was sound, and Hollis Gaunt added that \
Brannigan was right. Gaunt left early.";
    let ents = find_entities(None, text);
    check_spans(None, text, &ents);
    let fenwick = find(&ents, "Dalia Fenwick");
    assert_eq!(fenwick.kind, EntityKind::Person);
    assert_eq!(mention_texts(fenwick), ["Dalia Fenwick", "Fenwick"]);
    assert_eq!(
        alias(fenwick, "Fenwick").evidence.start.get(),
        text.find("Fenwick said").unwrap()
    );
    let obrecht = find(&ents, "Obrecht");
    assert_eq!(obrecht.kind, EntityKind::Person);
    assert_eq!(obrecht.roles, ["deputy"]);
    let bran = find(&ents, "Brannigan");
    assert_eq!(bran.kind, EntityKind::Person);
    assert_eq!(bran.mentions.len(), 2);
    let gaunt = find(&ents, "Hollis Gaunt");
    assert_eq!(gaunt.mentions.len(), 2);
}

#[test]
fn a_word_with_a_capitalised_part_inside_is_a_brand() {
    // "GymPass", "LoopWork": companies; a surname's prefix ("McAdams", "VandeHoek") is no
    // second part.
    let text = "Bookings doubled, GymPass said, and LoopWork reported a loss. Ruth McAdams, who \
runs a studio, said demand was up. Colin VandeHoek agreed. VandeHoek said so twice.";
    let ents = find_entities(None, text);
    check_spans(None, text, &ents);
    for org in ["GymPass", "LoopWork"] {
        assert_eq!(find(&ents, org).kind, EntityKind::Organization, "{org}");
    }
    assert_eq!(find(&ents, "Ruth McAdams").kind, EntityKind::Person);
    let v = find(&ents, "Colin VandeHoek");
    assert_eq!(v.kind, EntityKind::Person);
    assert_eq!(mention_texts(v), ["Colin VandeHoek", "VandeHoek"]);
}

#[test]
fn a_surname_that_is_also_a_place_is_the_person_named_before() {
    // "Lyon" is a city; after "Hannah Lyon" the lone "Lyon" is her, but not after a preposition
    // of place, nor in an address ("Paris, France"). A city the text names before the person
    // stays the city ("Sydney").
    let text = "Hannah Lyon of the Vellmar Institute studies slime moulds. Lyon says they \
remember. Adelaide's Lyon disagrees. A meeting in Lyon followed. Delegates flew to Sydney, \
where Peter Sydney met them. Sydney was warm. Mark Paris chaired it; Paris, France sent two.";
    let ents = find_entities(None, text);
    check_spans(None, text, &ents);
    let lyon = find(&ents, "Hannah Lyon");
    assert_eq!(lyon.kind, EntityKind::Person);
    assert_eq!(mention_texts(lyon), ["Hannah Lyon", "Lyon", "Lyon"]);
    assert_eq!(find(&ents, "Lyon").kind, EntityKind::Place);
    assert_eq!(mentions_of(&ents, "Peter Sydney"), ["Peter Sydney"]);
    assert_eq!(mentions_of(&ents, "Sydney"), ["Sydney", "Sydney"]);
    // The place of an address stays a place.
    assert_eq!(mentions_of(&ents, "Mark Paris"), ["Mark Paris"]);
    assert_eq!(find(&ents, "Paris").kind, EntityKind::Place);
}

#[test]
fn entities_longer_name_later_becomes_the_name() {
    let text = "Critics blamed Varga for the delay. Lorenz Varga, the mayor, denied it.";
    let ents = find_entities(None, text);
    let varga = find(&ents, "Lorenz Varga");
    assert_eq!(mention_texts(varga), ["Varga", "Lorenz Varga"]);
    assert_eq!(alias(varga, "Varga").evidence.text, "Varga");
    assert_eq!(varga.roles, ["mayor"]);
    assert_eq!(varga.kind, EntityKind::Person);
}

#[test]
fn entities_places_and_demonyms() {
    let text = "The US-led talks in New York drew Russian and Syrian envoys; the United States \
and Saudi Arabia sent observers to the Middle East, while Kremlin-backed media in Moscow \
mocked the Americans.";
    let ents = find_entities(None, text);
    check_spans(None, text, &ents);
    let us = find(&ents, "United States");
    assert_eq!(us.kind, EntityKind::Place);
    assert_eq!(mention_texts(us), ["US", "United States"]);
    for p in ["New York", "Saudi Arabia", "Middle East", "Moscow"] {
        assert_eq!(find(&ents, p).kind, EntityKind::Place, "{p}");
    }
    assert_eq!(find(&ents, "Kremlin").kind, EntityKind::Organization);
    for not in ["Russian", "Syrian", "Americans", "US-led", "Kremlin-backed"] {
        assert!(
            ents.iter().all(|e| e.name != not),
            "{not}: {:?}",
            names_of(&ents)
        );
    }
}

#[test]
fn entities_of_empty_and_odd_inputs() {
    assert!(find_entities(None, "").is_empty());
    assert!(find_entities(Some(""), "   \n\n ").is_empty());
    assert!(find_entities(Some("(aka)"), "( ) (aka) , also known as ,").is_empty());
    let odd = "Ǆemal Ŀuka and ΣΩΚΡΑΤΗΣ met İstanbul’s Ñandú Group — “ok” (ſ) 北京 al- -Qa";
    let ents = find_entities(Some(odd), odd);
    check_spans(Some(odd), odd, &ents);
}

/// Text made of name-like pieces, to reach the constructions more often than random strings do.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("Minister".to_string()),
        Just("Sen.".to_string()),
        Just("Mr.".to_string()),
        Just("of".to_string()),
        Just("al-".to_string()),
        Just("(aka".to_string()),
        Just("also known as".to_string()),
        Just("renamed itself as".to_string()),
        Just("Front".to_string()),
        Just("US".to_string()),
        Just("U.S.".to_string()),
        Just("Kerrow".to_string()),
        Just("O'Dell".to_string()),
        Just("[".to_string()),
        Just("]".to_string()),
        Just("(".to_string()),
        Just(")".to_string()),
        Just("/".to_string()),
        Just(",".to_string()),
        Just(".".to_string()),
        Just(" - ".to_string()),
        Just("\n\n".to_string()),
        Just("said".to_string()),
        Just("the".to_string()),
        Just("Syria".to_string()),
        "[A-Z][a-z]{0,6}",
        "[a-z]{1,5}",
        "\\PC{1,3}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn entities_never_panic_and_spans_hold(title in "\\PC{0,40}", text in "\\PC{0,300}") {
        let ents = find_entities(Some(&title), &text);
        check_spans(Some(&title), &text, &ents);
        for e in &ents {
            let _ = resolve_name(&ents, &e.name);
            let _ = resolve_description(&ents, &e.name, Char::new(text.len()));
        }
        let _ = resolve_description(&ents, &text, Char::new(5));
        let _ = resolve_name(&ents, &title);
    }

    #[test]
    fn entities_never_panic_on_name_like_text(parts in prop::collection::vec(piece(), 0..60)) {
        let text = parts.join(" ");
        let ents = find_entities(Some(&text), &text);
        check_spans(Some(&text), &text, &ents);
        for e in &ents {
            prop_assert!(!e.mentions.is_empty());
            let _ = resolve_name(&ents, &e.name);
            let _ = resolve_description(&ents, "the minister", Char::new(text.len()));
        }
    }
}

#[test]
fn a_family_name_written_first_is_found_alone() {
    // Invented Korean and Chinese officials: "Mr. Seo" and "Han" are the same people.
    let text = "Secretary Seo Min-jae met Minister Han Weiming in Geneva. Mr. Seo said the \
                talks went well, and Han agreed.";
    let ents = find_entities(None, text);
    let seo = find(&ents, "Seo Min-jae");
    assert_eq!(mention_texts(seo).len(), 2, "{:#?}", names_of(&ents));
    let han = find(&ents, "Han Weiming");
    assert_eq!(mention_texts(han).len(), 1, "{:#?}", names_of(&ents));
    // A Western given name stays a given name: "Lee" is not Lee Varga's surname (the lone
    // "Lee" is still Lee Varga, the one person of the text with that given name).
    assert_eq!(family_name_first("Lee Varga", "lee varga"), None);
    let text = "Lee Varga spoke first. Lee was pleased.";
    let ents = find_entities(None, text);
    assert_eq!(
        mentions_of(&ents, "Lee Varga"),
        ["Lee Varga", "Lee"],
        "{:#?}",
        names_of(&ents)
    );
    assert_eq!(family_name_first("Seo Min-jae", "seo min jae"), Some("seo"));
    assert_eq!(family_name_first("Xi Jinping", "xi jinping"), Some("xi"));
    assert_eq!(family_name_first("Anna-Lena Berg", "anna lena berg"), None);
    assert_eq!(
        family_name_first("Jean-Paul Sartre", "jean paul sartre"),
        None
    );
}

#[test]
fn entities_title_words_and_modals_as_surnames() {
    // A title word ("King") or a modal ("May") after a given name is a surname, and the
    // courtesy title with it alone looks the person up.
    let text = "\"We will win,\" said Karen King, a county organiser. \"It is close,\" Ms. King \
added. Prime Minister Helen May spoke on Monday. Mrs. May said talks would start in May 2026.";
    let ents = find_entities(None, text);
    check_spans(None, text, &ents);
    let king = find(&ents, "Karen King");
    assert_eq!(king.kind, EntityKind::Person);
    assert_eq!(mention_texts(king), ["Karen King", "King"]);
    let may = find(&ents, "Helen May");
    assert_eq!(may.kind, EntityKind::Person);
    assert_eq!(mention_texts(may), ["Helen May", "May"]);
    // A role phrase alone is still no name.
    let ents = find_entities(None, "The Kremlin spokesman said the King would attend.");
    assert!(
        ents.iter().all(|e| e.name != "Kremlin spokesman"),
        "{:?}",
        names_of(&ents)
    );
}

#[test]
fn entities_courtesy_titles_keep_the_sexes_apart() {
    // "Mr. Tallis" is not Laura Tallis: the lone surname that a man's title goes with
    // stays apart, and her name does not join it.
    let text = "President Tallis spoke on Saturday. Laura Tallis campaigned in Ohio. \
\"We need you,\" Mr. Tallis said.";
    let ents = find_entities(None, text);
    check_spans(None, text, &ents);
    let him = find(&ents, "Tallis");
    assert_eq!(mention_texts(him), ["Tallis", "Tallis"]);
    let her = find(&ents, "Laura Tallis");
    assert_eq!(mention_texts(her), ["Laura Tallis"]);
    // With both spouses named, "Mrs." goes to her and "Mr." to him.
    let text = "Diane Orrin spoke. Peter Orrin listened. Mrs. Orrin said the plan works. \
Mr. Orrin said he agreed.";
    let ents = find_entities(None, text);
    assert_eq!(mentions_of(&ents, "Diane Orrin"), ["Diane Orrin", "Orrin"]);
    assert_eq!(mentions_of(&ents, "Peter Orrin"), ["Peter Orrin", "Orrin"]);
}

#[test]
fn a_company_is_named_without_its_business_word() {
    for text in [
        "The ferry operator, Westerly Marine Services, cancelled 41 sailings. Westerly Marine \
         said it was hiring.",
        "Westerly Marine said it was hiring. The operator, Westerly Marine Services, cancelled \
         41 sailings.",
    ] {
        let ents = find_entities(None, text);
        let e = find(&ents, "Westerly Marine Services");
        assert_eq!(e.kind, EntityKind::Organization, "{text}");
        assert_eq!(e.mentions.len(), 2, "{:?}", names_of(&ents));
    }
    // One word left is as likely a person's surname, and a place is a place: no short form.
    for (text, company) in [
        (
            "Paulson Partners bought the bonds. Mr. Paulson said the bet was sound.",
            "Paulson Partners",
        ),
        (
            "New York Holdings sold the quay. New York voted against it.",
            "New York Holdings",
        ),
    ] {
        let ents = find_entities(None, text);
        assert_eq!(
            find(&ents, company).mentions.len(),
            1,
            "{:?}",
            names_of(&ents)
        );
    }
}

#[test]
fn a_hyphenated_surname_before_the_full_name_joins_it() {
    // The headline names her by her surname first; the story then in full.
    let text = "Okafor-Lind vows to rebuild the pier\n\nMayor Ingrid Okafor-Lind said on Monday \
                that the pier would reopen. Okafor-Lind said the work would take a year.";
    let ents = find_entities(None, text);
    let e = find(&ents, "Ingrid Okafor-Lind");
    assert_eq!(
        mention_texts(e),
        ["Okafor-Lind", "Ingrid Okafor-Lind", "Okafor-Lind"]
    );
    assert!(
        ents.iter().all(|e| e.name != "Okafor-Lind"),
        "{:?}",
        names_of(&ents)
    );
    // A name of two words is no hyphenated surname: "Ann Lind" stays apart.
    let text = "Ann Lind spoke first. Then Maria Ann Lind spoke.";
    let ents = find_entities(None, text);
    assert!(
        ents.iter().any(|e| e.name == "Ann Lind"),
        "{:?}",
        names_of(&ents)
    );
}

#[test]
fn an_inverted_said_opens_no_name() {
    let text = "Harbour pilots voted to strike. Skyra said it was disappointed.\n\nSaid Skyra's \
                operations director, Vikram Raghavan: \"We have offered more rest days.\" Said \
                Aalto: \"Talk to each other.\"";
    let ents = find_entities(None, text);
    assert!(
        ents.iter().all(|e| !e.name.starts_with("Said")),
        "{:?}",
        names_of(&ents)
    );
    assert_eq!(
        find(&ents, "Skyra").mentions.len(),
        2,
        "{:?}",
        names_of(&ents)
    );
}

#[test]
fn a_business_named_for_its_trade_is_an_organisation() {
    let text = "Tidewell Ferries will cut its winter crossings, and Ceres Robotics will build the \
                new cranes. The Skerra Gazette reported the plan.\n\nInsurance\n\nSolutions";
    let ents = find_entities(None, text);
    organisations(
        &ents,
        &["Tidewell Ferries", "Ceres Robotics", "Skerra Gazette"],
    );
    // A trade alone is a heading, no entity.
    assert!(
        !ents
            .iter()
            .any(|e| e.name == "Insurance" || e.name == "Solutions"),
        "{ents:#?}"
    );
}

#[test]
fn a_participle_opening_the_sentence_is_no_given_name() {
    let text = "Mirela Dacosta introduced Tomas Brekke to the audience.\n\nHosting Brekke at the \
                harbour festival was a dream, Dacosta said. Sterling Brown said the plan was \
                fine.";
    let ents = find_entities(None, text);
    assert!(
        !ents.iter().any(|e| e.name.starts_with("Hosting")),
        "{ents:#?}"
    );
    assert_eq!(find(&ents, "Tomas Brekke").mentions.len(), 2);
    // A given name the lists lack, before a verb, stays a name.
    assert_eq!(find(&ents, "Sterling Brown").kind, EntityKind::Person);
}

#[test]
fn a_middle_initial_a_or_i_and_a_place_before_a_name() {
    let text = "Sonya A. Zoghlin, the attorney, told the Kessel Courier her client meant no \
                harm. Mary I. Hale agreed. Ostmark’s ambassador to Britain Liu Xiaming said the \
                talks would go on, and Liu said so again on Friday. The team moved to Paris \
                Saint Germain.";
    let ents = find_entities(None, text);
    for name in ["Sonya A. Zoghlin", "Mary I. Hale", "Liu Xiaming"] {
        assert_eq!(find(&ents, name).kind, EntityKind::Person, "{name}");
    }
    assert_eq!(find(&ents, "Liu Xiaming").mentions.len(), 2);
    assert!(ents.iter().any(|e| e.name == "Britain"), "{ents:#?}");
    // A place that goes on into a club's or a venue's name stays whole.
    assert!(
        ents.iter().any(|e| e.name == "Paris Saint Germain"),
        "{ents:#?}"
    );
}

#[test]
fn a_descriptor_before_a_full_name_is_a_role() {
    let text = "Employee Tomas Ferreira told the paper he chased the man. Chef Ingrid Solberg \
                opened the kitchen at dawn. Nurse Grace Okafor worked the night shift.";
    let ents = find_entities(None, text);
    for (name, role) in [
        ("Tomas Ferreira", "Employee"),
        ("Ingrid Solberg", "Chef"),
        ("Grace Okafor", "Nurse"),
    ] {
        let e = find(&ents, name);
        assert_eq!(e.kind, EntityKind::Person, "{name}");
        assert_eq!(e.roles, [role], "{name}");
    }
    // Without a given name after it, the word stays part of the name.
    let ents = find_entities(
        None,
        "Resident Evil sold well, and Witness Protection staff agreed.",
    );
    assert!(
        ents.iter()
            .all(|e| !e.roles.iter().any(|r| r == "Resident" || r == "Witness")),
        "{:#?}",
        names_of(&ents)
    );
}

#[test]
fn a_police_force_is_named_in_full() {
    let text = "The call went to Harbour Police and the Kessel Police Department. Human Rights \
                Watch said the arrests were lawful. The Apple Watch sold well.";
    let ents = find_entities(None, text);
    organisations(
        &ents,
        &[
            "Harbour Police",
            "Kessel Police Department",
            "Human Rights Watch",
        ],
    );
    // A product after a company's name is not a watchdog.
    assert!(
        ents.iter().all(|e| e.name != "Apple Watch"),
        "{:#?}",
        names_of(&ents)
    );
}

#[test]
fn an_acronym_or_half_a_hyphenated_name_is_no_surname() {
    let text = "The agency tested the Orbital Lift Vehicle (OLV) on Monday. Engineers said \
                the OLV performed well, and the Saturn-Vega programme will follow. Critics \
                called Vega a distraction. Later the OLV Stage was shipped, and Stage 2 came \
                after it.";
    let ents = find_entities(None, text);
    for name in ["Orbital Lift Vehicle", "Saturn-Vega", "OLV Stage"] {
        assert_ne!(
            find(&ents, name).kind,
            EntityKind::Person,
            "{name}: {:#?}",
            names_of(&ents)
        );
    }
}

#[test]
fn a_surname_that_is_also_a_given_name_is_the_surname() {
    let text = "The committee met on Tuesday. Its chair then asked Rep. Harold Lucas (R-OK), \
                the ranking member, about the launches. “Oh my,” Lucas responded with a sigh. \
                Councillor Petra Thomas spoke next, and Thomas said the budget was short.";
    let ents = find_entities(None, text);
    assert_eq!(
        mentions_of(&ents, "Harold Lucas"),
        ["Harold Lucas", "Lucas"]
    );
    assert_eq!(
        mentions_of(&ents, "Petra Thomas"),
        ["Petra Thomas", "Thomas"]
    );
}

#[test]
fn a_title_word_that_qualifies_a_noun_is_no_role() {
    // "a major hub" describes a town.
    let text = "Farming grows in the north.\n\nPort Kestrel, a major hub of bean growing, \
                sends most of its crop south. Tom Ibsen, the chief mechanic of the fleet, \
                repairs the trucks.";
    let ents = find_entities(None, text);
    check_spans(None, text, &ents);
    let e = find(&ents, "Port Kestrel");
    assert_ne!(e.kind, EntityKind::Person, "{e:?}");
    assert!(e.roles.is_empty(), "{e:?}");
    // A chief before an occupation is one.
    assert_eq!(find(&ents, "Tom Ibsen").roles, ["chief"]);
}

#[test]
fn a_sentence_adverb_before_a_name_is_no_part_of_it() {
    let text = "The ferry left Dunmore at noon. Afterwards Marta Ilves thanked the crew. \
                Interestingly Ilves had sailed the route before.";
    let ents = find_entities(None, text);
    check_spans(None, text, &ents);
    assert_eq!(mentions_of(&ents, "Marta Ilves"), ["Marta Ilves", "Ilves"]);
    assert!(
        ents.iter().all(|e| !e.name.starts_with("Afterwards")),
        "{:?}",
        names_of(&ents)
    );
}

#[test]
fn names_shaped_like_places_are_places_unless_a_person_speaks() {
    let text = "About 900 residents of Merrow Lake were told to leave on Sunday. Crews \
                from Pellham County and the Bay of Tarrow joined them. Ricki Lake said she \
                had seen the smoke. Calgary and Winnipeg sent planes.";
    let ents = find_entities(None, text);
    for place in [
        "Merrow Lake",
        "Pellham County",
        "Bay of Tarrow",
        "Calgary",
        "Winnipeg",
    ] {
        assert_eq!(find(&ents, place).kind, EntityKind::Place, "{place}");
    }
    assert_eq!(find(&ents, "Ricki Lake").kind, EntityKind::Person);
}

#[test]
fn a_ministry_keeps_its_portfolios_past_and() {
    let text = "The Department of Marsh Works and Indigenous Futures said on Monday that the \
                Ministry of Fisheries and Oceans had agreed. The Department of Justice and \
                Microsoft signed it, as did the Ministry of Health and Ukraine.";
    let ents = find_entities(None, text);
    organisations(
        &ents,
        &[
            "Department of Marsh Works and Indigenous Futures",
            "Ministry of Fisheries and Oceans",
            "Department of Justice",
            "Ministry of Health",
        ],
    );
    assert!(ents
        .iter()
        .all(|e| e.name != "Indigenous Futures" && e.name != "Oceans"));
}

#[test]
fn a_society_keeps_its_members_past_and() {
    let text = "The Amalgamated Society of Ferry Pilots and Deckhands said on Monday that the \
                Institute of Tidal Science and The Harbour Museum of Ostry had agreed.";
    let ents = find_entities(None, text);
    organisations(
        &ents,
        &[
            "Amalgamated Society of Ferry Pilots and Deckhands",
            "Institute of Tidal Science",
        ],
    );
    assert!(
        ents.iter().all(|e| e.name != "Deckhands"),
        "{:?}",
        names_of(&ents)
    );
}

#[test]
fn a_constituency_is_no_part_of_a_members_name() {
    let text = "Labour MP for Dunmore Central Idris Pownall said the line must stay open. \
                Green MLA for Kelowna West Maria Brandt agreed.";
    let ents = find_entities(None, text);
    assert_eq!(find(&ents, "Idris Pownall").kind, EntityKind::Person);
    assert_eq!(find(&ents, "Maria Brandt").kind, EntityKind::Person);
    assert!(
        ents.iter()
            .all(|e| !e.name.contains("Central ") && !e.name.contains("West ")),
        "{:?}",
        names_of(&ents)
    );
}

#[test]
fn an_epithet_or_a_headline_verb_is_no_part_of_a_name() {
    let text = "Rip Tomas Ferrand Over Pumps\n\nLawmakers criticised Tomas Ferrand on Monday. \
                Questioning Ferrand's record, one said the board had failed. Rival Maria \
                Solheim said the pumps were old.";
    let ents = find_entities(None, text);
    assert_eq!(find(&ents, "Tomas Ferrand").kind, EntityKind::Person);
    assert_eq!(find(&ents, "Maria Solheim").kind, EntityKind::Person);
    assert!(
        ents.iter()
            .all(|e| !e.name.starts_with("Rip ") && !e.name.starts_with("Questioning ")),
        "{:?}",
        names_of(&ents)
    );
}

#[test]
fn a_city_then_a_plural_is_a_team() {
    let text = "The Calgary Flames beat the Halifax Harriers 4-3. Georgia Peters scored twice \
                for Calgary. The Los Angeles Lakers lost.";
    let ents = find_entities(None, text);
    organisations(
        &ents,
        &["Calgary Flames", "Halifax Harriers", "Los Angeles Lakers"],
    );
    assert_ne!(find(&ents, "Georgia Peters").kind, EntityKind::Organization);
}
