//! The name index: every name of every table (places in all their spellings, countries'
//! variants and demonyms, organizations, seats, regions, groups, titles, roles, reporting
//! verbs, given names and surnames), case-folded, in one finite state transducer (`fst`)
//! mapped to a list of [`NameRef`]s.
//!
//! It is compiled offline (`cargo run --release -p dateline-data`) into two files under
//! `data/index/` and used as it lies in memory: loading costs a header check, and a lookup
//! is a walk of the transducer, with no allocation.
//!
//! The transducer maps a folded name to its one ref (most names have one), or to the
//! position of a run in `postings.bin`: the magic `DLPOST05`, a checksum of both files, one
//! little-endian `u32` per [`NameKind`] giving the row count of its table when the index was
//! built (so a stale index is caught at load), then runs of `u32`: a count followed by that
//! many encoded refs.

use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::atomic::{AtomicU64, Ordering};

use super::tables::Tables;
use crate::error::{Error, ErrorKind};

/// What kind of table row a name points to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[repr(u8)]
pub enum NameKind {
    /// A country (its names, variants, names in other languages).
    Country = 0,
    /// A first-level division.
    Admin1 = 1,
    /// A city.
    City = 2,
    /// A continent.
    Continent = 3,
    /// A region, sea or territory.
    Region = 4,
    /// An organization.
    Organization = 5,
    /// A seat of government.
    Seat = 6,
    /// A country's adjective or people (`Russian`, `Russians`): the id is the country's.
    Demonym = 7,
    /// A group that is not a country.
    Group = 8,
    /// A given name.
    GivenName = 9,
    /// A surname.
    Surname = 10,
    /// A title or honorific.
    Title = 11,
    /// A role noun.
    Role = 12,
    /// A reporting verb form or cue phrase.
    ReportingVerb = 13,
    /// A person in office (one row per tenure).
    Person = 14,
    /// A second-level division.
    Admin2 = 15,
}

impl NameKind {
    /// True for the kinds that are places on a map: countries, divisions, cities, continents
    /// and regions.
    pub fn is_place(self) -> bool {
        matches!(self, NameKind::Country | NameKind::Admin1 | NameKind::Admin2 | NameKind::City | NameKind::Continent | NameKind::Region)
    }
}

const KINDS: [NameKind; 16] = [
    NameKind::Country,
    NameKind::Admin1,
    NameKind::City,
    NameKind::Continent,
    NameKind::Region,
    NameKind::Organization,
    NameKind::Seat,
    NameKind::Demonym,
    NameKind::Group,
    NameKind::GivenName,
    NameKind::Surname,
    NameKind::Title,
    NameKind::Role,
    NameKind::ReportingVerb,
    NameKind::Person,
    NameKind::Admin2,
];

/// One thing a name can refer to: a row of a table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct NameRef {
    /// Which table.
    pub kind: NameKind,
    /// The row in that table.
    pub id: u32,
    /// True when this is the row's own name (or a team-written variant), false for an
    /// alternate spelling from the gazetteer (`Kiev` for Kyiv, `Tan` for Anchorage): a weaker
    /// reading.
    pub primary: bool,
}

impl NameRef {
    /// Four bits of kind (all sixteen values are taken: a new kind needs a wider encoding),
    /// one of `primary`, 27 of row.
    fn encode(self) -> u32 {
        (self.kind as u32) << 28 | u32::from(self.primary) << 27 | self.id
    }

    fn decode(v: u32) -> Option<NameRef> {
        let kind = *KINDS.get((v >> 28) as usize)?;
        Some(NameRef { kind, id: v & ((1 << 27) - 1), primary: v & (1 << 27) != 0 })
    }
}

/// Folds a name for lookup: lower case, one kind of apostrophe and hyphen, single spaces.
pub fn fold(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    fold_into(name, &mut out);
    out
}

/// [`fold`] into a buffer (cleared first), to look up many names without allocating.
pub fn fold_into(name: &str, out: &mut String) {
    out.clear();
    // A name that starts and ends with a visible ASCII character has nothing to trim.
    let visible = |b: Option<&u8>| b.is_some_and(u8::is_ascii_graphic);
    let bytes = name.as_bytes();
    fold_more(if visible(bytes.first()) && visible(bytes.last()) { name } else { name.trim() }, out);
}

