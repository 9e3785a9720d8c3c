//! Abbreviations and sentence starters: the word lists the sentence splitter and the
//! tokenizer decide a period by. Keys are lowercase, without the final period; each list is
//! kept sorted in the source (a unit test checks) so that it reads as a list.

/// How a period after a word is to be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Abbrev {
    /// Always followed by a name: `Mr.`, `Dr.`, `Gen.`, `St.`, `Mt.` — never a sentence end.
    Title,
    /// Followed by a number when an abbreviation: `No. 5`, `p. 55`, `Vol. 2`, `Fig. 3`.
    Numbered,
    /// May end a sentence: `Inc.`, `U.S.`, `a.m.`, `Aug.`, `Jr.`, initials (`E.`).
    Other,
}

const TITLES: &[&str] = &[
    "adm", "atty", "brig", "capt", "cmdr", "col", "cpl", "dr", "ft", "gen", "gov", "hon", "insp", "lt", "maj",
    "messrs", "mlle", "mme", "mr", "mrs", "ms", "msgr", "mt", "pres", "prof", "pvt", "rep", "reps", "rev",
    "sen", "sens", "sgt", "st", "supt",
];

const NUMBERED: &[&str] = &[
    "art", "ch", "chap", "fig", "figs", "no", "nos", "nr", "n°", "op", "p", "para", "pp", "sec", "vol",
    "vols",
];

const OTHER: &[&str] = &[
    "al", "approx", "apr", "ariz", "ark", "assn", "aug", "ave", "bln", "blvd", "bn", "bros", "ca", "calif",
    "cf", "co", "colo", "conn", "corp", "dec", "del", "dept", "est", "etc", "feb", "fla", "fri", "ga", "govt",
    "hwy", "ill", "inc", "ind", "intl", "jan", "jr", "jul", "jun", "kan", "ky", "la", "llc", "ltd", "mar",
    "mass", "max", "md", "mich", "min", "minn", "miss", "mln", "mo", "mon", "mont", "neb", "nev", "nov",
    "oct", "okla", "ore", "pa", "pct", "plc", "rd", "sat", "sep", "sept", "sr", "sun", "tenn", "thu", "thur",
    "thurs", "tue", "tues", "univ", "v", "va", "vs", "vt", "wash", "wed", "wis", "wyo",
];

/// Capitalized words that usually begin a sentence rather than continue a name: after an
/// abbreviation that may end a sentence (`in the U.S. How ...`), one of these says it did.
const STARTERS: &[&str] = &[
    "a", "according", "after", "again", "all", "also", "although", "among", "an", "and", "another", "any",
    "are", "aren", "as", "at", "because", "before", "both", "but", "by", "can", "could", "couldn", "despite",
    "did", "didn", "do", "does", "doesn", "don", "during", "each", "even", "every", "few", "for", "from",
    "had", "has", "hasn", "have", "he", "her", "here", "his", "how", "however", "i", "if", "in", "is", "isn",
    "it", "its", "just", "last", "later", "let", "many", "may", "meanwhile", "might", "more", "most", "much",
    "must", "my", "neither", "no", "nor", "not", "now", "of", "on", "once", "one", "only", "or", "other",
    "our", "over", "please", "she", "should", "shouldn", "since", "so", "some", "still", "such", "than",
    "that", "the", "their", "then", "there", "these", "they", "this", "those", "though", "thus", "to",
    "today", "tomorrow", "under", "unlike", "until", "was", "wasn", "we", "were", "weren", "what", "when",
    "where", "whether", "which", "while", "who", "why", "will", "with", "without", "won", "would", "wouldn",
    "yes", "yesterday", "yet", "you", "your",
];

/// How a period after `word` (the text from the word's start up to the period) is read, or
/// `None` for an ordinary word. Words with inner periods (`U.S`, `a.m`, `e.g`) and single
/// letters are abbreviations of the kind that may end a sentence.
pub(crate) fn classify(word: &str) -> Option<Abbrev> {
    let key = pack(word)?;
    let tables = tables();
    if tables.titles.binary_search(&key).is_ok() {
        return Some(Abbrev::Title);
    }
    if tables.numbered.binary_search(&key).is_ok() {
        return Some(Abbrev::Numbered);
    }
    let mut chars = word.chars();
    let single_letter = chars.next().is_some_and(char::is_alphabetic) && chars.next().is_none();
    if single_letter || tables.other.binary_search(&key).is_ok() || is_dotted(word) {
        return Some(Abbrev::Other);
    }
    None
}

/// True when a capitalized `word` usually starts a sentence.
pub(crate) fn is_starter(word: &str) -> bool {
    pack(word).is_some_and(|k| tables().starters.binary_search(&k).is_ok())
}

/// `U.S`, `a.m`, `Ph.D`, `e.g`: short letter groups joined by periods.
fn is_dotted(word: &str) -> bool {
    word.contains('.')
        && word.len() <= 12
        && word.split('.').all(|part| (1..=3).contains(&part.chars().count()) && part.chars().all(char::is_alphabetic))
}

/// The lists as sorted integers: a word of up to 16 bytes, lowercased, packed into a `u128`,
/// so a lookup is a binary search over integers with no allocation and no `memcmp`.
struct Tables {
    titles: Vec<u128>,
    numbered: Vec<u128>,
    other: Vec<u128>,
    starters: Vec<u128>,
}

fn tables() -> &'static Tables {
    static TABLES: std::sync::OnceLock<Tables> = std::sync::OnceLock::new();
    TABLES.get_or_init(|| {
        let packed = |list: &[&str]| {
            let mut v: Vec<u128> = list.iter().map(|w| pack(w).expect("list words are short")).collect();
            v.sort_unstable();
            v
        };
        Tables { titles: packed(TITLES), numbered: packed(NUMBERED), other: packed(OTHER), starters: packed(STARTERS) }
    })
}

/// Lowercases a word of at most 16 bytes (after lowercasing) into a `u128`; `None` when it
/// is longer than any listed word.
fn pack(word: &str) -> Option<u128> {
    if word.len() > 16 {
        return None;
    }
    let mut buf = [0u8; 16];
    if word.is_ascii() {
        buf[..word.len()].copy_from_slice(word.as_bytes());
        buf[..word.len()].make_ascii_lowercase();
    } else {
        let mut n = 0;
        for c in word.chars().flat_map(char::to_lowercase) {
            let len = c.len_utf8();
            if n + len > buf.len() {
                return None;
            }
            c.encode_utf8(&mut buf[n..]);
            n += len;
        }
    }
    Some(u128::from_be_bytes(buf))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_sorted_for_binary_search() {
        for list in [TITLES, NUMBERED, OTHER, STARTERS] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{:?}", list.windows(2).find(|w| w[0] >= w[1]));
        }
    }

    #[test]
    fn words_are_classified() {
        assert_eq!(classify("Mr"), Some(Abbrev::Title));
        assert_eq!(classify("N°"), Some(Abbrev::Numbered));
        assert_eq!(classify("U.S"), Some(Abbrev::Other));
        assert_eq!(classify("a.m"), Some(Abbrev::Other));
        assert_eq!(classify("E"), Some(Abbrev::Other));
        assert_eq!(classify("Corp"), Some(Abbrev::Other));
        assert_eq!(classify("World"), None);
        assert_eq!(classify("100.00"), None);
        assert_eq!(classify("example.com"), None);
        assert!(is_starter("How") && is_starter("THEY") && !is_starter("Government"));
    }
}
