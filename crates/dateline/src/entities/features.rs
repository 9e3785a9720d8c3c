//! Features of a token for the name tagger, hashed into a fixed number of buckets.
//!
//! A feature is a template number and some text (`w=putin`, `suf3=tin`, `shape=Xx`); it is
//! never built as a string: the hasher folds the template and the characters (lower-cased
//! where the template says so) straight into a 64-bit hash. The features of a sentence are
//! computed once, before tagging; only the features of the tags already chosen
//! (`prev=B-PER`) are added during decoding.

use std::cell::RefCell;
use std::collections::HashMap;

use crate::resources::{cache_key, folded, FxBuild, NameKind, Resources};

/// A 64-bit hash built incrementally (multiply-rotate, as in FxHash).
#[derive(Clone, Copy)]
pub(crate) struct Hash(u64);

const K: u64 = 0x517c_c1b7_2722_0a95;

impl Hash {
    pub(crate) fn new(template: u8) -> Hash {
        Hash((u64::from(template) + 1).wrapping_mul(K))
    }

    #[inline]
    pub(crate) fn add(self, x: u64) -> Hash {
        Hash((self.0.rotate_left(5) ^ x).wrapping_mul(K))
    }

    fn chars(mut self, s: &str, lower: bool) -> Hash {
        for c in s.chars() {
            let c = if !lower {
                c
            } else if c.is_ascii() {
                c.to_ascii_lowercase()
            } else {
                c.to_lowercase().next().unwrap_or(c)
            };
            self = self.add(u64::from(c));
        }
        self
    }

    /// The hash of a word in lower case, to combine into features (`Hash::new(t).add(word)`).
    pub(crate) fn word(s: &str) -> u64 {
        Hash::new(255).chars(s, true).0
    }

    /// The bucket of this hash in a table of `2^bits` buckets.
    #[inline]
    pub(crate) fn bucket(self, bits: u32) -> u32 {
        // The high bits are the best mixed.
        (self.0.wrapping_mul(K) >> (64 - bits)) as u32
    }
}

/// The shape of a word: capitals `X`, small letters `x`, digits `d`, other characters as
/// themselves, runs of one class shortened to two (`Putin` → `Xx`, `U.S.` → `X.X.`,
/// `2025-08-15` → `dd-dd-dd`).
fn shape_hash(word: &str, template: u8) -> Hash {
    let mut h = Hash::new(template);
    let (mut last, mut run) = ('\0', 0);
    for c in word.chars() {
        let class = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else if c.is_alphabetic() {
            'a'
        } else {
            c
        };
        run = if class == last { run + 1 } else { 1 };
        last = class;
        if run <= 2 {
            h = h.add(u64::from(class));
        }
    }
    h
}

/// What the document says about a word beyond its sentence.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct DocWord {
    /// Seen capitalized somewhere other than the start of a sentence.
    pub capitalized_inside: bool,
    /// Seen in lower case.
    pub lower: bool,
}

/// Gazetteer evidence for one token: the kinds of the names it is part of.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Gazetteer {
    /// Bit per `NameKind` of single-token names equal to this token.
    pub single: u32,
    /// Bit per `NameKind` of the longest multi-token name covering this token, and whether
    /// the token begins it.
    pub span: u32,
    pub span_begins: bool,
    /// The token is a city of 100,000 people or more, by its own name.
    pub big_city: bool,
}

/// Template numbers. Each names one kind of feature; a new one goes at the end.
mod t {
    pub const BIAS: u8 = 0;
    pub const WORD: u8 = 1;
    pub const WORD_PREV: u8 = 2;
    pub const WORD_NEXT: u8 = 3;
    pub const WORD_PREV2: u8 = 4;
    pub const WORD_NEXT2: u8 = 5;
    pub const SHAPE: u8 = 6;
    pub const SHAPE_PREV: u8 = 7;
    pub const SHAPE_NEXT: u8 = 8;
    pub const PREFIX: u8 = 9;
    pub const SUFFIX: u8 = 10;
    pub const FIRST: u8 = 11;
    pub const GAZ_SINGLE: u8 = 12;
    pub const GAZ_SPAN: u8 = 13;
    pub const GAZ_PREV: u8 = 14;
    pub const GAZ_NEXT: u8 = 15;
    pub const DOC: u8 = 16;
    pub const BIGRAM_PREV: u8 = 17;
    pub const BIGRAM_NEXT: u8 = 18;
    pub const UPPER_SENTENCE: u8 = 19;
    pub const BIG_CITY: u8 = 20;
    pub const SHAPE_WORD_NEXT: u8 = 21;
    pub const PREV_TAG: u8 = 30;
    pub const PREV_TAGS: u8 = 31;
    pub const PREV_TAG_WORD: u8 = 32;
    pub const PREV_TAG_SHAPE: u8 = 33;
}

