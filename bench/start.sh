#!/usr/bin/env bash
# Start-up of short commands: `cls --version` and `cls validate` of a small project (examples/simple-copy), each run
# ALTERNATELY with the build's class-data-sharing archive and without it (CLS_CDS=off), N rounds in one run; with
# --baseline DIR, this checkout's bin/cls and DIR's (another checkout, built, e.g. a `git archive` of an older
# commit) instead, both with their archives. Prints, per command and variant, the median wall and CPU (user + sys)
# seconds, and the median of the per-round ratios first/second variant. Only the ratios count on a shared machine.
#
#   bench/start.sh            # 10 rounds, archive against none
#   bench/start.sh -n 20 --baseline /tmp/base
#
# Needs a built CLI (./mvnw -q package -DskipTests -pl clusterless-cli -am), which records the archive.
set -euo pipefail
runs=10
baseline=""
while [ $# -gt 0 ]; do
  case "$1" in
    -n|--runs) runs="${2:?$1 needs a value}"; shift 2 ;;
    --baseline) baseline="${2:?$1 needs a value}"; shift 2 ;;
    -h|--help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "start: unknown argument: $1 (try --help)" >&2; exit 2 ;;
  esac
done
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/bench/out"
mkdir -p "$out"
[ -f "$root/clusterless-cli/target/clusterless-cli.jsa" ] || { echo "start: no archive; build the CLI first" >&2; exit 1; }
if [ -n "$baseline" ]; then
  [ -x "$baseline/bin/cls" ] || { echo "start: no bin/cls in $baseline" >&2; exit 1; }
  variants=("this:on:$root" "baseline:on:$baseline")
else
  variants=("archive:on:$root" "no-archive:off:$root")
fi
project="$root/examples/simple-copy/project.json"
times="$out/start.times"
: > "$times"
# one timed command: prints "wall user sys"
measure() { /usr/bin/time -f "%e %U %S" -o "$out/start.one" "$@" > /dev/null 2>&1 || { echo "start: failed: $*" >&2; exit 1; }; cat "$out/start.one"; }
for _ in $(seq "$runs"); do
  for variant in "${variants[@]}"; do
    IFS=: read -r name cds dir <<< "$variant"
    echo "version $name $(CLS_CDS=$cds measure "$dir/bin/cls" --version)" >> "$times"
    echo "validate $name $(CLS_CDS=$cds measure "$dir/bin/cls" validate -p "$project")" >> "$times"
  done
done
python3 - "$times" "$(uptime | sed 's/.*load average: //')" "${variants[0]%%:*}" "${variants[1]%%:*}" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1])]
first, second = sys.argv[3], sys.argv[4]
med = statistics.median
print(f"{len(rows) // 4} alternated rounds (load average at the end: {sys.argv[2]})")
for command in ("version", "validate"):
    by = {v: [(float(w), float(u) + float(s)) for c, m, w, u, s in rows if c == command and m == v] for v in (first, second)}
    for v in (first, second):
        print(f"  cls {command:8} {v:12} wall median {med(w for w, _ in by[v]):.2f} s, CPU median {med(c for _, c in by[v]):.2f} s")
    ratios = [a[0] / b[0] for a, b in zip(by[first], by[second])]
    cpu = [a[1] / b[1] for a, b in zip(by[first], by[second])]
    print(f"  cls {command:8} {first}/{second}: wall ratio median {med(ratios):.2f}, CPU ratio median {med(cpu):.2f}")
PY
