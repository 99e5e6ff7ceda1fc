#!/usr/bin/env python3
"""Writes the spec of the Node anchor (bench/anchor/app.js) from a cloud assembly `cls synth` wrote.

    python3 bench/anchor/spec.py ASSEMBLY_DIR LAMBDA_JAR > spec.json

The spec holds only data: stack, function, queue and rule names, environment documents, the account-scoped IAM
statements of each function and the event patterns. app.js builds every construct from it. Handles what the
benchmark projects hold: s3Bucket resources, frequent s3PutListenerBoundaries and s3CopyArcs. Standard library only.
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


def resources_of(template, prefix, kind):
    return [(k, v) for k, v in template["Resources"].items() if k.startswith(prefix) and v["Type"] == kind]


def one(template, prefix, kind):
    found = resources_of(template, prefix, kind)
    if len(found) != 1:
        sys.exit(f"spec: expected one {kind} named {prefix}*, found {len(found)}")
    return found[0][1]


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


def statements(template, prefix):
    """The role's statements on named buckets and buses; those on the stack's own resources app.js adds itself."""
    policy = one(template, prefix + "RoleDefaultPolicy", "AWS::IAM::Policy")
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


def function(template, prefix):
    fn = one(template, prefix + "Function", "AWS::Lambda::Function")["Properties"]
    log_group = one(template, prefix + "Logs", "AWS::Logs::LogGroup")["Properties"]
    role = one(template, prefix + "Role", "AWS::IAM::Role")
    return {
        "functionName": fn["FunctionName"],
        "description": fn["Description"],
        "handler": fn["Handler"],
        "architecture": fn["Architectures"][0],
        "memorySize": fn["MemorySize"],
        "timeoutSeconds": fn["Timeout"],
        "environment": fn["Environment"]["Variables"],
        "logGroupName": log_group["LogGroupName"],
        "retentionDays": log_group["RetentionInDays"],
        "statements": statements(template, prefix),
        "wildcards": "cdk_nag" in role.get("Metadata", {}),
    }


def grouped(manifest_stack, template):
    stack = base(manifest_stack, template, "grouped")
    outputs = template.get("Outputs", {})
    buckets = []
    for logical, resource in template["Resources"].items():
        if resource["Type"] != "AWS::S3::Bucket":
            continue
        # cls places a bucket where the original did (ADR-0016): a construct S3BucketResource<BucketName> holding
        # the bucket of the same id, its ARN exported from Output<label>Arn/<label> on the stack; CDK drops the
        # repeated id, so the logical id is that id and an 8-character hash
        props = resource["Properties"]
        output = [k for k, o in outputs.items() if o["Value"] == {"Fn::GetAtt": [logical, "Arn"]}][0]
        label_length = (len(output) - 8 - len("Output") - len("Arn")) // 2
        label = output[len("Output"):len("Output") + label_length]
        buckets.append({
            "id": logical[:-8],
            "outputLabel": label,
            "bucketName": props["BucketName"],
            "versioned": "VersioningConfiguration" in props,
            "removeOnDestroy": resource.get("DeletionPolicy") == "Delete",
            "eventBridge": props.get("NotificationConfiguration", {}).get("EventBridgeConfiguration", {})
            .get("EventBridgeEnabled", False),
            "exportName": outputs[output]["Export"]["Name"],
        })
    stack["buckets"] = buckets
    stack["deadLetterQueue"] = template["Resources"]["DeadLettersBBF8BAAB"]["Properties"]["QueueName"]
    boundaries = []
    for logical, resource in template["Resources"].items():
        if not (logical.startswith("Boundary") and resource["Type"] == "AWS::Events::Rule"):
            continue
        name = logical[len("Boundary"):logical.index("Schedule")]
        prefix = "Boundary" + name + "Handler"
        queue = one(template, "Boundary" + name + "Queue", "AWS::SQS::Queue")["Properties"]
        queue_arn = {"Fn::GetAtt": [k for k, _ in resources_of(template, "Boundary" + name + "Queue", "AWS::SQS::Queue")][0:1] + ["Arn"]}
        listened, listened_prefix = None, None
        for bucket_logical, bucket in resources_of(template, "S3Bucket", "AWS::S3::Bucket"):
            for configuration in bucket["Properties"].get("NotificationConfiguration", {}).get("QueueConfigurations", []):
                if configuration["Queue"] == queue_arn:
                    listened = bucket["Properties"]["BucketName"]
                    listened_prefix = configuration["Filter"]["S3Key"]["Rules"][0]["Value"]
        policy = one(template, "Boundary" + name + "QueuePolicy", "AWS::SQS::QueuePolicy")
        s3_statement = [s for s in policy["Properties"]["PolicyDocument"]["Statement"] if s["Effect"] == "Allow"][0]
        rule = resource["Properties"]
        boundaries.append({
            "name": name,
            "function": function(template, prefix),
            "retryAttempts": rule["Targets"][0]["RetryPolicy"]["MaximumRetryAttempts"],
            "queueName": queue["QueueName"],
            "visibilityTimeoutSeconds": queue["VisibilityTimeout"],
            "listenedBucket": listened,
            "listenedBucketArn": arn_text(s3_statement["Condition"]["ArnLike"]["aws:SourceArn"]),
            "prefix": listened_prefix,
            "ruleName": rule["Name"],
            "ruleDescription": rule["Description"],
            "schedule": rule["ScheduleExpression"],
        })
    stack["boundaries"] = boundaries
    return stack


def arc(manifest_stack, template):
    stack = base(manifest_stack, template, "arc")
    resources = template["Resources"]
    machine = one(template, "StateMachine2", "AWS::StepFunctions::StateMachine")["Properties"]
    machine_logs = one(template, "StateMachineLogs", "AWS::Logs::LogGroup")["Properties"]
    rule = one(template, "Listener", "AWS::Events::Rule")["Properties"]
    stack.update({
        "start": function(template, "StartGate"),
        "complete": function(template, "CompleteGate"),
        "copy": function(template, "S3Copy"),
        "stateMachineName": machine["StateMachineName"],
        "stateMachineLogGroup": machine_logs["LogGroupName"],
        "retentionDays": machine_logs["RetentionInDays"],
        "eventBusExport": rule["EventBusName"]["Fn::ImportValue"],
        "deadLetterQueue": resources["DeadLettersBBF8BAAB"]["Properties"]["QueueName"],
        "ruleName": rule["Name"],
        "ruleDescription": rule["Description"],
        "eventPattern": rule["EventPattern"],
    })
    return stack


def base(manifest_stack, template, kind):
    account, region = manifest_stack["environment"][len("aws://"):].split("/")
    return {"kind": kind, "name": manifest_stack["properties"]["templateFile"][:-len(".template.json")],
            "description": template["Description"], "account": account, "region": region}


def main():
    assembly, jar = sys.argv[1], os.path.abspath(sys.argv[2])
    manifest = json.load(open(os.path.join(assembly, "manifest.json")))
    stacks, tags = [], {}
    for artifact in manifest["artifacts"].values():
        if artifact["type"] != "aws:cloudformation:stack":
            continue
        template = json.load(open(os.path.join(assembly, artifact["properties"]["templateFile"])))
        tags = artifact["properties"].get("tags", {})
        kind = grouped if "Description" in template and template["Description"].startswith("clusterless resources") else arc
        stacks.append(kind(artifact, template))
    # the grouped stack first: arc stacks depend on it
    stacks.sort(key=lambda s: s["kind"] != "grouped")
    # the App context cls sets (project, version, stage) when every file is one project version
    context = {"project": hyphenate(tags["cls:project:name"]), "version": tags["cls:project:version"]}
    if "cls:project:stage" in tags:
        context["stage"] = tags["cls:project:stage"]
    spec = {"lambdaJar": jar, "tags": tags, "context": context, "stacks": stacks}
    json.dump(spec, sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()
