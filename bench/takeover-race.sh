#!/usr/bin/env bash
# The arc takeover race (issue 12 point 11): every round, 8 start gates find the same lot's run past its running
# timeout at once and exactly one may start it again. Runs N rounds (default 1,000) on s3proxy (the runtime's
# S3ObjectStore) and on the local substrate's FileObjectStore, and prints one line of figures per store: rounds,
# rounds with one / two or more / no winner, lots left with more than running.arc, and times.
#   bench/takeover-race.sh [rounds]
# The benchmark classes are skipped by the normal test run (their names do not end in Test, and they need
# -Dbench.rounds).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
rounds="${1:-1000}"
cd "$root"
run() {
  local module="$1" test="$2" out="$3"
  rm -f "$module/target/bench/$out"
  ./mvnw -o -q -pl "$module" -am test -Dtest="$test" -Dbench.rounds="$rounds" -Dsurefire.failIfNoSpecifiedTests=false
  cat "$module/target/bench/$out"
}
run clusterless-lambda-runtime TakeoverRaceBenchmark takeover-race-s3proxy.txt
run clusterless-substrate-local FileStoreTakeoverRaceBenchmark takeover-race-file.txt
