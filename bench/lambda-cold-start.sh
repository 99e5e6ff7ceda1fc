#!/usr/bin/env bash
# Cold start and warm latency of a boundary Lambda handler (issue: runtime), in a fresh JVM on the shaded Lambda
# jar, with S3 served by s3proxy and the arc bus by moto_server on loopback. Needs moto_server on PATH.
#   bench/lambda-cold-start.sh [EVENTS_PER_RUN (201)] [RUNS (5)]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
out="$root/bench/out"
mkdir -p "$out"
./mvnw -q -B -pl clusterless-model,clusterless-lambda-runtime -am install -DskipTests >/dev/null
./mvnw -q -B -pl clusterless-lambda-runtime test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$out/runtime-test-classpath.txt" >/dev/null
jar=$(ls clusterless-lambda-runtime/target/clusterless-lambda-runtime-*-lambda.jar)
cp="clusterless-lambda-runtime/target/test-classes:clusterless-lambda-runtime/target/classes:$(cat "$out/runtime-test-classpath.txt")"
java -cp "$cp" io.clusterless.runtime.bench.LambdaBench "$jar" "${1:-201}" "${2:-5}"
