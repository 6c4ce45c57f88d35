#!/usr/bin/env python3
"""Builds the labelled set of single-fact edits (FactCC-style) from the
sentences in <lang>.txt: every rule below that applies to a sentence makes
one edited copy with its category; every sentence also gives one unedited
copy, re-wrapped and indented (label "none"). General rules only: nothing
here names a sentence. Output: <lang>.tsv (category, original, edited), with
newlines in the edited text written as \\n.

    python3 make.py        # rewrites en.tsv, fr.tsv, de.tsv, es.tsv, pt.tsv
"""
import re
import sys
from pathlib import Path

WEEKDAYS = {
    "en": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    "fr": ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"],
    "de": ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"],
    "es": ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"],
    "pt": ["segunda-feira", "terça-feira", "quarta-feira", "quinta-feira", "sexta-feira", "sábado", "domingo"],
}
MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
    "de": ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"],
    "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"],
    "pt": ["janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro", "novembro", "dezembro"],
}
NUMBER_WORDS = {
    "en": ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"],
    "fr": ["deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix"],
    "de": ["zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn"],
    "es": ["dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez"],
    "pt": ["três", "quatro", "cinco", "seis", "sete", "oito", "nove", "dez"],
}
# A hedge added to a finite auxiliary or verb: (pattern, replacement).
HEDGE = {
    "en": [(r"\bwill\b", "may"), (r"\b(has|have|had|was|were)\b", r"\1 reportedly")],
    "fr": [(r"(?<![\w'])(a|ont) (été|[a-zé]+é)\b", r"\1 probablement \2")],
    "de": [(r"\b(hat|haben|wurde|wurden|ist|sind)\b", r"\1 angeblich")],
    "es": [(r"(?<!\bno )\b((?:(?:se|lo|la|le|les|los|las) )?(?:ha|han|fue|fueron|será|serán))\b", r"supuestamente \1")],
    "pt": [(r"(?<!\bnão )\b((?:(?:se|o|a|os|as|lhe|lhes) )?(?:foi|foram|será|serão|tem|têm))\b", r"supostamente \1")],
}
# A negation added: (pattern, replacement).
NEGATE = {
    "en": [(r"\b(will|has|have|had|was|were|is|are|would|could)\b", r"\1 not")],
    "fr": [(r"(?<![\w'])(a|ont|est|sont) (été|[a-zé]+é)\b", lambda m: f"n'{m.group(1)} pas {m.group(2)}")],
    "de": [(r"\b(ist|sind|wurde|wurden|hat|haben) (.+?) (\w+)\.$", r"\1 \2 nicht \3.")],
    "es": [(r"(?<!\bno )\b((?:(?:se|lo|la|le|les|los|las) )?(?:ha|han|fue|fueron|es|son|será|serán|está|están))\b", r"no \1")],
    "pt": [(r"(?<!\bnão )\b((?:(?:se|o|a|os|as|lhe|lhes) )?(?:foi|foram|é|são|será|serão|está|estão|tem|têm))\b", r"não \1")],
}
SPEECH = {
    "en": r"\b(said|says)\b",
    "fr": r"\b(a déclaré|a dit|a affirmé)\b",
    "de": r"\b(sagte|sagt)\b",
    "es": r"\b(dijo|afirmó|declaró|explicó|aseguró|señaló|indicó|añadió)\b",
    "pt": r"\b(disse|afirmou|declarou|explicou|garantiu|assegurou|acrescentou)\b",
}
OTHER_PERSON = {"en": "Lisa Hwang", "fr": "Claire Martin", "de": "Peter Wagner", "es": "Carmen Ruiz", "pt": "Ana Souza"}


def check_lexicon(here):
    """The words the rules swap are the project's own word lists (assets/lexicon/<lang>/)."""
    lexicon = here.parent.parent.parent / "assets" / "lexicon"
    for lang in WEEKDAYS:
        time = (lexicon / lang / "time.txt").read_text().lower().split()
        numbers = [l.split(":")[0] for l in (lexicon / lang / "numbers.txt").read_text().splitlines()]
        for w in WEEKDAYS[lang] + MONTHS[lang]:
            assert w.lower() in time, f"{lang}: {w} not in time.txt"
        for w in NUMBER_WORDS[lang]:
            assert w in numbers, f"{lang}: {w} not in numbers.txt"


