#!/usr/bin/env bash
# Synth against the Node anchor: times `bin/cls synth` of a generated project (one bucket, one frequent boundary and
# N chained s3CopyArcs: a boundary stack and N arc stacks) and `node bench/anchor/app.js`, which builds the same
# stacks directly against aws-cdk-lib, ALTERNATELY in one run, and reports the median of the per-pair ratios
# cls/anchor. Only these ratios count: other processes share the machine, and alternating exposes both sides to
# the same load. Also prints the median of each phase cls reports under CLS_TIMINGS.
#
#   bench/synth.sh                 # 10 pairs, 2 arcs (three stacks)
#   bench/synth.sh -n 20 --arcs 50
#   bench/synth.sh --cls-args '--no-cache'   # extra arguments to every timed cls synth
#
# Before timing (untimed): synthesizes once with cls, writes the anchor's spec from that assembly
# (bench/anchor/spec.py), runs the anchor once and fails unless every template equals cls's
# (bench/anchor/compare.py). The anchor's aws-cdk-lib and constructs are installed with npm into bench/out/anchor,
# pinned to the versions the CLI's jsii bindings use. Both sides run with CDK_VALIDATION=false (bin/cls's default).
# Needs: python3, node, npm, a built CLI (./mvnw -q package -DskipTests -pl clusterless-cli -am). Timing never
# decides a test; results go into docs/benchmarks.md by hand.
set -euo pipefail

runs=10
arcs=2
cls_args=""
while [ $# -gt 0 ]; do
  case "$1" in
    -n|--runs) runs="${2:?$1 needs a value}"; shift 2 ;;
    --arcs) arcs="${2:?$1 needs a value}"; shift 2 ;;
    --cls-args) cls_args="${2?$1 needs a value}"; shift 2 ;;
    -h|--help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
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
python3 "$root/bench/anchor/spec.py" "$cls_out" "$jar" > "$out/synth-$arcs-spec.json"
rm -rf "$anchor_out"
(cd "$anchor" && node app.js "$out/synth-$arcs-spec.json" "$anchor_out" > "$log" 2>&1) || {
  echo "synth: the anchor failed:" >&2; cat "$log" >&2; exit 1; }
echo "same stacks? (bench/anchor/compare.py)"
python3 "$root/bench/anchor/compare.py" "$cls_out" "$anchor_out"

times="$out/synth-$arcs.times"
: > "$times"
for _ in $(seq "$runs"); do
  start=$(date +%s%N)
  # shellcheck disable=SC2086
  CLS_TIMINGS=1 "$cls" synth -p "$project" -o "$cls_out" $cls_args > /dev/null 2> "$log" || {
    echo "synth: cls synth failed:" >&2; cat "$log" >&2; exit 1; }
  middle=$(date +%s%N)
  rm -rf "$anchor_out"
  (cd "$anchor" && node app.js "$out/synth-$arcs-spec.json" "$anchor_out" > /dev/null 2>&1)
  end=$(date +%s%N)
  echo "cls=$(( (middle - start) / 1000000 ))ms anchor=$(( (end - middle) / 1000000 ))ms $(grep '^timings:' "$log" | sed 's/^timings: //')" >> "$times"
done

python3 - "$arcs" "$times" "$(uptime | sed 's/.*load average: //')" <<'PY'
import re, statistics, sys
arcs, path, load = sys.argv[1], sys.argv[2], sys.argv[3]
runs = [dict((k, int(v)) for k, v in re.findall(r"([a-z-]+)=(\d+)ms", line)) for line in open(path)]
ratios = sorted(r["cls"] / r["anchor"] for r in runs)
med = statistics.median
print(f"{arcs} arcs, {len(runs)} alternated pairs (load average at the end: {load})")
print(f"  cls synth     wall median {med(r['cls'] for r in runs) / 1000:.2f} s "
      f"(min {min(r['cls'] for r in runs) / 1000:.2f}, max {max(r['cls'] for r in runs) / 1000:.2f})")
print(f"  node anchor   wall median {med(r['anchor'] for r in runs) / 1000:.2f} s "
      f"(min {min(r['anchor'] for r in runs) / 1000:.2f}, max {max(r['anchor'] for r in runs) / 1000:.2f})")
print(f"  ratio cls/anchor: median {med(ratios):.2f} (min {ratios[0]:.2f}, max {ratios[-1]:.2f})")
phases = [k for k in runs[0] if k not in ("cls", "anchor")]
if phases:
    print("  cls phases (median): " + ", ".join(f"{k} {med(r.get(k, 0) for r in runs):.0f} ms" for k in phases))
PY
