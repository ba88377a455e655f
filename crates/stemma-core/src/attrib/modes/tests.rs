//! Tests of [`super`]: the mode a reader gives each attribution, and whether it reports words.

use super::*;

/// (cue, mode) of each attribution found in `text`.
fn modes(text: &str) -> Vec<(String, Mode)> {
    find(text)
        .into_iter()
        .map(|f| (text_of(text, f.cue).to_string(), f.mode))
        .collect()
}

fn only(text: &str, mode: Mode) {
    let got = modes(text);
    assert!(!got.is_empty(), "{text}: nothing found");
    assert!(got.iter().all(|(_, m)| *m == mode), "{text}: {got:?}");
}

fn no_speech(text: &str) {
    let got = modes(text);
    assert!(
        got.iter().all(|(_, m)| *m != Mode::Speech),
        "{text}: {got:?}"
    );
}

#[test]
fn words_said_or_written_are_speech() {
    only(
        "“The dam is safe,” said engineer Lotte Brandvik.",
        Mode::Speech,
    );
    only(
        "Mayor Ilse Varga told reporters that the bridge would open in May.",
        Mode::Speech,
    );
    only(
        "Councillor Bram Oduya tweeted that the vote had been rigged.",
        Mode::Speech,
    );
    only(
        "The minister has mocked the plan as a fantasy, Edda Moor wrote.",
        Mode::Speech,
    );
}

#[test]
fn beliefs_wishes_and_knowledge_are_thought() {
    only(
        "Harald Quist believes that the levy will fail in the spring.",
        Mode::Thought,
    );
    only(
        "Residents of Low Ferry fear that the river will flood again.",
        Mode::Thought,
    );
    no_speech("Many councillors want the harbour levy dropped before the vote.");
    no_speech("The columnist knows the mayor will lose the harbour ward.");
    no_speech("Harald Quist thinks the levy is doomed.");
}

#[test]
fn polls_reports_and_data_are_evidence() {
    only(
        "A poll released Monday shows that most voters oppose the levy.",
        Mode::Evidence,
    );
    only(
        "Documents show that the mayor approved the contract in March.",
        Mode::Evidence,
    );
    only(
        "According to a report by the port authority, traffic fell by a third.",
        Mode::Evidence,
    );
    only(
        "According to figures it released Tuesday, the ferry cancelled 41 sailings.",
        Mode::Evidence,
    );
    only(
        "According to Mayor Ilse Varga, traffic fell by a third.",
        Mode::Speech,
    );
    only(
        "A meta-analysis published in the Harbour Journal concludes that ferries are safe.",
        Mode::Evidence,
    );
    // A share of those asked answers a survey.
    for t in [
        "Of the teens, 17% reported symptoms of depression.",
        "A majority of voters said the levy was unfair.",
        "Only 20 percent of riders said the ferry was on time.",
    ] {
        only(t, Mode::Evidence);
    }
    only(
        "Mayor Ilse Varga said 17% of the budget went to the ferry.",
        Mode::Speech,
    );
    only(
        "The report said that the harbour had lost money for years.",
        Mode::Evidence,
    );
    // A court's or an office's documents and pages, a name's "of" before the noun.
    only(
        "The Office of Harbour Safety complaint says that the movers overcharged.",
        Mode::Evidence,
    );
    only(
        "The agency's website says that it investigates low-ball estimates.",
        Mode::Evidence,
    );
    only(
        "The author of the report said that the harbour had lost money.",
        Mode::Speech,
    );
    only(
        "According to the Arland Bureau of Harbour Statistics, traffic fell by a third.",
        Mode::Speech,
    );
}

#[test]
fn a_state_is_no_attribution() {
    let got = modes("Readers report feeling less stressed when the ward is quiet.");
    assert!(got.iter().all(|(c, _)| !c.contains("stressed")), "{got:?}");
    // The words said beside the state still are.
    let got = modes("The nurses felt stressed after the night shift, the union said.");
    assert!(got.iter().any(|(c, _)| c == "said"), "{got:?}");
}

