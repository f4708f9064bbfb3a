#!/usr/bin/env bash
# Crash consistency proof for `observatoire ingest`.
#
# 1. ingests a generated file into a fresh database (the reference run);
# 2. starts the same ingest into another fresh database, kill -9s it once some batches are
#    committed (and before the end), then re-runs the same command to completion;
# 3. checks that `status --json` (run history aside) and every table's row count are equal in
#    both databases, and that `PRAGMA integrity_check` says ok.
#
# Usage: scripts/kill-test.sh [BINARY]
#   BINARY            default: .build-pipeline/release/observatoire, else the debug one
#   KILL_TEST_LINES   postings in the generated file (default 50000; use ~5000 with a debug build)
#   KILL_TEST_DIR     working directory (default: a new one under /tmp, removed at the end)
# Exit status 0 when the databases agree, 1 otherwise.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-}
if [[ -z "$bin" ]]; then
  for b in "$here/.build-pipeline/release/observatoire" "$here/.build-pipeline/debug/observatoire"; do
    [[ -x "$b" ]] && { bin=$b; break; }
  done
fi
[[ -n "$bin" && -x "$bin" ]] || { echo "kill-test : binaire observatoire introuvable (swift build d’abord)" >&2; exit 1; }
lines=${KILL_TEST_LINES:-50000}
source_file=${KILL_TEST_SOURCE:-$here/../shared/data/postings/postings.jsonl}
[[ -f "$source_file" ]] || source_file=$here/Data/demo-postings.jsonl
work=${KILL_TEST_DIR:-$(mktemp -d /tmp/obs-kill.XXXXXX)}
[[ -n "${KILL_TEST_DIR:-}" ]] || trap 'rm -rf "$work"' EXIT
mkdir -p "$work"
data=$work/postings.jsonl
python3 "$here/scripts/make-postings.py" "$source_file" "$data" --lines "$lines"
ingest=("$bin" ingest "$data" --taxonomy "$here/Taxonomy" --json --quiet)

echo "kill-test : $lines offres, binaire $bin"
t0=$(date +%s.%N)
"${ingest[@]}" --db "$work/ref.sqlite" > "$work/ref-summary.json"
t1=$(date +%s.%N)
echo "exécution de référence : $(python3 -c "print(f'{$t1-$t0:.1f}')") s"

count() { python3 - "$1" <<'PY'
import sqlite3, sys
try:
    c = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True, timeout=5)
    print(c.execute("SELECT COUNT(*) FROM postings").fetchone()[0])
except Exception:
    print(0)
PY
}

"${ingest[@]}" --db "$work/kill.sqlite" > /dev/null &
pid=$!
threshold=$(( lines / 4 ))
killed_at=0
while kill -0 "$pid" 2>/dev/null; do
  n=$(count "$work/kill.sqlite")
  if (( n >= threshold )); then
    kill -9 "$pid"; killed_at=$n; break
  fi
  sleep 0.05
done
wait "$pid" 2>/dev/null || true
if (( killed_at == 0 )); then
  echo "kill-test : ÉCHEC, l’ingestion s’est terminée avant d’être interrompue (augmentez KILL_TEST_LINES)" >&2
  exit 1
fi
echo "interrompue par kill -9 avec $killed_at offres en base (sur $lines)"
"${ingest[@]}" --db "$work/kill.sqlite" > "$work/rerun-summary.json"
echo "relance : $(cat "$work/rerun-summary.json")"

python3 - "$work" "$bin" <<'PY'
import json, sqlite3, subprocess, sys
work, binary = sys.argv[1], sys.argv[2]
def state(name):
    path = f"{work}/{name}.sqlite"
    status = json.loads(subprocess.check_output([binary, "status", "--db", path, "--json"]))
    for k in ("runs", "run_count"):
        status.pop(k, None)
    c = sqlite3.connect(path)
    tables = [r[0] for r in c.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'grdb_%' AND name <> 'ingest_runs'")]
    counts = {t: c.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in sorted(tables)}
    integrity = c.execute("PRAGMA integrity_check").fetchone()[0]
    # Content, not only counts: which postings are duplicates of which (by source key).
    clusters = c.execute("""SELECT p.source || '|' || p.source_id, q.source || '|' || q.source_id, d.kind
                            FROM duplicates d JOIN postings p ON p.id = d.posting_id JOIN postings q ON q.id = d.cluster_id
                            ORDER BY 1""").fetchall()
    return status, counts, integrity, clusters
ref, killed = state("ref"), state("kill")
ok = True
for label, a, b in (("status", ref[0], killed[0]), ("lignes par table", ref[1], killed[1]), ("groupes de doublons", ref[3], killed[3])):
    if a != b:
        ok = False
        print(f"DIFFÉRENCE ({label}) :\n  référence : {a if label != 'groupes de doublons' else len(a)}\n  après kill : {b if label != 'groupes de doublons' else len(b)}")
for name, s in (("référence", ref), ("après kill", killed)):
    if s[2] != "ok":
        ok = False
        print(f"integrity_check ({name}) : {s[2]}")
print("status :", json.dumps(ref[0], ensure_ascii=False, sort_keys=True))
print("lignes :", json.dumps(ref[1], sort_keys=True))
print("integrity_check :", ref[2], "/", killed[2])
print("kill-test :", "RÉUSSI, bases identiques" if ok else "ÉCHEC")
sys.exit(0 if ok else 1)
PY
