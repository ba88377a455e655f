//! Tests of [`super`]: speakers resolved from source mentions.

use super::named::agent_of_participle;
use super::*;

#[test]
fn phrases_that_name_nobody_say_what_kind_they_are() {
    let k = kind_of_phrase;
    assert_eq!(k("officials"), Some(SpeakerKind::Group));
    assert_eq!(
        k("sources familiar with the negotiations"),
        Some(SpeakerKind::Group)
    );
    assert_eq!(k("the power utility"), Some(SpeakerKind::Organization));
    assert_eq!(
        k("the Ministry of Coastal Affairs"),
        Some(SpeakerKind::Organization)
    );
    assert_eq!(k("a witness"), Some(SpeakerKind::Person));
    assert_eq!(k("one GOP source"), Some(SpeakerKind::Person));
    assert_eq!(k("the county commissioner"), Some(SpeakerKind::Person));
    assert_eq!(k("His aides"), Some(SpeakerKind::Group));
    assert_eq!(k("Mr. Grassley and Mr. Leahy"), Some(SpeakerKind::Group));
    assert_eq!(k("63 percent of likely voters"), Some(SpeakerKind::Group));
    assert_eq!(k("many European countries"), Some(SpeakerKind::Group));
    assert_eq!(k("the letter"), None);
    assert_eq!(
        k("The Obama administration"),
        Some(SpeakerKind::Organization)
    );
    assert_eq!(
        k("the Roper Center for Public Opinion Research"),
        Some(SpeakerKind::Organization)
    );
    assert_eq!(k("The New York Times"), None);
    // People by what they do, and bodies by what they are.
    for person in [
        "one tester",
        "a dispatcher",
        "another person",
        "the patient",
        "New York's chief medical examiner",
    ] {
        assert_eq!(k(person), Some(SpeakerKind::Person), "{person}");
    }
    for body in [
        "the hospital",
        "The watchdog",
        "the airline",
        "the magazine",
    ] {
        assert_eq!(k(body), Some(SpeakerKind::Organization), "{body}");
    }
}

/// The speaker of the quote of `text` whose content holds `content`.
fn speaker_in(text: &str, content: &str) -> Option<crate::model::Speaker> {
    let entities = crate::entities::find_entities(None, text);
    let q = crate::attrib::quotes(text, &entities);
    q.iter()
        .find(|q| q.text.contains(content))
        .unwrap_or_else(|| panic!("no quote with {content:?} in {q:?}"))
        .speaker
        .clone()
}

/// The speaker name of the speech quote of `text` whose content holds `content`.
fn name_of(text: &str, content: &str) -> Option<String> {
    speaker_in(text, content).and_then(|s| s.name)
}

#[test]
fn the_name_in_a_long_appositive_is_the_speaker() {
    let text = "The chief operating officer of the Brackwater Water Board, a former navy \
                engineer who joined the board in 2018, Tomas Ferrand, said the pumps had \
                not been serviced. Hydrologist Ines Marwick of the Coastal Flood \
                Institute said the river had risen fast.";
    assert_eq!(
        name_of(text, "not been serviced").as_deref(),
        Some("Tomas Ferrand")
    );
    assert!(name_of(text, "risen fast").is_some_and(|n| n.contains("Ines Marwick")));
}

#[test]
fn a_group_is_not_the_place_or_body_after_its_preposition() {
    let text = "Floods hit Brackwater on Monday. Police in Brackwater said no one was \
                hurt. Scientists at the Coastal Flood Institute said the river rose fast.";
    assert_eq!(name_of(text, "no one was hurt"), None);
    assert_eq!(name_of(text, "the river rose fast"), None);
    assert_eq!(stands_alone("Senator Ted Cruz of Texas", 8, 17), Some(true));
    assert_eq!(stands_alone("Smith's lawyer", 0, 5), None);
    assert_eq!(stands_alone("an aide to Jane Roe", 11, 19), None);
    assert_eq!(stands_alone("Obama adviser David Axelrod", 0, 5), None);
    assert_eq!(
        stands_alone("The head of the group, Dana Reyes", 23, 33),
        Some(true)
    );
}

#[test]
fn two_people_joined_by_and_are_no_one_of_them() {
    let text = "Tomas Ferrand spoke first. Tomas Ferrand and Greta Solheim said the \
                board had failed.";
    assert_eq!(name_of(text, "the board had failed"), None);
    assert!(joins_people("Trump and House Speaker Paul Ryan", 5, 24));
    assert!(!joins_people("Smith's deputy, Jane Roe", 5, 16));
}

