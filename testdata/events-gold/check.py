#!/usr/bin/env python3
"""Validate testdata/events-gold/events.tsv against the GeoVirus texts.

Run from anywhere:  python3 testdata/events-gold/check.py
Python 3, standard library only.  Exits non-zero on any error.
The texts (GeoVirus.xml) and the CAMEO code list live outside the repository,
in ../shared relative to the repository root; if ../shared is missing the
check is skipped (exit 0) with a message.
"""
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
GOLD = os.path.join(HERE, 'events.tsv')

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
    for p in (GEOVIRUS, CAMEO, GOLD):
        if not os.path.isfile(p):
            print(f'ERROR: missing file {p}')
            return 1
    texts = [a.find('text').text or '' for a in ET.parse(GEOVIRUS).getroot().iter('article')]
    codes = load_codes(CAMEO)

    errors = []

    def err(lineno, msg):
        errors.append(f'events.tsv:{lineno}: {msg}')

    seen = set()
    events = []          # (article, sent_start, sent_end, source, target, code, modality)
    noevent = set()      # (article, sent_start, sent_end)
    eventsent = set()
    with open(GOLD, encoding='utf-8') as f:
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
        if not 0 <= a < len(texts):
            err(lineno, f'article {a} out of range (0..{len(texts) - 1})')
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
        return 1
    print('OK')
    return 0


if __name__ == '__main__':
    sys.exit(main())
