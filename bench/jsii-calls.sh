#!/usr/bin/env bash
# Counts the jsii round trips of one fresh `cls synth` (measure only): runs it with JSII_DEBUG=1, which makes jsii's
# Java runtime log every request to node on stderr, and prints the total, the count per request kind and per stack
# (requests between the creations of consecutive stacks), and the most frequent requests.
#
#   bench/jsii-calls.sh                      # the bench project of bench/synth.sh (2 arcs)
#   bench/jsii-calls.sh -p examples/copy-chain/project.json
#
# Needs a built CLI (./mvnw -q package -DskipTests -pl clusterless-cli -am), python3 and node.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/bench/out"
mkdir -p "$out"
if [ $# -eq 0 ]; then
  python3 "$root/bench/gen-project.py" --arcs 2 > "$out/jsii-calls-project.json"
  set -- -p "$out/jsii-calls-project.json"
fi
JSII_DEBUG=1 "$root/bin/cls" synth --no-cache -o "$out/jsii-calls.out" "$@" > /dev/null 2> "$out/jsii-calls.log" || {
  echo "jsii-calls: cls synth failed (see $out/jsii-calls.log)" >&2; exit 1; }
grep '^> ' "$out/jsii-calls.log" | sed 's/^> //' | python3 -c '
import collections, json, sys
kinds, calls, stacks = collections.Counter(), collections.Counter(), []
requests = [json.loads(line) for line in sys.stdin]
for r in requests:
    api = r.get("api", "?")
    kinds[api] += 1
    calls[" ".join(str(x) for x in (api, r.get("fqn") or r.get("assembly") or "", r.get("method") or r.get("property") or "") if x)] += 1
    if api == "create" and r.get("fqn") == "aws-cdk-lib.Stack":
        stacks.append((r["args"][1], 0))
    if stacks and not (api == "invoke" and r.get("method") == "synth"):
        stacks[-1] = (stacks[-1][0], stacks[-1][1] + 1)
print(f"{len(requests)} round trips")
print("by kind: " + ", ".join(f"{k} {v}" for k, v in kinds.most_common()))
print("by stack (from its creation to the next):")
for name, count in stacks:
    print(f"  {count:5} {name}")
print("most frequent:")
for call, count in calls.most_common(25):
    print(f"  {count:5} {call}")
'