#[test]
fn a_score_added_is_no_attribution() {
    for t in [
        "Tavi Brannock added his seventh for the Harriers, and Ola Varga stopped 27 shots.",
        "Jalen Marcus added 14 points and nine rebounds.",
    ] {
        let got = modes(t);
        assert!(got.iter().all(|(c, _)| c != "added"), "{t}: {got:?}");
    }
    // Words added are still words.
    for t in [
        "The coach added that the team would regroup.",
        "Mayor Ilse Varga added a second reason: the cost of the quay.",
    ] {
        let got = modes(t);
        assert!(got.iter().any(|(c, _)| c.contains("added")), "{t}: {got:?}");
    }
}

#[test]
fn events_are_no_attribution() {
    no_speech("The former vice-president pleaded guilty to fraud on Tuesday.");
    no_speech("The mayor's legal troubles have party members worried about his chances in May.");
    no_speech("Jon Albers was charged with fraud by the harbour police.");
    // A plea to somebody is words said.
    only(
        "Edda Moor pleaded with the council to keep the ferry running.",
        Mode::Speech,
    );
}

#[test]
fn records_carry_speech_unless_asked() {
    let text = "“The dam is safe,” said engineer Lotte Brandvik. Harald Quist believes \
                that the levy will fail. A poll released Monday shows that most voters \
                oppose the levy.";
    let all = quotes(text, &[]);
    let got: Vec<Mode> = all.iter().map(|q| q.mode).collect();
    assert_eq!(
        got,
        [Mode::Speech, Mode::Thought, Mode::Evidence],
        "{all:?}"
    );
}

#[test]
fn a_cue_the_lexicon_lacks_is_speech_only_with_a_word_of_saying() {
    let cue_words = |text: &str, cue: &str| {
        let d = Doc::new(text);
        let a = Byte::new(text.find(cue).expect("cue in text"));
        let c0 = d.toks.partition_point(|t| t.start < a);
        let c1 = d.toks.partition_point(|t| t.start < a.plus(cue.len())) - 1;
        communicates(&d, c0, c1)
    };
    let t = "Mayor Ilse Varga spoke out Tuesday about the levy.";
    assert!(cue_words(t, "spoke out Tuesday about"));
    let t = "Mayor Ilse Varga had kinder words for the council.";
    assert!(cue_words(t, "had kinder words for"));
    let t = "Mayor Ilse Varga: the levy stays.";
    assert!(cue_words(t, ":"));
    let t = "Mayor Ilse Varga has championed the levy since 2019.";
    assert!(!cue_words(t, "has championed"));
    let t = "Mayor Ilse Varga openly admires the harbour board.";
    assert!(!cue_words(t, "openly admires"));
    let t = "Mayor Ilse Varga signed the levy into law.";
    assert!(!cue_words(t, "signed"));
}

/// (cue, whether it reports words) of each attribution found in `text`.
fn words(text: &str) -> Vec<(String, bool)> {
    find(text)
        .into_iter()
        .map(|f| (text_of(text, f.cue).to_string(), f.words))
        .collect()
}

/// `cue` is found in `t`, reporting no words, and never reporting words.
fn cue_reports_no_words(t: &str, cue: &str) {
    let got = words(t);
    assert!(
        got.iter().any(|(c, w)| c.contains(cue) && !w)
            && !got.iter().any(|(c, w)| c.contains(cue) && *w),
        "{t}: {got:?}"
    );
}

fn reports_some_words(t: &str) {
    let got = words(t);
    assert!(got.iter().any(|(_, w)| *w), "{t}: {got:?}");
}

#[test]
fn the_reader_a_how_to_addresses_reports_no_words() {
    for (t, cue) in [
        (
            "Once the build passes, you just ask the agent to write the tests.",
            "ask",
        ),
        (
            "That explains why the buttons change colour on hover.",
            "explains",
        ),
    ] {
        cue_reports_no_words(t, cue);
    }
    // Inside quotation marks "you" is someone's listener, and a name still speaks.
    reports_some_words("“You said the quay would reopen,” Okoro told the mayor.");
    let got = modes("It goes without saying that the quay must reopen.");
    assert!(got.iter().all(|(c, _)| !c.contains("saying")), "{got:?}");
}

