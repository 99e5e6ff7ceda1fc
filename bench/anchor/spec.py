#!/usr/bin/env python3
"""Writes the spec of the Node anchor (bench/anchor/app.js) from a cloud assembly `cls synth` wrote.

    python3 bench/anchor/spec.py ASSEMBLY_DIR LAMBDA_JAR > spec.json

The spec holds only data: stack, function, queue and rule names, the names construct ids are made of, environment
documents, the account-scoped IAM statements of each function and the event patterns. app.js builds every construct
from it. Handles what the benchmark projects hold: s3Bucket resources, frequent s3PutListenerBoundaries and
s3CopyArcs. Resources are found by their construct path (the stack's metadata file maps each path to its logical id),
so when cls moves a resource this fails naming the path it looked for and the paths it found instead. Standard
library only.
"""
import json
import os
import re
import sys


def hyphenate(name):
    """CamelCase -> lower-hyphen, as cls names projects: 'CopyChain' -> 'copy-chain'."""
    words = []
    for part in re.split(r"[-_]", name):
        words += re.findall(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z0-9]+|[A-Z0-9]+", part)
    return "-".join(word.lower() for word in words)


class Stack:
    """A stack's template and its resources by construct path below the stack ('Start/StartFunction')."""

    def __init__(self, assembly, artifact_id, artifact):
        self.name = artifact_id
        self.artifact = artifact
        self.template = json.load(open(os.path.join(assembly, artifact["properties"]["templateFile"])))
        metadata = artifact.get("metadata")
        if metadata is None:
            metadata = json.load(open(os.path.join(assembly, artifact["additionalMetadataFile"])))
        self.paths = {}
        self.project = None
        for path, entries in metadata.items():
            if path == "/" + artifact_id:
                self.project = next((e["data"] for e in entries if e["type"] == "cls:project"), None)
            for entry in entries:
                if entry["type"] == "aws:cdk:logicalId":
                    relative = path[len("/" + artifact_id + "/"):]
                    if relative.endswith("/Resource"):
                        relative = relative[:-len("/Resource")]
                    self.paths[entry["data"]] = relative

    def resources(self, kind):
        """(construct path, logical id, resource) of every resource of `kind`."""
        return [(self.paths.get(logical, "?"), logical, resource)
                for logical, resource in self.template["Resources"].items() if resource["Type"] == kind]

    def at(self, path, kind):
        """The resource of `kind` at construct path `path`; exits naming what was there instead."""
        for found, logical, resource in self.resources(kind):
            if found == path:
                return logical, resource
        others = ", ".join(sorted(p for p, _, _ in self.resources(kind))) or "none"
        sys.exit(f"spec: stack {self.name}: no {kind} at construct path {path}; cls has moved it? "
                 f"{kind} paths in this stack: {others}")

    def one(self, kind, pattern):
        """The one resource of `kind` whose construct path matches `pattern` (a regex), with the match."""
        found = [(re.fullmatch(pattern, p), logical, resource) for p, logical, resource in self.resources(kind)]
        found = [f for f in found if f[0]]
        if len(found) != 1:
            paths = ", ".join(sorted(p for p, _, _ in self.resources(kind))) or "none"
            sys.exit(f"spec: stack {self.name}: expected one {kind} at a construct path matching {pattern}, found "
                     f"{len(found)}; {kind} paths in this stack: {paths}")
        return found[0]


def arn_text(value):
    """A Fn::Join of strings and pseudo parameters as app.js's "${Partition}" text; None for anything else."""
    if isinstance(value, str):
        return value
    if isinstance(value, dict) and list(value) == ["Fn::Join"] and value["Fn::Join"][0] == "":
        parts = []
        for part in value["Fn::Join"][1]:
            if isinstance(part, str):
                parts.append(part)
            elif isinstance(part, dict) and part.get("Ref", "").startswith("AWS::"):
                parts.append("${" + part["Ref"][len("AWS::"):] + "}")
            else:
                return None
        return "".join(parts)
    return None


