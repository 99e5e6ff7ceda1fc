#!/usr/bin/env bash
# Status and gaps at scale: one year of Twelfths (105,120 lots) of one dataset (chain-ingress of the copy-chain
# example), one lot in 500 without a manifest.
#
#   bench/status-scale.sh [--s3proxy]
#
# Locally: writes the year's manifests straight into a local root (the file store's layout, buckets/<bucket>/<key>)
# and times `bin/cls datasets status` and `bin/cls gaps --dataset` over the year, JVM start included.
# With --s3proxy also runs StatusScaleBenchmark (runtime tests): the same year in s3proxy, every list request
# counted by an instrumented ObjectStore; it fails if a scan needs more than lots/1000 + 10 list requests.
# Needs the CLI built (./mvnw -q package -DskipTests -pl clusterless-cli -am) and python3.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
s3proxy=false
while [[ $# -gt 0 ]]; do
  case "$1" in
    --s3proxy) s3proxy=true; shift ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done
out="$root/bench/out/status-scale"
rm -rf "$out" && mkdir -p "$out"
bucket="dev-clusterless-manifest-123456789012-us-west-2"

python3 - "$out/root/buckets/$bucket" <<'PY'
import datetime, os, sys
base = sys.argv[1]
prefix = os.path.join(base, "datasets", "name=chain-ingress", "version=20230101")
day = datetime.date(2023, 1, 1)
index = 0
while day.year == 2023:
    for ordinal in range(288):
        index += 1
        if index % 500 == 0:
            continue
        d = os.path.join(prefix, "lot=%sPT5M%03d" % (day.strftime("%Y%m%d"), ordinal), "state=complete")
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, "manifest.json"), "w") as f:
            f.write("{}")
    day += datetime.timedelta(days=1)
print("wrote %d manifests" % (index - index // 500))
PY

now() { date +%s.%N; }
args=(-p "$root/examples/copy-chain/project.json" -P local --local-root "$out/root"
      --earliest 20230101PT5M000 --latest 20240101PT5M000)
start="$(now)"
"$root/bin/cls" datasets status --name chain-ingress "${args[@]}" >"$out/status.txt"
status_s="$(echo "$(now) - $start" | bc -l)"
start="$(now)"
"$root/bin/cls" --output json gaps --dataset chain-ingress "${args[@]}" >"$out/gaps.json"
gaps_s="$(echo "$(now) - $start" | bc -l)"
gaps="$(grep -c '"cause"' "$out/gaps.json" || true)"
cat "$out/status.txt"
printf 'local datasets status: %5.2f s wall (JVM start included)\n' "$status_s"
printf 'local gaps --dataset:  %5.2f s wall, %d gaps\n' "$gaps_s" "$gaps"

if [[ "$s3proxy" == true ]]; then
  (cd "$root" && ./mvnw -B -ntp -q verify -pl clusterless-lambda-runtime -am -Dtest=StatusScaleBenchmark \
    -Dsurefire.failIfNoSpecifiedTests=false -Dcls.bench.scale=true)
  grep -h BENCH "$root"/clusterless-lambda-runtime/target/surefire-reports/*StatusScaleBenchmark-output.txt
fi
