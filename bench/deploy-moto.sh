#!/usr/bin/env bash
# Wall time of bootstrap + deploy + destroy (+ bootstrap --destroy) of examples/copy-chain against a moto_server
# started here on a free loopback port, each split into cls's own share (JVM start, load, synth, metadata) and the
# CDK CLI's (cls prints 'timings: cdk-<verb>=Nms' with CLS_TIMINGS set).
#   bench/deploy-moto.sh [runs]        (build first: ./mvnw -q package -DskipTests -pl clusterless-cli -am)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-1}"
work="$(mktemp -d)"
moto=""
trap '[ -n "$moto" ] && kill "$moto" 2>/dev/null; rm -rf "$work"' EXIT
# a fresh moto_server per run: moto keeps the bootstrap stack's exports when its VPC deletion fails
start_moto() {
  [ -n "$moto" ] && { kill "$moto"; wait "$moto" 2>/dev/null || true; }
  port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
  moto_server -H 127.0.0.1 -p "$port" >"$work/moto.log" 2>&1 &
  moto=$!
  for _ in $(seq 50); do curl -sf "http://localhost:$port/" >/dev/null && break; sleep 0.2; done
  endpoint="http://localhost:$port"
}

export AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing AWS_REGION=us-west-2 AWS_DEFAULT_REGION=us-west-2
export CLS_TIMINGS=1 CLS_RETRY_BACKOFF_SECONDS=1
export CLS_CACHE_DIR="${CLS_CACHE_DIR:-$root/target/cls-cache}"
placement=(--account 123456789012 --region us-west-2 --stage dev)
project=(-p "$root/examples/copy-chain/project.json" -D aws.lambda.snapStart=false)

# one step: its name and command; prints "name total cdk cls" in ms
step() {
  local name="$1"; shift
  local start end cdk
  start=$(date +%s%3N)
  "$root/bin/cls" "$@" --endpoint-url "$endpoint" --approve >"$work/$name.log" 2>&1 || {
    echo "$name failed:" >&2; tail -20 "$work/$name.log" >&2; exit 1; }
  end=$(date +%s%3N)
  cdk=$(grep -o 'timings: cdk-[a-z]*=[0-9]*ms' "$work/$name.log" | grep -o '[0-9]*' | paste -sd+ | bc)
  printf '%-18s %7d %7d %7d\n' "$name" "$((end - start))" "${cdk:-0}" "$((end - start - ${cdk:-0}))"
}

# the first use installs the pinned CDK CLI into the cache: not part of the figures
if [ ! -x "$CLS_CACHE_DIR/cdk/2.1148.1/node_modules/.bin/cdk" ] && ! command -v cdk >/dev/null; then
  npm install --prefix "$CLS_CACHE_DIR/cdk/2.1148.1" --no-audit --no-fund --loglevel=error aws-cdk@2.1148.1 >/dev/null
fi

printf '%-18s %7s %7s %7s\n' step total_ms cdk_ms cls_ms
for run in $(seq "$runs"); do
  start_moto
  step bootstrap bootstrap "${placement[@]}"
  step deploy deploy "${project[@]}"
  step deploy-no-change deploy "${project[@]}"
  step destroy destroy "${project[@]}"
  step bootstrap-destroy bootstrap "${placement[@]}" --destroy --retry
done
