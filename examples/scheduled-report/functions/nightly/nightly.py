"""A scheduled workload without sources (docs/adr/0013-schedules.md): once a day, for the day that ended.

It reads nothing; it records which day it ran for and its attempt, standing in for a nightly export or check.
"""
import json

import boto3

s3 = boto3.client("s3")


def handler(event, context):
    pathURI = event["sinks"]["main"]["pathURI"] + "lot=" + event["lot"] + "/nightly.json"
    bucket, _, key = pathURI[len("s3://"):].partition("/")
    body = {"lot": event["lot"], "attempt": event["attempt"], "sources": sorted(event["sources"])}
    s3.put_object(Bucket=bucket, Key=key, Body=json.dumps(body).encode("utf-8"), ContentType="application/json")
    return {"sinks": {"main": ["s3://" + bucket + "/" + key]}}