/// A name folded: the name itself when it is folded already (one word of visible ASCII with
/// no capital and no backquote, as most words of running text are), else its fold in `buf`.
pub fn folded<'a>(name: &'a str, buf: &'a mut String) -> &'a str {
    if !name.is_empty() && name.bytes().all(|b| b.is_ascii_graphic() && !b.is_ascii_uppercase() && b != b'`') {
        name
    } else {
        fold_into(name, buf);
        buf
    }
}

/// Folds the next piece of a name onto what `out` holds: the fold of a name is the fold of
/// its first word followed by the fold of each later piece (the space before a word, then
/// the word), so a name can be read a word at a time (see [`NameIndex::walk`]).
pub fn fold_more(piece: &str, out: &mut String) {
    // Most pieces are ASCII words with single spaces between them (`new`, ` york`, `foreign
    // minister`): copied whole and lower-cased in place. Other ASCII goes byte by byte (the
    // same rules: ASCII whitespace is what `char::is_whitespace` says of ASCII, and the
    // backquote is the one apostrophe).
    let bytes = piece.as_bytes();
    let mut space = false;
    let plain = bytes.iter().all(|&b| {
        let ok = if b == b' ' { !space } else { b.is_ascii_graphic() && b != b'`' };
        space = b == b' ';
        ok
    });
    if plain && !space && !bytes.is_empty() {
        let start = out.len();
        out.push_str(piece);
        out[start..].make_ascii_lowercase();
        return;
    }
    if piece.is_ascii() {
        let is_space = |b: u8| b.is_ascii_whitespace() || b == 0x0B;
        let mut space = false;
        for &b in piece.as_bytes() {
            if is_space(b) {
                space = true;
                continue;
            }
            if space {
                out.push(' ');
                space = false;
            }
            out.push(if b == b'`' { '\'' } else { char::from(b.to_ascii_lowercase()) });
        }
        return;
    }
    fold_chars(piece, out);
}

/// [`fold_more`] a character at a time, for any text.
fn fold_chars(piece: &str, out: &mut String) {
    let mut space = false;
    for c in piece.chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        match c {
            '’' | '‘' | 'ʼ' | '`' | '´' => out.push('\''),
            '‐' | '‑' | '‒' => out.push('-'),
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            c => out.extend(c.to_lowercase()),
        }
    }
}

/// The compiled index.
pub struct NameIndex {
    map: fst::Map<Cow<'static, [u8]>>,
    postings: Vec<u32>,
    /// Tells this index's entries apart in the per-thread lookup cache.
    id: u64,
}

/// Names a thread looked up recently, with where their walk of the transducer ended: a walk
/// of the 13 MB transducer costs a few hundred nanoseconds of scattered reads, and news text
/// asks for the same few thousand words (`the`, `said`, `Russia`) again and again, alone and
/// as the first word of longer names. Only names of up to 15 bytes are kept (most words),
/// packed with their length into the key itself, so a hit is one probe with no pointer to
/// follow. Bounded: emptied when full. Tagged with the index's id, so two indexes (tests, a
/// data folder) never mix.
struct LookupCache {
    index: u64,
    values: HashMap<u128, Walked, FxBuild>,
}

/// Where a walk ended, in a form the cache keeps: the node's address (`usize::MAX` when no
/// name starts with what was read), the output gathered on the way, and the value when what
/// was read is a whole name (`u64::MAX` when not).
#[derive(Clone, Copy)]
struct Walked {
    addr: usize,
    output: u64,
    value: u64,
}

/// Entries a thread's cache holds before it is emptied (40 bytes each: about 1.3 MB).
const CACHE_ENTRIES: usize = 1 << 15;

/// A name of up to 15 bytes as a cache key: its bytes, then its length in the last byte.
pub(crate) fn cache_key(name: &str) -> Option<u128> {
    let bytes = name.as_bytes();
    (bytes.len() < 16).then(|| {
        let mut key = [0u8; 16];
        key[..bytes.len()].copy_from_slice(bytes);
        key[15] = bytes.len() as u8;
        u128::from_le_bytes(key)
    })
}

thread_local! {
    static CACHE: RefCell<LookupCache> = RefCell::new(LookupCache { index: u64::MAX, values: HashMap::default() });
}

/// The source of `NameIndex::id`.
static NEXT_INDEX_ID: AtomicU64 = AtomicU64::new(0);

