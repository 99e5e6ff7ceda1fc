"""Counts the orders of one five-minute lot and sums their amounts into report.json.

A scheduled lambdaExecArc (docs/adr/0013-schedules.md): invoked at each tick for the lot that just ended, with
sources.orders when the orders dataset holds that lot and no sources when it does not (the report then says 0).
Runs unchanged on Lambda and under `cls local run` (which points boto3 at its local S3 endpoint).
"""
import csv
import io
import json

import boto3

s3 = boto3.client("s3")


def split(uri):
    bucket, _, key = uri[len("s3://"):].partition("/")
    return bucket, key


def handler(event, context):
    count, total = 0, 0.0
    for uri in event["sources"].get("orders", {}).get("uris", []):
        bucket, key = split(uri)
        text = s3.get_object(Bucket=bucket, Key=key)["Body"].read().decode("utf-8")
        for row in csv.DictReader(io.StringIO(text)):
            count += 1
            total += float(row["amount"])
    report = {"lot": event["lot"], "orders": count, "total": round(total, 2)}
    bucket, key = split(event["sinks"]["main"]["pathURI"] + "lot=" + event["lot"] + "/report.json")
    s3.put_object(Bucket=bucket, Key=key, Body=json.dumps(report).encode("utf-8"), ContentType="application/json")
    print("lot %s: %d orders, total %.2f" % (event["lot"], count, total))
    return {"sinks": {"main": ["s3://" + bucket + "/" + key]}}
