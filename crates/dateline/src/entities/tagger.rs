//! The name tagger: an averaged perceptron that reads a sentence left to right and gives
//! each token a BIO tag of the CoNLL types (PER, ORG, LOC, MISC), from hashed features of
//! the words, their shapes, their neighbours, the gazetteers and the rest of the document.
//!
//! Trained by `dateline-data train-ner` on the CoNLL-2003 training split; the weights ship in
//! `data/model/ner.bin` (the magic `DLNER002`, the bucket bits as `u32`, a scale as `f32`, then
//! `2^bits × 8` weights as `i16`, little-endian: each bucket's weights of the eight tags other
//! than `O`, less its weight of `O`). The training data itself never ships.

use std::collections::HashMap;

use super::features::{gazetteer, history_features, history_word_bucket, sentence_features, DocWord, Hash, SentenceWords};
use crate::error::{Error, ErrorKind};
use crate::resources::{FxBuild, Resources};

/// The tags, in weight order: `O`, then `B-` and `I-` of each type.
pub const TAGS: [&str; 9] = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"];
const N: usize = TAGS.len();
const MAGIC: &[u8; 8] = b"DLNER002";

/// A sentence of `(word, tag index)`.
pub type TaggedSentence = Vec<(String, u8)>;

/// Gold or training data: documents of tagged sentences.
pub type Corpus = [Vec<TaggedSentence>];

/// The CoNLL entity types.
pub const TYPES: [&str; 4] = ["PER", "ORG", "LOC", "MISC"];

/// A tagged span of tokens: `start..end` and a CoNLL type (index into [`TYPES`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct TaggedSpan {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// Index into [`TYPES`].
    pub kind: usize,
}

/// Is `tag` allowed after `prev`? (`I-X` only continues `B-X` or `I-X`.)
fn allowed(prev: usize, tag: usize) -> bool {
    tag == 0 || tag % 2 == 1 || (prev != 0 && prev.div_ceil(2) == tag.div_ceil(2))
}

/// The model: one weight per (feature bucket, tag).
pub struct Tagger {
    bits: u32,
    weights: Weights,
}

/// The weights: as floats while training; as read from the model file, 16-bit integers of
/// one scale (summed as integers: the same ranking of tags, in half the memory, so more of
/// the rows each token reads at random stay in cache), a row per bucket. A packed row holds
/// the weights of the tags after `O` less the weight of `O`: every tag's score moves by the
/// same sum, so the ranking is the same, and a row is 16 bytes, four to a cache line, where
/// nine weights would straddle two lines one time in four.
enum Weights {
    Float(Vec<f32>),
    Packed(Vec<Row>, f32),
}

/// A packed row, aligned to its size so that it never straddles two cache lines.
#[derive(Clone, Copy)]
#[repr(C, align(16))]
struct Row([i16; N - 1]);

/// Per-document context the features read: each word's use across the document.
pub struct DocContext {
    words: HashMap<u64, DocWord, FxBuild>,
}

impl DocContext {
    /// Gathers, for every word of the document's sentences, whether it is seen capitalized
    /// other than first in a sentence, and whether it is seen in lower case.
    pub fn new<'a>(sentences: impl Iterator<Item = &'a [&'a str]>) -> DocContext {
        let mut context = DocContext { words: HashMap::default() };
        for s in sentences {
            context.add(s, |i| Hash::word(s[i]));
        }
        context
    }

    /// [`DocContext::new`] from the sentences' words with their hashes already made.
    pub(crate) fn hashed<'a>(sentences: impl Iterator<Item = (&'a [&'a str], &'a SentenceWords)>) -> DocContext {
        let mut context = DocContext { words: HashMap::default() };
        for (s, sw) in sentences {
            context.add(s, |i| sw.hashes[i]);
        }
        context
    }

    /// Adds a sentence's words, `hash(i)` giving word `i`'s `Hash::word`.
    fn add(&mut self, words: &[&str], hash: impl Fn(usize) -> u64) {
        for (i, w) in words.iter().enumerate() {
            let Some(first) = w.chars().next() else { continue };
            if !first.is_alphabetic() {
                continue;
            }
            let e = self.words.entry(hash(i)).or_default();
            if first.is_lowercase() {
                e.lower = true;
            } else if i > 0 {
                e.capitalized_inside = true;
            }
        }
    }

    /// What the document says about a word, by its hash (`Hash::word`).
    fn get(&self, word_hash: u64) -> DocWord {
        self.words.get(&word_hash).copied().unwrap_or_default()
    }
}