#[test]
fn an_organisation_keeps_the_name_the_mention_gives_in_full() {
    let org = |name: &str| Entity {
        name: name.into(),
        kind: EntityKind::Organization,
        aliases: vec![],
        roles: vec![],
        mentions: vec![],
    };
    let f = |m: &str, e: &Entity| fuller_name(m, e);
    assert_eq!(
        f("The Nurses' Guild", &org("Guild")).as_deref(),
        Some("Nurses' Guild")
    );
    assert_eq!(
        f("Friends of the Orrin Valley", &org("Orrin Valley")).as_deref(),
        Some("Friends of the Orrin Valley")
    );
    assert_eq!(
        f(
            "Officials at the Ministry of Energy and Industry",
            &org("Industry")
        )
        .as_deref(),
        Some("Ministry of Energy and Industry")
    );
    assert_eq!(f("the Guild", &org("Guild")), None);
    let kerry = Entity {
        kind: EntityKind::Person,
        ..org("John Kerry")
    };
    assert_eq!(f("Secretary of State John Kerry", &kerry), None);
}

#[test]
fn the_company_is_the_organisation_that_spoke_last() {
    let text = "Mayor Owen Castell said the pumps failed. Lindqvist Pumps said its \
                engineers had warned the board. \u{201c}We are ready to help,\u{201d} the \
                company said.";
    assert_eq!(
        name_of(text, "ready to help").as_deref(),
        Some("Lindqvist Pumps")
    );
}

#[test]
fn a_pronoun_takes_the_one_person_named_in_the_sentence_before() {
    let text = "Detective Rachel Obuya said the fire was arson. Tenant Amira Shahid stood \
                up and read a list of repairs. She said she had reported the door eleven \
                times.";
    assert!(name_of(text, "reported the door").is_some_and(|n| n.contains("Amira Shahid")));
}

#[test]
fn an_abbreviation_does_not_end_the_sentence_before_a_pronoun() {
    // The sentence before "she said" names two people ("Dr." ends no sentence), so "she" is
    // the last speaker, not the name after the abbreviation.
    let text = "Councillor Odile Marchetti defended the levy at the meeting. Ms. Marchetti \
                said her rival, Dr. Kim Dahl, had no plan at all. “We keep going,” she \
                said.";
    assert!(name_of(text, "We keep going").is_some_and(|n| n.contains("Odile Marchetti")));
}

#[test]
fn a_name_inside_the_quotation_before_is_not_the_pronouns_person() {
    // The one name in the sentence before "she said" is inside the speaker's own words.
    let text = "Councillor Rhoda Vance took the stage at the harbour. “Ask Bram Kettering \
                what the dredging cost,” she told the crowd. “Nobody listened to us,” she \
                said.";
    assert!(name_of(text, "Nobody listened").is_some_and(|n| n.contains("Rhoda Vance")));
}

#[test]
fn the_statement_is_its_author_named_with_it() {
    // "the statement" speaks for the one named in the sentence that introduced it.
    let text = "In an emailed statement, Westerly Marine Services said it was hiring \
                deckhands. “We know how hard this has been,” the statement said.";
    assert_eq!(
        name_of(text, "how hard this has been").as_deref(),
        Some("Westerly Marine Services")
    );
    // A news outlet that reports a document did not write it.
    let text = "According to The Marrow Ledger, an email was sent to members by the club's \
                director. “We are closing the club,” the email said.";
    assert_eq!(name_of(text, "closing the club"), None);
    // Nor does a description that resolved to someone say whose the statement is.
    let text = "Harbour master Dunstan Okoro spoke first. The company denied the claims in a \
                statement. “We have paid every invoice,” the statement said.";
    assert_eq!(name_of(text, "paid every invoice"), None);
}

#[test]
fn his_office_speaks_for_him() {
    let text = "Health Minister Bertrand Lefebvre-Acheson visited the clinic on Monday. His \
                office said in an email that recruitment bonuses were on offer.";
    assert_eq!(
        name_of(text, "recruitment bonuses").as_deref(),
        Some("Bertrand Lefebvre-Acheson")
    );
}

#[test]
fn a_body_described_is_the_organisation_its_sentence_opens_with() {
    let text = "Halden Motors will cut 1,200 jobs at its two plants, the carmaker said on \
                Thursday.";
    assert_eq!(
        name_of(text, "1,200 jobs").as_deref(),
        Some("Halden Motors")
    );
    // Not an organisation named in passing.
    let text = "Despite the ban by Marrow Harbour Authority, the river rose again, the \
                monitoring agency said on Thursday.";
    assert_eq!(name_of(text, "the river rose"), None);
}

#[test]
fn a_description_no_role_matches_is_the_main_character() {
    let text = "Evelyn Tran-Whitaker promised free child care. Tran-Whitaker said the plan \
                would cost $60 billion. Analyst Thaddeus Kimball said it was too costly. \
                The Democratic presidential candidate said she welcomed the debate.";
    assert!(name_of(text, "welcomed the debate").is_some_and(|n| n.contains("Tran-Whitaker")));
}

