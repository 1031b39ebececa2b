#!/usr/bin/env python3
"""Checks claim gold files in tests/corpus/claims/ against their texts.

    python3 tests/corpus/tools/check_claim_gold.py [FILE.claims.json ...]

With no argument every file is checked. A file passes when its region's
`starts` and `ends` are found in the text in that order, every claim anchor
and not-claim is an exact substring of the region, every field holds a value
the spec allows (or a list of them), and every named actor is an entity the
file lists. It prints the counts per file and in all.
"""

import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.dirname(HERE)

VALUES = {
    "kind": {"statement", "premise"},
    "polarity": {"positive", "negative"},
    "certainty": {"certain", "probable", "possible", "unknown"},
    "evidence": {"asserted", "evidenced", "lacking", "reported", "inferred"},
    "time": {"past", "present", "future"},
}


def options(value):
    return value if isinstance(value, list) else [value]


def check(path):
    errors = []
    with open(path, encoding="utf-8") as fh:
        gold = json.load(fh)
    with open(os.path.join(CORPUS, gold["document"]), encoding="utf-8") as fh:
        text = fh.read()
    region = gold.get("region", {})
    start = text.find(region.get("starts", "\0"))
    end_at = text.find(region.get("ends", "\0"), max(start, 0))
    if start < 0 or end_at < 0:
        return [f"region not found: {region}"], 0, 0, 0
    end = end_at + len(region["ends"])
    inside = text[start:end]
    names = {e["name"] for e in gold.get("entities", [])}
    required = premises = 0
    for claim in gold.get("claims", []):
        anchor = claim.get("anchor", "")
        if not anchor or anchor not in inside:
            errors.append(f"anchor not in the region: {anchor!r}")
        for field, allowed in VALUES.items():
            for value in options(claim.get(field)):
                if value not in allowed:
                    errors.append(f"{field} {value!r} of {anchor!r}")
        for actor in options(claim.get("actor")):
            if actor is not None and actor not in names:
                errors.append(f"actor {actor!r} of {anchor!r} is no listed entity")
        if not claim.get("optional", False):
            required += 1
            premises += claim.get("kind") == "premise"
    for sentence in gold.get("not_claims", []):
        if sentence not in inside:
            errors.append(f"not-claim not in the region: {sentence!r}")
    words = len(inside.split())
    print(
        f"{os.path.basename(path)}: {words} words, {required} required claims "
        f"({premises} premises), {len(gold.get('not_claims', []))} not-claims"
    )
    return errors, required, premises, words


def main():
    paths = sys.argv[1:] or sorted(
        os.path.join(CORPUS, "claims", name)
        for name in os.listdir(os.path.join(CORPUS, "claims"))
        if name.endswith(".claims.json")
    )
    failed = False
    total = [0, 0, 0]
    for path in paths:
        errors, required, premises, words = check(path)
        total = [total[0] + required, total[1] + premises, total[2] + words]
        for error in errors:
            failed = True
            print(f"  {error}")
    print(f"all: {len(paths)} files, {total[2]} words, {total[0]} required claims ({total[1]} premises)")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