#[test]
fn judging_a_thing_reports_no_words() {
    for (t, cue) in [
        (
            "Harbour master Dunstan Okoro rejected that view.",
            "rejected",
        ),
        (
            "The levy would hurt the port, a trader said. Okoro rejected that.",
            "rejected",
        ),
        ("The mayor defended the numbers on Tuesday.", "defended"),
        (
            "Residents have long complained about the ferry's timetable.",
            "complained",
        ),
        ("Okoro praised their response after the storm.", "praised"),
        ("The ministry has rejected such a guarantee.", "rejected"),
        (
            "Later he referred to Rita Okafor's earlier testimony on the quay.",
            "referred to",
        ),
    ] {
        cue_reports_no_words(t, cue);
    }
    // A clause is words, and so is a judgement in the speaker's quoted words.
    for t in [
        "Okoro rejected claims that the quay was unsafe.",
        "Residents complained that the ferry was late again.",
        "Okoro praised the “calm and quick” response of the crews.",
        "Okoro described the ruling as 'heavy-handed'.",
    ] {
        reports_some_words(t);
    }
}

#[test]
fn a_topic_or_a_word_standing_for_words_is_no_quote() {
    for (t, cue) in [
        (
            "Harbour master Dunstan Okoro spoke about the levy.",
            "spoke about",
        ),
        (
            "Okoro was asked about his role in the closure.",
            "asked about",
        ),
        ("Okoro declined to name them.", "declined"),
        ("The levy will go, and Okoro said so.", "said"),
        (
            "Councillor Ama Owusu echoed the residents' concerns.",
            "echoed",
        ),
    ] {
        cue_reports_no_words(t, cue);
    }
    // Words about something are still words.
    for t in [
        "Okoro spoke about the levy, saying it would empty the island.",
        "Okoro said the levy was about money.",
    ] {
        reports_some_words(t);
    }
    // Measurements are evidence, not anyone's words; the people who took them speak.
    only(
        "According to the station's measurements, the glacier lost four metres.",
        Mode::Evidence,
    );
    only(
        "According to the engineers who took the measurements, the glacier is thinning.",
        Mode::Speech,
    );
}

#[test]
fn silence_an_unnamed_passive_and_a_setting_report_no_words() {
    for (t, cue) in [
        (
            "The harbour board didn't immediately respond to a request for comment.",
            "respond",
        ),
        ("Okoro has not commented on the closure.", "commented"),
        ("Prices and dates were not announced.", "announced"),
        ("The suppliers are said to be Sunrex and Chicony.", "said"),
        ("Dr. Pavel Ostrander said in a statement.", "said"),
        ("Okoro tweeted before the vote on Tuesday.", "tweeted"),
        (
            "Okoro said while visiting the new ferry terminal in Marrow Bay.",
            "said",
        ),
    ] {
        let got = words(t);
        assert!(
            !got.iter().any(|(c, w)| c.contains(cue) && *w),
            "{t}: {got:?}"
        );
    }
    // A setting that goes on to a clause, or to quoted words, is words.
    for t in [
        "Okoro said after the vote he would not accept the levy.",
        "Okoro said in a statement that the quay would reopen.",
        "Okoro said on Tuesday, the quay would reopen.",
        "The board did not say “never”, Okoro said.",
    ] {
        reports_some_words(t);
    }
}