#[test]
fn agent_phrases() {
    assert_eq!(
        agent_for("a spokesman for the Marrow Bay Council"),
        Some(("spokesman", "the Marrow Bay Council"))
    );
    assert_eq!(agent_for("officials"), None);
    for (h, n) in [
        ("ab (c", " ("),
        ("", ""),
        ("a", ""),
        ("", "a"),
        ("aa", "aaa"),
        ("xé y", "y"),
    ] {
        assert_eq!(find_in(h, n), h.find(n), "{h:?} {n:?}");
    }
    assert_eq!(head_of("Jane Roe, a professor at Ulm"), "Jane Roe");
    let authority = Entity {
        name: "Marrow Bay Harbour Authority".into(),
        kind: EntityKind::Organization,
        aliases: vec![],
        roles: vec![],
        mentions: vec![],
    };
    assert_eq!(
        role_in_mention("the Marrow Bay Harbour Authority (MBHA)", &authority),
        None
    );
    assert_eq!(head_of("Elias Moor (D-Ohio)"), "Elias Moor");
    let e = Entity {
        name: "Dunstan Okoro".into(),
        kind: EntityKind::Person,
        aliases: vec![],
        roles: vec![],
        mentions: vec![],
    };
    assert_eq!(
        role_in_mention("Harbour master Dunstan Okoro", &e).as_deref(),
        Some("Harbour master")
    );
    assert_eq!(
        role_in_mention("Okoro, a trawler captain from Ulm, who left", &e).as_deref(),
        Some("trawler captain from Ulm")
    );
    assert_eq!(role_in_mention("Mr. Okoro", &e), None);
}

#[test]
fn a_ministry_is_named_with_all_its_portfolios() {
    let text = "The Ministry of Ports, Fisheries and Coastal Affairs said the ferry would \
                resume on Monday.";
    assert_eq!(
        name_of(text, "ferry would resume").as_deref(),
        Some("Ministry of Ports, Fisheries and Coastal Affairs")
    );
    assert_eq!(
        with_portfolios("the Ministry of Ports", "Ministry of Ports"),
        None
    );
    assert_eq!(
        with_portfolios("The Ministry of Ports, lately renamed", "Ministry of Ports"),
        None
    );
}

#[test]
fn an_organisations_spokesperson_is_not_the_main_character() {
    let text = "Tomas Ferrand, who chairs the harbour board, said the levy was dead. \
                Ferrand said the board would meet operators in March. \
                The board's spokesperson said the vote was final.";
    assert_eq!(name_of(text, "vote was final"), None);
    assert!(unnamed_agent("the spokeswoman for the ministry"));
    assert!(!unnamed_agent("the democratic presidential candidate"));
}

#[test]
fn a_description_qualified_by_a_place_is_the_one_who_spoke_last() {
    // The story is about Marlow (named most), but "the Kessland senator" varies the name of
    // Okafor, who has just spoken.
    let text = "Governor Ada Marlow signed the ferry bill on Monday. Marlow said the levy \
                would go. Marlow thanked the harbour staff. Critics of Marlow were quiet.\n\n\
                “The bill is a start,” Senator Femi Okafor said.\n\n\
                Asked about the levy, the Kessland senator said islanders had waited too long.";
    assert_eq!(
        name_of(text, "islanders had waited").as_deref(),
        Some("Femi Okafor")
    );
    // A plural is no one person.
    let text = "Chairman Femi Okafor met Chairman Tobias Marlow on Monday. Okafor said the \
                talks went well. Okafor left early.\n\nThe committee chairmen said the vote \
                would wait.";
    assert_eq!(name_of(text, "the vote would wait"), None);
    assert!(qualified_description("the Kessland senator"));
    assert!(qualified_description(
        "The independent Vermont senator, who ran"
    ));
    assert!(!qualified_description("the candidate"));
    assert!(!qualified_description("the presumptive nominee"));
    assert!(!qualified_description("The Democrat"));
}

#[test]
fn a_description_s_head_comes_before_its_prepositional_phrase() {
    let text = "Ada Marlow won the vote on Monday. Marlow said the levy would go. Marlow \
                thanked the harbour staff.\n\nThe former minister of harbours said the ferry \
                would run all winter.";
    assert_eq!(
        name_of(text, "the ferry would run").as_deref(),
        Some("Ada Marlow")
    );
}

#[test]
fn an_organisation_in_apposition_to_a_description_speaks() {
    // Not the organisation named before it, which a bare "the group" would be.
    let text = "The Harbour Traders Association backed the pier plan on Monday. A second \
                group, the Safer Ports Coalition, said the plan would cost the town its beach.";
    assert_eq!(
        name_of(text, "the plan would cost").as_deref(),
        Some("Safer Ports Coalition")
    );
}

#[test]
fn given_names_of_many_countries_give_she_and_he_their_person() {
    // Neither "Anselm" nor "Milena" was a name the gender lists knew: "she" went to the man.
    let text = "Anselm Brekke has run the Ostra ferry for forty years. His wife, Milena, runs the \
                kiosk on the eastern bank. She remembers the winter of 1987.\n\n\
                \u{201c}We thought the village would starve,\u{201d} she said.";
    assert_eq!(
        name_of(text, "village would starve").as_deref(),
        Some("Milena")
    );
    use super::super::gender::{of_given_name, Gender};
    for (name, g) in [
        ("Priya", Gender::Female),
        ("Marguerite", Gender::Female),
        ("Graham", Gender::Male),
        ("Callum", Gender::Male),
        ("Adebayo", Gender::Male),
    ] {
        assert_eq!(of_given_name(name), Some(g), "{name}");
    }
}

