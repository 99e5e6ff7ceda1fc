#!/usr/bin/env bash
# Synth against the Node anchor: times `bin/cls synth --no-cache` of a generated project (one bucket, one frequent
# boundary and N chained s3CopyArcs: a boundary stack and N arc stacks), `node bench/anchor/app.js`, which builds the
# same stacks directly against aws-cdk-lib, and `bin/cls synth` of the unchanged project (served by the assembly
# cache) ALTERNATELY in one run, and reports the median of the per-round ratios cls/anchor. Only these ratios
# count: other processes share the machine, and alternating exposes each side to the same load. Also prints the
# median of each phase cls reports under CLS_TIMINGS.
#
#   bench/synth.sh                 # 10 rounds, 2 arcs (three stacks)
#   bench/synth.sh -n 20 --arcs 50
#   bench/synth.sh --cls-args '-D aws.lambda.snapStart=false'   # extra arguments to every timed cls synth
#   bench/synth.sh --baseline /tmp/base   # also time another checkout's bin/cls (built; e.g. a `git archive` of an
#                                         # older commit) in the same rounds: before/after ratios from one run
#   bench/synth.sh --check [--arcs 50]   # only the untimed check that the anchor builds cls's stacks (seconds)
#
# Before timing (untimed): synthesizes once with cls, writes the anchor's spec from that assembly
# (bench/anchor/spec.py), runs the anchor once and fails unless every template equals cls's (bench/anchor/compare.py:
# templates, construct paths, stack metadata and asset manifests; on a difference it names the first differing
# stack, resource and property path). The anchor's aws-cdk-lib and constructs are installed with npm into
# bench/out/anchor, pinned to the versions the CLI's jsii bindings use. Both sides run with CDK_VALIDATION=false (bin/cls's default)
# and the anchor with CDK_NO_PERF_BUILTINS=1 (what jsii-host.js gives cls's node; the anchor's time does not change with it).
# Needs: python3, node, npm, a built CLI (./mvnw -q package -DskipTests -pl clusterless-cli -am). Timing never
# decides a test; results go into docs/benchmarks.md by hand.
set -euo pipefail

runs=10
arcs=2
cls_args=""
baseline=""
check=""
while [ $# -gt 0 ]; do
  case "$1" in
    -n|--runs) runs="${2:?$1 needs a value}"; shift 2 ;;
    --arcs) arcs="${2:?$1 needs a value}"; shift 2 ;;
    --cls-args) cls_args="${2?$1 needs a value}"; shift 2 ;;
    --baseline) baseline="${2:?$1 needs a value}"; shift 2 ;;
    --check) check=1; shift ;;
    -h|--help) sed -n '2,23p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "synth: unknown argument: $1 (try --help)" >&2; exit 2 ;;
  esac
done
case "$runs" in ''|*[!0-9]*|0) echo "synth: --runs must be a positive integer" >&2; exit 2 ;; esac

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cls="$root/bin/cls"
out="$root/bench/out"
anchor="$out/anchor"
mkdir -p "$out"
# the versions the CLI's jsii bindings are built from (clusterless-substrate-aws/pom.xml)
cdk_lib=2.263.0
constructs=10.8.1
if [ ! -f "$anchor/node_modules/aws-cdk-lib/package.json" ] \
  || ! grep -q "\"version\": \"$cdk_lib\"" "$anchor/node_modules/aws-cdk-lib/package.json"; then
  echo "synth: installing aws-cdk-lib@$cdk_lib and constructs@$constructs into $anchor (once)" >&2
  npm install --prefix "$anchor" --no-audit --no-fund --no-save --loglevel=error --no-update-notifier \
    "aws-cdk-lib@$cdk_lib" "constructs@$constructs" >/dev/null
fi
cp "$root/bench/anchor/app.js" "$anchor/app.js"

jar="$(ls "$root"/clusterless-lambda-runtime/target/clusterless-lambda-runtime-*-lambda.jar 2>/dev/null | head -1)"
[ -n "$jar" ] || { echo "synth: no Lambda jar; build first (./mvnw -q package -DskipTests -pl clusterless-cli -am)" >&2; exit 1; }
project="$out/synth-$arcs-arcs.json"
python3 "$root/bench/gen-project.py" --arcs "$arcs" > "$project"
cls_out="$out/synth-$arcs-cls.out"
anchor_out="$out/synth-$arcs-anchor.out"
log="$out/synth-$arcs.log"

export CDK_VALIDATION=false

if ! "$cls" synth -p "$project" -o "$cls_out" > "$log" 2>&1; then
  echo "synth: cls synth failed:" >&2; cat "$log" >&2; exit 1
fi
python3 "$root/bench/anchor/spec.py" "$cls_out" "$jar" > "$out/synth-$arcs-spec.json" || {
  echo "synth: cannot read the anchor's spec from cls's assembly $cls_out (bench/anchor/spec.py must follow cls)" >&2
  exit 1; }
rm -rf "$anchor_out"
(cd "$anchor" && CDK_NO_PERF_BUILTINS=1 node app.js "$out/synth-$arcs-spec.json" "$anchor_out" > "$log" 2>&1) || {
  echo "synth: the anchor failed:" >&2; cat "$log" >&2; exit 1; }
