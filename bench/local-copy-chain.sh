#!/usr/bin/env bash
# Local substrate throughput: N objects of SIZE bytes over LOTS ended five-minute lots through the copy-chain
# example (a frequent boundary and three chained s3CopyArcs), timed end to end with `cls local run --until-idle`,
# then the same files through the same three hops with cp (one cp per lot and hop), in the same run.
#
#   bench/local-copy-chain.sh [--objects 10000] [--lots 100] [--size 10240] [--parallelism N]
#
# Prints wall seconds, objects/s and the ratio local/cp; exits non-zero if the run did not copy every object.
# Needs the CLI built (./mvnw -q install -DskipTests) and python3 (to write the files fast).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
objects=10000 lots=100 size=10240 parallelism="$(nproc)"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --objects) objects="$2"; shift 2 ;;
    --lots) lots="$2"; shift 2 ;;
    --size) size="$2"; shift 2 ;;
    --parallelism) parallelism="$2"; shift 2 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done
out="$root/bench/out/local-copy-chain"
bucket="dev-cls-copy-chain-123456789012-us-west-2"
rm -rf "$out" && mkdir -p "$out"
data="$out/root/buckets/$bucket"

# The files, dated 30 s into each of the LOTS five-minute intervals that ended before the current one.
python3 - "$data/ingress" "$objects" "$lots" "$size" <<'PY'
import os, sys, time
base, objects, lots, size = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
unit = 300
current = int(time.time()) // unit * unit
first = current - (lots + 1) * unit
body = os.urandom(size)
for i in range(objects):
    lot = i * lots // objects
    d = os.path.join(base, "lot-%04d" % lot)
    os.makedirs(d, exist_ok=True)
    p = os.path.join(d, "obj-%06d.bin" % i)
    with open(p, "wb") as f:
        f.write(body)
    t = first + lot * unit + 30
    os.utime(p, (t, t))
PY
cp -a "$data/ingress" "$out/shell-ingress"

now() { date +%s.%N; }
echo "local: $objects objects of $size bytes over $lots lots, 3 copy arcs, parallelism $parallelism"
start="$(now)"
# C2 for a run that lasts seconds; bin/cls defaults to C1 for short commands
CLS_JAVA_OPTS="-XX:TieredStopAtLevel=4" "$root/bin/cls" local run \
  -p "$root/examples/copy-chain/project.json" --local-root "$out/root" --until-idle --parallelism "$parallelism" \
  >"$out/summary.txt" 2>"$out/err.txt" || { cat "$out/err.txt" >&2; exit 1; }
end="$(now)"
local_s="$(echo "$end - $start" | bc -l)"
copied="$(find "$data/copy-c" -type f | wc -l)"
if [[ "$copied" -ne "$objects" ]]; then
  echo "only $copied of $objects objects reached copy-c" >&2
  cat "$out/summary.txt" "$out/err.txt" >&2
  exit 1
fi

start="$(now)"
for hop in a b c; do
  from="$out/shell-ingress"; [[ "$hop" == b ]] && from="$out/shell-a"; [[ "$hop" == c ]] && from="$out/shell-b"
  mkdir -p "$out/shell-$hop"
  for lot in "$from"/lot-*; do
    cp -r "$lot" "$out/shell-$hop/"
  done
done
end="$(now)"
shell_s="$(echo "$end - $start" | bc -l)"

printf 'local run:  %6.2f s wall, %8.0f objects/s (each object through 3 hops)\n' "$local_s" \
  "$(echo "$objects / $local_s" | bc -l)"
printf 'shell cp:   %6.2f s wall, %8.0f objects/s\n' "$shell_s" "$(echo "$objects / $shell_s" | bc -l)"
printf 'ratio local/cp: %.1f\n' "$(echo "$local_s / $shell_s" | bc -l)"
cat "$out/summary.txt"
