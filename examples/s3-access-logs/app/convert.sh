#!/usr/bin/env bash
# convert.sh: the workload of the AccessLogs arc "toParquet" (aws:core:batchExecArc).
#
# Clusterless runs it once per lot, with the arguments declared in the project's "command":
#
#   ./convert.sh --lot 20230101PT5M042 \
#     --manifest s3://dev-clusterless-manifest-123456789012-us-west-2/datasets/name=access-logs-raw/version=20230101/lot=20230101PT5M042/state=complete/manifest.json
#
# Steps:
#   1. Read CLS_ARC_PROPS_JSON (set by Clusterless): the sink dataset's pathURI (where to write the data)
#      and sinkManifestTemplates (where to write the manifest that describes what was written).
#   2. Download the source manifest with `aws s3 cp`, then every log object it lists.
#   3. Parse the S3 server access log lines and write them as one file:
#        <sink pathURI>day=<yyyyMMdd>/lot=<lot>/part-00000.parquet
#   4. Write the sink manifest at sinkManifestTemplates[<role>] expanded with {lot} and {state}:
#      state "complete" listing the file, or "empty" when the lot had no log lines (frequent boundaries
#      announce an empty lot every interval). Clusterless then announces the lot to the next arc.
#   Any failure exits non-zero before a manifest is written, so the arc records the lot as "missing".
#
# Needs bash, jq, python3 (pyarrow for Parquet) and the aws CLI. Works against any S3 API: set
# AWS_ENDPOINT_URL to use a local endpoint instead of AWS.
#
# Environment:
#   CLS_ARC_PROPS_JSON   required; arc props written by Clusterless (sources, sinks, sinkManifestTemplates, ...)
#   OUTPUT_FORMAT        parquet (default) or jsonl; parquet falls back to jsonl, with a warning,
#                        when pyarrow is not installed (the Glue table then cannot read that lot)
#   SINK_ROLE            the sink role to write (default: main)
#   AWS_BATCH_JOB_ATTEMPT, CLS_LOCAL   informational only
set -euo pipefail

log() { echo "convert.sh: $*" >&2; }
die() { log "error: $*"; exit 1; }
usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; }

lot="" manifest=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --lot) lot="${2:-}"; shift 2 ;;
    --manifest) manifest="${2:-}"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) die "unknown argument: $1 (try --help)" ;;
  esac
done

[[ -n "$lot" ]] || die "--lot is required"
[[ -n "$manifest" ]] || die "--manifest is required"
[[ "$lot" =~ ^[0-9]{8}PT[0-9]+M[0-9]{3}$ ]] || die "not a lot id: $lot (expected e.g. 20230101PT5M042)"
[[ -n "${CLS_ARC_PROPS_JSON:-}" ]] || die "CLS_ARC_PROPS_JSON is not set; run this through Clusterless (or 'cls local')"
for tool in jq aws python3; do
  command -v "$tool" >/dev/null || die "$tool is not installed"
done

role="${SINK_ROLE:-main}"
format="${OUTPUT_FORMAT:-parquet}"
day="${lot:0:8}"

props() { jq -er --arg role "$role" "$1" <<<"$CLS_ARC_PROPS_JSON"; }
sink_path="$(props '.sinks[$role].pathURI')" || die "CLS_ARC_PROPS_JSON has no sink for role: $role"
template="$(props '.sinkManifestTemplates[$role]')" || die "CLS_ARC_PROPS_JSON has no sinkManifestTemplates for role: $role"
sink_path="${sink_path%/}/"

# RFC 6570 expansion of .../lot={lot}/state={state}{/attempt*}/manifest.json; complete and empty
# manifests carry no attempt, so {/attempt*} expands to nothing.
manifest_uri() {
  jq -rn --arg t "$template" --arg lot "$lot" --arg state "$1" \
    '$t | gsub("\\{lot\\}"; $lot) | gsub("\\{state\\}"; $state) | gsub("\\{/attempt\\*\\}"; "")'
}

s3_exists() {
  local rest="${1#s3://}"
  aws s3api head-object --bucket "${rest%%/*}" --key "${rest#*/}" >/dev/null 2>&1
}

# A manifest is never overwritten: a second run for the same lot must not change what was announced.
refuse_if_done() {
  if s3_exists "$(manifest_uri complete)" || s3_exists "$(manifest_uri empty)"; then
    local uri
    uri="$(manifest_uri complete)"
    die "a manifest already exists for lot $lot under ${uri%/state=*}/"
  fi
}

