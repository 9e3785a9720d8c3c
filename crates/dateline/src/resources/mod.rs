//! Reference data: the world knowledge that ships with dateline (gazetteers, lexicons, the
//! CAMEO table), loaded once into one read-only [`Resources`] value shared by all threads.
//!
//! The files live under `data/` in the repository: `gen/` is generated from public packages
//! by `data/build.py`, `lexicon/` is written by the team, `index/` is the compiled name index
//! (`cargo run --release -p dateline-data`). [`Resources::embedded`] uses the copies compiled
//! into the program, so nothing is read or downloaded at run time; [`Resources::from_dir`]
//! reads a `data/` folder instead (to try a rebuilt one). Every problem with a file — missing,
//! not UTF-8, a bad row, a corrupt or stale index — is an [`Error`] naming the file.

mod index;
mod tables;
mod tsv;

use std::borrow::Cow;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

pub(crate) use index::{cache_key, FxBuild};
pub use index::{fold, fold_into, fold_more, folded, NameIndex, NameKind, NameRef, Walk};
pub use tables::{
    Admin1, Admin2, CameoEvent, Cities, City, Continent, Country, EventCue, Group, NameFrequency, NameList, OrgAffix, Organization, Person, Region, ReportingVerb,
    Role, Seat, Tables, Title,
};

use crate::entities::Tagger;
use crate::error::{Error, ErrorKind};

/// Where the data files come from.
#[derive(Clone, Debug)]
pub enum Source {
    /// The files compiled into the program.
    Embedded,
    /// A `data/` folder.
    Dir(PathBuf),
}

