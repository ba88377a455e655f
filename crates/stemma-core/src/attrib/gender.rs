//! The gender an article gives a person, where it signals one: a courtesy title or a gendered
//! word right before a mention ("Mrs.", "Councilwoman", "his wife, Milena"), a gendered role,
//! and the pronouns that follow its mentions ("… Amira Shahid stood up. She said …"). A
//! pronoun then never jumps to a person of the other gender.

use crate::model::{Entity, EntityKind};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
}

/// The gender a personal pronoun carries ("he" → male; "they" → none).
pub fn of_pronoun(w: &str) -> Option<Gender> {
    match w {
        "he" | "him" | "his" | "himself" => Some(Gender::Male),
        "she" | "her" | "hers" | "herself" => Some(Gender::Female),
        _ => None,
    }
}

/// Words that give the person they stand before (or with) a gender.
fn of_word(w: &str) -> Option<Gender> {
    const FEMALE: &[&str] = &[
        "mrs",
        "ms",
        "miss",
        "madam",
        "lady",
        "dame",
        "queen",
        "princess",
        "wife",
        "widow",
        "mother",
        "daughter",
        "sister",
        "grandmother",
        "granddaughter",
        "aunt",
        "niece",
        "girlfriend",
        "actress",
        "councilwoman",
        "congresswoman",
        "spokeswoman",
        "chairwoman",
        "businesswoman",
        "sportswoman",
        "policewoman",
        "stateswoman",
        "woman",
        "girl",
    ];
    const MALE: &[&str] = &[
        "mr",
        "sir",
        "lord",
        "king",
        "prince",
        "husband",
        "widower",
        "father",
        "son",
        "brother",
        "grandfather",
        "grandson",
        "uncle",
        "nephew",
        "boyfriend",
        "actor",
        "councilman",
        "congressman",
        "spokesman",
        "chairman",
        "businessman",
        "sportsman",
        "policeman",
        "statesman",
        "man",
        "boy",
    ];
    if FEMALE.contains(&w) {
        Some(Gender::Female)
    } else if MALE.contains(&w) {
        Some(Gender::Male)
    } else {
        None
    }
}

fn vote(g: Gender, weight: i32) -> i32 {
    match g {
        Gender::Male => weight,
        Gender::Female => -weight,
    }
}

/// How far (code points) after a mention a pronoun still votes for it.
const PRONOUN_REACH: usize = 300;

/// An entity's gender from its score (see [`scores`]).
pub fn of_score(s: i32) -> Option<Gender> {
    match s.signum() {
        1 => Some(Gender::Male),
        -1 => Some(Gender::Female),
        _ => None,
    }
}

