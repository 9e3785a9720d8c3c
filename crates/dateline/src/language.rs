//! Language: which language the document is written in, by `whatlang` trigram statistics
//! over the start of its text.

use serde::{Deserialize, Serialize};

use crate::document::Document;
use crate::error::Error;
use crate::stage::Stage;

/// Configuration of the `language` stage.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LanguageConfig {
    /// How many bytes from the start of the text to look at (more is slower, rarely better).
    pub sample_bytes: usize,
    /// The least confidence (0 to 1) at which a language is reported.
    pub min_confidence: f64,
}

impl Default for LanguageConfig {
    fn default() -> LanguageConfig {
        LanguageConfig { sample_bytes: 1024, min_confidence: 0.5 }
    }
}

/// The `language` stage. A language given with the input is kept.
pub struct Language {
    config: LanguageConfig,
}

impl Language {
    /// Builds the stage.
    pub fn new(config: LanguageConfig) -> Language {
        Language { config }
    }
}

impl Stage for Language {
    fn name(&self) -> &'static str {
        "language"
    }

    fn run(&self, doc: &mut Document) -> Result<(), Error> {
        if doc.meta.language.is_none() {
            doc.meta.language = detect(doc.text(), &self.config).map(str::to_string);
        }
        Ok(())
    }
}

/// The language of `text` as an ISO 639-1 code (ISO 639-3 where there is none), or `None`
/// when the text is too short or too mixed to tell.
pub fn detect(text: &str, config: &LanguageConfig) -> Option<&'static str> {
    let mut end = config.sample_bytes.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    if plainly_english(&text[..end]) {
        return Some("en");
    }
    let info = whatlang::detect(&text[..end])?;
    (info.confidence() >= config.min_confidence).then(|| iso639_1(info.lang()))
}

/// True for an English function word (lower-case ASCII): in running English text about a
/// third of the words are these, and in other languages almost none are.
fn english_function_word(w: &[u8]) -> bool {
    matches!(
        w,
        b"the" | b"of" | b"and" | b"to" | b"in" | b"a" | b"is" | b"that" | b"for" | b"on" | b"with" | b"was" | b"as" | b"by"
            | b"at" | b"from" | b"it" | b"be" | b"are" | b"has" | b"have" | b"he" | b"his" | b"were" | b"this" | b"which"
            | b"said" | b"an" | b"not" | b"but" | b"had" | b"they" | b"will" | b"its" | b"their"
    )
}

/// A fast path for most news: a sample of at least 30 words, a quarter of them English
/// function words, and at most one in ten written with letters outside ASCII (the names of
/// `Zürich` or `Müller` in English text; a text in another script has far more) is English,
/// without the trigram statistics (which cost a fifth of the pipeline's time on short
/// articles).
fn plainly_english(sample: &str) -> bool {
    let (mut words, mut function, mut foreign) = (0usize, 0usize, 0usize);
    // The word being read: its length in letters, its first five letters in lower case, and
    // whether a letter of it is outside ASCII.
    let (mut len, mut other) = (0usize, false);
    let mut buf = [0u8; 5];
    let mut end_word = |len: &mut usize, other: &mut bool, buf: &[u8; 5]| {
        if *len > 0 {
            words += 1;
            if *other {
                foreign += 1;
            } else if *len <= buf.len() {
                function += usize::from(english_function_word(&buf[..*len]));
            }
        }
        (*len, *other) = (0, false);
    };
    let bytes = sample.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_alphabetic() {
            if len < buf.len() {
                buf[len] = b.to_ascii_lowercase();
            }
            len += 1;
            i += 1;
        } else if b.is_ascii() {
            end_word(&mut len, &mut other, &buf);
            i += 1;
        } else {
            let c = sample[i..].chars().next().expect("a character starts here");
            if c.is_alphabetic() {
                (len, other) = (len + 1, true);
            } else {
                end_word(&mut len, &mut other, &buf);
            }
            i += c.len_utf8();
        }
    }
    end_word(&mut len, &mut other, &buf);
    words >= 30 && function * 4 >= words && foreign * 10 <= words
}

