#!/bin/sh
# Screenshots of every page at 360 px (phone) and 1280 px (desktop) with headless Chromium.
# Usage: scripts/screenshots.sh [BASE_URL] [OUT_DIR]   (server started with `observatoire serve`)
set -eu
BASE=${1:-http://127.0.0.1:8080}
OUT=${2:-/tmp/observatoire-screenshots}
mkdir -p "$OUT"
POSTING=$(curl -s "$BASE/recherche?q=python" | grep -o 'href="/offres/[0-9]*"' | head -1 | grep -o '[0-9]*')
for page in "apercu|/" "domaine|/domaines/ia?periode=trimestre" "domaine-parts|/domaines/cybersecurite?mesure=parts&periode=annee" \
            "competence|/competences/ia.grands-modeles-de-langage" "offre|/offres/${POSTING:-1}" "recherche|/recherche?q=python" \
            "introuvable|/nulle-part" "invalide|/?region=99"; do
  name=${page%%|*}; path=${page#*|}
  for width in 360 1280; do
    chromium --headless --no-sandbox --hide-scrollbars --screenshot="$OUT/$name-$width.png" \
      --window-size=$width,2400 "$BASE$path" >/dev/null 2>&1
  done
  echo "$OUT/$name-{360,1280}.png  $path"
done
