//! Abbreviations and sentence starters: the word lists the sentence splitter and the
//! tokenizer decide a period by. Keys are lowercase, without the final period. Each list is
//! sorted (a unit test checks), so lookups are binary searches with no allocation.

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
    let mut buf = [0u8; 16];
    let key = lowercase_key(word, &mut buf)?;
    if TITLES.binary_search(&key).is_ok() {
        return Some(Abbrev::Title);
    }
    if NUMBERED.binary_search(&key).is_ok() {
        return Some(Abbrev::Numbered);
    }
    let mut chars = word.chars();
    let single_letter = chars.next().is_some_and(char::is_alphabetic) && chars.next().is_none();
    if OTHER.binary_search(&key).is_ok() || single_letter || is_dotted(word) {
        return Some(Abbrev::Other);
    }
    None
}

/// True when a capitalized `word` usually starts a sentence.
pub(crate) fn is_starter(word: &str) -> bool {
    let mut buf = [0u8; 16];
    lowercase_key(word, &mut buf).is_some_and(|k| STARTERS.binary_search(&k).is_ok())
}

/// `U.S`, `a.m`, `Ph.D`, `e.g`: short letter groups joined by periods.
fn is_dotted(word: &str) -> bool {
    word.contains('.')
        && word.len() <= 12
        && word.split('.').all(|part| (1..=3).contains(&part.chars().count()) && part.chars().all(char::is_alphabetic))
}

/// Lowercases a short word into `buf` without allocating; `None` when it is too long to be
/// in any list.
fn lowercase_key<'b>(word: &str, buf: &'b mut [u8; 16]) -> Option<&'b str> {
    if word.len() > buf.len() {
        return None;
    }
    if word.is_ascii() {
        buf[..word.len()].copy_from_slice(word.as_bytes());
        buf[..word.len()].make_ascii_lowercase();
        return std::str::from_utf8(&buf[..word.len()]).ok();
    }
    let mut n = 0;
    for c in word.chars().flat_map(char::to_lowercase) {
        let len = c.len_utf8();
        if n + len > buf.len() {
            return None;
        }
        c.encode_utf8(&mut buf[n..]);
        n += len;
    }
    std::str::from_utf8(&buf[..n]).ok()
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