def statements(policy):
    """The role's statements on named buckets and buses; those on the stack's own resources app.js adds itself."""
    kept = []
    for s in policy["Properties"]["PolicyDocument"]["Statement"]:
        resources = s["Resource"] if isinstance(s["Resource"], list) else [s["Resource"]]
        texts = [arn_text(r) for r in resources]
        if any(t is None for t in texts):
            continue
        actions = s["Action"] if isinstance(s["Action"], list) else [s["Action"]]
        entry = {"actions": actions, "resources": texts}
        if "Condition" in s:
            entry["conditions"] = s["Condition"]
        kept.append(entry)
    return kept


def function(stack, scope, function_id):
    """A function in cls's original layout below `scope`: <id>, <id>Role and LambdaLogGroup<id>/LogGroup<id>."""
    prefix = scope + "/" if scope else ""
    fn = stack.at(prefix + function_id, "AWS::Lambda::Function")[1]["Properties"]
    log_group = stack.at(f"{prefix}LambdaLogGroup{function_id}/LogGroup{function_id}", "AWS::Logs::LogGroup")[1]
    role = stack.at(prefix + function_id + "Role", "AWS::IAM::Role")[1]
    policy = stack.at(prefix + function_id + "Role/DefaultPolicy", "AWS::IAM::Policy")[1]
    return {
        "functionName": fn["FunctionName"],
        "description": fn["Description"],
        "handler": fn["Handler"],
        "architecture": fn["Architectures"][0],
        "memorySize": fn["MemorySize"],
        "timeoutSeconds": fn["Timeout"],
        "environment": fn["Environment"]["Variables"],
        "logGroupName": log_group["Properties"]["LogGroupName"],
        "retentionDays": log_group["Properties"]["RetentionInDays"],
        "statements": statements(policy),
        "wildcards": "cdk_nag" in role.get("Metadata", {}),
    }


BOUNDARY = "S3PutListenerBoundaryFrequent"


def grouped(stack):
    spec = base(stack, "grouped")
    template = stack.template
    outputs = template.get("Outputs", {})
    buckets = []
    for path, logical, resource in stack.resources("AWS::S3::Bucket"):
        # cls places a bucket where the original did (ADR-0016): a construct S3BucketResource<BucketName> holding
        # the bucket of the same id, its ARN exported from Output<label>Arn/<label> on the stack
        scope, _, bucket_id = path.partition("/")
        if scope != bucket_id:
            sys.exit(f"spec: stack {stack.name}: bucket at {path}, expected <id>/<id> (cls has moved it?)")
        props = resource["Properties"]
        exported = [k for k, o in outputs.items() if o["Value"] == {"Fn::GetAtt": [logical, "Arn"]}]
        if len(exported) != 1:
            sys.exit(f"spec: stack {stack.name}: expected one output of the ARN of bucket {path}, found {exported}")
        output_scope, _, label = stack.paths[exported[0]].partition("/")
        buckets.append({
            "id": bucket_id,
            "outputScope": output_scope,
            "outputLabel": label,
            "bucketName": props["BucketName"],
            "versioned": "VersioningConfiguration" in props,
            "removeOnDestroy": resource.get("DeletionPolicy") == "Delete",
            "eventBridge": props.get("NotificationConfiguration", {}).get("EventBridgeConfiguration", {})
            .get("EventBridgeEnabled", False),
            "exportName": outputs[exported[0]]["Export"]["Name"],
        })
    spec["buckets"] = buckets
    spec["deadLetterQueue"] = stack.at("DeadLetters", "AWS::SQS::Queue")[1]["Properties"]["QueueName"]
    boundaries = []
    for path, _, resource in stack.resources("AWS::Events::Rule"):
        match = re.fullmatch(BOUNDARY + r"([A-Za-z0-9]+)/ListenerEvent", path)
        if not match:
            sys.exit(f"spec: stack {stack.name}: a rule at {path}, not at {BOUNDARY}<Name>/ListenerEvent "
                     "(cls has moved it, or the project holds more than a frequent boundary)")
        label = match.group(1)
        scope = BOUNDARY + label
        queue_logical, queue = stack.at(scope + "/S3EventQueue", "AWS::SQS::Queue")
        queue_arn = {"Fn::GetAtt": [queue_logical, "Arn"]}
        listened, listened_prefix = None, None
        for _, _, bucket in stack.resources("AWS::S3::Bucket"):
            notifications = bucket["Properties"].get("NotificationConfiguration", {})
            for configuration in notifications.get("QueueConfigurations", []):
                if configuration["Queue"] == queue_arn:
                    listened = bucket["Properties"]["BucketName"]
                    listened_prefix = configuration["Filter"]["S3Key"]["Rules"][0]["Value"]
        policy = stack.at(scope + "/S3EventQueue/Policy", "AWS::SQS::QueuePolicy")[1]
        s3_statement = [s for s in policy["Properties"]["PolicyDocument"]["Statement"] if s["Effect"] == "Allow"][0]
        rule = resource["Properties"]
        boundaries.append({
            "label": label,
            "function": function(stack, scope, label + "Int"),
            "retryAttempts": rule["Targets"][0]["RetryPolicy"]["MaximumRetryAttempts"],
            "queueName": queue["Properties"]["QueueName"],
            "visibilityTimeoutSeconds": queue["Properties"]["VisibilityTimeout"],
            "listenedBucket": listened,
            "listenedBucketArn": arn_text(s3_statement["Condition"]["ArnLike"]["aws:SourceArn"]),
            "prefix": listened_prefix,
            "ruleName": rule["Name"],
            "ruleDescription": rule["Description"],
            "schedule": rule["ScheduleExpression"],
        })
    spec["boundaries"] = boundaries
    return spec


