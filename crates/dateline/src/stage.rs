//! Stages and the pipeline that runs them.
//!
//! A stage is an immutable value that adds to a [`Document`]; the pipeline is a list of
//! stages built from a serde config ([`PipelineConfig`]), so one pipeline serves every thread.
//! To add a stage: write its config type and stage type in its own module, add a variant to
//! [`StageConfig`], and name the stages it needs in [`StageConfig::requires`].

use serde::{Deserialize, Serialize};

use crate::clean::{Clean, CleanConfig};
use crate::document::{Document, Problem};
use crate::entities::{Entities, EntitiesConfig};
use crate::events::{Events, EventsConfig};
use crate::places::{Places, PlacesConfig};
use crate::quotes::{Quotes, QuotesConfig};
use crate::times::{Times, TimesConfig};
use crate::error::{Error, ErrorKind};
use crate::language::{Language, LanguageConfig};
use crate::segment::{Segment, SegmentConfig};

/// One step of the pipeline.
pub trait Stage: Send + Sync {
    /// The stage's name, as in the config and in error records.
    fn name(&self) -> &'static str;

    /// Adds the stage's layer to the document. An error is recorded in the document's
    /// `errors` and stops the pipeline for that document only.
    fn run(&self, doc: &mut Document) -> Result<(), Error>;
}

/// The configuration of one stage, tagged by its name: `{"stage": "clean", ...}`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "stage", rename_all = "lowercase", deny_unknown_fields)]
pub enum StageConfig {
    /// Drop page furniture, fold whitespace, write the text.
    Clean(CleanConfig),
    /// Paragraphs, sentences, tokens.
    Segment(SegmentConfig),
    /// Identify the document's language.
    Language(LanguageConfig),
    /// People, organizations, places and groups.
    Entities(EntitiesConfig),
    /// Dates, times, durations and sets.
    Times(TimesConfig),
    /// Direct, partial and reported speech.
    Quotes(QuotesConfig),
    /// Places resolved to the gazetteer, and local times to UTC.
    Places(PlacesConfig),
    /// Political events coded in CAMEO and PLOVER.
    Events(EventsConfig),
}

impl StageConfig {
    /// The stage's name.
    pub fn name(&self) -> &'static str {
        match self {
            StageConfig::Clean(_) => "clean",
            StageConfig::Segment(_) => "segment",
            StageConfig::Language(_) => "language",
            StageConfig::Entities(_) => "entities",
            StageConfig::Times(_) => "times",
            StageConfig::Quotes(_) => "quotes",
            StageConfig::Places(_) => "places",
            StageConfig::Events(_) => "events",
        }
    }

    /// The stages that must run before this one.
    pub fn requires(&self) -> &'static [&'static str] {
        match self {
            StageConfig::Clean(_) => &[],
            StageConfig::Segment(_) | StageConfig::Language(_) => &["clean"],
            StageConfig::Entities(_) | StageConfig::Times(_) => &["clean", "segment"],
            StageConfig::Quotes(_) => &["clean", "segment", "entities"],
            StageConfig::Places(_) => &["clean", "segment", "entities"],
            StageConfig::Events(_) => &["clean", "segment", "entities", "times", "quotes", "places"],
        }
    }

    fn build(&self) -> Result<Box<dyn Stage>, Error> {
        Ok(match self {
            StageConfig::Clean(c) => Box::new(Clean::new(c.clone())),
            StageConfig::Segment(c) => Box::new(Segment::new(c.clone())),
            StageConfig::Language(c) => Box::new(Language::new(c.clone())),
            StageConfig::Entities(c) => Box::new(Entities::new(c.clone())?),
            StageConfig::Times(c) => Box::new(Times::new(c.clone())),
            StageConfig::Quotes(c) => Box::new(Quotes::new(c.clone())?),
            StageConfig::Places(c) => Box::new(Places::new(c.clone())?),
            StageConfig::Events(c) => Box::new(Events::new(c.clone())?),
        })
    }
}

/// The configuration of a whole pipeline: its stages, in order.
///
/// As JSON: `{"stages": [{"stage": "clean"}, {"stage": "segment"}, {"stage": "language"}]}`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PipelineConfig {
    /// The stages, in the order they run.
    pub stages: Vec<StageConfig>,
}

impl Default for PipelineConfig {
    fn default() -> PipelineConfig {
        PipelineConfig {
            stages: vec![
                StageConfig::Clean(CleanConfig::default()),
                StageConfig::Segment(SegmentConfig::default()),
                StageConfig::Language(LanguageConfig::default()),
                StageConfig::Entities(EntitiesConfig::default()),
                StageConfig::Times(TimesConfig::default()),
                StageConfig::Quotes(QuotesConfig::default()),
                StageConfig::Places(PlacesConfig::default()),
                StageConfig::Events(EventsConfig::default()),
            ],
        }
    }
}

/// A built pipeline: immutable, `Send + Sync`, shared by all threads.
pub struct Pipeline {
    stages: Vec<Box<dyn Stage>>,
}

impl Pipeline {
    /// Builds the pipeline, checking that each stage comes after the stages it needs.
    pub fn new(config: &PipelineConfig) -> Result<Pipeline, Error> {
        let mut seen: Vec<&str> = Vec::new();
        for stage in &config.stages {
            if seen.contains(&stage.name()) {
                return Err(ErrorKind::Config(format!("stage {:?} appears twice", stage.name())).into());
            }
            if let Some(missing) = stage.requires().iter().find(|r| !seen.contains(r)) {
                return Err(ErrorKind::Config(format!(
                    "stage {:?} needs stage {missing:?} before it",
                    stage.name()
                ))
                .into());
            }
            seen.push(stage.name());
        }
        Ok(Pipeline { stages: config.stages.iter().map(StageConfig::build).collect::<Result<_, _>>()? })
    }

    /// Runs every stage on the document. A document that could not be read is left as it
    /// is; a stage's error is recorded in the document and ends its run.
    pub fn run(&self, doc: &mut Document) {
        if doc.is_failed() {
            return;
        }
        for stage in &self.stages {
            if let Err(err) = stage.run(doc) {
                doc.errors.push(Problem::from_error(stage.name(), &err));
                return;
            }
        }
    }
}

impl Default for Pipeline {
    fn default() -> Pipeline {
        Pipeline::new(&PipelineConfig::default()).expect("the default pipeline is valid")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn config_round_trips_through_json() {
        let json = r#"{"stages":[{"stage":"clean","furniture":false},{"stage":"segment"}]}"#;
        let config: PipelineConfig = serde_json::from_str(json).unwrap();
        assert_eq!(config.stages.len(), 2);
        assert!(Pipeline::new(&config).is_ok());
        let again: PipelineConfig = serde_json::from_str(&serde_json::to_string(&config).unwrap()).unwrap();
        assert_eq!(again, config);
    }

    #[test]
    fn config_rejects_stages_out_of_order_and_unknown_ones() {
        let out_of_order: PipelineConfig =
            serde_json::from_str(r#"{"stages":[{"stage":"segment"},{"stage":"clean"}]}"#).unwrap();
        let err = Pipeline::new(&out_of_order).err().unwrap();
        assert!(err.to_string().contains("needs stage \"clean\""), "{err}");
        assert!(serde_json::from_str::<PipelineConfig>(r#"{"stages":[{"stage":"magic"}]}"#).is_err());
    }
}