write_manifest() { # state, uris as a JSON array
  local uri
  uri="$(manifest_uri "$1")"
  refuse_if_done
  jq -n --arg state "$1" --arg lot "$lot" --argjson uris "$2" \
    '{state: $state, comment: null, lotId: $lot, uriType: "identifier", uris: $uris}' >"$work/sink-manifest.json"
  aws s3 cp --only-show-errors --content-type application/json "$work/sink-manifest.json" "$uri"
  log "wrote $1 manifest $uri"
}

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/in" "$work/out"

refuse_if_done
log "lot $lot, attempt ${AWS_BATCH_JOB_ATTEMPT:-1}${CLS_LOCAL:+ (local run)}, source manifest $manifest"
aws s3 cp --only-show-errors "$manifest" "$work/source-manifest.json"
source_state="$(jq -r '.state' "$work/source-manifest.json")"

if [[ "$source_state" == "empty" ]] || [[ "$(jq '.uris | length' "$work/source-manifest.json")" == 0 ]]; then
  write_manifest empty '[]'
  exit 0
fi
[[ "$source_state" == "complete" ]] || die "source manifest state is '$source_state', expected complete or empty"

n=0
while IFS= read -r uri; do
  n=$((n + 1))
  target="$work/in/$(printf '%05d' "$n")"
  aws s3 cp --only-show-errors "$uri" "$target"
  if [[ "$uri" == *.gz ]]; then mv "$target" "$target.gz" && gunzip "$target.gz"; fi
done < <(jq -r '.uris[]' "$work/source-manifest.json")
log "downloaded $n log object(s)"

# Parse the log lines; prints the path of the written file, nothing when there were no rows.
written="$(python3 - "$work/in" "$work/out/part-00000" "$format" <<'PY'
import json, os, re, sys

in_dir, out_base, fmt = sys.argv[1:4]

# Fields of an S3 server access log line, in order; the table schema in project.json matches.
COLUMNS = [
    ("bucket_owner", "string"), ("bucket", "string"), ("request_time", "string"), ("remote_ip", "string"),
    ("requester", "string"), ("request_id", "string"), ("operation", "string"), ("key", "string"),
    ("request_uri", "string"), ("http_status", "int"), ("error_code", "string"), ("bytes_sent", "bigint"),
    ("object_size", "bigint"), ("total_time", "int"), ("turn_around_time", "int"), ("referrer", "string"),
    ("user_agent", "string"), ("version_id", "string"),
]
# A field is [bracketed], "quoted" (may contain spaces) or a run of non-blanks; "-" means absent.
FIELD = re.compile(r'\[[^\]]*\]|"(?:[^"\\]|\\.)*"|\S+')

def value(text, kind):
    if len(text) >= 2 and text[0] == '"' and text[-1] == '"':
        text = text[1:-1]
    if text == "-":
        return None
    if kind in ("int", "bigint"):
        try:
            return int(text)
        except ValueError:
            return None
    return text

rows, skipped = [], 0
for name in sorted(os.listdir(in_dir)):
    with open(os.path.join(in_dir, name), encoding="utf-8", errors="replace") as lines:
        for line in lines:
            fields = FIELD.findall(line)
            if not fields:
                continue
            if len(fields) < len(COLUMNS):
                skipped += 1
                continue
            rows.append({column: value(text, kind) for (column, kind), text in zip(COLUMNS, fields)})
if skipped:
    print(f"convert.sh: skipped {skipped} malformed line(s)", file=sys.stderr)
print(f"convert.sh: parsed {len(rows)} row(s)", file=sys.stderr)
if not rows:
    sys.exit(0)

if fmt == "parquet":
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        print("convert.sh: warning: pyarrow is not installed, writing jsonl instead of parquet", file=sys.stderr)
        fmt = "jsonl"
if fmt == "parquet":
    types = {"string": pa.string(), "int": pa.int32(), "bigint": pa.int64()}
    schema = pa.schema([(column, types[kind]) for column, kind in COLUMNS])
    path = out_base + ".parquet"
    pq.write_table(pa.Table.from_pylist(rows, schema=schema), path, compression="snappy")
elif fmt == "jsonl":
    path = out_base + ".json"
    with open(path, "w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row) + "\n")
else:
    sys.exit(f"convert.sh: error: unknown OUTPUT_FORMAT: {fmt} (parquet or jsonl)")
print(path)
PY
)"

if [[ -z "$written" ]]; then
  write_manifest empty '[]'
  exit 0
fi

destination="${sink_path}day=${day}/lot=${lot}/$(basename "$written")"
aws s3 cp --only-show-errors "$written" "$destination"
log "wrote $destination"
write_manifest complete "$(jq -cn --arg uri "$destination" '[$uri]')"
