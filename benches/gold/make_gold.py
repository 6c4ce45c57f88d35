#!/usr/bin/env python3
"""Turns two public corpora of human sentence alignments into the gold format
the project's alignment scorer reads (tandem-align-gold/1: <id>.left.txt,
<id>.right.txt and <id>.gold.json per article pair), so that tandem's links
can be scored on German and Portuguese rewrites as they are on the fables.

    python3 benches/gold/make_gold.py deplain  GIT_DIR OUT_DIR   # DEplain-web
    python3 benches/gold/make_gold.py porsimples GIT_DIR OUT_DIR # PorSimples

GIT_DIR is a clone (bare or not) of github.com/rstodden/DEPlain or of
github.com/sidleal/porsimplessent; files are read from its HEAD with
`git show`, so no work tree is needed. OUT_DIR gets one folder per split.

DEplain-web (Stodden, Momen and Kallmeyer, ACL 2023): texts CC BY 4.0,
CC BY-SA 3.0/4.0 and other licences per document (the `license` column is
copied into each gold file); the alignments are CC BY-SA 4.0. The sentences
of each document are DEplain's own ("|||"-separated, document-level corpus),
joined by one space on one line, as the corpus has no paragraph breaks.
Splits: `train` and `dev` carry DEplain's automatic alignments (tune on
these; the sentence-level corpus dropped identical pairs, so a sentence that
occurs once, unchanged, on each side is added as a pair), `test` the manual
alignments of its alignment-algorithm test set, identical pairs included
(judge only; where two raters aligned a document, the first rater's). A gold pair is every (original,
simplification) sentence combination of an aligned row; a row whose sentences
are not found in the document, in order, is dropped and counted.

PorSimples (Leal, Duran and Aluísio, COLING 2018; CC BY 4.0): the
corpus' own sentences and paragraphs (sentences of a paragraph joined by one
space, a paragraph a line). Splits: `nat-str` (natural to strong
simplification: tune on it) and `ori-nat` (original to natural: judge only).
"""

import csv
import io
import json
import os
import re
import subprocess
import sys
from collections import Counter, defaultdict

csv.field_size_limit(1 << 30)


def git_csv(git_dir, path, delimiter=","):
    raw = subprocess.check_output(["git", "--git-dir", git_dir, "show", "HEAD:" + path])
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig")), delimiter=delimiter))


def squash(text):
    """A sentence's text without any whitespace, to compare two copies of it."""
    return re.sub(r"\s+", "", text)


def layout(paragraphs):
    """The file's text and each sentence's byte span and paragraph."""
    text, spans = b"", []
    for p, sentences in enumerate(paragraphs):
        for k, sentence in enumerate(sentences):
            if k:
                text += b" "
            data = sentence.encode("utf-8")
            spans.append({"start": len(text), "end": len(text) + len(data), "para": p})
            text += data
        text += b"\n"
    return text, spans


def write_pair(out, pair_id, source, left, right, pairs, extra):
    os.makedirs(out, exist_ok=True)
    gold = {"format": "tandem-align-gold/1", "id": pair_id, "source": source}
    gold.update(extra)
    for side, paragraphs in (("left", left), ("right", right)):
        text, spans = layout(paragraphs)
        name = "%s.%s.txt" % (pair_id, side)
        with open(os.path.join(out, name), "wb") as f:
            f.write(text)
        for i, span in enumerate(spans):
            span["id"] = "%s%d" % (side[0].upper(), i)
        gold[side] = {"file": name, "bytes": len(text), "sentences": spans}
    gold["pairs"] = [
        {
            "left": l,
            "right": r,
            "label": "aligned",
            "left_span": [gold["left"]["sentences"][l]["start"], gold["left"]["sentences"][l]["end"]],
            "right_span": [gold["right"]["sentences"][r]["start"], gold["right"]["sentences"][r]["end"]],
        }
        for l, r in sorted(pairs)
    ]
    with open(os.path.join(out, pair_id + ".gold.json"), "w", encoding="utf-8") as f:
        json.dump(gold, f, ensure_ascii=False, indent=1)


def find_run(sentences, text, after):
    """The indices of the sentences whose texts, one after another, make up
    `text` (an aligned row may join sentences that are not adjacent: "A. C."
    for sentences A and C), or None. At each step the longest sentence that
    the rest of `text` begins with is taken, the nearest to `after` among
    equal ones."""
    want, found = squash(text), []
    squashed = [squash(s) for s in sentences]
    while want:
        fits = [i for i, s in enumerate(squashed) if s and want.startswith(s) and i not in found]
        if not fits:
            return None
        longest = max(len(squashed[i]) for i in fits)
        at = found[-1] if found else after
        best = min((i for i in fits if len(squashed[i]) == longest), key=lambda i: abs(i - at))
        found.append(best)
        want = want[longest:]
    return found


