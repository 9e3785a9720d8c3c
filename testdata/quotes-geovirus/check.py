#!/usr/bin/env python3
"""Validate the attribution annotations (BRAT standoff) in this folder.

For every N.ann: load article N (0-based, file order) of GeoVirus.xml, check
that every T span equals its text, that every E line is an Attribution event
whose roles point at existing T ids of the right label, that every E has
exactly one `Kind` attribute with a valid value, and that no T is unused.
Prints a summary and exits non-zero on any error.
"""
import collections
import glob
import os
import re
import sys
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(os.path.dirname(__file__), '../../../shared/eval/geovirus/GeoVirus.xml')
KINDS = ('direct', 'partial', 'indirect')
LABELS = ('Source', 'Cue', 'Content')
# role name in the E line -> required T label, and whether the role is required
ROLES = {'Attribution': ('Cue', True), 'Source': ('Source', False), 'Content': ('Content', True)}


def load_articles(path):
    return [a.find('text').text or '' for a in ET.parse(path).getroot().iter('article')]


def check_file(path, texts, kinds):
    errors = []
    name = os.path.basename(path)
    m = re.fullmatch(r'(\d+)\.ann', name)
    if not m:
        return [f'{name}: file name is not N.ann']
    n = int(m.group(1))
    if n >= len(texts):
        return [f'{name}: article {n} does not exist ({len(texts)} articles)']
    text = texts[n]

    def err(lineno, msg):
        errors.append(f'{name}:{lineno}: {msg}')

    tspans, events, attrs = {}, {}, collections.defaultdict(list)
    seen = set()
    with open(path, encoding='utf-8') as f:
        lines = f.read().split('\n')
    if lines and lines[-1] == '':
        lines.pop()
    for i, line in enumerate(lines, 1):
        if not line.strip():
            err(i, 'empty line')
            continue
        cols = line.split('\t')
        ident = cols[0]
        if ident in seen:
            err(i, f'duplicate id {ident}')
        seen.add(ident)
        if re.fullmatch(r'T\d+', ident):
            if len(cols) != 3:
                err(i, 'T line needs 3 tab-separated columns')
                continue
            mm = re.fullmatch(r'(\w+) (\d+) (\d+)', cols[1])
            if not mm:
                err(i, f'bad T span {cols[1]!r} (discontinuous spans are not used)')
                continue
            label, s, e = mm.group(1), int(mm.group(2)), int(mm.group(3))
            if label not in LABELS:
                err(i, f'unknown label {label!r}')
            if not 0 <= s < e <= len(text):
                err(i, f'span {s}-{e} out of range (text length {len(text)})')
            elif text[s:e] != cols[2]:
                err(i, f'{ident} text mismatch: file {cols[2]!r} vs article {text[s:e]!r}')
            tspans[ident] = (label, s, e, i)
        elif re.fullmatch(r'E\d+', ident):
            if len(cols) != 2:
                err(i, 'E line needs 2 tab-separated columns')
                continue
            args = cols[1].split(' ')
            roles = {}
            for a in args:
                mm = re.fullmatch(r'(\w+):(\w+)', a)
                if not mm:
                    err(i, f'bad argument {a!r}')
                    continue
                if mm.group(1) in roles:
                    err(i, f'role {mm.group(1)} given twice')
                roles[mm.group(1)] = mm.group(2)
            if not args or not args[0].startswith('Attribution:'):
                err(i, 'E line must start with Attribution:<cue T id>')
            events[ident] = (roles, i)
        elif re.fullmatch(r'A\d+', ident):
            if len(cols) != 2:
                err(i, 'A line needs 2 tab-separated columns')
                continue
            parts = cols[1].split(' ')
            if len(parts) != 3 or parts[0] != 'Kind':
                err(i, f'A line must be "Kind E<n> <value>", got {cols[1]!r}')
                continue
            attrs[parts[1]].append((parts[2], i))
        else:
            err(i, f'unknown line type {ident!r}')

    used = set()
    for eid, (roles, i) in events.items():
        for role in roles:
            if role not in ROLES:
                err(i, f'{eid}: unknown role {role!r}')
        for role, (label, required) in ROLES.items():
            tid = roles.get(role)
            if tid is None:
                if required:
                    err(i, f'{eid}: missing role {role}')
                continue
            if tid not in tspans:
                err(i, f'{eid}: {role}:{tid} refers to a missing T')
                continue
            if tspans[tid][0] != label:
                err(i, f'{eid}: {role}:{tid} has label {tspans[tid][0]}, expected {label}')
            used.add(tid)
        kv = attrs.get(eid, [])
        if len(kv) != 1:
            err(i, f'{eid}: has {len(kv)} Kind lines, expected exactly 1')
        for value, j in kv:
            if value not in KINDS:
                err(j, f'{eid}: invalid Kind {value!r} (expected one of {", ".join(KINDS)})')
            elif len(kv) == 1:
                kinds[value] += 1
    for target, kv in attrs.items():
        if target not in events:
            for _, j in kv:
                err(j, f'Kind refers to missing event {target}')
    for tid, (label, s, e, i) in tspans.items():
        if tid not in used:
            err(i, f'{tid} ({label}) is not used by any event')
    return errors, len(events)


def main():
    texts = load_articles(CORPUS)
    files = sorted(glob.glob(os.path.join(HERE, '*.ann')),
                   key=lambda p: (len(os.path.basename(p)), os.path.basename(p)))
    if not files:
        print('no .ann files found', file=sys.stderr)
        return 1
    kinds = collections.Counter()
    errors, total = [], 0
    for path in files:
        res = check_file(path, texts, kinds)
        if isinstance(res, list):
            errors += res
            continue
        errs, nev = res
        errors += errs
        total += nev
    for e in errors:
        print('ERROR', e, file=sys.stderr)
    print(f'files: {len(files)}')
    print(f'attributions: {total} (' + ', '.join(f'{k} {kinds[k]}' for k in KINDS) + ')')
    print(f'errors: {len(errors)}')
    return 1 if errors else 0


if __name__ == '__main__':
    sys.exit(main())
