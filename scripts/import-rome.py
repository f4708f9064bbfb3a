#!/usr/bin/env python3
"""Regenerates Data/rome/appellations.tsv and Data/rome/fiches.tsv from the ROME 4.0 CSV export.

ROME 4.0 (version 460), France Travail, Licence Ouverte 2.0 (Etalab).
Usage: scripts/import-rome.py [SOURCE_DIR] (default: ../shared/data/taxonomies/rome4)

Appellation labels are written "Masculin / Féminin complément" in the source
("Technicien coupeur / Technicienne coupeuse en coiffure"): the feminine part has as many words
as the masculine one, and the complement after it is shared by both forms.
"""
import csv
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SOURCE = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "..", "shared", "data", "taxonomies", "rome4")
OUT = os.path.join(ROOT, "Data", "rome")


def split_gender(label):
    """(masculine, feminine) of one appellation label."""
    label = " ".join(label.split())
    if " / " not in label:
        return label, label
    masc, rest = label.split(" / ", 1)
    n = len(masc.split())
    words = rest.split()
    fem, shared = " ".join(words[:n]), " ".join(words[n:])
    if shared:
        return masc + " " + shared, fem + " " + shared
    return masc, fem


def clean(s):
    return " ".join(s.replace("\t", " ").split())


def main():
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(SOURCE, "unix_referentiel_appellation_v460_utf8.csv"), encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    rows.sort(key=lambda r: (r["code_rome"], int(r["code_ogr"])))
    with open(os.path.join(OUT, "appellations.tsv"), "w", encoding="utf-8", newline="\n") as out:
        out.write("code_rome\tcode_appellation\tlibelle_masculin\tlibelle_feminin\n")
        for r in rows:
            masc, fem = split_gender(clean(r["libelle_appellation_long"]))
            out.write(f"{r['code_rome']}\t{r['code_ogr']}\t{masc}\t{fem}\n")
    with open(os.path.join(SOURCE, "unix_referentiel_code_rome_v460_utf8.csv"), encoding="utf-8") as f:
        fiches = sorted(csv.DictReader(f), key=lambda r: r["code_rome"])
    with open(os.path.join(OUT, "fiches.tsv"), "w", encoding="utf-8", newline="\n") as out:
        out.write("code_rome\tlibelle_rome\tcode_rome_parent\n")
        for r in fiches:
            out.write(f"{r['code_rome']}\t{clean(r['libelle_rome'])}\t{r['code_rome_parent']}\n")
    print(f"{len(rows)} appellations, {len(fiches)} fiches → {OUT}")


if __name__ == "__main__":
    main()
