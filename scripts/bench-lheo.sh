#!/usr/bin/env bash
# Read throughput of the LHEO reader on a large file (≥ 200 MB), release build.
#
# Builds /tmp/observatoire-bench.lheo.xml by repeating the demo offers (and the real LHEO
# example from ../shared when present) with changed ids, then runs the hidden LHEOBenchmark
# test under /usr/bin/time -v: prints Mo/s, offres/s and the peak RSS.
#   scripts/bench-lheo.sh            # read only
#   CLASSIFY=1 scripts/bench-lheo.sh # read + classify every offer
#   PIPELINE=1 CLASSIFY=1 scripts/bench-lheo.sh # parse on a thread of its own (LHEOOfferIterator)
set -euo pipefail
cd "$(dirname "$0")/.."
SCRATCH=${SCRATCH:-.build-training}
OUT=${OUT:-/tmp/observatoire-bench.lheo.xml}
TARGET_MB=${TARGET_MB:-200}
DEMO=Data/demo-formations.lheo.xml
REAL=../shared/data/training/lheo-exemple-bts-onisep.xml

if [ ! -s "$OUT" ] || [ "$(stat -c %s "$OUT")" -lt $((TARGET_MB * 1024 * 1024)) ]; then
  body=$(mktemp)
  # The offers only: everything between <offres> and </offres>.
  sed -n '/<offres>/,/<\/offres>/p' "$DEMO" | sed '1d;$d' > "$body"
  if [ -f "$REAL" ]; then
    sed -n '/<formation /,/<\/formation>/p' "$REAL" >> "$body"
  fi
  size=$(stat -c %s "$body")
  reps=$(( (TARGET_MB * 1024 * 1024) / size + 1 ))
  {
    printf '<?xml version="1.0" encoding="UTF-8"?>\n<lheo xmlns="http://www.lheo.org/2.2">\n<offres>\n'
    for i in $(seq 1 "$reps"); do
      sed "s/numero=\"/numero=\"R$i-/g" "$body"
    done
    printf '</offres>\n</lheo>\n'
  } > "$OUT"
  rm -f "$body"
fi
echo "fichier : $OUT ($(( $(stat -c %s "$OUT") / 1024 / 1024 )) Mo, $(grep -c '<formation ' "$OUT") offres)"

swift build -c release --scratch-path "$SCRATCH" --build-tests -Xswiftc -enable-testing 2>&1 | tail -1
BIN=$(find -L "$SCRATCH/release/" -maxdepth 1 -name "*PackageTests.xctest" | head -1)
LHEO_BENCH_FILE="$OUT" LHEO_BENCH_CLASSIFY="${CLASSIFY:-0}" LHEO_BENCH_PIPELINE="${PIPELINE:-0}" /usr/bin/time -v "$BIN" --testing-library swift-testing \
  --filter LHEOBenchmark 2>&1 | grep -E 'BENCH|Maximum resident|Elapsed \(wall|User time|System time|Percent of CPU|passed|failed'
