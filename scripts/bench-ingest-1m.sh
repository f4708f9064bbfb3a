#!/usr/bin/env bash
# Ingestion benchmark on 1,000,000 postings: resamples ../shared/data/postings/postings.jsonl
# (new ids, dates spread over 2021–2025, mixed descriptions; see make-postings.py) into /tmp,
# then ingests it into a fresh database with the release binary under /usr/bin/time -v and
# reports the duration, postings/s and peak RSS (target: < 300 MB).
#
# Usage: scripts/bench-ingest-1m.sh [LINES]   (default 1000000)
#   BENCH_DIR  working directory (default /tmp/obs-bench-1m; the generated file is reused)
#   BENCH_BIN  binary (default .build/release/observatoire; built if missing)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
lines=${1:-1000000}
dir=${BENCH_DIR:-/tmp/obs-bench-1m}
bin=${BENCH_BIN:-$here/.build/release/observatoire}
mkdir -p "$dir"
if [[ ! -x "$bin" ]]; then
  (cd "$here" && swift build -c release)
fi
data=$dir/postings-$lines.jsonl
if [[ ! -s "$data" ]]; then
  echo "génération de $lines offres dans $data…"
  python3 "$here/scripts/make-postings.py" "$here/../shared/data/postings/postings.jsonl" "$data.tmp" --lines "$lines"
  mv "$data.tmp" "$data"
fi
db=$dir/bench.sqlite
rm -f "$db" "$db-wal" "$db-shm"
echo "ingestion de $(du -h "$data" | cut -f1) ($lines offres) avec $bin…"
/usr/bin/time -v "$bin" ingest "$data" --db "$db" --taxonomy "$here/Taxonomy" --json --quiet \
  > "$dir/summary.json" 2> "$dir/time.txt"
cat "$dir/summary.json"
python3 - "$dir" "$lines" "$db" <<'PY'
import json, os, re, sys
d, lines, db = sys.argv[1], int(sys.argv[2]), sys.argv[3]
summary = json.load(open(f"{d}/summary.json"))
t = open(f"{d}/time.txt").read()
wall = re.search(r"Elapsed \(wall clock\) time.*: (.+)", t).group(1).strip()
parts = [float(x) for x in wall.split(":")]
seconds = parts[-1] + 60 * parts[-2] + (3600 * parts[-3] if len(parts) > 2 else 0)
rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", t).group(1)) / 1024
user = float(re.search(r"User time \(seconds\): ([\d.]+)", t).group(1))
system = float(re.search(r"System time \(seconds\): ([\d.]+)", t).group(1))
size = sum(os.path.getsize(p) for p in (db, db + "-wal") if os.path.exists(p)) / 2**20
print(f"offres lues : {summary['read']}, enregistrées : {summary['stored']}, doublons : {summary['duplicates']}")
print(f"durée : {seconds:.1f} s (CPU utilisateur {user:.1f} s, système {system:.1f} s)")
print(f"débit : {summary['read'] / seconds:.0f} offres/s")
print(f"mémoire maximale (RSS) : {rss:.0f} Mo ({'sous' if rss < 300 else 'AU-DESSUS de'} l’objectif de 300 Mo)")
print(f"taille de la base : {size:.0f} Mo")
PY
