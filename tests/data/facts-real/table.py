#!/usr/bin/env python3
"""Print the precision and recall table of tests/facts_real.rs from the
binary's JSON report, for people: runs `tandem align LEFT RIGHT --format json`
on every item of the labelled set and matches its findings to the gold with
the same rule as the test (see README.md).

    python3 tests/data/facts-real/table.py [path/to/tandem] [--show]

The binary defaults to target/release/tandem; `--show` also lists every
finding that matches no gold entry and every gold entry no finding matched.
Needs Python 3.11 or later (tomllib) and nothing else.
"""

import json
import os
import re
import subprocess
import sys
import tempfile
import tomllib
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
LANGUAGES = ["en", "fr", "de", "es", "pt"]


def words(text):
    return [w.lower() for w in re.split(r"[^\w]|_", text) if w]


def overlap(a, b):
    wa, wb = words(a), words(b)
    if not wa or not wb:
        return False
    ja, jb = " ".join(wa), " ".join(wb)
    if ja in jb or jb in ja:
        return True
    telling = [w for w in wa if len(w) >= 4 or any(c in "0123456789" for c in w)]
    return any(w in wb for w in telling)


def matches(f, g):
    one_sided = not g["left"] or not g["right"]
    category = f["category"] == g["category"] or (
        one_sided and "omission" in (f["category"], g["category"])
    )
    return category and (
        overlap(f["left_text"], g["left"]) or overlap(f["right_text"], g["right"])
    )


def findings(binary, item, tmp):
    paths = []
    for side in ("left", "right"):
        path = os.path.join(tmp, side + ".txt")
        with open(path, "w", encoding="utf-8") as out:
            out.write(item[side])
        paths.append(path)
    report = subprocess.run(
        [binary, "align", *paths, "--format", "json"],
        capture_output=True,
        check=True,
        text=True,
    ).stdout
    return [d for link in json.loads(report)["links"] for d in link["discrepancies"]]


def main():
    args = [a for a in sys.argv[1:] if a != "--show"]
    show = "--show" in sys.argv[1:]
    binary = args[0] if args else os.path.join(HERE, "../../../target/release/tandem")
    items = []
    for lang in LANGUAGES:
        with open(os.path.join(HERE, lang + ".toml"), "rb") as f:
            items.extend(tomllib.load(f)["item"])
    # (split, language, category) -> [findings, right, gold, found]
    tallies = defaultdict(lambda: [0, 0, 0, 0])
    edits = defaultdict(lambda: [0, 0])
    restates = defaultdict(lambda: [0, 0])
    unjudged = 0
    kinds = defaultdict(lambda: [0, 0, 0, 0])
    with tempfile.TemporaryDirectory() as tmp:
        for item in items:
            found = findings(binary, item, tmp)
            gold = item.get("gold", [])
            for split in (item["split"], "all"):
                key = lambda c: (split, item["language"], c)
                for f in found:
                    right = any(matches(f, g) for g in gold)
                    for c in (f["category"], "all"):
                        tallies[key(c)][0] += 1
                        tallies[key(c)][1] += right
                    judged = right or any(matches(f, w) for w in item.get("wrong", []))
                    if split == "all":
                        kinds[item["kind"]][0] += 1
                        kinds[item["kind"]][1] += right
                        unjudged += not judged
                    if show and split == "all" and not right:
                        print(f"{'wrong' if judged else 'unjudged'} finding {item['id']} "
                              f"{f['category']}: {f['left_text']!r} / {f['right_text']!r}")
                for g in gold:
                    hit = any(matches(f, g) for f in found)
                    for c in (g["category"], "all"):
                        tallies[key(c)][2] += 1
                        tallies[key(c)][3] += hit
                    if split == "all":
                        kinds[item["kind"]][2] += 1
                        kinds[item["kind"]][3] += hit
                    if g.get("edit"):
                        edits[split][0] += 1
                        edits[split][1] += hit
                    if show and split == "all" and not hit:
                        print(f"missed gold {item['id']} {g['category']}: "
                              f"{g['left']!r} / {g['right']!r}")
                if "restated" in item:
                    r = item["restated"]
                    loud = any(overlap(f["left_text"], r["left"])
                               or overlap(f["right_text"], r["right"]) for f in found)
                    restates[split][0] += 1
                    restates[split][1] += not loud
    ratio = lambda a, b: a / max(b, 1)
    print(f"findings matching neither gold nor a judged-wrong finding: {unjudged}")
    for kind, t in sorted(kinds.items()):
        print(f"{kind} items: {t[0]} findings, {t[1]} right ({ratio(t[1], t[0]):.2f}); "
              f"{t[2]} gold, {t[3]} found ({ratio(t[3], t[2]):.2f})")
    for split in ("dev", "held", "all"):
        print(f"\n{split}")
        print(f"{'lang':<4} {'category':<14} {'findings':>8} {'right':>6} {'precision':>9} "
              f"{'gold':>6} {'found':>6} {'recall':>7}")
        total = [0, 0, 0, 0]
        for (s, lang, category), t in sorted(tallies.items()):
            if s != split:
                continue
            if category == "all":
                total = [a + b for a, b in zip(total, t)]
            print(f"{lang:<4} {category:<14} {t[0]:>8} {t[1]:>6} {ratio(t[1], t[0]):>9.2f} "
                  f"{t[2]:>6} {t[3]:>6} {ratio(t[3], t[2]):>7.2f}")
        t = total
        print(f"{'all':<4} {'all':<14} {t[0]:>8} {t[1]:>6} {ratio(t[1], t[0]):>9.2f} "
              f"{t[2]:>6} {t[3]:>6} {ratio(t[3], t[2]):>7.2f}")
        e, r = edits[split], restates[split]
        print(f"edits found {e[1]}/{e[0]} ({ratio(e[1], e[0]):.2f}); "
              f"restatements quiet {r[1]}/{r[0]} ({ratio(r[1], r[0]):.2f})")


if __name__ == "__main__":
    main()
