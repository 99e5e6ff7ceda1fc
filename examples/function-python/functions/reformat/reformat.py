"""Reformats CSV access logs into gzip JSON lines, one file per day of the requests in the lot.

The lambdaExecArc contract (docs/function-contract.md): the event lists the lot's objects under
sources.main.uris and the sink's prefix under sinks.main.pathURI; the handler returns the objects it wrote.
Runs unchanged on Lambda and under `cls local run` (which points boto3 at its local S3 endpoint).
"""
import csv
import gzip
import io
import json
import os

import boto3

s3 = boto3.client("s3")
TIME_FIELD = os.environ.get("TIME_FIELD", "time")
INTEGER_FIELDS = ("status", "bytes")


def split(uri):
    bucket, _, key = uri[len("s3://"):].partition("/")
    return bucket, key


def records(uri):
    """The rows of one CSV object, typed."""
    bucket, key = split(uri)
    text = s3.get_object(Bucket=bucket, Key=key)["Body"].read().decode("utf-8")
    for row in csv.DictReader(io.StringIO(text)):
        for field in INTEGER_FIELDS:
            if row.get(field, "").isdigit():
                row[field] = int(row[field])
        yield row


def handler(event, context):
    source = event["sources"]["main"]
    sink = event["sinks"]["main"]["pathURI"]
    by_day = {}
    for uri in source["uris"]:
        for row in records(uri):
            # 2023-01-01T00:12:31Z -> 2023-01-01
            by_day.setdefault(row[TIME_FIELD][:10], []).append(row)
    written = []
    for day, rows in sorted(by_day.items()):
        lines = "".join(json.dumps(row, sort_keys=True) + "\n" for row in rows)
        # the lot id in the name: a lot that runs again replaces its own files, never another lot's
        bucket, key = split(sink + "day=" + day + "/part-" + event["lot"] + ".json.gz")
        s3.put_object(Bucket=bucket, Key=key, Body=gzip.compress(lines.encode("utf-8")),
                      ContentType="application/json", ContentEncoding="gzip")
        written.append("s3://" + bucket + "/" + key)
    print("lot %s: %d requests from %d files into %d days" % (
        event["lot"], sum(len(rows) for rows in by_day.values()), len(source["uris"]), len(written)))
    # an empty source lot, or files without requests, give an empty sink lot
    return {"sinks": {"main": written}}
