"""Joins the orders of one lot with their payments into one CSV file.

The lambdaExecArc contract (docs/function-contract.md): an arc with several sources that joins them (ADR-0011)
is invoked once per lot, when every source holds the lot, with each source's objects under sources.<role>.uris.
Runs unchanged on Lambda and under `cls local run` (which points boto3 at its local S3 endpoint).
"""
import csv
import io

import boto3

s3 = boto3.client("s3")


def split(uri):
    bucket, _, key = uri[len("s3://"):].partition("/")
    return bucket, key


def rows(source):
    """The rows of every CSV object of a source's lot (none for an empty lot)."""
    for uri in source["uris"]:
        bucket, key = split(uri)
        text = s3.get_object(Bucket=bucket, Key=key)["Body"].read().decode("utf-8")
        yield from csv.DictReader(io.StringIO(text))


def handler(event, context):
    orders = list(rows(event["sources"]["orders"]))
    paid = {}
    for payment in rows(event["sources"]["payments"]):
        paid[payment["order_id"]] = paid.get(payment["order_id"], 0.0) + float(payment["amount"])
    if not orders:
        return {"sinks": {"main": []}}  # nothing to join: the sink's lot is empty
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["order_id", "customer", "amount", "paid", "status"])
    for order in orders:
        amount = float(order["amount"])
        received = paid.get(order["order_id"], 0.0)
        status = "paid" if received >= amount else ("partly-paid" if received > 0 else "unpaid")
        writer.writerow([order["order_id"], order["customer"], "%.2f" % amount, "%.2f" % received, status])
    # the lot id in the key: a lot that runs again replaces its own file, never another lot's
    bucket, key = split(event["sinks"]["main"]["pathURI"] + "lot=" + event["lot"] + "/orders-payments.csv")
    s3.put_object(Bucket=bucket, Key=key, Body=out.getvalue().encode("utf-8"), ContentType="text/csv")
    print("lot %s: %d orders, %d paid" % (event["lot"], len(orders), sum(1 for o in orders if o["order_id"] in paid)))
    return {"sinks": {"main": ["s3://" + bucket + "/" + key]}}
