#!/usr/bin/env bash
# Chaos on the local substrate: the bench/chaos pipeline (a frequent boundary, a copy arc, a batchExecArc, a copy
# arc) over LOTS ended five-minute lots of FILES files each, with `cls local run --until-idle` killed with -9 at
# random moments at least KILLS times and restarted, then run until idle. Checks afterwards:
#   lost       every landed file is in copied/ with the same bytes and listed, with its SHA-256, in exactly one
#              digest that reached final/
#   twice      a lot committed by the batch workload more than once (its sink manifest is a create-if-absent),
#              or a lot with more than one final manifest in a dataset, or a manifest listing an object twice,
#              or an object in a sink no manifest lists
#   overlap    a batch start that found an earlier process of its lot alive (digest.py checks /proc at start)
#   leftover   a workload process still alive after the last run
#
#   bench/local-chaos.sh [--kills 20] [--lots 24] [--files 5] [--parallelism 2] [--max-wait 6] [--seed N]
#
# Exits non-zero on any violation. Needs the CLI built (./mvnw -q package -DskipTests -pl clusterless-cli -am),
# python3 with boto3.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
kills=20 lots=24 files=5 parallelism=2 max_wait=6 seed="$RANDOM"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --kills) kills="$2"; shift 2 ;;
    --lots) lots="$2"; shift 2 ;;
    --files) files="$2"; shift 2 ;;
    --parallelism) parallelism="$2"; shift 2 ;;
    --max-wait) max_wait="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done
RANDOM="$seed"
out="$root/bench/out/local-chaos"
bucket="dev-cls-chaos-123456789012-us-west-2"
rm -rf "$out" && mkdir -p "$out"
data="$out/root/buckets/$bucket"
export CHAOS_LOG="$out/workload.log"
: >"$CHAOS_LOG"

