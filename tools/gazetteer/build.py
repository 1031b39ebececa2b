#!/usr/bin/env python3
"""Build claimtrack's gazetteer files from open data (Python 3, standard library only).

    python3 tools/gazetteer/build.py --sources DIR [--out data/gazetteer]

DIR holds the raw input files under the names listed in tools/gazetteer/README.md
(tools/gazetteer/collect_sources.sh writes exactly that layout).  The script writes

    places.tsv          name<TAB>kind<TAB>class
    given_names.txt     name
    organizations.tsv   name<TAB>class

UTF-8, one entry per line, sorted bytewise, no duplicate names inside a file, no
empty names and no names shorter than two characters.  Within a file a name that
several sources give with different kinds/classes is written once, with the
kind/class of the source that ranks first in the RANK tables below.
"""

import argparse
import collections
import csv
import glob
import html
import json
import os
import re
import sys
import unicodedata
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_OUT = os.path.normpath(os.path.join(HERE, "..", "..", "data", "gazetteer"))

# --------------------------------------------------------------------------
# Tunables
# --------------------------------------------------------------------------
CITY_MIN_POP = 15000          # every city of cities15000 that has at least this (and every capital) ...
CITY_ALT_MIN_POP = 500000     # ... and the Latin-script alternate names of cities this big (and capitals)
SSA_MIN_TOTAL = 500           # births 1880-2023 summed over both sexes
BERLIN_MIN_TOTAL = 10         # children named so in Berlin 2012-2023
SURNAME_KEEP_SSA = 20000      # a listed surname stays a given name if the SSA counts this many ...
SURNAME_KEEP_BERLIN = 50      # ... or Berlin this many, or it is a top forename of some country
ESTABLISHED_SSA = 10000       # a given name this frequent (SSA) ...
ESTABLISHED_BERLIN = 100      # ... or this frequent (Berlin) keeps moons and city alternate names of that spelling out of places.tsv
SCOWL_LEVELS = (10, 20)       # "common English word" = in SCOWL's two most frequent size levels
SCOWL_ORG_LEVELS = (10, 20, 35)  # one-word organisation names must not be an English word up to size 35
CITY_FEATURE_SKIP = {"PPLX", "PPLH", "PPLQ", "PPLW"}  # sections of towns, historical/abandoned/destroyed places

# Precedence inside places.tsv: lower rank wins when one name has several kinds/classes.
# Kind `country` outranks kind `place`, so e.g. "Georgia" is written as the country,
# not the US state.  Among places: continent > region > Sun/Moon/planets > the primary
# name of a city > the name of a first-level division > derived division names >
# alternate names of big cities > moons, asteroids and deep-sky objects.
RANK_COUNTRY, RANK_TERRITORY, RANK_HISTORIC = 10, 11, 12
RANK_CONTINENT, RANK_REGION = 20, 21
RANK_CELESTIAL_MAJOR = 30
RANK_CITY, RANK_ADMIN1, RANK_ADMIN1_SHORT = 40, 41, 42
RANK_ALTERNATE = 50
RANK_CELESTIAL_MINOR = 60

# Precedence inside organizations.tsv (lower wins).
ORG_RANK = {"international": 10, "agency": 20, "party": 30, "media": 40, "company": 50}

# Short explicit lists (each documented in README.md):
# historical states that are not in the GeoNames files used here (GeoNames gives the
# USSR; Serbia and Montenegro and the Netherlands Antilles come from countryInfo.txt).
HISTORIC_SUPPLEMENT = ["Czechoslovakia", "East Germany", "German Democratic Republic",
                       "West Germany", "Yugoslavia"]
CELESTIAL_SUPPLEMENT = ["Milky Way"]   # our galaxy has no entry in the celestial sources
# Placeholders that the SSA files record as names.
GIVEN_NAME_STOP = {"Baby", "Infant", "Unknown", "Unnamed", "Noname", "Male", "Female",
                   "Boy", "Girl", "Twin", "Son", "Daughter"}
