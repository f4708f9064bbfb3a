#!/bin/sh
# wrk -t2 -c32 -d30s on the overview, a domain page, a competency page and a CSV export.
# Usage: scripts/bench-web.sh [BASE_URL] [DURATION]   (server: observatoire serve, release build)
set -eu
BASE=${1:-http://127.0.0.1:8080}
D=${2:-30s}
DIR=$(dirname "$0")
for path in "/" "/domaines/ia" "/competences/ia.grands-modeles-de-langage" "/domaines/ia/export/competences.csv?periode=mois"; do
  printf '%-58s ' "$path"
  wrk -t2 -c32 -d"$D" -s "$DIR/wrk-percentiles.lua" "$BASE$path" | tail -1
done
