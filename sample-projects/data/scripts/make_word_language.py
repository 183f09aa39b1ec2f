#!/usr/bin/env python3
"""Regenerates ../word-language.tsv from Debian's word lists.

Needs: apt-get install wamerican wfrench wngerman witalian wspanish
Each line of the output: word <TAB> language <TAB> split (train/validation/test).
Words are lower-cased, letters only (accents kept), 2 to 16 characters long; a word found in more than
one list is dropped (it cannot be labelled); 4,000 words per language are drawn with a fixed seed and
split 3,200 / 400 / 400.
"""
import random
import sys
from pathlib import Path

LISTS = {
    "english": "/usr/share/dict/american-english",
    "french": "/usr/share/dict/french",
    "german": "/usr/share/dict/ngerman",
    "italian": "/usr/share/dict/italian",
    "spanish": "/usr/share/dict/spanish",
}
PER_LANGUAGE, VALIDATION, TEST = 4000, 400, 400


def words(path):
    out = set()
    for line in Path(path).read_text(encoding="utf-8", errors="replace").splitlines():
        w = line.strip().lower()
        if 2 <= len(w) <= 16 and w.isalpha():
            out.add(w)
    return out


def main(target):
    sets = {lang: words(path) for lang, path in LISTS.items()}
    seen = {}
    for lang, ws in sets.items():
        for w in ws:
            seen[w] = seen.get(w, 0) + 1
    rng = random.Random(42)
    rows = []
    for lang in LISTS:
        unique = sorted(w for w in sets[lang] if seen[w] == 1)
        chosen = rng.sample(unique, PER_LANGUAGE)
        for i, w in enumerate(chosen):
            split = "validation" if i < VALIDATION else "test" if i < VALIDATION + TEST else "train"
            rows.append((w, lang, split))
    rng.shuffle(rows)
    order = {"train": 0, "validation": 1, "test": 2}
    rows.sort(key=lambda r: order[r[2]])
    with open(target, "w", encoding="utf-8") as f:
        f.write("# word\tlanguage\tsplit — from Debian wamerican, wfrench, wngerman, witalian, wspanish; see DATA.md\n")
        for r in rows:
            f.write("\t".join(r) + "\n")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else str(Path(__file__).resolve().parent.parent / "word-language.tsv"))