# Trailing words of first-level division names that a speaker often leaves out.
ADMIN1_SUFFIXES = ["Oblast'", "Oblast", "oblast", "Province", "Region", "Governorate",
                   "Prefecture", "Krai", "Kray", "Republic", "District", "County",
                   "Voivodeship", "Department", "Autonomous Okrug"]
# Corporate suffixes dropped to give a short company name.
COMPANY_SUFFIX_RE = re.compile(
    r"(?:,?\s+(?:Inc\.?|Incorporated|Corporation|Corp\.?|Co\.|Cos\.|L\.P\.|LLC|plc|PLC|"
    r"N\.V\.|S\.A\.|AG|SE|Ltd\.?|Limited|Holdings?))+$")
ORG_WORD_RE = re.compile(
    r"\b(Council|Alliance|Club|Convention|Union|Latina|Group|Assembly|Forum|Community|"
    r"Organi[sz]ation|Bank|Fund|Agency|Court|Movement|Nations|League|Initiative|"
    r"Association|Commission|Committee|Conference|Program|Programme|System|Pact|"
    r"Treaty|Agreement|Partnership|Summit|Plan|Area|Office|Institute|Mission|Force|Market)\b")

LATIN_RE = re.compile(r"^[A-Za-z\u00C0-\u024F\u1E00-\u1EFF .'’\-]+$")
TOKEN_RE = re.compile(r"^[^\W\d_]+(?:['’\-][^\W\d_]+)*$")
LEADING_MARKS = "‘’`'ʿʾ´\"“”"


# --------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------
def nfc(s):
    return unicodedata.normalize("NFC", re.sub(r"\s+", " ", s)).strip()


_FOLD_EXTRA = str.maketrans({"ß": "ss", "ẞ": "SS", "Ø": "O", "ø": "o", "Ł": "L", "ł": "l",
                             "Đ": "D", "đ": "d", "Æ": "AE", "æ": "ae", "Œ": "OE", "œ": "oe",
                             "ı": "i", "Þ": "Th", "þ": "th", "Ð": "D", "ð": "d", "’": "'",
                             "ʼ": "'", "ʻ": "'"})


def fold(s):
    """ASCII-ish form: drop combining marks (Zürich -> Zurich, Hàorán -> Haoran)."""
    s = s.translate(_FOLD_EXTRA)
    s = unicodedata.normalize("NFKD", s)
    return unicodedata.normalize("NFC", "".join(c for c in s if not unicodedata.combining(c)))


def strip_marks(s):
    return s.strip(LEADING_MARKS + " ")


def is_latin(s):
    return bool(LATIN_RE.match(s))


def good_name(s):
    """At least two characters, a letter among them, nothing that breaks a TSV line."""
    return (len(s) >= 2 and "\t" not in s and "\n" not in s
            and any(c.isalpha() for c in s))


def bytewise(items):
    return sorted(items, key=lambda x: x.encode("utf-8"))


def open_text(path):
    return open(path, encoding="utf-8-sig", newline="")


def src(args, *parts):
    path = os.path.join(args.sources, *parts)
    if not os.path.exists(path):
        sys.exit("missing input file: %s (see tools/gazetteer/README.md)" % path)
    return path


class Ranked:
    """name -> (rank, value); keeps the value of the best (lowest) rank."""

    def __init__(self):
        self.best = {}

    def add(self, name, rank, value):
        name = nfc(name)
        if not good_name(name):
            return False
        cur = self.best.get(name)
        if cur is None or (rank, value) < cur:
            self.best[name] = (rank, value)
        return True

    def __contains__(self, name):
        return name in self.best


# --------------------------------------------------------------------------
# Common English words (SCOWL size 10 and 20, the frequency-based levels) - a filter only
# --------------------------------------------------------------------------
def load_common_words(args, levels=SCOWL_LEVELS):
    words = set()
    for variety in ("english", "american", "british"):
        for level in levels:
            with open(src(args, "scowl", "%s-words.%d" % (variety, level)), encoding="latin-1") as fh:
                for line in fh:
                    w = line.strip()
                    if w and w[0].islower() and not w.endswith("'s"):
                        words.add(unicodedata.normalize("NFC", w))
    return words


