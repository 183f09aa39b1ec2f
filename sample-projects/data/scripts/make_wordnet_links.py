#!/usr/bin/env python3
"""Regenerates ../wordnet-links.tsv: a connected subset of WordNet 3.0 noun synsets and 12 relations.

Needs: apt-get install wordnet-base
Entities are visited breadth-first from the synset 'animal' over the 12 relations until 4,000 are kept;
every triple between kept entities is written. A triple and its inverse (hypernym/hyponym,
holonym/meronym, domain/member of domain) always land in the same split, and a validation or test triple
only uses entities seen in training, so nothing leaks across splits (as in WN18RR).
Each line: head <TAB> relation <TAB> tail <TAB> split; entities are 'lemma.offset'.
"""
import random
import sys
from collections import deque
from pathlib import Path

DATA = "/usr/share/wordnet/data.noun"
RELATIONS = {
    "@": "hypernym", "~": "hyponym", "@i": "instance_hypernym", "~i": "instance_hyponym",
    "#m": "member_holonym", "%m": "member_meronym", "#p": "part_holonym", "%p": "part_meronym",
    "#s": "substance_holonym", "%s": "substance_meronym", ";c": "domain_topic", "-c": "member_of_domain_topic",
}
INVERSE = {"hypernym": "hyponym", "instance_hypernym": "instance_hyponym", "member_holonym": "member_meronym",
           "part_holonym": "part_meronym", "substance_holonym": "substance_meronym",
           "domain_topic": "member_of_domain_topic"}
INVERSE.update({v: k for k, v in list(INVERSE.items())})
ROOT_LEMMA, LIMIT = "animal", 4000


def parse():
    names, edges = {}, {}
    for line in Path(DATA).read_text(encoding="latin-1").splitlines():
        if line.startswith("  "):
            continue
        fields = line.split(" | ")[0].split()
        offset, words = fields[0], int(fields[3], 16)
        lemma = fields[4].lower()
        names[offset] = lemma + "." + offset
        at = 4 + 2 * words
        pointers = int(fields[at])
        out = []
        for p in range(pointers):
            sym, target, pos = fields[at + 1 + 4 * p: at + 4 + 4 * p]
            if pos == "n" and sym in RELATIONS:
                out.append((RELATIONS[sym], target))
        edges[offset] = out
    return names, edges


def main(target):
    names, edges = parse()
    root = next(o for o, n in sorted(names.items()) if n.startswith(ROOT_LEMMA + "."))
    kept, queue = {root}, deque([root])
    while queue and len(kept) < LIMIT:
        for _, t in edges[queue.popleft()]:
            if t not in kept and len(kept) < LIMIT:
                kept.add(t)
                queue.append(t)
    triples = sorted({(h, r, t) for h in kept for r, t in edges[h] if t in kept})
    groups = {}
    for h, r, t in triples:
        key = min((h, r, t), (t, INVERSE[r], h))
        groups.setdefault(key, []).append((h, r, t))
    keys = sorted(groups)
    rng = random.Random(7)
    rng.shuffle(keys)
    n = len(keys)
    split = {k: "validation" if i < n // 20 else "test" if i < n // 10 else "train" for i, k in enumerate(keys)}
    seen = {e for k in keys if split[k] == "train" for h, _, t in groups[k] for e in (h, t)}
    for k in keys:  # held-out triples must not introduce entities
        if split[k] != "train" and any(e not in seen for h, _, t in groups[k] for e in (h, t)):
            split[k] = "train"
            seen.update(e for h, _, t in groups[k] for e in (h, t))
    order = {"train": 0, "validation": 1, "test": 2}
    rows = sorted(((names[h], r, names[t], split[k]) for k in keys for h, r, t in groups[k]),
                  key=lambda x: (order[x[3]], x))
    with open(target, "w", encoding="utf-8") as f:
        f.write("# head\trelation\ttail\tsplit — WordNet 3.0 nouns (Debian wordnet-base); see DATA.md\n")
        for row in rows:
            f.write("\t".join(row) + "\n")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else str(Path(__file__).resolve().parent.parent / "wordnet-links.tsv"))
