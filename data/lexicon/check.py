#!/usr/bin/env python3
"""Validate the hand-written lexicons in data/lexicon/*.tsv.

Usage: python3 data/lexicon/check.py [DIR]

Checks, per file: UTF-8, Unix newlines, a `#`-header row, no blank lines, no
stray spaces around cells, exactly the header's number of columns per row,
unique first-column values (case-insensitive), sorted by first column
(case-insensitive), well-formed `|` lists, and column rules by header name:
alpha2 / countries (ISO alpha-2), country (ISO alpha-3), lat / lon (decimal
degrees in range), cameo / sector (CAMEO actor code letters), code (a CAMEO
event code: two to four digits), start / end (4-digit
years or empty, start <= end), and the allowed values of enumerated columns.
Files listed in KEYS use a composite unique key and sort order instead of the
first column (people.tsv: one row per person and tenure, unique on
name + role + start, sorted by name then start year). Prints one line per
file; exits 1 on any problem.
"""
import os
import re
import sys

ALPHA2 = re.compile(r"^[A-Z]{2}$")
ALPHA3 = re.compile(r"^[A-Z]{3}$")
CAMEO = re.compile(r"^[A-Z]{3}(?:[A-Z]{3})*$")
YEAR = re.compile(r"^[0-9]{4}$")

# Files whose first column is not unique: the columns that together are unique
# (compared case-insensitively) and the columns the rows are sorted by (text
# columns case-insensitively, year columns numerically, empty year first).
KEYS = {
    "people.tsv": {"unique": ("name", "role", "start"), "sort": ("name", "start", "role")},
}
YEAR_COLS = {"start", "end"}

# Allowed values of enumerated columns, by file then column.
ENUMS = {
    "organizations.tsv": {"kind": {"IGO", "NGO", "militant", "party", "agency", "company", "media"}},
    "roles.tsv": {"kind": {"person", "group", "institution"}},
    "titles.tsv": {
        "kind": {"honorific", "political", "military", "religious", "royal", "judicial", "academic"},
        "gender": {"m", "f", ""},
    },
    "reporting_verbs.tsv": {
        "kind": {"speech", "writing", "online", "belief", "report", "phrase"},
        "object": {"yes", "no"},
    },
    "org_affixes.tsv": {
        "position": {"suffix", "head"},
        "kind": {"company", "government", "court", "party", "education", "military",
                 "religious", "sports", "media", "ngo", "generic"},
    },
    "regions.tsv": {"kind": {"region", "sea", "ocean", "gulf", "strait", "territory", "historical"}},
    "groups.tsv": {"kind": {"bloc", "religion", "ethnicity"}},
    "event_cues.tsv": {"part": {"verb", "noun"}, "source": {"", "place", "GOV", "COP", "JUD", "MIL"}},
}
# Columns that hold `|`-separated lists.
LISTS = {"aliases", "forms", "variants", "adjectives", "people", "countries", "object", "target", "unless"}
EVENT_CODE = re.compile(r"^[0-9]{2,4}$")


def _sort_part(col, cell):
    """Sort key for one column of a composite sort order."""
    if col in YEAR_COLS:
        return (0, 0) if not cell else (1, int(cell)) if YEAR.match(cell) else (2, 0)
    return (cell.casefold(), cell)


def check_person(row, bad):
    """Extra rules for people.tsv rows."""
    person = row.get("name", "")
    role = row.get("role", "")
    if not role:
        bad("empty role")
    elif role != role.lower():
        bad(f"role {role!r} is not lowercase")
    if not row.get("sector"):
        bad("empty sector")
    if not row.get("start"):
        bad("empty start year")
    words = person.split()
    # "Emperor Akihito", "King Harald V": the single-word alias is a regnal
    # name, not a surname.
    regnal = words[:1] in (["King"], ["Queen"], ["Emperor"], ["Pope"], ["Prince"], ["Princess"])
    for alias in (row.get("aliases") or "").split("|"):
        if not alias:
            continue
        if alias.casefold() == person.casefold():
            bad(f"alias {alias!r} repeats the name")
        if len(words) > 1 and not regnal and " " not in alias and alias.casefold() == words[-1].casefold():
            bad(f"alias {alias!r} is a bare surname")