macro_rules! embedded {
    ($($path:literal),* $(,)?) => {
        /// The data files compiled into the program, by path under `data/`.
        const EMBEDDED: &[(&str, &[u8])] = &[
            $(($path, include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/", $path)))),*
        ];
    };
}

embedded!(
    "gen/admin1.tsv",
    "gen/admin2.tsv.gz",
    "gen/cameo_events.tsv",
    "gen/cities.tsv",
    "gen/continents.tsv",
    "gen/countries.tsv",
    "gen/given_names.tsv",
    "gen/surnames.tsv",
    "gen/tone.tsv",
    "lexicon/admin1_variants.tsv",
    "lexicon/country_variants.tsv",
    "lexicon/demonyms.tsv",
    "lexicon/event_cues.tsv",
    "lexicon/groups.tsv",
    "lexicon/org_affixes.tsv",
    "lexicon/organizations.tsv",
    "lexicon/people.tsv",
    "lexicon/regions.tsv",
    "lexicon/reporting_verbs.tsv",
    "lexicon/roles.tsv",
    "lexicon/seats.tsv",
    "lexicon/titles.tsv",
    "index/names.fst",
    "index/postings.bin",
    "model/ner.bin",
);

impl Source {
    /// The bytes of data file `path` (relative to `data/`), with a name for errors.
    pub fn bytes(&self, path: &str) -> Result<(String, Cow<'static, [u8]>), Error> {
        match self {
            Source::Embedded => {
                let (_, bytes) = EMBEDDED.iter().find(|(p, _)| *p == path).ok_or_else(|| {
                    Error::new(ErrorKind::Data(format!("data/{path} is not compiled into this program")))
                })?;
                Ok((format!("data/{path} (embedded)"), Cow::Borrowed(*bytes)))
            }
            Source::Dir(dir) => {
                let file = dir.join(path);
                let bytes = std::fs::read(&file).map_err(|e| {
                    Error::new(ErrorKind::Data(format!("cannot read {}: {e}", file.display())))
                })?;
                Ok((file.display().to_string(), Cow::Owned(bytes)))
            }
        }
    }

    /// The text of data file `path`, which must be UTF-8 (gzip'd UTF-8 when the path ends
    /// in `.gz`).
    pub fn text(&self, path: &str) -> Result<(String, Cow<'static, str>), Error> {
        let (name, bytes) = self.bytes(path)?;
        if path.ends_with(".gz") {
            let mut text = String::new();
            std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(&bytes[..]), &mut text)
                .map_err(|e| Error::new(ErrorKind::Data(format!("{name}: not gzip'd UTF-8 ({e})"))))?;
            return Ok((name, Cow::Owned(text)));
        }
        let text = match bytes {
            Cow::Borrowed(b) => std::str::from_utf8(b).map(Cow::Borrowed).map_err(|e| e.valid_up_to()),
            Cow::Owned(b) => String::from_utf8(b).map(Cow::Owned).map_err(|e| e.utf8_error().valid_up_to()),
        };
        let text = text.map_err(|at| Error::new(ErrorKind::Data(format!("{name}: not UTF-8 at byte {at}"))))?;
        Ok((name, text))
    }
}

/// All reference data, loaded: the tables, the name index over them, and the name tagger's
/// model.
pub struct Resources {
    /// The tables.
    pub tables: Tables,
    index: NameIndex,
    tagger: Option<Tagger>,
}

impl Resources {
    /// Loads everything from `source`.
    pub fn load(source: &Source) -> Result<Resources, Error> {
        // The model is read on another thread while the tables and the index are.
        let (tables, index, tagger) = std::thread::scope(|scope| {
            // The model is optional here so that it can be trained from the rest; the stages
            // that need it ask for it through `tagger()`.
            let tagger = scope.spawn(|| match source.bytes("model/ner.bin") {
                Ok((_, bytes)) => Tagger::from_bytes(&bytes).map(Some),
                Err(_) if matches!(source, Source::Dir(d) if !d.join("model/ner.bin").exists()) => Ok(None),
                Err(e) => Err(e),
            });
            let tables = Tables::load(source)?;
            let (_, fst_bytes) = source.bytes("index/names.fst")?;
            let (_, postings) = source.bytes("index/postings.bin")?;
            let index = NameIndex::new(fst_bytes, &postings, &tables)?;
            let tagger = tagger.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic))?;
            Ok::<_, Error>((tables, index, tagger))
        })?;
        Ok(Resources { tables, index, tagger })
    }

    /// The name tagger's model.
    pub fn tagger(&self) -> Result<&Tagger, Error> {
        self.tagger.as_ref().ok_or_else(|| {
            Error::new(ErrorKind::Data(
                "no name-tagger model (data/model/ner.bin): train one with `dateline-data train-ner`".into(),
            ))
        })
    }

    /// Loads the data compiled into the program.
    pub fn embedded() -> Result<Resources, Error> {
        Resources::load(&Source::Embedded)
    }

    /// Loads a `data/` folder.
    pub fn from_dir(dir: impl AsRef<Path>) -> Result<Resources, Error> {
        Resources::load(&Source::Dir(dir.as_ref().to_path_buf()))
    }

    /// The process-wide copy of the data, loaded on first use: the embedded data, or the
    /// `data/` folder the environment variable `DATELINE_DATA` names (to try an edited lexicon
    /// without building the program again).
    pub fn shared() -> Result<&'static Resources, &'static Error> {
        static SHARED: OnceLock<Result<Resources, Error>> = OnceLock::new();
        SHARED
            .get_or_init(|| match std::env::var_os("DATELINE_DATA") {
                Some(dir) if !dir.is_empty() => Resources::from_dir(dir),
                _ => Resources::embedded(),
            })
            .as_ref()
    }

    /// The rows `name` may refer to, case-folded (see [`fold`]).
    pub fn lookup(&self, name: &str) -> Vec<NameRef> {
        self.index.get(&fold(name)).collect()
    }

    /// The rows an already folded name may refer to, without allocating.
    pub fn lookup_folded(&self, folded: &str) -> impl Iterator<Item = NameRef> + '_ {
        self.index.get(folded)
    }

    /// The name index.
    pub fn index(&self) -> &NameIndex {
        &self.index
    }
}
