#!/usr/bin/env bash
# Guards refactorings of the construct code: synthesizes every example project (examples/*/project.*), the bench
# projects of bench/synth.sh (2 and 50 arcs; 2 arcs also without SnapStart) and a bootstrap stack into a folder, one
# sub-folder per case, keeping each assembly's JSON files (the asset files themselves only by name). Then
# `--compare` tells whether two such folders are identical: templates, asset manifests and manifest.json byte for
# byte, *.metadata.json after sorting object keys (the `cls project` entry's key order varies from run to run); a
# metadata file whose only difference is in aws:cdk:creationStack entries (with traces off, a summary of which kinds
# of frames a construct's creation went through, e.g. "...aws-cdk-lib, jsii runtime...") is counted apart.
#
#   bench/synth-snapshot.sh /tmp/before                 # with this checkout's bin/cls
#   bench/synth-snapshot.sh /tmp/before /tmp/main-copy  # with another checkout's bin/cls (built)
#   bench/synth-snapshot.sh --compare /tmp/before /tmp/after
#
# Two builds never make the same Lambda jar (its entries carry build times), and the jar's hash is in every
# template: give both runs the same one, CLS_ASSETS_PATH=/tmp/lambda.jar (copied from either build).
#
# Needs a built CLI (./mvnw -q package -DskipTests -pl clusterless-cli -am) and python3.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

if [ "${1:-}" = "--compare" ]; then
  a="${2:?--compare needs two folders}"; b="${3:?--compare needs two folders}"
  exec python3 - "$a" "$b" <<'EOF'
import json, os, sys
a, b = sys.argv[1], sys.argv[2]
def files(top):
    return sorted(os.path.relpath(os.path.join(d, f), top) for d, _, fs in os.walk(top) for f in fs)
fa, fb = files(a), files(b)
problems = [f"only in {a}: {f}" for f in sorted(set(fa) - set(fb))] + [f"only in {b}: {f}" for f in sorted(set(fb) - set(fa))]
same, traces = 0, []
def without_traces(text):
    # aws:cdk:creationStack is a summary of the construct's creation stack trace (traces are off: only which kinds of
    # frames were left out), so it moves with the call path that made a construct; nothing reads it
    return json.dumps({path: [entry for entry in entries if entry.get("type") != "aws:cdk:creationStack"]
                       for path, entries in json.loads(text).items()}, sort_keys=True)
for f in sorted(set(fa) & set(fb)):
    x, y = open(os.path.join(a, f), "rb").read(), open(os.path.join(b, f), "rb").read()
    if f.endswith(".metadata.json"):
        x, y = (json.dumps(json.loads(v), sort_keys=True) for v in (x, y))
    if x == y:
        same += 1
    elif f.endswith(".metadata.json") and without_traces(x) == without_traces(y):
        traces.append(f)
    else:
        problems.append(f"differs: {f}")
for p in problems:
    print(p)
templates = sum(1 for f in fa if f.endswith(".template.json"))
print(f"{same} files identical ({templates} templates), {len(traces)} metadata files differing only in "
      f"aws:cdk:creationStack summaries, {len(problems)} differences")
sys.exit(1 if problems else 0)
EOF
fi

[ -n "${CLS_ASSETS_PATH:-}" ] || echo "synth-snapshot: CLS_ASSETS_PATH is not set: templates then hold this build's own Lambda jar hash" >&2
out="${1:?usage: bench/synth-snapshot.sh OUT [CHECKOUT] | --compare A B}"
checkout="${2:-$root}"
cls="$checkout/bin/cls"
rm -rf "$out"
mkdir -p "$out"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

snap() { # name, cls arguments...
  local name="$1"; shift
  local assembly="$work/$name"
  if ! "$cls" synth --no-cache -o "$assembly" "$@" > "$work/$name.log" 2>&1; then
    echo "synth-snapshot: $name failed:" >&2; cat "$work/$name.log" >&2; exit 1
  fi
  mkdir -p "$out/$name"
  (cd "$assembly" && find . -name '*.json' -print0 | xargs -0 cp --parents -t "$out/$name"
   find . -name 'asset.*' -prune -printf '%P\n' | sort > "$out/$name/assets.list")
  echo "$name: $(find "$out/$name" -name '*.template.json' | wc -l) templates" >&2
}

for project in "$root"/examples/*/project.*; do
  example="$(basename "$(dirname "$project")")"
  snap "$example-$(basename "$project" | tr . -)" -p "$project"
done
for arcs in 2 50; do
  python3 "$root/bench/gen-project.py" --arcs "$arcs" > "$work/bench-$arcs.json"
  snap "bench-$arcs" -p "$work/bench-$arcs.json"
done
snap "bench-2-no-snapstart" -D aws.lambda.snapStart=false -p "$work/bench-2.json"
snap "bootstrap" --bootstrap --stage dev --account 123456789012 --region us-west-2
