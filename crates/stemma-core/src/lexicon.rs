//! Words that dates and bylines are written with, per language, as data: month names and
//! their abbreviations, the labels before a publication or an update date, and the words that
//! introduce a byline. Everything is lower-case; look-ups lower-case the word first.
//!
//! Languages: English, German, French, Spanish, Catalan, Italian, Portuguese, Dutch, Russian,
//! Polish, Turkish and Arabic (Gregorian month names in their Egyptian / Gulf and Levantine
//! forms).

use std::collections::HashMap;
use std::sync::OnceLock;

/// (language, month names in order January..December, each slot a `|`-separated list of the
/// forms a page writes: full, genitive, abbreviations, spellings without diacritics).
const MONTHS: &[(&str, [&str; 12])] = &[
    (
        "en",
        [
            "january|jan",
            "february|feb",
            "march|mar",
            "april|apr",
            "may",
            "june|jun",
            "july|jul",
            "august|aug",
            "september|sep|sept",
            "october|oct",
            "november|nov",
            "december|dec",
        ],
    ),
    (
        "de",
        [
            "januar|jänner|jaenner|jan",
            "februar|feber|feb",
            "märz|maerz|mrz|mär",
            "april|apr",
            "mai",
            "juni|jun",
            "juli|jul",
            "august|aug",
            "september|sep|sept",
            "oktober|okt",
            "november|nov",
            "dezember|dez",
        ],
    ),
    (
        "fr",
        [
            "janvier|janv",
            "février|fevrier|févr|fevr|fév",
            "mars",
            "avril|avr",
            "mai",
            "juin",
            "juillet|juil",
            "août|aout",
            "septembre|sept",
            "octobre|oct",
            "novembre|nov",
            "décembre|decembre|déc",
        ],
    ),
    (
        "es",
        [
            "enero|ene",
            "febrero|feb",
            "marzo|mar",
            "abril|abr",
            "mayo|may",
            "junio|jun",
            "julio|jul",
            "agosto|ago",
            "septiembre|setiembre|sep|sept|set",
            "octubre|oct",
            "noviembre|nov",
            "diciembre|dic",
        ],
    ),
    (
        "ca",
        [
            "gener|gen",
            "febrer|febr",
            "març|marc",
            "abril|abr",
            "maig",
            "juny",
            "juliol|jul",
            "agost|ag",
            "setembre|set",
            "octubre|oct",
            "novembre|nov",
            "desembre|des",
        ],
    ),
    (
        "it",
        [
            "gennaio|gen",
            "febbraio|feb",
            "marzo|mar",
            "aprile|apr",
            "maggio|mag",
            "giugno|giu",
            "luglio|lug",
            "agosto|ago",
            "settembre|set",
            "ottobre|ott",
            "novembre|nov",
            "dicembre|dic",
        ],
    ),
    (
        "pt",
        [
            "janeiro|jan",
            "fevereiro|fev",
            "março|marco|mar",
            "abril|abr",
            "maio|mai",
            "junho|jun",
            "julho|jul",
            "agosto|ago",
            "setembro|set",
            "outubro|out",
            "novembro|nov",
            "dezembro|dez",
        ],
    ),
    (
        "nl",
        [
            "januari|jan",
            "februari|feb",
            "maart|mrt",
            "april|apr",
            "mei",
            "juni|jun",
            "juli|jul",
            "augustus|aug",
            "september|sep|sept",
            "oktober|okt",
            "november|nov",
            "december|dec",
        ],
    ),
    (
        "ru",
        [
            "января|январь|янв",
            "февраля|февраль|фев|февр",
            "марта|март|мар",
            "апреля|апрель|апр",
            "мая|май",
            "июня|июнь|июн",
            "июля|июль|июл",
            "августа|август|авг",
            "сентября|сентябрь|сен|сент",
            "октября|октябрь|окт",
            "ноября|ноябрь|ноя",
            "декабря|декабрь|дек",
        ],
    ),
    (
        "pl",
        [
            "stycznia|styczeń|styczen|sty",
            "lutego|luty|lut",
            "marca|marzec",
            "kwietnia|kwiecień|kwiecien|kwi",
            "maja|maj",
            "czerwca|czerwiec|cze",
            "lipca|lipiec|lip",
            "sierpnia|sierpień|sierpien|sie",
            "września|wrzesnia|wrzesień|wrzesien|wrz",
            "października|pazdziernika|październik|pazdziernik|paź|paz",
            "listopada|listopad|lis",
            "grudnia|grudzień|grudzien|gru",
        ],
    ),
    (
        "tr",
        [
            "ocak|oca",
            "şubat|subat|şub|sub",
            "mart",
            "nisan|nis",
            "mayıs|mayis",
            "haziran|haz",
            "temmuz|tem",
            "ağustos|agustos|ağu|agu",
            "eylül|eylul|eyl",
            "ekim|eki",
            "kasım|kasim|kas",
            "aralık|aralik|ara",
        ],
    ),
    (
        "ar",
        [
            "يناير|كانون الثاني",
            "فبراير|شباط",
            "مارس|آذار|اذار",
            "أبريل|ابريل|إبريل|نيسان",
            "مايو|أيار|ايار",
            "يونيو|يونيه|حزيران",
            "يوليو|يوليه|تموز",
            "أغسطس|اغسطس|آب",
            "سبتمبر|أيلول|ايلول",
            "أكتوبر|اكتوبر|تشرين الأول",
            "نوفمبر|تشرين الثاني",
            "ديسمبر|كانون الأول",
        ],
    ),
];