#[test]
fn the_founder_of_a_firm_does_not_speak_for_it() {
    assert!(agent_of_participle(
        "the Harbour Index, a research firm founded in 2001 by the accountant Tomas Brekke,",
        69
    ));
    assert!(!agent_of_participle(
        "a study by Tomas Brekke of Dunmore University",
        11
    ));
    assert!(!agent_of_participle("Harbour master Tomas Brekke", 15));
}

#[test]
fn the_unnamed_person_just_quoted_stays_unnamed() {
    let t = "Harald Ostmark has left himself open to prosecution. Ostmark denies any \
             wrongdoing.\n\n\
             “Ostmark has no immunity by virtue of his title,” said one legal expert, as \
             reported by the Kessel Courier.\n\n\
             “His friendship with the shipping magnate Olaf Brennick is under investigation,” \
             the expert warned.";
    assert_eq!(name_of(t, "His friendship"), None);
    // Another description still resolves: "the mayor" is Ilse Varga.
    let t = "Mayor Ilse Varga has left herself open to prosecution.\n\n\
             “The mayor has no immunity,” said one legal expert.\n\n\
             “I have nothing to hide,” the mayor said.";
    assert!(name_of(t, "nothing to hide").is_some_and(|n| n.contains("Ilse Varga")));
}

#[test]
fn a_person_known_by_rank_and_one_name_keeps_the_rank() {
    let t = "Princess Ilsabet of Ostmark has defended the harbour levy.\n\n\
             “I have no regrets,” Ilsabet said.\n\n\
             Mayor Ilse Varga said the levy would stay.";
    assert_eq!(
        name_of(t, "no regrets").as_deref(),
        Some("Princess Ilsabet")
    );
    // A full name stays as the article gives it.
    assert_eq!(name_of(t, "would stay").as_deref(), Some("Ilse Varga"));
}

#[test]
fn the_subject_of_an_opening_clause_is_the_pronoun_in_its_sentence() {
    // The previous sentence names a police force; the pronoun's own sentence opens with the
    // clause whose subject it stands for.
    let text = "Dario Kessling was arrested in May over a call to the mayor's office. The office \
                passed the call to Harbour Police, who worked with state investigators. When \
                Kessling was approached, he told officers he had meant every word.";
    assert_eq!(
        name_of(text, "meant every word").as_deref(),
        Some("Dario Kessling")
    );
    // A name after a preposition in the opening phrase is no subject.
    let text = "Marta Lindgren chaired the hearing on Tuesday. After meeting Paul Okonjo, she \
                said the council would vote in June.";
    assert_eq!(
        name_of(text, "vote in June").as_deref(),
        Some("Marta Lindgren")
    );
}

#[test]
fn a_description_follows_the_organisation_the_story_moved_on_to() {
    let text = "Halden Motors says its new hatchback will use less fuel. Prices were not \
                announced.\n\nSkerra Motor Group has built an electric estate car for the show.\n\n\
                The Bavarian automaker, which has bet heavily on batteries, says the estate \
                will go 500 kilometres on a charge.";
    assert_eq!(
        name_of(text, "500 kilometres").as_deref(),
        Some("Skerra Motor Group")
    );
}

#[test]
fn a_pronoun_never_takes_a_name_inside_the_quotation() {
    // The quotation names Orlen Grid twice and Councillor Brandt once; "he" is the
    // councillor who spoke before, as the reader follows him.
    let text = "Councillor Aldo Brandt spoke at the hearing on Tuesday. “Every study says \
                we need the Orlen Grid,” Brandt said.\n\n“While I share the frustration with \
                the Orlen Grid and with Mr. Kessel, switching now is unwise,” he continued.";
    assert_eq!(
        name_of(text, "switching now is unwise").as_deref(),
        Some("Aldo Brandt")
    );
}

#[test]
fn a_possessor_named_before_does_not_take_the_pronoun() {
    // "Stafford … referred to Cooke's testimony": the pronoun after stays Stafford's.
    let text = "Rita Cooke, a former official, testified in May. Tomas Stafford, a retired \
                pilot, also testified.\n\n“The mission I flew took one launch,” Stafford \
                responded. He then referred to Cooke’s earlier testimony. “I cannot disagree \
                with it.”\n\n“But with eight launches, your odds fall by half,” he concluded.";
    assert_eq!(
        name_of(text, "your odds fall by half").as_deref(),
        Some("Tomas Stafford")
    );
    // "Varga teed up Lund's cameo. “…,” he said.": Varga, who acts, not the possessor.
    let text = "The band played for an hour. Ivo Varga and Pell Lund were on stage.\n\nVarga \
                teed up Lund’s cameo. “You might remember him from his own band,” he said.";
    assert_eq!(
        name_of(text, "remember him from").as_deref(),
        Some("Ivo Varga")
    );
    // A possessor alone in the sentence before is who it is about.
    let text = "Dario Menz and Ola Ferrante both work at the port.\n\nFerrante said the \
                night shift was hard. In contrast, Menz’s schedule was fixed. He said that \
                exams come first.";
    assert_eq!(
        name_of(text, "exams come first").as_deref(),
        Some("Dario Menz")
    );
}