def make_is_common(words):
    def is_common(name):
        """One word that is also a common lower-case English word: Will, May, Grant, Apple."""
        return " " not in name and name.lower() in words
    return is_common


# --------------------------------------------------------------------------
# Given names
# --------------------------------------------------------------------------
def name_tokens(s):
    for t in nfc(s).split(" "):
        t = t.strip(".,;:()")
        if TOKEN_RE.match(t) and t[0].isupper() and any(c.islower() for c in t) and is_latin(t):
            yield t


def build_given_names(args, is_common):
    ssa = collections.Counter()
    for path in sorted(glob.glob(os.path.join(args.sources, "ssa", "yob*.txt"))):
        with open_text(path) as fh:
            for row in csv.reader(fh):
                if len(row) == 3:
                    ssa[row[0]] += int(row[2])
    if not ssa:
        sys.exit("no SSA files under %s/ssa" % args.sources)

    berlin = collections.Counter()
    for path in sorted(glob.glob(os.path.join(args.sources, "berlin", "*.csv"))):
        with open_text(path) as fh:
            for row in csv.DictReader(fh):
                try:
                    n = int(row["anzahl"])
                except (KeyError, ValueError, TypeError):
                    continue
                for t in name_tokens(row.get("vorname") or ""):
                    berlin[t] += n

    forenames = set()
    with open_text(src(args, "sigpwned", "common-forenames-by-country.csv")) as fh:
        for row in csv.DictReader(fh):
            forenames.update(name_tokens(row.get("Romanized Name") or ""))

    surnames = set()
    with open_text(src(args, "sigpwned", "common-surnames-by-country.csv")) as fh:
        for row in csv.DictReader(fh):
            surnames.update(name_tokens(row.get("Romanized Name") or ""))
    with open_text(src(args, "corpora", "lastNames.json")) as fh:
        data = json.load(fh)
        for v in data.values():
            if isinstance(v, list):
                for n in v:
                    surnames.update(name_tokens(n))

    cand = set()
    cand.update(n for n, c in ssa.items() if c >= SSA_MIN_TOTAL)
    cand.update(n for n, c in berlin.items() if c >= BERLIN_MIN_TOTAL)
    cand.update(forenames)

    out, dropped = set(), collections.Counter()
    for n in cand:
        for name in {n, fold(n)}:
            if not (TOKEN_RE.match(name) and name[0].isupper() and is_latin(name) and good_name(name)):
                dropped["shape"] += 1
                continue
            if name in GIVEN_NAME_STOP:
                dropped["stoplist"] += 1
                continue
            if is_common(name):
                dropped["common word"] += 1
                continue
            if (name in surnames and name not in forenames
                    and ssa.get(name, 0) < SURNAME_KEEP_SSA
                    and berlin.get(name, 0) < SURNAME_KEEP_BERLIN):
                dropped["surname"] += 1
                continue
            out.add(name)
    established = {n for n in out if ssa.get(n, 0) >= ESTABLISHED_SSA
                   or berlin.get(n, 0) >= ESTABLISHED_BERLIN}
    top = out & forenames
    return out, dropped, established, top


# --------------------------------------------------------------------------
# Places
# --------------------------------------------------------------------------
def read_geonames_rows(path_or_lines):
    for line in path_or_lines:
        if line.startswith("#") or not line.strip():
            continue
        yield line.rstrip("\n").rstrip("\r").split("\t")


def clean_country_name(s):
    s = nfc(s).rstrip(" *").strip()
    s = re.sub(r"\s*\([^)]*\)\s*$", "", s)        # "Bahamas (the)", "Bolivia (Plurinational State of)"
    s = re.sub(r"^the\s+", "", s)
    return s.strip()


