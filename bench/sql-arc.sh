#!/usr/bin/env bash
# The local athenaQueryArc against DuckDB alone (issue 16): LOTS lots of ROWS CSV rows through examples/clicks-parquet
# with one local run (frequent boundary, glueAddPartitionsArc, athenaQueryArc to Parquet by day), then the same
# SELECT per lot run by DuckDB directly, one COPY per lot on one connection. Prints BENCH lines.
#
#   bench/sql-arc.sh [LOTS] [ROWS]     # default 100 10000
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
./mvnw -B -ntp -q -o test -pl clusterless-substrate-local -am -Dtest=SqlArcBenchmark \
  -Dsurefire.failIfNoSpecifiedTests=false -Dbench.lots="${1:-100}" -Dbench.rows="${2:-10000}" >/dev/null
grep -h BENCH clusterless-substrate-local/target/surefire-reports/*SqlArcBenchmark-output.txt