#[test]
fn a_name_in_the_last_speakers_own_sentence_does_not_take_the_pronoun() {
    // Thomas is named inside the lawyer's own mention, and again in the sentence where the
    // lawyer spoke last: both times the pronoun stays the lawyer's.
    let text = "Officer Bram Thomas was charged on Tuesday.\n\nArvid Kessler, who represents \
                Thomas, said his client would fight the charges. He said Thomas is a father \
                of three.\n\nKessler declined to say whether Thomas slept on duty. “When \
                all the evidence is in, you will see the staffing was short,” he said.";
    assert_eq!(
        name_of(text, "Thomas is a father").as_deref(),
        Some("Arvid Kessler")
    );
    assert_eq!(
        name_of(text, "the staffing was short").as_deref(),
        Some("Arvid Kessler")
    );
    // Unless the pronoun speaks to the last speaker: then it is the other one named.
    let text = "The host, Dario Vance, interviewed Senator Paul Okafor on stage.\n\nVance \
                asked Okafor how high the sea wall would be. “I think fifteen metres is a \
                good height,” he told Vance.";
    assert_eq!(
        name_of(text, "fifteen metres").as_deref(),
        Some("Paul Okafor")
    );
}

#[test]
fn a_possessor_after_the_comma_describes_the_speaker() {
    let text = "Teresa Holm edits the magazine.\n\n“He could have had a bigger career,” \
                Patrick Holm, Teresa’s husband and the firm’s publisher, said.";
    assert_eq!(
        name_of(text, "bigger career").as_deref(),
        Some("Patrick Holm")
    );
}

#[test]
fn a_title_after_a_preposition_is_no_speaker() {
    let text = "After a few tries, I reached the agent Valerie Strand by phone. Strand \
                represented him since 1978. Her first sale was the novel Web of Angels. But \
                in the 1990s her caseload left her “pretty overwhelmed,” she said.";
    assert_eq!(
        name_of(text, "pretty overwhelmed").as_deref(),
        Some("Valerie Strand")
    );
}

#[test]
fn who_stands_for_a_name_in_its_own_sentence_only() {
    // "the source, who asked …": the source is no one named, not the woman of the sentence
    // before.
    let text = "A new source says Wilma Tarrant is at it again with another firm.\n\n“She runs \
                everything,” said the source, who asked the station to blur their face.";
    let entities = crate::entities::find_entities(None, text);
    let q = crate::attrib::quotes(text, &entities);
    let asked = q
        .iter()
        .find(|q| q.text.contains("blur their face"))
        .unwrap_or_else(|| panic!("no request in {q:?}"));
    assert_eq!(asked.speaker.as_ref().and_then(|s| s.name.clone()), None);
    // A name in its own sentence still is.
    let text = "The station called the firm.\n\nOwner Hal Brenner, who runs the firm with his \
                wife, told the station that the customers had packed more than they said.";
    assert_eq!(
        name_of(text, "customers had packed").as_deref(),
        Some("Hal Brenner")
    );
    // A description before the comma stands for whom it names.
    let text = "Few voters seemed likelier to resist the mayor than the members of the Harbour \
                Workers Union.\n\nThe union, which said in May that the levy was unfair, is \
                split.";
    assert_eq!(
        name_of(text, "levy was unfair").as_deref(),
        Some("Harbour Workers Union")
    );
    // In capitals it is a name.
    let text = "The World Health Organization (WHO) tracks the plague.\n\nAccording to \
                WHO, there were 3,248 cases between 2010 and 2015.";
    assert_eq!(
        name_of(text, "3,248 cases").as_deref(),
        Some("World Health Organization")
    );
}

#[test]
fn a_surname_that_is_a_common_word_is_the_person_it_ends() {
    let text = "Brandon Royal, a product manager at Kestrel Cloud, spoke on stage.\n\n“A model \
                is only valuable once users can reach it,” Royal said.";
    assert_eq!(
        name_of(text, "only valuable").as_deref(),
        Some("Brandon Royal")
    );
}

#[test]
fn i_before_a_contraction_is_the_one_interviewed_or_the_writer() {
    let text = "Q&A with harbour master Tomas Brekke\n\nHarbour master Tomas Brekke spoke to \
                us about the ferry levy and Mayor Ada Marlow.\n\nQ: Should the levy go?\n\nA: \
                If I could, I’d argue that the levy must go at once.";
    assert_eq!(
        name_of(text, "must go at once").as_deref(),
        Some("Tomas Brekke")
    );
    let text = "Mayor Ada Marlow cut the ferry levy.\n\nI’d argue that the levy should have \
                gone years ago.";
    assert_eq!(name_of(text, "years ago"), None);
}

