#!/usr/bin/env python3
"""Validate testdata/events-gold/events.tsv against the GeoVirus texts, and
testdata/events-gold/meantime.tsv against the MEANTIME articles' running text.

Run from anywhere:  python3 testdata/events-gold/check.py
Python 3, standard library only.  Exits non-zero on any error.
The texts (GeoVirus.xml, the MEANTIME folder) and the CAMEO code list live
outside the repository, in ../shared relative to the repository root; if
../shared is missing the check is skipped (exit 0) with a message.
"""
import glob
import html
import os
import re
import sys
import xml.etree.ElementTree as ET
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))  # testdata/events-gold -> repo root
SHARED = os.path.normpath(os.path.join(ROOT, '..', 'shared'))
GEOVIRUS = os.path.join(SHARED, 'eval', 'geovirus', 'GeoVirus.xml')
CAMEO = os.path.join(SHARED, 'reference', 'cameo', 'CAMEO.eventcodes.txt')
MEANTIME = os.path.join(SHARED, 'eval', 'meantime_en', 'intra-doc_annotation')
GOLD = os.path.join(HERE, 'events.tsv')
GOLD_MEANTIME = os.path.join(HERE, 'meantime.tsv')

# The running text of a MEANTIME article (README.md, "MEANTIME"): the same rules as
# `running_text` in crates/dateline/src/eval/meantime.rs.
CLOSES = {',', '.', ';', ':', '!', '?', ')', ']', '%', "'s", "'", "n't", "'re", "'ve", "'ll",
          "'d", "'m", '...', "''", '\u201d', '\u2019'}
OPENS = {'(', '[', '$', 'US$', '#', '``', '\u201c', '\u00a3', '\u20ac', '\u00a5', 'C$', 'A$'}
TOKEN_RE = re.compile(r'<token [^>]*?sentence="(\d+)" t_id="(\d+)"[^>]*>([^<]*)</token>')


def running_text(path):
    """The body of a MEANTIME article (sentences 2 on) as running text."""
    with open(path, encoding='utf-8') as f:
        xml = f.read()
    tokens = sorted(((int(t), int(s), html.unescape(w)) for s, t, w in TOKEN_RE.findall(xml)))
    text, previous = '', None
    for _, sentence, word in tokens:
        if sentence < 2:
            continue
        if previous is not None:
            if previous[0] != sentence:
                text += ' '
            elif word not in CLOSES and previous[1] not in OPENS:
                text += ' '
        text += '"' if word in ('``', "''") else word
        previous = (sentence, word)
    return text


def meantime_texts():
    """Running texts of the MEANTIME articles by document number."""
    texts = {}
    for path in glob.glob(os.path.join(MEANTIME, '*', '*.xml')):
        texts[int(os.path.basename(path).split('_')[0])] = running_text(path)
    return texts

HEADER = ['article', 'sent_start', 'sent_end', 'source', 'target', 'cameo',
          'cue_start', 'cue_end', 'cue', 'modality']
MODALITIES = {'asserted', 'reported', 'intended', 'hypothetical', 'negated', 'historical'}
ACTOR_RE = re.compile(r'^[A-Z]{3}([A-Z]{3})*$')


def load_codes(path):
    with open(path, encoding='utf-8', errors='replace') as f:
        raw = f.read()
    codes = set(re.findall(r'^(\d{2,4})\t', raw, re.M))
    # the upstream file has one malformed line where code 106 is glued to the
    # end of the 1056 description ("...engagement106:[-5.0] Demand withdrawal")
    codes |= set(re.findall(r'(\d{3,4}):\[', raw))
    return codes


def main():
    if not os.path.isdir(SHARED):
        print(f'check.py: {SHARED} not found; the GeoVirus texts and the CAMEO code '
              f'list are needed to validate the gold. Skipping (nothing checked).')
        return 0
    for p in (GEOVIRUS, CAMEO, GOLD, GOLD_MEANTIME):
        if not os.path.isfile(p):
            print(f'ERROR: missing file {p}')
            return 1
    if not os.path.isdir(MEANTIME):
        print(f'ERROR: missing folder {MEANTIME}')
        return 1
    codes = load_codes(CAMEO)
    geovirus = [a.find('text').text or '' for a in ET.parse(GEOVIRUS).getroot().iter('article')]
    failed = check(GOLD, dict(enumerate(geovirus)), codes)
    failed |= check(GOLD_MEANTIME, meantime_texts(), codes)
    return 1 if failed else 0


