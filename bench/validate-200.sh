#!/usr/bin/env bash
# Load + validate benchmark: times `bin/cls validate` on a generated project of N chained s3CopyArcs, and
# `bin/cls --version` as the JVM + CLI start-up baseline. Prints min/median/max wall and median CPU seconds.
#
#   bench/validate-200.sh              # 10 runs of each
#   bench/validate-200.sh -n 20        # 20 runs
#   bench/validate-200.sh --arcs 1000  # a bigger project (file name follows the arc count)
#   bench/validate-200.sh --format yaml
#
# Needs: python3, a built CLI (./mvnw -q install -DskipTests). Exits non-zero when validate fails.
# Results go into docs/benchmarks.md by hand; timing never decides a test.
set -euo pipefail

runs=10
arcs=200
format=json
while [ $# -gt 0 ]; do
  case "$1" in
    -n|--runs) runs="${2:?$1 needs a value}"; shift 2 ;;
    --arcs) arcs="${2:?$1 needs a value}"; shift 2 ;;
    --format) format="${2:?$1 needs a value}"; shift 2 ;;
    -h|--help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "validate-200: unknown argument: $1 (try --help)" >&2; exit 2 ;;
  esac
done
case "$runs" in ''|*[!0-9]*|0) echo "validate-200: --runs must be a positive integer" >&2; exit 2 ;; esac

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cls="$root/bin/cls"
out="$root/bench/out"
mkdir -p "$out"
project="$out/project-$arcs.$format"

python3 "$root/bench/gen-project.py" --arcs "$arcs" --format "$format" > "$project"

# one untimed run: fails fast (and loudly) when the project does not validate, and warms the page cache
if ! "$cls" validate -p "$project" > "$out/validate.out" 2>&1; then
  echo "validate-200: cls validate failed on $project:" >&2
  cat "$out/validate.out" >&2
  exit 1
fi

# time_runs LABEL COMMAND...: runs COMMAND $runs times; prints min/median/max wall seconds and the median CPU
# seconds (user + sys, all threads). CPU time hardly moves when other processes compete for the cores; wall does.
time_runs() {
  local label="$1"; shift
  local i TIMEFORMAT='%3R %3U %3S'
  : > "$out/times.txt"
  for ((i = 0; i < runs; i++)); do
    if ! { time "$@" > /dev/null 2> "$out/run.err"; } 2>> "$out/times.txt"; then
      echo "validate-200: run $((i + 1)) of '$label' failed:" >&2
      cat "$out/run.err" >&2
      exit 1
    fi
  done
  awk -v label="$label" '
    function median(a, n,   i, j, t) {
      for (i = 2; i <= n; i++) { t = a[i]; for (j = i - 1; j > 0 && a[j] > t; j--) a[j + 1] = a[j]; a[j + 1] = t }
      return (n % 2) ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
    }
    { n++; wall[n] = $1; cpu[n] = $2 + $3 }
    END {
      m = median(wall, n); c = median(cpu, n)
      printf "%-26s wall min %.3f s  median %.3f s  max %.3f s   cpu median %.3f s   (%d runs)\n",
        label, wall[1], m, wall[n], c, n
    }' "$out/times.txt"
}

arcs_label="$arcs arcs"
[ "$arcs" = 1 ] && arcs_label="1 arc"
size=$(wc -c < "$project" | tr -d ' ')
lines=$(wc -l < "$project" | tr -d ' ')
echo "project: ${project#"$root"/} ($size bytes, $lines lines, $arcs_label + 1 boundary + 1 bucket)"
echo "result:  $(cat "$out/validate.out")"
time_runs "cls --version (baseline)" "$cls" --version
time_runs "cls validate ($arcs_label)" "$cls" validate -p "$project"
