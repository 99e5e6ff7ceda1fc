"""Rolls the five-minute order lots of one hour up into one summary: the workload of a batchExecArc roll-up.

Batch roll-up contract (docs/adr/0012-roll-ups.md): the arc's lot is an hour, and CLS_COVERED_MANIFESTS_URI names
a JSON document the start gate wrote for this run:

    {"lot": "20230101PT1H000",
     "coveredManifests": {"orders": ["s3://…/lot=20230101PT5M000/state=empty/manifest.json", …]},
     "missing": ["dataset orders/20230101 lot 20230101PT5M011", …]}

coveredManifests lists, per source role, the complete or empty manifest of every five-minute lot of the hour that
was there when the run started, in lot order; missing names the lots it runs without (a lateAfter start, or a
scheduled arc's tick). The same URI is $.coveredManifestsURI for a command argument. CLS_ARC_PROPS_JSON says where
the sink and its manifest go. Runs unchanged on AWS Batch and under `cls local run` (its local S3 endpoint).
"""
import csv
import io
import json
import os

import boto3

s3 = boto3.client("s3")


def split(uri):
    bucket, _, key = uri[len("s3://"):].partition("/")
    return bucket, key


def get(uri):
    bucket, key = split(uri)
    return s3.get_object(Bucket=bucket, Key=key)["Body"].read()


def put(uri, body, content_type):
    bucket, key = split(uri)
    s3.put_object(Bucket=bucket, Key=key, Body=body, ContentType=content_type)


def main():
    props = json.loads(os.environ["CLS_ARC_PROPS_JSON"])
    covered = json.loads(get(os.environ["CLS_COVERED_MANIFESTS_URI"]))
    lot = covered["lot"]
    manifests, orders, total = [], 0, 0.0
    for role, uris in covered["coveredManifests"].items():
        for uri in uris:
            manifest = json.loads(get(uri))
            manifests.append({"role": role, "manifest": uri, "state": manifest["state"]})
            for data in manifest.get("uris", []) if manifest["state"] == "complete" else []:
                for row in csv.DictReader(io.StringIO(get(data).decode("utf-8"))):
                    orders += 1
                    total += float(row["amount"])
    summary = {"lot": lot, "orders": orders, "total": round(total, 2), "manifests": manifests,
               "missing": covered["missing"]}
    sink = props["sinks"]["main"]["pathURI"].rstrip("/") + "/lot=" + lot + "/summary.json"
    put(sink, json.dumps(summary, indent=1).encode("utf-8"), "application/json")
    template = props["sinkManifestTemplates"]["main"]
    manifest_uri = template.replace("{lot}", lot).replace("{state}", "complete").replace("{/attempt*}", "")
    put(manifest_uri, json.dumps({"state": "complete", "comment": None, "lotId": lot, "uriType": "identifier",
                                  "uris": [sink]}).encode("utf-8"), "application/json")
    print("lot %s: %d manifests, %d orders, total %.2f, %d lots missing"
          % (lot, len(manifests), orders, total, len(covered["missing"])))


if __name__ == "__main__":
    main()