#[test]
fn they_are_never_one_person() {
    // The patients, not the author who spoke last.
    let text = "“The test was hard on them,” lead author Ilse Varga said.\n\nAfter the course, \
                the patients were tested again. They reported that the test felt easier.";
    assert_eq!(name_of(text, "felt easier"), None);
    // An organisation that spoke last still is.
    let text = "The Kestrel Ferry Company said on Monday that sailings would resume.\n\nThey \
                said that the new timetable would follow in May.";
    assert_eq!(
        name_of(text, "new timetable").as_deref(),
        Some("Kestrel Ferry Company")
    );
}

#[test]
fn a_word_that_qualifies_a_role_does_not_describe_its_holder() {
    // "The state" is no CEO of a state hospital association, "the county" no county
    // executive.
    let text = "Dunmore State Hospital Association CEO Marta Ilves said the wards were full \
                and staff were tired.\n\nThe state reported one additional death on Sunday, a \
                65-year-old man in Low Ferry County.\n\nHoward County Executive Calvin Brandt \
                said the county would reopen the parks. The county said schools would stay \
                closed.";
    assert_eq!(
        name_of(text, "wards were full").as_deref(),
        Some("Marta Ilves")
    );
    assert_eq!(name_of(text, "one additional death"), None);
    assert_eq!(name_of(text, "schools would stay"), None);
    // The head of a role still does ("the executive").
    let text = "Howard County Executive Calvin Brandt said the parks would reopen. The \
                executive said schools would stay closed.";
    assert_eq!(
        name_of(text, "schools would stay").as_deref(),
        Some("Calvin Brandt")
    );
}

#[test]
fn a_group_of_someones_and_a_publication_are_not_that_someone() {
    let text = "Mira Holt wrote the ferry songs of Dunmore. But multiple friends of Mira Holt \
                said that the estate was hiding her work.";
    assert_eq!(name_of(text, "hiding her work"), None);
    // "The Economist" asking is the magazine, not the economist the interview names.
    let text = "Economist Tomas Ferrand has studied harbours for decades. Ferrand said the \
                ports would shrink. The Economist asked: “Will the ferries survive the decade?”";
    assert_eq!(
        name_of(text, "ports would shrink").as_deref(),
        Some("Tomas Ferrand")
    );
    assert_eq!(name_of(text, "ferries survive"), None);
}

/// The speaker (name and role) of the speech quote of `text` whose content holds `content`.
fn speaker_of(text: &str, content: &str) -> (Option<String>, Option<String>) {
    let s = speaker_in(text, content).unwrap_or_else(|| panic!("no speaker for {content:?}"));
    (s.name, s.role)
}

#[test]
fn a_spokeswoman_speaks_for_the_body_with_her_office_as_the_role() {
    let text = "A spokeswoman for the Department of Marsh Works and Indigenous Futures said \
                the bombers would fly. Dana Brunel, a developer and spokeswoman for the \
                Harbour Builders Coalition, said the permits were late. Pro-growth members \
                of the Tarrow Council said the vote was close.";
    assert_eq!(
        speaker_of(text, "bombers would fly"),
        (
            Some("Department of Marsh Works and Indigenous Futures".into()),
            Some("spokeswoman".into())
        )
    );
    assert_eq!(
        speaker_of(text, "permits were late").0.as_deref(),
        Some("Dana Brunel")
    );
    assert_eq!(
        speaker_of(text, "vote was close"),
        (
            Some("Tarrow Council".into()),
            Some("Pro-growth members".into())
        )
    );
}

#[test]
fn an_age_is_no_role_and_a_long_title_before_the_name_is() {
    let text = "Local resident Tomas Apetag, 67, said he had never seen smoke so thick. \
                Marta Leone, 63, an independent voter from Osk, said she would wait. \
                Director, emergency planning at the Pine Ridge Fire Association, Chantal \
                Roussel, said the roads were open.";
    assert_eq!(
        speaker_of(text, "smoke so thick").1.as_deref(),
        Some("Local resident")
    );
    assert_eq!(
        speaker_of(text, "she would wait").1.as_deref(),
        Some("independent voter from Osk")
    );
    assert_eq!(
        speaker_of(text, "roads were open").1.as_deref(),
        Some("Director, emergency planning at the Pine Ridge Fire Association")
    );
}

#[test]
fn a_body_of_its_owners_is_not_the_last_organisation_that_spoke() {
    let text = "Officials at the Ministry of Energy said the fine would rise. In Kessel, \
                the local residents' association said it would seek compensation.";
    assert_eq!(speaker_of(text, "seek compensation"), (None, None));
}

#[test]
fn a_pronoun_does_not_stand_for_a_place_named_like_a_person() {
    let text = "Residents of Lynn Lake left on Sunday. He said the road was closed.";
    assert_eq!(speaker_of(text, "road was closed").0, None);
}

#[test]
fn a_names_office_speaks_for_it_and_a_source_close_to_someone_is_not_them() {
    let text = "Premier Doug Ellwood's office said in a statement that the government would \
                act. A source close to the minister, who was not authorized to speak \
                publicly, said the review could lead to a new law.";
    assert_eq!(
        speaker_of(text, "government would act"),
        (Some("Doug Ellwood".into()), Some("office".into()))
    );
    assert_eq!(speaker_of(text, "lead to a new law"), (None, None));
}

