"""Rolls the joined five-minute lots of one hour up into one CSV of totals per customer.

The lambdaExecArc contract (docs/function-contract.md) for a roll-up (ADR-0012): the arc's lot is an hour, and
sources.<role>.uris holds the objects of every joined five-minute lot of that hour that was there when it started
(all twelve, or, after lateAfter, those that had arrived). Runs unchanged on Lambda and under `cls local run`.
"""
import csv
import io

import boto3

s3 = boto3.client("s3")


def split(uri):
    bucket, _, key = uri[len("s3://"):].partition("/")
    return bucket, key


def handler(event, context):
    totals = {}
    for uri in event["sources"]["joined"]["uris"]:
        bucket, key = split(uri)
        text = s3.get_object(Bucket=bucket, Key=key)["Body"].read().decode("utf-8")
        for row in csv.DictReader(io.StringIO(text)):
            ordered, paid = totals.get(row["customer"], (0.0, 0.0))
            totals[row["customer"]] = (ordered + float(row["amount"]), paid + float(row["paid"]))
    if not totals:
        return {"sinks": {"main": []}}  # no joined order in the hour: the sink's lot is empty
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["customer", "ordered", "paid"])
    for customer in sorted(totals):
        ordered, paid = totals[customer]
        writer.writerow([customer, "%.2f" % ordered, "%.2f" % paid])
    bucket, key = split(event["sinks"]["main"]["pathURI"] + "lot=" + event["lot"] + "/customers.csv")
    s3.put_object(Bucket=bucket, Key=key, Body=out.getvalue().encode("utf-8"), ContentType="text/csv")
    return {"sinks": {"main": ["s3://" + bucket + "/" + key]}}