def arc(stack):
    spec = base(stack, "arc")
    # the state machine sits at <Arc>Orchestration/<Stage><Project><Arc><version> (ADR-0016)
    match, _, machine = stack.one("AWS::StepFunctions::StateMachine", r"([A-Za-z0-9]+)Orchestration/([^/]+)")
    label, arc_base = match.group(1), match.group(2)
    machine_logs = stack.at(f"{label}Orchestration/LogGroup{arc_base}", "AWS::Logs::LogGroup")[1]["Properties"]
    rule = stack.at(f"{label}Listener/{arc_base}Rule", "AWS::Events::Rule")[1]["Properties"]
    spec.update({
        "label": label,
        "base": arc_base,
        "start": function(stack, "Start", "StartFunction"),
        "complete": function(stack, "Complete", "CompleteFunction"),
        "copy": function(stack, "Func", label + "Func"),
        "stateMachineName": machine["Properties"]["StateMachineName"],
        "stateMachineLogGroup": machine_logs["LogGroupName"],
        "retentionDays": machine_logs["RetentionInDays"],
        "eventBusExport": rule["EventBusName"]["Fn::ImportValue"],
        "deadLetterQueue": stack.at("DeadLetters", "AWS::SQS::Queue")[1]["Properties"]["QueueName"],
        "ruleName": rule["Name"],
        "ruleDescription": rule["Description"],
        "eventPattern": rule["EventPattern"],
    })
    return spec


def base(stack, kind):
    account, region = stack.artifact["environment"][len("aws://"):].split("/")
    return {"kind": kind, "name": stack.artifact["properties"]["templateFile"][:-len(".template.json")],
            "description": stack.template["Description"], "account": account, "region": region}


def main():
    assembly, jar = sys.argv[1], os.path.abspath(sys.argv[2])
    manifest = json.load(open(os.path.join(assembly, "manifest.json")))
    stacks, tags, project = [], {}, None
    for artifact_id, artifact in manifest["artifacts"].items():
        if artifact["type"] != "aws:cloudformation:stack":
            continue
        stack = Stack(assembly, artifact_id, artifact)
        tags = artifact["properties"].get("tags", {})
        project = stack.project
        description = stack.template.get("Description", "")
        stacks.append(grouped(stack) if description.startswith("clusterless resources") else arc(stack))
    # the grouped stack first: arc stacks depend on it
    stacks.sort(key=lambda s: s["kind"] != "grouped")
    # the App context cls sets (project, version, stage) when every file is one project version
    context = {"project": hyphenate(tags["cls:project:name"]), "version": tags["cls:project:version"]}
    if "cls:project:stage" in tags:
        context["stage"] = tags["cls:project:stage"]
    spec = {"lambdaJar": jar, "tags": tags, "projectMetadata": project, "context": context, "stacks": stacks}
    json.dump(spec, sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()