/// The words of a sentence as the features see them: each word's lower-case hash, its shape
/// hash and the buckets of its prefix and suffix features, computed once (features, the
/// document context and the tag history all use them).
pub(crate) struct SentenceWords {
    pub hashes: Vec<u64>,
    pub shapes: Vec<u64>,
    affixes: Vec<Affixes>,
    names: Vec<WordNames>,
}

/// The buckets of a word's prefix and suffix features of one to four characters, in the
/// order they are added (prefix 1, suffix 1, prefix 2, ...), `len` of them.
#[derive(Clone, Copy)]
struct Affixes {
    buckets: [u32; 8],
    len: u8,
}

/// What the features read of a word alone.
#[derive(Clone, Copy)]
struct WordFeatures {
    hash: u64,
    shape: u64,
    affixes: Affixes,
    names: WordNames,
}

/// What the name index says of a word alone: the [`Gazetteer`] fields `single` and `big_city`.
#[derive(Clone, Copy, Default)]
struct WordNames {
    single: u32,
    big_city: bool,
}

impl WordNames {
    fn new(word: &str, resources: &Resources, buf: &mut String) -> WordNames {
        let mut names = WordNames::default();
        if !word.chars().next().is_some_and(char::is_alphanumeric) {
            return names;
        }
        for r in resources.index().walk_from(folded(word, buf)).refs() {
            if (r.kind == NameKind::City && !r.primary) || r.kind == NameKind::Admin2 {
                continue;
            }
            names.single |= 1 << r.kind as u32;
            if r.kind == NameKind::City && resources.tables.cities.population(r.id as usize) >= 100_000 {
                names.big_city = true;
            }
        }
        names
    }
}

/// Entries a thread's cache of word features holds before it is emptied (80 bytes each with
/// its key: about 650 KB; a smaller cache misses more words than it saves in memory reads).
const WORD_CACHE_ENTRIES: usize = 1 << 13;

thread_local! {
    /// The features of words a thread read recently (words of up to 15 bytes, keyed as the
    /// name index's cache keys them), for one number of bucket bits and one name index: news
    /// repeats its words, and a word's hashes cost a pass over its characters each, its names
    /// a walk of the index.
    static WORD_CACHE: RefCell<WordCache> = RefCell::new(WordCache { made_for: (0, u64::MAX), words: HashMap::default() });
}

/// A thread's cache of word features, for one number of bucket bits and one name index.
struct WordCache {
    made_for: (u32, u64),
    words: HashMap<u128, WordFeatures, FxBuild>,
}

impl WordFeatures {
    fn new(word: &str, bits: u32, resources: &Resources, chars: &mut Vec<char>, buf: &mut String) -> WordFeatures {
        chars.clear();
        if word.is_ascii() {
            chars.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        } else {
            chars.extend(word.chars().flat_map(char::to_lowercase));
        }
        let mut affixes = Affixes { buckets: [0; 8], len: 0 };
        for k in 1..=4.min(chars.len()) {
            let mut p = Hash::new(t::PREFIX).add(k as u64);
            for &c in &chars[..k] {
                p = p.add(u64::from(c));
            }
            let mut s = Hash::new(t::SUFFIX).add(k as u64);
            for &c in &chars[chars.len() - k..] {
                s = s.add(u64::from(c));
            }
            affixes.buckets[2 * k - 2] = p.bucket(bits);
            affixes.buckets[2 * k - 1] = s.bucket(bits);
            affixes.len += 2;
        }
        let names = WordNames::new(word, resources, buf);
        WordFeatures { hash: Hash::word(word), shape: shape_hash(word, 0).0, affixes, names }
    }

    /// A word's features, from this thread's cache when it holds them.
    fn cached(word: &str, bits: u32, resources: &Resources, chars: &mut Vec<char>, buf: &mut String) -> WordFeatures {
        let Some(key) = cache_key(word) else { return WordFeatures::new(word, bits, resources, chars, buf) };
        WORD_CACHE.with(|cache| {
            let WordCache { made_for, words } = &mut *cache.borrow_mut();
            let now = (bits, resources.index().id());
            if *made_for != now {
                words.clear();
                *made_for = now;
            }
            if let Some(&f) = words.get(&key) {
                return f;
            }
            let f = WordFeatures::new(word, bits, resources, chars, buf);
            if words.len() >= WORD_CACHE_ENTRIES {
                words.clear();
            }
            words.insert(key, f);
            f
        })
    }
}

