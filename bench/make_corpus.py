#!/usr/bin/env python3
"""Builds a realistic news corpus (JSONL) from the MEANTIME Wikinews articles in ../shared/eval.

Each article's tokens are joined back into running text (title line, date line, then
paragraphs of three sentences), with its document creation time as `date`. With
--geovirus, the GeoVirus Wikinews excerpts (one paragraph each, no date) follow them.
The articles are written once, then repeated (ids suffixed) until the file reaches --mb
megabytes. Nothing from ../shared is committed: the corpus goes to the path given.

    python3 bench/make_corpus.py --mb 100 -o /tmp/dateline-corpus.jsonl
"""
import argparse
import glob
import json
import os
import re
import sys
import xml.etree.ElementTree as ET

NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "'s", "’s", "n't", "n’t", "'", "''", "”", "’"}
NO_SPACE_AFTER = {"(", "[", "{", "$", "``", "“", "‘", "#"}


def detokenize(tokens):
    out = ""
    quote_open = False
    for tok in tokens:
        tok = {"``": "“", "''": "”", "`": "‘"}.get(tok, tok)
        if tok == '"':
            if quote_open:
                out += tok
            else:
                out += (" " if out else "") + tok
            quote_open = not quote_open
            continue
        glue = not out or tok in NO_SPACE_BEFORE or out[-1] in NO_SPACE_AFTER or (out.endswith('"') and quote_open)
        out += ("" if glue else " ") + tok
    return out


def article(path):
    root = ET.parse(path).getroot()
    sentences = {}
    for tok in root.iter("token"):
        sentences.setdefault(int(tok.get("sentence")), []).append(tok.text or "")
    dct = None
    for t in root.iter("TIMEX3"):
        if t.get("functionInDocument") == "CREATION_TIME":
            dct = t.get("value")
    lines = [detokenize(sentences[k]) for k in sorted(sentences)]
    title, dateline, body = lines[0], lines[1] if len(lines) > 1 else "", lines[2:]
    paragraphs = [" ".join(body[i:i + 3]) for i in range(0, len(body), 3)]
    return {"id": root.get("doc_id"), "title": title, "date": dct, "url": root.get("url"),
            "text": "\n".join([title, dateline] + paragraphs), "sentences": len(lines)}


def geovirus(path):
    """The GeoVirus excerpts: Wikinews text with its source URL, no date."""
    out = []
    for i, a in enumerate(ET.parse(path).getroot().iter("article")):
        url = (a.findtext("source") or "").strip()
        out.append({"id": f"geovirus-{i}", "title": None, "date": None, "url": url,
                    "text": (a.findtext("text") or "").strip(), "sentences": 0})
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=os.path.join(os.path.dirname(__file__), "..", "..", "shared"))
    ap.add_argument("--mb", type=float, default=100)
    ap.add_argument("--geovirus", action="store_true", help="add the GeoVirus excerpts after MEANTIME's articles")
    ap.add_argument("-o", "--output", required=True)
    args = ap.parse_args()
    files = sorted(glob.glob(os.path.join(args.shared, "eval", "meantime_en", "intra-doc_annotation", "*", "*.xml")))
    if not files:
        sys.exit(f"make_corpus: no MEANTIME files under {args.shared}/eval/meantime_en")
    docs = [article(f) for f in files]
    if args.geovirus:
        docs += geovirus(os.path.join(args.shared, "eval", "geovirus", "GeoVirus.xml"))
    gold_sentences = sum(d.pop("sentences") for d in docs)
    target = int(args.mb * 1e6)
    written = rounds = 0
    with open(args.output, "w", encoding="utf-8") as out:
        while written < target:
            for d in docs:
                rec = {k: v for k, v in dict(d, id=f"{d['id']}-{rounds}").items() if v is not None}
                line = json.dumps(rec, ensure_ascii=False) + "\n"
                out.write(line)
                written += len(line.encode())
            rounds += 1
    print(json.dumps({"articles": len(docs), "rounds": rounds, "bytes": written,
                      "gold_sentences_per_round": gold_sentences}))


if __name__ == "__main__":
    main()
