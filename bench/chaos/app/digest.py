#!/usr/bin/env python3
"""The workload of the Chaos arc "digest" (bench/local-chaos.sh).

    ./digest.py <lot> <source manifest URI>

Writes <sink>lot=<lot>/digest.txt, one line "<input URI> <sha256>" per object the source manifest lists, then the
sink manifest, created only if absent (If-None-Match: *): that create is the lot's commit. A lot whose manifest
already exists (a run killed after its commit, before the arc recorded it) is not written again.

$CHAOS_LOG gets "start <lot> <pid> <start ticks>" first, then "overlap <lot> <pid> <other pid>" for every earlier
start of the lot whose process still lives, then "commit <lot> <pid>" or "already <lot> <pid>".
Sleeps up to $CHAOS_MAX_SLEEP seconds (default 1.5) before writing, to widen the windows a kill can hit.
"""
import hashlib
import json
import os
import random
import sys
import time

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

lot, source_manifest = sys.argv[1], sys.argv[2]
log_path = os.environ["CHAOS_LOG"]
pid = os.getpid()


def stat(p):
    try:
        with open(f"/proc/{p}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return fields[0], fields[19]  # state, start ticks
    except (OSError, IndexError):
        return None, None


def log(line):
    # O_APPEND: lines of concurrent writers do not mix
    with open(log_path, "a") as f:
        f.write(line + "\n")


log(f"start {lot} {pid} {stat(pid)[1]}")
with open(log_path) as f:
    for line in f:
        words = line.split()
        if len(words) == 4 and words[0] == "start" and words[1] == lot and int(words[2]) != pid:
            state, ticks = stat(int(words[2]))
            if ticks == words[3] and state not in ("Z", "X"):
                log(f"overlap {lot} {words[2]} {pid}")

props = json.loads(os.environ["CLS_ARC_PROPS_JSON"])
sink = props["sinks"]["main"]["pathURI"].rstrip("/") + "/"
template = props["sinkManifestTemplates"]["main"]
s3 = boto3.client("s3", config=Config(s3={"addressing_style": "path"}, retries={"max_attempts": 5}))


def split(uri):
    bucket, _, key = uri[len("s3://"):].partition("/")
    return bucket, key


def manifest_uri(state):
    return template.replace("{lot}", lot).replace("{state}", state).replace("{/attempt*}", "")


def read(uri):
    bucket, key = split(uri)
    return s3.get_object(Bucket=bucket, Key=key)["Body"].read()


source = json.loads(read(source_manifest))
uris = source.get("uris") or []
time.sleep(random.uniform(0, float(os.environ.get("CHAOS_MAX_SLEEP", "1.5"))))
state = "complete" if uris else "empty"
written = []
if uris:
    lines = "".join(f"{uri} {hashlib.sha256(read(uri)).hexdigest()}\n" for uri in sorted(uris))
    target = f"{sink}lot={lot}/digest.txt"
    bucket, key = split(target)
    s3.put_object(Bucket=bucket, Key=key, Body=lines.encode())  # same bytes on every run of the lot
    written = [target]
body = json.dumps({"state": state, "comment": None, "lotId": lot, "uriType": "identifier", "uris": written})
bucket, key = split(manifest_uri(state))
try:
    s3.put_object(Bucket=bucket, Key=key, Body=body.encode(), ContentType="application/json", IfNoneMatch="*")
    log(f"commit {lot} {pid}")
except ClientError as e:
    if e.response.get("Error", {}).get("Code") not in ("PreconditionFailed", "412"):
        raise
    log(f"already {lot} {pid}")
