#!/usr/bin/env python3
"""Builds a large JSON Lines file of postings by resampling a smaller one, for load tests.

Usage: make-postings.py SOURCE.jsonl OUT.jsonl --lines N [--seed S] [--years 2021-2025]

Line k takes posting k mod n of SOURCE (n lines) with a new id (`<id>~<k // n>`). The first
pass keeps the postings as they are; later passes make new texts: the first half of the
description's paragraphs followed by the second half of another posting's, so that most lines
are distinct postings for the deduplicator, and 5 % stay exact reposts of their original (with
a new id), so duplicates are exercised too. Publication dates are spread uniformly over the
given years. Deterministic for a given seed. Writes to OUT only (never into the repository).
"""
import argparse
import datetime
import json
import random
import sys


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("source")
    ap.add_argument("out")
    ap.add_argument("--lines", type=int, required=True)
    ap.add_argument("--seed", type=int, default=20261125)
    ap.add_argument("--years", default="2021-2025")
    a = ap.parse_args()
    base = []
    with open(a.source, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line:
                base.append(json.loads(line))
    if not base:
        sys.exit("no postings in " + a.source)
    paragraphs = [p.get("description", "").split("\n") for p in base]
    first, last = (int(y) for y in a.years.split("-"))
    day0 = datetime.date(first, 1, 1)
    span = (datetime.date(last, 12, 31) - day0).days + 1
    rng = random.Random(a.seed)
    n = len(base)
    with open(a.out, "w", encoding="utf-8") as out:
        for k in range(a.lines):
            i, copy = k % n, k // n
            p = dict(base[i])
            if copy > 0:
                p["id"] = f"{p['id']}~{copy}"
                if rng.random() >= 0.05:
                    mine, other = paragraphs[i], paragraphs[rng.randrange(n)]
                    p["description"] = "\n".join(mine[: max(1, len(mine) // 2)] + other[len(other) // 2:])
                p["published"] = (day0 + datetime.timedelta(days=rng.randrange(span))).isoformat()
            out.write(json.dumps(p, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