/// Everything needed to tag one sentence, computed once (training reuses it every epoch):
/// each token's fixed feature buckets (`buckets[ends[i - 1]..ends[i]]`), and its word and
/// shape hashes for the history features.
pub(crate) struct Prepared {
    buckets: Vec<u32>,
    ends: Vec<u32>,
    words: Vec<(u64, u64)>,
}

impl Prepared {
    fn len(&self) -> usize {
        self.ends.len()
    }

    fn fixed(&self, i: usize) -> &[u32] {
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        &self.buckets[start..self.ends[i] as usize]
    }
}

impl Tagger {
    /// Reads a model file.
    pub fn from_bytes(bytes: &[u8]) -> Result<Tagger, Error> {
        let bad = |m: &str| Error::new(ErrorKind::Data(format!("model/ner.bin: {m}")));
        if bytes.len() < 16 || !bytes.starts_with(MAGIC) {
            return Err(bad("not a dateline name-tagger model"));
        }
        let bits = u32::from_le_bytes(bytes[8..12].try_into().expect("4 bytes"));
        let scale = f32::from_le_bytes(bytes[12..16].try_into().expect("4 bytes"));
        if !(10..=24).contains(&bits) || bytes.len() != 16 + (1usize << bits) * (N - 1) * 2 {
            return Err(bad("corrupt (wrong size)"));
        }
        let weights = bytes[16..]
            .chunks_exact(2 * (N - 1))
            .map(|row| Row(std::array::from_fn(|t| i16::from_le_bytes([row[2 * t], row[2 * t + 1]]))))
            .collect();
        Ok(Tagger { bits, weights: Weights::Packed(weights, scale) })
    }