def once(sentence, pattern, repl):
    new, n = re.subn(pattern, repl, sentence, count=1)
    return new if n and new != sentence else None


def edits(lang, s):
    out = []
    # number: a figure that is not a year, one more; or a number word, the next.
    for m in re.finditer(r"(?<![\w.,-])(\d+)(?![\w.,-]\d)", s):
        n = int(m.group(1))
        if not 1800 <= n < 2200:
            # A clock time ("21 h 30", "10 a.m.", "10:30") is a date or time.
            clock = re.match(r" ?(h\b|a\.m\.|p\.m\.|:\d)", s[m.end():])
            # So is a day beside its month ("22 mai", "12. März", "10 de
            # noviembre", "September 20").
            months = "|".join(MONTHS[lang])
            day = n <= 31 and (
                re.match(rf"\.? (de )?({months})\b", s[m.end():], re.I)
                or re.search(rf"\b({months}) $", s[: m.start()], re.I)
            )
            out.append(("date" if clock or day else "number", s[: m.start()] + str(n + 1) + s[m.end():]))
            break
    for i, w in enumerate(NUMBER_WORDS[lang]):
        new = once(s, rf"\b{w}\b", NUMBER_WORDS[lang][(i + 1) % len(NUMBER_WORDS[lang])])
        if new:
            months = "|".join(MONTHS[lang])
            day = re.search(rf"\b{w} (de )?({months})\b", s, re.I)
            out.append(("date" if day else "number", new))
            break
    # date: a weekday or a month, the next one.
    for table in (WEEKDAYS[lang], MONTHS[lang]):
        for i, w in enumerate(table):
            new = once(s, rf"\b{w}\b", table[(i + 1) % len(table)])
            if new:
                out.append(("date", new))
                break
    # name: a surname (a capitalised word after a capitalised first name,
    # not at the start), one vowel changed.
    for m in re.finditer(r"(?<=\w )([A-Z][a-zé]+) ([A-Z][a-zöüéè]{4,})\b", s):
        surname = m.group(2)
        v = re.search(r"[aeiou]", surname[1:-1])
        if v and s.count(surname) == 1:
            k = v.start() + 1
            spelled = surname[:k] + ("e" if surname[k] == "a" else "a") + surname[k + 1:]
            out.append(("name", s[: m.start(2)] + spelled + s[m.end(2):]))
            break
    # attribution: the person after (or before) a speech verb replaced.
    sp = SPEECH[lang]
    m = re.search(sp + r"((?: [\w-]+)?(?: [A-ZÉ][\wöüé-]+){2,})", s) or re.search(r"((?:[A-Z][\w-]+ ){1,2})" + sp, s)
    if m:
        span = m.group(2) if m.re.pattern.startswith(sp) else m.group(1)
        names = re.findall(r"[A-ZÉ][\wöüé-]+", span)
        if len(names) >= 2:
            out.append(("attribution", s.replace(" ".join(names[-2:]), OTHER_PERSON[lang], 1)))
    # certainty and contradiction.
    for category, rules in (("certainty", HEDGE[lang]), ("contradiction", NEGATE[lang])):
        for pattern, repl in rules:
            new = once(s, pattern, repl)
            if new:
                out.append((category, new))
                break
    return out


def relaid(s):
    """The same sentence re-wrapped at about 40 columns, indented."""
    lines, line = [], ""
    for w in s.split():
        if line and len(line) + 1 + len(w) > 40:
            lines.append(line)
            line = ""
        line = f"{line} {w}" if line else w
    lines.append(line)
    return "\n    ".join(lines)


def main():
    here = Path(__file__).parent
    check_lexicon(here)
    for lang in ("en", "fr", "de", "es", "pt"):
        rows = []
        for line in (here / f"{lang}.txt").read_text().splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            for category, edited in edits(lang, line):
                rows.append((category, line, edited))
            rows.append(("none", line, relaid(line)))
        with open(here / f"{lang}.tsv", "w") as f:
            f.write("# generated by make.py from " + lang + ".txt (sources and licences there)\n")
            for category, original, edited in rows:
                f.write("\t".join((category, original, edited.replace("\n", "\\n"))) + "\n")
        counts = {}
        for c, _, _ in rows:
            counts[c] = counts.get(c, 0) + 1
        print(lang, counts, file=sys.stderr)


main()
