//! Entities: people, organizations, places and groups, found and merged across the article.
//!
//! 1. **Names** come from the tagger (`tagger`, an averaged perceptron trained on CoNLL-2003
//!    with gazetteer and document features), plus the names the gazetteers know for certain
//!    that it missed (countries, organizations, seats of government, demonyms).
//! 2. **Types** refine the tagger's four CoNLL types with the gazetteers and the words names
//!    end in: a LOC that is a country, state or city is GPE, a region or sea LOC, one ending in
//!    `Base` or `Airport` FAC; a MISC that is a demonym is NORP, one ending in `War` EVENT.
//! 3. **Entities** (`coref`) merge the mentions: one gazetteer row is one entity (`U.S.` =
//!    `America`), a surname joins the full name before it, an acronym the name it abbreviates;
//!    descriptions (`the Russian leader`), pronouns and capitals or seats of government used
//!    as agents (`Moscow wouldn't predict`) join the entity they stand for.
//! 4. **Attributes**: country and role from the words before a name (`Russian Foreign
//!    Minister Sergei Lavrov`) and from descriptions, and the CAMEO actor code.

mod coref;
mod features;
pub mod tagger;

use serde::{Deserialize, Serialize};

pub use tagger::{Tagger, TaggedSpan, TAGS, TYPES};

use crate::document::{Document, SentenceId};
use crate::error::Error;
use crate::resources::Resources;
use crate::stage::Stage;

/// Configuration of the `entities` stage.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct EntitiesConfig {}

/// The `entities` stage.
pub struct Entities {
    resources: &'static Resources,
}

impl Entities {
    /// Builds the stage over the reference data compiled into the program.
    pub fn new(_config: EntitiesConfig) -> Result<Entities, Error> {
        let resources = Resources::shared().map_err(Clone::clone)?;
        resources.tagger()?;
        Ok(Entities { resources })
    }
}

impl Stage for Entities {
    fn name(&self) -> &'static str {
        "entities"
    }

    fn run(&self, doc: &mut Document) -> Result<(), Error> {
        let tagger = self.resources.tagger()?;
        let text = doc.text();
        let words: Vec<Vec<&str>> = (0..doc.sentences.len())
            .map(|i| doc.sentence_tokens(SentenceId(i as u32)).iter().map(|t| &text[t.span]).collect())
            .collect();
        let mut tagged = tagger.document_spans(&words, self.resources);
        // A name has letters: the tagger's `16` in `A further 16 cases` is none.
        for (spans, w) in tagged.iter_mut().zip(&words) {
            spans.retain(|t| w[t.start..t.end].iter().any(|w| w.chars().any(char::is_alphabetic)));
        }
        doc.entities = coref::resolve(doc, &tagged, self.resources);
        Ok(())
    }
}
