#!/bin/sh
# Latency of every page type and of exports under load: for each path, one cold request (curl,
# first render after the server started or refreshed), then wrk -t2 -c32 for DURATION.
# Prints one Markdown table row per path, for BENCHMARKS.md.
#
# Usage: scripts/bench-web.sh [BASE_URL] [DURATION] [PATH…]
#   server: observatoire serve (release build); default paths: every page type and its exports.
#   COLD_MAX: seconds allowed for the cold request (default 300); a timeout shows as code 000.
set -eu
BASE=${1:-http://127.0.0.1:8080}
D=${2:-30s}
DIR=$(dirname "$0")
shift 2 2>/dev/null || shift $#
if [ $# -eq 0 ]; then
  set -- "/" "/export/domaines.csv" "/domaines/ia" "/domaines/ia/export/competences.csv?periode=mois" \
    "/domaines/donnees?periode=annee&region=84" "/domaines/ia/export/hausses.json" \
    "/competences/ia.grands-modeles-de-langage" "/competences/ia.grands-modeles-de-langage/export/regions.csv" \
    "/competences/donnees.sql?region=11" "/recherche?q=python" "/recherche/export/offres.csv?q=python" \
    "/offres/1" "/emergents" "/emergents/export/termes.csv" "/metiers/data%20engineer" \
    "/formations" "/formations/1" "/ecarts" "/ecarts/export/sous-dotees.csv"
fi
echo "| path | cold (1st request) | p50 | p95 | p99 | requests/s | errors |"
echo "|---|---|---|---|---|---|---|"
for path in "$@"; do
  cold=$(curl -s --max-time "${COLD_MAX:-300}" -o /dev/null -w '%{time_total} %{http_code}' "$BASE$path" || true)
  code=${cold#* }
  cold_ms=$(awk -v t="${cold% *}" 'BEGIN { printf "%.0f ms", t * 1000 }')
  line=$(wrk -t2 -c32 -d"$D" -s "$DIR/wrk-percentiles.lua" "$BASE$path" | tail -1)
  echo "$line" | awk -v p="$path" -v c="$cold_ms ($code)" \
    '{ printf "| `%s` | %s | %s ms | %s ms | %s ms | %s | %s |\n", p, c, $2, $5, $8, $10, $14 }'
done