#[test]
fn a_critic_and_an_auditor_general_are_roles() {
    let text = "The report, released by the province's auditor general, Bonnie Lysk, found \
                gaps. Lysk said her office had visited 212 homes. Opposition health critic \
                France Gelinard called it damning. \"They've known for years,\" she said.";
    assert_eq!(
        speaker_of(text, "visited 212 homes"),
        (
            Some("Bonnie Lysk".into()),
            Some("province's auditor general".into())
        )
    );
    assert_eq!(
        speaker_of(text, "known for years").0.as_deref(),
        Some("France Gelinard")
    );
}

#[test]
fn the_spokesperson_again_speaks_for_the_same_body() {
    let text = "A spokesperson for the Rail Delivery Board described the strike as \
                \"completely unnecessary\". \"Passengers are sick of this,\" the spokesperson \
                said.";
    assert_eq!(
        speaker_of(text, "sick of this"),
        (
            Some("Rail Delivery Board".into()),
            Some("spokesperson".into())
        )
    );
}

#[test]
fn a_woman_named_by_a_given_name_is_who_she_stands_for() {
    // "Carole" marks a woman: "she" after her is hers, not the woman named before.
    let text = "Senator Ruth Kimathi said the vote was close. Carole Bowden, 75, a retiree \
                in Osk, backed Gov. Tomas Ferrand in the primary but now plans to vote for Mr. \
                Abel Marsh. \"I will reluctantly do that,\" she said.";
    assert_eq!(
        speaker_of(text, "reluctantly").0.as_deref(),
        Some("Carole Bowden")
    );
}

#[test]
fn people_named_by_what_they_are_doing_are_people() {
    for person in [
        "Another passenger, who did not want to be named,",
        "one commuter",
        "a bystander",
        "the paramedic",
        "the real estate developer",
    ] {
        assert_eq!(
            kind_of_phrase(person),
            Some(SpeakerKind::Person),
            "{person}"
        );
    }
}

#[test]
fn an_abbreviated_title_does_not_end_the_speaker() {
    let text = "\"This is a historic day for cyclists,\" said Coun. Dianne Saxe-Morrow, who \
                introduced the motion. Cst. Paul Ferrand said no one was hurt.";
    assert_eq!(
        speaker_of(text, "historic day").0.as_deref(),
        Some("Dianne Saxe-Morrow")
    );
    assert_eq!(
        speaker_of(text, "no one was hurt").0.as_deref(),
        Some("Paul Ferrand")
    );
}

#[test]
fn plurals_of_people_are_groups() {
    for group in [
        "business owners along the route",
        "passengers",
        "Republicans across the country",
    ] {
        assert_eq!(kind_of_phrase(group), Some(SpeakerKind::Group), "{group}");
    }
}

#[test]
fn a_pronoun_after_a_one_sentence_paragraph_is_its_subject() {
    // The paragraph before names one person as its subject: "he" is that person, not the
    // goaltender quoted before.
    let text = "“We had our chances in the third,” said goaltender Dustin Wolfe.\n\n\
                Calgary captain Mikael Backlund, who played 24 minutes, was more blunt.\n\n\
                “We were soft on the puck all night,” he said.\n\n\
                He nodded only briefly to the loss in Denver behind Arno Tessaro.\n\n\
                “Nobody is happy,” he said.";
    assert_eq!(
        name_of(text, "soft on the puck").as_deref(),
        Some("Mikael Backlund")
    );
    // A person named after the subject ("He … behind Arno Tessaro") is not the subject.
    assert_eq!(
        name_of(text, "Nobody is happy").as_deref(),
        Some("Mikael Backlund")
    );
}

#[test]
fn the_word_for_who_speaks_after_an_organisation_is_the_role() {
    let text = "The Kessel Port Authority said the quay would reopen. A Kessel Port Authority \
                spokesperson said: “We expect ships by Friday.”";
    let s = speaker_in(text, "ships by Friday").expect("a speaker");
    assert_eq!(s.name.as_deref(), Some("Kessel Port Authority"));
    assert_eq!(s.role.as_deref(), Some("spokesperson"));
}

#[test]
fn a_name_of_no_known_kind_with_a_persons_role_is_a_person() {
    let text = "The Greens' member for Ostry Vale, Brinley Tavoa, wrote on Facebook that the \
                farmers had been left in the dark.";
    let s = speaker_in(text, "left in the dark").expect("a speaker");
    assert_eq!(s.name.as_deref(), Some("Brinley Tavoa"));
    assert_eq!(s.kind, Some(SpeakerKind::Person));
}