def check(gold, texts, codes):
    """Checks one gold file against its texts (article number -> text); prints its figures
    and errors, and returns True when there are errors."""
    name = os.path.basename(gold)
    print(f'== {name}')
    errors = []

    def err(lineno, msg):
        errors.append(f'{name}:{lineno}: {msg}')

    seen = set()
    events = []          # (article, sent_start, sent_end, source, target, code, modality)
    noevent = set()      # (article, sent_start, sent_end)
    eventsent = set()
    with open(gold, encoding='utf-8') as f:
        lines = f.read().split('\n')
    if lines and lines[-1] == '':
        lines.pop()
    if not lines or not lines[0].startswith('#'):
        err(1, 'first line must be a header starting with #')
    else:
        hdr = lines[0].lstrip('#').split('\t')
        if hdr != HEADER:
            err(1, f'header columns {hdr} != {HEADER}')
    for lineno, line in enumerate(lines[1:], start=2):
        if not line.strip():
            err(lineno, 'empty line')
            continue
        if line.startswith('#'):
            continue
        cols = line.split('\t')
        if len(cols) != 10:
            err(lineno, f'expected 10 tab-separated columns, got {len(cols)}')
            continue
        if line in seen:
            err(lineno, 'duplicate line')
        seen.add(line)
        art, ss, se, src, tgt, code, cs, ce, cue, mod = cols
        try:
            a, s, e = int(art), int(ss), int(se)
        except ValueError:
            err(lineno, 'article/sent_start/sent_end must be integers')
            continue
        if a not in texts:
            err(lineno, f'no article {a} in the texts')
            continue
        text = texts[a]
        if not 0 <= s < e <= len(text):
            err(lineno, f'sentence offsets {s}-{e} outside article {a} (length {len(text)})')
            continue
        sent = text[s:e]
        if sent != sent.strip():
            err(lineno, 'sentence span starts or ends with whitespace')
        key = (a, s, e)
        if (src, tgt, code, cs, ce, cue, mod) == ('-',) * 7:
            noevent.add(key)
            continue
        eventsent.add(key)
        for name, actor in (('source', src), ('target', tgt)):
            if actor != '-' and not ACTOR_RE.match(actor):
                err(lineno, f'{name} actor code {actor!r} does not match ^[A-Z]{{3}}([A-Z]{{3}})*$ or -')
        if src == '-':
            err(lineno, 'event without a source actor')
        if code not in codes:
            err(lineno, f'CAMEO code {code!r} not in CAMEO.eventcodes.txt')
        if mod not in MODALITIES:
            err(lineno, f'modality {mod!r} not in {sorted(MODALITIES)}')
        try:
            c0, c1 = int(cs), int(ce)
        except ValueError:
            err(lineno, 'cue_start/cue_end must be integers')
            continue
        if not s <= c0 < c1 <= e:
            err(lineno, f'cue {c0}-{c1} not inside sentence {s}-{e}')
        elif text[c0:c1] != cue:
            err(lineno, f'text[{c0}:{c1}] = {text[c0:c1]!r} != cue {cue!r}')
        events.append((a, s, e, src, tgt, code, mod))

    for key in sorted(noevent & eventsent):
        errors.append(f'article {key[0]} sentence {key[1]}-{key[2]}: marked as no-event but also has events')
    # annotated sentences of one article must not overlap each other
    by_art = {}
    for a, s, e in noevent | eventsent:
        by_art.setdefault(a, []).append((s, e))
    for a, spans in by_art.items():
        spans.sort()
        for (s1, e1), (s2, e2) in zip(spans, spans[1:]):
            if s2 < e1:
                errors.append(f'article {a}: sentence spans {s1}-{e1} and {s2}-{e2} overlap')

    for m in errors:
        print('ERROR:', m)

    sentences = noevent | eventsent
    print(f'articles:            {len(set(k[0] for k in sentences))}')
    print(f'sentences:           {len(sentences)}')
    print(f'  with events:       {len(eventsent)}')
    print(f'  without events:    {len(noevent)}')
    print(f'events:              {len(events)}')
    roots = Counter(ev[5][:2] for ev in events)
    print('events by root code:')
    for r in sorted(roots):
        print(f'  {r}: {roots[r]}')
    mods = Counter(ev[6] for ev in events)
    print('events by modality:')
    for m, n in mods.most_common():
        print(f'  {m}: {n}')
    if errors:
        print(f'{len(errors)} error(s)')
        return True
    print('OK')
    return False


if __name__ == '__main__':
    sys.exit(main())
