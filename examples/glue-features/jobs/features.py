"""Per-session features of click events, one CSV per lot: a Glue Python shell job of a glueJobArc.

cls runs it once per lot of click-events with --cls-lot, --cls-source-manifest (the lot's manifest, which lists
its objects) and --cls-sink-main (the folder <sink pathURI>lot=<LOT>/ to write into), then lists that folder into
the sink manifest. Runs unchanged on Glue (Python 3.9, boto3) and under `cls local run` (python3 with boto3, pointed
at the local S3 endpoint by AWS_ENDPOINT_URL).
"""
import argparse
import csv
import io
import json
from datetime import datetime

import boto3

s3 = boto3.client("s3")


def split(uri):
    bucket, _, key = uri[len("s3://"):].partition("/")
    return bucket, key


def read(uri):
    bucket, key = split(uri)
    return s3.get_object(Bucket=bucket, Key=key)["Body"].read().decode("utf-8")


def arguments():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cls-lot", required=True)
    parser.add_argument("--cls-source-manifest", required=True)
    parser.add_argument("--cls-sink-main", required=True)
    parser.add_argument("--min-events", type=int, default=1)
    # Glue adds arguments of its own (--JOB_ID, --job-bookmark-option, ...), cls more (--cls-arc-props, ...)
    known, _ = parser.parse_known_args()
    return known


def features(rows):
    """session_id -> its features, from the rows user_id,session_id,ts,url,seconds."""
    sessions = {}
    for row in rows:
        at = datetime.strptime(row["ts"], "%Y-%m-%dT%H:%M:%SZ")
        session = sessions.setdefault(row["session_id"], {
            "user_id": row["user_id"], "events": 0, "urls": set(), "seconds": 0.0, "first": at, "last": at})
        session["events"] += 1
        session["urls"].add(row["url"])
        session["seconds"] += float(row["seconds"])
        session["first"] = min(session["first"], at)
        session["last"] = max(session["last"], at)
    return sessions


def main():
    args = arguments()
    manifest = json.loads(read(args.cls_source_manifest))
    rows = []
    for uri in manifest.get("uris", []):
        rows.extend(csv.DictReader(io.StringIO(read(uri))))
    sessions = {key: value for key, value in features(rows).items() if value["events"] >= args.min_events}
    if not sessions:
        # nothing written: cls records an empty lot
        print("lot %s: no session with %d events or more" % (args.cls_lot, args.min_events))
        return
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["session_id", "user_id", "events", "distinct_urls", "seconds_on_page", "duration_s"])
    for session_id, s in sorted(sessions.items()):
        writer.writerow([session_id, s["user_id"], s["events"], len(s["urls"]), round(s["seconds"], 3),
                         int((s["last"] - s["first"]).total_seconds())])
    bucket, key = split(args.cls_sink_main + "sessions.csv")
    s3.put_object(Bucket=bucket, Key=key, Body=out.getvalue().encode("utf-8"), ContentType="text/csv")
    print("lot %s: %d sessions from %d events in %d files" % (
        args.cls_lot, len(sessions), len(rows), len(manifest.get("uris", []))))


if __name__ == "__main__":
    main()