    /// Writes the model: each row's weights less its weight of `O`, rounded to 16 bits.
    pub fn to_bytes(&self) -> Vec<u8> {
        let (weights, scale): (Vec<i16>, f32) = match &self.weights {
            Weights::Float(weights) => {
                let relative: Vec<f32> = weights.chunks_exact(N).flat_map(|row| row[1..].iter().map(|w| w - row[0])).collect();
                let max = relative.iter().fold(0f32, |m, w| m.max(w.abs())).max(f32::MIN_POSITIVE);
                let scale = max / f32::from(i16::MAX);
                (relative.iter().map(|w| (w / scale).round() as i16).collect(), scale)
            }
            Weights::Packed(weights, scale) => (weights.iter().flat_map(|r| r.0).collect(), *scale),
        };
        let mut out = Vec::with_capacity(16 + weights.len() * 2);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&self.bits.to_le_bytes());
        out.extend_from_slice(&scale.to_le_bytes());
        for w in &weights {
            out.extend_from_slice(&w.to_le_bytes());
        }
        out
    }

    pub(crate) fn prepare(&self, words: &[&str], doc: &DocContext, resources: &Resources, buf: &mut String) -> Prepared {
        self.prepare_hashed(words, SentenceWords::new(words, self.bits, resources, buf), doc, resources, buf)
    }

    /// [`Tagger::prepare`] with the sentence's word hashes already made.
    fn prepare_hashed(&self, words: &[&str], sw: SentenceWords, doc: &DocContext, resources: &Resources, buf: &mut String) -> Prepared {
        let gaz = gazetteer(words, &sw, resources, buf);
        let mut buckets = Vec::with_capacity(words.len() * 32);
        let mut ends = Vec::with_capacity(words.len());
        sentence_features(words, &sw, &gaz, |h| doc.get(h), self.bits, &mut buckets, &mut ends);
        Prepared { buckets, ends, words: sw.hashes.iter().copied().zip(sw.shapes.iter().copied()).collect() }
    }

    /// Adds the rows of `buckets` to each tag's score. A packed model's rows are integers, and
    /// so are their sums (far below 2^24): exact in `f32`, in any order.
    fn add_rows(&self, buckets: impl Iterator<Item = u32>, scores: &mut [f32; N]) {
        match &self.weights {
            Weights::Float(weights) => add_float_rows(weights, buckets, scores),
            Weights::Packed(weights, _) => {
                // Whole rows of fixed length, so that the sums are vector instructions.
                let mut sums = [0i32; N - 1];
                for b in buckets {
                    let row = &weights[b as usize].0;
                    for t in 0..N - 1 {
                        sums[t] += i32::from(row[t]);
                    }
                }
                // `O` scores nothing: the others are relative to it.
                scores[1..].iter_mut().zip(sums).for_each(|(s, x)| *s += x as f32);
            }
        }
    }

    /// Asks the processor to bring a row into cache ahead of its use.
    #[inline]
    #[allow(unsafe_code)]
    fn prefetch(&self, bucket: u32) {
        #[cfg(target_arch = "x86_64")]
        if let Weights::Packed(weights, _) = &self.weights {
            if let Some(row) = weights.get(bucket as usize) {
                // SAFETY: a prefetch reads nothing and cannot fault; the pointer is a live row's.
                unsafe { std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>(std::ptr::from_ref(row).cast()) };
            }
        }
    }

    /// Tags a prepared sentence: one tag index per token.
    pub(crate) fn tag(&self, p: &Prepared) -> Vec<u8> {
        // The fixed features' part of every token's scores first: those reads of the table do
        // not wait for the tags before them, so the processor can overlap them.
        let fixed: Vec<[f32; N]> = (0..p.len())
            .map(|i| {
                if i + 2 < p.len() {
                    p.fixed(i + 2).iter().for_each(|&b| self.prefetch(b));
                }
                let mut scores = [0f32; N];
                self.add_rows(p.fixed(i).iter().copied(), &mut scores);
                scores
            })
            .collect();
        let mut tags = Vec::with_capacity(p.len());
        let mut history = Vec::with_capacity(4);
        for (i, &fixed) in fixed.iter().enumerate() {
            // The next token's rows for its word after each tag this one may take: the only
            // row of its scores that waits for this token's tag and is not shared by many.
            if let Some(&(next, _)) = p.words.get(i + 1) {
                for t in 0..N as u8 {
                    self.prefetch(history_word_bucket(next, t, self.bits));
                }
            }
            let prev = if i > 0 { tags[i - 1] } else { 0 };
            let prev2 = if i > 1 { tags[i - 2] } else { 0 };
            let (word, shape) = p.words[i];
            history_features(word, shape, prev, prev2, &mut history);
            let mut scores = fixed;
            self.add_rows(history.iter().map(|h| h.bucket(self.bits)), &mut scores);
            let best = (0..N)
                .filter(|&t| allowed(prev as usize, t))
                .max_by(|&a, &b| scores[a].total_cmp(&scores[b]).then(b.cmp(&a)))
                .expect("O is always allowed");
            tags.push(best as u8);
        }
        tags
    }

    /// The name spans of every sentence of a document (its sentences' words), the document's
    /// context made from the same word hashes the features use.
    pub fn document_spans(&self, sentences: &[Vec<&str>], resources: &Resources) -> Vec<Vec<TaggedSpan>> {
        let mut buf = String::new();
        let hashed: Vec<SentenceWords> = sentences.iter().map(|w| SentenceWords::new(w, self.bits, resources, &mut buf)).collect();
        let doc = DocContext::hashed(sentences.iter().map(Vec::as_slice).zip(&hashed));
        sentences.iter().zip(hashed).map(|(w, sw)| spans_of(&self.tag(&self.prepare_hashed(w, sw, &doc, resources, &mut buf)))).collect()
    }

    /// Trains a model on `train` (documents of sentences of `(word, tag index)`), printing
    /// the development score after each pass when `dev` is given.
    pub fn train(
        train: &Corpus,
        dev: Option<&Corpus>,
        resources: &Resources,
        bits: u32,
        epochs: usize,
        mut report: impl FnMut(usize, f64),
    ) -> Tagger {
        // The weights being learnt; `model` only prepares sentences (it needs the bucket bits).
        let mut weights = vec![0f32; (1 << bits) * N];
        let model = Tagger { bits, weights: Weights::Float(Vec::new()) };
        let prepare = |model: &Tagger, docs: &Corpus| -> Vec<(Prepared, Vec<u8>)> {
            let mut buf = String::new();
            let mut out = Vec::new();
            for doc in docs {
                let words: Vec<Vec<&str>> = doc.iter().map(|s| s.iter().map(|(w, _)| w.as_str()).collect()).collect();
                let ctx = DocContext::new(words.iter().map(|w| w.as_slice()));
                for (s, ws) in doc.iter().zip(&words) {
                    out.push((model.prepare(ws, &ctx, resources, &mut buf), s.iter().map(|(_, t)| *t).collect()));
                }
            }
            out
        };
        let data = prepare(&model, train);
        let dev_data = dev.map(|d| prepare(&model, d));
        // Averaged perceptron with lazy averaging: `totals` accumulates step-weighted updates.
        let mut totals = vec![0f32; weights.len()];
        let mut step = 1f32;
        let mut order: Vec<usize> = (0..data.len()).collect();
        let mut rng = 0x2545_F491_4F6C_DD1Du64;
        let mut history = Vec::with_capacity(4);
        for epoch in 0..epochs {
            for i in (1..order.len()).rev() {
                rng ^= rng << 13;
                rng ^= rng >> 7;
                rng ^= rng << 17;
                order.swap(i, (rng % (i as u64 + 1)) as usize);
            }
            for &k in &order {
                let (p, gold) = &data[k];
                let mut tags: Vec<u8> = Vec::with_capacity(gold.len());
                for i in 0..p.len() {
                    let fixed = p.fixed(i);
                    let prev = if i > 0 { tags[i - 1] } else { 0 };
                    let prev2 = if i > 1 { tags[i - 2] } else { 0 };
                    let (word, shape) = p.words[i];
                    history_features(word, shape, prev, prev2, &mut history);
                    let mut scores = [0f32; N];
                    add_float_rows(&weights, fixed.iter().copied().chain(history.iter().map(|h| h.bucket(bits))), &mut scores);
                    let guess = (0..N)
                        .filter(|&t| allowed(prev as usize, t))
                        .max_by(|&a, &b| scores[a].total_cmp(&scores[b]).then(b.cmp(&a)))
                        .expect("O is always allowed");
                    let truth = gold[i] as usize;
                    if guess != truth {
                        let buckets = fixed.iter().copied().chain(history.iter().map(|h| h.bucket(bits)));
                        for b in buckets {
                            let row = b as usize * N;
                            weights[row + truth] += 1.0;
                            totals[row + truth] += step;
                            weights[row + guess] -= 1.0;
                            totals[row + guess] -= step;
                        }
                    }
                    // Decode on the model's own history, as at run time.
                    tags.push(guess as u8);
                    step += 1.0;
                }
            }
            if let Some(dev) = &dev_data {
                let averaged = Tagger { bits, weights: Weights::Float(weights.iter().zip(&totals).map(|(w, t)| w - t / step).collect()) };
                report(epoch + 1, averaged.f1(dev));
            }
        }
        Tagger { bits, weights: Weights::Float(weights.iter().zip(&totals).map(|(w, t)| w - t / step).collect()) }
    }

    fn f1(&self, data: &[(Prepared, Vec<u8>)]) -> f64 {
        let (mut tp, mut found, mut gold) = (0usize, 0usize, 0usize);
        for (p, g) in data {
            let predicted = spans_of(&self.tag(p));
            let truth = spans_of(g);
            tp += predicted.iter().filter(|s| truth.contains(s)).count();
            found += predicted.len();
            gold += truth.len();
        }
        let (p, r) = (tp as f64 / found.max(1) as f64, tp as f64 / gold.max(1) as f64);
        if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
    }
}