/// Each entity's gender evidence: above 0 male, below 0 female, 0 none (organisations and
/// places: 0). A title or gendered word counts 3, a pronoun after a mention 1.
pub fn scores(text: &str, entities: &[Entity]) -> Vec<i32> {
    let mut score = vec![0i32; entities.len()];
    // Person mentions by end: (end, start, entity).
    let mut by_end: Vec<(usize, usize, usize)> = Vec::new();
    for (i, e) in entities.iter().enumerate() {
        for m in &e.mentions {
            by_end.push((m.end, m.start, i));
        }
        if e.kind != EntityKind::Person {
            continue;
        }
        for r in &e.roles {
            for w in r.split(|c: char| !c.is_alphabetic()) {
                if let Some(g) = of_word(&w.to_lowercase()) {
                    score[i] += vote(g, 3);
                }
            }
        }
    }
    if by_end.is_empty() {
        return score;
    }
    by_end.sort_unstable();
    // Mentions are code points: walk the text once in code points.
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let at = |cp: usize| chars.get(cp).map_or(text.len(), |&(b, _)| b);
    for &(end, start, i) in &by_end {
        if entities[i].kind != EntityKind::Person {
            continue;
        }
        // A title in the mention itself ("Councilwoman Marta Velez", "Mrs. Parr").
        for w in text[at(start)..at(end)].split(|c: char| !c.is_alphabetic()) {
            if let Some(g) = of_word(&w.to_lowercase()) {
                score[i] += vote(g, 3);
            }
        }
        // The word just before the mention, past spaces and one comma.
        let before = text[..at(start)].trim_end();
        let before = before.strip_suffix(',').unwrap_or(before).trim_end();
        let w = before
            .trim_end_matches('.')
            .rsplit(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("")
            .to_lowercase();
        if let Some(g) = of_word(&w) {
            score[i] += vote(g, 3);
        }
    }
    // Each gendered pronoun votes for the entity mentioned last before it in its sentence,
    // when that is a person ("Tenant Amira Shahid stood up and …, her …").
    let mut word_start: Option<usize> = None;
    for k in 0..=chars.len() {
        if chars.get(k).is_some_and(|&(_, c)| c.is_alphabetic()) {
            word_start.get_or_insert(k);
            continue;
        }
        let Some(s) = word_start.take() else { continue };
        if k - s > 7 {
            continue;
        }
        let w: String = chars[s..k]
            .iter()
            .map(|&(_, c)| c.to_ascii_lowercase())
            .collect();
        let Some(g) = of_pronoun(&w) else { continue };
        let n = by_end.partition_point(|&(end, ..)| end <= s);
        if let Some(&(end, _, i)) = by_end[..n].last() {
            // In the mention's own sentence: a pronoun opening the next one is what the
            // reader resolves, not evidence.
            // (Near first: the look between costs at most the reach.)
            if s - end <= PRONOUN_REACH
                && entities[i].kind == EntityKind::Person
                && !text[at(end)..at(s)].contains(['.', '!', '?', '\n'])
            {
                score[i] += vote(g, 1);
            }
        }
    }
    score
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (content, speaker name) of each speech quote of `text`.
    fn said(text: &str) -> Vec<(String, Option<String>)> {
        let entities = crate::entities::find_entities(None, text);
        crate::attrib::quotes(text, &entities)
            .into_iter()
            .map(|q| (q.text, q.speaker.and_then(|s| s.name)))
            .collect()
    }

    fn speaker_of(text: &str, content: &str) -> Option<String> {
        said(text)
            .into_iter()
            .find(|(c, _)| c.contains(content))
            .unwrap_or_else(|| panic!("no quote with {content:?} in {:?}", said(text)))
            .1
    }

    #[test]
    fn she_does_not_jump_to_a_man_named_in_the_sentence_before() {
        // The man spoke last; "she" is the councilwoman.
        let text = "Councilwoman Marta Velez said the levy would pass. Her colleague \
                    Tobias Grell said he opposed it. She said the vote would be close.";
        assert_eq!(
            speaker_of(text, "the vote would be close").as_deref(),
            Some("Councilwoman Marta Velez")
        );
    }

    #[test]
    fn a_pronoun_takes_the_person_of_its_gender_named_after_the_last_speaker() {
        let text = "Anton Brell said in May that he was not bitter. Ivo Branko said he would \
                    not miss the boat. Brell laughed when told of the remark; he has heard it \
                    for years from his neighbour. \u{201c}He has said that since 1990,\u{201d} \
                    he said.";
        assert_eq!(
            speaker_of(text, "He has said that").as_deref(),
            Some("Anton Brell")
        );
    }

    #[test]
    fn scores_count_titles_and_pronouns() {
        let text = "Mrs. Odile Parr spoke. Then Kofi Mensah spoke; he was brief.";
        let entities = crate::entities::find_entities(None, text);
        let s = scores(text, &entities);
        let of = |name: &str| {
            let i = entities.iter().position(|e| e.name.contains(name)).unwrap();
            of_score(s[i])
        };
        assert_eq!(of("Parr"), Some(Gender::Female));
        assert_eq!(of("Mensah"), Some(Gender::Male));
        assert_eq!(of_pronoun("they"), None);
    }
}
