#!/usr/bin/env bash
# Synth benchmark: times `bin/cls synth` of the copy-chain example and of a generated project of N chained
# s3CopyArcs, with the breakdown the CLI prints under CLS_TIMINGS (JVM start, project load, jsii start, constructs,
# synth). Prints, per project, min/median/max wall seconds and the median of each phase.
#
#   bench/synth.sh                # 5 runs of each, a 50-arc project
#   bench/synth.sh -n 10          # 10 runs
#   bench/synth.sh --arcs 100     # a bigger generated project
#
# Needs: python3, a built CLI (./mvnw -q package -DskipTests -pl clusterless-cli -am). Exits non-zero when synth
# fails. Results go into docs/benchmarks.md by hand; timing never decides a test.
set -euo pipefail

runs=5
arcs=50
while [ $# -gt 0 ]; do
  case "$1" in
    -n|--runs) runs="${2:?$1 needs a value}"; shift 2 ;;
    --arcs) arcs="${2:?$1 needs a value}"; shift 2 ;;
    -h|--help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "synth: unknown argument: $1 (try --help)" >&2; exit 2 ;;
  esac
done
case "$runs" in ''|*[!0-9]*|0) echo "synth: --runs must be a positive integer" >&2; exit 2 ;; esac

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cls="$root/bin/cls"
out="$root/bench/out"
mkdir -p "$out"
generated="$out/synth-$arcs-arcs.json"
python3 "$root/bench/gen-project.py" --arcs "$arcs" > "$generated"

# bench NAME FILE: untimed warm-up run (fails loudly), then $runs timed runs
bench() {
  local name="$1" file="$2" assembly="$out/synth-$1.out" log="$out/synth-$1.log"
  if ! "$cls" synth -p "$file" -o "$assembly" > "$log" 2>&1; then
    echo "synth: cls synth failed on $file:" >&2
    cat "$log" >&2
    exit 1
  fi
  : > "$out/synth-$name.times"
  for _ in $(seq "$runs"); do
    local start end
    start=$(date +%s%N)
    CLS_TIMINGS=1 "$cls" synth -p "$file" -o "$assembly" 2> "$log" > /dev/null
    end=$(date +%s%N)
    echo "wall=$(( (end - start) / 1000000 ))ms $(grep '^timings:' "$log" | sed 's/^timings: //')" >> "$out/synth-$name.times"
  done
  python3 - "$name" "$out/synth-$name.times" <<'PY'
import re, statistics, sys
name, path = sys.argv[1], sys.argv[2]
runs = [dict((k, int(v)) for k, v in re.findall(r"([a-z-]+)=(\d+)ms", line)) for line in open(path)]
walls = sorted(r["wall"] / 1000 for r in runs)
print(f"{name}: {len(runs)} runs, wall min {walls[0]:.2f} s, median {statistics.median(walls):.2f} s, max {walls[-1]:.2f} s")
phases = [k for k in runs[0] if k not in ("wall",)]
print("  median phases: " + ", ".join(f"{k} {statistics.median(r[k] for r in runs):.0f} ms" for k in phases))
PY
}

bench copy-chain "$root/examples/copy-chain/project.json"
bench "$arcs-arcs" "$generated"