/// Adds the rows of `buckets` of float weights to each tag's score.
fn add_float_rows(weights: &[f32], buckets: impl Iterator<Item = u32>, scores: &mut [f32; N]) {
    for b in buckets {
        let row = &weights[b as usize * N..b as usize * N + N];
        scores.iter_mut().zip(row).for_each(|(s, w)| *s += w);
    }
}

/// The spans of a BIO tag sequence (an `I-` with no `B-` before it starts a span).
pub fn spans_of(tags: &[u8]) -> Vec<TaggedSpan> {
    let mut out = Vec::new();
    let mut open: Option<TaggedSpan> = None;
    for (i, &t) in tags.iter().enumerate() {
        let t = t as usize;
        let kind = t.div_ceil(2);
        let continues = t != 0 && t % 2 == 0 && open.is_some_and(|s| s.kind + 1 == kind);
        if !continues {
            out.extend(open.take());
            if t != 0 {
                open = Some(TaggedSpan { start: i, end: i + 1, kind: kind - 1 });
            }
        } else if let Some(s) = open.as_mut() {
            s.end = i + 1;
        }
    }
    out.extend(open);
    out
}

/// Converts CoNLL IOB1 tags (`I-PER` inside, `B-PER` only between two names of one type) to
/// tag indices in BIO form.
pub fn bio_from_iob1(tags: &[&str]) -> Result<Vec<u8>, String> {
    let mut out = Vec::with_capacity(tags.len());
    let mut prev_type = "";
    for tag in tags {
        let (prefix, ty) = tag.split_once('-').unwrap_or((tag, ""));
        let idx = |p: &str| TAGS.iter().position(|t| *t == format!("{p}-{ty}")).ok_or_else(|| format!("unknown tag {tag:?}"));
        let i = match prefix {
            "O" => 0,
            "B" => idx("B")?,
            "I" if ty == prev_type => idx("I")?,
            "I" => idx("B")?,
            _ => return Err(format!("unknown tag {tag:?}")),
        };
        prev_type = if prefix == "O" { "" } else { ty };
        out.push(i as u8);
    }
    Ok(out)
}