def region_variants(name):
    """M49/GeoNames style names -> the forms people say: Southern Asia -> South Asia."""
    out = {name}
    m = re.match(r"^(South[- ][Ee]astern|North[- ][Ee]astern|South[- ][Ww]estern|North[- ][Ww]estern|"
                 r"Northern|Southern|Eastern|Western)\s+(Africa|America|Asia|Europe)$", name)
    if m:
        head, rest = m.group(1).lower().replace("-", " "), m.group(2)
        short = {"northern": ["North"], "southern": ["South"], "eastern": ["East"],
                 "western": ["West"], "south eastern": ["Southeast", "South-East"],
                 "north eastern": ["Northeast", "North-East"],
                 "south western": ["Southwest", "South-West"],
                 "north western": ["Northwest", "North-West"]}[head]
        out.update("%s %s" % (h, rest) for h in short)
    return out


def same_case(name, ascii_):
    """GeoNames' ASCII form, unless it lost the initial capital of the name (a few are garbled)."""
    return ascii_ if ascii_ and name and ascii_[0].isupper() == name[0].isupper() else name


def build_places(args, is_common):
    P = Ranked()
    country_codes = set()

    def add(name, rank, kind, cls):
        name = nfc(name)
        if not name:
            return
        for v in {name, strip_marks(name), fold(name), fold(strip_marks(name))}:
            # a variant may not lose the capital of its source name ("'s-Hertogenbosch")
            if v and (v[0].isalnum() or v.startswith("the ")) \
                    and not (v[0].islower() and not name[0].islower()):
                P.add(v, rank, (kind, cls))

    # --- countries and territories: GeoNames countryInfo + datasets/country-codes
    indep = {}
    with open_text(src(args, "country-codes", "country-codes.csv")) as fh:
        cc_rows = list(csv.DictReader(fh))
    for r in cc_rows:
        indep[r["ISO3166-1-Alpha-2"]] = r["is_independent"]
    with open_text(src(args, "geonames", "countryInfo.txt")) as fh:
        for row in read_geonames_rows(fh):
            iso, name = row[0], row[4]
            country_codes.add(iso)
            if iso in ("CS", "AN"):               # deprecated codes kept by GeoNames
                add(name, RANK_HISTORIC, "country", "country")
                continue
            status = indep.get(iso, "Yes")        # XK (Kosovo) is not in country-codes
            if status == "International":         # Antarctica: written as a continent
                continue
            if status in ("Yes", "In contention"):
                add(name, RANK_COUNTRY, "country", "country")
            else:
                add(name, RANK_TERRITORY, "country", "territory")
    for r in cc_rows:
        status = r["is_independent"]
        if status == "International" or not r["ISO3166-1-Alpha-2"]:
            continue
        rank, cls = ((RANK_COUNTRY, "country") if status in ("Yes", "In contention")
                     else (RANK_TERRITORY, "territory"))
        for col in ("official_name_en", "CLDR display name", "UNTERM English Short",
                    "UNTERM English Formal"):
            n = clean_country_name(r.get(col) or "")
            if n:
                add(n, rank, "country", cls)

    # --- continents, world regions, historical states, Earth: GeoNames no-country.txt
    with open_text(src(args, "geonames", "no-country.txt")) as fh:
        for row in read_geonames_rows(fh):
            fclass, fcode, name, ascii_, alts = row[6], row[7], row[1], same_case(row[1], row[2]), row[3]
            latin_alts = [a for a in alts.split(",") if a and is_latin(a) and a[0].isupper()
                          and not is_common(a)]
            # (the alternate names of continents and regions are left out: GeoNames does
            # not tag their language here and nearly all of them are foreign exonyms)
            if fcode == "CONT":
                add(name, RANK_CONTINENT, "place", "continent")
                add(ascii_, RANK_CONTINENT, "place", "continent")
            elif fclass == "L" and fcode in ("RGN", "RGNE"):
                for v in region_variants(name) | region_variants(ascii_):
                    add(v, RANK_REGION, "place", "region")
                    add("the " + v, RANK_REGION, "place", "region")
            elif fcode == "PCLH":
                add(name, RANK_HISTORIC, "country", "country")
                for a in latin_alts:
                    add(a, RANK_HISTORIC, "country", "country")
            elif fcode == "AREA" and name == "Earth":
                add(name, RANK_CELESTIAL_MAJOR, "place", "celestial")
    for n in HISTORIC_SUPPLEMENT:
        add(n, RANK_HISTORIC, "country", "country")
    # UN M49 region names carried by country-codes.csv
    for r in cc_rows:
        for col in ("Region Name", "Sub-region Name", "Intermediate Region Name"):
            n = nfc(r.get(col) or "")
            if n:
                for v in region_variants(n):
                    add(v, RANK_REGION, "place", "region")
                    add("the " + v, RANK_REGION, "place", "region")

    # --- first-level divisions (and the UK's second level: counties, council areas)
    us_states = set()
    with open_text(src(args, "geonames", "admin1CodesASCII.txt")) as fh:
        for row in read_geonames_rows(fh):
            code, name, ascii_ = row[0], row[1], same_case(row[1], row[2])
            if code.startswith("US."):
                us_states.add(code[3:])
            for n in (name, ascii_):
                add(n, RANK_ADMIN1, "place", "admin1")
                for suf in ADMIN1_SUFFIXES:
                    if n.endswith(" " + suf) and len(n) > len(suf) + 3:
                        add(n[: -len(suf) - 1], RANK_ADMIN1_SHORT, "place", "admin1")
    with open_text(src(args, "geonames", "admin2Codes.txt")) as fh:
        for row in read_geonames_rows(fh):
            if row[0].startswith("GB."):
                add(row[1], RANK_ADMIN1, "place", "admin1")
                add(same_case(row[1], row[2]), RANK_ADMIN1, "place", "admin1")

    # --- celestial bodies
    with open_text(src(args, "d3-celestial", "planets.json")) as fh:
        for v in json.load(fh).values():
            add(v["name"], RANK_CELESTIAL_MAJOR, "place", "celestial")
    with open_text(src(args, "corpora", "planets.json")) as fh:
        minor = []
        for p in json.load(fh)["planets"]:
            add(p["name"], RANK_CELESTIAL_MAJOR, "place", "celestial")
            minor.extend(p.get("moons", []))
    with open_text(src(args, "corpora", "minor_planets.json")) as fh:
        for entry in json.load(fh)["minor_planets"]:
            m = re.match(r"^(\d+)\s+(.+)$", entry)
            if m and int(m.group(1)) <= 10:       # the ten first-numbered (largest) asteroids
                minor.append(m.group(2))
    with open_text(src(args, "d3-celestial", "messier.json")) as fh:
        for f in json.load(fh)["features"]:
            minor.append(f["properties"].get("alt") or "")
    with open_text(src(args, "d3-celestial", "dsonames.json")) as fh:
        for v in json.load(fh).values():
            n = v.get("name") or ""
            if re.search(r"(Galaxy|Nebula|Magellanic Cloud)$", n):
                minor.append(n)
    for n in CELESTIAL_SUPPLEMENT:
        add(n, RANK_CELESTIAL_MAJOR, "place", "celestial")
    minor = [nfc(n.replace("´", "'").replace("’", "'")) for n in minor]
    minor = [n for n in minor if n and not re.search(r"[/\d]", n) and not is_common(n)
             and n[0].isupper()]

    # --- cities: GeoNames cities15000 (all cities > 15000 inhabitants and all capitals)
    with zipfile.ZipFile(src(args, "geonames", "cities15000.zip")) as z:
        text = z.read("cities15000.txt").decode("utf-8")
    big_city_alts = []
    for row in read_geonames_rows(text.splitlines()):
        name, ascii_, alts, fcode = row[1], same_case(row[1], row[2]), row[3], row[7]
        try:
            pop = int(row[14] or 0)
        except ValueError:
            pop = 0
        if fcode in CITY_FEATURE_SKIP:
            continue
        if pop < CITY_MIN_POP and fcode not in ("PPLC", "PPLA"):   # keep every national/first-level capital
            continue
        add(name, RANK_CITY, "place", "city")
        add(ascii_, RANK_CITY, "place", "city")
        if pop >= CITY_ALT_MIN_POP or fcode == "PPLC":
            big_city_alts.extend(alts.split(","))
    return P, minor, big_city_alts, country_codes, us_states


