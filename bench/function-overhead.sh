#!/usr/bin/env bash
# Per-invocation overhead of a local lambdaExecArc (issue 15): the same trivial handler run directly (interpreter
# started on a one-line driver) and as lots through cls's local executor (event file, process group with a lease,
# launcher, result file, sink manifest), RUNS times each after 3 warm-up runs. Needs python3 and node on the PATH.
#
#   bench/function-overhead.sh [RUNS]     # default 20
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-20}"
cd "$root"
./mvnw -B -ntp -q -o test -pl clusterless-substrate-local -am -Dtest=FunctionOverheadBenchmark \
  -Dsurefire.failIfNoSpecifiedTests=false -Dbench.runs="$runs" >/dev/null
grep -h BENCH clusterless-substrate-local/target/surefire-reports/*FunctionOverheadBenchmark-output.txt