/// Reads a CoNLL file (`-DOCSTART-` between documents, a blank line between sentences; the
/// word first on each line and the tag last) into documents of sentences of `(word, tag)`.
pub fn read_conll(text: &str) -> Result<Vec<Vec<TaggedSentence>>, String> {
    let mut docs: Vec<Vec<TaggedSentence>> = vec![Vec::new()];
    let mut words: Vec<&str> = Vec::new();
    let mut tags: Vec<&str> = Vec::new();
    let flush = |docs: &mut Vec<Vec<TaggedSentence>>, words: &mut Vec<&str>, tags: &mut Vec<&str>| -> Result<(), String> {
        if !words.is_empty() {
            let bio = bio_from_iob1(tags)?;
            docs.last_mut().expect("a document").push(words.iter().map(|w| w.to_string()).zip(bio).collect());
        }
        words.clear();
        tags.clear();
        Ok(())
    };
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end();
        if line.starts_with("-DOCSTART-") {
            flush(&mut docs, &mut words, &mut tags)?;
            if !docs.last().expect("a document").is_empty() {
                docs.push(Vec::new());
            }
        } else if line.is_empty() {
            flush(&mut docs, &mut words, &mut tags)?;
        } else {
            let mut cols = line.split(' ');
            let word = cols.next().expect("a non-empty line has a word");
            let tag = line.rsplit(' ').next().expect("a non-empty line has a last column");
            if word == line {
                return Err(format!("line {}: no tag", n + 1));
            }
            words.push(word);
            tags.push(tag);
        }
    }
    flush(&mut docs, &mut words, &mut tags)?;
    docs.retain(|d| !d.is_empty());
    Ok(docs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iob1_becomes_bio_and_spans() {
        let bio = bio_from_iob1(&["I-PER", "I-PER", "O", "I-LOC", "B-LOC", "I-MISC"]).unwrap();
        assert_eq!(bio, [1, 2, 0, 5, 5, 7]);
        assert_eq!(spans_of(&bio), [
            TaggedSpan { start: 0, end: 2, kind: 0 },
            TaggedSpan { start: 3, end: 4, kind: 2 },
            TaggedSpan { start: 4, end: 5, kind: 2 },
            TaggedSpan { start: 5, end: 6, kind: 3 },
        ]);
        // A stray I- starts a span.
        assert_eq!(spans_of(&[0, 4, 4]), [TaggedSpan { start: 1, end: 3, kind: 1 }]);
        assert!(bio_from_iob1(&["I-XYZ"]).is_err());
    }

    #[test]
    fn conll_files_are_read_by_document_and_sentence() {
        let docs = read_conll("-DOCSTART- -X- O O\n\nEU NNP I-NP I-ORG\nrejects VBZ I-VP O\n\nPeter NNP I-NP I-PER\n\n-DOCSTART- -X- O O\n\nParis I-LOC\n").unwrap();
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].len(), 2);
        assert_eq!(docs[0][0], [("EU".to_string(), 3), ("rejects".to_string(), 0)]);
        assert_eq!(docs[1][0], [("Paris".to_string(), 5)]);
        assert!(read_conll("word\n").is_err());
    }

    #[test]
    fn only_valid_transitions() {
        assert!(allowed(1, 2) && allowed(2, 2) && !allowed(0, 2) && !allowed(3, 2) && allowed(3, 0) && allowed(0, 7));
    }

    #[test]
    fn a_model_round_trips_through_bytes() {
        let floats: Vec<f32> = (0..(1 << 10) * N).map(|i| (i % 7) as f32 - 3.0).collect();
        let model = Tagger { bits: 10, weights: Weights::Float(floats.clone()) };
        let back = Tagger::from_bytes(&model.to_bytes()).unwrap();
        let Weights::Packed(packed, scale) = &back.weights else { panic!("a model file reads as packed weights") };
        let relative = floats.chunks_exact(N).flat_map(|row| row[1..].iter().map(|w| w - row[0]));
        assert!(relative.zip(packed.iter().flat_map(|r| r.0)).all(|(a, b)| (a - f32::from(b) * scale).abs() < 1e-3));
        assert_eq!(back.to_bytes(), model.to_bytes());
        assert!(Tagger::from_bytes(b"DLNER002short").is_err());
        assert!(Tagger::from_bytes(&model.to_bytes()[..100]).is_err());
    }
}