#[test]
fn refusals_and_the_reporters_question_report_no_words() {
    let t = "Harbour master Dunstan Okoro declined to comment on the closure.";
    assert!(words(t).iter().all(|(_, w)| !w), "{:?}", words(t));
    let t = "The council refused to say whether the quay would reopen.";
    assert!(words(t).iter().all(|(_, w)| !w), "{:?}", words(t));
    // What they did not answer.
    for t in [
        "Okoro has not said whether he will run again.",
        "The harbour board would not say why the quay closed.",
        "The engineers would not say how long the repairs would take.",
    ] {
        let got = words(t);
        assert!(
            got.iter().any(|(c, w)| !w && c.contains("not")),
            "{t}: {got:?}"
        );
    }
    // Not answering is not the same as saying no.
    let t = "Okoro did not say the quay was unsafe, but he said it was old.";
    assert!(words(t).iter().any(|(_, w)| *w), "{:?}", words(t));
    // The question has no speaker; the answer is the quote.
    let t = "Dr. Ayesha Banerjee-Rowe said the decision was hard.\n\nAsked whether the \
             closures would end in September, Banerjee-Rowe said she could not promise that.";
    let got = words(t);
    assert!(got.contains(&("Asked".to_string(), false)), "{got:?}");
    assert!(got.contains(&("said".to_string(), true)), "{got:?}");
    // An opening participle sets the scene of the words the sentence reports.
    let t = "Amina Rahat of Kol village called the project a help.\n\nShe added that her \
             beans are sold from her house, reducing trips to the market.\n\nRecalling \
             her past hardships, she said she struggled to raise her family income and \
             later started growing beans at her homestead alongside rearing goats.";
    let got = words(t);
    assert!(got.contains(&("Recalling".to_string(), false)), "{got:?}");
    assert!(got.contains(&("said".to_string(), true)), "{got:?}");
    // A speaker's name after the cue is no words ("…,” said X" with the quotation's
    // opening mark lost).
    let t = "Prices will fall. Kestrel will win the contract,\" said Ilse Varga, Chief \
             Officer, Kestrel Cloud.";
    let got = words(t);
    assert!(got.contains(&("said".to_string(), false)), "{got:?}");
    // A heading in title case after a colon is a title.
    let t = "Detonating Code: Robot Agents’ Quest to Rebuild Minesweeper and the Boom in \
             Software Making\n\nIn the ever-changing realm of machine learning, a recent \
             test by the Kestrel Gazette has caught the eye of builders and hobbyists alike.";
    let got = words(t);
    assert!(!got.is_empty() && got.iter().all(|(_, w)| !w), "{got:?}");
    // What the reader or anyone may say is nobody's words.
    for t in [
        "You might call this a measure of a person's patience.",
        "One could argue that the levy was a failure.",
    ] {
        let got = words(t);
        assert!(
            !got.is_empty() && got.iter().all(|(_, w)| !w),
            "{t}: {got:?}"
        );
    }
    // Whom an interviewer addresses has said it.
    let got = words("Q: You say that the levy failed. Why?");
    assert!(got.iter().any(|(_, w)| *w), "{got:?}");
    // So is the question after a word of time.
    let t = "Wheaton said the movers came late.\n\nAnd when asked how much Petra Lund \
             was overcharged, “Oh, we paid 9,000,” she said.";
    let got = words(t);
    assert!(got.contains(&("asked".to_string(), false)), "{got:?}");
    assert!(got.contains(&("said".to_string(), true)), "{got:?}");
    // Words said are words, a question a speaker asks too.
    for t in [
        "Okoro said the quay would reopen in May.",
        "“Will the quay reopen?” asked Ruth Abernathy.",
    ] {
        let got = words(t);
        assert!(
            !got.is_empty() && got.iter().all(|(_, w)| *w),
            "{t}: {got:?}"
        );
    }
}

#[test]
fn a_thing_that_boasts_a_feature_says_nothing() {
    // "boasts" of possession is no attribution; boasting of something, or that something
    // is so, still is.
    for t in [
        "The Kestrel X2 camera boasts a 24-megapixel sensor and a tilting screen.",
        "Port Vellin boasts three beaches.",
    ] {
        assert!(modes(t).is_empty(), "{t}: {:?}", modes(t));
    }
    for t in [
        "Mayor Dunstan Okoro boasted Monday night that the quay had never been busier.",
        "Okoro boasted of the new quay.",
    ] {
        assert!(
            modes(t)
                .iter()
                .any(|(c, m)| c.contains("boasted") && *m == Mode::Speech),
            "{t}: {:?}",
            modes(t)
        );
    }
}

#[test]
fn an_adverb_in_ally_is_no_word_of_saying() {
    // The tagger takes "designed specifically for" as a cue; "specifically" opens with the
    // stem of "specify" but is no word of saying.
    let t = "Some trail shoes designed specifically for muddy conditions have deep lugs.";
    no_speech(t);
}

