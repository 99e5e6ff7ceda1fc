#!/usr/bin/env python3
"""Generate a large, valid Clusterless project for benchmarks.

One S3 bucket, one frequent s3PutListenerBoundary and N chained s3CopyArcs: arc 1 consumes the
boundary's dataset and arc i consumes the sink dataset of arc i-1, so the whole chain is one
dependency path (the worst case for dataset resolution and lot propagation).

    python3 bench/gen-project.py --arcs 200 > /tmp/p.json
    python3 bench/gen-project.py --arcs 1000 --format yaml > /tmp/p.yaml

Standard library only. Fails, naming the culprit, when the options would produce a name the
loader must reject (bucket name rules, Lambda function names over 64 characters).
"""
import argparse
import json
import re
import sys

LOT_UNITS = ("Fourths", "Sixths", "Twelfths")
# Lambda functions per component: <STAGE>-<project>-<component>-<fn>-<version>-<region>.
ARC_FUNCTIONS = ("start", "complete", "func")
BOUNDARY_FUNCTIONS = ("int",)
MAX_LAMBDA_NAME = 64


def hyphenate(name):
    """CamelCase -> lower-hyphen, e.g. 'CopyChain' -> 'copy-chain', 'a12' -> 'a12'."""
    words = []
    for part in re.split(r"[-_]", name):
        words += re.findall(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z0-9]+|[A-Z0-9]+", part)
    return "-".join(word.lower() for word in words)


def lambda_name(args, component, function):
    parts = [args.stage.upper()] if args.stage else []
    parts += [hyphenate(args.name), hyphenate(component), function, args.version, args.region]
    return "-".join(parts)


def check_bucket_name(name):
    if not (3 <= len(name) <= 63 and re.fullmatch(r"[a-z0-9][a-z0-9.-]*[a-z0-9]", name) and ".." not in name):
        sys.exit(f"gen-project: invalid bucket name ({len(name)} chars): {name}")


def arc_name(index, width):
    return f"c{index:0{width}d}"


def build(args):
    stage_prefix = [args.stage.lower()] if args.stage else []
    bucket = "-".join(stage_prefix + ["cls", hyphenate(args.name), args.account, args.region])
    check_bucket_name(bucket)

    def sink(name):
        return {"name": name, "version": args.dataset_version, "pathURI": f"s3://{bucket}/{name}/"}

    width = len(str(args.arcs))
    longest = [lambda_name(args, "ingressListener", f) for f in BOUNDARY_FUNCTIONS]
    longest += [lambda_name(args, arc_name(args.arcs, width), f) for f in ARC_FUNCTIONS]
    for name in longest:
        if len(name) > MAX_LAMBDA_NAME:
            sys.exit(f"gen-project: Lambda function name too long ({len(name)} > {MAX_LAMBDA_NAME}): {name}")

    placement = {"provider": "aws"}
    if args.stage:
        placement["stage"] = args.stage
    placement.update({"account": args.account, "region": args.region})

    previous = sink("ingress")
    arcs = []
    for index in range(1, args.arcs + 1):
        name = arc_name(index, width)
        current = sink(name)
        arcs.append({
            "type": "aws:core:s3CopyArc",
            "name": name,
            "sources": {"main": {"name": previous["name"], "version": previous["version"]}},
            "sinks": {"main": current},
            "workload": {"workloadProps": {"filter": {"excludes": ["**/_*"]}}},
        })
        previous = current

    return {
        "project": {"name": args.name, "version": args.version},
        "placement": placement,
        "resources": [{"type": "aws:core:s3Bucket", "name": "bucket", "bucketName": bucket}],
        "boundaries": [{
            "type": "aws:core:s3PutListenerBoundary",
            "name": "ingressListener",
            "eventArrival": "frequent",
            "lotUnit": args.lot_unit,
            "dataset": sink("ingress"),
            "filter": {"excludes": ["**/_*"]},
        }],
        "arcs": arcs,
    }


def yaml_lines(value):
    """Block-style YAML. Scalars are written as JSON, which YAML reads back unchanged; quoting every
    string keeps "20230101" a string and "**/_*" from reading as an alias."""
    lines = []
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, (dict, list)) and item:
                lines.append(f"{key}:")
                lines += ["  " + line for line in yaml_lines(item)]
            else:
                lines.append(f"{key}: {json.dumps(item)}")
    else:
        for item in value:
            if isinstance(item, (dict, list)) and item:
                nested = yaml_lines(item)
                lines.append("- " + nested[0])
                lines += ["  " + line for line in nested[1:]]
            else:
                lines.append(f"- {json.dumps(item)}")
    return lines


def main(argv=None):
    parser = argparse.ArgumentParser(description="Generate a valid Clusterless project with N chained s3CopyArcs.")
    parser.add_argument("--arcs", type=int, default=200, help="number of chained arcs (default: 200)")
    parser.add_argument("--format", choices=("json", "yaml"), default="json", help="output format (default: json)")
    parser.add_argument("--name", default="Bench", help="project name, CamelCase (default: Bench)")
    parser.add_argument("--version", default="20230101-00", help="project version (default: 20230101-00)")
    parser.add_argument("--dataset-version", default="20230101", help="version of every dataset (default: 20230101)")
    parser.add_argument("--stage", default="dev", help="placement stage, '' for none (default: dev)")
    parser.add_argument("--account", default="123456789012", help="AWS account id (default: 123456789012)")
    parser.add_argument("--region", default="us-west-2", help="AWS region (default: us-west-2)")
    parser.add_argument("--lot-unit", choices=LOT_UNITS, default="Twelfths", help="boundary lot unit (default: Twelfths)")
    args = parser.parse_args(argv)
    if args.arcs < 1:
        parser.error("--arcs must be at least 1")

    project = build(args)
    if args.format == "json":
        json.dump(project, sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(f"# generated: python3 bench/gen-project.py --arcs {args.arcs} --format yaml\n")
        sys.stdout.write("\n".join(yaml_lines(project)) + "\n")


if __name__ == "__main__":
    main()