#[test]
fn a_relative_clause_or_a_part_of_the_name_is_no_role() {
    let text = "Chief Minister Arjun Rao Pillai, who visited relief camps on Sunday, said the \
                state had asked for help. Councillor Mireille Aubert Stone opened the meeting. \
                Aubert Stone, who chairs the flood committee, said the levee would hold.";
    let s = speaker_in(text, "asked for help").expect("a speaker");
    assert_eq!(s.role.as_deref(), Some("Chief Minister"));
    let s = speaker_in(text, "levee would hold").expect("a speaker");
    assert_eq!(s.name.as_deref(), Some("Mireille Aubert Stone"));
    assert_ne!(s.role.as_deref(), Some("Aubert"));
    assert!(s.role.as_deref().is_none_or(|r| !r.starts_with("who ")));
}

#[test]
fn the_spokesperson_later_is_the_organisation_after_others_speak() {
    let text = "A Kessel Port Authority spokesperson said the quay would reopen. “This is \
                another blow,” said Anna Kessley of the Ferry Users Forum. “We expect ships by \
                Friday,” the spokesperson added. The opposition Harbour Party blamed the board. \
                Its port secretary, Lewin Ardagh, said the repairs were late.";
    let s = speaker_in(text, "ships by Friday").expect("a speaker");
    assert_eq!(s.name.as_deref(), Some("Kessel Port Authority"));
    let s = speaker_in(text, "repairs were late").expect("a speaker");
    assert_eq!(s.role.as_deref(), Some("port secretary"));
}

#[test]
fn a_spokesperson_for_no_one_named_speaks_for_the_organisation_just_before() {
    let text = "The Ostry Ferries Group said it was disappointed. “We urge the crews to return \
                to talks,” a spokesperson said.";
    let s = speaker_in(text, "return to talks").expect("a speaker");
    assert_eq!(s.name.as_deref(), Some("Ostry Ferries Group"));
    assert_eq!(s.role.as_deref(), Some("spokesperson"));
    assert_eq!(s.kind, Some(SpeakerKind::Organization));
}

#[test]
fn a_body_of_one_sort_is_none_named_for_another() {
    let text = "The Ostry Ferries Group said it was disappointed by the strike. The union \
                said it had balloted 900 members.";
    let s = speaker_in(text, "balloted").expect("a speaker");
    assert_eq!(s.name, None);
    assert_eq!(s.kind, Some(SpeakerKind::Organization));
}

#[test]
fn an_agency_named_past_and_speaks_through_its_spokeswoman() {
    let text = "An Immigration and Customs Enforcement spokeswoman said the agency would not \
                comment on the case.";
    let s = speaker_in(text, "would not comment").expect("a speaker");
    assert_eq!(
        s.name.as_deref(),
        Some("Immigration and Customs Enforcement")
    );
    assert_eq!(s.role.as_deref(), Some("spokeswoman"));
}

#[test]
fn a_place_after_a_preposition_is_not_who_speaks() {
    let text = "A lawmaker in Ohio said the ferry subsidy would be cut. The Kessel Maritime \
                Museum in Lisbon said it would close for repairs. A councillor from Eastmark \
                said the road would wait.";
    let s = speaker_in(text, "subsidy").expect("a speaker");
    assert_eq!(s.name, None);
    assert_eq!(s.kind, Some(SpeakerKind::Person));
    let s = speaker_in(text, "close for repairs").expect("a speaker");
    assert_eq!(s.name.as_deref(), Some("Kessel Maritime Museum"));
    let s = speaker_in(text, "road would wait").expect("a speaker");
    assert_eq!(s.name, None);
}

#[test]
fn a_role_before_a_preposition_keeps_no_preposition() {
    let text = "A former finance chief of the Tamsin Water Board told the court that she had \
                warned the board.";
    let s = speaker_in(text, "warned the board").expect("a speaker");
    assert_eq!(s.role.as_deref(), Some("former finance chief"));
}

#[test]
fn a_description_in_the_lede_is_the_person_the_next_paragraph_names() {
    let text = "Inquiry hears of missing funds\n\nA former finance chief of the Ostry Water \
                Board told the inquiry on Monday that she had warned the board two years \
                earlier.\n\nMirela Stancu-Voss, who ran the board's accounts until 2021, said \
                nobody had answered her letters.";
    let s = speaker_in(text, "warned the board").expect("a speaker");
    assert_eq!(s.name.as_deref(), Some("Mirela Stancu-Voss"));
    // A source kept unnamed stays so.
    let text = "Ferry talks stall\n\nA senior official said on Monday that the talks had \
                stalled.\n\nMirela Stancu-Voss, the union's negotiator, said the offer was \
                too low.";
    let s = speaker_in(text, "talks had stalled").expect("a speaker");
    assert_eq!(s.name, None);
}

#[test]
fn a_name_of_no_known_kind_with_a_bodys_role_is_a_body() {
    let text = "On Monday, Brannock, the Welsh mining company, said the pit would close. Harlan \
                Voskuijlen, a consultant whose firm was hired by the campaign, said the ads \
                would run.";
    let s = speaker_in(text, "pit would close").expect("a speaker");
    assert_eq!(s.name.as_deref(), Some("Brannock"));
    assert_eq!(s.kind, Some(SpeakerKind::Organization));
    let s = speaker_in(text, "ads would run").expect("a speaker");
    assert_ne!(s.kind, Some(SpeakerKind::Organization));
}