def finish_places(P, minor, big_city_alts, given, is_common):
    """given: the well-established given names (Margaret, Miranda, Juliet ...), which
    are not also written as moons or as alternate names of cities."""
    def add(name, rank, cls):
        name = nfc(name)
        for v in {name, fold(name)}:
            if v and v[0].isalnum():
                P.add(v, rank, ("place", cls))

    for a in big_city_alts:
        a = nfc(a)
        if (a and is_latin(a) and a[0].isupper() and any(c.islower() for c in a)
                and not is_common(a) and a not in given and fold(a) not in given):
            add(a, RANK_ALTERNATE, "city")
    for n in minor:
        if n not in given:
            add(n, RANK_CELESTIAL_MINOR, "celestial")
    return [(n, k, c) for n, (r, (k, c)) in P.best.items()]


# --------------------------------------------------------------------------
# Organisations
# --------------------------------------------------------------------------
def build_orgs(args, is_common, is_word, country_codes, us_states):
    """is_common: SCOWL 10/20 words; is_word: SCOWL up to 35, for one-word names."""
    O = Ranked()
    short_codes = country_codes | us_states

    def ok_single(name):
        """Single words: no common English words; abbreviations must be 2+ capitals."""
        if " " in name:
            return True
        caps = sum(1 for c in name if c.isupper())
        if name.isupper() and len(name) == 2:
            return name not in short_codes and not is_common(name)
        if caps >= 2 and len(name) >= 3:
            return True
        return not is_word(name) and len(name) >= 4

    def add(name, cls):
        name = nfc(name).strip(" ,;")
        if name and name[0].isupper() and ok_single(name):
            O.add(name, ORG_RANK[cls], cls)

    # --- political parties: Party Facts, English names from Wikidata
    parties, shorts = [], collections.defaultdict(set)
    with open_text(src(args, "partyfacts", "wikidata.csv")) as fh:
        for row in csv.DictReader(fh):
            name = nfc(row.get("name") or "")
            if not name:
                continue
            parties.append(name)
            short = (row.get("name_short") or "").split("/")[0].strip()
            if re.match(r"^[A-ZÀ-Þ][A-Z0-9À-Þ&\-]{1,7}$", short) and sum(c.isupper() for c in short) >= 2:
                shorts[short].add(re.sub(r"\s*\([^)]*\)$", "", name))
    for name in parties:
        base = re.sub(r"\s*\(([^)]*)\)$", "", name)
        add(base, "party")
        inner = re.search(r"\(([^)]*)\)$", name)
        if inner and "Party" in inner.group(1):
            add(inner.group(1), "party")
    for short, owners in shorts.items():
        if len(owners) == 1 and not is_common(short):   # unambiguous abbreviations only
            add(short, "party")

    # --- international organisations: CIA World Factbook, appendix B (public domain)
    with open(src(args, "factbook", "FactAppB.html"), encoding="utf-8", errors="replace") as fh:
        page = fh.read()
    entries = re.findall(r"<div class='appendix-entry-name category'>\s*(.*?)\s*</div>", page, re.S)
    for e in entries:
        e = nfc(html.unescape(re.sub(r"<[^>]+>", "", e)))
        if not e or e[0].islower():
            continue                      # "developed countries", "advanced economies", ...
        for part in re.split(r"\s+or\s+(?![^()]*\))", e):
            m = re.match(r"^(.*?)\s*\((.*)\)\s*$", part)
            name, abbrs = (m.group(1), m.group(2)) if m else (part, "")
            if not name:
                continue
            if abbrs or ORG_WORD_RE.search(name) or (" " not in name and name.isupper()) \
                    or (" " not in name and not is_common(name)):
                add(name, "international")
            for a in re.split(r"\s*(?:,|;|\bor\b)\s*", abbrs):
                a = a.split(" - ")[0].strip()          # "UNASUR - Spanish; UNASUL - Portuguese"
                if not a:
                    continue
                if " " in a:
                    if ORG_WORD_RE.search(a) and a[0].isupper():
                        add(a, "international")
                elif re.match(r"^[A-Z][A-Za-z0-9&\-]{1,11}$", a):
                    add(a, "international")

    # --- government agencies (US federal, from GSA's .gov list via Corpora)
    with open_text(src(args, "corpora", "us_federal_agencies.json")) as fh:
        for n in json.load(fh)["agencies"]:
            if "/" not in n:
                add(n, "agency")

    # --- news media
    with open_text(src(args, "freebie", "websources.csv")) as fh:
        for row in csv.DictReader(fh):
            n = nfc(row.get("name") or "")
            if not n or re.search(r"[�̱̩_]", n) or re.search(r"\bfeed\b", n, re.I):
                continue
            m = re.match(r"^(.*?)\s*\(([^)]*)\)$", n)      # "Al Jazeera (en)", "Russia Today (RT)"
            if m:
                n = m.group(1)
                if re.match(r"^[A-Z]{2,6}$", m.group(2)):
                    add(m.group(2), "media")
            add(n, "media")
    with open_text(src(args, "corpora", "newspapers.json")) as fh:
        for n in json.load(fh)["newspapers"]:
            add(n, "media")

    # --- large companies (Fortune 500 2014, Dow Jones, NASDAQ-100 via Corpora)
    companies = []
    with open_text(src(args, "corpora", "fortune500.json")) as fh:
        companies += json.load(fh)["companies"]
    for f in ("djia.json", "nasdaq.json"):
        with open_text(src(args, "corpora", f)) as fh:
            companies += [c["name"] for c in json.load(fh)["corporations"]]
    for n in companies:
        n = nfc(n).replace("’", "'")
        add(n, "company")
        short = COMPANY_SUFFIX_RE.sub("", n).strip(" ,")
        if short != n and not re.search(r"(?:\band|&)$", short):
            add(short, "company")
    return [(n, c) for n, (r, c) in O.best.items()]