# FILES files in each of the LOTS intervals that ended before the current one, dated 30 s into their interval.
python3 - "$data/landing" "$lots" "$files" "$seed" <<'PY'
import os, random, sys, time
base, lots, files, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
rnd = random.Random(seed)
unit = 300
first = (int(time.time()) // unit - lots) * unit
for lot in range(lots):
    for i in range(files):
        d = os.path.join(base, "lot-%03d" % lot)
        os.makedirs(d, exist_ok=True)
        p = os.path.join(d, "in-%03d.txt" % i)
        with open(p, "wb") as f:
            f.write(("lot %d file %d %x\n" % (lot, i, rnd.getrandbits(64))).encode())
        t = first + lot * unit + 30
        os.utime(p, (t, t))
PY
(cd "$data/landing" && find . -type f | sed 's|^\./||' | sort) >"$out/landed.txt"

run() { # background run; sets $pid
  "$root/bin/cls" local run -p "$root/bench/chaos/project.json" --local-root "$out/root" --until-idle \
    --parallelism "$parallelism" >>"$out/runs.out" 2>>"$out/runs.err" &
  pid=$!
}
now() { date +%s.%N; }
start="$(now)"
killed=0 runs=0 early=0
while [[ "$killed" -lt "$kills" ]]; do
  run; runs=$((runs + 1))
  # a random moment from 0.2 s (JVM start) to MAX_WAIT s, in 10 ms steps
  wait_ms=$((200 + RANDOM % (max_wait * 1000 - 199)))
  deadline=$(($(date +%s%3N) + wait_ms))
  while kill -0 "$pid" 2>/dev/null && [[ "$(date +%s%3N)" -lt "$deadline" ]]; do sleep 0.01; done
  if kill -9 "$pid" 2>/dev/null; then
    killed=$((killed + 1))
    wait "$pid" 2>/dev/null || true
    echo "kill $killed after ${wait_ms} ms (run $runs)" >>"$out/kills.txt"
  else
    wait "$pid" && status=0 || status=$?
    early=$((early + 1))
    echo "run $runs ended by itself (exit $status) before its kill at ${wait_ms} ms" >>"$out/kills.txt"
  fi
done
# restarts until a run ends idle on its own with every lot done
final_status=1
for attempt in 1 2 3; do
  runs=$((runs + 1))
  if "$root/bin/cls" local run -p "$root/bench/chaos/project.json" --local-root "$out/root" --until-idle \
      --parallelism "$parallelism" >>"$out/runs.out" 2>>"$out/runs.err"; then
    final_status=0
    break
  fi
done
end="$(now)"
wall="$(echo "$end - $start" | bc -l)"

set +e
python3 - "$out" "$data" "$lots" "$files" "$final_status" <<'PY'
import collections, glob, hashlib, json, os, sys
out, data, lots, files, final_status = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
bucket = os.path.basename(data)
manifests = os.path.join(os.path.dirname(data), "dev-clusterless-manifest-123456789012-us-west-2", "datasets")
landed = open(os.path.join(out, "landed.txt")).read().split()
violations = []

def sha(path):
    return hashlib.sha256(open(path, "rb").read()).hexdigest()

# lost: each landed file copied with its bytes and listed in exactly one digest in final/
digests = collections.Counter()
for path in glob.glob(os.path.join(data, "final", "lot=*", "digest.txt")):
    for line in open(path):
        uri, digest = line.split()
        digests[(uri.split("/copied/", 1)[1], digest)] += 1
for rel in landed:
    src, copy = os.path.join(data, "landing", rel), os.path.join(data, "copied", rel)
    if not os.path.isfile(copy) or sha(copy) != sha(src):
        violations.append(f"lost: {rel} not in copied/ with its bytes")
    n = digests[(rel, sha(src))]
    if n != 1:
        violations.append(f"lost: {rel} is in {n} digests of final/, expected 1")

# twice: commits per lot; final manifests per dataset and lot; objects listed twice or by no manifest
log = [line.split() for line in open(os.path.join(out, "workload.log"))]
starts = collections.Counter(w[1] for w in log if w[0] == "start")
commits = collections.Counter(w[1] for w in log if w[0] == "commit")
overlaps = [" ".join(w) for w in log if w[0] == "overlap"]
for lot, n in commits.items():
    if n > 1:
        violations.append(f"twice: lot {lot} committed {n} times by the batch workload")
listed = {}
for dataset, prefix in (("chaos-copied", "copied"), ("chaos-digest", "digest"), ("chaos-final", "final")):
    per_lot = collections.Counter()
    uris = collections.Counter()
    for path in glob.glob(os.path.join(manifests, f"name={dataset}", "version=*", "lot=*", "state=*", "manifest.json")):
        state = path.split("/state=")[1].split("/")[0]
        if state in ("complete", "empty"):
            lot = path.split("/lot=")[1].split("/")[0]
            per_lot[lot] += 1
            for uri in json.load(open(path)).get("uris") or []:
                uris[uri] += 1
    for lot, n in per_lot.items():
        if n > 1:
            violations.append(f"twice: {dataset} lot {lot} has {n} final manifests")
    for uri, n in uris.items():
        if n > 1:
            violations.append(f"twice: {uri} is listed by {n} manifests of {dataset}")
    on_disk = {f"s3://{bucket}/" + os.path.relpath(p, data) for p in glob.glob(os.path.join(data, prefix, "**"), recursive=True)
               if os.path.isfile(p)}
    for uri in sorted(on_disk - set(uris)):
        violations.append(f"twice: {uri} is in {prefix}/ but no manifest of {dataset} lists it")
    listed[dataset] = len(per_lot)
for line in overlaps:
    violations.append(f"overlap: {line}")
# leftover: any digest.py still alive
alive = [w[2] for w in log if w[0] == "start" and os.path.exists(f"/proc/{w[2]}/stat")
         and open(f"/proc/{w[2]}/stat").read().rsplit(")", 1)[1].split()[19] == w[3]
         and open(f"/proc/{w[2]}/stat").read().rsplit(")", 1)[1].split()[0] not in "ZX"]
for p in alive:
    violations.append(f"leftover: workload process {p} still alive")
if final_status != 0:
    violations.append("the last runs did not end idle with every lot done (see runs.err)")

print(f"inputs landed: {len(landed)} in {lots} lots; lots per dataset (final manifests): {listed}")
print(f"batch starts: {sum(starts.values())} for {len(starts)} lots (most for one lot: "
      f"{max(starts.values()) if starts else 0}); commits: {sum(commits.values())}; "
      f"re-runs that found their commit done: {sum(1 for w in log if w[0] == 'already')}; "
      f"batch runs killed before their commit: {sum(starts.values()) - sum(commits.values()) - sum(1 for w in log if w[0] == 'already')}")
print(f"violations: {len(violations)}")
for v in violations[:50]:
    print("  " + v)
sys.exit(1 if violations else 0)
PY
status=$?
set -e
printf 'kills: %d (runs %d, %d ended by themselves before their kill), wall %.1f s, seed %s\n' "$killed" "$runs" \
  "$early" "$wall" "$seed"
exit "$status"