fn iso639_1(lang: whatlang::Lang) -> &'static str {
    use whatlang::Lang::*;
    match lang {
        Afr => "af", Aka => "ak", Amh => "am", Ara => "ar", Aze => "az", Bel => "be", Ben => "bn",
        Bul => "bg", Cat => "ca", Ces => "cs", Cmn => "zh", Cym => "cy", Dan => "da", Deu => "de",
        Ell => "el", Eng => "en", Epo => "eo", Est => "et", Fin => "fi", Fra => "fr", Guj => "gu",
        Heb => "he", Hin => "hi", Hrv => "hr", Hun => "hu", Hye => "hy", Ind => "id", Ita => "it",
        Jav => "jv", Jpn => "ja", Kan => "kn", Kat => "ka", Khm => "km", Kor => "ko", Lat => "la",
        Lav => "lv", Lit => "lt", Mal => "ml", Mar => "mr", Mkd => "mk", Mya => "my", Nep => "ne",
        Nld => "nl", Nob => "nb", Ori => "or", Pan => "pa", Pes => "fa", Pol => "pl", Por => "pt",
        Ron => "ro", Rus => "ru", Sin => "si", Slk => "sk", Slv => "sl", Sna => "sn", Spa => "es",
        Srp => "sr", Swe => "sv", Tam => "ta", Tel => "te", Tgl => "tl", Tha => "th", Tuk => "tk",
        Tur => "tr", Ukr => "uk", Urd => "ur", Uzb => "uz", Vie => "vi", Yid => "yi", Zul => "zu",
        #[allow(unreachable_patterns)]
        other => other.code(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_common_news_languages() {
        let config = LanguageConfig::default();
        let cases = [
            ("en", "The two leaders met in Alaska on Friday to discuss a ceasefire in the war."),
            ("de", "Die beiden Staatschefs trafen sich am Freitag in Alaska, um über einen Waffenstillstand zu sprechen."),
            ("fr", "Les deux dirigeants se sont rencontrés vendredi en Alaska pour discuter d'un cessez-le-feu."),
            ("ru", "Два лидера встретились в пятницу на Аляске, чтобы обсудить прекращение огня."),
            ("uk", "Двоє лідерів зустрілися в п'ятницю на Алясці, щоб обговорити припинення вогню."),
        ];
        for (code, text) in cases {
            assert_eq!(detect(text, &config), Some(code), "{text}");
        }
        assert_eq!(detect("", &config), None);
        // The fast path agrees with the statistics, and leaves other languages to them.
        let english = "The minister said on Friday that the talks with the two leaders would go on in the capital, and that a “deal” was close but not yet agreed by all of the parties to the war.";
        assert!(plainly_english(english));
        assert_eq!(whatlang::detect(english).map(|i| i.lang()), Some(whatlang::Lang::Eng));
        let dutch = "De minister zei op vrijdag dat de gesprekken met de twee leiders in de hoofdstad zouden doorgaan, en dat een akkoord dichtbij was maar nog niet door alle partijen in de oorlog was aanvaard.";
        assert!(!plainly_english(dutch));
        assert_eq!(detect(dutch, &config), Some("nl"));
        // A name or two written with other letters leave English English; a text full of
        // them is another language's.
        let names = "The minister said on Friday in Zürich that the talks with Mr. Müller and the two leaders would go on in the capital, and that a deal was close but not yet agreed by all of the parties.";
        assert!(plainly_english(names));
        let french = "Le ministre a déclaré vendredi à Zürich que les négociations avec les deux dirigeants se poursuivraient dans la capitale, et qu'un accord était proche mais pas encore accepté par toutes les parties à la guerre, a-t-il précisé.";
        assert!(!plainly_english(french));
        assert_eq!(detect(french, &config), Some("fr"));
    }
}