# --------------------------------------------------------------------------
def write_lines(path, lines):
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        for line in lines:
            fh.write(line + "\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sources", required=True, help="directory with the raw input files")
    ap.add_argument("--out", default=DEFAULT_OUT, help="output directory (default: data/gazetteer)")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)

    is_common = make_is_common(load_common_words(args))

    given, dropped, established, top_forenames = build_given_names(args, is_common)
    P, minor, big_alts, country_codes, us_states = build_places(args, is_common)
    places = finish_places(P, minor, big_alts, established, is_common)
    # A rare given name spelt like a country, a first-level division or a
    # region ("Texas", "Nevada", "Kansas") is read as the place; established
    # given names ("Georgia", "Virginia") and top forenames of a country
    # ("Oğuz") stay, and the context decides.
    divisions = {n for n, _, c in places if c in ("country", "territory", "admin1", "region")}
    rare_places = {n for n in given
                   if n in divisions and n not in established and n not in top_forenames}
    given -= rare_places
    dropped["place name"] += len(rare_places)
    orgs = build_orgs(args, is_common, make_is_common(load_common_words(args, SCOWL_ORG_LEVELS)),
                      country_codes, us_states)

    write_lines(os.path.join(args.out, "places.tsv"),
                bytewise("%s\t%s\t%s" % p for p in places))
    write_lines(os.path.join(args.out, "given_names.txt"), bytewise(given))
    write_lines(os.path.join(args.out, "organizations.tsv"),
                bytewise("%s\t%s" % o for o in orgs))

    by_class = collections.Counter((k, c) for _, k, c in places)
    print("places.tsv        %6d  %s" % (len(places), dict(sorted(by_class.items()))))
    print("given_names.txt   %6d  (dropped: %s)" % (len(given), dict(dropped)))
    print("organizations.tsv %6d  %s" % (len(orgs), dict(sorted(collections.Counter(c for _, c in orgs).items()))))


if __name__ == "__main__":
    main()