/// (cue, mode) of each quote a record keeps or drops, after speakers are resolved.
fn record_modes(text: &str) -> Vec<(String, Mode)> {
    let ix = CharIndex::new(text);
    super::super::entities_and_quotes(None, text, &ix)
        .1
        .into_iter()
        .map(|(f, q)| (text_of(text, f.cue).to_string(), q.mode))
        .collect()
}

/// Every quote the record makes of `t` (one at least) has `mode`.
fn record_only(t: &str, mode: Mode) {
    let got = record_modes(t);
    assert!(
        !got.is_empty() && got.iter().all(|(_, m)| *m == mode),
        "{t}: {got:?}"
    );
}

#[test]
fn what_a_thing_shows_is_evidence_whoever_finds_it_speaks() {
    for t in [
        "The data presented at the meeting suggest that the ferry loses money.",
        "Ticket sales fell by half. This indicates that riders have moved to the bus.",
        "A quick look at the timetable reveals that the last ferry leaves at six.",
        "The scan of the hull revealed severe damage near the keel.",
    ] {
        record_only(t, Mode::Evidence);
    }
    // A person, a name, or the writer who suggests something is speaking.
    for t in [
        "Harbour master Lotte Brandvik suggests that the ferry runs hourly.",
        "We suggest that riders buy the Harbour Pass.",
        "Vellin Ferries indicated that fares would rise.",
    ] {
        record_only(t, Mode::Speech);
    }
}

#[test]
fn the_writer_pointing_within_the_text_or_asking_for_comment_reports_no_words() {
    for (t, cue) in [
        (
            "As we mentioned above, the fare is not the main point of this guide.",
            "mentioned",
        ),
        ("As noted earlier, the ferry runs hourly.", "noted"),
        ("We asked the ministry for comment on the report.", "asked"),
    ] {
        cue_reports_no_words(t, cue);
    }
    // Someone else's words after "as" are words.
    reports_some_words("As Mayor Ilse Varga said on Monday, the ferry runs hourly.");
}

#[test]
fn a_capitalised_states_in_a_name_is_no_cue() {
    let t = "Kestrel Summit\n\nSan Jose, United States\n\nKestrel Summit is the premier \
             ferry conference, where engineers meet.";
    assert!(
        modes(t).iter().all(|(c, _)| c != "States"),
        "{:?}",
        modes(t)
    );
}

#[test]
fn a_call_made_or_a_thing_named_reports_no_words() {
    cue_reports_no_words(
        "The webcam is perfect for Kestrel calls, and the battery lasts all day.",
        "calls",
    );
    // A thing named is known after its speaker is resolved.
    let t = "A satirical article titled \"How it feels to run a ferry\" went viral.";
    let ix = CharIndex::new(t);
    let got: Vec<(String, bool)> = super::super::entities_and_quotes(None, t, &ix)
        .1
        .into_iter()
        .map(|(f, _)| (text_of(t, f.cue).to_string(), f.words))
        .collect();
    assert_eq!(got, [("titled".to_string(), false)]);
    // A verb of calling with its object reports words.
    reports_some_words("Critics called the plan \"a disaster,\" said Mayor Ilse Varga.");
}

#[test]
fn an_instruction_or_a_supposition_reports_no_words() {
    cue_reports_no_words("Please note that the ferry leaves at six.", "note");
    cue_reports_no_words("Let's say the ferry is late.", "say");
    reports_some_words("Mayor Ilse Varga said the ferry leaves at six.");
}

/// The cues of the attributions found in `text`.
fn cues_of(text: &str) -> Vec<String> {
    find(text)
        .into_iter()
        .map(|f| text_of(text, f.cue).to_string())
        .collect()
}

