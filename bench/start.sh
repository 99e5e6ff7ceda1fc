#!/usr/bin/env bash
# Start-up of short commands: `cls --version` and `cls validate` of a small project (examples/simple-copy), each run
# ALTERNATELY with the build's class-data-sharing archive and without it (CLS_CDS=off), N rounds in one run.
# Prints, per command and mode, the median wall and CPU (user + sys) seconds, and the median ratio with/without.
#
#   bench/start.sh            # 10 rounds
#   bench/start.sh -n 20
#
# Needs a built CLI (./mvnw -q package -DskipTests -pl clusterless-cli -am), which records the archive.
set -euo pipefail
runs=10
while [ $# -gt 0 ]; do
  case "$1" in
    -n|--runs) runs="${2:?$1 needs a value}"; shift 2 ;;
    -h|--help) sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "start: unknown argument: $1 (try --help)" >&2; exit 2 ;;
  esac
done
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/bench/out"
mkdir -p "$out"
[ -f "$root/clusterless-cli/target/clusterless-cli.jsa" ] || { echo "start: no archive; build the CLI first" >&2; exit 1; }
project="$root/examples/simple-copy/project.json"
times="$out/start.times"
: > "$times"
# one timed command: prints "wall user sys"
measure() { /usr/bin/time -f "%e %U %S" -o "$out/start.one" "$@" > /dev/null 2>&1 || { echo "start: failed: $*" >&2; exit 1; }; cat "$out/start.one"; }
for _ in $(seq "$runs"); do
  for mode in on off; do
    echo "version $mode $(CLS_CDS=$mode measure "$root/bin/cls" --version)" >> "$times"
    echo "validate $mode $(CLS_CDS=$mode measure "$root/bin/cls" validate -p "$project")" >> "$times"
  done
done
python3 - "$times" "$(uptime | sed 's/.*load average: //')" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1])]
med = statistics.median
print(f"{len(rows) // 4} alternated rounds (load average at the end: {sys.argv[2]})")
for command in ("version", "validate"):
    by = {mode: [(float(w), float(u) + float(s)) for c, m, w, u, s in rows if c == command and m == mode] for mode in ("on", "off")}
    for mode, label in (("on", "with archive"), ("off", "without")):
        print(f"  cls {command:8} {label:12} wall median {med(w for w, _ in by[mode]):.2f} s, CPU median {med(c for _, c in by[mode]):.2f} s")
    ratios = [a[0] / b[0] for a, b in zip(by["on"], by["off"])]
    cpu = [a[1] / b[1] for a, b in zip(by["on"], by["off"])]
    print(f"  cls {command:8} with/without: wall ratio median {med(ratios):.2f}, CPU ratio median {med(cpu):.2f}")
PY