echo "same stacks? (bench/anchor/compare.py)"
python3 "$root/bench/anchor/compare.py" "$cls_out" "$anchor_out" || {
  echo "synth: no timing: the anchor's stacks differ from cls's (see above)" >&2; exit 1; }
[ -z "$check" ] || exit 0

times="$out/synth-$arcs.times"
: > "$times"
# each round: cls afresh (--no-cache), the anchor, cls again (an unchanged project: copied from the assembly cache,
# which the untimed synth above filled)
ms() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
# one timed cls synth: prints "<ms> <the timings line>"; fails the run on an error
timed() {
  local start phases
  start=$(date +%s%N)
  # shellcheck disable=SC2086
  CLS_TIMINGS=1 "$@" -p "$project" -o "$cls_out" $cls_args > /dev/null 2> "$log" || {
    echo "synth: cls synth failed:" >&2; cat "$log" >&2; exit 1; }
  echo "$(ms "$start") $(grep '^timings:' "$log" | sed 's/^timings: //')"
}
if [ -n "$baseline" ]; then
  [ -x "$baseline/bin/cls" ] || { echo "synth: no bin/cls in $baseline" >&2; exit 1; }
  "$baseline/bin/cls" synth -p "$project" -o "$cls_out" > "$log" 2>&1 || { echo "synth: baseline failed:" >&2; cat "$log" >&2; exit 1; }
fi
for _ in $(seq "$runs"); do
  read -r cold phases <<< "$(timed "$cls" synth --no-cache)"
  [ -n "$cold" ] || exit 1
  rm -rf "$anchor_out"
  start=$(date +%s%N)
  (cd "$anchor" && CDK_NO_PERF_BUILTINS=1 node app.js "$out/synth-$arcs-spec.json" "$anchor_out" > /dev/null 2>&1)
  node_ms=$(ms "$start")
  read -r cached repeat_phases <<< "$(timed "$cls" synth)"
  [ -n "$cached" ] || exit 1
  grep -q ' cached=' "$log" || { echo "synth: the repeat synth was not served from the cache:" >&2; cat "$log" >&2; exit 1; }
  line="cls=${cold}ms anchor=${node_ms}ms repeat=${cached}ms $phases $(echo "$repeat_phases" | sed 's/\([a-z-]*\)=/repeat-\1=/g')"
  if [ -n "$baseline" ]; then
    read -r base_cold base_phases <<< "$(timed "$baseline/bin/cls" synth --no-cache)"
    read -r base_cached base_repeat <<< "$(timed "$baseline/bin/cls" synth)"
    [ -n "$base_cold" ] && [ -n "$base_cached" ] || exit 1
    line="$line base=${base_cold}ms base-repeat=${base_cached}ms $(echo "$base_phases" | sed 's/\([a-z-]*\)=/base-\1=/g') $(echo "$base_repeat" | sed 's/\([a-z-]*\)=/base-repeat-\1=/g')"
  fi
  echo "$line" >> "$times"
done

python3 - "$arcs" "$times" "$(uptime | sed 's/.*load average: //')" <<'PY'
import re, statistics, sys
arcs, path, load = sys.argv[1], sys.argv[2], sys.argv[3]
runs = [dict((k, int(v)) for k, v in re.findall(r"([a-z-]+)=(\d+)ms", line)) for line in open(path)]
med = statistics.median
print(f"{arcs} arcs, {len(runs)} alternated rounds (load average at the end: {load})")
base = "base" in runs[0]
sides = (("cls", "cls synth (--no-cache)"), ("anchor", "node anchor"), ("repeat", "cls synth, unchanged"))
if base:
    sides += (("base", "baseline (--no-cache)"), ("base-repeat", "baseline, unchanged"))
for name, label in sides:
    walls = [r[name] / 1000 for r in runs]
    print(f"  {label:24} wall median {med(walls):.2f} s (min {min(walls):.2f}, max {max(walls):.2f})")
ratios_of = (("cls", "anchor", "cls afresh/anchor"), ("repeat", "anchor", "cls unchanged/anchor"))
if base:
    ratios_of += (("base", "anchor", "baseline afresh/anchor"), ("base-repeat", "anchor", "baseline unchanged/anchor"),
                  ("cls", "base", "cls/baseline, afresh"), ("repeat", "base-repeat", "cls/baseline, unchanged"))
for name, over, label in ratios_of:
    ratios = sorted(r[name] / r[over] for r in runs)
    print(f"  ratio {label}: median {med(ratios):.2f} (min {ratios[0]:.2f}, max {ratios[-1]:.2f})")
prefixes = (("", "afresh"), ("repeat-", "unchanged"))
if base:
    prefixes += (("base-", "baseline afresh"), ("base-repeat-", "baseline unchanged"))
sides_names = {"cls", "anchor", "repeat", "base", "base-repeat"}
for prefix, label in prefixes:
    longer = [p for p, _ in prefixes if p.startswith(prefix) and p != prefix]
    keys = [k for k in runs[0] if k.startswith(prefix) and k not in sides_names
            and not any(k.startswith(p) for p in longer)]
    print(f"  cls {label} phases (median): " + ", ".join(f"{k[len(prefix):]} {med(r.get(k, 0) for r in runs):.0f} ms" for k in keys))
PY