def identical_once(left, right):
    """(i, j) for every sentence text that is left[i] and right[j] and occurs
    once on each side."""
    lcount = Counter(squash(s) for s in left)
    rcount = Counter(squash(s) for s in right)
    rindex = {squash(s): j for j, s in enumerate(right)}
    return {
        (i, rindex[squash(s)])
        for i, s in enumerate(left)
        if lcount[squash(s)] == 1 and rcount.get(squash(s)) == 1
    }


def deplain(git_dir, out):
    base = "B__Document-level_Corpus/DEplain-web-doc/"
    sent = "E__Sentence-level_Corpus/DEplain-web-sent/"
    splits = {
        "train": (base + "auto/open/sentence-split/train.csv", sent + "auto/open/train.csv"),
        "dev": (base + "auto/open/sentence-split/dev.csv", sent + "auto/open/dev.csv"),
        "test": (
            base + "manual/open/sentence-split/test.csv",
            "C__Alignment_Algorithms/DEplain_web_alignments_test.csv",
        ),
    }
    for split, (docs_path, rows_path) in splits.items():
        rows = defaultdict(list)
        for row in git_csv(git_dir, rows_path):
            rows[row["pair_id"]].append(row)
        # The manual set was aligned by two raters, the second on a part of
        # it: the first rater's alignment is the gold where there is one.
        for pid, doc_rows in rows.items():
            first = [r for r in doc_rows if r.get("rater", "1") == "1"]
            rows[pid] = first or doc_rows
        counts = Counter()
        for doc in git_csv(git_dir, docs_path):
            pid = doc["pair_id"]
            if pid not in rows:
                counts["documents without alignments"] += 1
                continue
            left = [s.strip() for s in doc["original"].split("|||") if s.strip()]
            right = [s.strip() for s in doc["simplification"].split("|||") if s.strip()]
            pairs, at_left, at_right = set(), 0, 0
            for row in rows[pid]:
                ls = find_run(left, row["original"], at_left)
                rs = find_run(right, row["simplification"], at_right)
                if ls is None or rs is None:
                    counts["rows dropped"] += 1
                    continue
                counts["rows"] += 1
                at_left, at_right = max(ls), max(rs)
                pairs.update((l, r) for l in ls for r in rs)
            if split != "test":
                # DEplain's sentence-level corpus left identical pairs out (its
                # alignment test set keeps them): a sentence found once, unchanged,
                # on each side is aligned with itself.
                pairs.update(identical_once(left, right))
            if not pairs:
                continue
            counts["documents"] += 1
            write_pair(
                os.path.join(out, "deplain-web-" + split),
                "deplain-web-%s-%s" % (split, pid),
                "DEPlain/%s pair %s" % (rows_path, pid),
                [left],
                [right],
                pairs,
                {"license": doc.get("license", "")},
            )
        print(split, dict(counts))


def porsimples(git_dir, out):
    sentences = git_csv(git_dir, "porsimples/porsimples_sentences.tsv", "\t")
    aligns = git_csv(git_dir, "porsimples/porsimples_aligns.tsv", "\t")
    # text id -> paragraphs of (sentence id, text), in the corpus' order
    texts = defaultdict(lambda: defaultdict(list))
    for s in sentences:
        texts[s["text_id"]][int(s["paragraph"])].append((s["sentence_id"], s["sentence_text"].strip()))
    by_pair = defaultdict(set)
    for a in aligns:
        by_pair[(a["level"], a["production_id"], a["text_id_from"], a["text_id_to"])].add(
            (a["sentence_id_from"], a["sentence_id_to"])
        )
    counts = Counter()
    for (level, production, left_id, right_id), links in sorted(by_pair.items()):
        split = {"ORI->NAT": "ori-nat", "NAT->STR": "nat-str"}[level]
        sides = []
        for text_id in (left_id, right_id):
            paragraphs = [texts[text_id][p] for p in sorted(texts[text_id])]
            index = {sid: i for i, (sid, _) in enumerate(s for p in paragraphs for s in p)}
            sides.append(([[t for _, t in p] for p in paragraphs], index))
        (left, lindex), (right, rindex) = sides
        pairs = {(lindex[a], rindex[b]) for a, b in links if a in lindex and b in rindex}
        counts[split] += 1
        write_pair(
            os.path.join(out, "porsimples-" + split),
            "porsimples-%s-%s" % (split, production),
            "porsimplessent/porsimples production %s, %s" % (production, level),
            left,
            right,
            pairs,
            {"license": "CC BY 4.0"},
        )
    print(dict(counts))


if __name__ == "__main__":
    if len(sys.argv) != 4 or sys.argv[1] not in ("deplain", "porsimples"):
        sys.exit(__doc__)
    {"deplain": deplain, "porsimples": porsimples}[sys.argv[1]](sys.argv[2], sys.argv[3])