/// A fast hasher for short keys and for keys that are hashes already (multiply-rotate, as
/// FxHash), for maps that live for one document or a bounded cache, where input shaped into
/// collisions costs little.
#[derive(Default)]
pub(crate) struct FxHasher(u64);

/// Builds [`FxHasher`]s.
pub(crate) type FxBuild = BuildHasherDefault<FxHasher>;

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
            self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
    }

    fn write_u8(&mut self, b: u8) {
        self.write(&[b]);
    }

    fn write_u64(&mut self, x: u64) {
        self.0 = (self.0.rotate_left(5) ^ x).wrapping_mul(0x517c_c1b7_2722_0a95);
    }

    fn write_u128(&mut self, x: u128) {
        self.write_u64(x as u64);
        self.write_u64((x >> 64) as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// See [`NameIndex::walk`].
#[derive(Clone, Copy)]
pub struct Walk<'a> {
    index: &'a NameIndex,
    /// Where the text read so far leads; `None` once no name starts with it.
    node: Option<fst::raw::Node<'a>>,
    output: fst::raw::Output,
}

impl<'a> Walk<'a> {
    /// Reads more of a folded name; false (for good) once no indexed name starts with all
    /// that was read.
    pub fn push(&mut self, folded: &str) -> bool {
        let fst = self.index.map.as_fst();
        for &b in folded.as_bytes() {
            let Some(node) = self.node else { return false };
            match node.find_input(b) {
                Some(i) => {
                    let t = node.transition(i);
                    self.output = self.output.cat(t.out);
                    self.node = Some(fst.node(t.addr));
                }
                None => self.node = None,
            }
        }
        self.node.is_some()
    }

    /// The rows of the name read so far, when it is a whole name.
    pub fn refs(&self) -> impl Iterator<Item = NameRef> + 'a {
        self.index.refs(self.value())
    }

    /// The transducer's value for the name read so far, when it is a whole name.
    fn value(&self) -> Option<u64> {
        self.node.filter(|n| n.is_final()).map(|n| self.output.cat(n.final_output()).value())
    }
}

const MAGIC: &[u8; 8] = b"DLPOST05";
/// Marks a transducer value that is a single encoded ref rather than a run's position.
const SINGLE: u64 = 1 << 32;
const HEADER: usize = 8 + 8 + 4 * KINDS.len();

fn table_sizes(t: &Tables) -> [u32; 16] {
    [
        t.countries.len(),
        t.admin1.len(),
        t.cities.len(),
        t.continents.len(),
        t.regions.len(),
        t.organizations.len(),
        t.seats.len(),
        t.countries.len(),
        t.groups.len(),
        t.given_names.len(),
        t.surnames.len(),
        t.titles.len(),
        t.roles.len(),
        t.reporting_verbs.len(),
        t.people.len(),
        t.admin2.len(),
    ]
    .map(|n| n as u32)
}

/// A fast 64-bit checksum of the transducer and the postings, eight bytes at a time: enough
/// to catch a truncated or damaged file at load in a millisecond or two.
fn checksum(parts: &[&[u8]]) -> u64 {
    let mut h: u64 = 0x9E37_79B9_7F4A_7C15;
    for part in parts {
        let mut chunks = part.chunks_exact(8);
        for c in &mut chunks {
            let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
            h = (h ^ w).rotate_left(23).wrapping_mul(0x2127_599B_F432_5C37);
        }
        for &b in chunks.remainder() {
            h = (h ^ u64::from(b)).wrapping_mul(0x100_0000_01B3);
        }
        h ^= part.len() as u64;
    }
    h
}