impl SentenceWords {
    /// The words' features for a table of `2^bits` buckets.
    pub(crate) fn new(words: &[&str], bits: u32, resources: &Resources, buf: &mut String) -> SentenceWords {
        let mut chars = Vec::new();
        let (mut hashes, mut shapes, mut affixes, mut names) =
            (Vec::with_capacity(words.len()), Vec::with_capacity(words.len()), Vec::with_capacity(words.len()), Vec::with_capacity(words.len()));
        for w in words {
            let f = WordFeatures::cached(w, bits, resources, &mut chars, buf);
            hashes.push(f.hash);
            shapes.push(f.shape);
            affixes.push(f.affixes);
            names.push(f.names);
        }
        SentenceWords { hashes, shapes, affixes, names }
    }
}

/// The fixed features of every token of a sentence, as buckets of a table of `2^bits`:
/// token `i`'s are `out[ends[i - 1]..ends[i]]` (`ends` and `out` are cleared first).
/// `doc` tells what the document says about a word, given its hash.
pub(crate) fn sentence_features(
    words: &[&str],
    sw: &SentenceWords,
    gaz: &[Gazetteer],
    doc: impl Fn(u64) -> DocWord,
    bits: u32,
    out: &mut Vec<u32>,
    ends: &mut Vec<u32>,
) {
    out.clear();
    ends.clear();
    let n = words.len();
    let upper_sentence = n > 3
        && words.iter().filter(|w| w.chars().any(char::is_alphabetic)).all(|w| !w.chars().any(char::is_lowercase));
    let (hashes, shapes) = (&sw.hashes, &sw.shapes);
    let (start, end) = (Hash::word("<s>"), Hash::word("</s>"));
    let word = |i: isize| -> u64 {
        if i < 0 {
            start
        } else if i as usize >= n {
            end
        } else {
            hashes[i as usize]
        }
    };
    let shape = |i: isize| -> u64 {
        if i < 0 || i as usize >= n { 0 } else { shapes[i as usize] }
    };
    for i in 0..n {
        let w = words[i];
        let ii = i as isize;
        let mut push = |bucket: u32| out.push(bucket);
        push(Hash::new(t::BIAS).bucket(bits));
        push(Hash::new(t::WORD).add(word(ii)).bucket(bits));
        push(Hash::new(t::WORD_PREV).add(word(ii - 1)).bucket(bits));
        push(Hash::new(t::WORD_NEXT).add(word(ii + 1)).bucket(bits));
        push(Hash::new(t::WORD_PREV2).add(word(ii - 2)).bucket(bits));
        push(Hash::new(t::WORD_NEXT2).add(word(ii + 2)).bucket(bits));
        push(Hash::new(t::BIGRAM_PREV).add(word(ii - 1)).add(word(ii)).bucket(bits));
        push(Hash::new(t::BIGRAM_NEXT).add(word(ii)).add(word(ii + 1)).bucket(bits));
        push(Hash::new(t::SHAPE).add(shape(ii)).bucket(bits));
        push(Hash::new(t::SHAPE_PREV).add(shape(ii - 1)).bucket(bits));
        push(Hash::new(t::SHAPE_NEXT).add(shape(ii + 1)).bucket(bits));
        push(Hash::new(t::SHAPE_WORD_NEXT).add(shape(ii)).add(word(ii + 1)).bucket(bits));
        let affixes = sw.affixes[i];
        affixes.buckets[..usize::from(affixes.len)].iter().for_each(|&b| push(b));
        if i == 0 {
            push(Hash::new(t::FIRST).add(u64::from(w.chars().next().is_some_and(char::is_uppercase))).bucket(bits));
        }
        if upper_sentence {
            push(Hash::new(t::UPPER_SENTENCE).bucket(bits));
        }
        let g = gaz[i];
        for kind in bits_of(g.single) {
            push(Hash::new(t::GAZ_SINGLE).add(kind).bucket(bits));
        }
        for kind in bits_of(g.span) {
            push(Hash::new(t::GAZ_SPAN).add(kind).add(u64::from(g.span_begins)).bucket(bits));
        }
        if g.big_city {
            push(Hash::new(t::BIG_CITY).bucket(bits));
        }
        if i > 0 {
            for kind in bits_of(gaz[i - 1].span | gaz[i - 1].single) {
                push(Hash::new(t::GAZ_PREV).add(kind).bucket(bits));
            }
        }
        if i + 1 < n {
            for kind in bits_of(gaz[i + 1].span | gaz[i + 1].single) {
                push(Hash::new(t::GAZ_NEXT).add(kind).bucket(bits));
            }
        }
        if w.chars().next().is_some_and(char::is_uppercase) {
            let d = doc(hashes[i]);
            push(Hash::new(t::DOC).add(u64::from(d.capitalized_inside)).add(u64::from(d.lower)).add(u64::from(i == 0)).bucket(bits));
        }
        ends.push(out.len() as u32);
    }
}

