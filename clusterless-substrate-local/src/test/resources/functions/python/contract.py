"""Handlers exercising the lambdaExecArc contract from Python, with boto3 as on Lambda."""
import json
import os
import time

import boto3

s3 = boto3.client("s3")


def split(uri):
    bucket, _, key = uri[len("s3://"):].partition("/")
    return bucket, key


def upper(event, context):
    """Writes each source object upper-cased under the main sink, and the event it was given."""
    sink = event["sinks"]["main"]["pathURI"]
    written = []
    for uri in event["sources"]["main"]["uris"]:
        bucket, key = split(uri)
        body = s3.get_object(Bucket=bucket, Key=key)["Body"].read()
        target = sink + "lot=" + event["lot"] + "/" + key.rsplit("/", 1)[-1]
        tbucket, tkey = split(target)
        s3.put_object(Bucket=tbucket, Key=tkey, Body=body.upper())
        written.append(target)
    target = sink + "lot=" + event["lot"] + "/event.json"
    tbucket, tkey = split(target)
    s3.put_object(Bucket=tbucket, Key=tkey, Body=json.dumps(
        {"event": event, "env": os.environ.get("FIELD"), "remaining": context.get_remaining_time_in_millis()}))
    written.append(target)
    print("wrote", len(written), "objects")
    return {"sinks": {"main": written}}


def nothing(event, context):
    print("nothing to do for", event["sources"]["main"]["state"], "lot")
    return None


def fail(event, context):
    raise ValueError("bad row 3 in " + event["lot"])


def hang(event, context):
    time.sleep(600)


def outside(event, context):
    """Returns an object of the source dataset as if it had written it."""
    return {"sinks": {"main": event["sources"]["main"]["uris"]}}


def put_outside(event, context):
    """Writes beside the sink, where the arc has no grant."""
    bucket, key = split(event["sinks"]["main"]["pathURI"])
    s3.put_object(Bucket=bucket, Key="elsewhere/x.txt", Body=b"x")
    return {"sinks": {"main": ["s3://" + bucket + "/elsewhere/x.txt"]}}