/// Words just before a date that make it the publication date.
pub const PUBLISHED_LABELS: &[&str] = &[
    // en
    "published",
    "posted",
    "written",
    "created",
    "released",
    "date",
    "publish",
    "originally",
    // de
    "veröffentlicht",
    "publiziert",
    "erschienen",
    "erstellt",
    "datum",
    // fr
    "publié",
    "publiée",
    "publie",
    // es / pt / it / ca
    "publicado",
    "publicada",
    "publicat",
    "pubblicato",
    "pubblicata",
    "fecha",
    "data",
    // nl
    "gepubliceerd",
    "geplaatst",
    // ru / pl / tr / ar
    "опубликовано",
    "дата",
    "opublikowano",
    "yayınlanma",
    "yayınlandı",
    "tarih",
    "نشر",
    "بتاريخ",
];

/// Words just before a date that make it the update date.
pub const UPDATED_LABELS: &[&str] = &[
    // en
    "updated",
    "update",
    "modified",
    "reviewed",
    "revised",
    "refreshed",
    "edited",
    // de
    "aktualisiert",
    "aktualisierung",
    "geändert",
    "bearbeitet",
    // fr ("mis à jour", "mise à jour": the last word is "jour")
    "jour",
    "modifié",
    "modifiée",
    // es / pt / it / ca
    "actualizado",
    "actualizada",
    "actualització",
    "atualizado",
    "atualizada",
    "aggiornato",
    "aggiornata",
    "modificado",
    // nl
    "bijgewerkt",
    "gewijzigd",
    // ru / pl / tr / ar
    "обновлено",
    "изменено",
    "zaktualizowano",
    "aktualizacja",
    "güncellendi",
    "güncelleme",
    "تحديث",
];

/// Words that introduce a byline ("By Jane Doe", "Von Jane Doe", "Par Jane Doe").
pub const BYLINE_WORDS: &[&str] = &[
    "by",
    "von",
    "par",
    "por",
    "di",
    "da",
    "door",
    "af",
    "av",
    "autor",
    "autora",
    "auteur",
    "autore",
    "автор",
    "yazan",
    "yazar",
    "بقلم",
    "كتب",
];

/// Words that join two names in a byline ("Jane Doe and John Roe", "Anna Berg und Max
/// Kurz", "Jean Dupont et Marie Curie").
pub const NAME_JOINERS: &[&str] = &["and", "und", "et", "y", "e", "en", "и", "ve", "&"];

/// The names of a byline part joined by [`NAME_JOINERS`] ("A and B" → [A, B]).
pub fn split_joined(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut words = s.match_indices(' ').map(|(i, _)| i).peekable();
    while let Some(i) = words.next() {
        let Some(&j) = words.peek() else { break };
        if NAME_JOINERS.contains(&&s[i + 1..j]) {
            out.push(&s[start..i]);
            start = j + 1;
            words.next();
        }
    }
    out.push(&s[start..]);
    out
}

fn month_table() -> &'static HashMap<String, u32> {
    static T: OnceLock<HashMap<String, u32>> = OnceLock::new();
    T.get_or_init(|| {
        let mut t = HashMap::new();
        for (_, names) in MONTHS {
            for (i, forms) in names.iter().enumerate() {
                for f in forms.split('|') {
                    t.entry(f.to_string()).or_insert(i as u32 + 1);
                }
            }
        }
        t
    })
}

/// The month (1–12) a word names in any of the languages, ignoring case and a final dot.
pub fn month_number(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.');
    if w.is_empty() || w.len() > 40 {
        return None;
    }
    let t = month_table();
    if let Some(&m) = t.get(w) {
        return Some(m);
    }
    // "MAYIS" lower-cases to "mayis" (dotless ı is Turkish only); the table has both.
    t.get(&w.to_lowercase()).copied()
}

/// What a label word before a date says: Some(true) updated, Some(false) published.
pub fn date_label(word: &str) -> Option<bool> {
    if UPDATED_LABELS.contains(&word) {
        Some(true)
    } else if PUBLISHED_LABELS.contains(&word) {
        Some(false)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_in_every_language() {
        for (w, m) in [
            ("March", 3),
            ("Sept.", 9),
            ("März", 3),
            ("Mrz", 3),
            ("Jänner", 1),
            ("février", 2),
            ("AOÛT", 8),
            ("diciembre", 12),
            ("març", 3),
            ("maggio", 5),
            ("outubro", 10),
            ("maart", 3),
            ("мая", 5),
            ("Сентября", 9),
            ("października", 10),
            ("Ağustos", 8),
            ("MAYIS", 5),
            ("مارس", 3),
            ("تموز", 7),
        ] {
            assert_eq!(month_number(w), Some(m), "{w}");
        }
        for w in ["Monday", "the", "", "Marsch"] {
            assert_eq!(month_number(w), None, "{w}");
        }
    }

    #[test]
    fn joined_names() {
        assert_eq!(
            split_joined("Anna Berg und Max Kurz"),
            vec!["Anna Berg", "Max Kurz"]
        );
        assert_eq!(
            split_joined("Jean Dupont et Marie Curie & Ana Ruiz"),
            vec!["Jean Dupont", "Marie Curie", "Ana Ruiz"]
        );
        assert_eq!(split_joined("Ana Ruiz"), vec!["Ana Ruiz"]);
    }

    #[test]
    fn labels() {
        assert_eq!(date_label("aktualisiert"), Some(true));
        assert_eq!(date_label("veröffentlicht"), Some(false));
        assert_eq!(date_label("kitten"), None);
    }
}