fn bits_of(mask: u32) -> impl Iterator<Item = u64> {
    let mut mask = mask;
    std::iter::from_fn(move || {
        (mask != 0).then(|| {
            let b = mask.trailing_zeros();
            mask &= mask - 1;
            u64::from(b)
        })
    })
}

/// The history feature of a word after a tag.
#[inline]
fn history_word(word: u64, prev: u8) -> Hash {
    Hash::new(t::PREV_TAG_WORD).add(u64::from(prev)).add(word)
}

/// The bucket of [`history_word`].
pub(crate) fn history_word_bucket(word: u64, prev: u8, bits: u32) -> u32 {
    history_word(word, prev).bucket(bits)
}

/// The features of the tags chosen before a token (decoding is left to right), given the
/// token's word hash and shape hash.
pub(crate) fn history_features(word: u64, shape: u64, prev: u8, prev2: u8, out: &mut Vec<Hash>) {
    out.clear();
    out.push(Hash::new(t::PREV_TAG).add(u64::from(prev)));
    out.push(Hash::new(t::PREV_TAGS).add(u64::from(prev)).add(u64::from(prev2)));
    out.push(history_word(word, prev));
    out.push(Hash::new(t::PREV_TAG_SHAPE).add(shape).add(u64::from(prev)));
}

/// Gazetteer evidence for the tokens of a sentence, from the name index: each token's own
/// kinds, and the kinds of the longest name of two to six tokens that starts at a
/// capitalized token (names of people's given names and surnames count only alone). Second-
/// level divisions are no evidence: the training news names English counties mostly as
/// cricket teams (`Surrey`, `Kent`), which would teach the tagger that a county is an
/// organization.
pub(crate) fn gazetteer(words: &[&str], sw: &SentenceWords, resources: &Resources, buf: &mut String) -> Vec<Gazetteer> {
    let n = words.len();
    let mut out: Vec<Gazetteer> =
        sw.names.iter().map(|w| Gazetteer { single: w.single, big_city: w.big_city, ..Gazetteer::default() }).collect();
    let index = resources.index();
    let mut i = 0;
    while i < n {
        // Longer names start at a capitalized word.
        if !words[i].starts_with(char::is_uppercase) {
            i += 1;
            continue;
        }
        let mut walk = index.walk_from(folded(words[i], buf));
        let mut best: Option<(usize, u32)> = None;
        for (j, word) in words.iter().enumerate().take(n.min(i + 6)).skip(i) {
            if j > i && (!walk.push(" ") || !walk.push(folded(word, buf))) {
                break;
            }
            if j > i {
                let kinds = walk
                    .refs()
                    .filter(|r| {
                        !matches!(r.kind, NameKind::GivenName | NameKind::Surname | NameKind::Admin2)
                            && (r.kind != NameKind::City || r.primary)
                    })
                    .fold(0u32, |m, r| m | 1 << r.kind as u32);
                if kinds != 0 {
                    best = Some((j + 1, kinds));
                }
            }
        }
        match best {
            Some((end, kinds)) => {
                for (k, g) in out[i..end].iter_mut().enumerate() {
                    g.span = kinds;
                    g.span_begins = k == 0;
                }
                i = end;
            }
            None => i += 1,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cached_word_features_are_the_computed_ones() {
        let r = Resources::shared().expect("embedded reference data");
        let (mut chars, mut buf) = (Vec::new(), String::new());
        let fields = |f: WordFeatures| (f.hash, f.shape, f.affixes.buckets, f.affixes.len, f.names.single, f.names.big_city);
        // Two bucket sizes in turn: the cache holds one size's buckets at a time.
        for bits in [12, 18, 12] {
            for w in ["Putin", "said", "U.S.", "Zelensky’s", "a", "an-unusually-long-compound-word", "Chicago", "France"] {
                let direct = WordFeatures::new(w, bits, r, &mut chars, &mut buf);
                for _ in 0..2 {
                    assert_eq!(fields(WordFeatures::cached(w, bits, r, &mut chars, &mut buf)), fields(direct), "{w} at {bits} bits");
                }
            }
        }
        let a = WordFeatures::new("a", 18, r, &mut chars, &mut buf);
        assert_eq!(a.affixes.len, 2);
        assert_eq!(WordFeatures::new("Putin", 18, r, &mut chars, &mut buf).affixes.len, 8);
        assert_eq!(a.hash, Hash::word("A"));
        // What the index says of a word alone: Chicago is a big city, France a country.
        let chicago = WordFeatures::new("Chicago", 18, r, &mut chars, &mut buf).names;
        assert!(chicago.big_city && chicago.single & (1 << NameKind::City as u32) != 0);
        assert!(WordFeatures::new("France", 18, r, &mut chars, &mut buf).names.single & (1 << NameKind::Country as u32) != 0);
        assert_eq!(WordFeatures::new("—", 18, r, &mut chars, &mut buf).names.single, 0);
    }
}
