#!/usr/bin/env python3
"""Precision/recall/F1 per domain of `observatoire classify` output against a labelled set.

Usage: eval_devset.py LABELS.tsv|LABELS.jsonl CLASSIFIED.jsonl [--errors]
LABELS: devset.tsv (id<TAB>domains<TAB>note) or synthetic-postings.jsonl (id, domains).
"""
import json, sys
DOMAINS = ["ia", "donnees", "cybersecurite", "mediation", "immersif"]

def labels(path):
    out = {}
    if path.endswith(".jsonl"):
        for l in open(path, encoding="utf-8"):
            if l.strip():
                d = json.loads(l); out[d["id"]] = (set(d["domains"]), d.get("note", ""))
    else:
        for l in open(path, encoding="utf-8"):
            if l.startswith("#") or not l.strip(): continue
            p = l.rstrip("\n").split("\t")
            out[p[0]] = (set() if p[1] == "-" else set(p[1].split(",")), p[2] if len(p) > 2 else "")
    return out

gold = labels(sys.argv[1])
pred = {}
for l in open(sys.argv[2], encoding="utf-8"):
    d = json.loads(l)
    if d["id"] in gold: pred[d["id"]] = d
missing = [i for i in gold if i not in pred]
tp = fp = fn = 0
print(f"{'domaine':14} {'P':>6} {'R':>6} {'F1':>6}  tp fp fn")
for dom in DOMAINS:
    t = f = n = 0
    for i, (g, _) in gold.items():
        if i not in pred: continue
        p = dom in pred[i]["domains"]
        if p and dom in g: t += 1
        elif p: f += 1
        elif dom in g: n += 1
    tp += t; fp += f; fn += n
    P = t / (t + f) if t + f else 1.0; R = t / (t + n) if t + n else 1.0
    F = 2 * P * R / (P + R) if P + R else 0.0
    print(f"{dom:14} {P:6.3f} {R:6.3f} {F:6.3f}  {t} {f} {n}")
P = tp / (tp + fp) if tp + fp else 1; R = tp / (tp + fn) if tp + fn else 1
print(f"{'micro':14} {P:6.3f} {R:6.3f} {2*P*R/(P+R) if P+R else 0:6.3f}  {tp} {fp} {fn}   ({len(pred)} évalués, {len(missing)} absents)")
if "--errors" in sys.argv:
    for i, (g, note) in gold.items():
        if i not in pred: continue
        p = set(pred[i]["domains"])
        if p != g:
            comps = {}
            for c in pred[i]["competencies"]:
                comps[c["id"]] = [(e["text"], e["section"][:4]) + (("NEG",) if e.get("negated") else ()) for e in c["evidence"]][:3]
            print(f"\n{i}: gold={sorted(g)} pred={sorted(p)} scores={pred[i]['domain_scores']}\n  title={pred[i]['title']['normalized']!r}\n  note={note[:150]}")
            for k, v in comps.items(): print(f"   {k}: {v}")