#[test]
fn labels_plans_and_idioms_attribute_nothing() {
    for t in [
        "Tip: Ask the harbour office about the ferry timetable before you book a cabin.",
        "FYI: The Dunmore ferry only runs on weekdays in winter, and the cafe closes at noon.",
        "Myth 2: “You need a permit to fish in the Low Ferry canal.”",
        "If the crossing did not go according to plan, call the harbour office in Dunmore.",
        "Adjust the weights according to your strengths and weaknesses before each session.",
        "Rest assured that your data will not be shared with the Dunmore harbour board.",
        "The bakery's name says it all: everything is baked in the old mill at Low Ferry.",
        "FILE PHOTO: Mayor Ilse Varga waves to the crowd at the harbour of Dunmore on Monday.",
    ] {
        assert_eq!(cues_of(t), Vec::<String>::new(), "{t}");
    }
    // A name before the colon, and "according to" a person, still are.
    assert_eq!(
        cues_of("Mayor Ilse Varga: “The ferry stays.”"),
        [":"],
        "a speaker's colon"
    );
    assert_eq!(
        cues_of("The ferry will stop in May, according to harbour master Dunstan Okoro."),
        ["according to"]
    );
}

#[test]
fn things_named_and_pictures_posted_report_no_words() {
    cue_reports_no_words(
        "When the condition is caused by feathers in a pillow, it is called “pillow lung.”",
        "called",
    );
    cue_reports_no_words(
        "In early drafts of the game, the farmer Penny was named “Dana”.",
        "named",
    );
    cue_reports_no_words(
        "One trader, who asked not to be named, said: “The levy will ruin us by spring.”",
        "asked",
    );
    cue_reports_no_words(
        "Like I said above, the ferry costs too much for the families of Dunmore.",
        "said",
    );
    cue_reports_no_words(
        "My neighbour posted a picture of herself wearing two masks, one on top of the other.",
        "posted",
    );
    cue_reports_no_words(
        "When the singer posted photos of herself getting ready for the gala, she received \
         comments such as “Eat something please”.",
        "posted",
    );
    // A name given by someone named is their words.
    reports_some_words("Okoro has been called “a dreamer” by the harbour board.");
}

#[test]
fn names_in_passing_proverbs_and_instructions_report_no_words() {
    for (t, cue) in [
        (
            "Coffee houses, known as “penny universities” in Dunmore, became hubs of talk and trade.",
            "known as",
        ),
        (
            "The ferry company offers cover for lost luggage (called “valuation”), and it costs little.",
            "called",
        ),
        (
            "When it comes to clothing, remember the old saying, “cotton kills.” Pack wool instead.",
            "saying",
        ),
        (
            "Be sure to accompany the adjuster during the inspection, pointing out all areas of concern.",
            "pointing out",
        ),
        (
            "Read on for a brief history of the Dunmore font, told through the problems that shaped it.",
            "told",
        ),
        (
            "Or, ask if they can combine the engineer visit with the site visit to save time.",
            "ask",
        ),
        (
            "Harbour master Dunstan Okoro, also known as “the Captain”, said the quay would reopen in May.",
            "known as",
        ),
    ] {
        cue_reports_no_words(t, cue);
    }
    // Words said after a comma, a call for something, and the participle "saying" stay.
    for t in [
        "Sen. Ilse Varga, D-Dunmore, called the closure “a betrayal of the harbour towns.”",
        "She also called for a new ferry to Low Ferry by the spring.",
        "Frustrated residents blamed the ferry company, saying it failed to share timetables in time.",
    ] {
        reports_some_words(t);
    }
    let t = "Harbour master Dunstan Okoro, also known as “the Captain”, said the quay would reopen in May.";
    assert!(words(t).contains(&("said".to_string(), true)), "{t}");
}

#[test]
fn asides_counts_and_names_that_stuck_report_no_words() {
    for (t, cue) in [
        (
            "January has been my hardest month at the ferry office, and let’s just say, I’m \
             scoring extra credit in barely surviving.",
            "say",
        ),
        (
            "We mentioned earlier how every harbour permit in Dunmore costs a fee.",
            "mentioned",
        ),
        (
            "The coffee houses became such popular places that they became known as “Schools \
             of the Wise.”",
            "known as",
        ),
        (
            "“How To Paint a Ferry” - 3,806 views, 188 reactions, 91 comments",
            "comments",
        ),
        (
            "All crossings leave at noon unless otherwise noted.",
            "noted",
        ),
    ] {
        cue_reports_no_words(t, cue);
    }
    // A reviewer's words after "noted," are words.
    reports_some_words("One tester noted, “The ferry rolled less than I feared.”");
}