impl NameIndex {
    /// Checks and wraps the two index files, built for `tables`.
    pub fn new(fst_bytes: Cow<'static, [u8]>, postings: &[u8], tables: &Tables) -> Result<NameIndex, Error> {
        let bad = |msg: &str| Error::new(ErrorKind::Data(msg.to_string()));
        if postings.len() < HEADER || !postings.starts_with(MAGIC) || postings.len() % 4 != 0 {
            return Err(bad("index/postings.bin is corrupt (bad header or length)"));
        }
        let stored = u64::from_le_bytes(postings[8..16].try_into().expect("8 bytes"));
        if checksum(&[&fst_bytes, &postings[HEADER..]]) != stored {
            return Err(bad("index/names.fst or index/postings.bin is corrupt (checksum mismatch)"));
        }
        let words: Vec<u32> =
            postings[16..].chunks_exact(4).map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]])).collect();
        if words[..KINDS.len()] != table_sizes(tables) {
            return Err(bad(
                "the name index was built from other tables: rebuild it with `cargo run --release -p dateline-data`",
            ));
        }
        let map = fst::Map::new(fst_bytes).map_err(|e| bad(&format!("index/names.fst is corrupt: {e}")))?;
        Ok(NameIndex { map, postings: words[KINDS.len()..].to_vec(), id: NEXT_INDEX_ID.fetch_add(1, Ordering::Relaxed) })
    }

    /// The rows a folded name refers to (see [`fold`]).
    pub fn get(&self, folded: &str) -> impl Iterator<Item = NameRef> + '_ {
        self.refs(self.value(folded))
    }

    /// The rows of a transducer value.
    fn refs(&self, value: Option<u64>) -> impl Iterator<Item = NameRef> + '_ {
        // A name with one row keeps it in the transducer itself; others point to a run.
        let single = value.filter(|v| v & SINGLE != 0).map(|v| v as u32);
        let run: &[u32] = value
            .filter(|v| v & SINGLE == 0)
            .and_then(|at| {
                let at = at as usize;
                self.postings.get(at + 1..at + 1 + *self.postings.get(at)? as usize)
            })
            .unwrap_or(&[]);
        single.into_iter().chain(run.iter().copied()).filter_map(NameRef::decode)
    }

    /// The transducer's value for a folded name, through the thread's cache.
    fn value(&self, folded: &str) -> Option<u64> {
        let v = self.walked(folded).value;
        (v != u64::MAX).then_some(v)
    }

    /// The walk of a folded name, through the thread's cache.
    fn walked(&self, folded: &str) -> Walked {
        let walk = || {
            let mut w = self.walk();
            w.push(folded);
            Walked {
                addr: w.node.map_or(usize::MAX, |n| n.addr()),
                output: w.output.value(),
                value: w.value().unwrap_or(u64::MAX),
            }
        };
        let Some(key) = cache_key(folded) else { return walk() };
        CACHE.with(|cache| {
            let mut cache = cache.borrow_mut();
            if cache.index != self.id {
                cache.values.clear();
                cache.index = self.id;
            }
            if let Some(&v) = cache.values.get(&key) {
                return v;
            }
            let v = walk();
            if cache.values.len() >= CACHE_ENTRIES {
                cache.values.clear();
            }
            cache.values.insert(key, v);
            v
        })
    }

    /// A walk down the transducer that names are read into piece by piece (`new`, then
    /// `new york`, then `new york city`): each piece costs only its own bytes, where looking
    /// up every longer name afresh would read the first words again and again.
    pub fn walk(&self) -> Walk<'_> {
        let fst = self.map.as_fst();
        Walk { index: self, node: Some(fst.root()), output: fst::raw::Output::zero() }
    }

    /// This index's identity in the process (for caches of what it holds).
    pub(crate) fn id(&self) -> u64 {
        self.id
    }

    /// A walk that has read a folded name already, through the thread's cache (a word seen
    /// before costs one probe).
    pub fn walk_from(&self, folded: &str) -> Walk<'_> {
        let w = self.walked(folded);
        let node = (w.addr != usize::MAX).then(|| self.map.as_fst().node(w.addr));
        Walk { index: self, node, output: fst::raw::Output::new(w.output) }
    }

    /// How many distinct names the index holds.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// True when the index holds no names.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// Compiles the index files for `tables`; `city_alternates` gives each city's alternate
    /// names, row for row. Returns `(names.fst, postings.bin)`, the same bytes for the same
    /// tables on every run.
    pub fn compile(tables: &Tables, city_alternates: &[Vec<String>]) -> Result<(Vec<u8>, Vec<u8>), Error> {
        let mut entries: Vec<(String, u32)> = Vec::new();
        let mut add = |name: &str, kind: NameKind, id: usize, primary: bool| {
            let key = fold(name);
            if !key.is_empty() {
                entries.push((key, NameRef { kind, id: id as u32, primary }.encode()));
            }
        };
        for (i, c) in tables.countries.iter().enumerate() {
            add(&c.name, NameKind::Country, i, true);
            for v in &c.variants {
                add(v, NameKind::Country, i, true);
            }
            for (_, n) in &c.names {
                add(n, NameKind::Country, i, false);
            }
            for d in c.adjectives.iter().chain(&c.people) {
                add(d, NameKind::Demonym, i, true);
            }
        }
        for (i, a) in tables.admin1.iter().enumerate() {
            add(&a.name, NameKind::Admin1, i, true);
            add(&a.short_name, NameKind::Admin1, i, true);
            for v in &a.variants {
                add(v, NameKind::Admin1, i, true);
            }
        }
        for (i, a) in tables.admin2.iter().enumerate() {
            add(&a.name, NameKind::Admin2, i, true);
            add(&a.short_name, NameKind::Admin2, i, true);
        }
        for (i, c) in tables.cities.iter().enumerate() {
            add(c.name, NameKind::City, i, true);
            for alt in city_alternates.get(i).into_iter().flatten() {
                add(alt, NameKind::City, i, false);
            }
        }
        for (i, c) in tables.continents.iter().enumerate() {
            add(&c.name, NameKind::Continent, i, true);
            for (_, n) in &c.names {
                add(n, NameKind::Continent, i, false);
            }
        }
        for (i, r) in tables.regions.iter().enumerate() {
            for n in std::iter::once(&r.name).chain(&r.aliases) {
                add(n, NameKind::Region, i, true);
            }
        }
        for (i, o) in tables.organizations.iter().enumerate() {
            for n in std::iter::once(&o.name).chain(&o.aliases) {
                add(n, NameKind::Organization, i, true);
            }
        }
        for (i, s) in tables.seats.iter().enumerate() {
            for n in std::iter::once(&s.name).chain(&s.aliases) {
                add(n, NameKind::Seat, i, true);
            }
        }
        for (i, g) in tables.groups.iter().enumerate() {
            for n in std::iter::once(&g.name).chain(&g.forms) {
                add(n, NameKind::Group, i, true);
            }
        }
        for (i, (n, _)) in tables.given_names.iter().enumerate() {
            add(n, NameKind::GivenName, i, true);
        }
        for (i, (n, _)) in tables.surnames.iter().enumerate() {
            add(n, NameKind::Surname, i, true);
        }
        for (i, t) in tables.titles.iter().enumerate() {
            for n in std::iter::once(&t.title).chain(&t.variants) {
                add(n, NameKind::Title, i, true);
            }
        }
        for (i, r) in tables.roles.iter().enumerate() {
            for n in std::iter::once(&r.role).chain(&r.forms) {
                add(n, NameKind::Role, i, true);
            }
        }
        for (i, v) in tables.reporting_verbs.iter().enumerate() {
            for n in std::iter::once(&v.lemma).chain(&v.forms) {
                add(n, NameKind::ReportingVerb, i, true);
            }
        }
        for (i, p) in tables.people.iter().enumerate() {
            for n in std::iter::once(&p.name).chain(&p.aliases) {
                add(n, NameKind::Person, i, true);
            }
        }
        // By name, then row, its own name before an alternate: a row reached by a name both
        // ways keeps the stronger reading.
        let row = |v: u32| v & !(1 << 27);
        entries.sort_unstable_by(|a, b| (&a.0, row(a.1), b.1).cmp(&(&b.0, row(b.1), a.1)));
        entries.dedup_by(|b, a| a.0 == b.0 && row(a.1) == row(b.1));

        let mut postings: Vec<u32> = Vec::with_capacity(entries.len() * 2);
        let mut builder = fst::MapBuilder::memory();
        let mut i = 0;
        while i < entries.len() {
            let key = &entries[i].0;
            let j = i + entries[i..].iter().take_while(|(k, _)| k == key).count();
            let value = if j - i == 1 {
                SINGLE | u64::from(entries[i].1)
            } else {
                postings.push((j - i) as u32);
                postings.extend(entries[i..j].iter().map(|(_, v)| *v));
                (postings.len() - (j - i) - 1) as u64
            };
            builder
                .insert(key, value)
                .map_err(|e| Error::new(ErrorKind::Data(format!("cannot index {key:?}: {e}"))))?;
            i = j;
        }
        let fst_bytes = builder.into_inner().map_err(|e| Error::new(ErrorKind::Data(e.to_string())))?;
        let payload: Vec<u8> = postings.iter().flat_map(|n| n.to_le_bytes()).collect();
        let mut bin = Vec::with_capacity(HEADER + payload.len());
        bin.extend_from_slice(MAGIC);
        bin.extend_from_slice(&checksum(&[&fst_bytes, &payload]).to_le_bytes());
        for n in table_sizes(tables) {
            bin.extend_from_slice(&n.to_le_bytes());
        }
        bin.extend_from_slice(&payload);
        Ok((fst_bytes, bin))
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn ascii_folds_as_characters_do() {
        let all: String = (0u8..128).map(char::from).collect();
        for piece in [all.as_str(), " New  York\t", "O`Neill", "U.S.-led", "\x0b\x0cx\x1c y ", "", "PUTIN", "Kyiv's", " York", "  York", " ", " O`Neill", "Foreign Minister", "a  b", "a b ", " a b"] {
            let (mut fast, mut slow) = (String::from("a"), String::from("a"));
            fold_more(piece, &mut fast);
            fold_chars(piece, &mut slow);
            assert_eq!(fast, slow, "{piece:?}");
        }
    }
    use super::*;

    #[test]
    fn cache_keys_are_the_bytes_and_the_length() {
        for name in ["", "a", "a\0", "said", "fifteen bytes!!"] {
            let mut key = [0u8; 16];
            key[..name.len()].copy_from_slice(name.as_bytes());
            key[15] = name.len() as u8;
            assert_eq!(cache_key(name), Some(u128::from_le_bytes(key)), "{name:?}");
        }
        assert_ne!(cache_key("a"), cache_key("a\0"));
        assert_eq!(cache_key("sixteen bytes!!!"), None);
    }

    #[test]
    fn a_folded_name_is_itself() {
        let mut buf = String::new();
        for name in ["said", "u.s.", "o'neill", "Said", "O`Neill", " said", "new york", "kyiv’s", ""] {
            assert_eq!(folded(name, &mut buf), fold(name), "{name:?}");
        }
    }

    #[test]
    fn folding_is_case_and_typography_blind() {
        assert_eq!(fold("  Côte  d’Ivoire "), "côte d'ivoire");
        assert_eq!(fold("KYIV"), "kyiv");
        assert_eq!(fold("Guinea‐Bissau"), "guinea-bissau");
        let mut buf = String::from("old");
        fold_into("U.S.", &mut buf);
        assert_eq!(buf, "u.s.");
    }

    #[test]
    fn refs_round_trip() {
        for r in [
            NameRef { kind: NameKind::City, id: 170_000, primary: false },
            NameRef { kind: NameKind::ReportingVerb, id: 0, primary: true },
            NameRef { kind: NameKind::Admin2, id: 40_000, primary: true },
        ] {
            assert_eq!(NameRef::decode(r.encode()), Some(r));
        }
    }

    #[test]
    fn a_small_index_compiles_loads_and_finds() {
        let mut t = Tables::default();
        t.admin1.push(super::super::tables::Admin1 {
            code: "US.GA".into(),
            country: "US".into(),
            admin1: "GA".into(),
            name: "Georgia".into(),
            short_name: String::new(),
            lat: 32.6,
            lon: -83.4,
            population: 1,
            timezone: "America/New_York".into(),
            geonameid: None,
            variants: Vec::new(),
        });
        t.given_names.push(("Georgia".into(), Default::default()));
        let (fst_bytes, postings) = NameIndex::compile(&t, &[]).unwrap();
        let index = NameIndex::new(fst_bytes.clone().into(), &postings, &t).unwrap();
        let kinds: Vec<NameKind> = index.get("georgia").map(|r| r.kind).collect();
        assert_eq!(kinds, [NameKind::Admin1, NameKind::GivenName]);
        assert!(index.walk().push("geor") && !index.walk().push("geox"));
        assert_eq!(index.get("select").count(), 0);
        // A stale or corrupt index is an error, not a panic.
        t.given_names.push(("Smith".into(), Default::default()));
        let stale = NameIndex::new(fst_bytes.clone().into(), &postings, &t).err().unwrap();
        assert!(stale.to_string().contains("rebuild"), "{stale}");
        t.given_names.pop();
        let truncated = NameIndex::new(fst_bytes[..fst_bytes.len() / 2].to_vec().into(), &postings, &t);
        assert!(truncated.err().unwrap().to_string().contains("checksum"));
        let mut damaged = postings.clone();
        *damaged.last_mut().unwrap() ^= 1;
        assert!(NameIndex::new(fst_bytes.clone().into(), &damaged, &t).is_err());
        assert!(NameIndex::new(fst_bytes.into(), &postings[..20], &t).is_err());
    }
}