def check_file(path):
    name = os.path.basename(path)
    problems = []

    def bad(lineno, msg):
        problems.append(f"{name}:{lineno}: {msg}")

    raw = open(path, "rb").read()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        return [f"{name}: not UTF-8 ({e})"], 0
    if "\r" in text:
        bad(0, "carriage return found (use Unix newlines)")
    if text.startswith("\ufeff"):
        bad(1, "byte-order mark")
    if not text.endswith("\n"):
        bad(0, "file does not end with a newline")
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines = lines[:-1]
    if not lines or not lines[0].startswith("#"):
        return [f"{name}:1: missing '#' header row"], 0
    header = lines[0][1:].split("\t")
    ncol = len(header)
    if any(not h or h != h.strip() for h in header):
        bad(1, f"malformed header {header!r}")
    enums = ENUMS.get(name, {})
    seen = {}
    prev_key = None
    rows = 0
    for i, line in enumerate(lines[1:], start=2):
        if line == "":
            bad(i, "blank line")
            continue
        if line.startswith("#"):
            continue
        if line != line.rstrip(" \u00a0"):
            bad(i, "trailing whitespace")
        if "\u2019" in line or "\u2018" in line:
            bad(i, "curly apostrophe; use the ASCII apostrophe")
        cells = line.split("\t")
        if len(cells) != ncol:
            bad(i, f"{len(cells)} columns, header has {ncol}")
            continue
        rows += 1
        for col, cell in zip(header, cells):
            if cell != cell.strip():
                bad(i, f"{col}: leading/trailing space in {cell!r}")
        row = dict(zip(header, cells))
        if not cells[0]:
            bad(i, "empty first column")
        keys = KEYS.get(name)
        if keys is None:
            key = cells[0]
            k = key.casefold()
            if k in seen:
                bad(i, f"duplicate first column {key!r} (also line {seen[k]})")
            else:
                seen[k] = i
            sort_key = (k, key)
            shown = key
        else:
            k = tuple(row.get(c, "").casefold() for c in keys["unique"])
            if k in seen:
                bad(i, f"duplicate {'/'.join(keys['unique'])} {k!r} (also line {seen[k]})")
            else:
                seen[k] = i
            sort_key = tuple(_sort_part(c, row.get(c, "")) for c in keys["sort"])
            shown = " / ".join(row.get(c, "") for c in keys["sort"])
        if prev_key is not None and sort_key < prev_key[0]:
            bad(i, f"not sorted: {shown!r} after {prev_key[1]!r}")
        prev_key = (sort_key, shown)
        for col, cell in zip(header, cells):
            items = cell.split("|") if cell else []
            if col in LISTS:
                if any(x == "" or x != x.strip() for x in items):
                    bad(i, f"{col}: empty or padded item in {cell!r}")
                if len(set(items)) != len(items):
                    bad(i, f"{col}: repeated item in {cell!r}")
            if col == "alpha2" and not ALPHA2.match(cell):
                bad(i, f"alpha2 {cell!r} is not 2 uppercase letters")
            if col == "countries":
                for x in items:
                    if not ALPHA2.match(x):
                        bad(i, f"countries: {x!r} is not 2 uppercase letters")
            if col == "country" and cell and not ALPHA3.match(cell):
                bad(i, f"country {cell!r} is not 3 uppercase letters")
            if col in ("lat", "lon"):
                try:
                    v = float(cell)
                except ValueError:
                    bad(i, f"{col} {cell!r} is not a number")
                else:
                    lim = 90.0 if col == "lat" else 180.0
                    if not -lim <= v <= lim:
                        bad(i, f"{col} {v} out of range")
            if col == "code" and not EVENT_CODE.match(cell):
                bad(i, f"code {cell!r} is not a CAMEO event code")
            if col in ("cameo", "sector") and cell and not CAMEO.match(cell):
                bad(i, f"{col} {cell!r} is not a CAMEO code")
            if col in enums and cell not in enums[col]:
                bad(i, f"{col} {cell!r} not one of {sorted(enums[col])}")
            if col in YEAR_COLS and cell and not YEAR.match(cell):
                bad(i, f"{col} {cell!r} is not a 4-digit year")
        start, end = row.get("start", ""), row.get("end", "")
        if YEAR.match(start) and YEAR.match(end) and int(start) > int(end):
            bad(i, f"start {start} is after end {end}")
        if end and not start:
            bad(i, "end year without a start year")
        if name == "people.tsv":
            check_person(row, lambda msg: bad(i, msg))
    return problems, rows


def main():
    here = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    files = sorted(f for f in os.listdir(here) if f.endswith(".tsv"))
    if not files:
        print(f"no .tsv files in {here}")
        return 1
    total = []
    alpha2_sets = {}
    for f in files:
        path = os.path.join(here, f)
        problems, rows = check_file(path)
        status = "ok" if not problems else f"{len(problems)} problem(s)"
        print(f"{f}: {rows} rows, {status}")
        for p in problems[:50]:
            print("  " + p)
        total += problems
        if f in ("country_variants.tsv", "demonyms.tsv") and not problems:
            with open(path, encoding="utf-8") as fh:
                alpha2_sets[f] = {l.split("\t")[0] for l in fh if l.strip() and not l.startswith("#")}
    if len(alpha2_sets) == 2:
        a, b = alpha2_sets["country_variants.tsv"], alpha2_sets["demonyms.tsv"]
        if a != b:
            msg = f"country_variants.tsv and demonyms.tsv differ: {sorted(a ^ b)}"
            print(msg)
            total.append(msg)
    if total:
        print(f"FAILED: {len(total)} problem(s)")
        return 1
    print(f"all {len(files)} files ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
